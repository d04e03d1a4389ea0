//! Secrets: the office password and the units' access codes (argon2 hashes, verified
//! in constant time by the hash), office sessions (random tokens, kept as SHA-256
//! digests so a lookup leaks nothing useful), and the login rate limit.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// The argon2 hash (PHC string) of a secret.
pub fn hash_secret(secret: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .expect("argon2 with default parameters hashes any input")
        .to_string()
}

/// Whether `secret` matches the stored hash (constant time, by argon2).
pub fn verify_secret(secret: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(secret.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A new access code: 10 characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), grouped `XXXXX-XXXXX` to read aloud on the phone.
pub fn new_access_code() -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let mut bytes = [0u8; 10];
    OsRng.fill_bytes(&mut bytes);
    let chars: String = bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

/// An access code as typed: case, spaces and dashes do not matter.
pub fn normalize_code(typed: &str) -> String {
    let c: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if c.len() == 10 {
        format!("{}-{}", &c[..5], &c[5..])
    } else {
        c
    }
}

/// The SHA-256 of bytes, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// How long an office session lasts without use.
const SESSION_IDLE: Duration = Duration::from_secs(8 * 3600);

/// The office's sessions, in memory (a restart asks to log in again).
#[derive(Default)]
pub struct Sessions {
    by_digest: Mutex<HashMap<String, Instant>>,
}

impl Sessions {
    /// Starts a session; returns the token for the cookie.
    pub fn start(&self) -> String {
        let mut raw = [0u8; 32];
        OsRng.fill_bytes(&mut raw);
        let token = hex(&raw);
        let mut map = self.by_digest.lock().expect("sessions lock");
        map.retain(|_, t| t.elapsed() < SESSION_IDLE);
        map.insert(sha256_hex(token.as_bytes()), Instant::now());
        token
    }

    /// Whether the token is a live session (and keeps it alive).
    pub fn check(&self, token: &str) -> bool {
        let mut map = self.by_digest.lock().expect("sessions lock");
        match map.get_mut(&sha256_hex(token.as_bytes())) {
            Some(t) if t.elapsed() < SESSION_IDLE => {
                *t = Instant::now();
                true
            }
            _ => false,
        }
    }

    pub fn end(&self, token: &str) {
        let mut map = self.by_digest.lock().expect("sessions lock");
        map.remove(&sha256_hex(token.as_bytes()));
    }
}

/// Failed attempts allowed per client in a window before it must wait.
const MAX_FAILURES: usize = 5;
const WINDOW: Duration = Duration::from_secs(300);

/// Login (and access-code) failures per client address.
#[derive(Default)]
pub struct RateLimit {
    failures: Mutex<HashMap<IpAddr, Vec<Instant>>>,
}

impl RateLimit {
    /// Whether the client may try now.
    pub fn allowed(&self, ip: IpAddr) -> bool {
        let mut map = self.failures.lock().expect("rate limit lock");
        let list = map.entry(ip).or_default();
        list.retain(|t| t.elapsed() < WINDOW);
        list.len() < MAX_FAILURES
    }

    pub fn failed(&self, ip: IpAddr) {
        let mut map = self.failures.lock().expect("rate limit lock");
        map.entry(ip).or_default().push(Instant::now());
    }

    pub fn succeeded(&self, ip: IpAddr) {
        let mut map = self.failures.lock().expect("rate limit lock");
        map.remove(&ip);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_codes_normalise() {
        let h = hash_secret("mật khẩu");
        assert!(verify_secret("mật khẩu", &h));
        assert!(!verify_secret("mat khau", &h));
        assert!(!verify_secret("x", "not a hash"));
        let code = new_access_code();
        assert_eq!(code.len(), 11);
        assert_eq!(normalize_code(&code.to_lowercase().replace('-', " ")), code);
    }

    #[test]
    fn sessions_and_rate_limit() {
        let s = Sessions::default();
        let t = s.start();
        assert!(s.check(&t));
        assert!(!s.check("nope"));
        s.end(&t);
        assert!(!s.check(&t));
        let r = RateLimit::default();
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        for _ in 0..MAX_FAILURES {
            assert!(r.allowed(ip));
            r.failed(ip);
        }
        assert!(!r.allowed(ip));
        r.succeeded(ip);
        assert!(r.allowed(ip));
    }
}
