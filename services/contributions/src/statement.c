/* The municipal statement (jaaroverzicht): for one municipality and year, its share of the
 * structural budget under a key (default per inhabitant), its contributions, and the same
 * figures of the year before with the differences. As JSON, and as CSV under /exports. A
 * municipal client reads only its own statement (403 for another). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "allocation.h"
#include "ctb.h"
#include "export.h"
#include "params.h"
#include "sql.h"

enum { ST_NAME, ST_CONTRIBUTIONS, ST_TOTALS, ST_TOTALS_PREV };

typedef struct statement {
    const char *code;
    long long year;
    char year_text[24], prev_text[24];
    ctb_alloc_query q, q_prev;
    ctb_allocation now, prev;
    int at, at_prev; /* the municipality's index in the allocations */
    PGresult *rows;  /* SQL_STATEMENT */
} statement;

static void statement_clear(statement *s) {
    ctb_allocation_clear(&s->now);
    ctb_allocation_clear(&s->prev);
    PQclear(s->rows);
}

/* Path and query; 404 for a malformed path, 403 for another municipality's client. */
static int statement_params(svc_req *r, statement *s) {
    memset(s, 0, sizeof(*s));
    s->code = svc_req_param(r, "code");
    if (s->code == NULL)
        s->code = svc_req_query(r, "gemeente");
    const char *year = svc_req_param(r, "jaar");
    if (year == NULL)
        year = svc_req_query(r, "jaar");
    if (!ctb_is_gemeente(s->code) ||
        !ctb_parse_int(year, CTB_YEAR_MIN + 1, CTB_YEAR_MAX, &s->year)) {
        svc_reply_not_found(r, "Dit jaaroverzicht");
        return SVC_EREPLIED;
    }
    const char *own = ctb_municipal_client(r);
    if (own != NULL && strcmp(own, s->code) != 0) {
        svc_reply_problem(r, 403, "Een gemeentelijk systeem ziet alleen het eigen jaaroverzicht.");
        return SVC_EREPLIED;
    }
    const char *key = svc_req_query(r, "verdeelsleutel");
    snprintf(s->year_text, sizeof(s->year_text), "%lld", s->year);
    snprintf(s->prev_text, sizeof(s->prev_text), "%lld", s->year - 1);
    s->q.key_code = key == NULL ? "per-inwoner" : ctb_is_uuid(key) ? NULL : key;
    s->q.key_id = key != NULL && ctb_is_uuid(key) ? key : NULL;
    s->q.structural = 1;
    s->q_prev = s->q;
    s->q.year = s->year_text;
    s->q_prev.year = s->prev_text;
    return SVC_OK;
}

static int statement_load(svc_req *r, statement *s) {
    svc_conn *c = NULL;
    const char *params[] = {s->code, s->year_text};
    int rc = svc_db_acquire(r, &c);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_STATEMENT, 2, params, NULL, &s->rows);
    if (rc == SVC_OK && PQntuples(s->rows) == 0) {
        svc_reply_not_found(r, "Deze gemeente");
        rc = SVC_EREPLIED;
    }
    if (rc == SVC_OK)
        rc = ctb_allocation_run(r, c, &s->q, &s->now);
    if (rc == SVC_OK)
        rc = ctb_allocation_run(r, c, &s->q_prev, &s->prev);
    svc_db_release(r, c);
    if (rc == SVC_OK) {
        s->at = ctb_allocation_find(&s->now, s->code);
        s->at_prev = ctb_allocation_find(&s->prev, s->code);
    }
    return rc;
}

static json_int_t share(const ctb_allocation *a, int at) {
    return at < 0 ? 0 : (json_int_t)a->shares[at];
}

static json_int_t total_of(const json_t *totals, const char *name) {
    return json_integer_value(json_object_get(totals, name));
}

static json_t *statement_json(const statement *s) {
    const PGresult *k = s->now.rows;
    json_t *totals = json_loads(svc_col(s->rows, 0, ST_TOTALS), 0, NULL);
    json_t *prev = json_loads(svc_col(s->rows, 0, ST_TOTALS_PREV), 0, NULL);
    json_t *list = json_loads(svc_col(s->rows, 0, ST_CONTRIBUTIONS), 0, NULL);
    json_int_t weight = s->at < 0 ? 0 : (json_int_t)s->now.weights[s->at];
    uint64_t total_weight = 0;
    for (size_t i = 0; i < s->now.n; i++)
        total_weight += s->now.weights[i];
    json_t *diff = json_pack(
        "{s:I, s:I, s:I}", "aandeel", share(&s->now, s->at) - share(&s->prev, s->at_prev),
        "toegezegd", total_of(totals, "toegezegd") - total_of(prev, "toegezegd"), "gerealiseerd",
        total_of(totals, "gerealiseerd") - total_of(prev, "gerealiseerd"));
    return json_pack(
        "{s:{s:s, s:s}, s:I, s:{s:s, s:s?, s:s, s:s, s:I, s:I, s:I}, s:{s:I, s:I}, s:o, s:o,"
        " s:{s:I, s:{s:I, s:I}, s:o}, s:o, s:s}",
        "gemeente", "code", s->code, "naam", svc_col(s->rows, 0, ST_NAME), "jaar",
        (json_int_t)s->year, "verdeelsleutel", "id", svc_col(k, 0, ALLOC_KEY_ID), "code",
        svc_col(k, 0, ALLOC_KEY_CODE), "naam", svc_col(k, 0, ALLOC_KEY_NAME), "grondslag",
        svc_col(k, 0, ALLOC_KEY_BASIS), "gewichtenJaar",
        (json_int_t)svc_col_int(k, 0, ALLOC_WEIGHTS_YEAR), "gewicht", weight, "totaalGewicht",
        (json_int_t)total_weight, "structureleBegroting", "totaal", (json_int_t)s->now.amount,
        "aandeel", share(&s->now, s->at), "bijdragen", list ? list : json_array(), "totalen",
        totals ? totals : json_object(), "vorigJaar", "jaar", (json_int_t)(s->year - 1),
        "structureleBegroting", "totaal", (json_int_t)s->prev.amount, "aandeel",
        share(&s->prev, s->at_prev), "totalen", prev ? prev : json_object(), "verschil", diff,
        "afronding", CTB_ROUNDING_NOTE);
}

