//! `orgtui serve`: its options and the command that builds the engine, binds, prints the
//! endpoint and a ready line, and serves until SIGINT or SIGTERM.

use super::failure::Failure;
use crate::serve::{Delays, ServeOptions, ServedOrg, Server};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

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
    /// With :SECRET (given for every --caller), requests must be SigV4-signed with that secret
    /// and other keys are refused.
    #[arg(long = "caller", value_name = "KEY=ACCOUNT_ID[:SECRET]", value_parser = crate::serve::parse_caller_spec)]
    pub callers: Vec<crate::serve::CallerSpec>,
    /// Accept this name in the Host header besides the bound host's own (repeatable; `*`
    /// accepts any). Other hosts are refused, so a web page cannot reach the endpoint.
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<String>,
    /// Connections served at once; more wait until one closes.
    #[arg(long, value_name = "N", default_value_t = 128, value_parser = clap::value_parser!(u32).range(1..=65_536))]
    pub max_connections: u32,
    /// Seconds a connection gets to send a request's headers, and may sit idle between requests.
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub idle_timeout_secs: u64,
    /// Milliseconds a CreateAccount takes to reach SUCCEEDED or FAILED (overrides the snapshot).
    #[arg(long, value_name = "MS")]
    pub create_account_delay_ms: Option<u64>,
    /// Milliseconds a CloseAccount takes to reach the closed state (overrides the snapshot).
    #[arg(long, value_name = "MS")]
    pub close_account_delay_ms: Option<u64>,
}

/// `orgtui serve` on the sample organization or `org` (the live API is refused before this).
pub fn serve(org: Option<PathBuf>, args: ServeArgs) -> Result<(), Failure> {
    let served = match (org, args.empty) {
        (None, false) => ServedOrg::Sample,
        (Some(path), false) => ServedOrg::File(path),
        (path, true) => ServedOrg::Empty(path),
    };
    let delays = Delays {
        create_account_ms: args.create_account_delay_ms,
        close_account_ms: args.close_account_delay_ms,
    };
    let (engine, persist, what) = crate::serve::load_engine(&served, delays).map_err(|e| match e {
        crate::serve::SetupError::Io(m) => Failure::operation(m),
        crate::serve::SetupError::Invalid(m) => Failure::input(m),
    })?;
    let with_secret = args.callers.iter().filter(|c| c.secret.is_some()).count();
    if with_secret > 0 && with_secret < args.callers.len() {
        return Err(Failure::input(
            "--caller: give a :SECRET for every key or for none (with secrets, unsigned keys are refused)",
        ));
    }
    if !crate::serve::net::is_loopback(&args.host) {
        let who = if with_secret > 0 {
            "signatures are checked against the --caller secrets"
        } else {
            "every caller that reaches it acts as the management account (or the account its key is mapped to); signatures are NOT checked — add :SECRET to every --caller to check them"
        };
        eprintln!("orgtui serve: warning: listening on {} (not loopback): {who}", args.host);
    }
    let secrets = args.callers.iter().filter_map(|c| Some((c.key.clone(), c.secret.clone()?))).collect();
    let limits = crate::serve::net::Limits {
        header_timeout: std::time::Duration::from_secs(args.idle_timeout_secs),
        max_connections: args.max_connections as usize,
        ..Default::default()
    };
    let options = ServeOptions {
        host: args.host.clone(),
        port: args.port,
        callers: args.callers.into_iter().map(|c| (c.key, c.account)).collect(),
        persist,
        secrets,
        allow_hosts: args.allow_hosts,
        limits,
        ..ServeOptions::default()
    };
    let runtime = super::aws::runtime()?;
    runtime.block_on(async move {
        let server = Server::bind(engine, options)
            .await
            .map_err(|e| Failure::operation(format!("cannot listen on {}:{}: {e}", args.host, args.port)))?;
        let addr = server.local_addr().map_err(|e| Failure::operation(e.to_string()))?;
        tracing::info!("serve: {what} on http://{addr}");
        println!("orgtui serve: endpoint http://{addr}");
        println!("orgtui serve: serving {what}");
        println!("orgtui serve: ready (Ctrl-C stops)");
        let _ = std::io::stdout().flush();
        server
            .run(crate::serve::shutdown_signal())
            .await
            .map_err(|e| Failure::operation(format!("server failed: {e}")))?;
        tracing::info!("serve: stopped");
        println!("orgtui serve: stopped");
        Ok(())
    })
}
