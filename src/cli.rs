//! The command line (DESIGN.md §4): clap definitions and the commands that need no terminal.
//! Exit codes: 0 success, 1 a failed operation, 2 invalid input or usage.

use crate::snapshot::{self, LoadedOrg, export::ExportFormat};
use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

/// orgtui: a terminal console for AWS Organizations.
#[derive(Debug, Parser)]
#[command(name = "orgtui", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub source: Source,
    /// Where the console writes its log (default: orgtui.log in the user's state directory).
    #[arg(long, value_name = "FILE", global = true)]
    pub log_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Where the organization comes from: the bundled sample (default) or a snapshot file.
#[derive(Debug, Clone, Args)]
pub struct Source {
    /// An orgtui-snapshot/1 file to open instead of the bundled sample organization.
    #[arg(long, value_name = "FILE", global = true)]
    pub org: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the organization (tree, JSON snapshot, Mermaid, DOT or CSV).
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value = "tree")]
        format: ExportFormat,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Generate a large synthetic organization as a snapshot file (for benchmarks and demos).
    Generate {
        /// Number of accounts, the management account included.
        #[arg(long, default_value_t = 1000)]
        accounts: usize,
        /// Number of OUs.
        #[arg(long, default_value_t = 100)]
        ous: usize,
        /// Seed: the same seed gives the same organization.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output file.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

/// A command's failure with its exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// Invalid input or usage (exit 2).
    pub fn input(message: impl Into<String>) -> Self {
        Failure { code: 2, message: message.into() }
    }
    /// A failed operation (exit 1).
    pub fn operation(message: impl Into<String>) -> Self {
        Failure { code: 1, message: message.into() }
    }
}

/// Loads the organization a command works on.
pub fn load_source(source: &Source) -> Result<LoadedOrg, Failure> {
    match &source.org {
        Some(path) => snapshot::load_file(path).map_err(|e| match e {
            snapshot::LoadError::Io { .. } => Failure::operation(e.to_string()),
            snapshot::LoadError::Invalid { .. } => Failure::input(e.to_string()),
        }),
        None => {
            snapshot::sample().map_err(|e| Failure::operation(format!("bundled sample organization: {e}")))
        }
    }
}

/// Writes command output to a file (atomically) or standard output.
fn emit(output: Option<&PathBuf>, text: &str) -> Result<(), Failure> {
    match output {
        Some(path) => snapshot::save_atomic(path, text)
            .map_err(|e| Failure::operation(format!("cannot write {}: {e}", path.display()))),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                // A closed pipe (`| head`) is not an error worth reporting.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(Failure::operation(format!("cannot write output: {e}")))
                }
                _ => Ok(()),
            }
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let now = crate::model::Timestamp(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0),
    );
    match cli.command {
        None => console(&cli),
        Some(Command::Export { format, output }) => {
            let org = load_source(&cli.source)?;
            emit(output.as_ref(), &snapshot::export::render(format, &org.state, &org.extras, now))
        }
        Some(Command::Generate { accounts, ous, seed, output }) => {
            let state = snapshot::generate::generate(accounts, ous, seed)
                .map_err(|e| Failure::input(e.to_string()))?;
            let text = snapshot::to_json(&state, &snapshot::Extras::default(), now);
            emit(Some(&output), &text)?;
            let _ = writeln!(
                std::io::stderr(),
                "wrote {accounts} accounts and {ous} OUs to {}",
                output.display()
            );
            Ok(())
        }
    }
}

/// The console on the sample organization or a snapshot file (written back on every change).
fn console(cli: &Cli) -> Result<(), Failure> {
    use crate::backend::{BackendKind, memory::MemoryBackend};
    use crate::engine::{Engine, SystemClock};
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::input(
            "the console needs a terminal; to print the organization use `orgtui export --format tree`",
        ));
    }
    if let Some(path) = cli.log_file.clone().or_else(crate::tui::log::default_path) {
        if let Err(e) = crate::tui::log::init(&path) {
            return Err(Failure::operation(format!("cannot open the log file {}: {e}", path.display())));
        }
    }
    let (backend, source) = match &cli.source.org {
        None => {
            let engine =
                snapshot::sample_engine().map_err(|e| Failure::operation(format!("bundled sample: {e}")))?;
            let label = "SAMPLE".to_string();
            (MemoryBackend::new(engine, BackendKind::Sample), label)
        }
        Some(path) => {
            let org = load_source(&cli.source)?;
            let engine = Engine::from_state(org.state, Box::new(SystemClock), 1)
                .map_err(|e| Failure::input(format!("{}: {}", path.display(), e.message)))?;
            let name = path
                .file_name()
                .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            let (save_path, extras) = (path.clone(), org.extras);
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
    crate::tui::log::line(&format!("console start: {source}"));
    crate::tui::run(crate::tui::ConsoleOptions {
        backend: std::sync::Arc::new(backend),
        source: crate::tui::app::Source { label: source, writable: true },
    })
    .map_err(Failure::operation)
}
