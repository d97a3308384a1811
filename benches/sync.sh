#!/usr/bin/env bash
# Whole-process figures for `alleo-sync sync` (a benchmark, not a test): the
# generated employees (default 1,000,000) written as a Dutch Excel export are
# synced to a temporary sshd on 127.0.0.1 (transformed in memory, checked,
# uploaded, recorded), and, alternately in the same run, the same export goes
# through `transform` and then `push`, the two commands the job took before. Each
# run starts from an empty state folder (a first run). Prints the best times and
# the peak RSS of each way, and the median of the per-pair ratios.
#   benches/sync.sh [ROWS] [RUNS]      (root: it runs sshd; default 1000000 rows, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-3}
data=bench-data
mkdir -p "$data"
. benches/lib.sh
scripts/setup-test-servers.sh > /dev/null
cargo build --release --quiet -p alleo-sync-cli -p alleo-csv-benches
dutch=$data/export_nl_clean_$rows.csv
[ -f "$dutch" ] || target/release/generate "$rows" "$dutch" 1 --dutch

bench_sshd bench-sync
cat > "$work/alleo.toml" <<CONFIG
$(cat "$dutch.toml")

[state]
dir = "$work/state"
keep = 1

[sftp]
host = "127.0.0.1"
port = $port
user = "$user"
directory = "/home/$user/bench-sync"
file_id = "bench"
password_env = "BENCH_PASSWORD"
host_key = "$fingerprint"
CONFIG
export BENCH_PASSWORD=$password

echo "$(machine); $rows rows ($(du -m "$dutch" | cut -f1) MB Dutch export), $runs alternating pairs, each a first run"
results=""
for _ in $(seq "$runs"); do
  rm -rf "$work/state"
  read -r ss sk < <(timed target/release/alleo-sync sync "$dutch" --config "$work/alleo.toml" --as-of 2026-11-26 --format json)
  [ -f "$work/state/last-delivered.csv" ] || { cat "$data/stderr.txt" >&2; echo "error: sync did not deliver" >&2; exit 1; }
  synced=$(sha256sum < "/home/$user/bench-sync/alleo_employees_bench.csv")
  rm -rf "$work/state"
  read -r ts tk < <(timed target/release/alleo-sync transform "$dutch" -o "$work/alleo_employees_bench.csv" \
    --config "$work/alleo.toml" --as-of 2026-11-26 --format json)
  read -r ps pk < <(timed target/release/alleo-sync push "$work/alleo_employees_bench.csv" --config "$work/alleo.toml" \
    --as-of 2026-11-26 --format json)
  [ "$(sha256sum < "/home/$user/bench-sync/alleo_employees_bench.csv")" = "$synced" ] ||
    { echo "error: sync and transform + push delivered different files" >&2; exit 1; }
  results+="$ss $sk $ts $tk $ps $pk"$'\n'
done
printf '%s' "$results" | python3 -c '
import statistics, sys
runs = [tuple(map(float, line.split())) for line in sys.stdin if line.strip()]
best_sync = min(r[0] for r in runs)
best_two = min(r[2] + r[4] for r in runs)
rss_sync = max(r[1] for r in runs) / 1024
rss_two = max(max(r[3], r[5]) for r in runs) / 1024
ratio = statistics.median(r[0] / (r[2] + r[4]) for r in runs)
print(f"  alleo-sync sync (transform, check, upload, record)   {best_sync:6.2f} s  {rss_sync:7.1f} MB peak RSS")
print(f"  alleo-sync transform, then push                      {best_two:6.2f} s  {rss_two:7.1f} MB peak RSS (the larger)")
print(f"  sync / (transform + push): median {ratio:.2f}x over {len(runs)} pairs; the same file delivered")
'

roster=$data/export_nl_roster_$rows.csv
[ -f "$roster" ] || target/release/generate "$rows" "$roster" 1 --roster --dutch
best=""
for _ in $(seq "$runs"); do
  rm -rf "$work/state"
  read -r rs rk < <(timed target/release/alleo-sync sync "$roster" --config "$work/alleo.toml" --as-of 2026-11-26 --format json)
  [ ! -f "$work/state/last-delivered.csv" ] || { echo "error: sync delivered the roster export, which has errors" >&2; exit 1; }
  if [ -z "$best" ] || [ "$(echo "$rs < $best" | bc)" = 1 ]; then best=$rs; fi
done
printf '  alleo-sync sync of the roster export (refused: 2%% of rows invalid) %6.2f s  %7.1f MB peak RSS\n' "$best" "$(echo "$rk / 1024" | bc -l)"
