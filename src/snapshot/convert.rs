//! Snapshot file ⇄ engine state. Loading checks every value and reference and names the first
//! problem by its JSON path; the loaded state must then satisfy every engine invariant.

use super::format::*;
use crate::engine::{
    AccountRecord, Attachment, CreateAccountRecord, EngineState, HandshakeRecord, Membership, OrgState,
    OuRecord, PolicyRecord, ResourcePolicyRecord, StandaloneReadiness, invariants, tags, validate,
};
use crate::model::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

/// A problem in a snapshot, located by JSON path (e.g. `$.accounts[3].parentId`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct SnapshotError {
    pub path: String,
    pub message: String,
}

type Res<T> = Result<T, SnapshotError>;

fn err<T>(path: impl Into<String>, message: impl Into<String>) -> Res<T> {
    Err(SnapshotError { path: path.into(), message: message.into() })
}

/// Maps an engine validation error onto a path.
fn at<T>(path: &str, r: OrgResult<T>) -> Res<T> {
    r.map_err(|e| SnapshotError { path: path.into(), message: e.message })
}

fn time(path: &str, s: &str) -> Res<Timestamp> {
    Timestamp::parse_rfc3339(s)
        .map_or_else(|| err(path, format!("{s:?} is not an RFC 3339 time like 2024-01-31T12:00:00Z")), Ok)
}

/// A time for the file: RFC 3339 with milliseconds when it has any, so that saving and
/// loading gives back the same instant.
fn time_to(t: Timestamp) -> String {
    let s = t.to_rfc3339();
    match t.0.rem_euclid(1000) {
        0 => s,
        ms => format!("{}.{ms:03}Z", s.trim_end_matches('Z')),
    }
}

fn opt_time(path: &str, s: &Option<String>) -> Res<Option<Timestamp>> {
    s.as_deref().map(|s| time(path, s)).transpose()
}

fn parse_enum<T: FromStr>(path: &str, s: &str, what: &str) -> Res<T> {
    T::from_str(s).map_or_else(|_| err(path, format!("{s:?} is not a valid {what}")), Ok)
}

fn tags_from(path: &str, map: &TagMap) -> Res<Vec<Tag>> {
    let mut out = Vec::with_capacity(map.len());
    for (k, v) in map {
        match v {
            Value::String(s) => out.push(Tag::new(k, s)),
            _ => return err(format!("{path}.{k}"), "a tag value must be a string"),
        }
    }
    at(path, tags::validate_tags(&out))?;
    Ok(out)
}

fn tags_to(tags: &[Tag]) -> TagMap {
    tags.iter().map(|t| (t.key.clone(), Value::String(t.value.clone()))).collect()
}

/// A policy document from the file: objects are stored compactly, strings verbatim.
fn content_from(path: &str, v: &Value) -> Res<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Object(_) => {
            serde_json::to_string(v).map_err(|e| SnapshotError { path: path.into(), message: e.to_string() })
        }
        _ => err(path, "policy content must be a JSON object or a string"),
    }
}

/// A stored document for the file: as a JSON object when that reproduces the text exactly.
fn content_to(s: &str) -> Value {
    match serde_json::from_str::<Value>(s) {
        Ok(v @ Value::Object(_)) if serde_json::to_string(&v).is_ok_and(|c| c == s) => v,
        _ => Value::String(s.into()),
    }
}

