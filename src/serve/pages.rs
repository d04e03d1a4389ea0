//! The pages, styles and scripts, embedded in the binary (no internet, no CDN), and
//! every word they show in Vietnamese and English. A page is a small HTML shell
//! with its words filled in; `app.js` does the rest, reading the same words from a
//! JSON block in the page.

use axum::response::Html;

use crate::messages::Lang;

/// Which page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/`: a unit checks and submits its file.
    Unit,
    /// `/office` before a password is set: how to set it, nothing else.
    OfficeSetup,
    /// `/office` without a session.
    Login,
    /// `/office` with a session.
    Office,
}

/// (key, Vietnamese, English).
const WORDS: &[(&str, &str, &str)] = &[
    ("app.title", "Báo cáo kết quả tuyên truyền CCHC", "Administrative-reform communication results"),
    ("lang.other", "English", "Tiếng Việt"),
    ("lang.other_query", "?lang=en", "?lang=vi"),
    ("unit.heading", "Kiểm tra và nộp biểu kết quả", "Check and send your results spreadsheet"),
    ("unit.intro", "Chọn hoặc kéo thả tệp biểu kết quả (.xlsx, .xls, .ods) vào ô dưới đây. Trang sẽ kiểm tra tệp và chỉ ra ô cần sửa. Tệp không còn lỗi thì nộp bằng mã nộp bài của đơn vị.", "Choose or drop your results spreadsheet (.xlsx, .xls, .ods) below. The page checks it and shows the cells to fix. A file without errors is sent with your unit's access code."),
    ("unit.choose", "Chọn tệp…", "Choose a file…"),
    ("unit.drop", "hoặc kéo thả tệp vào đây", "or drop the file here"),
    ("unit.checking", "Đang kiểm tra…", "Checking…"),
    ("unit.ok", "Tệp không có lỗi.", "No errors in the file."),
    ("unit.errors", "Tệp còn {n} lỗi, cần sửa trước khi nộp.", "The file has {n} errors to fix before it can be sent."),
    ("unit.warnings", "{n} cảnh báo (không chặn việc nộp, nên xem lại).", "{n} warnings (they do not stop sending; worth a look)."),
    ("unit.of_unit", "Đơn vị", "Unit"),
    ("unit.rows", "Số dòng kết quả", "Result rows"),
    ("unit.findings", "Các lỗi và cảnh báo", "Errors and warnings"),
    ("unit.sheet", "Vị trí trong trang tính (di chuột hoặc chạm vào ô được tô để xem lỗi)", "Where in the sheet (hover or tap a marked cell to read the problem)"),
    ("unit.no_unit", "Chưa xác định được đơn vị của tệp nên chưa thể nộp.", "The file's unit is not known, so it cannot be sent."),
    ("unit.code", "Mã nộp bài của đơn vị", "Your unit's access code"),
    ("unit.submit", "Nộp báo cáo", "Send the report"),
    ("unit.submitting", "Đang nộp…", "Sending…"),
    ("receipt.heading", "Biên nhận nộp báo cáo", "Receipt"),
    ("receipt.unit", "Đơn vị", "Unit"),
    ("receipt.at", "Thời điểm nhận", "Received at"),
    ("receipt.file", "Tệp", "File"),
    ("receipt.rows", "Số dòng", "Rows"),
    ("receipt.sha", "Mã băm SHA-256", "SHA-256"),
    ("receipt.id", "Số biên nhận", "Receipt number"),
    ("receipt.print", "In biên nhận", "Print the receipt"),
    ("receipt.note", "Lần nộp sau (nếu có) sẽ thay lần này trong báo cáo; lần này vẫn được lưu.", "A later submission replaces this one in the report; this one stays on record."),
    ("col.code", "Mã", "Code"),
    ("col.cell", "Ô", "Cell"),
    ("col.message", "Nội dung", "Message"),
    ("col.hint", "Cách sửa", "How to fix"),
    ("sv.sheet", "Trang tính", "Sheet"),
    ("sv.truncated", "Trang tính dài hơn phần hiển thị; xem danh sách lỗi ở trên.", "The sheet goes on past what is shown; see the list above."),
    ("sv.other", "Lỗi không gắn với ô hiển thị:", "Problems not on a shown cell:"),
    ("office.heading", "Trang của văn phòng", "Office"),
    ("office.setup", "Chưa đặt mật khẩu văn phòng. Trên máy chạy chương trình, mở cửa sổ lệnh trong thư mục của chương trình và chạy:", "No office password is set yet. On the computer running the program, open a console in the program's folder and run:"),
    ("office.setup_after", "Nhập mật khẩu hai lần, sau đó tải lại trang này.", "Type the password twice, then reload this page."),
    ("office.setup_windows", "Trên Windows, trong thư mục của chương trình: nhấp đúp tệp \"Dat mat khau.bat\".", "On Windows, in the program's folder: double-click \"Dat mat khau.bat\"."),
    ("office.password", "Mật khẩu văn phòng", "Office password"),
    ("office.login", "Đăng nhập", "Log in"),
    ("office.logout", "Đăng xuất", "Log out"),
    ("office.deadlines", "Thời hạn", "Deadlines"),
    ("office.units_deadline", "Đơn vị nộp kết quả", "Units send their results"),
    ("office.dept_deadline", "Sở báo cáo", "The Department reports"),
    ("office.days_left", "còn {n} ngày", "{n} days left"),
    ("office.days_over", "quá hạn {n} ngày", "{n} days past"),
    ("office.today", "hôm nay", "today"),
    ("office.roster", "Tình hình nộp của các đơn vị", "Who has sent what"),
    ("office.unit", "Đơn vị", "Unit"),
    ("office.status", "Tình trạng", "Status"),
    ("office.latest", "Lần nộp mới nhất", "Latest"),
    ("office.rows", "Dòng", "Rows"),
    ("office.warnings", "Cảnh báo", "Warnings"),
    ("office.rows_n", "{n} dòng", "{n} rows"),
    ("office.history", "Các lần nộp", "Submissions"),
    ("office.download", "Tải về", "Download"),
    ("office.code", "Mã nộp bài", "Access code"),
    ("office.code_make", "Tạo mã", "Make a code"),
    ("office.code_remake", "Tạo lại mã", "Make a new code"),
    ("office.code_shown", "Mã mới của {unit}: {code} — chỉ hiện một lần, hãy ghi lại và gửi cho đơn vị. Mã cũ (nếu có) hết hiệu lực.", "New code for {unit}: {code} — shown once: note it and give it to the unit. Any older code no longer works."),
    ("office.code_confirm", "Tạo mã mới cho {unit}? Mã cũ sẽ hết hiệu lực.", "Make a new code for {unit}? The old one stops working."),
    ("office.has_code", "đã có mã", "has a code"),
    ("office.no_code", "chưa có mã", "no code yet"),
    ("office.compile", "Tổng hợp báo cáo", "Compile the report"),
    ("office.date", "Ngày của báo cáo", "Report date"),
    ("office.compile_go", "Tổng hợp và tải về (.docx)", "Compile and download (.docx)"),
    ("office.partial", "Vẫn tổng hợp, bỏ qua các tệp và dòng có lỗi", "Compile anyway, leaving out the files and rows in error"),
    ("office.blocked", "Chưa thể tổng hợp vì còn các lỗi sau:", "The report cannot be compiled yet because of:"),
    ("office.compiled", "Đã tổng hợp: {rows} dòng kết quả. Tệp đã được tải về.", "Compiled: {rows} result rows. The file was downloaded."),
    ("office.plan_reference_missing", "Lưu ý: tệp kế hoạch chưa có số, ký hiệu hoặc ngày ban hành Kế hoạch của Sở; đoạn mở đầu của báo cáo để trống “…” để văn thư điền.", "Note: the plan file lacks the number or the date of the Department's own plan; the report's opening leaves “…” for the clerk to fill in."),
    ("status.missing", "chưa nộp", "not sent"),
    ("status.fixing", "đang sửa lỗi", "fixing errors"),
    ("status.submitted", "đã nộp", "sent"),
    ("status.late", "nộp muộn", "sent late"),
    ("err.internal", "Máy chủ gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại; nếu vẫn lỗi, báo văn phòng.", "The server could not handle the request. Please try again; if it persists, tell the office."),
    ("err.cross_site", "Yêu cầu bị từ chối: chỉ gửi được từ trang của chương trình.", "Request refused: it must come from the program's own page."),
    ("err.not_found", "Không tìm thấy trang này.", "Page not found."),
    ("err.busy", "Máy chủ đang bận kiểm tra các tệp khác. Vui lòng thử lại sau ít phút.", "The server is busy checking other files. Please try again in a few minutes."),
    ("err.check_time", "Kiểm tra tệp quá thời gian cho phép ({seconds} giây) (E006). Hãy lưu lại tệp bằng Excel rồi thử lại.", "Checking the file took longer than allowed ({seconds} s) (E006). Save it again in Excel and retry."),
    ("err.too_large", "Tệp quá lớn để tải lên.", "The file is too large to upload."),
    ("err.too_many", "Nhập sai quá nhiều lần. Vui lòng đợi 5 phút rồi thử lại.", "Too many wrong attempts. Please wait 5 minutes and try again."),
    ("err.no_unit", "Không xác định được đơn vị của tệp, nên chưa thể nộp. Hãy ghi tên đơn vị ở đầu biểu.", "The file's unit is not known, so it cannot be sent. Write the unit's name at the top of the sheet."),
    ("err.has_errors", "Tệp còn lỗi, chưa thể nộp. Hãy sửa các lỗi rồi kiểm tra lại.", "The file still has errors and cannot be sent. Fix them and check again."),
    ("err.no_code", "Đơn vị {unit} chưa có mã nộp bài. Hãy xin mã từ văn phòng.", "Unit {unit} has no access code yet. Ask the office for one."),
    ("err.wrong_code", "Mã nộp bài không đúng với đơn vị {unit} của tệp.", "The access code is not the one of the file's unit {unit}."),
    ("err.no_password", "Chưa đặt mật khẩu văn phòng.", "No office password is set."),
    ("err.wrong_password", "Mật khẩu không đúng.", "Wrong password."),
    ("err.login", "Phiên làm việc đã hết, hãy đăng nhập lại.", "Your session has ended; log in again."),
    ("err.unknown_unit", "Không có đơn vị này trong kế hoạch.", "No such unit in the plan."),
    ("err.date", "Ngày không hợp lệ (cần dạng năm-tháng-ngày).", "Invalid date (year-month-day expected)."),
    ("err.network", "Không kết nối được máy chủ.", "Could not reach the server."),
];

