/* Prometheus metrics: requests by route, method and status; a latency histogram per route;
 * pool gauges. Thread-safe. */
#ifndef SVC_METRICS_H
#define SVC_METRICS_H

#include "svc/pool.h"

typedef struct svc_metrics svc_metrics;

int svc_metrics_new(svc_metrics **out, const char *service);
void svc_metrics_free(svc_metrics *m);
/* route is the route pattern ("/gebruikers/:id"), or "unmatched". */
void svc_metrics_observe(svc_metrics *m, const char *method, const char *route, int status,
                         double seconds);
/* The text exposition format (version 0.0.4); pool may be NULL. *out is malloc'ed. */
int svc_metrics_render(svc_metrics *m, const svc_pool_stats *pool, char **out);

#endif
