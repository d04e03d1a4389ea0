//! The HTTP routes and the layers around them: body size limit (413), request time
//! limit, security headers, a caught panic as a plain 500, and the cross-site guard
//! on every POST (our pages send `X-Baocao: 1`, which a cross-site form cannot, and
//! a foreign `Origin` is refused).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, Request, State as AxState};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{Local, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::json;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use super::auth::{self, normalize_code, sha256_hex, verify_secret};
use super::ledger::{Record, Submission};
use super::pages::{self, t, Page};
use super::{store, State, PASSWORD_KEY};
use crate::api::{self, Batch, CompileOptions, Input};
use crate::check::CheckedFile;
use crate::json::{self, Document, FileReport};
use crate::messages::Lang;
use crate::view::{check_bytes_with_view, SheetView};

type Shared = Arc<State>;

const COOKIE: &str = "baocao_session";

/// The whole application.
pub fn router(state: Shared) -> Router {
    let max_upload = state.max_upload;
    Router::new()
        .route("/", get(unit_page))
        .route("/office", get(office_page))
        .route("/assets/{name}", get(asset))
        .route("/api/check", post(check))
        .route("/api/submit", post(submit))
        .route("/office/login", post(login))
        .route("/office/logout", post(logout))
        .route("/api/office/status", get(status))
        .route("/api/office/code", post(new_code))
        .route("/api/office/compile", post(compile))
        .route("/office/file/{id}", get(download))
        .fallback(not_found)
        .layer(middleware::from_fn(cross_site_guard))
        .layer(DefaultBodyLimit::max(max_upload))
        // Refuses a declared length past the limit before reading the body.
        .layer(RequestBodyLimitLayer::new(max_upload))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(120),
        ))
        .layer(CatchPanicLayer::custom(|_| {
            // Never the panic's text: it may hold paths.
            (StatusCode::INTERNAL_SERVER_ERROR, "500").into_response()
        }))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'; form-action 'self'",
            ),
        ))
        .with_state(state)
}

/// The page language: `?lang=en` for English, Vietnamese otherwise.
#[derive(Debug, Default, Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

impl LangQuery {
    fn lang(&self) -> Lang {
        lang_of(self.lang.as_deref())
    }
}

fn lang_of(s: Option<&str>) -> Lang {
    match s {
        Some(l) if l.eq_ignore_ascii_case("en") => Lang::En,
        _ => Lang::Vi,
    }
}

/// An error answer: a status and a message in the user's language, as JSON.
fn fail(status: StatusCode, message: String) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

fn internal(lang: Lang, e: &anyhow::Error) -> Response {
    // Logged on the office console; the user reads a plain sentence, no path.
    eprintln!("internal error: {e:#}");
    fail(
        StatusCode::INTERNAL_SERVER_ERROR,
        t(lang, "err.internal").to_string(),
    )
}

async fn cross_site_guard(req: Request, next: Next) -> Response {
    if req.method() == Method::POST {
        let lang = lang_of(
            req.uri()
                .query()
                .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("lang="))),
        );
        let h = req.headers();
        let marked = h.get("x-baocao").is_some_and(|v| v == "1");
        let same_origin = match (h.get(header::ORIGIN), h.get(header::HOST)) {
            (None, _) => true,
            (Some(o), Some(host)) => {
                let o = o.to_str().unwrap_or("");
                let host = host.to_str().unwrap_or("-");
                o == format!("http://{host}") || o == format!("https://{host}")
            }
            (Some(_), None) => false,
        };
        if !marked || !same_origin {
            return fail(StatusCode::FORBIDDEN, t(lang, "err.cross_site").to_string());
        }
    }
    next.run(req).await
}

async fn not_found(q: Query<LangQuery>) -> Response {
    let lang = q.lang();
    (
        StatusCode::NOT_FOUND,
        pages::plain(lang, t(lang, "err.not_found")),
    )
        .into_response()
}

async fn unit_page(q: Query<LangQuery>) -> Response {
    pages::page(Page::Unit, q.lang()).into_response()
}

fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|kv| {
            kv.trim()
                .strip_prefix(&format!("{COOKIE}="))
                .map(str::to_string)
        })
}

fn logged_in(state: &State, headers: &HeaderMap) -> bool {
    session_token(headers).is_some_and(|t| state.sessions.check(&t))
}

fn password_hash(state: &State) -> anyhow::Result<Option<String>> {
    state.ledger().setting(PASSWORD_KEY)
}

async fn office_page(
    AxState(state): AxState<Shared>,
    q: Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = q.lang();
    let page = match password_hash(&state) {
        Err(e) => return internal(lang, &e),
        Ok(None) => Page::OfficeSetup,
        Ok(Some(_)) if logged_in(&state, &headers) => Page::Office,
        Ok(Some(_)) => Page::Login,
    };
    pages::page(page, lang).into_response()
}

async fn asset(Path(name): Path<String>) -> Response {
    match pages::asset(&name) {
        Some((mime, body)) => (
            [
                (header::CONTENT_TYPE, mime),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            body,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[derive(Debug, Deserialize)]
struct UploadQuery {
    name: Option<String>,
    lang: Option<String>,
}

/// The outcome of one check, as the pages read it.
#[derive(Serialize)]
struct CheckAnswer {
    file: FileReport,
    view: Option<SheetView>,
    unit: Option<String>,
    unit_name: Option<String>,
    sha256: String,
    size: usize,
    rows: usize,
    errors: usize,
    warnings: usize,
    can_submit: bool,
}

/// A checked upload and what the ledger needs to know about it.
struct Checked {
    file: CheckedFile,
    view: Option<SheetView>,
    sha256: String,
    size: usize,
}

/// The name an upload is known by: its last path component, at most 200 characters.
fn upload_name(q: &UploadQuery) -> String {
    let raw = q.name.as_deref().unwrap_or("tep.xlsx");
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let clean: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    if clean.is_empty() {
        "tep.xlsx".to_string()
    } else {
        clean
    }
}

/// Runs one check off the async runtime, at most `max_checks` at once, within the
/// time limit. A check past the limit keeps its slot until it ends, so a hostile
/// file can never make more than `max_checks` threads busy.
async fn run_check(
    state: &Shared,
    name: String,
    body: Bytes,
    lang: Lang,
) -> Result<Checked, (StatusCode, String)> {
    let deadline = state.check_timeout;
    let permit = match tokio::time::timeout(deadline, state.checks.clone().acquire_owned()).await {
        Ok(Ok(p)) => p,
        _ => {
            return Err((
                StatusCode::SERVICE_UNAVAILABLE,
                t(lang, "err.busy").to_string(),
            ))
        }
    };
    let st = state.clone();
    let task = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let bytes = body.to_vec();
        let sha256 = sha256_hex(&bytes);
        let size = bytes.len();
        let (file, view) = check_bytes_with_view(&st.rules(), &name, bytes, None, &st.limits, lang);
        Checked {
            file,
            view,
            sha256,
            size,
        }
    });
    match tokio::time::timeout(deadline, task).await {
        Ok(Ok(c)) => Ok(c),
        Ok(Err(_)) => Err((
            StatusCode::INTERNAL_SERVER_ERROR,
            t(lang, "err.internal").to_string(),
        )),
        Err(_) => Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            t(lang, "err.check_time").replace("{seconds}", &deadline.as_secs().to_string()),
        )),
    }
}

/// Runs an argon2 hash or verification off the runtime, a few at a time: each takes
/// about 19 MiB, so a burst of logins or submissions stays bounded in memory.
async fn hashing<T: Send + 'static>(
    state: &Shared,
    job: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let permit = state.hashes.clone().acquire_owned().await.ok()?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        job()
    })
    .await
    .ok()
}

fn now_local() -> chrono::DateTime<Local> {
    Local::now()
}

