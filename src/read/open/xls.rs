//! .xls (BIFF5/BIFF8): a cheap pre-scan of the BIFF record stream guards against
//! what calamine would allocate, then calamine reads the values.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Xls, XlsError};

use super::{convert, corrupt, limit, worksheet_names, GridBuilder, Limits};
use crate::read::{Format, LimitKind, ReadError, Workbook};

fn err(e: XlsError) -> ReadError {
    match e {
        XlsError::Password => ReadError::Encrypted,
        e => corrupt(format!("xls: {e}")),
    }
}

/// Per-substream statistics of cell records.
#[derive(Default)]
struct Stats {
    cells: u64,
    min_row: u32,
    max_row: u32,
    min_col: u32,
    max_col: u32,
}

impl Stats {
    fn add(&mut self, row: u32, col: u32, n: u64) {
        if self.cells == 0 {
            (self.min_row, self.max_row, self.min_col, self.max_col) = (row, row, col, col);
        }
        self.cells += n;
        self.min_row = self.min_row.min(row);
        self.max_row = self.max_row.max(row);
        self.min_col = self.min_col.min(col);
        self.max_col = self.max_col.max(col);
    }

    fn check(&self, limits: &Limits) -> Result<(), ReadError> {
        if self.cells == 0 {
            return Ok(());
        }
        if u64::from(self.max_row) + 1 > limits.rows {
            return Err(limit(
                LimitKind::Rows,
                limits.rows,
                u64::from(self.max_row) + 1,
            ));
        }
        if u64::from(self.max_col) + 1 > limits.columns {
            return Err(limit(
                LimitKind::Columns,
                limits.columns,
                u64::from(self.max_col) + 1,
            ));
        }
        if self.cells > limits.cells {
            return Err(limit(LimitKind::Cells, limits.cells, self.cells));
        }
        let area =
            u64::from(self.max_row - self.min_row + 1) * u64::from(self.max_col - self.min_col + 1);
        if area > limits.dense_area() {
            return Err(limit(LimitKind::Area, limits.dense_area(), area));
        }
        Ok(())
    }
}

fn u16_at(d: &[u8], i: usize) -> Option<u32> {
    d.get(i..i + 2)
        .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
}

/// Legacy font names of text cells, learnt by the pre-scan from the FONT and XF
/// records of the workbook globals and the XF index of each text cell record.
#[derive(Default)]
pub(super) struct Fonts {
    /// Legacy font names (only fonts `legacy::font_encoding` recognises).
    names: Vec<String>,
    /// Per sheet name: text cells whose XF names a legacy font.
    sheets: HashMap<String, HashMap<(u32, u32), u16>>,
}

impl Fonts {
    /// The font a text cell is drawn with, when it is a legacy font.
    fn get(&self, sheet: &str, row: u32, col: u32) -> Option<&str> {
        let f = self.sheets.get(sheet)?.get(&(row, col))?;
        self.names.get(usize::from(*f)).map(String::as_str)
    }
}

/// A short BIFF string at `i`: BIFF8 `cch, flags, chars` (8-bit or UTF-16LE);
/// BIFF5 `cch, bytes` (read as Latin-1).
fn short_string(d: &[u8], i: usize, biff8: bool) -> Option<String> {
    let n = usize::from(*d.get(i)?);
    if !biff8 {
        return Some(
            d.get(i + 1..i + 1 + n)?
                .iter()
                .map(|&b| char::from(b))
                .collect(),
        );
    }
    let wide = d.get(i + 1)? & 1 == 1;
    let body = &d[(i + 2).min(d.len())..];
    Some(if wide {
        let units: Vec<u16> = body
            .chunks_exact(2)
            .take(n)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        body.iter().take(n).map(|&b| char::from(b)).collect()
    })
}

/// At most this many FONT/XF records are remembered (Excel allows 4 000 XFs).
const MAX_XF: usize = 65_536;

