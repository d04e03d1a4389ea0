//! Every word a user reads, one table per language: finding messages and hints per
//! (code, variant) with `{name}` placeholders filled from `Finding::args`, the long
//! `explain` texts, and the command line's own strings. Logic never spells text.
//!
//! Two arg names are special: `column` holds a column id (`quantity`) and `columns`
//! a comma-separated list of them; both are shown as the column's name in the
//! user's language (`cột Số lượng`).

mod en;
mod plan;
mod vi;

pub use plan::plan_problem;

use crate::finding::{Code, Finding};
use crate::text::fill;

/// The language of everything a user reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// The message and hint of one (code, variant).
#[derive(Debug, Clone, Copy)]
pub struct Template {
    pub code: Code,
    /// `None` is the code's default wording.
    pub variant: Option<&'static str>,
    pub message: &'static str,
    pub hint: &'static str,
}

/// The long form of a code for `baocao explain`.
#[derive(Debug, Clone, Copy)]
pub struct Explanation {
    pub code: Code,
    pub meaning: &'static str,
    pub example: &'static str,
    pub fix: &'static str,
}

/// One language's texts.
pub struct Texts {
    pub templates: &'static [Template],
    pub explanations: &'static [Explanation],
    /// The command line's own strings, by key.
    pub ui: &'static [(&'static str, &'static str)],
    /// Names of non-spreadsheet file kinds by id (E001).
    pub file_kinds: &'static [(&'static str, &'static str)],
    /// Column names by column id.
    pub columns: &'static [(&'static str, &'static str)],
}

/// The texts of a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Vi => &vi::TEXTS,
        Lang::En => &en::TEXTS,
    }
}

fn template(code: Code, variant: Option<&str>, lang: Lang) -> Option<&'static Template> {
    let all = texts(lang).templates;
    all.iter()
        .find(|t| t.code == code && t.variant == variant)
        .or_else(|| all.iter().find(|t| t.code == code && t.variant.is_none()))
        .or_else(|| all.iter().find(|t| t.code == code))
}

/// The finding's message, placeholders filled.
pub fn message(f: &Finding, lang: Lang) -> String {
    template(f.code, f.variant, lang)
        .map(|t| fill_finding(t.message, f, lang))
        .unwrap_or_else(|| f.code.to_string())
}

/// The finding's hint (how to fix it), placeholders filled.
pub fn hint(f: &Finding, lang: Lang) -> String {
    template(f.code, f.variant, lang)
        .map(|t| fill_finding(t.hint, f, lang))
        .unwrap_or_default()
}

