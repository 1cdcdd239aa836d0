/* Roles and scopes: what a staff token carries, and how a client's token request narrows. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "scopes.h"
#include "svc/error.h"

/* 1 when the space-separated list has the scope. */
static int has(const char *list, const char *scope) {
    size_t n = strlen(scope);
    for (const char *p = list; p && *p;) {
        if (strncmp(p, scope, n) == 0 && (p[n] == ' ' || p[n] == '\0'))
            return 1;
        p = strchr(p, ' ');
        p = p ? p + 1 : NULL;
    }
    return 0;
}

static const char *const reads[] = {"portfolio:read", "stakeholders:read", "contributions:read",
                                    "monitoring:read", NULL};
static const char *const writes[] = {"portfolio:write", "stakeholders:write", "contributions:write",
                                     "monitoring:write", NULL};

START_TEST(a_reader_only_reads) {
    const char *s = auth_role_scope("lezer");
    for (int i = 0; reads[i]; i++)
        ck_assert_msg(has(s, reads[i]), "lezer has %s", reads[i]);
    for (int i = 0; writes[i]; i++)
        ck_assert_msg(!has(s, writes[i]), "lezer lacks %s", writes[i]);
    ck_assert(!has(s, "auth:admin"));
    ck_assert(!has(s, "monitoring:ingest"));
}
END_TEST

START_TEST(an_editor_reads_and_writes_but_does_not_administer) {
    const char *s = auth_role_scope("redacteur");
    for (int i = 0; reads[i]; i++)
        ck_assert(has(s, reads[i]));
    for (int i = 0; writes[i]; i++)
        ck_assert(has(s, writes[i]));
    ck_assert(!has(s, "auth:admin"));
    ck_assert(has(s, "monitoring:ingest")); /* the office uploads indicator CSVs itself */
}
END_TEST

START_TEST(an_admin_has_everything) {
    const char *s = auth_role_scope("beheerder");
    for (int i = 0; reads[i]; i++)
        ck_assert(has(s, reads[i]));
    for (int i = 0; writes[i]; i++)
        ck_assert(has(s, writes[i]));
    ck_assert(has(s, "auth:admin"));
    ck_assert(has(s, "monitoring:ingest"));
}
END_TEST

START_TEST(an_unknown_role_has_no_scopes) {
    ck_assert_ptr_null(auth_role_scope("koning"));
    ck_assert_ptr_null(auth_role_scope(""));
    ck_assert_ptr_null(auth_role_scope(NULL));
    ck_assert_ptr_null(auth_role_scope("Beheerder"));
}
END_TEST

START_TEST(clients_can_never_get_auth_admin) {
    int ingest = 0;
    for (int i = 0; auth_client_scopes[i]; i++) {
        ck_assert_str_ne(auth_client_scopes[i], "auth:admin");
        ingest |= strcmp(auth_client_scopes[i], "monitoring:ingest") == 0;
    }
    ck_assert(ingest);
}
END_TEST

START_TEST(without_a_request_all_granted_scopes) {
    char *out = NULL;
    ck_assert_int_eq(auth_scope_narrow("monitoring:read monitoring:ingest", NULL, &out), SVC_OK);
    ck_assert_str_eq(out, "monitoring:read monitoring:ingest");
    free(out);
}
END_TEST

START_TEST(a_request_narrows_in_its_own_order_once_each) {
    char *out = NULL;
    const char *granted = "portfolio:read stakeholders:read monitoring:read";
    ck_assert_int_eq(
        auth_scope_narrow(granted, "monitoring:read  portfolio:read monitoring:read", &out),
        SVC_OK);
    ck_assert_str_eq(out, "monitoring:read portfolio:read");
    free(out);
}
END_TEST

START_TEST(a_scope_not_granted_is_refused) {
    char *out = NULL;
    const char *granted = "portfolio:read";
    ck_assert_int_eq(auth_scope_narrow(granted, "portfolio:write", &out), SVC_EINVAL);
    ck_assert_int_eq(auth_scope_narrow(granted, "portfolio:read portfolio:write", &out),
                     SVC_EINVAL);
    ck_assert_int_eq(auth_scope_narrow(granted, "auth:admin", &out), SVC_EINVAL);
    /* a prefix of a granted scope is not that scope */
    ck_assert_int_eq(auth_scope_narrow(granted, "portfolio", &out), SVC_EINVAL);
    ck_assert_int_eq(auth_scope_narrow(granted, "portfolio:reader", &out), SVC_EINVAL);
    ck_assert_ptr_null(out);
}
END_TEST

START_TEST(a_request_naming_nothing_is_refused) {
    char *out = NULL;
    ck_assert_int_eq(auth_scope_narrow("portfolio:read", "", &out), SVC_EINVAL);
    ck_assert_int_eq(auth_scope_narrow("portfolio:read", "   ", &out), SVC_EINVAL);
    ck_assert_ptr_null(out);
}
END_TEST

int main(void) {
    Suite *s = suite_create("scopes");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, a_reader_only_reads);
    tcase_add_test(tc, an_editor_reads_and_writes_but_does_not_administer);
    tcase_add_test(tc, an_admin_has_everything);
    tcase_add_test(tc, an_unknown_role_has_no_scopes);
    tcase_add_test(tc, clients_can_never_get_auth_admin);
    tcase_add_test(tc, without_a_request_all_granted_scopes);
    tcase_add_test(tc, a_request_narrows_in_its_own_order_once_each);
    tcase_add_test(tc, a_scope_not_granted_is_refused);
    tcase_add_test(tc, a_request_naming_nothing_is_refused);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
