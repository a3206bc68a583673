//! Effective management policies: the inheritance-operator merge (reference §5.8, §9).

use super::Engine;
use crate::model::*;

impl Engine {
    /// `DescribeEffectivePolicy`.
    pub fn describe_effective_policy(
        &mut self,
        caller: &Caller,
        req: DescribeEffectivePolicyRequest,
    ) -> OrgResult<DescribeEffectivePolicyResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DescribeEffectivePolicy"))
    }

    /// `ListAccountsWithInvalidEffectivePolicy`.
    pub fn list_accounts_with_invalid_effective_policy(
        &mut self,
        caller: &Caller,
        req: ListAccountsWithInvalidEffectivePolicyRequest,
    ) -> OrgResult<ListAccountsWithInvalidEffectivePolicyResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListAccountsWithInvalidEffectivePolicy"))
    }

    /// `ListEffectivePolicyValidationErrors`.
    pub fn list_effective_policy_validation_errors(
        &mut self,
        caller: &Caller,
        req: ListEffectivePolicyValidationErrorsRequest,
    ) -> OrgResult<ListEffectivePolicyValidationErrorsResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListEffectivePolicyValidationErrors"))
    }
}
