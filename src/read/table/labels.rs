//! The words the reader recognises and the small matchers over them. Header
//! labels are the vocabulary's (`templates/vocabulary.json`); the title-block,
//! remarks and signature words below are written here already *folded* (see
//! [`crate::text::fold`]): lower case, no diacritics, `đ` → `d`, single spaces.

use super::Column;
use crate::read::CellValue;
use crate::text::fold;
use crate::vocabulary::Vocabulary;

/// The label a message suggests for a column (the vocabulary's first).
pub fn suggested_label(vocabulary: &Vocabulary, column: Column) -> &str {
    labels_of(vocabulary, column)
        .first()
        .map_or("", String::as_str)
}

/// Every accepted label of a column, as written.
pub fn labels_of(vocabulary: &Vocabulary, column: Column) -> &[String] {
    vocabulary.columns().of(column)
}

/// A set of folded labels for [`labelled`], with the most ASCII letters and
/// digits any of them has (computed at compile time: every cell of a sheet is
/// asked, and a text with more is none of them).
pub struct Labels {
    words: &'static [&'static str],
    longest: usize,
}

impl Labels {
    const fn new(words: &'static [&'static str]) -> Labels {
        let mut longest = 0;
        let mut i = 0;
        while i < words.len() {
            let bytes = words[i].as_bytes();
            let (mut n, mut j) = (0, 0);
            while j < bytes.len() {
                if bytes[j].is_ascii_alphanumeric() {
                    n += 1;
                }
                j += 1;
            }
            if n > longest {
                longest = n;
            }
            i += 1;
        }
        Labels { words, longest }
    }

    fn contains(&self, key: &str) -> bool {
        self.words.contains(&key)
    }
}

/// Title-block label of the unit (`Đơn vị:`), folded, commas dropped.
pub static UNIT_LABELS: Labels = Labels::new(&["don vi", "ten don vi", "don vi bao cao"]);
/// Title-block label of the report date (`Ngày báo cáo:`).
pub static DATE_LABELS: Labels = Labels::new(&["ngay bao cao"]);
/// Remarks labels below the table, folded, commas dropped.
pub static DIFFICULTY_LABELS: Labels = Labels::new(&[
    "kho khan vuong mac",
    "kho khan",
    "vuong mac",
    "ton tai han che",
    "ton tai",
    "han che",
    "kho khan vuong mac ton tai han che",
]);
pub static PROPOSAL_LABELS: Labels = Labels::new(&[
    "de xuat kien nghi",
    "kien nghi de xuat",
    "de xuat",
    "kien nghi",
]);

/// Signature-block labels: the label must be followed by the end of the line or by
/// punctuation (`Giám đốc` ends the table, `Giám đốc Sở chủ trì …` does not).
static SIGNATURE_WORDS: &[&str] = &[
    "nguoi lap bieu",
    "thu truong don vi",
    "nguoi lap",
    "truong phong",
    "pho truong phong",
    "giam doc",
    "pho giam doc",
    "xac nhan",
    "thu truong",
    "lanh dao don vi",
    "nguoi tong hop",
];
/// Signature-block labels that may be followed by anything
/// (`Xác nhận của Thủ trưởng đơn vị`).
static SIGNATURE_PREFIXES: &[&str] = &["nguoi lap bieu", "xac nhan cua", "thu truong don vi"];
/// Prefixes of delegated signatures (`KT. GIÁM ĐỐC`, `TL. THỦ TRƯỞNG`).
static SIGNATURE_DELEGATION: &[&str] = &["kt.", "tl.", "tm.", "q.", "ttl.", "kt", "tl", "tm"];

/// The column a header cell names, if any (the first, when the label names two).
pub fn header_column(vocabulary: &Vocabulary, text: &str) -> Option<Column> {
    header_columns(vocabulary, text).first().copied()
}

/// The columns a header cell names: none, one, or two whose values must decide.
/// A cell matches a label when its folded text equals it, after removing a
/// trailing colon, `*`, `.` or parenthesised note (`Số lượng (*)`, `Thời gian:`).
pub fn header_columns<'v>(vocabulary: &'v Vocabulary, text: &str) -> &'v [Column] {
    let mut key = fold(text);
    loop {
        if let Some(c) = vocabulary.header_columns(&key) {
            return c;
        }
        let t = key.trim_end();
        let stripped = if let Some(s) = t.strip_suffix([':', '*', '.']) {
            s
        } else if t.ends_with(')') {
            match t.rfind('(') {
                Some(i) => &t[..i],
                None => return &[],
            }
        } else {
            return &[];
        };
        key = stripped.trim_end().to_string();
        if key.is_empty() {
            return &[];
        }
    }
}

