# shellcheck shell=bash
# The nginx gateway: rendered from services/gateway/nginx.conf.template into a prefix directory
# of its own (configuration, pid, logs, temporary files), run with `daemon off` in the
# background of the calling script.

GATEWAY_TEMPLATE=$ROOT/services/gateway/nginx.conf.template
GATEWAY_PID=

# gateway_render <prefix> <port> <name:port>...
# Serves GATEWAY_STATIC_ROOT when set and built (scripts/test: its own build of the web app),
# else frontend/dist, else the start page.
gateway_render() {
    local prefix=$1 port=$2
    shift 2
    local static_root=$ROOT/services/gateway/fallback
    if [[ -n ${GATEWAY_STATIC_ROOT:-} && -f $GATEWAY_STATIC_ROOT/index.html ]]; then
        static_root=$GATEWAY_STATIC_ROOT
    elif [[ -f $ROOT/frontend/dist/index.html ]]; then
        static_root=$ROOT/frontend/dist
    fi
    install -d -m 755 "$prefix" "$prefix/logs" "$prefix/run" "$prefix/temp"
    awk -v prefix="$prefix" -v listen="127.0.0.1:$port" -v static_root="$static_root" \
        -v mime_types=/etc/nginx/mime.types -v services="$*" '
        # Literal (not regex) replacement of every occurrence of s by r in t.
        function replace(t, s, r,    out, i) {
            out = ""
            while ((i = index(t, s)) > 0) {
                out = out substr(t, 1, i - 1) r
                t = substr(t, i + length(s))
            }
            return out t
        }
        function scalars(t) {
            t = replace(t, "@PREFIX@", prefix)
            t = replace(t, "@LISTEN@", listen)
            t = replace(t, "@STATIC_ROOT@", static_root)
            return replace(t, "@MIME_TYPES@", mime_types)
        }
        BEGIN {
            n_svc = split(services, svc, " ")
            print "# Rendered from services/gateway/nginx.conf.template by scripts/lib/gateway.sh."
        }
        /^#@service-begin/ { in_block = 1; block_len = 0; next }
        /^#@service-end/ {
            for (s = 1; s <= n_svc; s++) {
                split(svc[s], parts, ":")
                for (l = 1; l <= block_len; l++) {
                    line = replace(block[l], "@SVC_NAME@", parts[1])
                    print scalars(replace(line, "@SVC_PORT@", parts[2]))
                }
            }
            in_block = 0
            next
        }
        in_block { block[++block_len] = $0; next }
        { print scalars($0) }
    ' "$GATEWAY_TEMPLATE" >"$prefix/nginx.conf.tmp"
    mv "$prefix/nginx.conf.tmp" "$prefix/nginx.conf"
}

gateway_nginx() {
    local prefix=$1
    shift
    nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log" "$@"
}

# Stop an nginx of this prefix left running by an earlier, killed run.
gateway_stop_stale() {
    local prefix=$1 pid
    [[ -f $prefix/run/nginx.pid ]] || return 0
    pid=$(cat "$prefix/run/nginx.pid" 2>/dev/null) || return 0
    if [[ $pid =~ ^[0-9]+$ ]] && pid_alive "$pid" &&
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$prefix/nginx.conf"; then
        info "stopping the gateway left running by an earlier run (pid $pid)"
        stop_pid "$pid" QUIT 10 || stop_pid "$pid" KILL 5 || true
    fi
    rm -f "$prefix/run/nginx.pid"
}

# gateway_start <prefix> <port>: check the rendered configuration, start, wait for an answer.
gateway_start() {
    local prefix=$1 port=$2
    gateway_stop_stale "$prefix"
    require_free_port "$port" "the gateway"
    gateway_nginx "$prefix" -t -q || die "the gateway configuration $prefix/nginx.conf is invalid"
    info "starting the gateway on 127.0.0.1:$port"
    # A session of its own, so that Ctrl-C reaches only the script, which stops things in order.
    setsid nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log" \
        >>"$prefix/logs/nginx.out" 2>&1 &
    GATEWAY_PID=$!
    wait_http "http://127.0.0.1:$port/" 20 "$GATEWAY_PID" "$prefix/logs/error.log"
}

# Graceful stop (finish what is in flight), then harder when it takes too long.
gateway_stop() {
    [[ -n $GATEWAY_PID ]] || return 0
    if ! stop_pid "$GATEWAY_PID" QUIT 10; then
        warn "the gateway did not stop within 10 s; killing it"
        stop_pid "$GATEWAY_PID" KILL 5 || true
    fi
    wait "$GATEWAY_PID" 2>/dev/null || true
    GATEWAY_PID=
}
