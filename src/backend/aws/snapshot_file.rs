//! A loaded organization (`OrgSnapshot`, as any backend loads it) as an `orgtui-snapshot/1`
//! organization, so `orgtui snapshot --aws -o FILE` writes a file the console and `simulate`
//! open offline, and `export --aws` renders the live org with the same code as a file.
//!
//! The result goes through the snapshot loader, which checks every engine invariant; what a
//! live org can hold but a snapshot cannot (attachments of a policy type the root does not
//! enable, as moto reports them) is left out and counted in the notes.

use crate::engine::Quotas;
use crate::model::*;
use crate::snapshot::LoadedOrg;
use crate::snapshot::format::*;
use serde_json::Value;

fn tags(tags: &[Tag]) -> TagMap {
    tags.iter().map(|t| (t.key.clone(), Value::String(t.value.clone()))).collect()
}

fn content(s: &str) -> Value {
    match serde_json::from_str::<Value>(s) {
        Ok(v @ Value::Object(_)) if serde_json::to_string(&v).is_ok_and(|c| c == s) => v,
        _ => Value::String(s.into()),
    }
}

fn resource(r: &HandshakeResource) -> FileHandshakeResource {
    FileHandshakeResource {
        r#type: r.r#type.to_string(),
        value: r.value.clone(),
        resources: r.resources.iter().map(resource).collect(),
    }
}

/// The snapshot file for a loaded organization, and notes on anything left out.
pub fn to_file(s: &OrgSnapshot, home: Option<&AccountId>, now: Timestamp) -> (SnapshotFile, Vec<String>) {
    let mut notes = Vec::new();
    let enabled: Vec<PolicyType> =
        s.organization.as_ref().map(|o| o.enabled_policy_types.clone()).unwrap_or_default();
    let type_of = |id: &PolicyId| s.policies.iter().find(|p| &p.summary.id == id).map(|p| p.summary.r#type);
    let mut dropped = 0usize;
    let attachments = s
        .attachments
        .iter()
        .filter(|a| {
            let keep = type_of(&a.policy_id).is_some_and(|t| enabled.contains(&t));
            dropped += usize::from(!keep);
            keep
        })
        .map(|a| FileAttachment { policy_id: a.policy_id.to_string(), target_id: a.target_id.to_string() })
        .collect();
    if dropped > 0 {
        notes.push(format!("{dropped} attachment(s) of policy types not enabled in the root were left out"));
    }
    let quotas = Quotas {
        max_accounts: Quotas::default().max_accounts.max(s.accounts.len()),
        max_ous: Quotas::default().max_ous.max(s.organizational_units.len()),
        ..Quotas::default()
    };
    let management = s.organization.as_ref().map(|o| o.management_account_id.clone());
    let file = SnapshotFile {
        format: FORMAT.into(),
        generated_at: Some(now.to_rfc3339()),
        home_account_id: home.filter(|h| Some(*h) != management.as_ref()).map(|h| h.to_string()),
        organization: s.organization.as_ref().map(|o| FileOrganization {
            id: o.id.to_string(),
            feature_set: o.feature_set.to_string(),
            management_account_id: o.management_account_id.to_string(),
            root_id: o.root_id.to_string(),
            root_tags: tags(&o.root_tags),
            enabled_policy_types: o.enabled_policy_types.iter().map(|t| t.to_string()).collect(),
            created_at: None,
            pending_all_features_handshake_id: None,
            activity: Default::default(),
        }),
        organizational_units: s
            .organizational_units
            .iter()
            .map(|o| FileOu {
                id: o.id.to_string(),
                name: o.name.clone(),
                parent_id: o.parent_id.to_string(),
                tags: tags(&o.tags),
            })
            .collect(),
        accounts: s
            .accounts
            .iter()
            .map(|a| FileAccount {
                id: a.account.id.to_string(),
                name: a.account.name.clone(),
                email: a.account.email.clone(),
                parent_id: Some(a.parent_id.to_string()),
                state: a.account.state.to_string(),
                joined_method: a.account.joined_method.to_string(),
                joined_timestamp: a.account.joined_timestamp.to_rfc3339(),
                created_at: None,
                tags: tags(&a.tags),
                closure_requested_at: None,
                closed_at: None,
                readiness: None,
            })
            .collect(),
        policies: s
            .policies
            .iter()
            .map(|p| FilePolicy {
                id: p.summary.id.to_string(),
                name: p.summary.name.clone(),
                description: p.summary.description.clone(),
                r#type: p.summary.r#type.to_string(),
                aws_managed: p.summary.aws_managed,
                content: content(&p.content),
                tags: tags(&p.tags),
            })
            .collect(),
        attachments,
        delegated_administrators: s
            .delegated_administrators
            .iter()
            .map(|d| FileDelegation {
                account_id: d.account_id.to_string(),
                service_principal: d.service_principal.clone(),
                delegation_enabled_date: d.delegation_enabled_date.to_rfc3339(),
            })
            .collect(),
        trusted_services: s
            .trusted_services
            .iter()
            .map(|t| FileTrustedService {
                service_principal: t.service_principal.clone(),
                date_enabled: t.date_enabled.to_rfc3339(),
            })
            .collect(),
        handshakes: s
            .handshakes
            .iter()
            .map(|h| FileHandshake {
                id: h.id.to_string(),
                action: h.action.to_string(),
                state: h.state.to_string(),
                parties: h
                    .parties
                    .iter()
                    .map(|p| FileParty { id: p.id.clone(), r#type: p.r#type.to_string() })
                    .collect(),
                resources: h.resources.iter().map(resource).collect(),
                requested_timestamp: h.requested_timestamp.to_rfc3339(),
                expiration_timestamp: h.expiration_timestamp.to_rfc3339(),
                organization_id: None,
                invite_tags: TagMap::new(),
                terminal_at: None,
                parent_handshake_id: None,
            })
            .collect(),
        // The service does not return what a pending creation needs offline (email, role).
        create_account_statuses: Vec::new(),
        resource_policy: s.resource_policy.as_ref().map(|r| FileResourcePolicy {
            id: r.id.to_string(),
            content: content(&r.content),
            tags: tags(&r.tags),
        }),
        quotas,
        emulator: Default::default(),
        extras: Default::default(),
        cost_explorer: None,
        cloudtrail: None,
        other_organizations: Vec::new(),
        identity_center: None,
    };
    (file, notes)
}

/// A loaded organization as engine state, checked like any snapshot file. When the
/// handshakes cannot be represented offline, they are left out (and a note says so).
pub fn to_loaded(
    s: &OrgSnapshot,
    home: Option<&AccountId>,
    now: Timestamp,
) -> Result<(LoadedOrg, Vec<String>), String> {
    let (mut file, mut notes) = to_file(s, home, now);
    let first = match crate::snapshot::file_to_state(&file) {
        Ok((state, extras)) => return Ok((LoadedOrg { state, extras }, notes)),
        Err(e) => e,
    };
    if file.handshakes.is_empty() {
        return Err(first.to_string());
    }
    let n = file.handshakes.len();
    file.handshakes.clear();
    let (state, extras) = crate::snapshot::file_to_state(&file).map_err(|_| first.to_string())?;
    notes.push(format!("{n} handshake(s) were left out ({first})"));
    Ok((LoadedOrg { state, extras }, notes))
}
