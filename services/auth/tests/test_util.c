/* Small helpers: ids, secrets, digests, text checks, the login slowdown. */
#include <check.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "svc/error.h"
#include "util.h"

START_TEST(random_tokens_are_43_base64url_characters_and_differ) {
    char *a = NULL, *b = NULL;
    ck_assert_int_eq(auth_random_token(AUTH_SECRET_BYTES, &a), SVC_OK);
    ck_assert_int_eq(auth_random_token(AUTH_SECRET_BYTES, &b), SVC_OK);
    ck_assert_uint_eq(strlen(a), 43);
    ck_assert_uint_eq(strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                      43);
    ck_assert_str_ne(a, b);
    free(a);
    free(b);
    ck_assert_int_eq(auth_random_token(AUTH_TOKEN_ID_BYTES, &a), SVC_OK);
    ck_assert_uint_eq(strlen(a), 22);
    free(a);
}
END_TEST

START_TEST(sha256_hex_and_constant_time_equality) {
    char d[AUTH_SHA256_HEX], e[AUTH_SHA256_HEX];
    auth_sha256_hex("abc", d);
    ck_assert_str_eq(d, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    auth_sha256_hex("abd", e);
    ck_assert(auth_digest_equal(d, d));
    ck_assert(!auth_digest_equal(d, e));
    ck_assert(!auth_digest_equal(d, NULL));
    ck_assert(!auth_digest_equal(d, "ba7816bf"));
}
END_TEST

START_TEST(login_names) {
    ck_assert(auth_name_valid("j.jansen"));
    ck_assert(auth_name_valid("gm-enschede_2"));
    ck_assert(!auth_name_valid("jo"));
    ck_assert(!auth_name_valid("Jan"));
    ck_assert(!auth_name_valid("jan jansen"));
    ck_assert(!auth_name_valid("jan@x"));
    char long_name[66];
    memset(long_name, 'a', 65);
    long_name[65] = '\0';
    ck_assert(!auth_name_valid(long_name));
    long_name[64] = '\0';
    ck_assert(auth_name_valid(long_name));
    char *lower = NULL;
    ck_assert_int_eq(auth_lower("J.Jansen", &lower), SVC_OK);
    ck_assert_str_eq(lower, "j.jansen");
    free(lower);
}
END_TEST

START_TEST(email_addresses_and_municipality_codes) {
    ck_assert(auth_email_valid("j.jansen@enschede.nl"));
    ck_assert(!auth_email_valid("geen-apenstaartje"));
    ck_assert(!auth_email_valid("@enschede.nl"));
    ck_assert(!auth_email_valid("jan@"));
    ck_assert(!auth_email_valid("jan @enschede.nl"));
    ck_assert(!auth_email_valid("a@b@c"));
    ck_assert(auth_gemeente_valid("GM0153"));
    ck_assert(!auth_gemeente_valid("GM15"));
    ck_assert(!auth_gemeente_valid("gm0153"));
    ck_assert(!auth_gemeente_valid("GM01534"));
    ck_assert(!auth_gemeente_valid("GM01a3"));
}
END_TEST

START_TEST(failed_logins_slow_down_250_ms_each_up_to_3_s) {
    ck_assert_uint_eq(auth_failure_delay_ms(0), 0);
    ck_assert_uint_eq(auth_failure_delay_ms(1), 0);
    ck_assert_uint_eq(auth_failure_delay_ms(2), 250);
    ck_assert_uint_eq(auth_failure_delay_ms(4), 750);
    ck_assert_uint_eq(auth_failure_delay_ms(12), 2750);
    ck_assert_uint_eq(auth_failure_delay_ms(13), 3000);
    ck_assert_uint_eq(auth_failure_delay_ms(1000000), 3000);
}
END_TEST

START_TEST(lists) {
    json_t *list = NULL;
    ck_assert_int_eq(auth_split_list(" a, b ,,c ", &list), SVC_OK);
    ck_assert_uint_eq(json_array_size(list), 3);
    ck_assert_str_eq(json_string_value(json_array_get(list, 1)), "b");
    ck_assert_str_eq(json_string_value(json_array_get(list, 2)), "c");
    json_decref(list);
    ck_assert_int_eq(auth_split_list("", &list), SVC_OK);
    ck_assert_uint_eq(json_array_size(list), 0);
    json_decref(list);
}
END_TEST

int main(void) {
    if (sodium_init() < 0)
        return EXIT_FAILURE;
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, random_tokens_are_43_base64url_characters_and_differ);
    tcase_add_test(tc, sha256_hex_and_constant_time_equality);
    tcase_add_test(tc, login_names);
    tcase_add_test(tc, email_addresses_and_municipality_codes);
    tcase_add_test(tc, failed_logins_slow_down_250_ms_each_up_to_3_s);
    tcase_add_test(tc, lists);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
