//! Vietnamese text typed in the 8-bit font encodings of the 1990s (TCVN3/ABC with
//! `.VnTime` fonts, VNI-Windows with `VNI-` fonts) arrives in a spreadsheet as
//! Latin-1 look-alikes (`Trung t©m øng dông`). This module detects such text and
//! converts it to Unicode (NFC).
//!
//! # Encodings
//!
//! - **TCVN3** (ABC): one byte per letter. Only the un-toned capitals Ă Â Ê Ô Ơ Ư Đ
//!   have codes; the `…H` fonts (`.VnTimeH`, `.VnArialH`) draw every code — and every
//!   ASCII letter — as a capital, so text in such a font is upper-cased.
//! - **VNI-Windows**: a letter with marks is the base letter followed by one mark
//!   byte (`a` + `ø` = `à`, `a` + `ä` = `ậ`); ơ ư đ ỉ ĩ ị ỵ are single bytes, ơ ư then
//!   take a tone byte. Decoding takes the longest match (two characters first).
//!
//! The tables (and their sources) are in `tables.rs`; each legacy byte is written as
//! the character a spreadsheet shows for it (its Windows-1252 reading).
//!
//! # Detection rule (`repair`)
//!
//! 1. Empty text, or text holding any character only Unicode Vietnamese has (ă ơ ư đ
//!    ĩ ũ and their capitals, U+1EA0–U+1EF9, or a combining tone/vowel mark), is
//!    never converted: it is already Unicode.
//! 2. **Font hint naming a legacy font** (`font_encoding` recognises it): the text is
//!    converted with that font's encoding when it holds any character of the
//!    encoding's code set (for an `…H` font, also when upper-casing changes it). The
//!    hint is trusted; no spelling check is made.
//! 3. **No hint, or a hint naming an ordinary font**: each encoding is tried, and the
//!    conversion is accepted only when all of these hold:
//!    - some valid word changed by the conversion has an ASCII letter and either
//!      three letters or more, or does not open with the code — it is *anchored*
//!      (legacy codes sit inside words: `t©m`, `Sè`, `chaøo`; so a lone `©`, `½`,
//!      `©2024` in a URL, or the unit `µm` never counts);
//!    - every changed word is spelled like a Vietnamese syllable (onset, rhyme, one
//!      tone, stop finals only with sắc/nặng) — one bad word in five is tolerated
//!      when five or more words changed, for typos;
//!    - at least one such anchored word did *not* already read as a Vietnamese
//!      syllable before conversion (`t©m`, `chaøo`, not `Tôi`). This keeps genuine
//!      Unicode Vietnamese written only with Latin-1 letters (`Tôi và các`, `Có`,
//!      `Tôi thích café`) as it is.
//!
//!    Before conversion, a word "reads as Vietnamese" when it is a well-formed
//!    syllable with sensible capitals (`chÝnh` does not); a well-formed word
//!    (`Sè`, `Cã`) still anchors when it is not among a small list of frequent
//!    syllables while its conversion (`Số`, `Có`) is (`lexicon.rs`).
//!
//!    When both encodings pass, the one with more valid changed words wins; then
//!    the one with VNI vowel+mark sequences (other than `uû`/`uë`, which are TCVN3
//!    `uỷ`/`uở` too); then the one converting more characters; then TCVN3. A lone
//!    short word can stay ambiguous (`thuû`: TCVN3 `thuỷ`, VNI `thủ`): a font hint or
//!    more text decides it.
//!
//! Without an `…H` font, TCVN3 cannot spell a toned capital, so a lower-case code is
//! upper-cased in a word whose ASCII letters (two or more) are all capitals (`DôNG`),
//! and in every word with an ASCII letter when the text has such a word and all its
//! ASCII letters are capitals (`§¹I HäC` → `ĐẠI HỌC`; but `Së KH&CN` → `Sở KH&CN`).

mod lexicon;
mod syllable;
mod tables;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::text::nfc;

/// The fixed conversion tables' maps: keyed by the tables' own characters, never by
/// a file's, so a fast hasher without HashDoS resistance is safe.
type Map<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// A legacy Vietnamese 8-bit encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Tcvn3,
    Vni,
}

