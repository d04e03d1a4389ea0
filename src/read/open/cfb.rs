//! A minimal, bounds-checked reader of OLE2 compound files (CFB): enough to list
//! the stream names and extract one stream, without trusting any size or chain.

const END: u32 = 0xFFFF_FFFE;
const FREE: u32 = 0xFFFF_FFFF;

pub(super) struct Cfb<'a> {
    bytes: &'a [u8],
    shift: u32,
    fat: Vec<u32>,
    minifat: Vec<u32>,
    mini_stream: Vec<u8>,
    entries: Vec<Entry>,
}

struct Entry {
    name: String,
    kind: u8,
    start: u32,
    size: u64,
    /// Left and right siblings, first child (directory entry numbers).
    left: u32,
    right: u32,
    child: u32,
    /// Whether the entry is in the root storage (not inside an embedded
    /// object's storage).
    top: bool,
}

fn u16_at(b: &[u8], i: usize) -> Result<u16, String> {
    b.get(i..i + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
        .ok_or_else(|| "truncated".to_string())
}

fn u32_at(b: &[u8], i: usize) -> Result<u32, String> {
    b.get(i..i + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| "truncated".to_string())
}

impl<'a> Cfb<'a> {
    pub(super) fn parse(bytes: &'a [u8]) -> Result<Self, String> {
        if bytes.len() < 512 {
            return Err("truncated header".into());
        }
        let shift = u32::from(u16_at(bytes, 30)?);
        if shift != 9 && shift != 12 {
            return Err(format!("bad sector shift {shift}"));
        }
        let mut cfb = Cfb {
            bytes,
            shift,
            fat: Vec::new(),
            minifat: Vec::new(),
            mini_stream: Vec::new(),
            entries: Vec::new(),
        };
        let per_sector = (1usize << shift) / 4;
        // DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
        let mut difat = Vec::new();
        for i in 0..109 {
            difat.push(u32_at(bytes, 76 + 4 * i)?);
        }
        let mut next = u32_at(bytes, 68)?;
        let mut guard = 0;
        while next != END && next != FREE && guard < cfb.sector_count() {
            let s = cfb.sector(next)?;
            for i in 0..per_sector - 1 {
                difat.push(u32_at(s, 4 * i)?);
            }
            next = u32_at(s, 4 * (per_sector - 1))?;
            guard += 1;
        }
        for &sec in difat.iter().filter(|&&s| s != FREE && s != END) {
            let s = cfb.sector(sec)?;
            for i in 0..per_sector {
                cfb.fat.push(u32_at(s, 4 * i)?);
            }
        }
        // Directory.
        let dir = cfb.chain(u32_at(bytes, 48)?)?;
        for e in dir.chunks_exact(128) {
            let name_len = usize::from(u16_at(e, 64)?).min(64);
            let units: Vec<u16> = e[..name_len.saturating_sub(2)]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            let size = if shift == 9 {
                u64::from(u32_at(e, 120)?)
            } else {
                u64::from(u32_at(e, 120)?) | (u64::from(u32_at(e, 124)?) << 32)
            };
            cfb.entries.push(Entry {
                name: String::from_utf16_lossy(&units),
                kind: e[66],
                start: u32_at(e, 116)?,
                size,
                left: u32_at(e, 68)?,
                right: u32_at(e, 72)?,
                child: u32_at(e, 76)?,
                top: false,
            });
        }
        cfb.mark_top_level();
        let root = cfb
            .entries
            .iter()
            .find(|e| e.kind == 5)
            .ok_or("no root entry")?;
        let (root_start, root_size) = (root.start, root.size);
        if root_start != END && root_size > 0 {
            let mut mini = cfb.chain(root_start)?;
            mini.truncate(root_size.min(mini.len() as u64) as usize);
            cfb.mini_stream = mini;
        }
        let first_minifat = u32_at(bytes, 60)?;
        if first_minifat != END && first_minifat != FREE {
            let mf = cfb.chain(first_minifat)?;
            cfb.minifat = mf
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
        }
        Ok(cfb)
    }

    fn sector_count(&self) -> usize {
        (self.bytes.len() >> self.shift).saturating_sub(1)
    }

    fn sector(&self, n: u32) -> Result<&'a [u8], String> {
        let size = 1usize << self.shift;
        let start = (n as usize + 1)
            .checked_mul(size)
            .ok_or("bad sector number")?;
        self.bytes
            .get(start..start + size)
            .ok_or_else(|| format!("sector {n} beyond end of file"))
    }

    /// Follows a FAT chain, refusing loops and out-of-range sectors.
    fn chain(&self, start: u32) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut n = start;
        let mut steps = 0usize;
        while n != END {
            if steps > self.fat.len() {
                return Err("sector chain loops".into());
            }
            out.extend_from_slice(self.sector(n)?);
            n = *self
                .fat
                .get(n as usize)
                .ok_or("sector chain out of range")?;
            steps += 1;
        }
        Ok(out)
    }

    fn mini_chain(&self, start: u32, size: u64) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut n = start;
        let mut steps = 0usize;
        while n != END && (out.len() as u64) < size {
            if steps > self.minifat.len() {
                return Err("mini sector chain loops".into());
            }
            let at = n as usize * 64;
            out.extend_from_slice(
                self.mini_stream
                    .get(at..at + 64)
                    .ok_or("mini sector beyond mini stream")?,
            );
            n = *self
                .minifat
                .get(n as usize)
                .ok_or("mini chain out of range")?;
            steps += 1;
        }
        Ok(out)
    }

    /// Marks the entries of the root storage: the root's child and that
    /// child's siblings (a tree by left/right links). Objects embedded in a
    /// workbook (a Word document, another workbook) are storages below it, and
    /// their streams must not be taken for the file's own.
    fn mark_top_level(&mut self) {
        let Some(root) = self.entries.iter().position(|e| e.kind == 5) else {
            return;
        };
        let mut todo = vec![self.entries[root].child];
        let (mut steps, most) = (0, self.entries.len());
        while let Some(i) = todo.pop() {
            let Some(e) = self.entries.get_mut(i as usize) else {
                continue;
            };
            steps += 1;
            if e.top || steps > most {
                continue;
            }
            e.top = true;
            todo.push(e.left);
            todo.push(e.right);
        }
    }

    /// Whether a stream or storage of that name exists in the root storage
    /// (case-insensitive).
    pub(super) fn has(&self, name: &str) -> bool {
        self.entries
            .iter()
            .any(|e| e.top && (e.kind == 1 || e.kind == 2) && e.name.eq_ignore_ascii_case(name))
    }

    /// The content of the stream of that name in the root storage, if present.
    pub(super) fn stream(&self, name: &str) -> Option<Result<Vec<u8>, String>> {
        let e = self
            .entries
            .iter()
            .find(|e| e.top && e.kind == 2 && e.name.eq_ignore_ascii_case(name))?;
        let cutoff = u64::from(u32_at(self.bytes, 56).unwrap_or(4096));
        let data = if e.size < cutoff {
            self.mini_chain(e.start, e.size)
        } else {
            self.chain(e.start)
        };
        Some(data.and_then(|mut d| {
            if (d.len() as u64) < e.size {
                return Err(format!("stream {name} truncated"));
            }
            d.truncate(e.size as usize);
            Ok(d)
        }))
    }
}

