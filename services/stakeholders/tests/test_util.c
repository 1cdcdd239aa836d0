/* Unit tests of the pure helpers: UUIDs and CBS codes. */
#include <check.h>
#include <stdlib.h>

#include "stk.h"

START_TEST(test_cbs_code) {
    ck_assert(stk_cbs_code_valid("GM0153"));
    ck_assert(stk_cbs_code_valid("GM1774"));
    ck_assert(!stk_cbs_code_valid("gm0153"));
    ck_assert(!stk_cbs_code_valid("GM153"));
    ck_assert(!stk_cbs_code_valid("GM01534"));
    ck_assert(!stk_cbs_code_valid("XX0153"));
    ck_assert(!stk_cbs_code_valid("GM01a3"));
    ck_assert(!stk_cbs_code_valid(""));
    ck_assert(!stk_cbs_code_valid(NULL));
}
END_TEST

int main(void) {
    Suite *s = suite_create("stakeholders util");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_cbs_code);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
