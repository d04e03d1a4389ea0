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

/// The text with runs of white space made one space and trimmed, keeping case and
/// diacritics (for display of cell text).
pub fn squash_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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
