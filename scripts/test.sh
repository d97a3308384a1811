#!/usr/bin/env bash
# Runs every check CI runs: formatting, lints, docs and all tests, the Python
# package's (scripts/test-python.sh: a venv under .venv/, the wheel built and tested
# as installed) and the WebAssembly package's (scripts/test-wasm.sh: built with
# rustup's wasm32 target or Debian's toolchain, tested under Node) and the delivery
# tests against real sshd servers (scripts/setup-test-servers.sh). Idempotent;
# safe to run on a fresh clone. Needs the Rust toolchain (cargo) and python3;
# installs the rest (apt, pip, npm).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "error: cargo is not installed; install Rust from https://rustup.rs and run this again" >&2
  exit 2
fi

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check
step "cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet
step "the delivery tests' servers (openssh-server, a test user)"
scripts/setup-test-servers.sh
step "cargo test"
cargo test --workspace --locked
step "the Python package"
scripts/test-python.sh
step "the WebAssembly package"
scripts/test-wasm.sh