void ctb_statement_get(svc_req *r, void *ctx) {
    (void)ctx;
    statement s;
    if (statement_params(r, &s) == SVC_OK && statement_load(r, &s) == SVC_OK)
        svc_reply_json(r, 200, statement_json(&s));
    statement_clear(&s);
}

/* ---- CSV ---- */

static const char *const csv_header[] = {
    "gemeente",   "jaar", "onderdeel",     "omschrijving", "verdeelsleutel",
    "bedragEuro", "uren", "vorigJaarEuro", "verschilEuro", NULL};

static void summary_row(ctb_csv *csv, const statement *s, const char *part, const char *what,
                        const char *key, long long now, long long before, const char *hours) {
    ctb_csv_text(csv, s->code);
    ctb_csv_int(csv, s->year);
    ctb_csv_text(csv, part);
    ctb_csv_text(csv, what);
    ctb_csv_text(csv, key);
    ctb_csv_cents(csv, now);
    ctb_csv_text(csv, hours);
    ctb_csv_cents(csv, before);
    ctb_csv_cents(csv, now - before);
    ctb_csv_end_row(csv);
}

/* "geld toegezegd (actielijn 4): note" */
static void contribution_what(const json_t *c, char *buf, size_t size) {
    char scope[64];
    const json_t *line = json_object_get(c, "actielijn");
    const char *note = json_string_value(json_object_get(c, "toelichting"));
    if (json_is_integer(line))
        snprintf(scope, sizeof(scope), "%s %lld", json_string_value(json_object_get(c, "scope")),
                 (long long)json_integer_value(line));
    else
        snprintf(scope, sizeof(scope), "%s", json_string_value(json_object_get(c, "scope")));
    snprintf(buf, size, "%s %s (%s)%s%s", json_string_value(json_object_get(c, "soort")),
             json_string_value(json_object_get(c, "status")), scope, note ? ": " : "",
             note ? note : "");
}

static void contribution_row(ctb_csv *csv, const statement *s, const json_t *c) {
    char what[400];
    const json_t *hours = json_object_get(c, "uren");
    contribution_what(c, what, sizeof(what));
    ctb_csv_text(csv, s->code);
    ctb_csv_int(csv, s->year);
    ctb_csv_text(csv, "bijdrage");
    ctb_csv_text(csv, what);
    ctb_csv_text(csv, NULL);
    ctb_csv_cents(csv, json_integer_value(json_object_get(c, "waarde")));
    if (json_is_integer(hours))
        ctb_csv_int(csv, json_integer_value(hours));
    else
        ctb_csv_text(csv, NULL);
    ctb_csv_text(csv, NULL);
    ctb_csv_text(csv, NULL);
    ctb_csv_end_row(csv);
}

static void statement_csv(ctb_csv *csv, const statement *s) {
    json_t *json = statement_json(s);
    const json_t *totals = json_object_get(json, "totalen");
    const json_t *prev = json_object_get(json_object_get(json, "vorigJaar"), "totalen");
    const char *key = svc_col(s->now.rows, 0, ALLOC_KEY_NAME);
    char what[200], hours[32];
    ctb_csv_header(csv, csv_header);
    snprintf(what, sizeof(what), "Aandeel in de structurele begroting %lld", s->year);
    summary_row(csv, s, "aandeel", what, key, share(&s->now, s->at), share(&s->prev, s->at_prev),
                NULL);
    snprintf(hours, sizeof(hours), "%lld", (long long)total_of(totals, "urenToegezegd"));
    summary_row(csv, s, "toegezegd", "Toegezegde bijdragen (waarde)", NULL,
                total_of(totals, "toegezegd"), total_of(prev, "toegezegd"), hours);
    snprintf(hours, sizeof(hours), "%lld", (long long)total_of(totals, "urenGerealiseerd"));
    summary_row(csv, s, "gerealiseerd", "Gerealiseerde bijdragen (waarde)", NULL,
                total_of(totals, "gerealiseerd"), total_of(prev, "gerealiseerd"), hours);
    size_t i;
    const json_t *c;
    json_array_foreach(json_object_get(json, "bijdragen"), i, c) contribution_row(csv, s, c);
    json_decref(json);
}

void ctb_statement_export(svc_req *r, void *ctx) {
    (void)ctx;
    statement s;
    ctb_csv_dialect dialect;
    char filename[64];
    if (ctb_csv_dialect_of(r, &dialect) == SVC_OK && statement_params(r, &s) == SVC_OK) {
        if (statement_load(r, &s) == SVC_OK) {
            ctb_csv csv;
            ctb_csv_init(&csv, dialect);
            statement_csv(&csv, &s);
            snprintf(filename, sizeof(filename), "jaaroverzicht-%s-%lld.csv", s.code, s.year);
            ctb_reply_csv(r, &csv, filename);
            ctb_csv_free(&csv);
        }
        statement_clear(&s);
    }
}
