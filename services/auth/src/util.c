/* Small pure helpers of the auth service. */
#include "util.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "svc/error.h"

int auth_random_token(size_t nbytes, char **out) {
    const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    unsigned char bytes[64];
    if (nbytes == 0 || nbytes > sizeof(bytes))
        return SVC_EINVAL;
    size_t size = sodium_base64_ENCODED_LEN(nbytes, variant);
    char *text = malloc(size);
    if (text == NULL)
        return SVC_ENOMEM;
    randombytes_buf(bytes, nbytes);
    sodium_bin2base64(text, size, bytes, nbytes, variant);
    sodium_memzero(bytes, sizeof(bytes));
    *out = text;
    return SVC_OK;
}

void auth_sha256_hex(const char *text, char out[AUTH_SHA256_HEX]) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)text, strlen(text));
    sodium_bin2hex(out, AUTH_SHA256_HEX, digest, sizeof(digest));
}

int auth_digest_equal(const char *a, const char *b) {
    if (a == NULL || b == NULL || strlen(a) != AUTH_SHA256_HEX - 1 ||
        strlen(b) != AUTH_SHA256_HEX - 1)
        return 0;
    return sodium_memcmp(a, b, AUTH_SHA256_HEX - 1) == 0;
}

int auth_lower(const char *text, char **out) {
    char *copy = strdup(text);
    if (copy == NULL)
        return SVC_ENOMEM;
    for (char *p = copy; *p; p++) {
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    }
    *out = copy;
    return SVC_OK;
}

int auth_name_valid(const char *text) {
    size_t len = text ? strlen(text) : 0;
    if (len < 3 || len > 64)
        return 0;
    for (const char *p = text; *p; p++) {
        int ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
                 *p == '-';
        if (!ok)
            return 0;
    }
    return 1;
}

int auth_email_valid(const char *text) {
    const char *at = text ? strchr(text, '@') : NULL;
    if (at == NULL || at == text || at[1] == '\0' || strchr(at + 1, '@') != NULL)
        return 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p <= ' ' || *p == 0x7f)
            return 0;
    }
    return 1;
}

int auth_gemeente_valid(const char *text) {
    if (text == NULL || strlen(text) != 6 || strncmp(text, "GM", 2) != 0)
        return 0;
    for (int i = 2; i < 6; i++) {
        if (text[i] < '0' || text[i] > '9')
            return 0;
    }
    return 1;
}

/* A first mistake costs nothing; each further failure 250 ms more, at most 3 s. */
unsigned int auth_failure_delay_ms(long failures) {
    if (failures <= 1)
        return 0;
    if (failures >= 13)
        return 3000;
    return (unsigned int)(failures - 1) * 250u;
}

int auth_split_list(const char *text, json_t **out) {
    json_t *list = json_array();
    char *copy = strdup(text ? text : "");
    int rc = (list && copy) ? SVC_OK : SVC_ENOMEM;
    char *save = NULL;
    for (char *item = rc ? NULL : strtok_r(copy, ",", &save); item;
         item = strtok_r(NULL, ",", &save)) {
        while (*item == ' ' || *item == '\t')
            item++;
        size_t len = strlen(item);
        while (len > 0 && (item[len - 1] == ' ' || item[len - 1] == '\t'))
            item[--len] = '\0';
        if (len > 0 && json_array_append_new(list, json_string(item)) != 0)
            rc = SVC_EINVAL; /* not UTF-8 */
    }
    free(copy);
    if (rc != SVC_OK) {
        json_decref(list);
        return rc;
    }
    *out = list;
    return SVC_OK;
}
