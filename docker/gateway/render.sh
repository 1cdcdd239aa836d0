#!/bin/sh
# Entrypoint of the gateway image: render services/gateway/nginx.conf.template (copied to
# /etc/jt-gateway) for containers, then run nginx in the foreground as the unprivileged user.
#
#   JT_GATEWAY_LISTEN     address:port or port to listen on (8080)
#   JT_GATEWAY_SERVICES   "name:port ..." of the services to route /api/<name>/ to
#   JT_UPSTREAM_HOST      host of every service; empty (the default): the service's own name,
#                         which compose's DNS resolves to every replica of that service
#   JT_GATEWAY_ACCESS_LOG, JT_GATEWAY_ERROR_LOG   (/dev/stdout, stderr: nginx's own name of fd 2)
#
#   jt-gateway            render and run nginx
#   jt-gateway render     only render (prints the path of the configuration)
#   jt-gateway reload     re-render and reload a running nginx (new replicas: nginx resolves the
#                         service names at start and at every reload)
set -eu
PREFIX=${JT_GATEWAY_PREFIX:-/var/lib/jt-gateway}
TEMPLATE=${JT_GATEWAY_TEMPLATE:-/etc/jt-gateway/nginx.conf.template}
STATIC_ROOT=${JT_GATEWAY_STATIC_ROOT:-/srv/www}
MIME_TYPES=${JT_GATEWAY_MIME_TYPES:-/etc/nginx/mime.types}
ACCESS_LOG=${JT_GATEWAY_ACCESS_LOG:-/dev/stdout}
ERROR_LOG=${JT_GATEWAY_ERROR_LOG:-stderr}

render() {
    install -d -m 755 "$PREFIX" "$PREFIX/run" "$PREFIX/temp" "$PREFIX/logs"
    # The same substitution as scripts/lib/gateway.sh, plus: upstreams by host name instead of
    # 127.0.0.1, and the logs to the container's stdout/stderr.
    awk -v prefix="$PREFIX" -v listen="${JT_GATEWAY_LISTEN:-8080}" -v static_root="$STATIC_ROOT" \
        -v mime_types="$MIME_TYPES" -v services="${JT_GATEWAY_SERVICES:-}" \
        -v upstream_host="${JT_UPSTREAM_HOST:-}" -v access_log="$ACCESS_LOG" -v error_log="$ERROR_LOG" '
        function replace(t, s, r,    out, i) {
            out = ""
            while ((i = index(t, s)) > 0) {
                out = out substr(t, 1, i - 1) r
                t = substr(t, i + length(s))
            }
            return out t
        }
        function scalars(t) {
            t = replace(t, "@PREFIX@/logs/access.log", access_log)
            t = replace(t, "@PREFIX@/logs/error.log", error_log)
            t = replace(t, "@PREFIX@", prefix)
            t = replace(t, "@LISTEN@", listen)
            t = replace(t, "@STATIC_ROOT@", static_root)
            return replace(t, "@MIME_TYPES@", mime_types)
        }
        BEGIN {
            n_svc = split(services, svc, " ")
            print "# Rendered from services/gateway/nginx.conf.template by docker/gateway/render.sh."
        }
        /^#@service-begin/ { in_block = 1; block_len = 0; next }
        /^#@service-end/ {
            for (s = 1; s <= n_svc; s++) {
                split(svc[s], parts, ":")
                host = upstream_host != "" ? upstream_host : parts[1]
                for (l = 1; l <= block_len; l++) {
                    line = replace(block[l], "127.0.0.1:@SVC_PORT@", host ":@SVC_PORT@")
                    line = replace(line, "@SVC_NAME@", parts[1])
                    print scalars(replace(line, "@SVC_PORT@", parts[2]))
                }
            }
            in_block = 0
            next
        }
        in_block { block[++block_len] = $0; next }
        { print scalars($0) }
    ' "$TEMPLATE" >"$PREFIX/nginx.conf.tmp"
    mv "$PREFIX/nginx.conf.tmp" "$PREFIX/nginx.conf"
}

nginx_cmd() {
    nginx -p "$PREFIX" -c "$PREFIX/nginx.conf" -e "$ERROR_LOG" "$@"
}

case ${1:-run} in
    run)
        render
        nginx_cmd -t -q
        exec nginx -p "$PREFIX" -c "$PREFIX/nginx.conf" -e "$ERROR_LOG"
        ;;
    render)
        render
        printf '%s\n' "$PREFIX/nginx.conf"
        ;;
    reload)
        render
        nginx_cmd -t -q
        nginx_cmd -s reload
        ;;
    *)
        exec "$@"
        ;;
esac
