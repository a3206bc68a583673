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

/// Where the organization comes from: the bundled sample (default), a snapshot file or the
/// live API.
#[derive(Debug, Clone, Args)]
pub struct Source {
    /// An orgtui-snapshot/1 file to open instead of the bundled sample organization.
    #[arg(long, value_name = "FILE", global = true)]
    pub org: Option<PathBuf>,
    #[command(flatten)]
    pub aws: crate::cli_aws::AwsArgs,
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
    /// Save the organization (typically the live one: --aws) as an orgtui-snapshot/1 file
    /// that `--org FILE` and `simulate` open offline.
    Snapshot {
        /// The file to write (atomically).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
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
    /// Serve the organization as a local AWS Organizations endpoint (awsJson1_1) for the AWS
    /// CLI, boto3, the SDKs and Terraform. With --org, every change is saved to the file.
    Serve(ServeArgs),
    /// Effective-permissions decisions: reads one JSON request or JSON Lines, writes one JSON
    /// result per request (decision and trace), in order.
    Simulate {
        /// The request file, or `-` for standard input.
        #[arg(long, value_name = "FILE|-")]
        request: String,
    },
    /// Lint a policy document: findings (ERROR, SECURITY_WARNING, WARNING, SUGGESTION) with
    /// code, message and line:column. Exit 1 when there is an ERROR.
    Lint {
        /// The policy type (SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY, TAG_POLICY, ...).
        #[arg(long = "type", value_name = "POLICY_TYPE")]
        policy_type: String,
        /// Print the findings as a JSON array.
        #[arg(long)]
        json: bool,
        /// The policy file, or `-` for standard input.
        #[arg(value_name = "FILE|-")]
        file: String,
    },
}

/// Options of `orgtui serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0 picks a free port; the endpoint line shows which).
    #[arg(long, default_value_t = 4567)]
    pub port: u16,
    /// Start with no organization (the management-to-be account 111111111111 stands alone).
    /// With --org FILE, FILE must not exist yet and is written after every change.
    #[arg(long)]
    pub empty: bool,
    /// Map an access key id to a calling account (repeatable). Other keys act as the
    /// management account. An account not in the organization exists as a standalone account.
    #[arg(long = "caller", value_name = "KEY=ACCOUNT_ID", value_parser = crate::serve::parse_caller)]
    pub callers: Vec<(String, crate::model::AccountId)>,
    /// Milliseconds a CreateAccount takes to reach SUCCEEDED or FAILED (overrides the snapshot).
    #[arg(long, value_name = "MS")]
    pub create_account_delay_ms: Option<u64>,
    /// Milliseconds a CloseAccount takes to reach the closed state (overrides the snapshot).
    #[arg(long, value_name = "MS")]
    pub close_account_delay_ms: Option<u64>,
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
    if source.aws.live() {
        return crate::cli_aws::load(&source.aws, now());
    }
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

/// The current time.
fn now() -> crate::model::Timestamp {
    crate::model::Timestamp(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0),
    )
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let now = now();
    match cli.command {
        None => console(&cli),
        Some(Command::Export { format, output }) => {
            let org = load_source(&cli.source)?;
            emit(output.as_ref(), &snapshot::export::render(format, &org.state, &org.extras, now))
        }
        Some(Command::Snapshot { output }) => {
            let org = load_source(&cli.source)?;
            emit(Some(&output), &snapshot::to_json(&org.state, &org.extras, now))?;
            let _ = writeln!(
                std::io::stderr(),
                "wrote {} accounts and {} OUs to {}",
                org.state.accounts.len(),
                org.state.org.as_ref().map_or(0, |o| o.ous.len()),
                output.display()
            );
            Ok(())
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
        Some(Command::Serve(_)) if cli.source.aws.live() => Err(Failure::input(
            "serve works on the sample or --org FILE; to serve a live org, `orgtui snapshot --aws -o FILE` first",
        )),
        Some(Command::Serve(args)) => serve(cli.source.org, args),
        Some(Command::Simulate { request }) => simulate(&cli.source, &request, now),
        Some(Command::Lint { policy_type, json, file }) => lint(&policy_type, json, &file),
    }
}

/// The console on the sample organization or a snapshot file (written back on every change).
fn console(cli: &Cli) -> Result<(), Failure> {
    use crate::backend::{BackendKind, memory::MemoryBackend};
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::input(
            "the console needs a terminal; to print the organization use `orgtui export --format tree`",
        ));
    }
    if let Some(path) = cli.log_file.clone().or_else(crate::tui::log::default_path)
        && let Err(e) = crate::tui::log::init(&path)
    {
        return Err(Failure::operation(format!("cannot open the log file {}: {e}", path.display())));
    }
    if cli.source.aws.live() {
        return crate::cli_aws::console(&cli.source.aws);
    }
    let mut console_extras = None;
    let (backend, source) = match &cli.source.org {
        None => {
            let engine =
                snapshot::sample_engine().map_err(|e| Failure::operation(format!("bundled sample: {e}")))?;
            let label = "SAMPLE".to_string();
            (MemoryBackend::new(engine, BackendKind::Sample), label)
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
    let read_only = backend.read_only_reason();
    if let Some(reason) = &read_only {
        crate::tui::log::line(&format!("console read-only: {reason}"));
    }
    let source = if read_only.is_some() { format!("{source} READ-ONLY") } else { source };
    crate::tui::log::line(&format!("console start: {source}"));
    crate::tui::run(crate::tui::ConsoleOptions {
        backend: std::sync::Arc::new(backend),
        source: crate::tui::cx::SessionInfo { label: source, writable: read_only.is_none(), guarded: false },
        extras: console_extras,
        notice: read_only,
    })
    .map_err(Failure::operation)
}

/// `orgtui serve`: builds the engine, binds, prints the endpoint and a ready line, and serves
/// until SIGINT or SIGTERM.
fn serve(org: Option<PathBuf>, args: ServeArgs) -> Result<(), Failure> {
    use crate::serve::{Delays, ServeOptions, Server, Source};
    let source = match (org, args.empty) {
        (None, false) => Source::Sample,
        (Some(path), false) => Source::File(path),
        (path, true) => Source::Empty(path),
    };
    let delays = Delays {
        create_account_ms: args.create_account_delay_ms,
        close_account_ms: args.close_account_delay_ms,
    };
    let (engine, persist, what) = crate::serve::load_engine(&source, delays).map_err(|e| match e {
        crate::serve::SetupError::Io(m) => Failure::operation(m),
        crate::serve::SetupError::Invalid(m) => Failure::input(m),
    })?;
    let options = ServeOptions {
        host: args.host.clone(),
        port: args.port,
        callers: args.callers,
        persist,
        ..ServeOptions::default()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::operation(format!("cannot start the runtime: {e}")))?;
    runtime.block_on(async move {
        let server = Server::bind(engine, options)
            .await
            .map_err(|e| Failure::operation(format!("cannot listen on {}:{}: {e}", args.host, args.port)))?;
        let addr = server.local_addr().map_err(|e| Failure::operation(e.to_string()))?;
        println!("orgtui serve: endpoint http://{addr}");
        println!("orgtui serve: serving {what}");
        println!("orgtui serve: ready (Ctrl-C stops)");
        let _ = std::io::stdout().flush();
        server
            .run(crate::serve::shutdown_signal())
            .await
            .map_err(|e| Failure::operation(format!("server failed: {e}")))?;
        println!("orgtui serve: stopped");
        Ok(())
    })
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

/// `orgtui lint`: a bad --type is exit 2 listing the valid types; an unreadable file exit 1;
/// findings are printed (text or JSON), and any ERROR finding makes the exit code 1.
fn lint(policy_type: &str, json: bool, file: &str) -> Result<(), Failure> {
    use crate::model::PolicyType;
    use crate::policy::lint;
    use std::io::Read;
    let ty: PolicyType = policy_type.parse().map_err(|_| {
        let valid: Vec<&str> = PolicyType::ALL.iter().map(|t| t.as_str()).collect();
        Failure::input(format!("invalid --type {policy_type:?}; valid types: {}", valid.join(", ")))
    })?;
    let text = if file == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Failure::operation(format!("cannot read the policy from standard input: {e}")))?;
        s
    } else {
        std::fs::read_to_string(file).map_err(|e| Failure::operation(format!("cannot read {file}: {e}")))?
    };
    let findings = lint::lint(ty, &text);
    let out = if json {
        lint::findings_to_json(&findings)
    } else {
        let mut out = String::new();
        for f in &findings {
            out.push_str(&crate::model::text::sanitize(&f.to_string()));
            out.push('\n');
        }
        let count = |s: lint::Severity| findings.iter().filter(|f| f.severity == s).count();
        out.push_str(&format!(
            "{} finding(s): {} error, {} security warning, {} warning, {} suggestion\n",
            findings.len(),
            count(lint::Severity::Error),
            count(lint::Severity::SecurityWarning),
            count(lint::Severity::Warning),
            count(lint::Severity::Suggestion),
        ));
        out
    };
    emit(None, &out)?;
    if lint::has_error(&findings) {
        return Err(Failure::operation(format!(
            "{} has {} error(s)",
            if file == "-" { "the policy" } else { file },
            findings.iter().filter(|f| f.severity == lint::Severity::Error).count()
        )));
    }
    Ok(())
}