fn record(c: &Checked, name: &str, client: &SocketAddr, at: &chrono::DateTime<Local>) -> Record {
    Record {
        id: 0,
        at: at.to_rfc3339_opts(chrono::SecondsFormat::Millis, false),
        unit: c.file.unit.clone(),
        name: name.to_string(),
        sha256: c.sha256.clone(),
        size: c.size as u64,
        rows: c.file.rows_total as u64,
        errors: c.file.errors() as u64,
        warnings: c.file.warnings() as u64,
        client: client.ip().to_string(),
    }
}

fn answer(state: &State, c: Checked, lang: Lang) -> CheckAnswer {
    let rows_included = json::rows_included(std::slice::from_ref(&c.file));
    let mut doc = Document::new(
        std::slice::from_ref(&c.file),
        &[],
        rows_included,
        None,
        lang,
    );
    let file = doc.files.remove(0);
    let unit_name = c
        .file
        .unit
        .as_deref()
        .and_then(|u| state.plan.unit(u))
        .map(|u| u.name.clone());
    CheckAnswer {
        can_submit: c.file.errors() == 0 && c.file.unit.is_some(),
        unit: c.file.unit.clone(),
        unit_name,
        rows: c.file.rows_total,
        errors: c.file.errors(),
        warnings: c.file.warnings(),
        sha256: c.sha256,
        size: c.size,
        view: c.view,
        file,
    }
}

async fn check(
    AxState(state): AxState<Shared>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    q: Query<UploadQuery>,
    body: Bytes,
) -> Response {
    let lang = lang_of(q.lang.as_deref());
    let name = upload_name(&q);
    let c = match run_check(&state, name.clone(), body, lang).await {
        Ok(c) => c,
        Err((status, message)) => return fail(status, message),
    };
    let rec = record(&c, &name, &client, &now_local());
    if let Err(e) = state.ledger().add_check(&rec) {
        return internal(lang, &e);
    }
    Json(answer(&state, c, lang)).into_response()
}

async fn submit(
    AxState(state): AxState<Shared>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    q: Query<UploadQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let lang = lang_of(q.lang.as_deref());
    let name = upload_name(&q);
    let ip = client.ip();
    if !state.code_limit.allowed(ip) {
        return fail(
            StatusCode::TOO_MANY_REQUESTS,
            t(lang, "err.too_many").to_string(),
        );
    }
    let typed = headers
        .get("x-access-code")
        .and_then(|v| v.to_str().ok())
        .map(normalize_code)
        .unwrap_or_default();
    let bytes = body.clone();
    let c = match run_check(&state, name.clone(), body, lang).await {
        Ok(c) => c,
        Err((status, message)) => return fail(status, message),
    };
    let Some(unit) = c.file.unit.clone() else {
        return fail(
            StatusCode::UNPROCESSABLE_ENTITY,
            t(lang, "err.no_unit").to_string(),
        );
    };
    if c.file.errors() > 0 {
        return fail(
            StatusCode::UNPROCESSABLE_ENTITY,
            t(lang, "err.has_errors").to_string(),
        );
    }
    let hash = match state.ledger().code_hash(&unit) {
        Ok(h) => h,
        Err(e) => return internal(lang, &e),
    };
    let Some(hash) = hash else {
        return fail(
            StatusCode::FORBIDDEN,
            t(lang, "err.no_code").replace("{unit}", &unit),
        );
    };
    // Argon2 is slow on purpose: off the runtime.
    let ok = hashing(&state, move || verify_secret(&typed, &hash))
        .await
        .unwrap_or(false);
    if !ok {
        state.code_limit.failed(ip);
        return fail(
            StatusCode::FORBIDDEN,
            t(lang, "err.wrong_code").replace("{unit}", &unit),
        );
    }
    state.code_limit.succeeded(ip);
    let st = state.clone();
    let unit_code = unit.clone();
    let stored = tokio::task::spawn_blocking(move || -> anyhow::Result<(i64, Record)> {
        let unit = unit_code;
        // One submission at a time under the ledger's lock: the file is stored whole,
        // then recorded; the ledger's order is the order submissions were accepted.
        // A crash between the two leaves a stray file and no submission.
        let ledger = st.ledger();
        let at = now_local();
        let rec = record(&c, &name, &client, &at);
        let stamp = at.format("%Y%m%dT%H%M%S").to_string();
        let ext = store::extension(&name);
        let stored = store::store(&st.data, &unit, &stamp, &c.sha256, ext, &bytes)?;
        let id = ledger.add_submission(&rec, &stored)?;
        Ok((id, rec))
    })
    .await;
    match stored {
        Ok(Ok((id, rec))) => {
            let unit_name = state.plan.unit(&unit).map(|u| u.name.clone());
            Json(json!({
                "id": id,
                "unit": unit,
                "unit_name": unit_name,
                "at": rec.at,
                "name": rec.name,
                "sha256": rec.sha256,
                "size": rec.size,
                "rows": rec.rows,
                "warnings": rec.warnings,
            }))
            .into_response()
        }
        Ok(Err(e)) => internal(lang, &e),
        Err(_) => fail(
            StatusCode::INTERNAL_SERVER_ERROR,
            t(lang, "err.internal").to_string(),
        ),
    }
}

