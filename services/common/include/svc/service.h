/* The command line every service has, written once:
 *
 *   <name>-service            serve on SVC_PORT until SIGTERM/SIGINT
 *   <name>-service --migrate  apply the migrations in MIGRATIONS_DIR to DATABASE_URL and exit
 *   <name>-service --seed     load the agenda content / reference data and exit (when seed is set)
 *   <name>-service --demo     load the synthetic demo data and exit (when demo is set)
 *
 * A service describes itself and its main() is `return svc_main(argc, argv, &my_service);`. */
#ifndef SVC_SERVICE_H
#define SVC_SERVICE_H

#include "svc/config.h"
#include "svc/http.h"
#include "svc/pool.h"

typedef struct svc_service {
    const char *name;    /* "portfolio": API prefix, log name, binary <name>-service */
    const char *version; /* API-Version, semver */
    unsigned int default_port;
    const svc_statement *statements; /* NULL-terminated, may be NULL */
    const svc_route *routes; /* NULL-terminated; handlers get the context of open(); a service
                                with several tables adds them in start() */
    /* Optional: read the service's own settings (it may adjust cfg, e.g. a larger body limit)
     * and make the context its handlers and hooks get. On failure *errmsg may be malloc'ed. */
    int (*open)(svc_config *cfg, void **ctx, char **errmsg);
    void (*close)(void *ctx);
    /* Optional: after the server (and its pool) exists, before it listens. */
    int (*start)(svc_server *server, void *ctx, char **errmsg);
    /* Optional: --seed and --demo; idempotent; without them the option is refused. */
    int (*seed)(const svc_config *cfg, void *ctx, char **errmsg);
    int (*demo)(const svc_config *cfg, void *ctx, char **errmsg);
} svc_service;

/* Run the service's command line; returns the process exit status (0, 1, or 2 for usage). */
int svc_main(int argc, char **argv, const svc_service *service);

#endif
