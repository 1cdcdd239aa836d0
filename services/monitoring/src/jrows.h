/* A streaming reader of the push's JSON body {"observaties": [ {...}, {...} ]}, fed in pieces
 * as they arrive: the outer structure is scanned byte by byte, each element is collected on its
 * own (at most MON_JROWS_MAX_ELEMENT bytes) and parsed with json_loadb, so memory holds one
 * element, never the whole push. */
#ifndef MON_JROWS_H
#define MON_JROWS_H

#include <jansson.h>
#include <stddef.h>

#define MON_JROWS_MAX_ELEMENT 65536

enum { MON_JROWS_OK = 0, MON_JROWS_ERROR = -1, MON_JROWS_STOPPED = -2 };

/* Receives each element (borrowed: any JSON array or object); 0 to go on, -1 to stop. */
typedef int (*mon_jrows_fn)(void *ctx, json_t *element);

typedef struct mon_jrows {
    int state;
    size_t line, col; /* of the next byte, 1-based */
    size_t key_len;   /* bytes of the member name matched so far */
    char *elem;       /* the element being collected */
    size_t elem_len, elem_cap;
    size_t elem_line, elem_col; /* where it started */
    int depth, in_string, escaped;
} mon_jrows;

void mon_jrows_init(mon_jrows *j);
void mon_jrows_free(mon_jrows *j);
/* The next piece of the body. MON_JROWS_ERROR with a Dutch message in err (with line and column)
 * when the body is not {"observaties": [...]}; MON_JROWS_STOPPED when fn stopped. */
int mon_jrows_feed(mon_jrows *j, const char *data, size_t n, mon_jrows_fn fn, void *ctx, char *err,
                   size_t errsize);
/* The body has ended: MON_JROWS_ERROR unless the closing "]}" came. */
int mon_jrows_finish(mon_jrows *j, char *err, size_t errsize);

#endif