#[derive(Debug, Deserialize)]
struct LoginForm {
    password: String,
}

async fn login(
    AxState(state): AxState<Shared>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    q: Query<LangQuery>,
    Json(form): Json<LoginForm>,
) -> Response {
    let lang = q.lang();
    let ip = client.ip();
    if !state.login_limit.allowed(ip) {
        return fail(
            StatusCode::TOO_MANY_REQUESTS,
            t(lang, "err.too_many").to_string(),
        );
    }
    let hash = match password_hash(&state) {
        Ok(Some(h)) => h,
        Ok(None) => {
            return fail(
                StatusCode::FORBIDDEN,
                t(lang, "err.no_password").to_string(),
            )
        }
        Err(e) => return internal(lang, &e),
    };
    let ok = hashing(&state, move || verify_secret(&form.password, &hash))
        .await
        .unwrap_or(false);
    if !ok {
        state.login_limit.failed(ip);
        return fail(
            StatusCode::UNAUTHORIZED,
            t(lang, "err.wrong_password").to_string(),
        );
    }
    state.login_limit.succeeded(ip);
    let token = state.sessions.start();
    let at = now_local().to_rfc3339_opts(chrono::SecondsFormat::Millis, false);
    if let Err(e) = state
        .ledger()
        .add_action(&at, "login", "", None, &ip.to_string())
    {
        return internal(lang, &e);
    }
    let cookie = format!("{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=28800");
    ([(header::SET_COOKIE, cookie)], Json(json!({ "ok": true }))).into_response()
}

async fn logout(AxState(state): AxState<Shared>, headers: HeaderMap) -> Response {
    if let Some(t) = session_token(&headers) {
        state.sessions.end(&t);
    }
    let cookie = format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    ([(header::SET_COOKIE, cookie)], Json(json!({ "ok": true }))).into_response()
}

/// The office's view of one unit.
#[derive(Serialize)]
struct UnitStatus {
    code: String,
    name: String,
    /// `missing`, `fixing`, `submitted`, `late`.
    status: &'static str,
    label: &'static str,
    latest: Option<super::ledger::Record>,
    history: Vec<super::ledger::Record>,
    has_code: bool,
}

fn is_late(at: &str, deadline: NaiveDate) -> bool {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| t.date_naive() > deadline)
        .unwrap_or(false)
}

/// The refusal for a request without an office session, if it has none.
fn not_office(state: &State, headers: &HeaderMap, lang: Lang) -> Option<Response> {
    (!logged_in(state, headers))
        .then(|| fail(StatusCode::UNAUTHORIZED, t(lang, "err.login").to_string()))
}

