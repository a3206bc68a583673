//! The engine's state as plain data: what a snapshot saves and loads, and what every
//! operation reads and changes. Invariants are checked by `invariants.rs`.

use crate::model::*;
use std::collections::BTreeMap;

/// Whether (and where) an account belongs to an organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Membership {
    /// In no organization.
    Standalone,
    /// A member of this engine's organization, under the given parent.
    Member(ParentId),
    /// A member of some other organization this engine does not model.
    OtherOrganization,
}

/// Facts AWS checks before an account may stand alone (leave or be removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandaloneReadiness {
    pub payment_instrument: bool,
    pub phone_verified: bool,
    pub eula_accepted: bool,
}

impl Default for StandaloneReadiness {
    fn default() -> Self {
        StandaloneReadiness { payment_instrument: true, phone_verified: true, eula_accepted: true }
    }
}

/// An AWS account known to the engine (member or not).
#[derive(Debug, Clone, PartialEq)]
pub struct AccountRecord {
    pub id: AccountId,
    pub name: String,
    pub email: String,
    pub state: AccountState,
    pub status: AccountStatus,
    pub joined_method: JoinedMethod,
    pub joined_timestamp: Timestamp,
    pub membership: Membership,
    pub tags: Vec<Tag>,
    /// When the account was created (for the removal wait period of created accounts).
    pub created_at: Timestamp,
    /// When CloseAccount was accepted.
    pub closure_requested_at: Option<Timestamp>,
    /// When the closure completed (CLOSED).
    pub closed_at: Option<Timestamp>,
    pub readiness: StandaloneReadiness,
}

/// An organizational unit.
#[derive(Debug, Clone, PartialEq)]
pub struct OuRecord {
    pub id: OuId,
    pub name: String,
    pub parent: ParentId,
    pub tags: Vec<Tag>,
}

/// A policy (customer or AWS managed).
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyRecord {
    pub id: PolicyId,
    pub name: String,
    pub description: String,
    pub policy_type: PolicyType,
    pub aws_managed: bool,
    /// The document exactly as submitted.
    pub content: String,
    pub tags: Vec<Tag>,
}

/// A direct attachment of a policy to a target, with its order (management-policy merging
/// applies same-level policies in attachment order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub policy: PolicyId,
    pub seq: u64,
}

/// An asynchronous CreateAccount request.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateAccountRecord {
    pub status: CreateAccountStatus,
    /// The request as submitted, to complete it later.
    pub email: String,
    pub role_name: String,
    pub tags: Vec<Tag>,
    /// Set when a test or the emulator forces the outcome.
    pub forced_failure: Option<CreateAccountFailureReason>,
}

/// A handshake and the engine facts around it.
#[derive(Debug, Clone, PartialEq)]
pub struct HandshakeRecord {
    pub handshake: Handshake,
    /// The organization that sent it.
    pub org: OrgId,
    /// Tags to apply to the account when an invitation is accepted.
    pub invite_tags: Vec<Tag>,
    /// When it reached a terminal state (for the 30-day visibility).
    pub terminal_at: Option<Timestamp>,
    /// For APPROVE_ALL_FEATURES children: the parent ENABLE_ALL_FEATURES handshake.
    pub parent: Option<HandshakeId>,
}

/// The resource (delegation) policy.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourcePolicyRecord {
    pub id: ResourcePolicyId,
    pub content: String,
    pub tags: Vec<Tag>,
}

/// The organization and everything inside it.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgState {
    pub id: OrgId,
    pub feature_set: FeatureSet,
    pub management: AccountId,
    pub created_at: Timestamp,
    pub root_id: RootId,
    pub root_tags: Vec<Tag>,
    /// Policy types enabled (or transitioning) in the root.
    pub policy_types: BTreeMap<PolicyType, PolicyTypeStatus>,
    pub ous: BTreeMap<OuId, OuRecord>,
    pub policies: BTreeMap<PolicyId, PolicyRecord>,
    /// Direct attachments per target id (root, OU or account id as text), in attach order.
    pub attachments: BTreeMap<String, Vec<Attachment>>,
    /// Next attachment sequence number.
    pub next_attach_seq: u64,
    /// CreateAccount requests in submission order.
    pub create_account_requests: Vec<CreateAccountRecord>,
    /// Trusted access: service principal → date enabled.
    pub trusted_services: BTreeMap<String, Timestamp>,
    /// Delegated administrators: (account, service principal) → date registered.
    pub delegated_admins: BTreeMap<(AccountId, String), Timestamp>,
    pub resource_policy: Option<ResourcePolicyRecord>,
    /// The open ENABLE_ALL_FEATURES handshake, if a migration is under way.
    pub pending_all_features: Option<HandshakeId>,
    /// When CloseAccount requests were accepted (rolling 30-day quota).
    pub closure_log: Vec<Timestamp>,
    /// When invitations were sent (rolling 24-hour quota).
    pub invitation_log: Vec<Timestamp>,
    /// When effective policies last changed, per type.
    pub policy_changed_at: BTreeMap<PolicyType, Timestamp>,
}

/// An organization other than the home one, with its member accounts: the engine models a
/// partition of accounts where each account is standalone (kept in the home account map) or a
/// member of exactly one organization.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherOrganization {
    pub org: OrgState,
    /// The organization's members (every account here is `Membership::Member`).
    pub accounts: BTreeMap<AccountId, AccountRecord>,
}

/// Everything the engine knows: its own account, every account it has seen, the organization
/// (if one exists) and the handshakes (which outlive membership).
#[derive(Debug, Clone, PartialEq)]
pub struct EngineState {
    /// The account the engine acts as by default (`Caller::Management`): the management
    /// account while an organization exists.
    pub home_account: AccountId,
    /// The home organization's members and every standalone account.
    pub accounts: BTreeMap<AccountId, AccountRecord>,
    /// The home organization (the one the console and the snapshot show).
    pub org: Option<OrgState>,
    /// Every other organization of the partition, by id (`serve` callers create them; the
    /// console shows the home organization only).
    pub other_orgs: BTreeMap<OrgId, OtherOrganization>,
    pub handshakes: BTreeMap<HandshakeId, HandshakeRecord>,
    pub quotas: super::Quotas,
    pub settings: super::EmulatorSettings,
    /// Consolidated billing: monthly cost per account and service (shared, so checkpoints
    /// taken before every operation do not copy it).
    pub costs: std::sync::Arc<super::costs::CostData>,
    /// CloudTrail: the event history and the trails.
    pub cloudtrail: super::cloudtrail::CloudTrailState,
    /// IAM Identity Center: the organization instance, its identity store and permission sets.
    pub identity_center: super::identity_center::IdentityCenterState,
}
