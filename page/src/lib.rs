//! The offline page's WebAssembly module: `baocao`'s checker over one file's bytes,
//! for `kiem-tra-bieu-<year>.html` (`baocao page`). No wasm-bindgen: the interface is
//! bytes in, JSON text out, through four exports and a few lines of JavaScript
//! (`assets/page/module.js`):
//!
//! 1. `page_buffer(slot, len)` sizes an input buffer and returns where it lies in the
//!    module's memory; the script copies the file's name ([`NAME`]), its bytes
//!    ([`FILE`]), the plan's JSON text ([`PLAN`]) and the vocabulary's
//!    ([`VOCABULARY`]) there.
//! 2. `page_check(lang)` checks the file and returns the length of the answer (JSON);
//!    `page_output()` is where the answer lies.
//! 3. `page_aborted(lang)`: after the module trapped (a reader bug aborts: the
//!    browser has no unwinding), the script loads a fresh instance, gives it the
//!    file's name again and asks it for the answer the command line gives
//!    for a reader that panicked: E001.
//!
//! The answer is `{"document": <baocao::json::Document>, "view": <SheetView|null>}`,
//! or `{"error": "<why the plan or vocabulary cannot be used>"}`. The plan and the
//! vocabulary are passed in at run time (the page embeds them), so the module does not
//! depend on the year's plan nor on the office's words and is built once
//! (`scripts/build-page.sh`) and committed.

use std::path::PathBuf;
use std::sync::Mutex;

use baocao::check::{read_error_finding, CheckedFile, Rules};
use baocao::json::{rows_included, Document};
use baocao::messages::Lang;
use baocao::plan::Plan;
use baocao::read::{Limits, ReadError};
use baocao::view::{check_bytes_with_view, SheetView};
use baocao::vocabulary::Vocabulary;
use serde_json::json;

/// Input slot: the file's name (UTF-8), as the browser gives it.
pub const NAME: u32 = 0;
/// Input slot: the file's bytes.
pub const FILE: u32 = 1;
/// Input slot: the plan's JSON text.
pub const PLAN: u32 = 2;
/// Input slot: the vocabulary's JSON text (`templates/vocabulary.json` as the office
/// keeps it).
pub const VOCABULARY: u32 = 3;
/// How many input slots.
const SLOTS: usize = 4;

/// Checks one file as `baocao check --format json` does, and the sheet view.
pub fn check_json(
    name: &str,
    bytes: Vec<u8>,
    plan_json: &str,
    vocabulary_json: &str,
    lang: Lang,
) -> String {
    let plan = match Plan::from_json(plan_json) {
        Ok(plan) => plan,
        Err(e) => return json!({ "error": e.describe(lang) }).to_string(),
    };
    let vocabulary = match Vocabulary::from_json(vocabulary_json) {
        Ok(v) => v,
        Err(e) => return json!({ "error": e.describe(lang) }).to_string(),
    };
    let rules = Rules::new(&plan, &vocabulary);
    let (file, view) = check_bytes_with_view(&rules, name, bytes, None, &Limits::default(), lang);
    answer(file, view, lang)
}

/// The answer for a file whose reader aborted the module: E001, as the command line
/// reports a reader that panicked.
pub fn aborted_json(name: &str, lang: Lang) -> String {
    let finding = read_error_finding(&ReadError::Corrupt {
        detail: "reader aborted the WebAssembly module".to_string(),
    });
    let file = CheckedFile {
        path: PathBuf::from(name),
        unit: None,
        sheet: None,
        rows_total: 0,
        rows: Vec::new(),
        findings: vec![finding],
        report_date: None,
        difficulties: Vec::new(),
        proposals: Vec::new(),
        ignored_sheets: Vec::new(),
    };
    answer(file, None, lang)
}

fn answer(file: CheckedFile, view: Option<SheetView>, lang: Lang) -> String {
    let files = [file];
    let document = Document::new(&files, &[], rows_included(&files), None, lang);
    json!({ "document": document, "view": view }).to_string()
}

/// The input slots and the last answer. One page, one check at a time.
struct State {
    slots: [Vec<u8>; SLOTS],
    output: Vec<u8>,
}

static STATE: Mutex<State> = Mutex::new(State {
    slots: [Vec::new(), Vec::new(), Vec::new(), Vec::new()],
    output: Vec::new(),
});

fn state() -> std::sync::MutexGuard<'static, State> {
    // A trap never unwinds, so the lock cannot be poisoned; recover anyway.
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

fn lang(code: u32) -> Lang {
    if code == 1 {
        Lang::En
    } else {
        Lang::Vi
    }
}

