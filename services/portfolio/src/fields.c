/* Field tables and checks of every body (one 400 lists every problem). */
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "portfolio.h"

const char *const pf_phases[] = {"onderzoek", "analyse", "plan", "project", "oplevering", NULL};
const char *const pf_statuses[] = {"voorgesteld", "actief",  "gepauzeerd",
                                   "afgerond",    "gestopt", NULL};
const char *const pf_kinds[] = {"nieuw", "doorgaan", "besloten", "lopend", NULL};
const char *const pf_scales[] = {"landelijk", "bovenregionaal", "regionaal", "subregionaal",
                                 "lokaal",    "wijk",           NULL};
static const char *const rags[] = {"op_koers", "risico", "achter", NULL};
static const char *const problem_kinds[] = {"kernprobleem", "idee", NULL};
static const char *const outcomes[] = {"actielijn", "project", "nieuw_project", "hiaat", NULL};
static const char *const precondition_states[] = {"open", "in_bewerking", "geregeld", NULL};
static const char *const preconditions[] = {"projectorganisatie",
                                            "uitvoeringEnFasering",
                                            "menskrachtEnMiddelen",
                                            "financiering",
                                            "evaluatie",
                                            NULL};

#define TEXT(n, mx)                                                                                \
    { .name = n, .type = SVC_T_STRING, .min = 0, .max = mx }
#define ENUM(n, v, fl)                                                                             \
    { .name = n, .type = SVC_T_ENUM, .flags = fl, .values = v }
#define NUMS(n, mx)                                                                                \
    { .name = n, .type = SVC_T_ARRAY, .max = mx, .items = SVC_T_INTEGER }

#define PROJECT_COMMON                                                                             \
    {.name = "titel", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 500},          \
        TEXT("beschrijving", 20000), ENUM("soort", pf_kinds, SVC_REQUIRED),                        \
        ENUM("status", pf_statuses, 0), ENUM("schaal", pf_scales, SVC_NULLABLE),                   \
        {.name = "startdatum", .type = SVC_T_DATE, .flags = SVC_NULLABLE},                         \
        {.name = "einddatum", .type = SVC_T_DATE, .flags = SVC_NULLABLE},                          \
        {.name = "randvoorwaarden", .type = SVC_T_OBJECT}, NUMS("principes", 8),                   \
        NUMS("hervormingslijnen", 8),                                                              \
        {.name = "programmaIds", .type = SVC_T_ARRAY, .max = 50, .items = SVC_T_STRING},           \
        {.name = "tags", .type = SVC_T_ARRAY, .max = 30, .items = SVC_T_STRING},                   \
        {.name = "code", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 2, .max = 80}, {      \
        .name = "actielijn", .type = SVC_T_INTEGER, .flags = SVC_REQUIRED, .min = 1, .max = 5      \
    }

const svc_field pf_project_create_fields[] = {
    PROJECT_COMMON,
    {.name = "rang", .type = SVC_T_INTEGER, .min = 1, .max = 100000},
    {.name = NULL},
};
const svc_field pf_project_patch_fields[] = {PROJECT_COMMON, {.name = NULL}};

const svc_field pf_move_fields[] = {
    {.name = "rang", .type = SVC_T_INTEGER, .flags = SVC_REQUIRED, .min = 1, .max = 100000},
    {.name = NULL},
};

const svc_field pf_phase_fields[] = {
    ENUM("fase", pf_phases, SVC_REQUIRED),
    {.name = "datum", .type = SVC_T_DATE},
    TEXT("toelichting", 4000),
    {.name = "openRandvoorwaardenAccepteren", .type = SVC_T_BOOLEAN},
    {.name = NULL},
};

const svc_field pf_milestone_fields[] = {
    {.name = "titel", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 300},
    TEXT("beschrijving", 10000),
    {.name = "streefdatum", .type = SVC_T_DATE, .flags = SVC_REQUIRED},
    {.name = "gereedOp", .type = SVC_T_DATE, .flags = SVC_NULLABLE},
    {.name = "bestuurlijkBesluitGevraagd", .type = SVC_T_BOOLEAN},
    {.name = NULL},
};

const svc_field pf_report_fields[] = {
    {.name = "periodeVan", .type = SVC_T_DATE, .flags = SVC_REQUIRED},
    {.name = "periodeTot", .type = SVC_T_DATE, .flags = SVC_REQUIRED},
    ENUM("ragStatus", rags, SVC_REQUIRED),
    {.name = "samenvatting", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 10000},
    TEXT("resultaten", 10000),
    TEXT("risicos", 10000),
    TEXT("volgendeStappen", 10000),
    TEXT("gevraagdeBesluiten", 10000),
    {.name = NULL},
};

