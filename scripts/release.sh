#!/usr/bin/env bash
# The release: builds the app, writes the one-file edition and packages both for an intranet.
#   release/rai-assess.html            the one-file edition (scripts/one-file.mjs)
#   release/rai-assess-<version>.zip   dist/ (to copy under any static server) and the one file
# Prints the size of each and of a first visit. Only package registries are used.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release --locked
node end2end/tools/size-report.mjs dist | tail -7
rm -rf release && mkdir -p release
node scripts/one-file.mjs dist release/rai-assess.html
version=$(node -p "require('./dist/version.json').app")
build=$(node -p "require('./dist/version.json').build")
# python3's zipfile: Debian always has python3; the zip tool is often missing.
python3 - "release/rai-assess-$version.zip" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for root, _, files in os.walk('dist'):
        for name in sorted(files):
            path = os.path.join(root, name)
            z.write(path, os.path.join('rai-assess', os.path.relpath(path, 'dist')))
    z.write('release/rai-assess.html', 'rai-assess.html')
PY
ls -l release | sed 1d
echo "release: version $version, build $build (see docs/self-hosting.md)"
