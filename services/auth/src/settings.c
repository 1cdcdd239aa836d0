/* The AUTH_* variables, checked once at start so that a mistake stops the service with a clear
 * message instead of surfacing in the first login. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "util.h"

static int fail(char **errmsg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(char **errmsg, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (errmsg != NULL && vasprintf(errmsg, fmt, ap) < 0)
        *errmsg = NULL;
    va_end(ap);
    return SVC_EINVAL;
}

typedef struct number_setting {
    const char *name;
    unsigned long def, min, max;
    size_t offset; /* of the field in auth_settings */
} number_setting;

/* Upper bounds follow the NL GOV OAuth profile: access tokens of public clients at most 15
 * minutes, client-credentials tokens at most 6 hours, refresh tokens at most 24 hours. */
static const number_setting numbers[] = {
    {"AUTH_ACCESS_TOKEN_TTL_S", 600, 1, 900, offsetof(auth_settings, access_ttl_s)},
    {"AUTH_CLIENT_TOKEN_TTL_S", 3600, 1, 21600, offsetof(auth_settings, client_ttl_s)},
    {"AUTH_REFRESH_TOKEN_TTL_S", 43200, 1, 86400, offsetof(auth_settings, refresh_ttl_s)},
    {"AUTH_LOCKOUT_THRESHOLD", 5, 1, 1000, offsetof(auth_settings, lockout_threshold)},
    {"AUTH_LOCKOUT_SECONDS", 900, 1, 86400, offsetof(auth_settings, lockout_seconds)},
    {NULL, 0, 0, 0, 0},
};

static int load_numbers(auth_settings *s, char **errmsg) {
    for (const number_setting *n = numbers; n->name != NULL; n++) {
        unsigned long *field = (unsigned long *)((char *)s + n->offset);
        if (svc_env_uint(n->name, n->def, n->min, n->max, field) != SVC_OK)
            return fail(errmsg, "%s must be a whole number from %lu to %lu", n->name, n->min,
                        n->max);
    }
    return SVC_OK;
}

static int load_keys(auth_settings *s, char **errmsg) {
    if (svc_env_string("AUTH_SIGNING_KEY", "", &s->signing_key_path) != SVC_OK ||
        svc_env_string("AUTH_PUBLISHED_KEYS", "", &s->published_keys) != SVC_OK)
        return SVC_ENOMEM;
    if (s->signing_key_path[0] == '\0')
        return fail(errmsg, "AUTH_SIGNING_KEY is required: the path of the RS256 private key "
                            "(PEM) the tokens are signed with");
    return SVC_OK;
}

static int load_audience(auth_settings *s, const svc_config *cfg, char **errmsg) {
    char *text = NULL;
    if (svc_env_string("AUTH_TOKEN_AUDIENCE", cfg->jwt_audience, &text) != SVC_OK)
        return SVC_ENOMEM;
    int rc = auth_split_list(text, &s->audience);
    free(text);
    if (rc == SVC_OK && json_array_size(s->audience) == 0)
        rc = fail(errmsg, "AUTH_TOKEN_AUDIENCE (or JWT_AUDIENCE) must name an audience");
    else if (rc == SVC_EINVAL)
        rc = fail(errmsg, "AUTH_TOKEN_AUDIENCE must be UTF-8 text");
    return rc;
}

static int load_bootstrap(auth_settings *s, char **errmsg) {
    char *name = NULL, *password = NULL;
    if (svc_env_string("AUTH_BOOTSTRAP_ADMIN_USERNAME", "", &name) != SVC_OK ||
        svc_env_string("AUTH_BOOTSTRAP_ADMIN_PASSWORD", "", &password) != SVC_OK) {
        free(name);
        free(password);
        return SVC_ENOMEM;
    }
    int rc = SVC_OK;
    if ((name[0] == '\0') != (password[0] == '\0'))
        rc = fail(errmsg, "AUTH_BOOTSTRAP_ADMIN_USERNAME and AUTH_BOOTSTRAP_ADMIN_PASSWORD go "
                          "together: set both or neither");
    else if (name[0] != '\0' && auth_lower(name, &s->bootstrap_username) != SVC_OK)
        rc = SVC_ENOMEM;
    else if (name[0] != '\0' && !auth_name_valid(s->bootstrap_username))
        rc = fail(errmsg, "AUTH_BOOTSTRAP_ADMIN_USERNAME must be 3 to 64 of a-z 0-9 . _ -");
    else if (name[0] != '\0' && (svc_utf8_length(password) < 12 || svc_utf8_length(password) > 128))
        rc = fail(errmsg, "AUTH_BOOTSTRAP_ADMIN_PASSWORD must be 12 to 128 characters long");
    if (rc == SVC_OK && password[0] != '\0') {
        s->bootstrap_password = password;
        password = NULL;
    }
    free(name);
    free(password);
    return rc;
}

int auth_settings_load(auth_settings *s, const svc_config *cfg, char **errmsg) {
    memset(s, 0, sizeof(*s));
    int rc = load_keys(s, errmsg);
    if (rc == SVC_OK)
        rc = load_audience(s, cfg, errmsg);
    if (rc == SVC_OK)
        rc = load_numbers(s, errmsg);
    if (rc == SVC_OK)
        rc = load_bootstrap(s, errmsg);
    return rc;
}

void auth_settings_clear(auth_settings *s) {
    free(s->signing_key_path);
    free(s->published_keys);
    json_decref(s->audience);
    free(s->bootstrap_username);
    if (s->bootstrap_password != NULL)
        explicit_bzero(s->bootstrap_password, strlen(s->bootstrap_password));
    free(s->bootstrap_password);
    memset(s, 0, sizeof(*s));
}
