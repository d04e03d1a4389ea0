//! Opening a spreadsheet file of any supported format, chosen by content, into a
//! [`Workbook`], with safety limits checked before anything large is allocated.
//!
//! # How hostile files are kept out
//! * **File size** is checked from the metadata before reading; the file is then
//!   read through `Read::take`, so a file that grows meanwhile cannot get past it.
//! * **Zip packages** (.xlsx, .ods): the declared uncompressed sizes are summed
//!   against the cap before any parser sees the package; declared sizes can lie,
//!   but the zip reader refuses an entry at its first byte past its declared size,
//!   so they bound what any parser reads.
//! * **.xlsx** is never read with calamine's `worksheet_range` (a sheet with cells
//!   at A1 and XFD1048576 makes it allocate ~512 GiB and abort): cells are streamed
//!   with `worksheet_cells_reader` into the sparse [`Grid`], counting as they come.
//! * **.xls**: calamine parses every sheet at open into a *dense* range spanning the
//!   bounding box of its cells. Before calamine runs, our own minimal compound-file
//!   reader ([`cfb`]) extracts the `Workbook` stream and [`xls::prescan`] walks its
//!   BIFF records (cell records only, no values): FILEPASS → encrypted, and per
//!   sheet the cell count, highest row/column and the bounding-box area are checked.
//!   The area is capped at `4 × limits.cells` (reported as `LimitKind::Area` with
//!   the area as `found`), so calamine never allocates more than ~128 MB per sheet.
//! * **.ods**: calamine expands `number-rows-repeated`/`number-columns-repeated`;
//!   [`ods::prescan`] streams `content.xml` with quick-xml first, summing repeats of
//!   non-empty cells and rows, checks the limits (and the bounding-box area, as for
//!   .xls), and collects merged regions (calamine has none for ODS).
//! * Every third-party call runs under `catch_unwind`; a panic becomes `Corrupt`.
//!
//! # Font names (legacy-text evidence)
//! Each text cell goes through `legacy::repair` with its font name where the file
//! has one (see `docs/legacy-text.md`): .xlsx from calamine's style palette in the
//! same streaming pass; .ods from the automatic styles met in the pre-scan; .xls
//! from FONT/XF/BOUNDSHEET records in the BIFF pre-scan. Only legacy fonts are
//! kept, per cell, capped at `limits.cells` (and 65 536 FONT/XF records, 10 000
//! .ods styles).
//!
//! # Measured (release build, `examples/hostile_bench.rs`, `/usr/bin/time -v`)
//! Time of `open` alone; peak RSS of the whole process (which also generates the
//! file):
//!
//! | case | outcome | open | peak RSS |
//! |---|---|---|---|
//! | xlsx cells at A1 and XFD1048576 | Limit Rows | < 1 ms | 3 MB |
//! | 1 GiB deflate bomb in a 6 MB xlsx | Limit Uncompressed (declared) | 5 ms | 10 MB |
//! | same, declared sizes lying (1000 B) | Corrupt (zip: larger than declared) | 13 ms | 10 MB |
//! | xlsx with 1 000 000 rows | Limit Rows at row 100 001 | 0.27 s | 55 MB |
//! | xlsx with a 100 MB inline string | Limit TextLength | 0.45 s | 312 MB |
//! | ods row repeated 1 000 000 times | Limit Rows | < 1 ms | 3 MB |
//! | 5 GB sparse file | Limit FileSize | < 1 ms | 3 MB |
//! | xls with cells at A1 and GR65536 | Limit Area (13.1 M cells) | < 1 ms | 3 MB |

mod cfb;
mod merges;
mod ods;
mod xls;
mod xlsb;
mod xlsx;

use crate::memo::Memo;
use std::fs::File;
use std::io::{self, Cursor, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use super::{CellValue, FileKind, Format, Grid, LimitKind, ReadError, TextFix, Workbook};
use crate::read::legacy::Encoding;

/// Safety limits a real unit file never reaches (E006 names the one exceeded).
#[derive(Debug, Clone)]
pub struct Limits {
    pub file_size: u64,
    pub uncompressed: u64,
    pub cells: u64,
    pub rows: u64,
    pub columns: u64,
    pub text_length: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_size: 50 * 1024 * 1024,
            uncompressed: 200 * 1024 * 1024,
            cells: 1_000_000,
            rows: 100_000,
            columns: 200,
            text_length: 32_767,
        }
    }
}

