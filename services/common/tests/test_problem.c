/* Problem details: the envelope and the list of every invalid parameter. */
#include <check.h>
#include <stdlib.h>

#include "svc/svc.h"

START_TEST(problem_has_the_rfc9457_members) {
    json_t *p = svc_problem_new(404, "Deze URL bestaat niet.", "/api/auth/v1/x");
    ck_assert_str_eq(json_string_value(json_object_get(p, "type")), "about:blank");
    ck_assert_str_eq(json_string_value(json_object_get(p, "title")), "Not Found");
    ck_assert_int_eq(json_integer_value(json_object_get(p, "status")), 404);
    ck_assert_str_eq(json_string_value(json_object_get(p, "detail")), "Deze URL bestaat niet.");
    ck_assert_str_eq(json_string_value(json_object_get(p, "instance")), "/api/auth/v1/x");
    json_decref(p);
}
END_TEST

START_TEST(problem_without_detail_uses_the_title) {
    json_t *p = svc_problem_new(503, NULL, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(p, "detail")), "Service Unavailable");
    ck_assert_ptr_null(json_object_get(p, "instance"));
    json_decref(p);
}
END_TEST

START_TEST(errors_collect_every_problem_in_order) {
    svc_errors *errs = NULL;
    ck_assert_int_eq(svc_errors_new(&errs), SVC_OK);
    svc_errors_add(errs, "naam", "required", "Is verplicht.");
    svc_errors_add(errs, "rol", "enum", "Moet een van: %s zijn.", "lezer, redacteur");
    svc_errors_add(errs, "\xff\xfe", "unknown", "Onbekend veld.");
    ck_assert_uint_eq(svc_errors_count(errs), 3);
    json_t *list = svc_errors_json(errs);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(list, 1), "reason")),
                     "Moet een van: lezer, redacteur zijn.");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(list, 0), "code")),
                     "required");
    /* a name that is not UTF-8 still gives a valid JSON string */
    ck_assert_ptr_nonnull(json_string_value(json_object_get(json_array_get(list, 2), "name")));
    svc_errors_free(errs);
}
END_TEST

int main(void) {
    Suite *s = suite_create("problem");
    TCase *tc = tcase_create("problem");
    tcase_add_test(tc, problem_has_the_rfc9457_members);
    tcase_add_test(tc, problem_without_detail_uses_the_title);
    tcase_add_test(tc, errors_collect_every_problem_in_order);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
