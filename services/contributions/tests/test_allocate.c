/* The allocation over municipalities: examples and properties (many random amounts and weights:
 * the shares sum exactly to the amount, none is negative, equal weights differ by at most one
 * cent, weight 0 gets nothing, the tie-break is by input order). */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include "allocate.h"
#include "svc/error.h"

/* The inhabitants of the 14 Twente municipalities in CBS-code order (seed CSV). */
static const uint64_t twente[14] = {74355, 24632, 161741, 24360, 36271, 83051, 23380,
                                    31794, 21393, 24637,  34071, 26741, 38676, 35438};

/* xorshift64*: a fixed seed, so a failure can be reproduced. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint64_t rnd(void) {
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

static int64_t sum(const int64_t *v, size_t n) {
    int64_t s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i];
    return s;
}

START_TEST(test_example_exact) {
    int64_t shares[14];
    ck_assert_int_eq(ctb_allocate(100000000, twente, 14, shares), SVC_OK);
    ck_assert_int_eq(sum(shares, 14), 100000000);
    /* Enschede (161741 of 640540 inhabitants) pays the most. */
    for (size_t i = 0; i < 14; i++)
        ck_assert_int_le(shares[i], shares[2]);
}
END_TEST

START_TEST(test_tie_break_by_order) {
    uint64_t w[3] = {1, 1, 1};
    int64_t shares[3];
    ck_assert_int_eq(ctb_allocate(100, w, 3, shares), SVC_OK);
    ck_assert_int_eq(shares[0], 34);
    ck_assert_int_eq(shares[1], 33);
    ck_assert_int_eq(shares[2], 33);
    ck_assert_int_eq(ctb_allocate(2, w, 3, shares), SVC_OK);
    ck_assert_int_eq(shares[0], 1);
    ck_assert_int_eq(shares[1], 1);
    ck_assert_int_eq(shares[2], 0);
}
END_TEST

START_TEST(test_largest_remainder_wins) {
    /* 10 cents by 1:2:3 -> 1.666, 3.333, 5.0: the 1.666 gets the cent left. */
    uint64_t w[3] = {1, 2, 3};
    int64_t shares[3];
    ck_assert_int_eq(ctb_allocate(10, w, 3, shares), SVC_OK);
    ck_assert_int_eq(shares[0], 2);
    ck_assert_int_eq(shares[1], 3);
    ck_assert_int_eq(shares[2], 5);
}
END_TEST

START_TEST(test_zero_weight_and_zero_amount) {
    uint64_t w[3] = {0, 5, 0};
    int64_t shares[14];
    ck_assert_int_eq(ctb_allocate(999, w, 3, shares), SVC_OK);
    ck_assert_int_eq(shares[0], 0);
    ck_assert_int_eq(shares[1], 999);
    ck_assert_int_eq(shares[2], 0);
    ck_assert_int_eq(ctb_allocate(0, twente, 14, shares), SVC_OK);
    ck_assert_int_eq(sum(shares, 14), 0);
}
END_TEST

START_TEST(test_invalid_input) {
    uint64_t zero[2] = {0, 0}, big[1] = {CTB_ALLOC_MAX_WEIGHT + 1};
    int64_t shares[2] = {7, 7};
    ck_assert_int_eq(ctb_allocate(-1, twente, 2, shares), SVC_EINVAL);
    ck_assert_int_eq(ctb_allocate(10, zero, 2, shares), SVC_EINVAL);
    ck_assert_int_eq(ctb_allocate(10, twente, 0, shares), SVC_EINVAL);
    ck_assert_int_eq(ctb_allocate(10, big, 1, shares), SVC_EINVAL);
    ck_assert_int_eq(shares[0], 7);
}
END_TEST

START_TEST(test_huge_amount_no_overflow) {
    uint64_t w[2] = {CTB_ALLOC_MAX_WEIGHT, CTB_ALLOC_MAX_WEIGHT - 1};
    int64_t shares[2];
    ck_assert_int_eq(ctb_allocate(INT64_MAX, w, 2, shares), SVC_OK);
    ck_assert(shares[0] >= 0 && shares[1] >= 0);
    ck_assert(shares[0] + shares[1] == INT64_MAX);
}
END_TEST

