/* The prepared statements of the auth service: names here, SQL in sql.c. */
#ifndef AUTH_SQL_H
#define AUTH_SQL_H

#include "svc/pool.h"

/* The NULL-terminated statement table given to the pool. */
extern const svc_statement auth_statements[];

/* users */
#define SQL_USER_LIST            "user_list"
#define SQL_USER_GET             "user_get"
#define SQL_USER_INSERT          "user_insert"
#define SQL_USER_LOCK            "user_lock"
#define SQL_USER_UPDATE          "user_update"
#define SQL_USER_SET_PASSWORD    "user_set_password"
#define SQL_USER_REVOKE_SESSIONS "user_revoke_sessions"
#define SQL_USERS_LOCK_BOOTSTRAP "users_lock_bootstrap"
#define SQL_USERS_EXIST          "users_exist"
/* the caller */
#define SQL_ME_GET          "me_get"
#define SQL_ME_PASSWORD_GET "me_password_get"
#define SQL_ME_PASSWORD_SET "me_password_set"
/* sessions */
#define SQL_LOGIN_LOOKUP         "login_lookup"
#define SQL_LOGIN_FAILED         "login_failed"
#define SQL_LOGIN_FAILURES_CLEAR "login_failures_clear"
#define SQL_LOGIN_THROTTLE       "login_throttle"
#define SQL_REFRESH_CLEANUP      "refresh_cleanup"
#define SQL_REFRESH_INSERT       "refresh_insert"
#define SQL_REFRESH_LOOKUP       "refresh_lookup"
#define SQL_REFRESH_USE          "refresh_use"
#define SQL_FAMILY_REVOKE        "family_revoke"
#define SQL_LOGOUT               "logout"
/* clients */
#define SQL_CLIENT_LIST       "client_list"
#define SQL_CLIENT_GET        "client_get"
#define SQL_CLIENT_INSERT     "client_insert"
#define SQL_CLIENT_LOCK       "client_lock"
#define SQL_CLIENT_UPDATE     "client_update"
#define SQL_CLIENT_SET_SECRET "client_set_secret"
#define SQL_TOKEN_CLIENT      "token_client"
/* audit */

/* Column positions of the user columns statements that issue tokens end with (USER_TOKEN_COLS
 * in sql.c): id, username, display name, role, action lines (JSON), representation (JSON). */
#define USER_TOKEN_NCOLS 6

#endif
