/* The row checks of the push (rowcheck.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rowcheck.h"
#include "util.h"

#define MAX_PROBLEMS 8

typedef struct problem {
    const char *field, *code;
    char reason[160];
} problem;

typedef struct found {
    problem p[MAX_PROBLEMS];
    int n;
} found;

/* A problem; with arg, its reason is text, arg and a full stop. */
static void add(found *f, const char *field, const char *code, const char *text, const char *arg) {
    if (f->n >= MAX_PROBLEMS)
        return;
    problem *p = &f->p[f->n++];
    p->field = field;
    p->code = code;
    if (arg != NULL)
        snprintf(p->reason, sizeof(p->reason), "%s%s.", text, arg);
    else
        snprintf(p->reason, sizeof(p->reason), "%s", text);
}

int mon_is_decimal(const char *s, size_t n) {
    size_t i = 0, digits = 0;
    if (i < n && s[i] == '-')
        i++;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++, digits++;
    if (digits < 1 || digits > 15)
        return 0;
    if (i == n)
        return 1;
    if (s[i++] != '.')
        return 0;
    size_t frac = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++, frac++;
    return i == n && frac >= 1 && frac <= 10;
}

int mon_period_fits(const char *s, size_t n, char frequency) {
    char text[8];
    if (n != 4 && n != 7)
        return 0;
    memcpy(text, s, n);
    text[n] = '\0';
    if (!mon_is_period(text))
        return 0;
    switch (frequency) {
    case 'y':
        return n == 4;
    case 'q':
        return n == 7 && text[5] == 'Q';
    case 'm':
        return n == 7 && text[5] != 'Q';
    default:
        return 0;
    }
}

/* A value as a C string for messages and strtod, cut to fit. */
static const char *text_of(const mon_raw_row *r, int col, char *buf, size_t size) {
    size_t n = r->v[col] ? r->n[col] : 0;
    if (n >= size)
        n = size - 1;
    memcpy(buf, r->v[col] ? r->v[col] : "", n);
    buf[n] = '\0';
    return buf;
}

static size_t len_of(const mon_raw_row *r, int col) {
    return r->v[col] ? r->n[col] : 0;
}

static int memo_hit(const mon_check_memo *m, const char *code, size_t n) {
    return m->n != 0 && m->n == n && memcmp(m->code, code, n) == 0;
}

/* Keeps a found code (a code that is not found is rejected, and not worth remembering). */
static void memo_keep(mon_check_memo *m, const char *code, size_t n, const mon_ind *ind,
                      long area) {
    if (n == 0 || n > sizeof(m->code))
        return;
    memcpy(m->code, code, n);
    m->n = n;
    m->ind = ind;
    m->area = area;
}

/* A push is usually sorted by indicator and area, so the last match is tried before the
 * binary search (which was a tenth of a push's CPU time with thousands of areas). */
static const mon_ind *find_indicator(mon_check *c, const char *code, size_t n) {
    if (memo_hit(&c->last_ind, code, n))
        return c->last_ind.ind;
    const mon_ind *ind = mon_catalog_indicator(c->catalog, code, n);
    if (ind != NULL)
        memo_keep(&c->last_ind, code, n, ind, 0);
    return ind;
}

static long find_area(mon_check *c, const char *code, size_t n) {
    if (memo_hit(&c->last_area, code, n))
        return c->last_area.area;
    long id = mon_catalog_area(c->catalog, code, n);
    if (id != 0)
        memo_keep(&c->last_area, code, n, NULL, id);
    return id;
}

