//! Generates one hostile file and opens it, printing the outcome and the time
//! taken. Run under `/usr/bin/time -v` for peak memory:
//! `cargo build --release --example hostile_bench &&
//!  /usr/bin/time -v target/release/examples/hostile_bench bomb`
//! Cases: far, bomb, bomb-lying, rows, string, ods-rows, oversized, dense-xls.

#[path = "../tests/fixtures/open/hostile_gen.rs"]
mod hostile_gen;

use std::time::Instant;

fn main() {
    let case = std::env::args().nth(1).unwrap_or_else(|| "bomb".into());
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = match case.as_str() {
        "far" => hostile_gen::far_cells(d),
        "bomb" => hostile_gen::deflate_bomb(d, false),
        "bomb-lying" => hostile_gen::deflate_bomb(d, true),
        "rows" => hostile_gen::million_rows(d),
        "string" => hostile_gen::huge_string(d),
        "ods-rows" => hostile_gen::ods_repeated_rows(d),
        "oversized" => hostile_gen::oversized(d),
        "dense-xls" => hostile_gen::dense_xls(),
        other => panic!("unknown case {other}"),
    };
    let size = std::fs::metadata(&path).unwrap().len();
    let t = Instant::now();
    let r = baocao::read::open(&path, &baocao::read::Limits::default());
    let secs = t.elapsed().as_secs_f64();
    let outcome = match r {
        Ok(wb) => format!("read {} sheets", wb.sheets.len()),
        Err(e) => format!("{e:?}"),
    };
    println!("{case}: file {size} bytes, open {secs:.3} s, {outcome}");
}
