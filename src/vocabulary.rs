//! The words people use, as data (`templates/vocabulary.json`, see
//! `docs/vocabulary-file.md`): header labels of the results table, status words,
//! period phrases and spellings of units of measure. The canonical values are
//! types ([`Status`], [`PeriodPhrase`], the reader's columns); this file gives
//! each its label (what forms and drop-downs show) and every spelling the reader
//! and the checker accept for it. Validated on load like the plan.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::datafile::{self, Unreadable};
use crate::read::table::Column;
use crate::text::{fold, is_nfc};
use crate::value::Status;

/// The default vocabulary file, relative to the working folder (or the executable).
pub const DEFAULT_PATH: &str = "templates/vocabulary.json";

/// The vocabulary file shipped with the program.
pub const SHIPPED: &str = include_str!("../templates/vocabulary.json");

/// Why a vocabulary file cannot be used: the JSON path of the problem
/// (`statuses.done.spellings[2]`, empty for the whole file) and what is wrong
/// there, worded per language by `messages::vocabulary_problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VocabularyError {
    pub path: String,
    pub problem: Problem,
}

/// What is wrong at a place of the vocabulary file. Column, status and period
/// names are the file's own keys (`status`, `done`, `first_half`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file cannot be read.
    Unreadable(Unreadable),
    /// Not the vocabulary's JSON shape (serde's own words).
    Json(String),
    /// A text not in composed Unicode (NFC).
    NotNfc(String),
    /// A text that is empty once folded.
    Empty,
    /// A column without any label.
    NoLabel,
    /// A label that also names another column, where the values cannot decide.
    LabelTaken { label: String, column: String },
    /// A status label with a comma or a double quote (the drop-down list's separators).
    LabelSeparator(String),
    /// A status word that is also another status's.
    StatusWordTaken { text: String, status: String },
    /// A word both a spelling and a judged word of one status.
    SpellingAndJudged { text: String, status: String },
    /// A period phrase that names a year, or has no words.
    PhraseWithYear(String),
    /// A period phrase that is also another period's.
    PhraseTaken { text: String, period: String },
    /// A spelling of a unit of measure that is also another's.
    MeasureTaken { text: String, measure: String },
}

impl VocabularyError {
    fn new(path: impl Into<String>, problem: Problem) -> VocabularyError {
        VocabularyError {
            path: path.into(),
            problem,
        }
    }

    /// The JSON path and the problem in the user's language.
    pub fn describe(&self, lang: crate::messages::Lang) -> String {
        let message = crate::messages::vocabulary_problem(&self.problem, lang);
        if self.path.is_empty() {
            message
        } else {
            format!("{}: {message}", self.path)
        }
    }
}

impl fmt::Display for VocabularyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(crate::messages::Lang::En))
    }
}

impl std::error::Error for VocabularyError {}

/// The file as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabularyFile {
    columns: ColumnLabels,
    statuses: Statuses,
    periods: Periods,
    measures: BTreeMap<String, Vec<String>>,
}

/// The accepted header labels of each column of the results table, as written
/// (the first is the one a message suggests). Matching folds them
/// ([`fold`]); the reader maps each field to its column.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnLabels {
    pub row_number: Vec<String>,
    pub task: Vec<String>,
    pub activity: Vec<String>,
    pub quantity: Vec<String>,
    pub measure: Vec<String>,
    pub time: Vec<String>,
    pub status: Vec<String>,
    pub content_areas: Vec<String>,
    pub evidence: Vec<String>,
}

impl ColumnLabels {
    /// The column a key of `columns` names.
    pub fn column(key: &str) -> Column {
        match key {
            "row_number" => Column::RowNumber,
            "task" => Column::Task,
            "activity" => Column::Activity,
            "quantity" => Column::Quantity,
            "measure" => Column::Measure,
            "time" => Column::Time,
            "status" => Column::Status,
            "content_areas" => Column::ContentAreas,
            _ => Column::Evidence,
        }
    }

    /// The accepted labels of a column, as written.
    pub fn of(&self, column: Column) -> &[String] {
        self.all()
            .into_iter()
            .find(|(key, _)| ColumnLabels::column(key) == column)
            .map_or(&[], |(_, l)| l)
    }

