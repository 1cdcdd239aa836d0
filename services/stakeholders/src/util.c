/* Helpers of the stakeholders handlers: roles, identifiers, query parameters, constraint
 * violations as the problems they mean, lists and reports. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stk.h"

const char *const stk_org_types[] = {"gemeente",
                                     "zorgaanbieder",
                                     "onderwijs",
                                     "gecertificeerde_instelling",
                                     "jgz",
                                     "clientvertegenwoordiging",
                                     "kennisinstituut",
                                     "financier",
                                     "regionale_organisatie",
                                     "rijk",
                                     "ketenpartner",
                                     "adviesbureau",
                                     "overig",
                                     NULL};
const char *const stk_body_kinds[] = {"kernteam", "werkgroep", "stuurgroep",   "actielijnteam",
                                      "bestuur",  "platform",  "projectgroep", "klankbordgroep",
                                      "overig",   NULL};
const char *const stk_seat_roles[] = {"voorzitter",      "lid", "trekker", "secretaris", "adviseur",
                                      "plaatsvervanger", NULL};
const char *const stk_involvement_roles[] = {
    "trekker", "opdrachtgever", "deelnemer", "financier", "uitvoerder", "adviseur", NULL};
const char *const stk_target_types[] = {"actielijn", "project", "programma", NULL};

static int has_role(svc_req *r, const char *role) {
    const svc_principal *p = svc_req_principal(r);
    return p != NULL && svc_principal_has_role(p, role);
}

int stk_require_editor(svc_req *r) {
    if (has_role(r, "redacteur") || has_role(r, "beheerder"))
        return SVC_OK;
    svc_reply_problem(r, 403, "Wijzigen mag alleen met de rol redacteur of beheerder.");
    return SVC_EREPLIED;
}

int stk_require_admin(svc_req *r) {
    if (has_role(r, "beheerder"))
        return SVC_OK;
    svc_reply_problem(r, 403,
                      "Alleen een beheerder mag de gegevens van een persoon exporteren "
                      "of wissen.");
    return SVC_EREPLIED;
}

/* ---- constraint violations ---- */

typedef struct violation {
    const char *constraint;
    int status;
    const char *field; /* NULL: a 409 without invalid parameters */
    const char *reason;
} violation;

static const violation violations[] = {
    {"people_organisation_fk", 400, "organisatieId", "Deze organisatie bestaat niet."},
    {"involvements_organisation_fk", 400, "organisatieId", "Deze organisatie bestaat niet."},
    {"involvements_person_fk", 400, "persoonId", "Deze persoon bestaat niet."},
    {"seat_holders_person_fk", 400, "personen", "Een van deze personen bestaat niet."},
    {"seat_organisations_organisation_fk", 400, "organisatieIds",
     "Een van deze organisaties bestaat niet."},
    {"seats_body_fk", 400, "gremiumId", "Dit gremium bestaat niet."},
    {"rounds_body_fk", 400, "gremiumId", "Dit gremium bestaat niet."},
    {"organisations_cbs_code_type", 400, "cbsCode",
     "Een gemeente heeft een CBS-code (GM en vier cijfers); een andere organisatie geen."},
    {"organisations_inhabitants_type", 400, "inwoners", "Alleen een gemeente heeft inwoners."},
    {"seats_period", 400, "einddatum", "Mag niet voor de startdatum liggen."},
    {"rounds_dates", 400, "inbrengUiterlijk",
     "De verzenddatum ligt niet voor de sessie en de uiterste datum niet voor de verzending."},
    {"organisations_cbs_code_key", 409, NULL, "Er bestaat al een organisatie met deze CBS-code."},
    {"organisations_code_key", 409, NULL, "Er bestaat al een organisatie met deze code."},
    {"bodies_code_key", 409, NULL, "Er bestaat al een gremium met deze code."},
    {"involvements_unique", 409, NULL,
     "Deze betrokkenheid (zelfde organisatie of persoon, doel en rol) bestaat al."},
    {"round_inputs_pkey", 409, NULL, "Deze persoon heeft voor deze raadpleging al inbreng."},
    {NULL, 0, NULL, NULL},
};

