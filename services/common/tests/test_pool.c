/* The connection pool against a real PostgreSQL (JT_DATABASE_URL, a superuser connection to a
 * throwaway cluster): prepared statements survive a killed connection, the pool stays bounded,
 * transactions never leak to the next user, errors are classified, and an unreachable database
 * makes requests fail fast instead of hanging. Every test works in a schema of its own. */
#include <check.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "svc/svc.h"

static PGconn *admin;       /* the test's own superuser connection */
static char schema[64];     /* this test's schema */
static char *pool_conninfo; /* JT_DATABASE_URL with search_path set to the schema */

static const svc_statement statements[] = {
    {"my_pid", "SELECT pg_backend_pid()"},
    {"add_item", "INSERT INTO items (name) VALUES ($1)"},
    {"count_items", "SELECT count(*) FROM items"},
    {"bump", "UPDATE counter SET n = n + 1 WHERE id = 1"},
    {"get_n", "SELECT n FROM counter WHERE id = 1"},
    {NULL, NULL},
};

/* ---- helpers ---- */

static const char *db_url(void) {
    const char *url = getenv("JT_DATABASE_URL");
    ck_assert_msg(url && url[0], "JT_DATABASE_URL is not set: these tests need a PostgreSQL "
                                 "superuser connection to a throwaway cluster (run scripts/test)");
    return url;
}

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static void sleep_ms(int ms) {
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

static void quiet(void *arg, const char *message) {
    (void)arg;
    (void)message;
}

static void admin_exec(const char *sql) {
    PGresult *res = PQexec(admin, sql);
    ExecStatusType st = PQresultStatus(res);
    ck_assert_msg(st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK, "%s: %s", sql,
                  PQresultErrorMessage(res));
    PQclear(res);
}

static long admin_long(const char *sql, const char *param) {
    PGresult *res = PQexecParams(admin, sql, param ? 1 : 0, NULL, &param, NULL, NULL, 0);
    ck_assert_msg(PQresultStatus(res) == PGRES_TUPLES_OK, "%s: %s", sql, PQresultErrorMessage(res));
    long v = atol(PQgetvalue(res, 0, 0));
    PQclear(res);
    return v;
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

/* JT_DATABASE_URL (URI or key=value) rewritten as key=value, with another dbname if given and
 * the schema as search_path. */
static char *conninfo_for(const char *dbname, const char *search_path) {
    char *err = NULL;
    PQconninfoOption *opts = PQconninfoParse(db_url(), &err);
    ck_assert_msg(opts != NULL, "JT_DATABASE_URL: %s", err ? err : "out of memory");
    char *buf = NULL;
    size_t len = 0;
    char options[256] = "";
    for (PQconninfoOption *o = opts; o->keyword; o++) {
        if (strcmp(o->keyword, "options") == 0 && o->val)
            snprintf(options, sizeof options, "%s ", o->val);
        else if (strcmp(o->keyword, "dbname") == 0 && dbname)
            continue;
        else if (o->val)
            append_pair(&buf, &len, o->keyword, o->val);
    }
    if (dbname)
        append_pair(&buf, &len, "dbname", dbname);
    char with_path[400];
    snprintf(with_path, sizeof with_path, "%s-c search_path=%s", options, search_path);
    append_pair(&buf, &len, "options", with_path);
    PQconninfoFree(opts);
    return buf;
}

static void setup(void) {
    admin = PQconnectdb(db_url());
    ck_assert_msg(PQstatus(admin) == CONNECTION_OK, "cannot connect to JT_DATABASE_URL: %s",
                  PQerrorMessage(admin));
    PQsetNoticeProcessor(admin, quiet, NULL);
    snprintf(schema, sizeof schema, "test_pool_%ld", (long)getpid());
    char sql[512];
    snprintf(sql, sizeof sql,
             "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s; SET search_path = %s;"
             "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL UNIQUE);"
             "CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL);"
             "INSERT INTO counter VALUES (1, 0)",
             schema, schema, schema);
    admin_exec(sql);
    pool_conninfo = conninfo_for(NULL, schema);
}

static void teardown(void) {
    char sql[128];
    snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE", schema);
    admin_exec(sql);
    PQfinish(admin);
    free(pool_conninfo);
}

static svc_pool *new_pool(const char *conninfo, unsigned int size, unsigned int timeout_ms) {
    svc_pool_opts opts = {.conninfo = conninfo,
                          .size = size,
                          .acquire_timeout_ms = timeout_ms,
                          .statements = statements};
    svc_pool *pool = NULL;
    ck_assert_int_eq(svc_pool_new(&pool, &opts), SVC_OK);
    return pool;
}

static long query_long(svc_conn *c, const char *name, int nparams, const char *const *values) {
    PGresult *res = NULL;
    int rc = svc_conn_query(c, name, nparams, values, &res);
    ck_assert_msg(rc == SVC_OK, "%s: %s (%s)", name, svc_strerror(rc), svc_conn_error(c));
    long v = atol(PQgetvalue(res, 0, 0));
    PQclear(res);
    return v;
}

static void terminate(long pid) {
    char text[32];
    snprintf(text, sizeof text, "%ld", pid);
    admin_long("SELECT count(*) FROM (SELECT pg_terminate_backend($1::int)) t", text);
    /* pg_terminate_backend only signals: wait until the backend is really gone. */
    for (int i = 0; i < 200; i++) {
        if (admin_long("SELECT count(*) FROM pg_stat_activity WHERE pid = $1::int", text) == 0)
            return;
        sleep_ms(10);
    }
    ck_abort_msg("backend %ld did not terminate", pid);
}

static long prepared_count(svc_conn *c) {
    PGresult *res = PQexec(svc_conn_pg(c), "SELECT count(*) FROM pg_prepared_statements");
    ck_assert_int_eq(PQresultStatus(res), PGRES_TUPLES_OK);
    long n = atol(PQgetvalue(res, 0, 0));
    PQclear(res);
    return n;
}

/* A TCP listener on 127.0.0.1 that either closes every connection at once (a database that
 * refuses) or never answers (a database that hangs); counts the attempts. */
typedef struct fake_server {
    int fd;
    int port;
    bool answer; /* accept and close; otherwise leave connections in the backlog */
    atomic_int attempts;
    atomic_bool stop;
    pthread_t thread;
} fake_server;

static void *fake_server_run(void *arg) {
    fake_server *s = arg;
    while (!atomic_load(&s->stop)) {
        struct pollfd p = {.fd = s->fd, .events = POLLIN};
        if (poll(&p, 1, 20) > 0) {
            int c = accept(s->fd, NULL, NULL);
            if (c >= 0) {
                atomic_fetch_add(&s->attempts, 1);
                close(c);
            }
        }
    }
    return NULL;
}

static void fake_server_start(fake_server *s, bool answer) {
    memset(s, 0, sizeof *s);
    s->answer = answer;
    s->fd = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(s->fd, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t alen = sizeof a;
    ck_assert_int_eq(bind(s->fd, (struct sockaddr *)&a, sizeof a), 0);
    ck_assert_int_eq(getsockname(s->fd, (struct sockaddr *)&a, &alen), 0);
    s->port = ntohs(a.sin_port);
    ck_assert_int_eq(listen(s->fd, 16), 0);
    if (answer)
        ck_assert_int_eq(pthread_create(&s->thread, NULL, fake_server_run, s), 0);
}

static void fake_server_stop(fake_server *s) {
    atomic_store(&s->stop, true);
    if (s->answer)
        pthread_join(s->thread, NULL);
    close(s->fd);
}

/* A port on which nothing listens (bound, then closed again). */
static int free_port(void) {
    fake_server s;
    fake_server_start(&s, false);
    fake_server_stop(&s);
    return s.port;
}

/* ---- prepared statements and broken connections ---- */

START_TEST(statements_are_prepared_lazily_and_again_after_the_server_kills_the_connection) {
    svc_pool *pool = new_pool(pool_conninfo, 1, 1000);
    svc_conn *c;
    ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_OK);
    ck_assert_int_eq(prepared_count(c), 0);
    long pid1 = query_long(c, "my_pid", 0, NULL);
    ck_assert_int_eq(query_long(c, "count_items", 0, NULL), 0);
    ck_assert_int_eq(prepared_count(c), 2); /* only what was used */
    svc_pool_release(pool, c);

    /* Killed while idle: the next acquire notices and hands out a new connection, on which the
     * statements are prepared again (executing an unprepared name would fail with 26000). */
    terminate(pid1);
    ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_OK);
    long pid2 = query_long(c, "my_pid", 0, NULL);
    ck_assert_int_ne(pid2, pid1);
    ck_assert_int_eq(query_long(c, "count_items", 0, NULL), 0);

    /* Killed while in use: the statement fails as unavailable, the connection is dropped at
     * release, and the next acquire works again. */
    terminate(pid2);
    PGresult *res = NULL;
    ck_assert_int_eq(svc_conn_query(c, "count_items", 0, NULL, &res), SVC_EUNAVAILABLE);
    ck_assert_ptr_null(res);
    svc_pool_release(pool, c);
    svc_pool_stats st;
    svc_pool_get_stats(pool, &st);
    ck_assert_uint_eq(st.open, 0);
    ck_assert_uint_eq(st.in_use, 0);

    ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_OK);
    ck_assert_int_eq(query_long(c, "count_items", 0, NULL), 0);
    ck_assert_int_ne(query_long(c, "my_pid", 0, NULL), pid2);
    svc_pool_release(pool, c);
    svc_pool_get_stats(pool, &st);
    ck_assert_uint_eq(st.reconnects, 3);
    ck_assert_uint_eq(st.acquires, 3);
    ck_assert_uint_eq(st.open, 1);
    svc_pool_free(pool);
}
END_TEST