/// What a font name says about its text: the encoding, and whether the font draws
/// every letter as a capital (TCVN3 `…H` fonts such as `.VnTimeH`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FontEncoding {
    pub encoding: Encoding,
    pub upper_case: bool,
}

/// The encoding a font name implies, case-insensitively: `.VnTime`, `.VnArial`, … →
/// TCVN3; `.VnTimeH`, `.VnArial NarrowH`, … → TCVN3 upper case; `VNI-Times`,
/// `VNI-Helve`, … → VNI. Any other font → `None`.
pub fn font_encoding(font: &str) -> Option<FontEncoding> {
    let name = font.trim();
    let lower = name.to_ascii_lowercase();
    if lower.starts_with(".vn") && lower.len() > 3 {
        let rest = &name[3..];
        let upper_case = rest.ends_with('H')
            || (rest.ends_with('h')
                && !["sh", "ch", "gh", "th"]
                    .iter()
                    .any(|s| rest.to_ascii_lowercase().ends_with(s)));
        return Some(FontEncoding {
            encoding: Encoding::Tcvn3,
            upper_case,
        });
    }
    if lower.starts_with("vni-") || lower.starts_with("vni ") {
        return Some(FontEncoding {
            encoding: Encoding::Vni,
            upper_case: false,
        });
    }
    None
}

/// If `text` is legacy-encoded Vietnamese, its Unicode (NFC) form and the encoding.
/// `font` is the cell's font name where the workbook tells it (strong evidence);
/// without it, detection falls back to the text alone and must not fire on genuine
/// Unicode text, English, URLs or numbers. See the module documentation for the rule.
pub fn repair(text: &str, font: Option<&str>) -> Option<(String, Encoding)> {
    // ASCII is only ever repaired on a font's word: told before any scan.
    if text.is_empty() || (font.is_none() && text.is_ascii()) {
        return None;
    }
    if text.chars().any(is_unicode_vietnamese) {
        return None;
    }
    if let Some(hint) = font.and_then(font_encoding) {
        let decoded = decode(text, hint.encoding);
        let out = if hint.upper_case {
            decoded.text().to_uppercase()
        } else {
            decoded.text_with_capitals(hint.encoding)
        };
        if decoded.in_range == 0 && out == text {
            return None;
        }
        return Some((nfc(&out), hint.encoding));
    }
    if text.is_ascii() {
        return None;
    }
    [Encoding::Tcvn3, Encoding::Vni]
        .into_iter()
        .filter_map(|enc| evaluate(text, enc))
        // `max_by_key` keeps the last maximum: reverse so TCVN3 wins ties.
        .rev()
        .max_by_key(|c| (c.valid_words, c.vni_pairs, c.converted))
        .map(|c| (nfc(&c.text), c.encoding))
}

/// Unicode → the legacy look-alike string (what a spreadsheet shows for text typed
/// in a legacy font); characters without a code pass through. TCVN3 has no toned
/// capitals: they are written with the lower-case code (as typed for an `…H` font).
pub fn encode(text: &str, enc: Encoding) -> String {
    let map = encode_map(enc);
    let mut out = String::with_capacity(text.len() * 2);
    for c in nfc(text).chars() {
        if let Some(code) = map.get(&c) {
            out.push_str(code);
        } else if let Some(code) = c
            .is_uppercase()
            .then(|| single_lower(c))
            .flatten()
            .and_then(|l| map.get(&l))
        {
            out.push_str(code);
        } else {
            out.push(c);
        }
    }
    out
}

fn single_lower(c: char) -> Option<char> {
    let mut it = c.to_lowercase();
    let l = it.next()?;
    it.next().is_none().then_some(l)
}

/// A character only Unicode-encoded Vietnamese has (not in Latin-1/cp1252).
fn is_unicode_vietnamese(c: char) -> bool {
    matches!(
        c,
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | '\u{1EA0}'
            ..='\u{1EF9}'
                | '\u{300}'
                | '\u{301}'
                | '\u{302}'
                | '\u{303}'
                | '\u{306}'
                | '\u{309}'
                | '\u{31B}'
                | '\u{323}'
    )
}

