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
pub mod xml;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use crate::plan::Plan;
use crate::report::aggregate::ReportData;
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
        |out| body::body(prose, texts, out),
        &props,
        body::PAGE_NUMBER_SIZE,
    )
}
