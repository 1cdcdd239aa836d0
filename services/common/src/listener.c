/* Accepting connections for the epoll workers: one thread accepts on the service's socket and
 * hands each connection to the worker with the fewest open connections.
 *
 * Why not MHD's own thread pool: its workers share the listening socket, and whichever worker is
 * awake accepts up to ten connections in a row, so a burst of new connections lands on one or
 * two workers. Measured with 64 keep-alive connections and 8 workers: 46 and 18 connections on
 * two workers, six workers idle; every request on a crowded worker waits for the ones before it,
 * which is what the p99 latency showed. A connection's worker is fixed for its life, so placing
 * it well at accept time is what balances the load. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "internal.h"

#define LISTEN_BACKLOG 1024

struct svc_listener {
    int fd;
    pthread_t thread;
    int thread_started;
    atomic_int stopping;
    struct MHD_Daemon **workers; /* borrowed */
    atomic_uint *open;           /* borrowed: open connections per worker */
    size_t n;
};

static size_t least_loaded(const svc_listener *l) {
    size_t best = 0;
    unsigned int best_open = atomic_load(&l->open[0]);
    for (size_t i = 1; i < l->n; i++) {
        unsigned int o = atomic_load(&l->open[i]);
        if (o < best_open) {
            best = i;
            best_open = o;
        }
    }
    return best;
}

static void hand_off(svc_listener *l, int client, const struct sockaddr_in *peer) {
    size_t w = least_loaded(l);
    /* Counted here, not when the worker starts the connection: a burst of accepts runs ahead of
     * the workers, and must still spread. The worker's "closed" notification counts it down. */
    atomic_fetch_add(&l->open[w], 1);
    if (MHD_add_connection(l->workers[w], client, (const struct sockaddr *)peer, sizeof(*peer)) !=
        MHD_YES) {
        /* MHD has closed the socket; the client sees a reset and may retry. */
        atomic_fetch_sub(&l->open[w], 1);
        svc_log(SVC_LOG_WARN, "a worker could not take a new connection: %s", strerror(errno));
    }
}

static void *accept_loop(void *arg) {
    svc_listener *l = arg;
    while (!atomic_load(&l->stopping)) {
        struct sockaddr_in peer;
        socklen_t len = sizeof(peer);
        int client = accept4(l->fd, (struct sockaddr *)&peer, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (client >= 0) {
            int on = 1;
            setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
            hand_off(l, client, &peer);
        } else if (atomic_load(&l->stopping)) {
            break;
        } else if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
            svc_log(SVC_LOG_WARN, "accept: %s; pausing new connections for 100 ms",
                    strerror(errno));
            usleep(100000);
        } else if (errno != EINTR && errno != ECONNABORTED && errno != EAGAIN) {
            svc_log(SVC_LOG_ERROR, "accept: %s", strerror(errno));
            usleep(10000);
        }
    }
    return NULL;
}

static int open_socket(const struct sockaddr_in *addr, int *out) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return SVC_ERR;
    int on = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) != 0 ||
        bind(fd, (const struct sockaddr *)addr, sizeof(*addr)) != 0 ||
        listen(fd, LISTEN_BACKLOG) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return SVC_ERR;
    }
    *out = fd;
    return SVC_OK;
}

int svc_listener_new(svc_listener **out, const struct sockaddr_in *addr,
                     struct MHD_Daemon **workers, atomic_uint *open, size_t n) {
    *out = NULL;
    if (n == 0)
        return SVC_EINVAL;
    svc_listener *l = calloc(1, sizeof(*l));
    if (l == NULL)
        return SVC_ENOMEM;
    l->workers = workers;
    l->open = open;
    l->n = n;
    if (open_socket(addr, &l->fd) != SVC_OK) {
        svc_log(SVC_LOG_ERROR, "cannot listen on port %u: %s", ntohs(addr->sin_port),
                strerror(errno));
        free(l);
        return SVC_ERR;
    }
    if (pthread_create(&l->thread, NULL, accept_loop, l) != 0) {
        close(l->fd);
        free(l);
        return SVC_ERR;
    }
    l->thread_started = 1;
    *out = l;
    return SVC_OK;
}

void svc_listener_close(svc_listener *l) {
    if (l == NULL || atomic_exchange(&l->stopping, 1))
        return;
    /* Wakes the accept() of the loop (EINVAL on a listening socket that is shut down). */
    shutdown(l->fd, SHUT_RDWR);
    if (l->thread_started)
        pthread_join(l->thread, NULL);
    l->thread_started = 0;
    close(l->fd);
    l->fd = -1;
}

void svc_listener_free(svc_listener *l) {
    if (l == NULL)
        return;
    svc_listener_close(l);
    free(l);
}
