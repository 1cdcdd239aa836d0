/* Where money goes: the whole programme, an action line (1..5) or a project (portfolio id), as
 * the members "scope", "actielijn" and "projectId" of budget lines and contributions. */
#ifndef CTB_SCOPE_H
#define CTB_SCOPE_H

#include <jansson.h>

#include "svc/problem.h"

/* The three members together: programma has neither, actielijn needs actielijn and no project,
 * project needs projectId (an action line is optional). On a change (partial), actielijn and
 * projectId need scope with them. */
void ctb_check_scope(const json_t *body, int partial, svc_errors *errs);
/* A member that must be a UUID when present and not null. */
void ctb_check_uuid_member(const json_t *body, const char *name, svc_errors *errs);
/* 1 when the member is absent or JSON null. */
int ctb_absent(const json_t *body, const char *name);

#endif
