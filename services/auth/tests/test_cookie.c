/* The refresh cookie, exactly as DESIGN.md gives it. */
#include <check.h>
#include <stdlib.h>

#include "cookie.h"
#include "svc/error.h"

START_TEST(the_refresh_cookie_is_strict) {
    char *c = NULL;
    ck_assert_int_eq(auth_cookie_build("/api/auth/v1/sessies", "abc-DEF_123", 43200, &c), SVC_OK);
    ck_assert_str_eq(c, "jt_refresh=abc-DEF_123; Path=/api/auth/v1/sessies; HttpOnly; Secure; "
                        "SameSite=Strict; Max-Age=43200");
    free(c);
}
END_TEST

START_TEST(clearing_sends_an_empty_value_and_max_age_0) {
    char *c = NULL;
    ck_assert_int_eq(auth_cookie_build("/api/auth/v1/sessies", "", 0, &c), SVC_OK);
    ck_assert_str_eq(c, "jt_refresh=; Path=/api/auth/v1/sessies; HttpOnly; Secure; "
                        "SameSite=Strict; Max-Age=0");
    free(c);
}
END_TEST

START_TEST(text_that_would_break_the_header_is_refused) {
    char *c = NULL;
    ck_assert_int_eq(auth_cookie_build("/x", "a;b", 1, &c), SVC_EINVAL);
    ck_assert_int_eq(auth_cookie_build("/x", "a b", 1, &c), SVC_EINVAL);
    ck_assert_int_eq(auth_cookie_build("/x", "a\r\nSet-Cookie: x=y", 1, &c), SVC_EINVAL);
    ck_assert_int_eq(auth_cookie_build("/x; Domain=evil", "a", 1, &c), SVC_EINVAL);
    ck_assert_int_eq(auth_cookie_build(NULL, "a", 1, &c), SVC_EINVAL);
    ck_assert_ptr_null(c);
}
END_TEST

int main(void) {
    Suite *s = suite_create("cookie");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, the_refresh_cookie_is_strict);
    tcase_add_test(tc, clearing_sends_an_empty_value_and_max_age_0);
    tcase_add_test(tc, text_that_would_break_the_header_is_refused);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
