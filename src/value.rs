//! Parsers for the values a unit types into its spreadsheet: time periods, whole
//! quantities, statuses, task numbers and content-area lists. They are pure and
//! shared by the plan loader (timelines) and the checks.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::text::fold;
use crate::vocabulary::Vocabulary;

/// One cell's value, as the user sees it, after text normalisation.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// Text, already converted from legacy encodings and normalised to NFC.
    Text(String),
    /// A number (Excel stores integers as floats too).
    Number(f64),
    Bool(bool),
    /// A date cell (time of day dropped), epoch (1900/1904) already applied.
    Date(NaiveDate),
    /// A formula error such as `#REF!`, spelled as Excel shows it.
    Error(String),
}

impl CellValue {
    /// The value as the user would read it in the cell, for messages.
    pub fn display(&self) -> String {
        match self {
            CellValue::Text(s) => s.clone(),
            CellValue::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    format!("{n}")
                }
            }
            CellValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            CellValue::Date(d) => crate::text::dmy(*d),
            CellValue::Error(e) => e.clone(),
        }
    }

    /// The text of a text cell, trimmed; `None` for other kinds.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            CellValue::Text(s) => Some(s.trim()),
            _ => None,
        }
    }
}

/// A closed span of days [start, end].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    pub fn day(d: NaiveDate) -> Self {
        Period { start: d, end: d }
    }

    pub fn year(y: i32) -> Option<Self> {
        Some(Period {
            start: NaiveDate::from_ymd_opt(y, 1, 1)?,
            end: NaiveDate::from_ymd_opt(y, 12, 31)?,
        })
    }

    pub fn month(y: i32, m: u32) -> Option<Self> {
        let start = NaiveDate::from_ymd_opt(y, m, 1)?;
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)?
        };
        Some(Period {
            start,
            end: next.pred_opt()?,
        })
    }

    /// Quarters `first..=last` (1–4) of year `y`.
    pub fn quarters(y: i32, first: u32, last: u32) -> Option<Self> {
        if !(1..=4).contains(&first) || !(first..=4).contains(&last) {
            return None;
        }
        Some(Period {
            start: Period::month(y, first * 3 - 2)?.start,
            end: Period::month(y, last * 3)?.end,
        })
    }

    /// Whether every day of `self` lies within `other`.
    pub fn within(&self, other: &Period) -> bool {
        self.start >= other.start && self.end <= other.end
    }

    /// Whether the two periods share at least one day.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

/// Why a time value could not be read (E106, or an invalid plan timeline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    Empty,
    /// Not in any accepted form.
    Unreadable,
    /// Looks like a US month-first date (`05/18/2024`).
    MonthFirst,
    /// A quarter other than I–IV.
    NotAQuarter,
    /// Well-formed but no such day or month (`31/02/2024`, `13/2024`).
    NoSuchDate,
    /// A range whose end is before its start.
    Reversed,
}

/// Reads a time cell: a date cell is that day; text goes through [`parse_time_text`].
/// `year` is the plan's year (for `Thường xuyên`, `Cả năm`).
pub fn parse_time(v: &CellValue, year: i32, vocabulary: &Vocabulary) -> Result<Period, TimeError> {
    match v {
        CellValue::Date(d) => Ok(Period::day(*d)),
        CellValue::Text(s) => parse_time_text(s, year, vocabulary),
        _ => Err(TimeError::Unreadable),
    }
}

/// Reads a time written as text. Day-first always: `05/18/2024` is an error.
/// Period phrases (`6 tháng đầu năm`) are the vocabulary's.
pub fn parse_time_text(s: &str, year: i32, vocabulary: &Vocabulary) -> Result<Period, TimeError> {
    let f = fold(s);
    let f = f.trim_end_matches(['.', ';', ',']).trim();
    if f.is_empty() {
        return Err(TimeError::Empty);
    }
    if let Some((phrase, named)) = vocabulary.period(f) {
        let y = named.unwrap_or(year);
        let (first, last) = phrase.months();
        let start = Period::month(y, first).ok_or(TimeError::NoSuchDate)?;
        let end = Period::month(y, last).ok_or(TimeError::NoSuchDate)?;
        return Ok(Period {
            start: start.start,
            end: end.end,
        });
    }
    // `Ngày 18/5/2024`: the day.
    if let Some(rest) = f.strip_prefix("ngay ") {
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return parse_time_text(rest, year, vocabulary);
        }
    }
    // `Từ tháng 1 đến tháng 10/2024`: from the first month to the last.
    if let Some(rest) = f.strip_prefix("tu thang") {
        return parse_month_range(rest.trim());
    }
    if let Some(rest) = f.strip_prefix("nam ") {
        let y: i32 = rest.trim().parse().map_err(|_| TimeError::Unreadable)?;
        return Period::year(y).ok_or(TimeError::NoSuchDate);
    }
    if let Some(rest) = f.strip_prefix("quy").or_else(|| quarter_short(f)) {
        return parse_quarters(rest);
    }
    if let Some(rest) = f.strip_prefix("thang") {
        return parse_month_words(rest.trim());
    }
    // A day without its year (`18/5`) is that day of the plan year.
    if let Some(p) = parse_single(f, Some(year))? {
        return Ok(p);
    }
    parse_range(f, year)
}

