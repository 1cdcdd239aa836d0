/* COPY text-format rows, buffered (copyout.h). */
#include "copyout.h"

#define MAX_FIELD 1024

void mon_copyout_init(mon_copyout *c, mon_copy_sink sink, void *sink_ctx) {
    c->sink = sink;
    c->sink_ctx = sink_ctx;
    c->len = 0;
    c->failed = 0;
}

int mon_copyout_flush(mon_copyout *c) {
    if (!c->failed && c->len > 0 && c->sink(c->sink_ctx, c->buf, c->len) != 0)
        c->failed = 1;
    c->len = 0;
    return c->failed ? -1 : 0;
}

/* Room for the worst case of one field (every byte escaped) and its delimiter. */
static void reserve(mon_copyout *c) {
    if (c->len > MON_COPY_CHUNK)
        mon_copyout_flush(c);
}

void mon_copyout_field(mon_copyout *c, const char *s, size_t n, int last) {
    reserve(c);
    char *out = c->buf + c->len;
    if (s == NULL) {
        *out++ = '\\';
        *out++ = 'N';
    } else {
        if (n > MAX_FIELD)
            n = MAX_FIELD;
        for (size_t i = 0; i < n; i++) {
            char ch = s[i];
            const char *esc = ch == '\\'   ? "\\\\"
                              : ch == '\t' ? "\\t"
                              : ch == '\n' ? "\\n"
                              : ch == '\r' ? "\\r"
                                           : NULL;
            if (esc != NULL) {
                *out++ = esc[0];
                *out++ = esc[1];
            } else {
                *out++ = ch;
            }
        }
    }
    *out++ = last ? '\n' : '\t';
    c->len = (size_t)(out - c->buf);
}

/* Decimal digits by hand: five integers a row, and snprintf was a quarter of a push's CPU time. */
void mon_copyout_int(mon_copyout *c, long long v, int last) {
    char text[24];
    char *end = text + sizeof(text), *p = end;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0)
        *--p = '-';
    mon_copyout_field(c, p, (size_t)(end - p), last);
}
