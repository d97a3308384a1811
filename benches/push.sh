#!/usr/bin/env bash
# Upload figures (a benchmark, not a test): a ~100 MB file over loopback to a
# temporary sshd on 127.0.0.1, `alleo-sync push` against OpenSSH's own `sftp` client
# (password through sshpass), alternately in one run, connection set-up included.
# For push, the delivery (connect, key check, login, list, upload, size check,
# rename) is timed apart from its check of the file, which sftp does not do.
#   benches/push.sh [ROWS] [RUNS]      (root: it runs sshd; default 790000 rows, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
rows=${1:-790000}
runs=${2:-5}
scripts/setup-test-servers.sh
command -v sshpass >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sshpass >/dev/null
cargo build --release --quiet -p alleo-sync-cli -p alleo-csv-benches
mkdir -p bench-data
file=bench-data/alleo_employees_bench_$rows.csv
[ -f "$file" ] || target/release/generate "$rows" "$file"
bytes=$(stat -c %s "$file")

bench_sshd bench
cat > "$work/alleo.toml" <<CONFIG
$(cat "$file.toml")

[state]
dir = "$work/state"

[sftp]
host = "127.0.0.1"
port = $port
user = "$user"
directory = "/home/$user/bench"
file_id = "bench"
password_env = "BENCH_PASSWORD"
host_key = "$fingerprint"
CONFIG
echo "put $file /home/$user/bench/openssh.csv" > "$work/batch"

printf 'file: %d rows, %.1f MB; %d alternating runs\n' "$rows" "$(echo "$bytes / 1000000" | bc -l)" "$runs"
pairs=""
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  sshpass -p "$password" sftp -q -oBatchMode=no -oStrictHostKeyChecking=no -oUserKnownHostsFile=/dev/null \
    -P "$port" -b "$work/batch" "$user@127.0.0.1" > /dev/null
  openssh=$(echo "$(date +%s.%N) - $start" | bc -l)
  rm -f "/home/$user/bench/openssh.csv"
  start=$(date +%s.%N)
  delivery=$(BENCH_PASSWORD=$password target/release/alleo-sync push "$file" --config "$work/alleo.toml" \
    --as-of 2026-11-26 --no-previous --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["delivery"]["seconds"])')
  whole=$(echo "$(date +%s.%N) - $start" | bc -l)
  cmp -s "$file" "/home/$user/bench/alleo_employees_bench.csv" || { echo "error: the pushed file differs" >&2; exit 1; }
  pairs+="$openssh $delivery $whole"$'\n'
done
printf '%s' "$pairs" | python3 -c '
import statistics, sys
mb = float(sys.argv[1])
runs = [tuple(map(float, line.split())) for line in sys.stdin if line.strip()]
o, d, w = (statistics.median(r[i] for r in runs) for i in range(3))
ratio = statistics.median(r[0] / r[1] for r in runs)
print(f"  OpenSSH sftp (put, connection included):          median {o:.2f} s, {mb / o:4.0f} MB/s")
print(f"  alleo-sync push, the delivery (connect to rename): median {d:.2f} s, {mb / d:4.0f} MB/s")
print(f"  alleo-sync push, the whole process (with its check of the file): median {w:.2f} s")
print(f"  the delivery against sftp: {ratio:.2f}x as fast (median of the per-run ratios; target at least 1x)")
' "$(echo "$bytes / 1000000" | bc -l)"