/// Walks the BIFF records of the Workbook stream: FILEPASS means encrypted; cell
/// records (the ones calamine stores) are counted per sheet substream and their
/// bounding box checked, so calamine's dense ranges stay small. Also collects the
/// legacy font names of text cells (FONT → XF → cell XF index).
///
/// CODEPAGE 0x8000/0x8001 are renumbered (see below). DIMENSIONS records are
/// zeroed in `stream`: calamine reserves its cell vector
/// from them (rows × columns), so a lying one (4 billion rows) would abort the
/// process on allocation; the cells themselves are what the pre-scan bounds.
pub(super) fn prescan(stream: &mut [u8], limits: &Limits) -> Result<Fonts, ReadError> {
    let mut scan = BiffScan::default();
    let mut pos = 0usize;
    while pos + 4 <= stream.len() {
        let start = pos;
        let typ = u16::from_le_bytes([stream[pos], stream[pos + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[pos + 2], stream[pos + 3]]));
        let end = (pos + 4 + len).min(stream.len());
        if typ == 0x0200 {
            stream[pos + 4..end].fill(0);
        }
        // CODEPAGE 0x8000 / 0x8001 (Apple Roman, Windows 1252 as Excel 2–4 and
        // Quattro Pro write them): the same code pages by their usual numbers,
        // which calamine knows (it refuses the workbook otherwise).
        if typ == 0x0042 && end >= pos + 6 {
            let cp = match u16::from_le_bytes([stream[pos + 4], stream[pos + 5]]) {
                0x8000 => Some(10000u16),
                0x8001 => Some(1252),
                _ => None,
            };
            if let Some(cp) = cp {
                stream[pos + 4..pos + 6].copy_from_slice(&cp.to_le_bytes());
            }
        }
        let data = &stream[pos + 4..end];
        pos += 4 + len;
        scan.record(start, typ, data, limits)?;
        if scan.stats.cells > limits.cells {
            return Err(limit(LimitKind::Cells, limits.cells, scan.stats.cells));
        }
    }
    scan.stats.check(limits)?;
    scan.end_sheet();
    check_sheets_as_calamine_reads_them(stream, limits)?;
    Ok(scan.fonts)
}

/// Mac Central European (code page 10029), bytes 0x80–0xFF (Microsoft's
/// table, as Python's `mac_latin2`). Neither calamine nor encoding_rs has it.
const MAC_CENTRAL_EUROPEAN: [char; 128] = [
    '\u{00C4}', '\u{0100}', '\u{0101}', '\u{00C9}', '\u{0104}', '\u{00D6}', '\u{00DC}', '\u{00E1}',
    '\u{0105}', '\u{010C}', '\u{00E4}', '\u{010D}', '\u{0106}', '\u{0107}', '\u{00E9}', '\u{0179}',
    '\u{017A}', '\u{010E}', '\u{00ED}', '\u{010F}', '\u{0112}', '\u{0113}', '\u{0116}', '\u{00F3}',
    '\u{0117}', '\u{00F4}', '\u{00F6}', '\u{00F5}', '\u{00FA}', '\u{011A}', '\u{011B}', '\u{00FC}',
    '\u{2020}', '\u{00B0}', '\u{0118}', '\u{00A3}', '\u{00A7}', '\u{2022}', '\u{00B6}', '\u{00DF}',
    '\u{00AE}', '\u{00A9}', '\u{2122}', '\u{0119}', '\u{00A8}', '\u{2260}', '\u{0123}', '\u{012E}',
    '\u{012F}', '\u{012A}', '\u{2264}', '\u{2265}', '\u{012B}', '\u{0136}', '\u{2202}', '\u{2211}',
    '\u{0142}', '\u{013B}', '\u{013C}', '\u{013D}', '\u{013E}', '\u{0139}', '\u{013A}', '\u{0145}',
    '\u{0146}', '\u{0143}', '\u{00AC}', '\u{221A}', '\u{0144}', '\u{0147}', '\u{2206}', '\u{00AB}',
    '\u{00BB}', '\u{2026}', '\u{00A0}', '\u{0148}', '\u{0150}', '\u{00D5}', '\u{0151}', '\u{014C}',
    '\u{2013}', '\u{2014}', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{00F7}', '\u{25CA}',
    '\u{014D}', '\u{0154}', '\u{0155}', '\u{0158}', '\u{2039}', '\u{203A}', '\u{0159}', '\u{0156}',
    '\u{0157}', '\u{0160}', '\u{201A}', '\u{201E}', '\u{0161}', '\u{015A}', '\u{015B}', '\u{00C1}',
    '\u{0164}', '\u{0165}', '\u{00CD}', '\u{017D}', '\u{017E}', '\u{016A}', '\u{00D3}', '\u{00D4}',
    '\u{016B}', '\u{016E}', '\u{00DA}', '\u{016F}', '\u{0170}', '\u{0171}', '\u{0172}', '\u{0173}',
    '\u{00DD}', '\u{00FD}', '\u{0137}', '\u{017B}', '\u{0141}', '\u{017C}', '\u{0122}', '\u{02C7}',
];

