//! The console (no subcommand): on the sample organization, a snapshot file (written back on
//! every change) or the live API behind the safety guard. It needs a terminal and logs to a
//! file only.

use super::args::Cli;
use super::aws::{AwsArgs, connect_with_config, runtime};
use super::failure::Failure;
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
    let mut console_extras = None;
    let (backend, label) = match &cli.source.org {
        None => {
            let engine =
                snapshot::sample_engine().map_err(|e| Failure::operation(format!("bundled sample: {e}")))?;
            (MemoryBackend::new(engine, BackendKind::Sample), "SAMPLE".to_string())
        }
        Some(path) => {
            let (backend, extras) = MemoryBackend::open_file(path).map_err(open_failure)?;
            console_extras = Some(extras);
            let name = path
                .file_name()
                .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            (backend, format!("FILE {}", crate::model::text::sanitize(&name)))
        }
    };
    let cost_explorer: Arc<dyn crate::backend::costs::CostExplorerBackend> = Arc::new(backend.costs());
    let read_only = backend.read_only_reason();
    if let Some(reason) = &read_only {
        tracing::warn!("console read-only: {reason}");
    }
    let label = if read_only.is_some() { format!("{label} READ-ONLY") } else { label };
    tracing::info!("console start: {label}");
    let cloudtrail: Arc<dyn crate::backend::cloudtrail::CloudTrailBackend> = Arc::new(backend.cloudtrail());
    crate::tui::run(crate::tui::ConsoleOptions {
        cloudtrail: Some(cloudtrail),
        backend: Arc::new(backend),
        source: crate::tui::cx::SessionInfo { label, writable: read_only.is_none(), guarded: false },
        extras: console_extras,
        costs: None,
        notice: read_only,
        cost_explorer: Some(cost_explorer),
    })
    .map_err(Failure::operation)
}

/// The console on the live API. The runtime that built the backend stays alive while the
/// console runs (the SDK's connections belong to it).
fn live_console(args: &AwsArgs) -> Result<(), Failure> {
    let rt = runtime()?;
    let (live, label, sdk) = rt.block_on(connect_with_config(args))?;
    let journal = crate::backend::journal::Journal::default_location();
    let cloudtrail = {
        let _rt = rt.enter();
        crate::backend::cloudtrail::aws::AwsCloudTrail::new(&sdk)
            .with_journal(journal.as_ref().map(|j| j.path().to_path_buf()))
    };
    let journal_at =
        journal.as_ref().map_or_else(|| "nowhere".to_string(), |j| j.path().display().to_string());
    tracing::info!(
        "console start: {label}; writes {}; audit journal {journal_at}",
        if args.allow_writes { "armed" } else { "read-only until :arm" }
    );
    let backend = Arc::new(crate::backend::guard::GuardedBackend::new(live, args.allow_writes, journal));
    let cost_explorer = match rt.block_on(crate::backend::costs::aws::AwsCosts::connect(&args.options())) {
        Ok(c) => Some(Arc::new(c) as Arc<dyn crate::backend::costs::CostExplorerBackend>),
        Err(e) => {
            tracing::warn!("no Cost Explorer: {e}");
            None
        }
    };
    let result = crate::tui::run(crate::tui::ConsoleOptions {
        backend,
        source: crate::tui::cx::SessionInfo { label, writable: args.allow_writes, guarded: true },
        extras: None,
        costs: None,
        notice: None,
        cloudtrail: Some(Arc::new(cloudtrail)),
        cost_explorer,
    })
    .map_err(Failure::operation);
    drop(rt);
    result
}

/// The exit code of a snapshot file that cannot be opened for writing back: a file held by
/// another process or an invalid snapshot is 2, an unreadable one 1.
fn open_failure(e: snapshot::file::OpenError) -> Failure {
    use snapshot::file::OpenError;
    match e {
        OpenError::Locked(m) => Failure::input(m),
        OpenError::Load(snapshot::LoadError::Invalid { .. }) => Failure::input(e.to_string()),
        OpenError::Load(_) | OpenError::Lock(_) => Failure::operation(e.to_string()),
    }
}
