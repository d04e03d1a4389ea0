//! `baocao serve` over HTTP: the real binary on a loopback port, a real client.
//! Every route, wrong code and password, the upload limit, a deflate bomb, two
//! submissions of one unit at once, history, and a restart that loses nothing.
#![cfg(feature = "serve")]

#[path = "fixtures/open/hostile_gen.rs"]
mod hostile_gen;

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const PASSWORD: &str = "mật khẩu văn phòng";

fn plan() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plan-2024.json")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/check")
            .join(name),
    )
    .unwrap()
}

/// A running server on a free loopback port; stopped when dropped.
struct Server {
    child: Child,
    base: String,
    agent: ureq::Agent,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn set_password(data: &Path, password: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args(["serve", "--set-password", "--data"])
        .arg(data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}\n{password}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("Đã đặt mật khẩu văn phòng"));
}

fn start(data: &Path) -> Server {
    start_with(data, &[])
}

/// A server started with extra global options (`--vocabulary FILE`).
fn start_with(data: &Path, global: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .arg("--plan")
        .arg(plan())
        .args(global)
        .args(["serve", "--bind", "127.0.0.1:0", "--data"])
        .arg(data)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut base = None;
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(url) = line.trim().strip_prefix("http://") {
            base = Some(format!("http://{}", url.trim_end_matches('/')));
            break;
        }
    }
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into();
    Server {
        child,
        base: base.expect("the server prints its address"),
        agent,
    }
}

#[derive(Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|_| panic!("JSON: {}", self.text()))
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn answer(res: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut res = res.expect("an HTTP answer");
    let headers = res
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let status = res.status().as_u16();
    let body = res
        .body_mut()
        .with_config()
        .limit(100 << 20)
        .read_to_vec()
        .unwrap();
    Answer {
        status,
        headers,
        body,
    }
}

impl Server {
    fn get(&self, path: &str, cookie: Option<&str>) -> Answer {
        let mut req = self.agent.get(format!("{}{path}", self.base));
        if let Some(c) = cookie {
            req = req.header("Cookie", c);
        }
        answer(req.call())
    }

    fn post(&self, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
        let mut req = self.agent.post(format!("{}{path}", self.base));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        answer(req.send(body))
    }

    fn check(&self, name: &str, bytes: &[u8]) -> Answer {
        self.post(
            &format!("/api/check?name={name}"),
            &[("X-Baocao", "1")],
            bytes,
        )
    }

    fn submit(&self, name: &str, bytes: &[u8], code: &str) -> Answer {
        let name = encode(name);
        self.post(
            &format!("/api/submit?name={name}"),
            &[("X-Baocao", "1"), ("X-Access-Code", code)],
            bytes,
        )
    }

    /// Logs in; returns the cookie to send.
    fn login(&self, password: &str) -> Result<String, Answer> {
        let body = serde_json::json!({ "password": password }).to_string();
        let a = self.post(
            "/office/login",
            &[("X-Baocao", "1"), ("Content-Type", "application/json")],
            body.as_bytes(),
        );
        if a.status != 200 {
            return Err(a);
        }
        let set = a
            .header("set-cookie")
            .expect("a session cookie")
            .to_string();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Strict"),
            "{set}"
        );
        Ok(set.split(';').next().unwrap().to_string())
    }

    fn office_post(&self, path: &str, cookie: &str, body: &str) -> Answer {
        self.post(
            path,
            &[
                ("X-Baocao", "1"),
                ("Content-Type", "application/json"),
                ("Cookie", cookie),
            ],
            body.as_bytes(),
        )
    }

    fn new_code(&self, cookie: &str, unit: &str) -> String {
        let a = self.office_post(&format!("/api/office/code?unit={unit}"), cookie, "");
        assert_eq!(a.status, 200, "{}", a.text());
        a.json()["code"].as_str().unwrap().to_string()
    }

    fn status(&self, cookie: &str) -> Value {
        let a = self.get("/api/office/status", Some(cookie));
        assert_eq!(a.status, 200, "{}", a.text());
        a.json()
    }
}

