#!/usr/bin/env bash
# Whole-process figures for `alleo-sync transform` (issue 4): the generated file
# (default 1,000,000 rows) written as a Dutch Excel export (Windows-1252, `;`,
# DD-MM-YYYY, decimal commas, Dutch headers) is transformed, and, in the same run,
# the canonical file is validated. Checks that the transform gives back exactly the
# canonical file. Prints times, throughput, their ratio and peak RSS.
#   benches/transform.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-3}
data=bench-data
canonical=$data/alleo_employees_bench_$rows.csv
dutch=$data/export_nl_$rows.csv
out=$data/alleo_employees_transformed_$rows.csv
mkdir -p "$data"
cargo build --release --quiet -p alleo-sync-cli -p alleo-csv-benches
[ -f "$canonical" ] || target/release/generate "$rows" "$canonical"
[ -f "$dutch" ] || target/release/generate "$rows" "$dutch" 1 --dutch

validate=(target/release/alleo-sync validate "$canonical" --format json --as-of 2026-11-26 --config "$canonical.toml")
transform=(target/release/alleo-sync transform "$dutch" -o "$out" --format json --as-of 2026-11-26 --config "$dutch.toml")
timed() { /usr/bin/time -f '%e %M' -o "$data/time.txt" "$@" > /dev/null || true; cat "$data/time.txt"; }
pairs=""
for _ in $(seq "$runs"); do
  read -r vs vk < <(timed "${validate[@]}")
  read -r ts tk < <(timed "${transform[@]}")
  pairs+="$vs $vk $ts $tk"$'\n'
done
cmp -s "$out" "$canonical" || { echo "error: the transformed file differs from the canonical one" >&2; exit 1; }
best_v=$(printf '%s' "$pairs" | sort -n -k1,1 | head -n1)
best_t=$(printf '%s' "$pairs" | sort -n -k3,3 | head -n1)
ratios=$(printf '%s' "$pairs" | awk '{ printf "%.4f\n", $3 / $1 }' | sort -n)
peaks=$(printf '%s' "$pairs" | awk '{ v = ($2 > v ? $2 : v); t = ($4 > t ? $4 : t) } END { print v, t }')
printf '%s\n' "$ratios" | awk -v rows="$rows" -v vbytes="$(stat -c %s "$canonical")" -v tbytes="$(stat -c %s "$dutch")" \
    -v vb="${best_v%% *}" -v tb="$(echo "$best_t" | cut -d' ' -f3)" -v peaks="$peaks" '
  { r[NR] = $1 }
  END {
    n = NR; split(peaks, k, " ")
    median = (n % 2) ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
    printf "%d rows; %d alternating runs of each (best time shown)\n", rows, n
    printf "%-44s %6.2f s %6.0f MB/s %7.1f MB peak RSS\n", sprintf("validate, canonical file (%.0f MB)", vbytes / 1e6), vb, vbytes / 1e6 / vb, k[1] / 1024
    printf "%-44s %6.2f s %6.0f MB/s %7.1f MB peak RSS\n", sprintf("transform, Dutch export (%.0f MB)", tbytes / 1e6), tb, tbytes / 1e6 / tb, k[2] / 1024
    printf "transform / validate time: median %.2fx, range %.2f-%.2fx\n", median, r[1], r[n]
    printf "output: byte for byte the canonical file\n"
  }'