START_TEST(unknown_statement_name_is_refused) {
    svc_pool *pool = new_pool(pool_conninfo, 1, 1000);
    svc_conn *c;
    ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_OK);
    PGresult *res = NULL;
    ck_assert_int_eq(svc_conn_query(c, "no_such_statement", 0, NULL, &res), SVC_EINVAL);
    ck_assert_ptr_null(res);
    ck_assert_int_eq(query_long(c, "count_items", 0, NULL), 0);
    svc_pool_release(pool, c);
    svc_pool_free(pool);
}
END_TEST

/* A wrong number of parameters is a programming error on a healthy session (the server says
 * 08P01): a database error, not an outage, and the connection stays usable. */
START_TEST(wrong_parameter_count_is_an_error_not_an_outage) {
    svc_pool *pool = new_pool(pool_conninfo, 1, 1000);
    svc_conn *c;
    ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_OK);
    const char *two[] = {"a", "b"};
    PGresult *res = NULL;
    ck_assert_int_eq(svc_conn_query(c, "add_item", 2, two, &res), SVC_EDB);
    ck_assert_str_eq(svc_conn_sqlstate(c), "08P01");
    ck_assert_int_eq(query_long(c, "count_items", 0, NULL), 0);
    svc_pool_release(pool, c);
    svc_pool_stats st;
    svc_pool_get_stats(pool, &st);
    ck_assert_uint_eq(st.reconnects, 1); /* the same connection went on */
    svc_pool_free(pool);
}
END_TEST

