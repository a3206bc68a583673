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
    /// Effective-permissions decisions: reads one JSON request or JSON Lines, writes one JSON
    /// result per request (decision and trace), in order.
    Simulate {
        /// The request file, or `-` for standard input.
        #[arg(long, value_name = "FILE|-")]
        request: String,
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
        None => {
            // Until the console lands, the default command prints the tree.
            let org = load_source(&cli.source)?;
            emit(None, &snapshot::export::tree(&org.state))
        }
        Some(Command::Export { format, output }) => {
            let org = load_source(&cli.source)?;
            emit(output.as_ref(), &snapshot::export::render(format, &org.state, &org.extras, now))
        }
        Some(Command::Generate { accounts, ous, seed, output }) => {
            let state = snapshot::generate::generate(accounts, ous, seed)
                .map_err(|e| Failure::input(e.to_string()))?;
            let text = snapshot::to_json(&state, &snapshot::Extras::default(), now);
            emit(Some(&output), &text)?;
            eprintln!("wrote {} accounts and {ous} OUs to {}", accounts, output.display());
            Ok(())
        }
        Some(Command::Simulate { request }) => simulate(&cli.source, &request, now),
    }
}

/// `orgtui simulate`: parse every request first (invalid input → exit 2 naming the line and
/// field), load the organization only when a request names an `account`, then print one JSON
/// result per request.
fn simulate(source: &Source, request: &str, now: crate::model::Timestamp) -> Result<(), Failure> {
    use crate::policy::{OrgPolicies, simulate};
    use std::io::Read;
    let text = if request == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Failure::input(format!("cannot read the request from standard input: {e}")))?;
        s
    } else {
        std::fs::read_to_string(request).map_err(|e| Failure::input(format!("cannot read {request}: {e}")))?
    };
    let requests = simulate::parse_requests(&text).map_err(|e| Failure::input(e.to_string()))?;
    let org = if requests.iter().any(simulate::SimRequest::needs_org) {
        let loaded = load_source(source)?;
        let engine = crate::engine::Engine::from_state(
            loaded.state,
            Box::new(crate::engine::ManualClock::new(now)),
            1,
        )
        .map_err(|e| Failure::input(format!("organization: {}", e.message)))?;
        Some(OrgPolicies::from_snapshot(&engine.to_snapshot()))
    } else {
        None
    };
    let mut out = String::new();
    for r in &requests {
        let result = simulate::run(r, org.as_ref()).map_err(|e| Failure::input(e.to_string()))?;
        out.push_str(&result.to_json());
        out.push('\n');
    }
    emit(None, &out)
}
