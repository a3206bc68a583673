//! The live backend: every `OrgBackend` operation through `aws-sdk-organizations`, with the
//! `aws-config` default credential chain, adaptive retry, a per-call timeout and a whole-org
//! load through the shared walker with bounded concurrency.
//!
//! `live_backend` is the one place a live backend is built; wrappers (e.g. a safety guard)
//! go around its result.

mod connect;
mod convert;
pub(crate) mod error;
mod ops;
pub mod snapshot_file;
mod stats;

pub use connect::{AwsOptions, ConnectError, credentials_explanation};
pub use stats::CallStats;

use super::{BackendKind, OrgBackend, walk};
use crate::model::*;
use async_trait::async_trait;
use std::sync::Arc;

/// The AWS Organizations API as an `OrgBackend`.
pub struct AwsBackend {
    client: aws_sdk_organizations::Client,
    kind: BackendKind,
    caller: Option<AccountId>,
    concurrency: usize,
    stats: Arc<CallStats>,
    sdk: aws_config::SdkConfig,
}

impl AwsBackend {
    /// Connects: resolves region, endpoint and credentials (failing with an explanation when
    /// there are none) and builds the client.
    pub async fn connect(opts: &AwsOptions) -> Result<AwsBackend, ConnectError> {
        let c = connect::connect(opts).await?;
        Ok(AwsBackend {
            client: c.client,
            kind: BackendKind::Live {
                profile: opts
                    .profile
                    .clone()
                    .or_else(|| std::env::var("AWS_PROFILE").ok().filter(|p| !p.is_empty())),
                region: Some(c.region),
            },
            caller: c.caller,
            concurrency: opts.concurrency.max(1),
            stats: c.stats,
            sdk: c.sdk,
        })
    }

    /// Counts of the calls made so far (by operation, and HTTP attempts including retries).
    pub fn stats(&self) -> Arc<CallStats> {
        self.stats.clone()
    }
}

/// Builds the live backend: the single construction point for `--aws`.
pub async fn live_backend(opts: &AwsOptions) -> Result<Arc<dyn OrgBackend>, ConnectError> {
    Ok(live_backend_with_config(opts).await?.0)
}

/// The live backend and the configuration it was loaded with (same credentials, endpoint
/// override and retry), from which the other services' live clients are built.
pub async fn live_backend_with_config(
    opts: &AwsOptions,
) -> Result<(Arc<dyn OrgBackend>, aws_config::SdkConfig), ConnectError> {
    let b = AwsBackend::connect(opts).await?;
    let sdk = b.sdk.clone();
    Ok((Arc::new(b), sdk))
}

/// The console header's source text for a live backend: `LIVE profile/region · account …`.
pub fn header_label(kind: &BackendKind, caller: Option<&AccountId>) -> String {
    let (profile, region) = match kind {
        BackendKind::Live { profile, region } => (profile.clone(), region.clone()),
        _ => (None, None),
    };
    format!(
        "LIVE {}/{} · account {}",
        crate::model::text::sanitize(profile.as_deref().unwrap_or("default")),
        crate::model::text::sanitize(region.as_deref().unwrap_or("-")),
        caller.map_or("unknown", |a| a.as_str())
    )
}

macro_rules! impl_aws_backend {
    ($(($wire:ident, $method:ident, $req:ident, $resp:ident)),+ $(,)?) => {
        #[async_trait]
        impl OrgBackend for AwsBackend {
            $(
                async fn $method(&self, req: $req) -> OrgResult<$resp> {
                    self.stats.record(stringify!($wire));
                    ops::$method(&self.client, req).await
                }
            )+

            fn kind(&self) -> BackendKind {
                self.kind.clone()
            }

            async fn load_snapshot_with_progress(&self, progress: walk::ProgressSink<'_>) -> OrgResult<OrgSnapshot> {
                walk::load_via_lists(self, self.concurrency, progress).await
            }

            fn acting_as(&self) -> Option<AccountId> {
                self.caller.clone()
            }
        }
    };
}
crate::for_each_operation!(impl_aws_backend);
