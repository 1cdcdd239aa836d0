/* Who may do what (see DESIGN.md, Authorization).
 *
 * Staff carry a role (beheerder, redacteur, lezer); a municipal client carries a `gemeente` claim
 * (its CBS code) and no staff role. Writes need the route's contributions:write scope and, for
 * staff, the role redacteur or beheerder; a municipal client may write only contributions of its
 * own municipality (OWASP API1). */
#ifndef CTB_ACCESS_H
#define CTB_ACCESS_H

#include "svc/error.h"
#include "svc/http.h"

/* The caller's municipality when it is a municipal client (gemeente claim, no staff role), else
 * NULL. */
const char *ctb_municipal_client(const svc_req *r);
/* 1 when the caller is staff (has a staff role). */
int ctb_is_staff(const svc_req *r);
/* SVC_OK for a redacteur or beheerder; else a 403 is set and SVC_EREPLIED returned. */
int ctb_require_editor(svc_req *r);
/* SVC_OK for staff; else 403 (municipal clients and role-less clients). */
int ctb_require_staff(svc_req *r);

#endif
