#!/usr/bin/env bash
# Whole-process comparison on one generated file (default 1,000,000 rows, ~125 MB):
# `alleo-sync validate --format json` against a bare csv-crate loop that only counts
# records. Prints wall time (best of N runs), throughput, the ratio, and peak RSS.
#   benches/compare.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-3}
data=bench-data
file=$data/alleo_employees_bench_$rows.csv
mkdir -p "$data"
cargo build --release --quiet -p alleo-sync-cli -p alleo-csv-benches
[ -f "$file" ] || target/release/generate "$rows" "$file"
bytes=$(stat -c %s "$file")

# best wall seconds and max RSS (KB) of a command over $runs runs
measure() {
  local best="" rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$data/time.txt" "$@" > /dev/null || true
    read -r secs kb < "$data/time.txt"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; fi
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  echo "$best $rss"
}

read -r bare_s bare_kb < <(measure target/release/bare-count "$file")
read -r val_s val_kb < <(measure target/release/alleo-sync validate "$file" --format json --as-of 2026-11-26 --config "$file.toml")
report=$(target/release/alleo-sync validate "$file" --format json --as-of 2026-11-26 --config "$file.toml" | head -c 200 | tr -d '\n ')
awk -v rows="$rows" -v bytes="$bytes" -v bs="$bare_s" -v bk="$bare_kb" -v vs="$val_s" -v vk="$val_kb" -v report="$report" 'BEGIN {
  mb = bytes / 1e6
  printf "file: %d rows, %.1f MB (best of runs)\n", rows, mb
  printf "%-32s %8.2f s %8.0f MB/s %8.1f MB peak RSS\n", "bare csv ByteRecord count", bs, mb / bs, bk / 1024
  printf "%-32s %8.2f s %8.0f MB/s %8.1f MB peak RSS\n", "alleo-sync validate --format json", vs, mb / vs, vk / 1024
  printf "ratio (validate / bare throughput): %.2fx\n", bs / vs
  printf "report: %s\n", report
}'
