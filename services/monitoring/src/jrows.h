/* A streaming reader of the push's JSON body {"observaties": [ {...}, {...} ]}: the outer
 * structure is scanned by hand and each element is parsed on its own (json_loadb with
 * JSON_DISABLE_EOF_CHECK), so memory holds one element's tree, never the whole push's. */
#ifndef MON_JROWS_H
#define MON_JROWS_H

#include <jansson.h>
#include <stddef.h>

enum { MON_JROWS_END = 0, MON_JROWS_ROW = 1, MON_JROWS_ERROR = -1 };

typedef struct mon_jrows {
    const char *data;
    size_t len, pos;
    size_t index; /* 1-based number of the element last read */
    int first;
} mon_jrows;

/* Read up to the first element. MON_JROWS_ERROR with a Dutch message in err (with line and
 * column) when the body is not {"observaties": [...]}. */
int mon_jrows_open(mon_jrows *j, const char *data, size_t len, char *err, size_t errsize);
/* The next element (*out a new reference, any JSON array or object), MON_JROWS_END after the
 * closing "]}" and nothing but white space, or MON_JROWS_ERROR with err set. */
int mon_jrows_next(mon_jrows *j, json_t **out, char *err, size_t errsize);

#endif
