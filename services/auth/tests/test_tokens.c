/* Keys and tokens: the signing key is checked at start, tokens carry the claims of DESIGN.md and
 * verify with the service's own verifier (signing key plus still-published old keys), and the
 * JWKS lists exactly those keys. */
#include <check.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth.h"
#include "claims.h"

static char dir[64];
static char signing[128], old_private[128], old_public[128], ec_private[128], other[128];

/* Runs before the tests (no ck_assert here): a failure ends the program. */
static void write_key(const char *path, EVP_PKEY *key, int public_only) {
    FILE *f = fopen(path, "w");
    int ok = f != NULL && key != NULL &&
             (public_only ? PEM_write_PUBKEY(f, key)
                          : PEM_write_PrivateKey(f, key, NULL, NULL, 0, NULL, NULL));
    if (f != NULL)
        fclose(f);
    if (!ok) {
        fprintf(stderr, "cannot write the test key %s\n", path);
        exit(EXIT_FAILURE);
    }
}

/* Key files for every test: made once per process (RSA generation takes a while). */
static void make_keys(void) {
    snprintf(dir, sizeof(dir), "/tmp/auth-test-XXXXXX");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        exit(EXIT_FAILURE);
    }
    snprintf(signing, sizeof(signing), "%s/signing.pem", dir);
    snprintf(old_private, sizeof(old_private), "%s/old.pem", dir);
    snprintf(old_public, sizeof(old_public), "%s/old.pub.pem", dir);
    snprintf(ec_private, sizeof(ec_private), "%s/ec.pem", dir);
    snprintf(other, sizeof(other), "%s/other.pem", dir);
    EVP_PKEY *a = EVP_RSA_gen(2048), *b = EVP_RSA_gen(2048), *c = EVP_RSA_gen(2048);
    EVP_PKEY *ec = EVP_EC_gen("P-256");
    write_key(signing, a, 0);
    write_key(old_private, b, 0);
    write_key(old_public, b, 1);
    write_key(other, c, 0);
    write_key(ec_private, ec, 0);
    EVP_PKEY_free(a);
    EVP_PKEY_free(b);
    EVP_PKEY_free(c);
    EVP_PKEY_free(ec);
}

static void remove_keys(void) {
    const char *files[] = {signing, old_private, old_public, ec_private, other};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
        unlink(files[i]);
    rmdir(dir);
}

/* A context as main.c builds it, with a test configuration. */
typedef struct fixture {
    svc_config cfg;
    auth_settings settings;
    auth_ctx ctx;
    svc_verifier *verifier;
} fixture;

static void fixture_init(fixture *f, const char *published) {
    char *err = NULL;
    memset(f, 0, sizeof(*f));
    f->cfg.jwt_issuer = "https://jeugdhulp.test/api/auth/v1";
    f->cfg.jwt_leeway_s = 30;
    f->settings.audience = json_pack("[s, s]", "jeugdhulp-twente", "extra");
    f->settings.access_ttl_s = 600;
    f->settings.client_ttl_s = 3600;
    f->ctx.cfg = &f->cfg;
    f->ctx.settings = &f->settings;
    ck_assert_int_eq(auth_keys_load(&f->ctx.keys, signing, published, &err), SVC_OK);
    svc_verifier_opts opts = {.issuer = f->cfg.jwt_issuer,
                              .audience = "jeugdhulp-twente",
                              .public_keys = auth_keys_spec(f->ctx.keys),
                              .leeway_s = 30};
    ck_assert_int_eq(svc_verifier_new(&f->verifier, &opts, &err), SVC_OK);
}

static void fixture_clear(fixture *f) {
    svc_verifier_free(f->verifier);
    auth_keys_free(f->ctx.keys);
    json_decref(f->settings.audience);
}

