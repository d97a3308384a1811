#!/usr/bin/env bash
# The Python benchmark (issue 6): alleo_csv.validate against pandas and frictionless
# on one generated 1,000,000-row file, in one run. A benchmark, not a test.
#   scripts/bench-python.sh [ROWS] [FRICTIONLESS_SAMPLE_ROWS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
rows=${1:-1000000}
sample=${2:-100000}
data=bench-data
file=$data/alleo_employees_bench_$rows.csv
mkdir -p "$data"
cargo build --release --quiet -p alleo-csv-benches
[ -f "$file" ] || target/release/generate "$rows" "$file"
ls target/wheels/alleo_csv-*.whl >/dev/null 2>&1 || {
  [ -x .venv/tools/bin/maturin ] || { python3 -m venv .venv/tools && .venv/tools/bin/pip install -q 'maturin>=1.7,<2'; }
  .venv/tools/bin/maturin build --release --quiet -m alleo-csv-py/Cargo.toml -o target/wheels
}
venv=.venv/bench
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q pandas frictionless
"$venv/bin/pip" install -q --force-reinstall --no-deps target/wheels/alleo_csv-*.whl
"$venv/bin/python" alleo-csv-py/bench/compare.py "$file" "$sample"
