//! CloudTrail as the service names it: the management-event record, trails and their status,
//! the `LookupEvents`/`DescribeTrails`/`GetTrailStatus` inputs and outputs in the API's member
//! names, the service's errors, and its operation list (`for_each_cloudtrail_operation!`).
//! `docs/reference/cloudtrail.md` is the specification.

use super::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Calls `$m!` with one `(WireName, method_name, Request, Response)` tuple per CloudTrail
/// operation, so the backend trait, both implementations and `serve` come from one list.
#[macro_export]
macro_rules! for_each_cloudtrail_operation {
    ($m:ident) => {
        $m! {
            (DescribeTrails, describe_trails, DescribeTrailsRequest, DescribeTrailsResponse),
            (GetTrailStatus, get_trail_status, GetTrailStatusRequest, GetTrailStatusResponse),
            (LookupEvents, lookup_events, LookupEventsRequest, LookupEventsResponse),
        }
    };
}

/// The `X-Amz-Target` prefix of CloudTrail operations.
pub const CLOUDTRAIL_TARGET_PREFIX: &str = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
/// The short `X-Amz-Target` prefix the AWS SDKs for Rust and Go send (the AWS CLI sends the
/// long one).
pub const CLOUDTRAIL_SHORT_TARGET_PREFIX: &str = "CloudTrail_20131101.";

/// The CloudTrail operation an `X-Amz-Target` names, in either spelling.
pub fn cloudtrail_operation(target: &str) -> Option<&str> {
    let t = target.trim();
    t.strip_prefix(CLOUDTRAIL_TARGET_PREFIX).or_else(|| t.strip_prefix(CLOUDTRAIL_SHORT_TARGET_PREFIX))
}

/// The event source of every Organizations call.
pub const ORGANIZATIONS_EVENT_SOURCE: &str = "organizations.amazonaws.com";
/// The record version written (the current one).
pub const EVENT_VERSION: &str = "1.11";
/// The Region Organizations events are recorded in.
pub const ORGANIZATIONS_REGION: &str = "us-east-1";
/// How far back LookupEvents sees (days).
pub const LOOKUP_WINDOW_DAYS: i64 = 90;

/// ISO-8601 times inside event records (`2017-01-18T21:40:11Z`), unlike the API's epoch seconds.
pub mod iso_time {
    use super::Timestamp;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `2017-01-18T21:40:11Z`.
    pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.to_rfc3339())
    }

    /// Reads an RFC 3339 UTC time.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let s = String::deserialize(d)?;
        Timestamp::parse_rfc3339(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("{s:?} is not an RFC 3339 UTC time")))
    }
}

/// Who made a call, as a record's `userIdentity`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserIdentity {
    /// `IAMUser`, `AssumedRole`, `Root`, `AWSService`, …
    #[serde(rename = "type", default)]
    pub kind: String,
    // Calls by AWS services carry no principal, ARN or account: read as empty.
    #[serde(default)]
    pub principal_id: String,
    #[serde(default)]
    pub arn: String,
    #[serde(default)]
    pub account_id: String,
    pub access_key_id: Option<String>,
    pub user_name: Option<String>,
    /// `sessionContext` of assumed roles, kept as given.
    pub session_context: Option<Value>,
    /// The service that made the call on the principal's behalf.
    pub invoked_by: Option<String>,
}

impl UserIdentity {
    /// The name LookupEvents reports as `Username`: the user name, else the role session name.
    pub fn username(&self) -> &str {
        if let Some(u) = &self.user_name {
            return u;
        }
        if self.arn.is_empty() {
            return self.invoked_by.as_deref().unwrap_or(&self.kind);
        }
        self.arn.rsplit('/').next().unwrap_or(&self.arn)
    }
}

/// One management event: the CloudTrail record of one API call (record format 1.11). Only
/// the time, source and name are required when reading: records of service calls and of
/// older versions lack some members, which read as empty.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventRecord {
    #[serde(default)]
    pub event_version: String,
    #[serde(default)]
    pub user_identity: UserIdentity,
    #[serde(with = "iso_time")]
    pub event_time: Timestamp,
    pub event_source: String,
    pub event_name: String,
    #[serde(default)]
    pub aws_region: String,
    #[serde(rename = "sourceIPAddress", default)]
    pub source_ip_address: String,
    pub user_agent: Option<String>,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    /// The call's parameters in lower camel case (`null` when it took none).
    #[serde(default)]
    #[serialize_always]
    pub request_parameters: Option<Value>,
    /// What a successful change returned (`null` for failures and empty answers).
    #[serde(default)]
    #[serialize_always]
    pub response_elements: Option<Value>,
    #[serde(rename = "requestID", default)]
    pub request_id: String,
    #[serde(rename = "eventID", default)]
    pub event_id: String,
    #[serde(default)]
    pub read_only: bool,
    #[serde(default)]
    pub event_type: String,
    #[serde(default)]
    pub management_event: bool,
    #[serde(default)]
    pub recipient_account_id: String,
    #[serde(default)]
    pub event_category: String,
}

impl EventRecord {
    /// The record as CloudTrail delivers it (LookupEvents' `CloudTrailEvent`).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Whether the call failed.
    pub fn failed(&self) -> bool {
        self.error_code.is_some()
    }

    /// The resources the call names (`ResourceType`, `ResourceName`), from its parameters and
    /// answer: accounts, OUs, roots, policies, handshakes.
    pub fn resources(&self) -> Vec<Resource> {
        let mut out: Vec<Resource> = Vec::new();
        let mut add = |name: &str| {
            let Some(kind) = resource_type(name) else { return };
            if !out.iter().any(|r| r.resource_name.as_deref() == Some(name)) {
                out.push(Resource { resource_type: Some(kind.into()), resource_name: Some(name.into()) });
            }
        };
        for v in [&self.request_parameters, &self.response_elements].into_iter().flatten() {
            collect_ids(v, &mut add, 0);
        }
        out
    }
}

