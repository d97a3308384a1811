#!/usr/bin/env bash
# The WebAssembly package: builds it (scripts/build-wasm.sh), installs the JavaScript
# test dependencies (npm ci), and runs the Node tests against the built package.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v node >/dev/null && command -v npm >/dev/null || {
  echo "==> installing Node.js (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
}
scripts/build-wasm.sh
cargo build --release --quiet -p alleo-sync-cli
npm ci --no-audit --no-fund --silent
echo "==> node --test (the WebAssembly package)"
node --test alleo-csv-wasm/tests/
