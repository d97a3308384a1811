#!/usr/bin/env bash
# Whole-process comparison on one generated file (default 1,000,000 rows, ~125 MB):
# `alleo-sync validate --format json` against a bare csv-crate loop that only counts
# records. Prints wall time, throughput, the throughput ratio and peak RSS.
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

# The two commands run alternately, so a change in machine load falls on both; the
# ratio reported is the median of the per-pair ratios, with the best times shown.
validate=(target/release/alleo-sync validate "$file" --format json --as-of 2026-11-26 --config "$file.toml")
timed() { /usr/bin/time -f '%e %M' -o "$data/time.txt" "$@" > /dev/null || true; cat "$data/time.txt"; }
pairs=""
for _ in $(seq "$runs"); do
  read -r bs bk < <(timed target/release/bare-count "$file")
  read -r vs vk < <(timed "${validate[@]}")
  pairs+="$bs $bk $vs $vk"$'\n'
done
report=$("${validate[@]}" | head -c 200 | tr -d '\n ')
ratios=$(printf '%s' "$pairs" | awk '{ printf "%.4f\n", $1 / $3 }' | sort -n)
best_bare=$(printf '%s' "$pairs" | sort -n -k1,1 | head -n1)
best_val=$(printf '%s' "$pairs" | sort -n -k3,3 | head -n1)
max_kb=$(printf '%s' "$pairs" | awk '{ b = ($2 > b ? $2 : b); v = ($4 > v ? $4 : v) } END { print b, v }')
printf '%s\n' "$ratios" | awk -v rows="$rows" -v bytes="$bytes" -v report="$report" \
    -v bb="${best_bare%% *}" -v vb="$(echo "$best_val" | cut -d' ' -f3)" -v kb="$max_kb" '
  { r[NR] = $1 }
  END {
    n = NR; split(kb, k, " ")
    median = (n % 2) ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
    mb = bytes / 1e6
    printf "file: %d rows, %.1f MB; %d alternating runs of each (best time shown)\n", rows, mb, n
    printf "%-34s %6.2f s %6.0f MB/s %7.1f MB peak RSS\n", "bare csv ByteRecord count", bb, mb / bb, k[1] / 1024
    printf "%-34s %6.2f s %6.0f MB/s %7.1f MB peak RSS\n", "alleo-sync validate --format json", vb, mb / vb, k[2] / 1024
    printf "ratio (validate / bare throughput): median %.2fx, range %.2f-%.2fx\n", median, r[1], r[n]
    printf "report: %s\n", report
  }'
