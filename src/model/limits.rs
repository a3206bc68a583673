//! Size and attachment limits per policy type (reference §4.3). They are facts about the
//! service that both the engine (CreatePolicy, AttachPolicy, invariants) and the policy layer
//! (document validation, the linter) need, so they live below both.

use super::PolicyType;

/// Limits of one policy type (reference §4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyTypeLimits {
    /// Maximum document size in characters, counted on the stored string.
    pub max_size: usize,
    /// Minimum direct attachments per target while the type is enabled.
    pub min_attached: usize,
    /// Maximum direct attachments per target.
    pub max_attached: usize,
    /// Maximum policies of this type per organization.
    pub max_policies: usize,
}

impl PolicyTypeLimits {
    /// AWS's current limits for a type.
    pub fn of(ty: PolicyType) -> Self {
        use PolicyType::*;
        let (max_size, min_attached, max_attached, max_policies) = match ty {
            ServiceControlPolicy => (10_240, 1, 10, 10_000),
            ResourceControlPolicy => (5_120, 1, 5, 2_000),
            AiservicesOptOutPolicy => (2_500, 0, 5, 1_000),
            ChatbotPolicy => (10_000, 0, 5, 1_000),
            _ => (10_000, 0, 10, 1_000),
        };
        PolicyTypeLimits { max_size, min_attached, max_attached, max_policies }
    }
}
