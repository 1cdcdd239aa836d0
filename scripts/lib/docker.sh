# shellcheck shell=bash
# Container images without a Docker engine (scripts/docker-smoke): podman builds the unchanged
# docker/ files with --isolation=chroot, a debootstrapped Debian 12 stands in for
# debian:bookworm-slim, and a built image "runs" as podman create + podman mount + chroot into
# its root filesystem (podman run cannot work in this sandbox: crun cannot set rlimits). Such a
# container shares the host's network, so its service listens on a loopback port.

DOCKER_BASE_IMAGE=docker.io/library/debian:bookworm-slim

# The first Debian mirror of the machine's apt sources (deb822 .sources or one-line .list).
debian_mirror() {
    local f uri=
    for f in /etc/apt/sources.list.d/*.sources; do
        [[ -f $f ]] || continue
        uri=$(awk '
            /^[[:space:]]*$/ { if (deb && uri != "" && suite ~ /^bookworm( |$)/) { print uri; exit } deb = 0; uri = ""; suite = ""; next }
            /^Types:/ { deb = ($0 ~ /(^|[ :])deb( |$)/) }
            /^URIs:/ { uri = $2 }
            /^Suites:/ { suite = $2 }
            END { if (deb && uri != "" && suite ~ /^bookworm( |$)/) print uri }
        ' "$f" | head -n 1)
        [[ -n $uri ]] && break
    done
    if [[ -z $uri ]]; then
        for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
            [[ -f $f ]] || continue
            uri=$(awk '$1 == "deb" { i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                      if ($(i + 1) == "bookworm") { print $i; exit } }' "$f")
            [[ -n $uri ]] && break
        done
    fi
    [[ -n $uri ]] || die "no Debian bookworm mirror found in /etc/apt/sources.list{,.d/*}"
    printf '%s\n' "$uri"
}

ensure_podman() {
    local missing=() pkg
    for pkg in podman debootstrap; do
        command -v "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    info "installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Make $DOCKER_BASE_IMAGE from a debootstrap --variant=minbase of bookworm, cached as a tarball
# in $1 (debootstrap runs once; the tarball is re-imported when the image is gone).
ensure_base_image() {
    local cache=$1 tarball=$1/debian-bookworm-minbase.tar rootfs=$1/rootfs.tmp mirror
    if podman image exists "$DOCKER_BASE_IMAGE" && [[ -f $tarball ]]; then
        return 0
    fi
    install -d -m 755 "$cache"
    if [[ ! -f $tarball ]]; then
        mirror=$(debian_mirror)
        info "debootstrap --variant=minbase bookworm from $mirror (once; cached in ${cache#"$ROOT"/})"
        rm -rf "$rootfs"
        as_root debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
            show_log_tail "$cache/debootstrap.log"
            die "debootstrap failed (log: $cache/debootstrap.log)"
        }
        # What the official slim image sets: no recommends, no docs, no kept package files.
        cat >"$rootfs/etc/apt/apt.conf.d/docker-clean" <<'CONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";
CONF
        printf 'APT::Install-Recommends "false";\n' >"$rootfs/etc/apt/apt.conf.d/docker-no-recommends"
        cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker" <<'CONF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
CONF
        rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb \
            "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*.log
        find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
        find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
        tar --numeric-owner -C "$rootfs" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
        rm -rf "$rootfs"
    fi
    info "importing the base system as $DOCKER_BASE_IMAGE"
    podman import --quiet "$tarball" "$DOCKER_BASE_IMAGE" >/dev/null || die "podman import failed"
}

# A stand-in for the node:22-bookworm-slim build image of the gateway's frontend stage (no other
# registry is reachable here): debian:bookworm-slim with this machine's own Node.js and npm.
# Prints the image name.
ensure_node_image() {
    local image=localhost/jt-node-standin:latest ctx node npm_dir
    node=$(command -v node) || die "node is missing"
    npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
    [[ -f $npm_dir/package.json ]] || die "cannot find npm's folder (from $(command -v npm))"
    if ! podman image exists "$image"; then
        info "building $image (this machine's Node.js $("$node" --version) on debian:bookworm-slim)" >&2
        ctx=$(mktemp -d)
        cp "$(readlink -f "$node")" "$ctx/node"
        cp -R "$npm_dir" "$ctx/npm"
        cat >"$ctx/Containerfile" <<'CF'
FROM docker.io/library/debian:bookworm-slim
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx && node --version && npm --version
CF
        podman build --isolation=chroot -q -t "$image" -f "$ctx/Containerfile" "$ctx" >/dev/null ||
            { rm -rf "$ctx"; die "building $image failed"; }
        rm -rf "$ctx"
    fi
    printf '%s\n' "$image"
}

# podman_build <tag> <log> <podman build arguments...>: from BUILD_CONTEXT (default $ROOT),
# chroot isolation, docker format (OCI images drop HEALTHCHECK).
podman_build() {
    local tag=$1 log=$2
    shift 2
    info "building $tag"
    local start=$SECONDS
    if ! (cd "${BUILD_CONTEXT:-$ROOT}" && podman build --isolation=chroot --format docker --layers -t "$tag" "$@" .) >"$log" 2>&1; then
        show_log_tail "$log" 60
        die "building $tag failed (log: $log)"
    fi
    note "$tag: $(podman image inspect --format '{{.Size}}' "$tag" | awk '{printf "%.1f MB", $1 / 1e6}'), $((SECONDS - start)) s"
}

# --- "Running" an image: podman create + podman mount + chroot -----------------------------

declare -A CTR_ID=() CTR_ROOT=() CTR_PID=()
CTR_NAMES=()
CTR_MOUNTS=()

# ctr_create <name> <image>: a container of the image and its mounted root filesystem, with
# /dev, /proc and /sys of the host bound in.
ctr_create() {
    local name=$1 image=$2 id mnt d
    podman container exists "$name" && podman rm -f "$name" >/dev/null # left by a killed run
    id=$(podman create --name "$name" "$image") || die "podman create $image failed"
    CTR_ID[$name]=$id
    CTR_NAMES+=("$name")
    mnt=$(podman mount "$id") || die "podman mount $name failed"
    CTR_ROOT[$name]=$mnt
    for d in dev proc; do
        mkdir -p "$mnt/$d"
        mount --rbind "/$d" "$mnt/$d"
        mount --make-rslave "$mnt/$d"
        CTR_MOUNTS+=("$mnt/$d")
    done
    # The image's own resolver configuration is whatever the base had; use the host's.
    if [[ -f /etc/resolv.conf ]]; then
        cp /etc/resolv.conf "$mnt/etc/resolv.conf" 2>/dev/null || true
    fi
}

# ctr_bind <name> <host file or folder> <path inside>: a read-only bind mount, as compose mounts
# a secret file (/run/secrets/<name>) or a folder of keys.
ctr_bind() {
    local name=$1 src=$2 dst=${CTR_ROOT[$1]}$3
    if [[ -d $src ]]; then
        mkdir -p "$dst"
    else
        mkdir -p "$(dirname "$dst")"
        : >"$dst"
    fi
    mount --bind "$src" "$dst"
    mount -o remount,bind,ro "$dst"
    CTR_MOUNTS+=("$dst")
}

# ctr_config <name> <go template>: a field of the image's configuration.
ctr_config() {
    podman image inspect --format "$2" "$(podman container inspect --format '{{.Image}}' "${CTR_ID[$1]}")"
}

# The image's environment, one VAR=value a line.
ctr_image_env() {
    ctr_config "$1" '{{range .Config.Env}}{{println .}}{{end}}' | sed '/^$/d'
}

# ctr_command <name> <extra env array name>: CTR_CMD becomes the command line that runs a
# command inside the container's root as the image's user, with the image's environment (+ the
# extra one) and working directory; append the command to it.
CTR_CMD=()
ctr_command() {
    local name=$1
    local -n extra_env=$2
    local mnt=${CTR_ROOT[$name]} user workdir env=()
    user=$(ctr_config "$name" '{{.Config.User}}')
    workdir=$(ctr_config "$name" '{{.Config.WorkingDir}}')
    mapfile -t env < <(ctr_image_env "$name")
    env+=("${extra_env[@]}")
    [[ -n $user ]] || user=0
    [[ $user == *:* ]] || user="$user:$user"
    # shellcheck disable=SC2016 # expanded by the shell inside
    CTR_CMD=(chroot --userspec="$user" "$mnt" /usr/bin/env -i "${env[@]}"
        /bin/sh -c 'cd "$1" && shift && exec "$@"' sh "${workdir:-/}")
}

ctr_exec() {
    local name=$1 envname=$2
    shift 2
    ctr_command "$name" "$envname"
    "${CTR_CMD[@]}" "$@"
}

# The image's ENTRYPOINT, and its CMD.
ctr_entrypoint() {
    ctr_config "$1" '{{range .Config.Entrypoint}}{{println .}}{{end}}' | sed '/^$/d'
}
ctr_cmd() {
    ctr_config "$1" '{{range .Config.Cmd}}{{println .}}{{end}}' | sed '/^$/d'
}

# ctr_run <name> <extra env array name> [args...]: the entrypoint in the foreground; arguments
# replace the image's CMD.
ctr_run() {
    local name=$1 envname=$2 cmd=()
    shift 2
    mapfile -t cmd < <(ctr_entrypoint "$name")
    if [[ $# -gt 0 ]]; then cmd+=("$@"); else mapfile -t -O "${#cmd[@]}" cmd < <(ctr_cmd "$name"); fi
    ctr_exec "$name" "$envname" "${cmd[@]}"
}

# ctr_start <name> <extra env array name> <log> [args...]: the same in the background, in a
# session of its own (its pid in CTR_PID[name]).
ctr_start() {
    local name=$1 envname=$2 log=$3 cmd=()
    shift 3
    mapfile -t cmd < <(ctr_entrypoint "$name")
    if [[ $# -gt 0 ]]; then cmd+=("$@"); else mapfile -t -O "${#cmd[@]}" cmd < <(ctr_cmd "$name"); fi
    ctr_command "$name" "$envname"
    # The log is the container's stdout/stderr: owned by the image's user, as runc hands the
    # process its stdio (nginx opens /dev/stdout itself).
    : >>"$log"
    chown "${CTR_CMD[1]#--userspec=}" "$log"
    setsid "${CTR_CMD[@]}" "${cmd[@]}" >>"$log" 2>&1 &
    CTR_PID[$name]=$!
}

# ctr_healthcheck <name> <extra env array name>: the image's HEALTHCHECK command, run inside.
ctr_healthcheck() {
    local name=$1 test=()
    mapfile -t test < <(ctr_config "$name" '{{if .Config.Healthcheck}}{{range .Config.Healthcheck.Test}}{{println .}}{{end}}{{end}}' | sed '/^$/d')
    [[ ${#test[@]} -gt 0 ]] || die "$name: the image has no HEALTHCHECK"
    case ${test[0]} in
        CMD-SHELL) ctr_exec "$name" "$2" /bin/sh -c "${test[1]}" ;;
        CMD) ctr_exec "$name" "$2" "${test[@]:1}" ;;
        *) die "$name: unexpected HEALTHCHECK ${test[*]}" ;;
    esac
}

ctr_stop() {
    local name=$1 pid=${CTR_PID[$1]:-}
    [[ -n $pid ]] || return 0
    # The process group of setsid: the entrypoint's exec'd service and nothing else.
    kill -TERM -- "-$pid" 2>/dev/null || true
    stop_pid "$pid" TERM 10 || { kill -KILL -- "-$pid" 2>/dev/null || true; }
    wait "$pid" 2>/dev/null || true
    CTR_PID[$name]=
}

# Stop, unmount and remove every container made by ctr_create.
ctr_cleanup_all() {
    local name i
    for name in "${CTR_NAMES[@]}"; do
        ctr_stop "$name"
    done
    for ((i = ${#CTR_MOUNTS[@]} - 1; i >= 0; i--)); do
        umount -R "${CTR_MOUNTS[i]}" 2>/dev/null || umount -lR "${CTR_MOUNTS[i]}" 2>/dev/null ||
            warn "could not unmount ${CTR_MOUNTS[i]}"
    done
    CTR_MOUNTS=()
    for name in "${CTR_NAMES[@]}"; do
        podman umount "${CTR_ID[$name]}" >/dev/null 2>&1 || true
        podman rm -f "${CTR_ID[$name]}" >/dev/null 2>&1 || true
    done
    CTR_NAMES=()
}
