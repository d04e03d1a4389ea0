//! .xlsx / .xlsm: cells streamed with calamine's cell reader into a sparse grid
//! (never `worksheet_range`, which allocates the dense bounding box).

use std::io::{Cursor, Read, Write};

use calamine::{DataRef, Reader, Xlsx, XlsxError};

use super::{convert, corrupt, worksheet_names, GridBuilder, Limits};
use crate::read::{Format, ReadError, Workbook};

fn err(e: XlsxError) -> ReadError {
    match e {
        XlsxError::Password => ReadError::Encrypted,
        e => corrupt(format!("xlsx: {e}")),
    }
}

pub(super) fn read(bytes: Vec<u8>, limits: &Limits) -> Result<Workbook, ReadError> {
    let Normalized { bytes, parts } = normalize(bytes, limits, None)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.as_slice())).map_err(err)?;
    // Merged regions without a second parse of each sheet where the package
    // allows it; calamine's otherwise.
    let mut parts = super::merges::SheetParts::new(&bytes, parts.as_ref());
    let sheets = worksheet_names(book.sheets_metadata());
    let mut out = Vec::with_capacity(sheets.len());
    for name in sheets {
        let mut grid = GridBuilder::new(name.clone(), limits);
        {
            let mut cells = book.worksheet_cells_reader(&name).map_err(err)?;
            // Font names of the style palette (`styles.xml`, already parsed by
            // calamine at open): only legacy fonts are kept as evidence.
            let fonts: Vec<Option<String>> = cells
                .styles()
                .iter()
                .map(|st| {
                    st.font
                        .as_ref()
                        .and_then(|f| f.name.as_deref())
                        .filter(|n| crate::read::legacy::font_encoding(n).is_some())
                        .map(str::to_string)
                })
                .collect();
            while let Some((cell, style)) = cells.next_cell_with_style_id().map_err(err)? {
                let (row, col) = cell.get_position();
                // Formatting is not data: a styled empty cell far from the table
                // (row 150 000, column GZ) is not counted against the limits.
                if let DataRef::Empty = cell.get_value() {
                    continue;
                }
                grid.check_pos(row, col)?;
                // Refuse an over-long string before copying it.
                if let DataRef::String(t) = cell.get_value() {
                    grid.check_text_len(t)?;
                } else if let DataRef::SharedString(t) = cell.get_value() {
                    grid.check_text_len(t)?;
                }
                if let Some(raw) = convert(cell.get_value().clone()) {
                    let font = fonts.get(style).and_then(|f| f.as_deref());
                    grid.push_font(row, col, raw, font)?;
                }
            }
        }
        let merges = match parts.as_mut().and_then(|p| p.merges(&name)) {
            Some(m) => m,
            None => book.merge_cells_by_sheet_name(&name).map_err(err)?,
        };
        grid.add_merges(&merges);
        out.push(grid.finish());
    }
    Ok(Workbook {
        format: Format::Xlsx,
        sheets: out,
    })
}

/// The relationship types of Excel 4.0 macro sheets (`xl/macrosheets/…`), which
/// calamine refuses at open ("unrecognized sheet type").
const MACRO_SHEET_TYPES: [&str; 2] = ["/xlMacrosheet", "/xlIntlMacrosheet"];

/// The dialog-sheet relationship type: calamine lists such a sheet without
/// reading it, and `worksheet_names` leaves it out.
const DIALOG_SHEET_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/dialogsheet";

/// The workbook part and its relationships, as calamine reads them (lower case).
const WORKBOOK_PART: &str = "xl/workbook.xml";
const WORKBOOK_RELS: &str = "xl/_rels/workbook.xml.rels";

/// The `Id`s of a relationships part's `Relationship` elements.
fn relationship_ids(rels: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(rels);
    text.split('<')
        .filter(|e| e.starts_with("Relationship ") || e.contains(":Relationship "))
        .filter_map(|e| attribute(e, |name| name == "Id"))
        .collect()
}