/// A word of the interface in the language. Keys are fixed in code (tested).
pub fn t(lang: Lang, key: &str) -> &'static str {
    WORDS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, vi, en)| if lang == Lang::En { *en } else { *vi })
        .unwrap_or_else(|| panic!("no interface word {key:?}"))
}

/// The embedded assets: (name, content type, body).
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/app.js"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("../../assets/app.css"),
    ),
    (
        "sheet-view.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/sheet-view.js"),
    ),
    (
        "sheet-view.css",
        "text/css; charset=utf-8",
        include_str!("../../assets/sheet-view.css"),
    ),
];

/// An embedded asset by name.
pub fn asset(name: &str) -> Option<(&'static str, &'static str)> {
    ASSETS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, mime, body)| (*mime, *body))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The words as a JSON object for the script, safe inside `<script>`.
fn words_json(lang: Lang) -> String {
    let map: serde_json::Map<String, serde_json::Value> = WORDS
        .iter()
        .map(|(k, vi, en)| {
            (
                k.to_string(),
                (if lang == Lang::En { *en } else { *vi }).into(),
            )
        })
        .collect();
    serde_json::Value::Object(map)
        .to_string()
        .replace('<', "\\u003c")
}

/// A page.
pub fn page(page: Page, lang: Lang) -> Html<String> {
    let w = |k: &str| escape(t(lang, k));
    let name = match page {
        Page::Unit => "unit",
        Page::OfficeSetup => "setup",
        Page::Login => "login",
        Page::Office => "office",
    };
    let body = match page {
        Page::Unit => format!(
            r#"<h1>{heading}</h1>
<p class="intro">{intro}</p>
<label id="drop" class="drop"><input id="file" type="file" accept=".xlsx,.xlsm,.xls,.ods,.fods"><span class="button">{choose}</span> <span>{drop}</span></label>
<div id="result"></div>"#,
            heading = w("unit.heading"),
            intro = w("unit.intro"),
            choose = w("unit.choose"),
            drop = w("unit.drop"),
        ),
        Page::OfficeSetup => format!(
            r#"<h1>{heading}</h1><p>{setup}</p><pre class="cmd">baocao serve --set-password</pre><p>{windows}</p><p>{after}</p>"#,
            heading = w("office.heading"),
            setup = w("office.setup"),
            windows = w("office.setup_windows"),
            after = w("office.setup_after"),
        ),
        Page::Login => format!(
            r#"<h1>{heading}</h1>
<form id="login" class="card"><label>{password} <input id="password" type="password" autocomplete="current-password" required></label> <button type="submit">{login}</button><p id="login-error" class="error" role="alert"></p></form>"#,
            heading = w("office.heading"),
            password = w("office.password"),
            login = w("office.login"),
        ),
        Page::Office => format!(
            r#"<h1>{heading} <button id="logout" class="link">{logout}</button></h1>
<section id="deadlines" class="card"></section>
<section class="card"><h2>{compile}</h2>
<form id="compile"><label>{date} <input id="date" type="date"></label> <button type="submit">{go}</button></form>
<div id="compile-result"></div></section>
<section><h2>{roster}</h2><div id="code-shown" class="notice" hidden></div><div id="roster"></div></section>"#,
            heading = w("office.heading"),
            logout = w("office.logout"),
            compile = w("office.compile"),
            date = w("office.date"),
            go = w("office.compile_go"),
            roster = w("office.roster"),
        ),
    };
    let html_lang = if lang == Lang::En { "en" } else { "vi" };
    let here = if matches!(page, Page::Unit) {
        "/"
    } else {
        "/office"
    };
    Html(format!(
        r#"<!doctype html>
<html lang="{html_lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="/assets/app.css"><link rel="stylesheet" href="/assets/sheet-view.css">
</head><body data-page="{name}" data-lang="{html_lang}">
<header><span class="brand">{title}</span> <a class="lang" href="{here}{other_q}">{other}</a></header>
<main>{body}</main>
<script id="words" type="application/json">{words}</script>
<script src="/assets/sheet-view.js"></script><script src="/assets/app.js"></script>
</body></html>"#,
        title = w("app.title"),
        other = w("lang.other"),
        other_q = w("lang.other_query"),
        words = words_json(lang),
    ))
}

