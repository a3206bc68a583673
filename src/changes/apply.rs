//! Applying a change set through a backend (memory, file or live behind the guard), in order,
//! stopping at the first failure. Each operation is also run on a shadow copy of the
//! organization, so its inverse is computed from the state before it; ids the shadow invents
//! (new OUs and policies) are mapped to the ones the backend answered, and the applied
//! operations' inverses, last first, form the undo change set.

use super::exec::{Runner, ref_to};
use super::format::{Change, ChangeSet, Step, created_id, replace_ids, resolve_refs};
use super::plan::inverse_of;
use crate::backend::OrgBackend;
use crate::engine::EngineState;
use crate::model::*;
use std::collections::HashMap;

/// What happened to one operation while applying.
#[derive(Debug, Clone)]
pub enum Progress<'a> {
    /// About to send operation `index` of `total`.
    Sending { index: usize, total: usize, operation: &'static str },
    /// It succeeded.
    Done { index: usize },
    /// It failed; nothing after it was sent.
    Failed { index: usize, error: &'a OrgError },
}

/// The result of applying a change set.
#[derive(Debug, Clone, Default)]
pub struct ApplyReport {
    /// Indices of the operations that were applied.
    pub applied: Vec<usize>,
    /// The operation that failed and its error; the operations after it were not sent.
    pub failed: Option<(usize, OrgError)>,
    /// The change set that undoes what was applied (last applied first).
    pub undo: ChangeSet,
    /// Applied operations that cannot be undone, with the reason.
    pub not_undoable: Vec<(usize, String)>,
}

/// Applies `set` in order through `backend`, whose organization is `state` now.
pub async fn apply(
    backend: &dyn OrgBackend,
    state: &EngineState,
    set: &ChangeSet,
    now: Timestamp,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Result<ApplyReport, String> {
    let mut shadow = Runner::new(state, now).map_err(|e| e.message)?;
    let mut real_refs: HashMap<String, String> = HashMap::new();
    // Shadow id → backend id for what this change set created.
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut report = ApplyReport::default();
    let mut inverses: Vec<(usize, &'static str, Vec<Step>)> = Vec::new();
    let total = set.operations.len();
    for (index, change) in set.operations.iter().enumerate() {
        let operation = change.step.request.operation();
        progress(Progress::Sending { index, total, operation });
        let sent = resolve_refs(&change.step.request, &|n| real_refs.get(n).cloned())
            .map_err(|m| OrgError::new(ErrorCode::InvalidInputException, m));
        let resp = match sent {
            Ok(req) => req.send(backend).await,
            Err(e) => Err(e),
        };
        let resp = match resp {
            Ok(r) => r,
            Err(e) => {
                progress(Progress::Failed { index, error: &e });
                report.failed = Some((index, e));
                break;
            }
        };
        report.applied.push(index);
        progress(Progress::Done { index });
        let real_id = created_id(&resp);
        if let (Some(name), Some(id)) = (&change.step.reference, &real_id) {
            real_refs.insert(name.clone(), id.clone());
        }
        let before = shadow.engine.state().clone();
        match shadow.run(&change.step) {
            Ok(r) => {
                if let (Some(s), Some(id)) = (created_id(&r), real_id) {
                    ids.insert(s, id);
                }
                match inverse_of(&before, shadow.engine.state(), now) {
                    Ok(steps) => {
                        inverses.push((index, operation, steps.iter().map(|s| to_real(s, &ids)).collect()))
                    }
                    Err(why) => report.not_undoable.push((index, why)),
                }
            }
            Err(e) => report.not_undoable.push((index, format!("its effect could not be followed: {e}"))),
        }
    }
    report.undo = undo_set(set, inverses, &report.not_undoable);
    Ok(report)
}

/// An inverse step with the shadow's ids replaced by the backend's.
fn to_real(step: &Step, ids: &HashMap<String, String>) -> Step {
    let map = |s: &str| -> Option<String> {
        match s.strip_prefix(super::format::REF_PREFIX) {
            Some(name) => ids.get(name).map(|x| ref_to(x)),
            None => ids.get(s).cloned(),
        }
    };
    Step {
        request: replace_ids(&step.request, &map),
        reference: step.reference.as_ref().map(|r| ids.get(r).cloned().unwrap_or_else(|| r.clone())),
    }
}

/// The undo change set: inverses last applied first; an id recreated by an earlier undo step
/// (its `ref` is the old id) is named `ref:` in the steps after it.
fn undo_set(
    set: &ChangeSet,
    inverses: Vec<(usize, &'static str, Vec<Step>)>,
    skipped: &[(usize, String)],
) -> ChangeSet {
    let mut defined: Vec<String> = Vec::new();
    let mut operations = Vec::new();
    for (index, operation, steps) in inverses.into_iter().rev() {
        for s in steps {
            let map = |x: &str| defined.iter().find(|d| d.as_str() == x).map(|d| ref_to(d));
            let request = replace_ids(&s.request, &map);
            if let Some(r) = &s.reference {
                defined.push(r.clone());
            }
            operations.push(Change {
                step: Step { request, reference: s.reference },
                inverse: None,
                note: Some(format!("undoes operation {} ({operation})", index + 1)),
            });
        }
    }
    let mut description =
        format!("Undo of: {}", if set.description.is_empty() { "a change set" } else { &set.description });
    for (i, why) in skipped {
        description.push_str(&format!("; operation {} is not undone ({why})", i + 1));
    }
    ChangeSet { description, operations }
}