static void check_keys(mon_check *c, const mon_raw_row *r, found *f, const mon_ind **ind,
                       long *area) {
    char buf[64];
    *ind = NULL;
    *area = 0;
    if (len_of(r, MON_COL_INDICATOR) == 0)
        add(f, "indicator", "required", "Ontbreekt.", NULL);
    else if ((*ind = find_indicator(c, r->v[MON_COL_INDICATOR], r->n[MON_COL_INDICATOR])) == NULL)
        add(f, "indicator", "unknown",
            "Onbekende indicator: ", text_of(r, MON_COL_INDICATOR, buf, sizeof(buf)));
    if (len_of(r, MON_COL_AREA) == 0)
        add(f, "gebied", "required", "Ontbreekt.", NULL);
    else if ((*area = find_area(c, r->v[MON_COL_AREA], r->n[MON_COL_AREA])) == 0)
        add(f, "gebied", "unknown",
            "Onbekend gebied: ", text_of(r, MON_COL_AREA, buf, sizeof(buf)));
    if (len_of(r, MON_COL_PERIOD) == 0) {
        add(f, "periode", "required", "Ontbreekt.", NULL);
    } else if (*ind != NULL &&
               !mon_period_fits(r->v[MON_COL_PERIOD], r->n[MON_COL_PERIOD], (*ind)->frequency)) {
        const char *example = (*ind)->frequency == 'y'   ? "2024"
                              : (*ind)->frequency == 'q' ? "2024-Q1"
                                                         : "2024-03";
        char reason[120];
        snprintf(reason, sizeof(reason),
                 "Past niet bij de frequentie %s van de indicator (verwacht %s).",
                 (*ind)->frequency_name, example);
        add(f, "periode", "format", reason, NULL);
    }
}

static void check_numbers(const mon_raw_row *r, const mon_ind *ind, found *f) {
    char num[40], den[40];
    size_t nv = len_of(r, MON_COL_VALUE), nn = len_of(r, MON_COL_NUMERATOR),
           nd = len_of(r, MON_COL_DENOMINATOR);
    if (nv == 0)
        add(f, "waarde", "required", "Ontbreekt.", NULL);
    else if (!mon_is_decimal(r->v[MON_COL_VALUE], nv))
        add(f, "waarde", "type",
            "Moet een getal zijn (punt als decimaalteken, hoogstens 15 cijfers voor en 10 na de "
            "punt).",
            NULL);
    int num_ok = nn > 0 && mon_is_decimal(r->v[MON_COL_NUMERATOR], nn);
    int den_ok = nd > 0 && mon_is_decimal(r->v[MON_COL_DENOMINATOR], nd);
    if (nn > 0 && !num_ok)
        add(f, "teller", "type", "Moet een getal zijn.", NULL);
    if (nd > 0 && !den_ok)
        add(f, "noemer", "type", "Moet een getal zijn.", NULL);
    if ((nn == 0) != (nd == 0))
        add(f, nn == 0 ? "teller" : "noemer", "required",
            "Teller en noemer gaan samen: geef beide of geen van beide.", NULL);
    if (ind != NULL && ind->ratio && nn == 0 && nd == 0)
        add(f, "teller", "required",
            "Deze indicator vormt de regionale waarde uit tellers en noemers: geef teller en "
            "noemer.",
            NULL);
    double n = num_ok ? strtod(text_of(r, MON_COL_NUMERATOR, num, sizeof(num)), NULL) : 0;
    double d = den_ok ? strtod(text_of(r, MON_COL_DENOMINATOR, den, sizeof(den)), NULL) : 0;
    if (den_ok && d <= 0)
        add(f, "noemer", "range", "Moet groter dan 0 zijn.", NULL);
    if (num_ok && n < 0)
        add(f, "teller", "range", "Mag niet negatief zijn.", NULL);
    if (ind != NULL && ind->share && num_ok && den_ok && d > 0 && n > d)
        add(f, "teller", "range", "De teller is groter dan de noemer.", NULL);
}

static void check_status(const mon_raw_row *r, found *f) {
    size_t n = len_of(r, MON_COL_STATUS);
    const char *s = r->v[MON_COL_STATUS];
    if (n > 0 && !(n == 9 && memcmp(s, "voorlopig", 9) == 0) &&
        !(n == 10 && memcmp(s, "definitief", 10) == 0))
        add(f, "status", "enum", "Moet voorlopig of definitief zijn.", NULL);
}

static void put_int(mon_copyout *o, long long v) {
    mon_copyout_int(o, v, 0);
}

