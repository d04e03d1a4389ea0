//! A mutation fuzzer over open → table → check, on the stable toolchain (no
//! cargo-fuzz, no nightly). Seeds are the shipped samples and the test fixtures;
//! each case mutates one of them — bit flips, truncation, overwritten lengths, and
//! inside zip packages entries renamed, resized, duplicated, removed, or their XML
//! nested deep or cut — and checks it with `check_bytes` as the server does.
//!
//! A case fails the run when it panics (a panic the reader guard did not turn into
//! E001), takes longer than [`CASE_LIMIT`], or lifts the process's peak memory
//! past [`MEMORY_LIMIT_MB`]; its input is saved under `target/fuzz-failures/` to
//! become a fixture. Inputs whose outcome (codes, and E001's detail up to its
//! first colon) was not seen before join the corpus, a crude stand-in for
//! coverage feedback.
//!
//! `cargo test` runs [`fuzz_short`]: a fixed seed, a few seconds.
//! `scripts/fuzz.sh MINUTES` runs [`fuzz_for_a_while`] in release mode.

use std::collections::{BTreeSet, HashSet};
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use baocao::api::check_bytes;
use baocao::plan::Plan;
use baocao::read::Limits;

/// Longest a case may take (debug builds are slow; real files take milliseconds).
const CASE_LIMIT: Duration = Duration::from_secs(20);
/// Highest peak RSS of the whole test process allowed.
const MEMORY_LIMIT_MB: u64 = 1500;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// xorshift64*: small, fixed-seed, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// The seed files: (name, bytes).
fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in [
        "input",
        "tests/fixtures/real",
        "tests/fixtures/open",
        "tests/fixtures/check",
        "tests/fixtures/legacy",
    ] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let ext = p
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_ascii_lowercase();
            if ["xlsx", "xls", "ods", "xlsb", "xlsm"].contains(&ext.as_str()) {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                out.push((name, std::fs::read(&p).unwrap()));
            }
        }
    }
    assert!(out.len() >= 10, "seeds found: {}", out.len());
    out
}

// ---------------------------------------------------------------------------
// Mutations

fn bit_flips(rng: &mut Rng, b: &mut [u8]) {
    for _ in 0..1 + rng.below(8) {
        let i = rng.below(b.len());
        if let Some(x) = b.get_mut(i) {
            *x ^= 1 << rng.below(8);
        }
    }
}

fn truncate(rng: &mut Rng, b: &mut Vec<u8>) {
    let n = rng.below(b.len());
    b.truncate(n);
}

/// Overwrites a 2- or 4-byte little-endian number (a record length, a sector
/// number, a size) with an edge value: records cut short or claiming too much.
fn overwrite_number(rng: &mut Rng, b: &mut [u8]) {
    const EDGES: [u32; 8] = [
        0,
        1,
        0x7F,
        0xFF,
        0xFFFF,
        0x7FFF_FFFF,
        0xFFFF_FFFE,
        0xFFFF_FFFF,
    ];
    let v = EDGES[rng.below(EDGES.len())];
    let wide = rng.below(2) == 0;
    let n = if wide { 4 } else { 2 };
    if b.len() < n {
        return;
    }
    let i = rng.below(b.len() - n + 1);
    b[i..i + n].copy_from_slice(&v.to_le_bytes()[..n]);
}

fn zip_entries(b: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut z = zip::ZipArchive::new(Cursor::new(b)).ok()?;
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).ok()?;
        let name = f.name().ok()?.to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).ok()?;
        out.push((name, data));
    }
    Some(out)
}

fn write_zip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        // Duplicate names are refused by the writer: keep the first.
        if w.start_file(name.as_str(), opts).is_ok() {
            w.write_all(data).unwrap();
        }
    }
    w.finish().unwrap().into_inner()
}

/// One mutation inside a zip package; `None` if `b` is not one.
fn mutate_zip(rng: &mut Rng, b: &[u8]) -> Option<Vec<u8>> {
    let mut e = zip_entries(b)?;
    if e.is_empty() {
        return None;
    }
    let i = rng.below(e.len());
    match rng.below(7) {
        // Renamed (to a sibling's name, or a changed case).
        0 => {
            let j = rng.below(e.len());
            e[i].0 = if rng.below(2) == 0 {
                format!("{}x", e[j].0)
            } else {
                e[i].0.to_ascii_uppercase()
            };
        }
        // Resized: cut, or grown with junk.
        1 => {
            let n = rng.below(e[i].1.len() + 1);
            if rng.below(2) == 0 {
                e[i].1.truncate(n);
            } else {
                let junk = vec![b'<'; 1 + rng.below(4096)];
                e[i].1.splice(n..n, junk);
            }
        }
        // Duplicated under another name, or removed.
        2 => {
            let copy = e[i].clone();
            let j = rng.below(e.len());
            e.push((format!("{}.dup", e[j].0), copy.1));
        }
        3 => {
            e.remove(i);
        }
        // XML nested deep just after the root element opens.
        4 => {
            let depth = 1 + rng.below(50_000);
            let at = e[i]
                .1
                .windows(2)
                .position(|w| w == b"><")
                .map_or(0, |p| p + 1);
            let mut nest = b"<a>".repeat(depth);
            nest.extend(b"</a>".repeat(if rng.below(2) == 0 { depth } else { 0 }));
            e[i].1.splice(at..at, nest);
        }
        // Bit flips or a number overwritten inside the entry.
        5 => bit_flips(rng, &mut e[i].1),
        _ => overwrite_number(rng, &mut e[i].1),
    }
    Some(write_zip(&e))
}

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut b = seed.to_vec();
    let rounds = 1 + rng.below(3);
    for _ in 0..rounds {
        match rng.below(6) {
            0 => bit_flips(rng, &mut b),
            1 => truncate(rng, &mut b),
            2 | 3 => overwrite_number(rng, &mut b),
            _ => {
                if let Some(z) = mutate_zip(rng, &b) {
                    b = z;
                } else {
                    overwrite_number(rng, &mut b);
                }
            }
        }
    }
    b
}

