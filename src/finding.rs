//! Findings: a spreadsheet's problems as data — a stable code, a severity, where it
//! is, and the values its message needs. The wording lives in `messages`.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// Every finding code of `shared/spec/validation.md`. The codes are a public contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    E001,
    E002,
    E003,
    E004,
    E005,
    E006,
    W007,
    E101,
    E102,
    W103,
    E104,
    E105,
    E106,
    W107,
    W108,
    W109,
    W110,
    E111,
    E112,
    W113,
    W114,
    E115,
    E201,
    W202,
    W203,
    E301,
    W302,
    E303,
    W304,
}

impl Code {
    /// All codes, in catalogue order.
    pub const ALL: [Code; 29] = [
        Code::E001,
        Code::E002,
        Code::E003,
        Code::E004,
        Code::E005,
        Code::E006,
        Code::W007,
        Code::E101,
        Code::E102,
        Code::W103,
        Code::E104,
        Code::E105,
        Code::E106,
        Code::W107,
        Code::W108,
        Code::W109,
        Code::W110,
        Code::E111,
        Code::E112,
        Code::W113,
        Code::W114,
        Code::E115,
        Code::E201,
        Code::W202,
        Code::W203,
        Code::E301,
        Code::W302,
        Code::E303,
        Code::W304,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::E001 => "E001",
            Code::E002 => "E002",
            Code::E003 => "E003",
            Code::E004 => "E004",
            Code::E005 => "E005",
            Code::E006 => "E006",
            Code::W007 => "W007",
            Code::E101 => "E101",
            Code::E102 => "E102",
            Code::W103 => "W103",
            Code::E104 => "E104",
            Code::E105 => "E105",
            Code::E106 => "E106",
            Code::W107 => "W107",
            Code::W108 => "W108",
            Code::W109 => "W109",
            Code::W110 => "W110",
            Code::E111 => "E111",
            Code::E112 => "E112",
            Code::W113 => "W113",
            Code::W114 => "W114",
            Code::E115 => "E115",
            Code::E201 => "E201",
            Code::W202 => "W202",
            Code::W203 => "W203",
            Code::E301 => "E301",
            Code::W302 => "W302",
            Code::E303 => "E303",
            Code::W304 => "W304",
        }
    }

    /// Parses a code as a user types it (`e104` too).
    pub fn parse(s: &str) -> Option<Code> {
        let up = s.trim().to_ascii_uppercase();
        Code::ALL.into_iter().find(|c| c.as_str() == up)
    }

    pub fn severity(self) -> Severity {
        if self.as_str().starts_with('E') {
            Severity::Error
        } else {
            Severity::Warning
        }
    }

    /// Where the finding applies: file, row, unit or batch.
    pub fn level(self) -> Level {
        match self.as_str().as_bytes()[1] {
            b'0' => Level::File,
            b'1' => Level::Row,
            b'2' => Level::Unit,
            _ => Level::Batch,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    File,
    Row,
    Unit,
    Batch,
}

/// One problem found. `args` are the named values its message template uses
/// (`value`, `limit`, `task` …); `variant` picks a wording within the code (for
/// example which safety limit E006 hit).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: Code,
    pub variant: Option<&'static str>,
    pub sheet: Option<String>,
    /// 0-based (row, col) of the cell, shown to users as A1.
    pub cell: Option<(u32, u32)>,
    /// Unit code, for batch-level findings.
    pub unit: Option<String>,
    /// Files concerned, for batch-level findings (E303 names both).
    pub paths: Vec<PathBuf>,
    pub args: Vec<(&'static str, String)>,
}

impl Finding {
    pub fn new(code: Code) -> Self {
        Finding {
            code,
            variant: None,
            sheet: None,
            cell: None,
            unit: None,
            paths: Vec::new(),
            args: Vec::new(),
        }
    }

    pub fn variant(mut self, v: &'static str) -> Self {
        self.variant = Some(v);
        self
    }

    pub fn at(mut self, sheet: &str, row: u32, col: u32) -> Self {
        self.sheet = Some(sheet.to_string());
        self.cell = Some((row, col));
        self
    }

    pub fn in_sheet(mut self, sheet: &str) -> Self {
        self.sheet = Some(sheet.to_string());
        self
    }

    pub fn unit(mut self, code: &str) -> Self {
        self.unit = Some(code.to_string());
        self
    }

    pub fn path(mut self, p: impl Into<PathBuf>) -> Self {
        self.paths.push(p.into());
        self
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// The A1 address of the cell, if any.
    pub fn cell_a1(&self) -> Option<String> {
        self.cell.map(|(r, c)| crate::read::a1(r, c))
    }

    /// 1-based row number as the user sees it.
    pub fn row_number(&self) -> Option<u32> {
        self.cell.map(|(r, _)| r + 1)
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_and_classify() {
        assert_eq!(Code::parse("e104"), Some(Code::E104));
        assert_eq!(Code::parse("X999"), None);
        assert_eq!(Code::W203.severity(), Severity::Warning);
        assert_eq!(Code::E303.level(), Level::Batch);
        assert_eq!(Code::W007.level(), Level::File);
        assert_eq!(Code::E201.level(), Level::Unit);
        for c in Code::ALL {
            assert_eq!(Code::parse(c.as_str()), Some(c));
        }
    }

    #[test]
    fn cell_is_shown_as_a1() {
        let f = Finding::new(Code::E104).at("Kết quả", 11, 5);
        assert_eq!(f.cell_a1().as_deref(), Some("F12"));
        assert_eq!(f.row_number(), Some(12));
    }
}
