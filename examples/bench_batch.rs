//! Batch benchmark: generates realistic unit spreadsheets for the shipped plan at
//! several scales, times every stage of `compile` through the library, then the
//! whole `compile` (or `check`) through the release binary under `/usr/bin/time -v`
//! for peak memory. Figures are written up in `docs/performance.md`.
//!
//! ```sh
//! cargo run --release --example bench_batch            # all scales
//! cargo run --release --example bench_batch -- small mid   # some scales
//! ```
//!
//! Scales (`7 × N` = one file per unit of the plan, named by unit code, the unit
//! written in the title block):
//! * `small` 7 × 100, `mid` 7 × 1 000, `big` 7 × 5 000, `huge` 7 × 14 300 (≈ 10^5
//!   rows, the province case) — full compile;
//! * `files10` 10 × 1 000 and `files100` 100 × 1 000 — files scaling. Several files
//!   per unit would collide (E303) and block the report, so these measure `check`
//!   over many files (library: `check_batch`; binary: `baocao check FILES…`).
//!
//! Every 25th data row repeats the row before it (same task, activity and time), so
//! the duplicate path (W110) runs on 4 % of the rows. The library stages run in a
//! child process (this program with `stages DIR`), so each scale's peak RSS
//! (`VmHWM`) is its own.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use baocao::api::exclusions;
use baocao::check::batch::{check_batch, list_inputs};
use baocao::check::CheckedFile;
use baocao::plan::Plan;
use baocao::read::Limits;
use baocao::report::aggregate::aggregate;
use baocao::report::render::report_docx;
use baocao::report::texts::Texts;
use rust_xlsxwriter::Workbook;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

const TITLE: &str = "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM 2024";
const HEADER: [&str; 9] = [
    "STT",
    "Nhiệm vụ",
    "Nội dung thực hiện",
    "Số lượng",
    "Đơn vị tính",
    "Thời gian",
    "Tình trạng",
    "Nội dung tuyên truyền",
    "Minh chứng",
];
/// (code, name as the unit writes it in `Đơn vị:`), the 2024 roster.
const UNITS: [(&str, &str); 7] = [
    ("HCTH", "Phòng Hành chính - Tổng hợp"),
    ("TTUD", "Trung tâm Ứng dụng và Dịch vụ KH&CN"),
    ("QLTC", "Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng"),
    ("CCTC", "Chi cục Tiêu chuẩn Đo lường Chất lượng"),
    ("TTRA", "Thanh tra Sở"),
    ("QLKH", "Phòng Quản lý Khoa học"),
    ("QLCN", "Phòng Quản lý Công nghệ và Chuyên ngành"),
];
const MEASURES: [&str; 6] = ["tin", "bài", "tin/bài", "văn bản", "lượt", "hoạt động"];
const TOPICS: [&str; 5] = [
    "cải cách thủ tục hành chính",
    "chuyển đổi số, chính quyền số",
    "Hệ thống quản lý chất lượng TCVN ISO 9001:2015",
    "dịch vụ công trực tuyến toàn trình",
    "Ngày khoa học và công nghệ Việt Nam 18/5",
];
const AREAS: [&str; 4] = ["1, 2", "2", "3; 4", "2, 5"];
/// A data row repeats the one before it every this many rows (W110).
const DUP_EVERY: usize = 25;
const DATE: &str = "2024-11-28";

#[derive(Clone, Copy)]
struct Scale {
    name: &'static str,
    files: usize,
    rows_per_file: usize,
    /// Full compile (one file per unit), or check only (many files).
    compile: bool,
}

const SCALES: [Scale; 6] = [
    Scale {
        name: "small",
        files: 7,
        rows_per_file: 100,
        compile: true,
    },
    Scale {
        name: "mid",
        files: 7,
        rows_per_file: 1_000,
        compile: true,
    },
    Scale {
        name: "big",
        files: 7,
        rows_per_file: 5_000,
        compile: true,
    },
    Scale {
        name: "huge",
        files: 7,
        rows_per_file: 14_300,
        compile: true,
    },
    Scale {
        name: "files10",
        files: 10,
        rows_per_file: 1_000,
        compile: false,
    },
    Scale {
        name: "files100",
        files: 100,
        rows_per_file: 1_000,
        compile: false,
    },
];

/// Tasks a unit may report (lead or coordinating, 2024 plan): 1–4 for everyone,
/// 5 for QLTC, 6 for CCTC — so each unit covers its lead tasks (no E201).
fn tasks_of(code: &str) -> Vec<u32> {
    let mut t = vec![1, 2, 3, 4];
    match code {
        "QLTC" => t.push(5),
        "CCTC" => t.push(6),
        _ => {}
    }
    t
}

