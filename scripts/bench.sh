#!/usr/bin/env bash
# Benchmark: builds a release, prints first-load sizes and the median time to interactive; start-up as
# users meet it (first usable control, LCP, CLS, bytes in the first 5 s) unthrottled and on a slow
# laptop on a slow network, from a brotli and a gzip server; then the
# library at scale (200 assessments x 300 answers): bytes per assessment, listing time, save cost;
# then, built with a generated 300-question pack: answering latency, and importing, comparing and
# merging 50 answer files of 300 answers.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
source scripts/env.sh
trunk build --release --locked
node end2end/tools/bench.mjs dist
node end2end/tools/bench-start.mjs dist
node end2end/tools/bench-library.mjs dist
node end2end/tools/bench-risk.mjs dist
node end2end/tools/bench-workbook.mjs dist
node end2end/tools/bench-import.mjs dist
node end2end/tools/bench-language.mjs dist
# The questionnaire at 300 questions: the same app built with a generated 300-question pack.
node end2end/tools/make-bench-content.mjs target/bench-content
# build.rs leaves the pack file of its last run in target/content/, whichever build ran it (a check, a
# test): touched, it runs again for this build, so the file published is this build's.
touch build.rs
RAI_CONTENT_DIR=target/bench-content trunk build --release --locked --dist target/bench-dist
node end2end/tools/bench-answering.mjs target/bench-dist
node end2end/tools/bench-files.mjs target/bench-dist target/bench-content
# Leave target/ as the normal build expects it (the pack file is per content).
touch build.rs
trunk build --release --locked >/dev/null
