#!/usr/bin/env bash
# Whole-process figures for `alleo-sync diff`: a generated file of ROWS rows
# (default 1,000,000) as the previous state, against a next version of it in which
# every 20th employee moved company group, every 50th left the file and 1% are new;
# in the same run, alternately, `validate` of the previous file. For the clean file
# of new hires and for a roster (a whole workforce, a million issues). Prints, for
# each, the best times, peak RSS and the median ratio of the times.
#   benches/diff.sh [ROWS] [RUNS]
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
  previous=$data/alleo_employees_${profile}_$rows.csv
  next=$data/alleo_employees_${profile}_next_$rows.csv
  flag=""
  [ "$profile" = roster ] && flag=--roster
  [ -f "$previous" ] || target/release/generate "$rows" "$previous" 1 $flag
  if [ ! -f "$next" ]; then
    target/release/generate $((rows / 100)) "$data/new_${profile}_$rows.csv" 7 $flag
    awk -F, -v OFS=, 'NR == 1 { print; next }
                      NR % 50 == 0 { next }
                      NR % 20 == 0 { $10 = ($10 == "Sales" ? "Finance" : "Sales") }
                      { print }' "$previous" > "$next"
    # New employees: another seed, addresses made distinct.
    tail -n +2 "$data/new_${profile}_$rows.csv" | sed 's/@/.new@/' >> "$next"
  fi
  config=(--config "$previous.toml" --as-of 2026-11-26)
  validate=(target/release/alleo-sync validate "$previous" --format json "${config[@]}")
  diff=(target/release/alleo-sync diff "$previous" "$next" --format json "${config[@]}")
  summary=$({ "${diff[@]}" || true; } | grep -A6 '"summary"' | tr -d ' \n')
  echo "$profile ($summary):"
  pair "$runs" "validate (the previous file)" "$(stat -c %s "$previous")" \
    "diff (previous state + next file)" "$(stat -c %s "$next")" \
    -- "${validate[@]}" -- "${diff[@]}"
done
echo "the ratio is validate's time over diff's (target: diff under 3x validate, so above 0.33x)"
