/* Configuration from environment variables (12-factor), with documented defaults.
 *
 * Every service reads the common variables below through svc_config_load(); a service's own
 * variables are read with svc_env_string()/svc_env_uint(). The README lists them all. */
#ifndef SVC_CONFIG_H
#define SVC_CONFIG_H

#include <stddef.h>

typedef struct svc_config {
    char *service;          /* service name, e.g. "auth" (given by the program) */
    char *base_path;        /* "/api/<service>/v1" */
    char *api_version;      /* semver sent as API-Version, e.g. "1.0.0" */
    char *bind_address;     /* SVC_BIND_ADDRESS, default "127.0.0.1" */
    unsigned int port;      /* SVC_PORT, default given by the program */
    char *database_url;     /* DATABASE_URL (libpq conninfo or URI), default "" = none */
    unsigned int pool_size; /* DB_POOL_SIZE, default 8 */
    unsigned int pool_acquire_timeout_ms; /* DB_POOL_ACQUIRE_TIMEOUT_MS, default 500 */
    size_t max_body_bytes;                /* MAX_BODY_BYTES, default 1048576 */
    unsigned int connection_timeout_s; /* HTTP_CONNECTION_TIMEOUT_S, default 30 (idle keep-alive) */
    unsigned int http_threads; /* HTTP_THREADS: N = N epoll workers, each connection placed on the
                                  least loaded (default 8); 0 = a thread per connection (see
                                  services/common/README.md) */
    char *jwt_issuer;          /* JWT_ISSUER, default "http://localhost:8080/api/auth/v1" */
    char *jwt_audience;        /* JWT_AUDIENCE, default "jeugdhulp-twente" */
    char *jwt_public_keys;     /* JWT_PUBLIC_KEYS: comma list of [kid=]path.pem, default "" */
    unsigned int jwt_leeway_s; /* JWT_LEEWAY_S, default 30 */
    char *cursor_secret;       /* CURSOR_SECRET: secret for pagination cursors; default
                                  random per process (set it when running replicas) */
    char *openapi_file;        /* OPENAPI_FILE, default "openapi/<service>.json" */
    char *migrations_dir;      /* MIGRATIONS_DIR, default "services/<service>/migrations" */
    char *log_level;           /* LOG_LEVEL: debug|info|warn|error, default "info" */
} svc_config;

/* Fill cfg from the environment. On SVC_EINVAL, *errmsg (if not NULL) gets a malloc'ed
 * message naming the offending variable; the caller frees it. cfg must be cleared with
 * svc_config_clear() whatever the result. */
int svc_config_load(svc_config *cfg, const char *service, const char *api_version,
                    unsigned int default_port, char **errmsg);
void svc_config_clear(svc_config *cfg);

/* A malloc'ed copy of getenv(name), or of def when unset or empty. */
int svc_env_string(const char *name, const char *def, char **out);
/* An unsigned integer in [min, max]; def when unset or empty; SVC_EINVAL when malformed. */
int svc_env_uint(const char *name, unsigned long def, unsigned long min, unsigned long max,
                 unsigned long *out);
/* A boolean: 1/true/yes/on or 0/false/no/off; def when unset; SVC_EINVAL otherwise. */
int svc_env_bool(const char *name, int def, int *out);

#endif