fn collect_ids(v: &Value, add: &mut impl FnMut(&str), depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                match v {
                    Value::String(s) if k == "id" || k.ends_with("Id") => add(s),
                    _ => collect_ids(v, add, depth + 1),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|v| collect_ids(v, add, depth + 1)),
        _ => {}
    }
}

/// The CloudTrail resource type of an Organizations id, by its shape.
pub fn resource_type(id: &str) -> Option<&'static str> {
    if id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()) {
        Some("AWS::Organizations::Account")
    } else if id.starts_with("ou-") {
        Some("AWS::Organizations::OrganizationalUnit")
    } else if id.starts_with("r-") {
        Some("AWS::Organizations::Root")
    } else if id.starts_with("p-") {
        Some("AWS::Organizations::Policy")
    } else if id.starts_with("h-") {
        Some("AWS::Organizations::Handshake")
    } else if id.starts_with("o-") {
        Some("AWS::Organizations::Organization")
    } else {
        None
    }
}

/// A resource an event names.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Resource {
    pub resource_type: Option<String>,
    pub resource_name: Option<String>,
}

/// One event as LookupEvents returns it.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Event {
    pub event_id: Option<String>,
    pub event_name: Option<String>,
    /// `"true"` or `"false"`.
    pub read_only: Option<String>,
    pub access_key_id: Option<String>,
    pub event_time: Option<Timestamp>,
    pub event_source: Option<String>,
    pub username: Option<String>,
    #[serde(default)]
    pub resources: Vec<Resource>,
    /// The whole record as a JSON string.
    pub cloud_trail_event: Option<String>,
}

impl Event {
    /// The LookupEvents form of a stored record.
    pub fn from_record(r: &EventRecord) -> Event {
        Event {
            event_id: Some(r.event_id.clone()),
            event_name: Some(r.event_name.clone()),
            read_only: Some(r.read_only.to_string()),
            access_key_id: r.user_identity.access_key_id.clone(),
            event_time: Some(r.event_time),
            event_source: Some(r.event_source.clone()),
            username: Some(r.user_identity.username().to_string()),
            resources: r.resources(),
            cloud_trail_event: Some(r.to_json()),
        }
    }

    /// The stored record back from `CloudTrailEvent` (what the live backend and the console read).
    pub fn record(&self) -> Option<EventRecord> {
        serde_json::from_str(self.cloud_trail_event.as_deref()?).ok()
    }
}

/// One LookupEvents filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LookupAttribute {
    /// `EventId`, `EventName`, `ReadOnly`, `Username`, `ResourceType`, `ResourceName`,
    /// `EventSource` or `AccessKeyId`.
    pub attribute_key: String,
    pub attribute_value: String,
}

/// The LookupAttribute keys the API accepts.
pub const LOOKUP_ATTRIBUTE_KEYS: &[&str] = &[
    "EventId",
    "EventName",
    "ReadOnly",
    "Username",
    "ResourceType",
    "ResourceName",
    "EventSource",
    "AccessKeyId",
];

/// `LookupEvents` input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LookupEventsRequest {
    pub lookup_attributes: Option<Vec<LookupAttribute>>,
    pub start_time: Option<Timestamp>,
    pub end_time: Option<Timestamp>,
    pub event_category: Option<String>,
    pub max_results: Option<i64>,
    pub next_token: Option<String>,
}

/// `LookupEvents` output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LookupEventsResponse {
    #[serde(default)]
    pub events: Vec<Event>,
    pub next_token: Option<String>,
}

/// A trail as `DescribeTrails` returns it.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Trail {
    pub name: Option<String>,
    pub s3_bucket_name: Option<String>,
    pub s3_key_prefix: Option<String>,
    pub include_global_service_events: Option<bool>,
    pub is_multi_region_trail: Option<bool>,
    pub home_region: Option<String>,
    #[serde(rename = "TrailARN")]
    pub trail_arn: Option<String>,
    pub log_file_validation_enabled: Option<bool>,
    pub kms_key_id: Option<String>,
    pub has_custom_event_selectors: Option<bool>,
    pub has_insight_selectors: Option<bool>,
    pub is_organization_trail: Option<bool>,
}

/// `DescribeTrails` input (lower-camel member names, as the API has them).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeTrailsRequest {
    pub trail_name_list: Option<Vec<String>>,
    pub include_shadow_trails: Option<bool>,
}

/// `DescribeTrails` output.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeTrailsResponse {
    #[serde(default)]
    pub trail_list: Vec<Trail>,
}

/// `GetTrailStatus` input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetTrailStatusRequest {
    /// A trail name or ARN.
    #[serde(default)]
    pub name: String,
}

/// `GetTrailStatus` output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetTrailStatusResponse {
    pub is_logging: Option<bool>,
    pub latest_delivery_error: Option<String>,
    pub latest_delivery_time: Option<Timestamp>,
    pub start_logging_time: Option<Timestamp>,
    pub stop_logging_time: Option<Timestamp>,
    pub latest_digest_delivery_time: Option<Timestamp>,
}

/// A CloudTrail error: the exception name and the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct CloudTrailError {
    /// The exception name as the service spells it (`TrailNotFoundException`, …).
    pub code: String,
    pub message: String,
}

impl CloudTrailError {
    /// An error with the given exception name.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        CloudTrailError { code: code.into(), message: message.into() }
    }
}

/// Result of a CloudTrail operation.
pub type CloudTrailResult<T> = Result<T, CloudTrailError>;