impl Limits {
    /// Largest bounding box (rows × columns) a dense-range reader (.xls, .ods in
    /// calamine) may be allowed to allocate for one sheet.
    fn dense_area(&self) -> u64 {
        self.cells.saturating_mul(4)
    }
}

/// Reads the file into a workbook, or says why it cannot be read.
///
/// The path is looked at (`metadata`, following links) before it is opened: a
/// pipe, socket or device is refused without being opened, since opening a pipe
/// for reading blocks until a writer comes. The file is then opened without
/// blocking where the system allows it, and what was opened is checked again.
pub fn open(path: &Path, limits: &Limits) -> Result<Workbook, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error("cannot read file", &e))?;
    if meta.is_dir() {
        return Err(corrupt("is a directory".to_string()));
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegularFile);
    }
    if meta.len() > limits.file_size {
        return Err(limit(LimitKind::FileSize, limits.file_size, meta.len()));
    }
    let file = open_nonblocking(path).map_err(|e| io_error("cannot open file", &e))?;
    // Swapped for something else since `metadata`?
    let meta = file
        .metadata()
        .map_err(|e| io_error("cannot read file", &e))?;
    if !meta.is_file() {
        return Err(ReadError::NotRegularFile);
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limits.file_size) as usize);
    file.take(limits.file_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error("cannot read file", &e))?;
    // A file that grew past the limit since `metadata` is caught by `open_bytes`.
    open_bytes(bytes, limits)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// An I/O error while reading the file: "not allowed" has its own message.
fn io_error(what: &str, e: &io::Error) -> ReadError {
    if e.kind() == io::ErrorKind::PermissionDenied {
        ReadError::NoPermission
    } else {
        corrupt(format!("{what}: {e}"))
    }
}

thread_local! {
    /// How many reader guards are active on this thread (see [`in_reader_guard`]).
    static GUARDS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Whether this thread is inside the reader's panic guard, where a panic of a
/// third-party reader becomes E001 for the file. A program's panic hook uses it to
/// stay quiet about those panics while still printing real bugs.
pub fn in_reader_guard() -> bool {
    GUARDS.with(|g| g.get() > 0)
}

/// Runs `f` under `catch_unwind`, marked as the reader guard.
fn guarded<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    GUARDS.with(|g| g.set(g.get() + 1));
    let r = catch_unwind(AssertUnwindSafe(f));
    GUARDS.with(|g| g.set(g.get().saturating_sub(1)));
    r
}