/// Builds engine state from a parsed snapshot file, checking everything.
pub fn file_to_state(f: &SnapshotFile) -> Res<(EngineState, Extras)> {
    if f.format != FORMAT {
        return err("$.format", format!("expected {FORMAT:?}, found {:?}", f.format));
    }
    let mut accounts: BTreeMap<AccountId, AccountRecord> = BTreeMap::new();
    let org = match &f.organization {
        Some(o) => Some(org_from(f, o)?),
        None => None,
    };
    for (i, a) in f.accounts.iter().enumerate() {
        let p = format!("$.accounts[{i}]");
        let rec = account_from(&p, a, org.as_ref())?;
        if accounts.insert(rec.id.clone(), rec).is_some() {
            return err(format!("{p}.id"), format!("account {} appears twice", a.id));
        }
    }
    let mut org = org;
    if let Some(org) = org.as_mut() {
        if !accounts.get(&org.management).is_some_and(|a| matches!(a.membership, Membership::Member(_))) {
            return err(
                "$.organization.managementAccountId",
                format!("management account {} must be listed in accounts with a parentId", org.management),
            );
        }
        attachments_from(f, org, &accounts)?;
        services_from(f, org, &accounts)?;
        create_statuses_from(f, org)?;
    } else if f.accounts.iter().any(|a| a.parent_id.is_some()) {
        return err("$.accounts", "accounts have a parentId but there is no organization");
    }
    let other_orgs = super::others::others_from(f)?;
    let mut handshakes = handshakes_from(f, org.as_ref())?;
    super::others::fix_handshake_arns(&mut handshakes, &other_orgs, &f.emulator.partition);
    let home_account = match (&f.home_account_id, &org) {
        (Some(h), _) => at("$.homeAccountId", AccountId::parse(h))?,
        (None, Some(o)) => o.management.clone(),
        (None, None) => match accounts.keys().next() {
            Some(a) => a.clone(),
            None => {
                return err("$.accounts", "a snapshot without an organization needs at least one account");
            }
        },
    };
    if !accounts.contains_key(&home_account) {
        return err("$.homeAccountId", format!("account {home_account} is not listed in accounts"));
    }
    check_settings(&f.emulator)?;
    check_range("$.quotas.removalWaitDays", f.quotas.removal_wait_days, MAX_DAYS)?;
    let state = EngineState {
        home_account,
        accounts,
        org,
        other_orgs,
        handshakes,
        quotas: f.quotas.clone(),
        settings: f.emulator.clone(),
        costs: std::sync::Arc::new(super::costs::costs_from(f)?),
        cloudtrail: super::cloudtrail::from_file(f.cloudtrail.as_ref(), &f.emulator)?,
        identity_center: f.identity_center.clone().unwrap_or_default(),
    };
    invariants::check(&state).map_err(|m| SnapshotError { path: "$".into(), message: m })?;
    Ok((state, Extras { costs: Vec::new(), ..f.extras.clone() }))
}

/// The longest emulator period in days (ten years): every time the engine computes from a
/// setting must stay within the years the file format can write and read back (to 9999).
pub const MAX_DAYS: i64 = 3650;
/// The longest emulated delay in milliseconds (one year).
pub const MAX_DELAY_MS: i64 = 365 * crate::model::time::DAY_MS;

fn check_range(path: &str, value: i64, max: i64) -> Res<()> {
    if (0..=max).contains(&value) {
        Ok(())
    } else {
        err(path, format!("{value} is out of range (0 to {max})"))
    }
}

/// Checks emulator settings against their bounds, so that every state the engine reaches
/// from them can be saved and loaded again (an invitation expiring in year 10240 could not).
pub fn check_settings(s: &crate::engine::EmulatorSettings) -> Res<()> {
    let p = "$.emulator";
    check_range(&format!("{p}.createAccountMs"), s.create_account_ms, MAX_DELAY_MS)?;
    check_range(&format!("{p}.closeAccountMs"), s.close_account_ms, MAX_DELAY_MS)?;
    check_range(&format!("{p}.closedAccountRetentionDays"), s.closed_account_retention_days, MAX_DAYS)?;
    check_range(&format!("{p}.invitationExpiryDays"), s.invitation_expiry_days, MAX_DAYS)?;
    check_range(&format!("{p}.allFeaturesExpiryDays"), s.all_features_expiry_days, MAX_DAYS)?;
    check_range(&format!("{p}.handshakeVisibilityDays"), s.handshake_visibility_days, MAX_DAYS)?;
    check_range(&format!("{p}.cloudtrailHistory"), s.cloudtrail_history, super::cloudtrail::MAX_HISTORY)?;
    let valid = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if s.partition.is_empty() || s.partition.len() > 32 || !s.partition.chars().all(valid) {
        return err(
            format!("{p}.partition"),
            format!("{:?} is not a partition name like \"aws\" or \"aws-cn\"", s.partition),
        );
    }
    Ok(())
}

