//! Conversions between the SDK's types and the model's, for the entities every operation
//! family shares. The SDK marks almost every member optional; a member the service always sends
//! but the response lacks becomes a clear error naming it, never a panic.

use crate::model::*;
use aws_sdk_organizations::primitives::DateTime;
use aws_sdk_organizations::types as sdk;
use serde::de::DeserializeOwned;

/// The largest page the API allows (`MaxResults` is 1–20 for every List call): asking for it
/// when the caller did not choose makes the fewest calls.
pub const PAGE_SIZE: i32 = 20;

/// The page size to ask for.
pub fn page(max_results: Option<i32>) -> Option<i32> {
    max_results.or(Some(PAGE_SIZE))
}

fn bad(what: &str, detail: impl std::fmt::Display) -> OrgError {
    OrgError::unknown(
        "InvalidResponse",
        None,
        format!("The service's response has an unusable {what}: {detail}"),
    )
}

/// The next page's token. A server that hands back the token it was given would be paged
/// forever (moto's ListCreateAccountStatus does, reference §14): that is an error instead.
pub fn next_page(sent: Option<&str>, got: Option<String>) -> OrgResult<Option<String>> {
    match (sent, got) {
        (Some(s), Some(g)) if s == g => Err(OrgError::unknown(
            "InvalidResponse",
            None,
            "The endpoint returned the same NextToken it was given; the listing would never end.",
        )),
        (_, got) => Ok(got),
    }
}

/// A member the service always sends.
pub fn need<T>(what: &str, v: Option<T>) -> OrgResult<T> {
    v.ok_or_else(|| bad(what, "it is missing"))
}

/// Text through the model's own (validating) deserializer: ids and enums.
pub fn val<T: DeserializeOwned>(what: &str, s: &str) -> OrgResult<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| bad(what, e))
}

/// A required member parsed into an id or enum.
pub fn req<T: DeserializeOwned>(what: &str, s: Option<&str>) -> OrgResult<T> {
    val(what, need(what, s)?)
}

/// An optional member parsed into an id or enum.
pub fn opt<T: DeserializeOwned>(what: &str, s: Option<&str>) -> OrgResult<Option<T>> {
    s.map(|s| val(what, s)).transpose()
}

/// A timestamp (the model keeps milliseconds).
pub fn ts(what: &str, t: Option<&DateTime>) -> OrgResult<Timestamp> {
    let t = need(what, t)?;
    t.to_millis().map(Timestamp).map_err(|e| bad(what, e))
}

/// An optional timestamp.
pub fn ts_opt(what: &str, t: Option<&DateTime>) -> OrgResult<Option<Timestamp>> {
    t.map(|t| ts(what, Some(t))).transpose()
}

/// Converts every element of an optional list.
pub fn list<S, T>(items: Option<Vec<S>>, f: impl Fn(S) -> OrgResult<T>) -> OrgResult<Vec<T>> {
    items.unwrap_or_default().into_iter().map(f).collect()
}

/// Model tags to SDK tags.
pub fn tags_out(tags: Option<Vec<Tag>>) -> Option<Vec<sdk::Tag>> {
    tags.map(|t| t.into_iter().map(tag_out).collect())
}

fn tag_out(t: Tag) -> sdk::Tag {
    // Key and value are both set, so the builder cannot fail; an empty tag is the fallback.
    sdk::Tag::builder()
        .key(t.key.clone())
        .value(t.value.clone())
        .build()
        .unwrap_or_else(|_| sdk::Tag::builder().key("").value("").build().expect("key and value set"))
}

/// SDK tags to model tags.
pub fn tag(t: sdk::Tag) -> OrgResult<Tag> {
    Ok(Tag { key: t.key, value: t.value })
}

/// A model enum to the SDK's enum of the same spelling.
pub fn en<S: From<&'static str>>(s: &'static str) -> S {
    S::from(s)
}

fn policy_type_summary(p: sdk::PolicyTypeSummary) -> OrgResult<PolicyTypeSummary> {
    Ok(PolicyTypeSummary {
        r#type: req("PolicyTypeSummary.Type", p.r#type.as_ref().map(|t| t.as_str()))?,
        status: req("PolicyTypeSummary.Status", p.status.as_ref().map(|t| t.as_str()))?,
    })
}