/// Reads a file's content (an upload, a file the browser holds) into a workbook, or
/// says why it cannot be read. The same limits and panic guard as [`open`].
pub fn open_bytes(bytes: Vec<u8>, limits: &Limits) -> Result<Workbook, ReadError> {
    if bytes.len() as u64 > limits.file_size {
        return Err(limit(
            LimitKind::FileSize,
            limits.file_size,
            bytes.len() as u64,
        ));
    }
    match guarded(|| sniff_and_open(bytes, limits)) {
        Ok(r) => r,
        Err(panic) => Err(corrupt(format!(
            "reader panicked: {}",
            panic_message(&*panic)
        ))),
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const ZIP_EMPTY: &[u8] = b"PK\x05\x06";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn sniff_and_open(bytes: Vec<u8>, limits: &Limits) -> Result<Workbook, ReadError> {
    if bytes.is_empty() {
        return Err(corrupt("empty file".to_string()));
    }
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(ZIP_EMPTY) {
        return open_zip(bytes, limits);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return open_ole(bytes, limits);
    }
    if OLE_MAGIC.starts_with(&bytes) || ZIP_MAGIC.starts_with(&bytes) {
        return Err(corrupt("truncated file".to_string()));
    }
    if is_old_biff(&bytes) {
        return Err(ReadError::OldExcel);
    }
    Err(sniff_other(&bytes))
}

/// An Excel 2.x–4.0 worksheet or workbook: a bare BIFF2/3/4 BOF record (type
/// 0x0009, 0x0209 or 0x0409, 4 to 16 bytes long) at the start of the file.
fn is_old_biff(bytes: &[u8]) -> bool {
    let (Some(t), Some(n)) = (bytes.get(0..2), bytes.get(2..4)) else {
        return false;
    };
    let typ = u16::from_le_bytes([t[0], t[1]]);
    let len = u16::from_le_bytes([n[0], n[1]]);
    matches!(typ, 0x0009 | 0x0209 | 0x0409) && (4..=16).contains(&len)
}

/// Names a non-spreadsheet, non-container file, or calls it corrupt.
fn sniff_other(bytes: &[u8]) -> ReadError {
    if bytes.starts_with(b"%PDF") {
        return not_sheet(FileKind::Pdf);
    }
    if bytes.starts_with(b"{\\rtf") {
        return not_sheet(FileKind::Rtf);
    }
    // Gzip (RFC 1952, deflate): what Gnumeric saves.
    if bytes.starts_with(&[0x1F, 0x8B, 0x08]) {
        return not_sheet(FileKind::Gzip);
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = head
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(head);
    // Text: valid UTF-8 (allowing a cut multi-byte char at the end) without NULs,
    // or a UTF-16 BOM.
    if text.starts_with(b"\xFF\xFE") || text.starts_with(b"\xFE\xFF") {
        return not_sheet(FileKind::Text);
    }
    let valid = match std::str::from_utf8(text) {
        Ok(s) => Some(s),
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&text[..e.valid_up_to()]).ok(),
        Err(_) => None,
    };
    if let Some(s) = valid {
        if !s.contains('\0') {
            let lower = s.trim_start().to_ascii_lowercase();
            if lower.contains("<html") || lower.starts_with("<!doctype html") {
                return not_sheet(FileKind::Html);
            }
            if lower.starts_with("<?xml") || lower.starts_with('<') {
                if lower.contains("urn:schemas-microsoft-com:office:spreadsheet") {
                    return not_sheet(FileKind::Excel2003Xml);
                }
                return not_sheet(FileKind::Xml);
            }
            let first = s.lines().next().unwrap_or("");
            if first.contains(',') || first.contains(';') || first.contains('\t') {
                return not_sheet(FileKind::Csv);
            }
            return not_sheet(FileKind::Text);
        }
    }
    corrupt("unrecognised file content (not xlsx, xls or ods)".to_string())
}

// ---------------------------------------------------------------------------
// Zip packages

fn open_zip(bytes: Vec<u8>, limits: &Limits) -> Result<Workbook, ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice()))
        .map_err(|e| corrupt(format!("broken zip package: {e}")))?;
    let names = entry_names(&zip);
    let kind = zip_kind(&mut zip, &names)?;
    check_uncompressed(&mut zip, limits)?;
    drop(zip);
    match kind {
        Format::Xlsx => xlsx::read(bytes, limits),
        Format::Xlsb => xlsb::read(bytes, limits),
        _ => ods::read(bytes, limits),
    }
}

/// The package's entry names as written (names that are not valid text left out).
pub(super) fn entry_names<R: Read + io::Seek>(zip: &zip::ZipArchive<R>) -> Vec<String> {
    zip.file_names()
        .filter_map(|n| n.ok())
        .map(|n| n.into_owned())
        .collect()
}

/// At most this much of a small part (relationships, manifest, the head of the
/// main part) is read to tell what a package is.
const SNIFF_PART: u64 = 64 * 1024;

/// An entry's path with `/` between folders: some writers put `\` (Excel and
/// calamine accept both).
fn part_path(name: &str) -> String {
    name.replace('\\', "/")
}

/// Reads the head of a part, found by its path whatever separator it was
/// written with.
fn read_part<R: Read + io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    names: &[String],
    name: &str,
) -> Option<String> {
    let real = names.iter().find(|n| part_path(n) == name)?.clone();
    let mut raw = Vec::new();
    zip.by_name(&real)
        .ok()?
        .take(SNIFF_PART)
        .read_to_end(&mut raw)
        .ok()?;
    Some(part_text(raw))
}

/// A small part's text; a part in UTF-16 keeps its ASCII markup once its NULs
/// are dropped.
fn part_text(mut raw: Vec<u8>) -> String {
    raw.retain(|&b| b != 0);
    String::from_utf8_lossy(&raw).into_owned()
}

