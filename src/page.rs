//! The offline page (`baocao page`): one self-contained HTML file that checks a
//! spreadsheet in the browser exactly as `baocao check` does, offline. The page is
//! the template `assets/page/page.html` with its styles, scripts, the year's plan,
//! the office's vocabulary and the checker's WebAssembly module (`assets/page/baocao_page.wasm`, built from
//! `page/` by `scripts/build-page.sh` and committed, so that building the program
//! needs no WebAssembly tools) inlined. Same plan and vocabulary, same bytes: nothing
//! else goes in.
//! `docs/page.md` tells the whole design.

use crate::plan::Plan;

/// The checker's module, built by `scripts/build-page.sh`.
pub const MODULE: &[u8] = include_bytes!("../assets/page/baocao_page.wasm");
const TEMPLATE: &str = include_str!("../assets/page/page.html");
const STYLES: [&str; 2] = [
    include_str!("../assets/page/page.css"),
    include_str!("../assets/sheet-view.css"),
];
const SCRIPTS: [&str; 3] = [
    include_str!("../assets/page/module.js"),
    include_str!("../assets/sheet-view.js"),
    include_str!("../assets/page/page.js"),
];

/// The page's default file name for the plan's year.
pub fn file_name(plan: &Plan) -> String {
    format!("kiem-tra-bieu-{}.html", plan.year)
}

/// The page for `plan`, whose JSON text is `plan_json`, with the vocabulary whose
/// JSON text is `vocabulary_json` (both embedded as given, so the page checks
/// against exactly the files the office edited).
pub fn page_html(plan: &Plan, plan_json: &str, vocabulary_json: &str) -> String {
    let value = |name: &str| -> String {
        match name {
            "YEAR" => plan.year.to_string(),
            "AGENCY" => escape_html(&plan.agency),
            "PLAN_TITLE" => escape_html(&plan.title),
            "STYLE" => STYLES.join("\n"),
            "SCRIPT" => SCRIPTS.join("\n"),
            // `<` only occurs inside JSON strings, where `\u003c` means the same:
            // no `</script>` can end the block early.
            "PLAN" => plan_json.trim().replace('<', "\\u003c"),
            "VOCABULARY" => vocabulary_json.trim().replace('<', "\\u003c"),
            "MODULE" => base64(MODULE),
            other => panic!("unknown placeholder {other} in page.html"),
        }
    };
    fill(TEMPLATE, value)
}

/// Replaces each `{{NAME}}` of the template, in one pass: what is put in is never
/// scanned again.
fn fill(template: &str, value: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(template.len() + MODULE.len() * 4 / 3 + 200_000);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}").expect("closed placeholder in page.html");
        out.push_str(&value(&after[..end]));
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Standard base64 with padding (RFC 4648), 76-character lines.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + bytes.len() / 57 + 4);
    for (i, chunk) in bytes.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push('\n');
        }
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ABC[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        let long = base64(&[0u8; 60]);
        assert_eq!(long.lines().next().unwrap().len(), 76);
    }

    #[test]
    fn placeholders_are_filled_once() {
        let out = fill("a{{X}}b{{Y}}c", |n| {
            if n == "X" {
                "{{Y}}".into()
            } else {
                "y".into()
            }
        });
        assert_eq!(out, "a{{Y}}byc");
    }

    #[test]
    fn the_page_is_whole_and_the_plan_cannot_close_its_block() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/plan-2024.json"
        ))
        .unwrap();
        let plan = Plan::from_json(&text).unwrap();
        let words = crate::vocabulary::SHIPPED.replace("Ghi chú", "Ghi chú</script>");
        let html = page_html(
            &plan,
            &text.replace("Quảng Ngãi", "Quảng Ngãi</script>"),
            &words,
        );
        assert!(!html.contains("{{"), "a placeholder left");
        assert_eq!(html.matches("</script>").count(), 4);
        assert!(html.contains("Kiểm tra biểu kết quả tuyên truyền CCHC năm 2024"));
        assert_eq!(
            html,
            page_html(
                &plan,
                &text.replace("Quảng Ngãi", "Quảng Ngãi</script>"),
                &words
            )
        );
    }
}