/// A query value, percent-encoded.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn unit<'a>(status: &'a Value, code: &str) -> &'a Value {
    status["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == code)
        .unwrap()
}

fn sha256(bytes: &[u8]) -> String {
    // Computed independently of the server, by coreutils' `sha256sum`.
    let mut child = Command::new("sha256sum")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn pages_assets_and_errors_without_paths() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(dir.path());
    let home = s.get("/", None);
    assert_eq!(home.status, 200);
    assert!(home.text().contains("Kiểm tra và nộp biểu kết quả"));
    assert!(home.header("content-security-policy").is_some());
    assert_eq!(home.header("x-content-type-options"), Some("nosniff"));
    assert!(s
        .get("/?lang=en", None)
        .text()
        .contains("Check and send your results spreadsheet"));
    // No password yet: the office page says how to set one, nothing else.
    let office = s.get("/office", None);
    assert!(office.text().contains("baocao serve --set-password"));
    assert!(!office.text().contains("id=\"login\""));
    for a in ["app.js", "app.css", "sheet-view.js", "sheet-view.css"] {
        let r = s.get(&format!("/assets/{a}"), None);
        assert_eq!(r.status, 200, "{a}");
        assert!(r.body.len() > 500, "{a}");
    }
    assert_eq!(s.get("/assets/..%2FCargo.toml", None).status, 404);
    let missing = s.get("/khong-co", None);
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("Không tìm thấy trang này."));
    assert!(!missing.text().contains(dir.path().to_str().unwrap()));
    // Office routes without a session.
    assert_eq!(s.get("/api/office/status", None).status, 401);
    assert_eq!(s.get("/office/file/1", None).status, 401);
    assert_eq!(
        s.office_post("/api/office/compile", "x=y", "{}").status,
        401
    );
    assert_eq!(
        s.office_post("/api/office/code?unit=TTUD", "x=y", "")
            .status,
        401
    );
    let no_pw = s.office_post("/office/login", "", r#"{"password":"x"}"#);
    assert_eq!(no_pw.status, 403);
}

