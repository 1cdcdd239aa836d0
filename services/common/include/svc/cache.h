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

/* The key of a request: its path, its query parameters sorted by name, and `scope` (what else the
 * answer depends on, e.g. the caller's municipality; may be NULL), each part length-prefixed so
 * that two different requests never share a key. *out is malloc'ed. */
int svc_cache_request_key(const svc_req *r, const char *scope, char **out);

#endif
