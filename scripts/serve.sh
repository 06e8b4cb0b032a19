#!/usr/bin/env bash
# README command 1: set up what is missing, build a release, and serve it on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release --locked
exec node scripts/serve-dist.mjs
