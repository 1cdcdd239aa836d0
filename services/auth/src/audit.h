/* The audit trail: one row per change, written in the change's own transaction. */
#ifndef AUTH_AUDIT_H
#define AUTH_AUDIT_H

#include "svc/svc.h"

/* Object types */
#define AUDIT_USER   "gebruiker"
#define AUDIT_CLIENT "client"

/* The actor of what the service does by itself (bootstrap, reuse detection, lockout). */
#define AUDIT_SYSTEM "systeem"

/* Record a change inside the open transaction on c. before/after are JSON representations
 * without secrets (or NULL). On failure the answer is set and SVC_EREPLIED returned. */
int auth_audit(svc_req *r, svc_conn *c, const char *actor, const char *action,
               const char *object_type, const char *object_id, const char *before,
               const char *after);
/* The same outside a request (the bootstrap admin); returns the database error. */
int auth_audit_conn(svc_conn *c, const char *actor, const char *action, const char *object_type,
                    const char *object_id, const char *before, const char *after);

#endif
