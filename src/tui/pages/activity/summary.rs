//! One-line summaries from CloudTrail: the trail note (whether an organization trail collects
//! every account's activity), shown on Activity and Settings, and the history line of an
//! account or OU ("moved from Sandbox to Prod by arn:…/alice 3 days ago"), shown in the
//! Accounts details.

use super::filter::ago;
use crate::backend::cloudtrail::{History, TrailList};
use crate::model::Timestamp;
use crate::model::cloudtrail::EventRecord;
use serde_json::Value;

/// The trail note: whether it is reassuring (`true`) and the line. Says plainly when no
/// organization trail exists or it is not logging.
pub fn trail_note(trails: &TrailList) -> (bool, String) {
    let org = trails.iter().find(|(t, _)| t.is_organization_trail == Some(true));
    let Some((t, status)) = org else {
        return (false, "No organization trail: member accounts' activity is not collected anywhere.".into());
    };
    let name = t.name.clone().unwrap_or_default();
    if status.as_ref().and_then(|s| s.is_logging) == Some(false) {
        return (false, format!("Organization trail {name} is NOT logging."));
    }
    let mut extras = Vec::new();
    if t.is_multi_region_trail == Some(true) {
        extras.push("multi-Region");
    }
    if t.log_file_validation_enabled == Some(true) {
        extras.push("validated");
    }
    if t.kms_key_id.is_some() {
        extras.push("KMS");
    }
    let bucket = t.s3_bucket_name.clone().unwrap_or_default();
    (true, format!("Organization trail {name} logging to s3://{bucket} ({})", extras.join(", ")))
}

fn param<'a>(v: &'a Option<Value>, key: &str) -> Option<&'a str> {
    v.as_ref()?.get(key)?.as_str()
}

/// `arn:…/alice`: the principal's ARN with its middle elided (the session or user name is
/// what tells who it was); ARNs without a path are kept whole.
pub fn short_arn(arn: &str) -> String {
    match arn.rsplit_once('/') {
        Some((_, last)) if arn.starts_with("arn:") => format!("arn:…/{last}"),
        _ => arn.to_string(),
    }
}

/// What an event did to `id` (an account or OU), in words, if it moved, created or renamed it.
fn change(e: &EventRecord, id: &str, name: &dyn Fn(&str) -> String) -> Option<String> {
    if e.failed() {
        return None;
    }
    let req = &e.request_parameters;
    match e.event_name.as_str() {
        "MoveAccount" if param(req, "accountId") == Some(id) => Some(format!(
            "moved from {} to {}",
            name(param(req, "sourceParentId")?),
            name(param(req, "destinationParentId")?)
        )),
        "CreateOrganizationalUnit" => {
            let ou = e.response_elements.as_ref()?.get("organizationalUnit")?;
            let parent = param(req, "parentId")?;
            (ou.get("id")?.as_str()? == id).then(|| format!("created in {}", name(parent)))
        }
        "CreateAccount" | "CreateGovCloudAccount" => {
            let status = e.response_elements.as_ref()?.get("createAccountStatus")?;
            (status.get("accountId")?.as_str()? == id).then(|| "created".to_string())
        }
        "UpdateOrganizationalUnit" if param(req, "organizationalUnitId") == Some(id) => {
            Some(format!("renamed to {}", param(req, "name")?))
        }
        _ => None,
    }
}

/// The latest move, creation or rename of `id` in the history, as one line:
/// "moved from Sandbox to Prod by arn:…/alice 3 days ago". `name` turns a parent id into its
/// name where the tree knows it.
pub fn history_line(h: &History, id: &str, name: &dyn Fn(&str) -> String, now: Timestamp) -> Option<String> {
    // Newest first: the first change found is the latest.
    h.events.iter().find_map(|e| {
        let what = change(e, id, name)?;
        Some(format!("{what} by {} {}", short_arn(&e.user_identity.arn), ago(e.event_time, now)))
    })
}
