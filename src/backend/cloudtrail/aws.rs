//! CloudTrail on the live API through `aws-sdk-cloudtrail`: the client is built from the same
//! `aws-config` configuration as the Organizations client (credentials, endpoint override,
//! timeout), with the Region forced to us-east-1 where Organizations events are recorded.
//! Every call goes through one [`Pacer`] at CloudTrail's 2 requests per second, and a
//! throttled call is retried after an adaptive backoff (the SDK's own retries are off, so each
//! HTTP request is one the pacer allowed). Read-only: no guard is needed.

use super::CloudTrailBackend;
use super::pacer::Pacer;
use crate::model::cloudtrail::*;
use crate::model::{OrgError, Timestamp};
use async_trait::async_trait;
use aws_sdk_cloudtrail::primitives::DateTime;
use aws_sdk_cloudtrail::types as sdk;
use std::path::PathBuf;
use std::sync::Mutex;

/// LookupEvents' limit: requests per second per account and Region.
pub const LOOKUP_EVENTS_PER_SECOND: u32 = 2;
/// Throttled attempts of one call before its error is reported.
pub const THROTTLE_RETRIES: u32 = 5;

/// CloudTrail's live API as a `CloudTrailBackend`.
pub struct AwsCloudTrail {
    client: aws_sdk_cloudtrail::Client,
    pacer: Mutex<Pacer>,
    start: tokio::time::Instant,
    journal: Option<PathBuf>,
}

impl AwsCloudTrail {
    /// A client from the configuration the Organizations backend was loaded with.
    pub fn new(sdk: &aws_config::SdkConfig) -> AwsCloudTrail {
        let config = aws_sdk_cloudtrail::config::Builder::from(sdk)
            .region(aws_sdk_cloudtrail::config::Region::new(ORGANIZATIONS_REGION))
            .retry_config(aws_config::retry::RetryConfig::standard().with_max_attempts(1))
            .build();
        AwsCloudTrail {
            client: aws_sdk_cloudtrail::Client::from_conf(config),
            pacer: Mutex::new(Pacer::per_second(LOOKUP_EVENTS_PER_SECOND)),
            start: tokio::time::Instant::now(),
            journal: None,
        }
    }

    /// Shows the audit journal at `path` beside CloudTrail's events.
    pub fn with_journal(mut self, path: Option<PathBuf>) -> AwsCloudTrail {
        self.journal = path;
        self
    }

    fn pacer(&self) -> std::sync::MutexGuard<'_, Pacer> {
        self.pacer.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `call` when the pacer allows, retrying throttled attempts with backoff.
    async fn paced<T, F, Fut>(&self, mut call: F) -> CloudTrailResult<T>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T, OrgError>>,
    {
        let mut attempt = 0;
        loop {
            let wait = self.pacer().reserve(self.start.elapsed());
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
            match call().await {
                Ok(v) => {
                    self.pacer().succeeded();
                    return Ok(v);
                }
                Err(e) if is_throttle(e.code_str()) && attempt < THROTTLE_RETRIES => {
                    attempt += 1;
                    tracing::info!("CloudTrail throttled (attempt {attempt}); slowing down");
                    self.pacer().throttled();
                }
                Err(e) => return Err(CloudTrailError { code: e.code_str().to_string(), message: e.message }),
            }
        }
    }
}

/// Whether an error code means "slow down".
pub fn is_throttle(code: &str) -> bool {
    matches!(code, "ThrottlingException" | "Throttling" | "TooManyRequestsException" | "RequestLimitExceeded")
}

fn time(t: Option<&DateTime>) -> Option<Timestamp> {
    t.and_then(|d| d.to_millis().ok()).map(Timestamp)
}

/// One LookupEvents event in the model's shape; its `CloudTrailEvent` is kept as sent.
pub fn event_from_sdk(e: &sdk::Event) -> Event {
    Event {
        event_id: e.event_id().map(str::to_string),
        event_name: e.event_name().map(str::to_string),
        read_only: e.read_only().map(str::to_string),
        access_key_id: e.access_key_id().map(str::to_string),
        event_time: time(e.event_time()),
        event_source: e.event_source().map(str::to_string),
        username: e.username().map(str::to_string),
        resources: e
            .resources()
            .iter()
            .map(|r| Resource {
                resource_type: r.resource_type().map(str::to_string),
                resource_name: r.resource_name().map(str::to_string),
            })
            .collect(),
        cloud_trail_event: e.cloud_trail_event().map(str::to_string),
    }
}

