//! The clap definitions of the command line (DESIGN.md §4): global options and subcommands.

use super::costs::CostsArgs;
use super::diff::DiffArgs;
use super::serve::ServeArgs;
use super::source::OrgSource;
use crate::snapshot::export::ExportFormat;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// orgtui: a terminal console for AWS Organizations.
#[derive(Debug, Parser)]
#[command(name = "orgtui", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub source: OrgSource,
    /// Where orgtui writes its log (default for the console: orgtui.log in the user's state
    /// directory; other commands log to it only when it is given).
    #[arg(long, value_name = "FILE", global = true)]
    pub log_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
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
    /// Consolidated billing: costs by account, by OU (subtree sums) or by service for a month,
    /// with the month-over-month change (table, CSV or JSON).
    Costs(CostsArgs),
    /// Serve the organization as a local AWS Organizations endpoint (awsJson1_1) for the AWS
    /// CLI and any AWS SDK (tested: boto3, JavaScript v3, Rust). With --org, every change is
    /// saved to the file.
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
    /// Plan a change set (orgtui-changes/1) on a copy of the organization: per operation the
    /// outcome and the inverse, the differences and the blast radius. Exit 1 when any
    /// operation would fail.
    Plan {
        /// The change-set file, or `-` for standard input.
        #[arg(long, value_name = "FILE|-")]
        changes: String,
        /// Print the plan as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Apply a change set in order (planned first; a failing plan is refused), stopping at the
    /// first failure, and write the change set that undoes it.
    Apply {
        /// The change-set file, or `-` for standard input.
        #[arg(long, value_name = "FILE|-")]
        changes: String,
        /// Where to write the undo change set (default: undo-TIME.json in the state directory,
        /// beside the audit journal).
        #[arg(long, value_name = "FILE")]
        undo_file: Option<PathBuf>,
    },
    /// What differs between two organizations (snapshot files, --sample, --org or --aws), as
    /// text or JSON; --emit-changes writes the change set that turns A into B.
    Diff(DiffArgs),
}
