/* Pagination cursors: round trip, wire format, and refusal of anything not made with the key. */
#include <check.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "svc/cursor.h"
#include "svc/error.h"

#define B64 sodium_base64_VARIANT_URLSAFE_NO_PADDING

static unsigned char key[SVC_CURSOR_KEY_BYTES];

static void setup(void) {
    svc_cursor_key("test-secret", key);
}

static char *encode_text(const char *json) {
    json_t *payload = json_loads(json, JSON_DECODE_ANY, NULL);
    ck_assert_ptr_nonnull(payload);
    char *cursor = NULL;
    ck_assert_int_eq(svc_cursor_encode(key, payload, &cursor), SVC_OK);
    json_decref(payload);
    ck_assert_ptr_nonnull(cursor);
    return cursor;
}

static int decode_fails(const char *cursor) {
    json_t *out = (json_t *)1; /* must be reset to NULL on failure */
    int rc = svc_cursor_decode(key, cursor, &out);
    ck_assert_ptr_null(out);
    return rc == SVC_EINVAL;
}

/* A cursor signed with key over any payload text, as an attacker who had the key would make. */
static char *forge(const char *payload_text) {
    unsigned char tag[crypto_auth_hmacsha256_BYTES];
    char sig[64];
    size_t len = strlen(payload_text);
    crypto_auth_hmacsha256(tag, (const unsigned char *)payload_text, len, key);
    sodium_bin2base64(sig, sizeof(sig), tag, sizeof(tag), B64);
    char *cursor = malloc(len + 1 + strlen(sig) + 1);
    ck_assert_ptr_nonnull(cursor);
    strcpy(cursor, payload_text);
    strcat(cursor, ".");
    strcat(cursor, sig);
    return cursor;
}

/* base64url of text, no padding. */
static char *b64(const char *text) {
    size_t size = sodium_base64_ENCODED_LEN(strlen(text), B64);
    char *out = malloc(size);
    ck_assert_ptr_nonnull(out);
    sodium_bin2base64(out, size, (const unsigned char *)text, strlen(text), B64);
    return out;
}

START_TEST(round_trip_keeps_payload) {
    const char *payloads[] = {"{\"k\":[\"2024-01-01\",17]}", "{\"k\":[\"Ærø – 😀\",-1,null,true]}",
                              "[1,2,3]", "{}"};
    for (size_t i = 0; i < sizeof(payloads) / sizeof(payloads[0]); i++) {
        json_t *expected = json_loads(payloads[i], JSON_DECODE_ANY, NULL);
        char *cursor = encode_text(payloads[i]);
        json_t *out = NULL;
        ck_assert_int_eq(svc_cursor_decode(key, cursor, &out), SVC_OK);
        ck_assert_msg(json_equal(out, expected), "payload %s changed", payloads[i]);
        json_decref(out);
        json_decref(expected);
        free(cursor);
    }
}
END_TEST

START_TEST(wire_format_is_payload_dot_hmac) {
    char *cursor = encode_text("{\"k\":[\"2024-01-01\",17]}");
    /* only URL-safe characters, no padding, exactly one dot */
    ck_assert_uint_eq(strspn(cursor, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                     "0123456789-_."),
                      strlen(cursor));
    char *dot = strchr(cursor, '.');
    ck_assert_ptr_nonnull(dot);
    ck_assert_ptr_null(strchr(dot + 1, '.'));
    /* first part: the compact JSON */
    char *expected_payload = b64("{\"k\":[\"2024-01-01\",17]}");
    ck_assert_int_eq(strncmp(cursor, expected_payload, (size_t)(dot - cursor)), 0);
    ck_assert_uint_eq(strlen(expected_payload), (size_t)(dot - cursor));
    /* second part: HMAC-SHA256 of the first part */
    *dot = '\0';
    char *forged = forge(cursor);
    *dot = '.';
    ck_assert_str_eq(cursor, forged);
    ck_assert_uint_eq(strlen(dot + 1), 43);
    free(forged);
    free(expected_payload);
    free(cursor);
}
END_TEST

