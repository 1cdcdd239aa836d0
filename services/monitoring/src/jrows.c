/* The streaming reader of the push's JSON body (jrows.h). */
#include <stdio.h>
#include <string.h>

#include "jrows.h"

#define ROWS_KEY "observaties"

static void skip_ws(mon_jrows *j) {
    while (j->pos < j->len && strchr(" \t\r\n", j->data[j->pos]) != NULL && j->data[j->pos])
        j->pos++;
}

static void position(const mon_jrows *j, size_t at, size_t *line, size_t *col) {
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < at && i < j->len; i++) {
        if (j->data[i] == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

static int fail(const mon_jrows *j, size_t at, const char *what, char *err, size_t errsize) {
    size_t line, col;
    position(j, at, &line, &col);
    snprintf(err, errsize, "Ongeldige JSON op regel %zu, kolom %zu: %s", line, col, what);
    return MON_JROWS_ERROR;
}

static int expect(mon_jrows *j, char c, const char *what, char *err, size_t errsize) {
    skip_ws(j);
    if (j->pos >= j->len || j->data[j->pos] != c)
        return fail(j, j->pos, what, err, errsize);
    j->pos++;
    return 0;
}

int mon_jrows_open(mon_jrows *j, const char *data, size_t len, char *err, size_t errsize) {
    memset(j, 0, sizeof(*j));
    j->data = data ? data : "";
    j->len = data ? len : 0;
    j->first = 1;
    const char *shape = "verwacht {\"" ROWS_KEY "\": [...]}.";
    if (expect(j, '{', shape, err, errsize) || expect(j, '"', shape, err, errsize))
        return MON_JROWS_ERROR;
    size_t key_len = strlen(ROWS_KEY);
    if (j->len - j->pos < key_len + 1 || memcmp(j->data + j->pos, ROWS_KEY, key_len) != 0 ||
        j->data[j->pos + key_len] != '"')
        return fail(j, j->pos, "het enige veld is \"" ROWS_KEY "\".", err, errsize);
    j->pos += key_len + 1;
    if (expect(j, ':', shape, err, errsize) || expect(j, '[', shape, err, errsize))
        return MON_JROWS_ERROR;
    return 0;
}

static int close_body(mon_jrows *j, char *err, size_t errsize) {
    if (expect(j, '}', "verwacht } na de lijst.", err, errsize))
        return MON_JROWS_ERROR;
    skip_ws(j);
    if (j->pos != j->len)
        return fail(j, j->pos, "tekst na het einde.", err, errsize);
    return MON_JROWS_END;
}

int mon_jrows_next(mon_jrows *j, json_t **out, char *err, size_t errsize) {
    *out = NULL;
    skip_ws(j);
    if (j->pos < j->len && j->data[j->pos] == ']') {
        j->pos++;
        return close_body(j, err, errsize);
    }
    if (!j->first && expect(j, ',', "verwacht , of ].", err, errsize))
        return MON_JROWS_ERROR;
    skip_ws(j);
    if (j->pos >= j->len || (j->data[j->pos] != '{' && j->data[j->pos] != '['))
        return fail(j, j->pos, "elk element van de lijst moet een object zijn.", err, errsize);
    json_error_t e;
    json_t *v = json_loadb(j->data + j->pos, j->len - j->pos,
                           JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &e);
    if (v == NULL)
        return fail(j, j->pos + (size_t)(e.position > 0 ? e.position - 1 : 0), e.text, err,
                    errsize);
    j->pos += (size_t)e.position;
    j->first = 0;
    j->index++;
    *out = v;
    return MON_JROWS_ROW;
}
