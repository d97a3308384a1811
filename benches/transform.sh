#!/usr/bin/env bash
# Whole-process figures for `alleo-sync transform`: the generated employees
# (default 1,000,000 rows) written as a Dutch Excel export (Windows-1252, `;`,
# DD-MM-YYYY, decimal commas, Dutch headers) are transformed, and, alternately in
# the same run, the canonical file is validated. For the clean file of new hires
# (the transform must give back the canonical file byte for byte) and for a roster
# (a whole workforce, 2% of rows invalid: set aside with --rejects). Prints, for
# each, the best times, throughput, peak RSS and the median ratio of the times.
#   benches/transform.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-5}
data=bench-data
mkdir -p "$data"
. benches/lib.sh
cargo build --release --quiet -p alleo-sync-cli -p alleo-csv-benches
echo "$(machine); $rows rows, $runs alternating pairs"
for profile in clean roster; do
  canonical=$data/alleo_employees_${profile}_$rows.csv
  dutch=$data/export_nl_${profile}_$rows.csv
  out=$data/alleo_employees_transformed_${profile}_$rows.csv
  flag=""
  [ "$profile" = roster ] && flag=--roster
  [ -f "$canonical" ] || target/release/generate "$rows" "$canonical" 1 $flag
  [ -f "$dutch" ] || target/release/generate "$rows" "$dutch" 1 $flag --dutch
  validate=(target/release/alleo-sync validate "$canonical" --format json --as-of 2026-11-26 --config "$canonical.toml")
  transform=(target/release/alleo-sync transform "$dutch" -o "$out" --rejects "$data/rejects.csv"
    --format json --as-of 2026-11-26 --config "$dutch.toml")
  echo "$profile:"
  pair "$runs" "validate, canonical file" "$(stat -c %s "$canonical")" \
    "transform, Dutch export" "$(stat -c %s "$dutch")" -- "${validate[@]}" -- "${transform[@]}"
  if [ "$profile" = clean ]; then
    cmp -s "$out" "$canonical" || { echo "error: the transformed file differs from the canonical one" >&2; exit 1; }
    echo "  output: byte for byte the canonical file"
  else
    written=$(($(wc -l < "$out") - 1)) rejected=$(($(wc -l < "$data/rejects.csv") - 1))
    echo "  output: $written rows written, $rejected set aside in the rejects file"
  fi
done
echo "the ratio is validate's time over transform's (target: transform at most 3x, so at least 0.33x)"
