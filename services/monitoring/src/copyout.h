/* Rows for COPY ... FROM STDIN (text format), buffered and sent in chunks of 256 KiB, so a push
 * of any size goes to PostgreSQL with flat memory. The sink is a function so that the unit tests
 * can capture the stream. */
#ifndef MON_COPYOUT_H
#define MON_COPYOUT_H

#include <stddef.h>

#define MON_COPY_CHUNK (256 * 1024)

/* Send n bytes; returns 0 or -1. */
typedef int (*mon_copy_sink)(void *sink_ctx, const char *data, size_t n);

typedef struct mon_copyout {
    mon_copy_sink sink;
    void *sink_ctx;
    size_t len;
    int failed;
    char buf[MON_COPY_CHUNK + 8192];
} mon_copyout;

void mon_copyout_init(mon_copyout *c, mon_copy_sink sink, void *sink_ctx);
/* Append one field (NULL: SQL NULL); last ends the row. Text is escaped for COPY's text format
 * (backslash, tab, line feed, carriage return). A field longer than 1024 bytes is cut: no field
 * of the push is that long, and validation rejects it anyway. */
void mon_copyout_field(mon_copyout *c, const char *s, size_t n, int last);
void mon_copyout_int(mon_copyout *c, long long v, int last);
/* Send what is buffered; 0 or -1 (also when an earlier send failed). */
int mon_copyout_flush(mon_copyout *c);

#endif
