//! A snapshot file that is written back (`--org FILE` in the console and `serve`): one writer
//! at a time, and no write over a change made by someone else.
//!
//! - **Lock.** The writer holds an exclusive lock on `.NAME.lock` beside the file (the
//!   snapshot itself is replaced on every save, so it cannot carry the lock) and writes its
//!   pid and command line into it, so a second process can say who holds the file.
//! - **Change detection.** The size, modification time, inode and a hash of the bytes last
//!   loaded or written are remembered; before every write they are compared with the file on
//!   disk, and a file changed under us is not overwritten ([`SaveError::Changed`]).
//! - **Stale temporary files** of writers killed mid-save are removed when the file is opened.

use super::{Extras, LoadError, LoadedOrg};
use crate::engine::EngineState;
use crate::model::Timestamp;
use std::hash::Hasher;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// How a file is opened for writing back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Take the lock or fail ([`OpenError::Locked`]): `serve --org`.
    Exclusive,
    /// Take the lock, or open read-only when another process holds it: the console.
    ExclusiveOrReadOnly,
}

/// Why a file could not be opened for writing back.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Another process holds the file (the message says which).
    #[error("{0}")]
    Locked(String),
    /// The lock file could not be created or locked.
    #[error("{0}")]
    Lock(String),
    /// The file is missing, unreadable or not a valid snapshot.
    #[error(transparent)]
    Load(#[from] LoadError),
}

/// Why a save did not happen. The caller undoes the change it was saving.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file on disk is no longer the one loaded or last written.
    #[error(
        "{} was changed on disk by another program since orgtui loaded it; reload it (r in the console) and make the change again",
        .0.display()
    )]
    Changed(PathBuf),
    /// This process does not hold the file's lock.
    #[error("{} is open read-only: {reason}", .path.display())]
    ReadOnly { path: PathBuf, reason: String },
    /// Writing failed (directory gone, disk full, permissions).
    #[error("cannot write {}: {source}", .path.display())]
    Io { path: PathBuf, source: std::io::Error },
}

/// What the file looked like when it was last loaded or written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
    hash: u64,
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

#[cfg(unix)]
fn inode(m: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(m)
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> u64 {
    0
}

impl Stamp {
    fn of(m: &std::fs::Metadata, bytes: &[u8]) -> Stamp {
        Stamp { len: m.len(), modified: m.modified().ok(), inode: inode(m), hash: hash(bytes) }
    }

    fn same_metadata(&self, m: &std::fs::Metadata) -> bool {
        self.len == m.len() && self.modified == m.modified().ok() && self.inode == inode(m)
    }
}

/// A snapshot file opened for writing back.
#[derive(Debug)]
pub struct OrgFile {
    path: PathBuf,
    /// The open, locked lock file (released when dropped); `None` when read-only.
    lock: Option<std::fs::File>,
    read_only: Option<String>,
    /// The file as last loaded or written; `None` while it must not exist yet.
    stamp: Mutex<Option<Stamp>>,
    extras: Mutex<Extras>,
}

/// The lock file of `path`: `.NAME.lock` in the same directory.
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path.file_name().map_or_else(|| "snapshot".into(), |n| n.to_string_lossy().into_owned());
    crate::atomic_file::parent_dir(path).join(format!(".{name}.lock"))
}

/// Who this process is, as written into a lock file.
fn holder_line() -> String {
    let command: Vec<String> = std::env::args().collect();
    format!("pid {} ({})", std::process::id(), command.join(" "))
}

/// Takes the lock of `path`. `Ok(Err(holder))` when another process holds it.
fn take_lock(path: &Path) -> Result<Result<std::fs::File, String>, OpenError> {
    let lp = lock_path(path);
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lp)
        .map_err(|e| OpenError::Lock(format!("cannot create the lock file {}: {e}", lp.display())))?;
    match f.try_lock() {
        Ok(()) => {
            let line = holder_line();
            // The holder line is informative only: a failure to write it does not matter.
            let _ = f
                .set_len(0)
                .and_then(|_| f.write_all(format!("{line}\n").as_bytes()))
                .and_then(|_| f.flush());
            Ok(Ok(f))
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = f.rewind().and_then(|_| f.read_to_string(&mut holder));
            let holder = holder.trim();
            let holder = if holder.is_empty() { "another process".to_string() } else { holder.to_string() };
            Ok(Err(holder))
        }
        Err(std::fs::TryLockError::Error(e)) => {
            Err(OpenError::Lock(format!("cannot lock {}: {e}", lp.display())))
        }
    }
}

