/* The CSV writer: both dialects, quoting, amounts from cents. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "svc/error.h"

START_TEST(test_dialect_parse) {
    ctb_csv_dialect d;
    ck_assert_int_eq(ctb_csv_dialect_parse(NULL, &d), SVC_OK);
    ck_assert_int_eq(d, CTB_CSV_NL);
    ck_assert_int_eq(ctb_csv_dialect_parse("rfc4180", &d), SVC_OK);
    ck_assert_int_eq(d, CTB_CSV_RFC4180);
    ck_assert_int_eq(ctb_csv_dialect_parse("excel", &d), SVC_EINVAL);
}
END_TEST

START_TEST(test_nl) {
    ctb_csv csv;
    static const char *const head[] = {"naam", "bedrag", NULL};
    ctb_csv_init(&csv, CTB_CSV_NL);
    ctb_csv_header(&csv, head);
    ctb_csv_text(&csv, "Hof van Twente; \"oost\"");
    ctb_csv_cents(&csv, 123456);
    ctb_csv_end_row(&csv);
    ctb_csv_text(&csv, "a,b");
    ctb_csv_cents(&csv, -5);
    ctb_csv_end_row(&csv);
    ck_assert_str_eq(csv.data,
                     "\xEF\xBB\xBFnaam;bedrag\r\n\"Hof van Twente; \"\"oost\"\"\";1234,56\r\n"
                     "a,b;-0,05\r\n");
    ctb_csv_free(&csv);
}
END_TEST

START_TEST(test_rfc4180) {
    ctb_csv csv;
    ctb_csv_init(&csv, CTB_CSV_RFC4180);
    ctb_csv_text(&csv, "a,b");
    ctb_csv_text(&csv, "regel\neen");
    ctb_csv_text(&csv, NULL);
    ctb_csv_cents(&csv, 100);
    ctb_csv_int(&csv, -42);
    ctb_csv_end_row(&csv);
    ck_assert_str_eq(csv.data, "\"a,b\",\"regel\neen\",,1.00,-42\r\n");
    ctb_csv_free(&csv);
}
END_TEST

START_TEST(test_cents_extremes) {
    char buf[40];
    ctb_format_cents(INT64_MIN, ',', buf, sizeof(buf));
    ck_assert_str_eq(buf, "-92233720368547758,08");
    ctb_format_cents(7, '.', buf, sizeof(buf));
    ck_assert_str_eq(buf, "0.07");
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_dialect_parse);
    tcase_add_test(tc, test_nl);
    tcase_add_test(tc, test_rfc4180);
    tcase_add_test(tc, test_cents_extremes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
