//! Text normalisation shared by every stage: NFC for what is stored and printed,
//! and a *folded* key for matching what people type (case, diacritics, old-style
//! tone placement, spacing and line breaks ignored).

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// The text in Unicode composed form (NFC).
pub fn nfc(s: &str) -> String {
    // Most cell text is ASCII or already composed: a quick check skips the
    // decomposition and recomposition.
    if is_nfc(s) {
        return s.to_string();
    }
    s.nfc().collect()
}

/// [`nfc`] of an owned text: no copy when it is already composed.
pub fn nfc_owned(s: String) -> String {
    if is_nfc(&s) {
        return s;
    }
    s.nfc().collect()
}

/// Whether the text is already in NFC (cheap for ASCII and for most composed text).
pub fn is_nfc(s: &str) -> bool {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    s.is_ascii()
        || s.chars().all(is_composed_starter)
        || match is_nfc_quick(s.chars()) {
            IsNormalized::Yes => true,
            IsNormalized::No => false,
            IsNormalized::Maybe => unicode_normalization::is_nfc(s),
        }
}

/// A character that is NFC whatever surrounds it: a starter (combining class 0)
/// whose NFC quick check is "yes". Composed Vietnamese is all such characters
/// (Latin up to U+02FF, Latin Extended Additional U+1E00–U+1EFF), told by range
/// before the library's table lookups (tested against them for every one).
fn is_composed_starter(c: char) -> bool {
    c <= '\u{2FF}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// The matching key of a text: lower case, without diacritics (`đ` → `d`), with
/// runs of white space (including line breaks and no-break spaces) made one space,
/// trimmed. `Qúy` and `Quý`, `hoà` and `hòa`, `HOAN THANH` and `Hoàn thành` fold alike.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return fold_ascii(s);
    }
    fold_latin(s).unwrap_or_else(|| fold_general(s))
}

/// What one character folds to, for the characters of [`FoldTable`].
#[derive(Clone, Copy)]
enum Folded {
    /// White space: runs of it become one space.
    Space,
    /// A combining mark: dropped.
    Drop,
    /// The character's folded form, one character (`ộ` → `o`, `Đ` → `d`).
    Char(char),
    /// Folds to something longer (`İ`): left to the general path.
    Other,
}

/// Characters Vietnamese text is made of beyond ASCII: Latin-1, Latin Extended-A/B,
/// the combining diacritics and Latin Extended Additional (`ạ`…`ỹ`).
const FOLD_RANGES: [(u32, u32); 2] = [(0x80, 0x370), (0x1E00, 0x1F00)];

/// [`fold_general`] of each character of [`FOLD_RANGES`], computed once.
struct FoldTable {
    low: Vec<Folded>,
    high: Vec<Folded>,
}

impl FoldTable {
    fn get() -> &'static FoldTable {
        static TABLE: std::sync::OnceLock<FoldTable> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            let range = |(a, b): (u32, u32)| (a..b).map(fold_one).collect();
            FoldTable {
                low: range(FOLD_RANGES[0]),
                high: range(FOLD_RANGES[1]),
            }
        })
    }

    fn lookup(&self, c: char) -> Option<Folded> {
        let n = c as u32;
        let at =
            |v: &[Folded], (a, b): (u32, u32)| (a..b).contains(&n).then(|| v[(n - a) as usize]);
        at(&self.low, FOLD_RANGES[0]).or_else(|| at(&self.high, FOLD_RANGES[1]))
    }
}

/// How [`fold_general`] treats one character (a code point that is not a
/// character folds as `Other`).
fn fold_one(n: u32) -> Folded {
    let Some(c) = char::from_u32(n) else {
        return Folded::Other;
    };
    let decomposed: String = std::iter::once(c).nfd().collect();
    if decomposed.chars().all(char::is_whitespace) {
        return Folded::Space;
    }
    if decomposed.chars().any(char::is_whitespace) {
        return Folded::Other;
    }
    let folded = fold_general(&decomposed);
    let mut chars = folded.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Folded::Drop,
        (Some(f), None) => Folded::Char(f),
        _ => Folded::Other,
    }
}

/// [`fold`] by table for text of ASCII and the characters of [`FOLD_RANGES`]
/// (all Vietnamese text): the same result as [`fold_general`] without
/// decomposing; `None` when a character is outside the table.
fn fold_latin(s: &str) -> Option<String> {
    let table = FoldTable::get();
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        let folded = if c.is_ascii() {
            if c.is_whitespace() {
                Folded::Space
            } else {
                Folded::Char(c.to_ascii_lowercase())
            }
        } else {
            table.lookup(c)?
        };
        match folded {
            Folded::Space => pending_space = !out.is_empty(),
            Folded::Drop => {}
            Folded::Char(f) => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(f);
            }
            Folded::Other => return None,
        }
    }
    Some(out)
}

