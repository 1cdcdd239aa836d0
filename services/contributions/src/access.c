/* Who may do what (access.h). */
#include "access.h"

static int has_staff_role(const svc_principal *p) {
    return svc_principal_has_role(p, "beheerder") || svc_principal_has_role(p, "redacteur") ||
           svc_principal_has_role(p, "lezer");
}

const char *ctb_municipal_client(const svc_req *r) {
    const svc_principal *p = svc_req_principal(r);
    if (p == NULL || p->municipality == NULL || p->municipality[0] == '\0' || has_staff_role(p))
        return NULL;
    return p->municipality;
}

int ctb_is_staff(const svc_req *r) {
    return has_staff_role(svc_req_principal(r));
}

int ctb_require_editor(svc_req *r) {
    const svc_principal *p = svc_req_principal(r);
    if (svc_principal_has_role(p, "beheerder") || svc_principal_has_role(p, "redacteur"))
        return SVC_OK;
    svc_reply_problem(r, 403, "Alleen een redacteur of beheerder mag dit wijzigen.");
    return SVC_EREPLIED;
}

int ctb_require_staff(svc_req *r) {
    if (ctb_is_staff(r))
        return SVC_OK;
    svc_reply_problem(r, 403, "Alleen medewerkers van het programma mogen dit inzien.");
    return SVC_EREPLIED;
}