/// `1 đến tháng 10/2024` (after `Từ tháng`): months 1 to 10 of 2024.
fn parse_month_range(rest: &str) -> Result<Period, TimeError> {
    let (a, b) = rest
        .split_once(" den ")
        .or_else(|| rest.split_once(['-', '–']))
        .ok_or(TimeError::Unreadable)?;
    let b = b.trim();
    let end = parse_month_words(b.strip_prefix("thang").unwrap_or(b).trim())?;
    let a = a.trim();
    let start = match a.parse::<u32>() {
        Ok(m) => Period::month(end.end.year(), m).ok_or(TimeError::NoSuchDate)?,
        Err(_) => parse_month_words(a)?,
    };
    if start.start > end.end {
        return Err(TimeError::Reversed);
    }
    Ok(Period {
        start: start.start,
        end: end.end,
    })
}

/// `qii/2024`, `q2/2024` → the part after `q`.
fn quarter_short(f: &str) -> Option<&str> {
    let rest = f.strip_prefix('q')?;
    rest.starts_with(|c: char| c == 'i' || c == 'v' || c.is_ascii_digit())
        .then_some(rest)
}

fn parse_quarters(rest: &str) -> Result<Period, TimeError> {
    let (spec, year) = rest.rsplit_once('/').ok_or(TimeError::Unreadable)?;
    let year = parse_year(year.trim()).ok_or(TimeError::Unreadable)?;
    let (first, last) = match spec.split_once(['-', '–']) {
        Some((a, b)) => (quarter_number(a)?, quarter_number(b)?),
        None => {
            let q = quarter_number(spec)?;
            (q, q)
        }
    };
    Period::quarters(year, first, last).ok_or(TimeError::NotAQuarter)
}

fn quarter_number(s: &str) -> Result<u32, TimeError> {
    let s = s.trim().trim_start_matches("quy").trim();
    let n = match s {
        "i" | "1" => 1,
        "ii" | "2" => 2,
        "iii" | "3" => 3,
        "iv" | "4" => 4,
        _ if !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x')) =>
        {
            return Err(TimeError::NotAQuarter)
        }
        _ => return Err(TimeError::Unreadable),
    };
    Ok(n)
}

/// `5/2024`, `05/2024`, `05 nam 2024` (after `tháng`).
fn parse_month_words(rest: &str) -> Result<Period, TimeError> {
    let (m, y) = rest
        .split_once('/')
        .or_else(|| rest.split_once(" nam "))
        .ok_or(TimeError::Unreadable)?;
    let y = parse_year(y.trim()).ok_or(TimeError::Unreadable)?;
    // `3, 6, 9/2024`: a list of months, from the first to the last.
    let mut months = Vec::new();
    for m in m.split([',', ';']).map(str::trim).filter(|m| !m.is_empty()) {
        let m: u32 = m
            .trim_start_matches("thang")
            .trim()
            .parse()
            .map_err(|_| TimeError::Unreadable)?;
        months.push(Period::month(y, m).ok_or(TimeError::NoSuchDate)?);
    }
    let first = months.iter().min().ok_or(TimeError::Unreadable)?;
    let last = months.iter().max().ok_or(TimeError::Unreadable)?;
    Ok(Period {
        start: first.start,
        end: last.end,
    })
}

