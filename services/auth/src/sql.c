/* Every SQL statement of the auth service, prepared per connection by the pool. All values are
 * bound parameters. PostgreSQL builds the JSON representations (json_build_object, json_agg), so
 * handlers pass the text through. */
#include "sql.h"

#include "svc/db.h"

#include <stddef.h>

/* A timestamp as RFC 3339 in UTC, to the second. */
#define TS(col) SVC_SQL_TS(col)

/* The representation of a user (never the password hash). */
#define USER_JSON                                                                                  \
    "json_build_object('id', u.id, 'gebruikersnaam', u.username, 'naam', u.display_name,"          \
    " 'email', u.email, 'rol', u.role, 'actielijnen', to_json(u.action_lines),"                    \
    " 'actief', u.active)"

/* What an access token is made of (see USER_TOKEN_NCOLS in sql.h). */
#define USER_TOKEN_COLS                                                                            \
    "u.id, u.username, u.display_name, u.role, to_json(u.action_lines)::text, " USER_JSON "::text"

/* The representation of a client (never the secret or its hash). */
#define CLIENT_JSON                                                                                \
    "json_build_object('id', c.id, 'clientId', c.client_id, 'naam', c.name,"                       \
    " 'scopes', to_json(c.scopes), 'gemeente', c.municipality, 'actief', c.active)"

/* A JSON array of integers or strings as a PostgreSQL array, in order. */
#define INT_ARRAY(param)                                                                           \
    "ARRAY(SELECT e::int FROM json_array_elements_text(" param                                     \
    "::json) WITH ORDINALITY AS a(e, i)"                                                           \
    " ORDER BY i)"
#define TEXT_ARRAY(param)                                                                          \
    "ARRAY(SELECT e FROM json_array_elements_text(" param "::json) WITH ORDINALITY AS a(e, i)"     \
    " ORDER BY i)"

/* A page of a keyset-paginated list: $limit + 1 rows are read to know whether more follow.
 * Result: the page as a JSON array, the key of its last row (when more follow), more. */
#define PAGE_RESULT(limit) SVC_SQL_PAGE_RESULT(limit)

/* ---- users ---- */

/* $1 role, $2 active, $3 search text, $4 last username of the previous page, $5 limit. The
 * keyset bound is a plain comparison (coalesce) so that a generic plan still uses the index. */
static const char USER_LIST[] = "WITH page AS (SELECT u.username AS k, " USER_JSON " AS obj,"
                                " row_number() OVER (ORDER BY u.username) AS n FROM users u"
                                " WHERE u.username > coalesce($4::text, '')"
                                " AND ($1::text IS NULL OR u.role = $1)"
                                " AND ($2::boolean IS NULL OR u.active = $2)"
                                " AND ($3::text IS NULL OR strpos(lower(u.username), lower($3)) > 0"
                                " OR strpos(lower(u.display_name), lower($3)) > 0)"
                                " ORDER BY u.username LIMIT $5::int + 1)" PAGE_RESULT("$5::int");

static const char USER_GET[] =
    "SELECT " USER_JSON "::text, u.version FROM users u WHERE u.id = $1::uuid";

/* $1 username, $2 name, $3 email, $4 role, $5 action lines (JSON), $6 password hash */
static const char USER_INSERT[] =
    "INSERT INTO users AS u (username, display_name, email, role, action_lines, password_hash)"
    " VALUES ($1, $2, $3, $4, " INT_ARRAY("$5") ", $6)"
                                                " RETURNING u.id, u.version, " USER_JSON "::text";

static const char USER_LOCK[] =
    "SELECT " USER_JSON "::text, u.version, u.display_name, u.email, u.role,"
    " to_json(u.action_lines)::text, u.active FROM users u WHERE u.id = $1::uuid FOR UPDATE";

/* $1 id, $2 name, $3 email, $4 role, $5 action lines (JSON), $6 active */
static const char USER_UPDATE[] =
    "UPDATE users AS u SET display_name = $2, email = $3, role = $4,"
    " action_lines = " INT_ARRAY(
        "$5") ", active = $6::boolean, version = u.version + 1,"
              " updated_at = now() WHERE u.id = $1::uuid RETURNING u.version, " USER_JSON "::text";

static const char USER_SET_PASSWORD[] =
    "UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1::uuid"
    " RETURNING username";

static const char USER_REVOKE_SESSIONS[] =
    "UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1::uuid AND revoked_at IS NULL";

/* Two bootstrapping processes wait for each other; the check comes in a later statement, whose
 * snapshot sees what the other committed. */
static const char USERS_LOCK_BOOTSTRAP[] =
    "SELECT pg_advisory_xact_lock(hashtext('auth.bootstrap-admin'))";

static const char USERS_EXIST[] = "SELECT EXISTS (SELECT 1 FROM users)";