async fn status(
    AxState(state): AxState<Shared>,
    q: Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = q.lang();
    if let Some(r) = not_office(&state, &headers, lang) {
        return r;
    }
    let (subs, failed, codes) = {
        let l = state.ledger();
        match (l.submissions(), l.last_failed_checks(), l.codes()) {
            (Ok(a), Ok(b), Ok(c)) => (a, b, c),
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return internal(lang, &e),
        }
    };
    let deadline = state.plan.deadlines.units_report;
    let units: Vec<UnitStatus> = state
        .plan
        .units
        .iter()
        .map(|u| {
            let history: Vec<_> = subs
                .iter()
                .filter(|s| s.record.unit.as_deref() == Some(u.code.as_str()))
                .map(|s| s.record.clone())
                .rev()
                .collect();
            let latest = history.first().cloned();
            let status = match &latest {
                Some(r) if is_late(&r.at, deadline) => "late",
                Some(_) => "submitted",
                None if failed.iter().any(|(c, _)| c == &u.code) => "fixing",
                None => "missing",
            };
            UnitStatus {
                code: u.code.clone(),
                name: u.name.clone(),
                status,
                label: t(lang, &format!("status.{status}")),
                latest,
                history,
                has_code: codes.iter().any(|(c, _)| c == &u.code),
            }
        })
        .collect();
    let today = now_local().date_naive();
    let days = |d: NaiveDate| (d - today).num_days();
    Json(json!({
        "today": today.to_string(),
        "deadlines": {
            "units_report": deadline.to_string(),
            "units_days_left": days(deadline),
            "department_report": state.plan.deadlines.department_report.to_string(),
            "department_days_left": days(state.plan.deadlines.department_report),
        },
        "units": units,
    }))
    .into_response()
}

#[derive(Debug, Deserialize)]
struct CodeQuery {
    unit: String,
    lang: Option<String>,
}

async fn new_code(
    AxState(state): AxState<Shared>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    q: Query<CodeQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = lang_of(q.lang.as_deref());
    if let Some(r) = not_office(&state, &headers, lang) {
        return r;
    }
    let Some(unit) = state.plan.unit(&q.unit).map(|u| u.code.clone()) else {
        return fail(
            StatusCode::NOT_FOUND,
            t(lang, "err.unknown_unit").to_string(),
        );
    };
    let code = auth::new_access_code();
    let c = code.clone();
    let Some(hash) = hashing(&state, move || auth::hash_secret(&c)).await else {
        return fail(
            StatusCode::INTERNAL_SERVER_ERROR,
            t(lang, "err.internal").to_string(),
        );
    };
    let at = now_local().to_rfc3339_opts(chrono::SecondsFormat::Millis, false);
    let l = state.ledger();
    let saved = l
        .set_code_hash(&unit, &hash, &at)
        .and_then(|_| l.add_action(&at, "access_code", &unit, None, &client.ip().to_string()));
    if let Err(e) = saved {
        return internal(lang, &e);
    }
    Json(json!({ "unit": unit, "code": code })).into_response()
}

#[derive(Debug, Deserialize)]
struct CompileForm {
    date: Option<String>,
    #[serde(default)]
    partial: bool,
}

async fn compile(
    AxState(state): AxState<Shared>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    q: Query<LangQuery>,
    headers: HeaderMap,
    Json(form): Json<CompileForm>,
) -> Response {
    let lang = q.lang();
    if let Some(r) = not_office(&state, &headers, lang) {
        return r;
    }
    let date = match form.date.as_deref().filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => return fail(StatusCode::BAD_REQUEST, t(lang, "err.date").to_string()),
        },
    };
    let st = state.clone();
    let ip = client.ip().to_string();
    let done =
        tokio::task::spawn_blocking(move || compile_latest(&st, form.partial, date, &ip, lang))
            .await;
    match done {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => internal(lang, &e),
        Err(_) => fail(
            StatusCode::INTERNAL_SERVER_ERROR,
            t(lang, "err.internal").to_string(),
        ),
    }
}

