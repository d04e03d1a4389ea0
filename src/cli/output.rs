//! Printing checked files for people: grouped by file then cell, aligned, coloured
//! only on a terminal without `NO_COLOR`, shared by `check` and `compile`. The JSON
//! document for programs is the library's (`crate::json`).

use std::io::{self, IsTerminal, Write};

use crate::check::CheckedFile;
use crate::finding::{Finding, Severity};
use crate::json::Summary;
use crate::messages::Lang;
use crate::messages::{self, ui, ui_fill};
use crate::par::*;

/// Whether to colour output written to this stream: a terminal that shows ANSI
/// colours (not every Windows console does), and no `NO_COLOR`.
pub fn use_color(stream: &impl IsTerminal) -> bool {
    stream.is_terminal()
        && crate::cli::console::supports_ansi()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// ANSI styling, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn severity(&self, sev: Severity, s: &str) -> String {
        match sev {
            Severity::Error => self.paint("1;31", s),
            Severity::Warning => self.paint("1;33", s),
        }
    }
}

/// Writes the findings of each file as text: a heading per file, then one line per
/// finding (`  F12   E104  message`) with its hint below, aligned on the message.
pub fn write_text(
    out: &mut impl Write,
    files: &[CheckedFile],
    batch: &[Finding],
    rows_included: usize,
    verbose: bool,
    style: Style,
    lang: Lang,
) -> io::Result<()> {
    // Each file's block is made on its own — in parallel where there are threads,
    // a few files at a time so that the text held stays small — and written in
    // order: the same text, less of it left for one thread after the checks.
    for chunk in files.chunks(TEXT_CHUNK) {
        let blocks: Vec<Vec<u8>> = chunk
            .par_iter()
            .map(|f| {
                let mut block = Vec::new();
                write_file(&mut block, f, verbose, style, lang).map(|()| block)
            })
            .collect::<io::Result<_>>()?;
        for block in &blocks {
            out.write_all(block)?;
        }
    }
    if !batch.is_empty() {
        writeln!(out, "{}", style.bold(ui(lang, "batch")))?;
        write_findings(
            out,
            batch,
            |x| x.unit.clone().unwrap_or_default(),
            verbose,
            style,
            lang,
        )?;
    }
    let s = Summary::new(files, batch, rows_included);
    writeln!(out, "{}", summary_line(&s, lang))
}

/// Files whose text is made at the same time by [`write_text`].
const TEXT_CHUNK: usize = 32;

/// One file's heading and findings.
fn write_file(
    out: &mut impl Write,
    f: &CheckedFile,
    verbose: bool,
    style: Style,
    lang: Lang,
) -> io::Result<()> {
    let unit = match &f.unit {
        Some(u) => ui_fill(lang, "file.unit", &[("unit", u.clone())]),
        None => ui(lang, "file.unit_unknown").to_string(),
    };
    let mut parts = vec![unit];
    if let Some(sheet) = &f.sheet {
        parts.push(ui_fill(lang, "file.sheet", &[("sheet", sheet.clone())]));
        parts.push(ui_fill(
            lang,
            "file.rows",
            &[("rows", f.rows_total.to_string())],
        ));
    }
    if f.findings.is_empty() {
        parts.push(ui(lang, "file.ok").to_string());
    }
    writeln!(
        out,
        "{} {}",
        style.bold(&f.path.display().to_string()),
        style.dim(&format!("({})", parts.join(", ")))
    )?;
    if verbose && !f.ignored_sheets.is_empty() {
        let sheets = f.ignored_sheets.join(", ");
        writeln!(
            out,
            "  {}",
            style.dim(&ui_fill(lang, "file.ignored", &[("sheets", sheets)]))
        )?;
    }
    let whole = ui(lang, "file.whole");
    write_findings(
        out,
        &f.findings,
        |x| x.cell_a1().unwrap_or_else(|| whole.to_string()),
        verbose,
        style,
        lang,
    )
}

/// Writes findings one per line, their locations aligned in one column.
fn write_findings(
    out: &mut impl Write,
    findings: &[Finding],
    location: impl Fn(&Finding) -> String,
    verbose: bool,
    style: Style,
    lang: Lang,
) -> io::Result<()> {
    let locations: Vec<String> = findings.iter().map(location).collect();
    let width = locations
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    for (x, loc) in findings.iter().zip(&locations) {
        write_finding(out, x, loc, width, verbose, style, lang)?;
    }
    Ok(())
}

