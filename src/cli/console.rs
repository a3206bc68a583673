//! The console (no subcommand): on the sample organization, a snapshot file (written back on
//! every change) or the live API behind the safety guard. It needs a terminal and logs to a
//! file only.

use super::args::Cli;
use super::aws::{AwsArgs, connect, runtime};
use super::failure::Failure;
use super::source::load_source;
use crate::snapshot;
use std::sync::Arc;

/// Checks for a terminal, opens the log, and runs the console on the chosen organization.
pub fn console(cli: &Cli) -> Result<(), Failure> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::input(
            "the console needs a terminal; to print the organization use `orgtui export --format tree`",
        ));
    }
    let _log =
        match cli.log_file.clone().or_else(crate::paths::default_log_file) {
            Some(path) => Some(crate::logging::init_console(&path).map_err(|e| {
                Failure::operation(format!("cannot open the log file {}: {e}", path.display()))
            })?),
            None => None,
        };
    if cli.source.aws.live() {
        return live_console(&cli.source.aws);
    }
    offline_console(cli)
}

/// The console on the sample organization or a snapshot file.
fn offline_console(cli: &Cli) -> Result<(), Failure> {
    use crate::backend::{BackendKind, memory::MemoryBackend};
    use crate::engine::{Engine, SystemClock};
    let mut console_extras = None;
    let (backend, label) = match &cli.source.org {
        None => {
            let engine =
                snapshot::sample_engine().map_err(|e| Failure::operation(format!("bundled sample: {e}")))?;
            (MemoryBackend::new(engine, BackendKind::Sample), "SAMPLE".to_string())
        }
        Some(path) => {
            let org = load_source(&cli.source)?;
            let engine = Engine::from_state(org.state, Box::new(SystemClock), 1)
                .map_err(|e| Failure::input(format!("{}: {}", path.display(), e.message)))?;
            let name = path
                .file_name()
                .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            let (save_path, extras) = (path.clone(), org.extras.clone());
            console_extras = Some(org.extras);
            let hook = Box::new(move |e: &Engine| {
                let text = snapshot::to_json(e.state(), &extras, e.now());
                snapshot::save_atomic(&save_path, &text)
                    .map_err(|err| format!("saving {}: {err}", save_path.display()))
            });
            let label = format!("FILE {}", crate::model::text::sanitize(&name));
            (
                MemoryBackend::new(engine, BackendKind::File(path.display().to_string()))
                    .with_after_change(hook),
                label,
            )
        }
    };
    tracing::info!("console start: {label}");
    crate::tui::run(crate::tui::ConsoleOptions {
        backend: Arc::new(backend),
        source: crate::tui::app::Source { label, writable: true, guarded: false },
        extras: console_extras,
    })
    .map_err(Failure::operation)
}

/// The console on the live API. The runtime that built the backend stays alive while the
/// console runs (the SDK's connections belong to it).
fn live_console(args: &AwsArgs) -> Result<(), Failure> {
    let rt = runtime()?;
    let (live, label) = rt.block_on(connect(args))?;
    let journal = crate::backend::journal::Journal::default_location();
    let journal_at =
        journal.as_ref().map_or_else(|| "nowhere".to_string(), |j| j.path().display().to_string());
    tracing::info!(
        "console start: {label}; writes {}; audit journal {journal_at}",
        if args.allow_writes { "armed" } else { "read-only until :arm" }
    );
    let backend = Arc::new(crate::backend::guard::GuardedBackend::new(live, args.allow_writes, journal));
    let result = crate::tui::run(crate::tui::ConsoleOptions {
        backend,
        source: crate::tui::app::Source { label, writable: args.allow_writes, guarded: true },
        extras: None,
    })
    .map_err(Failure::operation);
    drop(rt);
    result
}
