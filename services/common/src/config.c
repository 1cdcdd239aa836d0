/* Configuration from environment variables. See svc/config.h for every variable. */
#include "svc/config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "svc/error.h"

int svc_env_string(const char *name, const char *def, char **out) {
    const char *value = getenv(name);
    if (value == NULL || value[0] == '\0')
        value = def ? def : "";
    *out = strdup(value);
    return *out ? SVC_OK : SVC_ENOMEM;
}

int svc_env_uint(const char *name, unsigned long def, unsigned long min, unsigned long max,
                 unsigned long *out) {
    const char *value = getenv(name);
    if (value == NULL || value[0] == '\0') {
        *out = def;
        return SVC_OK;
    }
    if (value[0] < '0' || value[0] > '9')
        return SVC_EINVAL;
    char *end = NULL;
    errno = 0;
    unsigned long long parsed = strtoull(value, &end, 10);
    if (errno != 0 || *end != '\0' || parsed < min || parsed > max)
        return SVC_EINVAL;
    *out = (unsigned long)parsed;
    return SVC_OK;
}

int svc_env_bool(const char *name, int def, int *out) {
    static const char *const yes[] = {"1", "true", "yes", "on"};
    static const char *const no[] = {"0", "false", "no", "off"};
    const char *value = getenv(name);
    if (value == NULL || value[0] == '\0') {
        *out = def;
        return SVC_OK;
    }
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(value, yes[i]) == 0) {
            *out = 1;
            return SVC_OK;
        }
        if (strcasecmp(value, no[i]) == 0) {
            *out = 0;
            return SVC_OK;
        }
    }
    return SVC_EINVAL;
}

static int set_error(char **errmsg, const char *fmt, ...) {
    if (errmsg != NULL) {
        va_list ap;
        va_start(ap, fmt);
        if (vasprintf(errmsg, fmt, ap) < 0)
            *errmsg = NULL;
        va_end(ap);
    }
    return SVC_EINVAL;
}

static int load_uint(const char *name, unsigned long def, unsigned long min, unsigned long max,
                     unsigned long *out, char **errmsg) {
    if (svc_env_uint(name, def, min, max, out) != SVC_OK)
        return set_error(errmsg, "%s must be a whole number from %lu to %lu", name, min, max);
    return SVC_OK;
}

static int load_strings(svc_config *cfg, const char *service) {
    char path[512];
    int rc = SVC_OK;
    rc |= svc_env_string("SVC_BIND_ADDRESS", "127.0.0.1", &cfg->bind_address);
    rc |= svc_env_string("DATABASE_URL", "", &cfg->database_url);
    rc |= svc_env_string("JWT_ISSUER", "http://localhost:8080/api/auth/v1", &cfg->jwt_issuer);
    rc |= svc_env_string("JWT_AUDIENCE", "jeugdhulp-twente", &cfg->jwt_audience);
    rc |= svc_env_string("JWT_PUBLIC_KEYS", "", &cfg->jwt_public_keys);
    rc |= svc_env_string("CURSOR_SECRET", "", &cfg->cursor_secret);
    rc |= svc_env_string("LOG_LEVEL", "info", &cfg->log_level);
    snprintf(path, sizeof(path), "openapi/%s.json", service);
    rc |= svc_env_string("OPENAPI_FILE", path, &cfg->openapi_file);
    snprintf(path, sizeof(path), "services/%s/migrations", service);
    rc |= svc_env_string("MIGRATIONS_DIR", path, &cfg->migrations_dir);
    snprintf(path, sizeof(path), "/api/%s/v1", service);
    cfg->base_path = strdup(path);
    cfg->service = strdup(service);
    return (rc != SVC_OK || !cfg->base_path || !cfg->service) ? SVC_ENOMEM : SVC_OK;
}

int svc_config_load(svc_config *cfg, const char *service, const char *api_version,
                    unsigned int default_port, char **errmsg) {
    unsigned long v = 0;
    memset(cfg, 0, sizeof(*cfg));
    if (errmsg)
        *errmsg = NULL;
    cfg->api_version = strdup(api_version);
    if (!cfg->api_version || load_strings(cfg, service) != SVC_OK)
        return SVC_ENOMEM;
    if (load_uint("SVC_PORT", default_port, 1, 65535, &v, errmsg))
        return SVC_EINVAL;
    cfg->port = (unsigned int)v;
    if (load_uint("DB_POOL_SIZE", 8, 1, 256, &v, errmsg))
        return SVC_EINVAL;
    cfg->pool_size = (unsigned int)v;
    if (load_uint("DB_POOL_ACQUIRE_TIMEOUT_MS", 500, 1, 60000, &v, errmsg))
        return SVC_EINVAL;
    cfg->pool_acquire_timeout_ms = (unsigned int)v;
    if (load_uint("MAX_BODY_BYTES", 1048576, 1024, 1073741824, &v, errmsg))
        return SVC_EINVAL;
    cfg->max_body_bytes = v;
    if (load_uint("HTTP_CONNECTION_TIMEOUT_S", 30, 1, 3600, &v, errmsg))
        return SVC_EINVAL;
    cfg->connection_timeout_s = (unsigned int)v;
    if (load_uint("HTTP_THREADS", 8, 0, 256, &v, errmsg))
        return SVC_EINVAL;
    cfg->http_threads = (unsigned int)v;
    if (load_uint("JWT_LEEWAY_S", 30, 0, 300, &v, errmsg))
        return SVC_EINVAL;
    cfg->jwt_leeway_s = (unsigned int)v;
    return SVC_OK;
}

void svc_config_clear(svc_config *cfg) {
    char **strings[] = {&cfg->service,      &cfg->base_path,       &cfg->api_version,
                        &cfg->bind_address, &cfg->database_url,    &cfg->jwt_issuer,
                        &cfg->jwt_audience, &cfg->jwt_public_keys, &cfg->cursor_secret,
                        &cfg->openapi_file, &cfg->migrations_dir,  &cfg->log_level};
    for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
        free(*strings[i]);
        *strings[i] = NULL;
    }
}
