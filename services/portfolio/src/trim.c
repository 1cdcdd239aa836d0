/* Giving freed memory back to the system while the service is idle or between bursts.
 *
 * The steering-group report is over 1 MB and is copied twice per request on its way out (ulfius
 * and libmicrohttpd copy the body). Kept in the heap (a fixed mmap threshold above it, a high
 * trim threshold: no page faults per request, see main.c), those buffers stay in glibc's arenas
 * after a burst of concurrent requests. A background thread calls malloc_trim(0) once the
 * service has served no cached read for PF_TRIM_INTERVAL_S seconds, which gives whole free pages
 * back (RSS target < 30 MB, issue 3 "Speed"). Not during a burst: a trim holds the arena locks
 * while it walks them, and the pages it gives back fault in again on the next requests, both of
 * which showed in the p99 of GET /projecten/{id} under load. */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <time.h>

#include "portfolio.h"

#define PF_TRIM_INTERVAL_S 2

static void *trim_loop(void *arg) {
    pf_trimmer *t = arg;
    unsigned long seen = atomic_load(&t->reads), trimmed_at = seen - 1;
    pthread_mutex_lock(&t->lock);
    while (!t->stop) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += PF_TRIM_INTERVAL_S;
        int rc = 0;
        while (!t->stop && rc != ETIMEDOUT)
            rc = pthread_cond_timedwait(&t->wake, &t->lock, &until);
        unsigned long now = atomic_load(&t->reads);
        if (!t->stop && now == seen && trimmed_at != now) { /* quiet, and not trimmed yet */
            pthread_mutex_unlock(&t->lock);
            malloc_trim(0);
            trimmed_at = now;
            pthread_mutex_lock(&t->lock);
        }
        seen = now;
    }
    pthread_mutex_unlock(&t->lock);
    return NULL;
}

int pf_trimmer_start(pf_trimmer *t) {
    pthread_mutex_init(&t->lock, NULL);
    pthread_cond_init(&t->wake, NULL);
    t->stop = 0;
    t->running = pthread_create(&t->thread, NULL, trim_loop, t) == 0;
    return t->running ? SVC_OK : SVC_ERR;
}

void pf_trimmer_stop(pf_trimmer *t) {
    if (!t->running)
        return;
    pthread_mutex_lock(&t->lock);
    t->stop = 1;
    pthread_cond_signal(&t->wake);
    pthread_mutex_unlock(&t->lock);
    pthread_join(t->thread, NULL);
    pthread_cond_destroy(&t->wake);
    pthread_mutex_destroy(&t->lock);
    t->running = 0;
}
