#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader of outside bytes in alleo-csv-core, with
# cargo-fuzz and libFuzzer on the STABLE toolchain. Not part of CI (it takes
# ten minutes per target by default); run it by hand before a release, or after
# changing a reader.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
#   SECONDS  how long each target runs, one after the other (default 600)
#   TARGET   some of: validate transform workbook previous config (default all)
#
# Environment:
#   FUZZ_SANITIZER  none (default) or address. The core is safe Rust, so a bug is
#                   a panic, which needs no sanitizer; address also works on
#                   stable (with RUSTC_BOOTSTRAP=1, set here) but runs ~3x slower.
#   FUZZ_TOOLCHAIN  the rustup toolchain (default stable; no nightly needed).
#   FUZZ_KEEP_GOING=1  go on after a crash (libFuzzer's -fork=1 with
#                   -ignore_crashes): every target runs its SECONDS, and each
#                   crash it meets is kept in fuzz/artifacts/<target>/.
#   FUZZ_NO_COMPARE=1  skip the targets' comparisons of a chunked, one-thread
#                   run with the whole, threaded one, and fuzz for panics only:
#                   for getting past a known difference that stops every run.
#
# The targets live in fuzz/ (a Cargo workspace of its own, excluded from the main
# one): fuzz/fuzz_targets/*.rs, with libFuzzer dictionaries in fuzz/dicts/.
# What it does, idempotently:
#   1. installs what is missing: cargo-fuzz into cargo's bin folder (crates.io),
#      a C++ compiler for libFuzzer and unzip (apt, when root);
#   2. seeds fuzz/corpus/<target>/ from tests/cases (input.csv, alleo.toml,
#      previous.csv) and examples/dutch-export; what earlier runs found stays;
#   3. builds the targets once (so that an edit made meanwhile changes no run),
#      then runs each binary for SECONDS, niced;
#   4. prints per target the seconds run, the executions, the corpus size and
#      any crash (fuzz/artifacts/<target>/crash-*, oom-*, timeout-*), with the
#      command that reproduces it. Logs: fuzz/logs/<target>.log.
# Exit status: 0 when no target crashed, 1 when one did, 2 on a setup error.
#
# A crash: reproduce with `cargo +stable fuzz run --sanitizer none <target>
# <artifact>` (RUSTC_BOOTSTRAP=1), shrink with `cargo +stable fuzz tmin ...`,
# fix it, and add the input to tests/cases (which seeds every later run).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${1:-600}
if ! [[ $SECONDS_EACH =~ ^[0-9]+$ ]] || [ "$SECONDS_EACH" -lt 1 ]; then
  echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
  exit 2
fi
shift $(($# > 0 ? 1 : 0))
ALL_TARGETS=(validate transform workbook previous config)
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL_TARGETS[@]}"); fi
for t in "${TARGETS[@]}"; do
  case " ${ALL_TARGETS[*]} " in
    *" $t "*) ;;
    *) echo "error: unknown target '$t' (known: ${ALL_TARGETS[*]})" >&2; exit 2 ;;
  esac
done
SANITIZER=${FUZZ_SANITIZER:-none}
KEEP_GOING=()
if [ -n "${FUZZ_KEEP_GOING:-}" ] && [ "${FUZZ_KEEP_GOING}" != 0 ]; then
  KEEP_GOING=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi
TOOLCHAIN=${FUZZ_TOOLCHAIN:-stable}
# cargo-fuzz passes -Z flags (e.g. -Zsanitizer=address) that stable rustc takes
# only with this; with --sanitizer none it is not needed, and harmless.
export RUSTC_BOOTSTRAP=1

step() { printf '\n==> %s\n' "$*"; }

if ! command -v cargo >/dev/null 2>&1; then
  echo "error: cargo is not installed; install Rust (stable) and run this again" >&2
  exit 2
fi
CARGO=(cargo)
if command -v rustup >/dev/null 2>&1; then
  CARGO=(cargo "+$TOOLCHAIN")
fi

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "error: $* missing; install it (apt-get install $*) and run this again" >&2
    exit 2
  fi
}

step "tools"
if ! command -v c++ >/dev/null 2>&1; then
  apt_install g++
fi
if ! command -v unzip >/dev/null 2>&1; then
  apt_install unzip
fi
if ! "${CARGO[@]}" fuzz --version >/dev/null 2>&1; then
  nice -n 19 "${CARGO[@]}" install cargo-fuzz --version '^0.13' --locked
fi
"${CARGO[@]}" fuzz --version
"${CARGO[@]}" --version

step "seed corpora (fuzz/corpus)"
seed() { # seed TARGET NAME < BYTES
  mkdir -p "fuzz/corpus/$1"
  cat >"fuzz/corpus/$1/seed-$2"
}
PART=$'\n<!--part-->\n'
NEXT=$'\n#next-file#\n'
for case_dir in tests/cases/*/; do
  case_name=$(basename "$case_dir")
  input="$case_dir/input.csv"
  [ -f "$input" ] || continue
  for t in validate transform previous; do
    seed "$t" "$case_name" <"$input"
  done
  if [ -f "$case_dir/previous.csv" ]; then
    seed previous "$case_name-previous" <"$case_dir/previous.csv"
    { cat "$case_dir/previous.csv"; printf '%s' "$NEXT"; cat "$input"; } |
      seed previous "$case_name-both"
  fi
  if [ -f "$case_dir/alleo.toml" ]; then
    seed config "$case_name" <"$case_dir/alleo.toml"
  fi
done
for export in tests/cases/*/export.csv; do
  seed transform "$(basename "$(dirname "$export")")" <"$export"
