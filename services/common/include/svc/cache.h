/* A bounded in-memory cache of response bodies, each valid for one data generation.
 *
 * For reads that are expensive to compute and read far more often than the data changes (reports,
 * series). The service keeps a generation counter in its schema, bumped in the same transaction
 * by every write that changes what the cached answers show (a statement-level trigger); a request
 * reads the current generation (one cheap prepared query) and serves the cached body when it was
 * made at that generation. So a read after a write always sees the write, on every replica.
 *
 * Entries are reference-counted: a hit hands out the entry itself (no copy), which stays valid
 * until released even if it is evicted meanwhile. The least recently used entries go first when
 * the byte budget is exceeded. Thread-safe; the lock is never held while a body is computed. */
#ifndef SVC_CACHE_H
#define SVC_CACHE_H

#include <libpq-fe.h>
#include <stddef.h>

#include "svc/http.h"

typedef struct svc_cache svc_cache;
typedef struct svc_cache_entry svc_cache_entry;

int svc_cache_new(svc_cache **out, size_t byte_budget);
void svc_cache_free(svc_cache *cache);

/* SVC_OK with *out (release it) when key is cached for generation; SVC_ENOTFOUND otherwise (an
 * entry of another generation is dropped). */
int svc_cache_get(svc_cache *cache, const char *key, long long generation, svc_cache_entry **out);
/* Store a copy of body for key at generation (replacing any entry of key). A body larger than a
 * quarter of the budget is not stored. */
int svc_cache_put(svc_cache *cache, const char *key, long long generation, const char *body,
                  size_t len);
const char *svc_cache_entry_body(const svc_cache_entry *entry, size_t *len);
void svc_cache_entry_release(svc_cache_entry *entry);

/* ---- answering reads through a cache ----
 *
 * The generation lives in the service's schema (copy into a migration; add a trigger per table
 * the cached answers are built from):
 *
 *   CREATE TABLE data_generation (id boolean PRIMARY KEY DEFAULT true CHECK (id),
 *                                 value bigint NOT NULL);
 *   INSERT INTO data_generation (id, value) VALUES (true, 1);
 *   CREATE FUNCTION bump_data_generation() RETURNS trigger LANGUAGE plpgsql
 *       SET search_path FROM CURRENT AS $$
 *   BEGIN UPDATE data_generation SET value = value + 1; RETURN NULL; END $$;
 *   CREATE TRIGGER <table>_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON <table>
 *       FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
 */

/* Decide the answer from the statement's result: return the JSON text to answer 200 with (and to
 * keep), or set another answer (404, 400) and return NULL. */
typedef const char *(*svc_answer_fn)(svc_req *r, const PGresult *res, const char *what);

/* The first column of the first row; 404 "<what> bestaat niet." when there is none or NULL. */
const char *svc_answer_first(svc_req *r, const PGresult *res, const char *what);

/* What a cached read answers with, from its statement's first row. */
typedef enum svc_cached_kind {
    SVC_CACHED_JSON,   /* column 0: a JSON text, answered 200 as it is */
    SVC_CACHED_ENTITY, /* columns (json, version): svc_reply_entity, ETag "<:id>-<version>" */
    SVC_CACHED_PAGE,   /* a SVC_SQL_PAGE_RESULT row: svc_reply_page of `collection` */
} svc_cached_kind;

typedef struct svc_cached_read {
    svc_cached_kind kind;
    const char *stmt; /* the prepared statement that computes the answer */
    int n;
    const char *const *params;
    const char *what;       /* 404 "<what> bestaat niet." when the statement finds nothing */
    const char *collection; /* SVC_CACHED_PAGE: the list's name (items and Link) */
    const char *scope;      /* part of the key: what else the answer depends on, or NULL */
    /* The statement reading the generation (one bigint; no row: answered uncached), with at most
     * one parameter; NULL: "svc_data_generation" (SELECT value FROM data_generation). */
    const char *generation;
    const char *generation_param;
    svc_answer_fn answer; /* picks the JSON (column 0 of row 0) or answers otherwise; NULL:
                             svc_answer_first */
} svc_cached_read;

/* Answer a read through the cache, keyed by the request (svc_cache_request_key with scope): one
 * prepared query for the current data generation; the cached answer at that generation when there
 * is one (the connection goes back first), else the statement runs on the same connection, and a
 * 200 is kept for the generation read before it (its data is at least that new). Requests missing
 * the same key at once compute it once (the others wait, then hit). JSON is kept without the
 * whitespace json_build_object puts between tokens. Sets X-Cache: hit|miss. */
void svc_reply_cached(svc_req *r, svc_cache *cache, const svc_cached_read *q);

/* The key of a request: its path, its query parameters sorted by name, and `scope` (what else the
 * answer depends on, e.g. the caller's municipality; may be NULL), each part length-prefixed so
 * that two different requests never share a key. *out is malloc'ed. */
int svc_cache_request_key(const svc_req *r, const char *scope, char **out);

#endif
