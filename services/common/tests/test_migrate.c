/* Migrations against a real PostgreSQL (JT_DATABASE_URL, a superuser connection to a throwaway
 * cluster): files apply in name order and only once, a failing file leaves nothing behind and is
 * named in the error, and two processes migrating the same schema at once apply every file
 * exactly once. Every test works in a schema of its own and a temporary directory. */
#include <check.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include "svc/svc.h"

#define MAX_FILES 16

static PGconn *admin;
static char schema[48];
static char dir[64];
static char written[MAX_FILES][64];
static int nwritten;

/* ---- helpers ---- */

static const char *db_url(void) {
    const char *url = getenv("JT_DATABASE_URL");
    ck_assert_msg(url && url[0], "JT_DATABASE_URL is not set: these tests need a PostgreSQL "
                                 "superuser connection to a throwaway cluster (run scripts/test)");
    return url;
}

static void quiet(void *arg, const char *message) {
    (void)arg;
    (void)message;
}

static PGconn *connect_db(void) {
    PGconn *c = PQconnectdb(db_url());
    ck_assert_msg(PQstatus(c) == CONNECTION_OK, "cannot connect to JT_DATABASE_URL: %s",
                  PQerrorMessage(c));
    PQsetNoticeProcessor(c, quiet, NULL);
    return c;
}

static void exec_ok(PGconn *c, const char *sql) {
    PGresult *res = PQexec(c, sql);
    ExecStatusType st = PQresultStatus(res);
    ck_assert_msg(st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK, "%s: %s", sql,
                  PQresultErrorMessage(res));
    PQclear(res);
}

/* A connection whose current schema is this test's schema (the migrations' target). */
static PGconn *schema_conn(const char *name) {
    PGconn *c = connect_db();
    char sql[128];
    snprintf(sql, sizeof sql, "SET search_path = %s", name);
    exec_ok(c, sql);
    return c;
}

/* The first column of the first row of a query (formatted with printf arguments) equals
 * expected ("" for no row or NULL). */
__attribute__((format(printf, 2, 3))) static void assert_query(const char *expected,
                                                               const char *fmt, ...) {
    char sql[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    PGresult *res = PQexec(admin, sql);
    ck_assert_msg(PQresultStatus(res) == PGRES_TUPLES_OK, "%s: %s", sql, PQresultErrorMessage(res));
    const char *v = PQntuples(res) && !PQgetisnull(res, 0, 0) ? PQgetvalue(res, 0, 0) : "";
    ck_assert_msg(strcmp(v, expected) == 0, "%s gave \"%s\", wanted \"%s\"", sql, v, expected);
    PQclear(res);
}

static void write_file(const char *name, const char *content) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(content, f);
    fclose(f);
    for (int i = 0; i < nwritten; i++) {
        if (strcmp(written[i], name) == 0)
            return;
    }
    ck_assert_int_lt(nwritten, MAX_FILES);
    snprintf(written[nwritten++], sizeof written[0], "%s", name);
}

static void remove_file(const char *name) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
}

static void create_schema(const char *name) {
    char sql[256];
    snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s", name, name);
    exec_ok(admin, sql);
}

static void drop_schema(const char *name) {
    char sql[128];
    snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE", name);
    exec_ok(admin, sql);
}