/// The organization.
pub fn organization(o: Option<sdk::Organization>) -> OrgResult<Organization> {
    let o = need("Organization", o)?;
    Ok(Organization {
        id: req("Organization.Id", o.id.as_deref())?,
        arn: need("Organization.Arn", o.arn)?,
        feature_set: req("Organization.FeatureSet", o.feature_set.as_ref().map(|f| f.as_str()))?,
        master_account_arn: o.master_account_arn.unwrap_or_default(),
        master_account_id: req("Organization.MasterAccountId", o.master_account_id.as_deref())?,
        master_account_email: o.master_account_email.unwrap_or_default(),
        available_policy_types: list(o.available_policy_types, policy_type_summary)?,
    })
}

/// A root.
pub fn root(r: sdk::Root) -> OrgResult<Root> {
    Ok(Root {
        id: req("Root.Id", r.id.as_deref())?,
        arn: r.arn.unwrap_or_default(),
        name: r.name.unwrap_or_default(),
        policy_types: list(r.policy_types, policy_type_summary)?,
    })
}

/// An OU.
pub fn ou(o: Option<sdk::OrganizationalUnit>) -> OrgResult<OrganizationalUnit> {
    let o = need("OrganizationalUnit", o)?;
    Ok(OrganizationalUnit {
        id: req("OrganizationalUnit.Id", o.id.as_deref())?,
        arn: o.arn.unwrap_or_default(),
        name: o.name.unwrap_or_default(),
        path: o.path,
    })
}

/// The account state for a status, for an endpoint that sends only the older `Status` (moto,
/// or a service predating `State`).
fn state_of(status: AccountStatus) -> AccountState {
    match status {
        AccountStatus::Active => AccountState::Active,
        AccountStatus::Suspended => AccountState::Suspended,
        AccountStatus::PendingClosure => AccountState::PendingClosure,
    }
}

/// The account's `State` as sent, else derived from its `Status`.
fn state(what: &str, s: Option<&sdk::AccountState>, status: AccountStatus) -> OrgResult<AccountState> {
    Ok(opt(what, s.map(|s| s.as_str()))?.unwrap_or_else(|| state_of(status)))
}

/// An account.
pub fn account(a: sdk::Account) -> OrgResult<Account> {
    let status: AccountStatus = req("Account.Status", a.status.as_ref().map(|s| s.as_str()))?;
    Ok(Account {
        id: req("Account.Id", a.id.as_deref())?,
        arn: a.arn.unwrap_or_default(),
        email: a.email.unwrap_or_default(),
        name: a.name.unwrap_or_default(),
        status,
        state: state("Account.State", a.state.as_ref(), status)?,
        paths: a.paths.unwrap_or_default(),
        joined_method: req("Account.JoinedMethod", a.joined_method.as_ref().map(|s| s.as_str()))?,
        joined_timestamp: ts("Account.JoinedTimestamp", a.joined_timestamp.as_ref())?,
    })
}

/// A policy summary.
pub fn policy_summary(p: sdk::PolicySummary) -> OrgResult<PolicySummary> {
    Ok(PolicySummary {
        id: req("PolicySummary.Id", p.id.as_deref())?,
        arn: p.arn.unwrap_or_default(),
        name: p.name.unwrap_or_default(),
        description: p.description.unwrap_or_default(),
        r#type: req("PolicySummary.Type", p.r#type.as_ref().map(|t| t.as_str()))?,
        aws_managed: p.aws_managed,
    })
}

/// A policy with its content.
pub fn policy(p: Option<sdk::Policy>) -> OrgResult<Policy> {
    let p = need("Policy", p)?;
    Ok(Policy {
        policy_summary: policy_summary(need("Policy.PolicySummary", p.policy_summary)?)?,
        content: p.content.unwrap_or_default(),
    })
}

/// A policy target.
pub fn target(t: sdk::PolicyTargetSummary) -> OrgResult<PolicyTargetSummary> {
    Ok(PolicyTargetSummary {
        target_id: need("PolicyTargetSummary.TargetId", t.target_id)?,
        arn: t.arn.unwrap_or_default(),
        name: t.name.unwrap_or_default(),
        r#type: req("PolicyTargetSummary.Type", t.r#type.as_ref().map(|t| t.as_str()))?,
    })
}

fn handshake_resource(r: sdk::HandshakeResource) -> OrgResult<HandshakeResource> {
    Ok(HandshakeResource {
        value: r.value,
        r#type: req("HandshakeResource.Type", r.r#type.as_ref().map(|t| t.as_str()))?,
        resources: list(r.resources, handshake_resource)?,
    })
}

/// A handshake.
pub fn handshake(h: Option<sdk::Handshake>) -> OrgResult<Handshake> {
    handshake_item(need("Handshake", h)?)
}

