/* What --seed and --demo share: a connection of their own and one transaction. */
#ifndef MON_LOADER_H
#define MON_LOADER_H

#include <libpq-fe.h>
#include <stddef.h>

/* Connect; NULL (and a log line) on failure. */
PGconn *mon_loader_connect(const char *conninfo);
/* Run one statement with text parameters; 0 or -1 (logged with what). */
int mon_loader_exec(PGconn *pg, const char *what, const char *sql, int n,
                    const char *const *params);
/* A whole file into a malloc'ed NUL-terminated buffer; NULL (logged) on failure. */
char *mon_loader_read_file(const char *path, size_t *len);

#endif
