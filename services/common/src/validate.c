/* Declarative JSON input validation: every problem of the input, with Dutch reasons. */
#include "svc/validate.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Names echo user input (unknown keys), so they are bounded; reasons too (svc_errors_add keeps
 * 512 bytes), which is why an enum's list of values is cut before that. */
#define NAME_SIZE      256
#define REASON_SIZE    512
#define ENUM_LIST_SIZE 400

/* One validation run: where problems go and how many were added. */
typedef struct checker {
    svc_errors *errs;
    int count;
} checker;

static void problem(checker *c, const char *name, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void problem(checker *c, const char *name, const char *code, const char *fmt, ...) {
    char reason[REASON_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof(reason), fmt, ap);
    va_end(ap);
    c->count++;
    if (c->errs != NULL)
        svc_errors_add(c->errs, name, code, "%s", reason);
}

/* ---- UTF-8 ---- */

size_t svc_utf8_length(const char *text) {
    size_t n = 0;
    if (text == NULL)
        return 0;
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++)
        if ((*p & 0xC0) != 0x80) /* every code point has exactly one non-continuation byte */
            n++;
    return n;
}

/* Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) and
 * no NUL. */
int svc_utf8_valid(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned char c = *p;
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (c == 0 || len == 0 || (size_t)(end - p) < len)
            return 0;
        for (size_t i = 1; i < len; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return 0;
        }
        if ((len == 2 && c < 0xC2) || (len == 3 && c == 0xE0 && p[1] < 0xA0) ||
            (len == 3 && c == 0xED && p[1] >= 0xA0) || (len == 4 && c == 0xF0 && p[1] < 0x90) ||
            (len == 4 && (c > 0xF4 || (c == 0xF4 && p[1] >= 0x90))))
            return 0;
        p += len;
    }
    return 1;
}

/* Bytes of the UTF-8 sequence that starts with lead (1 for anything unexpected). */
static size_t utf8_sequence_length(unsigned char lead) {
    if (lead >= 0xF0)
        return 4;
    if (lead >= 0xE0)
        return 3;
    if (lead >= 0xC0)
        return 2;
    return 1;
}

/* snprintf may cut a multi-byte character in two; drop the incomplete tail so that a name built
 * from a user's key stays valid UTF-8. */
static void utf8_trim_tail(char *text) {
    size_t len = strlen(text);
    size_t start = len;
    while (start > 0 && ((unsigned char)text[start - 1] & 0xC0) == 0x80)
        start--;
    if (start == 0)
        return;
    start--; /* the byte that begins the last sequence */
    if (len - start < utf8_sequence_length((unsigned char)text[start]))
        text[start] = '\0';
}

/* ---- names ---- */

/* "prefix.name", "name[index]" or "prefix.name[index]" (index < 0: none). */
static void field_name(char *buf, const char *prefix, const char *name, long index) {
    int n;
    const char *dot = prefix != NULL ? "." : "";
    if (prefix == NULL)
        prefix = "";
    if (index >= 0)
        n = snprintf(buf, NAME_SIZE, "%s%s%s[%ld]", prefix, dot, name, index);
    else
        n = snprintf(buf, NAME_SIZE, "%s%s%s", prefix, dot, name);
    if (n >= NAME_SIZE)
        utf8_trim_tail(buf);
}

/* ---- dates and times ---- */

