/* Prometheus metrics: the exposition lines a scraper reads, label escaping, bounds, threads. */
#include <check.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/error.h"
#include "svc/metrics.h"

static svc_metrics *m;

static void setup(void) {
    ck_assert_int_eq(svc_metrics_new(&m, "auth"), SVC_OK);
}

static void teardown(void) {
    svc_metrics_free(m);
    m = NULL;
}

static char *render(const svc_pool_stats *pool) {
    char *text = NULL;
    ck_assert_int_eq(svc_metrics_render(m, pool, &text), SVC_OK);
    ck_assert_ptr_nonnull(text);
    return text;
}

/* 1 when text holds line as a whole line. */
static int has_line(const char *text, const char *line) {
    size_t len = strlen(line);
    for (const char *p = text; (p = strstr(p, line)) != NULL; p++)
        if ((p == text || p[-1] == '\n') && p[len] == '\n')
            return 1;
    return 0;
}

#define assert_line(text, line) ck_assert_msg(has_line(text, line), "missing line: %s", line)

/* Number of lines starting with prefix. */
static size_t count_lines(const char *text, const char *prefix) {
    size_t n = 0;
    size_t len = strlen(prefix);
    for (const char *p = text; *p != '\0'; p = strchr(p, '\n') + 1) {
        if (strncmp(p, prefix, len) == 0)
            n++;
    }
    return n;
}

/* Every line is a comment or `name{labels} value`, and the text ends with a newline. */
static void assert_exposition_syntax(const char *text) {
    ck_assert_int_eq(text[strlen(text) - 1], '\n');
    for (const char *p = text; *p != '\0'; p = strchr(p, '\n') + 1) {
        const char *end = strchr(p, '\n');
        if (strncmp(p, "# HELP ", 7) == 0 || strncmp(p, "# TYPE ", 7) == 0)
            continue;
        size_t name = strspn(p, "abcdefghijklmnopqrstuvwxyz_");
        ck_assert_msg(name > 0 && p[name] == '{', "bad line: %.*s", (int)(end - p), p);
        const char *value = end;
        while (value > p && value[-1] != ' ')
            value--;
        ck_assert_msg(value[-2] == '}', "bad line: %.*s", (int)(end - p), p);
        char *num_end;
        strtod(value, &num_end);
        ck_assert_msg(num_end == end, "bad value: %.*s", (int)(end - p), p);
    }
}

START_TEST(new_requires_arguments) {
    svc_metrics *other = (svc_metrics *)1;
    ck_assert_int_eq(svc_metrics_new(&other, NULL), SVC_EINVAL);
    ck_assert_int_eq(svc_metrics_new(NULL, "auth"), SVC_EINVAL);
    char *text = (char *)1;
    ck_assert_int_eq(svc_metrics_render(m, NULL, NULL), SVC_EINVAL);
    ck_assert_int_eq(svc_metrics_render(NULL, NULL, &text), SVC_EINVAL);
    ck_assert_ptr_null(text);
    svc_metrics_free(NULL);
}
END_TEST

START_TEST(empty_render_declares_families) {
    char *text = render(NULL);
    assert_line(text, "# TYPE http_requests_total counter");
    assert_line(text, "# TYPE http_request_duration_seconds histogram");
    ck_assert_ptr_null(strstr(text, "db_pool"));
    ck_assert_uint_eq(count_lines(text, "http_"), 0);
    free(text);
}
END_TEST

START_TEST(requests_counted_by_method_route_status) {
    svc_metrics_observe(m, "GET", "/gebruikers/:id", 200, 0.003);
    svc_metrics_observe(m, "GET", "/gebruikers/:id", 200, 0.004);
    svc_metrics_observe(m, "GET", "/gebruikers/:id", 404, 0.001);
    svc_metrics_observe(m, "PATCH", "/gebruikers/:id", 200, 0.02);
    svc_metrics_observe(m, "GET", NULL, 404, 0.0001);
    char *text = render(NULL);
    assert_exposition_syntax(text);
    assert_line(text, "http_requests_total{service=\"auth\",method=\"GET\","
                      "route=\"/gebruikers/:id\",status=\"200\"} 2");
    assert_line(text, "http_requests_total{service=\"auth\",method=\"GET\","
                      "route=\"/gebruikers/:id\",status=\"404\"} 1");
    assert_line(text, "http_requests_total{service=\"auth\",method=\"PATCH\","
                      "route=\"/gebruikers/:id\",status=\"200\"} 1");
    assert_line(text, "http_requests_total{service=\"auth\",method=\"GET\","
                      "route=\"unmatched\",status=\"404\"} 1");
    ck_assert_uint_eq(count_lines(text, "http_requests_total{"), 4);
    free(text);
}
END_TEST

