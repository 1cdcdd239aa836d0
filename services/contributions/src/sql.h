/* The prepared statements of the contributions service: names here, SQL in sql.c. */
#ifndef CTB_SQL_H
#define CTB_SQL_H

#include "svc/pool.h"

/* The NULL-terminated statement table given to the pool. */
extern const svc_statement ctb_statements[];
/* The SQL of a statement by name (for --demo, which runs outside the pool), or NULL. */
const char *ctb_sql_text(const char *name);

#define SQL_BUDGET_LIST   "budget_list"
#define SQL_BUDGET_GET    "budget_get"
#define SQL_BUDGET_INSERT "budget_insert"
#define SQL_BUDGET_LOCK   "budget_lock"
#define SQL_BUDGET_UPDATE "budget_update"
#define SQL_BUDGET_DELETE "budget_delete"
#define SQL_REVISION_LIST "revision_list"
#define SQL_REVISION_GET  "revision_get"
#define SQL_BUDGET_EXPORT "budget_export"

#define SQL_EXP_LIST   "exp_list"
#define SQL_EXP_GET    "exp_get"
#define SQL_EXP_INSERT "exp_insert"
#define SQL_EXP_LOCK   "exp_lock"
#define SQL_EXP_UPDATE "exp_update"
#define SQL_EXP_DELETE "exp_delete"

#define SQL_SOURCE_LIST   "source_list"
#define SQL_SOURCE_GET    "source_get"
#define SQL_SOURCE_INSERT "source_insert"
#define SQL_SOURCE_LOCK   "source_lock"
#define SQL_SOURCE_UPDATE "source_update"
#define SQL_SOURCE_DELETE "source_delete"

#define SQL_CTB_LIST   "ctb_list"
#define SQL_CTB_GET    "ctb_get"
#define SQL_CTB_INSERT "ctb_insert"
#define SQL_CTB_LOCK   "ctb_lock"
#define SQL_CTB_UPDATE "ctb_update"
#define SQL_CTB_DELETE "ctb_delete"
#define SQL_CTB_REFS   "ctb_refs"
#define SQL_CTB_WARN   "ctb_warn"
#define SQL_CTB_EXPORT "ctb_export"

#define SQL_KEY_LIST      "key_list"
#define SQL_KEY_GET       "key_get"
#define SQL_KEY_INSERT    "key_insert"
#define SQL_KEY_LOCK      "key_lock"
#define SQL_KEY_UPDATE    "key_update"
#define SQL_KEY_DELETE    "key_delete"
#define SQL_WEIGHTS_GET   "weights_get"
#define SQL_WEIGHTS_CLEAR "weights_clear"
#define SQL_WEIGHTS_PUT   "weights_put"
#define SQL_KEY_TOUCH     "key_touch"

#define SQL_ALLOCATION_BY_ID   "allocation_by_id"
#define SQL_ALLOCATION_BY_CODE "allocation_by_code"
#define SQL_LINE_AMOUNT        "line_amount"
#define SQL_STRUCTURAL_TOTAL   "structural_total"
#define SQL_MUNICIPALITIES     "municipalities"
#define SQL_STATEMENT          "statement"
#define SQL_COVERAGE           "coverage"
#define SQL_GENERATION         "generation"

/* Columns of SQL_ALLOCATION_BY_* (one row per municipality, ordered by CBS code). */
enum {
    ALLOC_KEY_ID,
    ALLOC_KEY_CODE,
    ALLOC_KEY_NAME,
    ALLOC_KEY_BASIS,
    ALLOC_YEAR,
    ALLOC_WEIGHTS_YEAR,
    ALLOC_AMOUNT,
    ALLOC_LINE_FOUND,
    ALLOC_GM_CODE,
    ALLOC_GM_NAME,
    ALLOC_WEIGHT
};

#endif
