/* CSV text for spreadsheet users, in two dialects:
 *   CTB_CSV_NL       (default) ';' between fields and a decimal comma (1234,56), as Dutch Excel
 *                    and LibreOffice expect; starts with a UTF-8 byte order mark so that Excel
 *                    reads the text as UTF-8;
 *   CTB_CSV_RFC4180  ',' between fields and a decimal point, no byte order mark.
 * Both: UTF-8, CRLF line ends, a header row, fields quoted with '"' (doubled inside) when they
 * hold the separator, a quote, CR or LF (RFC 4180 section 2). Amounts are written as euros with
 * exactly two decimals, from integer cents, without thousands separators. */
#ifndef CTB_CSV_H
#define CTB_CSV_H

#include <stddef.h>
#include <stdint.h>

typedef enum ctb_csv_dialect { CTB_CSV_NL = 0, CTB_CSV_RFC4180 = 1 } ctb_csv_dialect;

typedef struct ctb_csv {
    ctb_csv_dialect dialect;
    char *data;
    size_t len, cap;
    int fields; /* fields in the current row so far */
    int failed; /* an allocation failed: the text is incomplete */
} ctb_csv;

/* Parse the ?formaat= value: NULL or "nl" -> NL, "rfc4180" -> RFC4180; SVC_EINVAL otherwise. */
int ctb_csv_dialect_parse(const char *text, ctb_csv_dialect *out);
void ctb_csv_init(ctb_csv *csv, ctb_csv_dialect dialect);
void ctb_csv_free(ctb_csv *csv);
/* A text field (NULL: an empty field). */
void ctb_csv_text(ctb_csv *csv, const char *text);
void ctb_csv_int(ctb_csv *csv, int64_t value);
/* Cents as euros: 123456 -> "1234,56" (NL) or "1234.56" (RFC 4180). */
void ctb_csv_cents(ctb_csv *csv, int64_t cents);
void ctb_csv_end_row(ctb_csv *csv);
/* A NULL-terminated list of header names as one row. */
void ctb_csv_header(ctb_csv *csv, const char *const *names);
/* Format cents as euros into buf (at least 32 bytes), with the decimal mark given. */
void ctb_format_cents(int64_t cents, char mark, char *buf, size_t size);

#endif
