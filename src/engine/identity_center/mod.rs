//! IAM Identity Center in the one in-memory world: the organization instance, its identity
//! store (users, groups, memberships), permission sets, account assignments and where each
//! permission set is provisioned (and whether that copy is up to date), with the asynchronous
//! CreateAccountAssignment / DeleteAccountAssignment / ProvisionPermissionSet requests that
//! complete on the engine's clock. `docs/reference/identity-center.md` is the specification.
//!
//! Operations are `Engine` methods generated into tables from
//! `for_each_ssoadmin_operation!` / `for_each_identitystore_operation!`; every one starts with
//! `tick` (so due requests complete), then validates input shapes, the instance or identity
//! store named, the caller (the instance's owner or the delegated administrator for
//! `sso.amazonaws.com`), existence, and finally constraints. Nothing changes on an error.

mod access;
mod assignments;
pub mod managed;
mod paging;
mod permission_sets;
mod store;
pub mod validate;

pub use assignments::RequestKind;

use crate::model::Timestamp;
use crate::model::cloudtrail::iso_time;
use crate::model::identity_center::IcTag;
use crate::model::identity_center::identitystore::{Group, GroupMembership, User};
use crate::model::identity_center::ssoadmin::{CustomerManagedPolicyReference, PermissionsBoundary};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How long an asynchronous request stays `IN_PROGRESS` unless the snapshot says otherwise.
pub const DEFAULT_OPERATION_MS: i64 = 1000;
/// Permission sets per instance (adjustable quota).
pub const MAX_PERMISSION_SETS: usize = 2000;
/// Permission sets provisioned to one account (adjustable quota).
pub const MAX_PROVISIONED_PER_ACCOUNT: usize = 250;
/// AWS-managed plus customer-managed policies on one permission set.
pub const MAX_MANAGED_POLICIES: usize = 20;
/// Tags on one resource.
pub const MAX_TAGS: usize = 75;

/// Identity Center's part of the engine state: at most one organization instance.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdentityCenterState {
    /// The organization instance, once Identity Center is enabled.
    pub instance: Option<Instance>,
}

/// The organization instance and everything in it (the snapshot's `identityCenter.instance`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Instance {
    /// `ssoins-` and 16 lowercase hex digits.
    pub instance_id: String,
    /// `d-` and 10 lowercase hex digits.
    pub identity_store_id: String,
    /// The management account that enabled it.
    pub owner_account_id: String,
    pub name: Option<String>,
    /// The instance's (home) Region: role paths carry it unless it is us-east-1.
    pub region: String,
    #[serde(with = "iso_time")]
    pub created_date: Timestamp,
    /// Tags on the instance.
    #[serde(default)]
    pub tags: Vec<IcTag>,
    /// Milliseconds an asynchronous request stays `IN_PROGRESS`.
    #[serde(default = "default_operation_ms")]
    pub operation_ms: i64,
    /// Users by id, in the API's shape.
    #[serde(default)]
    pub users: BTreeMap<String, User>,
    /// Groups by id, in the API's shape.
    #[serde(default)]
    pub groups: BTreeMap<String, Group>,
    /// Group memberships by id, in the API's shape.
    #[serde(default)]
    pub memberships: BTreeMap<String, GroupMembership>,
    /// Permission sets by id (`ps-…`).
    #[serde(default)]
    pub permission_sets: BTreeMap<String, PermissionSetState>,
    /// Account assignments.
    #[serde(default)]
    pub assignments: BTreeSet<Assignment>,
    /// Where each permission set is provisioned: permission-set id → account → role.
    #[serde(default)]
    pub provisioned: BTreeMap<String, BTreeMap<String, ProvisionedRole>>,
    /// Asynchronous requests in submission order.
    #[serde(default)]
    pub requests: Vec<AsyncRequest>,
}

fn default_operation_ms() -> i64 {
    DEFAULT_OPERATION_MS
}

/// A permission set and its policies. `version` grows with every change that provisioned
/// copies must receive; a copy older than it is `LATEST_PERMISSION_SET_NOT_PROVISIONED`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PermissionSetState {
    pub name: String,
    pub description: Option<String>,
    /// ISO-8601 duration, `PT1H` … `PT12H`.
    pub session_duration: String,
    pub relay_state: Option<String>,
    #[serde(with = "iso_time")]
    pub created_date: Timestamp,
    #[serde(default)]
    pub tags: Vec<IcTag>,
    /// AWS-managed policy ARNs in attachment order.
    #[serde(default)]
    pub managed_policies: Vec<String>,
    /// Customer-managed policy references (path defaults to `/`).
    #[serde(default)]
    pub customer_managed_policies: Vec<CustomerManagedPolicyReference>,
    pub inline_policy: Option<String>,
    pub permissions_boundary: Option<PermissionsBoundary>,
    #[serde(default)]
    pub version: u64,
}