/// A BIFF5 workbook in code page 10029 (Mac Central European), which calamine
/// refuses: its 8-bit strings are rewritten as UTF-8 and CODEPAGE set to 65001,
/// which calamine decodes. Only the strings calamine reads as values or names
/// are rewritten (LABEL, RSTRING, STRING, BOUNDSHEET); the records grow, so
/// the BOUNDSHEET offsets are moved with them. A BIFF8 workbook keeps its
/// strings in UTF-16 whatever the code page: CODEPAGE alone becomes 1200.
/// Any other stream is returned as it is.
pub(super) fn recode_mac_central_european(stream: Vec<u8>) -> Result<Vec<u8>, ReadError> {
    let mut biff8 = false;
    let mut codepage = None;
    let mut pos = 0;
    while let Some((typ, data, end)) = record_at(&stream, pos) {
        match typ {
            0x0809 if pos == 0 => biff8 = u16_at(&stream[data..end], 0) == Some(0x0600),
            0x0042 => {
                codepage = u16_at(&stream[data..end], 0);
                break;
            }
            0x000A => break,
            _ => {}
        }
        pos = end;
    }
    if codepage != Some(10029) {
        return Ok(stream);
    }
    let mut out = Vec::with_capacity(stream.len() + stream.len() / 4);
    // (old start, new start) of every record, to move BOUNDSHEET offsets.
    let mut starts = Vec::new();
    let mut sheets = Vec::new();
    let mut pos = 0;
    while pos + 4 <= stream.len() {
        let typ = u16::from_le_bytes([stream[pos], stream[pos + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[pos + 2], stream[pos + 3]]));
        let end = (pos + 4 + len).min(stream.len());
        let data = &stream[pos + 4..end];
        starts.push((pos, out.len()));
        let body: Vec<u8> = match typ {
            0x0042 if data.len() >= 2 => {
                let cp: u16 = if biff8 { 1200 } else { 65001 };
                [&cp.to_le_bytes()[..], &data[2..]].concat()
            }
            // LABEL, RSTRING: row, col, xf, then cch (u16) and the bytes.
            0x0204 | 0x00D6 if !biff8 => recode_string(data, 6, 2),
            // STRING (a formula's text result): cch (u16) and the bytes.
            0x0207 if !biff8 => recode_string(data, 0, 2),
            // BOUNDSHEET: offset, flags, cch (u8) and the name.
            0x0085 if !biff8 => {
                sheets.push(out.len() + 4);
                recode_string(data, 6, 1)
            }
            _ => data.to_vec(),
        };
        let Ok(n) = u16::try_from(body.len()) else {
            return Err(corrupt("xls: a string too long for its record".to_string()));
        };
        out.extend_from_slice(&typ.to_le_bytes());
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&body);
        pos = end;
    }
    out.extend_from_slice(&stream[pos.min(stream.len())..]);
    for at in sheets {
        let Some(b) = out.get(at..at + 4) else {
            continue;
        };
        let old = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
        let i = starts.partition_point(|&(o, _)| o <= old);
        let new = match i.checked_sub(1) {
            Some(i) => starts[i].1.saturating_add(old - starts[i].0),
            None => old,
        };
        let new = u32::try_from(new).unwrap_or(u32::MAX);
        out[at..at + 4].copy_from_slice(&new.to_le_bytes());
    }
    Ok(out)
}

/// `data` with the 8-bit string at `at` (a `width`-byte length, then the
/// bytes) rewritten in UTF-8; what follows the string is kept. A string whose
/// UTF-8 no longer fits its length field, or a record cut short, is kept as is.
fn recode_string(data: &[u8], at: usize, width: usize) -> Vec<u8> {
    let Some(head) = data.get(at..at + width) else {
        return data.to_vec();
    };
    let cch = if width == 1 {
        usize::from(head[0])
    } else {
        usize::from(u16::from_le_bytes([head[0], head[1]]))
    };
    let start = at + width;
    let end = (start + cch).min(data.len());
    let text: String = data[start..end]
        .iter()
        .map(|&b| match b {
            0..=0x7F => char::from(b),
            _ => MAC_CENTRAL_EUROPEAN[usize::from(b - 0x80)],
        })
        .collect();
    let n = text.len();
    let fits = if width == 1 { n <= 0xFF } else { n <= 0xFFFF };
    if !fits {
        return data.to_vec();
    }
    let mut out = data[..at].to_vec();
    if width == 1 {
        out.push(n as u8);
    } else {
        out.extend_from_slice(&(n as u16).to_le_bytes());
    }
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(&data[end..]);
    out
}

