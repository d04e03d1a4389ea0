//! Batch benchmark: the floor (calamine opening every file and touching every cell,
//! nothing more), `baocao check` and `baocao compile`, measured in the same run over
//! the same generated files, each phase a child process under `/usr/bin/time -v`
//! (wall, CPU, peak RSS), runs interleaved, medians printed with the ratios to the
//! floor. Figures are written up in `docs/performance.md`.
//!
//! ```sh
//! cargo run --release --example bench_batch                    # default cases, 5 runs
//! cargo run --release --example bench_batch -- --runs 9 check200 compile3k
//! cargo run --release --example bench_batch -- --stages rows1e5  # + library stages
//! cargo run --release --example bench_batch -- rows1e6          # opt-in, ~10^6 rows
//! cargo run --release --example bench_batch -- --keep DIR --runs 1 compile3k  # keep files
//! cargo run --release --example bench_batch -- --before OLD_BAOCAO  # + another build
//! ```
//!
//! Cases (the targets of issue 12 are `check200` and `compile3k`):
//! * `check200`: 200 files × 100 rows, `baocao check FILE…` (files beyond the
//!   seventh claim a unit already claimed: E303, which is only a finding here);
//! * `compile3k`: 7 units × 3 000 rows, `baocao compile`;
//! * `rows1e3`, `rows1e4`, `rows1e5`: 7 units × 143 / 1 429 / 14 286 rows, compile
//!   (time and memory as rows grow);
//! * `rows1e6` (only when named): 70 units × 14 286 rows, with a plan of 70 units
//!   written next to the files (a sheet holds at most 100 000 rows, so 10^6 rows
//!   need more units than the roster's seven).
//!
//! The floor is single-threaded: `calamine::open_workbook_auto`, then every sheet's
//! `worksheet_range` and every used cell read (text lengths summed so nothing is
//! optimised away). `baocao` reads files on all cores.
//!
//! Every 25th data row repeats the row before it (W110 on 4 % of the rows), months
//! 9–10 of the times give W108 (~18 %), so the findings path is loaded too.
//! `--stages` also times the library stages (plan, list, check, aggregate, render)
//! once per case in a child process (this program with `stages DIR PLAN`).

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
struct Case {
    name: &'static str,
    files: usize,
    rows_per_file: usize,
    /// Units of the plan: the roster's 7, or more (a generated plan).
    units: usize,
    /// Compile (one file per unit) as well as check, or check only.
    compile: bool,
    /// Run without being named.
    default: bool,
}

const CASES: [Case; 6] = [
    Case {
        name: "check200",
        files: 200,
        rows_per_file: 100,
        units: 7,
        compile: false,
        default: true,
    },
    Case {
        name: "compile3k",
        files: 7,
        rows_per_file: 3_000,
        units: 7,
        compile: true,
        default: true,
    },
    Case {
        name: "rows1e3",
        files: 7,
        rows_per_file: 143,
        units: 7,
        compile: true,
        default: true,
    },
    Case {
        name: "rows1e4",
        files: 7,
        rows_per_file: 1_429,
        units: 7,
        compile: true,
        default: true,
    },
    Case {
        name: "rows1e5",
        files: 7,
        rows_per_file: 14_286,
        units: 7,
        compile: true,
        default: true,
    },
    Case {
        name: "rows1e6",
        files: 70,
        rows_per_file: 14_286,
        units: 70,
        compile: true,
        default: false,
    },
];

/// Unit `i` of a plan with `n` units: the roster first, then made-up units.
fn unit(i: usize) -> (String, String) {
    match UNITS.get(i) {
        Some((code, name)) => (code.to_string(), name.to_string()),
        None => (format!("DV{i:03}"), format!("Đơn vị thử nghiệm số {i}")),
    }
}

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
fn write_unit(path: &Path, code: &str, name: &str, rows: usize, salt: usize) -> Res<()> {
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

/// The plan for a case: the shipped one, or with made-up units added (each of
/// them coordinates tasks 1–4, whose `coordinating_units` is `all`).
fn write_plan(path: &Path, units: usize) -> Res<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("templates/plan.json"))?)?;
    let list = plan["units"].as_array_mut().ok_or("plan without units")?;
    for i in UNITS.len()..units {
        let (code, name) = unit(i);
        list.push(serde_json::json!({
            "code": code,
            "name": name,
            "short_name": format!("ĐV {i}"),
            "aliases": []
        }));
    }
    std::fs::write(path, serde_json::to_string_pretty(&plan)?)?;
    Ok(())
}