    /// Every column's key and labels, in the file's order.
    pub fn all(&self) -> [(&'static str, &[String]); 9] {
        [
            ("row_number", &self.row_number),
            ("task", &self.task),
            ("activity", &self.activity),
            ("quantity", &self.quantity),
            ("measure", &self.measure),
            ("time", &self.time),
            ("status", &self.status),
            ("content_areas", &self.content_areas),
            ("evidence", &self.evidence),
        ]
    }
}

/// Columns whose values can tell them apart (a label shared by two columns must
/// name one of these, so the values can decide).
const VALUE_KNOWN_COLUMNS: [&str; 3] = ["measure", "time", "status"];

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
    /// Words read as this status by a judgement (`Đã triển khai` as in progress):
    /// accepted, and said (W116).
    #[serde(default)]
    pub judged: Vec<String>,
}

/// A period named by words rather than dates; the plan's year completes it
/// when the text names none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodPhrase {
    /// `Thường xuyên`, `Cả năm`: the whole year.
    WholeYear,
    /// `6 tháng đầu năm`: January to June.
    FirstHalf,
    /// `6 tháng cuối năm`: July to December.
    SecondHalf,
    /// `9 tháng`: January to September.
    FirstNineMonths,
}

impl PeriodPhrase {
    pub const ALL: [PeriodPhrase; 4] = [
        PeriodPhrase::WholeYear,
        PeriodPhrase::FirstHalf,
        PeriodPhrase::SecondHalf,
        PeriodPhrase::FirstNineMonths,
    ];

    /// The key in the vocabulary file.
    pub fn key(self) -> &'static str {
        match self {
            PeriodPhrase::WholeYear => "whole_year",
            PeriodPhrase::FirstHalf => "first_half",
            PeriodPhrase::SecondHalf => "second_half",
            PeriodPhrase::FirstNineMonths => "first_nine_months",
        }
    }

    /// The first and last month (1–12).
    pub fn months(self) -> (u32, u32) {
        match self {
            PeriodPhrase::WholeYear => (1, 12),
            PeriodPhrase::FirstHalf => (1, 6),
            PeriodPhrase::SecondHalf => (7, 12),
            PeriodPhrase::FirstNineMonths => (1, 9),
        }
    }
}

/// The phrases of each period.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Periods {
    whole_year: Vec<String>,
    first_half: Vec<String>,
    second_half: Vec<String>,
    first_nine_months: Vec<String>,
}

impl Periods {
    fn get(&self, p: PeriodPhrase) -> &[String] {
        match p {
            PeriodPhrase::WholeYear => &self.whole_year,
            PeriodPhrase::FirstHalf => &self.first_half,
            PeriodPhrase::SecondHalf => &self.second_half,
            PeriodPhrase::FirstNineMonths => &self.first_nine_months,
        }
    }
}

/// How a status was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusReading {
    pub status: Status,
    /// Read by a judgement (a `judged` word): the checker says so (W116).
    pub judged: bool,
}

/// The validated vocabulary.
#[derive(Debug, Clone, PartialEq)]
pub struct Vocabulary {
    columns: ColumnLabels,
    /// Every header label, folded → the columns it names (two when the values
    /// must decide, as for `Kết quả thực hiện`: activity or status), in the
    /// file's order.
    header_keys: HashMap<String, Vec<Column>>,
    statuses: Statuses,
    /// The matching key of every label and spelling, with its reading.
    status_keys: Vec<(String, StatusReading)>,
    /// The matching key of every period phrase ([`period_key`]), with its period.
    period_keys: Vec<(String, PeriodPhrase)>,
    /// Folded name or spelling of a unit of measure → its name.
    measure_keys: BTreeMap<String, String>,
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
    pub fn load(path: &Path) -> Result<Vocabulary, VocabularyError> {
        let text = datafile::read_text(path)
            .map_err(|u| VocabularyError::new("", Problem::Unreadable(u)))?;
        Vocabulary::from_json(&text)
    }

    /// Parses and validates vocabulary JSON.
    pub fn from_json(json: &str) -> Result<Vocabulary, VocabularyError> {
        let file: VocabularyFile = datafile::parse(json)
            .map_err(|e| VocabularyError::new(e.path, Problem::Json(e.message)))?;
        let header_keys = check_columns(&file.columns)?;
        let status_keys = status_keys(&file.statuses)?;
        let period_keys = period_keys(&file.periods)?;
        let measure_keys = measure_keys(&file.measures)?;
        Ok(Vocabulary {
            columns: file.columns,
            header_keys,
            statuses: file.statuses,
            status_keys,
            period_keys,
            measure_keys,
        })
    }

    /// The header labels of every column.
    pub fn columns(&self) -> &ColumnLabels {
        &self.columns
    }

