#!/usr/bin/env python3
"""The web page of `baocao serve` walked as the guide (HUONG-DAN.txt, part 6) says,
from outside the server: a unit's page, the office's page, a check, and — with the
office password — access codes, one submission per sample, the roster, and the
report compiled from the submissions. Used by scripts/test-windows.sh against
baocao.exe under Wine; runs against any build.

Usage: test-windows-web.py BASE_URL [--password P --input DIR --docx OUT] [--bad FILE]
                           [--guide HUONG-DAN.txt]
Prints one line per step, `ok  ...` or `FAIL ...`; exit 1 when a step failed.
"""

import argparse
import http.cookiejar
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("base")
parser.add_argument("--password")
parser.add_argument("--input")
parser.add_argument("--docx")
parser.add_argument("--bad")
parser.add_argument("--date", default="2024-11-28")
parser.add_argument("--guide", help="HUONG-DAN.txt: the buttons it names are on the pages")
args = parser.parse_args()
base = args.base.rstrip("/")

opener = urllib.request.build_opener(
    urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
)
failed = 0


def report(ok, what):
    global failed
    if not ok:
        failed += 1
    print(("ok   " if ok else "FAIL ") + what, flush=True)


def call(method, path, body=None, headers=None):
    """(status, content type, bytes); a POST carries the pages' X-Baocao mark."""
    h = dict(headers or {})
    if method == "POST":
        h["X-Baocao"] = "1"
    req = urllib.request.Request(base + path, data=body, headers=h, method=method)
    try:
        with opener.open(req, timeout=120) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def check(path):
    name = os.path.basename(path)
    with open(path, "rb") as f:
        body = f.read()
    s, _, b = call("POST", "/api/check?name=" + urllib.parse.quote(name), body)
    return s, (json.loads(b) if s == 200 else b.decode("utf-8", "replace"))


s, ct, b = call("GET", "/")
report(
    s == 200 and "text/html" in ct and "Kiểm tra và nộp biểu kết quả" in b.decode(),
    "GET / : the unit page, in Vietnamese",
)
s, _, b = call("GET", "/office")
page = b.decode()
if args.password:
    report(s == 200 and 'id="login"' in page, "GET /office : the login form")
else:
    report(
        s == 200 and "Dat mat khau.bat" in page,
        "GET /office : no password yet, says to double-click Dat mat khau.bat",
    )

if args.bad:
    s, a = check(args.bad)
    codes = [f["code"] for f in a["file"]["findings"]] if s == 200 else []
    report(
        s == 200 and a["errors"] >= 1 and "E201" in codes and not a["can_submit"],
        f"POST /api/check of {os.path.basename(args.bad)!r}: E201, cannot be sent",
    )

if args.input:
    samples = sorted(os.listdir(args.input))
    answers = {n: check(os.path.join(args.input, n)) for n in samples}
    report(
        all(s == 200 and a["errors"] == 0 and a["can_submit"] for s, a in answers.values()),
        f"POST /api/check of the {len(samples)} samples: no errors, each can be sent",
    )

if args.password:
    s, _, _ = call(
        "POST",
        "/office/login",
        json.dumps({"password": args.password}).encode(),
        {"Content-Type": "application/json"},
    )
    report(s == 200, "office login with the password set by Dat mat khau.bat")
    sent = 0
    for name, (_, a) in answers.items():
        unit = a["unit"]
        s, _, b = call("POST", "/api/office/code?unit=" + unit)
        code = json.loads(b)["code"] if s == 200 else ""
        with open(os.path.join(args.input, name), "rb") as f:
            body = f.read()
        s, _, b = call(
            "POST",
            "/api/submit?name=" + urllib.parse.quote(name),
            body,
            {"X-Access-Code": code},
        )
        sent += s == 200
    report(sent == len(answers), f"an access code per unit; {sent} submissions accepted")
    if args.guide:
        # The words the guide (part 6) tells the clerk and the units to click or type.
        guide = open(args.guide, encoding="utf-8").read()
        unit_page = call("GET", "/")[2].decode()
        office_page = call("GET", "/office")[2].decode()
        named = {"Mã nộp bài": unit_page, "Nộp báo cáo": unit_page,
                 "Tạo mã": office_page, "Tổng hợp và tải về": office_page}
        missing = [w for w, page in named.items() if f'"{w}' not in guide or w not in page]
        report(not missing, f"the buttons the guide names are on the pages {missing or ''}")
    s, _, b = call("GET", "/api/office/status")
    units = json.loads(b)["units"] if s == 200 else []
    got = sorted(u["code"] for u in units if u["latest"])
    want = sorted(a["unit"] for _, a in answers.values())
    report(got == want, f"the office's roster shows the {len(got)} units' submissions")
    s, ct, b = call(
        "POST",
        "/api/office/compile",
        json.dumps({"date": args.date, "partial": False}).encode(),
        {"Content-Type": "application/json"},
    )
    ok = s == 200 and "wordprocessingml" in ct and b[:2] == b"PK"
    report(ok, f"compile from the submissions: a .docx of {len(b)} bytes")
    if ok and args.docx:
        with open(args.docx, "wb") as f:
            f.write(b)

sys.exit(1 if failed else 0)