fn generate(dir: &Path, c: Case) -> Res<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for f in 0..c.files {
        let (code, name) = unit(f % c.units);
        let file = if c.compile {
            format!("{code}.xlsx")
        } else {
            format!("{f:03}-{code}.xlsx")
        };
        let p = dir.join(file);
        write_unit(&p, &code, &name, c.rows_per_file, f)?;
        paths.push(p);
    }
    Ok(paths)
}

/// Child mode `floor FILE…`: what reading alone costs, on one thread.
fn floor(files: &[String]) -> Res<()> {
    use calamine::{open_workbook_auto, Data, Reader};
    let (mut cells, mut chars) = (0usize, 0usize);
    for f in files {
        let mut book = open_workbook_auto(f)?;
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name)?;
            for (_, _, v) in range.used_cells() {
                cells += 1;
                if let Data::String(s) = v {
                    chars += s.len();
                }
            }
        }
    }
    println!("FLOOR cells={cells} bytes={chars}");
    Ok(())
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

/// Child mode `stages DIR PLAN [compile]`: times the library stages over `dir`
/// and prints one `key=value` line.
fn stages(dir: &Path, plan: &Path, compile: bool) -> Res<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let t_all = Instant::now();

    let t = Instant::now();
    let plan = Plan::load(plan)?;
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
        "STAGES load={load:.3} list={list:.3} check={check:.3} agg={agg:.3} render={render:.3} \
         total={:.3} rows={rows} errors={} warnings={} size={size} hwm_check={hwm_check:.0} \
         hwm_agg={hwm_agg:.0} hwm={:.0}",
        t_all.elapsed().as_secs_f64(),
        batch.errors(),
        batch.warnings(),
        vm_hwm_mb()
    );
    Ok(())
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

/// One run of a child process.
#[derive(Clone, Copy, Default)]
struct Run {
    wall: f64,
    cpu: f64,
    rss_mb: f64,
    code: i32,
}

