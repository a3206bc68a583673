//! Where the organization a command works on comes from: the bundled sample (default), a
//! snapshot file (`--org`) or the live API (`--aws` and friends).

use super::aws::AwsArgs;
use super::failure::Failure;
use crate::snapshot::{self, LoadedOrg};
use clap::Args;
use std::path::PathBuf;

/// Where the organization comes from: the bundled sample (default), a snapshot file or the
/// live API.
#[derive(Debug, Clone, Args)]
pub struct OrgSource {
    /// An orgtui-snapshot/1 file to open instead of the bundled sample organization.
    #[arg(long, value_name = "FILE", global = true)]
    pub org: Option<PathBuf>,
    #[command(flatten)]
    pub aws: AwsArgs,
}

/// Loads the organization a command works on.
pub fn load_source(source: &OrgSource) -> Result<LoadedOrg, Failure> {
    if source.aws.live() {
        return super::aws::load(&source.aws, crate::model::Timestamp::now());
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
