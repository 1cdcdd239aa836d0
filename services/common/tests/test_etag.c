/* Entity tags: their form, and If-Match / If-None-Match matching. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/etag.h"

/* A strong entity-tag: DQUOTE *etagc DQUOTE, with etagc any visible character but DQUOTE. */
static void assert_well_formed(const char *etag) {
    size_t len = strlen(etag);
    ck_assert_uint_ge(len, 2);
    ck_assert_uint_lt(len, SVC_ETAG_MAX);
    ck_assert_int_eq(etag[0], '"');
    ck_assert_int_eq(etag[len - 1], '"');
    for (size_t i = 1; i + 1 < len; i++) {
        unsigned char ch = (unsigned char)etag[i];
        ck_assert_msg(ch == 0x21 || (ch >= 0x23 && ch != 0x7f), "bad character in %s", etag);
    }
}

START_TEST(version_tag_is_id_and_version) {
    char etag[SVC_ETAG_MAX];
    svc_etag_from_version("12", 3, etag);
    ck_assert_str_eq(etag, "\"12-3\"");
    svc_etag_from_version("0f8fad5b-d9cb-469f-a165-70867728950e", 9223372036854775807LL, etag);
    ck_assert_str_eq(etag, "\"0f8fad5b-d9cb-469f-a165-70867728950e-9223372036854775807\"");
    assert_well_formed(etag);
}
END_TEST

START_TEST(version_tag_changes_with_version) {
    char a[SVC_ETAG_MAX], b[SVC_ETAG_MAX];
    svc_etag_from_version("12", 3, a);
    svc_etag_from_version("12", 4, b);
    ck_assert_str_ne(a, b);
    svc_etag_from_version("12", 3, b);
    ck_assert_str_eq(a, b);
}
END_TEST

START_TEST(version_tag_of_awkward_id_is_still_well_formed) {
    char a[SVC_ETAG_MAX], b[SVC_ETAG_MAX], c[SVC_ETAG_MAX];
    char long_id[300];
    memset(long_id, 'a', sizeof(long_id) - 1);
    long_id[sizeof(long_id) - 1] = '\0';
    svc_etag_from_version(long_id, 1, a);
    assert_well_formed(a);
    svc_etag_from_version(long_id, 2, b);
    assert_well_formed(b);
    ck_assert_str_ne(a, b);
    svc_etag_from_version("een \"naam\"", 1, c);
    assert_well_formed(c);
    ck_assert_str_ne(a, c);
    svc_etag_from_version("tab\there", 1, c);
    assert_well_formed(c);
    /* deterministic */
    svc_etag_from_version(long_id, 1, b);
    ck_assert_str_eq(a, b);
}
END_TEST

START_TEST(bytes_tag_is_truncated_sha256_base64url) {
    char etag[SVC_ETAG_MAX];
    /* python3: base64.urlsafe_b64encode(hashlib.sha256(data).digest()[:16]).rstrip(b"=") */
    svc_etag_from_bytes("", 0, etag);
    ck_assert_str_eq(etag, "\"47DEQpj8HBSa-_TImW-5JA\"");
    svc_etag_from_bytes("hello", 5, etag);
    ck_assert_str_eq(etag, "\"LPJNul-wow4m6Dsqxbning\"");
    svc_etag_from_bytes("{\"id\":1}", 8, etag);
    ck_assert_str_eq(etag, "\"A3ySFO73TMOIfzpPCFtOFw\"");
    assert_well_formed(etag);
    svc_etag_from_bytes(NULL, 0, etag);
    ck_assert_str_eq(etag, "\"47DEQpj8HBSa-_TImW-5JA\"");
}
END_TEST

START_TEST(bytes_tag_covers_all_bytes) {
    char a[SVC_ETAG_MAX], b[SVC_ETAG_MAX];
    svc_etag_from_bytes("abc\0def", 7, a);
    svc_etag_from_bytes("abc\0deg", 7, b);
    ck_assert_str_ne(a, b);
}
END_TEST

START_TEST(match_exact_and_in_lists) {
    ck_assert_int_eq(svc_etag_match("\"12-3\"", "\"12-3\"", 0), 1);
    ck_assert_int_eq(svc_etag_match("\"1-1\", \"12-3\"", "\"12-3\"", 0), 1);
    ck_assert_int_eq(svc_etag_match("\"1-1\",\"12-3\",\"2-2\"", "\"12-3\"", 0), 1);
    ck_assert_int_eq(svc_etag_match(" \t\"12-3\" , ", "\"12-3\"", 0), 1);
    ck_assert_int_eq(svc_etag_match(",,\"12-3\"", "\"12-3\"", 0), 1);
    /* a comma is a legal character inside a tag */
    ck_assert_int_eq(svc_etag_match("\"a,b\"", "\"a,b\"", 0), 1);
    ck_assert_int_eq(svc_etag_match("\"a,b\"", "\"a\"", 0), 0);
}
END_TEST

