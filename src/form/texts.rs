//! Every word of the unit's form, from a data file the office edits
//! (`templates/form.json`, see `docs/form-file.md`): sheet names, the title block,
//! column headers and the prompts shown when a cell is selected, the messages of
//! the input guards, the remarks and signature block, and the `Hướng dẫn` sheet.
//! The status labels are not here: they come from the vocabulary
//! ([`crate::vocabulary`]), and texts name them with `{done}`, `{in_progress}`
//! and `{not_started}`.
//!
//! Loading checks that each text is NFC and uses only the placeholders the writer
//! fills for it, so a typo is an error naming its JSON path.

use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::datafile::{self, DataFileError};

/// The default form texts file, relative to the working folder (or the executable).
pub const DEFAULT_PATH: &str = "templates/form.json";

/// The form texts file shipped with the program.
pub const SHIPPED: &str = include_str!("../../templates/form.json");

/// The form's texts (validated).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormTexts {
    /// The document's title (file properties); `{year}`.
    pub document_title: String,
    pub sheet_names: SheetNames,
    pub title_block: TitleBlock,
    /// The report date cell's prompt; `{example}` in the message.
    pub date_prompt: Message,
    pub columns: Columns,
    pub input_errors: InputErrors,
    /// Appended to a task heading (after the title: the leading number is what the
    /// checker reads).
    pub role_marks: RoleMarks,
    pub remarks: Remarks,
    pub signature: Signature,
    pub guide: Guide,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheetNames {
    pub form: String,
    pub guide: String,
    /// The hidden sheet holding a unit-of-measure list too long to inline.
    pub lists: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleBlock {
    /// `{year}`.
    pub title: String,
    /// `{plan}`: the plan's title.
    pub subtitle: String,
    pub unit_label: String,
    pub date_label: String,
}

/// A prompt or an error message of an input guard (Excel: title up to 32
/// characters, message up to 255).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    pub title: String,
    pub message: String,
}

/// One header column: its label, and the prompt shown when a cell is selected.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub label: String,
    /// Its message takes `{year}`, `{measures}` (a few units of measure) and the
    /// status labels.
    pub prompt: Message,
}

/// The header, by column (the order is [`crate::form::col`]'s).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    pub number: Column,
    pub task: Column,
    pub activity: Column,
    pub quantity: Column,
    pub measure: Column,
    pub time: Column,
    pub status: Column,
    pub content: Column,
    pub evidence: Column,
}

