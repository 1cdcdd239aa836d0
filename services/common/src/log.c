/* One JSON object per line on stderr, written with a single write() so lines from concurrent
 * threads never interleave. */
#include "svc/log.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "svc/error.h"

static char log_service[64] = "service";
static svc_log_level log_min = SVC_LOG_INFO;
static const char *const level_names[] = {"debug", "info", "warn", "error"};

void svc_log_init(const char *service, svc_log_level min_level) {
    snprintf(log_service, sizeof(log_service), "%s", service);
    log_min = min_level;
}

int svc_log_level_parse(const char *text, svc_log_level *out) {
    for (int i = 0; i < 4; i++) {
        if (text && strcasecmp(text, level_names[i]) == 0) {
            *out = (svc_log_level)i;
            return SVC_OK;
        }
    }
    return SVC_EINVAL;
}

static void format_time(char *buf, size_t len) {
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    size_t n = strftime(buf, len, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf + n, len - n, ".%03ldZ", ts.tv_nsec / 1000000);
}

static void emit(json_t *line) {
    char *text = json_dumps(line, JSON_COMPACT);
    if (text != NULL) {
        size_t len = strlen(text);
        text[len] = '\n'; /* json_dumps leaves room: we replace the NUL and write len + 1 */
        ssize_t ignored = write(STDERR_FILENO, text, len + 1);
        (void)ignored;
        free(text);
    }
    json_decref(line);
}

/* Paths and ids come from clients and need not be UTF-8; jansson refuses such strings. */
static json_t *lenient_string(const char *text) {
    json_t *s = json_string(text ? text : "");
    return s ? s : json_string("(invalid UTF-8)");
}

static json_t *new_line(svc_log_level level) {
    char when[40];
    format_time(when, sizeof(when));
    return json_pack("{s:s, s:s, s:s}", "time", when, "level", level_names[level], "service",
                     log_service);
}

void svc_log(svc_log_level level, const char *fmt, ...) {
    if (level < log_min)
        return;
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    json_t *line = new_line(level);
    if (line == NULL)
        return;
    json_object_set_new(line, "msg", lenient_string(msg));
    emit(line);
}

void svc_log_request(const char *request_id, const char *method, const char *path, int status,
                     double duration_ms, const char *principal) {
    if (SVC_LOG_INFO < log_min)
        return;
    json_t *line = new_line(SVC_LOG_INFO);
    if (line == NULL)
        return;
    json_object_set_new(line, "requestId", lenient_string(request_id));
    json_object_set_new(line, "method", lenient_string(method));
    json_object_set_new(line, "path", lenient_string(path));
    json_object_set_new(line, "status", json_integer(status));
    json_object_set_new(line, "durationMs",
                        json_real((double)(long long)(duration_ms * 1000) / 1000));
    json_object_set_new(line, "principal", principal ? lenient_string(principal) : json_null());
    emit(line);
}
