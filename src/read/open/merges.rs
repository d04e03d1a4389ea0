//! Merged regions of an .xlsx sheet, found by scanning the sheet's XML for its
//! `<mergeCells>` element instead of parsing the whole sheet a second time as
//! calamine's `merge_cells_by_sheet_name` does (13 % of `check`'s time:
//! `docs/performance.md`). Anything unusual — a workbook part elsewhere than
//! `xl/workbook.xml`, a sheet name with markup, a reference this scan does not
//! read exactly as calamine would — gives `None`, and the caller asks calamine.
//! A test compares both on every .xlsx fixture.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use calamine::Dimensions;

use super::xlsx::Parts;

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The largest sheet part scanned in memory (a sheet of about 100 000 rows);
/// larger ones are left to calamine's streaming parser.
const SCAN_LIMIT: u64 = 32 * 1024 * 1024;

/// The largest workbook or relationships part read (a workbook of thousands of
/// sheets is a few hundred kilobytes).
const PART_LIMIT: u64 = 4 * 1024 * 1024;

/// The package's sheets: name → the zip entry holding the sheet, for the sheets
/// this module can resolve as calamine does.
pub(super) struct SheetParts<'a> {
    zip: Zip<'a>,
    parts: HashMap<String, String>,
}

impl<'a> SheetParts<'a> {
    /// Reads the workbook part and its relationships (or takes them from
    /// `read`, the parts already read whole from this package); `None` when the
    /// package is not laid out the usual way (calamine is then asked for every
    /// sheet).
    pub(super) fn new(package: &'a [u8], read: Option<&Parts>) -> Option<SheetParts<'a>> {
        let mut zip = zip::ZipArchive::new(Cursor::new(package)).ok()?;
        let names = super::entry_names(&zip);
        let entry = |path: &str| {
            names
                .iter()
                .find(|n| n.replace('\\', "/").eq_ignore_ascii_case(path))
                .cloned()
        };
        // The main part as Excel finds it (`_rels/.rels`), as when sniffing.
        let main = match read.and_then(|r| super::rels_part(&names, r)) {
            Some(rels) => super::main_part(&rels, &names),
            None => super::office_document(&mut zip, &names),
        }?;
        if !main.eq_ignore_ascii_case("xl/workbook.xml") {
            return None;
        }
        let mut text = |name: &str| match read.and_then(|r| r.get(name)) {
            Some((size, bytes)) => (size <= PART_LIMIT)
                .then(|| String::from_utf8(bytes.to_vec()).ok())
                .flatten(),
            None => read_text(&mut zip, name),
        };
        let workbook = text(&entry("xl/workbook.xml")?)?;
        let rels = text(&entry("xl/_rels/workbook.xml.rels")?)?;
        let targets = relationship_targets(&rels);
        let mut parts = HashMap::new();
        for element in workbook.split('<').filter(|e| local_name(e) == "sheet") {
            let name = attribute(element, |n| n == "name")?;
            let id = attribute(element, |n| n.ends_with(":id"))?;
            let Some(target) = targets.get(&id) else {
                continue;
            };
            if name.contains('&') || target.contains("..") || target.contains("./") {
                continue;
            }
            let path = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("xl/{target}"),
            };
            if let Some(e) = entry(&path) {
                parts.insert(name, e);
            }
        }
        Some(SheetParts { zip, parts })
    }

    /// The sheet's merged regions, or `None` when calamine should be asked —
    /// also for a sheet part larger than [`SCAN_LIMIT`], which calamine reads as a
    /// stream rather than this module holding it whole.
    pub(super) fn merges(&mut self, sheet: &str) -> Option<Vec<Dimensions>> {
        let entry = self.parts.get(sheet)?;
        let xml = read_at_most(&mut self.zip, entry, SCAN_LIMIT)?;
        merge_regions(&xml)
    }
}

