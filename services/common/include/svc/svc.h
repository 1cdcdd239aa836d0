/* Everything of the shared service library in one include. */
#ifndef SVC_SVC_H
#define SVC_SVC_H

#include "svc/error.h"
#include "svc/config.h"
#include "svc/log.h"
#include "svc/problem.h"
#include "svc/validate.h"
#include "svc/pool.h"
#include "svc/migrate.h"
#include "svc/jwt.h"
#include "svc/cursor.h"
#include "svc/etag.h"
#include "svc/metrics.h"
#include "svc/http.h"
#include "svc/db.h"
#include "svc/audit.h"
#include "svc/service.h"
#include "svc/cache.h"

#endif