/// A label key: folded, commas made spaces, spaces collapsed, a leading enumerator
/// (`1.`, `II.`, `a)`, `-`) and trailing colons removed.
pub fn label_key(s: &str) -> String {
    // Folded text has single spaces and no other white space already; a comma
    // only needs replacing when there is one.
    let f = if s.contains(',') {
        fold(&s.replace(',', " "))
    } else {
        fold(s)
    };
    strip_enumerator(&f)
        .trim_end_matches([':', ' ', '.'])
        .to_string()
}

/// Removes a leading bullet or enumerator from folded text.
pub fn strip_enumerator(s: &str) -> &str {
    let t = s.trim_start_matches(['-', '+', '•', '*', '–', '—', ' ']);
    let end = t
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(t.len());
    let (tok, rest) = t.split_at(end);
    let enumerator = !tok.is_empty()
        && (tok.chars().all(|c| c.is_ascii_digit())
            || tok.chars().all(|c| "ivxlc".contains(c))
            || tok.len() == 1);
    if enumerator && (rest.starts_with('.') || rest.starts_with(')')) {
        return rest[1..].trim_start();
    }
    t
}

/// Reads a labelled cell `Label: value`. Returns the value after the colon
/// (trimmed, maybe empty) when the text before the first colon is one of `labels`,
/// or `""` when the whole cell is just the label (with or without a colon).
pub fn labelled<'a>(text: &'a str, labels: &Labels) -> Option<&'a str> {
    // Every cell of a sheet is asked: a text with more letters and digits than
    // any label is none of them, without folding it.
    let may_be = |s: &str| !key_has_more_alphanumerics(s, labels.longest);
    let colon = memchr::memchr(b':', text.as_bytes());
    if let Some(i) = colon {
        if may_be(&text[..i]) {
            let key = label_key(&text[..i]);
            if labels.contains(&key) {
                return Some(text[i + 1..].trim());
            }
        }
    }
    if !may_be(text) {
        return None;
    }
    let key = label_key(text);
    labels.contains(&key).then_some("")
}

/// Whether [`label_key`] keeps more than `limit` ASCII letters and digits of
/// `s`, told without folding: folding keeps each one, and [`strip_enumerator`]
/// can drop only those of the leading word after bullets and spaces. Counting
/// stops past the limit (a long cell is told after its first few words).
fn key_has_more_alphanumerics(s: &str, limit: usize) -> bool {
    let bullets = ['-', '+', '•', '*', '–', '—'];
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || bullets.contains(&c));
    // The leading word ends at an ASCII character other than a letter or digit
    // (the bytes of other characters are all non-ASCII).
    let word = t
        .bytes()
        .position(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
        .unwrap_or(t.len());
    let skipped = s.len() - t.len();
    let kept = s.as_bytes()[..skipped].iter().chain(&t.as_bytes()[word..]);
    kept.filter(|b| b.is_ascii_alphanumeric())
        .nth(limit)
        .is_some()
}

/// Whether the text starts a signature block (`Người lập biểu`, `KT. GIÁM ĐỐC`).
pub fn is_signature(text: &str) -> bool {
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut key = fold(first_line);
    for d in SIGNATURE_DELEGATION {
        if let Some(rest) = key.strip_prefix(d) {
            if rest.starts_with(' ') || d.ends_with('.') {
                key = rest.trim_start().to_string();
                break;
            }
        }
    }
    if SIGNATURE_PREFIXES.iter().any(|p| key.starts_with(p)) {
        return true;
    }
    SIGNATURE_WORDS.iter().any(|w| {
        key.strip_prefix(w).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric())
        })
    })
}

/// Whether the text is a place-and-date line (`Quảng Ngãi, ngày 10 tháng 11 năm 2024`).
pub fn is_place_date(text: &str) -> bool {
    let key = fold(text);
    key.contains("thang")
        && key.contains("nam")
        && (key.starts_with("ngay") || key.contains(", ngay") || key.contains(",ngay"))
        && key.len() < 80
}

