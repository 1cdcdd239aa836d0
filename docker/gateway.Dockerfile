# syntax=docker/dockerfile:1
# The gateway: nginx (Debian 12's) with the web app built in. From the repository root:
#
#   docker build -f docker/gateway.Dockerfile -t jeugdhulp/gateway .
#
# The web app is built when frontend/package.json exists (npm ci && npm run build, output
# frontend/dist) on NODE_IMAGE (the frontend needs Node.js >= 20.19; Debian 12 has 18); until
# then the gateway serves services/gateway/fallback. Behind a TLS-inspecting proxy, hand npm the
# proxy's CA as a build secret: --secret id=npm_ca,src=/path/to/ca.pem (never a layer).
# The nginx configuration is rendered at start from services/gateway/nginx.conf.template (the
# same template as scripts/run's gateway) by docker/gateway/render.sh, so the upstream addresses
# and the list of services are configuration (JT_GATEWAY_SERVICES, JT_UPSTREAM_HOST).

ARG DEBIAN_IMAGE=docker.io/library/debian:bookworm-slim
ARG NODE_IMAGE=docker.io/library/node:22-bookworm-slim

# ---- frontend: npm ci && npm run build, or the fallback page ---------------------------------
FROM ${NODE_IMAGE} AS frontend
WORKDIR /src
COPY services/gateway/fallback/ fallback/
# The web app generates its API types from the OpenAPI documents (frontend/scripts/gen-types.mjs).
COPY openapi/ openapi/
# "frontend*" matches nothing before the folder exists in a checkout (git keeps no empty folder);
# the template is only there so that this COPY always has a source.
COPY services/gateway/nginx.conf.template frontend* frontend/
RUN --mount=type=secret,id=npm_ca set -eu; \
    if [ -f frontend/package.json ]; then \
        if [ -s /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca; fi; \
        cd frontend; \
        rm -rf node_modules dist; \
        npm ci --no-audit --no-fund; \
        npm run build; \
        test -f dist/index.html; \
        mv dist /site; \
    else \
        cp -R fallback /site; \
    fi; \
    chmod -R a+rX,go-w /site

# ---- runtime: nginx as the unprivileged user 10001 ---------------------------------------------
FROM ${DEBIAN_IMAGE} AS gateway
RUN apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx curl \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb \
    && rm -f /etc/nginx/sites-enabled/default \
    && groupadd --system --gid 10001 jeugdhulp \
    && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/jt-gateway --no-create-home \
        --shell /usr/sbin/nologin jeugdhulp \
    && install -d -o 10001 -g 10001 -m 755 /var/lib/jt-gateway
COPY services/gateway/nginx.conf.template /etc/jt-gateway/nginx.conf.template
COPY --chmod=755 docker/gateway/render.sh /usr/local/bin/jt-gateway
COPY --from=frontend /site/ /srv/www/
ENV JT_GATEWAY_LISTEN=8080 \
    JT_GATEWAY_SERVICES="auth:8081 portfolio:8082 stakeholders:8083 contributions:8084 monitoring:8085" \
    JT_UPSTREAM_HOST=
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:${JT_GATEWAY_LISTEN##*:}/" || exit 1
STOPSIGNAL SIGQUIT
ENTRYPOINT ["/usr/local/bin/jt-gateway"]
CMD []
