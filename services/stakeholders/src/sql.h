/* The prepared statements of the stakeholders service: names here, SQL in sql.c. */
#ifndef STK_SQL_H
#define STK_SQL_H

#include "svc/pool.h"

/* The NULL-terminated statement table given to the pool. */
extern const svc_statement stk_statements[];

/* organisations */
#define SQL_ORG_LIST   "org_list"
#define SQL_ORG_GET    "org_get"
#define SQL_ORG_INSERT "org_insert"
#define SQL_ORG_LOCK   "org_lock"
#define SQL_ORG_UPDATE "org_update"
#define SQL_ORG_DEPS   "org_deps"
#define SQL_ORG_DELETE "org_delete"
/* people */
#define SQL_PERSON_LIST   "person_list"
#define SQL_PERSON_GET    "person_get"
#define SQL_PERSON_INSERT "person_insert"
#define SQL_PERSON_LOCK   "person_lock"
#define SQL_PERSON_UPDATE "person_update"
#define SQL_PERSON_EXPORT "person_export"
/* erasure, in this order inside one transaction */
#define SQL_ERASE_LOCK      "erase_lock"
#define SQL_ERASE_SEATS     "erase_seats"
#define SQL_ERASE_HOLDERS   "erase_holders"
#define SQL_ERASE_INVOLVED  "erase_involvements"
#define SQL_ERASE_INPUTS    "erase_inputs"
#define SQL_ERASE_TOMBSTONE "erase_tombstone"
#define SQL_ERASE_PERSON    "erase_person"
#define SQL_ERASE_SCRUB     "erase_scrub_audit"
/* bodies */
#define SQL_BODY_LIST   "body_list"
#define SQL_BODY_GET    "body_get"
#define SQL_BODY_INSERT "body_insert"
#define SQL_BODY_LOCK   "body_lock"
#define SQL_BODY_UPDATE "body_update"
#define SQL_BODY_DELETE "body_delete"
/* seats */
#define SQL_SEAT_LIST       "seat_list"
#define SQL_SEAT_GET        "seat_get"
#define SQL_SEAT_INSERT     "seat_insert"
#define SQL_SEAT_LOCK       "seat_lock"
#define SQL_SEAT_UPDATE     "seat_update"
#define SQL_SEAT_DELETE     "seat_delete"
#define SQL_SEAT_CLEAR_HOLD "seat_clear_holders"
#define SQL_SEAT_SET_HOLD   "seat_set_holders"
#define SQL_SEAT_CLEAR_ORGS "seat_clear_orgs"
#define SQL_SEAT_SET_ORGS   "seat_set_orgs"
#define SQL_VACANCIES       "vacancies"
/* involvements */
#define SQL_INV_LIST   "inv_list"
#define SQL_INV_GET    "inv_get"
#define SQL_INV_INSERT "inv_insert"
#define SQL_INV_LOCK   "inv_lock"
#define SQL_INV_UPDATE "inv_update"
#define SQL_INV_DELETE "inv_delete"
#define SQL_NETWORK    "network"
/* constituency rounds */
#define SQL_ROUND_LIST   "round_list"
#define SQL_ROUND_GET    "round_get"
#define SQL_ROUND_INSERT "round_insert"
#define SQL_ROUND_LOCK   "round_lock"
#define SQL_ROUND_UPDATE "round_update"
#define SQL_ROUND_DELETE "round_delete"
#define SQL_INPUT_INSERT "input_insert"
#define SQL_INPUT_DELETE "input_delete"

#endif