/// What a zip package is: an Office Open XML package by the main part its
/// relationships (`_rels/.rels`) name, as Excel finds it, whatever its path; an
/// OpenDocument package by its `mimetype`, or by its manifest when the `mimetype`
/// entry is missing (LibreOffice opens those).
fn zip_kind<R: Read + io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    names: &[String],
) -> Result<Format, ReadError> {
    let has = |n: &str| names.iter().any(|x| part_path(x) == n);
    if has("xl/workbook.xml") {
        return Ok(Format::Xlsx);
    }
    if has("xl/workbook.bin") {
        return Ok(Format::Xlsb);
    }
    if has("word/document.xml") {
        return Err(not_sheet(FileKind::Docx));
    }
    if has("ppt/presentation.xml") {
        return Err(not_sheet(FileKind::Pptx));
    }
    if let Some(main) = office_document(zip, names) {
        if main.to_ascii_lowercase().ends_with(".bin") {
            return Ok(Format::Xlsb);
        }
        let head = read_part(zip, names, &main).unwrap_or_default();
        if head.contains("spreadsheetml") {
            return Ok(Format::Xlsx);
        }
        if head.contains("wordprocessingml") {
            return Err(not_sheet(FileKind::Docx));
        }
        if head.contains("presentationml") {
            return Err(not_sheet(FileKind::Pptx));
        }
    }
    let mime = if has("mimetype") {
        read_part(zip, names, "mimetype").unwrap_or_default()
    } else if has("META-INF/manifest.xml") {
        // The manifest's entry for the package itself (full-path "/").
        let m = read_part(zip, names, "META-INF/manifest.xml").unwrap_or_default();
        [
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.presentation",
        ]
        .into_iter()
        .find(|t| m.contains(&format!("\"{t}\"")) || m.contains(&format!("\"{t}-template\"")))
        .unwrap_or("")
        .to_string()
    } else {
        return Err(corrupt(
            "zip archive that is not a spreadsheet package".to_string(),
        ));
    };
    match mime.trim() {
        "application/vnd.oasis.opendocument.spreadsheet"
        | "application/vnd.oasis.opendocument.spreadsheet-template" => Ok(Format::Ods),
        "application/vnd.oasis.opendocument.text" => Err(not_sheet(FileKind::Odt)),
        "application/vnd.oasis.opendocument.presentation" => Err(not_sheet(FileKind::Odp)),
        other => Err(corrupt(format!("zip package of unknown type {other:?}"))),
    }
}

/// The path of the package's main part (`officeDocument` relationship of
/// `_rels/.rels`), when it exists in the package.
pub(super) fn office_document<R: Read + io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    names: &[String],
) -> Option<String> {
    main_part(&read_part(zip, names, "_rels/.rels")?, names)
}

/// `_rels/.rels` as [`read_part`] gives it, from parts already read whole.
fn rels_part(names: &[String], read: &xlsx::Parts) -> Option<String> {
    let real = names.iter().find(|n| part_path(n) == "_rels/.rels")?;
    let (_, bytes) = read.get(real)?;
    Some(part_text(
        bytes[..bytes.len().min(SNIFF_PART as usize)].to_vec(),
    ))
}

/// The main part named by the package relationships `rels`, when it exists in
/// the package.
fn main_part(rels: &str, names: &[String]) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(rels);
    loop {
        match reader.read_event().ok()? {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)
                if e.local_name().as_ref() == "Relationship" =>
            {
                let attr = |k: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == k)
                        .map(|a| a.value.to_string())
                };
                let is_main =
                    attr("Type").is_some_and(|t| t.ends_with("/relationships/officeDocument"));
                if let (true, Some(target)) = (is_main, attr("Target")) {
                    let target = target.trim_start_matches('/');
                    return names
                        .iter()
                        .map(|n| part_path(n))
                        .find(|n| n.eq_ignore_ascii_case(target));
                }
            }
            quick_xml::events::Event::Eof => return None,
            _ => {}
        }
    }
}

