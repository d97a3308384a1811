#!/usr/bin/env bash
# Whole-process comparison of `alleo-sync validate --format json` with a bare
# csv-crate loop that only counts records, on two generated files of ROWS rows
# (default 1,000,000): the clean file of new hires, valid without a warning, and a
# roster, a whole workforce as a customer's first file is (past onboarding dates,
# some offboardings, about 2% of rows with a real error: a million issues). Prints,
# for each, the best times, throughput, peak RSS and the median ratio.
#   benches/compare.sh [ROWS] [RUNS]
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
  file=$data/alleo_employees_${profile}_$rows.csv
  flag=""
  [ "$profile" = roster ] && flag=--roster
  [ -f "$file" ] || target/release/generate "$rows" "$file" 1 $flag
  bytes=$(stat -c %s "$file")
  validate=(target/release/alleo-sync validate "$file" --format json --as-of 2026-11-26 --config "$file.toml")
  counts=$({ "${validate[@]}" || true; } | head -c 200 | tr -d '\n ' | cut -d'"' -f1-13)
  echo "$profile ($((bytes / 1000000)) MB; $counts...):"
  pair "$runs" "bare csv ByteRecord count" "$bytes" "alleo-sync validate --format json" "$bytes" \
    -- target/release/bare-count "$file" -- "${validate[@]}"
done
echo "the ratio is validate's throughput as a share of the bare count's (targets: clean 0.5x, roster 0.35x)"