/* ---- bounded size ---- */

START_TEST(a_full_pool_answers_busy_after_the_timeout) {
    svc_pool *pool = new_pool(pool_conninfo, 2, 300);
    svc_conn *a, *b, *c = NULL;
    ck_assert_int_eq(svc_pool_acquire(pool, &a), SVC_OK);
    ck_assert_int_eq(svc_pool_acquire(pool, &b), SVC_OK);
    ck_assert_int_ne(query_long(a, "my_pid", 0, NULL), query_long(b, "my_pid", 0, NULL));
    double t0 = now_ms();
    ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_EBUSY);
    double waited = now_ms() - t0;
    ck_assert_ptr_null(c);
    ck_assert_msg(waited >= 280 && waited < 3000, "gave up after %.0f ms, wanted ~300", waited);
    svc_pool_stats st;
    svc_pool_get_stats(pool, &st);
    ck_assert_uint_eq(st.size, 2);
    ck_assert_uint_eq(st.open, 2);
    ck_assert_uint_eq(st.in_use, 2);
    ck_assert_uint_eq(st.acquires, 2);
    ck_assert_uint_eq(st.timeouts, 1);
    ck_assert_uint_eq(st.waits, 1);
    svc_pool_release(pool, a);
    svc_pool_release(pool, b);
    svc_pool_get_stats(pool, &st);
    ck_assert_uint_eq(st.in_use, 0);
    ck_assert_uint_eq(st.open, 2);
    svc_pool_free(pool);
}
END_TEST

