/* Object types of the auth service's audit trail (svc/audit.h). */
#ifndef AUTH_AUDIT_H
#define AUTH_AUDIT_H

#define AUDIT_USER   "gebruiker"
#define AUDIT_CLIENT "client"

#endif