/// The long explanation of a code: what it means, an example, how to fix it.
pub fn explain(code: Code, lang: Lang) -> String {
    let t = texts(lang);
    let e = t
        .explanations
        .iter()
        .find(|e| e.code == code)
        .expect("every code has an explanation (tested)");
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

/// A column's name in the user's language, from its id (`quantity` → `Số lượng`).
pub fn column_label(id: &str, lang: Lang) -> &str {
    texts(lang)
        .columns
        .iter()
        .find(|(k, _)| *k == id)
        .map(|(_, v)| *v)
        .unwrap_or(id)
}

/// A kind of non-spreadsheet file in the user's language, from its id (`pdf`).
pub fn file_kind_label(id: &str, lang: Lang) -> &str {
    texts(lang)
        .file_kinds
        .iter()
        .find(|(k, _)| *k == id)
        .map(|(_, v)| *v)
        .unwrap_or(id)
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

fn fill_finding(template: &str, f: &Finding, lang: Lang) -> String {
    fill(template, |name| {
        let v = f.get(name)?;
        Some(match name {
            "column" => column_label(v, lang).to_string(),
            "found" if f.code == crate::finding::Code::E001 => file_kind_label(v, lang).to_string(),
            "columns" => v
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|c| column_label(c, lang))
                .collect::<Vec<_>>()
                .join(", "),
            _ => v.to_string(),
        })
    })
}

/// The args each (code, variant) is built with, by `check` and `compile`: the
/// contract between the code that makes findings and the wording.
pub const FINDING_ARGS: &[(Code, Option<&str>, &[&str])] = &[
    (Code::E001, Some("corrupt"), &["detail"]),
    (Code::E001, Some("not_spreadsheet"), &["found"]),
    (Code::E002, None, &[]),
    (Code::E003, None, &["columns"]),
    (Code::E004, None, &["file"]),
    (Code::E005, Some("title"), &["value", "suggestions"]),
    (Code::E005, Some("forced"), &["value", "suggestions"]),
    (Code::E006, Some("file_size"), &["limit", "found"]),
    (Code::E006, Some("uncompressed"), &["limit", "found"]),
    (Code::E006, Some("cells"), &["limit", "found"]),
    (Code::E006, Some("area"), &["limit", "found"]),
    (Code::E006, Some("rows"), &["limit", "found"]),
    (Code::E006, Some("columns"), &["limit", "found"]),
    (Code::E006, Some("text_length"), &["limit", "found"]),
    (Code::W007, None, &[]),
    (Code::E101, None, &[]),
    (Code::E102, Some("not_in_plan"), &["value", "task", "tasks"]),
    (Code::E102, Some("no_number"), &["value", "tasks"]),
    (Code::W103, None, &["task", "unit"]),
    (Code::E104, Some("not_number"), &["value"]),
    (Code::E104, Some("negative"), &["value"]),
    (Code::E104, Some("fractional"), &["value"]),
    (Code::E105, Some("empty"), &[]),
    (Code::E105, Some("unknown"), &["value"]),
    (Code::E106, Some("empty"), &["value"]),
    (Code::E106, Some("unreadable"), &["value"]),
    (Code::E106, Some("month_first"), &["value", "suggestion"]),
    (Code::E106, Some("not_a_quarter"), &["value"]),
    (Code::E106, Some("no_such_date"), &["value"]),
    (Code::E106, Some("reversed"), &["value"]),
    (Code::W107, None, &["value", "year"]),
    (Code::W108, None, &["value", "task", "timeline"]),
    (Code::W109, Some("empty"), &[]),
    (Code::W109, Some("zero"), &[]),
    (Code::W110, None, &["first_row", "task"]),
    (Code::E111, None, &["column", "value"]),
    (Code::E112, None, &[]),
    (Code::W113, Some("not_in_plan"), &["value", "count"]),
    (Code::W113, Some("unreadable"), &["value", "count"]),
    (Code::W114, None, &["value", "measures"]),
    (Code::E115, None, &["value"]),
    (Code::E201, None, &["task", "title"]),
    (Code::W202, None, &["date", "deadline"]),
    (Code::W203, Some("legacy"), &["count", "encoding"]),
    (Code::W203, Some("decomposed"), &["count"]),
    (Code::E301, None, &["unit", "name", "tasks"]),
    (Code::W302, None, &["unit", "name"]),
    (Code::E303, None, &["unit", "files"]),
    (Code::W304, None, &["file"]),
];

#[cfg(test)]
mod tests {
    use crate::text::placeholders;
    #[test]
    fn every_file_kind_is_named_in_both_languages() {
        use crate::read::FileKind;
        for kind in FileKind::ALL {
            for lang in [Lang::Vi, Lang::En] {
                assert_ne!(
                    file_kind_label(kind.id(), lang),
                    kind.id(),
                    "{kind:?} {lang:?}"
                );
            }
        }
        let f = crate::finding::Finding::new(Code::E001)
            .variant("not_spreadsheet")
            .arg("found", FileKind::Pdf.id());
        assert_eq!(
            message(&f, Lang::Vi),
            "Tệp này là tệp PDF, không phải bảng tính, dù tên tệp có đuôi của bảng tính."
        );
    }

    use super::*;

    const LANGS: [Lang; 2] = [Lang::Vi, Lang::En];

    #[test]
    fn every_code_has_message_hint_and_explanation_in_both_languages() {
        for lang in LANGS {
            for code in Code::ALL {
                let t = template(code, None, lang).unwrap_or_else(|| panic!("{code} {lang:?}"));
                assert!(!t.message.is_empty() && !t.hint.is_empty(), "{code}");
                let e = explain(code, lang);
                assert!(e.len() > 80, "{code} {lang:?}: {e}");
            }
        }
    }

    #[test]
    fn every_variant_has_its_own_wording_and_only_known_placeholders() {
        for lang in LANGS {
            for (code, variant, args) in FINDING_ARGS {
                let t = texts(lang)
                    .templates
                    .iter()
                    .find(|t| t.code == *code && t.variant == *variant)
                    .unwrap_or_else(|| panic!("{code} {variant:?} {lang:?}"));
                for p in placeholders(t.message)
                    .into_iter()
                    .chain(placeholders(t.hint))
                {
                    assert!(args.contains(&p), "{code} {variant:?} {lang:?}: {{{p}}}");
                }
                // Filled with the args its constructors provide, nothing is left over.
                let mut f = Finding::new(*code);
                f.variant = *variant;
                for a in *args {
                    f = f.arg(a, if *a == "column" { "quantity" } else { "x" });
                }
                for s in [message(&f, lang), hint(&f, lang)] {
                    assert!(placeholders(&s).is_empty(), "{code} {variant:?}: {s}");
                }
            }
            // No template that no finding is built for.
            for t in texts(lang).templates {
                assert!(
                    FINDING_ARGS
                        .iter()
                        .any(|(c, v, _)| *c == t.code && *v == t.variant),
                    "{} {:?} {lang:?} is never used",
                    t.code,
                    t.variant
                );
            }
        }
    }

    #[test]
    fn both_languages_have_the_same_ui_keys_and_columns() {
        let keys = |l: Lang| texts(l).ui.iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(keys(Lang::Vi), keys(Lang::En));
        let cols = |l: Lang| texts(l).columns.iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(cols(Lang::Vi), cols(Lang::En));
    }

    #[test]
    fn spec_example_reads_as_written() {
        let f = Finding::new(Code::E104)
            .variant("fractional")
            .at("Kết quả", 11, 5)
            .arg("value", "12,5");
        assert_eq!(
            format!("{} {}: {} {}", f.code, f.cell_a1().unwrap(), message(&f, Lang::Vi), hint(&f, Lang::Vi)),
            "E104 F12: Số lượng \"12,5\" không phải số nguyên không âm. Hãy nhập một số nguyên, ví dụ 12."
        );
    }

    #[test]
    fn columns_are_named_in_the_users_language() {
        let f = Finding::new(Code::E111)
            .arg("column", "quantity")
            .arg("value", "#REF!");
        assert!(
            message(&f, Lang::Vi).contains("cột Số lượng"),
            "{}",
            message(&f, Lang::Vi)
        );
        assert!(message(&f, Lang::En).contains("Quantity"));
        let f = Finding::new(Code::E003).arg("columns", "task,measure");
        assert!(message(&f, Lang::Vi).contains("Nhiệm vụ, Đơn vị tính"));
    }

    #[test]
    fn fill_leaves_braces_that_are_not_placeholders() {
        assert_eq!(fill("a {x} {Y} {", |_| Some("1".into())), "a 1 {Y} {");
    }
}