/// The value of the first attribute of `element` (the text after its `<`) whose
/// name `wanted` accepts, as written (entities not unescaped).
pub(super) fn attribute(element: &str, wanted: impl Fn(&str) -> bool) -> Option<String> {
    let body = element.split('>').next()?;
    let mut rest = body.split_once(char::is_whitespace)?.1;
    while let Some((name, after)) = rest.split_once('=') {
        let after = after.trim_start();
        let quote = after.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let (value, tail) = after[1..].split_once(quote)?;
        if wanted(name.trim()) {
            return Some(value.to_string());
        }
        rest = tail;
    }
    None
}

/// The workbook part without the `<sheet>` entries whose relationship is missing
/// (Excel and LibreOffice open such a workbook and show its other sheets; calamine
/// refuses it whole). `None` when every sheet has its relationship, or when none
/// has (nothing would be left to read: the package stays as it is, damaged).
fn without_orphan_sheets(workbook: &[u8], rel_ids: &[String]) -> Option<Vec<u8>> {
    let text = String::from_utf8_lossy(workbook);
    let is_sheet = |e: &str| e.starts_with("sheet ") || e.contains(":sheet ");
    let orphan = |e: &str| {
        let id = attribute(e, |name| name.ends_with(":id"));
        is_sheet(e) && !id.is_some_and(|id| rel_ids.contains(&id))
    };
    let elements: Vec<&str> = text.split('<').collect();
    let sheets = elements.iter().filter(|e| is_sheet(e)).count();
    let orphans = elements.iter().filter(|e| orphan(e)).count();
    if orphans == 0 || orphans == sheets {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    // An orphan written `<sheet …></sheet>`: its closing tag goes too.
    let mut closing = false;
    for (i, element) in elements.iter().enumerate() {
        let dropped = if closing {
            closing = false;
            element.starts_with('/')
        } else if i > 0 && orphan(element) {
            let tag = element.split('>').next().unwrap_or("");
            closing = !tag.ends_with('/');
            true
        } else {
            false
        };
        if dropped {
            // Text after the dropped tag (white space in practice) stays.
            if let Some((_, after)) = element.split_once('>') {
                out.push_str(after);
            }
            continue;
        }
        if i > 0 {
            out.push('<');
        }
        out.push_str(element);
    }
    Some(out.into_bytes())
}

/// The byte order of an XML part in UTF-16, by its byte-order mark or by the
/// NUL beside its first `<`; `None` for UTF-8.
fn utf16_order(head: &[u8]) -> Option<bool> {
    match head {
        [0xFF, 0xFE, ..] | [b'<', 0, ..] => Some(false),
        [0xFE, 0xFF, ..] | [0, b'<', ..] => Some(true),
        _ => None,
    }
}

/// A UTF-16 part as UTF-8, its declaration saying so.
fn utf16_to_utf8(raw: &[u8], big_endian: bool) -> Vec<u8> {
    let units = raw.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let text = text.trim_start_matches('\u{FEFF}');
    let body = match text.strip_prefix("<?xml").and_then(|t| t.split_once("?>")) {
        Some((_, rest)) => rest,
        None => text,
    };
    let mut out = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#.to_vec();
    out.extend_from_slice(body.as_bytes());
    out
}

/// A relationships part with Excel 4.0 macro sheets marked as dialog sheets
/// (not data; calamine then skips them instead of refusing the workbook): the
/// type for .xlsx, the target's folder for .xlsb (which calamine goes by).
fn hide_macro_sheets(rels: &[u8]) -> Option<Vec<u8>> {
    let text = String::from_utf8_lossy(rels);
    if !MACRO_SHEET_TYPES.iter().any(|t| text.contains(t)) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (i, element) in text.split('<').enumerate() {
        if i > 0 {
            out.push('<');
        }
        let mut element = element.to_string();
        for suffix in MACRO_SHEET_TYPES {
            for quote in ['"', '\''] {
                let Some(end) = element.find(&format!("{suffix}{quote}")) else {
                    continue;
                };
                // The attribute value starts after the quote before the suffix.
                if let Some(start) = element[..end].rfind(quote) {
                    element.replace_range(start + 1..end + suffix.len(), DIALOG_SHEET_TYPE);
                    element = element.replacen("macrosheets/", "dialogsheets/", 1);
                }
            }
        }
        out.push_str(&element);
    }
    Some(out.into_bytes())
}

/// Rewrites in memory what Excel opens but calamine refuses, copying every other
/// entry as it is: XML parts in UTF-16 (as some .NET writers save them) become
/// UTF-8, and Excel 4.0 macro sheets beside the data sheets are marked as dialog
/// sheets. The package's sizes were checked against the limits before.
///
/// `main` (for .xlsb, which calamine reads only at `xl/workbook.bin`): the main
/// part's path when it is elsewhere; its folder's entries then move to `xl/`
/// and it becomes `xl/workbook.bin`.
pub(super) fn normalize(
    bytes: Vec<u8>,
    limits: &Limits,
    main: Option<&str>,
) -> Result<Normalized, ReadError> {
    let bad = |e: &dyn std::fmt::Display| corrupt(format!("xlsx repack: {e}"));
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice()))
        .map_err(|e| corrupt(format!("broken zip package: {e}")))?;
    // Entries rewritten, by index; the others are copied as they are.
    let mut changes: Vec<(usize, Vec<u8>)> = Vec::new();
    // The workbook part (index, text, whether it was UTF-16) and its
    // relationships' ids: a sheet listed without a relationship is left out
    // (below).
    let mut workbook: Option<(usize, Vec<u8>, bool)> = None;
    let mut workbook_rel_ids: Option<Vec<String>> = None;
    // The parts read whole, as read, for the merge scan.
    let mut parts = Parts::default();
    let mut heads = Heads::new();
    for i in 0..zip.len() {
        let name = match zip.name_for_index(i) {
            Some(Ok(n)) => n.to_ascii_lowercase(),
            _ => String::new(),
        };
        let is_rels = name.ends_with(".rels");
        if !is_rels && !name.ends_with(".xml") {
            // Opened as before, for the error a damaged entry gives.
            zip.by_index(i).map_err(|e| bad(&e))?;
            continue;
        }
        let is_workbook = name == WORKBOOK_PART;
        if !is_rels && !is_workbook {
            // Only the first two bytes matter (UTF-16 or not), read without
            // opening a full reader when the entry allows.
            if let Some(head) = heads.head(&mut zip, &bytes, i) {
                if utf16_order(&head).is_none() {
                    continue;
                }
            }
        }
        let mut f = zip.by_index(i).map_err(|e| bad(&e))?;
        let mut head = [0u8; 2];
        let n = (&mut f).take(2).read(&mut head).map_err(|e| bad(&e))?;
        let order = utf16_order(&head[..n]);
        if order.is_none() && !is_rels && !is_workbook {
            continue;
        }
        let mut raw = head[..n].to_vec();
        (&mut f)
            .take(limits.uncompressed)
            .read_to_end(&mut raw)
            .map_err(|e| bad(&e))?;
        let declared = f.size();
        let entry = f.name().map(|n| n.into_owned()).unwrap_or_default();
        drop(f);
        let utf8 = order.map(|big| utf16_to_utf8(&raw, big));
        let text = utf8.as_deref().unwrap_or(&raw);
        if is_workbook {
            workbook = Some((i, text.to_vec(), order.is_some()));
            parts.insert(entry, declared, raw);
            continue;
        }
        if name == WORKBOOK_RELS {
            workbook_rel_ids = Some(relationship_ids(text));
        }
        let new = if is_rels {
            hide_macro_sheets(text).or(utf8)
        } else {
            utf8
        };
        match new {
            Some(new) => changes.push((i, new)),
            None => parts.insert(entry, declared, raw),
        }
    }
    if let Some((i, text, utf16)) = workbook {
        let fixed = workbook_rel_ids
            .as_deref()
            .and_then(|ids| without_orphan_sheets(&text, ids));
        match fixed {
            Some(new) => changes.push((i, new)),
            None if utf16 => changes.push((i, text)),
            None => {}
        }
        changes.sort_by_key(|(j, _)| *j);
    }
    let moved = main.map(|m| moved_part_names(m, &zip));
    let taken: std::collections::HashSet<String> =
        moved.iter().flat_map(|m| m.values().cloned()).collect();
    if changes.is_empty() && moved.is_none() {
        drop(zip);
        return Ok(Normalized {
            bytes,
            parts: Some(parts),
        });
    }
    use zip::write::SimpleFileOptions;
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    let mut changes = changes.into_iter().peekable();
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(|e| bad(&e))?;
        let name = f.name().map_err(|e| bad(&e))?.to_string();
        let new_name = moved.as_ref().and_then(|m| m.get(&name).cloned());
        if new_name.is_none() && taken.contains(&name) {
            // An entry in the way of a moved one (a stray `xl/…`) is left out.
            changes.next_if(|(j, _)| *j == i);
            continue;
        }
        match changes.next_if(|(j, _)| *j == i) {
            Some((_, new)) => {
                drop(f);
                out.start_file(new_name.unwrap_or(name), deflated)
                    .map_err(|e| bad(&e))?;
                out.write_all(&new).map_err(|e| bad(&e))?;
            }
            None => match new_name {
                Some(n) => out.raw_copy_file_rename(f, n).map_err(|e| bad(&e))?,
                None => out.raw_copy_file(f).map_err(|e| bad(&e))?,
            },
        }
    }
    Ok(Normalized {
        bytes: out.finish().map_err(|e| bad(&e))?.into_inner(),
        parts: None,
    })
}

