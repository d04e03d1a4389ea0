//! Readings remembered by text: a sheet repeats its statuses, units, times and
//! legacy-looking words row after row, and each reading is a function of the
//! text alone (for the run's plan and vocabulary), so the remembered answer is
//! the one reading the cell again would give.

use std::collections::HashMap;

/// Answers by text, at most `capacity` of them (texts past it are read each
/// time, never forgotten or replaced: the map cannot grow with a hostile sheet).
/// Hashed with foldhash, seeded per process: a lookup per cell is the hot path,
/// and the cap bounds what colliding texts could cost.
pub(crate) struct Memo<T> {
    known: HashMap<String, T, foldhash::fast::RandomState>,
    capacity: usize,
}

impl<T: Clone> Memo<T> {
    pub(crate) fn new(capacity: usize) -> Memo<T> {
        Memo {
            known: HashMap::default(),
            capacity,
        }
    }

    /// The answer for `text`: remembered, or `read` and remembered.
    pub(crate) fn get(&mut self, text: &str, read: impl FnOnce(&str) -> T) -> T {
        if let Some(known) = self.known.get(text) {
            return known.clone();
        }
        let found = read(text);
        if self.known.len() < self.capacity {
            self.known.insert(text.to_string(), found.clone());
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;

    #[test]
    fn answers_are_read_once_and_the_capacity_holds() {
        let mut reads = 0;
        let mut memo = Memo::new(2);
        let mut len = |m: &mut Memo<usize>, s: &str| {
            m.get(s, |t| {
                reads += 1;
                t.len()
            })
        };
        assert_eq!(len(&mut memo, "tin"), 3);
        assert_eq!(len(&mut memo, "tin"), 3);
        assert_eq!(len(&mut memo, "lớp"), 5);
        assert_eq!(len(&mut memo, "bài"), 4);
        assert_eq!(len(&mut memo, "bài"), 4);
        // "tin" and "lớp" remembered; "bài", past the capacity, read each time.
        assert_eq!(reads, 4);
        assert_eq!(memo.known.len(), 2);
    }
}
