//! `orgtui plan`: a change set run on a copy of the organization (sample, `--org FILE` or a
//! live load); prints the plan and exits 1 when any operation would fail.

use super::failure::{Failure, emit, read_input};
use super::source::{OrgSource, load_source};
use crate::changes::{ChangeSet, Plan};
use crate::engine::EngineState;
use crate::model::Timestamp;

/// Reads and checks a change-set file (`-` for standard input); a bad file is exit 2.
pub fn read_changes(file: &str) -> Result<ChangeSet, Failure> {
    let text = read_input(file, "the change set", Failure::input)?;
    ChangeSet::parse(&text).map_err(|e| Failure::input(format!("{file}: {e}")))
}

/// The watched actions of the blast radius.
pub fn watch() -> Vec<String> {
    crate::policy::blast::DEFAULT_WATCH.iter().map(|s| s.to_string()).collect()
}

/// Plans `set` on `state`.
pub fn make_plan(state: &EngineState, set: &ChangeSet, now: Timestamp) -> Result<Plan, Failure> {
    crate::changes::plan(state, set, now, &watch()).map_err(|e| Failure::input(format!("organization: {e}")))
}

/// `orgtui plan`.
pub fn plan(source: &OrgSource, changes: &str, json: bool, now: Timestamp) -> Result<(), Failure> {
    let set = read_changes(changes)?;
    let org = load_source(source)?;
    let plan = make_plan(&org.state, &set, now)?;
    let text = if json {
        let mut s = serde_json::to_string_pretty(&plan.to_json()).unwrap_or_default();
        s.push('\n');
        s
    } else {
        plan.to_text()
    };
    emit(None, &text)?;
    match plan.failures() {
        0 => Ok(()),
        n => Err(Failure::operation(format!("{n} operation(s) of the change set would fail"))),
    }
}
