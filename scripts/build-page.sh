#!/usr/bin/env bash
# Rebuilds the offline page's WebAssembly module (page/ → assets/page/baocao_page.wasm),
# which `baocao page` inlines into kiem-tra-bieu-<year>.html. Run it after changing
# the library's checking code; commit the module it writes. The README's commands do
# not need it: the module is committed (docs/page.md says why).
#
#   scripts/build-page.sh          rebuild and copy into assets/page/
#   scripts/build-page.sh --check  rebuild and fail if it differs from the committed one
#
# Needs only the Rust target (`rustup target add wasm32-unknown-unknown`, done here);
# no wasm-bindgen or other tool: the module's interface is four plain exports
# (page/src/lib.rs) driven by assets/page/module.js.
set -euo pipefail
cd "$(dirname "$0")/.."
target=wasm32-unknown-unknown
committed=assets/page/baocao_page.wasm

if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  rustup target add "$target"
fi
# Paths remapped: the module is the same from any checkout (panic locations carry
# source paths).
export RUSTFLAGS="--remap-path-prefix=$PWD=. --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
nice cargo build --locked -p baocao-page --target "$target" --profile page
built="target/$target/page/baocao_page.wasm"

if [ "${1:-}" = "--check" ]; then
  if cmp -s "$built" "$committed"; then
    echo "the committed module is up to date ($(stat -c %s "$committed") bytes)"
  else
    echo "assets/page/baocao_page.wasm is out of date: run scripts/build-page.sh and commit it" >&2
    exit 1
  fi
else
  cp "$built" "$committed"
  echo "wrote $committed ($(stat -c %s "$committed") bytes)"
fi