/// A plain page with one sentence (errors).
pub fn plain(lang: Lang, text: &str) -> Html<String> {
    let html_lang = if lang == Lang::En { "en" } else { "vi" };
    Html(format!(
        r#"<!doctype html><html lang="{html_lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title><link rel="stylesheet" href="/assets/app.css"></head><body><main><p>{text}</p><p><a href="/">{title}</a></p></main></body></html>"#,
        title = escape(t(lang, "app.title")),
        text = escape(text),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn every_word_in_both_languages_nfc() {
        for (k, vi, en) in WORDS {
            assert!(!vi.is_empty() && !en.is_empty(), "{k}");
            assert_eq!(vi.nfc().collect::<String>(), *vi, "{k} not NFC");
        }
        for k in [
            "status.missing",
            "status.fixing",
            "status.submitted",
            "status.late",
        ] {
            t(Lang::Vi, k);
        }
        assert_eq!(t(Lang::Vi, "status.fixing"), "đang sửa lỗi");
    }

    #[test]
    fn pages_and_assets() {
        for p in [Page::Unit, Page::OfficeSetup, Page::Login, Page::Office] {
            let Html(h) = page(p, Lang::Vi);
            assert!(h.contains("lang=\"vi\""));
            let Html(h) = page(p, Lang::En);
            assert!(h.contains("lang=\"en\""));
        }
        assert!(asset("sheet-view.js").is_some());
        assert!(asset("../Cargo.toml").is_none());
    }
}