const svc_field pf_programme_fields[] = {
    {.name = "code", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 2, .max = 80},
    {.name = "naam", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 200},
    TEXT("beschrijving", 10000),
    {.name = "eigenaar", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .max = 300},
    {.name = "contact", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .max = 300},
    {.name = "governanceGeregeld", .type = SVC_T_BOOLEAN, .flags = SVC_NULLABLE},
    ENUM("schaal", pf_scales, SVC_NULLABLE),
    {.name = NULL},
};

const svc_field pf_action_line_fields[] = {
    {.name = "titel", .type = SVC_T_STRING, .min = 1, .max = 200},
    {.name = "motto", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .max = 500},
    {.name = "opgave", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .max = 50000},
    {.name = "kenmerken", .type = SVC_T_ARRAY, .max = 50, .items = SVC_T_OBJECT},
    {.name = "governance", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .max = 50000},
    {.name = "trekkers", .type = SVC_T_ARRAY, .max = 20, .items = SVC_T_OBJECT},
    NUMS("principes", 8),
    NUMS("hervormingslijnen", 8),
    {.name = NULL},
};

const svc_field pf_dependency_fields[] = {
    {.name = "van", .type = SVC_T_OBJECT, .flags = SVC_REQUIRED},
    {.name = "naar", .type = SVC_T_OBJECT, .flags = SVC_REQUIRED},
    TEXT("toelichting", 4000),
    {.name = NULL},
};
const svc_field pf_dependency_patch_fields[] = {
    {.name = "toelichting", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .max = 4000},
    {.name = NULL},
};

const svc_field pf_problem_fields[] = {
    {.name = "titel", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 300},
    TEXT("beschrijving", 10000),
    ENUM("soort", problem_kinds, 0),
    {.name = NULL},
};

const svc_field pf_triage_fields[] = {
    ENUM("uitkomst", outcomes, SVC_REQUIRED),
    {.name = "actielijn", .type = SVC_T_INTEGER, .min = 1, .max = 5},
    {.name = "projectId", .type = SVC_T_STRING, .max = 36},
    {.name = "project", .type = SVC_T_OBJECT},
    TEXT("toelichting", 4000),
    {.name = NULL},
};

/* ---- checks ---- */

static void check_numbers(const json_t *body, const char *key, long long max, svc_errors *errs) {
    const json_t *arr = json_object_get(body, key), *v;
    size_t i;
    json_array_foreach(arr, i, v) {
        if (json_is_integer(v) && (json_integer_value(v) < 1 || json_integer_value(v) > max))
            svc_errors_add(errs, key, "range", "Elk nummer moet 1 tot en met %lld zijn.", max);
    }
}

static void check_slug(const json_t *body, svc_errors *errs) {
    const char *code = json_string_value(json_object_get(body, "code"));
    if (code == NULL)
        return;
    int ok = (code[0] >= 'a' && code[0] <= 'z') || (code[0] >= '0' && code[0] <= '9');
    for (const char *c = code; *c && ok; c++)
        ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-';
    if (!ok)
        svc_errors_add(errs, "code", "format",
                       "Alleen kleine letters a-z, cijfers en koppeltekens (een slug).");
}

static void check_preconditions(const json_t *obj, svc_errors *errs) {
    static const svc_field item[] = {
        ENUM("status", precondition_states, 0),
        TEXT("toelichting", 4000),
        {.name = NULL},
    };
    const char *key;
    const json_t *v;
    char prefix[96];
    json_object_foreach((json_t *)obj, key, v) {
        int known = 0;
        for (const char *const *k = preconditions; *k; k++)
            known |= strcmp(*k, key) == 0;
        snprintf(prefix, sizeof(prefix), "randvoorwaarden.%s", key);
        if (!known)
            svc_errors_add(errs, prefix, "unknown",
                           "Onbekende randvoorwaarde; bekend zijn projectorganisatie, "
                           "uitvoeringEnFasering, menskrachtEnMiddelen, financiering, evaluatie.");
        else
            svc_validate(v, item, SVC_REJECT_UNKNOWN, prefix, errs);
    }
}

static void check_dates(const json_t *body, const char *from, const char *to, svc_errors *errs) {
    const char *a = json_string_value(json_object_get(body, from));
    const char *b = json_string_value(json_object_get(body, to));
    if (a && b && svc_is_date(a) && svc_is_date(b) && strcmp(b, a) < 0)
        svc_errors_add(errs, to, "range", "Mag niet voor %s liggen.", from);
}