START_TEST(same_secret_gives_same_key) {
    unsigned char again[SVC_CURSOR_KEY_BYTES], other[SVC_CURSOR_KEY_BYTES];
    svc_cursor_key("test-secret", again);
    svc_cursor_key("test-secret2", other);
    ck_assert_mem_eq(key, again, SVC_CURSOR_KEY_BYTES);
    ck_assert_int_ne(memcmp(key, other, SVC_CURSOR_KEY_BYTES), 0);
    /* a cursor from one instance is accepted by another configured with the same secret */
    char *cursor = encode_text("{\"k\":[5]}");
    json_t *out = NULL;
    ck_assert_int_eq(svc_cursor_decode(again, cursor, &out), SVC_OK);
    json_decref(out);
    ck_assert_int_eq(svc_cursor_decode(other, cursor, &out), SVC_EINVAL);
    ck_assert_ptr_null(out);
    free(cursor);
}
END_TEST

START_TEST(key_is_not_the_plain_hash_of_the_secret) {
    unsigned char plain[SVC_CURSOR_KEY_BYTES];
    crypto_generichash(plain, sizeof(plain), (const unsigned char *)"test-secret", 11, NULL, 0);
    ck_assert_int_ne(memcmp(key, plain, SVC_CURSOR_KEY_BYTES), 0);
}
END_TEST

START_TEST(empty_secret_gives_random_keys) {
    unsigned char a[SVC_CURSOR_KEY_BYTES], b[SVC_CURSOR_KEY_BYTES], zero[SVC_CURSOR_KEY_BYTES];
    memset(zero, 0, sizeof(zero));
    svc_cursor_key(NULL, a);
    svc_cursor_key("", b);
    ck_assert_int_ne(memcmp(a, b, SVC_CURSOR_KEY_BYTES), 0);
    ck_assert_int_ne(memcmp(a, zero, SVC_CURSOR_KEY_BYTES), 0);
    svc_cursor_key("", a);
    ck_assert_int_ne(memcmp(a, b, SVC_CURSOR_KEY_BYTES), 0);
}
END_TEST

START_TEST(wrong_key_rejected) {
    unsigned char other[SVC_CURSOR_KEY_BYTES];
    svc_cursor_key(NULL, other);
    char *cursor = encode_text("{\"k\":[1]}");
    json_t *out = NULL;
    ck_assert_int_eq(svc_cursor_decode(other, cursor, &out), SVC_EINVAL);
    ck_assert_ptr_null(out);
    free(cursor);
}
END_TEST

START_TEST(every_changed_character_rejected) {
    char *cursor = encode_text("{\"k\":[\"2024-01-01\",17]}");
    size_t len = strlen(cursor);
    const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
    for (size_t i = 0; i < len; i++) {
        char original = cursor[i];
        for (const char *c = alphabet; *c != '\0'; c++) {
            if (*c == original)
                continue;
            cursor[i] = *c;
            ck_assert_msg(decode_fails(cursor), "changed character %zu to '%c' accepted", i, *c);
        }
        cursor[i] = original;
    }
    free(cursor);
}
END_TEST

START_TEST(tampered_payload_rejected) {
    /* a different position under the old signature */
    char *cursor = encode_text("{\"k\":[17]}");
    char *other = encode_text("{\"k\":[18]}");
    char *dot = strchr(cursor, '.');
    char *other_dot = strchr(other, '.');
    ck_assert_uint_eq((size_t)(dot - cursor), (size_t)(other_dot - other));
    memcpy(cursor, other, (size_t)(other_dot - other));
    ck_assert(decode_fails(cursor));
    free(other);
    free(cursor);
}
END_TEST

START_TEST(tampered_signature_rejected) {
    char *cursor = encode_text("{\"k\":[17]}");
    char *other = encode_text("{\"k\":[18]}");
    char *sig = strchr(cursor, '.') + 1;
    /* the signature of another valid cursor */
    strcpy(sig, strchr(other, '.') + 1);
    ck_assert(decode_fails(cursor));
    free(other);
    free(cursor);
}
END_TEST