/* ---- the caller ---- */

/* $1 id, $2 the token's scopes (space separated): /mij in one round trip. */
static const char ME_GET[] =
    "SELECT json_build_object('id', u.id, 'gebruikersnaam', u.username, 'naam', u.display_name,"
    " 'email', u.email, 'rol', u.role, 'actielijnen', to_json(u.action_lines),"
    " 'actief', u.active, 'scopes', to_json(string_to_array($2, ' ')))::text"
    " FROM users u WHERE u.id = $1::uuid";

static const char ME_PASSWORD_GET[] =
    "SELECT password_hash, username, active FROM users WHERE id = $1::uuid";

/* $1 id, $2 the hash the current password was checked against, $3 the new hash: no row when the
 * password changed in between. */
static const char ME_PASSWORD_SET[] =
    "UPDATE users SET password_hash = $3, password_changed_at = now()"
    " WHERE id = $1::uuid AND password_hash = $2 RETURNING username";

/* ---- sessions ---- */

/* $1 username. Always one row: seconds left of a lockout (NULL when not locked), then the user
 * (all NULL when there is no such user). */
static const char LOGIN_LOOKUP[] = "SELECT (SELECT greatest(1, ceil(extract(epoch FROM"
                                   " greatest(f.locked_until, f.not_before) - now())))::bigint"
                                   " FROM login_failures f WHERE f.username = $1"
                                   " AND greatest(f.locked_until, f.not_before) > now()),"
                                   " u.password_hash, u.active, " USER_TOKEN_COLS
                                   " FROM (SELECT 1) AS one LEFT JOIN users u ON u.username = $1";

/* $1 username, $2 threshold, $3 window and lockout in seconds. Counts a failure: a count older
 * than the window, or whose lockout has ended, starts again at 1. Returns the count and whether
 * the username is now locked. */
#define FAILURES_RESET                                                                             \
    "(f.first_failure_at <= now() - make_interval(secs => $3::int) OR f.locked_until <= now())"
#define FAILURES_NEXT "(CASE WHEN " FAILURES_RESET " THEN 1 ELSE f.failures + 1 END)"
static const char LOGIN_FAILED[] =
    "INSERT INTO login_failures AS f (username, failures, first_failure_at, locked_until)"
    " VALUES ($1, 1, now(),"
    " CASE WHEN $2::int <= 1 THEN now() + make_interval(secs => $3::int) END)"
    " ON CONFLICT (username) DO UPDATE SET failures = " FAILURES_NEXT ","
    " first_failure_at = CASE WHEN " FAILURES_RESET " THEN now() ELSE f.first_failure_at END,"
    " locked_until = CASE WHEN " FAILURES_NEXT " >= $2::int"
    " THEN now() + make_interval(secs => $3::int) END"
    " RETURNING f.failures, f.locked_until IS NOT NULL";

/* $1 username, $2 milliseconds before the next attempt is heard. */
static const char LOGIN_THROTTLE[] =
    "UPDATE login_failures SET not_before = now() + make_interval(secs => $2::int / 1000.0)"
    " WHERE username = $1";

static const char LOGIN_FAILURES_CLEAR[] = "DELETE FROM login_failures WHERE username = $1";

static const char REFRESH_CLEANUP[] =
    "DELETE FROM refresh_tokens WHERE user_id = $1::uuid AND expires_at < now()";

/* $1 token hash, $2 user, $3 family (NULL: a new one), $4 parent, $5 lifetime in seconds */
static const char REFRESH_INSERT[] =
    "INSERT INTO refresh_tokens (token_hash, user_id, family_id, parent_id, expires_at)"
    " VALUES ($1, $2::uuid, coalesce($3::uuid, gen_random_uuid()), $4::uuid,"
    " now() + make_interval(secs => $5::int))";

/* $1 token hash: the token (locked) and its user. */
static const char REFRESH_LOOKUP[] =
    "SELECT t.id, t.family_id, t.used_at IS NOT NULL, t.revoked_at IS NOT NULL,"
    " t.expires_at <= now(), u.active, " USER_TOKEN_COLS
    " FROM refresh_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1"
    " FOR UPDATE OF t";

static const char REFRESH_USE[] = "UPDATE refresh_tokens SET used_at = now() WHERE id = $1::uuid";

static const char FAMILY_REVOKE[] =
    "UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1::uuid"
    " AND revoked_at IS NULL";

/* $1 token hash: revoke its whole family (one statement, so no transaction is needed). */
static const char LOGOUT[] =
    "UPDATE refresh_tokens SET revoked_at = now() WHERE family_id ="
    " (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL";

/* ---- clients ---- */

