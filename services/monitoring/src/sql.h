/* The prepared statements of the monitoring service: names here, SQL in sql.c. */
#ifndef MON_SQL_H
#define MON_SQL_H

#include "svc/pool.h"

extern const svc_statement mon_statements[];

/* areas and sources */
#define SQL_AREA_LIST   "area_list"
#define SQL_AREA_GET    "area_get"
#define SQL_SOURCE_LIST "source_list"
/* indicators */
#define SQL_INDICATOR_LIST   "indicator_list"
#define SQL_INDICATOR_GET    "indicator_get"
#define SQL_INDICATOR_INSERT "indicator_insert"
#define SQL_INDICATOR_LOCK   "indicator_lock"
#define SQL_INDICATOR_UPDATE "indicator_update"
/* norms */
#define SQL_NORM_LIST    "norm_list"
#define SQL_NORM_GET     "norm_get"
#define SQL_NORM_RESOLVE "norm_resolve"
#define SQL_NORM_INSERT  "norm_insert"
#define SQL_NORM_LOCK    "norm_lock"
#define SQL_NORM_UPDATE  "norm_update"
#define SQL_NORM_DELETE  "norm_delete"
/* the push */
#define SQL_PUSH_INDICATORS "push_indicators"
#define SQL_PUSH_AREAS      "push_areas"
#define SQL_PUSH_CLASSIFY   "push_classify"
#define SQL_PUSH_UPSERT     "push_upsert"
#define SQL_PUSH_SUMMARY    "push_summary"
#define SQL_PUSH_DUPLICATES "push_duplicates"
#define SQL_BATCH_INSERT    "batch_insert"
#define SQL_BATCH_FINISH    "batch_finish"
#define SQL_CONFLICTS_SAVE  "conflicts_save"
#define SQL_IDEM_LOCK       "idem_lock"
#define SQL_IDEM_GET        "idem_get"
#define SQL_IDEM_PUT        "idem_put"
/* batches */
#define SQL_BATCH_LIST      "batch_list"
#define SQL_BATCH_GET       "batch_get"
#define SQL_BATCH_CONFLICTS "batch_conflicts"
/* observations and queries */
#define SQL_OBS_LIST   "obs_list"
#define SQL_OBS_GET    "obs_get"
#define SQL_OBS_EXPORT "obs_export"
#define SQL_SERIES     "series"
#define SQL_SNAPSHOT   "snapshot"
#define SQL_SIGNALS    "signals"

/* The push's temporary tables and its COPY (run as text, not prepared). */
extern const char mon_sql_push_tables[];
extern const char mon_sql_push_copy[];

#endif