typedef struct waiter {
    svc_pool *pool;
    int rc;
    long pid;
    double waited_ms;
    atomic_bool done;
} waiter;

static void *waiter_run(void *arg) {
    waiter *w = arg;
    svc_conn *c;
    double t0 = now_ms();
    w->rc = svc_pool_acquire(w->pool, &c);
    w->waited_ms = now_ms() - t0;
    if (w->rc == SVC_OK) {
        PGresult *res = NULL;
        if (svc_conn_query(c, "my_pid", 0, NULL, &res) == SVC_OK)
            w->pid = atol(PQgetvalue(res, 0, 0));
        PQclear(res);
        svc_pool_release(w->pool, c);
    }
    atomic_store(&w->done, true);
    return NULL;
}

START_TEST(a_waiter_gets_the_released_connection) {
    svc_pool *pool = new_pool(pool_conninfo, 1, 5000);
    svc_conn *c;
    ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_OK);
    long pid = query_long(c, "my_pid", 0, NULL);
    waiter w = {.pool = pool};
    pthread_t t;
    ck_assert_int_eq(pthread_create(&t, NULL, waiter_run, &w), 0);
    sleep_ms(200);
    ck_assert_msg(!atomic_load(&w.done), "the waiter did not wait for the held connection");
    svc_pool_release(pool, c);
    pthread_join(t, NULL);
    ck_assert_int_eq(w.rc, SVC_OK);
    ck_assert_int_eq(w.pid, pid); /* the very connection that was released */
    ck_assert_msg(w.waited_ms >= 150 && w.waited_ms < 4000, "waited %.0f ms", w.waited_ms);
    svc_pool_stats st;
    svc_pool_get_stats(pool, &st);
    ck_assert_uint_eq(st.waits, 1);
    ck_assert_uint_eq(st.timeouts, 0);
    ck_assert_uint_eq(st.acquires, 2);
    ck_assert_uint_eq(st.reconnects, 1);
    svc_pool_free(pool);
}
END_TEST

#define HAMMER_THREADS 8
#define HAMMER_ROUNDS  60

typedef struct hammer {
    svc_pool *pool;
    atomic_int *held;
    atomic_int *max_held;
    int failures;
} hammer;

static int hammer_round(hammer *h) {
    svc_conn *c;
    int rc = svc_pool_acquire(h->pool, &c);
    if (rc != SVC_OK)
        return rc;
    int now = atomic_fetch_add(h->held, 1) + 1;
    int max = atomic_load(h->max_held);
    while (now > max && !atomic_compare_exchange_weak(h->max_held, &max, now))
        ;
    PGresult *res = NULL;
    rc = svc_conn_begin(c);
    if (rc == SVC_OK)
        rc = svc_conn_query(c, "bump", 0, NULL, &res);
    PQclear(res);
    res = NULL;
    if (rc == SVC_OK)
        rc = svc_conn_query(c, "get_n", 0, NULL, &res);
    PQclear(res);
    if (rc == SVC_OK)
        rc = svc_conn_commit(c);
    atomic_fetch_sub(h->held, 1);
    svc_pool_release(h->pool, c);
    return rc;
}

static void *hammer_run(void *arg) {
    hammer *h = arg;
    for (int i = 0; i < HAMMER_ROUNDS; i++) {
        if (hammer_round(h) != SVC_OK)
            h->failures++;
    }
    return NULL;
}

