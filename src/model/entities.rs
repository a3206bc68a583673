//! The service's entities, in its own member names (PascalCase on the wire), so the same
//! values flow from the engine to the console, to `serve` and from the live API.

use super::enums::*;
use super::ids::*;
use super::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A policy type and its status in the root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PolicyTypeSummary {
    /// The policy type.
    pub r#type: PolicyType,
    /// Enabled, or in transition.
    pub status: PolicyTypeStatus,
}

/// The organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Organization {
    pub id: OrgId,
    pub arn: String,
    pub feature_set: FeatureSet,
    pub master_account_arn: String,
    pub master_account_id: AccountId,
    pub master_account_email: String,
    /// Deprecated by AWS but still returned: SCP ENABLED for ALL-features orgs, empty otherwise.
    #[serde(default)]
    pub available_policy_types: Vec<PolicyTypeSummary>,
}

/// The root of the organization's tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Root {
    pub id: RootId,
    pub arn: String,
    pub name: String,
    /// Policy types enabled (or in transition) in this root.
    #[serde(default)]
    pub policy_types: Vec<PolicyTypeSummary>,
}

/// An organizational unit.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct OrganizationalUnit {
    pub id: OuId,
    pub arn: String,
    pub name: String,
    /// `o-…/r-…/ou-…/…/` ending with this OU's id and a slash.
    pub path: Option<String>,
}

/// A member account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Account {
    pub id: AccountId,
    pub arn: String,
    pub email: String,
    pub name: String,
    pub status: AccountStatus,
    pub state: AccountState,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
    pub joined_method: JoinedMethod,
    pub joined_timestamp: Timestamp,
}

/// A policy without its content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PolicySummary {
    pub id: PolicyId,
    pub arn: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub r#type: PolicyType,
    pub aws_managed: bool,
}

/// A policy with its content (the document, stored byte for byte).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Policy {
    pub policy_summary: PolicySummary,
    pub content: String,
}

/// A root, OU or account a policy is attached to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PolicyTargetSummary {
    pub target_id: String,
    pub arn: String,
    pub name: String,
    pub r#type: TargetType,
}

/// A party to a handshake.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HandshakeParty {
    pub id: String,
    pub r#type: HandshakePartyType,
}

/// One entry of a handshake's resource tree.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HandshakeResource {
    pub value: Option<String>,
    pub r#type: HandshakeResourceType,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<HandshakeResource>,
}

/// An invitation or feature-set migration request between accounts and an organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Handshake {
    pub id: HandshakeId,
    pub arn: String,
    pub parties: Vec<HandshakeParty>,
    pub state: HandshakeState,
    pub requested_timestamp: Timestamp,
    pub expiration_timestamp: Timestamp,
    pub action: HandshakeAction,
    #[serde(default)]
    pub resources: Vec<HandshakeResource>,
}

/// Filter of the handshake list calls (at most one field may be set).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HandshakeFilter {
    pub action_type: Option<HandshakeAction>,
    pub parent_handshake_id: Option<String>,
}

/// Status record of an asynchronous `CreateAccount`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateAccountStatus {
    pub id: CreateAccountRequestId,
    pub account_name: String,
    pub state: CreateAccountState,
    pub requested_timestamp: Timestamp,
    pub completed_timestamp: Option<Timestamp>,
    pub account_id: Option<AccountId>,
    pub gov_cloud_account_id: Option<AccountId>,
    pub failure_reason: Option<CreateAccountFailureReason>,
}

/// A direct child of a root or OU.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Child {
    pub id: String,
    pub r#type: ChildType,
}

/// The parent of an account or OU.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Parent {
    pub id: String,
    pub r#type: ParentType,
}

/// A tag: key and value (value may be empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Tag {
    pub key: String,
    pub value: String,
}

impl Tag {
    /// A tag from key and value.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Tag { key: key.into(), value: value.into() }
    }
}

/// A service with trusted access to the organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EnabledServicePrincipal {
    pub service_principal: String,
    pub date_enabled: Timestamp,
}

/// An account registered as delegated administrator for at least one service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DelegatedAdministrator {
    pub id: AccountId,
    pub arn: String,
    pub email: String,
    pub name: String,
    pub status: AccountStatus,
    pub state: AccountState,
    pub joined_method: JoinedMethod,
    pub joined_timestamp: Timestamp,
    pub delegation_enabled_date: Timestamp,
}

/// A service an account is delegated administrator for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DelegatedService {
    pub service_principal: String,
    pub delegation_enabled_date: Timestamp,
}

/// The merged management policy of one type that applies to an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EffectivePolicy {
    pub policy_content: String,
    pub last_updated_timestamp: Timestamp,
    pub target_id: String,
    pub policy_type: PolicyType,
}

/// Id and ARN of the resource (delegation) policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResourcePolicySummary {
    pub id: ResourcePolicyId,
    pub arn: String,
}

/// The organization's resource-based delegation policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResourcePolicy {
    pub resource_policy_summary: ResourcePolicySummary,
    pub content: String,
}

/// A validation error of an effective policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EffectivePolicyValidationError {
    pub error_code: String,
    pub error_message: String,
    pub path_to_error: String,
    #[serde(default)]
    pub contributing_policies: Vec<String>,
}
