/* Bearer-token verification, keysets and JWKS (svc/jwt.h).
 *
 * Keys are generated here with OpenSSL and written as PEM files to a temporary directory; good
 * tokens are signed with libjwt, malicious ones by hand. */
#include <check.h>
#include <jwt.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../src/jwt_internal.h"
#include "svc/error.h"
#include "svc/jwt.h"

#define ISSUER   "https://idp.example.nl/realms/twente"
#define AUDIENCE "jeugdhulp-twente"
#define LEEWAY   30

/* One generated key with its files and texts. */
typedef struct test_key {
    EVP_PKEY *pkey;
    char pub_path[256];  /* "BEGIN PUBLIC KEY" */
    char priv_path[256]; /* "BEGIN PRIVATE KEY" (PKCS#8) */
    char *priv_pem;      /* for libjwt signing */
    char *pub_pem;
    char *kid; /* RFC 7638 thumbprint, computed by the test itself */
} test_key;

static char tmpdir[] = "/tmp/test_jwt.XXXXXX";
static test_key rsa_a, rsa_b, ec_c;
static char rsa_small_path[256], ec_p384_path[256], ed25519_path[256], not_a_key_path[256];
static char ec_traditional_path[256], two_keys_path[256], encrypted_path[256];

/* ---- helpers: files, base64url, thumbprints ---- */

static char *pem_of(EVP_PKEY *pkey, int private_key, int traditional) {
    BIO *bio = BIO_new(BIO_s_mem());
    char *data = NULL, *out;
    long n;
    int ok = !private_key ? PEM_write_bio_PUBKEY(bio, pkey)
             : traditional
                 ? PEM_write_bio_PrivateKey_traditional(bio, pkey, NULL, NULL, 0, NULL, NULL)
                 : PEM_write_bio_PrivateKey(bio, pkey, NULL, NULL, 0, NULL, NULL);

    ck_assert_int_eq(ok, 1);
    n = BIO_get_mem_data(bio, &data);
    out = strndup(data, (size_t)n);
    BIO_free(bio);
    ck_assert_ptr_nonnull(out);
    return out;
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");

    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fputs(text, f) >= 0, 1);
    ck_assert_int_eq(fclose(f), 0);
}

static void write_key(const char *path, EVP_PKEY *pkey, int private_key, int traditional) {
    char *pem = pem_of(pkey, private_key, traditional);

    write_file(path, pem);
    free(pem);
}

