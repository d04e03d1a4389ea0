//! The report: the included rows aggregated per task and unit (`aggregate`), the
//! report's fixed words (`texts`), and the .docx written from both (`render`).

pub mod aggregate;
pub mod exclusion;
pub mod prose;
pub mod render;
#[cfg(test)]
mod testdata;
pub mod texts;
pub mod workbook;
