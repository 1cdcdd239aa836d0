/* The request pipeline over a real socket: guard, routing, content types, body limits,
 * authentication without a token, built-in routes and the headers on every answer. */
#include <arpa/inet.h>
#include <check.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <strings.h>
#include <unistd.h>

#include "svc/svc.h"

static svc_config cfg;
static svc_server *server;
static pthread_t thread;
static unsigned short port;
static char openapi_path[] = "/tmp/svc-openapi-XXXXXX";

static void echo(svc_req *r, void *ctx) {
    svc_reply_json(
        r, 200, json_pack("{s:s, s:s}", "id", svc_req_param(r, "id"), "requestId", svc_req_id(r)));
}

static void create_item(svc_req *r, void *ctx) {
    static const char *const rollen[] = {"lezer", "redacteur", NULL};
    static const svc_field fields[] = {{"naam", SVC_T_STRING, SVC_REQUIRED, 1, 10},
                                       {"rol", SVC_T_ENUM, SVC_REQUIRED, .values = rollen},
                                       {NULL}};
    json_t *body = NULL;
    svc_errors *errs = NULL;
    if (svc_req_json(r, &body) != SVC_OK)
        return;
    svc_errors_new(&errs);
    if (svc_validate(body, fields, SVC_REJECT_UNKNOWN, NULL, errs) > 0)
        svc_reply_invalid(r, errs, NULL);
    else
        svc_reply_json(r, 201, json_incref(body));
    svc_errors_free(errs);
    json_decref(body);
}

static void secret(svc_req *r, void *ctx) {
    svc_reply_empty(r, 204);
}

/* A request still running when the server is told to stop. */
static void slow(svc_req *r, void *ctx) {
    usleep(400 * 1000);
    svc_reply_json(r, 200, json_pack("{s:b}", "klaar", 1));
}

/* Answers 200 once WORKERS requests are inside it at the same time, 503 after 10 s without. */
#define WORKERS 4
static atomic_int together;
static void meet(svc_req *r, void *ctx) {
    atomic_fetch_add(&together, 1);
    for (int i = 0; i < 10000 && atomic_load(&together) < WORKERS; i++)
        usleep(1000);
    if (atomic_load(&together) >= WORKERS)
        svc_reply_empty(r, 204);
    else
        svc_reply_problem(r, 503, "Niet alle verzoeken liepen tegelijk.");
}

static const svc_route routes[] = {
    {"GET", "/traag", slow, SVC_PUBLIC, NULL},
    {"GET", "/samen", meet, SVC_PUBLIC, NULL},
    {"GET", "/echo/:id", echo, SVC_PUBLIC, NULL},
    {"POST", "/items", create_item, SVC_PUBLIC | SVC_BODY_JSON, NULL},
    {"GET", "/geheim", secret, 0, "test:read"},
    {NULL, NULL, NULL, 0, NULL},
};

static unsigned short free_port(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof(a);
    bind(fd, (struct sockaddr *)&a, sizeof(a));
    getsockname(fd, (struct sockaddr *)&a, &len);
    close(fd);
    return ntohs(a.sin_port);
}

static void *run(void *arg) {
    svc_server_run(server);
    return NULL;
}

/* Send a raw request; return the status and the whole response in out. */
static int http(const char *request, size_t len, char *out, size_t cap) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {
        .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    for (int i = 0; connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0 && i < 100; i++)
        usleep(20000);
    for (size_t sent = 0; sent < len;) {
        ssize_t n = write(fd, request + sent, len - sent);
        if (n <= 0)
            break;
        sent += (size_t)n;
    }
    size_t got = 0;
    ssize_t n;
    while (got + 1 < cap && (n = read(fd, out + got, cap - got - 1)) > 0)
        got += (size_t)n;
    out[got] = '\0';
    close(fd);
    int status = 0;
    sscanf(out, "HTTP/1.%*d %d", &status);
    return status;
}

