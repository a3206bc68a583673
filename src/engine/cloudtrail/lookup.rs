//! The read-only CloudTrail operations over the engine: `LookupEvents` (the caller's account,
//! newest first, the last 90 days, one lookup attribute, pages of at most 50 with a token bound
//! to the parameters), `DescribeTrails` and `GetTrailStatus`.

use crate::engine::Engine;
use crate::model::cloudtrail::*;
use crate::model::time::DAY_MS;
use crate::model::{Caller, Timestamp};
use sha2::{Digest, Sha256};

const INVALID_ATTRS: &str = "InvalidLookupAttributesException";

/// Whether a record matches one lookup attribute (values are case-sensitive).
pub fn attribute_matches(r: &EventRecord, key: &str, value: &str) -> bool {
    match key {
        "EventId" => r.event_id == value,
        "EventName" => r.event_name == value,
        "ReadOnly" => (if r.read_only { "true" } else { "false" }) == value,
        "Username" => r.user_identity.username() == value,
        "EventSource" => r.event_source == value,
        "AccessKeyId" => r.user_identity.access_key_id.as_deref() == Some(value),
        "ResourceType" => r.resources().iter().any(|x| x.resource_type.as_deref() == Some(value)),
        "ResourceName" => r.resources().iter().any(|x| x.resource_name.as_deref() == Some(value)),
        _ => false,
    }
}

