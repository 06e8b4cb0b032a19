#!/usr/bin/env bash
# Trunk's post-build hooks run at the same time, and several steps rewrite dist's index.html: run them as
# one hook, in order, so no step's change is lost (see Trunk.toml and each script).
set -euo pipefail
node scripts/publish-pack.mjs
node scripts/publish-samples.mjs
node scripts/externalize-loader.mjs
node scripts/build-tools.mjs
node scripts/minify-glue.mjs
node scripts/pin-code.mjs
node scripts/offline/write.mjs
node scripts/compress.mjs
node scripts/checksums.mjs
