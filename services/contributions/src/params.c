/* Query and path parameters (params.h). */
#include "params.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "svc/validate.h"

const char *const ctb_scopes[] = {"programma", "actielijn", "project", NULL};
const char *const ctb_natures[] = {"structureel", "incidenteel", NULL};
const char *const ctb_line_statuses[] = {"raming", "vastgesteld", NULL};
const char *const ctb_kinds[] = {"geld", "menskracht", NULL};
const char *const ctb_contribution_statuses[] = {"toegezegd", "gerealiseerd", NULL};
const char *const ctb_source_types[] = {"gemeentelijke_bijdrage", "spuk",      "subsidie", "rijk",
                                        "zorgverzekeraar",        "provincie", "overig",   NULL};
const char *const ctb_bases[] = {"inwoners", "jeugdigen", "zorggebruik",
                                 "gelijk",   "maatwerk",  NULL};

int ctb_is_uuid(const char *text) {
    static const int dash[] = {8, 13, 18, 23};
    if (text == NULL || strlen(text) != 36)
        return 0;
    for (int i = 0, d = 0; i < 36; i++) {
        if (d < 4 && i == dash[d]) {
            if (text[i] != '-')
                return 0;
            d++;
        } else if (!isxdigit((unsigned char)text[i])) {
            return 0;
        }
    }
    return 1;
}

int ctb_is_gemeente(const char *text) {
    if (text == NULL || strlen(text) != 6 || text[0] != 'G' || text[1] != 'M')
        return 0;
    for (int i = 2; i < 6; i++)
        if (!isdigit((unsigned char)text[i]))
            return 0;
    return 1;
}

int ctb_parse_int(const char *text, long long min, long long max, long long *out) {
    if (text == NULL || text[0] == '\0' || strlen(text) > 20)
        return 0;
    for (const char *p = text[0] == '-' ? text + 1 : text; *p; p++)
        if (!isdigit((unsigned char)*p))
            return 0;
    errno = 0;
    char *end = NULL;
    long long v = strtoll(text, &end, 10);
    if (errno != 0 || *end != '\0' || v < min || v > max)
        return 0;
    if (out != NULL)
        *out = v;
    return 1;
}

void ctb_query_year(svc_req *r, const char *name, const char **out, svc_errors *errs) {
    *out = svc_req_query(r, name);
    if (*out != NULL && !ctb_parse_int(*out, CTB_YEAR_MIN, CTB_YEAR_MAX, NULL))
        svc_errors_add(errs, name, "range", "Moet een jaar van %d tot en met %d zijn.",
                       CTB_YEAR_MIN, CTB_YEAR_MAX);
}

void ctb_query_uuid(svc_req *r, const char *name, const char **out, svc_errors *errs) {
    *out = svc_req_query(r, name);
    if (*out != NULL && !ctb_is_uuid(*out))
        svc_errors_add(errs, name, "format", "Moet een UUID zijn.");
}

void ctb_query_enum(svc_req *r, const char *name, const char *const *values, const char **out,
                    svc_errors *errs) {
    *out = svc_req_query(r, name);
    if (*out == NULL)
        return;
    for (size_t i = 0; values[i] != NULL; i++)
        if (strcmp(values[i], *out) == 0)
            return;
    svc_errors_add(errs, name, "enum", "Onbekende waarde.");
}

void ctb_query_gemeente(svc_req *r, const char *name, const char **out, svc_errors *errs) {
    *out = svc_req_query(r, name);
    if (*out != NULL && !ctb_is_gemeente(*out))
        svc_errors_add(errs, name, "format",
                       "Moet een CBS-gemeentecode zijn (GM en vier cijfers).");
}

void ctb_query_action_line(svc_req *r, const char *name, const char **out, svc_errors *errs) {
    *out = svc_req_query(r, name);
    if (*out != NULL && !ctb_parse_int(*out, 1, 5, NULL))
        svc_errors_add(errs, name, "range", "Moet een actielijn van 1 tot en met 5 zijn.");
}

void ctb_query_text(svc_req *r, const char *name, size_t max, const char **out, svc_errors *errs) {
    *out = svc_req_query(r, name);
    if (*out != NULL && (svc_utf8_length(*out) < 1 || svc_utf8_length(*out) > max))
        svc_errors_add(errs, name, "length", "Moet 1 tot en met %zu tekens lang zijn.", max);
}

svc_errors *ctb_errors(svc_req *r) {
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return NULL;
    }
    return errs;
}

int ctb_errors_reply(svc_req *r, const svc_errors *errs) {
    if (svc_errors_count(errs) == 0)
        return SVC_OK;
    svc_reply_invalid(r, errs, NULL);
    return SVC_EREPLIED;
}