fn take(slot: u32) -> Vec<u8> {
    std::mem::take(&mut state().slots[slot as usize % SLOTS])
}

fn text(slot: u32) -> String {
    String::from_utf8_lossy(&take(slot)).into_owned()
}

fn store(answer: String) -> usize {
    let mut s = state();
    s.output = answer.into_bytes();
    s.output.len()
}

/// The exports. `#[no_mangle]` names them in the module; nothing here dereferences a
/// raw pointer: the buffers are `Vec`s the script writes into through the module's
/// memory, at the address given.
#[allow(unsafe_code)]
mod exports {
    use super::*;

    /// Makes input `slot` `len` bytes long (zeroed) and returns its address.
    #[no_mangle]
    pub extern "C" fn page_buffer(slot: u32, len: usize) -> *mut u8 {
        let mut s = state();
        let buf = &mut s.slots[slot as usize % SLOTS];
        *buf = vec![0; len];
        buf.as_mut_ptr()
    }

    /// Checks the file in the slots; returns the answer's length.
    #[no_mangle]
    pub extern "C" fn page_check(lang_code: u32) -> usize {
        let name = text(NAME);
        let plan = text(PLAN);
        let vocabulary = text(VOCABULARY);
        let bytes = take(FILE);
        store(check_json(
            &name,
            bytes,
            &plan,
            &vocabulary,
            lang(lang_code),
        ))
    }

    /// The answer for a file whose check trapped (the name in its slot).
    #[no_mangle]
    pub extern "C" fn page_aborted(lang_code: u32) -> usize {
        let name = text(NAME);
        store(aborted_json(&name, lang(lang_code)))
    }

    /// Where the last answer lies.
    #[no_mangle]
    pub extern "C" fn page_output() -> *const u8 {
        state().output.as_ptr()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/plan-2024.json"
        ))
        .unwrap()
    }

    fn vocabulary() -> &'static str {
        baocao::vocabulary::SHIPPED
    }

    #[test]
    fn a_renamed_document_is_e001() {
        let answer = check_json(
            "TTUD.xlsx",
            b"%PDF-1.4 x".to_vec(),
            &plan(),
            vocabulary(),
            Lang::Vi,
        );
        let v: serde_json::Value = serde_json::from_str(&answer).unwrap();
        assert_eq!(v["document"]["files"][0]["findings"][0]["code"], "E001");
        assert!(v["view"].is_null());
    }

    #[test]
    fn a_bad_plan_is_an_error_not_a_crash() {
        let answer = check_json("TTUD.xlsx", Vec::new(), "{", vocabulary(), Lang::Vi);
        let v: serde_json::Value = serde_json::from_str(&answer).unwrap();
        assert!(v["error"].as_str().is_some_and(|e| !e.is_empty()));
    }

    #[test]
    fn a_bad_vocabulary_is_an_error_naming_its_json_path() {
        let bad = vocabulary().replacen("\"HT\"", "\"Chưa triển khai\"", 1);
        let answer = check_json("TTUD.xlsx", Vec::new(), &plan(), &bad, Lang::Vi);
        let v: serde_json::Value = serde_json::from_str(&answer).unwrap();
        let error = v["error"].as_str().unwrap();
        assert!(
            error.starts_with("statuses.not_started.spellings[0]:")
                && error.contains("đã là cách viết"),
            "{error}"
        );
    }

    #[test]
    fn an_aborted_reader_is_e001_worded_by_the_library() {
        let v: serde_json::Value =
            serde_json::from_str(&aborted_json("QLKH.xlsx", Lang::Vi)).unwrap();
        let f = &v["document"]["files"][0];
        assert_eq!(f["path"], "QLKH.xlsx");
        assert_eq!(f["findings"][0]["code"], "E001");
        assert!(f["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Không đọc được tệp"));
        assert_eq!(v["document"]["summary"]["errors"], 1);
    }

    #[test]
    fn the_slots_carry_a_check() {
        let answer_len = {
            for (slot, data) in [
                (NAME, b"x.xlsx".to_vec()),
                (FILE, b"PK\x03\x04junk".to_vec()),
                (PLAN, plan().into_bytes()),
                (VOCABULARY, vocabulary().as_bytes().to_vec()),
            ] {
                let at = exports::page_buffer(slot, data.len());
                assert!(!at.is_null());
                state().slots[slot as usize].copy_from_slice(&data);
            }
            exports::page_check(0)
        };
        assert_eq!(answer_len, state().output.len());
        let v: serde_json::Value = serde_json::from_slice(&state().output).unwrap();
        assert_eq!(v["document"]["files"][0]["findings"][0]["code"], "E001");
    }
}
