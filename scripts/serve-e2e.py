#!/usr/bin/env python3
"""End-to-end test of `baocao serve` in a real browser (Debian's chromium driven by
Playwright, headless). A unit uploads a bad file and sees the cell marked; the office
logs in and makes the unit's access code; the unit uploads the fixed file and submits
it; the office sees the unit as submitted, compiles (blocked: other units missing),
takes the partial report, and the report holds the unit's rows.

Usage: serve-e2e.py BAOCAO_BINARY SCREENSHOT_DIR
"""
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile

from playwright.sync_api import sync_playwright, expect

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLAN = os.path.join(ROOT, "tests/fixtures/plan-2024.json")
BAD = os.path.join(ROOT, "tests/fixtures/check/rows.xlsx")
GOOD = os.path.join(ROOT, "tests/fixtures/check/w203.xlsx")
PASSWORD = "mật khẩu e2e"


def main():
    binary, shots = sys.argv[1], sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    data = tempfile.mkdtemp(prefix="baocao-e2e-")
    subprocess.run([binary, "serve", "--set-password", "--data", data],
                   input=f"{PASSWORD}\n{PASSWORD}\n", text=True, check=True,
                   stdout=subprocess.DEVNULL)
    server = subprocess.Popen([binary, "--plan", PLAN, "serve", "--bind", "127.0.0.1:0",
                               "--data", data], stdout=subprocess.PIPE, text=True)
    try:
        base = None
        for line in server.stdout:
            m = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
            if m:
                base = m.group(1)
                break
        assert base, "the server printed no address"
        run(base, shots)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print("serve e2e: ok; screenshots in", shots)


def shot(page, shots, name):
    page.screenshot(path=os.path.join(shots, name), full_page=True)


def run(base, shots):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--no-sandbox"])
        unit = browser.new_page(viewport={"width": 1200, "height": 900})

        # 1. A bad file: the findings and the sheet with B11 marked.
        unit.goto(base + "/")
        expect(unit.locator("h1")).to_have_text("Kiểm tra và nộp biểu kết quả")
        unit.set_input_files("#file", BAD)
        mark = unit.locator('.sv-mark.sv-error[data-cell="B11"]')
        expect(mark).to_be_visible(timeout=20000)
        mark.hover()
        expect(unit.locator(".sv-panel")).to_contain_text("E101")
        expect(unit.locator(".summary")).to_contain_text("13 lỗi")
        assert unit.locator("#submit").count() == 0, "a file with errors offers no submit"
        shot(unit, shots, "1-unit-errors.png")

        # The same on a phone.
        phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
        phone.goto(base + "/")
        phone.set_input_files("#file", BAD)
        expect(phone.locator(".sv-mark.sv-error").first).to_be_visible(timeout=20000)
        phone.locator('.sv-mark.sv-error[data-cell="D14"]').click()
        expect(phone.locator(".sv-panel")).to_contain_text("E104")
        shot(phone, shots, "2-unit-errors-phone.png")
        phone.close()

        # 2. The office logs in (a wrong password first) and makes TTUD's code.
        office = browser.new_page(viewport={"width": 1200, "height": 900})
        office.goto(base + "/office")
        office.fill("#password", "sai")
        office.click("#login button")
        expect(office.locator("#login-error")).to_have_text("Mật khẩu không đúng.")
        office.fill("#password", PASSWORD)
        office.click("#login button")
        row = office.locator('tr[data-unit="TTUD"]')
        expect(row).to_contain_text("đang sửa lỗi", timeout=10000)
        row.locator("button").click()
        notice = office.locator("#code-shown")
        expect(notice).to_be_visible()
        code = re.search(r"[2-9A-Z]{5}-[2-9A-Z]{5}", notice.inner_text()).group(0)
        shot(office, shots, "3-office-code.png")

        # 3. The unit checks the fixed file and submits it with a wrong code, then the right one.
        unit.set_input_files("#file", GOOD)
        expect(unit.locator("#submit")).to_be_visible(timeout=20000)
        unit.fill("#code", "AAAAA-BBBBB")
        unit.click("#submit button")
        expect(unit.locator("#submit .error")).to_contain_text("Mã nộp bài không đúng")
        unit.fill("#code", code.lower())
        unit.click("#submit button")
        receipt = unit.locator("#receipt")
        expect(receipt).to_be_visible(timeout=20000)
        expect(receipt).to_contain_text("TTUD")
        expect(receipt.locator(".hash")).to_have_text(re.compile(r"^[0-9a-f]{64}$"))
        shot(unit, shots, "4-unit-receipt.png")

        # 4. The office sees it, compiles: blocked (other units), then the partial report.
        office.reload()
        row = office.locator('tr[data-unit="TTUD"]')
        expect(row.locator(".status")).to_have_text(re.compile("đã nộp|nộp muộn"), timeout=10000)
        row.locator("details summary").click()
        shot(office, shots, "5-office-roster.png")
        office.fill("#date", "2024-11-20")
        office.click("#compile button")
        expect(office.locator("#compile-result")).to_contain_text("Chưa thể tổng hợp", timeout=30000)
        shot(office, shots, "6-office-blocked.png")
        with office.expect_download(timeout=60000) as dl:
            office.click("#partial")
        path = dl.value.path()
        with open(path, "rb") as f:
            docx = f.read()
        xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")
        text = re.sub(r"<[^>]+>", "", xml)
        assert "Xuất bản bản tin" in text or "Đăng tải TTHC" in text, "the report holds TTUD's rows"
        expect(office.locator("#compile-result")).to_contain_text("Đã tổng hợp")
        shot(office, shots, "7-office-compiled.png")

        # English on request.
        en = browser.new_page()
        en.goto(base + "/?lang=en")
        expect(en.locator("h1")).to_have_text("Check and send your results spreadsheet")
        browser.close()


if __name__ == "__main__":
    main()
