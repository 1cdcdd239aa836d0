/* Declarative JSON input validation: describe the fields, get every problem at once.
 *
 *   static const char *const rollen[] = {"beheerder", "redacteur", "lezer", NULL};
 *   static const svc_field user_fields[] = {
 *       {"gebruikersnaam", SVC_T_STRING, SVC_REQUIRED, 3, 64},
 *       {"rol", SVC_T_ENUM, SVC_REQUIRED, .values = rollen},
 *       {"actielijnen", SVC_T_ARRAY, 0, 0, 5, .items = SVC_T_INTEGER},
 *       {NULL}};
 *   svc_validate(body, user_fields, SVC_REJECT_UNKNOWN, errs);
 */
#ifndef SVC_VALIDATE_H
#define SVC_VALIDATE_H

#include <jansson.h>

#include "svc/problem.h"

typedef enum svc_type {
    SVC_T_ANY = 0,
    SVC_T_STRING,  /* min/max: length in Unicode code points */
    SVC_T_INTEGER, /* min/max: value (both 0 = unbounded) */
    SVC_T_NUMBER,  /* min/max: value (both 0 = unbounded) */
    SVC_T_BOOLEAN,
    SVC_T_DATE,     /* "YYYY-MM-DD", a real calendar date */
    SVC_T_DATETIME, /* RFC 3339 with time zone */
    SVC_T_ENUM,     /* a string among .values */
    SVC_T_ARRAY,    /* min/max: number of items; items of type .items (ENUM uses .values) */
    SVC_T_OBJECT,
    SVC_T_UUID, /* "8-4-4-4-12" hexadecimal */
} svc_type;

/* flags */
#define SVC_REQUIRED 0x1u /* must be present (ignored under SVC_PARTIAL) */
#define SVC_NULLABLE 0x2u /* JSON null is accepted */

/* policy */
#define SVC_REJECT_UNKNOWN 0x1u /* a field not described is a problem ("unknown") */
#define SVC_PARTIAL        0x2u /* PATCH: nothing is required */

typedef struct svc_field {
    const char *name; /* NULL ends the list */
    svc_type type;
    unsigned int flags;
    long long min, max;        /* see svc_type; both 0 means no bound */
    const char *const *values; /* NULL-terminated list for SVC_T_ENUM (and ENUM items) */
    svc_type items;            /* item type for SVC_T_ARRAY */
} svc_field;

/* Validate obj against fields; add every problem to errs (names prefixed with prefix + "." when
 * prefix is not NULL). A non-object obj is one problem. Returns the number of problems added. */
int svc_validate(const json_t *obj, const svc_field *fields, unsigned int policy,
                 const char *prefix, svc_errors *errs);

/* 1 when text is a valid calendar date "YYYY-MM-DD" / RFC 3339 date-time with offset. */
int svc_is_date(const char *text);
int svc_is_datetime(const char *text);
/* 1 when text is a UUID in the 8-4-4-4-12 hexadecimal form (either case). */
int svc_is_uuid(const char *text);
/* Number of Unicode code points of a valid UTF-8 string. */
size_t svc_utf8_length(const char *text);
/* 1 when the n bytes are well-formed UTF-8 without NUL. */
int svc_utf8_valid(const char *s, size_t n);

#endif
