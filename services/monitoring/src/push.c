/* POST /importen: a push of observations (CSV or JSON), modelled on DHIS2's dataValueSets.
 *
 * One transaction: idempotency check, COPY into a staging table, set-based checks, then the
 * upsert (unless the mode forbids it), the batch with its counts and conflicts, the audit row
 * and the idempotency record. The answer is the import summary. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "push.h"
#include "util.h"
#include "sql.h"

/* ---- options ---- */

static int key_valid(const char *k) {
    size_t n = strlen(k);
    if (n < 1 || n > 255)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (k[i] < 0x21 || k[i] > 0x7e)
            return 0;
    }
    return 1;
}

/* The request's fingerprint for the Idempotency-Key: format, options, then the body as it
 * arrives. */
static void hash_start(crypto_hash_sha256_state *st, const mon_push_state *p) {
    char head[64];
    int n =
        snprintf(head, sizeof(head), "%s %d %d\n", p->csv ? "csv" : "json", p->dry_run, p->partial);
    crypto_hash_sha256_init(st);
    crypto_hash_sha256_update(st, (const unsigned char *)head, (unsigned long long)n);
}

static void hash_end(crypto_hash_sha256_state *st, char out[65]) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(st, digest);
    sodium_bin2hex(out, 65, digest, sizeof(digest));
}

static int read_options(svc_req *r, mon_push_state *p) {
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    const char *ct = svc_req_header(r, "Content-Type");
    const char *cl = svc_req_header(r, "Content-Length");
    p->csv = ct != NULL && strncasecmp(ct, "text/csv", 8) == 0;
    p->dry_run = mon_query_bool(r, "dryRun", 0, errs);
    const char *mode = svc_req_query(r, "modus");
    if (mode != NULL && strcmp(mode, "atomisch") != 0 && strcmp(mode, "gedeeltelijk") != 0)
        svc_errors_add(errs, "modus", "enum", "Moet atomisch of gedeeltelijk zijn.");
    p->partial = mode != NULL && strcmp(mode, "gedeeltelijk") == 0;
    p->key = svc_req_header(r, "Idempotency-Key");
    if (p->key != NULL && !key_valid(p->key))
        svc_errors_add(errs, "Idempotency-Key", "format",
                       "Moet 1 tot en met 255 zichtbare ASCII-tekens lang zijn.");
    if (cl != NULL && strcmp(cl, "0") == 0) /* without a length it shows at the end */
        svc_errors_add(errs, "body", "required",
                       "De inhoud ontbreekt: stuur CSV (text/csv) of JSON (application/json).");
    int rc = svc_errors_count(errs) > 0 ? SVC_EREPLIED : SVC_OK;
    if (rc != SVC_OK)
        svc_reply_invalid(r, errs, NULL);
    svc_errors_free(errs);
    const svc_principal *who = svc_req_principal(r);
    p->actor = svc_req_actor(r, SVC_AUDIT_SYSTEM);
    p->client_id = who ? who->client_id : NULL;
    return rc;
}

/* ---- idempotency ---- */

static void reply_stored(svc_req *r, int status, const char *text, const char *batch,
                         int replayed) {
    if (batch != NULL)
        svc_reply_location(r, "/importen", batch);
    if (replayed)
        svc_reply_header(r, "Idempotent-Replayed", "true");
    svc_reply_text(r, status, status >= 400 ? "application/problem+json" : "application/json", text,
                   strlen(text));
}

/* Lock the key for this transaction and read its stored answer, if any (*stored: NULL or a
 * result of one row: hash, status, text, batch). */
static int idempotency_lookup(svc_req *r, svc_conn *c, const mon_push_state *p, PGresult **stored) {
    PGresult *res = NULL;
    const char *params[] = {p->actor, p->key};
    *stored = NULL;
    int rc = svc_db_query(r, c, SQL_IDEM_LOCK, 2, params, NULL, &res);
    PQclear(res);
    res = NULL;
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_IDEM_GET, 2, params, NULL, &res);
    if (rc == SVC_OK && PQntuples(res) > 0)
        *stored = res;
    else
        PQclear(res);
    return rc;
}

/* The same key again: the stored answer for the same request, a 409 for another. */
static void idempotency_replay(svc_req *r, const mon_push_state *p, const PGresult *stored) {
    if (strcmp(svc_col(stored, 0, 0), p->hash) == 0)
        reply_stored(r, (int)svc_col_int(stored, 0, 1), svc_col(stored, 0, 2),
                     svc_col(stored, 0, 3), 1);
    else
        svc_reply_problem(r, 409,
                          "Deze Idempotency-Key is al gebruikt voor een andere aanlevering. "
                          "Gebruik een nieuwe sleutel voor nieuwe gegevens.");
}

