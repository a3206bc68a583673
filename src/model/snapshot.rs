//! `OrgSnapshot`: a whole organization as plain data — what a backend loads in one go for the
//! console, what `orgtui snapshot` saves and what `--org FILE` opens. The file format
//! (`snapshot/`) and the engine both convert to and from it.

use super::*;

/// A whole organization at one moment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrgSnapshot {
    /// The organization; `None` when the home account is in no organization.
    pub organization: Option<SnapshotOrganization>,
    /// Every OU, parents before children.
    pub organizational_units: Vec<SnapshotOu>,
    /// Every member account, the management account included.
    pub accounts: Vec<SnapshotAccount>,
    /// Every policy of every type, AWS managed ones included.
    pub policies: Vec<SnapshotPolicy>,
    /// Direct attachments in the order they were made (merging depends on it).
    pub attachments: Vec<SnapshotAttachment>,
    pub delegated_administrators: Vec<SnapshotDelegation>,
    pub trusted_services: Vec<EnabledServicePrincipal>,
    pub handshakes: Vec<Handshake>,
    pub create_account_statuses: Vec<CreateAccountStatus>,
    pub resource_policy: Option<SnapshotResourcePolicy>,
}

/// The organization and its root.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotOrganization {
    pub id: OrgId,
    pub feature_set: FeatureSet,
    pub management_account_id: AccountId,
    pub root_id: RootId,
    pub root_tags: Vec<Tag>,
    /// Policy types enabled in the root.
    pub enabled_policy_types: Vec<PolicyType>,
    /// Partition of the ARNs (`aws` unless China or GovCloud).
    pub partition: String,
}

/// An OU with its parent.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotOu {
    pub id: OuId,
    pub name: String,
    pub parent_id: ParentId,
    pub tags: Vec<Tag>,
}

/// A member account with its parent.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotAccount {
    pub account: Account,
    pub parent_id: ParentId,
    pub tags: Vec<Tag>,
}

/// A policy with its content.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotPolicy {
    pub summary: PolicySummary,
    pub content: String,
    pub tags: Vec<Tag>,
}

/// One direct attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotAttachment {
    pub policy_id: PolicyId,
    pub target_id: TargetId,
}

/// A delegated administrator registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotDelegation {
    pub account_id: AccountId,
    pub service_principal: String,
    pub delegation_enabled_date: Timestamp,
}

/// The resource (delegation) policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotResourcePolicy {
    pub id: ResourcePolicyId,
    pub content: String,
    pub tags: Vec<Tag>,
}