fn parse_year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// One day or one month written with digits. `default_year` completes `15/5`
/// (the start of a range whose end names the year). `Ok(None)` when the text is
/// not of this shape at all.
fn parse_single(s: &str, default_year: Option<i32>) -> Result<Option<Period>, TimeError> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['/', '-', '.']).map(str::trim).collect();
    if !parts.iter().all(|p| all_digits(p)) {
        return Ok(None);
    }
    let num = |p: &str| p.parse::<u32>().unwrap_or(0);
    match parts.as_slice() {
        // yyyy-mm-dd
        [y, m, d] if y.len() == 4 => {
            date(num(y) as i32, num(m), num(d)).map(|d| Some(Period::day(d)))
        }
        [d, m, y] if y.len() == 4 => {
            let (d, m, y) = (num(d), num(m), num(y) as i32);
            match date(y, m, d) {
                Ok(day) => Ok(Some(Period::day(day))),
                Err(_) if m > 12 && d <= 12 && NaiveDate::from_ymd_opt(y, d, m).is_some() => {
                    Err(TimeError::MonthFirst)
                }
                Err(e) => Err(e),
            }
        }
        // mm/yyyy
        [m, y] if y.len() == 4 => Period::month(num(y) as i32, num(m))
            .map(Some)
            .ok_or(TimeError::NoSuchDate),
        // dd/mm: the year is the range's end's, or the plan's
        [d, m] if default_year.is_some() && d.len() <= 2 && m.len() <= 2 => {
            date(default_year.unwrap_or(0), num(m), num(d)).map(|d| Some(Period::day(d)))
        }
        _ => Ok(None),
    }
}

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, TimeError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(TimeError::NoSuchDate)
}

/// `15/5/2024 - 20/5/2024`, `15/5 - 20/5/2024`, `15/5/2024 đến 20/5/2024`.
fn parse_range(f: &str, year: i32) -> Result<Period, TimeError> {
    let (a, b) = split_range(f).ok_or(TimeError::Unreadable)?;
    let end = parse_single(b, Some(year))?.ok_or(TimeError::Unreadable)?;
    let start = parse_single(a, Some(end.end.year()))?.ok_or(TimeError::Unreadable)?;
    if start.start > end.end {
        return Err(TimeError::Reversed);
    }
    Ok(Period {
        start: start.start,
        end: end.end,
    })
}

fn split_range(f: &str) -> Option<(&str, &str)> {
    for sep in [" - ", " – ", " — ", " den ", "–", "—"] {
        if let Some((a, b)) = f.split_once(sep) {
            return Some((a.trim().trim_start_matches("tu "), b.trim()));
        }
    }
    // `15/5-20/5/2024`: a hyphen between two slash dates
    let idx = f.find('-')?;
    let (a, b) = (&f[..idx], &f[idx + 1..]);
    (a.contains('/') && b.contains('/')).then_some((a.trim(), b.trim()))
}

/// Why a quantity is not a whole number ≥ 0 (E104).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityError {
    NotNumber,
    Negative,
    Fractional,
}

/// Reads a quantity: a whole number ≥ 0, or empty (`Ok(None)`). In text, `.` and a
/// space separate thousands (`1.234` = 1234) and `,` is the decimal mark, so
/// `12,5` is fractional — an error, never rounded.
pub fn parse_quantity(v: Option<&CellValue>) -> Result<Option<u64>, QuantityError> {
    let Some(v) = v else { return Ok(None) };
    match v {
        CellValue::Number(n) => whole(*n),
        CellValue::Text(s) => parse_quantity_text(s),
        _ => Err(QuantityError::NotNumber),
    }
}

fn whole(n: f64) -> Result<Option<u64>, QuantityError> {
    if !n.is_finite() {
        Err(QuantityError::NotNumber)
    } else if n < 0.0 {
        Err(QuantityError::Negative)
    } else if n.fract() != 0.0 {
        Err(QuantityError::Fractional)
    } else if n > 1e15 {
        Err(QuantityError::NotNumber)
    } else {
        Ok(Some(n as u64))
    }
}

fn parse_quantity_text(s: &str) -> Result<Option<u64>, QuantityError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let (negative, body) = match s.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim()),
        None => (false, s),
    };
    let (int_part, frac) = match body.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let groups: Vec<&str> = int_part.split(['.', ' ', '\u{a0}']).collect();
    let grouped_ok = groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && groups.len() <= 5
        && groups.iter().skip(1).all(|g| g.len() == 3)
        && groups[0].len() <= if groups.len() > 1 { 3 } else { 15 };
    if !grouped_ok {
        // `1.5` is neither thousands nor an accepted decimal: call it fractional
        // when it reads as a decimal number, else not a number.
        let decimal = body.replace(',', ".");
        return match decimal.parse::<f64>() {
            Ok(n) if n.fract() != 0.0 => Err(QuantityError::Fractional),
            _ => Err(QuantityError::NotNumber),
        };
    }
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err(QuantityError::NotNumber);
        }
        if f.bytes().any(|b| b != b'0') {
            return Err(QuantityError::Fractional);
        }
    }
    let digits: String = groups.concat();
    let n: u64 = digits.parse().map_err(|_| QuantityError::NotNumber)?;
    if negative && n > 0 {
        return Err(QuantityError::Negative);
    }
    Ok(Some(n))
}