/// One unit file as `cli_check.rs` writes them: title in A1, `Đơn vị: …` in A3,
/// the header in row 6, data from row 7.
fn write_unit(path: &Path, unit: usize, rows: usize, salt: usize) -> Res<()> {
    let (code, name) = UNITS[unit];
    let tasks = tasks_of(code);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Kết quả")?;
    ws.write_string(0, 0, TITLE)?;
    ws.write_string(2, 0, format!("Đơn vị: {name}"))?;
    ws.write_string(3, 0, "Ngày báo cáo: 08/11/2024")?;
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(5, c as u16, *h)?;
    }
    for i in 0..rows {
        // A duplicate repeats the previous row's content (same key → W110).
        let k = if i > 0 && i % DUP_EVERY == 0 {
            i - 1
        } else {
            i
        };
        let r = 6 + i as u32;
        let task = tasks[k % tasks.len()];
        let month = k % 10 + 1;
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_number(r, 1, task as f64)?;
        ws.write_string(
            r,
            2,
            format!(
                "Đăng tải tin, bài tuyên truyền về {} (đợt {}, mã {salt}-{k})",
                TOPICS[k % TOPICS.len()],
                k / 7 + 1
            ),
        )?;
        ws.write_number(r, 3, (k % 17 + 1) as f64)?;
        ws.write_string(r, 4, MEASURES[k % MEASURES.len()])?;
        ws.write_string(r, 5, format!("tháng {month}/2024"))?;
        ws.write_string(r, 6, "Hoàn thành")?;
        ws.write_string(r, 7, AREAS[k % AREAS.len()])?;
        if k % 3 == 0 {
            ws.write_string(
                r,
                8,
                format!("https://skhcn.quangngai.gov.vn/tin-tuc/cchc-{salt}-{k}"),
            )?;
        }
    }
    wb.save(path)?;
    Ok(())
}

fn generate(dir: &Path, s: Scale) -> Res<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for f in 0..s.files {
        let unit = f % UNITS.len();
        let name = if s.compile {
            format!("{}.xlsx", UNITS[unit].0)
        } else {
            format!("{:03}-{}.xlsx", f, UNITS[unit].0)
        };
        let p = dir.join(name);
        write_unit(&p, unit, s.rows_per_file, f)?;
        paths.push(p);
    }
    Ok(paths)
}

/// Peak resident set size of this process, MB (`VmHWM`).
fn vm_hwm_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Child mode: times the library stages over `dir` and prints one `key=value` line.
fn stages(dir: &Path, compile: bool) -> Res<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let t_all = Instant::now();

    let t = Instant::now();
    let plan = Plan::load(&root.join("templates/plan.json"))?;
    let vocabulary = baocao::vocabulary::Vocabulary::load(&root.join("templates/vocabulary.json"))?;
    let texts = Texts::load(&root.join("templates/texts.json"))?;
    let load = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let inputs = list_inputs(dir)?;
    let list = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let batch = check_batch(
        &baocao::check::Rules::new(&plan, &vocabulary),
        &inputs,
        &Limits::default(),
        &|| {},
    );
    let check = t.elapsed().as_secs_f64();
    let hwm_check = vm_hwm_mb();

    let rows: usize = batch.files.iter().map(|f| f.rows_total).sum();
    let w110 = batch
        .files
        .iter()
        .flat_map(|f| &f.findings)
        .filter(|f| f.code() == baocao::finding::Code::W110)
        .count();
    let mut by_code = std::collections::BTreeMap::new();
    for f in batch.files.iter().flat_map(|f| &f.findings) {
        *by_code.entry(format!("{:?}", f.code())).or_insert(0usize) += 1;
    }
    let codes: Vec<String> = by_code.iter().map(|(c, n)| format!("{c}:{n}")).collect();
    let codes = codes.join(",");
    let mut hwm_agg = 0.0;
    let (mut agg, mut render, mut size) = (0.0, 0.0, 0usize);
    if compile {
        let t = Instant::now();
        let included: Vec<CheckedFile> = batch
            .files
            .iter()
            .filter(|f| batch.is_includable(f))
            .cloned()
            .collect();
        let excl = exclusions(&batch, &plan);
        let data = aggregate(&plan, &included, &excl);
        agg = t.elapsed().as_secs_f64();
        hwm_agg = vm_hwm_mb();

        let t = Instant::now();
        let date = chrono::NaiveDate::parse_from_str(DATE, "%Y-%m-%d")?;
        let bytes = report_docx(&data, &plan, &texts, Some(date))?;
        render = t.elapsed().as_secs_f64();
        size = bytes.len();
    }
    println!(
        "STAGES load={load} list={list} check={check} agg={agg} render={render} total={} \
         rows={rows} errors={} warnings={} w110={w110} size={size} hwm_check={hwm_check} hwm_agg={hwm_agg} hwm={} \
         codes={codes}",
        t_all.elapsed().as_secs_f64(),
        batch.errors(),
        batch.warnings(),
        vm_hwm_mb()
    );
    Ok(())
}