static void setup(void) {
    admin = connect_db();
    snprintf(schema, sizeof schema, "test_migrate_%ld", (long)getpid());
    create_schema(schema);
    snprintf(dir, sizeof dir, "/tmp/test_migrate_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    nwritten = 0;
}

static void teardown(void) {
    for (int i = 0; i < nwritten; i++)
        remove_file(written[i]);
    rmdir(dir);
    drop_schema(schema);
    PQfinish(admin);
}

static void append(char **buf, size_t *len, const char *text) {
    size_t n = strlen(text);
    *buf = realloc(*buf, *len + n + 1);
    ck_assert_ptr_nonnull(*buf);
    memcpy(*buf + *len, text, n + 1);
    *len += n;
}

/* key='value' with quotes and backslashes escaped, as libpq's key=value syntax wants. */
static void append_pair(char **buf, size_t *len, const char *key, const char *value) {
    append(buf, len, *len ? " " : "");
    append(buf, len, key);
    append(buf, len, "='");
    for (const char *p = value; *p; p++) {
        char c[3] = {'\\', *p, '\0'};
        append(buf, len, (*p == '\'' || *p == '\\') ? c : c + 1);
    }
    append(buf, len, "'");
}

/* JT_DATABASE_URL (URI or key=value) as key=value, with the schema as search_path. */
static char *conninfo_for_schema(const char *search_path) {
    char *err = NULL;
    PQconninfoOption *opts = PQconninfoParse(db_url(), &err);
    ck_assert_msg(opts != NULL, "JT_DATABASE_URL: %s", err ? err : "out of memory");
    char *buf = NULL;
    size_t len = 0;
    char options[256] = "";
    for (PQconninfoOption *o = opts; o->keyword; o++) {
        if (strcmp(o->keyword, "options") == 0 && o->val)
            snprintf(options, sizeof options, "%s ", o->val);
        else if (o->val)
            append_pair(&buf, &len, o->keyword, o->val);
    }
    char with_path[400];
    snprintf(with_path, sizeof with_path, "%s-c search_path=%s", options, search_path);
    append_pair(&buf, &len, "options", with_path);
    PQconninfoFree(opts);
    return buf;
}

static void write_ordered_set(void) {
    /* Written out of order; each file depends on the one before it. */
    write_file("0003_add_column.sql", "ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 3;\n"
                                      "INSERT INTO log (v) VALUES ('0003');\n");
    write_file("0001_create.sql", "CREATE TABLE t (id int PRIMARY KEY);\n"
                                  "CREATE TABLE log (seq serial PRIMARY KEY, v text NOT NULL);\n");
    write_file("0002_insert.sql", "INSERT INTO t VALUES (1);\n"
                                  "INSERT INTO log (v) VALUES ('0002');\n");
    write_file("README.md", "not a migration");
}

/* ---- tests ---- */

START_TEST(files_apply_in_name_order_and_only_once) {
    write_ordered_set();
    PGconn *c = schema_conn(schema);
    int applied = -1;
    char *err = NULL;
    ck_assert_int_eq(svc_migrate(c, dir, &applied, &err), SVC_OK);
    ck_assert_msg(err == NULL, "%s", err);
    ck_assert_int_eq(applied, 3);
    assert_query("0002,0003", "SELECT string_agg(v, ',' ORDER BY seq) FROM %s.log", schema);
    assert_query("1:3", "SELECT id || ':' || c FROM %s.t", schema);
    assert_query("0001,0002,0003",
                 "SELECT string_agg(version, ',' ORDER BY applied_at, version) "
                 "FROM %s.schema_migrations",
                 schema);
    /* in the connection's current schema */
    assert_query("t", "SELECT to_regclass('%s.schema_migrations') IS NOT NULL", schema);

    ck_assert_int_eq(svc_migrate(c, dir, &applied, &err), SVC_OK);
    ck_assert_int_eq(applied, 0);
    assert_query("2", "SELECT count(*) FROM %s.log", schema);

    write_file("0004_more.sql", "INSERT INTO log (v) VALUES ('0004');");
    ck_assert_int_eq(svc_migrate(c, dir, &applied, &err), SVC_OK);
    ck_assert_int_eq(applied, 1);
    assert_query("0002,0003,0004", "SELECT string_agg(v, ',' ORDER BY seq) FROM %s.log", schema);
    ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_IDLE);
    PQfinish(c);
}
END_TEST