/// Whether the first cell of a row marks a total row (`Tổng cộng`, `Tổng số`, `Tổng:`).
/// `loose` is true when the row has neither time nor status, so that any text that
/// starts with the word `Tổng` counts; otherwise `Tổng kết …`, `Tổng hợp …` are
/// activities.
pub fn is_total(text: &str, loose: bool) -> bool {
    let key = fold(text);
    let Some(rest) = key.strip_prefix("tong") else {
        return false;
    };
    if rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric() || c == ' ') {
        return true;
    }
    let Some(rest) = rest.strip_prefix(' ') else {
        return false; // `tongxyz`
    };
    loose
        || ["cong", "so"].iter().any(|w| {
            rest.strip_prefix(w)
                .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
        })
}

/// Whether a value looks like a row number (`1`, `1.2`, `I`, `IV.`, `a)`), not a heading.
pub fn is_row_number(v: &CellValue) -> bool {
    match v {
        CellValue::Number(_) => true,
        CellValue::Text(s) => {
            // Folding keeps every ASCII letter and digit: more than 8 is no row
            // number.
            if s.bytes().filter(u8::is_ascii_alphanumeric).nth(8).is_some() {
                return false;
            }
            let key = fold(s);
            let key = key.trim_end_matches(['.', ')']).trim_start_matches('(');
            !key.is_empty()
                && key.len() <= 8
                && (key.chars().all(|c| c.is_ascii_digit() || c == '.')
                    || key.chars().all(|c| "ivxlcdm".contains(c))
                    || (key.len() == 1 && key.chars().all(|c| c.is_ascii_lowercase())))
        }
        _ => false,
    }
}

