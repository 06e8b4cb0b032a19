#!/usr/bin/env bash
# README command 2: set up what is missing (Chromium and Firefox ESR included) and run every test layer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
source scripts/env.sh
started=$SECONDS
lap() { printf '\n==> %s (at %ss)\n' "$*" "$((SECONDS - started))"; }

lap "format and lints"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings   # browser-only code too
cargo clippy --locked --target wasm32-unknown-unknown --features lazy-tools --bin rai-assess -- -D warnings   # the app as built

lap "layer 1: host tests of the pure core (cargo test)"
cargo test --locked

lap "release build (trunk, wasm-opt -Oz)"
trunk build --release --locked

lap "first-load size budget"
node end2end/tools/size-report.mjs dist

lap "layer 2: wasm-bindgen-test in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test web_shell --test web_guidance --test web_storage --test web_questions --test web_crypto --test web_risk --test web_workbook --test web_office

lap "layer 3: end-to-end tests of dist/ in Chromium"
node --test --test-concurrency=1 end2end/tests/*.test.mjs

lap "layer 3b: the self-hosting guide's server settings on Caddy, nginx and Apache (end2end/servers/)"
node --test --test-concurrency=1 end2end/servers/*.test.mjs

lap "layer 4: Firefox smoke suite of dist/ in firefox-esr (puppeteer-core over WebDriver BiDi)"
node --test --test-concurrency=1 end2end/firefox/*.test.mjs   # headless, a fresh temporary profile per run

lap "all test layers passed"
