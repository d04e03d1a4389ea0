#!/usr/bin/env bash
# Proves a speed-up changed no output: runs two builds on the same inputs and
# compares their bytes.
#
#   scripts/same-output.sh OLD_BAOCAO NEW_BAOCAO [DIR…]
#
# Compared, file by file: `check --format json` and the text output for every
# spreadsheet under tests/fixtures, input/ and each DIR (public test suites,
# the benchmark's files kept with `bench_batch --keep`); then the report and
# workbook of `compile` on the shipped sample data. Exit 1 on any difference.
set -uo pipefail
old=$(realpath "$1")
new=$(realpath "$2")
shift 2
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

files=$(find tests/fixtures input "$@" -type f \( -iname '*.xls' -o -iname '*.xlsx' \
  -o -iname '*.xlsm' -o -iname '*.xlsb' -o -iname '*.ods' \) | sort)
n=0
diffs=0
while IFS= read -r f; do
  [ -n "$f" ] || continue
  n=$((n + 1))
  for fmt in json text; do
    a=$(timeout 60 "$old" check --format "$fmt" "$f" 2>&1; echo "exit $?")
    b=$(timeout 60 "$new" check --format "$fmt" "$f" 2>&1; echo "exit $?")
    if [ "$a" != "$b" ]; then
      echo "DIFFERENT ($fmt): $f"
      diffs=$((diffs + 1))
    fi
  done
done <<< "$files"

for bin in old new; do
  exe=${!bin}
  "$exe" compile --input input --output "$work/$bin.docx" --date 2024-11-28 \
    > "$work/$bin.out" 2>&1
done
for ext in docx xlsx; do
  if ! cmp -s "$work/old.$ext" "$work/new.$ext"; then
    echo "DIFFERENT: compile's .$ext on the sample data"
    diffs=$((diffs + 1))
  fi
done
echo "$n files checked in two formats, sample compiled: $diffs differences"
[ "$diffs" -eq 0 ]