/// Runs a program under `/usr/bin/time -v`: wall seconds (measured here), CPU
/// seconds (user + system) and peak RSS as `time` reports them.
fn run(program: &Path, args: &[String]) -> Res<Run> {
    let mut cmd = Command::new("/usr/bin/time");
    cmd.arg("-v")
        .arg(program)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    let t = Instant::now();
    let out = cmd.output()?;
    let wall = t.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let num = |key: &str| {
        stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix(key))
            .and_then(|v| v.trim().parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    let code = out.status.code().unwrap_or(-1);
    if !(0..=2).contains(&code) {
        return Err(format!("{} {args:?} failed ({code}): {stderr}", program.display()).into());
    }
    Ok(Run {
        wall,
        cpu: num("User time (seconds):") + num("System time (seconds):"),
        rss_mb: num("Maximum resident set size (kbytes):") / 1024.0,
        code,
    })
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// Medians of one phase over the runs.
#[derive(Clone, Copy)]
struct Phase {
    wall: f64,
    cpu: f64,
    rss_mb: f64,
    wall_min: f64,
    wall_max: f64,
}

impl Phase {
    fn of(runs: &[Run]) -> Phase {
        let walls: Vec<f64> = runs.iter().map(|r| r.wall).collect();
        Phase {
            wall: median(walls.clone()),
            cpu: median(runs.iter().map(|r| r.cpu).collect()),
            rss_mb: median(runs.iter().map(|r| r.rss_mb).collect()),
            wall_min: walls.iter().copied().fold(f64::INFINITY, f64::min),
            wall_max: walls.iter().copied().fold(0.0, f64::max),
        }
    }
}

struct Measured {
    case: Case,
    rows: usize,
    floor: Phase,
    check: Phase,
    compile: Option<Phase>,
    report_kb: f64,
    /// The same phases run with `--before BIN`.
    before_check: Option<Phase>,
    before_compile: Option<Phase>,
}

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("floor") => return floor(&args[1..]),
        Some("stages") => {
            return stages(
                Path::new(&args[1]),
                Path::new(&args[2]),
                args.get(3).map(String::as_str) == Some("compile"),
            )
        }
        _ => {}
    }
    let mut runs = 5usize;
    let mut with_stages = false;
    let mut keep: Option<PathBuf> = None;
    let mut before: Option<PathBuf> = None;
    let mut names = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--runs" => runs = it.next().ok_or("--runs N")?.parse()?,
            "--stages" => with_stages = true,
            "--keep" => keep = Some(PathBuf::from(it.next().ok_or("--keep DIR")?)),
            // Another build of baocao (an older commit), run on the same files in
            // the same runs: a before/after comparison.
            "--before" => before = Some(PathBuf::from(it.next().ok_or("--before BIN")?)),
            n => names.push(n.to_string()),
        }
    }
    let wanted: Vec<Case> = CASES
        .iter()
        .copied()
        .filter(|c| {
            if names.is_empty() {
                c.default
            } else {
                names.iter().any(|n| n == c.name)
            }
        })
        .collect();
    let bin = baocao_bin()?;
    let me = std::env::current_exe()?;
    println!(
        "machine: {} cores, {}; {runs} runs per phase, medians",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model()
    );

    let mut results = Vec::new();
    for c in wanted {
        let tmp = tempfile::tempdir()?;
        // `--keep DIR`: the files, plan and report stay in DIR/<case> (to compare
        // outputs before and after a change).
        let work = match &keep {
            Some(k) => k.join(c.name),
            None => tmp.path().to_path_buf(),
        };
        let input = work.join("input");
        if input.exists() {
            std::fs::remove_dir_all(&input)?;
        }
        std::fs::create_dir_all(&input)?;
        let plan = work.join("plan.json");
        write_plan(&plan, c.units)?;
        let t = Instant::now();
        let paths = generate(&input, c)?;
        eprintln!(
            "{}: {} files generated in {:.1} s",
            c.name,
            paths.len(),
            t.elapsed().as_secs_f64()
        );
        let files: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        let report = work.join("report.docx");
        let plan_arg = plan.display().to_string();

        if with_stages {
            let out = Command::new(&me)
                .arg("stages")
                .arg(&input)
                .arg(&plan)
                .arg(if c.compile { "compile" } else { "check" })
                .output()?;
            let stdout = String::from_utf8_lossy(&out.stdout);
            match stdout.lines().find(|l| l.starts_with("STAGES")) {
                Some(l) => println!("{}: {l}", c.name),
                None => eprintln!("stages failed: {}", String::from_utf8_lossy(&out.stderr)),
            }
        }

        let floor_args: Vec<String> = std::iter::once("floor".to_string())
            .chain(files.iter().cloned())
            .collect();
        let check_args: Vec<String> = ["--plan", &plan_arg, "check"]
            .iter()
            .map(|s| s.to_string())
            .chain(files.iter().cloned())
            .collect();
        let compile_args: Vec<String> = [
            "--plan",
            &plan_arg,
            "compile",
            "--input",
            &input.display().to_string(),
            "--output",
            &report.display().to_string(),
            "--date",
            DATE,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();

        let (mut fl, mut ch, mut co) = (Vec::new(), Vec::new(), Vec::new());
        let (mut bch, mut bco) = (Vec::new(), Vec::new());
        let before_report = work.join("before.docx");
        let before_compile_args: Vec<String> = compile_args
            .iter()
            .map(|a| {
                if *a == report.display().to_string() {
                    before_report.display().to_string()
                } else {
                    a.clone()
                }
            })
            .collect();
        for i in 0..runs {
            // Interleaved, so a busy spell on the shared machine hits every phase.
            fl.push(run(&me, &floor_args)?);
            ch.push(run(&bin, &check_args)?);
            if c.compile {
                let r = run(&bin, &compile_args)?;
                if r.code != 0 {
                    return Err(format!("{}: compile exit {}", c.name, r.code).into());
                }
                co.push(r);
            }
            if let Some(old) = &before {
                bch.push(run(old, &check_args)?);
                if c.compile {
                    bco.push(run(old, &before_compile_args)?);
                }
            }
            eprintln!(
                "  run {}: floor {:.3} s, check {:.3} s{}",
                i + 1,
                fl[i].wall,
                ch[i].wall,
                co.last()
                    .map(|r| format!(", compile {:.3} s {:.0} MB", r.wall, r.rss_mb))
                    .unwrap_or_default()
            );
        }
        let report_kb = std::fs::metadata(&report).map_or(f64::NAN, |m| m.len() as f64 / 1024.0);
        results.push(Measured {
            case: c,
            rows: c.files * c.rows_per_file,
            floor: Phase::of(&fl),
            check: Phase::of(&ch),
            compile: (!co.is_empty()).then(|| Phase::of(&co)),
            report_kb,
            before_check: (!bch.is_empty()).then(|| Phase::of(&bch)),
            before_compile: (!bco.is_empty()).then(|| Phase::of(&bco)),
        });
    }
    print_tables(&results);
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

fn print_tables(results: &[Measured]) {
    println!();
    println!(
        "| case | files × rows | rows | floor s | check s (range) | check / floor | compile s (range) | \
         compile / floor | floor MB | check MB | compile MB | check CPU s | compile CPU s | report KB |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for m in results {
        let co = m.compile;
        let opt = |f: &dyn Fn(Phase) -> String| co.map_or("–".to_string(), f);
        println!(
            "| {} | {} × {} | {} | {:.3} | {:.3} ({:.3}–{:.3}) | {:.2}× | {} | {} | {:.0} | {:.0} | {} | {:.2} | {} | {} |",
            m.case.name,
            m.case.files,
            m.case.rows_per_file,
            m.rows,
            m.floor.wall,
            m.check.wall,
            m.check.wall_min,
            m.check.wall_max,
            m.check.wall / m.floor.wall,
            opt(&|p| format!("{:.3} ({:.3}–{:.3})", p.wall, p.wall_min, p.wall_max)),
            opt(&|p| format!("{:.2}×", p.wall / m.floor.wall)),
            m.floor.rss_mb,
            m.check.rss_mb,
            opt(&|p| format!("{:.0}", p.rss_mb)),
            m.check.cpu,
            opt(&|p| format!("{:.2}", p.cpu)),
            if m.report_kb.is_nan() {
                "–".to_string()
            } else {
                format!("{:.0}", m.report_kb)
            },
        );
    }
    if results.iter().any(|m| m.before_check.is_some()) {
        println!();
        println!(
            "| case | before check s | after check s | before check CPU s | after check CPU s | \
             before compile s | after compile s | before compile CPU s | after compile CPU s | \
             before compile MB | after compile MB |"
        );
        println!("|---|---|---|---|---|---|---|---|---|---|---|");
        for m in results {
            let Some(bc) = m.before_check else { continue };
            let pair = |b: Option<Phase>, a: Option<Phase>, f: &dyn Fn(Phase) -> f64, d: usize| {
                let s =
                    |p: Option<Phase>| p.map_or("–".to_string(), |p| format!("{:.*}", d, f(p)));
                (s(b), s(a))
            };
            let (bw, aw) = pair(m.before_compile, m.compile, &|p| p.wall, 3);
            let (bcpu, acpu) = pair(m.before_compile, m.compile, &|p| p.cpu, 2);
            let (bmb, amb) = pair(m.before_compile, m.compile, &|p| p.rss_mb, 0);
            println!(
                "| {} | {:.3} | {:.3} | {:.2} | {:.2} | {bw} | {aw} | {bcpu} | {acpu} | {bmb} | {amb} |",
                m.case.name, bc.wall, m.check.wall, bc.cpu, m.check.cpu
            );
        }
    }
    // Growth of compile with rows: time and memory per row relative to the
    // previous scale (1.0 = linear).
    let scaling: Vec<&Measured> = results
        .iter()
        .filter(|m| m.case.name.starts_with("rows"))
        .collect();
    if scaling.len() > 1 {
        println!();
        println!("Compile as rows grow (per row, relative to the previous line; 1.0 = linear):");
        for w in scaling.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (pa, pb) = (a.compile.unwrap(), b.compile.unwrap());
            let per = |x: f64, m: &Measured| x / m.rows as f64;
            println!(
                "  {} → {} (rows × {:.0}): time {:.2}, memory {:.2}",
                a.case.name,
                b.case.name,
                b.rows as f64 / a.rows as f64,
                per(pb.wall, b) / per(pa.wall, a),
                per(pb.rss_mb, b) / per(pa.rss_mb, a),
            );
        }
    }
}
