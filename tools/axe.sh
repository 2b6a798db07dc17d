#!/usr/bin/env bash
# axe-core for the browser accessibility tests: installed from npm into var/npm (ignored, never committed).
# Prints the path of axe.min.js. Idempotent: does nothing when it is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="4.14.1"
AXE="var/npm/node_modules/axe-core/axe.min.js"
if [ ! -f "$AXE" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is not installed (apt-get install npm), needed for axe-core" >&2
    exit 1
  fi
  mkdir -p var/npm
  npm install --silent --no-audit --no-fund --no-save --prefix var/npm "axe-core@${VERSION}" >&2
fi
echo "$PWD/$AXE"