START_TEST(eight_threads_share_three_connections_correctly) {
    svc_pool *pool = new_pool(pool_conninfo, 3, 10000);
    atomic_int held = 0, max_held = 0;
    hammer h[HAMMER_THREADS];
    pthread_t t[HAMMER_THREADS];
    for (int i = 0; i < HAMMER_THREADS; i++) {
        h[i] = (hammer){.pool = pool, .held = &held, .max_held = &max_held};
        ck_assert_int_eq(pthread_create(&t[i], NULL, hammer_run, &h[i]), 0);
    }
    int failures = 0;
    for (int i = 0; i < HAMMER_THREADS; i++) {
        pthread_join(t[i], NULL);
        failures += h[i].failures;
    }
    ck_assert_int_eq(failures, 0);
    ck_assert_int_le(atomic_load(&max_held), 3);
    svc_pool_stats st;
    svc_pool_get_stats(pool, &st);
    ck_assert_uint_eq(st.acquires, HAMMER_THREADS * HAMMER_ROUNDS);
    ck_assert_uint_le(st.open, 3);
    ck_assert_uint_le(st.reconnects, 3);
    ck_assert_uint_eq(st.in_use, 0);
    ck_assert_uint_eq(st.timeouts, 0);
    ck_assert_uint_gt(st.waits, 0);
    svc_pool_free(pool);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT n FROM %s.counter WHERE id = 1", schema);
    ck_assert_int_eq(admin_long(sql, NULL), HAMMER_THREADS * HAMMER_ROUNDS);
}
END_TEST

/* ---- transactions and errors ---- */

START_TEST(release_rolls_back_an_open_transaction) {
    svc_pool *pool = new_pool(pool_conninfo, 1, 1000);
    svc_conn *c;
    ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_OK);
    ck_assert_int_eq(svc_conn_begin(c), SVC_OK);
    const char *name[] = {"uncommitted"};
    PGresult *res = NULL;
    ck_assert_int_eq(svc_conn_query(c, "add_item", 1, name, &res), SVC_OK);
    PQclear(res);
    ck_assert_int_eq(query_long(c, "count_items", 0, NULL), 1);
    svc_pool_release(pool, c);

    ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_OK);
    ck_assert_int_eq(PQtransactionStatus(svc_conn_pg(c)), PQTRANS_IDLE);
    ck_assert_int_eq(query_long(c, "count_items", 0, NULL), 0);
    svc_pool_release(pool, c);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s.items", schema);
    ck_assert_int_eq(admin_long(sql, NULL), 0);

    svc_pool_stats st;
    svc_pool_get_stats(pool, &st);
    ck_assert_uint_eq(st.reconnects, 1); /* the connection itself was kept */
    svc_pool_free(pool);
}
END_TEST

START_TEST(a_failed_transaction_is_reported_and_cleaned_up) {
    svc_pool *pool = new_pool(pool_conninfo, 1, 1000);
    svc_conn *c;
    ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_OK);
    ck_assert_int_eq(svc_conn_begin(c), SVC_OK);
    ck_assert_int_eq(svc_conn_exec(c, "SELECT 1/0"), SVC_EDB);
    ck_assert_str_eq(svc_conn_sqlstate(c), "22012");
    /* COMMIT of an aborted transaction only rolls back: that must not look like success. */
    ck_assert_int_eq(svc_conn_commit(c), SVC_EDB);
    ck_assert_str_eq(svc_conn_sqlstate(c), "25P02");

    ck_assert_int_eq(svc_conn_begin(c), SVC_OK);
    ck_assert_int_eq(svc_conn_exec(c, "SELECT 1/0"), SVC_EDB);
    svc_pool_release(pool, c); /* left in the failed transaction */
    ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_OK);
    ck_assert_str_eq(svc_conn_sqlstate(c), "");
    ck_assert_int_eq(query_long(c, "count_items", 0, NULL), 0);
    svc_pool_release(pool, c);
    svc_pool_stats st;
    svc_pool_get_stats(pool, &st);
    ck_assert_uint_eq(st.reconnects, 1);
    svc_pool_free(pool);
}
END_TEST

