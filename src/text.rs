//! Text normalisation shared by every stage: NFC for what is stored and printed,
//! and a *folded* key for matching what people type (case, diacritics, old-style
//! tone placement, spacing and line breaks ignored).

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// The text in Unicode composed form (NFC).
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Whether the text is already in NFC (cheap for ASCII).
pub fn is_nfc(s: &str) -> bool {
    s.is_ascii() || unicode_normalization::is_nfc(s)
}

/// The matching key of a text: lower case, without diacritics (`đ` → `d`), with
/// runs of white space (including line breaks and no-break spaces) made one space,
/// trimmed. `Qúy` and `Quý`, `hoà` and `hòa`, `HOAN THANH` and `Hoàn thành` fold alike.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A day as Vietnamese write it: `05/01/2024` (day first, leading zeros).
pub fn dmy(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The text with runs of white space made one space and trimmed, keeping case and
/// diacritics (for display of cell text).
pub fn squash_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Fills a template's `{name}` placeholders (names are lower-case letters and `_`):
/// each is replaced by its value; an unknown name, or braces around anything else,
/// are left as written. The one filler of every message and report template.
pub fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                let name = &after[..close];
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// The placeholders a template uses.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_diacritics_and_spacing() {
        assert_eq!(fold("  Hoàn   thành "), "hoan thanh");
        assert_eq!(fold("HOÀN THÀNH"), "hoan thanh");
        assert_eq!(fold("Qúy II"), fold("Quý II"));
        assert_eq!(fold("hoà"), fold("hòa"));
        assert_eq!(fold("Đơn vị\ntính"), "don vi tinh");
        assert_eq!(fold("Số\u{a0}lượng"), "so luong");
    }

    #[test]
    fn fold_treats_nfd_like_nfc() {
        let nfd: String = "Trung tâm Ứng dụng".nfd().collect();
        assert_eq!(fold(&nfd), fold("Trung tâm Ứng dụng"));
        assert_eq!(nfc(&nfd), "Trung tâm Ứng dụng");
        assert!(!is_nfc(&nfd));
        assert!(is_nfc("Trung tâm Ứng dụng"));
    }
}
