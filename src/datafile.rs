//! What the data files (`templates/plan.json`, `form.json`, `vocabulary.json`) share
//! when they are loaded: the error naming a JSON path, strict parsing with that
//! path, and the checks of one text (NFC, `{placeholder}` names).

use std::fmt;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::text::is_nfc;

/// Why a data file cannot be used: the JSON path (`columns.status.prompt`, empty
/// for the whole file) and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFileError {
    pub path: String,
    pub message: String,
}

impl DataFileError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> DataFileError {
        DataFileError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for DataFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for DataFileError {}

/// Why a data file could not be read; `messages::unreadable` words it in either
/// language (the plan and vocabulary files).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub file: String,
    pub kind: std::io::ErrorKind,
    /// The system's own words, shown for the uncommon kinds.
    pub detail: String,
}

/// The file's text, or why it cannot be read.
pub fn read_text(path: &Path) -> Result<String, Unreadable> {
    std::fs::read_to_string(path).map_err(|e| Unreadable {
        file: path.display().to_string(),
        kind: e.kind(),
        detail: e.to_string(),
    })
}

/// The file's text.
pub fn read(path: &Path) -> Result<String, DataFileError> {
    read_text(path)
        .map_err(|u| DataFileError::new("", format!("cannot read {}: {}", u.file, u.detail)))
}

/// Parses JSON into `T`; a serde error (unknown field, missing field, wrong type)
/// names its JSON path.
pub fn parse<T: DeserializeOwned>(json: &str) -> Result<T, DataFileError> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| {
        DataFileError::new(
            e.path().to_string().trim_start_matches('.'),
            e.inner().to_string(),
        )
    })
}

/// Checks one text of a data file: in NFC, and its `{placeholder}`s balanced and
/// among `allowed`.
pub fn check_text(path: &str, text: &str, allowed: &[&str]) -> Result<(), DataFileError> {
    if !is_nfc(text) {
        return Err(DataFileError::new(
            path,
            format!("\"{text}\" is not in Unicode composed form (NFC); save the file as NFC"),
        ));
    }
    check_placeholders(text, allowed).map_err(|message| DataFileError::new(path, message))
}

/// Checks a template's placeholders: balanced braces, only `allowed` names.
pub(crate) fn check_placeholders(text: &str, allowed: &[&str]) -> Result<(), String> {
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err(format!("\"}}\" without \"{{\" in \"{text}\""));
        }
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("\"{{\" without \"}}\" in \"{text}\""))?;
        let name = &after[..close];
        if !allowed.contains(&name) {
            return Err(if allowed.is_empty() {
                format!("unknown placeholder {{{name}}}: this text takes none")
            } else {
                format!(
                    "unknown placeholder {{{name}}}; this text takes {}",
                    allowed
                        .iter()
                        .map(|a| format!("{{{a}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            });
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

/// Fills `{name}` placeholders with the given values ([`crate::text::fill`]).
/// Texts are checked on load, so every placeholder has a value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    crate::text::fill(template, |name| {
        values
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_checked_for_nfc_and_placeholders() {
        assert!(check_text("a", "Năm {year}", &["year"]).is_ok());
        let e = check_text("a.b", "Năm {nam}", &["year"]).unwrap_err();
        assert_eq!(e.path, "a.b");
        assert!(
            e.message.contains("{nam}") && e.message.contains("{year}"),
            "{e}"
        );
        assert!(check_text("a", "{year", &["year"]).is_err());
        assert!(check_text("a", "year}", &["year"]).is_err());
        assert!(check_text("a", "{x}", &[])
            .unwrap_err()
            .message
            .contains("takes none"));
        let nfd = "Ho\u{0061}\u{0300}n";
        assert!(check_text("a", nfd, &[])
            .unwrap_err()
            .message
            .contains("NFC"));
    }

    #[test]
    fn parse_names_the_json_path() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Inner {
            x: String,
        }
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Outer {
            inner: Inner,
        }
        let e = parse::<Outer>(r#"{"inner": {"x": "a", "y": 1}}"#).unwrap_err();
        assert_eq!(e.path, "inner.y");
        assert_eq!(fill("{a} và {b}", &[("a", "1"), ("b", "2")]), "1 và 2");
    }
}
