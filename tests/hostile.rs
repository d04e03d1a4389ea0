//! Hostile files must be refused with the right E006 limit, never crash or hang.
//! (Timings and memory are measured by `examples/hostile_bench.rs`, not here.)

#[path = "fixtures/open/hostile_gen.rs"]
mod hostile_gen;

use baocao::read::{open, LimitKind, Limits, ReadError};

fn limit_kind(path: &std::path::Path) -> LimitKind {
    match open(path, &Limits::default()) {
        Err(ReadError::Limit { kind, max, found }) => {
            assert!(found > max, "{kind:?}: found {found} <= max {max}");
            kind
        }
        Err(e) => panic!("expected a limit, got {e:?}"),
        Ok(_) => panic!("expected a limit, file was read"),
    }
}

#[test]
fn far_apart_cells_in_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        limit_kind(&hostile_gen::far_cells(dir.path())),
        LimitKind::Rows
    );
}

#[test]
fn deflate_bomb() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        limit_kind(&hostile_gen::deflate_bomb(dir.path(), false)),
        LimitKind::Uncompressed
    );
}

#[test]
fn deflate_bomb_with_lying_sizes() {
    let dir = tempfile::tempdir().unwrap();
    // Declared sizes of 1000 bytes: the zip reader stops at the first byte past
    // the declared size, so the package is reported as corrupt, early.
    match open(
        &hostile_gen::deflate_bomb(dir.path(), true),
        &Limits::default(),
    ) {
        Err(ReadError::Corrupt { detail }) => assert!(detail.contains("declared"), "{detail}"),
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

#[test]
fn million_rows() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        limit_kind(&hostile_gen::million_rows(dir.path())),
        LimitKind::Rows
    );
}

#[test]
fn huge_string_cell() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        limit_kind(&hostile_gen::huge_string(dir.path())),
        LimitKind::TextLength
    );
}

#[test]
fn ods_rows_repeated() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        limit_kind(&hostile_gen::ods_repeated_rows(dir.path())),
        LimitKind::Rows
    );
}

#[test]
fn ods_rows_repeated_under_row_limit_but_over_cells() {
    let dir = tempfile::tempdir().unwrap();
    let p = hostile_gen::ods_repeated_rows(dir.path());
    let limits = Limits {
        rows: 2_000_000,
        ..Limits::default()
    };
    assert!(matches!(
        open(&p, &limits),
        Err(ReadError::Limit {
            kind: LimitKind::Cells,
            ..
        })
    ));
}

#[test]
fn oversized_file() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        limit_kind(&hostile_gen::oversized(dir.path())),
        LimitKind::FileSize
    );
}

#[test]
fn xls_with_a_huge_bounding_box() {
    assert_eq!(limit_kind(&hostile_gen::dense_xls()), LimitKind::Area);
}
