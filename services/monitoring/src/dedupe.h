/* The keys (indicator, area, period) seen so far in one push, to reject the same key twice. An
 * open-addressing table of 64-bit hashes with the row that had the key first: 12 bytes a slot in
 * one place (one memory access a probe), at most half full, so about 24 MB for a million rows.
 * Two different keys with the same 64-bit hash (probability about n^2 / 2^65: 3e-8 for a
 * million rows) would be taken for one.
 *
 * The table stops growing at twice max_keys slots (MONITORING_PUSH_MEMORY_KEYS, by default
 * 1,048,576 keys in 24 MB), so that a push of any size runs in the same memory: keys after that are
 * still looked up among the remembered ones but not remembered themselves (MON_DEDUPE_FULL); the
 * push then finds their duplicates in the database after the COPY (push_db.c). */
#ifndef MON_DEDUPE_H
#define MON_DEDUPE_H

#include <stddef.h>
#include <stdint.h>

typedef struct __attribute__((packed)) mon_dedupe_slot {
    uint64_t key; /* 0: empty */
    uint32_t row;
} mon_dedupe_slot;

#define MON_DEDUPE_FULL (-2L)

typedef struct mon_dedupe {
    mon_dedupe_slot *slots;
    size_t cap, n;
    size_t max_cap; /* slots it may grow to */
} mon_dedupe;

/* expected: about how many rows will come (the table grows when more do, up to max_keys). */
int mon_dedupe_init(mon_dedupe *d, size_t expected, size_t max_keys);
void mon_dedupe_free(mon_dedupe *d);
/* 0 when new (and remembered), the row number of the earlier row when seen, MON_DEDUPE_FULL when
 * new but not remembered (the table is at its size limit), -1 without memory. */
long mon_dedupe_add(mon_dedupe *d, long indicator, long area, const char *period, size_t n,
                    uint32_t row);

/* The same in steps, to hide the memory access (a slot is a cache miss in a table of tens of
 * MB): the key's hash, a prefetch of its slot as soon as the key is known, the add after other
 * work. */
uint64_t mon_dedupe_hash(long indicator, long area, const char *period, size_t n);
void mon_dedupe_prefetch(const mon_dedupe *d, uint64_t hash);
long mon_dedupe_add_hash(mon_dedupe *d, uint64_t hash, uint32_t row);

#endif
