//! The words people use for the program's canonical values, as data
//! (`templates/vocabulary.json`, see `docs/vocabulary-file.md`). The values
//! themselves are types ([`Status`]); this file gives each its label (what forms
//! and drop-downs show) and every spelling the checker accepts for it.
//!
//! Today it holds the statuses; header labels, period phrases and spellings of
//! units of measure are meant to join them under their own keys.

use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::datafile::{self, DataFileError};
use crate::text::fold;
use crate::value::Status;

/// The default vocabulary file, relative to the working folder (or the executable).
pub const DEFAULT_PATH: &str = "templates/vocabulary.json";

/// The vocabulary file shipped with the program.
pub const SHIPPED: &str = include_str!("../templates/vocabulary.json");

/// The file as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabularyFile {
    statuses: Statuses,
}

/// Each status's words, keyed by [`Status::key`]. A struct rather than a map keyed
/// by [`Status`]: a missing or unknown status is then a serde error at `statuses`,
/// and an error inside one names it (`statuses.done.label`, where a map's enum key
/// would print `statuses.?.label`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Statuses {
    done: StatusWords,
    in_progress: StatusWords,
    not_started: StatusWords,
}

impl Statuses {
    fn get(&self, status: Status) -> &StatusWords {
        match status {
            Status::Done => &self.done,
            Status::InProgress => &self.in_progress,
            Status::NotStarted => &self.not_started,
        }
    }
}

/// A status's words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusWords {
    /// What forms show (the drop-down, the guide); also accepted when typed.
    pub label: String,
    /// Other spellings the checker accepts (`Đã hoàn thành`, `HT`).
    #[serde(default)]
    pub spellings: Vec<String>,
}

/// The validated vocabulary.
#[derive(Debug, Clone, PartialEq)]
pub struct Vocabulary {
    statuses: Statuses,
    /// The matching key of every label and spelling, with its status.
    status_keys: Vec<(String, Status)>,
}

impl Vocabulary {
    /// The shipped vocabulary (`templates/vocabulary.json`, compiled in), parsed once.
    pub fn shipped() -> &'static Vocabulary {
        static SHIPPED_VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
        SHIPPED_VOCABULARY.get_or_init(|| {
            Vocabulary::from_json(SHIPPED).expect("the shipped vocabulary is valid")
        })
    }

    /// Reads and validates a vocabulary file.
    pub fn load(path: &Path) -> Result<Vocabulary, DataFileError> {
        Vocabulary::from_json(&datafile::read(path)?)
    }

    /// Parses and validates vocabulary JSON.
    pub fn from_json(json: &str) -> Result<Vocabulary, DataFileError> {
        let file: VocabularyFile = datafile::parse(json)?;
        let statuses = file.statuses;
        let mut status_keys: Vec<(String, Status)> = Vec::new();
        for status in Status::ALL {
            let base = format!("statuses.{}", status.key());
            let words = statuses.get(status);
            let all = std::iter::once((format!("{base}.label"), &words.label)).chain(
                words
                    .spellings
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (format!("{base}.spellings[{i}]"), s)),
            );
            if words.label.contains([',', '"']) {
                return Err(DataFileError::new(
                    format!("{base}.label"),
                    "a label cannot contain a comma or a double quote (it goes into the form's drop-down list)",
                ));
            }
            for (path, text) in all {
                datafile::check_text(&path, text, &[])?;
                let key = match_key(text);
                if key.is_empty() {
                    return Err(DataFileError::new(path, "must not be empty"));
                }
                match status_keys.iter().find(|(k, _)| *k == key) {
                    Some((_, other)) if *other != status => {
                        return Err(DataFileError::new(
                            path,
                            format!(
                                "\"{text}\" is also a spelling of \"{}\" (case, diacritics and spacing do not count)",
                                other.key()
                            ),
                        ));
                    }
                    Some(_) => {}
                    None => status_keys.push((key, status)),
                }
            }
        }
        Ok(Vocabulary {
            statuses,
            status_keys,
        })
    }

    /// The status's label (`Hoàn thành`).
    pub fn label(&self, status: Status) -> &str {
        &self.statuses.get(status).label
    }

    /// The status's words.
    pub fn status_words(&self, status: Status) -> &StatusWords {
        self.statuses.get(status)
    }

    /// The labels of every status, in [`Status::ALL`] order (the drop-down's).
    pub fn status_labels(&self) -> Vec<&str> {
        Status::ALL.iter().map(|s| self.label(*s)).collect()
    }

    /// Reads a status: `s` matches a label or spelling when they fold alike
    /// ([`fold`]: case, diacritics, spacing), a trailing `.` or `;` ignored.
    pub fn status(&self, s: &str) -> Option<Status> {
        let key = match_key(s);
        self.status_keys
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, status)| *status)
    }
}

