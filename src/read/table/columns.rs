//! Which sheet column is which table column, once the header row is found:
//! labels first; a label that names two columns (`Kết quả thực hiện`: activity
//! or status) is settled by the values below it; a required column still
//! missing is looked for by its values (statuses, units of measure, periods);
//! what stays missing is named with the header's nearest label (E008).

use std::collections::{BTreeMap, BTreeSet};

use super::labels::labels_of;
use super::{Column, Grid};
use crate::read::CellValue;
use crate::text::fold;
use crate::value::parse_time;
use crate::vocabulary::Vocabulary;

/// How many rows below the header are sampled to judge a column by its values.
const SAMPLE_ROWS: u32 = 60;

/// The columns whose values tell what they are.
const KNOWN_BY_VALUES: [Column; 3] = [Column::Status, Column::Measure, Column::Time];

/// A required column taken by its values (W009).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByValues {
    pub column: Column,
    /// 0-based cell of its header (the header row, or the sub-header's row).
    pub row: u32,
    pub col: u32,
    /// The header cell's text, maybe empty.
    pub header: String,
}

/// A required column missing from the header row (E008).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub column: Column,
    /// The header text nearest to the column's labels, among the cells that name
    /// no column.
    pub nearest: Option<String>,
}

/// What the header row says, beyond the columns found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HeaderReading {
    /// The texts of the header row(s), in column order (for E008).
    pub labels: Vec<String>,
    /// Required columns taken by their values (W009).
    pub by_values: Vec<ByValues>,
    /// Required columns still missing (E008).
    pub missing: Vec<Missing>,
}

/// What values are of which kind: the vocabulary's words, and the units of
/// measure this year's plan accepts (a plan may add one the vocabulary lacks).
pub struct Kinds<'a> {
    vocabulary: &'a Vocabulary,
    /// The plan's units of measure, folded.
    measures: BTreeSet<String>,
}

