/* Entity tags for optimistic concurrency: PUT/PATCH require If-Match (428 without it, 412 when
 * stale). Strong ETags, quoted: "\"<text>\"". */
#ifndef SVC_ETAG_H
#define SVC_ETAG_H

#include <stddef.h>

#define SVC_ETAG_MAX 80

/* ETag of a row version, e.g. id 12 version 3 -> "\"12-3\"". */
void svc_etag_from_version(const char *id, long long version, char out[SVC_ETAG_MAX]);
/* ETag of a representation: quoted base64url of the first 16 bytes of its SHA-256. */
void svc_etag_from_bytes(const void *data, size_t len, char out[SVC_ETAG_MAX]);
/* 1 when an If-Match / If-None-Match header value ("*", or a comma list of quoted tags,
 * weak "W/" prefixes ignored for If-None-Match only) matches etag. */
int svc_etag_match(const char *header, const char *etag, int weak_ok);

#endif
