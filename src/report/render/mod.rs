//! Render: the consolidated report as a .docx package, in the format of
//! `shared/spec/report.md` (Nghị định 30/2020/NĐ-CP, Phụ lục I). The only stage
//! that knows about Word.
//!
//! WordprocessingML is written directly ([`xml`]) rather than through docx-rs:
//! the report needs repeated header rows, rows that do not split, a title page
//! without a page number and a landscape appendix section with its own header
//! reference — all missing from or wrongly serialised by docx-rs 0.4.22 — and
//! writing the few element kinds we use keeps the output schema-valid and
//! byte-identical from run to run without patching another library's XML.

mod body;
mod package;
mod styles;
pub mod xml;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use crate::plan::Plan;
use crate::report::aggregate::ReportData;
use crate::report::prose::appendix;
use crate::report::texts::Texts;

pub use crate::report::prose::{date_line, vn_number};

/// Page geometry in twips (1 mm = 56.7 twips).
pub mod page {
    /// A4 portrait.
    pub const WIDTH: u32 = 11906;
    pub const HEIGHT: u32 = 16838;
    /// 20 / 20 / 30 / 15 mm.
    pub const TOP: u32 = 1134;
    pub const BOTTOM: u32 = 1134;
    pub const LEFT: u32 = 1701;
    pub const RIGHT: u32 = 850;
    /// Distance of the page number from the page edge (10 mm).
    pub const HEADER: u32 = 567;
    /// Text block width of the portrait pages.
    pub const TEXT_WIDTH: u32 = WIDTH - LEFT - RIGHT;
    /// Landscape appendix margins (20 mm all round) and text width.
    pub const LANDSCAPE_MARGIN: u32 = 1134;
    pub const LANDSCAPE_TEXT_WIDTH: u32 = HEIGHT - 2 * LANDSCAPE_MARGIN;
}

/// Renders the report. `date` is the signing date (`--date`); without it the day
/// is left blank for the clerk and the month and year are those of the plan's
/// department deadline. Same inputs, same bytes.
pub fn report_docx(
    data: &ReportData,
    plan: &Plan,
    texts: &Texts,
    date: Option<NaiveDate>,
) -> Result<Vec<u8>> {
    let prose = crate::report::prose::prose(data, plan, texts, date);
    let subject = prose.subject.clone();
    let when = date.unwrap_or(plan.deadlines.department_report);
    let props = package::Properties {
        title: &subject,
        author: &texts.author,
        date: NaiveDate::from_ymd_opt(when.year(), when.month(), when.day()).unwrap_or(when),
    };
    package::package(
        |out| body::body(prose, appendix(data, plan, texts), texts, out),
        &props,
        body::PAGE_NUMBER_SIZE,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testdata::{file, row};
    use crate::value::Status::Done;

    /// The package as it was built before the body was streamed: the whole
    /// body's XML first, handed to the package in one piece.
    fn packed_whole(data: &ReportData, plan: &Plan, texts: &Texts, date: NaiveDate) -> Vec<u8> {
        let prose = crate::report::prose::prose(data, plan, texts, Some(date));
        let props = package::Properties {
            title: &prose.subject.clone(),
            author: &texts.author,
            date,
        };
        let mut xml = Vec::new();
        body::body(prose, appendix(data, plan, texts), texts, &mut xml).unwrap();
        package::package(|out| out.write_all(&xml), &props, body::PAGE_NUMBER_SIZE).unwrap()
    }

    fn report_of(rows: usize) -> (Vec<u8>, Vec<u8>) {
        let (plan, texts) = (Plan::shipped(), Texts::shipped());
        let rows = (0..rows)
            .map(|i| {
                row(
                    "TTUD",
                    1 + (i % 3) as u32,
                    &format!("Tin bài số {i}"),
                    Some(1),
                    "tin",
                    Done,
                )
            })
            .collect();
        let files = [file("TTUD", "2024-11-10", rows)];
        let data = crate::report::aggregate::aggregate(&plan, &files, &[]);
        let date = NaiveDate::from_ymd_opt(2024, 11, 28).unwrap();
        let streamed = report_docx(&data, &plan, &texts, Some(date)).unwrap();
        (streamed, packed_whole(&data, &plan, &texts, date))
    }

    #[test]
    fn a_streamed_body_packs_to_the_bytes_of_a_body_built_whole() {
        // Deflate's output depends on how its input is cut: a body under the
        // flush size reaches it in one piece, so the bytes are unchanged.
        let (streamed, whole) = report_of(200);
        assert!(streamed == whole, "the streamed report's bytes differ");
    }

    #[test]
    fn a_body_cut_in_pieces_holds_the_same_parts() {
        // Over the flush size (8 MB of XML: a few thousand rows) the pieces
        // change the deflate stream, never the parts it holds.
        let (streamed, whole) = report_of(9_000);
        let parts = |bytes: &[u8]| {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
            (0..zip.len())
                .map(|i| {
                    let mut f = zip.by_index(i).unwrap();
                    let mut s = Vec::new();
                    std::io::Read::read_to_end(&mut f, &mut s).unwrap();
                    (f.name().unwrap().to_string(), s)
                })
                .collect::<Vec<_>>()
        };
        let (a, b) = (parts(&streamed), parts(&whole));
        let document = a.iter().find(|(n, _)| n == "word/document.xml").unwrap();
        assert!(
            document.1.len() > 8 * 1024 * 1024,
            "not cut: {}",
            document.1.len()
        );
        assert!(a == b, "the parts differ");
    }
}
