/* Splitting an amount of euro cents over parties by weight, exact to the cent.
 *
 * Largest-remainder (Hamilton) method: every party first gets floor(amount * w / W) (W the sum of
 * the weights), then the cents still left (fewer than the number of parties with a weight) go one
 * each to the parties with the largest remainders amount * w mod W. Tie-break, deterministic:
 * among equal remainders the party that comes first in the input gets the cent first (callers
 * pass the municipalities ordered by CBS code, so the lower CBS code wins).
 *
 * Properties: the shares sum exactly to the amount; no share is negative; a party with weight 0
 * gets 0; two parties with equal weights differ by at most one cent. Pure: no allocation, no I/O.
 */
#ifndef CTB_ALLOCATE_H
#define CTB_ALLOCATE_H

#include <stddef.h>
#include <stdint.h>

#define CTB_ALLOC_MAX_PARTIES 1024
#define CTB_ALLOC_MAX_WEIGHT  1000000000000000ULL /* 10^15 */

/* shares[i] gets party i's share of amount (cents, >= 0). SVC_EINVAL (svc/error.h) when amount
 * is negative, n is 0 or above CTB_ALLOC_MAX_PARTIES, a weight is above CTB_ALLOC_MAX_WEIGHT, or
 * every weight is 0; shares is then left untouched. */
int ctb_allocate(int64_t amount, const uint64_t *weights, size_t n, int64_t *shares);

#endif
