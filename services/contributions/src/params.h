/* Query and path parameters: checked text, problems collected in one svc_errors. Every function
 * leaves *out NULL (absent) or pointing at the request's own text. */
#ifndef CTB_PARAMS_H
#define CTB_PARAMS_H

#include "svc/error.h"
#include "svc/http.h"

#define CTB_YEAR_MIN 2000
#define CTB_YEAR_MAX 2100

/* 1 when text is a canonical UUID (8-4-4-4-12 hex). */
int ctb_is_uuid(const char *text);
/* 1 when text is a CBS municipality code: "GM" and four digits. */
int ctb_is_gemeente(const char *text);
/* 1 when text is a whole number in [min, max] (decimal, optional '-'); *out gets it. */
int ctb_parse_int(const char *text, long long min, long long max, long long *out);

/* ?name= as a year (2000..2100). */
void ctb_query_year(svc_req *r, const char *name, const char **out, svc_errors *errs);
/* ?name= as a UUID. */
void ctb_query_uuid(svc_req *r, const char *name, const char **out, svc_errors *errs);
/* ?name= among values (NULL-terminated). */
void ctb_query_enum(svc_req *r, const char *name, const char *const *values, const char **out,
                    svc_errors *errs);
/* ?name= as a CBS code. */
void ctb_query_gemeente(svc_req *r, const char *name, const char **out, svc_errors *errs);
/* ?name= as an action line 1..5. */
void ctb_query_action_line(svc_req *r, const char *name, const char **out, svc_errors *errs);
/* ?name= as free text of 1..max code points. */
void ctb_query_text(svc_req *r, const char *name, size_t max, const char **out, svc_errors *errs);

/* A new svc_errors, or a 500 set and NULL returned. */
svc_errors *ctb_errors(svc_req *r);
/* Reply 400 with errs when it holds problems: returns SVC_EREPLIED then, else SVC_OK. */
int ctb_errors_reply(svc_req *r, const svc_errors *errs);

/* Enumerations of the domain. */
extern const char *const ctb_scopes[];  /* programma, actielijn, project */
extern const char *const ctb_natures[]; /* structureel, incidenteel */
extern const char *const ctb_line_statuses[];
extern const char *const ctb_kinds[]; /* geld, menskracht */
extern const char *const ctb_contribution_statuses[];
extern const char *const ctb_source_types[];
extern const char *const ctb_bases[];

#endif