static void reply_violation(svc_req *r, int status, const char *field, const char *reason) {
    if (field == NULL) {
        svc_reply_problem(r, status, reason);
        return;
    }
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    svc_errors_add(errs, field, "reference", "%s", reason);
    svc_reply_invalid(r, errs, NULL);
    svc_errors_free(errs);
}

int stk_query(svc_req *r, svc_conn *c, const char *name, int n, const char *const *values,
              PGresult **out) {
    int rc = svc_conn_query(c, name, n, values, out);
    if (rc == SVC_OK)
        return SVC_OK;
    *out = NULL;
    const char *state = svc_conn_sqlstate(c), *message = svc_conn_error(c);
    if (rc == SVC_EDB && strncmp(state, "23", 2) == 0) {
        for (const violation *v = violations; v->constraint != NULL; v++) {
            char quoted[96];
            snprintf(quoted, sizeof(quoted), "\"%s\"", v->constraint);
            if (strstr(message, quoted) != NULL) {
                reply_violation(r, v->status, v->field, v->reason);
                return SVC_EREPLIED;
            }
        }
        if (strcmp(state, "23505") == 0)
            svc_reply_problem(r, 409, "Dit bestaat al.");
        else
            svc_reply_problem(r, 400, "De invoer voldoet niet aan de regels van de gegevens.");
        return SVC_EREPLIED;
    }
    if (rc == SVC_EDB)
        svc_log(SVC_LOG_ERROR, "request %s: statement %s failed with SQLSTATE %s", svc_req_id(r),
                name, state);
    svc_reply_db_error(r, rc);
    return SVC_EREPLIED;
}

void stk_reply_problem_with(svc_req *r, int status, const char *detail, json_t *members) {
    json_t *problem = svc_problem_new(status, detail, svc_req_path(r));
    char *text = NULL;
    if (problem != NULL && members != NULL)
        json_object_update(problem, members);
    if (problem != NULL)
        text = json_dumps(problem, JSON_COMPACT);
    if (text == NULL)
        svc_reply_problem(r, status, detail);
    else
        svc_reply_text(r, status, "application/problem+json", text, strlen(text));
    free(text);
    json_decref(problem);
    json_decref(members);
}

/* ---- field checks ---- */

void stk_check_uuid(const json_t *body, const char *field, svc_errors *errs) {
    const json_t *v = json_object_get(body, field);
    if (json_is_string(v) && !svc_is_uuid(json_string_value(v)))
        svc_errors_add(errs, field, "format", "Moet een UUID zijn.");
}

void stk_check_uuid_array(const json_t *body, const char *field, svc_errors *errs) {
    const json_t *list = json_object_get(body, field), *v;
    size_t i;
    char name[64];
    json_array_foreach(list, i, v) {
        snprintf(name, sizeof(name), "%s[%zu]", field, i);
        if (!json_is_string(v))
            continue; /* a type problem already */
        if (!svc_is_uuid(json_string_value(v)))
            svc_errors_add(errs, name, "format", "Moet een UUID zijn.");
        for (size_t j = 0; j < i; j++)
            if (json_equal(json_array_get(list, j), v)) {
                svc_errors_add(errs, name, "duplicate", "Komt al eerder in de lijst voor.");
                break;
            }
    }
}

void stk_check_action_lines(const json_t *body, const char *field, svc_errors *errs) {
    const json_t *list = json_object_get(body, field), *v;
    size_t i;
    char name[64];
    json_array_foreach(list, i, v) {
        snprintf(name, sizeof(name), "%s[%zu]", field, i);
        if (!json_is_integer(v))
            continue;
        if (json_integer_value(v) < 1 || json_integer_value(v) > 5)
            svc_errors_add(errs, name, "range", "Moet een actielijn van 1 tot en met 5 zijn.");
        for (size_t j = 0; j < i; j++)
            if (json_equal(json_array_get(list, j), v)) {
                svc_errors_add(errs, name, "duplicate", "Komt al eerder in de lijst voor.");
                break;
            }
    }
}