static char *b64url(const void *bin, size_t len) {
    size_t size = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    char *out = malloc(size);

    ck_assert_ptr_nonnull(out);
    sodium_bin2base64(out, size, bin, len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

/* Decode base64url into buf; returns the length. */
static size_t unb64url(const char *s, unsigned char *buf, size_t max) {
    size_t len = 0;

    ck_assert_int_eq(sodium_base642bin(buf, max, s, strlen(s), NULL, &len, NULL,
                                       sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                     0);
    return len;
}

static char *sha256_b64url(const char *text) {
    unsigned char md[32];
    unsigned int n = 0;

    ck_assert_int_eq(EVP_Digest(text, strlen(text), md, &n, EVP_sha256(), NULL), 1);
    return b64url(md, n);
}

static char *bn_b64(EVP_PKEY *pkey, const char *name, int pad) {
    BIGNUM *bn = NULL;
    unsigned char buf[1024];
    int n;

    ck_assert_int_eq(EVP_PKEY_get_bn_param(pkey, name, &bn), 1);
    n = pad > 0 ? pad : BN_num_bytes(bn);
    ck_assert_int_eq(BN_bn2binpad(bn, buf, n), n);
    BN_free(bn);
    return b64url(buf, (size_t)n);
}

/* The RFC 7638 thumbprint, computed independently of the library. */
static char *expected_kid(EVP_PKEY *pkey) {
    char *a, *b, *canon = NULL, *kid;

    if (EVP_PKEY_is_a(pkey, "RSA")) {
        a = bn_b64(pkey, OSSL_PKEY_PARAM_RSA_E, 0);
        b = bn_b64(pkey, OSSL_PKEY_PARAM_RSA_N, 0);
        ck_assert_int_gt(asprintf(&canon, "{\"e\":\"%s\",\"kty\":\"RSA\",\"n\":\"%s\"}", a, b), 0);
    } else {
        a = bn_b64(pkey, OSSL_PKEY_PARAM_EC_PUB_X, 32);
        b = bn_b64(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, 32);
        ck_assert_int_gt(
            asprintf(&canon, "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"%s\",\"y\":\"%s\"}", a, b),
            0);
    }
    kid = sha256_b64url(canon);
    free(a);
    free(b);
    free(canon);
    return kid;
}

static void make_key(test_key *k, EVP_PKEY *pkey, const char *name) {
    k->pkey = pkey;
    ck_assert_ptr_nonnull(pkey);
    snprintf(k->pub_path, sizeof(k->pub_path), "%s/%s.pub.pem", tmpdir, name);
    snprintf(k->priv_path, sizeof(k->priv_path), "%s/%s.key.pem", tmpdir, name);
    write_key(k->pub_path, pkey, 0, 0);
    write_key(k->priv_path, pkey, 1, 0);
    k->priv_pem = pem_of(pkey, 1, 0);
    k->pub_pem = pem_of(pkey, 0, 0);
    k->kid = expected_kid(pkey);
}

static void free_key(test_key *k) {
    unlink(k->pub_path);
    unlink(k->priv_path);
    EVP_PKEY_free(k->pkey);
    free(k->priv_pem);
    free(k->pub_pem);
    free(k->kid);
}

/* A pass-phrase protected key: loading it must fail at once, never prompt on a terminal. */
static void write_encrypted_key(EVP_PKEY *pkey) {
    EVP_PKEY *loaded;
    BIO *bio;

    snprintf(encrypted_path, sizeof(encrypted_path), "%s/encrypted.pem", tmpdir);
    bio = BIO_new_file(encrypted_path, "w");
    ck_assert_ptr_nonnull(bio);
    ck_assert_int_eq(PEM_write_bio_PrivateKey(bio, pkey, EVP_aes_256_cbc(), NULL, 0, NULL,
                                              (void *)"secret-pass-phrase"),
                     1);
    BIO_free(bio);
    /* A valid key: with the pass phrase it loads. */
    bio = BIO_new_file(encrypted_path, "r");
    loaded = PEM_read_bio_PrivateKey(bio, NULL, NULL, (void *)"secret-pass-phrase");
    ck_assert_ptr_nonnull(loaded);
    EVP_PKEY_free(loaded);
    BIO_free(bio);
}

static int keys_ready;

/* An unchecked fixture of every test case (ck_assert works only inside the runner); the keys
 * are made once, in the runner's process, and inherited by the forked tests. */
static void setup_keys(void) {
    EVP_PKEY *p;
    char *both = NULL;

    if (keys_ready)
        return;
    keys_ready = 1;
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    make_key(&rsa_a, EVP_RSA_gen(2048), "rsa_a");
    make_key(&rsa_b, EVP_RSA_gen(2048), "rsa_b");
    make_key(&ec_c, EVP_EC_gen("P-256"), "ec_c");
    snprintf(ec_traditional_path, sizeof(ec_traditional_path), "%s/ec_trad.pem", tmpdir);
    write_key(ec_traditional_path, ec_c.pkey, 1, 1);

    snprintf(rsa_small_path, sizeof(rsa_small_path), "%s/rsa1024.pem", tmpdir);
    p = EVP_RSA_gen(1024);
    write_key(rsa_small_path, p, 0, 0);
    EVP_PKEY_free(p);
    snprintf(ec_p384_path, sizeof(ec_p384_path), "%s/p384.pem", tmpdir);
    p = EVP_EC_gen("P-384");
    write_key(ec_p384_path, p, 0, 0);
    EVP_PKEY_free(p);
    snprintf(ed25519_path, sizeof(ed25519_path), "%s/ed25519.pem", tmpdir);
    p = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
    write_key(ed25519_path, p, 0, 0);
    EVP_PKEY_free(p);
    /* What converting a whole JWKS at once gives. */
    snprintf(two_keys_path, sizeof(two_keys_path), "%s/two.pem", tmpdir);
    ck_assert_int_gt(asprintf(&both, "%s%s", rsa_a.pub_pem, ec_c.pub_pem), 0);
    write_file(two_keys_path, both);
    free(both);
    write_encrypted_key(ec_c.pkey);
    snprintf(not_a_key_path, sizeof(not_a_key_path), "%s/readme.txt", tmpdir);
    write_file(not_a_key_path, "this is not a key\n");
}

static void teardown_keys(void) {
    if (!keys_ready)
        return;
    free_key(&rsa_a);
    free_key(&rsa_b);
    free_key(&ec_c);
    unlink(ec_traditional_path);
    unlink(rsa_small_path);
    unlink(ec_p384_path);
    unlink(ed25519_path);
    unlink(not_a_key_path);
    unlink(two_keys_path);
    unlink(encrypted_path);
    rmdir(tmpdir);
}

/* ---- helpers: tokens ---- */

static long long now_s(void) {
    return (long long)time(NULL);
}

/* Claims valid now: iss, aud, sub, exp (+600), iat, nbf. */
static json_t *good_claims(void) {
    long long now = now_s();
    json_t *c =
        json_pack("{s:s, s:s, s:s, s:I, s:I, s:I, s:s}", "iss", ISSUER, "aud", AUDIENCE, "sub",
                  "4b7f6a52-0b1e-4a8e-9d1c-2f0a6c3e9b11", "exp", (json_int_t)(now + 600), "iat",
                  (json_int_t)now, "nbf", (json_int_t)now, "jti", "token-1");

    ck_assert_ptr_nonnull(c);
    return c;
}

/* Sign claims (a new reference, stolen) with libjwt; kid NULL omits the header. */
static char *sign(const test_key *k, jwt_alg_t alg, const char *kid, json_t *claims) {
    jwt_t *jwt = NULL;
    char *json = json_dumps(claims, JSON_COMPACT);
    char *token;

    ck_assert_ptr_nonnull(json);
    ck_assert_int_eq(jwt_new(&jwt), 0);
    ck_assert_int_eq(jwt_add_grants_json(jwt, json), 0);
    if (kid != NULL)
        ck_assert_int_eq(jwt_add_header(jwt, "kid", kid), 0);
    ck_assert_int_eq(
        jwt_set_alg(jwt, alg, (const unsigned char *)k->priv_pem, (int)strlen(k->priv_pem)), 0);
    token = jwt_encode_str(jwt);
    ck_assert_ptr_nonnull(token);
    jwt_free(jwt);
    free(json);
    json_decref(claims);
    return token;
}

static char *join3(const char *a, const char *b, const char *c) {
    char *out = NULL;

    ck_assert_int_gt(asprintf(&out, "%s.%s.%s", a, b, c), 0);
    return out;
}

/* A token built by hand: header and payload JSON texts, signature made by sig_fn over
 * "header.payload" (NULL: empty signature). */
typedef char *(*sig_fn)(const char *signing_input, const void *arg);

static char *hand_token(const char *header, const char *payload, sig_fn fn, const void *arg) {
    char *h = b64url(header, strlen(header));
    char *p = b64url(payload, strlen(payload));
    char *input = NULL, *sig, *token;

    ck_assert_int_gt(asprintf(&input, "%s.%s", h, p), 0);
    sig = fn != NULL ? fn(input, arg) : strdup("");
    token = join3(h, p, sig);
    free(h);
    free(p);
    free(input);
    free(sig);
    return token;
}

/* RS256 with an RSA private key (arg: test_key *). */
static char *sig_rs256(const char *input, const void *arg) {
    const test_key *k = arg;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned char sig[1024];
    size_t len = sizeof(sig);

    ck_assert_int_eq(EVP_DigestSignInit(ctx, NULL, EVP_sha256(), NULL, k->pkey), 1);
    ck_assert_int_eq(EVP_DigestSign(ctx, sig, &len, (const unsigned char *)input, strlen(input)),
                     1);
    EVP_MD_CTX_free(ctx);
    return b64url(sig, len);
}

/* HS256 with the given text as the HMAC secret (arg: const char *). */
static char *sig_hs256(const char *input, const void *arg) {
    const char *secret = arg;
    unsigned char md[32];
    unsigned int len = 0;

    ck_assert_ptr_nonnull(HMAC(EVP_sha256(), secret, (int)strlen(secret),
                               (const unsigned char *)input, strlen(input), md, &len));
    return b64url(md, len);
}

static char *claims_text(json_t *claims) {
    char *s = json_dumps(claims, JSON_COMPACT);

    json_decref(claims);
    ck_assert_ptr_nonnull(s);
    return s;
}

static svc_verifier *verifier_with(const char *spec, size_t cache_capacity) {
    svc_verifier_opts opts = {.issuer = ISSUER,
                              .audience = AUDIENCE,
                              .public_keys = spec,
                              .leeway_s = LEEWAY,
                              .cache_capacity = cache_capacity};
    svc_verifier *v = NULL;
    char *err = NULL;
    int rc = svc_verifier_new(&v, &opts, &err);

    ck_assert_msg(rc == SVC_OK, "svc_verifier_new: %s", err ? err : "?");
    free(err);
    return v;
}

/* A verifier for rsa_a, rsa_b and ec_c (public files). */
static svc_verifier *verifier_all(size_t cache_capacity) {
    char *spec = NULL;
    svc_verifier *v;

    ck_assert_int_gt(asprintf(&spec, "%s,%s,%s", rsa_a.pub_path, rsa_b.pub_path, ec_c.pub_path), 0);
    v = verifier_with(spec, cache_capacity);
    free(spec);
    return v;
}

/* Verify and expect rejection with exactly this reason. */
static void expect_reject(svc_verifier *v, const char *token, const char *reason) {
    svc_principal *p = NULL;
    const char *got = NULL;
    int rc = svc_verifier_verify(v, token, &p, &got);

    ck_assert_msg(rc == SVC_EAUTH, "expected SVC_EAUTH (%s), got %d", reason, rc);
    ck_assert_ptr_null(p);
    ck_assert_msg(got != NULL && strcmp(got, reason) == 0, "reason \"%s\", expected \"%s\"",
                  got != NULL ? got : "(null)", reason);
}

static svc_principal *expect_accept(svc_verifier *v, const char *token) {
    svc_principal *p = NULL;
    const char *reason = "unset";
    int rc = svc_verifier_verify(v, token, &p, &reason);

    ck_assert_msg(rc == SVC_OK, "rejected: %s", reason ? reason : "(no reason)");
    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_null(reason);
    return p;
}

/* Sign good claims changed by one member (value stolen; NULL deletes it) with rsa_a. */
static char *token_with(const char *name, json_t *value) {
    json_t *c = good_claims();

    if (value != NULL)
        json_object_set_new(c, name, value);
    else
        json_object_del(c, name);
    return sign(&rsa_a, JWT_ALG_RS256, rsa_a.kid, c);
}

static void reject_claim(const char *name, json_t *value, const char *reason) {
    svc_verifier *v = verifier_all(0);
    char *token = token_with(name, value);

    expect_reject(v, token, reason);
    free(token);
    svc_verifier_free(v);
}

static void accept_claim(const char *name, json_t *value) {
    svc_verifier *v = verifier_all(0);
    char *token = token_with(name, value);

    svc_principal_free(expect_accept(v, token));
    free(token);
    svc_verifier_free(v);
}

/* ---- keyset ---- */

START_TEST(keyset_thumbprint_kid_and_alg) {
    char *spec = NULL;
    svc_keyset *ks = NULL;
    char *err = NULL;

    ck_assert_int_gt(asprintf(&spec, "%s,%s", rsa_a.pub_path, ec_c.pub_path), 0);
    ck_assert_int_eq(svc_keyset_load(&ks, spec, &err), SVC_OK);
    ck_assert_uint_eq(svc_keyset_count(ks), 2);
    ck_assert_str_eq(svc_keyset_at(ks, 0)->kid, rsa_a.kid);
    ck_assert_str_eq(svc_keyset_at(ks, 0)->alg, "RS256");
    ck_assert_str_eq(svc_keyset_at(ks, 1)->kid, ec_c.kid);
    ck_assert_str_eq(svc_keyset_at(ks, 1)->alg, "ES256");
    ck_assert_ptr_null(err);
    svc_keyset_free(ks);
    free(spec);
}
END_TEST

/* RFC 7638 section 3.1: the example key's thumbprint. */
START_TEST(keyset_thumbprint_rfc7638_example) {
    static const char n_b64[] =
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_"
        "BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_"
        "FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-"
        "bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-"
        "kEgU8awapJzKnqDKgw";
    unsigned char n[512];
    size_t n_len = unb64url(n_b64, n, sizeof(n));
    BIGNUM *bn_n = BN_bin2bn(n, (int)n_len, NULL), *bn_e = BN_new();
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
    EVP_PKEY *pkey = NULL;
    char *pem, *kid = NULL;

    ck_assert_int_eq(BN_set_word(bn_e, 65537), 1);
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn_n);
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, bn_e);
    params = OSSL_PARAM_BLD_to_param(bld);
    ck_assert_int_eq(EVP_PKEY_fromdata_init(ctx), 1);
    ck_assert_int_eq(EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params), 1);
    pem = pem_of(pkey, 0, 0);
    ck_assert_int_eq(svc_key_thumbprint(pem, strlen(pem), &kid), SVC_OK);
    ck_assert_str_eq(kid, "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    free(kid);
    free(pem);
    EVP_PKEY_free(pkey);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(bn_n);
    BN_free(bn_e);
}
END_TEST

START_TEST(keyset_private_key_gives_same_kid_as_public) {
    char *kid = NULL;

    ck_assert_int_eq(svc_key_thumbprint(rsa_a.priv_pem, strlen(rsa_a.priv_pem), &kid), SVC_OK);
    ck_assert_str_eq(kid, rsa_a.kid);
    free(kid);
    ck_assert_int_eq(svc_key_thumbprint(ec_c.pub_pem, strlen(ec_c.pub_pem), &kid), SVC_OK);
    ck_assert_str_eq(kid, ec_c.kid);
    free(kid);
    ck_assert_int_eq(svc_key_thumbprint("garbage", 7, &kid), SVC_EINVAL);
    ck_assert_ptr_null(kid);
}
END_TEST

START_TEST(keyset_explicit_kids_and_whitespace) {
    char *spec = NULL;
    svc_keyset *ks = NULL;

    /* Private key files (PKCS#8 and traditional EC) are accepted too. */
    ck_assert_int_gt(asprintf(&spec, "  idp-rsa = %s ,\t%s , , ec-1=%s ", rsa_a.priv_path,
                              rsa_b.pub_path, ec_traditional_path),
                     0);
    ck_assert_int_eq(svc_keyset_load(&ks, spec, NULL), SVC_OK);
    ck_assert_uint_eq(svc_keyset_count(ks), 3);
    ck_assert_ptr_nonnull(svc_keyset_find(ks, "idp-rsa"));
    ck_assert_ptr_nonnull(svc_keyset_find(ks, rsa_b.kid));
    ck_assert_str_eq(svc_keyset_find(ks, "ec-1")->alg, "ES256");
    ck_assert_ptr_null(svc_keyset_find(ks, rsa_a.kid));
    /* The PEM kept for libjwt is the public half only. */
    ck_assert_ptr_nonnull(strstr(svc_keyset_find(ks, "idp-rsa")->pem, "BEGIN PUBLIC KEY"));
    ck_assert_ptr_null(strstr(svc_keyset_find(ks, "idp-rsa")->pem, "PRIVATE"));
    svc_keyset_free(ks);
    free(spec);
}
END_TEST

START_TEST(keyset_same_key_twice_is_kept_once) {
    char *spec = NULL;
    svc_keyset *ks = NULL;

    ck_assert_int_gt(asprintf(&spec, "%s,%s", rsa_a.pub_path, rsa_a.priv_path), 0);
    ck_assert_int_eq(svc_keyset_load(&ks, spec, NULL), SVC_OK);
    ck_assert_uint_eq(svc_keyset_count(ks), 1);
    svc_keyset_free(ks);
    free(spec);
}
END_TEST

static void expect_load_error(const char *spec, const char *fragment) {
    svc_keyset *ks = NULL;
    char *err = NULL;

    ck_assert_int_eq(svc_keyset_load(&ks, spec, &err), SVC_EINVAL);
    ck_assert_ptr_null(ks);
    ck_assert_ptr_nonnull(err);
    ck_assert_msg(strstr(err, fragment) != NULL, "errmsg \"%s\" lacks \"%s\"", err, fragment);
    free(err);
}

START_TEST(keyset_errors_are_clear) {
    char *spec = NULL;

    expect_load_error("/nonexistent/key.pem", "/nonexistent/key.pem");
    expect_load_error(not_a_key_path, "no PEM public or (unencrypted) private key");
    expect_load_error(encrypted_path, "no PEM public or (unencrypted) private key");
    expect_load_error(rsa_small_path, "too short");
    expect_load_error(ec_p384_path, "curve");
    expect_load_error(ed25519_path, "ED25519 is not supported");
    expect_load_error(two_keys_path, "holds more than one key");
    ck_assert_int_gt(asprintf(&spec, "=%s", rsa_a.pub_path), 0);
    expect_load_error(spec, "empty key id");
    free(spec);
    ck_assert_int_gt(asprintf(&spec, "k1=%s,k1=%s", rsa_a.pub_path, rsa_b.pub_path), 0);
    expect_load_error(spec, "k1 is used for two different keys");
    free(spec);
}
END_TEST

START_TEST(keyset_empty_spec_rejects_every_token) {
    svc_keyset *ks = NULL;
    svc_verifier *v = verifier_with(" ", 0);
    char *token = sign(&rsa_a, JWT_ALG_RS256, rsa_a.kid, good_claims());
    char *no_kid = sign(&rsa_a, JWT_ALG_RS256, NULL, good_claims());

    ck_assert_int_eq(svc_keyset_load(&ks, "", NULL), SVC_OK);
    ck_assert_uint_eq(svc_keyset_count(ks), 0);
    svc_keyset_free(ks);
    expect_reject(v, token, "unknown key id");
    expect_reject(v, no_kid, "no key for algorithm");
    free(token);
    free(no_kid);
    svc_verifier_free(v);
}
END_TEST

/* ---- JWKS ---- */

static EVP_PKEY *pkey_from_jwk(const json_t *jwk) {
    unsigned char a[512], b[512], point[65] = {0x04};
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    EVP_PKEY_CTX *ctx;
    EVP_PKEY *pkey = NULL;
    OSSL_PARAM *params;
    BIGNUM *n = NULL, *e = NULL;
    int is_ec = strcmp(json_string_value(json_object_get(jwk, "kty")), "EC") == 0;

    if (is_ec) {
        ck_assert_uint_eq(unb64url(json_string_value(json_object_get(jwk, "x")), a, sizeof(a)), 32);
        ck_assert_uint_eq(unb64url(json_string_value(json_object_get(jwk, "y")), b, sizeof(b)), 32);
        memcpy(point + 1, a, 32);
        memcpy(point + 33, b, 32);
        OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "P-256", 0);
        OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point, sizeof(point));
    } else {
        size_t n_len = unb64url(json_string_value(json_object_get(jwk, "n")), a, sizeof(a));
        size_t e_len = unb64url(json_string_value(json_object_get(jwk, "e")), b, sizeof(b));

        ck_assert_int_ne(a[0], 0); /* no leading zero octets (RFC 7518 6.3.1.1) */
        n = BN_bin2bn(a, (int)n_len, NULL);
        e = BN_bin2bn(b, (int)e_len, NULL);
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n);
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e);
    }
    params = OSSL_PARAM_BLD_to_param(bld);
    ctx = EVP_PKEY_CTX_new_from_name(NULL, is_ec ? "EC" : "RSA", NULL);
    ck_assert_int_eq(EVP_PKEY_fromdata_init(ctx), 1);
    ck_assert_int_eq(EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params), 1);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(n);
    BN_free(e);
    return pkey;
}