/// One account assignment: a user or group gets a permission set in an account.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Assignment {
    pub account_id: String,
    pub permission_set_id: String,
    /// `USER` or `GROUP`.
    pub principal_type: String,
    pub principal_id: String,
}

/// A permission set's copy in one account: the `AWSReservedSSO_<name>_<suffix>` role and the
/// permission-set version it was provisioned from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProvisionedRole {
    /// 16 lowercase hex digits; new whenever the role is created again.
    pub role_suffix: String,
    pub version: u64,
}

/// An asynchronous request and its status object.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AsyncRequest {
    pub request_id: String,
    pub kind: RequestKind,
    /// `IN_PROGRESS`, `SUCCEEDED` or `FAILED`.
    pub status: String,
    pub failure_reason: Option<String>,
    #[serde(with = "iso_time")]
    pub created_date: Timestamp,
    /// When it completes.
    #[serde(with = "iso_time")]
    pub due: Timestamp,
    pub permission_set_id: String,
    /// The target account (absent for `ALL_PROVISIONED_ACCOUNTS`).
    pub account_id: Option<String>,
    pub principal_type: Option<String>,
    pub principal_id: Option<String>,
}

/// Status values of asynchronous requests.
pub mod status {
    /// Accepted, not yet done.
    pub const IN_PROGRESS: &str = "IN_PROGRESS";
    /// Done.
    pub const SUCCEEDED: &str = "SUCCEEDED";
    /// Gave up; `FailureReason` says why.
    pub const FAILED: &str = "FAILED";
}

impl Instance {
    /// `arn:<partition>:sso:::instance/ssoins-…`.
    pub fn arn(&self, partition: &str) -> String {
        format!("arn:{partition}:sso:::instance/{}", self.instance_id)
    }

    /// `arn:<partition>:sso:::permissionSet/ssoins-…/ps-…`.
    pub fn permission_set_arn(&self, partition: &str, ps_id: &str) -> String {
        format!("arn:{partition}:sso:::permissionSet/{}/{ps_id}", self.instance_id)
    }

    /// The role path in member accounts: the Region appears unless the instance is in
    /// us-east-1.
    pub fn role_path(&self) -> String {
        if self.region == "us-east-1" {
            "/aws-reserved/sso.amazonaws.com/".into()
        } else {
            format!("/aws-reserved/sso.amazonaws.com/{}/", self.region)
        }
    }

    /// The ARN of the role a permission set's copy is in `account`, if it is provisioned there.
    pub fn role_arn(&self, partition: &str, ps_id: &str, account: &str) -> Option<String> {
        let ps = self.permission_sets.get(ps_id)?;
        let role = self.provisioned.get(ps_id)?.get(account)?;
        Some(format!(
            "arn:{partition}:iam::{account}:role{}AWSReservedSSO_{}_{}",
            self.role_path(),
            ps.name,
            role.role_suffix
        ))
    }

    /// Whether the copy of a permission set in an account is older than the permission set.
    pub fn is_outdated(&self, ps_id: &str, account: &str) -> bool {
        match (self.permission_sets.get(ps_id), self.provisioned.get(ps_id).and_then(|m| m.get(account))) {
            (Some(ps), Some(role)) => role.version < ps.version,
            _ => false,
        }
    }

    /// The groups a user belongs to.
    pub fn groups_of(&self, user_id: &str) -> Vec<&str> {
        self.memberships
            .values()
            .filter(|m| m.member_id.user_id.as_deref() == Some(user_id))
            .map(|m| m.group_id.as_str())
            .collect()
    }

    /// The permission set whose provisioned role in `account` has this name (the simulator's
    /// way from a role ARN back to its permission set).
    pub fn permission_set_for_role(&self, account: &str, role_name: &str) -> Option<&str> {
        let rest = role_name.strip_prefix("AWSReservedSSO_")?;
        let (name, suffix) = rest.rsplit_once('_')?;
        self.permission_sets.iter().find_map(|(id, ps)| {
            let role = self.provisioned.get(id)?.get(account)?;
            (ps.name == name && role.role_suffix == suffix).then_some(id.as_str())
        })
    }
}
