//! The resource-based delegation policy (reference §5.12).

use super::Engine;
use crate::model::*;

impl Engine {
    /// `PutResourcePolicy`.
    pub fn put_resource_policy(
        &mut self,
        caller: &Caller,
        req: PutResourcePolicyRequest,
    ) -> OrgResult<PutResourcePolicyResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("PutResourcePolicy"))
    }

    /// `DescribeResourcePolicy`.
    pub fn describe_resource_policy(
        &mut self,
        caller: &Caller,
        req: DescribeResourcePolicyRequest,
    ) -> OrgResult<DescribeResourcePolicyResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DescribeResourcePolicy"))
    }

    /// `DeleteResourcePolicy`.
    pub fn delete_resource_policy(
        &mut self,
        caller: &Caller,
        req: DeleteResourcePolicyRequest,
    ) -> OrgResult<DeleteResourcePolicyResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DeleteResourcePolicy"))
    }
}

impl Engine {
    /// Whether the resource (delegation) policy lets member `account` call
    /// `organizations:{op}` (for `policy_type`, when the statement has an
    /// `organizations:PolicyType` condition).
    pub(crate) fn resource_policy_allows(
        &self,
        account: &AccountId,
        op: &str,
        policy_type: Option<PolicyType>,
    ) -> bool {
        let _ = (account, op, policy_type);
        false
    }
}
