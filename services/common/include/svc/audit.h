/* The audit trail: who changed what, when, and how it looked before and after, written in the
 * transaction of the change itself, and readable through GET <base>/audit.
 *
 * Every service that audits has this table in its schema (copy it into its first migration):
 *
 *   CREATE TABLE audit_log (
 *       id bigserial PRIMARY KEY,
 *       at timestamptz NOT NULL DEFAULT now(),
 *       actor text NOT NULL,
 *       action text NOT NULL,
 *       object_type text NOT NULL,
 *       object_id text,
 *       before jsonb,
 *       after jsonb
 *   );
 *   CREATE INDEX audit_log_object ON audit_log (object_type, object_id, id);
 *
 * The statements are the library's own: the server adds them to every pool. */
#ifndef SVC_AUDIT_H
#define SVC_AUDIT_H

#include "svc/http.h"
#include "svc/pool.h"

/* The actor of what a service does by itself (bootstrap, seed, reuse detection). */
#define SVC_AUDIT_SYSTEM "systeem"

/* Record a change inside the open transaction on c. actor NULL means the request's principal
 * (svc_req_actor). before/after: JSON text without secrets, or NULL. On failure the answer is set
 * and SVC_EREPLIED returned. */
int svc_audit(svc_req *r, svc_conn *c, const char *actor, const char *action,
              const char *object_type, const char *object_id, const char *before,
              const char *after);
/* The same outside a request (bootstrap, seed); returns the database error. */
int svc_audit_conn(svc_conn *c, const char *actor, const char *action, const char *object_type,
                   const char *object_id, const char *before, const char *after);

/* Handler of GET <base>/audit: newest first, paginated ({"audit":[...],"volgende"}), with the
 * optional filters ?objectType= and ?objectId=. Entries: {"id","tijdstip","actor","actie",
 * "objectType","objectId","voor","na"}. Route it with the scope that may read it. */
void svc_audit_list(svc_req *r, void *ctx);

/* The library's statements, added to every pool by svc_server_new. */
extern const svc_statement svc_library_statements[];

#endif