/* Property: random amounts (up to 10^13 cents) and random weights over 1..40 parties. */
START_TEST(test_property_random) {
    enum { N_MAX = 40 };
    for (int round = 0; round < 20000; round++) {
        size_t n = 1 + rnd() % N_MAX;
        uint64_t w[N_MAX];
        int64_t shares[N_MAX];
        uint64_t scale = (round % 3 == 0) ? 10 : (round % 3 == 1) ? 200000 : CTB_ALLOC_MAX_WEIGHT;
        int any = 0;
        for (size_t i = 0; i < n; i++)
            w[i] = (rnd() % 5 == 0) ? 0 : rnd() % (scale + 1);
        /* Equal weights on purpose: copy a weight to a few other parties. */
        for (size_t k = 0; k < n / 3; k++)
            w[rnd() % n] = w[0];
        for (size_t i = 0; i < n; i++)
            any |= w[i] > 0;
        if (!any)
            w[n - 1] = 1;
        int64_t amount = (int64_t)(rnd() % 10000000000000ULL);
        if (round % 7 == 0)
            amount = (int64_t)(rnd() % 100); /* fewer cents than parties */
        ck_assert_int_eq(ctb_allocate(amount, w, n, shares), SVC_OK);
        ck_assert_int_eq(sum(shares, n), amount);
        /* Plain comparisons in the inner loops (a Check assertion each would be slow). */
        int bad = 0;
        for (size_t i = 0; i < n; i++) {
            bad += shares[i] < 0 || (w[i] == 0 && shares[i] != 0);
            for (size_t j = 0; j < n; j++)
                bad += w[i] == w[j] && llabs(shares[i] - shares[j]) > 1;
        }
        ck_assert_msg(bad == 0, "round %d: %d violations (n %zu, amount %lld)", round, bad, n,
                      (long long)amount);
    }
}
END_TEST

/* Property: the 14 municipalities with equal weights (the "gelijke delen" key). */
START_TEST(test_property_equal_shares) {
    uint64_t w[14];
    int64_t shares[14];
    for (int round = 0; round < 5000; round++) {
        uint64_t weight = 1 + rnd() % 1000;
        for (size_t i = 0; i < 14; i++)
            w[i] = weight;
        int64_t amount = (int64_t)(rnd() % 1000000000000ULL);
        ck_assert_int_eq(ctb_allocate(amount, w, 14, shares), SVC_OK);
        ck_assert_int_eq(sum(shares, 14), amount);
        for (size_t i = 0; i < 14; i++) {
            ck_assert_int_ge(shares[i], amount / 14);
            ck_assert_int_le(shares[i], amount / 14 + 1);
            if (i > 0)
                ck_assert_int_le(shares[i], shares[i - 1]); /* extra cents go to the first */
        }
    }
}
END_TEST

/* Property: each share is within one cent of the exact proportional share. */
START_TEST(test_property_proportional) {
    int64_t shares[14];
    for (int round = 0; round < 5000; round++) {
        int64_t amount = (int64_t)(rnd() % 100000000000ULL);
        ck_assert_int_eq(ctb_allocate(amount, twente, 14, shares), SVC_OK);
        unsigned __int128 total = 0;
        for (size_t i = 0; i < 14; i++)
            total += twente[i];
        for (size_t i = 0; i < 14; i++) {
            int64_t floor_share = (int64_t)((unsigned __int128)amount * twente[i] / total);
            ck_assert(shares[i] == floor_share || shares[i] == floor_share + 1);
        }
    }
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("allocate");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_example_exact);
    tcase_add_test(tc, test_tie_break_by_order);
    tcase_add_test(tc, test_largest_remainder_wins);
    tcase_add_test(tc, test_zero_weight_and_zero_amount);
    tcase_add_test(tc, test_invalid_input);
    tcase_add_test(tc, test_huge_amount_no_overflow);
    tcase_add_test(tc, test_property_random);
    tcase_add_test(tc, test_property_equal_shares);
    tcase_add_test(tc, test_property_proportional);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