    /// The columns a header label names, matched by its folded text ([`fold`]):
    /// none, one, or two whose values must decide.
    pub fn header_columns(&self, folded: &str) -> Option<&[Column]> {
        self.header_keys.get(folded).map(Vec::as_slice)
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
        self.read_status(s).map(|r| r.status)
    }

    /// Reads a status, and whether the reading is a judgement (a `judged` word).
    pub fn read_status(&self, s: &str) -> Option<StatusReading> {
        let key = match_key(s);
        self.status_keys
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, r)| *r)
    }

    /// Reads a period phrase (`6 tháng đầu năm 2024`, `9 tháng`, `Thường xuyên
    /// trong năm`): the period, and the year the text names, if any.
    pub fn period(&self, s: &str) -> Option<(PeriodPhrase, Option<i32>)> {
        let (key, year) = period_key(s);
        if key.is_empty() {
            return None;
        }
        self.period_keys
            .iter()
            .find(|(k, p)| {
                *k == key
                    || (*p == PeriodPhrase::WholeYear
                        && k.len() >= 6
                        && key
                            .strip_prefix(k.as_str())
                            .is_some_and(|r| r.starts_with(|c: char| !c.is_alphanumeric())))
            })
            .map(|(_, p)| (*p, year))
    }

    /// The name of a unit of measure written in one of its spellings (`tin bài`
    /// → `tin/bài`), or written as its name; `None` when the vocabulary does not
    /// know it. Which names a plan accepts is the plan's (`units_of_measure`).
    pub fn measure(&self, written: &str) -> Option<&str> {
        self.measure_keys
            .get(&fold(written.trim().trim_end_matches(['.', ';'])))
            .map(String::as_str)
    }
}

/// A text of the file: NFC.
fn check_text(path: &str, text: &str) -> Result<(), VocabularyError> {
    if is_nfc(text) {
        Ok(())
    } else {
        Err(VocabularyError::new(
            path,
            Problem::NotNfc(text.to_string()),
        ))
    }
}

/// Header labels: NFC, not empty, every column with at least one; a label may
/// name two columns only when one of them is known by its values (the values
/// then decide), never three. Returns every folded label → the columns it names.
fn check_columns(columns: &ColumnLabels) -> Result<HashMap<String, Vec<Column>>, VocabularyError> {
    let mut seen: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut keys: HashMap<String, Vec<Column>> = HashMap::new();
    for (key, labels) in columns.all() {
        let base = format!("columns.{key}");
        if labels.is_empty() && key != "row_number" {
            return Err(VocabularyError::new(base, Problem::NoLabel));
        }
        for (i, label) in labels.iter().enumerate() {
            let path = format!("{base}[{i}]");
            check_text(&path, label)?;
            let folded = fold(label);
            if folded.is_empty() {
                return Err(VocabularyError::new(path, Problem::Empty));
            }
            let owners = seen.entry(folded.clone()).or_default();
            if !owners.contains(&key) {
                owners.push(key);
            }
            let ok = match owners.as_slice() {
                [_] => true,
                [a, b] => VALUE_KNOWN_COLUMNS.contains(a) || VALUE_KNOWN_COLUMNS.contains(b),
                _ => false,
            };
            if !ok {
                return Err(VocabularyError::new(
                    path,
                    Problem::LabelTaken {
                        label: label.clone(),
                        column: owners[0].to_string(),
                    },
                ));
            }
            let columns = keys.entry(folded).or_default();
            let column = ColumnLabels::column(key);
            if !columns.contains(&column) {
                columns.push(column);
            }
        }
    }
    Ok(keys)
}

/// Every status word's matching key; a word claimed by two statuses is refused.
fn status_keys(statuses: &Statuses) -> Result<Vec<(String, StatusReading)>, VocabularyError> {
    let mut keys: Vec<(String, StatusReading)> = Vec::new();
    for status in Status::ALL {
        let base = format!("statuses.{}", status.key());
        let words = statuses.get(status);
        if words.label.contains([',', '"']) {
            return Err(VocabularyError::new(
                format!("{base}.label"),
                Problem::LabelSeparator(words.label.clone()),
            ));
        }
        let plain = std::iter::once((format!("{base}.label"), &words.label, false)).chain(
            words
                .spellings
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("{base}.spellings[{i}]"), s, false)),
        );
        let judged = words
            .judged
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("{base}.judged[{i}]"), s, true));
        for (path, text, judged) in plain.chain(judged) {
            check_text(&path, text)?;
            let key = match_key(text);
            if key.is_empty() {
                return Err(VocabularyError::new(path, Problem::Empty));
            }
            match keys.iter().find(|(k, _)| *k == key) {
                Some((_, other)) if other.status != status => {
                    return Err(VocabularyError::new(
                        path,
                        Problem::StatusWordTaken {
                            text: text.clone(),
                            status: other.status.key().to_string(),
                        },
                    ));
                }
                Some((_, other)) if other.judged != judged => {
                    return Err(VocabularyError::new(
                        path,
                        Problem::SpellingAndJudged {
                            text: text.clone(),
                            status: status.key().to_string(),
                        },
                    ));
                }
                Some(_) => {}
                None => keys.push((key, StatusReading { status, judged })),
            }
        }
    }
    Ok(keys)
}