START_TEST(unique_violation_is_a_database_error_with_its_sqlstate) {
    svc_pool *pool = new_pool(pool_conninfo, 1, 1000);
    svc_conn *c;
    ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_OK);
    const char *a[] = {"a"}, *b[] = {"b"};
    PGresult *res = NULL;
    ck_assert_int_eq(svc_conn_query(c, "add_item", 1, a, &res), SVC_OK);
    ck_assert_int_eq(PQresultStatus(res), PGRES_COMMAND_OK);
    PQclear(res);
    res = NULL;
    ck_assert_int_eq(svc_conn_query(c, "add_item", 1, a, &res), SVC_EDB);
    ck_assert_ptr_null(res);
    ck_assert_str_eq(svc_conn_sqlstate(c), "23505");
    ck_assert_ptr_nonnull(strstr(svc_conn_error(c), "duplicate key"));
    /* the connection stays usable */
    ck_assert_int_eq(svc_conn_query(c, "add_item", 1, b, &res), SVC_OK);
    PQclear(res);
    ck_assert_str_eq(svc_conn_sqlstate(c), "");
    ck_assert_int_eq(query_long(c, "count_items", 0, NULL), 2);
    svc_pool_release(pool, c);
    svc_pool_free(pool);
}
END_TEST

/* ---- an unreachable database ---- */

START_TEST(an_unreachable_database_fails_fast_and_is_retried_with_backoff) {
    fake_server s;
    fake_server_start(&s, true);
    char conninfo[200];
    snprintf(conninfo, sizeof conninfo,
             "host=127.0.0.1 port=%d dbname=x user=x sslmode=disable gssencmode=disable", s.port);
    svc_pool *pool = new_pool(conninfo, 4, 1000);
    double start = now_ms(), slowest = 0;
    int calls = 0;
    while (now_ms() - start < 1000) {
        svc_conn *c = NULL;
        double t0 = now_ms();
        ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_EUNAVAILABLE);
        ck_assert_ptr_null(c);
        double took = now_ms() - t0;
        slowest = took > slowest ? took : slowest;
        calls++;
        sleep_ms(5);
    }
    ck_assert_int_eq(svc_pool_ping(pool), SVC_EUNAVAILABLE);
    fake_server_stop(&s);
    int attempts = atomic_load(&s.attempts);
    /* 100, 200, 400, 800 ms apart: about 4 attempts in the second, not one per call. */
    ck_assert_msg(attempts >= 2 && attempts <= 6, "%d connection attempts for %d calls", attempts,
                  calls);
    ck_assert_msg(calls > 20, "only %d calls in a second", calls);
    ck_assert_msg(slowest < 1500, "slowest acquire took %.0f ms", slowest);
    svc_pool_stats st;
    svc_pool_get_stats(pool, &st);
    ck_assert_uint_eq(st.open, 0);
    ck_assert_uint_eq(st.in_use, 0);
    ck_assert_uint_eq(st.acquires, 0);
    ck_assert_uint_eq(st.reconnects, 0);
    svc_pool_free(pool);
}
END_TEST

START_TEST(a_closed_port_fails_fast_in_uri_and_keyword_form) {
    int port = free_port();
    char uri[200], kv[200];
    snprintf(uri, sizeof uri, "postgresql://x@127.0.0.1:%d/x?sslmode=disable", port);
    snprintf(kv, sizeof kv, "host=127.0.0.1 port=%d dbname=x user=x", port);
    const char *forms[] = {uri, kv};
    for (int f = 0; f < 2; f++) {
        svc_pool *pool = new_pool(forms[f], 2, 1000);
        double t0 = now_ms();
        for (int i = 0; i < 20; i++) {
            svc_conn *c = NULL;
            ck_assert_int_eq(svc_pool_acquire(pool, &c), SVC_EUNAVAILABLE);
        }
        double took = now_ms() - t0;
        ck_assert_msg(took < 1500, "20 acquires took %.0f ms", took);
        svc_pool_free(pool);
    }
}
END_TEST

typedef struct hanging_acquire {
    svc_pool *pool;
    int rc, rc_again;
    double took_ms, took_again_ms;
} hanging_acquire;

/* Acquire, and right after that acquire again. */
static void *hanging_acquire_run(void *arg) {
    hanging_acquire *h = arg;
    svc_conn *c = NULL;
    double t0 = now_ms();
    h->rc = svc_pool_acquire(h->pool, &c);
    double t1 = now_ms();
    h->took_ms = t1 - t0;
    if (c)
        svc_pool_release(h->pool, c);
    c = NULL;
    h->rc_again = svc_pool_acquire(h->pool, &c);
    h->took_again_ms = now_ms() - t1;
    if (c)
        svc_pool_release(h->pool, c);
    return NULL;
}

