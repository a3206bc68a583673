//! The `orgtui-snapshot/1` file format as serde types: camelCase members, RFC 3339 times,
//! tags as `{"key": "value"}` objects, policy content as a JSON document (or a string when
//! the stored text is not canonical JSON). These types only describe the file; `convert.rs`
//! turns them into engine state and back, checking every rule.

use crate::engine::{EmulatorSettings, Quotas};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The format tag every snapshot file starts with.
pub const FORMAT: &str = "orgtui-snapshot/1";

/// Tags as a JSON object, key order kept.
pub type TagMap = Map<String, Value>;

/// A whole snapshot file.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SnapshotFile {
    pub format: String,
    /// When the snapshot was taken (RFC 3339); informative.
    pub generated_at: Option<String>,
    /// The account the engine acts as by default; the management account when omitted.
    pub home_account_id: Option<String>,
    /// `null` for an account in no organization.
    #[serialize_always]
    pub organization: Option<FileOrganization>,
    #[serde(default)]
    pub organizational_units: Vec<FileOu>,
    #[serde(default)]
    pub accounts: Vec<FileAccount>,
    #[serde(default)]
    pub policies: Vec<FilePolicy>,
    /// Direct attachments in the order they were made (management-policy merging uses it).
    #[serde(default)]
    pub attachments: Vec<FileAttachment>,
    #[serde(default)]
    pub delegated_administrators: Vec<FileDelegation>,
    #[serde(default)]
    pub trusted_services: Vec<FileTrustedService>,
    #[serde(default)]
    pub handshakes: Vec<FileHandshake>,
    #[serde(default)]
    pub create_account_statuses: Vec<FileCreateAccountStatus>,
    pub resource_policy: Option<FileResourcePolicy>,
    /// Quotas in force (AWS defaults for members left out; a snapshot may raise them).
    #[serde(default)]
    pub quotas: Quotas,
    /// Emulator timings (defaults for members left out).
    #[serde(default)]
    pub emulator: EmulatorSettings,
    /// Data the console uses offline that Organizations does not hold.
    #[serde(default)]
    pub extras: Extras,
    /// Consolidated billing (Cost Explorer's data), when the snapshot has any.
    #[serde(default)]
    pub cost_explorer: Option<FileCostExplorer>,
    /// CloudTrail: trails and the recorded events (optional; older files have none).
    #[serde(default)]
    pub cloudtrail: Option<FileCloudTrail>,
    /// Organizations other than the home one, each with its members (`serve` callers create
    /// them; optional, older files have none). Handshakes stay in `handshakes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_organizations: Vec<FileOtherOrganization>,
    /// IAM Identity Center: the organization instance, its identity store, permission sets,
    /// assignments and provisioning (optional; older files have none).
    #[serde(default)]
    pub identity_center: Option<crate::engine::identity_center::IdentityCenterState>,
}

/// Another organization of the partition: the same sections as the home organization's.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileOtherOrganization {
    pub organization: FileOrganization,
    #[serde(default)]
    pub organizational_units: Vec<FileOu>,
    /// Its members (each with a `parentId`).
    #[serde(default)]
    pub accounts: Vec<FileAccount>,
    #[serde(default)]
    pub policies: Vec<FilePolicy>,
    #[serde(default)]
    pub attachments: Vec<FileAttachment>,
    #[serde(default)]
    pub delegated_administrators: Vec<FileDelegation>,
    #[serde(default)]
    pub trusted_services: Vec<FileTrustedService>,
    #[serde(default)]
    pub create_account_statuses: Vec<FileCreateAccountStatus>,
    pub resource_policy: Option<FileResourcePolicy>,
}

/// Monthly unblended cost (USD) per account and service: one array per account and service,
/// aligned with `months` (`null` where there is no line), so twelve months of a large
/// organization stay a compact file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileCostExplorer {
    /// `YYYY-MM`, oldest first.
    pub months: Vec<String>,
    /// Account id → service → amount per month.
    #[serde(default)]
    pub accounts: BTreeMap<String, BTreeMap<String, Vec<Option<f64>>>>,
}

/// The CloudTrail section: trails and the management events, oldest first, each in
/// CloudTrail's own record format.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileCloudTrail {
    #[serde(default)]
    pub trails: Vec<crate::engine::cloudtrail::TrailState>,
    #[serde(default)]
    pub events: Vec<crate::model::cloudtrail::EventRecord>,
    /// Events ever recorded (event ids derive from it); the number of events when omitted.
    pub recorded: Option<u64>,
}

/// The organization and its root.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileOrganization {
    pub id: String,
    pub feature_set: String,
    pub management_account_id: String,
    pub root_id: String,
    #[serde(default)]
    pub root_tags: TagMap,
    #[serde(default)]
    pub enabled_policy_types: Vec<String>,
    pub created_at: Option<String>,
    /// An all-features migration under way: the id of its ENABLE_ALL_FEATURES handshake.
    pub pending_all_features_handshake_id: Option<String>,
    /// Recent activity the engine's quotas and effective policies depend on.
    #[serde(default, skip_serializing_if = "FileActivity::is_empty")]
    pub activity: FileActivity,
}

