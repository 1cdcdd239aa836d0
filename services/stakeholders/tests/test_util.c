/* Unit tests of the pure helpers: UUIDs and CBS codes. */
#include <check.h>
#include <stdlib.h>

#include "stk.h"

START_TEST(test_uuid) {
    ck_assert(stk_is_uuid("0b7c6a2e-3f1d-4a8b-9c2d-1e2f3a4b5c6d"));
    ck_assert(stk_is_uuid("0B7C6A2E-3F1D-4A8B-9C2D-1E2F3A4B5C6D"));
    ck_assert(!stk_is_uuid(NULL));
    ck_assert(!stk_is_uuid(""));
    ck_assert(!stk_is_uuid("0b7c6a2e3f1d4a8b9c2d1e2f3a4b5c6d"));
    ck_assert(!stk_is_uuid("0b7c6a2e-3f1d-4a8b-9c2d-1e2f3a4b5c6g"));
    ck_assert(!stk_is_uuid("0b7c6a2e-3f1d-4a8b-9c2d-1e2f3a4b5c6d0"));
    ck_assert(!stk_is_uuid("1' OR '1'='1"));
}
END_TEST

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
    tcase_add_test(tc, test_uuid);
    tcase_add_test(tc, test_cbs_code);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