/// Splits a quantity written with its unit (`02 lớp`, `145 học viên`, `9 tin/bài`,
/// `1.234 lượt`) into the number and the rest, as written; `None` when the text
/// does not start with a whole number followed by words.
pub fn split_quantity_measure(s: &str) -> Option<(u64, &str)> {
    let s = s.trim();
    let i = s.find(|c: char| c.is_alphabetic())?;
    let (number, rest) = s.split_at(i);
    let rest = rest.trim();
    match parse_quantity_text(number) {
        Ok(Some(n)) if !rest.is_empty() => Some((n, rest)),
        _ => None,
    }
}

/// A row's status. Its labels and the spellings people use for it are data: the
/// `statuses` of the vocabulary file ([`crate::vocabulary`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    Done,
}

impl Status {
    /// Every status, in the order forms list them (the drop-down, the guide).
    pub const ALL: [Status; 3] = [Status::Done, Status::InProgress, Status::NotStarted];

    /// The status's key in the data files (`done`, `in_progress`, `not_started`):
    /// its serde name, also the `{placeholder}` that stands for its label.
    pub fn key(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::InProgress => "in_progress",
            Status::NotStarted => "not_started",
        }
    }
}

/// Reads a task reference: `4`, `4.0`, `IV.4`, `NV4`, `Nhiệm vụ 4`, `Nhiệm vụ số 4`,
/// or a title with a leading number (`4. Tổ chức …`). `None` when no number leads.
pub fn parse_task_ref(v: &CellValue) -> Option<u32> {
    match v {
        CellValue::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n < 1e6 => Some(*n as u32),
        CellValue::Text(s) => {
            let f = fold(s);
            let mut rest = f.as_str();
            for prefix in ["nhiem vu so", "nhiem vu", "nv", "iv."] {
                if let Some(r) = rest.strip_prefix(prefix) {
                    rest = r.trim_start_matches(['.', ' ', ':']);
                    break;
                }
            }
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if digits.is_empty() || digits.len() > 6 {
                return None;
            }
            let after = &rest[digits.len()..];
            // `4.0` and `4.` lead with 4; `4.2` (a sub-item) too; `45abc` not.
            if after.starts_with(|c: char| c.is_alphabetic()) {
                return None;
            }
            digits.parse().ok()
        }
        _ => None,
    }
}

