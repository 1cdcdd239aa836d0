/* Configuration from the environment: defaults, overrides, and refusal of bad values. */
#include <check.h>
#include <stdlib.h>

#include "svc/svc.h"

static void clear_env(void) {
    const char *names[] = {"SVC_PORT",     "DB_POOL_SIZE", "MAX_BODY_BYTES", "JWT_ISSUER",
                           "DATABASE_URL", "OPENAPI_FILE", "JWT_LEEWAY_S",   "FLAG"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        unsetenv(names[i]);
}

START_TEST(defaults_are_documented_values) {
    svc_config cfg;
    clear_env();
    ck_assert_int_eq(svc_config_load(&cfg, "auth", "1.0.0", 8081, NULL), SVC_OK);
    ck_assert_str_eq(cfg.base_path, "/api/auth/v1");
    ck_assert_uint_eq(cfg.port, 8081);
    ck_assert_uint_eq(cfg.pool_size, 8);
    ck_assert_uint_eq(cfg.pool_acquire_timeout_ms, 500);
    ck_assert_uint_eq(cfg.max_body_bytes, 1048576);
    ck_assert_str_eq(cfg.bind_address, "127.0.0.1");
    ck_assert_str_eq(cfg.openapi_file, "openapi/auth.json");
    ck_assert_str_eq(cfg.migrations_dir, "services/auth/migrations");
    ck_assert_str_eq(cfg.jwt_audience, "jeugdhulp-twente");
    ck_assert_str_eq(cfg.database_url, "");
    svc_config_clear(&cfg);
}
END_TEST

START_TEST(environment_overrides_defaults) {
    svc_config cfg;
    clear_env();
    setenv("SVC_PORT", "9001", 1);
    setenv("DB_POOL_SIZE", "3", 1);
    setenv("JWT_ISSUER", "https://idp.example/realms/twente", 1);
    ck_assert_int_eq(svc_config_load(&cfg, "auth", "1.0.0", 8081, NULL), SVC_OK);
    ck_assert_uint_eq(cfg.port, 9001);
    ck_assert_uint_eq(cfg.pool_size, 3);
    ck_assert_str_eq(cfg.jwt_issuer, "https://idp.example/realms/twente");
    svc_config_clear(&cfg);
}
END_TEST

START_TEST(bad_number_is_refused_with_the_variable_named) {
    svc_config cfg;
    char *err = NULL;
    const char *bad[] = {"abc", "-1", "70000", "80x", "0"};
    for (size_t i = 0; i < 5; i++) {
        clear_env();
        setenv("SVC_PORT", bad[i], 1);
        ck_assert_int_eq(svc_config_load(&cfg, "auth", "1.0.0", 8081, &err), SVC_EINVAL);
        ck_assert_ptr_nonnull(strstr(err, "SVC_PORT"));
        free(err);
        svc_config_clear(&cfg);
    }
}
END_TEST

START_TEST(booleans) {
    int v = -1;
    clear_env();
    ck_assert_int_eq(svc_env_bool("FLAG", 1, &v), SVC_OK);
    ck_assert_int_eq(v, 1);
    setenv("FLAG", "off", 1);
    ck_assert_int_eq(svc_env_bool("FLAG", 1, &v), SVC_OK);
    ck_assert_int_eq(v, 0);
    setenv("FLAG", "Yes", 1);
    ck_assert_int_eq(svc_env_bool("FLAG", 0, &v), SVC_OK);
    ck_assert_int_eq(v, 1);
    setenv("FLAG", "misschien", 1);
    ck_assert_int_eq(svc_env_bool("FLAG", 0, &v), SVC_EINVAL);
}
END_TEST

int main(void) {
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("env");
    tcase_add_test(tc, defaults_are_documented_values);
    tcase_add_test(tc, environment_overrides_defaults);
    tcase_add_test(tc, bad_number_is_refused_with_the_variable_named);
    tcase_add_test(tc, booleans);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