fn field(line: &str, key: &str) -> f64 {
    line.split_whitespace()
        .find_map(|kv| kv.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

/// The release binary next to this example (`target/release/examples/..`), built
/// if missing.
fn baocao_bin() -> Res<PathBuf> {
    let exe = std::env::current_exe()?;
    let dir = exe.parent().and_then(Path::parent).ok_or("no target dir")?;
    let bin = dir.join("baocao");
    if !bin.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let ok = Command::new(cargo)
            .args(["build", "--release", "--bin", "baocao"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()?
            .success();
        if !ok {
            return Err("cargo build --release --bin baocao failed".into());
        }
    }
    Ok(bin)
}

/// Runs the binary (under `/usr/bin/time -v` when present): (seconds, peak RSS MB,
/// exit code).
fn run_binary(bin: &Path, args: &[String]) -> Res<(f64, f64, i32)> {
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-v").arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    let t = Instant::now();
    let out = cmd.output()?;
    let secs = t.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rss = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0);
    Ok((secs, rss, out.status.code().unwrap_or(-1)))
}

struct Measured {
    scale: Scale,
    rows: f64,
    gen: f64,
    line: String,
    bin_secs: f64,
    bin_rss: f64,
    bin_code: i32,
    report: u64,
}

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("stages") {
        let dir = PathBuf::from(&args[1]);
        return stages(&dir, args.get(2).map(String::as_str) == Some("compile"));
    }
    let wanted: Vec<Scale> = SCALES
        .iter()
        .copied()
        .filter(|s| args.is_empty() || args.iter().any(|a| a == s.name))
        .collect();
    let bin = baocao_bin()?;
    let me = std::env::current_exe()?;
    println!(
        "machine: {} cores, {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model()
    );

    let mut results = Vec::new();
    for s in wanted {
        let tmp = tempfile::tempdir()?;
        let input = tmp.path().join("input");
        std::fs::create_dir(&input)?;
        let t = Instant::now();
        let paths = generate(&input, s)?;
        let gen = t.elapsed().as_secs_f64();

        let out = Command::new(&me)
            .arg("stages")
            .arg(&input)
            .arg(if s.compile { "compile" } else { "check" })
            .output()?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let line = stdout
            .lines()
            .find(|l| l.starts_with("STAGES"))
            .ok_or_else(|| format!("stages failed: {}", String::from_utf8_lossy(&out.stderr)))?
            .to_string();

        let report_path = tmp.path().join("report.docx");
        let bin_args: Vec<String> = if s.compile {
            vec![
                "compile".into(),
                "--input".into(),
                input.display().to_string(),
                "--output".into(),
                report_path.display().to_string(),
                "--date".into(),
                DATE.into(),
            ]
        } else {
            let mut a = vec!["check".to_string()];
            a.extend(paths.iter().map(|p| p.display().to_string()));
            a
        };
        let (bin_secs, bin_rss, bin_code) = run_binary(&bin, &bin_args)?;
        let report = std::fs::metadata(&report_path).map_or(0, |m| m.len());
        let m = Measured {
            scale: s,
            rows: field(&line, "rows"),
            gen,
            line,
            bin_secs,
            bin_rss,
            bin_code,
            report,
        };
        eprintln!("{} done: generated in {:.1} s; {}", s.name, m.gen, m.line);
        results.push(m);
    }
    print_table(&results);
    Ok(())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

fn print_table(results: &[Measured]) {
    println!();
    println!(
        "| scale | files × rows | rows | W110 | check s | aggregate s | render s | library total s | \
         library peak RSS MB | binary s | binary rows/s | binary peak RSS MB | exit | report KB |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for m in results {
        let l = &m.line;
        let cmd = if m.scale.compile { "compile" } else { "check" };
        println!(
            "| {} ({cmd}) | {} × {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.0} | {:.3} | {:.0} | {:.0} | {} | {} |",
            m.scale.name,
            m.scale.files,
            m.scale.rows_per_file,
            m.rows,
            field(l, "w110"),
            field(l, "check"),
            field(l, "agg"),
            field(l, "render"),
            field(l, "total"),
            field(l, "hwm"),
            m.bin_secs,
            m.rows / m.bin_secs,
            m.bin_rss,
            m.bin_code,
            if m.report > 0 {
                format!("{:.0}", m.report as f64 / 1024.0)
            } else {
                "-".into()
            },
        );
    }
    println!();
    println!(
        "Scaling (time per row relative to the previous scale of the same kind; 1.0 = linear):"
    );
    for kind in [true, false] {
        let same: Vec<&Measured> = results.iter().filter(|m| m.scale.compile == kind).collect();
        for w in same.windows(2) {
            let (a, b) = (w[0], w[1]);
            let per_row = |m: &Measured, key: &str| field(&m.line, key) / m.rows;
            let rows_ratio = b.rows / a.rows;
            let mut parts = vec![format!(
                "{} → {} (rows × {:.1}):",
                a.scale.name, b.scale.name, rows_ratio
            )];
            let keys: &[&str] = if kind {
                &["check", "agg", "render", "total"]
            } else {
                &["check", "total"]
            };
            for k in keys {
                parts.push(format!("{k} {:.2}", per_row(b, k) / per_row(a, k)));
            }
            parts.push(format!(
                "binary {:.2}",
                (b.bin_secs / b.rows) / (a.bin_secs / a.rows)
            ));
            parts.push(format!("time × {:.1}", b.bin_secs / a.bin_secs));
            println!("  {}", parts.join(" "));
        }
    }
    for m in results {
        println!("  {}: generated in {:.1} s", m.scale.name, m.gen);
    }
}