struct Maps {
    /// TCVN3 byte → letter.
    tcvn3: Map<char, char>,
    /// VNI two-character sequences → letter.
    vni_pairs: Map<(char, char), char>,
    /// VNI one-character codes → letter.
    vni_single: Map<char, char>,
    enc_tcvn3: Map<char, String>,
    enc_vni: Map<char, String>,
}

fn maps() -> &'static Maps {
    static MAPS: OnceLock<Maps> = OnceLock::new();
    MAPS.get_or_init(|| {
        let mut m = Maps {
            tcvn3: Map::default(),
            vni_pairs: Map::default(),
            vni_single: Map::default(),
            enc_tcvn3: Map::default(),
            enc_vni: Map::default(),
        };
        for &(code, letter) in tables::TCVN3 {
            m.tcvn3.insert(code, letter);
            m.enc_tcvn3.insert(letter, code.to_string());
        }
        for &(seq, letter) in tables::VNI {
            let cs: Vec<char> = seq.chars().collect();
            match cs[..] {
                [a] => {
                    m.vni_single.insert(a, letter);
                }
                [a, b] => {
                    m.vni_pairs.insert((a, b), letter);
                }
                _ => unreachable!("VNI sequences are one or two characters"),
            }
            m.enc_vni.insert(letter, seq.to_string());
        }
        m
    })
}

fn encode_map(enc: Encoding) -> &'static Map<char, String> {
    match enc {
        Encoding::Tcvn3 => &maps().enc_tcvn3,
        Encoding::Vni => &maps().enc_vni,
    }
}

/// A decoded text: each output character with whether conversion changed it.
struct Decoded {
    input: Vec<char>,
    chars: Vec<(char, bool)>,
    /// For each output character, the input characters it came from.
    src: Vec<Range<usize>>,
    /// For each output character, whether it came from a legacy code (even one that
    /// reads the same, like TCVN3 `ý`).
    coded: Vec<bool>,
    /// How many legacy codes (including ones that read the same) were matched.
    in_range: usize,
}

fn decode(text: &str, enc: Encoding) -> Decoded {
    let m = maps();
    let input: Vec<char> = text.chars().collect();
    let mut d = Decoded {
        input: Vec::new(),
        chars: Vec::with_capacity(input.len()),
        src: Vec::with_capacity(input.len()),
        coded: Vec::with_capacity(input.len()),
        in_range: 0,
    };
    let mut i = 0;
    while i < input.len() {
        let c = input[i];
        let pair = match enc {
            Encoding::Vni => input
                .get(i + 1)
                .and_then(|&n| m.vni_pairs.get(&(c, n)).copied()),
            Encoding::Tcvn3 => None,
        };
        let (letter, len) = match pair {
            Some(l) => (Some(l), 2),
            None => match enc {
                Encoding::Tcvn3 => (m.tcvn3.get(&c).copied(), 1),
                Encoding::Vni => (m.vni_single.get(&c).copied(), 1),
            },
        };
        match letter {
            Some(l) => {
                d.in_range += 1;
                d.chars.push((l, len > 1 || l != c));
                d.coded.push(true);
            }
            None => {
                d.chars.push((c, false));
                d.coded.push(false);
            }
        }
        d.src.push(i..i + len);
        i += len;
    }
    d.input = input;
    d
}

impl Decoded {
    fn text(&self) -> String {
        self.chars.iter().map(|&(c, _)| c).collect()
    }