void pf_check_project(const json_t *body, svc_errors *errs) {
    const json_t *pre = json_object_get(body, "randvoorwaarden"), *v;
    size_t i;
    check_numbers(body, "principes", 8, errs);
    check_numbers(body, "hervormingslijnen", 8, errs);
    check_slug(body, errs);
    check_dates(body, "startdatum", "einddatum", errs);
    if (json_is_object(pre))
        check_preconditions(pre, errs);
    json_array_foreach(json_object_get(body, "programmaIds"), i, v) {
        if (json_is_string(v) && !svc_is_uuid(json_string_value(v)))
            svc_errors_add(errs, "programmaIds", "format", "Elk element moet een UUID zijn.");
    }
    json_array_foreach(json_object_get(body, "tags"), i, v) {
        size_t n = json_is_string(v) ? svc_utf8_length(json_string_value(v)) : 1;
        if (n < 1 || n > 60)
            svc_errors_add(errs, "tags", "length", "Elke tag is 1 tot en met 60 tekens lang.");
    }
}

void pf_check_report(const json_t *body, svc_errors *errs) {
    check_dates(body, "periodeVan", "periodeTot", errs);
}

void pf_check_programme(const json_t *body, svc_errors *errs) {
    check_slug(body, errs);
}

void pf_check_action_line(const json_t *body, svc_errors *errs) {
    static const svc_field feature[] = {
        {.name = "titel", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 300},
        {.name = "tekst", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .max = 20000},
        {.name = NULL},
    };
    static const svc_field lead[] = {
        {.name = "naam", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 200},
        {.name = "persoonId", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 36, .max = 36},
        {.name = NULL},
    };
    const json_t *v;
    size_t i;
    char prefix[48];
    check_numbers(body, "principes", 8, errs);
    check_numbers(body, "hervormingslijnen", 8, errs);
    json_array_foreach(json_object_get(body, "kenmerken"), i, v) {
        snprintf(prefix, sizeof(prefix), "kenmerken[%zu]", i);
        svc_validate(v, feature, SVC_REJECT_UNKNOWN, prefix, errs);
    }
    json_array_foreach(json_object_get(body, "trekkers"), i, v) {
        snprintf(prefix, sizeof(prefix), "trekkers[%zu]", i);
        svc_validate(v, lead, SVC_REJECT_UNKNOWN, prefix, errs);
        const char *id = json_string_value(json_object_get(v, "persoonId"));
        if (id != NULL && !svc_is_uuid(id))
            svc_errors_add(errs, prefix, "format", "persoonId moet een UUID zijn.");
    }
}

static void check_side(const json_t *side, const char *name, svc_errors *errs) {
    static const svc_field fields[] = {
        {.name = "actielijn", .type = SVC_T_INTEGER, .flags = SVC_NULLABLE, .min = 1, .max = 5},
        {.name = "projectId", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .max = 36},
        {.name = NULL},
    };
    if (!json_is_object(side))
        return;
    svc_validate(side, fields, SVC_REJECT_UNKNOWN, name, errs);
    const json_t *line = json_object_get(side, "actielijn");
    const char *project = json_string_value(json_object_get(side, "projectId"));
    int has_line = line != NULL && !json_is_null(line), has_project = project != NULL;
    if (has_line == has_project)
        svc_errors_add(errs, name, "conflict", "Geef precies een van actielijn of projectId.");
    if (has_project && !svc_is_uuid(project))
        svc_errors_add(errs, name, "format", "projectId moet een UUID zijn.");
}

void pf_check_dependency(const json_t *body, svc_errors *errs) {
    check_side(json_object_get(body, "van"), "van", errs);
    check_side(json_object_get(body, "naar"), "naar", errs);
}

void pf_check_triage(const json_t *body, svc_errors *errs) {
    const char *outcome = json_string_value(json_object_get(body, "uitkomst"));
    const char *project_id = json_string_value(json_object_get(body, "projectId"));
    const json_t *project = json_object_get(body, "project");
    if (project_id != NULL && !svc_is_uuid(project_id))
        svc_errors_add(errs, "projectId", "format", "Moet een UUID zijn.");
    if (outcome == NULL)
        return;
    if (strcmp(outcome, "actielijn") == 0 && json_object_get(body, "actielijn") == NULL)
        svc_errors_add(errs, "actielijn", "required", "Verplicht bij uitkomst actielijn.");
    if (strcmp(outcome, "project") == 0 && project_id == NULL)
        svc_errors_add(errs, "projectId", "required", "Verplicht bij uitkomst project.");
    if (strcmp(outcome, "nieuw_project") == 0 && !json_is_object(project))
        svc_errors_add(errs, "project", "required", "Verplicht bij uitkomst nieuw_project.");
    if (strcmp(outcome, "nieuw_project") == 0 && json_is_object(project)) {
        svc_validate(project, pf_project_create_fields, SVC_REJECT_UNKNOWN, "project", errs);
        pf_check_project(project, errs);
    }
}