static int get(const char *path, const char *extra_headers, char *out, size_t cap) {
    char req[1024];
    int n = snprintf(req, sizeof(req), "GET %s HTTP/1.1\r\nHost: x\r\n%sConnection: close\r\n\r\n",
                     path, extra_headers ? extra_headers : "");
    return http(req, (size_t)n, out, cap);
}

static int post(const char *path, const char *type, const char *body, char *out, size_t cap) {
    char req[8192];
    int n = snprintf(req, sizeof(req),
                     "POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
                     "Connection: close\r\n\r\n%s",
                     path, type, strlen(body), body);
    return http(req, (size_t)n, out, cap);
}

static int has_header(const char *response, const char *line) {
    const char *end = strstr(response, "\r\n\r\n");
    const char *hit = strcasestr(response, line);
    return hit != NULL && hit < end;
}

static void start(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    strcpy(openapi_path, "/tmp/svc-openapi-XXXXXX"); /* each server its own file */
    int fd = mkstemp(openapi_path);
    ck_assert_int_eq(write(fd, "{\"openapi\":\"3.1.0\"}", 19), 19);
    close(fd);
    port = free_port();
    char port_text[8];
    snprintf(port_text, sizeof(port_text), "%u", port);
    setenv("SVC_PORT", port_text, 1);
    setenv("MAX_BODY_BYTES", "1024", 1);
    setenv("OPENAPI_FILE", openapi_path, 1);
    setenv("LOG_LEVEL", "error", 1);
    setenv("HTTP_THREADS", "4", 1); /* = WORKERS */
    unsetenv("DATABASE_URL");
    unsetenv("JWT_PUBLIC_KEYS");
    ck_assert_int_eq(svc_config_load(&cfg, "t", "1.2.3", 1, NULL), SVC_OK);
    ck_assert_int_eq(svc_server_new(&server, &cfg, NULL, NULL), SVC_OK);
    ck_assert_int_eq(svc_server_add_routes(server, routes, NULL), SVC_OK);
    pthread_create(&thread, NULL, run, NULL);
}

static void stop(void) {
    svc_server_stop(server);
    pthread_join(thread, NULL);
    svc_server_free(server);
    svc_config_clear(&cfg);
    unlink(openapi_path);
}

static char buf[65536];

START_TEST(every_answer_carries_the_standard_headers) {
    ck_assert_int_eq(get("/api/t/v1/echo/abc", NULL, buf, sizeof(buf)), 200);
    ck_assert_ptr_nonnull(strstr(buf, "\"id\":\"abc\""));
    ck_assert(has_header(buf, "API-Version: 1.2.3"));
    ck_assert(has_header(buf, "X-Content-Type-Options: nosniff"));
    ck_assert(has_header(buf, "X-Frame-Options: DENY"));
    ck_assert(has_header(buf, "Content-Security-Policy: frame-ancestors 'none'"));
    ck_assert(has_header(buf, "Cache-Control: no-store"));
    ck_assert(has_header(buf, "X-Request-ID: "));
    ck_assert_int_eq(get("/api/t/v1/nergens", NULL, buf, sizeof(buf)), 404);
    ck_assert(has_header(buf, "API-Version: 1.2.3"));
    ck_assert(has_header(buf, "Content-Type: application/problem+json"));
}
END_TEST

START_TEST(request_id_is_kept_or_made) {
    get("/api/t/v1/echo/a", "X-Request-ID: abc-123\r\n", buf, sizeof(buf));
    ck_assert(has_header(buf, "X-Request-ID: abc-123"));
    get("/api/t/v1/echo/a", "X-Request-ID: met spaties\r\n", buf, sizeof(buf));
    ck_assert(!has_header(buf, "X-Request-ID: met spaties"));
    ck_assert(has_header(buf, "X-Request-ID: "));
}
END_TEST

