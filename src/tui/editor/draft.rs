//! Draft files: an unsaved edit written to the user's state directory so it survives a crash,
//! one file per policy (`<dir>/drafts/<key>.json`), written atomically (temporary file, then
//! rename) and removed after a successful save.
//!
//! The directory is `$ORGTUI_STATE_DIR/drafts` when that variable is set (tests point it at a
//! temporary directory), else the platform's state directory for orgtui (the local data
//! directory where there is none).

use super::DraftOffer;
use std::cell::RefCell;
use std::path::{Path, PathBuf};

/// The variable that overrides the state directory (the journal's, shared).
pub use crate::paths::STATE_DIR_ENV as STATE_DIR_VAR;

thread_local! {
    static THREAD_DIR: RefCell<Option<PathBuf>> = const { RefCell::new(None) };
}

/// Overrides the state directory for editors opened on this thread (tests running in
/// parallel each use their own; `None` restores the default).
pub fn set_thread_state_dir(dir: Option<PathBuf>) {
    THREAD_DIR.with(|d| *d.borrow_mut() = dir);
}

/// The drafts directory, if one can be found.
pub fn dir() -> Option<PathBuf> {
    if let Some(d) = THREAD_DIR.with(|d| d.borrow().clone()) {
        return Some(d.join("drafts"));
    }
    crate::paths::default_drafts_dir()
}

/// The file of the draft `key` (policy id, `new:TYPE`, `resource-policy`), its name made of
/// safe characters only.
pub fn path(dir: &Path, key: &str) -> PathBuf {
    let name: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect();
    dir.join(format!("{name}.json"))
}

/// Writes the draft atomically; an error is returned as text for the editor's note.
pub fn write(dir: &Path, key: &str, text: &str) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    let saved_at = crate::model::Timestamp::from_secs(now).to_rfc3339();
    let body = serde_json::json!({ "key": key, "savedAt": saved_at, "text": text }).to_string();
    let target = path(dir, key);
    crate::atomic_file::write(&target, body.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", target.display()))
}

/// The draft file of `key`, if there is a readable one.
pub fn read(dir: &Path, key: &str) -> Option<DraftOffer> {
    let body = std::fs::read_to_string(path(dir, key)).ok()?;
    let v: serde_json::Value = serde_json::from_str(&body).ok()?;
    if v.get("key")?.as_str()? != key {
        return None;
    }
    Some(DraftOffer {
        saved_at: v.get("savedAt").and_then(|s| s.as_str()).unwrap_or("an unknown time").to_string(),
        text: v.get("text")?.as_str()?.to_string(),
    })
}

/// Removes the draft file of `key` (missing is fine).
pub fn remove(dir: &Path, key: &str) {
    let _ = std::fs::remove_file(path(dir, key));
}

/// Carries out a draft-file effect (`WriteDraft`, `RemoveDraft`) in the state directory's
/// `drafts/`; other effects are not this module's and do nothing.
pub fn apply(effect: &crate::tui::msg::Effect) -> Result<(), String> {
    use crate::tui::msg::Effect;
    let Some(dir) = dir() else { return Ok(()) };
    match effect {
        Effect::WriteDraft { key, text } => write(&dir, key, text),
        Effect::RemoveDraft { key } => {
            remove(&dir, key);
            Ok(())
        }
        _ => Ok(()),
    }
}