START_TEST(jwks_round_trips) {
    char *spec = NULL;
    svc_keyset *ks = NULL;
    json_t *jwks, *keys;
    const test_key *expected[] = {&rsa_a, &ec_c};

    ck_assert_int_gt(asprintf(&spec, "%s,%s", rsa_a.priv_path, ec_c.pub_path), 0);
    ck_assert_int_eq(svc_keyset_load(&ks, spec, NULL), SVC_OK);
    jwks = svc_keyset_jwks(ks);
    keys = json_object_get(jwks, "keys");
    ck_assert_uint_eq(json_array_size(keys), 2);
    for (size_t i = 0; i < 2; i++) {
        json_t *jwk = json_array_get(keys, i);
        EVP_PKEY *pkey = pkey_from_jwk(jwk);
        char *kid = expected_kid(pkey);

        /* The JWK describes exactly the loaded key, and its kid is its own thumbprint. */
        ck_assert_int_eq(EVP_PKEY_eq(pkey, expected[i]->pkey), 1);
        ck_assert_str_eq(json_string_value(json_object_get(jwk, "kid")), kid);
        ck_assert_str_eq(json_string_value(json_object_get(jwk, "use")), "sig");
        ck_assert_str_eq(json_string_value(json_object_get(jwk, "alg")),
                         i == 0 ? "RS256" : "ES256");
        ck_assert_ptr_null(json_object_get(jwk, "d")); /* never the private part */
        free(kid);
        EVP_PKEY_free(pkey);
    }
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(keys, 1), "crv")), "P-256");
    json_decref(jwks);
    svc_keyset_free(ks);
    free(spec);
}
END_TEST