fn trail_from_sdk(t: &sdk::Trail) -> Trail {
    Trail {
        name: t.name().map(str::to_string),
        s3_bucket_name: t.s3_bucket_name().map(str::to_string),
        s3_key_prefix: t.s3_key_prefix().map(str::to_string),
        include_global_service_events: t.include_global_service_events(),
        is_multi_region_trail: t.is_multi_region_trail(),
        home_region: t.home_region().map(str::to_string),
        trail_arn: t.trail_arn().map(str::to_string),
        log_file_validation_enabled: t.log_file_validation_enabled(),
        kms_key_id: t.kms_key_id().map(str::to_string),
        has_custom_event_selectors: t.has_custom_event_selectors(),
        has_insight_selectors: t.has_insight_selectors(),
        is_organization_trail: t.is_organization_trail(),
    }
}

fn bad_input(e: impl std::fmt::Display) -> OrgError {
    OrgError::unknown("InvalidLookupAttributesException", None, e.to_string())
}

#[async_trait]
impl CloudTrailBackend for AwsCloudTrail {
    async fn describe_trails(&self, req: DescribeTrailsRequest) -> CloudTrailResult<DescribeTrailsResponse> {
        let (this, req) = (self, &req);
        let out = self
            .paced(move || async move {
                this.client
                    .describe_trails()
                    .set_trail_name_list(req.trail_name_list.clone())
                    .set_include_shadow_trails(req.include_shadow_trails)
                    .send()
                    .await
                    .map_err(crate::backend::aws::error::map)
            })
            .await?;
        Ok(DescribeTrailsResponse { trail_list: out.trail_list().iter().map(trail_from_sdk).collect() })
    }

    async fn get_trail_status(&self, req: GetTrailStatusRequest) -> CloudTrailResult<GetTrailStatusResponse> {
        let (this, req) = (self, &req);
        let out = self
            .paced(move || async move {
                this.client
                    .get_trail_status()
                    .name(req.name.clone())
                    .send()
                    .await
                    .map_err(crate::backend::aws::error::map)
            })
            .await?;
        Ok(GetTrailStatusResponse {
            is_logging: out.is_logging(),
            latest_delivery_error: out.latest_delivery_error().map(str::to_string),
            latest_delivery_time: time(out.latest_delivery_time()),
            start_logging_time: time(out.start_logging_time()),
            stop_logging_time: time(out.stop_logging_time()),
            latest_digest_delivery_time: time(out.latest_digest_delivery_time()),
        })
    }

    async fn lookup_events(&self, req: LookupEventsRequest) -> CloudTrailResult<LookupEventsResponse> {
        let (this, req) = (self, &req);
        let out = self
            .paced(move || async move {
                let attrs = req
                    .lookup_attributes
                    .iter()
                    .flatten()
                    .map(|a| {
                        sdk::LookupAttribute::builder()
                            .attribute_key(sdk::LookupAttributeKey::from(a.attribute_key.as_str()))
                            .attribute_value(a.attribute_value.clone())
                            .build()
                            .map_err(bad_input)
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                this.client
                    .lookup_events()
                    .set_lookup_attributes(req.lookup_attributes.as_ref().map(|_| attrs))
                    .set_start_time(req.start_time.map(|t| DateTime::from_millis(t.0)))
                    .set_end_time(req.end_time.map(|t| DateTime::from_millis(t.0)))
                    .set_event_category(req.event_category.as_deref().map(sdk::EventCategory::from))
                    .set_max_results(req.max_results.and_then(|m| i32::try_from(m).ok()))
                    .set_next_token(req.next_token.clone())
                    .send()
                    .await
                    .map_err(crate::backend::aws::error::map)
            })
            .await?;
        Ok(LookupEventsResponse {
            events: out.events().iter().map(event_from_sdk).collect(),
            next_token: out.next_token().map(str::to_string),
        })
    }

    fn lookup_rate(&self) -> Option<f64> {
        Some(self.pacer().rate())
    }

    fn journal(&self) -> Vec<EventRecord> {
        let Some(path) = &self.journal else { return Vec::new() };
        let since = Timestamp(Timestamp::now().0 - LOOKUP_WINDOW_DAYS * crate::model::time::DAY_MS);
        crate::backend::journal::read_events(path, since)
    }
}