/* $1 active, $2 search text, $3 last client id of the previous page, $4 limit */
static const char CLIENT_LIST[] =
    "WITH page AS (SELECT c.client_id AS k, " CLIENT_JSON " AS obj,"
    " row_number() OVER (ORDER BY c.client_id) AS n FROM clients c"
    " WHERE c.client_id > coalesce($3::text, '')"
    " AND ($1::boolean IS NULL OR c.active = $1)"
    " AND ($2::text IS NULL OR strpos(lower(c.client_id), lower($2)) > 0"
    " OR strpos(lower(c.name), lower($2)) > 0)"
    " ORDER BY c.client_id LIMIT $4::int + 1)" PAGE_RESULT("$4::int");

static const char CLIENT_GET[] =
    "SELECT " CLIENT_JSON "::text, c.version FROM clients c WHERE c.id = $1::uuid";

/* $1 client id, $2 name, $3 scopes (JSON), $4 municipality, $5 secret hash */
static const char CLIENT_INSERT[] =
    "INSERT INTO clients AS c (client_id, name, scopes, municipality, secret_hash,"
    " secret_created_at) VALUES ($1, $2, " TEXT_ARRAY(
        "$3") ", $4, $5, now())"
              " RETURNING c.id, c.version, " CLIENT_JSON "::text";

static const char CLIENT_LOCK[] =
    "SELECT " CLIENT_JSON "::text, c.version, c.name, to_json(c.scopes)::text, c.municipality,"
    " c.active, c.client_id FROM clients c WHERE c.id = $1::uuid FOR UPDATE";

/* $1 id, $2 name, $3 scopes (JSON), $4 municipality, $5 active */
static const char CLIENT_UPDATE[] = "UPDATE clients AS c SET name = $2, scopes = " TEXT_ARRAY(
    "$3") ", municipality = $4,"
          " active = $5::boolean, version = c.version + 1, updated_at = now()"
          " WHERE c.id = $1::uuid RETURNING c.version, " CLIENT_JSON "::text";

/* $1 id, $2 new secret hash or NULL (revoked) */
static const char CLIENT_SET_SECRET[] =
    "UPDATE clients AS c SET secret_hash = $2::text,"
    " secret_created_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END,"
    " version = c.version + 1, updated_at = now()"
    " WHERE c.id = $1::uuid RETURNING c.version, " CLIENT_JSON "::text";

/* $1 client id: what the token endpoint needs. */
static const char TOKEN_CLIENT[] =
    "SELECT c.secret_hash, c.active, c.name, array_to_string(c.scopes, ' '), c.municipality"
    " FROM clients c WHERE c.client_id = $1";

const svc_statement auth_statements[] = {
    {SQL_USER_LIST, USER_LIST},
    {SQL_USER_GET, USER_GET},
    {SQL_USER_INSERT, USER_INSERT},
    {SQL_USER_LOCK, USER_LOCK},
    {SQL_USER_UPDATE, USER_UPDATE},
    {SQL_USER_SET_PASSWORD, USER_SET_PASSWORD},
    {SQL_USER_REVOKE_SESSIONS, USER_REVOKE_SESSIONS},
    {SQL_USERS_LOCK_BOOTSTRAP, USERS_LOCK_BOOTSTRAP},
    {SQL_USERS_EXIST, USERS_EXIST},
    {SQL_ME_GET, ME_GET},
    {SQL_ME_PASSWORD_GET, ME_PASSWORD_GET},
    {SQL_ME_PASSWORD_SET, ME_PASSWORD_SET},
    {SQL_LOGIN_LOOKUP, LOGIN_LOOKUP},
    {SQL_LOGIN_FAILED, LOGIN_FAILED},
    {SQL_LOGIN_THROTTLE, LOGIN_THROTTLE},
    {SQL_LOGIN_FAILURES_CLEAR, LOGIN_FAILURES_CLEAR},
    {SQL_REFRESH_CLEANUP, REFRESH_CLEANUP},
    {SQL_REFRESH_INSERT, REFRESH_INSERT},
    {SQL_REFRESH_LOOKUP, REFRESH_LOOKUP},
    {SQL_REFRESH_USE, REFRESH_USE},
    {SQL_FAMILY_REVOKE, FAMILY_REVOKE},
    {SQL_LOGOUT, LOGOUT},
    {SQL_CLIENT_LIST, CLIENT_LIST},
    {SQL_CLIENT_GET, CLIENT_GET},
    {SQL_CLIENT_INSERT, CLIENT_INSERT},
    {SQL_CLIENT_LOCK, CLIENT_LOCK},
    {SQL_CLIENT_UPDATE, CLIENT_UPDATE},
    {SQL_CLIENT_SET_SECRET, CLIENT_SET_SECRET},
    {SQL_TOKEN_CLIENT, TOKEN_CLIENT},
    {NULL, NULL},
};
