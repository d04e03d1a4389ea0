//! `baocao serve`: the office's web server. Units check their spreadsheet in the
//! browser, see the findings and their sheet with the cells in error marked, and
//! submit a file without errors with their access code; the office sees who has
//! sent what, hands out access codes and compiles the report from the latest
//! submissions. Everything is a call into the library (`api`, `view`, `json`).
//!
//! - `ledger`: the SQLite record of checks, submissions and office actions;
//! - `store`: the submitted files on disk, under names the server makes;
//! - `auth`: password and access-code hashes, sessions, the login rate limit;
//! - `pages`: the embedded pages, styles and scripts, in Vietnamese or English;
//! - `routes`: the HTTP handlers and the safety layers around them.

pub mod auth;
pub mod ledger;
pub mod pages;
pub mod routes;
pub mod store;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, Result};

use crate::plan::Plan;
use crate::read::Limits;
use crate::report::texts::Texts;
use crate::vocabulary::Vocabulary;

/// The ledger's setting holding the office password's argon2 hash.
pub const PASSWORD_KEY: &str = "office_password";

/// How the server runs.
pub struct Options {
    pub data: PathBuf,
    pub plan: Plan,
    /// The words units write (`--vocabulary`), loaded at start.
    pub vocabulary: Vocabulary,
    pub texts: Texts,
    pub limits: Limits,
    /// Largest upload accepted, bytes (HTTP 413 past it).
    pub max_upload: usize,
    /// Longest one check may take.
    pub check_timeout: Duration,
    /// Checks running at once; more wait for a free slot (up to `check_timeout`).
    pub max_checks: usize,
}

impl Options {
    /// The defaults for a plan, vocabulary and texts, with data in `data`.
    pub fn new(data: PathBuf, plan: Plan, vocabulary: Vocabulary, texts: Texts) -> Options {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Options {
            data,
            plan,
            vocabulary,
            texts,
            limits: Limits::default(),
            max_upload: 20 * 1024 * 1024,
            check_timeout: Duration::from_secs(30),
            max_checks: cores.clamp(1, 4),
        }
    }
}

/// What every request sees.
pub struct State {
    pub plan: Plan,
    pub vocabulary: Vocabulary,
    pub texts: Texts,
    pub limits: Limits,
    pub data: PathBuf,
    pub ledger: Mutex<ledger::Ledger>,
    pub sessions: auth::Sessions,
    pub login_limit: auth::RateLimit,
    pub code_limit: auth::RateLimit,
    pub checks: Arc<tokio::sync::Semaphore>,
    /// Argon2 jobs running at once (each holds ~19 MiB).
    pub hashes: Arc<tokio::sync::Semaphore>,
    pub check_timeout: Duration,
    pub max_upload: usize,
}

impl State {
    /// Opens the data folder (creating it) and its ledger.
    pub fn open(o: Options) -> Result<State> {
        std::fs::create_dir_all(&o.data)
            .with_context(|| format!("cannot create the data folder {}", o.data.display()))?;
        let ledger = ledger::Ledger::open(&o.data)?;
        Ok(State {
            plan: o.plan,
            vocabulary: o.vocabulary,
            texts: o.texts,
            limits: o.limits,
            data: o.data,
            ledger: Mutex::new(ledger),
            sessions: auth::Sessions::default(),
            login_limit: auth::RateLimit::default(),
            code_limit: auth::RateLimit::default(),
            checks: Arc::new(tokio::sync::Semaphore::new(o.max_checks)),
            hashes: Arc::new(tokio::sync::Semaphore::new(2)),
            check_timeout: o.check_timeout,
            max_upload: o.max_upload,
        })
    }

    /// What uploads are checked against.
    pub fn rules(&self) -> crate::check::Rules<'_> {
        crate::check::Rules::new(&self.plan, &self.vocabulary)
    }

    /// The ledger, for one short synchronous use.
    pub fn ledger(&self) -> std::sync::MutexGuard<'_, ledger::Ledger> {
        // A panic while holding the lock leaves the ledger consistent (every write
        // is one statement or transaction), so a poisoned lock is still usable.
        self.ledger.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Sets the office password (stored as an argon2 hash in the data folder's ledger).
pub fn set_password(data: &Path, password: &str) -> Result<()> {
    std::fs::create_dir_all(data)
        .with_context(|| format!("cannot create the data folder {}", data.display()))?;
    let ledger = ledger::Ledger::open(data)?;
    ledger.set_setting(PASSWORD_KEY, &auth::hash_secret(password))
}

/// Runs the server on `bind` until the process is stopped; `on_listen` gets the
/// address actually bound (port 0 picks a free one).
pub fn serve(bind: &str, options: Options, on_listen: impl FnOnce(SocketAddr)) -> Result<()> {
    let state = Arc::new(State::open(options)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .with_context(|| format!("cannot listen on {bind}"))?;
        on_listen(listener.local_addr()?);
        let app = routes::router(state);
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("the server stopped")
    })
}
