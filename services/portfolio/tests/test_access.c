/* Unit tests of the access rules and id checks (no database). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "portfolio.h"

static svc_principal *principal(const char *role, const long long *lines, size_t n) {
    svc_principal *p = calloc(1, sizeof(*p));
    p->roles = calloc(1, sizeof(char *));
    p->roles[0] = strdup(role);
    p->n_roles = 1;
    if (n > 0) {
        p->action_lines = calloc(n, sizeof(long long));
        memcpy(p->action_lines, lines, n * sizeof(long long));
        p->n_action_lines = n;
    }
    return p;
}

START_TEST(editor_roles) {
    svc_principal *a = principal("beheerder", NULL, 0), *e = principal("redacteur", NULL, 0);
    svc_principal *l = principal("lezer", NULL, 0);
    ck_assert(pf_is_editor(a));
    ck_assert(pf_is_editor(e));
    ck_assert(!pf_is_editor(l));
    ck_assert(!pf_is_editor(NULL));
    svc_principal_free(a);
    svc_principal_free(e);
    svc_principal_free(l);
}
END_TEST

START_TEST(line_limit) {
    const long long lines[] = {1, 3};
    char buf[64];
    svc_principal *e = principal("redacteur", lines, 2), *u = principal("redacteur", NULL, 0);
    svc_principal *a = principal("beheerder", lines, 2);
    ck_assert_str_eq(pf_lines_limit(e, buf, sizeof(buf)), "{1,3}");
    ck_assert_ptr_null(pf_lines_limit(u, buf, sizeof(buf)));
    ck_assert_ptr_null(pf_lines_limit(a, buf, sizeof(buf)));
    svc_principal_free(e);
    svc_principal_free(u);
    svc_principal_free(a);
}
END_TEST

START_TEST(ids) {
    ck_assert(svc_is_uuid("0b5e7d4c-1f2a-4b3c-9d8e-7f6a5b4c3d2e"));
    ck_assert(!svc_is_uuid("0b5e7d4c-1f2a-4b3c-9d8e-7f6a5b4c3d2"));
    ck_assert(!svc_is_uuid("1' OR '1'='1"));
    ck_assert(pf_is_line_number("5"));
    ck_assert(!pf_is_line_number("6"));
    ck_assert(!pf_is_line_number("0"));
    ck_assert(!pf_is_line_number("1a"));
    ck_assert(!pf_is_line_number(""));
}
END_TEST

int main(void) {
    Suite *s = suite_create("portfolio_access");
    TCase *tc = tcase_create("access");
    tcase_add_test(tc, editor_roles);
    tcase_add_test(tc, line_limit);
    tcase_add_test(tc, ids);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
