#include "svc/error.h"

const char *svc_strerror(int code) {
    switch (code) {
    case SVC_OK:
        return "ok";
    case SVC_ENOMEM:
        return "out of memory";
    case SVC_EINVAL:
        return "invalid argument";
    case SVC_ENOTFOUND:
        return "not found";
    case SVC_EBUSY:
        return "no database connection available in time";
    case SVC_EUNAVAILABLE:
        return "database unavailable";
    case SVC_EDB:
        return "database error";
    case SVC_EAUTH:
        return "authentication failed";
    case SVC_EREPLIED:
        return "response already set";
    default:
        return "error";
    }
}
