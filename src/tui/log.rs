//! The console's log: lines appended to a file (never the screen), by default in the user's
//! state directory.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

static LOG: Mutex<Option<std::fs::File>> = Mutex::new(None);

/// The default log file: `orgtui.log` in the user's state (or cache) directory.
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "orgtui")?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.cache_dir()).to_path_buf();
    Some(dir.join("orgtui.log"))
}

/// Opens (appends to) the log file; logging is off if it cannot be opened.
pub fn init(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let f = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    if let Ok(mut g) = LOG.lock() {
        *g = Some(f);
    }
    Ok(())
}

/// Appends one line (control characters escaped).
pub fn line(text: &str) {
    if let Ok(mut g) = LOG.lock()
        && let Some(f) = g.as_mut()
    {
        let secs =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let ts = crate::model::Timestamp::from_secs(secs as i64).to_rfc3339();
        let _ = writeln!(f, "{ts} {}", crate::model::text::sanitize(text));
    }
}
