//! Vietnamese text typed in the 8-bit font encodings of the 1990s (TCVN3/ABC with
//! `.VnTime` fonts, VNI-Windows with `VNI-` fonts) arrives in a spreadsheet as
//! Latin-1 look-alikes (`Trung t©m øng dông`). This module detects such text and
//! converts it to Unicode.

/// A legacy Vietnamese 8-bit encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Tcvn3,
    Vni,
}

/// If `text` is legacy-encoded Vietnamese, its Unicode (NFC) form and the encoding.
/// `font` is the cell's font name where the workbook tells it (strong evidence);
/// without it, detection falls back to the text alone and must not fire on genuine
/// Unicode text, English, URLs or numbers.
pub fn repair(text: &str, font: Option<&str>) -> Option<(String, Encoding)> {
    let _ = (text, font);
    None
}
