//! The snapshot's optional CloudTrail section ↔ the engine's CloudTrail state. Files without
//! it load with no trails and no history; a history longer than the configured bound keeps its
//! newest events.

use super::SnapshotError;
use super::format::FileCloudTrail;
use crate::engine::EmulatorSettings;
use crate::engine::cloudtrail::{CloudTrailState, check_trail_name};

/// The largest configurable history (events kept).
pub const MAX_HISTORY: i64 = 1_000_000;

/// The engine's CloudTrail state from the file's section (checked).
pub fn from_file(
    f: Option<&FileCloudTrail>,
    settings: &EmulatorSettings,
) -> Result<CloudTrailState, SnapshotError> {
    let Some(f) = f else { return Ok(CloudTrailState::default()) };
    for (i, t) in f.trails.iter().enumerate() {
        check_trail_name(&t.name)
            .map_err(|message| SnapshotError { path: format!("$.cloudtrail.trails[{i}].name"), message })?;
        if f.trails[..i].iter().any(|o| o.name == t.name && o.home_region == t.home_region) {
            let message = format!("trail {} appears twice", t.name);
            return Err(SnapshotError { path: format!("$.cloudtrail.trails[{i}].name"), message });
        }
    }
    let cap = usize::try_from(settings.cloudtrail_history).unwrap_or(0);
    let mut state = CloudTrailState { trails: f.trails.clone(), ..Default::default() };
    for e in &f.events {
        state.push(e.clone(), cap);
    }
    state.recorded = f.recorded.unwrap_or(0).max(f.events.len() as u64);
    Ok(state)
}

/// The file's section, or `None` when there is nothing to save.
pub fn to_file(s: &CloudTrailState) -> Option<FileCloudTrail> {
    if s.trails.is_empty() && s.events.is_empty() && s.recorded == 0 {
        return None;
    }
    Some(FileCloudTrail {
        trails: s.trails.clone(),
        events: s.events.iter().map(|e| (**e).clone()).collect(),
        recorded: Some(s.recorded),
    })
}
