/* Routing: literal and ":param" segments, 404 vs 405 with Allow, no trailing-slash matches. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../src/internal.h"

static void noop(svc_req *r, void *ctx) {}

static const svc_route routes[] = {
    {"GET", "/gebruikers", noop, 0, NULL},
    {"POST", "/gebruikers", noop, SVC_BODY_JSON, NULL},
    {"GET", "/gebruikers/:id", noop, 0, NULL},
    {"PATCH", "/gebruikers/:id", noop, SVC_BODY_JSON, NULL},
    {"DELETE", "/clients/:id/geheimen", noop, 0, NULL},
    {"GET", "/.well-known/jwks.json", noop, SVC_PUBLIC, NULL},
    {NULL, NULL, NULL, 0, NULL},
};

static svc_server server;
static svc_req req;

static void setup(void) {
    memset(&server, 0, sizeof(server));
    server.routes = calloc(8, sizeof(route_entry));
    for (size_t i = 0; routes[i].method; i++)
        ck_assert_int_eq(svc_route_compile(&server.routes[server.n_routes++], &routes[i], NULL),
                         SVC_OK);
    memset(&req, 0, sizeof(req));
    req.server = &server;
}

static void teardown(void) {
    for (size_t i = 0; i < req.n_params; i++)
        free(req.param_values[i]);
    for (size_t i = 0; i < server.n_routes; i++)
        svc_route_clear(&server.routes[i]);
    free(server.routes);
}

static const route_entry *find(const char *method, const char *path, char **allow) {
    return svc_route_find(&req, method, path, allow);
}

START_TEST(literal_and_param_routes_match) {
    char *allow = NULL;
    const route_entry *e = find("GET", "/gebruikers", &allow);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->route.pattern, "/gebruikers");
    e = find("PATCH", "/gebruikers/0b9c", &allow);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->route.pattern, "/gebruikers/:id");
    ck_assert_str_eq(req.param_names[0], "id");
    ck_assert_str_eq(req.param_values[0], "0b9c");
}
END_TEST

START_TEST(param_is_percent_decoded) {
    char *allow = NULL;
    ck_assert_ptr_nonnull(find("DELETE", "/clients/gemeente%20enschede/geheimen", &allow));
    ck_assert_str_eq(req.param_values[0], "gemeente enschede");
}
END_TEST

START_TEST(encoded_slash_or_bad_escape_does_not_match) {
    char *allow = NULL;
    ck_assert_ptr_null(find("GET", "/gebruikers/a%2Fb", &allow));
    ck_assert_ptr_null(find("GET", "/gebruikers/a%zz", &allow));
    ck_assert_ptr_null(find("GET", "/gebruikers/a%00", &allow));
}
END_TEST

START_TEST(trailing_or_double_slash_is_not_found) {
    char *allow = NULL;
    ck_assert_ptr_null(find("GET", "/gebruikers/", &allow));
    ck_assert_ptr_null(allow);
    ck_assert_ptr_null(find("GET", "//gebruikers", &allow));
    ck_assert_ptr_null(allow);
    ck_assert_ptr_null(find("GET", "/", &allow));
    ck_assert_ptr_null(find("GET", "", &allow));
}
END_TEST

START_TEST(wrong_method_lists_allowed_methods) {
    char *allow = NULL;
    ck_assert_ptr_null(find("DELETE", "/gebruikers", &allow));
    ck_assert_ptr_nonnull(allow);
    ck_assert_str_eq(allow, "GET, HEAD, POST");
    free(allow);
    ck_assert_ptr_null(find("PUT", "/gebruikers/12", &allow));
    ck_assert_str_eq(allow, "GET, HEAD, PATCH");
    free(allow);
}
END_TEST

START_TEST(head_is_answered_like_get) {
    char *allow = NULL;
    ck_assert_ptr_nonnull(find("HEAD", "/.well-known/jwks.json", &allow));
}
END_TEST

START_TEST(unknown_path_is_not_found) {
    char *allow = NULL;
    ck_assert_ptr_null(find("GET", "/onbekend", &allow));
    ck_assert_ptr_null(allow);
    ck_assert_ptr_null(find("GET", "/gebruikers/1/extra", &allow));
    ck_assert_ptr_null(allow);
}
END_TEST

START_TEST(invalid_patterns_are_refused) {
    route_entry e;
    svc_route bad = {"GET", "geen-slash", noop, 0, NULL};
    ck_assert_int_eq(svc_route_compile(&e, &bad, NULL), SVC_EINVAL);
    svc_route many = {"GET", "/:a/:b/:c/:d/:e", noop, 0, NULL};
    ck_assert_int_eq(svc_route_compile(&e, &many, NULL), SVC_EINVAL);
}
END_TEST

int main(void) {
    Suite *s = suite_create("router");
    TCase *tc = tcase_create("find");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, literal_and_param_routes_match);
    tcase_add_test(tc, param_is_percent_decoded);
    tcase_add_test(tc, encoded_slash_or_bad_escape_does_not_match);
    tcase_add_test(tc, trailing_or_double_slash_is_not_found);
    tcase_add_test(tc, wrong_method_lists_allowed_methods);
    tcase_add_test(tc, head_is_answered_like_get);
    tcase_add_test(tc, unknown_path_is_not_found);
    tcase_add_test(tc, invalid_patterns_are_refused);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
