//! Submitted files on disk: `<data>/files/<UNIT>/<time>-<sha8>.<ext>`, names the
//! server makes (never a name from the upload), written whole to a temporary file,
//! synced, then linked into place without replacing anything.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The folder of stored files inside the data folder.
pub fn files_dir(data: &Path) -> PathBuf {
    data.join("files")
}

/// The extension a stored file gets: the format the reader found by sniffing when
/// the upload's own extension is not one we know.
pub fn extension(upload_name: &str) -> &'static str {
    let lower = upload_name.to_ascii_lowercase();
    for ext in ["xlsx", "xlsm", "xls", "ods", "fods"] {
        if lower.ends_with(&format!(".{ext}")) {
            return ext;
        }
    }
    "bin"
}

/// Stores `bytes` for `unit`; returns the path relative to the files folder
/// (`TTUD/20241101T080000Z-1a2b3c4d.xlsx`). Never overwrites: a name taken (the same
/// file in the same second) gets a counter.
pub fn store(
    data: &Path,
    unit: &str,
    stamp: &str,
    sha256: &str,
    ext: &str,
    bytes: &[u8],
) -> Result<String> {
    // The unit code comes from the plan, but it becomes a folder name: keep it plain.
    let unit_dir: String = unit
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    anyhow::ensure!(!unit_dir.is_empty(), "unit code unusable as a folder name");
    let dir = files_dir(data).join(&unit_dir);
    fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let tmp = dir.join(format!(".upload-{stamp}-{}.tmp", &sha256[..16]));
    {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    let base = format!("{stamp}-{}", &sha256[..8]);
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{base}.{ext}")
        } else {
            format!("{base}-{n}.{ext}")
        };
        // A hard link fails when the name exists: never an overwrite.
        match fs::hard_link(&tmp, dir.join(&name)) {
            Ok(()) => {
                let _ = fs::remove_file(&tmp);
                if let Ok(d) = fs::File::open(&dir) {
                    let _ = d.sync_all();
                }
                return Ok(format!("{unit_dir}/{name}"));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                return Err(e).context("cannot store the file");
            }
        }
    }
    let _ = fs::remove_file(&tmp);
    anyhow::bail!("no free name for the stored file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let sha = "0123456789abcdef0123456789abcdef";
        let a = store(dir.path(), "TTUD", "20241101T080000Z", sha, "xlsx", b"one").unwrap();
        let b = store(dir.path(), "TTUD", "20241101T080000Z", sha, "xlsx", b"two").unwrap();
        assert_eq!(a, "TTUD/20241101T080000Z-01234567.xlsx");
        assert_ne!(a, b);
        assert_eq!(fs::read(files_dir(dir.path()).join(&a)).unwrap(), b"one");
        assert_eq!(fs::read(files_dir(dir.path()).join(&b)).unwrap(), b"two");
        assert_eq!(extension("../../etc/passwd"), "bin");
        assert_eq!(extension("Báo cáo.XLSX"), "xlsx");
    }
}
