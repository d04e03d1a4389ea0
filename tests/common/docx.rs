//! Reading a written .docx back: `word/document.xml` out of the package, parsed
//! into paragraphs and tables.

use std::io::Read;
use std::ops::Deref;
use std::path::Path;

use quick_xml::events::Event;

/// The document read back: paragraphs outside tables, and tables (rows of cell
/// texts, a cell's paragraphs joined by `\n`), with the XML they came from.
#[derive(Default, Debug)]
pub struct Doc {
    pub xml: String,
    pub paragraphs: Vec<String>,
    pub tables: Vec<Vec<Row>>,
}

/// A table row: its cell texts (the row dereferences to them) and whether it
/// repeats as a header row and may not split across pages.
#[derive(Default, Debug, Clone)]
pub struct Row {
    pub cells: Vec<String>,
    pub header: bool,
    pub cant_split: bool,
}

impl Deref for Row {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.cells
    }
}

impl<'a> IntoIterator for &'a Row {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.cells.iter()
    }
}

/// The text of `word/document.xml` in the .docx at `path`.
pub fn document_xml(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The .docx at `path`, read back.
pub fn read_docx(path: &Path) -> Doc {
    parse_document(document_xml(path))
}

/// Parses `word/document.xml`.
pub fn parse_document(xml: String) -> Doc {
    let mut doc = Doc::default();
    let mut r = quick_xml::Reader::from_str(&xml);
    let mut depth_tbl = 0usize;
    let mut para = String::new();
    let mut in_t = false;
    let mut row = Row::default();
    let mut cell = String::new();
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) => match e.name().as_ref() {
                "w:tbl" => {
                    depth_tbl += 1;
                    if depth_tbl == 1 {
                        doc.tables.push(Vec::new());
                    }
                }
                "w:tr" => row = Row::default(),
                "w:tc" => cell.clear(),
                "w:p" => para.clear(),
                "w:t" => in_t = true,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "w:tblHeader" => row.header = true,
                "w:cantSplit" => row.cant_split = true,
                _ => {}
            },
            Event::Text(t) if in_t => para.push_str(&t.xml10_content()),
            Event::GeneralRef(g) if in_t => {
                para.push(match g.into_inner().as_ref() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    _ => '?',
                });
            }
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_t = false,
                "w:p" => {
                    if depth_tbl == 0 {
                        doc.paragraphs.push(para.clone());
                    } else {
                        if !cell.is_empty() && !para.is_empty() {
                            cell.push('\n');
                        }
                        cell.push_str(&para);
                    }
                }
                "w:tc" => row.cells.push(cell.clone()),
                "w:tr" => doc.tables.last_mut().unwrap().push(row.clone()),
                "w:tbl" => depth_tbl -= 1,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    doc.paragraphs.retain(|p| !p.is_empty());
    doc.xml = xml;
    doc
}