static int idempotency_store(svc_req *r, svc_conn *c, const mon_push_state *p, int status,
                             const char *text) {
    char status_text[8];
    PGresult *res = NULL;
    snprintf(status_text, sizeof(status_text), "%d", status);
    const char *params[] = {p->actor,    p->key, p->hash,
                            status_text, text,   p->batch_id[0] ? p->batch_id : NULL};
    int rc = svc_db_query(r, c, SQL_IDEM_PUT, 6, params, NULL, &res);
    PQclear(res);
    return rc;
}

/* ---- the batch ---- */

static const char *batch_status(const mon_push_state *p) {
    if (p->rejected > 0 && !p->partial)
        return "afgewezen";
    return p->rejected > 0 ? "gedeeltelijk" : "verwerkt";
}

static int batch_open(svc_req *r, svc_conn *c, mon_push_state *p) {
    PGresult *res = NULL;
    const char *params[] = {p->actor, p->client_id, p->csv ? "csv" : "json",
                            p->partial ? "gedeeltelijk" : "atomisch", p->key};
    int rc = svc_db_query(r, c, SQL_BATCH_INSERT, 5, params, NULL, &res);
    if (rc == SVC_OK)
        snprintf(p->batch_id, sizeof(p->batch_id), "%s", svc_col(res, 0, 0));
    PQclear(res);
    return rc;
}

static int batch_close(svc_req *r, svc_conn *c, const mon_push_state *p) {
    char n[5][24];
    long long v[5] = {p->rows, p->created, p->updated, p->unchanged, p->rejected};
    for (int i = 0; i < 5; i++)
        snprintf(n[i], sizeof(n[i]), "%lld", v[i]);
    PGresult *res = NULL;
    const char *save[] = {p->batch_id};
    int rc = SVC_OK;
    /* The staging table has no index: a scan of a million rows is not free, so it is skipped
     * when the checks found nothing to keep. */
    if (p->rejected > 0)
        rc = svc_db_query(r, c, SQL_CONFLICTS_SAVE, 1, save, NULL, &res);
    PQclear(res);
    res = NULL;
    const char *params[] = {p->batch_id, batch_status(p), n[0], n[1], n[2], n[3], n[4]};
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_BATCH_FINISH, 7, params, NULL, &res);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, NULL, "importeren", "import", p->batch_id, NULL, svc_col(res, 0, 0));
    PQclear(res);
    return rc;
}

/* ---- the answer ---- */

static json_t *summary(const mon_push_state *p, json_t *rejections) {
    json_t *s =
        json_pack("{s:o, s:s, s:b, s:s, s:s, s:{s:I, s:I, s:I, s:I, s:I, s:I}}", "import",
                  p->batch_id[0] ? json_string(p->batch_id) : json_null(), "status",
                  batch_status(p), "dryRun", p->dry_run, "modus",
                  p->partial ? "gedeeltelijk" : "atomisch", "formaat", p->csv ? "csv" : "json",
                  "aantallen", "rijen", (json_int_t)p->rows, "aangemaakt", (json_int_t)p->created,
                  "bijgewerkt", (json_int_t)p->updated, "ongewijzigd", (json_int_t)p->unchanged,
                  "afgewezen", (json_int_t)p->rejected, "nietVerwerkt", (json_int_t)p->skipped);
    if (s != NULL && rejections != NULL) {
        json_t *list = json_object_get(rejections, "afwijzingen");
        json_int_t total = json_integer_value(json_object_get(rejections, "afwijzingenTotaal"));
        json_object_set(s, "afwijzingen", list);
        json_object_set_new(s, "afwijzingenTotaal", json_integer(total));
        json_object_set_new(s, "afwijzingenVolledig",
                            json_boolean((size_t)total == json_array_size(list)));
    }
    return s;
}

/* The answer's status and text: 200 for a dry run, 201 when the push was processed, 400 (a
 * problem with the summary in "samenvatting") when an atomic push was rejected: invalid input is
 * a 400 under the API Design Rules, never a 422. */
