/* Leveled logging, one JSON object per line on stderr. */
#ifndef SVC_LOG_H
#define SVC_LOG_H

typedef enum svc_log_level {
    SVC_LOG_DEBUG = 0,
    SVC_LOG_INFO = 1,
    SVC_LOG_WARN = 2,
    SVC_LOG_ERROR = 3,
} svc_log_level;

/* Set the service name written in every line and the minimum level. Call once at start. */
void svc_log_init(const char *service, svc_log_level min_level);
int svc_log_level_parse(const char *text, svc_log_level *out);

/* {"time":...,"level":...,"service":...,"msg":...} */
void svc_log(svc_log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Buffer access lines (as nginx's access_log buffer= does): they are collected in memory and
 * written by a background thread at least every 200 ms or per 64 KiB, instead of one write() per
 * request, which cost about 15% of the throughput. Leveled messages are written at once (after
 * what is buffered, so the order holds). svc_log_set_buffered(0) flushes and stops the thread;
 * the server turns buffering on while it runs. */
int svc_log_set_buffered(int on);
/* Write out whatever is buffered now. */
void svc_log_flush(void);

/* The per-request access line:
 * {"time","level":"info","service","requestId","method","path","status","durationMs","principal"}
 */
void svc_log_request(const char *request_id, const char *method, const char *path, int status,
                     double duration_ms, const char *principal);

#endif
