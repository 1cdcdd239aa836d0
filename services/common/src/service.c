/* The command line every service has (svc/service.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/svc.h"

typedef enum { CMD_SERVE, CMD_MIGRATE, CMD_SEED, CMD_DEMO, CMD_USAGE } command;

static command parse_command(int argc, char **argv, const svc_service *svc) {
    if (argc == 1)
        return CMD_SERVE;
    if (argc != 2)
        return CMD_USAGE;
    if (strcmp(argv[1], "--migrate") == 0)
        return CMD_MIGRATE;
    if (strcmp(argv[1], "--seed") == 0 && svc->seed)
        return CMD_SEED;
    if (strcmp(argv[1], "--demo") == 0 && svc->demo)
        return CMD_DEMO;
    return CMD_USAGE;
}

static int usage(const svc_service *svc) {
    fprintf(stderr, "usage: %s-service [--migrate%s%s]\n", svc->name, svc->seed ? " | --seed" : "",
            svc->demo ? " | --demo" : "");
    return 2;
}

static int migrate(const svc_config *cfg, char **err) {
    int applied = 0;
    int rc = svc_migrate_url(cfg->database_url, cfg->migrations_dir, &applied, err);
    if (rc == SVC_OK)
        svc_log(SVC_LOG_INFO, "migrations applied: %d", applied);
    return rc;
}

static int serve(const svc_service *svc, const svc_config *cfg, void *ctx, char **err) {
    svc_server *server = NULL;
    int rc = svc_server_new(&server, cfg, svc->statements, err);
    if (rc == SVC_OK && svc->start)
        rc = svc->start(server, ctx, err);
    if (rc == SVC_OK && svc->routes)
        rc = svc_server_add_routes(server, svc->routes, ctx);
    if (rc == SVC_OK)
        rc = svc_server_run(server);
    svc_server_free(server);
    return rc;
}

/* Everything but --migrate needs the service's own context. */
static int run_with_context(command cmd, const svc_service *svc, svc_config *cfg, char **err) {
    void *ctx = NULL;
    int rc = svc->open ? svc->open(cfg, &ctx, err) : SVC_OK;
    if (rc == SVC_OK && cmd == CMD_SEED)
        rc = svc->seed(cfg, ctx, err);
    else if (rc == SVC_OK && cmd == CMD_DEMO)
        rc = svc->demo(cfg, ctx, err);
    else if (rc == SVC_OK)
        rc = serve(svc, cfg, ctx, err);
    if (svc->close)
        svc->close(ctx);
    return rc;
}

int svc_main(int argc, char **argv, const svc_service *svc) {
    static const char *const names[] = {"serving", "--migrate", "--seed", "--demo"};
    svc_config cfg;
    char *err = NULL;
    svc_log_level level = SVC_LOG_INFO;
    command cmd = parse_command(argc, argv, svc);
    if (cmd == CMD_USAGE)
        return usage(svc);
    int rc = svc_config_load(&cfg, svc->name, svc->version, svc->default_port, &err);
    if (rc == SVC_OK && svc_log_level_parse(cfg.log_level, &level) != SVC_OK)
        level = SVC_LOG_INFO;
    svc_log_init(svc->name, level);
    if (rc == SVC_OK && cfg.database_url[0] == '\0') {
        err = strdup("DATABASE_URL is required");
        rc = SVC_EINVAL;
    }
    if (rc == SVC_OK)
        rc = cmd == CMD_MIGRATE ? migrate(&cfg, &err) : run_with_context(cmd, svc, &cfg, &err);
    if (rc != SVC_OK)
        svc_log(SVC_LOG_ERROR, "%s: %s", names[cmd], err ? err : svc_strerror(rc));
    free(err);
    svc_config_clear(&cfg);
    return rc == SVC_OK ? 0 : 1;
}