START_TEST(jwks_of_empty_keyset) {
    svc_keyset *ks = NULL;
    json_t *jwks;

    ck_assert_int_eq(svc_keyset_load(&ks, NULL, NULL), SVC_OK);
    jwks = svc_keyset_jwks(ks);
    ck_assert_ptr_nonnull(jwks);
    ck_assert_uint_eq(json_array_size(json_object_get(jwks, "keys")), 0);
    json_decref(jwks);
    svc_keyset_free(ks);
}
END_TEST

/* ---- accepted tokens ---- */

START_TEST(verify_rs256) {
    svc_verifier *v = verifier_all(0);
    char *token = sign(&rsa_a, JWT_ALG_RS256, rsa_a.kid, good_claims());
    svc_principal *p = expect_accept(v, token);

    ck_assert_str_eq(p->subject, "4b7f6a52-0b1e-4a8e-9d1c-2f0a6c3e9b11");
    ck_assert_str_eq(p->token_id, "token-1");
    ck_assert_int_gt(p->expires_at, now_s() + 500);
    ck_assert_ptr_null(p->name);
    ck_assert_ptr_null(p->client_id);
    ck_assert_ptr_null(p->municipality);
    ck_assert_uint_eq(p->n_scopes, 0);
    ck_assert_uint_eq(p->n_roles, 0);
    ck_assert_uint_eq(p->n_action_lines, 0);
    svc_principal_free(p);
    free(token);
    svc_verifier_free(v);
}
END_TEST

START_TEST(verify_es256) {
    svc_verifier *v = verifier_all(0);
    char *token = sign(&ec_c, JWT_ALG_ES256, ec_c.kid, good_claims());
    unsigned char sig[256];

    /* JWS ES256 signatures are R || S (64 octets), not DER: what every IdP sends. */
    ck_assert_uint_eq(unb64url(strrchr(token, '.') + 1, sig, sizeof(sig)), 64);
    svc_principal_free(expect_accept(v, token));
    free(token);
    svc_verifier_free(v);
}
END_TEST

START_TEST(verify_rotation_accepts_old_and_new_key) {
    char *spec = NULL;
    svc_verifier *v;
    char *old_token = sign(&rsa_a, JWT_ALG_RS256, rsa_a.kid, good_claims());
    char *new_token = sign(&rsa_b, JWT_ALG_RS256, rsa_b.kid, good_claims());
    char *other = sign(&ec_c, JWT_ALG_ES256, ec_c.kid, good_claims());

    ck_assert_int_gt(asprintf(&spec, "%s, %s", rsa_a.pub_path, rsa_b.pub_path), 0);
    v = verifier_with(spec, 16);
    svc_principal_free(expect_accept(v, old_token));
    svc_principal_free(expect_accept(v, new_token));
    expect_reject(v, other, "unknown key id");
    free(old_token);
    free(new_token);
    free(other);
    free(spec);
    svc_verifier_free(v);
}
END_TEST