/* The JSON of a token's header (i = 0) or payload (i = 1). */
static json_t *segment(const char *token, int i) {
    const char *start = token;
    for (int k = 0; k < i; k++)
        start = strchr(start, '.') + 1;
    size_t len = strcspn(start, ".");
    unsigned char buf[4096];
    size_t n = 0;
    ck_assert_int_eq(sodium_base642bin(buf, sizeof(buf), start, len, NULL, &n, NULL,
                                       sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                     0);
    json_t *j = json_loadb((const char *)buf, n, 0, NULL);
    ck_assert_ptr_nonnull(j);
    return j;
}

static const auth_user editor = {.id = "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                                 .username = "j.jansen",
                                 .name = "Jan Jansen",
                                 .role = "redacteur",
                                 .lines_json = "[2,4]",
                                 .json = "{}"};

START_TEST(a_staff_token_has_the_designed_header_and_claims) {
    fixture f;
    char *token = NULL, *kid = NULL;
    fixture_init(&f, "");
    ck_assert_int_eq(auth_issue_user_token(&f.ctx, &editor, &token), SVC_OK);

    json_t *h = segment(token, 0), *p = segment(token, 1);
    FILE *pem = fopen(signing, "r");
    char buf[8192];
    size_t n = fread(buf, 1, sizeof(buf), pem);
    fclose(pem);
    ck_assert_int_eq(svc_key_thumbprint(buf, n, &kid), SVC_OK);
    ck_assert_str_eq(json_string_value(json_object_get(h, "alg")), "RS256");
    ck_assert_str_eq(json_string_value(json_object_get(h, "typ")), "JWT");
    ck_assert_str_eq(json_string_value(json_object_get(h, "kid")), kid);
    ck_assert_str_eq(auth_keys_kid(f.ctx.keys), kid);

    ck_assert_str_eq(json_string_value(json_object_get(p, "iss")), f.cfg.jwt_issuer);
    ck_assert(json_equal(json_object_get(p, "aud"), f.settings.audience));
    ck_assert_str_eq(json_string_value(json_object_get(p, "sub")), editor.id);
    ck_assert_str_eq(json_string_value(json_object_get(p, "preferred_username")), "j.jansen");
    ck_assert_str_eq(json_string_value(json_object_get(p, "name")), "Jan Jansen");
    json_int_t iat = json_integer_value(json_object_get(p, "iat"));
    ck_assert_int_eq(json_integer_value(json_object_get(p, "exp")) - iat, 600);
    ck_assert_int_eq(json_integer_value(json_object_get(p, "nbf")), iat);
    ck_assert_uint_eq(strlen(json_string_value(json_object_get(p, "jti"))), 22);
    ck_assert_ptr_null(json_object_get(p, "client_id"));
    json_t *roles = json_object_get(p, "roles");
    ck_assert_uint_eq(json_array_size(roles), 1);
    ck_assert_str_eq(json_string_value(json_array_get(roles, 0)), "redacteur");
    json_t *lines = json_object_get(p, "actielijnen");
    ck_assert_uint_eq(json_array_size(lines), 2);
    ck_assert_int_eq(json_integer_value(json_array_get(lines, 1)), 4);
    json_decref(h);
    json_decref(p);
    free(kid);
    free(token);
    fixture_clear(&f);
}
END_TEST

START_TEST(a_staff_token_verifies_and_gives_the_role_scopes) {
    fixture f;
    char *token = NULL, *first = NULL;
    svc_principal *pr = NULL;
    const char *why = NULL;
    fixture_init(&f, "");
    ck_assert_int_eq(auth_issue_user_token(&f.ctx, &editor, &first), SVC_OK);
    ck_assert_int_eq(auth_issue_user_token(&f.ctx, &editor, &token), SVC_OK);
    ck_assert_str_ne(first, token); /* every token has its own jti */
    ck_assert_int_eq(svc_verifier_verify(f.verifier, token, &pr, &why), SVC_OK);
    ck_assert_str_eq(pr->subject, editor.id);
    ck_assert_ptr_null(pr->client_id);
    ck_assert(svc_principal_has_scope(pr, "portfolio:write"));
    ck_assert(!svc_principal_has_scope(pr, "auth:admin"));
    ck_assert(svc_principal_has_role(pr, "redacteur"));
    ck_assert_uint_eq(pr->n_action_lines, 2);
    svc_principal_free(pr);
    free(first);
    free(token);
    fixture_clear(&f);
}
END_TEST

START_TEST(only_a_limited_editor_carries_action_lines) {
    fixture f;
    char *token = NULL;
    auth_user u = editor;
    fixture_init(&f, "");
    u.lines_json = "[]";
    ck_assert_int_eq(auth_issue_user_token(&f.ctx, &u, &token), SVC_OK);
    json_t *p = segment(token, 1);
    ck_assert_ptr_null(json_object_get(p, "actielijnen"));
    json_decref(p);
    free(token);
    u.role = "beheerder";
    u.lines_json = "[1]"; /* cannot be stored, and would mean nothing for an admin */
    ck_assert_int_eq(auth_issue_user_token(&f.ctx, &u, &token), SVC_OK);
    p = segment(token, 1);
    ck_assert_ptr_null(json_object_get(p, "actielijnen"));
    ck_assert(strstr(json_string_value(json_object_get(p, "scope")), "auth:admin") != NULL);
    json_decref(p);
    free(token);
    u.role = "koning";
    ck_assert_int_eq(auth_issue_user_token(&f.ctx, &u, &token), SVC_EINVAL);
    fixture_clear(&f);
}
END_TEST

START_TEST(a_client_token_names_the_client_and_its_municipality) {
    fixture f;
    char *token = NULL;
    svc_principal *pr = NULL;
    const char *why = NULL;
    fixture_init(&f, "");
    ck_assert_int_eq(auth_issue_client_token(&f.ctx, "gm-enschede", "Gemeente Enschede",
                                             "monitoring:ingest", "GM0153", &token),
                     SVC_OK);
    json_t *p = segment(token, 1);
    json_int_t iat = json_integer_value(json_object_get(p, "iat"));
    ck_assert_int_eq(json_integer_value(json_object_get(p, "exp")) - iat, 3600);
    ck_assert_ptr_null(json_object_get(p, "preferred_username"));
    json_decref(p);
    ck_assert_int_eq(svc_verifier_verify(f.verifier, token, &pr, &why), SVC_OK);
    ck_assert_str_eq(pr->subject, "gm-enschede");
    ck_assert_str_eq(pr->client_id, "gm-enschede");
    ck_assert_str_eq(pr->municipality, "GM0153");
    ck_assert_uint_eq(pr->n_scopes, 1);
    ck_assert_str_eq(pr->scopes[0], "monitoring:ingest");
    svc_principal_free(pr);
    free(token);
    fixture_clear(&f);
}
END_TEST

START_TEST(tokens_of_a_published_old_key_verify_others_do_not) {
    fixture f, old, stranger;
    char *token = NULL, *err = NULL;
    svc_principal *pr = NULL;
    const char *why = NULL;
    fixture_init(&f, old_public);
    /* the old signing key, as the service used it before the rotation */
    old = f;
    ck_assert_int_eq(auth_keys_load(&old.ctx.keys, old_private, "", &err), SVC_OK);
    ck_assert_int_eq(auth_issue_user_token(&old.ctx, &editor, &token), SVC_OK);
    ck_assert_int_eq(svc_verifier_verify(f.verifier, token, &pr, &why), SVC_OK);
    svc_principal_free(pr);
    free(token);
    auth_keys_free(old.ctx.keys);

    stranger = f;
    ck_assert_int_eq(auth_keys_load(&stranger.ctx.keys, other, "", &err), SVC_OK);
    ck_assert_int_eq(auth_issue_user_token(&stranger.ctx, &editor, &token), SVC_OK);
    ck_assert_int_eq(svc_verifier_verify(f.verifier, token, &pr, &why), SVC_EAUTH);
    free(token);
    auth_keys_free(stranger.ctx.keys);
    fixture_clear(&f);
}
END_TEST

START_TEST(the_jwks_lists_the_signing_key_and_the_published_ones) {
    fixture f;
    size_t len = 0;
    fixture_init(&f, old_public);
    json_t *jwks = json_loads(auth_keys_jwks(f.ctx.keys, &len), 0, NULL);
    json_t *keys = json_object_get(jwks, "keys");
    ck_assert_uint_eq(json_array_size(keys), 2);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(keys, 0), "kid")),
                     auth_keys_kid(f.ctx.keys));
    for (size_t i = 0; i < 2; i++)
        ck_assert_ptr_null(json_object_get(json_array_get(keys, i), "d"));
    json_decref(jwks);
    fixture_clear(&f);
}
END_TEST