START_TEST(unknown_paths_and_trailing_slashes_are_404_not_redirects) {
    ck_assert_int_eq(get("/api/t/v1/echo/abc/", NULL, buf, sizeof(buf)), 404);
    ck_assert_ptr_nonnull(strstr(buf, "\"status\":404"));
    ck_assert_int_eq(get("/api/t/v1/echo", NULL, buf, sizeof(buf)), 404);
    ck_assert_int_eq(get("/api/t/v1", NULL, buf, sizeof(buf)), 404);
    ck_assert_int_eq(get("/api/t/v1/", NULL, buf, sizeof(buf)), 404);
    ck_assert_int_eq(get("/elders", NULL, buf, sizeof(buf)), 404);
}
END_TEST

START_TEST(wrong_method_is_405_with_allow) {
    const char req[] = "DELETE /api/t/v1/echo/abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    ck_assert_int_eq(http(req, sizeof(req) - 1, buf, sizeof(buf)), 405);
    ck_assert(has_header(buf, "Allow: GET, HEAD"));
    ck_assert(has_header(buf, "Content-Type: application/problem+json"));
}
END_TEST

START_TEST(wrong_content_type_is_415) {
    ck_assert_int_eq(post("/api/t/v1/items", "text/plain", "{}", buf, sizeof(buf)), 415);
    ck_assert_ptr_nonnull(strstr(buf, "application/json"));
    ck_assert_int_eq(post("/api/t/v1/items", "application/json; charset=utf-8",
                          "{\"naam\":\"a\",\"rol\":\"lezer\"}", buf, sizeof(buf)),
                     201);
}
END_TEST

START_TEST(bad_json_is_400_and_every_invalid_field_is_listed) {
    ck_assert_int_eq(post("/api/t/v1/items", "application/json", "{\"naam\":", buf, sizeof(buf)),
                     400);
    ck_assert_ptr_nonnull(strstr(buf, "regel 1"));
    ck_assert_int_eq(post("/api/t/v1/items", "application/json", "", buf, sizeof(buf)), 400);
    ck_assert_int_eq(post("/api/t/v1/items", "application/json",
                          "{\"naam\":\"veel te lange naam\",\"rol\":\"baas\",\"x\":1}", buf,
                          sizeof(buf)),
                     400);
    const char *body = strstr(buf, "\r\n\r\n") + 4;
    json_t *problem = json_loads(body, 0, NULL);
    ck_assert_ptr_nonnull(problem);
    ck_assert_uint_eq(json_array_size(json_object_get(problem, "invalidParams")), 3);
    json_decref(problem);
}
END_TEST

START_TEST(too_large_body_is_413_declared_or_chunked) {
    char body[2048];
    memset(body, 'a', sizeof(body) - 1);
    body[sizeof(body) - 1] = '\0';
    ck_assert_int_eq(post("/api/t/v1/items", "application/json", body, buf, sizeof(buf)), 413);
    char req[4096];
    int n =
        snprintf(req, sizeof(req),
                 "POST /api/t/v1/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n7ff\r\n%s\r\n0\r\n\r\n",
                 body);
    ck_assert_int_eq(http(req, (size_t)n, buf, sizeof(buf)), 413);
    ck_assert(has_header(buf, "Content-Type: application/problem+json"));
}
END_TEST

START_TEST(protected_route_without_valid_token_is_401) {
    ck_assert_int_eq(get("/api/t/v1/geheim", NULL, buf, sizeof(buf)), 401);
    ck_assert(has_header(buf, "WWW-Authenticate: Bearer"));
    ck_assert_int_eq(
        get("/api/t/v1/geheim", "Authorization: Bearer abc.def.ghi\r\n", buf, sizeof(buf)), 401);
    ck_assert_ptr_nonnull(strstr(buf, "error=\"invalid_token\""));
    ck_assert_int_eq(get("/api/t/v1/geheim", "Authorization: Basic YTpi\r\n", buf, sizeof(buf)),
                     401);
}
END_TEST

