/* Who may change what: editors (redacteur, beheerder), and the action-line limit of an editor
 * whose token carries a non-empty actielijnen claim. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portfolio.h"

int pf_is_editor(const svc_principal *p) {
    return p != NULL &&
           (svc_principal_has_role(p, "beheerder") || svc_principal_has_role(p, "redacteur"));
}

const char *pf_lines_limit(const svc_principal *p, char *buf, size_t size) {
    if (p == NULL || svc_principal_has_role(p, "beheerder") || p->n_action_lines == 0)
        return NULL;
    size_t used = 0;
    buf[used++] = '{';
    for (size_t i = 0; i < p->n_action_lines && used + 24 < size; i++) {
        int n = snprintf(buf + used, size - used, "%s%lld", i ? "," : "", p->action_lines[i]);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    snprintf(buf + used, size - used, "}");
    return buf;
}

int pf_is_int(const char *text, long long min, long long max) {
    if (text == NULL || *text == '\0' || strlen(text) > 18)
        return 0;
    for (const char *c = text; *c; c++)
        if (!isdigit((unsigned char)*c))
            return 0;
    long long v = strtoll(text, NULL, 10);
    return v >= min && v <= max;
}

int pf_is_line_number(const char *text) {
    return pf_is_int(text, 1, 5);
}
