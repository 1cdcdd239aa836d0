/* OAuth2 client authentication with HTTP Basic: base64 of the url-encoded id and secret. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "basic.h"
#include "svc/error.h"

static int parse(const char *header, char **id, char **secret) {
    *id = *secret = NULL;
    return auth_basic_parse(header, id, secret);
}

START_TEST(plain_id_and_secret) {
    char *id, *secret;
    /* "gm-enschede:s3cr3t" */
    ck_assert_int_eq(parse("Basic Z20tZW5zY2hlZGU6czNjcjN0", &id, &secret), SVC_OK);
    ck_assert_str_eq(id, "gm-enschede");
    ck_assert_str_eq(secret, "s3cr3t");
    free(id);
    free(secret);
}
END_TEST

START_TEST(the_scheme_is_case_insensitive) {
    char *id, *secret;
    ck_assert_int_eq(parse("basic Z20tZW5zY2hlZGU6czNjcjN0", &id, &secret), SVC_OK);
    ck_assert_str_eq(id, "gm-enschede");
    free(id);
    free(secret);
    ck_assert_int_eq(parse("BASIC   Z20tZW5zY2hlZGU6czNjcjN0", &id, &secret), SVC_OK);
    free(id);
    free(secret);
}
END_TEST

START_TEST(parts_are_form_url_decoded) {
    char *id, *secret;
    /* "a%3Ab:x%2By+z" (RFC 6749 2.3.1): id "a:b", secret "x+y z" */
    ck_assert_int_eq(parse("Basic YSUzQWI6eCUyQnkreg==", &id, &secret), SVC_OK);
    ck_assert_str_eq(id, "a:b");
    ck_assert_str_eq(secret, "x+y z");
    free(id);
    free(secret);
}
END_TEST

START_TEST(the_secret_may_hold_colons_and_may_be_empty) {
    char *id, *secret;
    /* "c1:a:b" */
    ck_assert_int_eq(parse("Basic YzE6YTpi", &id, &secret), SVC_OK);
    ck_assert_str_eq(id, "c1");
    ck_assert_str_eq(secret, "a:b");
    free(id);
    free(secret);
    /* "c1:" */
    ck_assert_int_eq(parse("Basic YzE6", &id, &secret), SVC_OK);
    ck_assert_str_eq(secret, "");
    free(id);
    free(secret);
}
END_TEST

START_TEST(malformed_headers_are_refused) {
    char *id, *secret;
    ck_assert_int_eq(parse(NULL, &id, &secret), SVC_EINVAL);
    ck_assert_int_eq(parse("Bearer abc.def.ghi", &id, &secret), SVC_EINVAL);
    ck_assert_int_eq(parse("Basicabc", &id, &secret), SVC_EINVAL);
    ck_assert_int_eq(parse("Basic ", &id, &secret), SVC_EINVAL);
    ck_assert_int_eq(parse("Basic !!!!", &id, &secret), SVC_EINVAL);
    ck_assert_int_eq(parse("Basic Y2xpZW50", &id, &secret), SVC_EINVAL); /* "client": no colon */
    ck_assert_int_eq(parse("Basic OnNlY3JldA==", &id, &secret), SVC_EINVAL); /* ":secret" */
    ck_assert_int_eq(parse("Basic YSUwMDpi", &id, &secret), SVC_EINVAL);     /* "a%00:b" */
    ck_assert_int_eq(parse("Basic YSV6ejpi", &id, &secret), SVC_EINVAL);     /* "a%zz:b" */
    ck_assert_int_eq(parse("Basic YTpiJTQ=", &id, &secret), SVC_EINVAL);     /* "a:b%4" */
    ck_assert_ptr_null(id);
    ck_assert_ptr_null(secret);
}
END_TEST

START_TEST(form_decoding) {
    char *out = NULL;
    ck_assert_int_eq(auth_form_decode("a+b%20c%2fd", 11, &out), SVC_OK);
    ck_assert_str_eq(out, "a b c/d");
    free(out);
    ck_assert_int_eq(auth_form_decode("abc%41", 3, &out), SVC_OK); /* only len bytes count */
    ck_assert_str_eq(out, "abc");
    free(out);
    ck_assert_int_eq(auth_form_decode("%4", 2, &out), SVC_EINVAL);
    ck_assert_int_eq(auth_form_decode("%", 1, &out), SVC_EINVAL);
}
END_TEST

int main(void) {
    Suite *s = suite_create("basic");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, plain_id_and_secret);
    tcase_add_test(tc, the_scheme_is_case_insensitive);
    tcase_add_test(tc, parts_are_form_url_decoded);
    tcase_add_test(tc, the_secret_may_hold_colons_and_may_be_empty);
    tcase_add_test(tc, malformed_headers_are_refused);
    tcase_add_test(tc, form_decoding);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
