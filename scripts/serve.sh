#!/usr/bin/env bash
# README command 1: set up what is missing, build a release, and serve it on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release --locked
port="${PORT:-8080}"
printf '\nRAI Assess is built in dist/. Open http://127.0.0.1:%s/ in your browser (Ctrl+C stops the server).\n\n' "$port"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