fn write_finding(
    out: &mut impl Write,
    x: &Finding,
    location: &str,
    width: usize,
    verbose: bool,
    style: Style,
    lang: Lang,
) -> io::Result<()> {
    let pad = width.saturating_sub(location.chars().count());
    let w = messages::wording(x, lang);
    writeln!(
        out,
        "  {}{}  {}  {}",
        location,
        " ".repeat(pad),
        style.severity(x.severity(), x.code().as_str()),
        w.message
    )?;
    let indent = " ".repeat(2 + width + 2 + 4 + 2);
    if !w.hint.is_empty() {
        writeln!(out, "{indent}{}", style.dim(&w.hint))?;
    }
    if verbose {
        if let Some(detail) = x.kind.detail().filter(|d| !d.is_empty()) {
            let line = ui_fill(lang, "file.detail", &[("detail", detail.to_string())]);
            writeln!(out, "{indent}{}", style.dim(&line))?;
        }
    }
    Ok(())
}

/// The one-line summary: files, rows, errors, warnings.
pub fn summary_line(s: &Summary, lang: Lang) -> String {
    ui_fill(
        lang,
        "summary",
        &[
            ("files", s.files.to_string()),
            ("rows", s.rows.to_string()),
            ("errors", s.errors.to_string()),
            ("warnings", s.warnings.to_string()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Kind, UnitName};
    use crate::json::Document;
    use std::path::PathBuf;

    fn file() -> CheckedFile {
        CheckedFile {
            path: PathBuf::from("input/TTUD.xlsx"),
            unit: Some("TTUD".into()),
            sheet: Some("Kết quả".into()),
            rows_total: 14,
            rows: Vec::new(),
            findings: vec![
                Finding::new(Kind::LeadTaskMissing {
                    task: 3,
                    title: "Bản tin".into(),
                })
                .in_sheet("Kết quả"),
                Finding::new(Kind::QuantityFractional {
                    value: "12,5".into(),
                })
                .at("Kết quả", 11, 5),
                Finding::new(Kind::MeasureUnknown {
                    value: "cái".into(),
                    measures: vec!["tin".into()],
                })
                .at("Kết quả", 100, 4),
            ],
            report_date: None,
            difficulties: Vec::new(),
            proposals: Vec::new(),
            ignored_sheets: vec!["Hướng dẫn".into()],
        }
    }

    #[test]
    fn text_is_grouped_aligned_and_plain_without_colour() {
        let mut out = Vec::new();
        write_text(
            &mut out,
            &[file()],
            &[],
            13,
            true,
            Style { color: false },
            Lang::Vi,
        )
        .unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(
            s.starts_with(
                "input/TTUD.xlsx (đơn vị TTUD, trang tính \"Kết quả\", 14 dòng dữ liệu)\n"
            ),
            "{s}"
        );
        assert!(
            s.contains("  cả tệp  E201  Đơn vị chủ trì nhiệm vụ 3"),
            "{s}"
        );
        assert!(
            s.contains("  F12     E104  Số lượng \"12,5\" không phải số nguyên không âm.\n"),
            "{s}"
        );
        assert!(s.contains("  E101    W114"), "{s}");
        assert!(s.contains("các trang tính không đọc: Hướng dẫn"));
        assert!(!s.contains('\x1b'));
        assert!(
            s.ends_with("1 tệp, 14 dòng dữ liệu: 2 lỗi, 1 cảnh báo.\n"),
            "{s}"
        );
    }

    #[test]
    fn json_has_the_contract_fields() {
        let batch = [Finding::new(Kind::LeadUnitMissing {
            unit: UnitName {
                code: "CCTC".into(),
                name: "Chi cục".into(),
            },
            tasks: vec![6],
        })
        .unit("CCTC")];
        let doc = Document::new(&[file()], &batch, 13, None, Lang::En);
        let v: serde_json::Value = serde_json::from_str(&doc.to_json()).unwrap();
        let f = &v["files"][0];
        assert_eq!(f["path"], "input/TTUD.xlsx");
        assert_eq!(f["unit"], "TTUD");
        assert_eq!(f["rows"], 14);
        assert_eq!(f["findings"][0]["cell"], serde_json::Value::Null);
        assert_eq!(f["findings"][1]["cell"], "F12");
        assert_eq!(f["findings"][1]["row"], 12);
        assert_eq!(f["findings"][1]["severity"], "error");
        assert_eq!(v["findings"][0]["unit"], "CCTC");
        assert!(v["findings"][0].get("paths").is_none());
        assert_eq!(v["summary"]["errors"], 3);
        assert_eq!(v["summary"]["rows_included"], 13);
        assert!(v.get("output").is_none());
        let doc = Document::new(&[], &[], 0, Some(None), Lang::En);
        let v: serde_json::Value = serde_json::from_str(&doc.to_json()).unwrap();
        assert_eq!(v["output"], serde_json::Value::Null);
    }
}
