//! The command line (DESIGN.md §4): clap definitions and the commands, one file per command
//! or group. Exit codes: 0 success, 1 a failed operation, 2 invalid input or usage.
//!
//! The files depend on each other in one direction only: `failure` (the leaf) ← `aws` ←
//! `source` ← the commands (`export`, `simulate`, `lint`, `serve`, `console`, `plan` ← `apply`,
//! `diff`) ← `args` (clap)
//! ← this module, which dispatches.

pub mod apply;
pub mod args;
pub mod aws;
pub mod console;
pub mod costs;
pub mod diff;
pub mod export;
pub mod failure;
pub mod lint;
pub mod plan;
pub mod serve;
pub mod simulate;
pub mod source;

pub use args::{Cli, Command};
pub use failure::Failure;
pub use serve::ServeArgs;
pub use source::{OrgSource, load_source};

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    if cli.command.is_none() {
        // The console opens its own log (a file, never the screen) once it has a terminal.
        return console::console(&cli);
    }
    let _log = crate::logging::init_command(cli.log_file.as_deref()).map_err(|e| {
        let path = cli.log_file.as_deref().unwrap_or(std::path::Path::new("")).display();
        Failure::operation(format!("cannot open the log file {path}: {e}"))
    })?;
    let now = crate::model::Timestamp::now();
    let result = match cli.command {
        None => Ok(()),
        Some(Command::Export { format, output }) => export::export(&cli.source, format, output.as_ref(), now),
        Some(Command::Snapshot { output }) => export::save_snapshot(&cli.source, &output, now),
        Some(Command::Generate { accounts, ous, seed, output }) => {
            export::generate(accounts, ous, seed, &output, now)
        }
        Some(Command::Serve(_)) if cli.source.aws.live() => Err(Failure::input(
            "serve works on the sample or --org FILE; to serve a live org, `orgtui snapshot --aws -o FILE` first",
        )),
        Some(Command::Serve(args)) => serve::serve(cli.source.org, args),
        Some(Command::Costs(args)) => costs::costs(&cli.source, &args),
        Some(Command::Simulate { request }) => simulate::simulate(&cli.source, &request, now),
        Some(Command::Lint { policy_type, json, file }) => lint::lint(&policy_type, json, &file),
        Some(Command::Plan { changes, json }) => plan::plan(&cli.source, &changes, json, now),
        Some(Command::Apply { changes, undo_file }) => {
            apply::apply(&cli.source, &changes, undo_file.as_ref(), now)
        }
        Some(Command::Diff(args)) => diff::diff(&cli.source, &args, now),
    };
    if let Err(f) = &result {
        tracing::debug!("command failed (exit {}): {}", f.code, f.message);
    }
    result
}