/// [`fold`] for any text.
fn fold_general(s: &str) -> String {
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

/// [`fold`] for ASCII text: no decomposition to do.
fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
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
    if is_squashed(s) {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether [`squash_spaces`] would leave the text as it is: no white space but
/// single ASCII spaces between words.
fn is_squashed(s: &str) -> bool {
    let mut after_space = true;
    for c in s.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || s.is_empty()
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
    fn the_ascii_fast_path_folds_as_the_general_one() {
        // Every ASCII character, alone and between words, at each end.
        for b in 0u8..128 {
            let c = b as char;
            for s in [
                format!("{c}"),
                format!("Ab{c}Cd"),
                format!("{c}{c}x Y{c}"),
                format!(" {c}Z\t\n"),
            ] {
                assert_eq!(fold_ascii(&s), fold_general(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn squash_spaces_keeps_squashed_text_and_squashes_the_rest() {
        for s in [
            "", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u{a0}b", "ạ ộ", "a\n",
        ] {
            let slow = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squash_spaces(s), slow, "{s:?}");
            assert_eq!(is_squashed(s), s == slow, "{s:?}");
        }
    }

    #[test]
    fn the_table_fold_agrees_with_the_general_one() {
        // Every character of the table, alone, between words, doubled, and
        // followed by a combining mark; then Vietnamese text in NFC and NFD.
        let table_chars = FOLD_RANGES
            .iter()
            .flat_map(|&(a, b)| a..b)
            .chain(0..0x80)
            .filter_map(char::from_u32);
        for c in table_chars {
            for s in [
                format!("{c}"),
                format!("Ab{c}Cd"),
                format!("{c}{c} x{c}\u{301}Y"),
                format!(" {c}\u{a0}Z\t{c}\n"),
            ] {
                if let Some(fast) = fold_latin(&s) {
                    assert_eq!(fast, fold_general(&s), "{s:?}");
                }
            }
        }
        let samples = [
            "Trung tâm Ứng dụng và Dịch vụ KH&CN",
            "  HOÀN   THÀNH\u{a0}100% ",
            "Qúy II/2024; Đợt 3",
            "Kết quả thực hiện\n(Hoàn thành/Đang thực hiện)",
            "İstanbul",
            "ǅ ǈ ǋ ǲ",
        ];
        for s in samples {
            let nfd: String = s.nfd().collect();
            for t in [s, nfd.as_str()] {
                assert_eq!(fold(t), fold_general(t), "{t:?}");
            }
            assert!(fold_latin(s).is_some() || s.starts_with('İ'), "{s:?}");
        }
    }

    #[test]
    fn the_quick_nfc_check_agrees_with_the_full_one() {
        let samples = [
            "Trung tâm Ứng dụng",
            "Hoàn thành",
            "Qúy II",
            "e\u{301}",
            "\u{1e9b}\u{323}",
            "ñ",
            "n\u{303}",
            "한국어",
            "\u{1100}\u{1161}",
        ];
        for s in samples {
            assert_eq!(is_nfc(s), unicode_normalization::is_nfc(s), "{s:?}");
            assert_eq!(nfc(s), s.nfc().collect::<String>(), "{s:?}");
        }
    }

    #[test]
    fn squashed_text_is_told_as_splitting_would() {
        let reference = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ") == s;
        let spaces: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        let mut samples = vec![
            String::new(),
            " ".into(),
            "Hoàn thành".into(),
            "Hoàn  thành".into(),
            " Hoàn thành".into(),
            "Hoàn thành ".into(),
            "Tiếng Việt ở Đà Nẵng".into(),
            "ẞ ᚠ ⁂ 〄 €".into(),
        ];
        for c in spaces {
            samples.push(format!("Đăng{c}tin"));
            samples.push(format!("ạ{c}"));
            samples.push(c.to_string());
        }
        for s in samples {
            assert_eq!(is_squashed(&s), reference(&s), "{s:?}");
        }
    }

    #[test]
    fn the_range_fast_path_takes_only_starters_that_are_nfc() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        let fast: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_composed_starter(c))
            .collect();
        assert_eq!(fast.len(), 0x300 + 0x100);
        for c in fast {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
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