START_TEST(non_canonical_signature_encoding_rejected) {
    /* 43 base64 characters carry 258 bits for 256: flipping the 2 spare bits of the last one
     * decodes to the same tag, yet the cursor is not the one that was issued */
    static const char *alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char *cursor = encode_text("{\"k\":[17]}");
    char *last = cursor + strlen(cursor) - 1;
    size_t value = (size_t)(strchr(alphabet, *last) - alphabet);
    ck_assert_uint_eq(value & 3, 0);
    for (size_t spare = 1; spare < 4; spare++) {
        *last = alphabet[value | spare];
        ck_assert(decode_fails(cursor));
    }
    free(cursor);
}
END_TEST

START_TEST(dot_tampering_rejected) {
    char *cursor = encode_text("{\"k\":[\"2024-01-01\",17]}");
    size_t len = strlen(cursor);
    char *dot = strchr(cursor, '.');
    size_t at = (size_t)(dot - cursor);
    char *copy = malloc(len + 2);
    ck_assert_ptr_nonnull(copy);
    /* removed */
    memcpy(copy, cursor, at);
    strcpy(copy + at, dot + 1);
    ck_assert(decode_fails(copy));
    /* moved one to the left and to the right */
    strcpy(copy, cursor);
    copy[at] = copy[at - 1];
    copy[at - 1] = '.';
    ck_assert(decode_fails(copy));
    strcpy(copy, cursor);
    copy[at] = copy[at + 1];
    copy[at + 1] = '.';
    ck_assert(decode_fails(copy));
    /* doubled */
    memcpy(copy, cursor, at + 1);
    strcpy(copy + at + 1, dot);
    ck_assert(decode_fails(copy));
    /* an extra one in the signature */
    strcpy(copy, cursor);
    copy[len - 5] = '.';
    ck_assert(decode_fails(copy));
    free(copy);
    free(cursor);
}
END_TEST

START_TEST(truncated_and_extended_rejected) {
    char *cursor = encode_text("{\"k\":[\"2024-01-01\",17]}");
    size_t len = strlen(cursor);
    char *copy = malloc(len + 2);
    ck_assert_ptr_nonnull(copy);
    for (size_t n = 0; n < len; n++) {
        memcpy(copy, cursor, n);
        copy[n] = '\0';
        ck_assert_msg(decode_fails(copy), "prefix of %zu characters accepted", n);
        /* without its first n characters */
        ck_assert_msg(decode_fails(cursor + n + 1), "suffix from %zu accepted", n + 1);
    }
    strcpy(copy, cursor);
    strcat(copy, "A");
    ck_assert(decode_fails(copy));
    free(copy);
    free(cursor);
}
END_TEST

START_TEST(signed_garbage_rejected) {
    /* even with a valid signature: the payload must be base64url of JSON */
    const char *payloads[] = {"e30=", "e30", "ab+c", "a$bc", "bm90IGpzb24", ""};
    json_t *out = NULL;
    for (size_t i = 0; i < sizeof(payloads) / sizeof(payloads[0]); i++) {
        char *cursor = forge(payloads[i]);
        int rc = svc_cursor_decode(key, cursor, &out);
        if (strcmp(payloads[i], "e30") == 0) { /* "{}": the control case */
            ck_assert_int_eq(rc, SVC_OK);
            json_decref(out);
        } else {
            ck_assert_msg(rc == SVC_EINVAL, "signed payload %s accepted", payloads[i]);
            ck_assert_ptr_null(out);
        }
        free(cursor);
    }
}
END_TEST

/* A validly signed cursor whose JSON payload is {"k":"xxx..."} of json_len bytes. */
static char *forge_of_json_length(size_t json_len) {
    char *json = malloc(json_len + 1);
    ck_assert_ptr_nonnull(json);
    memcpy(json, "{\"k\":\"", 6);
    memset(json + 6, 'x', json_len - 8);
    memcpy(json + json_len - 2, "\"}", 3);
    char *payload = b64(json);
    char *cursor = forge(payload);
    free(payload);
    free(json);
    return cursor;
}