impl<'a> Kinds<'a> {
    /// `measures`: the plan's units of measure, as written there.
    pub fn new(vocabulary: &'a Vocabulary, measures: &[String]) -> Kinds<'a> {
        Kinds {
            vocabulary,
            measures: measures.iter().map(|m| fold(m)).collect(),
        }
    }

    /// Whether a value is of the column's kind.
    fn fits(&self, column: Column, v: &CellValue) -> bool {
        match (column, v) {
            (Column::Status, CellValue::Text(t)) => self.vocabulary.status(t).is_some(),
            (Column::Measure, CellValue::Text(t)) => {
                self.vocabulary.measure(t).is_some()
                    || self
                        .measures
                        .contains(&fold(t.trim().trim_end_matches(['.', ';'])))
            }
            (Column::Time, CellValue::Date(_)) => true,
            // Any year: only the shape matters here.
            (Column::Time, CellValue::Text(_)) => parse_time(v, 2000, self.vocabulary).is_ok(),
            _ => false,
        }
    }
}

/// The non-blank values of a sheet column in the rows after the header.
fn sample(grid: &Grid, col: u32, data_start: u32) -> Vec<&CellValue> {
    grid.rows
        .range(data_start..data_start.saturating_add(SAMPLE_ROWS))
        .filter_map(|(_, cells)| cells.get(&col))
        .filter(|v| !matches!(v, CellValue::Text(s) if s.trim().is_empty()))
        .collect()
}

/// The share of a column's values that fit, and how many values there are.
fn score(grid: &Grid, kinds: &Kinds, col: u32, data_start: u32, column: Column) -> (usize, usize) {
    let values = sample(grid, col, data_start);
    let fit = values.iter().filter(|v| kinds.fits(column, v)).count();
    (fit, values.len())
}

/// Whether most values fit (no values: nothing says otherwise).
fn mostly(fit: usize, of: usize) -> bool {
    of == 0 || fit * 2 > of
}

/// Assigns sheet columns to table columns from the header's candidates
/// (`by_col`: sheet column → the columns its label names) and the values below;
/// `texts`: each header column's text and its row.
pub fn assign(
    grid: &Grid,
    kinds: &Kinds,
    by_col: &BTreeMap<u32, &[Column]>,
    texts: &BTreeMap<u32, (u32, String)>,
    data_start: u32,
) -> (BTreeMap<Column, u32>, HeaderReading) {
    let mut columns: BTreeMap<Column, u32> = BTreeMap::new();
    // Labels that name one column: the first such cell wins.
    for (&c, names) in by_col {
        if let [column] = names {
            columns.entry(*column).or_insert(c);
        }
    }
    // Labels that name two: the values decide between the columns still free.
    for (&c, names) in by_col {
        if names.len() < 2 || columns.values().any(|&taken| taken == c) {
            continue;
        }
        let free: Vec<Column> = names
            .iter()
            .copied()
            .filter(|n| !columns.contains_key(n))
            .collect();
        let by_values = free.iter().copied().find(|n| {
            KNOWN_BY_VALUES.contains(n) && {
                let (fit, of) = score(grid, kinds, c, data_start, *n);
                mostly(fit, of) && (of > 0 || free.len() == 1)
            }
        });
        let chosen =
            by_values.or_else(|| free.iter().copied().find(|n| !KNOWN_BY_VALUES.contains(n)));
        if let Some(column) = chosen {
            columns.insert(column, c);
        }
    }
    let mut reading = HeaderReading {
        labels: texts.values().map(|(_, t)| t.clone()).collect(),
        ..HeaderReading::default()
    };
    // Required columns still missing, known by their values: among the sheet
    // columns whose label names no column, the one whose values fit best.
    let named: BTreeSet<u32> = by_col.keys().copied().collect();
    let mut candidates: BTreeSet<u32> = grid
        .rows
        .range(data_start..data_start.saturating_add(SAMPLE_ROWS))
        .flat_map(|(_, cells)| cells.keys().copied())
        .chain(texts.keys().copied())
        .filter(|c| !named.contains(c))
        .collect();
    for column in KNOWN_BY_VALUES {
        if columns.contains_key(&column) {
            continue;
        }
        let best = candidates
            .iter()
            .map(|&c| (c, score(grid, kinds, c, data_start, column)))
            .filter(|&(_, (fit, of))| of > 0 && mostly(fit, of))
            .max_by_key(|&(c, (fit, of))| (fit * 1000 / of, fit, std::cmp::Reverse(c)));
        if let Some((c, _)) = best {
            candidates.remove(&c);
            columns.insert(column, c);
            let (row, header) = texts.get(&c).cloned().unwrap_or((u32::MAX, String::new()));
            reading.by_values.push(ByValues {
                column,
                row,
                col: c,
                header,
            });
        }
    }
    for column in Column::REQUIRED {
        if columns.contains_key(&column) {
            continue;
        }
        let taken: BTreeSet<u32> = columns.values().copied().collect();
        let nearest = texts
            .iter()
            .filter(|(c, _)| !taken.contains(c) && !named.contains(c))
            .map(|(_, (_, t))| (distance_to(kinds.vocabulary, column, t), t))
            .filter(|(d, _)| d.0 * 10 <= d.1 * 6)
            .min_by_key(|(d, _)| d.0)
            .map(|(_, t)| t.clone());
        reading.missing.push(Missing { column, nearest });
    }
    (columns, reading)
}

/// How far a header text is from a column's nearest label (folded, by
/// characters), and the longer length of the two (a text is near when the
/// distance is at most 60% of it).
fn distance_to(vocabulary: &Vocabulary, column: Column, text: &str) -> (usize, usize) {
    let key = fold(text);
    labels_of(vocabulary, column)
        .iter()
        .map(|l| {
            let l = fold(l);
            (
                edit_distance(&key, &l),
                key.chars().count().max(l.chars().count()),
            )
        })
        .min()
        .unwrap_or((usize::MAX, 0))
}

/// Levenshtein distance over chars (header texts are short).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("tinh hinh", "tinh trang"), 4);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }
}