/* ---- query parameters ---- */

const char *stk_query_uuid(svc_req *r, const char *name, svc_errors *errs) {
    const char *v = svc_req_query(r, name);
    if (v != NULL && !svc_is_uuid(v)) {
        svc_errors_add(errs, name, "format", "Moet een UUID zijn.");
        return NULL;
    }
    return v;
}

const char *stk_query_enum(svc_req *r, const char *name, const char *const *values,
                           svc_errors *errs) {
    const char *v = svc_req_query(r, name);
    if (v == NULL)
        return NULL;
    for (const char *const *e = values; *e != NULL; e++)
        if (strcmp(*e, v) == 0)
            return v;
    char list[400] = "";
    for (const char *const *e = values; *e != NULL; e++) {
        strncat(list, list[0] ? ", " : "", sizeof(list) - strlen(list) - 1);
        strncat(list, *e, sizeof(list) - strlen(list) - 1);
    }
    svc_errors_add(errs, name, "enum", "Moet een van: %s zijn.", list);
    return NULL;
}

const char *stk_query_int(svc_req *r, const char *name, long min, long max, svc_errors *errs) {
    const char *v = svc_req_query(r, name);
    if (v == NULL)
        return NULL;
    char *end = NULL;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (v[0] == '\0' || *end != '\0' || errno != 0 || n < min || n > max) {
        svc_errors_add(errs, name, "range", "Moet een geheel getal van %ld tot en met %ld zijn.",
                       min, max);
        return NULL;
    }
    return v;
}

const char *stk_query_text(svc_req *r, const char *name, size_t max, svc_errors *errs) {
    const char *v = svc_req_query(r, name);
    if (v != NULL && (svc_utf8_length(v) < 1 || svc_utf8_length(v) > max)) {
        svc_errors_add(errs, name, "length", "Moet 1 tot en met %zu tekens lang zijn.", max);
        return NULL;
    }
    return v;
}

/* ---- lists and reports ---- */

#define MAX_FILTERS 8

void stk_list(svc_req *r, svc_errors *errs, const char *collection, const char *name,
              const char **filters, int n_filters) {
    json_t *cursor = NULL;
    const char *params[MAX_FILTERS + 2] = {NULL};
    unsigned int limit = 0;
    char limit_text[16];
    for (int i = 0; i < n_filters && i < MAX_FILTERS; i++)
        params[i] = filters[i];
    svc_page_parse(r, collection, &limit, &cursor, &params[n_filters], errs);
    snprintf(limit_text, sizeof(limit_text), "%u", limit);
    params[n_filters + 1] = limit_text;
    if (svc_errors_count(errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
    } else {
        svc_conn *c = NULL;
        PGresult *res = NULL;
        if (svc_db_acquire(r, &c) == SVC_OK &&
            stk_query(r, c, name, n_filters + 2, params, &res) == SVC_OK)
            svc_reply_page(r, collection, collection, res);
        PQclear(res);
        svc_db_release(r, c);
    }
    json_decref(cursor);
}

void stk_reply_report(svc_req *r, const char *name, int n, const char *const *values,
                      const char *not_found) {
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (svc_db_acquire(r, &c) == SVC_OK && stk_query(r, c, name, n, values, &res) == SVC_OK) {
        if (PQntuples(res) == 0 || svc_col(res, 0, 0) == NULL)
            svc_reply_not_found(r, not_found);
        else
            svc_reply_json_text(r, 200, svc_col(res, 0, 0), strlen(svc_col(res, 0, 0)));
    }
    PQclear(res);
    svc_db_release(r, c);
}