    /// The text, with TCVN3 lower-case codes made capitals inside capitalised words
    /// (TCVN3 has no toned capitals outside the `…H` fonts).
    fn text_with_capitals(&self, enc: Encoding) -> String {
        if enc != Encoding::Tcvn3 {
            return self.text();
        }
        let words = split_words(&self.chars);
        // Capitals by the word: its ASCII letters (two or more) are all capitals.
        let caps_word = |range: &Range<usize>| {
            let mut ascii = self.chars[range.clone()]
                .iter()
                .map(|&(c, _)| c)
                .filter(char::is_ascii_alphabetic)
                .peekable();
            ascii.peek().is_some()
                && ascii.clone().count() >= 2
                && ascii.all(|c| c.is_ascii_uppercase())
        };
        // Capitals by the text: a word with a code is written in capitals, and every
        // ASCII letter of the text is a capital (`§¹I HäC`).
        let caps_text = words
            .iter()
            .filter_map(|w| w.as_ref().ok())
            .any(|r| caps_word(r) && self.coded[r.clone()].iter().any(|&c| c))
            && self
                .chars
                .iter()
                .all(|(c, _)| !c.is_ascii_alphabetic() || c.is_ascii_uppercase());
        let mut out = String::with_capacity(self.chars.len() * 2);
        for word in words {
            match word {
                Err(c) => out.push(c),
                Ok(range) => {
                    let w = &self.chars[range.clone()];
                    let has_ascii = w.iter().any(|(c, _)| c.is_ascii_alphabetic());
                    let caps = caps_word(&range) || (caps_text && has_ascii);
                    for (&(c, _), &coded) in w.iter().zip(&self.coded[range]) {
                        if caps && coded {
                            out.extend(c.to_uppercase());
                        } else {
                            out.push(c);
                        }
                    }
                }
            }
        }
        out
    }
}

/// Splits decoded characters into words (index ranges of runs of letters, `Ok`) and
/// the other characters (`Err`).
fn split_words(chars: &[(char, bool)]) -> Vec<Result<Range<usize>, char>> {
    let mut parts = Vec::new();
    let mut start = None;
    for (i, &(c, _)) in chars.iter().enumerate() {
        if c.is_alphabetic() {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                parts.push(Ok(s..i));
            }
            parts.push(Err(c));
        }
    }
    if let Some(s) = start {
        parts.push(Ok(s..chars.len()));
    }
    parts
}

/// Whether a word is a well-formed syllable with sensible capitals (`Sè`, `HäC`,
/// not `chÝnh`).
fn reads_as_syllable(word: &str) -> bool {
    let mut seen_lower = false;
    for c in word.chars() {
        if c.is_uppercase() && seen_lower {
            return false;
        }
        seen_lower |= c.is_lowercase();
    }
    syllable::is_syllable(word)
}

fn is_common(word: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| lexicon::COMMON.iter().copied().collect());
    set.contains(nfc(&word.to_lowercase()).as_str())
}

struct Candidate {
    encoding: Encoding,
    text: String,
    valid_words: usize,
    /// VNI sequences of a vowel and a mark byte, other than `uû`/`uë` (which are also
    /// the TCVN3 spellings of `uỷ`/`uở`): strong evidence of VNI.
    vni_pairs: usize,
    converted: usize,
}

