/* Problem details (RFC 9457, application/problem+json): the one error envelope of every service.
 *
 * Body: {"type","title","status","detail","instance", "invalidParams":[{"name","code","reason"}]}
 * "type" is "about:blank" and "title" the HTTP reason phrase, unless a specific type is given.
 * Reasons are Dutch (the users' language); codes are stable machine-readable English words. */
#ifndef SVC_PROBLEM_H
#define SVC_PROBLEM_H

#include <jansson.h>
#include <stddef.h>

/* Collector of invalid parameters, so that one 400 reports every problem of the input. */
typedef struct svc_errors svc_errors;

int svc_errors_new(svc_errors **out);
void svc_errors_free(svc_errors *errs);
/* Add one problem: name is the JSON path ("naam", "rollen[2]", "adres.postcode") or a query /
 * header name; code is e.g. "required", "type", "length", "enum", "range", "format", "unknown". */
void svc_errors_add(svc_errors *errs, const char *name, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
size_t svc_errors_count(const svc_errors *errs);
/* The invalidParams array (borrowed reference, owned by errs). */
json_t *svc_errors_json(const svc_errors *errs);

/* A new problem object (caller owns the reference). detail and instance may be NULL. */
json_t *svc_problem_new(int status, const char *detail, const char *instance);
/* The HTTP reason phrase of a status ("Not Found"); "Error" when unknown. */
const char *svc_http_reason(int status);

#endif
