#!/usr/bin/env python3
"""A short load test of `baocao serve` on loopback: 50 concurrent checks, then 7
concurrent submissions of one unit. Every request must be answered, and the ledger
must hold exactly what was asked (checks and submissions counted in the database).
Prints p50/p95 latency and the server's peak memory (VmHWM).

Usage: serve-load.py BAOCAO_BINARY   (standard library only; Linux for VmHWM)
"""
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLAN = os.path.join(ROOT, "tests/fixtures/plan-2024.json")
FIX = os.path.join(ROOT, "tests/fixtures/check")
PASSWORD = "mật khẩu tải thử"
CHECKS, SUBMISSIONS = 50, 7


def request(url, data=None, headers=None):
    h = {"X-Baocao": "1"}
    h.update(headers or {})
    req = urllib.request.Request(url, data=data, headers=h, method="POST" if data is not None else "GET")
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            body, status, hdrs = r.read(), r.status, r.headers
    except urllib.error.HTTPError as e:
        body, status, hdrs = e.read(), e.code, e.headers
    return status, body, hdrs, time.perf_counter() - t


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1))


def main():
    binary = sys.argv[1]
    data = tempfile.mkdtemp(prefix="baocao-load-")
    subprocess.run([binary, "serve", "--set-password", "--data", data],
                   input=f"{PASSWORD}\n{PASSWORD}\n", text=True, check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([binary, "--plan", PLAN, "serve", "--bind", "127.0.0.1:0", "--data", data],
                              stdout=subprocess.PIPE, text=True)
    try:
        base = None
        for line in server.stdout:
            m = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
            if m:
                base = m.group(1)
                break
        files = ["rows.xlsx", "rows.ods", "rows.xls", "w203.xlsx", "ket-qua.xlsx"]
        blobs = {n: open(os.path.join(FIX, n), "rb").read() for n in files}

        t0 = time.perf_counter()
        with ThreadPoolExecutor(CHECKS) as pool:
            results = list(pool.map(
                lambda i: request(f"{base}/api/check?name={files[i % len(files)]}", blobs[files[i % len(files)]]),
                range(CHECKS)))
        checks_wall = time.perf_counter() - t0
        assert all(s == 200 for s, *_ in results), [s for s, *_ in results]
        check_lat = [r[3] for r in results]

        status, _, hdrs, _ = request(f"{base}/office/login", json.dumps({"password": PASSWORD}).encode(),
                                     {"Content-Type": "application/json"})
        assert status == 200
        cookie = hdrs["Set-Cookie"].split(";")[0]
        status, body, _, _ = request(f"{base}/api/office/code?unit=TTUD", b"", {"Cookie": cookie})
        code = json.loads(body)["code"]

        good = [open(os.path.join(FIX, n), "rb").read() for n in ["w202.xlsx", "w203.xlsx"]]
        t0 = time.perf_counter()
        with ThreadPoolExecutor(SUBMISSIONS) as pool:
            subs = list(pool.map(
                lambda i: request(f"{base}/api/submit?name=tep-{i}.xlsx", good[i % 2], {"X-Access-Code": code}),
                range(SUBMISSIONS)))
        subs_wall = time.perf_counter() - t0
        assert all(s == 200 for s, *_ in subs), [(s, b[:200]) for s, b, *_ in subs]
        ids = sorted(json.loads(b)["id"] for _, b, *_ in subs)
        assert len(set(ids)) == SUBMISSIONS
        sub_lat = [r[3] for r in subs]
        peak = peak_kib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)

    db = sqlite3.connect(os.path.join(data, "ledger.sqlite3"))
    n_checks = db.execute("SELECT COUNT(*) FROM checks").fetchone()[0]
    n_subs = db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
    stored = len(os.listdir(os.path.join(data, "files", "TTUD")))
    assert n_checks == CHECKS, n_checks
    assert n_subs == SUBMISSIONS and stored == SUBMISSIONS, (n_subs, stored)
    print(f"{CHECKS} concurrent checks: all answered in {checks_wall:.2f} s; "
          f"p50 {pct(check_lat, 50) * 1000:.0f} ms, p95 {pct(check_lat, 95) * 1000:.0f} ms; ledger checks = {n_checks}")
    print(f"{SUBMISSIONS} concurrent submissions: all answered in {subs_wall:.2f} s; "
          f"p50 {pct(sub_lat, 50) * 1000:.0f} ms, p95 {pct(sub_lat, 95) * 1000:.0f} ms; "
          f"ledger submissions = {n_subs}, files stored = {stored}")
    print(f"server peak memory (VmHWM): {peak / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