/// Sums the entries' declared uncompressed sizes against the cap. Declared sizes
/// can lie, but they bound what is read: the zip reader (the `zip` crate, which
/// calamine reads through too) fails an entry at its first byte past the declared
/// size ("File is larger than its declared uncompressed size"; `tests/hostile.rs`,
/// `deflate_bomb_with_lying_sizes`). Until December 2026 every entry was also
/// inflated into a sink here first, which cost a second inflate of the whole
/// package for nothing the reader did not already refuse.
fn check_uncompressed<R: Read + io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    limits: &Limits,
) -> Result<(), ReadError> {
    let cap = limits.uncompressed;
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let f = zip
            .by_index_raw(i)
            .map_err(|e| corrupt(format!("broken zip entry: {e}")))?;
        declared = declared.saturating_add(f.size());
    }
    if declared > cap {
        return Err(limit(LimitKind::Uncompressed, cap, declared));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// OLE2 compound files

fn open_ole(mut bytes: Vec<u8>, limits: &Limits) -> Result<Workbook, ReadError> {
    // A file whose last sector is cut short (its size not a multiple of the
    // sector size) is read as Excel and LibreOffice read it: the missing bytes
    // are zeros. Sectors are 512 or 4096 bytes.
    let sector = if bytes.get(30) == Some(&12) {
        4096
    } else {
        512
    };
    if !bytes.len().is_multiple_of(sector) {
        bytes.resize(bytes.len().next_multiple_of(sector), 0);
    }
    let file = cfb::Cfb::parse(&bytes).map_err(|e| corrupt(format!("broken OLE file: {e}")))?;
    if file.has("EncryptionInfo") || file.has("EncryptedPackage") {
        return Err(ReadError::Encrypted);
    }
    if file.has("WordDocument") {
        return Err(not_sheet(FileKind::Doc));
    }
    if file.has("PowerPoint Document") {
        return Err(not_sheet(FileKind::Ppt));
    }
    let stream = match file.stream("Workbook").or_else(|| file.stream("Book")) {
        Some(s) => s.map_err(|e| corrupt(format!("broken OLE file: {e}")))?,
        None => return Err(corrupt("OLE file without a Workbook stream".to_string())),
    };
    let mut stream = xls::recode_mac_central_european(stream)?;
    let fonts = xls::prescan(&mut stream, limits)?;
    drop(file);
    drop(bytes);
    // calamine reads a file made of exactly the stream the pre-scan checked.
    let rebuilt = cfb::single_stream("Workbook", &stream);
    drop(stream);
    xls::read(rebuilt, limits, &fonts)
}

// ---------------------------------------------------------------------------
// Building a grid

/// Collects one sheet's cells, enforcing the per-sheet limits as they arrive.
pub(crate) struct GridBuilder<'a> {
    grid: Grid,
    cells: u64,
    limits: &'a Limits,
    /// Legacy-text verdicts of short texts already seen in this sheet.
    repaired: Memo<Option<(String, Encoding)>>,
}

/// Texts up to this many bytes have their legacy verdict remembered…
const REPAIR_MEMO_TEXT: usize = 64;
/// …up to this many per sheet.
const REPAIR_MEMO_ENTRIES: usize = 4096;

/// A raw cell value before text repair and normalisation.
pub(crate) enum Raw {
    Text(String),
    Value(CellValue),
}

impl<'a> GridBuilder<'a> {
    pub(crate) fn new(name: String, limits: &'a Limits) -> Self {
        GridBuilder {
            grid: Grid {
                name,
                ..Grid::default()
            },
            cells: 0,
            limits,
            repaired: Memo::new(REPAIR_MEMO_ENTRIES),
        }
    }

    /// Checks a cell position against the row/column limits.
    pub(crate) fn check_pos(&self, row: u32, col: u32) -> Result<(), ReadError> {
        let l = self.limits;
        if u64::from(row) + 1 > l.rows {
            return Err(limit(LimitKind::Rows, l.rows, u64::from(row) + 1));
        }
        if u64::from(col) + 1 > l.columns {
            return Err(limit(LimitKind::Columns, l.columns, u64::from(col) + 1));
        }
        Ok(())
    }

    /// Checks one cell's text against the length limit (characters).
    pub(crate) fn check_text_len(&self, s: &str) -> Result<(), ReadError> {
        let max = self.limits.text_length;
        // Cheap bound first: bytes ≥ chars.
        if s.len() as u64 > max {
            let n = s.chars().count() as u64;
            if n > max {
                return Err(limit(LimitKind::TextLength, max, n));
            }
        }
        Ok(())
    }

    /// Adds a cell; `font` is its font name where the workbook gives one: evidence
    /// for legacy-encoded text (`.VnTime`, `.VnTimeH`, `VNI-Times`).
    pub(crate) fn push_font(
        &mut self,
        row: u32,
        col: u32,
        raw: Raw,
        font: Option<&str>,
    ) -> Result<(), ReadError> {
        self.check_pos(row, col)?;
        let value = match raw {
            Raw::Value(v) => v,
            Raw::Text(s) => {
                if s.trim().is_empty() {
                    return Ok(());
                }
                self.check_text_len(&s)?;
                CellValue::Text(self.fix_text(row, col, s, font))
            }
        };
        self.cells += 1;
        if self.cells > self.limits.cells {
            return Err(limit(LimitKind::Cells, self.limits.cells, self.cells));
        }
        self.grid.rows.entry(row).or_default().insert(col, value);
        Ok(())
    }

