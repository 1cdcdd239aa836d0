/* OAuth2 client authentication with HTTP Basic. */
#include "basic.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "svc/error.h"

#define MAX_CREDENTIALS 1024 /* decoded "id:secret"; real ones are far below */

static int hex_digit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int auth_form_decode(const char *text, size_t len, char **out) {
    char *buf = malloc(len + 1);
    size_t n = 0;
    if (buf == NULL)
        return SVC_ENOMEM;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '%') {
            int hi = i + 2 < len ? hex_digit(text[i + 1]) : -1;
            int lo = hi < 0 ? -1 : hex_digit(text[i + 2]);
            if (lo < 0 || (hi == 0 && lo == 0)) {
                free(buf);
                return SVC_EINVAL;
            }
            c = (char)(hi * 16 + lo);
            i += 2;
        } else if (c == '+') {
            c = ' ';
        } else if (c == '\0') {
            free(buf);
            return SVC_EINVAL;
        }
        buf[n++] = c;
    }
    buf[n] = '\0';
    *out = buf;
    return SVC_OK;
}

int auth_basic_is_basic(const char *header) {
    return header != NULL && strncasecmp(header, "Basic", 5) == 0 &&
           (header[5] == ' ' || header[5] == '\0');
}

/* Decode the base64 credentials into buf (NUL-terminated); -1 when malformed. */
static int decode_base64(const char *b64, char *buf, size_t size) {
    size_t n = 0;
    const char *end = NULL;
    if (sodium_base642bin((unsigned char *)buf, size - 1, b64, strlen(b64), NULL, &n, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        *end != '\0')
        return -1;
    buf[n] = '\0';
    return memchr(buf, '\0', n) == NULL ? 0 : -1;
}

int auth_basic_parse(const char *header, char **id, char **secret) {
    char buf[MAX_CREDENTIALS];
    if (!auth_basic_is_basic(header))
        return SVC_EINVAL;
    const char *b64 = header + 5;
    while (*b64 == ' ')
        b64++;
    if (decode_base64(b64, buf, sizeof(buf)) != 0)
        return SVC_EINVAL;
    char *colon = strchr(buf, ':');
    if (colon == NULL || colon == buf) {
        sodium_memzero(buf, sizeof(buf));
        return SVC_EINVAL;
    }
    int rc = auth_form_decode(buf, (size_t)(colon - buf), id);
    if (rc == SVC_OK) {
        rc = auth_form_decode(colon + 1, strlen(colon + 1), secret);
        if (rc != SVC_OK || (*id)[0] == '\0') {
            if (rc == SVC_OK)
                free(*secret);
            free(*id);
            *id = *secret = NULL;
            rc = SVC_EINVAL;
        }
    }
    sodium_memzero(buf, sizeof(buf));
    return rc;
}
