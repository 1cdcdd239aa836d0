/* The queries: a series for a chart, a snapshot for a map, the signals (brandhaarden), answered
 * through the answer cache (svc_reply_cached, svc/cache.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sql.h"
#include "util.h"

#define MAX_AREAS 100

/* ?name= as a whole number in [min, max], def when absent. */
static const char *query_uint(svc_req *r, const char *name, int def, int min, int max, char *buf,
                              size_t size, svc_errors *errs) {
    const char *v = svc_req_query(r, name);
    char *end = NULL;
    long n = v ? strtol(v, &end, 10) : def;
    if (v != NULL && (v[0] == '\0' || *end != '\0' || n < min || n > max)) {
        svc_errors_add(errs, name, "range", "Moet een geheel getal van %d tot en met %d zijn.", min,
                       max);
        n = def;
    }
    snprintf(buf, size, "%ld", n);
    return buf;
}

static void check_period(svc_req *r, const char *name, svc_errors *errs) {
    const char *v = svc_req_query(r, name);
    if (v != NULL && !mon_is_period(v))
        svc_errors_add(errs, name, "format", "Moet een periode zijn: 2024, 2024-Q1 of 2024-03.");
}

/* "GM0153,GM0141" -> "{GM0153,GM0141}" (codes checked, so no quoting is needed). */
static char *area_array(const char *list, svc_errors *errs) {
    size_t n = strlen(list), count = 0;
    char *out = malloc(n + 3), *copy = strdup(list);
    if (out == NULL || copy == NULL) {
        free(out);
        free(copy);
        return NULL;
    }
    strcpy(out, "{");
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (!mon_is_area_code(tok))
            svc_errors_add(errs, "gebieden", "format", "\"%.30s\" is geen gebiedscode.", tok);
        if (++count > 1)
            strcat(out, ",");
        strcat(out, tok);
    }
    strcat(out, "}");
    if (count == 0 || count > MAX_AREAS)
        svc_errors_add(errs, "gebieden", "length", "Geef 1 tot en met %d gebiedscodes.", MAX_AREAS);
    free(copy);
    return out;
}

/* The series' answer: 404 for an unknown indicator, 400 naming unknown areas. */
static const char *series_answer(svc_req *r, const PGresult *res, const char *what) {
    const char *json = svc_col(res, 0, 0), *unknown = svc_col(res, 0, 1);
    svc_errors *errs = NULL;
    if (json == NULL) {
        svc_reply_not_found(r, what);
    } else if (unknown != NULL) {
        if (svc_errors_new(&errs) == SVC_OK) {
            svc_errors_add(errs, "gebieden", "unknown", "Onbekende gebieden: %s.", unknown);
            svc_reply_invalid(r, errs, NULL);
        } else {
            svc_reply_problem(r, 500, NULL);
        }
        svc_errors_free(errs);
        return NULL;
    }
    return json;
}

void mon_series(svc_req *r, void *ctx) {
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *areas = svc_req_query(r, "gebieden");
    char *array = areas ? area_array(areas, errs) : NULL;
    check_period(r, "vanaf", errs);
    check_period(r, "tot", errs);
    const char *from = svc_req_query(r, "vanaf"), *to = svc_req_query(r, "tot");
    char to_text[16];
    /* A year as the end takes in its quarters and months: "2025-Z" sorts after all of them. */
    snprintf(to_text, sizeof(to_text), "%s%s", to ? to : "9999", to && strlen(to) == 4 ? "-Z" : "");
    const char *params[] = {svc_req_param(r, "code"), array, from ? from : "", to_text};
    if (areas != NULL && array == NULL)
        svc_reply_problem(r, 500, NULL);
    else if (svc_errors_count(errs) > 0)
        svc_reply_invalid(r, errs, NULL);
    else
        svc_reply_cached(r, ((const mon_ctx *)ctx)->cache,
                         &(svc_cached_read){.stmt = SQL_SERIES,
                                            .n = 4,
                                            .params = params,
                                            .what = "Deze indicator",
                                            .answer = series_answer});
    free(array);
    svc_errors_free(errs);
}

void mon_snapshot(svc_req *r, void *ctx) {
    svc_errors *errs = NULL;
    char window[16];
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    check_period(r, "periode", errs);
    const char *params[] = {svc_req_param(r, "code"), svc_req_query(r, "periode"),
                            query_uint(r, "trendPerioden", 4, 1, 20, window, sizeof(window), errs)};
    if (svc_errors_count(errs) > 0)
        svc_reply_invalid(r, errs, NULL);
    else
        svc_reply_cached(
            r, ((const mon_ctx *)ctx)->cache,
            &(svc_cached_read){
                .stmt = SQL_SNAPSHOT, .n = 3, .params = params, .what = "Deze indicator"});
    svc_errors_free(errs);
}

void mon_signals(svc_req *r, void *ctx) {
    svc_errors *errs = NULL;
    char window[16], line[16];
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *kind = svc_req_query(r, "soort");
    if (kind != NULL && strcmp(kind, "norm") != 0 && strcmp(kind, "verslechtering") != 0)
        svc_errors_add(errs, "soort", "enum", "Moet norm of verslechtering zijn.");
    const char *params[] = {query_uint(r, "perioden", 3, 1, 12, window, sizeof(window), errs),
                            svc_req_query(r, "indicator"), svc_req_query(r, "gemeente"),
                            svc_req_query(r, "actielijn")
                                ? query_uint(r, "actielijn", 1, 1, 5, line, sizeof(line), errs)
                                : NULL,
                            kind};
    if (svc_errors_count(errs) > 0)
        svc_reply_invalid(r, errs, NULL);
    else
        svc_reply_cached(r, ((const mon_ctx *)ctx)->cache,
                         &(svc_cached_read){
                             .stmt = SQL_SIGNALS, .n = 5, .params = params, .what = "De signalen"});
    svc_errors_free(errs);
}
