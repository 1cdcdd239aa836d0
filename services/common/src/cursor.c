/* Pagination cursors: base64url(JSON) "." base64url(HMAC-SHA256 of the first part).
 *
 * The MAC covers the encoded payload text exactly as sent, so a cursor is verified before any of
 * its content is decoded or parsed, and every byte of it (the encoding included) is covered. */
#include "svc/cursor.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "svc/error.h"

#define B64_VARIANT sodium_base64_VARIANT_URLSAFE_NO_PADDING
/* Longer cursors are refused: they come from a query string and cost a MAC to check. */
#define CURSOR_MAX_LEN 2048
#define TAG_TEXT_LEN   (sodium_base64_ENCODED_LEN(crypto_auth_hmacsha256_BYTES, B64_VARIANT) - 1)

/* Domain separation: the same secret used for something else gives an unrelated key. */
static const char key_context[] = "jeugdhulp-twente pagination cursor v1";

/* libsodium must be initialised before its random generator is used; repeated calls are cheap
 * and thread-safe. Without it no key can be trusted, so stop rather than continue. */
static void sodium_ready(void) {
    if (sodium_init() < 0)
        abort();
}

void svc_cursor_key(const char *secret, unsigned char key[SVC_CURSOR_KEY_BYTES]) {
    sodium_ready();
    if (secret == NULL || secret[0] == '\0') {
        /* Cursors then live as long as the process: fine for one instance, not for several. */
        randombytes_buf(key, SVC_CURSOR_KEY_BYTES);
        return;
    }
    crypto_generichash(key, SVC_CURSOR_KEY_BYTES, (const unsigned char *)secret, strlen(secret),
                       (const unsigned char *)key_context, sizeof(key_context) - 1);
}

/* The base64url text of the MAC of text[0..len), NUL-terminated, into out[TAG_TEXT_LEN + 1]. */
static void sign(const unsigned char key[SVC_CURSOR_KEY_BYTES], const char *text, size_t len,
                 char *out) {
    unsigned char tag[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key, SVC_CURSOR_KEY_BYTES);
    crypto_auth_hmacsha256_update(&state, (const unsigned char *)text, len);
    crypto_auth_hmacsha256_final(&state, tag);
    sodium_bin2base64(out, TAG_TEXT_LEN + 1, tag, sizeof(tag), B64_VARIANT);
}

int svc_cursor_encode(const unsigned char key[SVC_CURSOR_KEY_BYTES], const json_t *payload,
                      char **out) {
    if (out == NULL)
        return SVC_EINVAL;
    *out = NULL;
    if (key == NULL || payload == NULL)
        return SVC_EINVAL;
    char *json = json_dumps(payload, JSON_COMPACT | JSON_ENCODE_ANY);
    if (json == NULL)
        return SVC_ENOMEM;
    size_t json_len = strlen(json);
    size_t payload_len = sodium_base64_ENCODED_LEN(json_len, B64_VARIANT) - 1;
    size_t total = payload_len + 1 + TAG_TEXT_LEN;
    if (total > CURSOR_MAX_LEN) { /* it could never be decoded */
        free(json);
        return SVC_EINVAL;
    }
    char *cursor = malloc(total + 1);
    if (cursor == NULL) {
        free(json);
        return SVC_ENOMEM;
    }
    sodium_bin2base64(cursor, payload_len + 1, (const unsigned char *)json, json_len, B64_VARIANT);
    free(json);
    cursor[payload_len] = '.';
    sign(key, cursor, payload_len, cursor + payload_len + 1);
    *out = cursor;
    return SVC_OK;
}

/* Decode the (already authenticated) payload text into JSON. */
static int parse_payload(const char *text, size_t len, json_t **out) {
    size_t bin_len = 0;
    const char *end = NULL;
    unsigned char *bin = malloc(len + 1);
    if (bin == NULL)
        return SVC_ENOMEM;
    int rc = sodium_base642bin(bin, len, text, len, NULL, &bin_len, &end, B64_VARIANT);
    if (rc == 0 && end == text + len)
        *out = json_loadb((const char *)bin, bin_len, JSON_DECODE_ANY, NULL);
    free(bin);
    return *out != NULL ? SVC_OK : SVC_EINVAL;
}

int svc_cursor_decode(const unsigned char key[SVC_CURSOR_KEY_BYTES], const char *cursor,
                      json_t **out) {
    if (out == NULL)
        return SVC_EINVAL;
    *out = NULL;
    if (key == NULL || cursor == NULL)
        return SVC_EINVAL;
    size_t len = strnlen(cursor, CURSOR_MAX_LEN + 1);
    const char *dot = memchr(cursor, '.', len);
    if (len > CURSOR_MAX_LEN || dot == NULL || dot == cursor)
        return SVC_EINVAL;
    size_t payload_len = (size_t)(dot - cursor);
    if (len - payload_len - 1 != TAG_TEXT_LEN)
        return SVC_EINVAL;
    char expected[TAG_TEXT_LEN + 1];
    sign(key, cursor, payload_len, expected);
    if (sodium_memcmp(expected, dot + 1, TAG_TEXT_LEN) != 0) /* constant time */
        return SVC_EINVAL;
    return parse_payload(cursor, payload_len, out);
}