// ---------------------------------------------------------------------------
// Running cases

/// Peak resident memory of this process, MB (Linux; 0 elsewhere).
fn peak_rss_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

fn save_failure(bytes: &[u8], name: &str, why: &str) -> PathBuf {
    let dir = root().join("target/fuzz-failures");
    std::fs::create_dir_all(&dir).unwrap();
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let p = dir.join(format!("{hash:016x}-{name}"));
    std::fs::write(&p, bytes).unwrap();
    eprintln!("fuzz: {why}: saved {}", p.display());
    p
}

/// Checks one input on a worker thread: its outcome signature, or why it failed.
fn run_case(plan: &Plan, name: &str, bytes: Vec<u8>) -> Result<String, String> {
    let (tx, rx) = mpsc::channel();
    let plan = plan.clone();
    let name2 = name.to_string();
    let input = bytes.clone();
    std::thread::spawn(move || {
        let r = std::panic::catch_unwind(|| {
            let rules = baocao::api::Rules::new(&plan, baocao::vocabulary::Vocabulary::shipped());
            check_bytes(&rules, &name2, input, None, &Limits::default())
        });
        let _ = tx.send(r.map_err(|p| baocao::read::panic_message(&*p)));
    });
    match rx.recv_timeout(CASE_LIMIT) {
        Ok(Ok(file)) => {
            let mut sig: Vec<String> = file
                .findings
                .iter()
                .map(|f| {
                    let detail = f.kind.detail().unwrap_or("");
                    let head = detail.split(':').next().unwrap_or("");
                    format!("{}{}", f.code(), head)
                })
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            sig.push(file.rows.len().min(3).to_string());
            let mb = peak_rss_mb();
            if mb > MEMORY_LIMIT_MB {
                let p = save_failure(&bytes, name, "memory");
                return Err(format!("peak memory {mb} MB: {}", p.display()));
            }
            Ok(sig.join(","))
        }
        Ok(Err(panic)) => {
            let p = save_failure(&bytes, name, "panic");
            Err(format!("panic {panic:?}: {}", p.display()))
        }
        Err(_) => {
            let p = save_failure(&bytes, name, "hang");
            Err(format!("no answer after {CASE_LIMIT:?}: {}", p.display()))
        }
    }
}

/// Runs cases until `cases` or `time` is reached; returns (executions, corpus size).
fn fuzz(seed: u64, cases: Option<u64>, time: Option<Duration>) -> (u64, usize) {
    // As the command line does: caught reader panics are E001, not news.
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !baocao::read::in_reader_guard() {
            default(info);
        }
    }));
    let plan = Plan::load(&root().join("tests/fixtures/plan-2024.json")).unwrap();
    let mut corpus = seeds();
    let mut seen: HashSet<String> = HashSet::new();
    let mut rng = Rng(seed.max(1));
    let start = Instant::now();
    let mut done = 0u64;
    let mut failures = Vec::new();
    let in_progress = root().join("target/fuzz-in-progress");
    loop {
        if cases.is_some_and(|n| done >= n) || time.is_some_and(|t| start.elapsed() >= t) {
            break;
        }
        let (name, base) = &corpus[rng.below(corpus.len())];
        let name = name.clone();
        let input = mutate(&mut rng, base);
        // An abort (failed allocation) ends the process before any report: the
        // input being run stays here.
        if time.is_some() && cases.is_none() {
            let _ = std::fs::write(&in_progress, &input);
        }
        match run_case(&plan, &name, input.clone()) {
            Ok(sig) => {
                if seen.insert(sig) && corpus.len() < 2000 {
                    corpus.push((name, input));
                }
            }
            Err(e) => failures.push(e),
        }
        done += 1;
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    (done, corpus.len())
}

/// Part of `cargo test`: fixed seed, a few seconds.
#[test]
fn fuzz_short() {
    let (n, corpus) = fuzz(0x5EED, Some(150), Some(Duration::from_secs(40)));
    eprintln!("fuzz: {n} executions, corpus {corpus}");
}

/// `scripts/fuzz.sh`: `BAOCAO_FUZZ_SECS` seconds (default 60), seed
/// `BAOCAO_FUZZ_SEED` (default: the clock).
#[test]
#[ignore = "long: run by scripts/fuzz.sh"]
fn fuzz_for_a_while() {
    let secs = std::env::var("BAOCAO_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed = std::env::var("BAOCAO_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    eprintln!("fuzz: seed {seed}, {secs} s");
    let (n, corpus) = fuzz(seed, None, Some(Duration::from_secs(secs)));
    println!("fuzz: seed {seed}: {n} executions in {secs} s, corpus {corpus}, no failure");
}
