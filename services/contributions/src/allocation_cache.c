/* GET /verdelingen: the weights of a key for a year cached per allocation generation (cached.h),
 * the split in C (ctb_allocate) and the answer written as text without a jansson tree.
 *
 * A cache entry (the body of an svc_cache entry, malloc-aligned) is a weights_blob: the
 * municipalities' weights in CBS order, then per municipality the offset and length of its JSON
 * fragment up to the share ({"gemeente":..,"naam":..,"gewicht":..,"aandeel":), then the head of
 * the answer ({"verdeelsleutel":{..},"jaar":..,"gewichtenJaar":..,) and the fragments' text. The
 * fragments are escaped by jansson once, when the entry is made. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "allocate.h"
#include "allocation.h"
#include "cached.h"
#include "ctb.h"
#include "sql.h"

typedef struct weights_blob {
    uint32_t n, head_off, head_len, text_len;
    uint64_t total;
    /* uint64_t weights[n]; frag frags[n]; char text[text_len]; */
} weights_blob;

typedef struct frag {
    uint32_t off, len;
} frag;

static const uint64_t *blob_weights(const weights_blob *b) {
    return (const uint64_t *)(b + 1);
}

static const frag *blob_frags(const weights_blob *b) {
    return (const frag *)(blob_weights(b) + b->n);
}

static const char *blob_text(const weights_blob *b) {
    return (const char *)(blob_frags(b) + b->n);
}

/* ---- making an entry (on a miss) ---- */

/* json_dumps of o without its closing brace, followed by tail; NULL when out of memory. */
static char *open_object(json_t *o, const char *tail) {
    char *text = o ? json_dumps(o, JSON_COMPACT) : NULL, *out = NULL;
    json_decref(o);
    if (text != NULL && asprintf(&out, "%.*s%s", (int)strlen(text) - 1, text, tail) < 0)
        out = NULL;
    free(text);
    return out;
}

static char *head_text(const ctb_allocation *a) {
    const PGresult *rows = a->rows;
    return open_object(
        json_pack("{s:{s:s, s:s?, s:s, s:s}, s:I, s:I}", "verdeelsleutel", "id",
                  svc_col(rows, 0, ALLOC_KEY_ID), "code", svc_col(rows, 0, ALLOC_KEY_CODE), "naam",
                  svc_col(rows, 0, ALLOC_KEY_NAME), "grondslag", svc_col(rows, 0, ALLOC_KEY_BASIS),
                  "jaar", (json_int_t)svc_col_int(rows, 0, ALLOC_YEAR), "gewichtenJaar",
                  (json_int_t)svc_col_int(rows, 0, ALLOC_WEIGHTS_YEAR)),
        ",");
}

static char *party_text(const ctb_allocation *a, size_t i) {
    return open_object(
        json_pack("{s:s, s:s, s:I}", "gemeente", svc_col(a->rows, (int)i, ALLOC_GM_CODE), "naam",
                  svc_col(a->rows, (int)i, ALLOC_GM_NAME), "gewicht", (json_int_t)a->weights[i]),
        ",\"aandeel\":");
}

/* The entry of a (malloc'ed, *len its size) or NULL when out of memory. */
static weights_blob *blob_make(const ctb_allocation *a, size_t *len) {
    char **texts = calloc(a->n + 1, sizeof(*texts));
    weights_blob *b = NULL;
    size_t text_len = 0, i;
    if (texts == NULL)
        return NULL;
    for (i = 0; i <= a->n; i++) {
        texts[i] = i < a->n ? party_text(a, i) : head_text(a);
        if (texts[i] == NULL)
            goto done;
        text_len += strlen(texts[i]);
    }
    *len = sizeof(*b) + a->n * (sizeof(uint64_t) + sizeof(frag)) + text_len;
    b = calloc(1, *len);
    if (b == NULL)
        goto done;
    b->n = (uint32_t)a->n;
    b->text_len = (uint32_t)text_len;
    memcpy((uint64_t *)(b + 1), a->weights, a->n * sizeof(uint64_t));
    frag *frags = (frag *)blob_frags(b);
    char *text = (char *)blob_text(b);
    size_t off = 0;
    for (i = 0; i <= a->n; i++) {
        size_t l = strlen(texts[i]);
        memcpy(text + off, texts[i], l);
        if (i < a->n)
            frags[i] = (frag){(uint32_t)off, (uint32_t)l};
        else
            b->head_off = (uint32_t)off, b->head_len = (uint32_t)l;
        b->total += i < a->n ? a->weights[i] : 0;
        off += l;
    }
done:
    for (i = 0; i <= a->n; i++)
        free(texts[i]);
    free(texts);
    return b;
}

/* ---- the answer ---- */

typedef struct out_buf {
    char *p;
    size_t len, cap;
} out_buf;

static void put(out_buf *o, const char *s, size_t len) {
    if (o->len + len <= o->cap) /* sized in advance; never exceeded */
        memcpy(o->p + o->len, s, len);
    o->len += len;
}

static void put_str(out_buf *o, const char *s) {
    put(o, s, strlen(s));
}

