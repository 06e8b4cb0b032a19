#!/usr/bin/env bash
# Benchmark: builds a release, prints first-load sizes and the median time to interactive, then the
# library at scale (200 assessments x 300 answers): bytes per assessment, listing time, save cost.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
source scripts/env.sh
trunk build --release --locked
node end2end/tools/bench.mjs dist
node end2end/tools/bench-library.mjs dist
