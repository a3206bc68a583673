//! The `orgtui-snapshot/1` file format (DESIGN.md §3): loading with full checks and JSON-path
//! errors, atomic saving, the export formats and the synthetic-org generator.

pub mod cloudtrail;
mod convert;
mod costs;
pub mod export;
pub mod file;
pub mod format;
pub mod generate;
pub mod generate_costs;
mod others;

pub use convert::{MAX_DAYS, MAX_DELAY_MS, SnapshotError, check_settings, file_to_state, state_to_file};
pub use format::{Extras, FORMAT, SnapshotFile};

use crate::engine::EngineState;
use crate::model::Timestamp;
use std::path::{Path, PathBuf};

/// The bundled sample organization, "Example Corp".
pub const SAMPLE_ORG: &str = include_str!("../../assets/sample-org.json");

/// An organization loaded from a snapshot: engine state plus the offline extras.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedOrg {
    pub state: EngineState,
    pub extras: Extras,
}

/// Why a snapshot file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: invalid snapshot at {error}")]
    Invalid { path: PathBuf, error: SnapshotError },
}

/// Parses snapshot text; syntax and shape errors name their JSON path.
pub fn parse(text: &str) -> Result<SnapshotFile, SnapshotError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { "$".to_string() } else { format!("$.{path}") };
        let inner = e.into_inner();
        let message = if inner.is_syntax() || inner.is_eof() {
            format!("malformed JSON at line {} column {}: {inner}", inner.line(), inner.column())
        } else {
            inner.to_string()
        };
        SnapshotError { path, message }
    })
}

/// Parses and checks snapshot text.
pub fn load_str(text: &str) -> Result<LoadedOrg, SnapshotError> {
    let file = parse(text)?;
    let (state, extras) = file_to_state(&file)?;
    Ok(LoadedOrg { state, extras })
}

/// Loads and checks a snapshot file.
pub fn load_file(path: &Path) -> Result<LoadedOrg, LoadError> {
    let text =
        std::fs::read_to_string(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    load_str(&text).map_err(|error| LoadError::Invalid { path: path.to_path_buf(), error })
}

/// The bundled sample organization, loaded (the test suite keeps it valid).
pub fn sample() -> Result<LoadedOrg, SnapshotError> {
    sample_parts().map(|(state, extras, _)| LoadedOrg { state, extras })
}

/// The sample's state, extras and authored moment (`generatedAt`), with its CloudTrail
/// (organization trail and 90-day history ending at that moment) generated.
pub fn sample_parts() -> Result<(EngineState, Extras, Timestamp), SnapshotError> {
    let file = parse(SAMPLE_ORG)?;
    let base = file.generated_at.as_deref().and_then(Timestamp::parse_rfc3339).unwrap_or_default();
    let (mut state, extras) = file_to_state(&file)?;
    crate::engine::cloudtrail::sample::seed(&mut state, base);
    Ok((state, extras, base))
}

/// An engine over the bundled sample organization. Its clock starts at the moment the sample
/// was written (`generatedAt`) and runs in real time, so the sample looks as authored whatever
/// today's date is.
pub fn sample_engine() -> Result<crate::engine::Engine, SnapshotError> {
    let (state, _, base) = sample_parts()?;
    crate::engine::Engine::from_state(state, Box::new(crate::engine::AnchoredClock::new(base)), 1)
        .map_err(|e| SnapshotError { path: "$".into(), message: e.message })
}

/// Serializes state as pretty snapshot JSON (with a trailing newline).
pub fn to_json(state: &EngineState, extras: &Extras, now: Timestamp) -> String {
    let file = state_to_file(state, extras, now);
    let mut s = serde_json::to_string_pretty(&file).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    crate::model::text::escape_json_hostile(s)
}

/// Writes `contents` to `path` atomically (the one helper, `crate::atomic_file::write`).
pub fn save_atomic(path: &Path, contents: &str) -> std::io::Result<()> {
    crate::atomic_file::write(path, contents.as_bytes())
}
