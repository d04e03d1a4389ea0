//! File-system helpers whose every error names the path, and the safe way to write
//! the report: a temporary file in the target folder, then a rename, so a failed run
//! never leaves a half-written report. A run killed while writing leaves its
//! temporary file (`.<name>.<pid>.tmp`); the next write of the same name clears
//! those whose process is gone.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

/// Why the report could not be written where asked: data, so the command line
/// words it in the user's language (`messages`, keys `fs.*`); `Display` is the
/// English fallback.
#[derive(Debug)]
pub enum FsError {
    CreateFolder(PathBuf, std::io::Error),
    Write(PathBuf, std::io::Error),
    NotAFilePath(PathBuf),
    OutputIsInput(PathBuf),
    OutputInInputFolder { output: PathBuf, input: PathBuf },
    OutputIsFolder(PathBuf),
}

impl FsError {
    /// The message key and its values (`messages::ui_fill`).
    pub fn key(&self) -> (&'static str, Vec<(&'static str, String)>) {
        let d = |p: &Path| p.display().to_string();
        match self {
            FsError::CreateFolder(p, e) => (
                "fs.create_folder",
                vec![("path", d(p)), ("cause", e.to_string())],
            ),
            FsError::Write(p, e) => ("fs.write", vec![("path", d(p)), ("cause", e.to_string())]),
            FsError::NotAFilePath(p) => ("fs.not_a_file_path", vec![("path", d(p))]),
            FsError::OutputIsInput(p) => ("fs.output_is_input", vec![("path", d(p))]),
            FsError::OutputInInputFolder { output, input } => (
                "fs.output_in_input",
                vec![("path", d(output)), ("dir", d(input))],
            ),
            FsError::OutputIsFolder(p) => ("fs.output_is_folder", vec![("path", d(p))]),
        }
    }
}

impl std::fmt::Display for FsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (key, values) = self.key();
        f.write_str(&crate::messages::ui_fill(
            crate::messages::Lang::En,
            key,
            &values,
        ))
    }
}

impl std::error::Error for FsError {}

/// The file's name for messages (`TTUD.xlsx`), or the whole path if it has none.
pub fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// Writes `bytes` to `path` atomically (temporary sibling file, fsync, rename),
/// creating the parent folder if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| FsError::CreateFolder(parent.clone(), e))?;
    let name = path
        .file_name()
        .ok_or_else(|| FsError::NotAFilePath(path.to_path_buf()))?;
    clear_leftovers(&parent, &name.to_string_lossy());
    let tmp = parent.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> Result<(), FsError> {
        let mut f = std::fs::File::create(&tmp).map_err(|e| FsError::Write(tmp.clone(), e))?;
        f.write_all(bytes)
            .and_then(|()| f.sync_all())
            .map_err(|e| FsError::Write(tmp.clone(), e))?;
        std::fs::rename(&tmp, path).map_err(|e| FsError::Write(path.to_path_buf(), e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    Ok(result?)
}

/// Removes the temporary files that killed runs left for `name` in `dir`
/// (`.<name>.<pid>.tmp` whose process is gone, or this process's own). Best
/// effort: a leftover that cannot be removed stays, and the write goes on.
fn clear_leftovers(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let Some(pid) = file
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".tmp"))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() || !process_alive(pid, &entry) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether the run that wrote a temporary file may still be writing it: its
/// process exists (Linux: `/proc/<pid>`); where that cannot be asked, whether the
/// file changed in the last hour.
fn process_alive(pid: u32, entry: &std::fs::DirEntry) -> bool {
    if Path::new("/proc/self").exists() {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age < std::time::Duration::from_secs(3600))
}

/// Refuses an output path directly in the input folder (where the next run would
/// take it for a stray input) or equal to an input file. A sub-folder of the input
/// folder is allowed: inputs are never read from sub-folders.
pub fn check_output_path(output: &Path, input_dir: &Path, inputs: &[PathBuf]) -> Result<()> {
    let out_dir = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let out_dir_c = canon(out_dir);
    let out_c = out_dir_c.join(output.file_name().unwrap_or_default());
    if inputs.iter().any(|i| canon(i) == out_c) {
        return Err(FsError::OutputIsInput(output.to_path_buf()).into());
    }
    if out_dir_c == canon(input_dir) {
        return Err(FsError::OutputInInputFolder {
            output: output.to_path_buf(),
            input: input_dir.to_path_buf(),
        }
        .into());
    }
    if out_c.is_dir() {
        return Err(FsError::OutputIsFolder(output.to_path_buf()).into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/report.docx");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(p.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn leftovers_of_dead_runs_are_cleared_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.docx");
        // No process has a pid this high (Linux caps pids at 2^22).
        let dead = dir.path().join(".report.docx.99999999.tmp");
        // This test's parent process is alive, and not this process.
        let live = dir
            .path()
            .join(format!(".report.docx.{}.tmp", parent_pid()));
        let other = dir.path().join(".other.docx.99999999.tmp");
        for f in [&dead, &live, &other] {
            std::fs::write(f, b"partial").unwrap();
        }
        write_atomic(&p, b"whole").unwrap();
        assert!(!dead.exists());
        assert!(live.exists() || !Path::new("/proc/self").exists());
        assert!(other.exists(), "only leftovers of this name");
        assert_eq!(std::fs::read(&p).unwrap(), b"whole");
    }

    /// The parent's pid (Linux), else 1.
    fn parent_pid() -> u32 {
        std::fs::read_to_string("/proc/self/stat")
            .ok()
            .and_then(|s| {
                let after = s.rsplit_once(')')?.1.to_string();
                after.split_whitespace().nth(1)?.parse().ok()
            })
            .unwrap_or(1)
    }

    #[test]
    fn output_in_input_folder_or_on_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("input");
        std::fs::create_dir(&input).unwrap();
        let a = input.join("TTUD.xlsx");
        std::fs::write(&a, b"x").unwrap();
        let inputs = vec![a.clone()];
        assert!(check_output_path(&a, &input, &inputs).is_err());
        assert!(check_output_path(&input.join("r.docx"), &input, &inputs).is_err());
        assert!(check_output_path(&dir.path().join("out/r.docx"), &input, &inputs).is_ok());
    }
}