START_TEST(verify_explicit_kid) {
    char *spec = NULL;
    svc_verifier *v;
    char *token = sign(&rsa_b, JWT_ALG_RS256, "idp-2024-01", good_claims());
    char *thumb = sign(&rsa_b, JWT_ALG_RS256, rsa_b.kid, good_claims());
    char *swapped = sign(&rsa_a, JWT_ALG_RS256, "idp-2024-01", good_claims());

    ck_assert_int_gt(
        asprintf(&spec, "idp-2023-07=%s,idp-2024-01=%s", rsa_a.pub_path, rsa_b.pub_path), 0);
    v = verifier_with(spec, 0);
    svc_principal_free(expect_accept(v, token));
    /* The configured kid replaces the thumbprint. */
    expect_reject(v, thumb, "unknown key id");
    /* The kid picks the key: a token naming one key but signed by the other fails. */
    expect_reject(v, swapped, "bad signature");
    free(token);
    free(thumb);
    free(swapped);
    free(spec);
    svc_verifier_free(v);
}
END_TEST

START_TEST(verify_without_kid_tries_keys_of_the_alg) {
    svc_verifier *v = verifier_all(0);
    char *rsa = sign(&rsa_b, JWT_ALG_RS256, NULL, good_claims());
    char *ec = sign(&ec_c, JWT_ALG_ES256, NULL, good_claims());
    test_key stranger = {0};
    EVP_PKEY *p = EVP_RSA_gen(2048);
    char *unknown;

    stranger.pkey = p;
    stranger.priv_pem = pem_of(p, 1, 0);
    unknown = sign(&stranger, JWT_ALG_RS256, NULL, good_claims());
    svc_principal_free(expect_accept(v, rsa));
    svc_principal_free(expect_accept(v, ec));
    expect_reject(v, unknown, "bad signature");
    free(rsa);
    free(ec);
    free(unknown);
    free(stranger.priv_pem);
    EVP_PKEY_free(p);
    svc_verifier_free(v);
}
END_TEST

/* ---- rejected tokens ---- */

START_TEST(reject_alg_none) {
    svc_verifier *v = verifier_all(0);
    char *payload = claims_text(good_claims());
    char *header = NULL, *token, *with_sig;

    ck_assert_int_gt(
        asprintf(&header, "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"%s\"}", rsa_a.kid), 0);
    token = hand_token(header, payload, NULL, NULL);
    expect_reject(v, token, "algorithm not allowed");
    with_sig = hand_token(header, payload, sig_rs256, &rsa_a);
    expect_reject(v, with_sig, "algorithm not allowed");
    free(token);
    free(with_sig);
    free(header);
    free(payload);
    svc_verifier_free(v);
}
END_TEST

/* The classic key-confusion attack: HS256 keyed with the RSA public key, which is public. */
START_TEST(reject_hs256_signed_with_public_key) {
    svc_verifier *v = verifier_all(0);
    char *payload = claims_text(good_claims());
    char *header = NULL, *token, *no_kid;
    const svc_key *key;
    svc_keyset *ks = NULL;
    jwt_t *jwt = NULL;

    ck_assert_int_eq(svc_keyset_load(&ks, rsa_a.pub_path, NULL), SVC_OK);
    key = svc_keyset_at(ks, 0);
    ck_assert_int_gt(
        asprintf(&header, "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"%s\"}", rsa_a.kid), 0);
    token = hand_token(header, payload, sig_hs256, key->pem);
    no_kid = hand_token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload, sig_hs256, key->pem);
    /* The attack is real: libjwt alone accepts this token with the key the verifier uses. */
    ck_assert_int_eq(jwt_decode(&jwt, token, (const unsigned char *)key->pem, (int)key->pem_len),
                     0);
    ck_assert_int_eq(jwt_get_alg(jwt), JWT_ALG_HS256);
    jwt_free(jwt);
    expect_reject(v, token, "algorithm not allowed");
    expect_reject(v, no_kid, "algorithm not allowed");
    free(token);
    free(no_kid);
    free(header);
    free(payload);
    svc_keyset_free(ks);
    svc_verifier_free(v);
}
END_TEST

START_TEST(reject_alg_not_matching_key) {
    svc_verifier *v = verifier_all(0);
    /* Signed ES256 with the EC key, but naming the RSA key. */
    char *token = sign(&ec_c, JWT_ALG_ES256, rsa_a.kid, good_claims());
    char *rs384 = sign(&rsa_a, JWT_ALG_RS384, rsa_a.kid, good_claims());

    expect_reject(v, token, "algorithm not allowed");
    expect_reject(v, rs384, "algorithm not allowed");
    free(token);
    free(rs384);
    svc_verifier_free(v);
}
END_TEST

START_TEST(reject_tampered_payload) {
    svc_verifier *v = verifier_all(0);
    char *token = sign(&rsa_a, JWT_ALG_RS256, rsa_a.kid, good_claims());
    json_t *c = good_claims();
    char *evil_payload, *evil_b64, *evil, *dot1 = strchr(token, '.'), *dot2 = strrchr(token, '.');

    json_object_set_new(c, "scope", json_string("auth:admin"));
    evil_payload = claims_text(c);
    evil_b64 = b64url(evil_payload, strlen(evil_payload));
    *dot1 = '\0';
    evil = join3(token, evil_b64, dot2 + 1);
    expect_reject(v, evil, "bad signature");
    /* A flipped bit in the signature too. */
    *dot1 = '.';
    dot2[5] = dot2[5] == 'A' ? 'B' : 'A';
    expect_reject(v, token, "bad signature");
    free(evil);
    free(evil_b64);
    free(evil_payload);
    free(token);
    svc_verifier_free(v);
}
END_TEST

START_TEST(reject_expired) {
    reject_claim("exp", json_integer(now_s() - LEEWAY - 1), "token expired");
    reject_claim("exp", json_integer(now_s() - 3600), "token expired");
    reject_claim("exp", NULL, "token has no expiry");
    reject_claim("exp", json_string("tomorrow"), "malformed claims");
    /* Within the leeway, a just-expired token still passes (clock skew). */
    accept_claim("exp", json_integer(now_s() - LEEWAY + 5));
    accept_claim("exp", json_real((double)now_s() + 60.5));
}
END_TEST

START_TEST(reject_not_yet_valid) {
    reject_claim("nbf", json_integer(now_s() + LEEWAY + 60), "token not yet valid");
    accept_claim("nbf", json_integer(now_s() + LEEWAY - 5));
    accept_claim("nbf", NULL);
}
END_TEST

START_TEST(reject_issued_in_future) {
    reject_claim("iat", json_integer(now_s() + LEEWAY + 60), "token issued in the future");
    accept_claim("iat", NULL);
}
END_TEST

START_TEST(reject_wrong_issuer) {
    reject_claim("iss", json_string("https://evil.example.com"), "wrong issuer");
    reject_claim("iss", json_string(ISSUER "/"), "wrong issuer");
    reject_claim("iss", NULL, "wrong issuer");
}
END_TEST

