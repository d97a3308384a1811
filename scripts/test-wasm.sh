#!/usr/bin/env bash
# The WebAssembly package and the checker page: builds the package with
# build-wasm.sh, installs the JavaScript test dependencies (npm ci) and Chromium
# (apt, when missing), and runs the Node tests against the built package and the
# Playwright tests against the page (playwright-core driving /usr/bin/chromium;
# screenshots in target/screenshots).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "==> installing Node.js (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "==> installing Chromium (apt)"
  # Keep apt from starting services while it installs.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
scripts/build-wasm.sh
# The CLI to compare with is the debug build `cargo test` made; the generator of
# the 100 MB file is built for speed.
cargo build --quiet -p alleo-sync-cli
cargo build --release --quiet -p alleo-csv-benches
npm ci --no-audit --no-fund --silent
echo "==> node --test (the WebAssembly package, and the page in Chromium)"
ALLEO_SYNC="$PWD/target/debug/alleo-sync" node --test alleo-csv-wasm/tests/ examples/web-checker/tests/
