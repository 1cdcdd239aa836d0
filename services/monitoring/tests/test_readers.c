/* The pure pieces of the push: CSV reader, JSON element reader, COPY rows, code and period
 * checks. */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "copyout.h"
#include "csv.h"
#include "dedupe.h"
#include "jrows.h"
#include "util.h"

START_TEST(csv_bom_separator_quotes) {
    const char *text = "\xEF\xBB\xBF"
                       "a,b,c\r\n\r\n1,\"x,\"\"y\"\"\",3\n4,5\n\"open,6\n";
    mon_csv *c = malloc(sizeof(*c));
    mon_csv_record rec;
    mon_csv_init(c, text, strlen(text));
    ck_assert_int_eq(c->sep, ',');
    ck_assert_int_eq(mon_csv_next(c, &rec), MON_CSV_RECORD);
    ck_assert_str_eq(rec.fields[0], "a");
    ck_assert_int_eq(mon_csv_next(c, &rec), MON_CSV_RECORD);
    ck_assert_uint_eq(rec.line, 3);
    ck_assert_uint_eq(rec.nfields, 3);
    ck_assert_str_eq(rec.fields[1], "x,\"y\"");
    ck_assert_int_eq(mon_csv_next(c, &rec), MON_CSV_RECORD);
    ck_assert_uint_eq(rec.nfields, 2);
    ck_assert_int_eq(mon_csv_next(c, &rec), MON_CSV_BAD);
    ck_assert_uint_eq(rec.line, 5);
    ck_assert_int_eq(mon_csv_next(c, &rec), MON_CSV_END);
    free(c);
}
END_TEST

START_TEST(csv_semicolon_and_last_line) {
    const char *text = "a;b\n1;2";
    mon_csv *c = malloc(sizeof(*c));
    mon_csv_record rec;
    mon_csv_init(c, text, strlen(text));
    ck_assert_int_eq(c->sep, ';');
    ck_assert_int_eq(mon_csv_next(c, &rec), MON_CSV_RECORD);
    ck_assert_int_eq(mon_csv_next(c, &rec), MON_CSV_RECORD);
    ck_assert_str_eq(rec.fields[1], "2");
    ck_assert_int_eq(mon_csv_next(c, &rec), MON_CSV_END);
    free(c);
}
END_TEST

START_TEST(jrows_elements) {
    const char *text = " {\"observaties\" : [ {\"a\":1} , {\"b\":[1,2]}\n] } ";
    mon_jrows j;
    char err[200];
    json_t *v = NULL;
    ck_assert_int_eq(mon_jrows_open(&j, text, strlen(text), err, sizeof(err)), 0);
    ck_assert_int_eq(mon_jrows_next(&j, &v, err, sizeof(err)), MON_JROWS_ROW);
    ck_assert_int_eq(json_integer_value(json_object_get(v, "a")), 1);
    json_decref(v);
    ck_assert_int_eq(mon_jrows_next(&j, &v, err, sizeof(err)), MON_JROWS_ROW);
    json_decref(v);
    ck_assert_int_eq(mon_jrows_next(&j, &v, err, sizeof(err)), MON_JROWS_END);
}
END_TEST

START_TEST(jrows_errors) {
    mon_jrows j;
    char err[200];
    json_t *v = NULL;
    const char *bad_key = "{\"rijen\": []}";
    ck_assert_int_eq(mon_jrows_open(&j, bad_key, strlen(bad_key), err, sizeof(err)), -1);
    const char *scalar = "{\"observaties\": [{},\n 42]}";
    ck_assert_int_eq(mon_jrows_open(&j, scalar, strlen(scalar), err, sizeof(err)), 0);
    ck_assert_int_eq(mon_jrows_next(&j, &v, err, sizeof(err)), MON_JROWS_ROW);
    json_decref(v);
    ck_assert_int_eq(mon_jrows_next(&j, &v, err, sizeof(err)), MON_JROWS_ERROR);
    ck_assert_ptr_nonnull(strstr(err, "regel 2"));
    const char *trailing = "{\"observaties\": []} x";
    ck_assert_int_eq(mon_jrows_open(&j, trailing, strlen(trailing), err, sizeof(err)), 0);
    ck_assert_int_eq(mon_jrows_next(&j, &v, err, sizeof(err)), MON_JROWS_ERROR);
}
END_TEST

static char captured[256];
static int capture(void *ctx, const char *data, size_t n) {
    (void)ctx;
    strncat(captured, data, n);
    return 0;
}

START_TEST(copy_escapes) {
    mon_copyout *c = malloc(sizeof(*c));
    captured[0] = '\0';
    mon_copyout_init(c, capture, NULL);
    mon_copyout_int(c, 7, 0);
    mon_copyout_field(c, "a\tb\\c\nd\r", 8, 0);
    mon_copyout_field(c, NULL, 0, 1);
    ck_assert_int_eq(mon_copyout_flush(c), 0);
    ck_assert_str_eq(captured, "7\ta\\tb\\\\c\\nd\\r\t\\N\n");
    free(c);
}
END_TEST