/// A package as calamine can read it, and what [`normalize`] read whole of it
/// when it left the package as it was (else `None`: the new package must be
/// read again).
pub(super) struct Normalized {
    pub bytes: Vec<u8>,
    pub parts: Option<Parts>,
}

/// Entries read whole, by their name in the package: declared size and bytes.
#[derive(Default)]
pub(super) struct Parts(std::collections::HashMap<String, (u64, Vec<u8>)>);

impl Parts {
    fn insert(&mut self, name: String, declared: u64, bytes: Vec<u8>) {
        self.0.insert(name, (declared, bytes));
    }

    /// An entry's declared size and bytes, if it was read.
    pub(super) fn get(&self, name: &str) -> Option<(u64, &[u8])> {
        self.0
            .get(name)
            .map(|(size, bytes)| (*size, bytes.as_slice()))
    }
}

/// The first bytes of entries, inflated by one inflater reused from entry to
/// entry: opening a full reader for each costs its buffers and a new inflater
/// (about 47 000 instructions, for each of the ten entries of a small file).
struct Heads {
    inflater: flate2::Decompress,
}

impl Heads {
    fn new() -> Heads {
        Heads {
            inflater: flate2::Decompress::new(false),
        }
    }

    /// The first two bytes of entry `i`, as a reader of the entry gives them;
    /// `None` for anything but plain stored or deflated data of at least two
    /// bytes, or data that does not inflate (the caller then opens the entry
    /// as before, and gets its error).
    fn head<R: Read + std::io::Seek>(
        &mut self,
        zip: &mut zip::ZipArchive<R>,
        package: &[u8],
        i: usize,
    ) -> Option<[u8; 2]> {
        let f = zip.by_index_raw(i).ok()?;
        if f.encrypted() || f.size() < 2 {
            return None;
        }
        let start = usize::try_from(f.data_start()?).ok()?;
        let len = usize::try_from(f.compressed_size()).ok()?;
        let data = package.get(start..start.checked_add(len)?)?;
        let mut out = [0u8; 2];
        match f.compression() {
            zip::CompressionMethod::Stored => out.copy_from_slice(data.get(..2)?),
            zip::CompressionMethod::Deflated => {
                self.inflater.reset(false);
                let status = self
                    .inflater
                    .decompress(data, &mut out, flate2::FlushDecompress::None)
                    .ok()?;
                if self.inflater.total_out() < 2 || status == flate2::Status::BufError {
                    return None;
                }
            }
            _ => return None,
        }
        Some(out)
    }
}

