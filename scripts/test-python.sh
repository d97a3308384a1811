#!/usr/bin/env bash
# The Python package: builds the alleo_csv wheel (maturin, abi3), installs it into a
# clean venv, and tests the installed wheel (pytest, from a folder without the
# sources), its type stub (mypy.stubtest) and an example script (mypy --strict).
# Needs python3 with venv (installed with apt when missing). Idempotent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  echo "==> installing python3-venv (apt)"
  apt-get update -qq && apt-get install -y -qq python3-venv python3-dev >/dev/null
fi

tools=.venv/tools
if [ ! -x "$tools/bin/maturin" ]; then
  echo "==> Python build tools into $tools"
  python3 -m venv "$tools"
  "$tools/bin/pip" install -q --upgrade pip
  "$tools/bin/pip" install -q 'maturin>=1.7,<2'
fi

echo "==> building the wheel"
rm -rf target/wheels
"$tools/bin/maturin" build --release --quiet -m alleo-csv-py/Cargo.toml -o target/wheels
wheel=$(ls target/wheels/alleo_csv-*.whl)

echo "==> installing $(basename "$wheel") into a clean venv"
venv=.venv/wheel-test
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q 'pytest>=8' 'mypy>=1.10' "$wheel"

# The CLI the tests compare with: the debug build `cargo test` made (a release
# build would compile every dependency once more).
cargo build --quiet -p alleo-sync-cli

echo "==> pytest against the installed wheel"
outside=$(mktemp -d)
trap 'rm -rf "$outside"' EXIT
(cd "$outside" && ALLEO_CSV_ROOT="$root" ALLEO_SYNC="$root/target/debug/alleo-sync" PATH="$root/$venv/bin:$PATH" \
  "$root/$venv/bin/python" -m pytest -q -p no:cacheprovider "$root/alleo-csv-py/tests")

echo "==> the type stub against the module (mypy.stubtest), and an example under mypy --strict"
(cd "$outside" && "$root/$venv/bin/python" -m mypy.stubtest alleo_csv --allowlist "$root/alleo-csv-py/stubtest-allowlist.txt")
(cd "$outside" && "$root/$venv/bin/python" -m mypy --strict --cache-dir "$outside/.mypy" "$root/alleo-csv-py/examples/import_script.py")
