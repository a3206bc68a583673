//! Quotas and emulator timings. Defaults are AWS's current values (reference §4); a snapshot
//! or a test may change any of them.

use serde::{Deserialize, Serialize};

/// Organization quotas, all configurable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Quotas {
    /// Accounts per organization (open invitations and closed accounts count).
    pub max_accounts: usize,
    /// OUs per organization.
    pub max_ous: usize,
    /// Levels of OUs under the root.
    pub max_ou_depth: usize,
    /// CreateAccount requests in progress at once.
    pub max_concurrent_create_account: usize,
    /// Closures in progress at once.
    pub max_concurrent_closures: usize,
    /// Minimum closures allowed per rolling 30 days (the quota is max(this, 20% of members)).
    pub min_closures_per_30_days: usize,
    /// Upper cap of closures per rolling 30 days.
    pub max_closures_per_30_days: usize,
    /// Days a created account must exist before it can be removed or leave.
    pub removal_wait_days: i64,
    /// Tags per resource.
    pub max_tags: usize,
    /// Orgs at least this large cannot use the standard all-features migration.
    pub max_accounts_for_all_features_migration: usize,
    /// Minimum invitations per 24 h (the quota is max(this, account quota)).
    pub min_invitations_per_day: usize,
    /// Characters of the resource (delegation) policy.
    pub max_resource_policy_size: usize,
}

impl Default for Quotas {
    fn default() -> Self {
        Quotas {
            max_accounts: 10,
            max_ous: 2000,
            max_ou_depth: 5,
            max_concurrent_create_account: 5,
            max_concurrent_closures: 3,
            min_closures_per_30_days: 250,
            max_closures_per_30_days: 1000,
            removal_wait_days: 4,
            max_tags: 50,
            max_accounts_for_all_features_migration: 5000,
            min_invitations_per_day: 20,
            max_resource_policy_size: 40_000,
        }
    }
}

/// How long the emulated asynchronous work takes, and other emulator switches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct EmulatorSettings {
    /// Milliseconds from CreateAccount to SUCCEEDED/FAILED.
    pub create_account_ms: i64,
    /// Milliseconds from CloseAccount (PENDING_CLOSURE) to CLOSED.
    pub close_account_ms: i64,
    /// Days a closed account stays in the organization before it is purged.
    pub closed_account_retention_days: i64,
    /// Days an invitation stays open.
    pub invitation_expiry_days: i64,
    /// Days an all-features request stays open.
    pub all_features_expiry_days: i64,
    /// Days terminal handshakes remain visible.
    pub handshake_visibility_days: i64,
    /// Partition used in ARNs.
    pub partition: String,
    /// How many CloudTrail events the engine keeps (oldest dropped first).
    pub cloudtrail_history: i64,
}

impl Default for EmulatorSettings {
    fn default() -> Self {
        EmulatorSettings {
            create_account_ms: 2_000,
            close_account_ms: 10_000,
            closed_account_retention_days: 90,
            invitation_expiry_days: 15,
            all_features_expiry_days: 90,
            handshake_visibility_days: 30,
            partition: "aws".into(),
            cloudtrail_history: 10_000,
        }
    }
}
