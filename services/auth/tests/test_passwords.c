/* Password hashing: argon2id, and unknown users checked against a dummy hash. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "passwords.h"
#include "svc/error.h"

static auth_hasher *hasher;

static void setup(void) {
    ck_assert_int_eq(auth_hasher_new(&hasher), SVC_OK);
}

static void teardown(void) {
    auth_hasher_free(hasher);
}

START_TEST(a_hash_is_argon2id_and_verifies_only_the_password) {
    char *hash = NULL;
    ck_assert_int_eq(auth_password_hash(hasher, "correct-horse-battery", &hash), SVC_OK);
    ck_assert_int_eq(strncmp(hash, "$argon2id$", 10), 0);
    ck_assert(strstr(hash, "correct-horse-battery") == NULL);
    ck_assert(auth_password_verify(hasher, hash, "correct-horse-battery"));
    ck_assert(!auth_password_verify(hasher, hash, "correct-horse-batterY"));
    ck_assert(!auth_password_verify(hasher, hash, ""));
    free(hash);
}
END_TEST

START_TEST(the_same_password_hashes_differently_each_time) {
    char *a = NULL, *b = NULL;
    ck_assert_int_eq(auth_password_hash(hasher, "hetzelfde-wachtwoord", &a), SVC_OK);
    ck_assert_int_eq(auth_password_hash(hasher, "hetzelfde-wachtwoord", &b), SVC_OK);
    ck_assert_str_ne(a, b);
    free(a);
    free(b);
}
END_TEST

START_TEST(an_unknown_user_never_verifies) {
    ck_assert(!auth_password_verify(hasher, NULL, "wat-dan-ook"));
    ck_assert(!auth_password_verify(hasher, NULL, ""));
}
END_TEST

START_TEST(a_malformed_stored_hash_does_not_verify) {
    ck_assert(!auth_password_verify(hasher, "", "x"));
    ck_assert(!auth_password_verify(hasher, "$argon2id$kapot", "x"));
}
END_TEST

int main(void) {
    Suite *s = suite_create("passwords");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, a_hash_is_argon2id_and_verifies_only_the_password);
    tcase_add_test(tc, the_same_password_hashes_differently_each_time);
    tcase_add_test(tc, an_unknown_user_never_verifies);
    tcase_add_test(tc, a_malformed_stored_hash_does_not_verify);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