/// Every period phrase's matching key; a phrase claimed by two periods is refused.
fn period_keys(periods: &Periods) -> Result<Vec<(String, PeriodPhrase)>, VocabularyError> {
    let mut keys: Vec<(String, PeriodPhrase)> = Vec::new();
    for p in PeriodPhrase::ALL {
        for (i, text) in periods.get(p).iter().enumerate() {
            let path = format!("periods.{}[{i}]", p.key());
            check_text(&path, text)?;
            let (key, year) = period_key(text);
            if key.is_empty() || year.is_some() {
                return Err(VocabularyError::new(
                    path,
                    Problem::PhraseWithYear(text.clone()),
                ));
            }
            match keys.iter().find(|(k, _)| *k == key) {
                Some((_, other)) if *other != p => {
                    return Err(VocabularyError::new(
                        path,
                        Problem::PhraseTaken {
                            text: text.clone(),
                            period: other.key().to_string(),
                        },
                    ));
                }
                Some(_) => {}
                None => keys.push((key, p)),
            }
        }
    }
    Ok(keys)
}

/// Every measure's folded name and spellings → its name.
fn measure_keys(
    measures: &BTreeMap<String, Vec<String>>,
) -> Result<BTreeMap<String, String>, VocabularyError> {
    let mut keys: BTreeMap<String, String> = BTreeMap::new();
    for (name, spellings) in measures {
        let base = format!("measures.{name}");
        let all = std::iter::once((base.clone(), name)).chain(
            spellings
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("{base}[{i}]"), s)),
        );
        for (path, text) in all {
            check_text(&path, text)?;
            let key = fold(text);
            if key.is_empty() {
                return Err(VocabularyError::new(path, Problem::Empty));
            }
            match keys.get(&key) {
                Some(other) if other != name => {
                    return Err(VocabularyError::new(
                        path,
                        Problem::MeasureTaken {
                            text: text.clone(),
                            measure: other.clone(),
                        },
                    ));
                }
                Some(_) => {}
                None => {
                    keys.insert(key, name.clone());
                }
            }
        }
    }
    Ok(keys)
}

/// The key a status is matched by.
fn match_key(s: &str) -> String {
    let mut f = fold(s);
    let kept = f.trim_end_matches(['.', ';']).len();
    f.truncate(kept);
    f
}