    fn fix_text(&mut self, row: u32, col: u32, s: String, font: Option<&str>) -> String {
        if let Some((converted, enc)) = self.repair(&s, font) {
            let fix = match enc {
                crate::read::legacy::Encoding::Tcvn3 => TextFix::Tcvn3,
                crate::read::legacy::Encoding::Vni => TextFix::Vni,
            };
            self.grid.fixes.push((row, col, fix));
            return crate::text::nfc(&converted);
        }
        if !crate::text::is_nfc(&s) {
            self.grid.fixes.push((row, col, TextFix::Decomposed));
            return crate::text::nfc(&s);
        }
        s
    }

    /// [`crate::read::legacy::repair`], remembered for short texts without a font
    /// hint: a sheet repeats its statuses, units and times on every row.
    fn repair(&mut self, s: &str, font: Option<&str>) -> Option<(String, Encoding)> {
        if font.is_some() || s.len() > REPAIR_MEMO_TEXT || s.is_ascii() {
            return crate::read::legacy::repair(s, font);
        }
        self.repaired
            .get(s, |s| crate::read::legacy::repair(s, None))
    }

    /// Adds calamine's merged regions (at most one per allowed cell).
    pub(crate) fn add_merges(&mut self, regions: &[calamine::Dimensions]) {
        let max = usize::try_from(self.limits.cells).unwrap_or(usize::MAX);
        for d in regions.iter().take(max) {
            self.add_merge(super::Rect {
                first_row: d.start.0,
                first_col: d.start.1,
                last_row: d.end.0,
                last_col: d.end.1,
            });
        }
    }

    pub(crate) fn add_merge(&mut self, r: super::Rect) {
        if r.first_row <= r.last_row
            && r.first_col <= r.last_col
            && (r.first_row, r.first_col) != (r.last_row, r.last_col)
        {
            self.grid.merges.push(r);
        }
    }

    pub(crate) fn finish(self) -> Grid {
        self.grid
    }
}

/// A calamine value as ours; `None` for empty.
pub(crate) fn convert(v: calamine::DataRef<'_>) -> Option<Raw> {
    use calamine::DataRef as D;
    Some(match v {
        D::Empty => return None,
        D::String(s) => Raw::Text(s),
        D::SharedString(s) => Raw::Text(s.to_string()),
        D::Int(i) => Raw::Value(CellValue::Number(i as f64)),
        D::Float(f) => Raw::Value(CellValue::Number(f)),
        D::Bool(b) => Raw::Value(CellValue::Bool(b)),
        D::Error(e) => Raw::Value(CellValue::Error(e.to_string())),
        D::DateTime(dt) => {
            let (y, m, d, h, mi, _, _) = dt.to_ymd_hms_milli();
            let date = chrono::NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d));
            if dt.is_duration() {
                Raw::Value(CellValue::Number(dt.as_f64()))
            } else if dt.as_f64() < 1.0 && dt.as_f64() >= 0.0 {
                // A time of day, not a date.
                Raw::Text(format!("{h:02}:{mi:02}"))
            } else {
                match date {
                    Some(d) => Raw::Value(CellValue::Date(d)),
                    None => Raw::Value(CellValue::Number(dt.as_f64())),
                }
            }
        }
        D::DateTimeIso(s) => match parse_iso_date(&s) {
            Some(d) => Raw::Value(CellValue::Date(d)),
            None => Raw::Text(s),
        },
        D::DurationIso(s) => Raw::Text(s),
    })
}

fn parse_iso_date(s: &str) -> Option<chrono::NaiveDate> {
    let head = s.get(..10)?;
    chrono::NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// The text a panic carried (for the E001 detail shown with `--verbose`).
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// The names of the worksheets (not chart sheets), in workbook order.
pub(crate) fn worksheet_names(sheets: &[calamine::Sheet]) -> Vec<String> {
    sheets
        .iter()
        .filter(|s| s.typ == calamine::SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect()
}

pub(crate) fn corrupt(detail: String) -> ReadError {
    ReadError::Corrupt { detail }
}

fn not_sheet(found: FileKind) -> ReadError {
    ReadError::NotSpreadsheet { found }
}

pub(crate) fn limit(kind: LimitKind, max: u64, found: u64) -> ReadError {
    ReadError::Limit { kind, max, found }
}
