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
#include "rows.h"
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

/* Elements of a JSON body, collected as text (compact dumps, one per line). */
typedef struct collected {
    char text[4096];
    size_t n;
} collected;

static int collect_element(void *ctx, json_t *element) {
    collected *c = ctx;
    char *dump = json_dumps(element, JSON_COMPACT | JSON_SORT_KEYS);
    strncat(c->text, dump, sizeof(c->text) - strlen(c->text) - 2);
    strcat(c->text, "\n");
    free(dump);
    c->n++;
    return 0;
}

/* Feeds text in pieces of `step` bytes; the result of the feed that stopped, or of finish. */
static int jrows_pieces(const char *text, size_t step, collected *c, char *err, size_t errsize) {
    mon_jrows j;
    size_t len = strlen(text);
    int rc = MON_JROWS_OK;
    memset(c, 0, sizeof(*c));
    mon_jrows_init(&j);
    for (size_t at = 0; at < len && rc == MON_JROWS_OK; at += step)
        rc = mon_jrows_feed(&j, text + at, len - at < step ? len - at : step, collect_element, c,
                            err, errsize);
    if (rc == MON_JROWS_OK)
        rc = mon_jrows_finish(&j, err, errsize);
    mon_jrows_free(&j);
    return rc;
}

START_TEST(jrows_elements) {
    const char *text = " {\"observaties\" : [ {\"a\":1} , {\"b\":[1,2], \"c\": \"}]\\\"\"}\n] } ";
    char err[200];
    collected whole, piece;
    ck_assert_int_eq(jrows_pieces(text, strlen(text), &whole, err, sizeof(err)), MON_JROWS_OK);
    ck_assert_uint_eq(whole.n, 2);
    ck_assert_str_eq(whole.text, "{\"a\":1}\n{\"b\":[1,2],\"c\":\"}]\\\"\"}\n");
    for (size_t step = 1; step < 8; step++) {
        ck_assert_int_eq(jrows_pieces(text, step, &piece, err, sizeof(err)), MON_JROWS_OK);
        ck_assert_str_eq(piece.text, whole.text);
    }
}
END_TEST

START_TEST(jrows_errors) {
    char err[200];
    collected c;
    ck_assert_int_eq(jrows_pieces("{\"rijen\": []}", 3, &c, err, sizeof(err)), MON_JROWS_ERROR);
    ck_assert_ptr_nonnull(strstr(err, "observaties"));
    ck_assert_int_eq(jrows_pieces("{\"observaties\": [{},\n 42]}", 2, &c, err, sizeof(err)),
                     MON_JROWS_ERROR);
    ck_assert_uint_eq(c.n, 1);
    ck_assert_ptr_nonnull(strstr(err, "regel 2, kolom 2"));
    ck_assert_int_eq(jrows_pieces("{\"observaties\": [{\"a\":\n 1 2}]}", 5, &c, err, sizeof(err)),
                     MON_JROWS_ERROR);
    ck_assert_ptr_nonnull(strstr(err, "regel 2"));
    ck_assert_int_eq(jrows_pieces("{\"observaties\": []} x", 4, &c, err, sizeof(err)),
                     MON_JROWS_ERROR);
    ck_assert_int_eq(jrows_pieces("{\"observaties\": [{}", 4, &c, err, sizeof(err)),
                     MON_JROWS_ERROR);
    ck_assert_ptr_nonnull(strstr(err, "niet afgesloten"));
    ck_assert_int_eq(jrows_pieces("", 1, &c, err, sizeof(err)), MON_JROWS_ERROR);
}
END_TEST

/* Rows of a body as text: number, line, the reader's problem, the fields. */
static int collect_row(void *ctx, const mon_raw_row *row) {
    char **text = ctx;
    char line[6000];
    int n = snprintf(line, sizeof(line), "%zu@%zu %s:", row->number, row->line,
                     row->err_code ? row->err_code : "-");
    for (int i = 0; i < MON_NCOLUMNS && n < (int)sizeof(line) - 64; i++)
        n += snprintf(line + n, sizeof(line) - (size_t)n, "|%.*s", (int)row->n[i],
                      row->v[i] ? row->v[i] : "");
    size_t had = *text ? strlen(*text) : 0;
    *text = realloc(*text, had + (size_t)n + 2);
    memcpy(*text + had, line, (size_t)n);
    strcpy(*text + had + (size_t)n, "\n");
    return 0;
}

/* The rows and body-level problems of body read in pieces of `step` bytes. */
static char *rows_in_pieces(int csv, const char *body, size_t len, size_t step) {
    mon_rows *rr = NULL;
    svc_errors *errs = NULL;
    char *text = strdup("");
    ck_assert_int_eq(svc_errors_new(&errs), SVC_OK);
    ck_assert_int_eq(mon_rows_new(&rr, csv, collect_row, &text), SVC_OK);
    int rc = SVC_OK;
    for (size_t at = 0; at < len && rc == SVC_OK; at += step)
        rc = mon_rows_write(rr, body + at, len - at < step ? len - at : step, errs);
    if (rc == SVC_OK)
        rc = mon_rows_end(rr, errs);
    size_t had = strlen(text);
    text = realloc(text, had + 32);
    snprintf(text + had, 32, "rc=%d problems=%zu", rc, svc_errors_count(errs));
    mon_rows_free(rr);
    svc_errors_free(errs);
    return text;
}