START_TEST(builtin_routes) {
    ck_assert_int_eq(get("/api/t/v1/health", NULL, buf, sizeof(buf)), 200);
    ck_assert_int_eq(get("/api/t/v1/health/ready", NULL, buf, sizeof(buf)), 200);
    ck_assert_int_eq(get("/api/t/v1/openapi.json", NULL, buf, sizeof(buf)), 200);
    ck_assert(has_header(buf, "Access-Control-Allow-Origin: *"));
    ck_assert_ptr_nonnull(strstr(buf, "\"openapi\":\"3.1.0\""));
    ck_assert_int_eq(get("/api/t/v1/metrics", NULL, buf, sizeof(buf)), 200);
    ck_assert_ptr_nonnull(strstr(buf, "http_requests_total{"));
    ck_assert_ptr_nonnull(strstr(buf, "route=\"/echo/:id\""));
}
END_TEST

static int connect_port(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {
        .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    for (int i = 0; connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0 && i < 100; i++)
        usleep(20000);
    struct timeval timeout = {.tv_sec = 20};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    return fd;
}

/* Connections opened in a burst go to different workers, so requests on them run side by side:
 * with a worker per connection, all WORKERS requests are inside the handler at once. (MHD's own
 * thread pool let one worker take the whole burst; the requests then ran one after another.) */
START_TEST(connections_are_spread_over_the_workers) {
    static const char req[] =
        "GET /api/t/v1/samen HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    int fds[WORKERS];
    atomic_store(&together, 0);
    for (int i = 0; i < WORKERS; i++)
        fds[i] = connect_port();
    for (int i = 0; i < WORKERS; i++)
        ck_assert_int_eq(write(fds[i], req, sizeof(req) - 1), (ssize_t)sizeof(req) - 1);
    for (int i = 0; i < WORKERS; i++) {
        char out[2048];
        ssize_t n = read(fds[i], out, sizeof(out) - 1);
        ck_assert_int_gt(n, 12);
        out[n] = '\0';
        ck_assert_msg(strncmp(out, "HTTP/1.1 204", 12) == 0, "request %d: %.40s", i, out);
        close(fds[i]);
    }
}
END_TEST

static void *slow_request(void *arg) {
    static char out[4096];
    int *status = arg;
    *status = get("/api/t/v1/traag", NULL, out, sizeof(out));
    return NULL;
}

/* Stops the server in the middle of a request: the request must still get its answer. */
START_TEST(stop_lets_in_flight_requests_finish) {
    pthread_t client;
    int status = 0;
    pthread_create(&client, NULL, slow_request, &status);
    usleep(150 * 1000); /* the request is inside the handler now */
    svc_server_stop(server);
    pthread_join(thread, NULL); /* the server returned from svc_server_run */
    pthread_join(client, NULL);
    ck_assert_int_eq(status, 200);
}
END_TEST

/* For the shutdown case: the test itself stops the server. */
static void stop_after_shutdown_test(void) {
    svc_server_free(server);
    svc_config_clear(&cfg);
    unlink(openapi_path);
}

int main(void) {
    Suite *s = suite_create("server");
    TCase *tc = tcase_create("pipeline");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, every_answer_carries_the_standard_headers);
    tcase_add_test(tc, request_id_is_kept_or_made);
    tcase_add_test(tc, unknown_paths_and_trailing_slashes_are_404_not_redirects);
    tcase_add_test(tc, wrong_method_is_405_with_allow);
    tcase_add_test(tc, wrong_content_type_is_415);
    tcase_add_test(tc, bad_json_is_400_and_every_invalid_field_is_listed);
    tcase_add_test(tc, too_large_body_is_413_declared_or_chunked);
    tcase_add_test(tc, protected_route_without_valid_token_is_401);
    tcase_add_test(tc, builtin_routes);
    tcase_add_test(tc, connections_are_spread_over_the_workers);
    suite_add_tcase(s, tc);
    TCase *shutdown = tcase_create("shutdown");
    tcase_add_unchecked_fixture(shutdown, start, stop_after_shutdown_test);
    tcase_set_timeout(shutdown, 30);
    tcase_add_test(shutdown, stop_lets_in_flight_requests_finish);
    suite_add_tcase(s, shutdown);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK); /* the server runs in a thread of this process */
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
