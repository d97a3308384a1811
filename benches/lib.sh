# Shared by the whole-process comparisons (benches/*.sh): two commands run
# alternately, so that a change in the machine's speed falls on both, and the
# figures reported are the best time, the throughput, the peak RSS and the median
# of the per-pair time ratios. Source it after setting `data` (a scratch folder).

# timed CMD...: "seconds peak-KB" of one run (its output thrown away).
timed() {
  /usr/bin/time -f '%e %M' -o "$data/time.txt" "$@" > /dev/null 2> "$data/stderr.txt" || true
  # The last line: time writes "Command exited with non-zero status" above it.
  tail -n 1 "$data/time.txt"
}

# pair RUNS LABEL_A BYTES_A LABEL_B BYTES_B -- CMD_A... -- CMD_B...
# Runs A then B, RUNS times, and prints one line for each (label, best time,
# MB/s of its input, peak RSS) and the median of the per-pair ratios of A's time
# to B's: B's throughput as a share of A's when both read the same input.
pair() {
  local runs=$1 la=$2 ba=$3 lb=$4 bb=$5
  shift 6
  local a=() b=()
  while [ "$1" != "--" ]; do a+=("$1"); shift; done
  shift
  b=("$@")
  local results=""
  for _ in $(seq "$runs"); do
    read -r as ak < <(timed "${a[@]}")
    read -r bs bk < <(timed "${b[@]}")
    results+="$as $ak $bs $bk"$'\n'
  done
  printf '%s' "$results" | awk -v la="$la" -v ba="$ba" -v lb="$lb" -v bb="$bb" '
    { t[NR] = $1 / $3
      if (NR == 1 || $1 < besta) besta = $1
      if (NR == 1 || $3 < bestb) bestb = $3
      if ($2 > ka) ka = $2
      if ($4 > kb) kb = $4 }
    END {
      n = NR
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
      median = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
      printf "  %-46s %6.2f s %6.0f MB/s %7.1f MB peak RSS\n", la, besta, ba / 1e6 / besta, ka / 1024
      printf "  %-46s %6.2f s %6.0f MB/s %7.1f MB peak RSS\n", lb, bestb, bb / 1e6 / bestb, kb / 1024
      printf "  first time / second time: median %.2fx, range %.2f-%.2fx over %d pairs\n", median, t[1], t[n], n
    }'
}

# machine: a line naming the date, the processor and its cores, for the README.
machine() {
  local cpu
  cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
  printf '%s, %s, %s cores\n' "$(date -u +%Y-%m-%d)" "${cpu:-unknown processor}" "$(nproc)"
}

# bench_sshd FOLDER: starts a temporary sshd on 127.0.0.1 for the test user of
# scripts/setup-test-servers.sh, serving /home/<user>/FOLDER; sets `user`,
# `password`, `work` (a scratch folder), `port` and `fingerprint`, and stops the
# server and removes both folders on exit.
bench_sshd() {
  user=alleo-push-test
  password=alleo-push-test-pw
  work=$(mktemp -d)
  served=/home/$user/$1
  trap 'kill "$(cat "$work/sshd.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work" "$served"' EXIT
  ssh-keygen -q -t ed25519 -N '' -f "$work/host"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat > "$work/sshd_config" <<CONFIG
ListenAddress 127.0.0.1
Port $port
HostKey $work/host
PidFile $work/sshd.pid
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication no
UsePAM yes
AllowUsers $user
Subsystem sftp internal-sftp
CONFIG
  /usr/sbin/sshd -f "$work/sshd_config"
  for _ in $(seq 50); do [ -s "$work/sshd.pid" ] && break; sleep 0.1; done
  mkdir -p "$served"
  chown "$user:$user" "$served"
  fingerprint=$(ssh-keygen -lf "$work/host.pub" | awk '{print $2}')
}
