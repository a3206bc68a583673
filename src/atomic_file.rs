//! The one atomic-write helper: every file orgtui writes whole (snapshots, drafts, exports,
//! config and caches) goes through [`write`], so a reader — or a crash — sees the old file or
//! the new one, never half of one.
//!
//! The new contents go to a temporary file `.NAME.tmp-PID` in the target's directory, which is
//! flushed to disk, renamed over the target, and the directory itself is flushed so the rename
//! survives a power cut. A process killed in the middle leaves its temporary file behind;
//! [`remove_stale_temps`] removes those whose process is gone.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The directory `path` lives in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned())
}

/// The name prefix of the temporary files of `path` (`.NAME.tmp-`).
fn temp_prefix(path: &Path) -> String {
    format!(".{}.tmp-", file_name(path))
}

/// The temporary file this process writes `path` through.
pub fn temp_path(path: &Path) -> PathBuf {
    parent_dir(path).join(format!("{}{}", temp_prefix(path), std::process::id()))
}

/// Writes `contents` to `path` atomically (temporary file in the same directory, fsync,
/// rename, fsync of the directory). On failure the temporary file is removed and the target
/// is untouched.
pub fn write(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = parent_dir(path);
    let tmp = temp_path(path);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(&dir) {
            // Not every platform can fsync a directory; the rename itself has happened.
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Whether process `pid` is still running. When that cannot be told, the answer is yes, so
/// nothing that might still be in use is removed.
pub fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if Path::new("/proc/self").exists() {
        return Path::new(&format!("/proc/{pid}")).exists();
    }
    #[cfg(unix)]
    {
        // `kill -0` only asks whether the process exists (EPERM still means it does).
        match std::process::Command::new("kill")
            .args(["-0", &pid.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .output()
        {
            Ok(out) => {
                out.status.success() || !String::from_utf8_lossy(&out.stderr).contains("No such process")
            }
            Err(_) => true,
        }
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// Removes the temporary files of `path` (`.NAME.tmp-PID`) left by processes that are gone
/// (killed while writing), and returns the ones removed. Files of running processes, and
/// names that do not end in a process id, are left alone.
pub fn remove_stale_temps(path: &Path) -> Vec<PathBuf> {
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(parent_dir(path)) else { return Vec::new() };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) =
            name.to_str().and_then(|n| n.strip_prefix(&prefix)).and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if !process_alive(pid) && std::fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_and_leave_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        write(&p, b"one").unwrap();
        write(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert!(!temp_path(&p).exists());
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_failed_write_leaves_the_target_alone() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("gone").join("a.json");
        assert!(write(&p, b"x").is_err());
        assert!(!p.exists());
    }

    #[test]
    fn stale_temps_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("org.json");
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .arg("--list")
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = dir.path().join(format!(".org.json.tmp-{dead}"));
        let live = temp_path(&p);
        let other = dir.path().join(".other.json.tmp-1");
        let odd = dir.path().join(".org.json.tmp-abc");
        for f in [&stale, &live, &other, &odd] {
            std::fs::write(f, "x").unwrap();
        }
        assert_eq!(remove_stale_temps(&p), vec![stale.clone()]);
        assert!(!stale.exists() && live.exists() && other.exists() && odd.exists());
    }
}