done
# Inputs that once crashed a target, kept after the fix (see fuzz/README.md).
for found in fuzz/regressions/*/*; do
  [ -f "$found" ] || continue
  t=$(basename "$(dirname "$found")")
  seed "$t" "regression-$(basename "$found")" <"$found"
done
seed transform dutch-export <examples/dutch-export/export.csv
seed config dutch-export <examples/dutch-export/alleo.toml
if [ -f examples/alleo.toml ]; then seed config examples <examples/alleo.toml; fi
seed config empty </dev/null
# The workbook target takes a workbook, or its parts (see fuzz/fuzz_targets/workbook.rs).
seed workbook dutch-export <examples/dutch-export/export.xlsx
{
  unzip -p examples/dutch-export/export.xlsx xl/sharedStrings.xml
  printf '%s' "$PART"
  unzip -p examples/dutch-export/export.xlsx xl/worksheets/sheet1.xml
  printf '%s' "$PART"
  unzip -p examples/dutch-export/export.xlsx xl/styles.xml
} | seed workbook dutch-export-parts
for t in "${TARGETS[@]}"; do
  printf '  %-10s %5d files\n' "$t" "$(find "fuzz/corpus/$t" -type f | wc -l)"
done

step "build (${CARGO[*]} fuzz build --sanitizer $SANITIZER)"
mkdir -p fuzz/logs
for t in "${TARGETS[@]}"; do
  # Overflow checks are on (cargo-fuzz's default), except for the workbook: the
  # cell-reference parser of calamine 0.38 (get_row_and_optional_column) overflows
  # on a reference past u32 ("A99999999999"), which panics only with overflow
  # checks; the shipped release builds wrap, and the core refuses any cell beyond
  # Excel's limits after that. -O builds it as it ships.
  release=()
  if [ "$t" = workbook ]; then release=(-O); fi
  if ! nice -n 19 "${CARGO[@]}" fuzz build "${release[@]}" --sanitizer "$SANITIZER" "$t" >fuzz/logs/build.log 2>&1; then
    tail -40 fuzz/logs/build.log >&2
    echo "error: building the fuzz target $t failed (fuzz/logs/build.log)" >&2
    exit 2
  fi
done
TRIPLE=$("${CARGO[@]/cargo/rustc}" -vV | sed -n 's/^host: //p')
BIN_DIR="fuzz/target/$TRIPLE/release"
echo "built: ${TARGETS[*]} (in $BIN_DIR)"

dict_of() {
  case $1 in
    config) echo fuzz/dicts/toml.dict ;;
    workbook) echo fuzz/dicts/xlsx.dict ;;
    *) echo fuzz/dicts/csv.dict ;;
  esac
}

declare -A RUNS CORPUS RESULT TOOK
FAILED=0
for t in "${TARGETS[@]}"; do
  step "fuzz $t for ${SECONDS_EACH}s"
  mkdir -p "fuzz/artifacts/$t"
  before=$(mktemp)
  find "fuzz/artifacts/$t" -type f | sort >"$before"
  log="fuzz/logs/$t.log"
  start=$(date +%s)
  status=0
  nice -n 19 "$BIN_DIR/$t" "fuzz/corpus/$t" \
    -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2048 \
    -dict="$(dict_of "$t")" -print_final_stats=1 "${KEEP_GOING[@]}" \
    -artifact_prefix="fuzz/artifacts/$t/" >"$log" 2>&1 || status=$?
  TOOK[$t]=$(($(date +%s) - start))
  grep -E '^#[0-9]+ +(INITED|DONE)|^Done |panicked at|Test unit written|^INFO: exiting' "$log" | tail -6 || true
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$runs" ] || runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
  # -fork: the parent counts every job's executions on its status lines.
  [ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9]*\): cov:.*/\1/p' "$log" | tail -1)
  RUNS[$t]=${runs:-?}
  CORPUS[$t]="$(find "fuzz/corpus/$t" -type f | wc -l) files, $(du -sh "fuzz/corpus/$t" | cut -f1)"
  new=$(find "fuzz/artifacts/$t" -type f | sort | comm -13 "$before" - | grep -E '/(crash|oom|timeout|leak)-' || true)
  slow=$(find "fuzz/artifacts/$t" -type f | sort | comm -13 "$before" - | grep -E '/slow-unit-' || true)
  rm -f "$before"
  if [ -n "$new" ]; then
    FAILED=1
    RESULT[$t]="CRASH ($(echo "$new" | wc -l)): $(echo "$new" | head -3 | tr '\n' ' ')"
  elif [ "$status" -ne 0 ]; then
    FAILED=1
    RESULT[$t]="FAILED (exit $status, no artifact; see $log)"
  elif [ -n "$slow" ]; then
    RESULT[$t]="clean (slow inputs: $(echo "$slow" | tr '\n' ' '))"
  else
    RESULT[$t]="clean"
  fi
done

step "summary (${SECONDS_EACH}s per target, sanitizer $SANITIZER, $("${CARGO[@]}" --version))"
printf '%-10s %8s %12s  %-22s %s\n' target seconds runs corpus result
for t in "${TARGETS[@]}"; do
  printf '%-10s %8s %12s  %-22s %s\n' "$t" "${TOOK[$t]}" "${RUNS[$t]}" "${CORPUS[$t]}" "${RESULT[$t]}"
done
if [ "$FAILED" -ne 0 ]; then
  echo
  echo "Reproduce a crash: $BIN_DIR/<target> <artifact>"
  echo "             (or:  RUSTC_BOOTSTRAP=1 ${CARGO[*]} fuzz run --sanitizer $SANITIZER <target> <artifact>)"
  echo "Shrink it:         RUSTC_BOOTSTRAP=1 ${CARGO[*]} fuzz tmin --sanitizer $SANITIZER <target> <artifact>"
  exit 1
fi