START_TEST(no_match_for_other_tags) {
    ck_assert_int_eq(svc_etag_match("\"12-30\"", "\"12-3\"", 0), 0);
    ck_assert_int_eq(svc_etag_match("\"12-\"", "\"12-3\"", 0), 0);
    ck_assert_int_eq(svc_etag_match("\"1-1\", \"2-2\"", "\"12-3\"", 0), 0);
    ck_assert_int_eq(svc_etag_match("\"12-3\"", "\"12-30\"", 0), 0);
}
END_TEST

START_TEST(star_matches_any_existing_representation) {
    ck_assert_int_eq(svc_etag_match("*", "\"12-3\"", 0), 1);
    ck_assert_int_eq(svc_etag_match(" * ", "\"12-3\"", 1), 1);
    /* no representation: nothing matches */
    ck_assert_int_eq(svc_etag_match("*", NULL, 0), 0);
    ck_assert_int_eq(svc_etag_match("*", "", 0), 0);
    /* "*" is only valid on its own */
    ck_assert_int_eq(svc_etag_match("*, \"1-1\"", "\"12-3\"", 0), 0);
    ck_assert_int_eq(svc_etag_match("\"1-1\", *", "\"12-3\"", 0), 0);
}
END_TEST

START_TEST(weak_tags_only_with_weak_comparison) {
    /* If-Match uses the strong comparison: a weak tag never matches */
    ck_assert_int_eq(svc_etag_match("W/\"12-3\"", "\"12-3\"", 0), 0);
    ck_assert_int_eq(svc_etag_match("\"12-3\"", "W/\"12-3\"", 0), 0);
    /* If-None-Match uses the weak comparison */
    ck_assert_int_eq(svc_etag_match("W/\"12-3\"", "\"12-3\"", 1), 1);
    ck_assert_int_eq(svc_etag_match("\"1-1\", W/\"12-3\"", "\"12-3\"", 1), 1);
    ck_assert_int_eq(svc_etag_match("\"12-3\"", "W/\"12-3\"", 1), 1);
    ck_assert_int_eq(svc_etag_match("W/\"12-4\"", "\"12-3\"", 1), 0);
    ck_assert_int_eq(svc_etag_match("w/\"12-3\"", "\"12-3\"", 1), 0); /* "W/" is case-sensitive */
}
END_TEST

START_TEST(malformed_headers_match_nothing) {
    ck_assert_int_eq(svc_etag_match(NULL, "\"12-3\"", 0), 0);
    ck_assert_int_eq(svc_etag_match("", "\"12-3\"", 0), 0);
    ck_assert_int_eq(svc_etag_match("   ", "\"12-3\"", 0), 0);
    ck_assert_int_eq(svc_etag_match("12-3", "\"12-3\"", 0), 0);      /* unquoted */
    ck_assert_int_eq(svc_etag_match("\"12-3", "\"12-3\"", 0), 0);    /* unterminated */
    ck_assert_int_eq(svc_etag_match("\"12-3\"x", "\"12-3\"", 0), 0); /* trailing garbage */
    ck_assert_int_eq(svc_etag_match("x\"12-3\"", "\"12-3\"", 0), 0);
    ck_assert_int_eq(svc_etag_match("\"12 3\"", "\"12 3\"", 0), 0); /* space is not etagc */
    /* one malformed element does not hide a good one after it */
    ck_assert_int_eq(svc_etag_match("garbage, \"12-3\"", "\"12-3\"", 0), 1);
    ck_assert_int_eq(svc_etag_match("\"x\"y, \"12-3\"", "\"12-3\"", 0), 1);
}
END_TEST

START_TEST(tags_made_here_match_themselves) {
    char etag[SVC_ETAG_MAX], header[3 * SVC_ETAG_MAX];
    svc_etag_from_bytes("representation", 14, etag);
    ck_assert_int_eq(svc_etag_match(etag, etag, 0), 1);
    snprintf(header, sizeof(header), "\"old\", W/%s", etag);
    ck_assert_int_eq(svc_etag_match(header, etag, 0), 0);
    ck_assert_int_eq(svc_etag_match(header, etag, 1), 1);
    svc_etag_from_version("een \"naam\"", 7, etag);
    ck_assert_int_eq(svc_etag_match(etag, etag, 0), 1);
}
END_TEST

static Suite *etag_suite(void) {
    Suite *s = suite_create("etag");
    TCase *tc = tcase_create("etag");
    tcase_add_test(tc, version_tag_is_id_and_version);
    tcase_add_test(tc, version_tag_changes_with_version);
    tcase_add_test(tc, version_tag_of_awkward_id_is_still_well_formed);
    tcase_add_test(tc, bytes_tag_is_truncated_sha256_base64url);
    tcase_add_test(tc, bytes_tag_covers_all_bytes);
    tcase_add_test(tc, match_exact_and_in_lists);
    tcase_add_test(tc, no_match_for_other_tags);
    tcase_add_test(tc, star_matches_any_existing_representation);
    tcase_add_test(tc, weak_tags_only_with_weak_comparison);
    tcase_add_test(tc, malformed_headers_match_nothing);
    tcase_add_test(tc, tags_made_here_match_themselves);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *sr = srunner_create(etag_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
