#!/usr/bin/env python3
"""End-to-end test of the offline page in Debian's Chromium (Playwright).

Opens the page written by `baocao page` from a file:// URL with every network
request blocked and recorded (any request fails the test), then:
  - a file with planted errors (tests/fixtures/check/rows.xlsx) shows them, at
    their cells in the sheet view, the same codes and cells as `baocao check`;
  - a clean file (input/TTUD.xlsx) shows the green "Biểu hợp lệ, có thể gửi";
  - a Word document renamed .xlsx shows E001, and the page stays usable;
  - every sample of input/ is checked, and the time each took is printed.
Screenshots go to the folder given by --shots (default output/page-shots).

Usage: tests/page/browser.py [--baocao PATH] [--shots DIR]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "tests/fixtures/plan-2024.json"
PLANTED = ROOT / "tests/fixtures/check/rows.xlsx"
CLEAN = ROOT / "input/TTUD.xlsx"


def run(baocao, *args):
    return subprocess.run([baocao, *args, "--plan", str(PLAN)], cwd=ROOT,
                          capture_output=True, text=True)


def cli_findings(baocao, path):
    out = run(baocao, "check", "--format", "json", str(path)).stdout
    return json.loads(out)["files"][0]["findings"]


def renamed_docx(folder):
    """A minimal Word document under a spreadsheet's name."""
    path = Path(folder) / "TTUD.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml",
                   '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                   'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p>'
                   '</w:body></w:document>')
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--baocao", default=str(ROOT / "target/debug/baocao"))
    ap.add_argument("--shots", default=str(ROOT / "output/page-shots"))
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--page", help="a page already written (default: write one with --baocao)")
    a = ap.parse_args()
    shots = Path(a.shots)
    shots.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="baocao-page-")
    page_file = Path(tmp) / "kiem-tra-bieu-2024.html"
    if a.page:
        page_file = Path(a.page).resolve()
    else:
        r = run(a.baocao, "page", "--output", str(page_file))
        assert r.returncode == 0, r.stderr
    size = page_file.stat().st_size
    url = page_file.as_uri()
    failures = []
    requests = []

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=a.chromium, headless=True,
                                    args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_offline(True)

        def block(route):
            if route.request.url == url:  # the page itself, from the disk
                route.continue_()
                return
            requests.append(route.request.url)
            route.abort()
        context.route("**/*", block)
        page = context.new_page()
        page.on("request", lambda req: req.url != url and requests.append(req.url))
        page.on("pageerror", lambda e: failures.append(f"page error: {e}"))
        t0 = time.monotonic()
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        load_ms = (time.monotonic() - t0) * 1000

        def check(path, shot):
            page.set_input_files("#file", str(path))
            page.wait_for_function(
                "n => { const h = document.querySelector('#summary h2');"
                " return h && h.textContent === n; }", arg=path.name, timeout=120_000)
            page.screenshot(path=str(shots / shot), full_page=True)
            return {
                "ms": int(page.get_attribute("#summary", "data-ms")),
                "ok": page.locator("#summary .ok").all_inner_texts(),
                "error": page.locator("#summary .error").all_inner_texts(),
                "codes": page.locator("#findings td.code").all_inner_texts(),
                "cells": page.locator("#findings td.cell").all_inner_texts(),
                "marked": page.eval_on_selector_all(
                    "#sheet .sv-mark.sv-error", "els => els.map(e => e.dataset.cell)"),
            }

        # 1. planted errors: the CLI's codes and cells, the error cells marked.
        want = cli_findings(a.baocao, PLANTED)
        got = check(PLANTED, "1-planted-errors.png")
        if got["codes"] != [f["code"] for f in want]:
            failures.append(f"planted: codes {got['codes']} != CLI {[f['code'] for f in want]}")
        if got["cells"] != [f["cell"] or "" for f in want]:
            failures.append(f"planted: cells {got['cells']} != CLI")
        error_cells = {f["cell"] for f in want if f["severity"] == "error" and f["cell"]}
        if not error_cells or not error_cells <= set(got["marked"]):
            failures.append(f"planted: error cells {sorted(error_cells)} not all marked: {got['marked']}")
        if not got["error"] or got["ok"]:
            failures.append(f"planted: summary {got}")

        # 2. a clean file: the green line.
        got = check(CLEAN, "2-clean.png")
        if got["ok"] != ["Biểu hợp lệ, có thể gửi"] or got["error"]:
            failures.append(f"clean: summary {got}")
        color = page.eval_on_selector("#summary .ok", "e => getComputedStyle(e).color")
        if color != "rgb(27, 110, 32)":
            failures.append(f"clean: the line is {color}, not green")

        # 3. a renamed Word document: E001, and the page still checks the next file.
        got = check(renamed_docx(tmp), "3-renamed-docx.png")
        if got["codes"] != ["E001"]:
            failures.append(f"renamed docx: codes {got['codes']}")
        text = page.inner_text("#findings")
        if "Word" not in text:
            failures.append(f"renamed docx: the message does not say Word: {text}")

        # 4. every sample, timed.
        times = []
        for sample in sorted((ROOT / "input").iterdir()):
            want = cli_findings(a.baocao, sample)
            got = check(sample, "4-sample-" + sample.stem.replace(" ", "_") + ".png")
            if got["codes"] != [f["code"] for f in want]:
                failures.append(f"{sample.name}: codes {got['codes']} != CLI")
            times.append((sample.name, got["ms"]))
        browser.close()

    print(f"page: {size} bytes ({size / 1e6:.2f} MB); module loaded in {load_ms:.0f} ms")
    for name, ms in times:
        print(f"  checked {name} in {ms} ms")
    if requests:
        failures.append(f"network requests: {requests}")
    print(f"screenshots: {shots}")
    for f in failures:
        print("FAIL:", f)
    passed = 4 - len({f.split(':')[0] for f in failures})
    print(f"{max(passed, 0)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
