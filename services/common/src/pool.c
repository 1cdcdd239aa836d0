/* The bounded PostgreSQL connection pool (svc/pool.h).
 *
 * One mutex guards the pool's bookkeeping. Callers that find no connection wait in a FIFO queue,
 * each on its own condition variable: a released connection is handed straight to the oldest
 * waiter, so a newcomer cannot barge past callers that have waited longer (with one shared
 * condition variable, the tail latency under load grew to hundreds of milliseconds). Network I/O
 * (connecting, the liveness check, the rollback at release, closing) always happens outside the
 * mutex: a slot is reserved under the lock, filled without it, and given back under it when the
 * work fails. */
#include "svc/pool.h"
#include "svc/error.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BACKOFF_MIN_MS 100u
#define BACKOFF_MAX_MS 5000u

struct svc_conn {
    svc_pool *pool;
    PGconn *pg;
    bool *prepared; /* prepared[i]: pool statement i exists on this connection */
    bool broken;    /* the connection failed; close it at release */
    char sqlstate[6];
    char error[512];
    svc_conn *next; /* idle list link */
};

/* A caller waiting in svc_pool_acquire(), on its own stack. */
struct waiter {
    pthread_cond_t wake;
    svc_conn *handed; /* a connection given directly by svc_pool_release() */
    struct waiter *next;
};

struct svc_pool {
    pthread_mutex_t lock;
    pthread_cond_t freed;
    PQconninfoOption *options; /* parsed conninfo; keys/vals point into it */
    const char **keys;
    const char **vals;
    const svc_statement *statements;
    size_t nstatements;
    unsigned int timeout_ms;
    svc_conn *idle;
    struct waiter *head, *tail; /* callers waiting for a connection, oldest first */
    unsigned int slots;         /* connections open or being opened, at most stats.size */
    unsigned int backoff_ms;    /* 0 while the database is reachable */
    struct timespec retry_at;
    svc_pool_stats stats;
};

/* Settings added to the caller's conninfo unless it sets them itself: a connect must never hang
 * (the libpq default waits forever), and a peer that vanished must be noticed on idle sockets. */
static const char *const default_keys[] = {"connect_timeout", "keepalives", "keepalives_idle",
                                           "keepalives_interval", "keepalives_count"};
static const char *const default_vals[] = {"2", "1", "30", "10", "3"};
#define NDEFAULTS (sizeof default_keys / sizeof default_keys[0])

/* ---- time ---- */

static struct timespec now_monotonic(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t;
}

