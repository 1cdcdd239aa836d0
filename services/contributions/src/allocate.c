/* Largest-remainder allocation (see allocate.h). Products of an amount (< 2^63) and a weight
 * (< 2^50) fit in 128 bits, so every step is exact integer arithmetic. */
#include "allocate.h"

#include "svc/error.h"

typedef unsigned __int128 u128;

/* Index i comes before j when its remainder is larger, or equal and i < j. */
static int before(const u128 *rem, size_t i, size_t j) {
    return rem[i] > rem[j] || (rem[i] == rem[j] && i < j);
}

int ctb_allocate(int64_t amount, const uint64_t *weights, size_t n, int64_t *shares) {
    if (amount < 0 || n == 0 || n > CTB_ALLOC_MAX_PARTIES || weights == NULL || shares == NULL)
        return SVC_EINVAL;
    u128 total = 0;
    for (size_t i = 0; i < n; i++) {
        if (weights[i] > CTB_ALLOC_MAX_WEIGHT)
            return SVC_EINVAL;
        total += weights[i];
    }
    if (total == 0)
        return SVC_EINVAL;
    u128 rem[CTB_ALLOC_MAX_PARTIES];
    unsigned char got[CTB_ALLOC_MAX_PARTIES] = {0};
    int64_t given = 0;
    for (size_t i = 0; i < n; i++) {
        u128 product = (u128)(uint64_t)amount * weights[i];
        shares[i] = (int64_t)(product / total);
        rem[i] = product % total;
        given += shares[i];
    }
    /* Fewer than n cents are left: hand them out one by one, best remainder first. */
    for (int64_t left = amount - given; left > 0; left--) {
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (!got[i] && weights[i] > 0 && (best == n || before(rem, i, best)))
                best = i;
        got[best] = 1;
        shares[best]++;
    }
    return SVC_OK;
}