/// A handshake from a list.
pub fn handshake_item(h: sdk::Handshake) -> OrgResult<Handshake> {
    Ok(Handshake {
        id: req("Handshake.Id", h.id.as_deref())?,
        arn: h.arn.unwrap_or_default(),
        parties: list(h.parties, |p| {
            Ok(HandshakeParty { id: p.id, r#type: val("HandshakeParty.Type", p.r#type.as_str())? })
        })?,
        state: req("Handshake.State", h.state.as_ref().map(|s| s.as_str()))?,
        requested_timestamp: ts("Handshake.RequestedTimestamp", h.requested_timestamp.as_ref())?,
        expiration_timestamp: ts("Handshake.ExpirationTimestamp", h.expiration_timestamp.as_ref())?,
        action: req("Handshake.Action", h.action.as_ref().map(|s| s.as_str()))?,
        resources: list(h.resources, handshake_resource)?,
    })
}

/// A handshake filter for the list calls.
pub fn handshake_filter(f: Option<HandshakeFilter>) -> Option<sdk::HandshakeFilter> {
    f.map(|f| {
        sdk::HandshakeFilter::builder()
            .set_action_type(f.action_type.map(|a| en(a.as_str())))
            .set_parent_handshake_id(f.parent_handshake_id)
            .build()
    })
}

/// A create-account status.
pub fn create_account_status(s: Option<sdk::CreateAccountStatus>) -> OrgResult<CreateAccountStatus> {
    create_account_status_item(need("CreateAccountStatus", s)?)
}

/// A create-account status from a list.
pub fn create_account_status_item(s: sdk::CreateAccountStatus) -> OrgResult<CreateAccountStatus> {
    Ok(CreateAccountStatus {
        id: req("CreateAccountStatus.Id", s.id.as_deref())?,
        account_name: s.account_name.unwrap_or_default(),
        state: req("CreateAccountStatus.State", s.state.as_ref().map(|x| x.as_str()))?,
        requested_timestamp: ts("CreateAccountStatus.RequestedTimestamp", s.requested_timestamp.as_ref())?,
        completed_timestamp: ts_opt(
            "CreateAccountStatus.CompletedTimestamp",
            s.completed_timestamp.as_ref(),
        )?,
        account_id: opt("CreateAccountStatus.AccountId", s.account_id.as_deref())?,
        gov_cloud_account_id: opt(
            "CreateAccountStatus.GovCloudAccountId",
            s.gov_cloud_account_id.as_deref(),
        )?,
        failure_reason: opt(
            "CreateAccountStatus.FailureReason",
            s.failure_reason.as_ref().map(|x| x.as_str()),
        )?,
    })
}

/// The resource (delegation) policy.
pub fn resource_policy(r: Option<sdk::ResourcePolicy>) -> OrgResult<ResourcePolicy> {
    let r = need("ResourcePolicy", r)?;
    let s = need("ResourcePolicy.ResourcePolicySummary", r.resource_policy_summary)?;
    Ok(ResourcePolicy {
        resource_policy_summary: ResourcePolicySummary {
            id: req("ResourcePolicySummary.Id", s.id.as_deref())?,
            arn: s.arn.unwrap_or_default(),
        },
        content: r.content.unwrap_or_default(),
    })
}

/// A delegated administrator.
pub fn delegated_administrator(a: sdk::DelegatedAdministrator) -> OrgResult<DelegatedAdministrator> {
    let status: AccountStatus = req("DelegatedAdministrator.Status", a.status.as_ref().map(|s| s.as_str()))?;
    Ok(DelegatedAdministrator {
        id: req("DelegatedAdministrator.Id", a.id.as_deref())?,
        arn: a.arn.unwrap_or_default(),
        email: a.email.unwrap_or_default(),
        name: a.name.unwrap_or_default(),
        status,
        state: state("DelegatedAdministrator.State", a.state.as_ref(), status)?,
        joined_method: req(
            "DelegatedAdministrator.JoinedMethod",
            a.joined_method.as_ref().map(|s| s.as_str()),
        )?,
        joined_timestamp: ts("DelegatedAdministrator.JoinedTimestamp", a.joined_timestamp.as_ref())?,
        delegation_enabled_date: ts(
            "DelegatedAdministrator.DelegationEnabledDate",
            a.delegation_enabled_date.as_ref(),
        )?,
    })
}

/// An effective-policy validation error.
pub fn validation_error(e: sdk::EffectivePolicyValidationError) -> OrgResult<EffectivePolicyValidationError> {
    Ok(EffectivePolicyValidationError {
        error_code: e.error_code.unwrap_or_default(),
        error_message: e.error_message.unwrap_or_default(),
        path_to_error: e.path_to_error.unwrap_or_default(),
        contributing_policies: e.contributing_policies.unwrap_or_default(),
    })
}