/// An entry whole, if it declares at most `limit` bytes (the zip reader refuses
/// an entry past its declared size, so that bounds what is read).
fn read_at_most(zip: &mut Zip<'_>, name: &str, limit: u64) -> Option<Vec<u8>> {
    let f = zip.by_name(name).ok()?;
    if f.size() > limit {
        return None;
    }
    let mut raw = Vec::with_capacity(usize::try_from(f.size()).ok()?);
    f.take(limit).read_to_end(&mut raw).ok()?;
    Some(raw)
}

/// A small part (relationships, the workbook part) as text.
fn read_text(zip: &mut Zip<'_>, name: &str) -> Option<String> {
    String::from_utf8(read_at_most(zip, name, PART_LIMIT)?).ok()
}

/// A relationships part's targets by id.
fn relationship_targets(rels: &str) -> HashMap<String, String> {
    rels.split('<')
        .filter(|e| local_name(e) == "Relationship")
        .filter_map(|e| {
            Some((
                attribute(e, |n| n == "Id")?,
                attribute(e, |n| n == "Target")?,
            ))
        })
        .collect()
}

/// The local name of the tag an element's text (after its `<`) starts with.
fn local_name(element: &str) -> &str {
    let end = element
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(element.len());
    let name = &element[..end];
    name.rsplit(':').next().unwrap_or(name)
}

/// The value of the first attribute whose name `wanted` accepts; `None` for a
/// value with an entity (this scan does not unescape).
fn attribute(element: &str, wanted: impl Fn(&str) -> bool) -> Option<String> {
    super::xlsx::attribute(element, wanted).filter(|v| !v.contains('&'))
}