impl Columns {
    /// The columns with their JSON key, in sheet order (index = [`crate::form::col`]).
    pub fn in_order(&self) -> [(&'static str, &Column); 9] {
        [
            ("number", &self.number),
            ("task", &self.task),
            ("activity", &self.activity),
            ("quantity", &self.quantity),
            ("measure", &self.measure),
            ("time", &self.time),
            ("status", &self.status),
            ("content", &self.content),
            ("evidence", &self.evidence),
        ]
    }
}

/// The messages shown when a guarded cell gets a value it refuses.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputErrors {
    /// `{from}`, `{to}`, `{example}`.
    pub date: Message,
    pub quantity: Message,
    /// The status labels.
    pub status: Message,
    /// A warning: the unit may keep a measure the plan lacks.
    pub measure: Message,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleMarks {
    pub lead: String,
    pub coordinating: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remarks {
    pub difficulties: String,
    pub proposals: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub preparer: String,
    pub preparer_hint: String,
    pub head: String,
    pub head_hint: String,
}

/// The `Hướng dẫn` sheet, section by section.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// `{year}`.
    pub title: String,
    /// `{unit}`: the unit's full name.
    pub for_unit: String,
    /// Written before each line of a list.
    pub bullet: String,
    /// Lines take `{lead_mark}`, `{coordinating_mark}` and the status labels.
    pub how: GuideLines,
    pub tasks: GuideTasks,
    pub areas: GuideHeading,
    pub times: GuideTimes,
    /// Followed by the status labels.
    pub statuses: GuideHeading,
    /// Followed by the plan's units of measure.
    pub measures: GuideHeading,
    /// Lines take `{deadline}` and `{compiler}`.
    pub send: GuideLines,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideHeading {
    pub heading: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideLines {
    pub heading: String,
    pub lines: Vec<String>,
}

/// The table of the plan's tasks.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideTasks {
    pub heading: String,
    /// Number · task · lead units · coordinating units · timeline · the unit's role.
    pub columns: [String; 6],
    pub roles: GuideRoles,
    /// The coordinating cell of a task without coordinating units.
    pub no_coordinating: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideRoles {
    pub lead: String,
    pub coordinating: String,
    pub none: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideTimes {
    pub heading: String,
    pub forms: Vec<TimeForm>,
}

/// One accepted way to write a time: what it is, and an example (`{year}`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeForm {
    pub what: String,
    pub example: String,
}

/// The placeholders that stand for the status labels: the statuses' keys.
pub const STATUS_PLACEHOLDERS: [&str; 3] = ["done", "in_progress", "not_started"];

const NONE: &[&str] = &[];
const YEAR: &[&str] = &["year"];
const STATUSES: &[&str] = &STATUS_PLACEHOLDERS;
const COLUMN_PROMPT: &[&str] = &["year", "measures", "done", "in_progress", "not_started"];
const HOW_LINE: &[&str] = &[
    "lead_mark",
    "coordinating_mark",
    "done",
    "in_progress",
    "not_started",
];

/// Excel's limits on an input guard's title and message (UTF-16 units).
const TITLE_LIMIT: usize = 32;
const MESSAGE_LIMIT: usize = 255;
/// Excel's limit on a sheet name.
const SHEET_NAME_LIMIT: usize = 31;

impl FormTexts {
    /// The shipped texts (`templates/form.json`, compiled in), parsed once.
    pub fn shipped() -> &'static FormTexts {
        static SHIPPED_TEXTS: OnceLock<FormTexts> = OnceLock::new();
        SHIPPED_TEXTS.get_or_init(|| {
            FormTexts::from_json(SHIPPED).expect("the shipped form texts file is valid")
        })
    }

    /// Reads and validates a form texts file.
    pub fn load(path: &Path) -> Result<FormTexts, DataFileError> {
        FormTexts::from_json(&datafile::read(path)?)
    }

    /// Parses and validates form texts JSON.
    pub fn from_json(json: &str) -> Result<FormTexts, DataFileError> {
        let texts: FormTexts = datafile::parse(json)?;
        texts.validate()?;
        Ok(texts)
    }

    fn validate(&self) -> Result<(), DataFileError> {
        for (path, text, allowed) in self.texts() {
            datafile::check_text(&path, text, allowed)?;
        }
        self.check_sheet_names()?;
        for (path, text) in self.required() {
            if text.trim().is_empty() {
                return Err(DataFileError::new(path, "must not be empty"));
            }
        }
        for (path, message) in self.messages() {
            let (title, body) = (&message.title, &message.message);
            if title.encode_utf16().count() > TITLE_LIMIT {
                return Err(DataFileError::new(
                    format!("{path}.title"),
                    format!("\"{title}\" is longer than Excel's {TITLE_LIMIT} characters"),
                ));
            }
            if body.encode_utf16().count() > MESSAGE_LIMIT {
                return Err(DataFileError::new(
                    format!("{path}.message"),
                    format!("longer than Excel's {MESSAGE_LIMIT} characters"),
                ));
            }
        }
        Ok(())
    }

    /// Sheet names as Excel accepts them, and distinct.
    fn check_sheet_names(&self) -> Result<(), DataFileError> {
        let n = &self.sheet_names;
        let names = [
            ("sheet_names.form", &n.form),
            ("sheet_names.guide", &n.guide),
            ("sheet_names.lists", &n.lists),
        ];
        for (i, (path, name)) in names.iter().enumerate() {
            let problem = if name.trim().is_empty() {
                Some("must not be empty".to_string())
            } else if name.encode_utf16().count() > SHEET_NAME_LIMIT {
                Some(format!(
                    "\"{name}\" is longer than Excel's {SHEET_NAME_LIMIT} characters"
                ))
            } else if name.contains(['[', ']', ':', '*', '?', '/', '\\']) {
                Some(format!(
                    "\"{name}\": a sheet name cannot contain [ ] : * ? / \\"
                ))
            } else if name.starts_with('\'') || name.ends_with('\'') {
                Some(format!(
                    "\"{name}\": a sheet name cannot begin or end with '"
                ))
            } else if names[..i]
                .iter()
                .any(|(_, other)| other.to_lowercase() == name.to_lowercase())
            {
                Some(format!("\"{name}\" names another sheet too"))
            } else {
                None
            };
            if let Some(message) = problem {
                return Err(DataFileError::new(*path, message));
            }
        }
        Ok(())
    }

    /// Every text with its JSON path and the placeholders it may use.
    pub(crate) fn texts(&self) -> Vec<(String, &str, &'static [&'static str])> {
        let t = &self.title_block;
        let s = &self.signature;
        let mut out: Vec<(String, &str, &'static [&'static str])> = vec![
            ("document_title".into(), &self.document_title, YEAR),
            ("sheet_names.form".into(), &self.sheet_names.form, NONE),
            ("sheet_names.guide".into(), &self.sheet_names.guide, NONE),
            ("sheet_names.lists".into(), &self.sheet_names.lists, NONE),
            ("title_block.title".into(), &t.title, YEAR),
            ("title_block.subtitle".into(), &t.subtitle, &["plan"]),
            ("title_block.unit_label".into(), &t.unit_label, NONE),
            ("title_block.date_label".into(), &t.date_label, NONE),
            ("date_prompt.title".into(), &self.date_prompt.title, NONE),
            (
                "date_prompt.message".into(),
                &self.date_prompt.message,
                &["example"],
            ),
            ("role_marks.lead".into(), &self.role_marks.lead, NONE),
            (
                "role_marks.coordinating".into(),
                &self.role_marks.coordinating,
                NONE,
            ),
            (
                "remarks.difficulties".into(),
                &self.remarks.difficulties,
                NONE,
            ),
            ("remarks.proposals".into(), &self.remarks.proposals, NONE),
            ("signature.preparer".into(), &s.preparer, NONE),
            ("signature.preparer_hint".into(), &s.preparer_hint, NONE),
            ("signature.head".into(), &s.head, NONE),
            ("signature.head_hint".into(), &s.head_hint, NONE),
        ];
        for (key, column) in self.columns.in_order() {
            let base = format!("columns.{key}");
            out.push((format!("{base}.label"), &column.label, NONE));
            out.push((format!("{base}.prompt.title"), &column.prompt.title, NONE));
            out.push((
                format!("{base}.prompt.message"),
                &column.prompt.message,
                COLUMN_PROMPT,
            ));
        }
        let e = &self.input_errors;
        let errors: [(&str, &Message, &'static [&'static str]); 4] = [
            ("date", &e.date, &["from", "to", "example"]),
            ("quantity", &e.quantity, NONE),
            ("status", &e.status, STATUSES),
            ("measure", &e.measure, NONE),
        ];
        for (key, m, allowed) in errors {
            out.push((format!("input_errors.{key}.title"), &m.title, NONE));
            out.push((format!("input_errors.{key}.message"), &m.message, allowed));
        }
        self.guide_texts(&mut out);
        out
    }

    fn guide_texts<'a>(&'a self, out: &mut Vec<(String, &'a str, &'static [&'static str])>) {
        let g = &self.guide;
        out.extend([
            ("guide.title".to_string(), g.title.as_str(), YEAR),
            ("guide.for_unit".into(), &g.for_unit, &["unit"]),
            ("guide.bullet".into(), &g.bullet, NONE),
            ("guide.how.heading".into(), &g.how.heading, NONE),
            ("guide.tasks.heading".into(), &g.tasks.heading, NONE),
            ("guide.tasks.roles.lead".into(), &g.tasks.roles.lead, NONE),
            (
                "guide.tasks.roles.coordinating".into(),
                &g.tasks.roles.coordinating,
                NONE,
            ),
            ("guide.tasks.roles.none".into(), &g.tasks.roles.none, NONE),
            (
                "guide.tasks.no_coordinating".into(),
                &g.tasks.no_coordinating,
                NONE,
            ),
            ("guide.areas.heading".into(), &g.areas.heading, NONE),
            ("guide.times.heading".into(), &g.times.heading, NONE),
            ("guide.statuses.heading".into(), &g.statuses.heading, NONE),
            ("guide.measures.heading".into(), &g.measures.heading, NONE),
            ("guide.send.heading".into(), &g.send.heading, NONE),
        ]);
        for (i, s) in g.how.lines.iter().enumerate() {
            out.push((format!("guide.how.lines[{i}]"), s, HOW_LINE));
        }
        for (i, s) in g.tasks.columns.iter().enumerate() {
            out.push((format!("guide.tasks.columns[{i}]"), s, NONE));
        }
        for (i, f) in g.times.forms.iter().enumerate() {
            out.push((format!("guide.times.forms[{i}].what"), &f.what, NONE));
            out.push((format!("guide.times.forms[{i}].example"), &f.example, YEAR));
        }
        for (i, s) in g.send.lines.iter().enumerate() {
            out.push((
                format!("guide.send.lines[{i}]"),
                s,
                &["deadline", "compiler"],
            ));
        }
    }

    /// Texts that must not be empty: the header labels (the checker finds the
    /// table by them). Sheet names are checked with the other sheet-name rules.
    fn required(&self) -> Vec<(String, &str)> {
        self.columns
            .in_order()
            .into_iter()
            .map(|(key, c)| (format!("columns.{key}.label"), c.label.as_str()))
            .collect()
    }

    /// The input guards' prompts and error messages, with their JSON path.
    fn messages(&self) -> Vec<(String, &Message)> {
        let e = &self.input_errors;
        let mut out = vec![
            ("date_prompt".to_string(), &self.date_prompt),
            ("input_errors.date".into(), &e.date),
            ("input_errors.quantity".into(), &e.quantity),
            ("input_errors.status".into(), &e.status),
            ("input_errors.measure".into(), &e.measure),
        ];
        for (key, c) in self.columns.in_order() {
            out.push((format!("columns.{key}.prompt"), &c.prompt));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::text::is_nfc;
    use crate::value::Status;

    fn with(edit: impl Fn(&mut serde_json::Value)) -> Result<FormTexts, DataFileError> {
        let mut v: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
        edit(&mut v);
        FormTexts::from_json(&v.to_string())
    }

    /// The JSON path of every string in `v`.
    fn string_paths(v: &serde_json::Value, path: String, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::String(_) => {
                out.insert(path);
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    string_paths(x, format!("{path}[{i}]"), out);
                }
            }
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    string_paths(x, p, out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_text_of_the_file_is_checked() {
        let v: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
        let mut in_file = BTreeSet::new();
        string_paths(&v, String::new(), &mut in_file);
        let checked: BTreeSet<String> = FormTexts::shipped()
            .texts()
            .into_iter()
            .map(|(path, _, _)| path)
            .collect();
        assert_eq!(in_file, checked);
    }

    #[test]
    fn status_placeholders_are_the_status_keys() {
        let keys: Vec<&str> = Status::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys, STATUS_PLACEHOLDERS);
    }

    #[test]
    fn shipped_wording_is_nfc_and_fits_excel_limits() {
        let t = FormTexts::shipped();
        for (path, text, _) in t.texts() {
            assert!(is_nfc(text), "{path}");
        }
        for (key, c) in t.columns.in_order() {
            assert!(c.prompt.title.encode_utf16().count() <= 32, "{key}");
            // Prompts grow by a few characters when filled in.
            assert!(c.prompt.message.encode_utf16().count() <= 220, "{key}");
        }
    }

    #[test]
    fn errors_name_the_json_path() {
        let e = with(|v| v["columns"]["time"]["prompt"]["message"] = "{nam}".into()).unwrap_err();
        assert_eq!(e.path, "columns.time.prompt.message");
        assert!(
            e.message.contains("{nam}") && e.message.contains("{year}"),
            "{e}"
        );
        let e = with(|v| v["guide"]["send"]["lines"][1] = "Hạn: {deadline".into()).unwrap_err();
        assert_eq!(e.path, "guide.send.lines[1]");
        let e = with(|v| v["input_errors"]["quantity"]["message"] = "{done}".into()).unwrap_err();
        assert_eq!(e.path, "input_errors.quantity.message");
        let e = with(|v| v["guide"]["tasks"]["colour"] = "x".into()).unwrap_err();
        assert_eq!(e.path, "guide.tasks.colour");
        let e = with(|v| v["guide"]["tasks"]["columns"] = serde_json::json!(["a"])).unwrap_err();
        assert_eq!(e.path, "guide.tasks.columns");
        let e = with(|v| {
            v["columns"].as_object_mut().unwrap().remove("status");
        })
        .unwrap_err();
        assert_eq!(e.path, "columns");
        let e = with(|v| v["title_block"]["unit_label"] = "Đo\u{031b}n vị:".into()).unwrap_err();
        assert_eq!(e.path, "title_block.unit_label");
        assert!(e.message.contains("NFC"), "{e}");
        let e = with(|v| v["columns"]["task"]["label"] = " ".into()).unwrap_err();
        assert_eq!(e.path, "columns.task.label");
    }

    #[test]
    fn excel_limits_are_checked_on_load() {
        let e = with(|v| v["sheet_names"]["lists"] = "Kết quả".into()).unwrap_err();
        assert_eq!(e.path, "sheet_names.lists");
        let e = with(|v| v["sheet_names"]["guide"] = "Hướng/dẫn".into()).unwrap_err();
        assert_eq!(e.path, "sheet_names.guide");
        let e = with(|v| v["sheet_names"]["form"] = "x".repeat(32).into()).unwrap_err();
        assert_eq!(e.path, "sheet_names.form");
        let e = with(|v| v["input_errors"]["status"]["title"] = "Tình trạng ".repeat(4).into())
            .unwrap_err();
        assert_eq!(e.path, "input_errors.status.title");
        let e = with(|v| v["columns"]["number"]["prompt"]["message"] = "x".repeat(256).into())
            .unwrap_err();
        assert_eq!(e.path, "columns.number.prompt.message");
    }
}