START_TEST(audience_string_or_array) {
    reject_claim("aud", json_string("another-api"), "wrong audience");
    reject_claim("aud", json_pack("[s,s]", "account", "another-api"), "wrong audience");
    reject_claim("aud", json_pack("[]"), "wrong audience");
    reject_claim("aud", NULL, "wrong audience");
    accept_claim("aud", json_pack("[s,s]", "account", AUDIENCE));
    accept_claim("aud", json_string(AUDIENCE));
}
END_TEST

START_TEST(reject_missing_subject) {
    reject_claim("sub", NULL, "missing subject");
    reject_claim("sub", json_string(""), "missing subject");
    reject_claim("sub", json_integer(42), "missing subject");
}
END_TEST

START_TEST(reject_unknown_kid) {
    svc_verifier *v = verifier_all(0);
    char *token = sign(&rsa_a, JWT_ALG_RS256, "who-knows", good_claims());

    expect_reject(v, token, "unknown key id");
    free(token);
    svc_verifier_free(v);
}
END_TEST

/* The header text with "@KID@" replaced by rsa_a's kid. */
static char *with_kid(const char *tmpl) {
    const char *at = strstr(tmpl, "@KID@");
    char *out = NULL;

    if (at == NULL)
        return strdup(tmpl);
    ck_assert_int_gt(asprintf(&out, "%.*s%s%s", (int)(at - tmpl), tmpl, rsa_a.kid, at + 5), 0);
    return out;
}

/* Well signed, with one thing wrong in the header. */
static void reject_header(const char *header_tmpl, const char *reason) {
    svc_verifier *v = verifier_all(0);
    char *payload = claims_text(good_claims());
    char *header = with_kid(header_tmpl), *token;

    token = hand_token(header, payload, sig_rs256, &rsa_a);
    expect_reject(v, token, reason);
    free(token);
    free(header);
    free(payload);
    svc_verifier_free(v);
}

START_TEST(reject_bad_headers) {
    /* The control: the same construction with a good header passes. */
    svc_verifier *v = verifier_all(0);
    char *payload = claims_text(good_claims());
    char *header = with_kid("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"@KID@\"}");
    char *token;

    token = hand_token(header, payload, sig_rs256, &rsa_a);
    svc_principal_free(expect_accept(v, token));
    free(token);
    free(header);
    free(payload);
    svc_verifier_free(v);

    reject_header("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"@KID@\"}",
                  "token type not allowed");
    reject_header("{\"alg\":\"RS256\",\"typ\":7,\"kid\":\"@KID@\"}", "token type not allowed");
    reject_header("{\"alg\":\"RS256\",\"kid\":\"@KID@\",\"crit\":[\"exp\"],\"exp\":1}",
                  "unsupported critical header");
    reject_header("{\"alg\":\"RS256\",\"kid\":\"@KID@\",\"alg\":\"none\"}", "malformed token");
    reject_header("{\"alg\":\"PS256\",\"kid\":\"@KID@\"}", "algorithm not allowed");
    reject_header("{\"typ\":\"JWT\",\"kid\":\"@KID@\"}", "malformed token");
    reject_header("[\"@KID@\"]", "malformed token");
}
END_TEST

START_TEST(reject_garbage) {
    svc_verifier *v = verifier_all(0);
    char *token = sign(&rsa_a, JWT_ALG_RS256, rsa_a.kid, good_claims());
    char *extra = NULL, *padded = NULL;
    svc_principal *p = NULL;
    const char *reason = NULL;

    expect_reject(v, "", "empty token");
    ck_assert_int_eq(svc_verifier_verify(v, NULL, &p, &reason), SVC_EAUTH);
    ck_assert_ptr_null(p);
    expect_reject(v, "not a token", "malformed token");
    expect_reject(v, "a.b.c", "malformed token");
    expect_reject(v, "..", "malformed token");
    expect_reject(v, "eyJhbGciOiJSUzI1NiJ9", "malformed token");
    expect_reject(v, "Bearer abc.def.ghi", "malformed token");
    /* A JWE has five parts. */
    ck_assert_int_gt(asprintf(&extra, "%s.x.y", token), 0);
    expect_reject(v, extra, "malformed token");
    /* Padding is not base64url. */
    ck_assert_int_gt(asprintf(&padded, "%s==", token), 0);
    expect_reject(v, padded, "malformed token");
    /* Reason may be NULL. */
    ck_assert_int_eq(svc_verifier_verify(v, "x", &p, NULL), SVC_EAUTH);
    free(extra);
    free(padded);
    free(token);
    svc_verifier_free(v);
}
END_TEST

START_TEST(reject_oversized_token) {
    svc_verifier *v = verifier_all(0);
    char filler[7000];
    char *big, *huge;

    memset(filler, 'x', sizeof(filler) - 1);
    filler[sizeof(filler) - 1] = '\0';
    big = token_with("filler", json_string(filler + 2000)); /* about 6.7 KiB: fine */
    huge = token_with("filler", json_string(filler));       /* over 8 KiB */
    ck_assert_uint_lt(strlen(big), 8192);
    ck_assert_uint_gt(strlen(huge), 8192);
    svc_principal_free(expect_accept(v, big));
    expect_reject(v, huge, "token too long");
    free(big);
    free(huge);
    svc_verifier_free(v);
}
END_TEST

/* ---- principal ---- */

START_TEST(principal_claims) {
    svc_verifier *v = verifier_all(0);
    json_t *c = good_claims();
    char *token;
    svc_principal *p;

    json_object_set_new(c, "scope",
                        json_string("portfolio:read  portfolio:write monitoring:ingest"));
    json_object_set_new(c, "roles", json_pack("[s,s]", "redacteur", "lezer"));
    json_object_set_new(c, "actielijnen", json_pack("[i,i]", 1, 4));
    json_object_set_new(c, "gemeente", json_string("GM0153"));
    json_object_set_new(c, "client_id", json_string("enschede-sociaal-domein"));
    json_object_set_new(c, "preferred_username", json_string("j.jansen"));
    json_object_set_new(c, "name", json_string("Jan Jansen"));
    token = sign(&rsa_a, JWT_ALG_RS256, rsa_a.kid, c);
    p = expect_accept(v, token);
    ck_assert_uint_eq(p->n_scopes, 3);
    ck_assert_int_eq(svc_principal_has_scope(p, "portfolio:read"), 1);
    ck_assert_int_eq(svc_principal_has_scope(p, "portfolio:write"), 1);
    ck_assert_int_eq(svc_principal_has_scope(p, "monitoring:ingest"), 1);
    ck_assert_int_eq(svc_principal_has_scope(p, "portfolio"), 0);
    ck_assert_int_eq(svc_principal_has_scope(p, "auth:admin"), 0);
    ck_assert_int_eq(svc_principal_has_scope(p, ""), 0);
    ck_assert_int_eq(svc_principal_has_role(p, "redacteur"), 1);
    ck_assert_int_eq(svc_principal_has_role(p, "lezer"), 1);
    ck_assert_int_eq(svc_principal_has_role(p, "beheerder"), 0);
    ck_assert_uint_eq(p->n_action_lines, 2);
    ck_assert_int_eq(p->action_lines[0], 1);
    ck_assert_int_eq(p->action_lines[1], 4);
    ck_assert_str_eq(p->municipality, "GM0153");
    ck_assert_str_eq(p->client_id, "enschede-sociaal-domein");
    ck_assert_str_eq(p->name, "j.jansen");
    ck_assert_int_eq(svc_principal_has_scope(NULL, "portfolio:read"), 0);
    svc_principal_free(p);
    free(token);

    /* Without preferred_username the name is the fallback. */
    c = good_claims();
    json_object_set_new(c, "name", json_string("Kennispunt Twente"));
    token = sign(&rsa_a, JWT_ALG_RS256, rsa_a.kid, c);
    p = expect_accept(v, token);
    ck_assert_str_eq(p->name, "Kennispunt Twente");
    svc_principal_free(p);
    free(token);
    svc_verifier_free(v);
}
END_TEST

