//! The ledger: an embedded SQLite database in the data folder recording every check,
//! every submission and every office action, plus the office password's hash and the
//! units' access-code hashes. The schema is versioned (`PRAGMA user_version`) and
//! migrated forward on open; each write is one transaction, so a crash leaves a
//! record whole or absent.

use std::path::Path;

use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

/// The migrations, in order; migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
     CREATE TABLE checks (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, unit TEXT,
        name TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
        rows INTEGER NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL,
        client TEXT NOT NULL);
     CREATE TABLE submissions (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, unit TEXT NOT NULL,
        name TEXT NOT NULL, stored TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,
        size INTEGER NOT NULL, rows INTEGER NOT NULL, errors INTEGER NOT NULL,
        warnings INTEGER NOT NULL, client TEXT NOT NULL);
     CREATE INDEX submissions_unit ON submissions (unit, id);
     CREATE TABLE access_codes (unit TEXT PRIMARY KEY, hash TEXT NOT NULL, at TEXT NOT NULL);
     CREATE TABLE office_actions (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, action TEXT NOT NULL,
        detail TEXT NOT NULL, sha256 TEXT, client TEXT NOT NULL);",
];

/// The file name of the database inside the data folder.
pub const FILE_NAME: &str = "ledger.sqlite3";

/// What one check or submission recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    pub id: i64,
    pub at: String,
    pub unit: Option<String>,
    pub name: String,
    pub sha256: String,
    pub size: u64,
    pub rows: u64,
    pub errors: u64,
    pub warnings: u64,
    pub client: String,
}

/// One submission: the record and where its file is stored (relative to the files
/// folder).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Submission {
    #[serde(flatten)]
    pub record: Record,
    #[serde(skip)]
    pub stored: String,
}

/// The open ledger.
pub struct Ledger {
    conn: Connection,
}

impl Ledger {
    /// Opens (creating if needed) the ledger in `dir` and migrates it.
    pub fn open(dir: &Path) -> Result<Ledger> {
        let path = dir.join(FILE_NAME);
        let mut conn = Connection::open(&path)
            .with_context(|| format!("cannot open the ledger {}", path.display()))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        migrate(&mut conn)?;
        Ok(Ledger { conn })
    }

    /// The schema version after migration.
    pub fn version(&self) -> Result<usize> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))? as usize)
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Records a check; returns its id.
    pub fn add_check(&self, r: &Record) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO checks (at, unit, name, sha256, size, rows, errors, warnings, client)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![r.at, r.unit, r.name, r.sha256, r.size, r.rows, r.errors, r.warnings, r.client],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records a submission whose file is already stored; returns its id.
    pub fn add_submission(&self, r: &Record, stored: &str) -> Result<i64> {
        let unit = r.unit.as_deref().context("a submission has a unit")?;
        self.conn.execute(
            "INSERT INTO submissions (at, unit, name, stored, sha256, size, rows, errors, warnings, client)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![r.at, unit, r.name, stored, r.sha256, r.size, r.rows, r.errors, r.warnings, r.client],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every submission, oldest first.
    pub fn submissions(&self) -> Result<Vec<Submission>> {
        let mut st = self.conn.prepare(
            "SELECT id, at, unit, name, sha256, size, rows, errors, warnings, client, stored
             FROM submissions ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(Submission {
                record: Record {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    unit: r.get(2)?,
                    name: r.get(3)?,
                    sha256: r.get(4)?,
                    size: r.get(5)?,
                    rows: r.get(6)?,
                    errors: r.get(7)?,
                    warnings: r.get(8)?,
                    client: r.get(9)?,
                },
                stored: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One submission by id.
    pub fn submission(&self, id: i64) -> Result<Option<Submission>> {
        Ok(self.submissions()?.into_iter().find(|s| s.record.id == id))
    }

    /// Per unit, the time of its latest check with errors (for `đang sửa lỗi`).
    pub fn last_failed_checks(&self) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare(
            "SELECT unit, MAX(at) FROM checks WHERE unit IS NOT NULL AND errors > 0 GROUP BY unit",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn count(&self, table: Table) -> Result<i64> {
        let sql = match table {
            Table::Checks => "SELECT COUNT(*) FROM checks",
            Table::Submissions => "SELECT COUNT(*) FROM submissions",
            Table::OfficeActions => "SELECT COUNT(*) FROM office_actions",
        };
        Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
    }

    /// The access-code hash of a unit.
    pub fn code_hash(&self, unit: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT hash FROM access_codes WHERE unit = ?1",
                [unit],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Units with an access code, and when it was made.
    pub fn codes(&self) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare("SELECT unit, at FROM access_codes")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn set_code_hash(&self, unit: &str, hash: &str, at: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO access_codes (unit, hash, at) VALUES (?1, ?2, ?3)
             ON CONFLICT(unit) DO UPDATE SET hash = excluded.hash, at = excluded.at",
            params![unit, hash, at],
        )?;
        Ok(())
    }

    /// Records an office action (`compile`, `code`, `login`).
    pub fn add_action(
        &self,
        at: &str,
        action: &str,
        detail: &str,
        sha256: Option<&str>,
        client: &str,
    ) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO office_actions (at, action, detail, sha256, client) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![at, action, detail, sha256, client],
        )?;
        Ok(self.conn.last_insert_rowid())
    }
}

/// The tables counted by [`Ledger::count`].
#[derive(Debug, Clone, Copy)]
pub enum Table {
    Checks,
    Submissions,
    OfficeActions,
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let version = usize::try_from(version).unwrap_or(0);
    if version > MIGRATIONS.len() {
        anyhow::bail!(
            "the ledger is from a newer baocao (schema {version}, this one knows {})",
            MIGRATIONS.len()
        );
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(unit: &str) -> Record {
        Record {
            id: 0,
            at: "2024-11-01T08:00:00Z".into(),
            unit: Some(unit.into()),
            name: "a.xlsx".into(),
            sha256: "ab".into(),
            size: 1,
            rows: 2,
            errors: 0,
            warnings: 0,
            client: "127.0.0.1".into(),
        }
    }

    #[test]
    fn migrates_once_and_keeps_records_across_opens() {
        let dir = tempfile::tempdir().unwrap();
        {
            let l = Ledger::open(dir.path()).unwrap();
            assert_eq!(l.version().unwrap(), MIGRATIONS.len());
            l.add_submission(&record("TTUD"), "TTUD/x.xlsx").unwrap();
            l.set_setting("k", "v").unwrap();
        }
        let l = Ledger::open(dir.path()).unwrap();
        assert_eq!(l.count(Table::Submissions).unwrap(), 1);
        assert_eq!(l.setting("k").unwrap().as_deref(), Some("v"));
        assert_eq!(l.submissions().unwrap()[0].stored, "TTUD/x.xlsx");
    }
}