START_TEST(a_failing_migration_rolls_back_completely_and_is_named) {
    write_file("0001_ok.sql", "CREATE TABLE t (id int);");
    write_file("0002_broken.sql", "CREATE TABLE half (id int);\n"
                                  "INSERT INTO t VALUES (1);\n"
                                  "INSERT INTO no_such_table VALUES (1);\n");
    write_file("0003_later.sql", "CREATE TABLE later (id int);");
    PGconn *c = schema_conn(schema);
    int applied = -1;
    char *err = NULL;
    ck_assert_int_eq(svc_migrate(c, dir, &applied, &err), SVC_EDB);
    ck_assert_int_eq(applied, 1);
    ck_assert_ptr_nonnull(err);
    ck_assert_msg(strstr(err, "0002_broken.sql") && strstr(err, "no_such_table"),
                  "error message: %s", err);
    free(err);
    ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_IDLE);
    assert_query("none", "SELECT coalesce(to_regclass('%s.half')::text, 'none')", schema);
    assert_query("none", "SELECT coalesce(to_regclass('%s.later')::text, 'none')", schema);
    assert_query("0", "SELECT count(*) FROM %s.t", schema);
    assert_query("0001", "SELECT string_agg(version, ',') FROM %s.schema_migrations", schema);

    /* Fixed, it applies on the next run, followed by the rest. */
    write_file("0002_broken.sql", "CREATE TABLE half (id int);");
    ck_assert_int_eq(svc_migrate(c, dir, &applied, &err), SVC_OK);
    ck_assert_int_eq(applied, 2);
    assert_query("0001,0002,0003",
                 "SELECT string_agg(version, ',' ORDER BY version) FROM %s.schema_migrations",
                 schema);
    PQfinish(c);
}
END_TEST

START_TEST(a_migration_may_not_end_its_own_transaction) {
    write_file("0001_commits.sql", "CREATE TABLE t (id int); COMMIT;");
    PGconn *c = schema_conn(schema);
    char *err = NULL;
    ck_assert_int_eq(svc_migrate(c, dir, NULL, &err), SVC_EINVAL);
    ck_assert_msg(err && strstr(err, "0001_commits.sql"), "error message: %s", err);
    free(err);
    assert_query("0", "SELECT count(*) FROM %s.schema_migrations", schema);
    PQfinish(c);
}
END_TEST

START_TEST(badly_named_or_duplicate_files_are_refused) {
    PGconn *c = schema_conn(schema);
    char *err = NULL;
    write_file("0001_ok.sql", "CREATE TABLE t (id int);");
    write_file("002_short.sql", "CREATE TABLE u (id int);");
    ck_assert_int_eq(svc_migrate(c, dir, NULL, &err), SVC_EINVAL);
    ck_assert_msg(err && strstr(err, "002_short.sql"), "error message: %s", err);
    free(err);
    remove_file("002_short.sql");

    write_file("0001_again.sql", "CREATE TABLE u (id int);");
    ck_assert_int_eq(svc_migrate(c, dir, NULL, &err), SVC_EINVAL);
    ck_assert_msg(err && strstr(err, "0001_again.sql") && strstr(err, "0001_ok.sql"),
                  "error message: %s", err);
    free(err);
    /* nothing was applied by either run */
    assert_query("none", "SELECT coalesce(to_regclass('%s.t')::text, 'none')", schema);

    ck_assert_int_eq(svc_migrate(c, "/nonexistent/migrations", NULL, &err), SVC_ENOTFOUND);
    ck_assert_msg(err && strstr(err, "/nonexistent/migrations"), "error message: %s", err);
    free(err);
    PQfinish(c);
}
END_TEST

typedef struct migrator {
    pthread_barrier_t *start;
    const char *schema;
    int rc;
    int applied;
    char *err;
} migrator;

static void *migrator_run(void *arg) {
    migrator *m = arg;
    PGconn *c = PQconnectdb(getenv("JT_DATABASE_URL"));
    char sql[128];
    snprintf(sql, sizeof sql, "SET search_path = %s", m->schema);
    PQsetNoticeProcessor(c, quiet, NULL);
    PQclear(PQexec(c, sql));
    pthread_barrier_wait(m->start);
    m->rc = svc_migrate(c, dir, &m->applied, &m->err);
    PQfinish(c);
    return NULL;
}

