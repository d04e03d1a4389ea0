#!/usr/bin/env bash
# End to end on the shipped samples, as the office would run it: every sample checks
# clean, the report compiles, passes the OOXML schema check, and opens in a real
# office suite (LibreOffice → PDF) with its header, title and signature intact.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED_DIR:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release -q
bin=target/release/baocao

# LibreOffice with its own profile in the work folder (a clean CI machine may have
# no writable home), retried once: the first start after installing sometimes
# exits while it builds its profile, without converting. On failure, say why.
to_pdf() {
  local src=$1
  for attempt in 1 2; do
    if soffice -env:UserInstallation="file://$work/lo-profile" --headless \
      --convert-to pdf --outdir "$work" "$src" >"$work/soffice.log" 2>&1 &&
      [ -s "$work/$(basename "${src%.*}").pdf" ]; then
      return 0
    fi
    echo "  soffice attempt $attempt failed:" >&2
    sed 's/^/    /' "$work/soffice.log" >&2
  done
  return 1
}

echo "- check input/*"
"$bin" check input/*

echo "- compile"
"$bin" compile --date 2024-11-28 --output "$work/bao-cao.docx"
"$bin" compile --date 2024-11-28 --output "$work/bao-cao-2.docx" >/dev/null
cmp "$work/bao-cao.docx" "$work/bao-cao-2.docx"

echo "- OOXML schema check"
python3 "$shared/tools/ooxml_validate.py" "$work/bao-cao.docx"

echo "- LibreOffice → PDF"
to_pdf "$work/bao-cao.docx"
pdftotext -layout "$work/bao-cao.pdf" "$work/bao-cao.txt"
pages=$(pdfinfo "$work/bao-cao.pdf" | awk '/^Pages:/ {print $2}')
python3 - "$work/bao-cao.txt" "$pages" <<'PY'
import re, sys, unicodedata
text = unicodedata.normalize("NFC", open(sys.argv[1], encoding="utf-8").read())
flat = re.sub(r"\s+", " ", text)
pages = int(sys.argv[2])
expected = [
    "UBND TỈNH QUẢNG NGÃI",
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "/BC-SKHCN",
    "Quảng Ngãi, ngày 28 tháng 11 năm 2024",
    "BÁO CÁO",
    "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính năm 2024",
    "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
    "II. KẾT QUẢ THỰC HIỆN",
    "1. Kết quả thực hiện các nhiệm vụ của Kế hoạch",
    "a) Duy trì mục tuyên truyền CCHC",
    "2. Kết quả theo nội dung tuyên truyền",
    "III. ĐÁNH GIÁ CHUNG",
    "2. Tồn tại, hạn chế và nguyên nhân",
    "Số liệu trong báo cáo được tổng hợp đến ngày 15/11/2024",
    "IV. PHƯƠNG HƯỚNG",
    "V. ĐỀ XUẤT, KIẾN NGHỊ",
    "kính báo cáo UBND tỉnh (qua Sở Thông tin và Truyền thông) tổng hợp./.",
    "Nơi nhận:",
    "- UBND tỉnh (b/cáo);",
    "- Lưu: VT, HCTH.",
    "GIÁM ĐỐC",
    "Nguyễn Văn Thành",
    "Phụ lục",
    "KẾT QUẢ THỰC HIỆN CHI TIẾT CỦA CÁC ĐƠN VỊ",
    "Nhiệm vụ 1: Duy trì mục tuyên truyền CCHC trên Trang TTĐT",
]
missing = [s for s in expected if s not in flat]
# Never a figure counted twice (the Department has 53 procedures, not 99).
if "99 thủ tục" in flat:
    sys.exit("task 2's procedures are counted twice")
if missing:
    sys.exit(f"missing from the PDF text: {missing}")
# The samples give 17 pages with Liberation Serif (Times New Roman's metrics): 9
# portrait pages (body to signature), 8 landscape pages of appendix.
if not 14 <= pages <= 18:
    sys.exit(f"unexpected page count: {pages}")
print(f"  PDF: {pages} pages, {len(expected)} expected lines found")
PY
echo "- a unit's template opens in LibreOffice Calc"
"$bin" template --unit TTUD --output "$work/bieu-TTUD.xlsx" >/dev/null
to_pdf "$work/bieu-TTUD.xlsx"
pdftotext "$work/bieu-TTUD.pdf" - | python3 -c '
import re, sys, unicodedata
flat = re.sub(r"\s+", " ", unicodedata.normalize("NFC", sys.stdin.read()))
for s in ["BIỂU TỔNG HỢP KẾT QUẢ", "Trung tâm Ứng dụng và Dịch vụ khoa học và Công nghệ", "Nội dung thực hiện", "Tình trạng"]:
    if s not in flat:
        sys.exit(f"template PDF lacks {s!r}")
print("  template PDF: title, unit and header found")
'

echo "e2e: 2 passed, 0 failed"