/// The key a status is matched by.
fn match_key(s: &str) -> String {
    let mut f = fold(s);
    let kept = f.trim_end_matches(['.', ';']).len();
    f.truncate(kept);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(edit: impl Fn(&mut serde_json::Value)) -> Result<Vocabulary, DataFileError> {
        let mut v: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
        edit(&mut v);
        Vocabulary::from_json(&v.to_string())
    }

    #[test]
    fn shipped_vocabulary_has_every_status() {
        let v = Vocabulary::shipped();
        assert_eq!(
            v.status_labels(),
            ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"]
        );
        for s in Status::ALL {
            assert_eq!(v.status(v.label(s)), Some(s));
        }
    }

    #[test]
    fn spellings_are_matched_loosely() {
        let v = Vocabulary::shipped();
        assert_eq!(v.status("đã hoàn thành."), Some(Status::Done));
        assert_eq!(v.status(" HT; "), Some(Status::Done));
        assert_eq!(
            v.status("HT ;"),
            None,
            "as before: the space before ';' stays"
        );
        assert_eq!(v.status("chua  trien\nkhai"), Some(Status::NotStarted));
        assert_eq!(v.status("Xong"), None);
        assert_eq!(v.status(""), None);
    }

    #[test]
    fn a_spelling_claimed_by_two_statuses_is_refused() {
        let e = with(|v| v["statuses"]["in_progress"]["spellings"][0] = "HOAN THANH".into())
            .unwrap_err();
        assert_eq!(e.path, "statuses.in_progress.spellings[0]");
        assert!(e.message.contains("\"done\""), "{e}");
        // Within one status a repeat is harmless.
        assert!(with(|v| v["statuses"]["done"]["spellings"][0] = "hoàn thành".into()).is_ok());
    }

    #[test]
    fn every_status_must_be_present_and_known() {
        let e = with(|v| {
            v["statuses"].as_object_mut().unwrap().remove("not_started");
        })
        .unwrap_err();
        assert_eq!(e.path, "statuses");
        assert!(e.message.contains("not_started"), "{e}");
        let e = with(|v| v["statuses"]["finished"] = v["statuses"]["done"].clone()).unwrap_err();
        assert!(e.message.contains("finished"), "{e}");
        let e = with(|v| v["statuses"]["done"]["colour"] = "green".into()).unwrap_err();
        assert_eq!(e.path, "statuses.done.colour");
        let e = with(|v| v["periods"] = serde_json::json!({})).unwrap_err();
        assert_eq!(e.path, "periods");
    }

    #[test]
    fn labels_must_be_nfc_and_not_empty() {
        let e = with(|v| v["statuses"]["done"]["label"] = "Hoa\u{0300}n thành".into()).unwrap_err();
        assert_eq!(e.path, "statuses.done.label");
        assert!(e.message.contains("NFC"), "{e}");
        let e = with(|v| v["statuses"]["done"]["label"] = "Hoàn thành, xong".into()).unwrap_err();
        assert_eq!(e.path, "statuses.done.label");
        let e = with(|v| v["statuses"]["done"]["spellings"][1] = " ; ".into()).unwrap_err();
        assert_eq!(e.path, "statuses.done.spellings[1]");
    }
}
