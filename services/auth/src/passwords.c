/* Password hashing: argon2id via libsodium with the interactive limits (64 MiB, a few tenths
 * of a second). A semaphore lets at most two hashes run at once, so a burst of logins cannot
 * take the machine's memory; the others wait their turn. */
#include "passwords.h"

#include <errno.h>
#include <semaphore.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "svc/error.h"

#define CONCURRENT_HASHES 2

struct auth_hasher {
    sem_t slots;
    char dummy[crypto_pwhash_STRBYTES]; /* hash of a random password, for unknown users */
};

static void slot_take(auth_hasher *h) {
    while (sem_wait(&h->slots) != 0 && errno == EINTR)
        ;
}

static void slot_give(auth_hasher *h) {
    sem_post(&h->slots);
}

static int hash_into(auth_hasher *h, const char *password, char out[crypto_pwhash_STRBYTES]) {
    slot_take(h);
    int rc = crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                               crypto_pwhash_MEMLIMIT_INTERACTIVE);
    slot_give(h);
    return rc == 0 ? SVC_OK : SVC_ENOMEM;
}

int auth_hasher_new(auth_hasher **out) {
    if (sodium_init() < 0)
        return SVC_ERR;
    auth_hasher *h = calloc(1, sizeof(*h));
    if (h == NULL)
        return SVC_ENOMEM;
    if (sem_init(&h->slots, 0, CONCURRENT_HASHES) != 0) {
        free(h);
        return SVC_ERR;
    }
    char random_password[33];
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof(bytes));
    sodium_bin2hex(random_password, sizeof(random_password), bytes, sizeof(bytes));
    int rc = hash_into(h, random_password, h->dummy);
    if (rc != SVC_OK) {
        auth_hasher_free(h);
        return rc;
    }
    *out = h;
    return SVC_OK;
}

void auth_hasher_free(auth_hasher *h) {
    if (h == NULL)
        return;
    sem_destroy(&h->slots);
    free(h);
}

int auth_password_hash(auth_hasher *h, const char *password, char **out) {
    char buf[crypto_pwhash_STRBYTES];
    int rc = hash_into(h, password, buf);
    if (rc != SVC_OK)
        return rc;
    *out = strdup(buf);
    return *out ? SVC_OK : SVC_ENOMEM;
}

int auth_password_verify(auth_hasher *h, const char *hash, const char *password) {
    const char *against = hash ? hash : h->dummy;
    slot_take(h);
    int rc = crypto_pwhash_str_verify(against, password, strlen(password));
    slot_give(h);
    return hash != NULL && rc == 0;
}
