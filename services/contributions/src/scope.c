/* The scope members (scope.h). */
#include "scope.h"

#include <string.h>

#include "params.h"

int ctb_absent(const json_t *body, const char *name) {
    const json_t *v = json_object_get(body, name);
    return v == NULL || json_is_null(v);
}

void ctb_check_uuid_member(const json_t *body, const char *name, svc_errors *errs) {
    const json_t *v = json_object_get(body, name);
    if (json_is_string(v) && !ctb_is_uuid(json_string_value(v)))
        svc_errors_add(errs, name, "format", "Moet een UUID zijn.");
}

void ctb_check_scope(const json_t *body, int partial, svc_errors *errs) {
    const char *scope = json_string_value(json_object_get(body, "scope"));
    ctb_check_uuid_member(body, "projectId", errs);
    if (scope == NULL) {
        if (partial && (json_object_get(body, "actielijn") || json_object_get(body, "projectId")))
            svc_errors_add(errs, "scope", "required",
                           "Geef scope mee wanneer u actielijn of projectId wijzigt.");
        return;
    }
    if (strcmp(scope, "programma") == 0) {
        if (!ctb_absent(body, "actielijn"))
            svc_errors_add(errs, "actielijn", "conflict", "Hoort niet bij de scope programma.");
        if (!ctb_absent(body, "projectId"))
            svc_errors_add(errs, "projectId", "conflict", "Hoort niet bij de scope programma.");
    } else if (strcmp(scope, "actielijn") == 0) {
        if (ctb_absent(body, "actielijn"))
            svc_errors_add(errs, "actielijn", "required", "Nodig bij de scope actielijn.");
        if (!ctb_absent(body, "projectId"))
            svc_errors_add(errs, "projectId", "conflict", "Hoort niet bij de scope actielijn.");
    } else if (strcmp(scope, "project") == 0 && ctb_absent(body, "projectId")) {
        svc_errors_add(errs, "projectId", "required", "Nodig bij de scope project.");
    }
}
