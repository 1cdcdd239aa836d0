/* Problem details (RFC 9457) and the collector of invalid parameters. */
#include "svc/problem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "svc/error.h"

struct svc_errors {
    json_t *list;
};

int svc_errors_new(svc_errors **out) {
    svc_errors *errs = calloc(1, sizeof(*errs));
    if (errs == NULL)
        return SVC_ENOMEM;
    errs->list = json_array();
    if (errs->list == NULL) {
        free(errs);
        return SVC_ENOMEM;
    }
    *out = errs;
    return SVC_OK;
}

void svc_errors_free(svc_errors *errs) {
    if (errs == NULL)
        return;
    json_decref(errs->list);
    free(errs);
}

/* A JSON string even for bytes that are not UTF-8 (e.g. an unknown field name echoed back). */
static json_t *lenient_string(const char *text) {
    json_t *s = json_string(text ? text : "");
    return s ? s : json_string("(ongeldige tekens)");
}

void svc_errors_add(svc_errors *errs, const char *name, const char *code, const char *fmt, ...) {
    char reason[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof(reason), fmt, ap);
    va_end(ap);
    json_t *item = json_object();
    if (item == NULL)
        return;
    json_object_set_new(item, "name", lenient_string(name));
    json_object_set_new(item, "code", lenient_string(code));
    json_object_set_new(item, "reason", lenient_string(reason));
    json_array_append_new(errs->list, item);
}

size_t svc_errors_count(const svc_errors *errs) {
    return json_array_size(errs->list);
}

json_t *svc_errors_json(const svc_errors *errs) {
    return errs->list;
}

const char *svc_http_reason(int status) {
    switch (status) {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Error";
    }
}

json_t *svc_problem_new(int status, const char *detail, const char *instance) {
    json_t *p = json_object();
    if (p == NULL)
        return NULL;
    json_object_set_new(p, "type", json_string("about:blank"));
    json_object_set_new(p, "title", json_string(svc_http_reason(status)));
    json_object_set_new(p, "status", json_integer(status));
    json_object_set_new(p, "detail", lenient_string(detail ? detail : svc_http_reason(status)));
    if (instance != NULL)
        json_object_set_new(p, "instance", lenient_string(instance));
    return p;
}
