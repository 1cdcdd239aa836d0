/* The pure pieces of the push: CSV reader, JSON element reader, COPY rows, code and period
 * checks. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "copyout.h"
#include "csv.h"
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
    tcase_add_test(tc, checks);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