/* A CSV body split anywhere (inside a BOM, a CRLF, a quoted field, an over-long line) reads as
 * the same rows with the same line numbers as the body in one piece. */
START_TEST(csv_in_pieces_reads_as_whole) {
    char *body = malloc(12000);
    strcpy(body, "\xEF\xBB\xBF"
                 "indicator,gebied,periode,waarde\r\n\r\nA,GM1,2024,\"1,5\"\r\nA,GM2,2024\n");
    size_t n = strlen(body);
    memcpy(body + n, "B,", 2);
    memset(body + n + 2, 'x', 5000); /* a line longer than 4096 */
    n += 5002;
    strcpy(body + n, "\nA,\"open,2024,1\nC,GM3,2025,7");
    n += strlen(body + n);
    char *whole = rows_in_pieces(1, body, n, n);
    ck_assert_ptr_nonnull(strstr(whole, "1@3 -:|A|GM1|2024|1,5"));
    ck_assert_ptr_nonnull(strstr(whole, "2@4 format:"));
    ck_assert_ptr_nonnull(strstr(whole, "3@5 format:"));
    ck_assert_ptr_nonnull(strstr(whole, "4@6 format:"));
    ck_assert_ptr_nonnull(strstr(whole, "5@7 -:|C|GM3|2025|7"));
    ck_assert_ptr_nonnull(strstr(whole, "rc=0 problems=0"));
    size_t steps[] = {1, 2, 3, 4, 5, 7, 64, 4095, 4097, 4100, 5003};
    for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
        char *pieces = rows_in_pieces(1, body, n, steps[i]);
        ck_assert_str_eq(pieces, whole);
        free(pieces);
    }
    free(whole);
    free(body);
}
END_TEST

START_TEST(csv_without_header_is_a_body_problem) {
    char *text = rows_in_pieces(1, "\r\n\n", 3, 1);
    ck_assert_str_eq(text, "rc=-3 problems=1"); /* SVC_EINVAL */
    free(text);
}
END_TEST

START_TEST(json_in_pieces_reads_as_whole) {
    const char *body = "{\"observaties\": [{\"indicator\": \"A\", \"gebied\": \"GM1\", "
                       "\"periode\": \"2024\", \"waarde\": 1.5}, {\"waarde\": \"x\"}, [1]]}";
    size_t n = strlen(body);
    char *whole = rows_in_pieces(0, body, n, n);
    ck_assert_ptr_nonnull(strstr(whole, "1@0 -:|A|GM1|2024|1.5"));
    ck_assert_ptr_nonnull(strstr(whole, "3@0 type:"));
    for (size_t step = 1; step < 12; step++) {
        char *pieces = rows_in_pieces(0, body, n, step);
        ck_assert_str_eq(pieces, whole);
        free(pieces);
    }
    free(whole);
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
/* At its size limit the table stops remembering new keys but still finds the ones it holds. */
START_TEST(dedupe_stops_growing_at_its_limit) {
    mon_dedupe d;
    char period[8];
    ck_assert_int_eq(mon_dedupe_init(&d, 10, 1000), 0); /* 2048 slots: 1024 keys */
    long full = 0;
    for (uint32_t row = 1; row <= 3000; row++) {
        snprintf(period, sizeof(period), "%04u", 1000 + row);
        long got = mon_dedupe_add(&d, 1, 1, period, 4, row);
        ck_assert(got == 0 || got == MON_DEDUPE_FULL);
        full += got == MON_DEDUPE_FULL;
    }
    ck_assert_uint_eq(d.cap, 2048);
    ck_assert_uint_eq(d.n, 1024);
    ck_assert_int_eq(full, 3000 - 1024);
    ck_assert_int_eq(mon_dedupe_add(&d, 1, 1, "1001", 4, 9999), 1);   /* remembered */
    ck_assert_int_eq(mon_dedupe_add(&d, 1, 1, "1500", 4, 9999), 500); /* remembered */
    ck_assert_int_eq(mon_dedupe_add(&d, 1, 1, "3999", 4, 9999), MON_DEDUPE_FULL);
    mon_dedupe_free(&d);
}
END_TEST

START_TEST(dedupe_finds_the_earlier_row) {
    mon_dedupe d;
    char period[8];
    ck_assert_int_eq(mon_dedupe_init(&d, 10, 1u << 20), 0);
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
    ck_assert(svc_utf8_valid("caf\xC3\xA9", 5));
    ck_assert(!svc_utf8_valid("\xC3\x28", 2));
    ck_assert(!svc_utf8_valid("a\0b", 3));
    ck_assert(!svc_utf8_valid("\xED\xA0\x80", 3)); /* a surrogate */
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
    tcase_add_test(tc, csv_in_pieces_reads_as_whole);
    tcase_add_test(tc, csv_without_header_is_a_body_problem);
    tcase_add_test(tc, json_in_pieces_reads_as_whole);
    tcase_add_test(tc, copy_escapes);
    tcase_add_test(tc, copy_integers);
    tcase_add_test(tc, dedupe_finds_the_earlier_row);
    tcase_add_test(tc, dedupe_stops_growing_at_its_limit);
    tcase_add_test(tc, catalog_finds_areas_by_code);
    tcase_add_test(tc, checks);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