/// The `ref`s of the `<mergeCell>` elements in the sheet's first `<mergeCells>`,
/// as calamine reads them (none without that element); `None` on anything else
/// (no closing tag, a reference that is not plain `A1` or `A1:B2`).
pub(super) fn merge_regions(xml: &[u8]) -> Option<Vec<Dimensions>> {
    let finder = memchr::memmem::Finder::new(b"mergeCells");
    let Some(start) = finder.find_iter(xml).find(|&at| is_start_tag(xml, at)) else {
        return Some(Vec::new());
    };
    let text = std::str::from_utf8(&xml[start..]).ok()?;
    let mut elements = text.split('<');
    let opening = elements.next()?;
    let opening = opening.split('>').next()?;
    if opening.ends_with('/') {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    for element in elements {
        let closing = element.starts_with('/');
        let name = local_name(element.trim_start_matches('/'));
        match (closing, name) {
            (true, "mergeCells") => return Some(out),
            (false, "mergeCell") => {
                if let Some(r) = attribute(element, |n| n == "ref") {
                    out.push(dimension(&r)?);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether `mergeCells` at `at` is the name of a start tag: `<mergeCells` or
/// `<prefix:mergeCells`, followed by white space, `>` or `/`.
fn is_start_tag(xml: &[u8], at: usize) -> bool {
    let after = xml.get(at + b"mergeCells".len()).copied();
    if !matches!(after, Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/')) {
        return false;
    }
    let before = &xml[..at];
    match before.last() {
        Some(b'<') => true,
        Some(b':') => {
            let prefix_start = before[..before.len() - 1]
                .iter()
                .rposition(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-'));
            prefix_start.is_some_and(|p| before[p] == b'<' && p + 1 < before.len() - 1)
        }
        _ => false,
    }
}

/// `A1` or `A1:B2` as calamine's `get_dimension` reads it (0-based), for
/// references of at most three letters and seven digits; `None` otherwise.
fn dimension(r: &str) -> Option<Dimensions> {
    let cell = |s: &str| -> Option<(u32, u32)> {
        let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
        let digits = &s[letters..];
        if letters == 0 || letters > 3 || digits.is_empty() || digits.len() > 7 {
            return None;
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let col = s[..letters].bytes().fold(0u32, |c, b| {
            c * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
        });
        let row: u32 = digits.parse().ok()?;
        Some((row.checked_sub(1)?, col - 1))
    };
    match r.split_once(':') {
        None => {
            let c = cell(r)?;
            Some(Dimensions { start: c, end: c })
        }
        Some((a, b)) => {
            let (start, end) = (cell(a)?, cell(b)?);
            // calamine subtracts end from start (a panic or a wrap when inverted).
            (end.0 >= start.0 && end.1 >= start.1).then_some(Dimensions { start, end })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every .xlsx/.xlsm of the repository (samples, fixtures, corpus).
    fn packages() -> Vec<std::path::PathBuf> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        let mut dirs = vec![root.join("input"), root.join("tests/fixtures")];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                let ext = p.extension().map(|x| x.to_string_lossy().to_lowercase());
                if p.is_dir() {
                    dirs.push(p);
                } else if matches!(ext.as_deref(), Some("xlsx" | "xlsm")) {
                    out.push(p);
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn the_scan_finds_what_calamine_finds_in_every_fixture() {
        use calamine::Reader;
        let (mut fast, mut asked) = (0, 0);
        for path in packages() {
            let bytes = std::fs::read(&path).unwrap();
            let Ok(mut book) = calamine::Xlsx::new(Cursor::new(bytes.as_slice())) else {
                continue;
            };
            let mut parts = SheetParts::new(&bytes, None);
            // And from the parts the reader's normalising pass already read.
            let normalized =
                super::super::xlsx::normalize(bytes.clone(), &Default::default(), None).unwrap();
            let mut given = SheetParts::new(&normalized.bytes, normalized.parts.as_ref());
            assert_eq!(given.is_some(), parts.is_some(), "{path:?}");
            for name in book.sheet_names() {
                let Ok(expected) = book.merge_cells_by_sheet_name(&name) else {
                    continue;
                };
                let pairs =
                    |d: &[Dimensions]| -> Vec<_> { d.iter().map(|d| (d.start, d.end)).collect() };
                let from_given = given.as_mut().and_then(|p| p.merges(&name));
                match parts.as_mut().and_then(|p| p.merges(&name)) {
                    Some(found) => {
                        fast += 1;
                        assert_eq!(pairs(&found), pairs(&expected), "{path:?} {name}");
                        let from_given = from_given.unwrap_or_default();
                        assert_eq!(pairs(&from_given), pairs(&expected), "{path:?} {name}");
                    }
                    None => {
                        asked += 1;
                        assert!(from_given.is_none(), "{path:?} {name}");
                    }
                }
            }
        }
        eprintln!("merged regions: {fast} sheets scanned, {asked} asked of calamine");
        // The samples and nearly every fixture take the scan.
        assert!(
            fast >= 50,
            "{fast} sheets scanned, {asked} asked of calamine"
        );
        assert!(
            asked * 10 <= fast,
            "{fast} sheets scanned, {asked} asked of calamine"
        );
    }

    #[test]
    fn merge_regions_are_read_from_the_merge_cells_element() {
        let xml = br#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>mergeCells &lt;mergeCells&gt;</t></is></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:I1"/><mergeCell ref="G7:H7"/></mergeCells></worksheet>"#;
        let d = merge_regions(xml).unwrap();
        assert_eq!(
            d.iter().map(|d| (d.start, d.end)).collect::<Vec<_>>(),
            [((0, 0), (0, 8)), ((6, 6), (6, 7))]
        );
        let prefixed =
            br#"<x:worksheet><x:mergeCells><x:mergeCell ref="B2"/></x:mergeCells></x:worksheet>"#;
        assert_eq!(merge_regions(prefixed).unwrap()[0].start, (1, 1));
        assert!(merge_regions(b"<worksheet><mergeCells/></worksheet>")
            .unwrap()
            .is_empty());
        // No merge element: none; unusual references: ask calamine.
        assert!(merge_regions(b"<worksheet><sheetData/></worksheet>")
            .unwrap()
            .is_empty());
        assert!(merge_regions(br#"<mergeCells><mergeCell ref="$A$1:B2"/></mergeCells>"#).is_none());
        assert!(merge_regions(br#"<mergeCells><mergeCell ref="B2:A1"/></mergeCells>"#).is_none());
        assert!(merge_regions(br#"<mergeCells><mergeCell ref="A1:B2"/>"#).is_none());
    }
}