/// Compiles the latest submission of every unit: the .docx (the action logged), or
/// 409 with what blocks it. Blocking: runs on a blocking thread.
fn compile_latest(
    st: &State,
    partial: bool,
    date: Option<NaiveDate>,
    ip: &str,
    lang: Lang,
) -> anyhow::Result<Response> {
    let chosen = latest_submissions(st)?;
    let files_dir = store::files_dir(&st.data);
    let inputs: Vec<Input> = chosen
        .iter()
        .map(|s| Input {
            path: files_dir.join(&s.stored),
            unit: s.record.unit.clone(),
        })
        .collect();
    let batch = api::check_inputs(&st.rules(), &inputs, &st.limits);
    let options = CompileOptions {
        partial,
        date,
        workbook: false,
    };
    let compiled = api::compile(&st.plan, &st.texts, &batch, &options)?;
    let rows = compiled.rows_included;
    match compiled.docx {
        Some(docx) => {
            let sha = sha256_hex(&docx);
            let at = now_local().to_rfc3339_opts(chrono::SecondsFormat::Millis, false);
            let detail = format!("units={} rows={rows} partial={partial}", chosen.len());
            st.ledger()
                .add_action(&at, "compile", &detail, Some(&sha), ip)?;
            let mut response = docx_response(docx, st.plan.year, rows, sha);
            if compiled.plan_reference_missing {
                // The page says the opening keeps "…" for the clerk to fill in.
                response.headers_mut().insert(
                    header::HeaderName::from_static("x-plan-reference-missing"),
                    header::HeaderValue::from_static("1"),
                );
            }
            Ok(response)
        }
        None => Ok(blocked_response(&batch, &chosen, &files_dir, rows, lang)),
    }
}

/// The latest submission per unit, in the plan's unit order.
fn latest_submissions(st: &State) -> anyhow::Result<Vec<Submission>> {
    let subs = st.ledger().submissions()?;
    Ok(st
        .plan
        .units
        .iter()
        .filter_map(|u| {
            subs.iter()
                .rev()
                .find(|s| s.record.unit.as_deref() == Some(u.code.as_str()))
                .cloned()
        })
        .collect())
}

/// The report as a download, with its row count and SHA-256 in headers.
fn docx_response(docx: Vec<u8>, year: i32, rows: usize, sha: String) -> Response {
    let file_name = format!("bao-cao-cchc-{year}.docx");
    (
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    .to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            (
                header::HeaderName::from_static("x-rows-included"),
                rows.to_string(),
            ),
            (header::HeaderName::from_static("x-sha256"), sha),
        ],
        docx,
    )
        .into_response()
}

/// 409: the findings that block the report, with the names as sent (the stored
/// paths are the server's business).
fn blocked_response(
    batch: &Batch,
    chosen: &[Submission],
    files_dir: &std::path::Path,
    rows: usize,
    lang: Lang,
) -> Response {
    let mut doc = Document::new(&batch.files, &batch.findings, rows, None, lang);
    for (f, s) in doc.files.iter_mut().zip(chosen) {
        f.path = s.record.name.clone();
    }
    for b in &mut doc.findings {
        for p in &mut b.paths {
            if let Some(s) = chosen
                .iter()
                .find(|s| files_dir.join(&s.stored).display().to_string() == *p)
            {
                *p = s.record.name.clone();
            }
        }
    }
    (
        StatusCode::CONFLICT,
        Json(json!({ "blocked": true, "rows_included": rows, "document": doc })),
    )
        .into_response()
}

async fn download(
    AxState(state): AxState<Shared>,
    Path(id): Path<i64>,
    q: Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = q.lang();
    if let Some(r) = not_office(&state, &headers, lang) {
        return r;
    }
    let sub = match state.ledger().submission(id) {
        Ok(Some(s)) => s,
        Ok(None) => return fail(StatusCode::NOT_FOUND, t(lang, "err.not_found").to_string()),
        Err(e) => return internal(lang, &e),
    };
    let path = store::files_dir(&state.data).join(&sub.stored);
    match tokio::fs::read(&path).await {
        Ok(bytes) => {
            let name = sub.stored.replace('/', "-");
            (
                [
                    (header::CONTENT_TYPE, "application/octet-stream".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{name}\""),
                    ),
                ],
                bytes,
            )
                .into_response()
        }
        Err(e) => internal(lang, &anyhow::Error::from(e)),
    }
}
