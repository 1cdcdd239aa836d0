/* GET /.well-known/jwks.json: the signing key and every still-published old key. */
#include "auth.h"

void auth_jwks(svc_req *r, void *vctx) {
    const auth_ctx *ctx = vctx;
    size_t len = 0;
    const char *jwks = auth_keys_jwks(ctx->keys, &len);
    svc_reply_header(r, "Cache-Control", "public, max-age=300");
    svc_reply_header(r, "Access-Control-Allow-Origin", "*");
    svc_reply_text(r, 200, "application/json", jwks, len);
}