START_TEST(a_silent_server_cannot_hang_a_connect) {
    fake_server s;
    fake_server_start(&s, false); /* connections complete but never get an answer */
    char uri[200], kv[200];
    snprintf(uri, sizeof uri, "postgresql://x@127.0.0.1:%d/x?sslmode=disable", s.port);
    snprintf(kv, sizeof kv, "host=127.0.0.1 port=%d dbname=x user=x connect_timeout=4", s.port);
    /* URI form without connect_timeout gets the pool's 2 s; the caller's 4 s is kept. libpq
     * counts whole seconds, so 2 s means 1..2 s and 4 s means 3..4 s. */
    hanging_acquire h[2] = {{.pool = new_pool(uri, 2, 1000)}, {.pool = new_pool(kv, 2, 1000)}};
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, hanging_acquire_run, &h[i]), 0);

    /* The pool's lock is not held while a connect hangs. */
    sleep_ms(300);
    double t0 = now_ms();
    svc_pool_stats st;
    svc_pool_get_stats(h[0].pool, &st);
    ck_assert_msg(now_ms() - t0 < 1000, "stats blocked behind a connect");
    ck_assert_uint_eq(st.open, 0);

    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    ck_assert_int_eq(h[0].rc, SVC_EUNAVAILABLE);
    ck_assert_msg(h[0].took_ms > 900 && h[0].took_ms < 3900, "default timeout took %.0f ms",
                  h[0].took_ms);
    ck_assert_int_eq(h[1].rc, SVC_EUNAVAILABLE);
    ck_assert_msg(h[1].took_ms > 2900 && h[1].took_ms < 5900, "connect_timeout=4 took %.0f ms",
                  h[1].took_ms);

    /* Right after the failure the pool does not even try (the server still hangs). */
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(h[i].rc_again, SVC_EUNAVAILABLE);
        ck_assert_msg(h[i].took_again_ms < 1000, "acquire during backoff took %.0f ms",
                      h[i].took_again_ms);
    }
    fake_server_stop(&s);
    for (int i = 0; i < 2; i++)
        svc_pool_free(h[i].pool);
}
END_TEST

static void set_allow_connections(const char *db, bool allow) {
    char sql[160];
    snprintf(sql, sizeof sql, "ALTER DATABASE %s ALLOW_CONNECTIONS %s", db,
             allow ? "true" : "false");
    admin_exec(sql);
    if (!allow) {
        PGresult *res = PQexecParams(admin, "SELECT pid FROM pg_stat_activity WHERE datname = $1",
                                     1, NULL, &db, NULL, NULL, 0);
        ck_assert_int_eq(PQresultStatus(res), PGRES_TUPLES_OK);
        for (int i = 0; i < PQntuples(res); i++)
            terminate(atol(PQgetvalue(res, i, 0)));
        PQclear(res);
    }
}

/* Time limits in these tests separate "fails fast" from "hangs" (a hang here lasts at least the
 * 2 s connect timeout), with room for a loaded shared machine: they are not speed targets. */