/// Text-only detection for one encoding (rule 3 of the module documentation).
fn evaluate(text: &str, enc: Encoding) -> Option<Candidate> {
    let decoded = decode(text, enc);
    let converted = decoded.chars.iter().filter(|(_, ch)| *ch).count();
    if converted == 0 {
        return None;
    }
    let out = decoded.text_with_capitals(enc);
    let out_chars: Vec<(char, bool)> = out
        .chars()
        .zip(decoded.chars.iter().map(|&(_, ch)| ch))
        .collect();
    let mut changed = 0;
    let mut invalid = 0;
    let mut anchored = false;
    for range in split_words(&out_chars).into_iter().filter_map(Result::ok) {
        let word = &out_chars[range.clone()];
        if !word.iter().any(|&(_, ch)| ch) {
            continue;
        }
        changed += 1;
        let w: String = word.iter().map(|&(c, _)| c).collect();
        if !syllable::is_syllable(&w) {
            invalid += 1;
            continue;
        }
        // An anchoring word has an ASCII letter, and is not a two-letter word opening
        // with the code (`µm`, `µM` stay units).
        if anchored
            || !word.iter().any(|(c, _)| c.is_ascii_alphabetic())
            || (word.len() < 3 && decoded.coded[range.start])
        {
            continue;
        }
        // The same word before conversion must not already be a Vietnamese syllable.
        let from = decoded.src[range.start].start;
        let to = decoded.src[range.end - 1].end;
        let before: String = decoded.input[from..to].iter().collect();
        anchored = !reads_as_syllable(&before) || (!is_common(&before) && is_common(&w));
    }
    if !anchored || (invalid > 0 && !(changed >= 5 && invalid * 5 <= changed)) {
        return None;
    }
    let vni_pairs = decoded
        .src
        .iter()
        .filter(|r| r.len() == 2)
        .filter(|r| {
            let pair = &decoded.input[(*r).clone()];
            !matches!(pair, ['u' | 'U', 'û' | 'ë' | 'Û' | 'Ë'])
        })
        .count();
    Some(Candidate {
        encoding: enc,
        text: out,
        valid_words: changed - invalid,
        vni_pairs,
        converted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> Option<String> {
        repair(s, None).map(|(t, _)| t)
    }

    #[test]
    fn tables_are_complete_and_unambiguous() {
        assert_eq!(tables::TCVN3.len(), 67 + 7);
        assert_eq!(tables::VNI.len(), 134);
        let m = maps();
        assert_eq!(m.tcvn3.len(), 74);
        assert_eq!(m.enc_tcvn3.len(), 74);
        assert_eq!(m.vni_pairs.len() + m.vni_single.len(), 134);
        assert_eq!(m.enc_vni.len(), 134);
        // Every TCVN3 code is a byte ≥ 0xA0 (cp1252 = Latin-1 there).
        assert!(tables::TCVN3
            .iter()
            .all(|&(c, _)| ('\u{A0}'..='\u{FF}').contains(&c)));
        assert!(tables::VNI
            .iter()
            .all(|&(s, _)| s.chars().all(|c| c.is_ascii_alphabetic() || c >= '\u{C0}')));
    }

    #[test]
    fn known_phrases() {
        assert_eq!(
            fix("Trung t©m øng dông").as_deref(),
            Some("Trung tâm ứng dụng")
        );
        assert_eq!(
            fix("Xin chaøo caùc baïn").as_deref(),
            Some("Xin chào các bạn")
        );
        assert_eq!(
            repair("Trung t©m øng dông", None).map(|r| r.1),
            Some(Encoding::Tcvn3)
        );
        assert_eq!(
            repair("Xin chaøo caùc baïn", None).map(|r| r.1),
            Some(Encoding::Vni)
        );
    }

    #[test]
    fn capitals_without_h_font() {
        assert_eq!(
            fix("TRUNG T¢M øNG DôNG").as_deref(),
            Some("TRUNG TÂM ỨNG DỤNG")
        );
    }

    #[test]
    fn fonts() {
        let t = |s| font_encoding(s).map(|f| (f.encoding, f.upper_case));
        assert_eq!(t(".VnTime"), Some((Encoding::Tcvn3, false)));
        assert_eq!(t(".vntime"), Some((Encoding::Tcvn3, false)));
        assert_eq!(t(".VnTimeH"), Some((Encoding::Tcvn3, true)));
        assert_eq!(t(".vntimeh"), Some((Encoding::Tcvn3, true)));
        assert_eq!(t(".VnArial NarrowH"), Some((Encoding::Tcvn3, true)));
        assert_eq!(t(".VnArial"), Some((Encoding::Tcvn3, false)));
        assert_eq!(t("VNI-Times"), Some((Encoding::Vni, false)));
        assert_eq!(t("vni-helve"), Some((Encoding::Vni, false)));
        assert_eq!(t("Times New Roman"), None);
        assert_eq!(t("Calibri"), None);
        assert_eq!(t(".Vn"), None);
    }

    #[test]
    fn ordinary_font_hint_falls_back_to_text() {
        assert_eq!(
            repair("Trung t©m øng dông", Some("Calibri")).map(|r| r.0),
            Some("Trung tâm ứng dụng".to_string())
        );
        assert_eq!(repair("Café crème", Some("Arial")), None);
    }

    #[test]
    fn input_that_already_reads_as_vietnamese_is_kept() {
        for s in [
            "Tôi và các",
            "Có",
            "Hôm nay",
            "Tôi là sinh viên",
            "Tôi thích café",
        ] {
            assert_eq!(fix(s), None, "{s}");
        }
    }
}
