#!/usr/bin/env bash
# Cross-builds baocao.exe for 64-bit Windows on Linux and packs
# dist/baocao-<version>-windows-x86_64.zip: the .exe, templates/, the sample input/,
# the .bat files and the Vietnamese guide (windows/), text files in CRLF, and the
# offline check page for the units (`baocao page`, "Trang kiem tra bieu.html").
# Installs what it needs (rustup target, mingw linker, zip) when missing.
# Prints the zip's path on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."

target=x86_64-pc-windows-gnu
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
name="baocao-$version-windows-x86_64"

# --- tools -------------------------------------------------------------------
rustup target list --installed | grep -qx "$target" || rustup target add "$target" >&2
missing=()
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || missing+=(gcc-mingw-w64-x86-64)
command -v zip >/dev/null 2>&1 || missing+=(zip)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- build -------------------------------------------------------------------
# The linker is set for this target only, through the environment: no
# .cargo/config that would change anybody else's build.
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
start=$(date +%s)
cargo build --release --locked --target "$target" >&2
echo "cross build: $(($(date +%s) - start)) s" >&2
exe="target/$target/release/baocao.exe"
# The offline page does not depend on the platform (nor on the profile: it inlines
# the committed module): the Linux debug build, which CI has built already, writes it.
cargo build --locked -q >&2

# --- stage and pack ----------------------------------------------------------
stage="dist/$name"
rm -rf "$stage" "dist/$name.zip"
mkdir -p "$stage"
# Symbols out: the line tables of the release profile serve a developer's
# backtraces, not a clerk's download.
x86_64-w64-mingw32-strip -o "$stage/baocao.exe" "$exe"
cp -r templates "$stage/templates"
mkdir "$stage/input"
cp input/* "$stage/input/"
# CRLF whatever the checkout did (.gitattributes asks for it; a checkout may not).
for f in windows/*.bat windows/*.txt; do
  sed 's/\r*$/\r/' "$f" > "$stage/$(basename "$f")"
done
target/debug/baocao page --output "$stage/Trang kiem tra bieu.html" >/dev/null
(cd "$stage" && zip -q -r -X -9 "../$name.zip" .)
rm -rf "$stage"
echo "dist/$name.zip: $(du -k "dist/$name.zip" | cut -f1) KiB" >&2
echo "dist/$name.zip"