/// The key a period phrase is matched by, and the year it names: folded, a
/// trailing year (`2024`, `(2024)`, `năm 2024`) taken off, then a trailing `năm`
/// (`9 tháng năm 2024` and `9 tháng` are one; `6 tháng đầu năm` keeps `đầu`).
fn period_key(s: &str) -> (String, Option<i32>) {
    let f = fold(s);
    let mut key = f.trim_end_matches(['.', ';', ',', ' ']);
    let mut year = None;
    let inner = key.strip_suffix(')').unwrap_or(key);
    if inner.len() >= 4 && inner.is_char_boundary(inner.len() - 4) {
        let (head, tail) = inner.split_at(inner.len() - 4);
        if tail.bytes().all(|b| b.is_ascii_digit()) {
            let head = if inner.len() < key.len() {
                head.strip_suffix('(')
            } else {
                Some(head)
            };
            if let Some(head) = head.filter(|h| h.is_empty() || h.ends_with(' ')) {
                year = tail.parse().ok();
                key = head.trim_end();
            }
        }
    }
    let key = match key.strip_suffix("nam") {
        Some(rest) if rest.is_empty() || rest.ends_with(' ') => rest.trim_end(),
        _ => key,
    };
    (key.to_string(), year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(edit: impl Fn(&mut serde_json::Value)) -> Result<Vocabulary, VocabularyError> {
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
        assert!(e.to_string().contains("\"done\""), "{e}");
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
        assert!(e.to_string().contains("not_started"), "{e}");
        let e = with(|v| v["statuses"]["finished"] = v["statuses"]["done"].clone()).unwrap_err();
        assert!(e.to_string().contains("finished"), "{e}");
        let e = with(|v| v["statuses"]["done"]["colour"] = "green".into()).unwrap_err();
        assert_eq!(e.path, "statuses.done.colour");
        let e = with(|v| v["dates"] = serde_json::json!({})).unwrap_err();
        assert_eq!(e.path, "dates");
    }

    #[test]
    fn labels_must_be_nfc_and_not_empty() {
        let e = with(|v| v["statuses"]["done"]["label"] = "Hoa\u{0300}n thành".into()).unwrap_err();
        assert_eq!(e.path, "statuses.done.label");
        assert!(e.to_string().contains("NFC"), "{e}");
        let e = with(|v| v["statuses"]["done"]["label"] = "Hoàn thành, xong".into()).unwrap_err();
        assert_eq!(e.path, "statuses.done.label");
        let e = with(|v| v["statuses"]["done"]["spellings"][1] = " ; ".into()).unwrap_err();
        assert_eq!(e.path, "statuses.done.spellings[1]");
    }

    #[test]
    fn judged_words_are_read_and_flagged() {
        let v = Vocabulary::shipped();
        let r = v.read_status("Đã triển khai").unwrap();
        assert_eq!(r.status, Status::InProgress);
        assert!(r.judged);
        let r = v.read_status("Hoàn thành 100%").unwrap();
        assert_eq!((r.status, r.judged), (Status::Done, false));
        assert_eq!(v.status("Đã thực hiện"), Some(Status::Done));
        assert_eq!(v.status("thực hiện thường xuyên"), Some(Status::InProgress));
    }

    #[test]
    fn period_phrases_take_an_optional_year() {
        let v = Vocabulary::shipped();
        assert_eq!(
            v.period("6 tháng đầu năm 2024"),
            Some((PeriodPhrase::FirstHalf, Some(2024)))
        );
        assert_eq!(
            v.period("6 tháng đầu năm (2024)"),
            Some((PeriodPhrase::FirstHalf, Some(2024)))
        );
        assert_eq!(
            v.period("6 tháng đầu năm"),
            Some((PeriodPhrase::FirstHalf, None))
        );
        assert_eq!(
            v.period("9 tháng năm 2024"),
            Some((PeriodPhrase::FirstNineMonths, Some(2024)))
        );
        assert_eq!(
            v.period("6 tháng cuối năm"),
            Some((PeriodPhrase::SecondHalf, None))
        );
        assert_eq!(
            v.period("Thường xuyên trong năm"),
            Some((PeriodPhrase::WholeYear, None))
        );
        assert_eq!(
            v.period("Cả năm 2024"),
            Some((PeriodPhrase::WholeYear, Some(2024)))
        );
        assert_eq!(v.period("Năm 2024"), None);
        assert_eq!(v.period("5 tháng"), None);
    }

    #[test]
    fn measure_spellings_give_the_name() {
        let v = Vocabulary::shipped();
        assert_eq!(v.measure("Tin bài"), Some("tin/bài"));
        assert_eq!(v.measure("tin, bài"), Some("tin/bài"));
        assert_eq!(v.measure("HV"), Some("học viên"));
        assert_eq!(v.measure("lớp"), Some("lớp"));
        assert_eq!(v.measure("cái"), None);
        let e = with(|v| v["measures"]["tin"] = serde_json::json!(["tin bài"])).unwrap_err();
        // Names are read in sorted order: the second claim is refused.
        assert_eq!(e.path, "measures.tin/bài[0]");
        assert!(e.to_string().contains("\"tin\""), "{e}");
    }

    #[test]
    fn a_label_may_name_two_columns_only_when_values_decide() {
        assert!(Vocabulary::shipped()
            .columns()
            .status
            .iter()
            .any(|l| l == "Kết quả thực hiện"));
        let e = with(|v| v["columns"]["quantity"][0] = "Nhiệm vụ".into()).unwrap_err();
        assert_eq!(e.path, "columns.quantity[0]");
        assert!(e.to_string().contains("task"), "{e}");
        let e = with(|v| v["columns"]["time"] = serde_json::json!([])).unwrap_err();
        assert_eq!(e.path, "columns.time");
    }

    #[test]
    fn a_period_phrase_with_a_year_is_refused() {
        let e =
            with(|v| v["periods"]["first_half"][0] = "6 tháng đầu năm 2024".into()).unwrap_err();
        assert_eq!(e.path, "periods.first_half[0]");
    }
}
