/* The request as handlers see it: path parameters, query, headers, cookies, parsed bodies. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

void svc_req_init(svc_req *r, svc_server *s, const struct _u_request *http,
                  struct _u_response *res) {
    memset(r, 0, sizeof(*r));
    r->server = s;
    r->http = http;
    r->res = res;
    r->method = http->http_verb ? http->http_verb : "";
    r->path = http->url_path ? http->url_path : "";
}

void svc_req_clear(svc_req *r) {
    for (size_t i = 0; i < r->n_params; i++)
        free(r->param_values[i]);
    r->n_params = 0;
    svc_principal_free(r->principal);
    r->principal = NULL;
}

const char *svc_req_method(const svc_req *r) {
    return r->method;
}

const char *svc_req_path(const svc_req *r) {
    return r->path;
}

const char *svc_req_id(const svc_req *r) {
    return r->request_id;
}

const char *svc_req_param(const svc_req *r, const char *name) {
    for (size_t i = 0; i < r->n_params; i++) {
        if (strcmp(r->param_names[i], name) == 0)
            return r->param_values[i];
    }
    return NULL;
}

const char *svc_req_query(const svc_req *r, const char *name) {
    return r->http->map_url ? u_map_get(r->http->map_url, name) : NULL;
}

const char *svc_req_header(const svc_req *r, const char *name) {
    return r->http->map_header ? u_map_get_case(r->http->map_header, name) : NULL;
}

const char *svc_req_cookie(const svc_req *r, const char *name) {
    return r->http->map_cookie ? u_map_get(r->http->map_cookie, name) : NULL;
}

const char *svc_req_body(const svc_req *r, size_t *len) {
    if (len)
        *len = r->http->binary_body_length;
    return r->http->binary_body;
}

/* The gateway appends the peer it saw to X-Forwarded-For, so its last entry is the client as
 * far as we can trust it; earlier entries are whatever the client claimed. */
static void forwarded_client(const char *xff, char *out, size_t size) {
    const char *last = strrchr(xff, ',');
    last = last ? last + 1 : xff;
    while (*last == ' ')
        last++;
    snprintf(out, size, "%.*s", (int)strcspn(last, " "), last);
}

const char *svc_req_client_ip(const svc_req *r) {
    svc_req *w = (svc_req *)r; /* computed lazily; the cache is not part of the visible state */
    if (w->client_ip[0] != '\0')
        return w->client_ip;
    const char *xff = svc_req_header(r, "X-Forwarded-For");
    const struct sockaddr *sa = r->http->client_address;
    if (sa && sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, w->client_ip,
                  sizeof(w->client_ip));
    else if (sa && sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, w->client_ip,
                  sizeof(w->client_ip));
    int loopback = strncmp(w->client_ip, "127.", 4) == 0 || strcmp(w->client_ip, "::1") == 0;
    if (xff && *xff && loopback)
        forwarded_client(xff, w->client_ip, sizeof(w->client_ip));
    if (w->client_ip[0] == '\0')
        snprintf(w->client_ip, sizeof(w->client_ip), "unknown");
    return w->client_ip;
}

const svc_principal *svc_req_principal(const svc_req *r) {
    return r->principal;
}

svc_pool *svc_req_pool(const svc_req *r) {
    return r->server->pool;
}

const svc_config *svc_req_config(const svc_req *r) {
    return r->server->cfg;
}

int svc_req_replied(const svc_req *r) {
    return r->status != 0;
}

int svc_req_json(svc_req *r, json_t **out) {
    size_t len = r->http->binary_body_length;
    json_error_t error;
    char detail[300];
    *out = NULL;
    if (len == 0) {
        svc_reply_problem(r, 400, "De inhoud van het verzoek ontbreekt: verwacht een JSON-object.");
        return SVC_EREPLIED;
    }
    *out = json_loadb(r->http->binary_body, len, JSON_REJECT_DUPLICATES, &error);
    if (*out == NULL) {
        snprintf(detail, sizeof(detail), "Ongeldige JSON op regel %d, kolom %d: %s.", error.line,
                 error.column, error.text);
        svc_reply_problem(r, 400, detail);
        return SVC_EREPLIED;
    }
    return SVC_OK;
}

static int form_decode(char *s) {
    for (char *p = s; *p; p++) {
        if (*p == '+')
            *p = ' ';
    }
    char *decoded = ulfius_url_decode(s);
    if (decoded == NULL)
        return -1;
    strcpy(s, decoded); /* decoding never makes a string longer */
    o_free(decoded);
    return 0;
}

/* Add one "key=value" pair; duplicates are an error (RFC 6749 section 3.2). */
static int form_add(json_t *form, char *pair, svc_errors *errs) {
    char *eq = strchr(pair, '=');
    char *value = eq ? eq + 1 : pair + strlen(pair);
    if (eq)
        *eq = '\0';
    if (pair[0] == '\0' || form_decode(pair) != 0 || form_decode(value) != 0)
        return SVC_ENOMEM;
    json_t *v = json_string(value);
    if (v == NULL) {
        svc_errors_add(errs, pair, "format", "Moet geldige UTF-8-tekst zijn.");
        return SVC_OK;
    }
    if (json_object_get(form, pair) != NULL)
        svc_errors_add(errs, pair, "duplicate", "Komt meer dan eens voor.");
    json_object_set_new(form, pair, v);
    return SVC_OK;
}

int svc_req_form(svc_req *r, json_t **out) {
    size_t len = r->http->binary_body_length;
    svc_errors *errs = NULL;
    char *body = strndup(r->http->binary_body ? r->http->binary_body : "", len);
    json_t *form = json_object();
    int rc = (body && form && svc_errors_new(&errs) == SVC_OK) ? SVC_OK : SVC_ENOMEM;
    char *save = NULL;
    for (char *pair = rc ? NULL : strtok_r(body, "&", &save); pair;
         pair = strtok_r(NULL, "&", &save))
        form_add(form, pair, errs);
    if (rc == SVC_OK && svc_errors_count(errs) > 0) {
        svc_reply_invalid(r, errs, "Het formulier bevat fouten.");
        rc = SVC_EREPLIED;
    }
    if (rc == SVC_ENOMEM)
        svc_reply_problem(r, 500, NULL);
    svc_errors_free(errs);
    free(body);
    if (rc != SVC_OK) {
        json_decref(form);
        return rc == SVC_ENOMEM ? SVC_EREPLIED : rc;
    }
    *out = form;
    return SVC_OK;
}

int svc_req_require_scope(svc_req *r, const char *scope) {
    if (r->principal && svc_principal_has_scope(r->principal, scope))
        return SVC_OK;
    char detail[160];
    snprintf(detail, sizeof(detail), "Hiervoor is de scope '%s' nodig.", scope);
    svc_reply_problem(r, 403, detail);
    return SVC_EREPLIED;
}

int svc_req_if_match(svc_req *r, const char *etag) {
    const char *header = svc_req_header(r, "If-Match");
    if (header == NULL || header[0] == '\0') {
        svc_reply_problem(r, 428,
                          "Stuur de ETag van de gelezen versie mee in If-Match, zodat geen "
                          "wijziging van een ander ongemerkt wordt overschreven.");
        return SVC_EREPLIED;
    }
    if (!svc_etag_match(header, etag, 0)) {
        svc_reply_header(r, "ETag", etag);
        svc_reply_problem(r, 412,
                          "Dit is intussen door iemand anders gewijzigd. Lees de nieuwe versie "
                          "en probeer het opnieuw.");
        return SVC_EREPLIED;
    }
    return SVC_OK;
}
