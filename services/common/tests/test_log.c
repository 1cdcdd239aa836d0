/* Log lines are single valid JSON objects whatever the client sent. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "svc/svc.h"

/* Run fn with stderr sent to a temporary file; return the first line written (malloc'ed). */
static char *capture(void (*fn)(void)) {
    char path[] = "/tmp/svc-log-XXXXXX";
    int fd = mkstemp(path);
    int saved = dup(STDERR_FILENO);
    dup2(fd, STDERR_FILENO);
    fn();
    dup2(saved, STDERR_FILENO);
    close(saved);
    char *line = calloc(1, 65536);
    ssize_t n = pread(fd, line, 65535, 0);
    ck_assert_int_gt(n, 0);
    close(fd);
    unlink(path);
    ck_assert_int_eq(line[n - 1], '\n');
    ck_assert_ptr_null(memchr(line, '\n', (size_t)n - 1)); /* exactly one line */
    return line;
}

/* Run fn with stderr sent to a temporary file; return everything written (malloc'ed). */
static char *capture_all(void (*fn)(void)) {
    char path[] = "/tmp/svc-log-XXXXXX";
    int fd = mkstemp(path);
    int saved = dup(STDERR_FILENO);
    dup2(fd, STDERR_FILENO);
    fn();
    dup2(saved, STDERR_FILENO);
    close(saved);
    char *text = calloc(1, 65536);
    ck_assert_int_gt(pread(fd, text, 65535, 0), 0);
    close(fd);
    unlink(path);
    return text;
}

static void hostile_request(void) {
    svc_log_request("id-1", "GET", "/api/x/v1/\"quote\"\\back\x01\tctl/\xff\xfe/caf\xc3\xa9", 404,
                    1.23456, NULL);
}

START_TEST(access_line_is_valid_json_for_hostile_paths) {
    svc_log_init("test", SVC_LOG_INFO);
    char *line = capture(hostile_request);
    json_error_t err;
    json_t *obj = json_loads(line, 0, &err);
    ck_assert_msg(obj != NULL, "not JSON: %s (%s)", line, err.text);
    ck_assert_str_eq(json_string_value(json_object_get(obj, "service")), "test");
    ck_assert_str_eq(json_string_value(json_object_get(obj, "requestId")), "id-1");
    ck_assert_str_eq(json_string_value(json_object_get(obj, "path")),
                     "/api/x/v1/\"quote\"\\back\x01\tctl/?"
                     "?/caf\xc3\xa9");
    ck_assert_int_eq(json_integer_value(json_object_get(obj, "status")), 404);
    ck_assert(json_is_null(json_object_get(obj, "principal")));
    ck_assert(json_real_value(json_object_get(obj, "durationMs")) > 1.23);
    ck_assert_ptr_nonnull(json_object_get(obj, "time"));
    json_decref(obj);
    free(line);
}
END_TEST

static void long_path(void) {
    char *path = malloc(20000);
    memset(path, 'a', 19999);
    path[19999] = '\0';
    svc_log_request("id-2", "POST", path, 413, 0.5, "user-1");
    free(path);
}

START_TEST(very_long_path_still_gives_one_valid_line) {
    svc_log_init("test", SVC_LOG_INFO);
    char *line = capture(long_path);
    json_t *obj = json_loads(line, 0, NULL);
    ck_assert_ptr_nonnull(obj);
    ck_assert_str_eq(json_string_value(json_object_get(obj, "principal")), "user-1");
    ck_assert_int_eq(json_integer_value(json_object_get(obj, "status")), 413);
    json_decref(obj);
    free(line);
}
END_TEST

static void message(void) {
    svc_log(SVC_LOG_WARN, "pool %s: %d waiting", "auth\"x", 3);
    svc_log(SVC_LOG_DEBUG, "not shown");
}

START_TEST(leveled_messages_respect_the_minimum_level) {
    svc_log_init("test", SVC_LOG_INFO);
    char *line = capture(message);
    json_t *obj = json_loads(line, 0, NULL);
    ck_assert_ptr_nonnull(obj);
    ck_assert_str_eq(json_string_value(json_object_get(obj, "level")), "warn");
    ck_assert_str_eq(json_string_value(json_object_get(obj, "msg")), "pool auth\"x: 3 waiting");
    json_decref(obj);
    free(line);
}
END_TEST

static void buffered_then_warning(void) {
    svc_log_set_buffered(1);
    svc_log_request("erst", "GET", "/a", 200, 0.1, NULL);
    svc_log_request("dan", "GET", "/b", 200, 0.1, NULL);
    svc_log(SVC_LOG_WARN, "daarna");
    svc_log_set_buffered(0);
}

START_TEST(buffered_access_lines_come_out_in_order_before_a_warning) {
    svc_log_init("test", SVC_LOG_INFO);
    char *text = capture_all(buffered_then_warning);
    const char *a = strstr(text, "\"requestId\":\"erst\"");
    const char *b = strstr(text, "\"requestId\":\"dan\"");
    const char *w = strstr(text, "\"msg\":\"daarna\"");
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_nonnull(w);
    ck_assert(a < b && b < w);
    free(text);
}
END_TEST

int main(void) {
    Suite *s = suite_create("log");
    TCase *tc = tcase_create("lines");
    tcase_add_test(tc, access_line_is_valid_json_for_hostile_paths);
    tcase_add_test(tc, very_long_path_still_gives_one_valid_line);
    tcase_add_test(tc, leveled_messages_respect_the_minimum_level);
    tcase_add_test(tc, buffered_access_lines_come_out_in_order_before_a_warning);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
