//! Every word a user reads, one module per language (`vi.rs`, `en.rs`): each
//! finding's message and hint by an exhaustive `match` on its
//! [`Kind`](crate::finding::Kind) (a kind without wording, or a wording using a
//! value its kind lacks, does not compile), the names of columns and file kinds,
//! the long `explain` texts (one per code, in [`Code::ALL`] order, checked at
//! compile time), and the command line's own strings. Logic never spells text.

mod en;
mod plan;
mod vi;
mod vocabulary;

pub use plan::plan_problem;
pub use vocabulary::vocabulary_problem;

use std::fmt::Display;
use std::path::PathBuf;

use crate::finding::{Code, Finding, UnitName};
use crate::fsutil::file_name;
use crate::read::legacy::Encoding;
use crate::read::table::Column;
use crate::read::FileKind;
use crate::text::fill;

/// The language of everything a user reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// What a finding says: the message, and the hint (how to fix it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    pub message: String,
    pub hint: String,
}

/// The long form of a code for `baocao explain`.
#[derive(Debug, Clone, Copy)]
pub struct Explanation {
    pub code: Code,
    pub meaning: &'static str,
    pub example: &'static str,
    pub fix: &'static str,
}

/// One language's tables.
pub struct Texts {
    /// One per code, in [`Code::ALL`] order (checked at compile time).
    pub explanations: &'static [Explanation; Code::COUNT],
    /// The command line's own strings, by key.
    pub ui: &'static [(&'static str, &'static str)],
}

/// The texts of a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Vi => &vi::TEXTS,
        Lang::En => &en::TEXTS,
    }
}

/// The finding's message and hint.
pub fn wording(f: &Finding, lang: Lang) -> Wording {
    match lang {
        Lang::Vi => vi::wording(&f.kind),
        Lang::En => en::wording(&f.kind),
    }
}

/// The finding's message.
pub fn message(f: &Finding, lang: Lang) -> String {
    wording(f, lang).message
}

/// The finding's hint (how to fix it).
pub fn hint(f: &Finding, lang: Lang) -> String {
    wording(f, lang).hint
}

/// The long explanation of a code: what it means, an example, how to fix it.
pub fn explain(code: Code, lang: Lang) -> String {
    let e = &texts(lang).explanations[code.index()];
    let severity = match code.severity() {
        crate::finding::Severity::Error => ui(lang, "error"),
        crate::finding::Severity::Warning => ui(lang, "warning"),
    };
    format!(
        "{code} ({severity})\n\n{}\n\n{}:\n{}\n\n{}:\n{}\n",
        e.meaning,
        ui(lang, "explain.example"),
        e.example,
        ui(lang, "explain.fix"),
        e.fix
    )
}

/// Whether a table of explanations has each code at its place in [`Code::ALL`]
/// (asserted at compile time in `vi.rs` and `en.rs`).
const fn in_code_order(table: &[Explanation; Code::COUNT]) -> bool {
    let mut i = 0;
    while i < Code::COUNT {
        if table[i].code.index() != i {
            return false;
        }
        i += 1;
    }
    true
}

/// A column's name in the user's language (`Column::Quantity` → `Số lượng`).
pub fn column_label(c: Column, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => vi::column(c),
        Lang::En => en::column(c),
    }
}

/// A kind of non-spreadsheet file in the user's language (E001).
pub fn file_kind_label(k: FileKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => vi::file_kind(k),
        Lang::En => en::file_kind(k),
    }
}

/// A command-line string by key (`summary`, `file.heading` …), unfilled.
pub fn ui(lang: Lang, key: &str) -> &'static str {
    texts(lang)
        .ui
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| *v)
        .unwrap_or_else(|| panic!("no UI string {key:?} (tested)"))
}

/// A command-line string with its placeholders filled.
pub fn ui_fill(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    fill(ui(lang, key), |name| {
        args.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone())
    })
}

// Spelling shared by both languages' wordings.

fn w(message: impl Into<String>, hint: impl Into<String>) -> Wording {
    Wording {
        message: message.into(),
        hint: hint.into(),
    }
}

/// Items separated by commas: `1, 4, 7`.
fn list<T: Display>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Texts in quotes, separated by commas: `"TT", "Số lượng"`.
fn quoted(items: &[String]) -> String {
    list(items.iter().map(|x| format!("\"{x}\"")))
}

/// A size in bytes as a limit is stated: `50 MB`, `1.5 MB`.
fn megabytes(n: u64) -> String {
    let mb = n as f64 / (1024.0 * 1024.0);
    if mb >= 10.0 || mb.fract() == 0.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

/// Units as suggested: `QLKH (Phòng Quản lý Khoa học), QLCN (…)`.
fn units(near: &[UnitName]) -> String {
    list(near.iter().map(|u| format!("{} ({})", u.code, u.name)))
}

/// The file names of paths: `TTUD.xlsx, TTUD-2.xlsx`.
fn file_names(paths: &[PathBuf]) -> String {
    list(paths.iter().map(|p| file_name(p)))
}

/// A legacy encoding's usual name.
fn encoding_name(e: Encoding) -> &'static str {
    match e {
        Encoding::Tcvn3 => "TCVN3",
        Encoding::Vni => "VNI",
    }
}