START_TEST(principal_malformed_claims_reject) {
    /* Ignoring a malformed restriction would widen access: reject instead. */
    reject_claim("actielijnen", json_pack("[s]", "1"), "malformed claims");
    reject_claim("actielijnen", json_integer(1), "malformed claims");
    reject_claim("roles", json_string("beheerder"), "malformed claims");
    reject_claim("roles", json_pack("[i]", 1), "malformed claims");
    reject_claim("scope", json_pack("[s]", "portfolio:read"), "malformed claims");
    reject_claim("gemeente", json_integer(153), "malformed claims");
}
END_TEST

static int str_eq(const char *a, const char *b) {
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int principal_equal(const svc_principal *a, const svc_principal *b) {
    if (!str_eq(a->subject, b->subject) || !str_eq(a->name, b->name) ||
        !str_eq(a->client_id, b->client_id) || !str_eq(a->municipality, b->municipality) ||
        !str_eq(a->token_id, b->token_id) || a->expires_at != b->expires_at ||
        a->n_scopes != b->n_scopes || a->n_roles != b->n_roles ||
        a->n_action_lines != b->n_action_lines)
        return 0;
    for (size_t i = 0; i < a->n_scopes; i++)
        if (!str_eq(a->scopes[i], b->scopes[i]))
            return 0;
    for (size_t i = 0; i < a->n_roles; i++)
        if (!str_eq(a->roles[i], b->roles[i]))
            return 0;
    for (size_t i = 0; i < a->n_action_lines; i++)
        if (a->action_lines[i] != b->action_lines[i])
            return 0;
    return 1;
}

static json_t *rich_claims(void) {
    json_t *c = good_claims();

    json_object_set_new(c, "scope", json_string("portfolio:read portfolio:write"));
    json_object_set_new(c, "roles", json_pack("[s]", "redacteur"));
    json_object_set_new(c, "actielijnen", json_pack("[i,i,i]", 2, 3, 5));
    json_object_set_new(c, "gemeente", json_string("GM0164"));
    json_object_set_new(c, "preferred_username", json_string("a.de.vries"));
    return c;
}

START_TEST(principal_copy_is_deep) {
    svc_verifier *v = verifier_all(0);
    char *token = sign(&rsa_a, JWT_ALG_RS256, rsa_a.kid, rich_claims());
    svc_principal *p = expect_accept(v, token), *c = NULL;

    ck_assert_int_eq(svc_principal_copy(p, &c), SVC_OK);
    ck_assert_int_eq(principal_equal(p, c), 1);
    ck_assert_ptr_ne(c->subject, p->subject);
    ck_assert_ptr_ne(c->scopes[0], p->scopes[0]);
    ck_assert_ptr_ne(c->action_lines, p->action_lines);
    svc_principal_free(p); /* the copy must outlive the original (ASan would catch it) */
    ck_assert_str_eq(c->scopes[1], "portfolio:write");
    ck_assert_str_eq(c->roles[0], "redacteur");
    svc_principal_free(c);
    free(token);
    svc_verifier_free(v);
}
END_TEST

/* ---- cache ---- */

START_TEST(cache_hit_returns_equal_principal) {
    svc_verifier *v = verifier_all(8);
    char *token = sign(&rsa_a, JWT_ALG_RS256, rsa_a.kid, rich_claims());
    svc_principal *first = expect_accept(v, token);
    svc_principal *second = expect_accept(v, token);

    ck_assert_int_eq(principal_equal(first, second), 1);
    ck_assert_ptr_ne(first, second); /* each caller owns its own copy */
    svc_principal_free(first);
    svc_principal_free(second);
    free(token);
    svc_verifier_free(v);
}
END_TEST

START_TEST(cache_expired_token_is_rejected) {
    svc_verifier *v = verifier_all(8);
    long long now = now_s();
    char *token = token_with("exp", json_integer(now + 120));
    svc_principal *p = NULL;
    const char *reason = NULL;

    ck_assert_int_eq(svc_verifier_verify_at(v, token, now, &p, &reason), SVC_OK);
    svc_principal_free(p);
    p = NULL;
    /* Cached, then still good until exp + leeway... */
    ck_assert_int_eq(svc_verifier_verify_at(v, token, now + 120 + LEEWAY - 1, &p, &reason), SVC_OK);
    svc_principal_free(p);
    p = NULL;
    /* ...and rejected from then on, though the signature check is not repeated. */
    ck_assert_int_eq(svc_verifier_verify_at(v, token, now + 120 + LEEWAY, &p, &reason), SVC_EAUTH);
    ck_assert_ptr_null(p);
    ck_assert_str_eq(reason, "token expired");
    ck_assert_int_eq(svc_verifier_verify_at(v, token, now + 120 + LEEWAY, &p, &reason), SVC_EAUTH);
    ck_assert_str_eq(reason, "token expired");
    free(token);
    svc_verifier_free(v);
}
END_TEST

static svc_principal *principal_expiring(long long exp) {
    svc_principal *p = calloc(1, sizeof(*p));

    ck_assert_ptr_nonnull(p);
    p->subject = strdup("s");
    p->expires_at = exp;
    return p;
}

static void digest_of(int i, unsigned char *d) {
    char text[16];
    unsigned int n = 0;

    snprintf(text, sizeof(text), "token-%d", i);
    ck_assert_int_eq(EVP_Digest(text, strlen(text), d, &n, EVP_sha256(), NULL), 1);
}

static int cache_has(svc_token_cache *c, int i, long long now) {
    unsigned char d[SVC_TOKEN_DIGEST_BYTES];
    svc_principal *p = NULL;
    int rc;

    digest_of(i, d);
    rc = svc_token_cache_get(c, d, now, 0, &p);
    svc_principal_free(p);
    return rc == 1;
}

static void cache_put(svc_token_cache *c, int i, long long exp, long long now) {
    unsigned char d[SVC_TOKEN_DIGEST_BYTES];
    svc_principal *p = principal_expiring(exp);

    digest_of(i, d);
    svc_token_cache_put(c, d, p, now, 0);
    svc_principal_free(p);
}

START_TEST(cache_is_bounded_and_evicts_expired_first) {
    svc_token_cache *c = NULL;
    int present = 0;

    ck_assert_int_eq(svc_token_cache_new(3, &c), SVC_OK);
    cache_put(c, 1, 1000, 100); /* expires first */
    cache_put(c, 2, 5000, 100);
    cache_put(c, 3, 5000, 100);
    ck_assert_int_eq(cache_has(c, 1, 200) + cache_has(c, 2, 200) + cache_has(c, 3, 200), 3);
    /* Full at t=2000: the expired entry 1 makes room, 2 and 3 stay. */
    cache_put(c, 4, 5000, 2000);
    ck_assert_int_eq(cache_has(c, 2, 2000), 1);
    ck_assert_int_eq(cache_has(c, 3, 2000), 1);
    ck_assert_int_eq(cache_has(c, 4, 2000), 1);
    /* Full with nothing expired: one entry goes, the newest is kept, never more than 3. */
    cache_put(c, 5, 5000, 2000);
    ck_assert_int_eq(cache_has(c, 5, 2000), 1);
    for (int i = 1; i <= 5; i++)
        present += cache_has(c, i, 2000);
    ck_assert_int_eq(present, 3);
    /* Expired entries are never returned. */
    ck_assert_int_eq(cache_has(c, 5, 5000), 0);
    svc_token_cache_free(c);

    /* Capacity 0 disables the cache. */
    ck_assert_int_eq(svc_token_cache_new(0, &c), SVC_OK);
    cache_put(c, 1, 5000, 100);
    ck_assert_int_eq(cache_has(c, 1, 100), 0);
    svc_token_cache_free(c);
}
END_TEST

typedef struct worker_arg {
    svc_verifier *v;
    char **tokens;
    int n_tokens;
    int offset;
    int failures;
} worker_arg;

static void *worker(void *arg) {
    worker_arg *w = arg;

    for (int i = 0; i < 300; i++) {
        svc_principal *p = NULL;
        const char *reason = NULL;
        int k = (i * 7 + w->offset) % w->n_tokens;

        if (svc_verifier_verify(w->v, w->tokens[k], &p, &reason) != SVC_OK ||
            !svc_principal_has_scope(p, "portfolio:read"))
            w->failures++;
        svc_principal_free(p);
    }
    return NULL;
}

START_TEST(cache_concurrent_use) {
    /* A cache smaller than the working set, so threads insert and evict while others read. */
    svc_verifier *v = verifier_all(3);
    char *tokens[6];
    pthread_t threads[4];
    worker_arg args[4];

    for (int i = 0; i < 6; i++) {
        json_t *c = rich_claims();

        json_object_set_new(c, "sub", json_sprintf("user-%d", i));
        tokens[i] = sign(i % 2 ? &ec_c : &rsa_a, i % 2 ? JWT_ALG_ES256 : JWT_ALG_RS256,
                         i % 2 ? ec_c.kid : rsa_a.kid, c);
    }
    for (int t = 0; t < 4; t++) {
        args[t] = (worker_arg){.v = v, .tokens = tokens, .n_tokens = 6, .offset = t};
        ck_assert_int_eq(pthread_create(&threads[t], NULL, worker, &args[t]), 0);
    }
    for (int t = 0; t < 4; t++) {
        pthread_join(threads[t], NULL);
        ck_assert_int_eq(args[t].failures, 0);
    }
    for (int i = 0; i < 6; i++)
        free(tokens[i]);
    svc_verifier_free(v);
}
END_TEST

START_TEST(verifier_needs_issuer_and_audience) {
    svc_verifier_opts opts = {.issuer = "", .audience = AUDIENCE, .public_keys = ""};
    svc_verifier *v = NULL;
    char *err = NULL;

    ck_assert_int_eq(svc_verifier_new(&v, &opts, &err), SVC_EINVAL);
    ck_assert_ptr_null(v);
    ck_assert_ptr_nonnull(strstr(err, "issuer"));
    free(err);
    err = NULL;
    opts.issuer = ISSUER;
    opts.audience = NULL;
    ck_assert_int_eq(svc_verifier_new(&v, &opts, &err), SVC_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "audience"));
    free(err);
    err = NULL;
    opts.audience = AUDIENCE;
    opts.public_keys = "/nonexistent.pem";
    ck_assert_int_eq(svc_verifier_new(&v, &opts, &err), SVC_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent.pem"));
    free(err);
}
END_TEST

static Suite *jwt_suite(void) {
    Suite *s = suite_create("jwt");
    TCase *keys = tcase_create("keyset");
    TCase *ok = tcase_create("accept");
    TCase *bad = tcase_create("reject");
    TCase *principal = tcase_create("principal");
    TCase *cache = tcase_create("cache");

    tcase_add_test(keys, keyset_thumbprint_kid_and_alg);
    tcase_add_test(keys, keyset_thumbprint_rfc7638_example);
    tcase_add_test(keys, keyset_private_key_gives_same_kid_as_public);
    tcase_add_test(keys, keyset_explicit_kids_and_whitespace);
    tcase_add_test(keys, keyset_same_key_twice_is_kept_once);
    tcase_add_test(keys, keyset_errors_are_clear);
    tcase_add_test(keys, keyset_empty_spec_rejects_every_token);
    tcase_add_test(keys, jwks_round_trips);
    tcase_add_test(keys, jwks_of_empty_keyset);
    tcase_add_test(keys, verifier_needs_issuer_and_audience);
    tcase_add_unchecked_fixture(keys, setup_keys, NULL);
    suite_add_tcase(s, keys);

    tcase_add_test(ok, verify_rs256);
    tcase_add_test(ok, verify_es256);
    tcase_add_test(ok, verify_rotation_accepts_old_and_new_key);
    tcase_add_test(ok, verify_explicit_kid);
    tcase_add_test(ok, verify_without_kid_tries_keys_of_the_alg);
    tcase_add_unchecked_fixture(ok, setup_keys, NULL);
    suite_add_tcase(s, ok);

    tcase_add_test(bad, reject_alg_none);
    tcase_add_test(bad, reject_hs256_signed_with_public_key);
    tcase_add_test(bad, reject_alg_not_matching_key);
    tcase_add_test(bad, reject_tampered_payload);
    tcase_add_test(bad, reject_expired);
    tcase_add_test(bad, reject_not_yet_valid);
    tcase_add_test(bad, reject_issued_in_future);
    tcase_add_test(bad, reject_wrong_issuer);
    tcase_add_test(bad, audience_string_or_array);
    tcase_add_test(bad, reject_missing_subject);
    tcase_add_test(bad, reject_unknown_kid);
    tcase_add_test(bad, reject_bad_headers);
    tcase_add_test(bad, reject_garbage);
    tcase_add_test(bad, reject_oversized_token);
    tcase_add_unchecked_fixture(bad, setup_keys, NULL);
    suite_add_tcase(s, bad);

    tcase_add_test(principal, principal_claims);
    tcase_add_test(principal, principal_malformed_claims_reject);
    tcase_add_test(principal, principal_copy_is_deep);
    tcase_add_unchecked_fixture(principal, setup_keys, NULL);
    suite_add_tcase(s, principal);

    tcase_add_test(cache, cache_hit_returns_equal_principal);
    tcase_add_test(cache, cache_expired_token_is_rejected);
    tcase_add_test(cache, cache_is_bounded_and_evicts_expired_first);
    tcase_add_test(cache, cache_concurrent_use);
    tcase_add_unchecked_fixture(cache, setup_keys, NULL);
    suite_add_tcase(s, cache);
    return s;
}

int main(void) {
    SRunner *sr;
    int failed;

    sr = srunner_create(jwt_suite());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    teardown_keys();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