/// Recent activity kept so that reopening a file does not reset the rolling quotas or the
/// effective policies' last-updated times (all omitted when empty).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileActivity {
    /// When CloseAccount requests were accepted (the rolling 30-day closure quota).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closures: Vec<String>,
    /// When invitations were sent (the rolling 24-hour invitation quota).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invitations: Vec<String>,
    /// Policy type → when its effective policies last changed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub policies_changed: BTreeMap<String, String>,
}

impl FileActivity {
    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.closures.is_empty() && self.invitations.is_empty() && self.policies_changed.is_empty()
    }
}

/// An organizational unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileOu {
    pub id: String,
    pub name: String,
    pub parent_id: String,
    #[serde(default)]
    pub tags: TagMap,
}

/// An AWS account: a member (with `parentId`) or a standalone account the engine knows
/// (`parentId` omitted), e.g. one that can accept an invitation.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileAccount {
    pub id: String,
    pub name: String,
    pub email: String,
    pub parent_id: Option<String>,
    #[serde(default = "active")]
    pub state: String,
    #[serde(default = "created")]
    pub joined_method: String,
    pub joined_timestamp: String,
    /// When the account was created, when that is not its joined time (an invited account).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default)]
    pub tags: TagMap,
    pub closure_requested_at: Option<String>,
    pub closed_at: Option<String>,
    /// Facts AWS checks before the account may stand alone; all true when omitted.
    pub readiness: Option<FileReadiness>,
}

fn active() -> String {
    "ACTIVE".into()
}
fn created() -> String {
    "CREATED".into()
}

/// Standalone-readiness facts of an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileReadiness {
    pub payment_instrument: bool,
    pub phone_verified: bool,
    pub eula_accepted: bool,
}

/// A policy of any type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FilePolicy {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub r#type: String,
    #[serde(default)]
    pub aws_managed: bool,
    /// The document: a JSON object, or a string holding the exact stored text.
    pub content: Value,
    #[serde(default)]
    pub tags: TagMap,
}

/// One direct attachment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileAttachment {
    pub policy_id: String,
    pub target_id: String,
}

/// A delegated administrator registration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileDelegation {
    pub account_id: String,
    pub service_principal: String,
    pub delegation_enabled_date: String,
}

/// A service with trusted access.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileTrustedService {
    pub service_principal: String,
    pub date_enabled: String,
}

/// A handshake party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileParty {
    pub id: String,
    pub r#type: String,
}

/// A handshake resource (nested).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileHandshakeResource {
    pub r#type: String,
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<FileHandshakeResource>,
}

/// A handshake (invitation or all-features migration).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileHandshake {
    pub id: String,
    pub action: String,
    pub state: String,
    pub parties: Vec<FileParty>,
    #[serde(default)]
    pub resources: Vec<FileHandshakeResource>,
    pub requested_timestamp: String,
    pub expiration_timestamp: String,
    /// The organization that sent it; this snapshot's organization when omitted.
    pub organization_id: Option<String>,
    /// Tags the invited account receives when it accepts.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub invite_tags: TagMap,
    pub terminal_at: Option<String>,
    pub parent_handshake_id: Option<String>,
}

/// A CreateAccount request and its status.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileCreateAccountStatus {
    pub id: String,
    pub account_name: String,
    pub email: String,
    pub state: String,
    pub requested_timestamp: String,
    pub completed_timestamp: Option<String>,
    pub account_id: Option<String>,
    pub failure_reason: Option<String>,
    #[serde(default = "default_role")]
    pub role_name: String,
    #[serde(default)]
    pub tags: TagMap,
}

fn default_role() -> String {
    "OrganizationAccountAccessRole".into()
}

/// The resource (delegation) policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileResourcePolicy {
    pub id: String,
    pub content: Value,
    #[serde(default)]
    pub tags: TagMap,
}

/// Offline extras: IAM principals for the inspector. `costs` is the earlier place of the
/// billing rows: still read (into the engine's costs), never written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Extras {
    #[serde(default)]
    pub principals: Vec<Principal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub costs: Vec<MonthlyCost>,
}

/// An IAM principal (user or role) in an account, with the policies the inspector evaluates.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Principal {
    pub account_id: String,
    /// `user` or `role`.
    pub kind: String,
    pub name: String,
    /// Full ARN, e.g. `arn:aws:iam::123456789012:role/Admin`.
    pub arn: String,
    #[serde(default)]
    pub description: String,
    /// Identity policies (inline or managed), each a name and a document.
    #[serde(default)]
    pub identity_policies: Vec<NamedDocument>,
    pub permissions_boundary: Option<NamedDocument>,
    #[serde(default)]
    pub tags: TagMap,
}

/// A named IAM policy document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NamedDocument {
    pub name: String,
    pub document: Value,
}

/// One account's cost for one service in one month (USD).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MonthlyCost {
    pub account_id: String,
    /// `YYYY-MM`.
    pub month: String,
    pub service: String,
    pub amount_usd: f64,
}
