/* Cursor pagination on requests: ?limit= and ?cursor=, and the RFC 8288 Link to the next page. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int svc_req_page(svc_req *r, unsigned int default_limit, unsigned int max_limit,
                 unsigned int *limit, json_t **cursor, svc_errors *errs) {
    const char *text = svc_req_query(r, "limit");
    const char *token = svc_req_query(r, "cursor");
    *limit = default_limit;
    *cursor = NULL;
    if (text != NULL) {
        char *end = NULL;
        errno = 0;
        long value = strtol(text, &end, 10);
        if (text[0] == '\0' || *end != '\0' || errno || value < 1 || value > (long)max_limit)
            svc_errors_add(errs, "limit", "range",
                           "Moet een geheel getal van 1 tot en met %u zijn.", max_limit);
        else
            *limit = (unsigned int)value;
    }
    if (token != NULL && svc_cursor_decode(r->server->cursor_key, token, cursor) != SVC_OK)
        svc_errors_add(errs, "cursor", "format",
                       "Ongeldige cursor: gebruik de waarde van een vorige pagina ongewijzigd.");
    return SVC_OK;
}

static int append(char **buf, size_t *len, size_t *cap, const char *text) {
    size_t add = strlen(text);
    if (*len + add + 1 > *cap) {
        size_t ncap = (*cap + add + 1) * 2;
        char *grown = realloc(*buf, ncap);
        if (grown == NULL)
            return SVC_ENOMEM;
        *buf = grown;
        *cap = ncap;
    }
    memcpy(*buf + *len, text, add + 1);
    *len += add;
    return SVC_OK;
}

static int append_param(char **buf, size_t *len, size_t *cap, const char *key, const char *value) {
    char *k = ulfius_url_encode(key), *v = ulfius_url_encode(value);
    int rc = (k && v) ? SVC_OK : SVC_ENOMEM;
    if (rc == SVC_OK)
        rc = append(buf, len, cap, (*len > 0 && (*buf)[*len - 1] != '?') ? "&" : "");
    if (rc == SVC_OK)
        rc = append(buf, len, cap, k);
    if (rc == SVC_OK)
        rc = append(buf, len, cap, "=");
    if (rc == SVC_OK)
        rc = append(buf, len, cap, v);
    o_free(k);
    o_free(v);
    return rc;
}

/* "<path?kept=params&cursor=next>; rel=\"next\"" */
static int build_link(svc_req *r, const char *next, char **out) {
    size_t len = 0, cap = 256;
    char *buf = malloc(cap);
    int rc = buf ? SVC_OK : SVC_ENOMEM;
    if (rc == SVC_OK) {
        buf[0] = '\0';
        rc = append(&buf, &len, &cap, "<");
    }
    if (rc == SVC_OK)
        rc = append(&buf, &len, &cap, r->path);
    if (rc == SVC_OK)
        rc = append(&buf, &len, &cap, "?");
    const char **keys = r->http->map_url ? u_map_enum_keys(r->http->map_url) : NULL;
    for (size_t i = 0; rc == SVC_OK && keys && keys[i]; i++) {
        if (strcmp(keys[i], "cursor") != 0)
            rc = append_param(&buf, &len, &cap, keys[i], u_map_get(r->http->map_url, keys[i]));
    }
    if (rc == SVC_OK)
        rc = append_param(&buf, &len, &cap, "cursor", next);
    if (rc == SVC_OK)
        rc = append(&buf, &len, &cap, ">; rel=\"next\"");
    if (rc != SVC_OK) {
        free(buf);
        return rc;
    }
    *out = buf;
    return SVC_OK;
}

int svc_req_link_next(svc_req *r, const json_t *payload, char **next) {
    char *link = NULL;
    *next = NULL;
    if (payload == NULL)
        return SVC_OK;
    int rc = svc_cursor_encode(r->server->cursor_key, payload, next);
    if (rc == SVC_OK)
        rc = build_link(r, *next, &link);
    if (rc == SVC_OK)
        svc_reply_header(r, "Link", link);
    free(link);
    if (rc != SVC_OK) {
        free(*next);
        *next = NULL;
    }
    return rc;
}
