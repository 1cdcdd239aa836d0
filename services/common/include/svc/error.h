/* Error codes shared by every function of the service library.
 *
 * Functions return SVC_OK (0) or a negative code; outputs go through pointer arguments. */
#ifndef SVC_ERROR_H
#define SVC_ERROR_H

enum svc_error {
    SVC_OK = 0,
    SVC_ERR = -1,          /* generic failure */
    SVC_ENOMEM = -2,       /* allocation failed */
    SVC_EINVAL = -3,       /* invalid argument or input */
    SVC_ENOTFOUND = -4,    /* no such thing */
    SVC_EBUSY = -5,        /* pool: no connection within the acquire timeout */
    SVC_EUNAVAILABLE = -6, /* database unreachable or connection broken */
    SVC_EDB = -7,          /* the database answered with an error (see the SQLSTATE) */
    SVC_EAUTH = -8,        /* token or credentials rejected */
    SVC_EREPLIED = -9,     /* a response (e.g. a problem) has already been set on the request */
};

/* A short English description of an error code, for logs. Never NULL. */
const char *svc_strerror(int code);

#endif
