//! The one place that knows where orgtui keeps its files, so the console, the CLI and the
//! backend never disagree about them:
//!
//! - the **config directory** (`keymap.toml`, `config.toml`): the platform's config directory,
//!   `~/.config/orgtui/` on Linux (`$XDG_CONFIG_HOME/orgtui/` when set);
//! - the **state directory** (the audit journal `audit.jsonl`, `drafts/`, `orgtui.log`):
//!   `$ORGTUI_STATE_DIR` when set and not empty, else the platform's state directory,
//!   `~/.local/state/orgtui/` on Linux (`$XDG_STATE_HOME/orgtui/` when set); platforms without
//!   a state directory (macOS, Windows) use the local data directory.
//!
//! **Fallback** when the home directory is unknown (and, for the state directory,
//! `ORGTUI_STATE_DIR` is not set): there is no such directory (`None`). orgtui then reads no
//! config file (the defaults apply), keeps no default log (`--log-file` still works), no audit
//! journal and no draft files. It never falls back to a shared place such as the temporary
//! directory, where another user could read or plant the files.

use std::path::PathBuf;

/// Environment variable that moves orgtui's state directory (journal, drafts, log), e.g. for
/// tests.
pub const STATE_DIR_ENV: &str = "ORGTUI_STATE_DIR";

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "orgtui")
}

/// orgtui's config directory (`keymap.toml`, `config.toml`), if the home directory is known.
pub fn config_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().to_path_buf())
}

/// A file in the config directory, e.g. `config_file("keymap.toml")`.
pub fn config_file(name: &str) -> Option<PathBuf> {
    config_dir().map(|d| d.join(name))
}

/// orgtui's state directory (journal, drafts, log): `$ORGTUI_STATE_DIR`, else the platform's
/// state directory (or local data directory where there is none).
pub fn state_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os(STATE_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    let dirs = project_dirs()?;
    Some(dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir()).to_path_buf())
}

/// The default log file: `orgtui.log` in the state directory.
pub fn default_log_file() -> Option<PathBuf> {
    state_dir().map(|d| d.join("orgtui.log"))
}

/// The default audit journal: `audit.jsonl` in the state directory.
pub fn default_journal_file() -> Option<PathBuf> {
    state_dir().map(|d| d.join("audit.jsonl"))
}

/// The default drafts directory: `drafts/` in the state directory.
pub fn default_drafts_dir() -> Option<PathBuf> {
    state_dir().map(|d| d.join("drafts"))
}
