#!/usr/bin/env bash
# Builds alleo-csv-wasm into alleo-csv-wasm/pkg (wasm-bindgen --target web, for the
# page) and alleo-csv-wasm/pkg-node (--target nodejs, for the tests), and checks
# that the .wasm stays under 1 MB (the page's budget once it also reads workbooks). Uses an installed rustup wasm32 target when
# there is one; otherwise Debian's Rust toolchain, which builds std for wasm32 itself
# (see TOOLCHAIN.md; installed with apt when missing), then binaryen's wasm-opt.
# Idempotent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
limit=$((1024 * 1024))

if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "==> building with the rustup wasm32 target"
  cargo build --quiet --profile wasm --target wasm32-unknown-unknown -p alleo-csv-wasm
  wasm=target/wasm32-unknown-unknown/wasm/alleo_csv_wasm.wasm
else
  if [ ! -d /usr/lib/rustlib/src/rust/library ] || ! /usr/bin/rustc --print target-list 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    echo "==> installing Debian's Rust for WebAssembly (apt: rustc-web cargo-web rust-web-src lld-22)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rustc-web cargo-web rust-web-src lld-22 >/dev/null
  fi
  echo "==> building with Debian's rustc $(/usr/bin/rustc --version | cut -d' ' -f2) and build-std"
  # Its own target folder: the host artifacts of two compilers do not mix. No
  # panic locations: a panic aborts without a word in the page anyway (2.4 KB).
  # Derived Debug prints only the type's name (4 KB): no message the page shows
  # is made with it (the corpus tests hold every message equal to the CLI's).
  PATH=/usr/bin:$PATH RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=shallow" CARGO_TARGET_DIR=target/wasm-debian \
    /usr/bin/cargo build --quiet --profile wasm --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size -p alleo-csv-wasm
  wasm=target/wasm-debian/wasm32-unknown-unknown/wasm/alleo_csv_wasm.wasm
fi

# binaryen's wasm-opt shrinks what the compiler made (about 10%; its passes run
# again until they gain nothing more, a few hundred bytes more), which leaves room
# for the core's speed-tuned code under the limit. It runs before wasm-bindgen:
# older wasm-opt releases break the tables wasm-bindgen adds.
if ! command -v wasm-opt >/dev/null; then
  if ! command -v apt-get >/dev/null; then
    echo "error: wasm-opt is missing: install binaryen (https://github.com/WebAssembly/binaryen)" >&2
    exit 1
  fi
  echo "==> installing binaryen (apt) for wasm-opt"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq binaryen >/dev/null
fi
optimized=target/wasm-opt/alleo_csv_wasm.wasm
mkdir -p "$(dirname "$optimized")"
wasm-opt -Oz --converge --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
  --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
  "$wasm" -o "$optimized"
wasm=$optimized

# The wasm-bindgen CLI must be the crate's version, which Cargo.lock pins.
version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
bindgen=.tools/bin/wasm-bindgen
if [ ! -x "$bindgen" ] || [ "$("$bindgen" --version | cut -d' ' -f2)" != "$version" ]; then
  echo "==> installing wasm-bindgen-cli $version into .tools"
  cargo install --quiet wasm-bindgen-cli --version "$version" --root .tools
fi

for target in web nodejs; do
  out=alleo-csv-wasm/pkg; [ "$target" = nodejs ] && out=alleo-csv-wasm/pkg-node
  rm -rf "$out"
  "$bindgen" --target "$target" --remove-name-section --remove-producers-section --out-dir "$out" "$wasm"
done
size=$(stat -c %s alleo-csv-wasm/pkg/alleo_csv_wasm_bg.wasm)
echo "==> alleo_csv_wasm_bg.wasm: $((size / 1024)) KB (limit $((limit / 1024)) KB)"
if [ "$size" -ge "$limit" ]; then
  echo "error: the .wasm is $size bytes, over the $limit-byte limit" >&2
  exit 1
fi