START_TEST(copy_integers) {
    mon_copyout *c = malloc(sizeof(*c));
    captured[0] = '\0';
    mon_copyout_init(c, capture, NULL);
    mon_copyout_int(c, 0, 0);
    mon_copyout_int(c, -42, 0);
    mon_copyout_int(c, 1000000, 0);
    mon_copyout_int(c, LLONG_MIN, 0);
    mon_copyout_int(c, LLONG_MAX, 1);
    ck_assert_int_eq(mon_copyout_flush(c), 0);
    ck_assert_str_eq(captured, "0\t-42\t1000000\t-9223372036854775808\t9223372036854775807\n");
    free(c);
}
END_TEST

/* The same (indicator, area, period) twice gives the first row; keys that differ in any part
 * are new, also after the table has grown many times. */
START_TEST(dedupe_finds_the_earlier_row) {
    mon_dedupe d;
    char period[8];
    ck_assert_int_eq(mon_dedupe_init(&d, 10), 0);
    uint32_t row = 1;
    for (long ind = 1; ind <= 50; ind++)
        for (long area = 1; area <= 40; area++)
            for (int m = 1; m <= 12; m++, row++) {
                snprintf(period, sizeof(period), "2024-%02d", m);
                ck_assert_int_eq(mon_dedupe_add(&d, ind, area, period, 7, row), 0);
            }
    ck_assert_uint_eq(d.n, 24000);
    ck_assert_int_eq(mon_dedupe_add(&d, 1, 1, "2024-01", 7, row), 1);
    ck_assert_int_eq(mon_dedupe_add(&d, 50, 40, "2024-12", 7, row), 24000);
    ck_assert_int_eq(mon_dedupe_add(&d, 2, 1, "2024-01", 7, row), 481);
    ck_assert_int_eq(mon_dedupe_add(&d, 1, 1, "2024", 4, row), 0);
    ck_assert_int_eq(mon_dedupe_add(&d, 1, 1, "2024-Q1", 7, row + 1), 0);
    ck_assert_int_eq(mon_dedupe_add(&d, 1, 1, "2024-Q1", 7, row + 2), (long)row + 1);
    mon_dedupe_free(&d);
}
END_TEST

/* Codes are found by their exact bytes, with and without the hash index; a prefix or a longer
 * code is unknown (0). */
START_TEST(catalog_finds_areas_by_code) {
    static const mon_area areas[] = {{"GM0141", 1}, {"GM0153", 2}, {"GM1774", 3}, {"TWENTE", 4}};
    mon_catalog c = {NULL, 0, areas, 4, NULL, 0};
    for (int indexed = 0; indexed < 2; indexed++) {
        if (indexed)
            ck_assert_int_eq(mon_catalog_index_areas(&c), 0);
        ck_assert_int_eq(mon_catalog_area(&c, "GM0153;rest", 6), 2);
        ck_assert_int_eq(mon_catalog_area(&c, "TWENTE", 6), 4);
        ck_assert_int_eq(mon_catalog_area(&c, "GM0141", 6), 1);
        ck_assert_int_eq(mon_catalog_area(&c, "GM015", 5), 0);
        ck_assert_int_eq(mon_catalog_area(&c, "GM01530", 7), 0);
        ck_assert_int_eq(mon_catalog_area(&c, "", 0), 0);
    }
    free(c.area_slots);
}
END_TEST

START_TEST(checks) {
    ck_assert(mon_is_period("2024"));
    ck_assert(mon_is_period("2024-Q4"));
    ck_assert(mon_is_period("2024-12"));
    ck_assert(!mon_is_period("2024-13"));
    ck_assert(!mon_is_period("2024-Q0"));
    ck_assert(!mon_is_period("1850"));
    ck_assert(mon_is_area_code("GM0153"));
    ck_assert(!mon_is_area_code("gm0153"));
    ck_assert(mon_is_indicator_code("JB_VOTS"));
    ck_assert(!mon_is_indicator_code("1JB"));
    ck_assert(mon_utf8_valid("caf\xC3\xA9", 5));
    ck_assert(!mon_utf8_valid("\xC3\x28", 2));
    ck_assert(!mon_utf8_valid("a\0b", 3));
    ck_assert(!mon_utf8_valid("\xED\xA0\x80", 3)); /* a surrogate */
    ck_assert(mon_is_uuid("6f1c1d1e-1111-4222-8333-944455556666"));
}
END_TEST

int main(void) {
    Suite *s = suite_create("monitoring readers");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, csv_bom_separator_quotes);
    tcase_add_test(tc, csv_semicolon_and_last_line);
    tcase_add_test(tc, jrows_elements);
    tcase_add_test(tc, jrows_errors);
    tcase_add_test(tc, copy_escapes);
    tcase_add_test(tc, copy_integers);
    tcase_add_test(tc, dedupe_finds_the_earlier_row);
    tcase_add_test(tc, catalog_finds_areas_by_code);
    tcase_add_test(tc, checks);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
