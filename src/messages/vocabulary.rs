//! What is wrong in a vocabulary file, in each language (`Vocabulary` loading;
//! the JSON path is added by `VocabularyError::describe`). Keys of the file
//! (`status`, `done`, `first_half`) are named as written there: they are what the
//! office edits.

use super::Lang;
use crate::vocabulary::Problem;

/// The problem in the user's language. serde's own description of a JSON shape
/// error stays as serde words it.
pub fn vocabulary_problem(p: &Problem, lang: Lang) -> String {
    match lang {
        Lang::Vi => vi(p),
        Lang::En => en(p),
    }
}

fn vi(p: &Problem) -> String {
    match p {
        Problem::Unreadable(u) => super::unreadable(Lang::Vi, u),
        Problem::Json(e) => format!("không đúng cấu trúc của tệp từ ngữ: {e}"),
        Problem::NotNfc(t) => format!(
            "\"{t}\" không ở dạng Unicode dựng sẵn (NFC); hãy lưu tệp ở dạng NFC"
        ),
        Problem::Empty => "để trống".into(),
        Problem::NoLabel => "cột cần ít nhất một tên".into(),
        Problem::LabelTaken { label, column } => format!(
            "\"{label}\" cũng là tên của cột \"{column}\"; một tên chỉ được dùng cho hai cột khi một trong hai là measure, time hoặc status (khi đó giá trị trong cột quyết định)"
        ),
        Problem::LabelSeparator(l) => format!(
            "\"{l}\" có dấu phẩy hoặc dấu ngoặc kép, không đưa được vào danh sách chọn của biểu mẫu"
        ),
        Problem::StatusWordTaken { text, status } => format!(
            "\"{text}\" đã là cách viết của tình trạng \"{status}\" (không phân biệt hoa thường, dấu và khoảng trắng)"
        ),
        Problem::SpellingAndJudged { text, status } => format!(
            "\"{text}\" vừa là cách viết vừa là từ cần diễn giải (judged) của tình trạng \"{status}\""
        ),
        Problem::PhraseWithYear(t) => format!(
            "\"{t}\" phải là chữ, không ghi năm (năm lấy từ ô, nếu không có thì lấy năm của kế hoạch)"
        ),
        Problem::PhraseTaken { text, period } => {
            format!("\"{text}\" đã là cách viết của khoảng thời gian \"{period}\"")
        }
        Problem::MeasureTaken { text, measure } => {
            format!("\"{text}\" đã là cách viết của đơn vị tính \"{measure}\"")
        }
    }
}

fn en(p: &Problem) -> String {
    match p {
        Problem::Unreadable(u) => super::unreadable(Lang::En, u),
        Problem::Json(e) => e.clone(),
        Problem::NotNfc(t) => format!(
            "\"{t}\" is not in Unicode composed form (NFC); save the file as NFC"
        ),
        Problem::Empty => "must not be empty".into(),
        Problem::NoLabel => "needs at least one label".into(),
        Problem::LabelTaken { label, column } => format!(
            "\"{label}\" also names the column \"{column}\"; a label may name two columns only when one of them is measure, time or status (their values then decide)"
        ),
        Problem::LabelSeparator(l) => format!(
            "\"{l}\" contains a comma or a double quote, which the form's drop-down list cannot hold"
        ),
        Problem::StatusWordTaken { text, status } => format!(
            "\"{text}\" is also a spelling of \"{status}\" (case, diacritics and spacing do not count)"
        ),
        Problem::SpellingAndJudged { text, status } => {
            format!("\"{text}\" is both a spelling and a judged word of \"{status}\"")
        }
        Problem::PhraseWithYear(t) => format!(
            "\"{t}\" must be words without a year (the year is read from the cell, else the plan's)"
        ),
        Problem::PhraseTaken { text, period } => {
            format!("\"{text}\" is also a phrase of \"{period}\"")
        }
        Problem::MeasureTaken { text, measure } => {
            format!("\"{text}\" is also a spelling of \"{measure}\"")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_worded_in_both_languages() {
        let all = [
            Problem::Unreadable(crate::datafile::Unreadable {
                file: "v.json".into(),
                kind: std::io::ErrorKind::NotFound,
                detail: String::new(),
            }),
            Problem::Json("missing field `columns`".into()),
            Problem::NotNfc("x".into()),
            Problem::Empty,
            Problem::NoLabel,
            Problem::LabelTaken {
                label: "Nhiệm vụ".into(),
                column: "task".into(),
            },
            Problem::LabelSeparator("a, b".into()),
            Problem::StatusWordTaken {
                text: "HT".into(),
                status: "done".into(),
            },
            Problem::SpellingAndJudged {
                text: "HT".into(),
                status: "done".into(),
            },
            Problem::PhraseWithYear("Năm 2024".into()),
            Problem::PhraseTaken {
                text: "Cả năm".into(),
                period: "whole_year".into(),
            },
            Problem::MeasureTaken {
                text: "tin bài".into(),
                measure: "tin/bài".into(),
            },
        ];
        for p in &all {
            let (vi, en) = (vi(p), en(p));
            assert!(!vi.is_empty() && !en.is_empty());
            assert!(crate::text::is_nfc(&vi), "{vi}");
            if !matches!(p, Problem::Json(_)) {
                assert_ne!(vi, en, "{p:?}");
            }
        }
    }
}
