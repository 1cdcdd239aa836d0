/* Strong entity tags and If-Match / If-None-Match evaluation (RFC 9110 8.8.3, 13.1.1-2). */
#include "svc/etag.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#define DIGEST_BYTES 16 /* of SHA-256: 128 bits is plenty to tell versions apart */
#define B64_VARIANT  sodium_base64_VARIANT_URLSAFE_NO_PADDING

/* etagc = %x21 / %x23-7E / obs-text: anything visible but the double quote. */
static int is_etagc(unsigned char ch) {
    return ch == 0x21 || (ch >= 0x23 && ch != 0x7F);
}

static int is_etag_text(const char *text) {
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++)
        if (!is_etagc(*p))
            return 0;
    return 1;
}

/* "\"<base64url of the first DIGEST_BYTES of digest>\"" */
static void format_digest(const unsigned char digest[crypto_hash_sha256_BYTES],
                          char out[SVC_ETAG_MAX]) {
    out[0] = '"';
    sodium_bin2base64(out + 1, SVC_ETAG_MAX - 2, digest, DIGEST_BYTES, B64_VARIANT);
    size_t len = strlen(out);
    out[len] = '"';
    out[len + 1] = '\0';
}

void svc_etag_from_version(const char *id, long long version, char out[SVC_ETAG_MAX]) {
    if (id == NULL)
        id = "";
    int n = snprintf(out, SVC_ETAG_MAX, "\"%s-%lld\"", id, version);
    if (n > 0 && n < SVC_ETAG_MAX && is_etag_text(id))
        return;
    /* An id that is too long or has characters a quoted tag cannot carry: a digest of both. */
    char text[32];
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_state state;
    snprintf(text, sizeof(text), "%lld", version);
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, (const unsigned char *)id, strlen(id) + 1); /* with NUL */
    crypto_hash_sha256_update(&state, (const unsigned char *)text, strlen(text));
    crypto_hash_sha256_final(&state, digest);
    format_digest(digest, out);
}

void svc_etag_from_bytes(const void *data, size_t len, char out[SVC_ETAG_MAX]) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, data != NULL ? data : (const void *)"", data != NULL ? len : 0);
    format_digest(digest, out);
}

/* One entity-tag of a header: weak flag and the quoted opaque tag (quotes included). */
typedef struct tag {
    int weak;
    const char *opaque;
    size_t len;
} tag;

static const char *skip_ows(const char *p) {
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* Parse [W/] DQUOTE *etagc DQUOTE at p; *end is just past it. 0 when malformed. */
static int parse_tag(const char *p, tag *t, const char **end) {
    t->weak = strncmp(p, "W/", 2) == 0;
    if (t->weak)
        p += 2;
    if (*p != '"')
        return 0;
    const char *q = p + 1;
    while (*q != '"' && *q != '\0' && is_etagc((unsigned char)*q))
        q++;
    if (*q != '"')
        return 0;
    t->opaque = p;
    t->len = (size_t)(q + 1 - p);
    *end = q + 1;
    return 1;
}

/* Strong comparison: both strong and the same; weak comparison: the same opaque tag. */
static int tags_match(const tag *a, const tag *b, int weak_ok) {
    if (!weak_ok && (a->weak || b->weak))
        return 0;
    return a->len == b->len && memcmp(a->opaque, b->opaque, a->len) == 0;
}

int svc_etag_match(const char *header, const char *etag, int weak_ok) {
    tag want, got;
    const char *end;
    if (header == NULL || etag == NULL || !parse_tag(etag, &want, &end) || *end != '\0')
        return 0;
    const char *p = skip_ows(header);
    if (*p == '*') /* "*" stands alone; a list containing it is malformed */
        return *skip_ows(p + 1) == '\0';
    while (*p != '\0') {
        if (*p == ',' || *p == ' ' || *p == '\t') {
            p++;
            continue;
        }
        int ok = parse_tag(p, &got, &end);
        if (ok)
            end = skip_ows(end);
        if (ok && (*end == ',' || *end == '\0')) {
            if (tags_match(&got, &want, weak_ok))
                return 1;
            p = end;
        } else { /* a malformed element matches nothing; go on after the next comma */
            while (*p != '\0' && *p != ',')
                p++;
        }
    }
    return 0;
}
