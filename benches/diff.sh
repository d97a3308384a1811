#!/usr/bin/env bash
# Whole-process figures for `alleo-sync diff` (issue 5): the generated 1,000,000-row
# file as the previous state, against a next version of it in which every 20th
# employee moved company group, every 50th left the file and 1% are new; in the
# same run, `validate` of the previous file. Prints times, their ratio and peak RSS.
#   benches/diff.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-3}
data=bench-data
previous=$data/alleo_employees_bench_$rows.csv
next=$data/alleo_employees_next_$rows.csv
mkdir -p "$data"
cargo build --release --quiet -p alleo-sync-cli -p alleo-csv-benches
[ -f "$previous" ] || target/release/generate "$rows" "$previous"
if [ ! -f "$next" ]; then
  target/release/generate $((rows / 100)) "$data/new_$rows.csv" 7
  awk -F, -v OFS=, 'NR == 1 { print; next }
                    NR % 50 == 0 { next }
                    NR % 20 == 0 { $10 = ($10 == "Sales" ? "Finance" : "Sales") }
                    { print }' "$previous" > "$next"
  # New employees: another seed, addresses made distinct.
  tail -n +2 "$data/new_$rows.csv" | sed 's/@/.new@/' >> "$next"
fi

config=(--config "$previous.toml" --as-of 2026-11-26)
validate=(target/release/alleo-sync validate "$previous" --format json "${config[@]}")
diff=(target/release/alleo-sync diff "$previous" "$next" --format json "${config[@]}")
timed() { /usr/bin/time -f '%e %M' -o "$data/time.txt" "$@" > /dev/null || true; cat "$data/time.txt"; }
pairs=""
for _ in $(seq "$runs"); do
  read -r vs vk < <(timed "${validate[@]}")
  read -r ds dk < <(timed "${diff[@]}")
  pairs+="$vs $vk $ds $dk"$'\n'
done
summary=$("${diff[@]}" | grep -A6 '"summary"' | tr -d ' \n')
best_v=$(printf '%s' "$pairs" | sort -n -k1,1 | head -n1)
best_d=$(printf '%s' "$pairs" | sort -n -k3,3 | head -n1)
ratios=$(printf '%s' "$pairs" | awk '{ printf "%.4f\n", $3 / $1 }' | sort -n)
peaks=$(printf '%s' "$pairs" | awk '{ v = ($2 > v ? $2 : v); d = ($4 > d ? $4 : d) } END { print v, d }')
printf '%s\n' "$ratios" | awk -v rows="$rows" -v vb="${best_v%% *}" -v db="$(echo "$best_d" | cut -d' ' -f3)" \
    -v peaks="$peaks" -v summary="$summary" '
  { r[NR] = $1 }
  END {
    n = NR; split(peaks, k, " ")
    median = (n % 2) ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
    printf "%d-row previous state; %d alternating runs of each (best time shown)\n", rows, n
    printf "%-40s %6.2f s %7.1f MB peak RSS\n", "validate (one file)", vb, k[1] / 1024
    printf "%-40s %6.2f s %7.1f MB peak RSS\n", "diff (previous state + next file)", db, k[2] / 1024
    printf "diff / validate time: median %.2fx, range %.2f-%.2fx (target under 3x)\n", median, r[1], r[n]
    printf "plan: %s\n", summary
  }'
