//! Cost Explorer on the live service through `aws-sdk-costexplorer`. The client comes from the
//! same `aws-config` settings as the live Organizations backend (profile, credentials chain,
//! `--endpoint-url`, retries, timeout), in us-east-1, where Cost Explorer lives. Every
//! request is billed (USD 0.01), so the backend says so (`paid`) and the console and
//! `orgtui costs` only reach it through the cache (`CostsService`).

use super::{CostExplorerBackend, CostPages, CostQuery, paginate};
use crate::backend::aws::{AwsOptions, ConnectError};
use crate::model::costexplorer as ce;
use crate::model::costexplorer::{CeError, CeErrorCode, CeResult, Month};
use async_trait::async_trait;
use aws_config::BehaviorVersion;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_sdk_costexplorer::config::{Credentials, Region};
use aws_sdk_costexplorer::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_costexplorer::types::{DateInterval, Granularity, GroupDefinition, GroupDefinitionType};

/// The Region Cost Explorer answers in.
pub const COST_EXPLORER_REGION: &str = "us-east-1";

/// The live Cost Explorer.
pub struct AwsCosts {
    client: aws_sdk_costexplorer::Client,
    /// The current month when pinned (tests against an endpoint with its own clock).
    now: Option<Month>,
}

impl AwsCosts {
    /// A client from the same settings as the live Organizations backend, in us-east-1
    /// (`AWS_ENDPOINT_URL_COST_EXPLORER` is honoured by the SDK too).
    pub async fn connect(opts: &AwsOptions) -> Result<AwsCosts, ConnectError> {
        if let Some(url) = &opts.endpoint_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err(ConnectError::Invalid(format!(
                "--endpoint-url {url:?} must start with http:// or https://"
            )));
        }
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .retry_config(RetryConfig::adaptive().with_max_attempts(opts.max_attempts.max(1)))
            .timeout_config(TimeoutConfig::builder().operation_timeout(opts.operation_timeout).build())
            .region(Region::new(COST_EXPLORER_REGION));
        if let Some(p) = &opts.profile {
            loader = loader.profile_name(p);
        }
        if let Some(u) = &opts.endpoint_url {
            loader = loader.endpoint_url(u);
        }
        if let Some((key, secret)) = &opts.static_credentials {
            loader = loader.credentials_provider(Credentials::new(key, secret, None, None, "orgtui-static"));
        }
        let sdk = loader.load().await;
        let config = aws_sdk_costexplorer::config::Builder::from(&sdk)
            .region(Region::new(COST_EXPLORER_REGION))
            .build();
        Ok(AwsCosts { client: aws_sdk_costexplorer::Client::from_conf(config), now: None })
    }

    /// Treats `m` as the current month instead of the calendar's (an endpoint whose data ends
    /// elsewhere, such as `orgtui serve` on a snapshot).
    pub fn with_current_month(mut self, m: Month) -> Self {
        self.now = Some(m);
        self
    }

    async fn page(&self, req: ce::GetCostAndUsageRequest) -> CeResult<ce::GetCostAndUsageResponse> {
        let period = req.time_period.unwrap_or_default();
        let interval = DateInterval::builder()
            .start(period.start)
            .end(period.end)
            .build()
            .map_err(|e| CeError::validation(e.to_string()))?;
        let mut call = self
            .client
            .get_cost_and_usage()
            .time_period(interval)
            .granularity(Granularity::Monthly)
            .set_metrics(Some(req.metrics))
            .set_next_page_token(req.next_page_token);
        for g in &req.group_by {
            call = call.group_by(
                GroupDefinition::builder()
                    .r#type(GroupDefinitionType::Dimension)
                    .set_key(g.key.clone())
                    .build(),
            );
        }
        let out = call.send().await.map_err(map_error)?;
        let metrics =
            |m: Option<&std::collections::HashMap<String, aws_sdk_costexplorer::types::MetricValue>>| {
                m.into_iter()
                    .flatten()
                    .map(|(k, v)| {
                        let value = ce::MetricValue {
                            amount: v.amount().unwrap_or("0").to_string(),
                            unit: v.unit().unwrap_or("").to_string(),
                        };
                        (k.clone(), value)
                    })
                    .collect()
            };
        Ok(ce::GetCostAndUsageResponse {
            next_page_token: out.next_page_token().map(str::to_string),
            results_by_time: out
                .results_by_time()
                .iter()
                .map(|r| ce::ResultByTime {
                    time_period: ce::DateInterval {
                        start: r.time_period().map_or("", |p| p.start()).to_string(),
                        end: r.time_period().map_or("", |p| p.end()).to_string(),
                    },
                    total: metrics(r.total()),
                    groups: r
                        .groups()
                        .iter()
                        .map(|g| ce::Group { keys: g.keys().to_vec(), metrics: metrics(g.metrics()) })
                        .collect(),
                    estimated: r.estimated(),
                })
                .collect(),
            ..ce::GetCostAndUsageResponse::default()
        })
    }
}

/// An SDK failure as the service's exception (or `ServiceUnavailable` with what happened).
fn map_error<E>(e: SdkError<E, aws_sdk_costexplorer::config::http::HttpResponse>) -> CeError
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    match &e {
        SdkError::ServiceError(ctx) => {
            let err = ctx.err();
            let code = err.code().unwrap_or("ServiceUnavailable");
            let code = code.rsplit('#').next().unwrap_or(code);
            let mut out = CeError::new(CeErrorCode::parse(code), err.message().unwrap_or_default());
            if out.code == CeErrorCode::ServiceUnavailable {
                out.message = format!("{code}: {}", out.message);
            }
            out
        }
        SdkError::TimeoutError(_) => CeError::new(
            CeErrorCode::ServiceUnavailable,
            "Cost Explorer did not answer within the operation timeout (see --timeout-secs).",
        ),
        _ => {
            let mut text = DisplayErrorContext(&e).to_string();
            if text.chars().count() > 400 {
                text = text.chars().take(400).collect::<String>() + "…";
            }
            CeError::new(
                CeErrorCode::ServiceUnavailable,
                format!("Cost Explorer could not be reached: {text}"),
            )
        }
    }
}

#[async_trait]
impl CostExplorerBackend for AwsCosts {
    async fn monthly_costs(
        &self,
        q: &CostQuery,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> CeResult<CostPages> {
        let page = |req| Box::pin(self.page(req)) as futures_util::future::BoxFuture<'_, _>;
        paginate(q, progress, &page).await
    }

    fn paid(&self) -> bool {
        true
    }

    fn current_month(&self) -> Month {
        self.now.unwrap_or_else(|| Month::of_timestamp(crate::model::Timestamp::now()))
    }
}