START_TEST(overly_long_rejected) {
    /* 1503 bytes of JSON: 2004 characters + "." + 43 = 2048, the longest accepted */
    char *cursor = forge_of_json_length(1503);
    ck_assert_uint_eq(strlen(cursor), 2048);
    json_t *out = NULL;
    ck_assert_int_eq(svc_cursor_decode(key, cursor, &out), SVC_OK);
    json_decref(out);
    free(cursor);
    /* one byte more: 2050 characters, refused even though validly signed */
    cursor = forge_of_json_length(1504);
    ck_assert_uint_eq(strlen(cursor), 2050);
    ck_assert(decode_fails(cursor));
    free(cursor);
    cursor = forge_of_json_length(5000);
    ck_assert(decode_fails(cursor));
    free(cursor);
}
END_TEST

START_TEST(encode_refuses_what_decode_would_refuse) {
    char text[1600]; /* 1608 bytes of JSON: 2144 characters */
    memset(text, 'x', sizeof(text) - 1);
    text[sizeof(text) - 1] = '\0';
    json_t *payload = json_pack("{s:s}", "k", text);
    char *cursor = (char *)1;
    ck_assert_int_eq(svc_cursor_encode(key, payload, &cursor), SVC_EINVAL);
    ck_assert_ptr_null(cursor);
    json_decref(payload);
    /* the longest that decodes is still made: {"k":"x..."} of 1503 bytes, 2048 characters */
    text[1495] = '\0';
    payload = json_pack("{s:s}", "k", text);
    ck_assert_int_eq(svc_cursor_encode(key, payload, &cursor), SVC_OK);
    ck_assert_uint_eq(strlen(cursor), 2048);
    json_t *out = NULL;
    ck_assert_int_eq(svc_cursor_decode(key, cursor, &out), SVC_OK);
    ck_assert(json_equal(out, payload));
    json_decref(out);
    json_decref(payload);
    free(cursor);
}
END_TEST

START_TEST(missing_arguments_rejected) {
    json_t *out = NULL;
    char *cursor = NULL;
    json_t *payload = json_object();
    ck_assert(decode_fails(""));
    ck_assert(decode_fails("."));
    ck_assert(decode_fails(NULL));
    ck_assert_int_eq(svc_cursor_decode(NULL, "e30.x", &out), SVC_EINVAL);
    ck_assert_int_eq(svc_cursor_encode(key, NULL, &cursor), SVC_EINVAL);
    ck_assert_ptr_null(cursor);
    ck_assert_int_eq(svc_cursor_encode(NULL, payload, &cursor), SVC_EINVAL);
    ck_assert_int_eq(svc_cursor_encode(key, payload, NULL), SVC_EINVAL);
    json_decref(payload);
}
END_TEST

static Suite *cursor_suite(void) {
    Suite *s = suite_create("cursor");
    TCase *tc = tcase_create("cursor");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, round_trip_keeps_payload);
    tcase_add_test(tc, wire_format_is_payload_dot_hmac);
    tcase_add_test(tc, same_secret_gives_same_key);
    tcase_add_test(tc, key_is_not_the_plain_hash_of_the_secret);
    tcase_add_test(tc, empty_secret_gives_random_keys);
    tcase_add_test(tc, wrong_key_rejected);
    tcase_add_test(tc, every_changed_character_rejected);
    tcase_add_test(tc, tampered_payload_rejected);
    tcase_add_test(tc, tampered_signature_rejected);
    tcase_add_test(tc, non_canonical_signature_encoding_rejected);
    tcase_add_test(tc, dot_tampering_rejected);
    tcase_add_test(tc, truncated_and_extended_rejected);
    tcase_add_test(tc, signed_garbage_rejected);
    tcase_add_test(tc, overly_long_rejected);
    tcase_add_test(tc, encode_refuses_what_decode_would_refuse);
    tcase_add_test(tc, missing_arguments_rejected);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    if (sodium_init() < 0)
        return EXIT_FAILURE;
    SRunner *sr = srunner_create(cursor_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