fn token_hash(req: &LookupEventsRequest, account: &str) -> String {
    let mut h = Sha256::new();
    let key =
        (&req.lookup_attributes, req.start_time.map(|t| t.0), req.end_time.map(|t| t.0), &req.event_category);
    h.update(format!("{account}|{key:?}").as_bytes());
    h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

impl Engine {
    /// `LookupEvents`: the caller's account's management events of the last 90 days, newest
    /// first, filtered by at most one attribute and a time range.
    pub fn lookup_events(
        &mut self,
        caller: &Caller,
        req: LookupEventsRequest,
    ) -> CloudTrailResult<LookupEventsResponse> {
        let attrs = req.lookup_attributes.clone().unwrap_or_default();
        if attrs.len() > 1 {
            return Err(CloudTrailError::new(
                INVALID_ATTRS,
                "You cannot specify more than one lookup attribute.",
            ));
        }
        if let Some(a) = attrs.first() {
            if !LOOKUP_ATTRIBUTE_KEYS.contains(&a.attribute_key.as_str()) {
                return Err(CloudTrailError::new(
                    INVALID_ATTRS,
                    format!(
                        "Invalid lookup attribute key: {}. Valid keys are {}.",
                        a.attribute_key,
                        LOOKUP_ATTRIBUTE_KEYS.join(", ")
                    ),
                ));
            }
            if a.attribute_value.is_empty() || a.attribute_value.chars().count() > 2000 {
                return Err(CloudTrailError::new(
                    INVALID_ATTRS,
                    "The lookup attribute value must be 1 to 2000 characters long.",
                ));
            }
        }
        if let (Some(s), Some(e)) = (req.start_time, req.end_time) {
            if s > e {
                return Err(CloudTrailError::new(
                    "InvalidTimeRangeException",
                    "Start time must be before end time.",
                ));
            }
        }
        let max = req.max_results.unwrap_or(50);
        if !(1..=50).contains(&max) {
            return Err(CloudTrailError::new(
                "InvalidMaxResultsException",
                "MaxResults must be between 1 and 50.",
            ));
        }
        let now = self.now();
        let account = self.caller_account(caller).to_string();
        let hash = token_hash(&req, &account);
        let before = match &req.next_token {
            None => u64::MAX,
            Some(t) => {
                let parsed = t
                    .split_once('.')
                    .filter(|(_, h)| *h == hash)
                    .and_then(|(n, _)| u64::from_str_radix(n, 16).ok());
                parsed
                    .ok_or_else(|| CloudTrailError::new("InvalidNextTokenException", "Invalid NextToken."))?
            }
        };
        match req.event_category.as_deref() {
            None => {}
            Some("insight") => return Ok(LookupEventsResponse::default()),
            Some(c) => {
                return Err(CloudTrailError::new(
                    "InvalidEventCategoryException",
                    format!("Invalid event category: {c}."),
                ));
            }
        }
        let oldest = Timestamp(now.0 - LOOKUP_WINDOW_DAYS * DAY_MS);
        let start = req.start_time.map_or(oldest, |s| s.max(oldest));
        let end = req.end_time.unwrap_or(now);
        let ct = &self.state.cloudtrail;
        let mut events = Vec::new();
        let mut next = None;
        for (i, r) in ct.events.iter().enumerate().rev() {
            let seq = ct.seq_of(i);
            if seq >= before
                || r.recipient_account_id != account
                || r.event_time < start
                || r.event_time > end
            {
                continue;
            }
            if let Some(a) = attrs.first() {
                if !attribute_matches(r, &a.attribute_key, &a.attribute_value) {
                    continue;
                }
            }
            if events.len() == max as usize {
                next = Some(format!("{:x}.{hash}", seq + 1));
                break;
            }
            events.push(Event::from_record(r));
        }
        Ok(LookupEventsResponse { events, next_token: next })
    }

    /// The account that owns the trails: the management account while an organization exists.
    fn trail_owner(&self) -> String {
        self.state
            .org
            .as_ref()
            .map_or_else(|| self.state.home_account.to_string(), |o| o.management.to_string())
    }

    /// The trails the caller sees, with their ARNs: the owner sees all; other accounts see
    /// only organization trails (as shadow trails).
    fn visible_trails(&self, caller: &Caller) -> Vec<(String, &super::TrailState)> {
        let owner = self.trail_owner();
        let me = self.caller_account(caller).to_string();
        let partition = &self.state.settings.partition;
        let member = self.state.org.is_some() && self.caller_is_member(caller);
        self.state
            .cloudtrail
            .trails
            .iter()
            .filter(|t| me == owner || (member && t.is_organization_trail))
            .map(|t| (t.arn(partition, &owner), t))
            .collect()
    }

    fn caller_is_member(&self, caller: &Caller) -> bool {
        let id = self.caller_account(caller);
        self.state
            .accounts
            .get(&id)
            .is_some_and(|a| matches!(a.membership, crate::engine::Membership::Member(_)))
    }

    /// `DescribeTrails`: the trails the caller sees, or those named (by name or ARN).
    pub fn describe_trails(
        &mut self,
        caller: &Caller,
        req: DescribeTrailsRequest,
    ) -> CloudTrailResult<DescribeTrailsResponse> {
        let me = self.caller_account(caller).to_string();
        let owner = self.trail_owner();
        let shadows = req.include_shadow_trails.unwrap_or(true);
        let names = req.trail_name_list.unwrap_or_default();
        let trail_list = self
            .visible_trails(caller)
            .into_iter()
            .filter(|(_, t)| shadows || (me == owner && t.home_region == ORGANIZATIONS_REGION))
            .filter(|(arn, t)| {
                names.is_empty() || names.iter().any(|n| n == arn || (n == &t.name && me == owner))
            })
            .map(|(arn, t)| Trail {
                name: Some(t.name.clone()),
                s3_bucket_name: Some(t.s3_bucket_name.clone()),
                s3_key_prefix: t.s3_key_prefix.clone(),
                include_global_service_events: Some(true),
                is_multi_region_trail: Some(t.is_multi_region_trail),
                home_region: Some(t.home_region.clone()),
                trail_arn: Some(arn),
                log_file_validation_enabled: Some(t.log_file_validation_enabled),
                kms_key_id: t.kms_key_id.clone(),
                has_custom_event_selectors: Some(false),
                has_insight_selectors: Some(false),
                is_organization_trail: Some(t.is_organization_trail),
            })
            .collect();
        Ok(DescribeTrailsResponse { trail_list })
    }

    /// `GetTrailStatus`: whether a trail logs and when it last delivered. Other accounts
    /// than the owner must name an organization trail by its ARN.
    pub fn get_trail_status(
        &mut self,
        caller: &Caller,
        req: GetTrailStatusRequest,
    ) -> CloudTrailResult<GetTrailStatusResponse> {
        let name = req.name.trim();
        let me = self.caller_account(caller).to_string();
        let partition = self.state.settings.partition.clone();
        if name.starts_with("arn:") {
            let ok =
                name.split(':').count() == 6 && name.contains(":cloudtrail:") && name.contains(":trail/");
            if !ok {
                return Err(CloudTrailError::new(
                    "CloudTrailARNInvalidException",
                    format!(
                        "ARN {name} is not a valid CloudTrail ARN. The format is arn:{partition}:cloudtrail:<region>:<account-id>:trail/<trail-name>."
                    ),
                ));
            }
        } else if let Err(m) = super::check_trail_name(name) {
            return Err(CloudTrailError::new("InvalidTrailNameException", m));
        }
        let owner = self.trail_owner();
        let now = self.now();
        let found = self
            .visible_trails(caller)
            .into_iter()
            .find(|(arn, t)| arn == name || (t.name == name && me == owner))
            .map(|(_, t)| t.clone());
        let Some(t) = found else {
            let arn = if name.starts_with("arn:") {
                name.to_string()
            } else {
                format!("arn:{partition}:cloudtrail:{ORGANIZATIONS_REGION}:{me}:trail/{name}")
            };
            return Err(CloudTrailError::new(
                "TrailNotFoundException",
                format!("Unknown trail: {arn} for the user: {me}"),
            ));
        };
        let delivered = t.delivered_at(now);
        Ok(GetTrailStatusResponse {
            is_logging: Some(t.is_logging),
            latest_delivery_error: None,
            latest_delivery_time: delivered,
            start_logging_time: t.start_logging_time,
            stop_logging_time: t.stop_logging_time,
            latest_digest_delivery_time: if t.log_file_validation_enabled {
                delivered.map(|d| Timestamp(d.0 - d.0.rem_euclid(3_600_000)))
            } else {
                None
            },
        })
    }
}