static struct timespec add_ms(struct timespec t, unsigned int ms) {
    t.tv_sec += ms / 1000;
    t.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

static bool before(struct timespec a, struct timespec b) {
    return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

/* ---- conninfo ---- */

static bool option_set(const PQconninfoOption *opts, const char *key) {
    for (const PQconninfoOption *o = opts; o->keyword; o++) {
        if (strcmp(o->keyword, key) == 0)
            return o->val != NULL && o->val[0] != '\0';
    }
    return false;
}

/* Parse conninfo (URI or key=value) into the keyword/value arrays for PQconnectdbParams, with
 * the defaults above added where the caller gave nothing. */
static int parse_conninfo(svc_pool *pool, const char *conninfo) {
    char *err = NULL;
    pool->options = PQconninfoParse(conninfo, &err);
    if (!pool->options) {
        int rc = err ? SVC_EINVAL : SVC_ENOMEM; /* libpq leaves err NULL when out of memory */
        PQfreemem(err);
        return rc;
    }
    size_t n = NDEFAULTS + 1;
    for (const PQconninfoOption *o = pool->options; o->keyword; o++)
        n++;
    pool->keys = calloc(n, sizeof *pool->keys);
    pool->vals = calloc(n, sizeof *pool->vals);
    if (!pool->keys || !pool->vals)
        return SVC_ENOMEM;
    size_t i = 0;
    for (const PQconninfoOption *o = pool->options; o->keyword; o++) {
        if (o->val) {
            pool->keys[i] = o->keyword;
            pool->vals[i++] = o->val;
        }
    }
    for (size_t d = 0; d < NDEFAULTS; d++) {
        if (!option_set(pool->options, default_keys[d])) {
            pool->keys[i] = default_keys[d];
            pool->vals[i++] = default_vals[d];
        }
    }
    return SVC_OK;
}

/* ---- one connection ---- */

/* Notices go nowhere (as free text on stderr they would break the service's JSON log lines),
 * except one: a backend that is terminated (pg_terminate_backend, a shutdown) sends a FATAL
 * message, which arrives on an idle connection as a notice, shortly before the socket closes. */
static void on_notice(void *arg, const PGresult *res) {
    svc_conn *c = arg;
    const char *severity = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
    if (severity && (strcmp(severity, "FATAL") == 0 || strcmp(severity, "PANIC") == 0))
        c->broken = true;
}

static void conn_set_error(svc_conn *c, const char *sqlstate, const char *message) {
    snprintf(c->sqlstate, sizeof c->sqlstate, "%s", sqlstate ? sqlstate : "");
    snprintf(c->error, sizeof c->error, "%s", message ? message : "");
    size_t len = strlen(c->error);
    while (len > 0 && (c->error[len - 1] == '\n' || c->error[len - 1] == ' '))
        c->error[--len] = '\0';
}

static void conn_clear_error(svc_conn *c) {
    c->sqlstate[0] = '\0';
    c->error[0] = '\0';
}

static void conn_free(svc_conn *c) {
    if (!c)
        return;
    PQfinish(c->pg);
    free(c->prepared);
    free(c);
}

/* Open a new connection; NULL when the database cannot be reached (or memory ran out). */
static svc_conn *conn_open(svc_pool *pool) {
    svc_conn *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->pool = pool;
    c->prepared = calloc(pool->nstatements + 1, sizeof *c->prepared);
    c->pg = PQconnectdbParams(pool->keys, pool->vals, 0);
    if (!c->prepared || !c->pg || PQstatus(c->pg) != CONNECTION_OK) {
        conn_free(c);
        return NULL;
    }
    PQsetNoticeReceiver(c->pg, on_notice, c);
    return c;
}

/* An idle connection is usable unless the server closed it meanwhile (restart, or
 * pg_terminate_backend). Such a server sends a FATAL message and then EOF, which makes the socket
 * readable; a healthy idle connection has nothing to read, apart from the odd ParameterStatus or
 * NOTIFY. Checking here spares a request the failure of its first statement. */
static bool conn_alive(svc_conn *c) {
    for (int round = 0; round < 4; round++) {
        if (c->broken || PQstatus(c->pg) != CONNECTION_OK)
            return false;
        struct pollfd p = {.fd = PQsocket(c->pg), .events = POLLIN};
        int ready = poll(&p, 1, 0);
        if (ready == 0)
            return true;
        if (ready < 0)
            return errno == EINTR;
        if (!PQconsumeInput(c->pg))
            return false;
        PGnotify *n;
        while ((n = PQnotifies(c->pg)) != NULL) /* also parses what arrived (see on_notice) */
            PQfreemem(n);
    }
    return !c->broken && PQstatus(c->pg) == CONNECTION_OK;
}

/* Bring the connection back to idle for the next user; false when it must be closed instead. */
static bool conn_reset(svc_conn *c) {
    if (c->broken || PQstatus(c->pg) != CONNECTION_OK)
        return false;
    switch (PQtransactionStatus(c->pg)) {
    case PQTRANS_IDLE:
        return true;
    case PQTRANS_INTRANS:
    case PQTRANS_INERROR: {
        PGresult *res = PQexec(c->pg, "ROLLBACK");
        bool ok = res && PQresultStatus(res) == PGRES_COMMAND_OK &&
                  PQtransactionStatus(c->pg) == PQTRANS_IDLE;
        PQclear(res);
        return ok;
    }
    default: /* a command still running (e.g. an unfinished COPY) or an unknown state */
        return false;
    }
}

/* A failed result: SVC_EUNAVAILABLE when the connection is gone (it is then closed at release),
 * SVC_EDB when the database reported an error. Records SQLSTATE and message either way. */
static int conn_failure(svc_conn *c, const PGresult *res) {
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *message = res ? PQresultErrorMessage(res) : "";
    if (!message || !message[0])
        message = PQerrorMessage(c->pg);
    conn_set_error(c, state, message);
    /* Class 08 is a connection exception; 57P01..57P03 mean the server is shutting down or not
     * accepting connections: in every case this session is lost. Except 08P01 (protocol
     * violation), which the server also sends for a wrong number of parameters on a session that
     * goes on: a programming error (500), not an outage (503). */
    bool protocol = state && strcmp(state, "08P01") == 0 && PQstatus(c->pg) == CONNECTION_OK;
    bool lost = PQstatus(c->pg) != CONNECTION_OK ||
                (state && strncmp(state, "08", 2) == 0 && !protocol) ||
                (state && strncmp(state, "57P0", 4) == 0);
    if (lost) {
        c->broken = true;
        return SVC_EUNAVAILABLE;
    }
    if (!res)
        return SVC_ENOMEM; /* libpq could not even build a result */
    if (!state)
        return SVC_ERR; /* e.g. an unexpected COPY state, not a database error */
    return SVC_EDB;
}

/* Take ownership of res: on success hand it to *out (or clear it), on failure classify it. */
static int conn_result(svc_conn *c, PGresult *res, PGresult **out) {
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK || st == PGRES_EMPTY_QUERY) {
        if (out)
            *out = res;
        else
            PQclear(res);
        return SVC_OK;
    }
    int rc = conn_failure(c, res);
    PQclear(res);
    return rc;
}

static int statement_index(const svc_pool *pool, const char *name) {
    for (size_t i = 0; i < pool->nstatements; i++) {
        if (strcmp(pool->statements[i].name, name) == 0)
            return (int)i;
    }
    return -1;
}

/* Prepare statement i on this connection unless it already is. Protocol-level prepared
 * statements are not transactional, so one prepared inside a transaction that later rolls back
 * stays valid. */
static int conn_prepare(svc_conn *c, int i) {
    if (c->prepared[i])
        return SVC_OK;
    const svc_statement *s = &c->pool->statements[i];
    int rc = conn_result(c, PQprepare(c->pg, s->name, s->sql, 0, NULL), NULL);
    if (rc == SVC_OK)
        c->prepared[i] = true;
    return rc;
}

/* ---- public: connections ---- */

int svc_conn_query(svc_conn *conn, const char *name, int nparams, const char *const *values,
                   PGresult **out) {
    if (out)
        *out = NULL;
    if (!conn || !name || !out || nparams < 0 || (nparams > 0 && !values))
        return SVC_EINVAL;
    conn_clear_error(conn);
    int i = statement_index(conn->pool, name);
    if (i < 0) {
        conn_set_error(conn, NULL, "no such prepared statement in the pool's table");
        return SVC_EINVAL;
    }
    int rc = conn_prepare(conn, i);
    if (rc != SVC_OK)
        return rc;
    PGresult *res = PQexecPrepared(conn->pg, name, nparams, values, NULL, NULL, 0);
    return conn_result(conn, res, out);
}

int svc_conn_exec(svc_conn *conn, const char *sql) {
    if (!conn || !sql)
        return SVC_EINVAL;
    conn_clear_error(conn);
    return conn_result(conn, PQexec(conn->pg, sql), NULL);
}

int svc_conn_begin(svc_conn *conn) {
    return svc_conn_exec(conn, "BEGIN");
}

int svc_conn_commit(svc_conn *conn) {
    if (!conn)
        return SVC_EINVAL;
    /* COMMIT of a failed transaction "succeeds" with a ROLLBACK tag: report it as the failure it
     * is, or a caller would believe its writes were stored. */
    bool failed = PQtransactionStatus(conn->pg) == PQTRANS_INERROR;
    int rc = svc_conn_exec(conn, "COMMIT");
    if (rc == SVC_OK && failed) {
        conn_set_error(conn, "25P02", "transaction was aborted; COMMIT rolled it back");
        return SVC_EDB;
    }
    return rc;
}

int svc_conn_rollback(svc_conn *conn) {
    return svc_conn_exec(conn, "ROLLBACK");
}

const char *svc_conn_sqlstate(const svc_conn *conn) {
    return conn ? conn->sqlstate : "";
}

const char *svc_conn_error(const svc_conn *conn) {
    return conn ? conn->error : "";
}

PGconn *svc_conn_pg(svc_conn *conn) {
    return conn ? conn->pg : NULL;
}

/* ---- public: the pool ---- */

/* The condition variable waits on CLOCK_MONOTONIC, so a clock change cannot stretch a wait. */
static int init_sync(svc_pool *pool) {
    pthread_condattr_t attr;
    if (pthread_condattr_init(&attr) != 0)
        return SVC_ERR;
    int err = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    if (err == 0)
        err = pthread_cond_init(&pool->freed, &attr);
    pthread_condattr_destroy(&attr);
    if (err != 0)
        return SVC_ERR;
    if (pthread_mutex_init(&pool->lock, NULL) != 0) {
        pthread_cond_destroy(&pool->freed);
        return SVC_ERR;
    }
    return SVC_OK;
}

static int count_statements(svc_pool *pool, const svc_statement *statements) {
    pool->statements = statements;
    for (const svc_statement *s = statements; s && s->name; s++) {
        if (!s->sql)
            return SVC_EINVAL;
        pool->nstatements++;
    }
    return SVC_OK;
}

static void free_conninfo(svc_pool *pool) {
    PQconninfoFree(pool->options);
    free(pool->keys);
    free(pool->vals);
}

int svc_pool_new(svc_pool **out, const svc_pool_opts *opts) {
    if (!out)
        return SVC_EINVAL;
    *out = NULL;
    if (!opts || !opts->conninfo || opts->size == 0)
        return SVC_EINVAL;
    svc_pool *pool = calloc(1, sizeof *pool);
    if (!pool)
        return SVC_ENOMEM;
    pool->timeout_ms = opts->acquire_timeout_ms;
    pool->stats.size = opts->size;
    int rc = count_statements(pool, opts->statements);
    if (rc == SVC_OK)
        rc = parse_conninfo(pool, opts->conninfo);
    if (rc == SVC_OK)
        rc = init_sync(pool);
    if (rc != SVC_OK) {
        free_conninfo(pool);
        free(pool);
        return rc;
    }
    *out = pool;
    return SVC_OK;
}

void svc_pool_free(svc_pool *pool) {
    if (!pool)
        return;
    svc_conn *c = pool->idle;
    while (c) {
        svc_conn *next = c->next;
        conn_free(c);
        c = next;
    }
    pthread_mutex_destroy(&pool->lock);
    pthread_cond_destroy(&pool->freed);
    free_conninfo(pool);
    free(pool);
}

/* Under the lock: may a new connection be attempted now? While the database is known to be down
 * only one attempt per backoff interval goes out; everyone else fails fast. *probe tells the
 * caller its attempt is such a retry. */
static bool may_connect(svc_pool *pool, bool *probe) {
    *probe = pool->backoff_ms > 0;
    if (!*probe)
        return true;
    struct timespec now = now_monotonic();
    if (before(now, pool->retry_at))
        return false;
    /* Claim this retry: others keep failing fast while it is under way. */
    pool->retry_at = add_ms(now, pool->backoff_ms);
    return true;
}

/* ---- the wait queue (all under the lock) ---- */

static void wake_head(svc_pool *pool) {
    if (pool->head)
        pthread_cond_signal(&pool->head->wake);
}

static void enqueue(svc_pool *pool, struct waiter *w) {
    w->next = NULL;
    if (pool->tail)
        pool->tail->next = w;
    else
        pool->head = w;
    pool->tail = w;
}

/* Back to the front of the line: used by a waiter that left it to take a connection (the lock is
 * dropped while taking, so it must not stay queued) and found none after all. */
static void push_front(svc_pool *pool, struct waiter *w) {
    w->next = pool->head;
    pool->head = w;
    if (pool->tail == NULL)
        pool->tail = w;
}

static void dequeue(svc_pool *pool, struct waiter *w) {
    struct waiter **link = &pool->head, *prev = NULL;
    while (*link && *link != w) {
        prev = *link;
        link = &(*link)->next;
    }
    if (*link == NULL)
        return;
    *link = w->next;
    if (pool->tail == w)
        pool->tail = prev;
    w->next = NULL;
}

/* Under the lock: a connection attempt failed. */
static void connect_failed(svc_pool *pool, bool probe) {
    if (pool->backoff_ms == 0)
        pool->backoff_ms = BACKOFF_MIN_MS;
    else if (probe)
        pool->backoff_ms =
            pool->backoff_ms * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS : pool->backoff_ms * 2;
    pool->retry_at = add_ms(now_monotonic(), pool->backoff_ms);
    pool->slots--;
    /* The oldest waiter may use the slot, or learn that the database is down. */
    wake_head(pool);
}

/* Under the lock: count a successful acquire. */
static void acquired(svc_pool *pool, svc_conn *c) {
    pool->stats.in_use++;
    pool->stats.acquires++;
    conn_clear_error(c);
}

/* Called with the lock held and a slot reserved; returns with the lock held. */
static int acquire_new(svc_pool *pool, bool probe, svc_conn **out) {
    pthread_mutex_unlock(&pool->lock);
    svc_conn *c = conn_open(pool);
    pthread_mutex_lock(&pool->lock);
    if (!c) {
        connect_failed(pool, probe);
        return SVC_EUNAVAILABLE;
    }
    pool->backoff_ms = 0;
    pool->stats.open++;
    pool->stats.reconnects++;
    acquired(pool, c);
    *out = c;
    return SVC_OK;
}

/* Called with the lock held and c taken off the idle list; returns with the lock held. False
 * when c was dead and has been closed (its slot is free again). */
static bool take_idle(svc_pool *pool, svc_conn *c) {
    pthread_mutex_unlock(&pool->lock);
    bool alive = conn_alive(c);
    if (!alive)
        conn_free(c);
    pthread_mutex_lock(&pool->lock);
    if (!alive) {
        pool->slots--;
        pool->stats.open--;
        return false;
    }
    acquired(pool, c);
    return true;
}

/* Under the lock: take an idle connection or open one in a free slot. SVC_ENOTFOUND when neither
 * is possible now. */
static int try_take(svc_pool *pool, svc_conn **out) {
    while (pool->idle) {
        svc_conn *c = pool->idle;
        pool->idle = c->next;
        c->next = NULL;
        if (take_idle(pool, c)) {
            *out = c;
            return SVC_OK;
        }
    }
    if (pool->slots < pool->stats.size) {
        bool probe;
        if (!may_connect(pool, &probe))
            return SVC_EUNAVAILABLE;
        pool->slots++;
        return acquire_new(pool, probe, out);
    }
    return SVC_ENOTFOUND;
}

static int init_waiter(struct waiter *w) {
    pthread_condattr_t attr;
    memset(w, 0, sizeof(*w));
    if (pthread_condattr_init(&attr) != 0)
        return SVC_ENOMEM;
    int err = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    if (err == 0)
        err = pthread_cond_init(&w->wake, &attr);
    pthread_condattr_destroy(&attr);
    return err == 0 ? SVC_OK : SVC_ENOMEM;
}

/* Under the lock: wait in line until a connection is handed over, this caller is first and one
 * can be taken, or the deadline passes. */
static int wait_in_line(svc_pool *pool, const struct timespec *deadline, svc_conn **out) {
    struct waiter w;
    if (init_waiter(&w) != SVC_OK)
        return SVC_ENOMEM;
    pool->stats.waits++;
    enqueue(pool, &w);
    int rc = SVC_ENOTFOUND;
    while (rc == SVC_ENOTFOUND) {
        int err = pthread_cond_timedwait(&w.wake, &pool->lock, deadline);
        if (w.handed) { /* release() already took us out of the line */
            svc_conn *c = w.handed;
            w.handed = NULL;
            if (take_idle(pool, c)) {
                *out = c;
                rc = SVC_OK;
            } else {
                rc = try_take(pool, out); /* it was dead: its slot is free */
            }
            if (rc == SVC_ENOTFOUND)
                push_front(pool, &w);
        } else if (pool->head == &w) {
            dequeue(pool, &w);
            rc = try_take(pool, out);
            if (rc == SVC_ENOTFOUND)
                push_front(pool, &w);
        }
        if (rc == SVC_ENOTFOUND && err == ETIMEDOUT) {
            pool->stats.timeouts++;
            rc = SVC_EBUSY;
        }
        if (rc != SVC_ENOTFOUND)
            dequeue(pool, &w);
    }
    wake_head(pool); /* the next in line may find something too */
    pthread_cond_destroy(&w.wake);
    return rc;
}

int svc_pool_acquire(svc_pool *pool, svc_conn **out) {
    if (!out)
        return SVC_EINVAL;
    *out = NULL;
    if (!pool)
        return SVC_EINVAL;
    struct timespec deadline = add_ms(now_monotonic(), pool->timeout_ms);
    int rc = SVC_ENOTFOUND;
    pthread_mutex_lock(&pool->lock);
    if (pool->head == NULL) /* nobody is waiting: no need to queue */
        rc = try_take(pool, out);
    if (rc == SVC_ENOTFOUND)
        rc = wait_in_line(pool, &deadline, out);
    pthread_mutex_unlock(&pool->lock);
    return rc;
}

void svc_pool_release(svc_pool *pool, svc_conn *conn) {
    if (!pool || !conn)
        return;
    bool keep = conn_reset(conn);
    if (keep) {
        conn_clear_error(conn);
        conn->broken = false;
    } else {
        conn_free(conn);
    }
    pthread_mutex_lock(&pool->lock);
    pool->stats.in_use--;
    if (keep && pool->head) {
        struct waiter *w = pool->head; /* hand it to the oldest waiter directly */
        dequeue(pool, w);
        w->handed = conn;
        pthread_cond_signal(&w->wake);
    } else if (keep) {
        conn->next = pool->idle;
        pool->idle = conn;
    } else {
        pool->slots--;
        pool->stats.open--;
        wake_head(pool);
    }
    pthread_mutex_unlock(&pool->lock);
}

void svc_pool_get_stats(svc_pool *pool, svc_pool_stats *out) {
    if (!out)
        return;
    memset(out, 0, sizeof *out);
    if (!pool)
        return;
    pthread_mutex_lock(&pool->lock);
    *out = pool->stats;
    pthread_mutex_unlock(&pool->lock);
}

int svc_pool_ping(svc_pool *pool) {
    svc_conn *c;
    int rc = svc_pool_acquire(pool, &c);
    if (rc != SVC_OK)
        return rc;
    rc = svc_conn_exec(c, "SELECT 1");
    svc_pool_release(pool, c);
    return rc;
}
