/* One way to answer: JSON, JSON text passed through, problems. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

void svc_reply_header(svc_req *r, const char *name, const char *value) {
    u_map_put(r->res->map_header, name, value);
}

void svc_reply_text(svc_req *r, int status, const char *content_type, const char *text,
                    size_t len) {
    r->status = status;
    /* ulfius refuses a zero-length binary body without setting the status, so a 204 would leave
     * as 200: empty bodies go through their own call. */
    if (text != NULL && len > 0)
        ulfius_set_binary_body_response(r->res, (unsigned int)status, text, len);
    else
        ulfius_set_empty_body_response(r->res, (unsigned int)status);
    if (content_type != NULL)
        svc_reply_header(r, "Content-Type", content_type);
}

void svc_reply_json_text(svc_req *r, int status, const char *text, size_t len) {
    svc_reply_text(r, status, "application/json", text, len);
}

static void reply_dump(svc_req *r, int status, json_t *body, const char *content_type) {
    char *text = body ? json_dumps(body, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
    if (text == NULL) {
        static const char fallback[] =
            "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
            "\"detail\":\"Het antwoord kon niet worden opgebouwd.\"}";
        svc_reply_text(r, 500, "application/problem+json", fallback, sizeof(fallback) - 1);
    } else {
        svc_reply_text(r, status, content_type, text, strlen(text));
    }
    free(text);
    json_decref(body);
}

void svc_reply_json(svc_req *r, int status, json_t *body) {
    reply_dump(r, status, body, "application/json");
}

void svc_reply_empty(svc_req *r, int status) {
    svc_reply_text(r, status, NULL, NULL, 0);
}

static void reply_problem_json(svc_req *r, int status, json_t *problem) {
    reply_dump(r, status, problem, "application/problem+json");
}

void svc_reply_problem(svc_req *r, int status, const char *detail) {
    reply_problem_json(r, status, svc_problem_new(status, detail, r->path));
}

void svc_reply_invalid(svc_req *r, const svc_errors *errs, const char *detail) {
    json_t *problem = svc_problem_new(400, detail ? detail : "De invoer bevat fouten.", r->path);
    if (problem != NULL)
        json_object_set(problem, "invalidParams", svc_errors_json(errs));
    reply_problem_json(r, 400, problem);
}

void svc_reply_db_error(svc_req *r, int err) {
    if (err == SVC_EBUSY || err == SVC_EUNAVAILABLE) {
        svc_reply_header(r, "Retry-After", "2");
        svc_reply_problem(r, 503,
                          err == SVC_EBUSY
                              ? "De dienst is op dit moment te druk. Probeer het zo opnieuw."
                              : "De database is op dit moment niet bereikbaar. Probeer het zo "
                                "opnieuw.");
        return;
    }
    svc_log(SVC_LOG_ERROR, "request %s: %s", r->request_id, svc_strerror(err));
    svc_reply_problem(r, 500,
                      "Er ging iets mis aan onze kant. Vermeld bij een melding het "
                      "request-id uit de kop X-Request-ID.");
}