fn org_from(f: &SnapshotFile, o: &FileOrganization) -> Res<OrgState> {
    let p = "$.organization";
    let id = at(&format!("{p}.id"), OrgId::parse(&o.id))?;
    let root_id = at(&format!("{p}.rootId"), RootId::parse(&o.root_id))?;
    let management = at(&format!("{p}.managementAccountId"), AccountId::parse(&o.management_account_id))?;
    let feature_set: FeatureSet = parse_enum(&format!("{p}.featureSet"), &o.feature_set, "feature set")?;
    let mut policy_types = BTreeMap::new();
    for (i, t) in o.enabled_policy_types.iter().enumerate() {
        let ty: PolicyType = parse_enum(&format!("{p}.enabledPolicyTypes[{i}]"), t, "policy type")?;
        policy_types.insert(ty, PolicyTypeStatus::Enabled);
    }
    let created_at = opt_time(&format!("{p}.createdAt"), &o.created_at)?.unwrap_or_default();
    let mut ous = BTreeMap::new();
    for (i, ou) in f.organizational_units.iter().enumerate() {
        let op = format!("$.organizationalUnits[{i}]");
        let oid = at(&format!("{op}.id"), OuId::parse(&ou.id))?;
        at(&format!("{op}.name"), validate::length("Name", &ou.name, 1, 128))?;
        let parent = at(&format!("{op}.parentId"), ParentId::parse(&ou.parent_id))?;
        let tags = tags_from(&format!("{op}.tags"), &ou.tags)?;
        if ous.insert(oid.clone(), OuRecord { id: oid, name: ou.name.clone(), parent, tags }).is_some() {
            return err(format!("{op}.id"), format!("OU {} appears twice", ou.id));
        }
    }
    for (i, ou) in f.organizational_units.iter().enumerate() {
        let parent = ParentId::parse(&ou.parent_id).ok();
        let known = match &parent {
            Some(ParentId::Root(r)) => r == &root_id,
            Some(ParentId::Ou(o)) => ous.contains_key(o),
            None => false,
        };
        if !known {
            return err(
                format!("$.organizationalUnits[{i}].parentId"),
                format!("{} is neither the root nor an OU of this snapshot", ou.parent_id),
            );
        }
    }
    let mut policies = BTreeMap::new();
    for (i, pol) in f.policies.iter().enumerate() {
        let pp = format!("$.policies[{i}]");
        let pid = at(&format!("{pp}.id"), PolicyId::parse_policy(&pol.id))?;
        let ty: PolicyType = parse_enum(&format!("{pp}.type"), &pol.r#type, "policy type")?;
        at(&format!("{pp}.name"), validate::length("Name", &pol.name, 1, 128))?;
        at(&format!("{pp}.description"), validate::length("Description", &pol.description, 0, 512))?;
        let content = content_from(&format!("{pp}.content"), &pol.content)?;
        if pol.aws_managed {
            // AWS managed policies are AWS's own documents, not checked by the customer grammar;
            // only the two the service defines exist.
            if crate::engine::aws_managed_policy(ty).is_none_or(|m| m.id != pid) {
                return err(format!("{pp}.awsManaged"), format!("{pid} is not an AWS managed {ty} policy"));
            }
        } else {
            at(&format!("{pp}.content"), crate::engine::validate_policy_document(ty, &content))?;
        }
        let tags = tags_from(&format!("{pp}.tags"), &pol.tags)?;
        let rec = PolicyRecord {
            id: pid.clone(),
            name: pol.name.clone(),
            description: pol.description.clone(),
            policy_type: ty,
            aws_managed: pol.aws_managed,
            content,
            tags,
        };
        if policies.insert(pid, rec).is_some() {
            return err(format!("{pp}.id"), format!("policy {} appears twice", pol.id));
        }
    }
    let resource_policy = match &f.resource_policy {
        Some(r) => Some(ResourcePolicyRecord {
            id: at("$.resourcePolicy.id", ResourcePolicyId::parse(&r.id))?,
            content: content_from("$.resourcePolicy.content", &r.content)?,
            tags: tags_from("$.resourcePolicy.tags", &r.tags)?,
        }),
        None => None,
    };
    let pending_all_features = o
        .pending_all_features_handshake_id
        .as_deref()
        .map(|h| at(&format!("{p}.pendingAllFeaturesHandshakeId"), HandshakeId::parse(h)))
        .transpose()?;
    Ok(OrgState {
        id,
        feature_set,
        management,
        created_at,
        root_id,
        root_tags: tags_from(&format!("{p}.rootTags"), &o.root_tags)?,
        policy_types,
        ous,
        policies,
        attachments: BTreeMap::new(),
        next_attach_seq: 0,
        create_account_requests: Vec::new(),
        trusted_services: BTreeMap::new(),
        delegated_admins: BTreeMap::new(),
        resource_policy,
        pending_all_features,
        closure_log: times(&format!("{p}.activity.closures"), &o.activity.closures)?,
        invitation_log: times(&format!("{p}.activity.invitations"), &o.activity.invitations)?,
        policy_changed_at: policies_changed(&format!("{p}.activity.policiesChanged"), &o.activity)?,
    })
}

fn times(path: &str, list: &[String]) -> Res<Vec<Timestamp>> {
    list.iter().enumerate().map(|(i, s)| time(&format!("{path}[{i}]"), s)).collect()
}

fn policies_changed(path: &str, a: &FileActivity) -> Res<BTreeMap<PolicyType, Timestamp>> {
    let mut out = BTreeMap::new();
    for (ty, t) in &a.policies_changed {
        let p = format!("{path}.{ty}");
        out.insert(parse_enum(&p, ty, "policy type")?, time(&p, t)?);
    }
    Ok(out)
}

fn account_from(p: &str, a: &FileAccount, org: Option<&OrgState>) -> Res<AccountRecord> {
    let id = at(&format!("{p}.id"), AccountId::parse(&a.id))?;
    at(&format!("{p}.name"), validate::length("Name", &a.name, 1, 50))?;
    at(&format!("{p}.email"), validate::email("Email", &a.email))?;
    let state: AccountState = parse_enum(&format!("{p}.state"), &a.state, "account state")?;
    let status = match state {
        AccountState::PendingClosure => AccountStatus::PendingClosure,
        AccountState::Closed | AccountState::Suspended => AccountStatus::Suspended,
        _ => AccountStatus::Active,
    };
    let joined_method: JoinedMethod =
        parse_enum(&format!("{p}.joinedMethod"), &a.joined_method, "joined method")?;
    let joined_timestamp = time(&format!("{p}.joinedTimestamp"), &a.joined_timestamp)?;
    let membership = match &a.parent_id {
        None => Membership::Standalone,
        Some(pid) => {
            let parent = at(&format!("{p}.parentId"), ParentId::parse(pid))?;
            if !org.is_some_and(|o| o.parent_exists(&parent)) {
                return err(
                    format!("{p}.parentId"),
                    format!("{pid} is neither the root nor an OU of this snapshot"),
                );
            }
            Membership::Member(parent)
        }
    };
    let closure_requested_at = opt_time(&format!("{p}.closureRequestedAt"), &a.closure_requested_at)?;
    let closed_at = opt_time(&format!("{p}.closedAt"), &a.closed_at)?;
    let readiness = a.readiness.as_ref().map_or_else(StandaloneReadiness::default, |r| StandaloneReadiness {
        payment_instrument: r.payment_instrument,
        phone_verified: r.phone_verified,
        eula_accepted: r.eula_accepted,
    });
    Ok(AccountRecord {
        id,
        name: a.name.clone(),
        email: a.email.clone(),
        state,
        status,
        joined_method,
        joined_timestamp,
        membership,
        tags: tags_from(&format!("{p}.tags"), &a.tags)?,
        created_at: opt_time(&format!("{p}.createdAt"), &a.created_at)?.unwrap_or(joined_timestamp),
        closure_requested_at,
        closed_at,
        readiness,
    })
}

fn attachments_from(
    f: &SnapshotFile,
    org: &mut OrgState,
    accounts: &BTreeMap<AccountId, AccountRecord>,
) -> Res<()> {
    let mut seen = BTreeSet::new();
    for (i, a) in f.attachments.iter().enumerate() {
        let p = format!("$.attachments[{i}]");
        let pid = at(&format!("{p}.policyId"), PolicyId::parse_policy(&a.policy_id))?;
        let Some(policy) = org.policies.get(&pid) else {
            return err(format!("{p}.policyId"), format!("policy {pid} is not in policies"));
        };
        let target = at(&format!("{p}.targetId"), TargetId::parse(&a.target_id))?;
        let exists = match &target {
            TargetId::Root(r) => r == &org.root_id,
            TargetId::Ou(o) => org.ous.contains_key(o),
            TargetId::Account(acc) => {
                accounts.get(acc).is_some_and(|r| matches!(r.membership, Membership::Member(_)))
            }
        };
        if !exists {
            return err(
                format!("{p}.targetId"),
                format!("{target} is not a root, OU or member account of this snapshot"),
            );
        }
        if !org.type_enabled(policy.policy_type) {
            return err(
                format!("{p}.policyId"),
                format!("policy {pid} is a {} and that type is not enabled", policy.policy_type),
            );
        }
        if !seen.insert((pid.clone(), target.to_string())) {
            return err(p, format!("policy {pid} is attached to {target} twice"));
        }
        let seq = org.next_attach_seq;
        org.next_attach_seq += 1;
        org.attachments.entry(target.to_string()).or_default().push(Attachment { policy: pid, seq });
    }
    Ok(())
}

fn services_from(
    f: &SnapshotFile,
    org: &mut OrgState,
    accounts: &BTreeMap<AccountId, AccountRecord>,
) -> Res<()> {
    for (i, t) in f.trusted_services.iter().enumerate() {
        let p = format!("$.trustedServices[{i}]");
        at(
            &format!("{p}.servicePrincipal"),
            validate::length("ServicePrincipal", &t.service_principal, 1, 128),
        )?;
        let when = time(&format!("{p}.dateEnabled"), &t.date_enabled)?;
        if org.trusted_services.insert(t.service_principal.clone(), when).is_some() {
            return err(format!("{p}.servicePrincipal"), format!("{} appears twice", t.service_principal));
        }
    }
    for (i, d) in f.delegated_administrators.iter().enumerate() {
        let p = format!("$.delegatedAdministrators[{i}]");
        let acc = at(&format!("{p}.accountId"), AccountId::parse(&d.account_id))?;
        if !accounts.get(&acc).is_some_and(|a| matches!(a.membership, Membership::Member(_))) {
            return err(format!("{p}.accountId"), format!("{acc} is not a member account of this snapshot"));
        }
        at(
            &format!("{p}.servicePrincipal"),
            validate::length("ServicePrincipal", &d.service_principal, 1, 128),
        )?;
        let when = time(&format!("{p}.delegationEnabledDate"), &d.delegation_enabled_date)?;
        if org.delegated_admins.insert((acc, d.service_principal.clone()), when).is_some() {
            return err(p, "this registration appears twice");
        }
    }
    Ok(())
}

fn create_statuses_from(f: &SnapshotFile, org: &mut OrgState) -> Res<()> {
    for (i, c) in f.create_account_statuses.iter().enumerate() {
        let p = format!("$.createAccountStatuses[{i}]");
        let status = CreateAccountStatus {
            id: at(&format!("{p}.id"), CreateAccountRequestId::parse(&c.id))?,
            account_name: c.account_name.clone(),
            state: parse_enum(&format!("{p}.state"), &c.state, "create-account state")?,
            requested_timestamp: time(&format!("{p}.requestedTimestamp"), &c.requested_timestamp)?,
            completed_timestamp: opt_time(&format!("{p}.completedTimestamp"), &c.completed_timestamp)?,
            account_id: c
                .account_id
                .as_deref()
                .map(|a| at(&format!("{p}.accountId"), AccountId::parse(a)))
                .transpose()?,
            gov_cloud_account_id: None,
            failure_reason: c
                .failure_reason
                .as_deref()
                .map(|r| parse_enum(&format!("{p}.failureReason"), r, "failure reason"))
                .transpose()?,
        };
        at(&format!("{p}.email"), validate::email("Email", &c.email))?;
        org.create_account_requests.push(CreateAccountRecord {
            status,
            email: c.email.clone(),
            role_name: c.role_name.clone(),
            tags: tags_from(&format!("{p}.tags"), &c.tags)?,
            forced_failure: None,
        });
    }
    Ok(())
}

fn resource_from(p: &str, r: &FileHandshakeResource) -> Res<HandshakeResource> {
    Ok(HandshakeResource {
        value: r.value.clone(),
        r#type: parse_enum(&format!("{p}.type"), &r.r#type, "handshake resource type")?,
        resources: r
            .resources
            .iter()
            .enumerate()
            .map(|(i, c)| resource_from(&format!("{p}.resources[{i}]"), c))
            .collect::<Res<_>>()?,
    })
}

fn handshakes_from(f: &SnapshotFile, org: Option<&OrgState>) -> Res<BTreeMap<HandshakeId, HandshakeRecord>> {
    let mut out = BTreeMap::new();
    for (i, h) in f.handshakes.iter().enumerate() {
        let p = format!("$.handshakes[{i}]");
        let id = at(&format!("{p}.id"), HandshakeId::parse(&h.id))?;
        let org_id = match (&h.organization_id, org) {
            (Some(o), _) => at(&format!("{p}.organizationId"), OrgId::parse(o))?,
            (None, Some(o)) => o.id.clone(),
            (None, None) => {
                return err(format!("{p}.organizationId"), "required when there is no organization");
            }
        };
        let mut parties = Vec::new();
        for (j, party) in h.parties.iter().enumerate() {
            parties.push(HandshakeParty {
                id: party.id.clone(),
                r#type: parse_enum(&format!("{p}.parties[{j}].type"), &party.r#type, "party type")?,
            });
        }
        let resources = h
            .resources
            .iter()
            .enumerate()
            .map(|(j, r)| resource_from(&format!("{p}.resources[{j}]"), r))
            .collect::<Res<Vec<_>>>()?;
        let partition = f.emulator.partition.clone();
        let management = org.map(|o| o.management.to_string()).unwrap_or_default();
        let handshake = Handshake {
            arn: format!(
                "arn:{partition}:organizations::{management}:handshake/{org_id}/{}/{id}",
                h.action.to_ascii_lowercase()
            ),
            id: id.clone(),
            parties,
            state: parse_enum(&format!("{p}.state"), &h.state, "handshake state")?,
            requested_timestamp: time(&format!("{p}.requestedTimestamp"), &h.requested_timestamp)?,
            expiration_timestamp: time(&format!("{p}.expirationTimestamp"), &h.expiration_timestamp)?,
            action: parse_enum(&format!("{p}.action"), &h.action, "handshake action")?,
            resources,
        };
        let rec = HandshakeRecord {
            handshake,
            org: org_id,
            invite_tags: tags_from(&format!("{p}.inviteTags"), &h.invite_tags)?,
            terminal_at: opt_time(&format!("{p}.terminalAt"), &h.terminal_at)?,
            parent: h
                .parent_handshake_id
                .as_deref()
                .map(|x| at(&format!("{p}.parentHandshakeId"), HandshakeId::parse(x)))
                .transpose()?,
        };
        if out.insert(id, rec).is_some() {
            return err(format!("{p}.id"), format!("handshake {} appears twice", h.id));
        }
    }
    Ok(out)
}

fn resource_to(r: &HandshakeResource) -> FileHandshakeResource {
    FileHandshakeResource {
        r#type: r.r#type.to_string(),
        value: r.value.clone(),
        resources: r.resources.iter().map(resource_to).collect(),
    }
}

/// Writes engine state (and the extras it was loaded with) as a snapshot file.
pub fn state_to_file(s: &EngineState, extras: &Extras, generated_at: Timestamp) -> SnapshotFile {
    let org = s.org.as_ref();
    let mut attachments: Vec<(u64, FileAttachment)> = org
        .map(|o| {
            o.attachments
                .iter()
                .flat_map(|(t, list)| {
                    list.iter().map(move |a| {
                        (a.seq, FileAttachment { policy_id: a.policy.to_string(), target_id: t.clone() })
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    attachments.sort_by_key(|(seq, _)| *seq);
    SnapshotFile {
        format: FORMAT.into(),
        generated_at: Some(generated_at.to_rfc3339()),
        home_account_id: match org {
            Some(o) if o.management == s.home_account => None,
            _ => Some(s.home_account.to_string()),
        },
        organization: org.map(|o| FileOrganization {
            id: o.id.to_string(),
            feature_set: o.feature_set.to_string(),
            management_account_id: o.management.to_string(),
            root_id: o.root_id.to_string(),
            root_tags: tags_to(&o.root_tags),
            enabled_policy_types: o
                .policy_types
                .iter()
                .filter(|(_, st)| **st == PolicyTypeStatus::Enabled)
                .map(|(t, _)| t.to_string())
                .collect(),
            created_at: Some(time_to(o.created_at)),
            pending_all_features_handshake_id: o.pending_all_features.as_ref().map(ToString::to_string),
            activity: FileActivity {
                closures: o.closure_log.iter().copied().map(time_to).collect(),
                invitations: o.invitation_log.iter().copied().map(time_to).collect(),
                policies_changed: o
                    .policy_changed_at
                    .iter()
                    .map(|(ty, t)| (ty.to_string(), time_to(*t)))
                    .collect(),
            },
        }),
        organizational_units: org.map(ous_parent_first).unwrap_or_default(),
        accounts: s
            .accounts
            .values()
            .map(|a| FileAccount {
                id: a.id.to_string(),
                name: a.name.clone(),
                email: a.email.clone(),
                parent_id: match &a.membership {
                    Membership::Member(p) => Some(p.to_string()),
                    _ => None,
                },
                state: a.state.to_string(),
                joined_method: a.joined_method.to_string(),
                joined_timestamp: time_to(a.joined_timestamp),
                created_at: (a.created_at != a.joined_timestamp).then(|| time_to(a.created_at)),
                tags: tags_to(&a.tags),
                closure_requested_at: a.closure_requested_at.map(time_to),
                closed_at: a.closed_at.map(time_to),
                readiness: (a.readiness != StandaloneReadiness::default()).then_some(FileReadiness {
                    payment_instrument: a.readiness.payment_instrument,
                    phone_verified: a.readiness.phone_verified,
                    eula_accepted: a.readiness.eula_accepted,
                }),
            })
            .collect(),
        policies: org
            .map(|o| {
                o.policies
                    .values()
                    .map(|p| FilePolicy {
                        id: p.id.to_string(),
                        name: p.name.clone(),
                        description: p.description.clone(),
                        r#type: p.policy_type.to_string(),
                        aws_managed: p.aws_managed,
                        content: content_to(&p.content),
                        tags: tags_to(&p.tags),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        attachments: attachments.into_iter().map(|(_, a)| a).collect(),
        delegated_administrators: org
            .map(|o| {
                o.delegated_admins
                    .iter()
                    .map(|((a, sp), t)| FileDelegation {
                        account_id: a.to_string(),
                        service_principal: sp.clone(),
                        delegation_enabled_date: time_to(*t),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        trusted_services: org
            .map(|o| {
                o.trusted_services
                    .iter()
                    .map(|(sp, t)| FileTrustedService {
                        service_principal: sp.clone(),
                        date_enabled: time_to(*t),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        handshakes: s
            .handshakes
            .values()
            .map(|h| FileHandshake {
                id: h.handshake.id.to_string(),
                action: h.handshake.action.to_string(),
                state: h.handshake.state.to_string(),
                parties: h
                    .handshake
                    .parties
                    .iter()
                    .map(|p| FileParty { id: p.id.clone(), r#type: p.r#type.to_string() })
                    .collect(),
                resources: h.handshake.resources.iter().map(resource_to).collect(),
                requested_timestamp: time_to(h.handshake.requested_timestamp),
                expiration_timestamp: time_to(h.handshake.expiration_timestamp),
                organization_id: match org {
                    Some(o) if o.id == h.org => None,
                    _ => Some(h.org.to_string()),
                },
                invite_tags: tags_to(&h.invite_tags),
                terminal_at: h.terminal_at.map(time_to),
                parent_handshake_id: h.parent.as_ref().map(ToString::to_string),
            })
            .collect(),
        create_account_statuses: org
            .map(|o| {
                o.create_account_requests
                    .iter()
                    .map(|r| FileCreateAccountStatus {
                        id: r.status.id.to_string(),
                        account_name: r.status.account_name.clone(),
                        email: r.email.clone(),
                        state: r.status.state.to_string(),
                        requested_timestamp: time_to(r.status.requested_timestamp),
                        completed_timestamp: r.status.completed_timestamp.map(time_to),
                        account_id: r.status.account_id.as_ref().map(ToString::to_string),
                        failure_reason: r.status.failure_reason.map(|f| f.to_string()),
                        role_name: r.role_name.clone(),
                        tags: tags_to(&r.tags),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        resource_policy: org.and_then(|o| o.resource_policy.as_ref()).map(|r| FileResourcePolicy {
            id: r.id.to_string(),
            content: content_to(&r.content),
            tags: tags_to(&r.tags),
        }),
        quotas: s.quotas.clone(),
        emulator: s.settings.clone(),
        extras: Extras { costs: Vec::new(), ..extras.clone() },
        cost_explorer: super::costs::costs_to(&s.costs),
        cloudtrail: super::cloudtrail::to_file(&s.cloudtrail),
        other_organizations: super::others::others_to_file(s, generated_at),
        identity_center: s.identity_center.instance.is_some().then(|| s.identity_center.clone()),
    }
}

/// OUs ordered parents before children (breadth first from the root), siblings by name.
fn ous_parent_first(o: &OrgState) -> Vec<FileOu> {
    let mut by_parent: BTreeMap<String, Vec<&OuRecord>> = BTreeMap::new();
    for ou in o.ous.values() {
        by_parent.entry(ou.parent.to_string()).or_default().push(ou);
    }
    let mut out = Vec::with_capacity(o.ous.len());
    let mut queue = std::collections::VecDeque::from([o.root_id.to_string()]);
    while let Some(p) = queue.pop_front() {
        let mut kids = by_parent.remove(&p).unwrap_or_default();
        kids.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        for ou in kids {
            queue.push_back(ou.id.to_string());
            out.push(FileOu {
                id: ou.id.to_string(),
                name: ou.name.clone(),
                parent_id: ou.parent.to_string(),
                tags: tags_to(&ou.tags),
            });
        }
    }
    out
}
