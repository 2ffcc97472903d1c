# The shop's container image (docs/OPERATIONS.md, "Deploying with Docker").
#
# Build stage: the same tools, versions and build command as `./shop` (a test compares them:
# server/tests/api/deploy.rs). Runtime stage: a slim Debian with the server binary, its
# hash.txt beside it, and the built site; the migrations are compiled into the binary and
# run at start. Runs as a non-root user.
#
#   docker build -t lumenwall-shop .

ARG RUST_VERSION=1.95

FROM rust:${RUST_VERSION}-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
RUN rustup target add wasm32-unknown-unknown
ARG CARGO_LEPTOS_VERSION=0.3.10
RUN cargo install cargo-leptos --version "${CARGO_LEPTOS_VERSION}" --locked --features no_downloads
WORKDIR /src
# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
COPY Cargo.lock ./
RUN cargo install wasm-bindgen-cli --version \
    "$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
# wasm-opt comes from the npm package binaryen, pinned in end2end/package-lock.json.
COPY end2end/package.json end2end/package-lock.json end2end/
RUN cd end2end && npm ci --ignore-scripts --no-audit --no-fund
ENV PATH="/src/end2end/node_modules/.bin:${PATH}"
COPY . .
RUN cargo leptos build --release --precompress --split

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin shop \
    && mkdir -p /app/data \
    && chown shop /app/data
WORKDIR /app
# The binary reads the bundle's hashed names from hash.txt beside it: both come together.
COPY --from=build /src/target/release/server /app/server
COPY --from=build /src/target/release/hash.txt /app/hash.txt
COPY --from=build /src/target/site /app/site
COPY Leptos.toml /app/Leptos.toml
ENV LEPTOS_SITE_ROOT=/app/site \
    LEPTOS_SITE_ADDR=0.0.0.0:3000 \
    LEPTOS_HASH_FILES=true \
    SHOP_ENV=production \
    SHOP_LOG_FORMAT=json \
    DATABASE_URL=sqlite:///app/data/shop.db
USER shop
EXPOSE 3000
VOLUME ["/app/data"]
# Liveness only: readiness (/readyz) is the load balancer's check.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:3000/healthz || exit 1
STOPSIGNAL SIGTERM
CMD ["/app/server"]
