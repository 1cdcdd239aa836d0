/* The response cache: hits only at the same generation, LRU eviction within the budget, entries
 * that outlive eviction while in use, and request keys that never collide. */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/internal.h"

static svc_cache *cache;

static void setup(void) {
    ck_assert_int_eq(svc_cache_new(&cache, 4096), SVC_OK);
}

static void teardown(void) {
    svc_cache_free(cache);
}

static int has(const char *key, long long gen, const char *expect) {
    svc_cache_entry *e = NULL;
    if (svc_cache_get(cache, key, gen, &e) != SVC_OK)
        return 0;
    size_t len;
    const char *body = svc_cache_entry_body(e, &len);
    int same = len == strlen(expect) && memcmp(body, expect, len) == 0;
    svc_cache_entry_release(e);
    return same;
}

START_TEST(a_hit_needs_the_same_generation) {
    svc_cache_put(cache, "/reeks?a=1", 7, "{\"x\":1}", 7);
    ck_assert(has("/reeks?a=1", 7, "{\"x\":1}"));
    ck_assert(!has("/reeks?a=1", 8, "{\"x\":1}")); /* the data changed */
    ck_assert(!has("/reeks?a=1", 7, "{\"x\":1}")); /* and the stale entry is gone */
    ck_assert(!has("/andere", 7, ""));
}
END_TEST

START_TEST(a_put_replaces_the_entry_of_its_key) {
    svc_cache_put(cache, "k", 1, "oud", 3);
    svc_cache_put(cache, "k", 2, "nieuw", 5);
    ck_assert(has("k", 2, "nieuw"));
}
END_TEST

START_TEST(least_recently_used_go_first_within_the_budget) {
    char body[600], key[16];
    memset(body, 'x', sizeof(body));
    for (int i = 0; i < 5; i++) { /* 5 x ~700 bytes fit in 4096 */
        snprintf(key, sizeof(key), "k%d", i);
        svc_cache_put(cache, key, 1, body, sizeof(body));
    }
    svc_cache_entry *e = NULL;
    ck_assert_int_eq(svc_cache_get(cache, "k0", 1, &e), SVC_OK); /* k0 is now the most recent */
    svc_cache_entry_release(e);
    for (int i = 5; i < 8; i++) {
        snprintf(key, sizeof(key), "k%d", i);
        svc_cache_put(cache, key, 1, body, sizeof(body));
    }
    ck_assert_int_eq(svc_cache_get(cache, "k0", 1, &e), SVC_OK);
    svc_cache_entry_release(e);
    ck_assert_int_eq(svc_cache_get(cache, "k1", 1, &e), SVC_ENOTFOUND);
    ck_assert_int_eq(svc_cache_get(cache, "k7", 1, &e), SVC_OK);
    svc_cache_entry_release(e);
}
END_TEST

START_TEST(an_entry_in_use_survives_its_eviction) {
    char big[900];
    memset(big, 'y', sizeof(big));
    svc_cache_put(cache, "bezet", 1, "nog nodig", 9);
    svc_cache_entry *e = NULL;
    ck_assert_int_eq(svc_cache_get(cache, "bezet", 1, &e), SVC_OK);
    for (int i = 0; i < 10; i++) {
        char key[16];
        snprintf(key, sizeof(key), "b%d", i);
        svc_cache_put(cache, key, 1, big, sizeof(big));
    }
    size_t len;
    ck_assert_int_eq(memcmp(svc_cache_entry_body(e, &len), "nog nodig", 9), 0);
    svc_cache_entry_release(e);
}
END_TEST

START_TEST(a_body_over_a_quarter_of_the_budget_is_not_kept) {
    char big[2000];
    memset(big, 'z', sizeof(big));
    ck_assert_int_eq(svc_cache_put(cache, "groot", 1, big, sizeof(big)), SVC_OK);
    svc_cache_entry *e = NULL;
    ck_assert_int_eq(svc_cache_get(cache, "groot", 1, &e), SVC_ENOTFOUND);
}
END_TEST

static void *hammer(void *arg) {
    char key[16];
    for (int i = 0; i < 2000; i++) {
        snprintf(key, sizeof(key), "h%d", i % 37);
        svc_cache_entry *e = NULL;
        if (svc_cache_get(cache, key, i % 3, &e) == SVC_OK)
            svc_cache_entry_release(e);
        else
            svc_cache_put(cache, key, i % 3, key, strlen(key));
    }
    return arg;
}

START_TEST(threads_can_share_it) {
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, hammer, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
}
END_TEST

/* A request with the given path and query parameters, as the server would pass it. */
static char *key_of(const char *path, const char *const *query, const char *scope) {
    struct _u_request http;
    struct _u_map map;
    svc_req r;
    memset(&http, 0, sizeof(http));
    u_map_init(&map);
    for (size_t i = 0; query && query[i]; i += 2)
        u_map_put(&map, query[i], query[i + 1]);
    http.map_url = &map;
    memset(&r, 0, sizeof(r));
    r.http = &http;
    r.path = path;
    char *key = NULL;
    ck_assert_int_eq(svc_cache_request_key(&r, scope, &key), SVC_OK);
    u_map_clean(&map);
    return key;
}

START_TEST(request_keys_ignore_parameter_order_and_never_collide) {
    const char *ab[] = {"a", "1", "b", "2", NULL};
    const char *ba[] = {"b", "2", "a", "1", NULL};
    const char *tricky[] = {"a", "1&b=2", NULL};
    char *k1 = key_of("/reeks", ab, NULL), *k2 = key_of("/reeks", ba, NULL);
    char *k3 = key_of("/reeks", tricky, NULL), *k4 = key_of("/reeks", ab, "GM0153");
    ck_assert_str_eq(k1, k2);
    ck_assert_str_ne(k1, k3);
    ck_assert_str_ne(k1, k4);
    free(k1);
    free(k2);
    free(k3);
    free(k4);
}
END_TEST

int main(void) {
    Suite *s = suite_create("cache");
    TCase *tc = tcase_create("cache");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, a_hit_needs_the_same_generation);
    tcase_add_test(tc, a_put_replaces_the_entry_of_its_key);
    tcase_add_test(tc, least_recently_used_go_first_within_the_budget);
    tcase_add_test(tc, an_entry_in_use_survives_its_eviction);
    tcase_add_test(tc, a_body_over_a_quarter_of_the_budget_is_not_kept);
    tcase_add_test(tc, threads_can_share_it);
    tcase_add_test(tc, request_keys_ignore_parameter_order_and_never_collide);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