START_TEST(two_migrators_at_once_apply_each_file_exactly_once) {
    write_file("0001_create.sql", "SELECT pg_sleep(0.03);\n"
                                  "CREATE TABLE log (seq serial PRIMARY KEY, v text NOT NULL);\n"
                                  "INSERT INTO log (v) VALUES ('0001');\n");
    write_file("0002_a.sql", "SELECT pg_sleep(0.03); INSERT INTO log (v) VALUES ('0002');");
    write_file("0003_b.sql", "CREATE TABLE b (id int); INSERT INTO log (v) VALUES ('0003');");
    /* Several rounds on fresh schemas, so the two really race for the first files. */
    for (int round = 0; round < 3; round++) {
        char name[80];
        snprintf(name, sizeof name, "%s_r%d", schema, round);
        create_schema(name);
        pthread_barrier_t start;
        pthread_barrier_init(&start, NULL, 2);
        migrator m[2] = {{.start = &start, .schema = name}, {.start = &start, .schema = name}};
        pthread_t t[2];
        for (int i = 0; i < 2; i++)
            ck_assert_int_eq(pthread_create(&t[i], NULL, migrator_run, &m[i]), 0);
        for (int i = 0; i < 2; i++)
            pthread_join(t[i], NULL);
        pthread_barrier_destroy(&start);
        for (int i = 0; i < 2; i++) {
            ck_assert_msg(m[i].rc == SVC_OK, "round %d migrator %d: %s", round, i,
                          m[i].err ? m[i].err : svc_strerror(m[i].rc));
            free(m[i].err);
        }
        ck_assert_int_eq(m[0].applied + m[1].applied, 3);
        char sql[512];
        snprintf(sql, sizeof sql,
                 "SELECT (SELECT string_agg(v, ',' ORDER BY seq) FROM %s.log) || '/' || "
                 "(SELECT string_agg(version, ',' ORDER BY version) FROM %s.schema_migrations)",
                 name, name);
        PGresult *res = PQexec(admin, sql);
        ck_assert_int_eq(PQresultStatus(res), PGRES_TUPLES_OK);
        ck_assert_str_eq(PQgetvalue(res, 0, 0), "0001,0002,0003/0001,0002,0003");
        PQclear(res);
        drop_schema(name);
    }
}
END_TEST

START_TEST(migrate_url_connects_migrates_and_reports_an_unreachable_database) {
    write_ordered_set();
    char *conninfo = conninfo_for_schema(schema);
    int applied = -1;
    char *err = NULL;
    ck_assert_int_eq(svc_migrate_url(conninfo, dir, &applied, &err), SVC_OK);
    ck_assert_msg(err == NULL, "%s", err);
    ck_assert_int_eq(applied, 3);
    ck_assert_int_eq(svc_migrate_url(conninfo, dir, &applied, &err), SVC_OK);
    ck_assert_int_eq(applied, 0);
    free(conninfo);
    assert_query("3", "SELECT count(*) FROM %s.schema_migrations", schema);

    /* a port where nothing listens */
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t alen = sizeof a;
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &alen), 0);
    close(fd);
    char url[128];
    snprintf(url, sizeof url, "postgresql://x@127.0.0.1:%d/x", ntohs(a.sin_port));
    ck_assert_int_eq(svc_migrate_url(url, dir, &applied, &err), SVC_EUNAVAILABLE);
    ck_assert_int_eq(applied, 0);
    ck_assert_msg(err && strstr(err, "connect"), "error message: %s", err);
    free(err);
}
END_TEST

int main(void) {
    if (!getenv("JT_DATABASE_URL"))
        fprintf(stderr, "test_migrate: JT_DATABASE_URL is not set; every test will fail\n");
    Suite *s = suite_create("migrate");
    TCase *tc = tcase_create("postgres");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, files_apply_in_name_order_and_only_once);
    tcase_add_test(tc, a_failing_migration_rolls_back_completely_and_is_named);
    tcase_add_test(tc, a_migration_may_not_end_its_own_transaction);
    tcase_add_test(tc, badly_named_or_duplicate_files_are_refused);
    tcase_add_test(tc, two_migrators_at_once_apply_each_file_exactly_once);
    tcase_add_test(tc, migrate_url_connects_migrates_and_reports_an_unreachable_database);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
