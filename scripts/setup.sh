#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) needs, skipping whatever is already present.
# Only package registries are used (Debian, crates.io, npm): nothing is downloaded from elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION=0.21.14          # 0.22.x needs a newer rustc than this machine's 1.95
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen version in Cargo.lock
want_browser=false
[ "${1:-}" = "--browser" ] && want_browser=true

step() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
if $want_browser; then
  command -v chromium >/dev/null || apt_packages+=(chromium)
  command -v chromedriver >/dev/null || apt_packages+=(chromium-driver)
  command -v firefox-esr >/dev/null || apt_packages+=(firefox-esr)   # the Firefox smoke suite
  # The self-hosting guide's server settings, tested on the servers themselves (end2end/servers/).
  # Installed, not started: each test runs its own copy on a free port.
  [ -x /usr/sbin/nginx ] || apt_packages+=(nginx)
  [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || apt_packages+=(libnginx-mod-http-brotli-static)
  [ -x /usr/sbin/apache2 ] || apt_packages+=(apache2)
  command -v caddy >/dev/null || apt_packages+=(caddy)
  # Independent readers of the Word documents and spreadsheets the app writes (end2end/tests/office.test.mjs).
  for office in libreoffice-writer-nogui libreoffice-calc-nogui; do
    dpkg -s "$office" >/dev/null 2>&1 || apt_packages+=("$office")
  done
fi
command -v node >/dev/null || apt_packages+=(nodejs)
command -v npm >/dev/null || apt_packages+=(npm)
command -v cc >/dev/null || apt_packages+=(gcc)   # the linker cargo install needs
if [ ${#apt_packages[@]} -gt 0 ]; then
  step "apt: installing ${apt_packages[*]}"
  as_root apt-get update -qq
  # Servers installed for the tests must not start on port 80 (or fail to, and fail the install):
  # Debian asks policy-rc.d before starting a service; one that says no is put in place if none is.
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null && as_root chmod +x "$policy"
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
  [ -z "$policy" ] || as_root rm -f "$policy"
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js $node_major is too old; the build and test tools need Node.js 20 or newer." >&2
  exit 1
fi

for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "cargo: installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "cargo: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: its lockfile pins a webpki-roots release the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || ! npm ls --silent >/dev/null 2>&1; then
  step "npm: installing build and test tools (binaryen, terser, esbuild, playwright-core, puppeteer-core, axe-core)"
  # puppeteer-core downloads no browser (it drives the system firefox-esr); say so for any that would.
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

step "cargo: fetching crates (builds then run offline)"
cargo fetch --locked
