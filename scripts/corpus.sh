#!/bin/sh
# Runs `baocao check` over every spreadsheet of a folder (recursively), one
# process per file, under a time and a memory limit, and prints counts by
# outcome as Markdown (the tables of docs/reliability.md).
#   scripts/corpus.sh FOLDER [SECONDS] [MEGABYTES]     default 30 s, 1024 MB
# The binary is target/release/baocao (built if missing). Per-file results go
# to corpus-results.tsv in the working folder (file, ext, exit, seconds, peak
# KB, outcome, codes, E001 detail).
set -eu
dir=${1:?usage: scripts/corpus.sh FOLDER [SECONDS] [MEGABYTES]}
secs=${2:-30}
mb=${3:-1024}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/target/release/baocao
[ -x "$bin" ] || (cd "$root" && cargo build --release --bin baocao)
plan=$root/tests/fixtures/plan-2024.json
out=corpus-results.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: > "$out"
find "$dir" -type f \( -iname '*.xlsx' -o -iname '*.xlsm' -o -iname '*.xlsb' \
    -o -iname '*.xls' -o -iname '*.ods' \) | sort | while IFS= read -r f; do
  # One process per file: address-space limit, wall-clock limit, peak RSS.
  set +e
  /usr/bin/time -f '%e %M' -o "$tmp/time" \
    prlimit --as=$((mb * 1024 * 1024)) -- \
    timeout -s KILL "$secs" "$bin" check --plan "$plan" --verbose --format json "$f" \
    > "$tmp/out" 2> "$tmp/err" < /dev/null
  code=$?
  set -e
  python3 - "$f" "$code" "$tmp" >> "$out" <<'PY'
import json, sys
f, code, tmp = sys.argv[1], int(sys.argv[2]), sys.argv[3]
try:
    t = open(tmp + "/time").read().split()
    # /usr/bin/time prints "Command exited with non-zero status" first.
    secs, kb = float(t[-2]), int(t[-1])
except Exception:
    secs, kb = 0.0, 0
err = open(tmp + "/err", errors="replace").read()
ext = f.rsplit(".", 1)[-1].lower()
codes, detail = "", ""
if code in (137, 124):
    outcome = "hang"
elif code not in (0, 1, 2) or "panicked" in err:
    outcome = "crash" if code not in (0, 1, 2) else "panic-text"
else:
    try:
        d = json.load(open(tmp + "/out"))
        fs = d.get("files") or [{}]
        found = fs[0].get("findings", [])
        codes = ",".join(sorted({x["code"] for x in found if x["code"][1] == "0"}))
        outcome = "read" if not any(x["code"] in ("E001", "E002", "E006") for x in found) else codes.split(",")[0]
        for x in found:
            if x["code"] == "E001":
                detail = x["message"][:60]
                break
    except Exception:
        outcome = "bad-json"
print("\t".join([f, ext, str(code), "%.2f" % secs, str(kb), outcome, codes, detail]))
PY
done
python3 - "$out" <<'PY'
import collections, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
by = collections.Counter((r[1], r[5]) for r in rows)
exts = sorted({r[1] for r in rows})
outs = sorted({r[5] for r in rows})
print("| format | files | " + " | ".join(outs) + " |")
print("|---|---|" + "---|" * len(outs))
for e in exts:
    n = sum(v for (x, _), v in by.items() if x == e)
    print(f"| .{e} | {n} | " + " | ".join(str(by.get((e, o), 0)) for o in outs) + " |")
print(f"| all | {len(rows)} | " + " | ".join(str(sum(v for (_, o2), v in by.items() if o2 == o)) for o in outs) + " |")
print()
bad = [r for r in rows if r[5] in ("crash", "hang", "panic-text", "bad-json")]
print(f"crashes {sum(r[5]=='crash' for r in rows)}, hangs {sum(r[5]=='hang' for r in rows)}, "
      f"panic text {sum(r[5]=='panic-text' for r in rows)}, bad JSON {sum(r[5]=='bad-json' for r in rows)}; "
      f"peak memory {max((int(r[4]) for r in rows), default=0) // 1024} MB")
print()
print("E001 wordings:")
for d, n in collections.Counter(r[7] for r in rows if r[7]).most_common():
    print(f"- {n} × {d}")
print()
print("| slowest | seconds | peak MB | outcome |")
print("|---|---|---|---|")
for r in sorted(rows, key=lambda r: -float(r[3]))[:10]:
    print(f"| {r[0]} | {r[3]} | {int(r[4]) // 1024} | {r[5]} |")
for r in bad:
    print("FAILED:", r[0], r[5], file=sys.stderr)
PY
