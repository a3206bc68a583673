//! `orgtui apply`: plans a change set first (a failing plan is refused), then applies it in
//! order through the backend — the sample in memory, `--org FILE` written back under its lock,
//! or the live API (armed only with `--allow-writes`) — with progress on standard error,
//! journaling every call, and writes the undo change set.

use super::failure::{Failure, emit};
use super::plan::{make_plan, read_changes};
use super::source::OrgSource;
use crate::backend::guard::GuardedBackend;
use crate::backend::journal::Journal;
use crate::backend::{BackendKind, OrgBackend, memory::MemoryBackend};
use crate::changes::apply::{Progress, apply as apply_changes};
use crate::engine::EngineState;
use crate::model::Timestamp;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

fn say(line: String) {
    let _ = writeln!(std::io::stderr(), "orgtui: {line}");
}

/// Where the undo change set goes when `--undo-file` is not given: beside the journal
/// (`undo-TIME.json` in the state directory).
fn default_undo_file(now: Timestamp) -> Option<PathBuf> {
    let stamp: String = now.to_rfc3339().chars().filter(char::is_ascii_alphanumeric).collect();
    crate::paths::state_dir().map(|d| d.join(format!("undo-{stamp}.json")))
}

/// The backend to apply through and its organization now.
fn open(
    source: &OrgSource,
) -> Result<(Arc<dyn OrgBackend>, EngineState, Option<tokio::runtime::Runtime>), Failure> {
    let journal = Journal::default_location();
    if source.aws.live() {
        if !source.aws.allow_writes {
            return Err(Failure::input(
                "apply on the live organization needs --allow-writes (plan it first with `orgtui plan --aws`)",
            ));
        }
        let loaded = super::aws::load(&source.aws, Timestamp::now())?;
        let rt = super::aws::runtime()?;
        let (live, label) = rt.block_on(super::aws::connect(&source.aws))?;
        say(format!("applying to {label}"));
        let guarded: Arc<dyn OrgBackend> = Arc::new(GuardedBackend::new(live, true, journal));
        return Ok((guarded, loaded.state, Some(rt)));
    }
    let backend = match &source.org {
        Some(path) => {
            let (b, _) = MemoryBackend::open_file(path).map_err(|e| Failure::input(e.to_string()))?;
            if let Some(reason) = b.read_only_reason() {
                return Err(Failure::input(format!("{}: {reason}", path.display())));
            }
            b
        }
        None => {
            say("the sample organization is in memory: the changes are not kept".into());
            let engine = crate::snapshot::sample_engine()
                .map_err(|e| Failure::operation(format!("bundled sample: {e}")))?;
            MemoryBackend::new(engine, BackendKind::Sample)
        }
    };
    let state = backend.engine().state().clone();
    Ok((Arc::new(GuardedBackend::new(Arc::new(backend), true, journal)), state, None))
}

/// `orgtui apply`.
pub fn apply(
    source: &OrgSource,
    changes: &str,
    undo_file: Option<&PathBuf>,
    now: Timestamp,
) -> Result<(), Failure> {
    let set = read_changes(changes)?;
    let (backend, state, live_rt) = open(source)?;
    let plan = make_plan(&state, &set, now)?;
    if plan.failures() > 0 {
        let _ = write!(std::io::stderr(), "{}", plan.to_text());
        return Err(Failure::operation(format!(
            "{} operation(s) would fail; nothing was applied",
            plan.failures()
        )));
    }
    let rt = match live_rt {
        Some(rt) => rt,
        None => super::aws::runtime()?,
    };
    let progress = |p: Progress<'_>| match p {
        Progress::Sending { index, total, operation } => say(format!("[{}/{total}] {operation}", index + 1)),
        Progress::Done { .. } => {}
        Progress::Failed { index, error } => say(format!("[{}] failed: {error}", index + 1)),
    };
    let report = rt
        .block_on(apply_changes(backend.as_ref(), &state, &set, now, &progress))
        .map_err(Failure::operation)?;
    if !report.applied.is_empty() {
        let path = undo_file.cloned().or_else(|| default_undo_file(now));
        match path {
            Some(p) => {
                if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir)
                        .map_err(|e| Failure::operation(format!("cannot create {}: {e}", dir.display())))?;
                }
                emit(Some(&p), &report.undo.to_json())?;
                say(format!(
                    "undo change set: {} (orgtui apply --changes {} undoes it)",
                    p.display(),
                    p.display()
                ));
            }
            None => say("no state directory: the undo change set was not written (give --undo-file)".into()),
        }
    }
    for (i, why) in &report.not_undoable {
        say(format!("operation {} cannot be undone: {why}", i + 1));
    }
    let total = set.operations.len();
    match &report.failed {
        None => {
            say(format!("applied {} of {total} operation(s)", report.applied.len()));
            Ok(())
        }
        Some((i, e)) => {
            let done: Vec<String> = report.applied.iter().map(|x| (x + 1).to_string()).collect();
            let not_sent: Vec<String> = (i + 2..=total).map(|x| x.to_string()).collect();
            Err(Failure::operation(format!(
                "operation {} ({}) failed: {e}; applied: [{}]; not sent: [{}]",
                i + 1,
                set.operations[*i].step.request.operation(),
                done.join(", "),
                not_sent.join(", ")
            )))
        }
    }
}