/// Reads a list of content areas (`1, 4, 7`, `1;4`, `II.1`). `Err` carries the
/// first item that is not a number.
pub fn parse_content_areas(v: &CellValue) -> Result<Vec<u32>, String> {
    let text = v.display();
    let mut out = Vec::new();
    for item in text.split([',', ';', '\n', '+', '&']) {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        let f = fold(item);
        let f = f
            .strip_prefix("muc ")
            .unwrap_or(&f)
            .trim_start_matches("ii.")
            .trim_start_matches("ii ")
            .trim()
            .trim_end_matches('.');
        match f.parse::<u32>() {
            Ok(n) => out.push(n),
            Err(_) => match f.parse::<f64>() {
                Ok(n) if n.fract() == 0.0 && n >= 0.0 => out.push(n as u32),
                _ => return Err(item.to_string()),
            },
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_status(s: &str) -> Option<Status> {
        Vocabulary::shipped().status(s)
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(s: &str) -> Result<Period, TimeError> {
        parse_time_text(s, 2024, Vocabulary::shipped())
    }

    fn span(a: NaiveDate, b: NaiveDate) -> Period {
        Period { start: a, end: b }
    }

    #[test]
    fn days_in_every_accepted_form() {
        let may18 = Period::day(d(2024, 5, 18));
        for s in [
            "18/05/2024",
            "18/5/2024",
            "18-05-2024",
            "18.05.2024",
            "2024-05-18",
            " 18/05/2024 ",
        ] {
            assert_eq!(t(s), Ok(may18), "{s}");
        }
        assert_eq!(
            parse_time(
                &CellValue::Date(d(2024, 5, 18)),
                2024,
                Vocabulary::shipped()
            ),
            Ok(may18)
        );
    }

    #[test]
    fn month_first_dates_are_rejected() {
        assert_eq!(t("05/18/2024"), Err(TimeError::MonthFirst));
        assert_eq!(t("31/02/2024"), Err(TimeError::NoSuchDate));
        assert_eq!(t("18 tháng năm"), Err(TimeError::Unreadable));
    }

    #[test]
    fn months() {
        let may = span(d(2024, 5, 1), d(2024, 5, 31));
        for s in [
            "05/2024",
            "5/2024",
            "tháng 5/2024",
            "Tháng 05 năm 2024",
            "THÁNG 5/2024",
        ] {
            assert_eq!(t(s), Ok(may), "{s}");
        }
        assert_eq!(t("02/2024").unwrap().end, d(2024, 2, 29));
        assert_eq!(t("13/2024"), Err(TimeError::NoSuchDate));
    }

    #[test]
    fn quarters() {
        let q2 = span(d(2024, 4, 1), d(2024, 6, 30));
        for s in [
            "Quý II/2024",
            "Quý 2/2024",
            "QII/2024",
            "Qúy II/2024",
            "quy ii/2024",
            "Q2/2024",
        ] {
            assert_eq!(t(s), Ok(q2), "{s}");
        }
        assert_eq!(
            t("Quý I - II/2024"),
            Ok(span(d(2024, 1, 1), d(2024, 6, 30)))
        );
        assert_eq!(t("Quý IV/2024"), Ok(span(d(2024, 10, 1), d(2024, 12, 31))));
        assert_eq!(t("Quý V/2024"), Err(TimeError::NotAQuarter));
    }

    #[test]
    fn ranges() {
        let r = span(d(2024, 5, 15), d(2024, 5, 20));
        for s in [
            "15/5/2024 - 20/5/2024",
            "15/5 - 20/5/2024",
            "15/05/2024 – 20/05/2024",
            "từ 15/5/2024 đến 20/5/2024",
            "15/5-20/5/2024",
        ] {
            assert_eq!(t(s), Ok(r), "{s}");
        }
        assert_eq!(t("20/5/2024 - 15/5/2024"), Err(TimeError::Reversed));
    }

    #[test]
    fn period_phrases_of_units() {
        assert_eq!(
            t("6 tháng đầu năm 2024"),
            Ok(span(d(2024, 1, 1), d(2024, 6, 30)))
        );
        assert_eq!(
            t("6 tháng đầu năm (2024)"),
            Ok(span(d(2024, 1, 1), d(2024, 6, 30)))
        );
        assert_eq!(
            t("6 tháng cuối năm"),
            Ok(span(d(2024, 7, 1), d(2024, 12, 31)))
        );
        assert_eq!(
            t("9 tháng năm 2024"),
            Ok(span(d(2024, 1, 1), d(2024, 9, 30)))
        );
        assert_eq!(t("9 tháng"), Ok(span(d(2024, 1, 1), d(2024, 9, 30))));
        assert_eq!(
            t("Tháng 3, 6, 9/2024"),
            Ok(span(d(2024, 3, 1), d(2024, 9, 30)))
        );
        assert_eq!(
            t("Tháng 3,6,9 năm 2024"),
            Ok(span(d(2024, 3, 1), d(2024, 9, 30)))
        );
        assert_eq!(
            t("Từ tháng 1 đến tháng 10/2024"),
            Ok(span(d(2024, 1, 1), d(2024, 10, 31)))
        );
        assert_eq!(t("Từ tháng 10 đến tháng 1/2024"), Err(TimeError::Reversed));
        assert_eq!(t("Ngày 18/5/2024"), Ok(Period::day(d(2024, 5, 18))));
        assert_eq!(t("18/5"), Ok(Period::day(d(2024, 5, 18))));
        assert_eq!(t("15/5 - 20/5"), Ok(span(d(2024, 5, 15), d(2024, 5, 20))));
        assert_eq!(t("Tháng 3, 13/2024"), Err(TimeError::NoSuchDate));
        assert_eq!(t("5 tháng đầu năm"), Err(TimeError::Unreadable));
    }

    #[test]
    fn whole_year_words() {
        let y = Period::year(2024).unwrap();
        for s in [
            "Thường xuyên",
            "Thường xuyên trong năm",
            "Cả năm",
            "Năm 2024",
            "thuong xuyen",
        ] {
            assert_eq!(t(s), Ok(y), "{s}");
        }
        assert_eq!(t("Năm 2023"), Ok(Period::year(2023).unwrap()));
        assert_eq!(t(""), Err(TimeError::Empty));
        assert_eq!(
            parse_time(&CellValue::Number(5.0), 2024, Vocabulary::shipped()),
            Err(TimeError::Unreadable)
        );
    }

    fn q(s: &str) -> Result<Option<u64>, QuantityError> {
        parse_quantity(Some(&CellValue::Text(s.into())))
    }

    #[test]
    fn quantities() {
        assert_eq!(q("1.234"), Ok(Some(1234)));
        assert_eq!(q("1 234"), Ok(Some(1234)));
        assert_eq!(q("1.234.567"), Ok(Some(1_234_567)));
        assert_eq!(q("12"), Ok(Some(12)));
        assert_eq!(q("0"), Ok(Some(0)));
        assert_eq!(q(""), Ok(None));
        assert_eq!(q("12,5"), Err(QuantityError::Fractional));
        assert_eq!(q("12,0"), Ok(Some(12)));
        assert_eq!(q("-3"), Err(QuantityError::Negative));
        assert_eq!(q("1.5"), Err(QuantityError::Fractional));
        assert_eq!(q("mười"), Err(QuantityError::NotNumber));
        assert_eq!(q("12 tin"), Err(QuantityError::NotNumber));
        assert_eq!(split_quantity_measure("02 lớp"), Some((2, "lớp")));
        assert_eq!(
            split_quantity_measure(" 145 học viên "),
            Some((145, "học viên"))
        );
        assert_eq!(split_quantity_measure("9 tin/bài"), Some((9, "tin/bài")));
        assert_eq!(split_quantity_measure("1.234 lượt"), Some((1234, "lượt")));
        assert_eq!(split_quantity_measure("12,5 tin"), None);
        assert_eq!(split_quantity_measure("tin"), None);
        assert_eq!(split_quantity_measure("12"), None);
        assert_eq!(parse_quantity(Some(&CellValue::Number(12.0))), Ok(Some(12)));
        assert_eq!(
            parse_quantity(Some(&CellValue::Number(12.5))),
            Err(QuantityError::Fractional)
        );
        assert_eq!(
            parse_quantity(Some(&CellValue::Number(-3.0))),
            Err(QuantityError::Negative)
        );
        assert_eq!(parse_quantity(None), Ok(None));
    }

    #[test]
    fn statuses() {
        assert_eq!(parse_status("Hoàn thành"), Some(Status::Done));
        assert_eq!(parse_status("hoan thanh"), Some(Status::Done));
        assert_eq!(parse_status("Đã hoàn thành"), Some(Status::Done));
        assert_eq!(parse_status("HT"), Some(Status::Done));
        assert_eq!(parse_status("Đang triển khai"), Some(Status::InProgress));
        assert_eq!(parse_status("CHƯA THỰC HIỆN"), Some(Status::NotStarted));
        assert_eq!(parse_status("Xong"), None);
        for s in Status::ALL {
            let serde_name = serde_json::to_value(s).unwrap();
            assert_eq!(serde_name.as_str(), Some(s.key()));
        }
    }

    #[test]
    fn task_refs() {
        let txt = |s: &str| parse_task_ref(&CellValue::Text(s.into()));
        assert_eq!(parse_task_ref(&CellValue::Number(4.0)), Some(4));
        for s in [
            "4",
            "4.0",
            "IV.4",
            "NV4",
            "NV 4",
            "Nhiệm vụ 4",
            "Nhiệm vụ số 4",
            "4. Tổ chức tuyên truyền",
        ] {
            assert_eq!(txt(s), Some(4), "{s}");
        }
        assert_eq!(txt("Tổ chức"), None);
        assert_eq!(txt("4abc"), None);
    }

    #[test]
    fn content_areas() {
        let c = |s: &str| parse_content_areas(&CellValue::Text(s.into()));
        assert_eq!(c("1, 4, 7"), Ok(vec![1, 4, 7]));
        assert_eq!(c("1;4"), Ok(vec![1, 4]));
        assert_eq!(c("II.1"), Ok(vec![1]));
        assert_eq!(c("II.1, II.4"), Ok(vec![1, 4]));
        assert_eq!(c("x"), Err("x".into()));
        assert_eq!(parse_content_areas(&CellValue::Number(3.0)), Ok(vec![3]));
    }
}
