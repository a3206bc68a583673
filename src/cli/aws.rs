//! The live-backend options of the command line (`--aws`, `--profile`, `--region`,
//! `--endpoint-url`, `--timeout-secs`) and the commands' use of them: connecting (for the
//! live console) and loading the live organization for `export`, `snapshot` and `simulate`.

use super::failure::Failure;
use crate::backend::OrgBackend;
use crate::backend::aws::{self, AwsOptions, ConnectError};
use crate::model::{ErrorCode, OrgError, Timestamp};
use crate::snapshot::LoadedOrg;
use clap::Args;
use std::io::Write;
use std::sync::Arc;

/// Where the live organization is and how to reach it.
#[derive(Debug, Clone, Default, Args)]
pub struct AwsArgs {
    /// Use the live AWS Organizations API (the aws-config default credential chain:
    /// environment, profiles, SSO, role chains, credential_process).
    #[arg(long, global = true, conflicts_with = "org")]
    pub aws: bool,
    /// The named profile to use (implies --aws).
    #[arg(long, value_name = "NAME", global = true)]
    pub profile: Option<String>,
    /// The region to use (implies --aws; Organizations is global, us-east-1 by default).
    #[arg(long, value_name = "REGION", global = true)]
    pub region: Option<String>,
    /// A custom endpoint, e.g. `orgtui serve` or moto (implies --aws; AWS_ENDPOINT_URL and
    /// AWS_ENDPOINT_URL_ORGANIZATIONS are honoured too).
    #[arg(long, value_name = "URL", global = true)]
    pub endpoint_url: Option<String>,
    /// Start the live console with writes armed (otherwise it is read-only until `:arm`).
    #[arg(long, global = true)]
    pub allow_writes: bool,
    /// Longest time one live call may take, retries included.
    #[arg(long, value_name = "SECS", default_value_t = 30, global = true)]
    pub timeout_secs: u64,
}

impl AwsArgs {
    /// Whether the live API was asked for.
    pub fn live(&self) -> bool {
        self.aws || self.profile.is_some() || self.region.is_some() || self.endpoint_url.is_some()
    }

    /// The backend options.
    pub fn options(&self) -> AwsOptions {
        AwsOptions {
            profile: self.profile.clone(),
            region: self.region.clone(),
            endpoint_url: self.endpoint_url.clone(),
            operation_timeout: std::time::Duration::from_secs(self.timeout_secs.max(1)),
            ..AwsOptions::default()
        }
    }
}

/// A runtime for the live calls of one command.
pub fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::operation(format!("cannot start the runtime: {e}")))
}

fn connect_failure(e: ConnectError) -> Failure {
    Failure::input(e.to_string())
}

/// A failed live call: credential problems are usage problems (exit 2) with the explanation.
pub fn call_failure(opts: &AwsOptions, what: &str, e: OrgError) -> Failure {
    if e.code == ErrorCode::Unknown && e.code_str() == "CredentialsError"
        || e.code_str() == "ExpiredTokenException"
        || e.code_str() == "UnrecognizedClientException"
        || e.code_str() == "InvalidClientTokenId"
    {
        return Failure::input(aws::credentials_explanation(opts, &e.to_string()));
    }
    Failure::operation(format!("{what}: {e}"))
}

/// Connects to the live API: the backend and the console header's text.
pub async fn connect(args: &AwsArgs) -> Result<(Arc<dyn OrgBackend>, String), Failure> {
    connect_with_config(args).await.map(|(b, label, _)| (b, label))
}

/// Connects to the live API, also handing back the loaded configuration the other services'
/// clients (CloudTrail) are built from.
pub async fn connect_with_config(
    args: &AwsArgs,
) -> Result<(Arc<dyn OrgBackend>, String, aws_config::SdkConfig), Failure> {
    let (backend, sdk) = aws::live_backend_with_config(&args.options()).await.map_err(connect_failure)?;
    let label = aws::header_label(&backend.kind(), backend.acting_as().as_ref());
    Ok((backend, label, sdk))
}

/// Loads the whole live organization (progress on stderr) as a checked snapshot.
pub fn load(args: &AwsArgs, now: Timestamp) -> Result<LoadedOrg, Failure> {
    let opts = args.options();
    let rt = runtime()?;
    rt.block_on(async {
        let (backend, label) = connect(args).await?;
        let _ = writeln!(std::io::stderr(), "orgtui: loading the organization from {label}");
        let progress = |p: crate::backend::walk::LoadProgress| {
            let total = p.total.map(|t| format!("/{t}")).unwrap_or_default();
            let _ = writeln!(std::io::stderr(), "orgtui: loading {}: {}{total}", p.stage, p.done);
        };
        let snap = backend
            .load_snapshot_with_progress(&progress)
            .await
            .map_err(|e| call_failure(&opts, "loading the organization", e))?;
        let (loaded, notes) = aws::snapshot_file::to_loaded(&snap, backend.acting_as().as_ref(), now)
            .map_err(|e| {
                Failure::operation(format!("the live organization cannot be represented offline: {e}"))
            })?;
        for n in notes {
            let _ = writeln!(std::io::stderr(), "orgtui: note: {n}");
        }
        Ok(loaded)
    })
}

/// The live organization and its Cost Explorer data for `orgtui costs --aws`: the months of
/// `window` (the last twelve when `None`) from the disk cache, fetching only what it lacks
/// (the current month again with `refresh`); the paid requests made go to stderr.
pub fn load_costs(
    args: &AwsArgs,
    metric: &str,
    window: Option<(crate::model::costexplorer::Month, crate::model::costexplorer::Month)>,
    refresh: bool,
) -> Result<(crate::model::OrgSnapshot, Arc<crate::engine::costs::CostData>), Failure> {
    use crate::backend::costs::{CostsService, USD_PER_REQUEST, aws::AwsCosts, cache::CostCache};
    let opts = args.options();
    let rt = runtime()?;
    rt.block_on(async {
        let (backend, label) = connect(args).await?;
        let _ = writeln!(std::io::stderr(), "orgtui: loading the organization from {label}");
        let snap = backend
            .load_snapshot_with_progress(&|_| {})
            .await
            .map_err(|e| call_failure(&opts, "loading the organization", e))?;
        let org = snap.organization.as_ref().map(|o| o.id.to_string()).ok_or_else(|| {
            Failure::operation("the account is in no organization: no consolidated billing")
        })?;
        let ce = AwsCosts::connect(&opts).await.map_err(connect_failure)?;
        let service = CostsService::new(Arc::new(ce), CostCache::default_location());
        let view = service
            .refresh(&org, metric, window, refresh, &|_| {})
            .await
            .map_err(|e| Failure::operation(format!("Cost Explorer: {e}")))?;
        for p in &view.problems {
            let _ = writeln!(std::io::stderr(), "orgtui: {p}");
        }
        let _ = writeln!(
            std::io::stderr(),
            "orgtui: Cost Explorer: {} paid request{} made (USD {:.2})",
            view.requests,
            if view.requests == 1 { "" } else { "s" },
            view.requests as f64 * USD_PER_REQUEST
        );
        Ok((snap, view.data))
    })
}