impl OrgFile {
    /// Opens an existing snapshot to write back: takes the lock (or, with
    /// [`Access::ExclusiveOrReadOnly`], opens read-only when another process has it), removes
    /// stale temporary files, and loads it.
    pub fn open(path: &Path, access: Access) -> Result<(OrgFile, LoadedOrg), OpenError> {
        let (lock, read_only) = match take_lock(path)? {
            Ok(f) => (Some(f), None),
            Err(holder) if access == Access::ExclusiveOrReadOnly => {
                (None, Some(format!("{} is in use by {holder}; opened read-only", path.display())))
            }
            Err(holder) => {
                return Err(OpenError::Locked(format!(
                    "{} is in use by {holder}; stop it first (or work on a copy of the file)",
                    path.display()
                )));
            }
        };
        if lock.is_some() {
            crate::atomic_file::remove_stale_temps(path);
        }
        let file = OrgFile {
            path: path.to_path_buf(),
            lock,
            read_only,
            stamp: Mutex::new(None),
            extras: Mutex::new(Extras::default()),
        };
        let loaded = file.reload()?;
        Ok((file, loaded))
    }

    /// Takes the lock of a file that does not exist yet (`serve --empty --org FILE`); the
    /// first save creates it. Fails when another process holds it.
    pub fn create(path: &Path) -> Result<OrgFile, OpenError> {
        match take_lock(path)? {
            Ok(lock) => {
                crate::atomic_file::remove_stale_temps(path);
                Ok(OrgFile {
                    path: path.to_path_buf(),
                    lock: Some(lock),
                    read_only: None,
                    stamp: Mutex::new(None),
                    extras: Mutex::new(Extras::default()),
                })
            }
            Err(holder) => Err(OpenError::Locked(format!("{} is in use by {holder}", path.display()))),
        }
    }

    /// Takes the lock of `path` to write the organization there for the first time
    /// (`:save-as`): the file may exist (it is replaced by the first save) or not. `extras` are
    /// written with every save. Fails when another process holds it.
    pub fn create_replacing(path: &Path, extras: Extras) -> Result<OrgFile, OpenError> {
        let file = OrgFile::create(path)?;
        if let (Ok(meta), Ok(bytes)) = (std::fs::metadata(path), std::fs::read(path)) {
            *file.stamp.lock().unwrap_or_else(|p| p.into_inner()) = Some(Stamp::of(&meta, &bytes));
        }
        *file.extras.lock().unwrap_or_else(|p| p.into_inner()) = extras;
        Ok(file)
    }

    /// The snapshot file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why changes are not written (another process holds the file), if so.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// The offline extras (IAM principals, costs) loaded with the file, written back unchanged.
    pub fn extras(&self) -> Extras {
        self.extras.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Reads the file from disk again (remembering what it looked like) and returns it.
    pub fn reload(&self) -> Result<LoadedOrg, LoadError> {
        let io = |source| LoadError::Io { path: self.path.clone(), source };
        let bytes = std::fs::read(&self.path).map_err(io)?;
        let meta = std::fs::metadata(&self.path).map_err(io)?;
        let text = String::from_utf8_lossy(&bytes);
        let loaded =
            super::load_str(&text).map_err(|error| LoadError::Invalid { path: self.path.clone(), error })?;
        *self.stamp.lock().unwrap_or_else(|p| p.into_inner()) = Some(Stamp::of(&meta, &bytes));
        *self.extras.lock().unwrap_or_else(|p| p.into_inner()) = loaded.extras.clone();
        Ok(loaded)
    }

    /// Whether the file on disk differs from the one last loaded or written (a file that has
    /// been touched but holds the same bytes has not changed).
    pub fn changed_on_disk(&self) -> bool {
        let mut stamp = self.stamp.lock().unwrap_or_else(|p| p.into_inner());
        changed(&self.path, &mut stamp)
    }

    /// Writes `state` to the file atomically, unless the file is read-only here or was changed
    /// on disk since it was loaded or last written.
    pub fn save(&self, state: &EngineState, now: Timestamp) -> Result<(), SaveError> {
        if let Some(reason) = &self.read_only {
            return Err(SaveError::ReadOnly { path: self.path.clone(), reason: reason.clone() });
        }
        let mut stamp = self.stamp.lock().unwrap_or_else(|p| p.into_inner());
        if changed(&self.path, &mut stamp) {
            return Err(SaveError::Changed(self.path.clone()));
        }
        let text = super::to_json(state, &self.extras(), now);
        let io = |source| SaveError::Io { path: self.path.clone(), source };
        crate::atomic_file::write(&self.path, text.as_bytes()).map_err(io)?;
        let meta = std::fs::metadata(&self.path).map_err(io)?;
        *stamp = Some(Stamp::of(&meta, text.as_bytes()));
        Ok(())
    }

    /// Whether this process holds the file's lock.
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }
}

/// Compares the file with `stamp`, refreshing the stamp when only the metadata moved. A file
/// that vanished counts as unchanged (the next save writes it again, or fails to).
fn changed(path: &Path, stamp: &mut Option<Stamp>) -> bool {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(_) => return false,
    };
    let Some(s) = stamp.as_mut() else {
        // It was not there when we started and is now: someone else wrote it.
        return true;
    };
    if s.same_metadata(&meta) {
        return false;
    }
    match std::fs::read(path) {
        Ok(bytes) if bytes.len() as u64 == s.len && hash(&bytes) == s.hash => {
            *s = Stamp::of(&meta, &bytes);
            false
        }
        _ => true,
    }
}