START_TEST(histogram_buckets_are_cumulative) {
    svc_metrics_observe(m, "GET", "/x", 200, 0.003);  /* le 0.005 */
    svc_metrics_observe(m, "GET", "/x", 500, 0.005);  /* le is inclusive: 0.005 */
    svc_metrics_observe(m, "GET", "/x", 200, 0.0005); /* 0.001 */
    svc_metrics_observe(m, "GET", "/x", 200, 0.7);    /* 1 */
    svc_metrics_observe(m, "GET", "/x", 200, 30);     /* +Inf only */
    char *text = render(NULL);
    assert_exposition_syntax(text);
    const char *prefix = "http_request_duration_seconds_bucket{service=\"auth\",method=\"GET\","
                         "route=\"/x\",le=";
    static const struct {
        const char *le;
        int count;
    } expected[] = {{"0.001", 1}, {"0.0025", 1}, {"0.005", 3}, {"0.01", 3},
                    {"0.025", 3}, {"0.05", 3},   {"0.1", 3},   {"0.25", 3},
                    {"0.5", 3},   {"1", 4},      {"2.5", 4},   {"+Inf", 5}};
    char line[256];
    for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
        snprintf(line, sizeof(line), "%s\"%s\"} %d", prefix, expected[i].le, expected[i].count);
        assert_line(text, line);
    }
    ck_assert_uint_eq(count_lines(text, "http_request_duration_seconds_bucket{"), 12);
    /* one histogram per method and route, whatever the status */
    assert_line(text, "http_request_duration_seconds_count{service=\"auth\",method=\"GET\","
                      "route=\"/x\"} 5");
    assert_line(text, "http_request_duration_seconds_sum{service=\"auth\",method=\"GET\","
                      "route=\"/x\"} 30.708500000");
    free(text);
}
END_TEST

START_TEST(negative_or_nan_durations_count_as_zero) {
    svc_metrics_observe(m, "GET", "/x", 200, -1);
    svc_metrics_observe(m, "GET", "/x", 200, NAN);
    char *text = render(NULL);
    assert_line(text, "http_request_duration_seconds_bucket{service=\"auth\",method=\"GET\","
                      "route=\"/x\",le=\"0.001\"} 2");
    assert_line(text, "http_request_duration_seconds_sum{service=\"auth\",method=\"GET\","
                      "route=\"/x\"} 0.000000000");
    free(text);
}
END_TEST

START_TEST(label_values_escaped) {
    svc_metrics_free(m);
    ck_assert_int_eq(svc_metrics_new(&m, "a\"b"), SVC_OK);
    svc_metrics_observe(m, "GET", "/a\"b\\c\nd", 200, 0.001);
    char *text = render(NULL);
    assert_line(text, "http_requests_total{service=\"a\\\"b\",method=\"GET\","
                      "route=\"/a\\\"b\\\\c\\nd\",status=\"200\"} 1");
    assert_exposition_syntax(text);
    free(text);
}
END_TEST

START_TEST(unknown_methods_and_statuses_are_bounded) {
    svc_metrics_observe(m, "FOO", "/x", 405, 0.001);
    svc_metrics_observe(m, "get", "/x", 405, 0.001);
    svc_metrics_observe(m, NULL, "/x", 405, 0.001);
    svc_metrics_observe(m, "DELETE", "/x", 1000, 0.001);
    char *text = render(NULL);
    assert_line(text, "http_requests_total{service=\"auth\",method=\"other\",route=\"/x\","
                      "status=\"405\"} 3");
    assert_line(text, "http_requests_total{service=\"auth\",method=\"DELETE\",route=\"/x\","
                      "status=\"0\"} 1");
    free(text);
}
END_TEST