/// For a main part at `dir/name.bin`: the new name of every entry under `dir/`
/// (`xl/…`; the main part `xl/workbook.bin`, its relationships
/// `xl/_rels/workbook.bin.rels`).
fn moved_part_names<R: Read + std::io::Seek>(
    main: &str,
    zip: &zip::ZipArchive<R>,
) -> std::collections::HashMap<String, String> {
    let (dir, file) = match main.rsplit_once('/') {
        Some((d, f)) => (format!("{d}/"), f),
        None => (String::new(), main),
    };
    let rels = format!("{dir}_rels/{file}.rels");
    let mut out = std::collections::HashMap::new();
    for name in zip.file_names().filter_map(|n| n.ok()) {
        let new = if name.eq_ignore_ascii_case(main) {
            "xl/workbook.bin".to_string()
        } else if name.eq_ignore_ascii_case(&rels) {
            "xl/_rels/workbook.bin.rels".to_string()
        } else if !dir.is_empty() && dir != "xl/" && name.starts_with(&dir) {
            format!("xl/{}", &name[dir.len()..])
        } else {
            continue;
        };
        out.insert(name.into_owned(), new);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheets_without_a_relationship_are_left_out() {
        let ids = relationship_ids(
            br#"<Relationships xmlns="x"><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/><Relationship Target="styles.xml" Id='rId3' Type="t/styles"/></Relationships>"#,
        );
        assert_eq!(ids, ["rId1", "rId3"]);
        let wb = r#"<workbook xmlns:r="r"><sheets><sheet name="Ghi chú" sheetId="2" r:id="rId9"/><sheet name="Kết quả" sheetId="1" r:id="rId1"/><sheet name="X" sheetId="3" r:id="rId7"></sheet></sheets></workbook>"#;
        let fixed = without_orphan_sheets(wb.as_bytes(), &ids).unwrap();
        assert_eq!(
            String::from_utf8(fixed).unwrap(),
            r#"<workbook xmlns:r="r"><sheets><sheet name="Kết quả" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        );
        // Every sheet has its relationship, or none has: left as it is.
        assert!(without_orphan_sheets(
            wb.as_bytes(),
            &["rId1".into(), "rId7".into(), "rId9".into()]
        )
        .is_none());
        assert!(without_orphan_sheets(wb.as_bytes(), &[]).is_none());
    }

    #[test]
    fn utf16_parts_become_utf8_with_their_declaration() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>Kết quả</a>";
        let mut le = vec![0xFF, 0xFE];
        le.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xFE, 0xFF];
        be.extend(xml.encode_utf16().flat_map(u16::to_be_bytes));
        let want = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><a>Kết quả</a>";
        assert_eq!(utf16_order(&le), Some(false));
        assert_eq!(utf16_order(&be), Some(true));
        assert_eq!(utf16_order(b"<?xml"), None);
        assert_eq!(utf16_to_utf8(&le, false), want.as_bytes());
        assert_eq!(utf16_to_utf8(&be, true), want.as_bytes());
    }

    #[test]
    fn macro_sheet_relationships_become_dialog_sheets() {
        let rels = br#"<Relationships><Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/><Relationship Id='rId3' Type='http://schemas.microsoft.com/office/2006/relationships/xlIntlMacrosheet' Target='macrosheets/sheet2.xml'/></Relationships>"#;
        let out = String::from_utf8(hide_macro_sheets(rels).unwrap()).unwrap();
        assert!(!out.contains("Macrosheet"), "{out}");
        assert_eq!(out.matches(DIALOG_SHEET_TYPE).count(), 2, "{out}");
        assert!(out.contains("Target=\"dialogsheets/sheet1.xml\""), "{out}");
        assert!(out.contains("Target='dialogsheets/sheet2.xml'"), "{out}");
        assert_eq!(hide_macro_sheets(b"<Relationships/>"), None);
    }
}
