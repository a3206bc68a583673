//! CloudTrail in the one in-memory world: the management events every Organizations change
//! records (a bounded history), the trails, and the read-only operations that answer from them
//! (`LookupEvents`, `DescribeTrails`, `GetTrailStatus`). `docs/reference/cloudtrail.md` is the
//! specification.

mod lookup;
mod record;
pub mod sample;

pub use record::{CallContext, to_trail_json};

use crate::model::Timestamp;
use crate::model::cloudtrail::EventRecord;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::sync::Arc;

/// CloudTrail's part of the engine state: the event history (oldest first, bounded by the
/// emulator's `cloudtrailHistory` setting) and the trails.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CloudTrailState {
    /// Recorded events, oldest first. Shared so that checkpointing the state stays cheap.
    pub events: VecDeque<Arc<EventRecord>>,
    /// Events ever recorded (the sequence number of the next one; event ids derive from it).
    pub recorded: u64,
    /// The trails, in creation order.
    pub trails: Vec<TrailState>,
}

impl CloudTrailState {
    /// Appends an event, dropping the oldest beyond `capacity`.
    pub fn push(&mut self, event: EventRecord, capacity: usize) {
        self.events.push_back(Arc::new(event));
        self.recorded += 1;
        while self.events.len() > capacity {
            self.events.pop_front();
        }
    }

    /// The sequence number of the event at `index` in `events`.
    pub fn seq_of(&self, index: usize) -> u64 {
        self.recorded - self.events.len() as u64 + index as u64
    }

    /// The organization trail, if one exists.
    pub fn organization_trail(&self) -> Option<&TrailState> {
        self.trails.iter().find(|t| t.is_organization_trail)
    }
}

/// A trail and its logging status.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrailState {
    pub name: String,
    pub home_region: String,
    /// The bucket (in the log-archive account for an organization trail).
    pub s3_bucket_name: String,
    pub s3_key_prefix: Option<String>,
    #[serde(default = "yes")]
    pub is_multi_region_trail: bool,
    #[serde(default)]
    pub is_organization_trail: bool,
    #[serde(default = "yes")]
    pub log_file_validation_enabled: bool,
    /// The KMS key ARN the log files are encrypted with.
    pub kms_key_id: Option<String>,
    #[serde(default = "yes")]
    pub is_logging: bool,
    #[serde(default, with = "opt_iso")]
    pub start_logging_time: Option<Timestamp>,
    #[serde(default, with = "opt_iso")]
    pub stop_logging_time: Option<Timestamp>,
    /// When logs were last delivered (a logging trail delivers every five minutes).
    #[serde(default, with = "opt_iso")]
    pub latest_delivery_time: Option<Timestamp>,
}

fn yes() -> bool {
    true
}

/// How often a logging trail delivers log files (milliseconds).
pub const DELIVERY_INTERVAL_MS: i64 = 5 * 60 * 1000;

impl TrailState {
    /// `arn:<partition>:cloudtrail:<home>:<owner>:trail/<name>`.
    pub fn arn(&self, partition: &str, owner: &str) -> String {
        format!("arn:{partition}:cloudtrail:{}:{owner}:trail/{}", self.home_region, self.name)
    }

    /// When logs were last delivered at `now`: the last five-minute mark while logging.
    pub fn delivered_at(&self, now: Timestamp) -> Option<Timestamp> {
        if !self.is_logging {
            return self.latest_delivery_time;
        }
        let mark = Timestamp(now.0 - now.0.rem_euclid(DELIVERY_INTERVAL_MS));
        Some(match self.start_logging_time {
            Some(s) if s > mark => s,
            _ => mark,
        })
    }
}

/// The trail name rules: 3–128 ASCII letters, digits, `.`, `_`, `-`; starting and ending with a
/// letter or digit; no adjacent punctuation; not shaped like an IP address.
pub fn check_trail_name(name: &str) -> Result<(), String> {
    let n = name.len();
    if n < 3 {
        return Err(format!(
            "Trail name too short. Minimum allowed length: 3 characters. Specified name length: {n} characters."
        ));
    }
    if n > 128 {
        return Err(format!(
            "Trail name too long. Maximum allowed length: 128 characters. Specified name length: {n} characters."
        ));
    }
    let punct = |c: u8| matches!(c, b'.' | b'_' | b'-');
    let b = name.as_bytes();
    let ok_chars = b.iter().all(|&c| c.is_ascii_alphanumeric() || punct(c));
    let ends = b[0].is_ascii_alphanumeric() && b[n - 1].is_ascii_alphanumeric();
    let adjacent = b.windows(2).any(|w| punct(w[0]) && punct(w[1]));
    let ip = name.split('.').count() == 4
        && name.split('.').all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()));
    if !ok_chars || !ends || adjacent || ip {
        return Err("Trail name must starts with a letter or number, end with a letter or number, contain only ASCII letters, numbers, periods, underscores and dashes, have no adjacent periods, underscores or dashes, and not be formatted as an IP address.".into());
    }
    Ok(())
}

/// ISO-8601 optional times in the snapshot's trail section.
mod opt_iso {
    use crate::model::Timestamp;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&t.to_rfc3339()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => Timestamp::parse_rfc3339(&s)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("{s:?} is not an RFC 3339 UTC time"))),
        }
    }
}
