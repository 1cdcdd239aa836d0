/* The routes of the stakeholders service (below /api/stakeholders/v1). The shared server adds
 * /health, /health/ready, /metrics and /openapi.json. Reads need stakeholders:read; writes
 * stakeholders:write and (checked in the handlers) the role redacteur or beheerder; export and
 * erasure of a person the role beheerder. Each resource's table gets the resource as ctx. */
#include "stk.h"

#define READ  STK_SCOPE_READ
#define WRITE STK_SCOPE_WRITE
#define JSON  SVC_BODY_JSON

#define CRUD(path)                                                                                 \
    {"GET", path "/:id", stk_get, 0, READ}, {"POST", path, stk_create, JSON, WRITE},               \
        {"PATCH", path "/:id", stk_patch, JSON, WRITE}, {                                          \
        "DELETE", path "/:id", stk_delete, 0, WRITE                                                \
    }

static const svc_route organisation_routes[] = {
    {"GET", "/organisaties", stk_org_list, 0, READ},
    CRUD("/organisaties"),
    {NULL, NULL, NULL, 0, NULL},
};

static const svc_route people_routes[] = {
    {"GET", "/personen", stk_person_list, 0, READ},
    {"GET", "/personen/:id/export", stk_person_export, 0, READ},
    {"GET", "/personen/:id", stk_get, 0, READ},
    {"POST", "/personen", stk_create, JSON, WRITE},
    {"PATCH", "/personen/:id", stk_patch, JSON, WRITE},
    {"DELETE", "/personen/:id", stk_person_erase, 0, WRITE},
    {NULL, NULL, NULL, 0, NULL},
};

static const svc_route body_routes[] = {
    {"GET", "/gremia", stk_body_list, 0, READ},
    CRUD("/gremia"),
    {NULL, NULL, NULL, 0, NULL},
};

static const svc_route seat_routes[] = {
    {"GET", "/zetels", stk_seat_list, 0, READ},
    CRUD("/zetels"),
    {"GET", "/vacatures", stk_vacancies, 0, READ},
    {NULL, NULL, NULL, 0, NULL},
};

static const svc_route involvement_routes[] = {
    {"GET", "/betrokkenheden", stk_inv_list, 0, READ},
    {"GET", "/betrokkenheden/:id", stk_get, 0, READ},
    {"POST", "/betrokkenheden", stk_create, JSON, WRITE},
    {"DELETE", "/betrokkenheden/:id", stk_delete, 0, WRITE},
    {"GET", "/audit", svc_audit_list, 0, READ},
    {NULL, NULL, NULL, 0, NULL},
};

static const svc_route involvement_patch_routes[] = {
    {"PATCH", "/betrokkenheden/:id", stk_patch, JSON, WRITE},
    {NULL, NULL, NULL, 0, NULL},
};

static const svc_route round_routes[] = {
    {"GET", "/achterbanraadplegingen", stk_round_list, 0, READ},
    {"GET", "/achterbanraadplegingen/:id", stk_get, 0, READ},
    {"POST", "/achterbanraadplegingen", stk_create, JSON, WRITE},
    {"DELETE", "/achterbanraadplegingen/:id", stk_delete, 0, WRITE},
    {"POST", "/achterbanraadplegingen/:id/inbreng", stk_input_create, JSON, WRITE},
    {"DELETE", "/achterbanraadplegingen/:id/inbreng/:persoonId", stk_input_delete, 0, WRITE},
    {NULL, NULL, NULL, 0, NULL},
};

static const svc_route round_patch_routes[] = {
    {"PATCH", "/achterbanraadplegingen/:id", stk_patch, JSON, WRITE},
    {NULL, NULL, NULL, 0, NULL},
};

/* Served through the response cache: ctx is the stk_cache_ctx (added in main's start()). */
const svc_route stk_cached_routes[] = {
    {"GET", "/netwerk", stk_network, 0, READ},
    {NULL, NULL, NULL, 0, NULL},
};

const stk_route_table stk_route_tables[] = {
    {organisation_routes, &stk_organisations},
    {people_routes, &stk_people},
    {body_routes, &stk_bodies},
    {seat_routes, &stk_seats},
    {involvement_routes, &stk_involvements},
    {involvement_patch_routes, &stk_involvements_patch},
    {round_routes, &stk_rounds},
    {round_patch_routes, &stk_rounds_patch},
    {NULL, NULL},
};