START_TEST(the_pool_recovers_when_the_database_comes_back) {
    char db[64], sql[160];
    snprintf(db, sizeof db, "test_pool_db_%ld", (long)getpid());
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", db);
    admin_exec(sql);
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", db);
    admin_exec(sql);
    char *conninfo = conninfo_for(db, "public");
    svc_pool_opts opts = {.conninfo = conninfo, .size = 2, .acquire_timeout_ms = 1000};
    svc_pool *pool = NULL;
    ck_assert_int_eq(svc_pool_new(&pool, &opts), SVC_OK);
    ck_assert_int_eq(svc_pool_ping(pool), SVC_OK);

    /* Outage: every request fails fast. */
    set_allow_connections(db, false);
    double start = now_ms();
    while (now_ms() - start < 800) {
        double t0 = now_ms();
        ck_assert_int_eq(svc_pool_ping(pool), SVC_EUNAVAILABLE);
        ck_assert_msg(now_ms() - t0 < 1500, "ping during the outage took %.0f ms", now_ms() - t0);
        sleep_ms(10);
    }

    /* Back: within the current backoff (at most 800 ms by now) the pool works again. */
    set_allow_connections(db, true);
    start = now_ms();
    while (svc_pool_ping(pool) != SVC_OK && now_ms() - start < 3000)
        sleep_ms(20);
    double recovered = now_ms() - start;
    ck_assert_msg(recovered < 2500, "recovered only after %.0f ms", recovered);

    /* The success reset the backoff: after a new failure the next retry comes after 100 ms,
     * not after twice the last interval. */
    set_allow_connections(db, false);
    ck_assert_int_eq(svc_pool_ping(pool), SVC_EUNAVAILABLE);
    set_allow_connections(db, true);
    start = now_ms();
    while (svc_pool_ping(pool) != SVC_OK && now_ms() - start < 1200)
        sleep_ms(20);
    /* without the reset the next retry would come only ~1.6 s after the failure */
    ck_assert_int_eq(svc_pool_ping(pool), SVC_OK);

    svc_pool_free(pool);
    free(conninfo);
    snprintf(sql, sizeof sql, "DROP DATABASE %s WITH (FORCE)", db);
    admin_exec(sql);
}
END_TEST

/* ---- construction ---- */

START_TEST(the_database_url_works_as_given_and_bad_options_are_refused) {
    svc_pool *pool = NULL;
    svc_pool_opts opts = {.conninfo = db_url(), .size = 1, .acquire_timeout_ms = 100};
    ck_assert_int_eq(svc_pool_new(&pool, &opts), SVC_OK);
    ck_assert_int_eq(svc_pool_ping(pool), SVC_OK);
    ck_assert_int_eq(svc_pool_ping(pool), SVC_OK);
    svc_pool_stats st;
    svc_pool_get_stats(pool, &st);
    ck_assert_uint_eq(st.reconnects, 1);
    ck_assert_uint_eq(st.acquires, 2);
    svc_pool_free(pool);

    opts.size = 0;
    ck_assert_int_eq(svc_pool_new(&pool, &opts), SVC_EINVAL);
    ck_assert_ptr_null(pool);
    opts.size = 1;
    opts.conninfo = "this is no conninfo";
    ck_assert_int_eq(svc_pool_new(&pool, &opts), SVC_EINVAL);
    opts.conninfo = NULL;
    ck_assert_int_eq(svc_pool_new(&pool, &opts), SVC_EINVAL);
    ck_assert_int_eq(svc_pool_new(&pool, NULL), SVC_EINVAL);
    const svc_statement bad[] = {{"no_sql", NULL}, {NULL, NULL}};
    opts.conninfo = db_url();
    opts.statements = bad;
    ck_assert_int_eq(svc_pool_new(&pool, &opts), SVC_EINVAL);
}
END_TEST

int main(void) {
    if (!getenv("JT_DATABASE_URL"))
        fprintf(stderr, "test_pool: JT_DATABASE_URL is not set; every test will fail\n");
    Suite *s = suite_create("pool");
    TCase *tc = tcase_create("postgres");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc,
                   statements_are_prepared_lazily_and_again_after_the_server_kills_the_connection);
    tcase_add_test(tc, unknown_statement_name_is_refused);
    tcase_add_test(tc, wrong_parameter_count_is_an_error_not_an_outage);
    tcase_add_test(tc, a_full_pool_answers_busy_after_the_timeout);
    tcase_add_test(tc, a_waiter_gets_the_released_connection);
    tcase_add_test(tc, eight_threads_share_three_connections_correctly);
    tcase_add_test(tc, release_rolls_back_an_open_transaction);
    tcase_add_test(tc, a_failed_transaction_is_reported_and_cleaned_up);
    tcase_add_test(tc, unique_violation_is_a_database_error_with_its_sqlstate);
    tcase_add_test(tc, an_unreachable_database_fails_fast_and_is_retried_with_backoff);
    tcase_add_test(tc, a_closed_port_fails_fast_in_uri_and_keyword_form);
    tcase_add_test(tc, a_silent_server_cannot_hang_a_connect);
    tcase_add_test(tc, the_pool_recovers_when_the_database_comes_back);
    tcase_add_test(tc, the_database_url_works_as_given_and_bad_options_are_refused);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