/* Exactly n ASCII digits as a number, or -1. */
static int parse_digits(const char *s, int n) {
    int value = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

static int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

/* "YYYY-MM-DD" at the start of text. Year 0000 is refused: PostgreSQL has no year 0. */
static int parse_date(const char *text) {
    int year = parse_digits(text, 4);
    if (year < 1 || text[4] != '-' || text[7] != '-')
        return 0;
    int month = parse_digits(text + 5, 2);
    int day = parse_digits(text + 8, 2);
    return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

int svc_is_uuid(const char *text) {
    static const char layout[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
    if (text == NULL || strlen(text) != sizeof(layout) - 1)
        return 0;
    for (size_t i = 0; layout[i] != '\0'; i++) {
        char c = text[i];
        int hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (layout[i] == '-' ? c != '-' : !hex)
            return 0;
    }
    return 1;
}

int svc_is_date(const char *text) {
    return text != NULL && strnlen(text, 11) == 10 && parse_date(text);
}

/* "HH:MM" (the separator included) into minutes, or -1. */
static int parse_hour_minute(const char *s, int max_hour) {
    int hour = parse_digits(s, 2);
    int minute = parse_digits(s + 3, 2);
    if (hour < 0 || hour > max_hour || s[2] != ':' || minute < 0 || minute > 59)
        return -1;
    return hour * 60 + minute;
}

/* The time zone at s: "Z" or "+HH:MM" / "-HH:MM", the whole rest of the text. *offset gets the
 * offset in minutes. Hours stop at 15: PostgreSQL refuses larger offsets (real ones span
 * -12:00..+14:00). */
static int parse_zone(const char *s, int *offset) {
    if ((s[0] == 'Z' || s[0] == 'z') && s[1] == '\0') {
        *offset = 0;
        return 1;
    }
    if ((s[0] != '+' && s[0] != '-') || strnlen(s, 7) != 6)
        return 0;
    int minutes = parse_hour_minute(s + 1, 15);
    if (minutes < 0)
        return 0;
    *offset = s[0] == '-' ? -minutes : minutes;
    return 1;
}

/* RFC 3339 date-time: full-date "T" HH:MM:SS [.fraction] ("Z" / offset); "t" and "z" are also
 * allowed (RFC 3339 5.6). A leap second (:60) only where it can happen: 23:59 UTC. */
int svc_is_datetime(const char *text) {
    if (text == NULL || strnlen(text, 20) < 20 || !parse_date(text))
        return 0;
    if (text[10] != 'T' && text[10] != 't')
        return 0;
    const char *t = text + 11;
    int minutes = parse_hour_minute(t, 23);
    int second = parse_digits(t + 6, 2);
    if (minutes < 0 || t[5] != ':' || second < 0 || second > 60)
        return 0;
    const char *p = t + 8;
    if (*p == '.') {
        const char *digits = ++p;
        while (*p >= '0' && *p <= '9')
            p++;
        if (p == digits)
            return 0;
    }
    int offset;
    if (!parse_zone(p, &offset))
        return 0;
    int utc = ((minutes - offset) % 1440 + 1440) % 1440;
    return second < 60 || utc == 23 * 60 + 59;
}

/* ---- values ---- */

static const char *plural(long long n, const char *one, const char *many) {
    return n == 1 ? one : many;
}

/* "a, b, c" from a NULL-terminated list, cut with "..." when it would not fit. */
static void enum_list(char *buf, size_t size, const char *const *values) {
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; values != NULL && values[i] != NULL; i++) {
        const char *sep = i > 0 ? ", " : "";
        size_t need = strlen(sep) + strlen(values[i]);
        if (len + need + 5 > size) { /* room for ", ..." */
            snprintf(buf + len, size - len, "%s...", sep);
            return;
        }
        len += (size_t)snprintf(buf + len, size - len, "%s%s", sep, values[i]);
    }
}

static int enum_has(const char *const *values, const char *text) {
    for (size_t i = 0; values != NULL && values[i] != NULL; i++)
        if (strcmp(values[i], text) == 0)
            return 1;
    return 0;
}

static void check_enum(checker *c, const char *name, const json_t *v, const char *const *values) {
    if (json_is_string(v) && enum_has(values, json_string_value(v)))
        return;
    char list[ENUM_LIST_SIZE];
    enum_list(list, sizeof(list), values);
    problem(c, name, json_is_string(v) ? "enum" : "type", "Moet een van: %s zijn.", list);
}

/* Length bounds of text and arrays: min and max apply when positive. */
static void check_length(checker *c, const char *name, size_t len, const svc_field *f,
                         const char *one, const char *many, const char *verb) {
    if (f->min > 0 && len < (unsigned long long)f->min)
        problem(c, name, "length", "Moet minstens %lld %s %s.", f->min, plural(f->min, one, many),
                verb);
    else if (f->max > 0 && len > (unsigned long long)f->max)
        problem(c, name, "length", "Mag hoogstens %lld %s %s.", f->max, plural(f->max, one, many),
                verb);
}

static void check_string(checker *c, const char *name, const json_t *v, const svc_field *f) {
    if (!json_is_string(v)) {
        problem(c, name, "type", "Moet een tekst zijn.");
        return;
    }
    const char *text = json_string_value(v);
    /* A NUL inside would silently cut the text short in every C string API downstream. */
    if (strlen(text) != json_string_length(v)) {
        problem(c, name, "format", "Mag geen NUL-teken bevatten.");
        return;
    }
    check_length(c, name, svc_utf8_length(text), f, "teken", "tekens", "lang zijn");
}

/* Value bounds of numbers: [min, max] unless both are 0. */
static void check_range(checker *c, const char *name, double value, const svc_field *f) {
    if (f->min == 0 && f->max == 0)
        return;
    if (value < (double)f->min || value > (double)f->max)
        problem(c, name, "range", "Moet tussen %lld en %lld liggen.", f->min, f->max);
}

static void check_integer(checker *c, const char *name, const json_t *v, const svc_field *f) {
    if (!json_is_integer(v)) { /* a real such as 2.0 is not an integer either */
        problem(c, name, "type", "Moet een geheel getal zijn.");
        return;
    }
    json_int_t value = json_integer_value(v);
    if ((f->min != 0 || f->max != 0) && (value < f->min || value > f->max))
        problem(c, name, "range", "Moet tussen %lld en %lld liggen.", f->min, f->max);
}

static void check_number(checker *c, const char *name, const json_t *v, const svc_field *f) {
    if (!json_is_number(v))
        problem(c, name, "type", "Moet een getal zijn.");
    else
        check_range(c, name, json_number_value(v), f);
}

static void check_date(checker *c, const char *name, const json_t *v, int with_time) {
    int ok = with_time ? svc_is_datetime(json_string_value(v)) : svc_is_date(json_string_value(v));
    if (ok)
        return;
    const char *code = json_is_string(v) ? "format" : "type";
    if (with_time)
        problem(c, name, code,
                "Moet een tijdstip met tijdzone zijn (RFC 3339, bijvoorbeeld "
                "2024-03-01T09:30:00+01:00).");
    else
        problem(c, name, code, "Moet een datum zijn (JJJJ-MM-DD).");
}

static void check_value(checker *c, const char *name, const json_t *v, const svc_field *f);

/* The items of an array: named "field[i]", of type f->items, without bounds of their own. */
static void check_items(checker *c, const char *prefix, const json_t *array, const svc_field *f) {
    svc_field item = {.name = f->name, .type = f->items, .values = f->values};
    size_t i;
    const json_t *v;
    char name[NAME_SIZE];
    json_array_foreach(array, i, v) {
        field_name(name, prefix, f->name, (long)i);
        if (json_is_null(v) && f->items != SVC_T_ANY)
            problem(c, name, "null", "Mag niet leeg (null) zijn.");
        else
            check_value(c, name, v, &item);
    }
}

static void check_array(checker *c, const char *name, const char *prefix, const json_t *v,
                        const svc_field *f) {
    if (!json_is_array(v)) {
        problem(c, name, "type", "Moet een lijst zijn.");
        return;
    }
    check_length(c, name, json_array_size(v), f, "element", "elementen", "bevatten");
    check_items(c, prefix, v, f);
}

/* One present, non-null value against its field description (arrays are handled by the caller,
 * which knows the prefix its items are named with). */
static void check_value(checker *c, const char *name, const json_t *v, const svc_field *f) {
    switch (f->type) {
    case SVC_T_STRING:
        check_string(c, name, v, f);
        break;
    case SVC_T_INTEGER:
        check_integer(c, name, v, f);
        break;
    case SVC_T_NUMBER:
        check_number(c, name, v, f);
        break;
    case SVC_T_BOOLEAN:
        if (!json_is_boolean(v))
            problem(c, name, "type", "Moet true of false zijn.");
        break;
    case SVC_T_DATE:
    case SVC_T_DATETIME:
        check_date(c, name, v, f->type == SVC_T_DATETIME);
        break;
    case SVC_T_ENUM:
        check_enum(c, name, v, f->values);
        break;
    case SVC_T_UUID:
        if (!json_is_string(v))
            problem(c, name, "type", "Moet een tekst zijn.");
        else if (!svc_is_uuid(json_string_value(v)))
            problem(c, name, "format", "Moet een UUID zijn (8-4-4-4-12 hexadecimaal).");
        break;
    case SVC_T_ARRAY: /* an array of arrays: only the inner type is checked */
        if (!json_is_array(v))
            problem(c, name, "type", "Moet een lijst zijn.");
        break;
    case SVC_T_OBJECT: /* nested objects: only the type; validate them with their own fields */
        if (!json_is_object(v))
            problem(c, name, "type", "Moet een object zijn.");
        break;
    case SVC_T_ANY:
    default:
        break;
    }
}

/* ---- objects ---- */

static void check_field(checker *c, const json_t *obj, const svc_field *f, unsigned int policy,
                        const char *prefix) {
    char name[NAME_SIZE];
    const json_t *v = json_object_get(obj, f->name);
    field_name(name, prefix, f->name, -1);
    if (v == NULL) {
        if ((f->flags & SVC_REQUIRED) && !(policy & SVC_PARTIAL))
            problem(c, name, "required", "Is verplicht.");
    } else if (json_is_null(v)) {
        if (!(f->flags & SVC_NULLABLE) && f->type != SVC_T_ANY)
            problem(c, name, "null", "Mag niet leeg (null) zijn.");
    } else if (f->type == SVC_T_ARRAY) {
        check_array(c, name, prefix, v, f);
    } else {
        check_value(c, name, v, f);
    }
}

static int is_described(const svc_field *fields, const char *key) {
    for (const svc_field *f = fields; f != NULL && f->name != NULL; f++)
        if (strcmp(f->name, key) == 0)
            return 1;
    return 0;
}

static void check_unknown(checker *c, const json_t *obj, const svc_field *fields,
                          const char *prefix) {
    const char *key;
    json_t *v;
    char name[NAME_SIZE];
    /* jansson's iteration API takes a non-const object; it does not modify it. */
    json_object_foreach((json_t *)obj, key, v) {
        if (is_described(fields, key))
            continue;
        field_name(name, prefix, key, -1);
        problem(c, name, "unknown", "Onbekend veld.");
    }
}

int svc_validate(const json_t *obj, const svc_field *fields, unsigned int policy,
                 const char *prefix, svc_errors *errs) {
    checker c = {.errs = errs, .count = 0};
    if (!json_is_object(obj)) {
        problem(&c, prefix != NULL ? prefix : "body", "type", "Moet een object zijn.");
        return c.count;
    }
    for (const svc_field *f = fields; f != NULL && f->name != NULL; f++)
        check_field(&c, obj, f, policy, prefix);
    if (policy & SVC_REJECT_UNKNOWN)
        check_unknown(&c, obj, fields, prefix);
    return c.count;
}