START_TEST(series_capped_and_rest_folded_into_other) {
    char route[32];
    for (int i = 0; i < 1100; i++) {
        snprintf(route, sizeof(route), "/r%d", i);
        svc_metrics_observe(m, "GET", route, 200, 0.001);
    }
    svc_metrics_observe(m, "GET", "/r5", 200, 0.001); /* existing series keep counting */
    svc_metrics_observe(m, "GET", "/new", 201, 0.001);
    char *text = render(NULL);
    ck_assert_uint_eq(count_lines(text, "http_requests_total{"), 1024 + 2);
    assert_line(text, "http_requests_total{service=\"auth\",method=\"GET\",route=\"/r5\","
                      "status=\"200\"} 2");
    assert_line(text, "http_requests_total{service=\"auth\",method=\"GET\",route=\"other\","
                      "status=\"200\"} 76");
    assert_line(text, "http_requests_total{service=\"auth\",method=\"GET\",route=\"other\","
                      "status=\"201\"} 1");
    ck_assert_ptr_null(strstr(text, "route=\"/r1024\""));
    ck_assert_ptr_null(strstr(text, "route=\"/new\""));
    assert_line(text, "http_request_duration_seconds_count{service=\"auth\",method=\"GET\","
                      "route=\"other\"} 77");
    ck_assert_uint_eq(count_lines(text, "http_request_duration_seconds_count{"), 1024 + 1);
    free(text);
}
END_TEST

START_TEST(pool_stats_rendered_when_given) {
    svc_pool_stats pool = {.size = 10,
                           .open = 4,
                           .in_use = 2,
                           .acquires = 12345678901ULL,
                           .waits = 7,
                           .timeouts = 1,
                           .reconnects = 5};
    char *text = render(&pool);
    assert_exposition_syntax(text);
    assert_line(text, "# TYPE db_pool_size gauge");
    assert_line(text, "db_pool_size{service=\"auth\"} 10");
    assert_line(text, "# TYPE db_pool_open gauge");
    assert_line(text, "db_pool_open{service=\"auth\"} 4");
    assert_line(text, "# TYPE db_pool_in_use gauge");
    assert_line(text, "db_pool_in_use{service=\"auth\"} 2");
    assert_line(text, "# TYPE db_pool_acquires_total counter");
    assert_line(text, "db_pool_acquires_total{service=\"auth\"} 12345678901");
    assert_line(text, "# TYPE db_pool_waits_total counter");
    assert_line(text, "db_pool_waits_total{service=\"auth\"} 7");
    assert_line(text, "# TYPE db_pool_timeouts_total counter");
    assert_line(text, "db_pool_timeouts_total{service=\"auth\"} 1");
    assert_line(text, "# TYPE db_pool_reconnects_total counter");
    assert_line(text, "db_pool_reconnects_total{service=\"auth\"} 5");
    free(text);
}
END_TEST

#define THREADS    4
#define PER_THREAD 20000

static void *observer(void *arg) {
    const char *route = arg;
    for (int i = 0; i < PER_THREAD; i++)
        svc_metrics_observe(m, "POST", route, 201, 0.002);
    return NULL;
}

static void *scraper(void *arg) {
    (void)arg;
    for (int i = 0; i < 50; i++) {
        char *text = NULL;
        if (svc_metrics_render(m, NULL, &text) == SVC_OK)
            free(text);
    }
    return NULL;
}

START_TEST(concurrent_observations_are_all_counted) {
    pthread_t threads[THREADS + 1];
    const char *routes[THREADS] = {"/a", "/b", "/a", "/b"};
    for (int i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, observer, (void *)routes[i]), 0);
    ck_assert_int_eq(pthread_create(&threads[THREADS], NULL, scraper, NULL), 0);
    for (int i = 0; i <= THREADS; i++)
        pthread_join(threads[i], NULL);
    char *text = render(NULL);
    assert_line(text, "http_requests_total{service=\"auth\",method=\"POST\",route=\"/a\","
                      "status=\"201\"} 40000");
    assert_line(text, "http_requests_total{service=\"auth\",method=\"POST\",route=\"/b\","
                      "status=\"201\"} 40000");
    assert_line(text, "http_request_duration_seconds_sum{service=\"auth\",method=\"POST\","
                      "route=\"/a\"} 80.000000000");
    free(text);
}
END_TEST

static Suite *metrics_suite(void) {
    Suite *s = suite_create("metrics");
    TCase *tc = tcase_create("metrics");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, new_requires_arguments);
    tcase_add_test(tc, empty_render_declares_families);
    tcase_add_test(tc, requests_counted_by_method_route_status);
    tcase_add_test(tc, histogram_buckets_are_cumulative);
    tcase_add_test(tc, negative_or_nan_durations_count_as_zero);
    tcase_add_test(tc, label_values_escaped);
    tcase_add_test(tc, unknown_methods_and_statuses_are_bounded);
    tcase_add_test(tc, series_capped_and_rest_folded_into_other);
    tcase_add_test(tc, pool_stats_rendered_when_given);
    tcase_add_test(tc, concurrent_observations_are_all_counted);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *sr = srunner_create(metrics_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
