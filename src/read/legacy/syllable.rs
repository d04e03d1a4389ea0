//! A shape check for Vietnamese syllables, used by legacy-encoding detection: a word
//! converted from a legacy encoding must read as one written Vietnamese syllable
//! (onset + rhyme + at most one tone), otherwise the conversion is probably wrong.
//!
//! The check is about spelling, not vocabulary: `ngoằng` and `quýt` pass, `café`,
//! `crốme`, `Straòe` and `thớch` (the rhyme `ơch` does not exist) fail.

use unicode_normalization::UnicodeNormalization;

/// Onsets, longest first within each prefix family.
const ONSETS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// Codas (final consonants).
const CODAS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Vowel groups that end a syllable (no final consonant).
const OPEN: &[&str] = &[
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo",
    "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "ua", "uê", "ui", "uy", "ưa", "ưi", "ưu", "uơ",
    "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu",
];

/// Vowel groups that may take a final consonant.
const CLOSED: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oă", "oe", "uâ", "uê", "uy",
    "iê", "yê", "uô", "ươ", "uyê",
];

/// Vowel groups after which `ch` and `nh` may stand.
const PALATAL: &[&str] = &["a", "ê", "i", "y", "oa", "uê", "uy"];

const VOWELS: &str = "aăâeêioôơuưy";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tone {
    Level,
    Grave,
    Acute,
    Hook,
    Tilde,
    Dot,
}

/// Whether `word` (letters only, any case, NFC or NFD) is spelled like a Vietnamese
/// syllable, tone mark included (on the right vowel; old and new placement in
/// `oa`/`oe`/`uy` both pass: `hòa`, `hoà`).
pub(super) fn is_syllable(word: &str) -> bool {
    let mut tone = Tone::Level;
    let mut tone_at = 0;
    let mut letters = 0;
    let mut base = String::with_capacity(word.len());
    for c in word.nfd().flat_map(char::to_lowercase) {
        let t = match c {
            '\u{300}' => Tone::Grave,
            '\u{301}' => Tone::Acute,
            '\u{309}' => Tone::Hook,
            '\u{303}' => Tone::Tilde,
            '\u{323}' => Tone::Dot,
            _ => {
                if !matches!(c, '\u{302}' | '\u{306}' | '\u{31B}') {
                    letters += 1;
                }
                base.push(c);
                continue;
            }
        };
        if tone != Tone::Level || letters == 0 {
            return false;
        }
        tone = t;
        tone_at = letters - 1;
    }
    let base: String = base.nfc().collect();
    if base.is_empty()
        || base.chars().count() != letters
        || letters > 7
        || !base
            .chars()
            .all(|c| VOWELS.contains(c) || "bcdđghklmnpqrstvx".contains(c))
    {
        return false;
    }
    ONSETS.iter().any(|onset| {
        base.strip_prefix(onset).is_some_and(|rest| {
            let tone_in_rest = tone_at.checked_sub(onset.chars().count());
            match (tone, tone_in_rest) {
                (Tone::Level, _) => rhyme_ok(onset, rest, tone, None),
                (_, Some(at)) => rhyme_ok(onset, rest, tone, Some(at)),
                (_, None) => false,
            }
        })
    })
}

/// Where the tone mark may stand in a vowel group (index of the vowel).
fn tone_positions(vowels: &str, closed: bool) -> &'static [usize] {
    let n = vowels.chars().count();
    if n == 1 {
        return &[0];
    }
    if closed {
        return if n == 2 { &[1] } else { &[2] };
    }
    match vowels {
        "oa" | "oe" | "uy" => &[0, 1],
        "uê" | "uơ" => &[1],
        _ if n == 2 => &[0],
        _ => &[1],
    }
}

fn rhyme_ok(onset: &str, rest: &str, tone: Tone, tone_at: Option<usize>) -> bool {
    let split = rest
        .char_indices()
        .find(|&(_, c)| !VOWELS.contains(c))
        .map_or(rest.len(), |(i, _)| i);
    let (vowels, coda) = rest.split_at(split);
    if vowels.is_empty() || !CODAS.contains(&coda) {
        return false;
    }
    if let Some(at) = tone_at {
        if !tone_positions(vowels, !coda.is_empty()).contains(&at) {
            return false;
        }
    }
    let first = vowels.chars().next().unwrap_or('a');
    // Spelling rules for the onset against the following vowel.
    let front = matches!(first, 'e' | 'ê' | 'i' | 'y');
    let ok_onset = match onset {
        "k" | "gh" | "ngh" => front,
        "c" | "ng" => !front,
        "g" => !matches!(first, 'e' | 'ê'),
        "qu" => first != 'u',
        _ => true,
    };
    if !ok_onset {
        return false;
    }
    if coda.is_empty() {
        return OPEN.contains(&vowels);
    }
    if !CLOSED.contains(&vowels) {
        return false;
    }
    if matches!(coda, "ch" | "nh") && !PALATAL.contains(&vowels) {
        return false;
    }
    // After i, ê, y (and uê, uy) the velar finals are written ch, nh.
    if matches!(coda, "c" | "ng") && matches!(vowels, "i" | "ê" | "y" | "uê" | "uy") {
        return false;
    }
    // Stop finals take only the rising (sắc) or heavy (nặng) tone.
    if matches!(coda, "c" | "ch" | "p" | "t") {
        return matches!(tone, Tone::Acute | Tone::Dot);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::is_syllable;

    #[test]
    fn real_syllables_pass() {
        for w in [
            "Trung",
            "tâm",
            "ứng",
            "dụng",
            "Phòng",
            "Hành",
            "chính",
            "Tổng",
            "hợp",
            "Hoàn",
            "thành",
            "Đang",
            "thực",
            "hiện",
            "Quý",
            "Số",
            "lượng",
            "Đơn",
            "vị",
            "tính",
            "chào",
            "các",
            "bạn",
            "nghiêng",
            "người",
            "trường",
            "huyện",
            "quốc",
            "giữa",
            "gì",
            "ở",
            "ý",
            "yêu",
            "khuya",
            "thuở",
            "ngoặt",
            "TRUNG",
            "ỨNG",
            "kỹ",
            "quýt",
            "huỳnh",
            "gìn",
            "giếng",
            "ếch",
            "oanh",
        ] {
            assert!(is_syllable(w), "{w}");
        }
    }

    #[test]
    fn foreign_shapes_fail() {
        for w in [
            "café",
            "cafộ",
            "crốme",
            "Straòe",
            "Straße",
            "thớch",
            "cảc",
            "report",
            "Mỹller",
            "naùve",
            "nạve",
            "Seđor",
            "sóo",
            "Cafe",
            "https",
            "ce",
            "ngi",
            "ghe\u{301}\u{300}",
            "",
            "KH",
            "â",
            "ă",
            "taỷ",
            "cuả",
            "muời",
            "hoàn\u{300}",
            "hòan",
            "boõn",
            "ào\u{301}",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }
}