static int build_answer(svc_req *r, svc_conn *c, const mon_push_state *p, char **text) {
    PGresult *res = NULL;
    char limit[16];
    snprintf(limit, sizeof(limit), "%d", MON_REPORT_LIMIT);
    const char *params[] = {limit};
    int status = p->dry_run ? 200 : (p->rejected > 0 && !p->partial) ? 400 : 201;
    json_t *rejections = NULL;
    if (p->rejected == 0) {
        rejections = json_pack("{s:[], s:i}", "afwijzingen", "afwijzingenTotaal", 0);
    } else {
        if (svc_db_query(r, c, SQL_PUSH_SUMMARY, 1, params, NULL, &res) != SVC_OK)
            return 0;
        rejections = json_loads(svc_col(res, 0, 0), 0, NULL);
        PQclear(res);
    }
    json_t *body = summary(p, rejections);
    json_decref(rejections);
    if (body != NULL && status == 400) {
        json_t *problem = svc_problem_new(400,
                                          "De aanlevering is afgewezen: er zijn afgekeurde rijen "
                                          "en de modus is atomisch, dus er is niets verwerkt.",
                                          NULL);
        json_object_set_new(problem, "samenvatting", body);
        body = problem;
    }
    *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
    json_decref(body);
    if (*text == NULL) {
        svc_reply_problem(r, 500, NULL);
        return 0;
    }
    return status;
}

static void finish(svc_req *r, svc_conn *c, mon_push_state *p) {
    char *text = NULL;
    int status = 0;
    if (!p->dry_run && batch_close(r, c, p) != SVC_OK)
        return;
    status = build_answer(r, c, p, &text);
    if (status == 0)
        return;
    if ((p->key == NULL || p->dry_run || idempotency_store(r, c, p, status, text) == SVC_OK) &&
        svc_db_commit(r, c) == SVC_OK)
        reply_stored(r, status, text, p->batch_id[0] ? p->batch_id : NULL, 0);
    free(text);
}

/* ---- the push as a stream (svc_body_ops) ---- */

/* Bytes a row takes, about, to size the duplicate table from Content-Length. */
#define CSV_ROW_BYTES  40
#define JSON_ROW_BYTES 90

typedef struct push {
    mon_push_state p;
    svc_conn *c;
    mon_stage *stage; /* NULL while replaying a stored answer */
    PGresult *stored; /* the stored answer for the Idempotency-Key, or NULL */
    crypto_hash_sha256_state hash;
    unsigned long long bytes;
} push;

static size_t expected_rows(svc_req *r, int csv) {
    const char *cl = svc_req_header(r, "Content-Length");
    unsigned long long n = cl ? strtoull(cl, NULL, 10) : 0;
    n /= csv ? CSV_ROW_BYTES : JSON_ROW_BYTES;
    return n < 1024 ? 1024 : n > (1u << 22) ? (1u << 22) : (size_t)n;
}

static int push_open(svc_req *r, void *vctx, void **state) {
    const mon_ctx *ctx = vctx;
    push *s = calloc(1, sizeof(*s));
    if (s == NULL) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    *state = s;
    mon_push_state *p = &s->p;
    if (read_options(r, p) != SVC_OK || svc_db_begin(r, &s->c) != SVC_OK)
        return SVC_EREPLIED;
    if (p->key != NULL) {
        hash_start(&s->hash, p);
        if (idempotency_lookup(r, s->c, p, &s->stored) != SVC_OK)
            return SVC_EREPLIED;
        if (s->stored != NULL)
            return SVC_OK; /* read the body only to compare it */
    }
    if (!p->dry_run && batch_open(r, s->c, p) != SVC_OK)
        return SVC_EREPLIED;
    mon_stage_opts o = {p->csv, expected_rows(r, p->csv), ctx->settings->push_memory_keys};
    return mon_stage_open(r, s->c, &o, &s->stage);
}

static int push_write(svc_req *r, void *state, const char *data, size_t len) {
    push *s = state;
    s->bytes += len;
    if (s->p.key != NULL)
        crypto_hash_sha256_update(&s->hash, (const unsigned char *)data, len);
    return s->stage ? mon_stage_write(s->stage, r, data, len) : SVC_OK;
}

static void push_close(svc_req *r, void *state) {
    push *s = state;
    mon_push_state *p = &s->p;
    if (s->bytes == 0) {
        svc_reply_problem(r, 400,
                          "De inhoud ontbreekt: stuur CSV (text/csv) of JSON (application/json).");
        return;
    }
    if (p->key != NULL)
        hash_end(&s->hash, p->hash);
    if (s->stored != NULL) {
        idempotency_replay(r, p, s->stored);
        return;
    }
    if (mon_stage_close(s->stage, r, p) == SVC_OK && mon_push_apply(r, s->c, p) == SVC_OK)
        finish(r, s->c, p);
}

static void push_free(svc_req *r, void *state) {
    push *s = state;
    if (s == NULL)
        return;
    mon_stage_free(s->stage); /* before the connection goes back: it may end a COPY */
    PQclear(s->stored);
    if (s->c != NULL)
        svc_db_release(r, s->c);
    free(s);
}

const svc_body_ops mon_push_ops = {push_open, push_write, push_close, push_free};
