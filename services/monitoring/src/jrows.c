/* The streaming reader of the push's JSON body (jrows.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrows.h"

#define ROWS_KEY "observaties"
#define SHAPE    "verwacht {\"" ROWS_KEY "\": [...]}."

enum {
    J_OPEN,       /* before '{' */
    J_KEY_QUOTE,  /* before the member name's '"' */
    J_KEY,        /* in the member name */
    J_COLON,      /* before ':' */
    J_LIST,       /* before '[' */
    J_FIRST,      /* before the first element or ']' */
    J_NEXT,       /* before ',' or ']' */
    J_ELEMENT,    /* before an element (after a ',') */
    J_IN_ELEMENT, /* collecting an element */
    J_CLOSE,      /* before the final '}' */
    J_TAIL,       /* after it: white space only */
    J_FAILED
};

static int is_ws(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int fail_at(mon_jrows *j, size_t line, size_t col, const char *what, char *err,
                   size_t errsize) {
    snprintf(err, errsize, "Ongeldige JSON op regel %zu, kolom %zu: %s", line, col, what);
    j->state = J_FAILED;
    return MON_JROWS_ERROR;
}

static int fail(mon_jrows *j, const char *what, char *err, size_t errsize) {
    return fail_at(j, j->line, j->col, what, err, errsize);
}

void mon_jrows_init(mon_jrows *j) {
    memset(j, 0, sizeof(*j));
    j->line = 1;
    j->col = 1;
}

void mon_jrows_free(mon_jrows *j) {
    free(j->elem);
    j->elem = NULL;
}

static int elem_add(mon_jrows *j, char c) {
    if (j->elem_len == j->elem_cap) {
        size_t cap = j->elem_cap ? j->elem_cap * 2 : 256;
        char *grown = realloc(j->elem, cap);
        if (grown == NULL)
            return -1;
        j->elem = grown;
        j->elem_cap = cap;
    }
    j->elem[j->elem_len++] = c;
    return 0;
}

/* Line and column of byte `at` of the element, for jansson's error position. */
static void elem_position(const mon_jrows *j, size_t at, size_t *line, size_t *col) {
    *line = j->elem_line;
    *col = j->elem_col;
    for (size_t i = 0; i < at && i < j->elem_len; i++) {
        if (j->elem[i] == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

/* The element is complete: parse it and hand it over. */
static int elem_done(mon_jrows *j, mon_jrows_fn fn, void *ctx, char *err, size_t errsize) {
    json_error_t e;
    json_t *v = json_loadb(j->elem, j->elem_len, JSON_REJECT_DUPLICATES, &e);
    if (v == NULL) {
        size_t line, col;
        elem_position(j, (size_t)(e.position > 0 ? e.position - 1 : 0), &line, &col);
        return fail_at(j, line, col, e.text, err, errsize);
    }
    j->elem_len = 0;
    j->state = J_NEXT;
    int stop = fn(ctx, v) != 0;
    json_decref(v);
    return stop ? MON_JROWS_STOPPED : MON_JROWS_OK;
}

/* One byte inside an element: strings are skipped over, brackets counted. */
static int in_element(mon_jrows *j, char c, mon_jrows_fn fn, void *ctx, char *err, size_t errsize) {
    if (j->elem_len >= MON_JROWS_MAX_ELEMENT)
        return fail_at(j, j->elem_line, j->elem_col,
                       "een element van de lijst is groter dan 64 KiB.", err, errsize);
    if (elem_add(j, c) != 0)
        return fail(j, "onvoldoende geheugen.", err, errsize);
    if (j->in_string) {
        if (j->escaped)
            j->escaped = 0;
        else if (c == '\\')
            j->escaped = 1;
        else if (c == '"')
            j->in_string = 0;
        return MON_JROWS_OK;
    }
    if (c == '"')
        j->in_string = 1;
    else if (c == '{' || c == '[')
        j->depth++;
    else if ((c == '}' || c == ']') && --j->depth == 0)
        return elem_done(j, fn, ctx, err, errsize);
    return MON_JROWS_OK;
}

static int start_element(mon_jrows *j, char c, char *err, size_t errsize) {
    if (c != '{' && c != '[')
        return fail(j, "elk element van de lijst moet een object zijn.", err, errsize);
    j->state = J_IN_ELEMENT;
    j->elem_len = 0;
    j->elem_line = j->line;
    j->elem_col = j->col;
    j->depth = 1;
    j->in_string = 0;
    j->escaped = 0;
    return elem_add(j, c) == 0 ? MON_JROWS_OK : fail(j, "onvoldoende geheugen.", err, errsize);
}

/* One byte of the outer structure. */
static int outer(mon_jrows *j, char c, char *err, size_t errsize) {
    if (j->state == J_KEY) {
        if (j->key_len < sizeof(ROWS_KEY) - 1 && c == ROWS_KEY[j->key_len]) {
            j->key_len++;
            return MON_JROWS_OK;
        }
        if (j->key_len == sizeof(ROWS_KEY) - 1 && c == '"') {
            j->state = J_COLON;
            return MON_JROWS_OK;
        }
        return fail(j, "het enige veld is \"" ROWS_KEY "\".", err, errsize);
    }
    if (is_ws(c))
        return MON_JROWS_OK;
    switch (j->state) {
    case J_OPEN:
        return c == '{' ? (j->state = J_KEY_QUOTE, 0) : fail(j, SHAPE, err, errsize);
    case J_KEY_QUOTE:
        return c == '"' ? (j->state = J_KEY, 0) : fail(j, SHAPE, err, errsize);
    case J_COLON:
        return c == ':' ? (j->state = J_LIST, 0) : fail(j, SHAPE, err, errsize);
    case J_LIST:
        return c == '[' ? (j->state = J_FIRST, 0) : fail(j, SHAPE, err, errsize);
    case J_FIRST:
        if (c == ']')
            return j->state = J_CLOSE, 0;
        return start_element(j, c, err, errsize);
    case J_NEXT:
        if (c == ']')
            return j->state = J_CLOSE, 0;
        return c == ',' ? (j->state = J_ELEMENT, 0) : fail(j, "verwacht , of ].", err, errsize);
    case J_ELEMENT:
        return start_element(j, c, err, errsize);
    case J_CLOSE:
        return c == '}' ? (j->state = J_TAIL, 0) : fail(j, "verwacht } na de lijst.", err, errsize);
    default:
        return fail(j, "tekst na het einde.", err, errsize);
    }
}

int mon_jrows_feed(mon_jrows *j, const char *data, size_t n, mon_jrows_fn fn, void *ctx, char *err,
                   size_t errsize) {
    if (j->state == J_FAILED)
        return MON_JROWS_ERROR;
    for (size_t i = 0; i < n; i++) {
        char c = data[i];
        int rc = j->state == J_IN_ELEMENT ? in_element(j, c, fn, ctx, err, errsize)
                                          : outer(j, c, err, errsize);
        if (c == '\n') {
            j->line++;
            j->col = 1;
        } else {
            j->col++;
        }
        if (rc != MON_JROWS_OK)
            return rc;
    }
    return MON_JROWS_OK;
}

int mon_jrows_finish(mon_jrows *j, char *err, size_t errsize) {
    if (j->state == J_FAILED)
        return MON_JROWS_ERROR;
    if (j->state == J_TAIL)
        return MON_JROWS_OK;
    return fail(j,
                j->state == J_OPEN ? "de inhoud is leeg."
                : j->state >= J_FIRST && j->state <= J_IN_ELEMENT
                    ? "de lijst is niet afgesloten met ]."
                    : SHAPE,
                err, errsize);
}