/// One BIFF record at `pos`: (type, start of its data, end); `None` when the
/// stream ends before the record does (calamine stops there with an error).
fn record_at(stream: &[u8], pos: usize) -> Option<(u16, usize, usize)> {
    let head = stream.get(pos..pos.checked_add(4)?)?;
    let typ = u16::from_le_bytes([head[0], head[1]]);
    let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
    let end = pos + 4 + len;
    (end <= stream.len()).then_some((typ, pos + 4, end))
}

/// Walks every sheet the way calamine will: from the offset each BOUNDSHEET
/// record of the globals gives (up to the globals' first EOF), over the same
/// record types, skipping nested substreams (charts) as it does, to the sheet's
/// EOF. Its cells' count and bounding box are checked against the limits, and
/// DIMENSIONS records met on the way are zeroed. The linear walk of [`prescan`]
/// alone is not enough: a BOUNDSHEET offset inside a record, or a chart between
/// two halves of a sheet, gives calamine cells that walk did not bound (found by
/// the fuzzer: a 64 GiB allocation).
fn check_sheets_as_calamine_reads_them(
    stream: &mut [u8],
    limits: &Limits,
) -> Result<(), ReadError> {
    let mut offsets = Vec::new();
    let mut pos = 0;
    while let Some((typ, data, end)) = record_at(stream, pos) {
        match typ {
            0x0085 if end - data >= 4 => offsets.push(u32::from_le_bytes([
                stream[data],
                stream[data + 1],
                stream[data + 2],
                stream[data + 3],
            ]) as usize),
            0x000A => break,
            _ => {}
        }
        pos = end;
    }
    // Sheets of a real file do not overlap: their walks together cover the
    // stream at most once. Overlapping ones would make calamine's work grow
    // with their number.
    let mut budget = stream.len().saturating_mul(2);
    for start in offsets {
        let mut stats = Stats::default();
        let mut fmla_pos = (0u32, 0u32);
        let (mut seen_bof, mut depth) = (false, 0usize);
        let mut pos = start;
        while let Some((typ, data, end)) = record_at(stream, pos) {
            budget = budget
                .checked_sub(end - pos)
                .ok_or_else(|| corrupt("xls: sheets overlap".to_string()))?;
            pos = end;
            if depth > 0 {
                match typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let d = &stream[data..end];
            match typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A => break,
                0x0200 => stream[data..end].fill(0),
                // Number, Label, RString, BoolErr, Rk, LabelSst, Formula.
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                    if let (Some(r), Some(c)) = (u16_at(d, 0), u16_at(d, 2)) {
                        stats.add(r, c, 1);
                        if typ == 0x0006 {
                            fmla_pos = (r, c);
                        }
                    }
                }
                // String (a formula's text result): at the last formula's cell.
                0x0207 => stats.add(fmla_pos.0, fmla_pos.1, 1),
                // MulRk: row, first col, …, last col.
                0x00BD => {
                    if let (Some(r), Some(c1), Some(c2)) = (
                        u16_at(d, 0),
                        u16_at(d, 2),
                        d.len().checked_sub(2).and_then(|i| u16_at(d, i)),
                    ) {
                        if c2 >= c1 {
                            stats.add(r, c1, 0);
                            stats.add(r, c2, u64::from(c2 - c1 + 1));
                        }
                    }
                }
                _ => {}
            }
            if stats.cells > limits.cells {
                return Err(limit(LimitKind::Cells, limits.cells, stats.cells));
            }
        }
        stats.check(limits)?;
    }
    Ok(())
}

/// The pre-scan's state over the BIFF records of the workbook stream.
struct BiffScan {
    /// Nesting of BOF/EOF (1: workbook globals or a sheet).
    depth: u32,
    stats: Stats,
    biff8: bool,
    /// FONT records in order (`None`: not a legacy font).
    font_recs: Vec<Option<u16>>,
    /// XF → legacy font index.
    xfs: Vec<Option<u16>>,
    fonts: Fonts,
    /// BOUNDSHEET: stream offset of the sheet's BOF → name.
    sheet_at: HashMap<usize, String>,
    /// The legacy fonts of the sheet being read, by cell.
    sheet: Option<HashMap<(u32, u32), u16>>,
    sheet_name: Option<String>,
}