START_TEST(a_missing_or_unusable_signing_key_is_a_clear_error) {
    auth_keys *k = NULL;
    char *err = NULL, missing[160];
    snprintf(missing, sizeof(missing), "%s/none.pem", dir);
    ck_assert_int_eq(auth_keys_load(&k, missing, "", &err), SVC_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "AUTH_SIGNING_KEY"));
    ck_assert_ptr_nonnull(strstr(err, missing));
    free(err);
    err = NULL;
    ck_assert_int_eq(auth_keys_load(&k, old_public, "", &err), SVC_EINVAL); /* public only */
    ck_assert_ptr_nonnull(strstr(err, "AUTH_SIGNING_KEY"));
    free(err);
    err = NULL;
    ck_assert_int_eq(auth_keys_load(&k, ec_private, "", &err), SVC_EINVAL); /* not RSA */
    free(err);
    err = NULL;
    ck_assert_int_eq(auth_keys_load(&k, signing, missing, &err), SVC_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "AUTH_PUBLISHED_KEYS"));
    free(err);
    ck_assert_ptr_null(k);
}
END_TEST

int main(void) {
    if (sodium_init() < 0)
        return EXIT_FAILURE;
    make_keys();
    Suite *s = suite_create("tokens");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, a_staff_token_has_the_designed_header_and_claims);
    tcase_add_test(tc, a_staff_token_verifies_and_gives_the_role_scopes);
    tcase_add_test(tc, only_a_limited_editor_carries_action_lines);
    tcase_add_test(tc, a_client_token_names_the_client_and_its_municipality);
    tcase_add_test(tc, tokens_of_a_published_old_key_verify_others_do_not);
    tcase_add_test(tc, the_jwks_lists_the_signing_key_and_the_published_ones);
    tcase_add_test(tc, a_missing_or_unusable_signing_key_is_a_clear_error);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    remove_keys();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