/// A data file (plan, vocabulary) that cannot be read, in the user's language.
fn unreadable(lang: Lang, u: &crate::datafile::Unreadable) -> String {
    use std::io::ErrorKind;
    let (file, kind, detail) = (&u.file, u.kind, u.detail.as_str());
    match lang {
        Lang::Vi => {
            let why = match kind {
                ErrorKind::NotFound => "không có tệp này",
                ErrorKind::PermissionDenied => "không có quyền đọc tệp",
                ErrorKind::InvalidData => "tệp không phải văn bản UTF-8",
                ErrorKind::IsADirectory => "đây là một thư mục",
                _ => detail,
            };
            format!("không đọc được tệp {file}: {why}")
        }
        Lang::En => {
            let why = match kind {
                ErrorKind::NotFound => "no such file",
                ErrorKind::PermissionDenied => "permission denied",
                ErrorKind::InvalidData => "not UTF-8 text",
                ErrorKind::IsADirectory => "it is a folder",
                _ => detail,
            };
            format!("cannot read {file}: {why}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Kind;
    use chrono::NaiveDate;

    const LANGS: [Lang; 2] = [Lang::Vi, Lang::En];

    /// One finding of each kind, with plausible values.
    fn one_of_each_kind() -> Vec<Kind> {
        use Kind::*;
        let near = || {
            vec![UnitName {
                code: "QLKH".into(),
                name: "Phòng Quản lý Khoa học".into(),
            }]
        };
        let s = |v: &str| v.to_string();
        let day = |d| NaiveDate::from_ymd_opt(2024, 11, d).unwrap();
        vec![
            Corrupt { detail: s("boom") },
            NotSpreadsheet {
                found: FileKind::Pdf,
            },
            NotRegularFile,
            NoPermission,
            OldExcel,
            Encrypted,
            NoHeader {
                missing: Column::REQUIRED.to_vec(),
            },
            UnitUnknown {
                file_stem: s("ket-qua"),
            },
            UnitNotInPlan {
                written: s("Phòng X"),
                suggestions: near(),
            },
            ForcedUnitNotInPlan {
                code: s("XYZ"),
                suggestions: near(),
            },
            FileTooLarge {
                limit: 50 << 20,
                found: 60 << 20,
            },
            UncompressedTooLarge {
                limit: 200 << 20,
                found: 300 << 20,
            },
            TooManyCells {
                limit: 10,
                found: 11,
            },
            AreaTooLarge {
                limit: 10,
                found: 11,
            },
            TooManyRows {
                limit: 10,
                found: 11,
            },
            TooManyColumns {
                limit: 10,
                found: 11,
            },
            TextTooLong {
                limit: 10,
                found: 11,
            },
            NoDataRows,
            MissingColumn {
                column: Column::Status,
                found: vec![s("TT"), s("Nội dung hoạt động"), s("Tình hình")],
                nearest: Some(s("Tình hình")),
            },
            MissingColumn {
                column: Column::Time,
                found: vec![s("TT"), s("Nội dung hoạt động")],
                nearest: None,
            },
            ColumnByValues {
                column: Column::Status,
                header: s("Kết quả"),
                label: s("Tình trạng"),
            },
            ColumnByValues {
                column: Column::Measure,
                header: s(""),
                label: s("Đơn vị tính"),
            },
            NoTask,
            TaskNotInPlan {
                written: s("7"),
                task: 7,
                tasks: vec![1, 2, 3],
            },
            TaskNoNumber {
                written: s("x"),
                tasks: vec![1, 2, 3],
            },
            TaskNotAssigned {
                task: 5,
                unit: s("QLKH"),
            },
            QuantityNotNumber {
                value: s("mười")
            },
            QuantityNegative { value: s("-3") },
            QuantityFractional { value: s("12,5") },
            QuantityMeasureDiffers {
                value: s("02 lớp"),
                in_quantity: s("lớp"),
                in_measure: s("người"),
            },
            StatusEmpty,
            StatusUnknown { value: s("Xong") },
            TimeEmpty,
            TimeUnreadable {
                value: s("hôm qua"),
            },
            TimeMonthFirst {
                value: s("05/18/2024"),
                suggestion: s("18/05/2024"),
            },
            TimeNotAQuarter {
                value: s("Quý V/2024"),
            },
            TimeNoSuchDate {
                value: s("31/02/2024"),
            },
            TimeReversed {
                value: s("20/5/2024 - 15/5/2024"),
            },
            OutsideYear {
                value: s("20/12/2023"),
                year: 2024,
            },
            OutsideTimeline {
                value: s("15/08/2024"),
                task: 4,
                timeline: s("Quý II/2024"),
            },
            DoneWithoutQuantity,
            DoneWithZeroQuantity,
            DuplicateRow {
                first_row: 7,
                task: 1,
            },
            FormulaError {
                column: Column::Quantity,
                error: s("#REF!"),
            },
            NoActivity,
            ContentAreasNotInPlan {
                areas: vec![12],
                count: 9,
            },
            ContentAreaUnreadable {
                item: s("cải cách"),
                count: 9,
            },
            MeasureUnknown {
                value: s("cái"),
                measures: vec![s("tin"), s("bài")],
            },
            NoMeasure { quantity: 3 },
            QuantityWithMeasure {
                value: s("02 lớp"),
                quantity: 2,
                measure: s("lớp"),
            },
            StatusJudged {
                value: s("Đã triển khai"),
                reading: s("Đang thực hiện"),
            },
            LeadTaskMissing {
                task: 3,
                title: s("Bản tin"),
            },
            LateReport {
                date: day(20),
                deadline: day(15),
            },
            LegacyText {
                count: 2,
                encoding: Encoding::Tcvn3,
            },
            DecomposedText { count: 2 },
            LeadUnitMissing {
                unit: near().remove(0),
                tasks: vec![6],
            },
            UnitMissing {
                unit: near().remove(0),
            },
            UnitClaimedTwice {
                unit: s("TTUD"),
                files: vec!["in/TTUD.xlsx".into(), "in/TTUD-2.xlsx".into()],
            },
            StrayFile {
                path: "in/notes.pdf".into(),
            },
        ]
    }

    #[test]
    fn every_file_kind_is_named_in_both_languages() {
        for kind in FileKind::ALL {
            for lang in LANGS {
                assert_ne!(file_kind_label(kind, lang), kind.id(), "{kind:?} {lang:?}");
            }
        }
        let f = Finding::new(Kind::NotSpreadsheet {
            found: FileKind::Pdf,
        });
        assert_eq!(
            message(&f, Lang::Vi),
            "Tệp này là tệp PDF, không phải bảng tính, dù tên tệp có đuôi của bảng tính."
        );
    }

    #[test]
    fn every_code_has_message_hint_and_explanation_in_both_languages() {
        let kinds = one_of_each_kind();
        for lang in LANGS {
            for code in Code::ALL {
                let k = kinds
                    .iter()
                    .find(|k| k.code() == code)
                    .unwrap_or_else(|| panic!("no sample of {code}"));
                let t = wording(&Finding::new(k.clone()), lang);
                assert!(!t.message.is_empty() && !t.hint.is_empty(), "{code}");
                let e = explain(code, lang);
                assert!(e.len() > 80, "{code} {lang:?}: {e}");
            }
        }
    }

    #[test]
    fn every_wording_is_filled_and_distinct_within_its_code() {
        let kinds = one_of_each_kind();
        for lang in LANGS {
            for k in &kinds {
                let t = wording(&Finding::new(k.clone()), lang);
                for s in [&t.message, &t.hint] {
                    assert!(crate::text::placeholders(s).is_empty(), "{k:?}: {s}");
                }
                // A kind has its own wording, not another kind's of the same code.
                for other in kinds.iter().filter(|o| *o != k && o.code() == k.code()) {
                    let o = wording(&Finding::new(other.clone()), lang);
                    assert_ne!(t.message, o.message, "{k:?} {other:?} {lang:?}");
                }
            }
        }
    }

    #[test]
    fn both_languages_have_the_same_ui_keys_and_name_every_column() {
        let keys = |l: Lang| texts(l).ui.iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(keys(Lang::Vi), keys(Lang::En));
        for c in Column::REQUIRED {
            assert_ne!(column_label(c, Lang::Vi), column_label(c, Lang::En));
        }
    }

    #[test]
    fn spec_example_reads_as_written() {
        let f = Finding::new(Kind::QuantityFractional {
            value: "12,5".into(),
        })
        .at("Kết quả", 11, 5);
        assert_eq!(
            format!("{} {}: {} {}", f.code(), f.cell_a1().unwrap(), message(&f, Lang::Vi), hint(&f, Lang::Vi)),
            "E104 F12: Số lượng \"12,5\" không phải số nguyên không âm. Hãy nhập một số nguyên, ví dụ 12."
        );
    }

    #[test]
    fn columns_are_named_in_the_users_language() {
        let f = Finding::new(Kind::FormulaError {
            column: Column::Quantity,
            error: "#REF!".into(),
        });
        assert!(
            message(&f, Lang::Vi).contains("cột Số lượng"),
            "{}",
            message(&f, Lang::Vi)
        );
        assert!(message(&f, Lang::En).contains("Quantity"));
        let f = Finding::new(Kind::NoHeader {
            missing: vec![Column::Task, Column::Measure],
        });
        assert!(message(&f, Lang::Vi).contains("Nhiệm vụ, Đơn vị tính"));
    }

    #[test]
    fn sizes_in_bytes_read_as_megabytes() {
        assert_eq!(megabytes(50 * 1024 * 1024), "50 MB");
        assert_eq!(megabytes(1536 * 1024), "1.5 MB");
        assert_eq!(megabytes(15 * 1024 * 1024 + 1), "15 MB");
    }

    #[test]
    fn fill_leaves_braces_that_are_not_placeholders() {
        assert_eq!(fill("a {x} {Y} {", |_| Some("1".into())), "a 1 {Y} {");
    }
}
