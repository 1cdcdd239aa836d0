/* One JSON object per line on stderr, written with a single write() so lines from concurrent
 * threads never interleave. */
#include "svc/log.h"

#include <jansson.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "svc/error.h"

#define BUFFER_BYTES      (64 * 1024)
#define FLUSH_INTERVAL_MS 200

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

/* ---- the access-line buffer ---- */

static struct {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_mutex_t write_lock; /* keeps writes to stderr in order */
    char *data;
    size_t len;
    int on, stopping;
    pthread_t flusher;
} buffer = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_MUTEX_INITIALIZER};

static void write_all(const char *data, size_t len) {
    while (len > 0) {
        ssize_t n = write(STDERR_FILENO, data, len);
        if (n <= 0)
            return; /* nowhere to log to: drop rather than block the service */
        data += n;
        len -= (size_t)n;
    }
}

/* Take what is buffered (under buffer.lock) and write it (under write_lock only). */
static void flush_locked_then_write(void) {
    char *data = buffer.data;
    size_t len = buffer.len;
    buffer.data = NULL;
    buffer.len = 0;
    pthread_mutex_lock(&buffer.write_lock);
    pthread_mutex_unlock(&buffer.lock);
    if (data != NULL)
        write_all(data, len);
    pthread_mutex_unlock(&buffer.write_lock);
    free(data);
    pthread_mutex_lock(&buffer.lock);
}

void svc_log_flush(void) {
    pthread_mutex_lock(&buffer.lock);
    flush_locked_then_write();
    pthread_mutex_unlock(&buffer.lock);
}

static void *flusher(void *arg) {
    (void)arg;
    pthread_mutex_lock(&buffer.lock);
    while (!buffer.stopping) {
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_nsec += FLUSH_INTERVAL_MS * 1000000L;
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&buffer.wake, &buffer.lock, &deadline);
        flush_locked_then_write();
    }
    pthread_mutex_unlock(&buffer.lock);
    return NULL;
}

int svc_log_set_buffered(int on) {
    pthread_mutex_lock(&buffer.lock);
    int was = buffer.on;
    if (on && !was) {
        buffer.stopping = 0;
        if (pthread_create(&buffer.flusher, NULL, flusher, NULL) != 0) {
            pthread_mutex_unlock(&buffer.lock);
            return SVC_ERR;
        }
        buffer.on = 1;
    } else if (!on && was) {
        buffer.on = 0;
        buffer.stopping = 1;
        pthread_cond_signal(&buffer.wake);
    }
    pthread_mutex_unlock(&buffer.lock);
    if (!on && was)
        pthread_join(buffer.flusher, NULL);
    svc_log_flush();
    return SVC_OK;
}

/* Append a finished line: to the buffer when buffering, else straight to stderr. */
static void emit_text(const char *line, size_t len, int buffered) {
    pthread_mutex_lock(&buffer.lock);
    if (buffered && buffer.on) {
        if (buffer.data == NULL)
            buffer.data = malloc(BUFFER_BYTES);
        if (buffer.data != NULL && buffer.len + len <= BUFFER_BYTES) {
            memcpy(buffer.data + buffer.len, line, len);
            buffer.len += len;
            if (buffer.len > BUFFER_BYTES / 2)
                pthread_cond_signal(&buffer.wake);
            pthread_mutex_unlock(&buffer.lock);
            return;
        }
    }
    /* unbuffered, or the buffer is full: everything buffered first, then this line */
    flush_locked_then_write();
    pthread_mutex_lock(&buffer.write_lock);
    pthread_mutex_unlock(&buffer.lock);
    write_all(line, len);
    pthread_mutex_unlock(&buffer.write_lock);
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
        emit_text(text, len + 1, 0);
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

/* Append text as a JSON string (quoted, escaped, at most max_out bytes of output) to buf at *pos.
 * Bytes that are not valid UTF-8 become '?', so the line stays valid JSON whatever a client sent.
 * The caller sizes buf for the sum of the fields' max_out. */
static void append_json_string(char *buf, size_t cap, size_t *pos, const char *text,
                               size_t max_out) {
    size_t p = *pos;
    size_t limit = p + max_out < cap ? p + max_out : cap;
    if (p + 2 >= limit)
        return;
    buf[p++] = '"';
    for (const unsigned char *t = (const unsigned char *)(text ? text : ""); *t && p + 8 < limit;) {
        size_t n = 1;
        if (*t >= 0x80) {
            n = (*t & 0xE0) == 0xC0 ? 2 : (*t & 0xF0) == 0xE0 ? 3 : (*t & 0xF8) == 0xF0 ? 4 : 0;
            for (size_t i = 1; i < n; i++) {
                if ((t[i] & 0xC0) != 0x80)
                    n = 0;
            }
            if (n == 0) {
                buf[p++] = '?';
                t++;
                continue;
            }
            memcpy(buf + p, t, n);
            p += n;
        } else if (*t == '"' || *t == '\\') {
            buf[p++] = '\\';
            buf[p++] = (char)*t;
        } else if (*t < 0x20) {
            p += (size_t)snprintf(buf + p, limit - p, "\\u%04x", *t);
        } else {
            buf[p++] = (char)*t;
        }
        t += n;
    }
    buf[p++] = '"';
    *pos = p;
}

static void append_raw(char *buf, size_t cap, size_t *pos, const char *text) {
    size_t n = strlen(text);
    if (*pos + n < cap) {
        memcpy(buf + *pos, text, n);
        *pos += n;
    }
}

/* The access line is written on every request, so it is formatted by hand into a stack buffer
 * instead of building a jansson object (which cost about a tenth of the throughput). */
void svc_log_request(const char *request_id, const char *method, const char *path, int status,
                     double duration_ms, const char *principal) {
    if (SVC_LOG_INFO < log_min)
        return;
    char buf[4096], when[40], num[64];
    size_t pos = 0;
    format_time(when, sizeof(when));
    append_raw(buf, sizeof(buf), &pos, "{\"time\":\"");
    append_raw(buf, sizeof(buf), &pos, when);
    append_raw(buf, sizeof(buf), &pos, "\",\"level\":\"info\",\"service\":");
    append_json_string(buf, sizeof(buf), &pos, log_service, 256);
    append_raw(buf, sizeof(buf), &pos, ",\"requestId\":");
    append_json_string(buf, sizeof(buf), &pos, request_id, 256);
    append_raw(buf, sizeof(buf), &pos, ",\"method\":");
    append_json_string(buf, sizeof(buf), &pos, method, 256);
    append_raw(buf, sizeof(buf), &pos, ",\"path\":");
    append_json_string(buf, sizeof(buf), &pos, path, 2048);
    snprintf(num, sizeof(num), ",\"status\":%d,\"durationMs\":%.3f,\"principal\":", status,
             duration_ms);
    append_raw(buf, sizeof(buf), &pos, num);
    if (principal)
        append_json_string(buf, sizeof(buf), &pos, principal, 256);
    else
        append_raw(buf, sizeof(buf), &pos, "null");
    append_raw(buf, sizeof(buf), &pos, "}\n");
    emit_text(buf, pos, 1);
}