/// Whether the text is a column-number marker under a header (`(1)`, `(2)`).
pub fn is_column_number(v: &CellValue) -> bool {
    match v {
        CellValue::Number(n) => n.fract() == 0.0,
        CellValue::Text(s) => {
            let t = s.trim();
            let t = t
                .strip_prefix('(')
                .and_then(|t| t.strip_suffix(')'))
                .unwrap_or(t);
            !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// Whether a remark means "none" (`Không`, `Không có`).
pub fn is_none_remark(text: &str) -> bool {
    let key = fold(text);
    let key = key.trim_end_matches(['.', ';', '!', ' ']);
    matches!(key, "khong" | "khong co" | "k" | "khong co y kien")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_column(text: &str) -> Option<Column> {
        super::header_column(Vocabulary::shipped(), text)
    }

    fn header_columns(text: &str) -> &'static [Column] {
        super::header_columns(Vocabulary::shipped(), text)
    }

    #[test]
    fn header_labels_match_loosely() {
        assert_eq!(header_column("Số lượng (*)"), Some(Column::Quantity));
        assert_eq!(header_column("Thời gian thực hiện:"), Some(Column::Time));
        assert_eq!(header_column("Đơn vị\ntính"), Some(Column::Measure));
        assert_eq!(header_column("ĐVT"), Some(Column::Measure));
        assert_eq!(header_column("  SL "), Some(Column::Quantity));
        assert_eq!(header_column("NOI DUNG THUC HIEN"), Some(Column::Activity));
        assert_eq!(header_column("Kết quả thực hiện"), Some(Column::Activity));
        assert_eq!(
            header_columns("Kết quả thực hiện"),
            [Column::Activity, Column::Status]
        );
        assert_eq!(header_column("Nội dung hoạt động"), Some(Column::Activity));
        assert_eq!(header_column("Kết quả (số lượng)"), Some(Column::Quantity));
        assert_eq!(header_column("Kết quả"), None);
        assert_eq!(header_column("Nội dung"), None);
        assert_eq!(
            header_column("Nội dung (mục II)"),
            Some(Column::ContentAreas)
        );
        assert_eq!(header_column("Mục II"), Some(Column::ContentAreas));
        assert_eq!(
            header_column("Nội dung tuyên truyền"),
            Some(Column::ContentAreas)
        );
        assert_eq!(header_column("Số TT"), Some(Column::RowNumber));
        assert_eq!(header_column("TT"), Some(Column::RowNumber));
        assert_eq!(
            header_column("Tình trạng\n(Hoàn thành/Đang thực hiện)"),
            Some(Column::Status)
        );
        assert_eq!(
            header_column("Số lượng (tin, bài) (*)"),
            Some(Column::Quantity)
        );
        assert_eq!(header_column("()"), None);
        assert_eq!(header_column(""), None);
        assert_eq!(header_column(":"), None);
    }

    #[test]
    fn labelled_values() {
        assert_eq!(labelled("Đơn vị: TTUD", &UNIT_LABELS), Some("TTUD"));
        assert_eq!(labelled("Đơn vị:TTUD", &UNIT_LABELS), Some("TTUD"));
        assert_eq!(labelled("Đơn vị", &UNIT_LABELS), Some(""));
        assert_eq!(labelled("Đơn vị tính", &UNIT_LABELS), None);
        assert_eq!(labelled("Đơn vị tính: tin", &UNIT_LABELS), None);
        // An enumerator however long, bullets and spaces before it.
        assert_eq!(
            labelled(" – 123456789012. Đơn vị: TTUD", &UNIT_LABELS),
            Some("TTUD")
        );
        assert_eq!(
            labelled("Tổ chức hội nghị tập huấn nghiệp vụ", &UNIT_LABELS),
            None
        );
        assert_eq!(
            labelled("1. Khó khăn, vướng mắc: abc", &DIFFICULTY_LABELS),
            Some("abc")
        );
        assert_eq!(
            labelled("III. ĐỀ XUẤT, KIẾN NGHỊ", &PROPOSAL_LABELS),
            Some("")
        );
    }

    fn ascii_alphanumerics(s: &str) -> usize {
        s.bytes().filter(u8::is_ascii_alphanumeric).count()
    }

    #[test]
    fn the_quick_reject_never_rejects_a_label() {
        // `labelled` skips folding when the count says the key has more letters
        // and digits than any label: the count must never exceed the key's.
        let texts = [
            "Đơn vị: TTUD",
            " – 123456789012. Đơn vị",
            "•\u{a0}a) Khó khăn, vướng mắc",
            "-- II.Đề xuất",
            "ⅳ. Kiến nghị",
            "1.2.3 Tồn tại, hạn chế:",
            "Ngày báo cáo: 12/11/2024",
            "Tổ chức hội nghị tập huấn nghiệp vụ cải cách hành chính năm 2024",
            "ĐƠN VỊ TÍNH",
            "Số lượng (*)",
            "A1B2 C3",
            "",
            ":",
            "  —  ",
        ];
        for t in texts {
            let key = label_key(t);
            let kept = ascii_alphanumerics(&key);
            assert!(!key_has_more_alphanumerics(t, kept), "{t:?} → {key:?}");
        }
        // And it does reject: a sentence has more than any label.
        let sentence = "Tổ chức hội nghị tập huấn nghiệp vụ cải cách hành chính";
        assert!(key_has_more_alphanumerics(
            sentence,
            DIFFICULTY_LABELS.longest
        ));
        assert!(!key_has_more_alphanumerics(
            "1. Khó khăn",
            DIFFICULTY_LABELS.longest
        ));
        // The bound of each set is its longest label's count.
        assert_eq!(UNIT_LABELS.longest, "donvibaocao".len());
        assert_eq!(
            DIFFICULTY_LABELS.longest,
            "khokhanvuongmactontaihanche".len()
        );
    }

    #[test]
    fn signatures_totals_and_row_numbers() {
        assert!(is_signature("Người lập biểu\n(Ký, ghi rõ họ tên)"));
        assert!(is_signature("KT. GIÁM ĐỐC"));
        assert!(is_signature("Xác nhận của Thủ trưởng đơn vị"));
        assert!(!is_signature("Giám đốc Sở chủ trì hội nghị"));
        assert!(is_place_date("Quảng Ngãi, ngày 10 tháng 11 năm 2024"));
        assert!(is_place_date("Quảng Ngãi, ngày … tháng … năm 2024"));
        assert!(!is_place_date("Đăng tin ngày 5"));
        assert!(is_total("Tổng cộng", false));
        assert!(is_total("TỔNG SỐ", false));
        assert!(is_total("Tổng:", false));
        assert!(!is_total("Tổng kết công tác", false));
        assert!(is_total("Tổng kết công tác", true));
        assert!(!is_total("Tổ chức", true));
        assert!(is_row_number(&CellValue::Text("IV.".into())));
        assert!(is_row_number(&CellValue::Text("1.2".into())));
        assert!(!is_row_number(&CellValue::Text(
            "I. NHIỆM VỤ CHỦ TRÌ".into()
        )));
        assert!(is_none_remark("Không."));
        assert!(is_none_remark("không có"));
        assert!(!is_none_remark("Không có kinh phí"));
    }
}
