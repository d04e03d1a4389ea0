//! `baocao serve`: starts the office's web server (or, with `--set-password`, sets
//! the office password and exits).

use std::io::{BufRead, IsTerminal, Write};
use std::net::SocketAddr;

use anyhow::{bail, Context, Result};

use super::{load_plan, load_texts, load_vocabulary, EXIT_OK};
use crate::cli::args::{GlobalArgs, ServeArgs};
use crate::messages::Lang;
use crate::serve;

pub fn serve(args: &ServeArgs, global: &GlobalArgs) -> Result<i32> {
    let lang = global.lang;
    let vi = lang == Lang::Vi;
    if args.set_password {
        let password = ask_password(lang)?;
        serve::set_password(&args.data, &password)?;
        println!(
            "{}",
            if vi {
                format!(
                    "Đã đặt mật khẩu văn phòng (lưu trong {}).",
                    args.data.display()
                )
            } else {
                format!(
                    "The office password is set (kept in {}).",
                    args.data.display()
                )
            }
        );
        return Ok(EXIT_OK);
    }
    let plan = load_plan(global)?;
    let vocabulary = load_vocabulary(global)?;
    let texts = load_texts(global)?;
    let options = serve::Options::new(args.data.clone(), plan, vocabulary, texts);
    serve::serve(&args.bind, options, |addr| print_addresses(addr, lang))?;
    Ok(EXIT_OK)
}

/// The addresses to open: the bound one, or for 0.0.0.0 this machine's own.
fn print_addresses(addr: SocketAddr, lang: Lang) {
    let vi = lang == Lang::Vi;
    let port = addr.port();
    let mut urls = Vec::new();
    if addr.ip().is_unspecified() {
        urls.push(format!("http://127.0.0.1:{port}/"));
        // The address other computers reach this one by: the one a UDP socket would
        // use (nothing is sent).
        if let Ok(s) = std::net::UdpSocket::bind("0.0.0.0:0") {
            if s.connect("10.255.255.255:9").is_ok() {
                if let Ok(local) = s.local_addr() {
                    urls.push(format!("http://{}:{port}/", local.ip()));
                }
            }
        }
    } else {
        urls.push(format!("http://{addr}/"));
    }
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{}",
        if vi {
            "baocao đang phục vụ. Mở trong trình duyệt:"
        } else {
            "baocao is serving. Open in a browser:"
        }
    );
    for u in &urls {
        let _ = writeln!(out, "  {u}");
    }
    let office = urls.last().cloned().unwrap_or_default();
    let _ = writeln!(
        out,
        "{} {office}office",
        if vi {
            "Trang của văn phòng:"
        } else {
            "The office's page:"
        }
    );
    let _ = writeln!(
        out,
        "{}",
        if vi {
            "Nhấn Ctrl+C để dừng."
        } else {
            "Press Ctrl+C to stop."
        }
    );
    let _ = out.flush();
}

/// The password, typed twice (hidden on a terminal; two lines from a pipe).
fn ask_password(lang: Lang) -> Result<String> {
    let vi = lang == Lang::Vi;
    let (first, again) = if vi {
        ("Mật khẩu văn phòng: ", "Nhập lại mật khẩu: ")
    } else {
        ("Office password: ", "Type it again: ")
    };
    let (a, b) = if std::io::stdin().is_terminal() {
        (
            rpassword::prompt_password(first).context("cannot read the password")?,
            rpassword::prompt_password(again).context("cannot read the password")?,
        )
    } else {
        let mut lines = std::io::stdin().lock().lines();
        let mut next = || -> Result<String> {
            Ok(lines
                .next()
                .transpose()?
                .unwrap_or_default()
                .trim_end_matches('\r')
                .to_string())
        };
        (next()?, next()?)
    };
    if a != b {
        bail!(if vi {
            "hai lần nhập mật khẩu không giống nhau"
        } else {
            "the two passwords differ"
        });
    }
    if a.chars().count() < 8 {
        bail!(if vi {
            "mật khẩu cần ít nhất 8 ký tự"
        } else {
            "the password needs at least 8 characters"
        });
    }
    Ok(a)
}
