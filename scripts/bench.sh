#!/usr/bin/env bash
# Benchmark: builds a release, prints first-load sizes and the median time to interactive.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
source scripts/env.sh
trunk build --release --locked
node end2end/tools/bench.mjs dist