impl Default for BiffScan {
    fn default() -> Self {
        BiffScan {
            depth: 0,
            stats: Stats::default(),
            biff8: true,
            font_recs: Vec::new(),
            xfs: Vec::new(),
            fonts: Fonts::default(),
            sheet_at: HashMap::new(),
            sheet: None,
            sheet_name: None,
        }
    }
}

impl BiffScan {
    /// One record of type `typ` that starts at stream offset `start`.
    fn record(
        &mut self,
        start: usize,
        typ: u16,
        data: &[u8],
        limits: &Limits,
    ) -> Result<(), ReadError> {
        let depth = self.depth;
        match typ {
            0x0809 => self.bof(start, data),
            // FONT: the name is at offset 14.
            0x0031 if depth == 1 && self.font_recs.len() < MAX_XF => self.font(data),
            // XF: font index first; font 4 does not exist (index ≥ 4 is one off).
            0x00E0 if depth == 1 && self.xfs.len() < MAX_XF => {
                let f = u16_at(data, 0).map_or(0, |f| f as usize);
                let f = if f >= 4 { f - 1 } else { f };
                self.xfs.push(self.font_recs.get(f).copied().flatten());
            }
            // BOUNDSHEET: BOF offset, state, type, name.
            0x0085 if depth == 1 && self.sheet_at.len() < MAX_XF => {
                if let (Some(off), Some(name)) = (
                    data.get(0..4)
                        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize),
                    short_string(data, 6, self.biff8),
                ) {
                    self.sheet_at.insert(off, name);
                }
            }
            0x000A => {
                self.stats.check(limits)?;
                self.stats = Stats::default();
                self.depth = depth.saturating_sub(1);
            }
            0x002F if depth <= 1 => return Err(ReadError::Encrypted),
            // Number, Label, RString, BoolErr, Rk, LabelSst, Formula.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => self.cell(typ, data),
            // MulRk: row, first col, …, last col.
            0x00BD => {
                if let (Some(r), Some(c1), Some(c2)) = (
                    u16_at(data, 0),
                    u16_at(data, 2),
                    data.len().checked_sub(2).and_then(|i| u16_at(data, i)),
                ) {
                    if c2 >= c1 {
                        self.stats.add(r, c1, 0);
                        self.stats.add(r, c2, u64::from(c2 - c1 + 1));
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn bof(&mut self, start: usize, data: &[u8]) {
        self.depth += 1;
        self.stats = Stats::default();
        if self.depth == 1 {
            if start == 0 {
                self.biff8 = u16_at(data, 0) == Some(0x0600);
            }
            self.end_sheet();
            self.sheet_name = self.sheet_at.remove(&start);
            self.sheet = self.sheet_name.as_ref().map(|_| HashMap::new());
        }
    }

    /// Keeps the legacy fonts of the sheet just read.
    fn end_sheet(&mut self) {
        if let (Some(name), Some(map)) = (self.sheet_name.take(), self.sheet.take()) {
            self.fonts.sheets.insert(name, map);
        }
    }

    fn font(&mut self, data: &[u8]) {
        let name = short_string(data, 14, self.biff8).unwrap_or_default();
        let names = &mut self.fonts.names;
        let idx = crate::read::legacy::font_encoding(&name).map(|_| {
            match names.iter().position(|n| *n == name) {
                Some(i) => i as u16,
                None => {
                    names.push(name);
                    (names.len() - 1) as u16
                }
            }
        });
        self.font_recs.push(idx);
    }

    fn cell(&mut self, typ: u16, data: &[u8]) {
        let (Some(r), Some(c)) = (u16_at(data, 0), u16_at(data, 2)) else {
            return;
        };
        self.stats.add(r, c, 1);
        // Text cells (Label, RString, LabelSst): XF index at 4.
        if matches!(typ, 0x0204 | 0x00D6 | 0x00FD) {
            let font = u16_at(data, 4).and_then(|x| self.xfs.get(x as usize).copied().flatten());
            if let (Some(f), Some(map)) = (font, self.sheet.as_mut()) {
                map.insert((r, c), f);
            }
        }
    }
}

fn data_ref(d: &Data) -> DataRef<'_> {
    match d {
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(t) => DataRef::DateTime(*t),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}

/// Copies a calamine range's used cells into a grid; `font` gives a cell's font
/// name where the file tells it.
pub(super) fn fill<'f>(
    grid: &mut GridBuilder<'_>,
    range: &calamine::Range<Data>,
    font: impl Fn(u32, u32) -> Option<&'f str>,
) -> Result<(), ReadError> {
    for (r, c, v) in range.used_cells() {
        let Some((r0, c0)) = range.start() else {
            break;
        };
        let (row, col) = (r0 + r as u32, c0 + c as u32);
        if let Some(raw) = convert(data_ref(v)) {
            grid.push_font(row, col, raw, font(row, col))?;
        }
    }
    Ok(())
}

/// Reads the workbook from `bytes`, a compound file (the one `open_ole` rebuilt
/// around the pre-scanned stream).
pub(super) fn read(bytes: Vec<u8>, limits: &Limits, fonts: &Fonts) -> Result<Workbook, ReadError> {
    let mut book: Xls<_> = Xls::new(Cursor::new(bytes)).map_err(err)?;
    let sheets = worksheet_names(book.sheets_metadata());
    let mut out = Vec::with_capacity(sheets.len());
    for name in sheets {
        let mut grid = GridBuilder::new(name.clone(), limits);
        let range = book.worksheet_range(&name).map_err(err)?;
        fill(&mut grid, &range, |r, c| fonts.get(&name, r, c))?;
        drop(range);
        let merges = book.merge_cells_by_sheet_name(&name).map_err(err)?;
        grid.add_merges(&merges);
        out.push(grid.finish());
    }
    Ok(Workbook {
        format: Format::Xls,
        sheets: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(typ: u16, body: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend_from_slice(&(body.len() as u16).to_le_bytes());
        r.extend_from_slice(body);
        r
    }

    fn stream(version: u16, codepage: u16, name: &[u8], label: &[u8]) -> Vec<u8> {
        let bof = |kind: u16| {
            let mut b = version.to_le_bytes().to_vec();
            b.extend_from_slice(&kind.to_le_bytes());
            rec(0x0809, &b)
        };
        let glob = |off: u32| {
            let mut sheet = off.to_le_bytes().to_vec();
            sheet.extend_from_slice(&[0, 0, name.len() as u8]);
            sheet.extend_from_slice(name);
            [
                bof(5),
                rec(0x0042, &codepage.to_le_bytes()),
                rec(0x0085, &sheet),
                rec(0x000A, &[]),
            ]
            .concat()
        };
        let mut cell = vec![0, 0, 1, 0, 15, 0];
        cell.extend_from_slice(&(label.len() as u16).to_le_bytes());
        cell.extend_from_slice(label);
        let sheet = [bof(0x10), rec(0x0204, &cell), rec(0x000A, &[])].concat();
        let g = glob(0);
        [glob(g.len() as u32), sheet].concat()
    }

    #[test]
    fn mac_central_european_biff5_strings_become_utf8_and_offsets_follow() {
        // 0x80 Ä, 0x88 ą, 0xE1 Š, 0xDB Ř (Microsoft's table), ASCII kept.
        let s = stream(0x0500, 10029, b"\x80b", b"x\x88\xE1\xDB");
        let out = recode_mac_central_european(s).unwrap();
        let glob_end = out.windows(4).position(|w| w == [0x0A, 0, 0, 0]).unwrap() + 4;
        // BOUNDSHEET points at the sheet's BOF in the rewritten stream.
        let sheet = out
            .windows(5)
            .position(|w| w[..5] == [0x85, 0, 10, 0, glob_end as u8])
            .unwrap();
        assert_eq!(&out[sheet + 10..sheet + 13], &[3, 0xC3, 0x84]);
        assert_eq!(&out[glob_end..glob_end + 2], &[0x09, 0x08]);
        assert!(out.windows(2).any(|w| w == 65001u16.to_le_bytes()));
        let text = "xąŠŘ".as_bytes();
        assert!(out.windows(text.len()).any(|w| w == text));
    }

    #[test]
    fn mac_central_european_biff8_keeps_its_strings() {
        let s = stream(0x0600, 10029, b"ab", b"xy");
        let out = recode_mac_central_european(s.clone()).unwrap();
        assert_eq!(out.len(), s.len());
        assert!(out.windows(6).any(|w| w == [0x42, 0, 2, 0, 0xB0, 0x04]));
        // Any other code page: untouched.
        let s = stream(0x0500, 1252, b"\x80b", b"x\x88");
        assert_eq!(recode_mac_central_european(s.clone()).unwrap(), s);
    }
}