/// A new compound file (version 3, 512-byte sectors) holding one stream, for
/// calamine: it then reads exactly the bytes our pre-scan checked (and patched),
/// whatever the original file's sector chains did. The stream is padded with
/// zeros to 4 096 bytes so that it lives in regular sectors, not the mini stream.
pub(super) fn single_stream(name: &str, data: &[u8]) -> Vec<u8> {
    const SECTOR: usize = 512;
    const PER: usize = SECTOR / 4;
    let mut body = data.to_vec();
    body.resize(body.len().max(4096).next_multiple_of(SECTOR), 0);
    let nsec = body.len() / SECTOR;
    // FAT sectors, DIFAT sectors (past the header's 109 entries), directory.
    let (mut nfat, mut ndif) = (1usize, 0usize);
    loop {
        let total = nfat + ndif + 1 + nsec;
        let f = total.div_ceil(PER);
        let d = f.saturating_sub(109).div_ceil(PER - 1);
        if (f, d) == (nfat, ndif) {
            break;
        }
        (nfat, ndif) = (f, d);
    }
    let dir = nfat + ndif;
    let first = dir + 1;
    let mut fat = vec![FREE; nfat * PER];
    fat[..nfat].fill(0xFFFF_FFFD);
    fat[nfat..dir].fill(0xFFFF_FFFC);
    fat[dir] = END;
    for i in 0..nsec {
        fat[first + i] = if i + 1 == nsec {
            END
        } else {
            (first + i + 1) as u32
        };
    }
    let mut out = Vec::with_capacity((1 + first + nsec) * SECTOR);
    out.extend_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    out.extend_from_slice(&[0; 16]);
    for v in [0x3Eu16, 3, 0xFFFE, 9, 6] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&[0; 6]);
    let difat_start = if ndif > 0 { nfat as u32 } else { END };
    for v in [
        0u32,
        nfat as u32,
        dir as u32,
        0,
        4096,
        END,
        0,
        difat_start,
        ndif as u32,
    ] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    let ids: Vec<u32> = (0..nfat as u32).collect();
    for i in 0..109 {
        out.extend_from_slice(&ids.get(i).copied().unwrap_or(FREE).to_le_bytes());
    }
    for v in &fat {
        out.extend_from_slice(&v.to_le_bytes());
    }
    let rest: Vec<u32> = ids.iter().skip(109).copied().collect();
    for d in 0..ndif {
        let chunk = rest.iter().skip(d * (PER - 1)).take(PER - 1);
        let mut sector: Vec<u32> = chunk.copied().collect();
        sector.resize(PER - 1, FREE);
        sector.push(if d + 1 < ndif {
            (nfat + d + 1) as u32
        } else {
            END
        });
        for v in sector {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    let entry = |name: &str, kind: u8, child: u32, start: u32, size: u32| {
        let mut e = vec![0u8; 128];
        let units: Vec<u16> = name.encode_utf16().chain([0]).take(32).collect();
        for (i, u) in units.iter().enumerate() {
            e[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
        }
        e[64..66].copy_from_slice(&((units.len() * 2) as u16).to_le_bytes());
        e[66] = kind;
        e[67] = 1;
        e[68..72].copy_from_slice(&FREE.to_le_bytes());
        e[72..76].copy_from_slice(&FREE.to_le_bytes());
        e[76..80].copy_from_slice(&child.to_le_bytes());
        e[116..120].copy_from_slice(&start.to_le_bytes());
        e[120..124].copy_from_slice(&size.to_le_bytes());
        e
    };
    out.extend(entry("Root Entry", 5, 1, END, 0));
    out.extend(entry(name, 2, FREE, first as u32, body.len() as u32));
    out.extend(entry("", 0, FREE, 0, 0));
    out.extend(entry("", 0, FREE, 0, 0));
    out.extend_from_slice(&body);
    out
}

#[cfg(test)]
mod tests {
    //! The hand-written reader against the `cfb` crate: the same streams, byte for
    //! byte, for every .xls the tests use (why ours is kept: `docs/design.md`).

    use std::io::Read;
    use std::path::{Path, PathBuf};

    fn xls_files() -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        let mut dirs = vec![root.join("input"), root.join("tests/fixtures")];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("xls"))
                    && std::fs::read(&p)
                        .unwrap()
                        .starts_with(super::super::OLE_MAGIC)
                {
                    out.push(p);
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn same_streams_as_the_cfb_crate() {
        let files = xls_files();
        assert!(files.len() >= 5, "{files:?}");
        for path in files {
            let bytes = std::fs::read(&path).unwrap();
            // The crate wants whole sectors; ours pads a short last sector itself
            // (`open_ole`), so compare on the padded bytes.
            let mut padded = bytes.clone();
            padded.resize(bytes.len().next_multiple_of(512), 0);
            let ours = super::Cfb::parse(&padded).unwrap();
            let mut theirs = cfb::CompoundFile::open(std::io::Cursor::new(padded.clone()))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let streams: Vec<PathBuf> = theirs
                .walk()
                .filter(|e| e.is_stream())
                .map(|e| e.path().to_path_buf())
                .collect();
            assert!(!streams.is_empty());
            for s in streams {
                let name = s.file_name().unwrap().to_string_lossy().into_owned();
                // Ours looks names up in the root storage only.
                if s.parent() != Some(Path::new("/")) {
                    continue;
                }
                let mut want = Vec::new();
                theirs
                    .open_stream(&s)
                    .unwrap()
                    .read_to_end(&mut want)
                    .unwrap();
                assert!(ours.has(&name), "{}: {name}", path.display());
                let got = ours.stream(&name).unwrap().unwrap();
                assert!(got == want, "{}: stream {name} differs", path.display());
            }
        }
    }

    #[test]
    fn a_single_stream_file_reads_back_with_both_readers() {
        for len in [10usize, 4096, 70_000, 8_000_000] {
            let data: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            let file = super::single_stream("Workbook", &data);
            let ours = super::Cfb::parse(&file).unwrap();
            let got = ours.stream("Workbook").unwrap().unwrap();
            assert_eq!(&got[..len], &data[..], "{len}");
            let mut theirs = cfb::CompoundFile::open(std::io::Cursor::new(file)).unwrap();
            let mut want = Vec::new();
            theirs
                .open_stream("/Workbook")
                .unwrap()
                .read_to_end(&mut want)
                .unwrap();
            assert_eq!(&want[..len], &data[..], "{len}");
        }
    }
}