#[test]
fn check_gives_findings_and_the_marked_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(dir.path());
    let a = s.check("rows.xlsx", &fixture("rows.xlsx"));
    assert_eq!(a.status, 200, "{}", a.text());
    let j = a.json();
    assert_eq!(j["unit"], "TTUD");
    assert_eq!(j["errors"], 13);
    assert_eq!(j["can_submit"], false);
    // The findings are worded as `check --format json` words them.
    let cli = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .arg("--plan")
        .arg(plan())
        .args(["check", "--format", "json"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check/rows.xlsx"))
        .output()
        .unwrap();
    let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(j["file"]["findings"], cli["files"][0]["findings"]);
    // The view marks B11 (E101) with its message.
    let view = &j["view"];
    let col = view["columns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c == "B")
        .unwrap();
    let row = view["rows"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["number"] == 11)
        .unwrap();
    let marks = &view["rows"][row]["cells"][col]["marks"];
    assert_eq!(marks[0]["code"], "E101");
    assert!(marks[0]["message"].as_str().unwrap().contains("nhiệm vụ"));
    // English on request.
    let en = s.post(
        "/api/check?name=rows.xlsx&lang=en",
        &[("X-Baocao", "1")],
        &fixture("rows.xlsx"),
    );
    assert!(en.text().contains("\"E101\""));
    assert!(!en.json()["file"]["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("nhiệm vụ"));
    // Not a spreadsheet, whatever its name: sniffed, a finding.
    let pdf = s.check("bao-cao.xlsx", b"%PDF-1.4 not a sheet");
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.json()["file"]["findings"][0]["code"], "E001");
    assert!(pdf.json()["view"].is_null());
    // Cross-site: no marker header, or a foreign origin.
    let bare = s.post("/api/check?name=a.xlsx", &[], &fixture("rows.xlsx"));
    assert_eq!(bare.status, 403);
    let foreign = s.post(
        "/api/check?name=a.xlsx",
        &[("X-Baocao", "1"), ("Origin", "http://evil.example")],
        &fixture("rows.xlsx"),
    );
    assert_eq!(foreign.status, 403);
}

#[test]
fn upload_limit_is_413() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(dir.path());
    // A raw request: the server answers 413 from the declared length, before the
    // body, and may close the connection while a client is still sending it.
    let addr = s.base.trim_start_matches("http://").to_string();
    let mut tcp = std::net::TcpStream::connect(&addr).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let len = 21 * 1024 * 1024;
    write!(
        tcp,
        "POST /api/check?name=big.xlsx HTTP/1.1\r\nHost: {addr}\r\nX-Baocao: 1\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let _ = tcp.write_all(&vec![b'x'; 64 * 1024]);
    let mut head = String::new();
    BufReader::new(tcp).read_line(&mut head).unwrap();
    assert!(head.starts_with("HTTP/1.1 413"), "{head}");
    // Under the limit is fine.
    assert_eq!(s.check("small.xlsx", &vec![b'x'; 1024 * 1024]).status, 200);
}

#[test]
fn deflate_bomb_is_a_finding_and_stalls_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(&dir.path().join("data"));
    // Declared sizes that lie are caught early as a corrupt package (E001).
    let lying = std::fs::read(hostile_gen::deflate_bomb(dir.path(), true)).unwrap();
    assert_eq!(
        s.check("lying.xlsx", &lying).json()["file"]["findings"][0]["code"],
        "E001"
    );
    let bomb = std::fs::read(hostile_gen::deflate_bomb(dir.path(), false)).unwrap();
    std::thread::scope(|scope| {
        let h = scope.spawn(|| s.check("bomb.xlsx", &bomb));
        // Meanwhile the server answers others at once.
        let t = Instant::now();
        for _ in 0..5 {
            assert_eq!(s.get("/", None).status, 200);
        }
        assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
        let a = h.join().unwrap();
        assert_eq!(a.status, 200, "{}", a.text());
        assert_eq!(a.json()["file"]["findings"][0]["code"], "E006");
    });
}

#[test]
fn office_flow_codes_submissions_history_and_compile() {
    let dir = tempfile::tempdir().unwrap();
    set_password(dir.path(), PASSWORD);
    let s = start(dir.path());
    assert!(s.get("/office", None).text().contains("id=\"login\""));
    let wrong = s.login("sai mật khẩu").unwrap_err();
    assert_eq!(wrong.status, 401);
    assert!(wrong.text().contains("Mật khẩu không đúng."));
    let cookie = s.login(PASSWORD).unwrap();
    assert!(s
        .get("/office", Some(&cookie))
        .text()
        .contains("id=\"roster\""));

    // A failed check shows the unit as fixing its errors.
    s.check("rows.xlsx", &fixture("rows.xlsx"));
    let st = s.status(&cookie);
    assert_eq!(unit(&st, "TTUD")["status"], "fixing");
    assert_eq!(unit(&st, "TTUD")["label"], "đang sửa lỗi");
    assert_eq!(unit(&st, "HCTH")["label"], "chưa nộp");
    assert!(st["deadlines"]["units_report"] == "2024-11-15");

    // No code yet, then a code; wrong code, file with errors, right code.
    let good = fixture("w203.xlsx");
    let none = s.submit("w203.xlsx", &good, "ABCDE-FGHJK");
    assert_eq!(none.status, 403);
    assert!(none.text().contains("chưa có mã"));
    let code = s.new_code(&cookie, "TTUD");
    assert_eq!(s.submit("w203.xlsx", &good, "ABCDE-FGHJK").status, 403);
    let bad = s.submit("rows.xlsx", &fixture("rows.xlsx"), &code);
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("còn lỗi"));
    // A code for another unit does not submit TTUD's file.
    let other = s.new_code(&cookie, "HCTH");
    assert_eq!(s.submit("w203.xlsx", &good, &other).status, 403);
    let ok = s.submit("Báo cáo TTUD.xlsx", &good, &code.to_lowercase());
    assert_eq!(ok.status, 200, "{}", ok.text());
    let receipt = ok.json();
    assert_eq!(receipt["unit"], "TTUD");
    assert_eq!(receipt["sha256"], sha256(&good));
    assert_eq!(receipt["name"], "Báo cáo TTUD.xlsx");

    // The roster, the history and the download.
    let st = s.status(&cookie);
    let ttud = unit(&st, "TTUD");
    assert!(ttud["status"] == "late" || ttud["status"] == "submitted");
    assert_eq!(ttud["history"].as_array().unwrap().len(), 1);
    let id = receipt["id"].as_i64().unwrap();
    let file = s.get(&format!("/office/file/{id}"), Some(&cookie));
    assert_eq!(file.status, 200);
    assert_eq!(file.body, good);
    // Stored under a name the server made, never the upload's.
    let stored: Vec<_> = std::fs::read_dir(dir.path().join("files/TTUD"))
        .unwrap()
        .collect();
    assert_eq!(stored.len(), 1);
    let name = stored[0]
        .as_ref()
        .unwrap()
        .file_name()
        .into_string()
        .unwrap();
    assert!(
        name.ends_with(&format!(
            "-{}.xlsx",
            &receipt["sha256"].as_str().unwrap()[..8]
        )),
        "{name}"
    );
    // A second submission supersedes the first and keeps it in the history.
    let again = s.submit("w202.xlsx", &fixture("w202.xlsx"), &code);
    assert_eq!(again.status, 200, "{}", again.text());
    let st = s.status(&cookie);
    let h = unit(&st, "TTUD")["history"].as_array().unwrap().clone();
    assert_eq!(h.len(), 2);
    assert_eq!(h[0]["name"], "w202.xlsx");
    assert_eq!(unit(&st, "TTUD")["latest"]["name"], "w202.xlsx");

    // Compile: the other units are missing, so it is blocked; partial writes it.
    let blocked = s.office_post("/api/office/compile", &cookie, r#"{"date":"2024-11-20"}"#);
    assert_eq!(blocked.status, 409, "{}", blocked.text());
    let b = blocked.json();
    assert_eq!(b["blocked"], true);
    assert!(!blocked.text().contains(dir.path().to_str().unwrap()));
    let partial = s.office_post(
        "/api/office/compile",
        &cookie,
        r#"{"date":"2024-11-20","partial":true}"#,
    );
    assert_eq!(partial.status, 200, "{}", partial.text());
    assert!(partial.body.starts_with(b"PK"));
    assert!(partial
        .header("content-disposition")
        .unwrap()
        .contains(".docx"));
    assert_eq!(partial.header("x-rows-included"), Some("4"));
    // The test plan has no number or date of the Department's plan: the page
    // is told, to say the opening keeps "…" for the clerk.
    assert_eq!(partial.header("x-plan-reference-missing"), Some("1"));
    let bad_date = s.office_post("/api/office/compile", &cookie, r#"{"date":"20/11/2024"}"#);
    assert_eq!(bad_date.status, 400);

    // Logout ends the session.
    s.office_post("/office/logout", &cookie, "");
    assert_eq!(s.get("/api/office/status", Some(&cookie)).status, 401);
}

#[test]
fn login_attempts_are_rate_limited() {
    let dir = tempfile::tempdir().unwrap();
    set_password(dir.path(), PASSWORD);
    let s = start(dir.path());
    for _ in 0..5 {
        assert_eq!(s.login("sai").unwrap_err().status, 401);
    }
    // Even the right password waits now.
    let a = s.login(PASSWORD).unwrap_err();
    assert_eq!(a.status, 429);
}

#[test]
fn concurrent_submissions_of_one_unit_are_both_recorded_in_order() {
    let dir = tempfile::tempdir().unwrap();
    set_password(dir.path(), PASSWORD);
    let s = start(dir.path());
    let cookie = s.login(PASSWORD).unwrap();
    let code = s.new_code(&cookie, "TTUD");
    let (a, b) = (fixture("w202.xlsx"), fixture("w203.xlsx"));
    let (ra, rb) = std::thread::scope(|scope| {
        let ha = scope.spawn(|| s.submit("a.xlsx", &a, &code));
        let hb = scope.spawn(|| s.submit("b.xlsx", &b, &code));
        (ha.join().unwrap(), hb.join().unwrap())
    });
    assert_eq!(
        (ra.status, rb.status),
        (200, 200),
        "{} {}",
        ra.text(),
        rb.text()
    );
    let (ia, ib) = (
        ra.json()["id"].as_i64().unwrap(),
        rb.json()["id"].as_i64().unwrap(),
    );
    assert_ne!(ia, ib);
    let st = s.status(&cookie);
    let ttud = unit(&st, "TTUD");
    let history = ttud["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    // Newest first; the latest is the one accepted last.
    assert!(history[0]["id"].as_i64() > history[1]["id"].as_i64());
    assert_eq!(ttud["latest"]["id"].as_i64().unwrap(), ia.max(ib));
    assert_eq!(
        std::fs::read_dir(dir.path().join("files/TTUD"))
            .unwrap()
            .count(),
        2
    );
}

#[test]
fn a_restart_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    set_password(dir.path(), PASSWORD);
    let good = fixture("w203.xlsx");
    let code;
    {
        let s = start(dir.path());
        let cookie = s.login(PASSWORD).unwrap();
        code = s.new_code(&cookie, "TTUD");
        assert_eq!(s.submit("w203.xlsx", &good, &code).status, 200);
    }
    let s = start(dir.path());
    let cookie = s.login(PASSWORD).unwrap();
    let st = s.status(&cookie);
    let ttud = unit(&st, "TTUD");
    assert_eq!(ttud["history"].as_array().unwrap().len(), 1);
    assert_eq!(ttud["has_code"], true);
    let id = ttud["latest"]["id"].as_i64().unwrap();
    assert_eq!(
        s.get(&format!("/office/file/{id}"), Some(&cookie)).body,
        good
    );
    // The code made before the restart still works.
    assert_eq!(s.submit("w203.xlsx", &good, &code).status, 200);
}

/// The vocabulary given at start is the one uploads are read with: `Xong`, added
/// to the done spellings, is E105 with the shipped words and fine with the office's.
#[test]
fn check_reads_with_the_vocabulary_loaded_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut rows = common::ttud_rows();
    rows[0][5] = "Xong";
    let file = common::xlsx(dir.path(), "TTUD.xlsx", Some("TTUD"), &[], &rows);
    let bytes = std::fs::read(file).unwrap();
    let text = std::fs::read_to_string(common::root().join("templates/vocabulary.json")).unwrap();
    let mut words: Value = serde_json::from_str(&text).unwrap();
    words["statuses"]["done"]["spellings"]
        .as_array_mut()
        .unwrap()
        .push("Xong".into());
    let words_path = dir.path().join("tu-ngu.json");
    std::fs::write(&words_path, words.to_string()).unwrap();

    let shipped = start(&dir.path().join("a"));
    let j = shipped.check("TTUD.xlsx", &bytes).json();
    assert_eq!(j["errors"], 1, "{j}");
    assert_eq!(j["file"]["findings"][0]["code"], "E105");

    let own = start_with(
        &dir.path().join("b"),
        &["--vocabulary", words_path.to_str().unwrap()],
    );
    let j = own.check("TTUD.xlsx", &bytes).json();
    assert_eq!(j["errors"], 0, "{j}");
    assert_eq!(j["can_submit"], true);
}
