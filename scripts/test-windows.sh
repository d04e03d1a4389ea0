#!/usr/bin/env bash
# The Windows build, tested under Wine: builds the zip (scripts/dist-windows.sh),
# unpacks it into a folder with Vietnamese letters and spaces, and runs what a
# clerk does — check a good file, a bad file, files under Vietnamese names; compile
# the samples (the report's bytes equal the Linux build's); the offline page; the
# web server (`baocao serve`, reached over HTTP from Linux); every .bat file, in the
# order of the guide (HUONG-DAN.txt). Installs what it needs (rustup target, mingw,
# wine).
#
# Wine 8 lacks bcryptprimitives.dll (ProcessPrng, imported by Rust's std since
# 1.78): a shim built from ../shared/tools/win/ goes beside the .exe here, under
# test only — never in the zip.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=${SHARED_DIR:-../shared}
t0=$(date +%s)

passed=0
failed=0
ok() { passed=$((passed + 1)); printf '  ok   %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf '  FAIL %s\n' "$*"; }
expect() { # expect DESCRIPTION COMMAND...: the command succeeds
  local what=$1
  shift
  if "$@"; then ok "$what"; else fail "$what"; fi
}

# --- tools and builds ----------------------------------------------------------
zip=$(bash scripts/dist-windows.sh)
if ! [ -x /usr/lib/wine/wine64 ] && ! command -v wine64 >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wine64 >/dev/null
fi
wine=/usr/lib/wine/wine64
[ -x "$wine" ] || wine=$(command -v wine64)
wineserver=$(command -v wineserver || echo /usr/lib/wine/wineserver64)
# The reference: the Linux debug build (same outputs as release; CI has it built).
cargo build --locked -q
linux_bin=$root/target/debug/baocao

export WINEDEBUG=-all
# No Mono or Gecko install dialogs when the prefix is made.
# No Mono or Gecko install dialogs when the prefix is made; no Linux browser started
# by the .bat files' `start http://...` (winebrowser).
export WINEDLLOVERRIDES="mscoree=;mshtml=;winebrowser.exe=d"
export WINEPREFIX=${WINEPREFIX:-$HOME/.wine-baocao}
export NO_COLOR=1
work=$(mktemp -d)
cleanup() {
  "$wineserver" -k >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Wine sees the Linux root as drive Z:.
winpath() { printf 'Z:%s' "${1//\//\\}"; }

# The zip as a clerk unpacks it, into a folder named the Vietnamese way.
app="$work/Báo cáo CCHC/baocao"
mkdir -p "$app"
python3 -m zipfile -e "$zip" "$app"
x86_64-w64-mingw32-gcc -shared -O2 -o "$app/bcryptprimitives.dll" \
  "$shared/tools/win/bcryptprimitives-shim.c"
exe=$(winpath "$app/baocao.exe")

echo "- Wine prefix"
start=$(date +%s)
"$wine" wineboot --init </dev/null >/dev/null 2>&1 || true
echo "  ready in $(($(date +%s) - start)) s"

echo "- the zip"
listing=$(python3 -m zipfile -l "$zip")
expect "holds baocao.exe, templates/, input/, the guide, the page and five .bat files" \
  python3 - "$zip" <<'PY'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = {"baocao.exe", "templates/plan.json", "templates/texts.json", "HUONG-DAN.txt",
        "Kiem tra bieu.bat", "Tong hop bao cao.bat", "Mo trang web.bat", "Dat mat khau.bat",
        "Tao trang kiem tra.bat", "Trang kiem tra bieu.html", "input/TTUD.xlsx"}
sys.exit(f"missing {need - names}" if need - names else 0)
PY
expect "never holds the test-only shim DLL" \
  bash -c '! grep -qi bcryptprimitives <<<"$1"' _ "$listing"
expect "text files are CRLF, UTF-8, NFC; .bat files start with cd /d and chcp 65001" \
  python3 - "$zip" <<'PY'
import sys, unicodedata, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if not n.endswith((".bat", ".txt")):
        continue
    b = z.read(n)
    t = b.decode("utf-8")
    assert b.count(b"\n") == b.count(b"\r\n"), f"{n}: not CRLF"
    assert unicodedata.normalize("NFC", t) == t, f"{n}: not NFC"
    if n.endswith(".bat"):
        lines = [l for l in t.split("\r\n") if l and not l.lower().startswith(("@echo", "rem"))]
        assert lines[0] == 'cd /d "%~dp0"' and lines[1] == "chcp 65001 >nul", f"{n}: {lines[:2]}"
PY

# Runs the .exe under Wine from $2 (a Linux folder); stdout+stderr in $out, exit
# code in $rc.
run_exe() {
  local dir=$1
  shift
  rc=0
  out=$(cd "$dir" && "$wine" "$exe" "$@" </dev/null 2>&1) || rc=$?
}

echo "- check a good file (from another folder: templates found beside the .exe)"
run_exe "$work" check "$(winpath "$app/input/TTUD.xlsx")"
expect "exit 0" test "$rc" = 0
expect "says 'không có lỗi' in UTF-8" grep -q "không có lỗi" <<<"$out"
printf '%s\n' "$out" | sed 's/^/    | /'

echo "- check a bad file under a Vietnamese name with spaces"
bad="$work/Đơn vị gửi/Biểu kết quả TTUD tháng 11.xlsx"
mkdir -p "$(dirname "$bad")"
cp tests/fixtures/check/e201.xlsx "$bad"
run_exe "$work" check "$(winpath "$bad")"
expect "exit 1" test "$rc" = 1
expect "names the file with its Vietnamese letters" grep -q "Biểu kết quả TTUD tháng 11.xlsx" <<<"$out"
expect "reports E201 in Vietnamese" grep -q "E201  Đơn vị chủ trì nhiệm vụ 4" <<<"$out"
printf '%s\n' "$out" | sed 's/^/    | /'

echo "- the same findings as the Linux build, word for word"
mapfile -t samples < <(ls "$app/input")
win_args=()
lin_args=()
for s in "${samples[@]}"; do
  win_args+=("input\\$s")
  lin_args+=("input/$s")
done
run_exe "$app" check "$(winpath "$bad")" "${win_args[@]}"
win_out=$out
lin_out=$(cd "$app" && "$linux_bin" check "$bad" "${lin_args[@]}" 2>&1 || true)
norm() { tr -d '\r' | sed -e 's#\\#/#g' -e 's#^Z:##'; }
expect "check output equal (paths aside)" \
  diff <(norm <<<"$win_out") <(norm <<<"$lin_out")

echo "- compile the samples: the report's bytes equal the Linux build's"
run_exe "$work" compile --input "$(winpath "$app/input")" \
  --output "$(winpath "$work/Kết quả/báo cáo.docx")" --date 2024-11-28
expect "exit 0" test "$rc" = 0
expect "writes the report under a Vietnamese path" test -s "$work/Kết quả/báo cáo.docx"
(cd "$app" && "$linux_bin" compile --output "$work/linux.docx" --date 2024-11-28 >/dev/null)
expect "byte for byte equal to the Linux report" cmp "$work/Kết quả/báo cáo.docx" "$work/linux.docx"
printf '%s\n' "$out" | tail -n 3 | sed 's/^/    | /'

echo "- Kiem tra bieu.bat FILE (a file dropped on it)"
bat() { # bat ARGS...: cmd /c ARGS in the unpacked folder, as Explorer starts a .bat
  rc=0
  # Into a file, not a pipe: the Explorer window that `start` opens (never shown
  # here) would hold a pipe open; `wineserver -k` ends it at exit.
  (cd "$app" && "$wine" cmd /c "$@" </dev/null >"$work/bat.out" 2>&1) || rc=$?
  out=$(cat "$work/bat.out")
}
# Explorer runs cmd /c ""X.bat" "FILE"", which Wine's argument quoting cannot
# spell; a FILE without spaces gives cmd the same line.
plain="$work/Đơn_vị/Biểu_lỗi.xlsx"
mkdir -p "$(dirname "$plain")"
cp tests/fixtures/check/e201.xlsx "$plain"
bat "Kiem tra bieu.bat" "$(winpath "$plain")"
expect "exit 1 for the bad file" test "$rc" = 1
expect "shows the finding and the file's Vietnamese name" \
  grep -q "Biểu_lỗi.xlsx (đơn vị TTUD" <<<"$out"
expect "keeps the window open (pause)" grep -qi "press any key" <<<"$out"
printf '%s\n' "$out" | sed 's/^/    | /'
bat "Kiem tra bieu.bat" "$(winpath "$work/Đơn_vị")"
expect "a folder dropped: its spreadsheet checked, exit 1" test "$rc" = 1
# A name with spaces: through `call`, which takes the quotes as they are (Wine's
# `call` loses the exit code, so the output tells).
bat call "Kiem tra bieu.bat" "$(winpath "$bad")" "$(winpath "$app/input/TTUD.xlsx")"
expect "Vietnamese name with spaces: both files checked, the bad one named intact" \
  grep -q "Biểu kết quả TTUD tháng 11.xlsx (đơn vị TTUD" <<<"$out"
expect "... and the summary counts both" grep -q "^2 tệp, 18 dòng dữ liệu: 1 lỗi" <<<"$out"
mkdir -p "$work/Đơn_vị_khác"
cp "$app/input/TTUD.xlsx" "$work/Đơn_vị_khác/"
bat "Kiem tra bieu.bat" "$(winpath "$work/Đơn_vị_khác/TTUD.xlsx")"
expect "a good file dropped: exit 0" test "$rc" = 0
bat "Kiem tra bieu.bat"
expect "double-clicked with no file: usage, exit 2" test "$rc" = 2

echo "- Tong hop bao cao.bat"
rm -rf "$app/output"
bat "Tong hop bao cao.bat"
expect "exit 0 on the samples" test "$rc" = 0
report=$(ls "$app"/output/*.docx 2>/dev/null | head -n1 || true)
expect "report written into output\\ beside the .exe" test -n "$report"
(cd "$app" && "$linux_bin" compile --output "$work/linux-nodate.docx" >/dev/null)
expect "byte for byte equal to the Linux report (no --date)" cmp "$report" "$work/linux-nodate.docx"
printf '%s\n' "$out" | tail -n 4 | sed 's/^/    | /'
expect "the workbook beside it (bao-cao-cchc-<year>.xlsx)" test -s "${report%.docx}.xlsx"
# The guide, part 5: samples out, the units' files in; one has errors, some units
# sent nothing.
mkdir "$work/samples"
mv "$app"/input/* "$work/samples/"
cp "$work/samples/TTUD.xlsx" "$work/samples/HCTH.xls" "$app/input/"
cp "$bad" "$app/input/"
rm -rf "$app/output"
bat "Tong hop bao cao.bat"
expect "exit 1 when a file has errors (no --partial)" test "$rc" = 1
expect "no report written then" test ! -e "$app/output"
expect "lists 'Theo đơn vị' with the units not heard from ('CHƯA GỬI')" \
  grep -q "QLKH  Phòng Quản lý Khoa học: CHƯA GỬI" <<<"$out"
expect "keeps the window open on errors (pause)" grep -qi "press any key" <<<"$out"
printf '%s\n' "$out" | tail -n 5 | sed 's/^/    | /'
# ... the units send their files, corrected: double-click again.
rm "$app/input"/*
mv "$work/samples"/* "$app/input/"
bat "Tong hop bao cao.bat"
expect "corrected files copied in, double-clicked again: exit 0, the same report" \
  cmp "$report" "$work/linux-nodate.docx"

echo "- the guide's example error line (HUONG-DAN.txt, part 4) is the program's"
mkdir -p "$work/bieu"
cp tests/fixtures/check/rows.xlsx "$work/bieu/TTUD.xlsx"
run_exe "$work" check "$(winpath "$work/bieu/TTUD.xlsx")"
expect "the example's three lines appear as printed, the path aside" \
  python3 - "$app/HUONG-DAN.txt" "$(winpath "$work/bieu/TTUD.xlsx")" "$out" <<'PY'
import sys
guide = open(sys.argv[1], encoding="utf-8", newline="").read()
path, out = sys.argv[2], sys.argv[3]
lines = guide.split("\r\n")
i = lines.index("   Ví dụ:")
example = [l[5:].replace("D:\\bieu\\TTUD.xlsx", path) for l in lines[i + 1 : i + 4]]
got = out.replace("\r", "").split("\n")
assert got[0] == example[0], (got[0], example[0])
j = got.index(example[1])
assert got[j + 1] == example[2], (got[j + 1], example[2])
PY

echo "- Trang kiem tra bieu.html (the guide, parts 3 and 7)"
(cd "$app" && "$linux_bin" page --output "$work/linux-page.html" >/dev/null)
expect "the zip's page equals what the Linux build's 'baocao page' writes" \
  cmp "$app/Trang kiem tra bieu.html" "$work/linux-page.html"
expect "the button and the verdict the guide (part 3) quotes are on it" \
  bash -c 'for w in "Chọn tệp biểu kết quả" "Biểu hợp lệ, có thể gửi"; do
    grep -q "\"$w" "$1/HUONG-DAN.txt" && grep -q "$w" "$1/Trang kiem tra bieu.html" || exit 1
  done' _ "$app"
rm "$app/Trang kiem tra bieu.html"
bat "Tao trang kiem tra.bat"
expect "Tao trang kiem tra.bat: exit 0, every line understood by cmd" \
  bash -c '[ "$1" = 0 ] && ! grep -q "Can.t recognize" <<<"$2"' _ "$rc" "$out"
expect "... writes it again beside the .exe, the same bytes (baocao.exe page)" \
  cmp "$app/Trang kiem tra bieu.html" "$work/linux-page.html"
size=$(stat -c %s "$app/Trang kiem tra bieu.html")
echo "    | $((size / 1024)) KiB"

# Waits up to 120 s for a server's address line in FILE; the base URL in $url.
wait_url() {
  local file=$1 pattern=$2
  url=
  for _ in $(seq 1 120); do
    url=$(grep -o "$pattern" "$file" | head -n1 || true)
    [ -n "$url" ] && return 0
    sleep 1
  done
  return 1
}
# Runs the web walk (scripts/test-windows-web.py); one ok/FAIL per step.
web_walk() {
  local line
  while IFS= read -r line; do
    case $line in
    "ok   "*) ok "${line#ok   }" ;;
    *) fail "${line#FAIL }" ;;
    esac
  done < <(python3 scripts/test-windows-web.py "$@" 2>&1 || true)
}

echo "- baocao.exe serve --bind 127.0.0.1:0, data under a Vietnamese name, no password"
(cd "$work" && exec "$wine" "$exe" serve --bind 127.0.0.1:0 \
  --data "$(winpath "$work/Dữ liệu web")" </dev/null >"$work/serve.out" 2>&1) &
srv=$!
expect "prints the address it listens on" wait_url "$work/serve.out" 'http://127\.0\.0\.1:[0-9]*'
sed 's/^/    | /' "$work/serve.out"
if [ -n "$url" ]; then
  web_walk "$url" --bad "$bad"
fi
expect "the data folder is made under its Vietnamese name" test -s "$work/Dữ liệu web/ledger.sqlite3"
kill "$srv" 2>/dev/null || true
wait "$srv" 2>/dev/null || true

echo "- Dat mat khau.bat (the guide, part 6)"
pw="mật khẩu văn phòng 2024"
rm -rf "$app/data"
rc=0
(cd "$app" && printf '%s\r\n%s\r\n' "$pw" "$pw" |
  "$wine" cmd /c "Dat mat khau.bat" >"$work/bat.out" 2>&1) || rc=$?
out=$(cat "$work/bat.out")
expect "exit 0, every line understood by cmd" \
  bash -c '[ "$1" = 0 ] && ! grep -q "Can.t recognize" <<<"$2"' _ "$rc" "$out"
expect "says 'Đã đặt mật khẩu văn phòng'" grep -q "Đã đặt mật khẩu văn phòng" <<<"$out"
expect "the password is kept in data\\ beside the .exe" test -s "$app/data/ledger.sqlite3"
printf '%s\n' "$out" | grep -av '^$' | sed 's/^/    | /'

echo "- Mo trang web.bat: the units check and send, the office compiles (over HTTP)"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$app" && BAOCAO_CONG=$port exec "$wine" cmd /c "Mo trang web.bat" \
  </dev/null >"$work/web.out" 2>&1) &
web=$!
expect "serves on 0.0.0.0, prints this PC's address" wait_url "$work/web.out" "http://127\.0\.0\.1:$port"
expect "... and the office's page, in Vietnamese" grep -q "Trang của văn phòng: http://.*:$port/office" "$work/web.out"
# Wine has no timeout.exe (the browser's delay); Windows 10 has.
expect "... every other line of the .bat understood by cmd" \
  bash -c '! grep "Can.t recognize" "$1" | grep -vq "timeout /t"' _ "$work/web.out"
sed 's/^/    | /' "$work/web.out"
if [ -n "$url" ]; then
  web_walk "$url" --password "$pw" --input "$app/input" --bad "$bad" --docx "$work/web.docx" \
    --guide "$app/HUONG-DAN.txt"
  expect "the report compiled by the server equals the Linux CLI's (same files, --date)" \
    cmp "$work/web.docx" "$work/linux.docx"
fi
# Closing the window: the server process ends (found by its unique port).
for pid in $(pgrep -f -- "serve --bind 0.0.0.0:$port" || true); do kill "$pid"; done
for _ in $(seq 1 30); do kill -0 "$web" 2>/dev/null || break; sleep 1; done
expect "the server stopped, the .bat ends" bash -c '! kill -0 "$1" 2>/dev/null' _ "$web"
kill "$web" 2>/dev/null || true

echo "windows: $(($(date +%s) - t0)) s in all"
echo "windows: $passed passed, $failed failed"
[ "$failed" = 0 ]