static void put_text(mon_copyout *o, const char *s, size_t n, int last) {
    mon_copyout_field(o, s, n, last);
}

static void emit_problems(mon_check *c, const mon_raw_row *r, const found *f) {
    for (int i = 0; i < f->n; i++) {
        put_int(c->out, (long long)r->number);
        if (r->line > 0)
            put_int(c->out, (long long)r->line);
        else
            put_text(c->out, NULL, 0, 0);
        put_int(c->out, i + 1);
        put_text(c->out, "t", 1, 0);
        for (int k = 0; k < 7; k++)
            put_text(c->out, NULL, 0, 0);
        put_text(c->out, f->p[i].field, strlen(f->p[i].field), 0);
        put_text(c->out, f->p[i].code, strlen(f->p[i].code), 0);
        put_text(c->out, f->p[i].reason, strlen(f->p[i].reason), 1);
    }
    c->rejected++;
}

static void emit_row(mon_check *c, const mon_raw_row *r, long indicator, long area) {
    put_int(c->out, (long long)r->number);
    if (r->line > 0)
        put_int(c->out, (long long)r->line);
    else
        put_text(c->out, NULL, 0, 0);
    put_int(c->out, 0);
    put_text(c->out, "f", 1, 0);
    put_int(c->out, indicator);
    put_int(c->out, area);
    put_text(c->out, r->v[MON_COL_PERIOD], r->n[MON_COL_PERIOD], 0);
    put_text(c->out, r->v[MON_COL_VALUE], r->n[MON_COL_VALUE], 0);
    for (int col = MON_COL_NUMERATOR; col <= MON_COL_DENOMINATOR; col++)
        put_text(c->out, len_of(r, col) ? r->v[col] : NULL, len_of(r, col), 0);
    if (len_of(r, MON_COL_STATUS))
        put_text(c->out, r->v[MON_COL_STATUS], r->n[MON_COL_STATUS], 0);
    else
        put_text(c->out, "definitief", 10, 0);
    put_text(c->out, NULL, 0, 0);
    put_text(c->out, NULL, 0, 0);
    put_text(c->out, NULL, 0, 1);
}

int mon_check_row(void *ctx, const mon_raw_row *r) {
    mon_check *c = ctx;
    found f = {.n = 0};
    const mon_ind *ind = NULL;
    long area = 0;
    uint64_t hash = 0;
    c->rows++;
    if (r->err_code != NULL) {
        add(&f, r->err_field, r->err_code, r->err_reason, NULL);
    } else {
        check_keys(c, r, &f, &ind, &area);
        if (f.n == 0) {
            hash = mon_dedupe_hash(ind->id, area, r->v[MON_COL_PERIOD], r->n[MON_COL_PERIOD]);
            mon_dedupe_prefetch(&c->dedupe, hash);
        }
        check_numbers(r, ind, &f);
        check_status(r, &f);
    }
    if (f.n == 0) {
        long first = mon_dedupe_add_hash(&c->dedupe, hash, (uint32_t)r->number);
        if (first == MON_DEDUPE_FULL) {
            c->unchecked++; /* its duplicates are found after the COPY */
            first = 0;
        } else if (first < 0) {
            return -1;
        }
        if (first > 0) {
            char reason[120];
            snprintf(reason, sizeof(reason),
                     "Dezelfde indicator, hetzelfde gebied en dezelfde periode als rij %ld.",
                     first);
            add(&f, "periode", "duplicate", reason, NULL);
        }
    }
    if (f.n > 0)
        emit_problems(c, r, &f);
    else
        emit_row(c, r, ind->id, area);
    return c->out->failed ? -1 : 0;
}

int mon_check_init(mon_check *c, const mon_catalog *catalog, mon_copyout *out, size_t expected,
                   size_t max_keys) {
    memset(c, 0, sizeof(*c));
    c->catalog = catalog;
    c->out = out;
    return mon_dedupe_init(&c->dedupe, expected, max_keys);
}

void mon_check_free(mon_check *c) {
    mon_dedupe_free(&c->dedupe);
}
