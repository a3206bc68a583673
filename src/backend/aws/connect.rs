//! Connecting to the live API: the `aws-config` default chain (environment, profiles, SSO,
//! role chains, `credential_process`, web identity, container and instance metadata),
//! `--profile`/`--region`/`--endpoint-url` (the `AWS_ENDPOINT_URL*` variables are read by
//! `aws-config` itself), adaptive retry and a per-call timeout. Credentials are resolved once
//! up front, so a missing or expired one is explained before the console starts.

use super::stats::{AttemptCounter, CallStats, RequestIdRecorder};
use crate::model::AccountId;
use aws_config::BehaviorVersion;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_sdk_organizations::config::{Credentials, ProvideCredentials, Region};
use std::sync::Arc;
use std::time::Duration;

/// How to reach the live API.
#[derive(Debug, Clone)]
pub struct AwsOptions {
    /// A named profile (else `AWS_PROFILE`, else `default`).
    pub profile: Option<String>,
    /// A region (else the profile's or the environment's; Organizations is global, so
    /// `us-east-1` when none is set).
    pub region: Option<String>,
    /// A custom endpoint (e.g. `orgtui serve` or moto).
    pub endpoint_url: Option<String>,
    /// Longest time one operation may take, retries included.
    pub operation_timeout: Duration,
    /// Attempts per call (adaptive retry on throttling); 1 disables retries.
    pub max_attempts: u32,
    /// Calls in flight at once when loading the whole organization.
    pub concurrency: usize,
    /// Fixed credentials (access key id, secret) instead of the default chain (tests).
    pub static_credentials: Option<(String, String)>,
}

impl Default for AwsOptions {
    fn default() -> Self {
        AwsOptions {
            profile: None,
            region: None,
            endpoint_url: None,
            operation_timeout: Duration::from_secs(30),
            max_attempts: 5,
            concurrency: super::super::LOAD_CONCURRENCY,
            static_credentials: None,
        }
    }
}

/// Why the live backend could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// No usable credentials: the text explains what was tried and what to do.
    #[error("{0}")]
    Credentials(String),
    /// A bad option (endpoint URL, …).
    #[error("{0}")]
    Invalid(String),
}

pub(super) struct Connected {
    pub client: aws_sdk_organizations::Client,
    pub region: String,
    pub caller: Option<AccountId>,
    pub stats: Arc<CallStats>,
    /// The loaded configuration (credentials, endpoint, retry), for other services' clients.
    pub sdk: aws_config::SdkConfig,
}

pub(super) async fn connect(opts: &AwsOptions) -> Result<Connected, ConnectError> {
    if let Some(url) = &opts.endpoint_url
        && !(url.starts_with("http://") || url.starts_with("https://"))
    {
        return Err(ConnectError::Invalid(format!(
            "--endpoint-url {url:?} must start with http:// or https://"
        )));
    }
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .retry_config(RetryConfig::adaptive().with_max_attempts(opts.max_attempts.max(1)))
        .timeout_config(TimeoutConfig::builder().operation_timeout(opts.operation_timeout).build());
    if let Some(p) = &opts.profile {
        loader = loader.profile_name(p);
    }
    if let Some(r) = &opts.region {
        loader = loader.region(Region::new(r.clone()));
    }
    if let Some(u) = &opts.endpoint_url {
        loader = loader.endpoint_url(u);
    }
    if let Some((key, secret)) = &opts.static_credentials {
        loader = loader.credentials_provider(Credentials::new(key, secret, None, None, "orgtui-static"));
    }
    let sdk = loader.load().await;
    let region = sdk.region().map_or_else(|| "us-east-1".to_string(), |r| r.to_string());
    let provider = sdk
        .credentials_provider()
        .ok_or_else(|| ConnectError::Credentials(credentials_explanation(opts, "no credential provider")))?;
    let creds = provider
        .provide_credentials()
        .await
        .map_err(|e| ConnectError::Credentials(credentials_explanation(opts, &error_chain(&e))))?;
    if let Some(expiry) = creds.expiry()
        && expiry <= std::time::SystemTime::now()
    {
        return Err(ConnectError::Credentials(credentials_explanation(opts, "the credentials have expired")));
    }
    let caller = creds.account_id().and_then(|a| AccountId::parse(a.as_str()).ok());
    let stats = Arc::new(CallStats::default());
    let config = aws_sdk_organizations::config::Builder::from(&sdk)
        .region(Region::new(region.clone()))
        .interceptor(AttemptCounter(stats.clone()))
        .interceptor(RequestIdRecorder)
        .build();
    Ok(Connected { client: aws_sdk_organizations::Client::from_conf(config), region, caller, stats, sdk })
}

/// An error and its causes in words (no debug dumps), shortened to fit the screen.
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    let mut out = parts.join(": ");
    if out.chars().count() > 400 {
        out = out.chars().take(400).collect::<String>() + "…";
    }
    out
}

/// The one-screen explanation of a missing or expired credential: what the default chain
/// tried, what the SDK said, and what to do. Never contains a secret.
pub fn credentials_explanation(opts: &AwsOptions, detail: &str) -> String {
    let env = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    let profile = opts
        .profile
        .clone()
        .or_else(|| std::env::var("AWS_PROFILE").ok().filter(|p| !p.is_empty()))
        .unwrap_or_else(|| "default".to_string());
    let set = |b: bool| if b { "set" } else { "not set" };
    let detail = crate::model::text::sanitize(detail);
    format!(
        "no usable AWS credentials.\n\
         \n\
         Tried, in order (the AWS SDK default chain):\n\
         \x20 1. environment: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY ({}), AWS_SESSION_TOKEN ({})\n\
         \x20 2. profile \"{profile}\"{} in ~/.aws/config and ~/.aws/credentials:\n\
         \x20    static keys, IAM Identity Center (SSO), role chains (role_arn + source_profile),\n\
         \x20    credential_process\n\
         \x20 3. web identity token (AWS_WEB_IDENTITY_TOKEN_FILE: {}), container and instance metadata\n\
         \n\
         The SDK said: {detail}\n\
         \n\
         What to do:\n\
         \x20 - if the profile uses IAM Identity Center (SSO), sign in again:\n\
         \x20     aws sso login --profile {profile}\n\
         \x20 - or choose another profile with --profile NAME (see `aws configure list-profiles`)\n\
         \x20 - or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY for this shell\n",
        set(env("AWS_ACCESS_KEY_ID") && env("AWS_SECRET_ACCESS_KEY")),
        set(env("AWS_SESSION_TOKEN")),
        if opts.profile.is_some() {
            " (--profile)"
        } else if env("AWS_PROFILE") {
            " (AWS_PROFILE)"
        } else {
            ""
        },
        set(env("AWS_WEB_IDENTITY_TOKEN_FILE")),
    )
}