static void put_u64(out_buf *o, uint64_t v) {
    char digits[24];
    size_t i = sizeof(digits);
    do {
        digits[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    put(o, digits + i, sizeof(digits) - i);
}

static const char rounding_note[] = ",\"afronding\":\"" CTB_ROUNDING_NOTE "\",\"aandelen\":[";

/* The answer for amount split by b; *out malloc'ed. */
static int render(const weights_blob *b, const ctb_alloc_query *q, int64_t amount, out_buf *o) {
    int64_t *shares = calloc(b->n ? b->n : 1, sizeof(*shares));
    int rc = shares ? ctb_allocate(amount, blob_weights(b), b->n, shares) : SVC_ENOMEM;
    o->cap = b->text_len + b->n * 32 + sizeof(rounding_note) + 256;
    o->p = rc == SVC_OK ? malloc(o->cap) : NULL;
    o->len = 0;
    if (rc == SVC_OK && o->p == NULL)
        rc = SVC_ENOMEM;
    if (rc == SVC_OK) {
        const char *text = blob_text(b);
        const frag *frags = blob_frags(b);
        put(o, text + b->head_off, b->head_len);
        put_str(o, "\"bedrag\":");
        put_u64(o, (uint64_t)amount);
        put_str(o, ",\"bron\":{\"soort\":\"");
        put_str(o, q->line_id      ? "begrotingsregel"
                   : q->structural ? "structureleBegroting"
                                   : "bedrag");
        if (q->line_id != NULL) { /* a validated uuid: nothing to escape */
            put_str(o, "\",\"begrotingsregelId\":\"");
            put_str(o, q->line_id);
        }
        put_str(o, "\"},\"totaalGewicht\":");
        put_u64(o, b->total);
        put(o, rounding_note, sizeof(rounding_note) - 1);
        for (uint32_t i = 0; i < b->n; i++) {
            if (i > 0)
                put(o, ",", 1);
            put(o, text + frags[i].off, frags[i].len);
            put_u64(o, (uint64_t)shares[i]);
            put(o, "}", 1);
        }
        put(o, "]}", 2);
        if (o->len > o->cap)
            rc = SVC_ERR;
    }
    free(shares);
    return rc;
}

/* ---- the handler ---- */

/* The weights of q's key at year: *hit from the cache at the current generation, else *made
 * (queried, cached, and owned by the caller). On failure the answer is set and SVC_EREPLIED
 * returned. */
static int weights_of(svc_req *r, svc_conn *c, ctb_ctx *ctx, const ctb_alloc_query *q,
                      const char *year, const char *amount, svc_cache_entry **hit,
                      weights_blob **made) {
    char *key = NULL;
    long long gen = -1;
    ctb_allocation a;
    size_t len = 0;
    *hit = NULL;
    *made = NULL;
    if (ctb_generation(r, c, CTB_GEN_ALLOCATION, &gen) != SVC_OK)
        return SVC_EREPLIED;
    /* The year is digits only, so the first newline ends it. */
    if (asprintf(&key, "%s\n%s:%s", year, q->key_id ? "id" : "code",
                 q->key_id ? q->key_id : q->key_code) < 0)
        key = NULL;
    if (key != NULL && gen >= 0 && svc_cache_get(ctx->allocation, key, gen, hit) == SVC_OK) {
        free(key);
        return SVC_OK;
    }
    int rc = ctb_allocation_fetch(r, c, q, year, amount, &a);
    if (rc == SVC_OK) {
        *made = blob_make(&a, &len);
        if (*made == NULL) {
            svc_reply_problem(r, 500, NULL);
            rc = SVC_EREPLIED;
        } else if (key != NULL && gen >= 0) {
            /* Made at gen or later: a later write only costs a miss next time. */
            svc_cache_put(ctx->allocation, key, gen, (const char *)*made, len);
        }
    }
    ctb_allocation_clear(&a);
    free(key);
    return rc == SVC_OK ? SVC_OK : SVC_EREPLIED;
}

void ctb_allocation_get(svc_req *r, void *ctx) {
    ctb_alloc_query q;
    char year[CTB_ALLOC_NUM], amount[CTB_ALLOC_NUM];
    svc_conn *c = NULL;
    svc_cache_entry *hit = NULL;
    weights_blob *made = NULL;
    out_buf o = {0};
    size_t len = 0;
    if (ctb_allocation_params(r, &q) != SVC_OK || svc_db_acquire(r, &c) != SVC_OK)
        return;
    if (ctb_allocation_amount(r, c, &q, year, amount) == SVC_OK &&
        weights_of(r, c, ctx, &q, year, amount, &hit, &made) == SVC_OK) {
        const weights_blob *b = hit ? (const weights_blob *)svc_cache_entry_body(hit, &len) : made;
        if (render(b, &q, strtoll(amount, NULL, 10), &o) == SVC_OK) {
            svc_reply_header(r, "X-Cache", hit ? "hit" : "miss");
            svc_reply_json_text(r, 200, o.p, o.len);
        } else
            svc_reply_problem(r, 500, NULL);
    }
    free(o.p);
    free(made);
    svc_cache_entry_release(hit);
    svc_db_release(r, c);
}
