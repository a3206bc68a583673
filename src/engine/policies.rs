//! Policies, attachments and policy types (reference §5.6–5.7, §4.3, §8).

use super::Engine;
use crate::model::*;

impl Engine {
    /// `CreatePolicy`.
    pub fn create_policy(
        &mut self,
        caller: &Caller,
        req: CreatePolicyRequest,
    ) -> OrgResult<CreatePolicyResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("CreatePolicy"))
    }

    /// `DescribePolicy`.
    pub fn describe_policy(
        &mut self,
        caller: &Caller,
        req: DescribePolicyRequest,
    ) -> OrgResult<DescribePolicyResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DescribePolicy"))
    }

    /// `UpdatePolicy`.
    pub fn update_policy(
        &mut self,
        caller: &Caller,
        req: UpdatePolicyRequest,
    ) -> OrgResult<UpdatePolicyResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("UpdatePolicy"))
    }

    /// `DeletePolicy`.
    pub fn delete_policy(
        &mut self,
        caller: &Caller,
        req: DeletePolicyRequest,
    ) -> OrgResult<DeletePolicyResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DeletePolicy"))
    }

    /// `ListPolicies`.
    pub fn list_policies(
        &mut self,
        caller: &Caller,
        req: ListPoliciesRequest,
    ) -> OrgResult<ListPoliciesResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListPolicies"))
    }

    /// `AttachPolicy`.
    pub fn attach_policy(
        &mut self,
        caller: &Caller,
        req: AttachPolicyRequest,
    ) -> OrgResult<AttachPolicyResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("AttachPolicy"))
    }

    /// `DetachPolicy`.
    pub fn detach_policy(
        &mut self,
        caller: &Caller,
        req: DetachPolicyRequest,
    ) -> OrgResult<DetachPolicyResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DetachPolicy"))
    }

    /// `ListPoliciesForTarget`.
    pub fn list_policies_for_target(
        &mut self,
        caller: &Caller,
        req: ListPoliciesForTargetRequest,
    ) -> OrgResult<ListPoliciesForTargetResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListPoliciesForTarget"))
    }

    /// `ListTargetsForPolicy`.
    pub fn list_targets_for_policy(
        &mut self,
        caller: &Caller,
        req: ListTargetsForPolicyRequest,
    ) -> OrgResult<ListTargetsForPolicyResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListTargetsForPolicy"))
    }

    /// `EnablePolicyType`.
    pub fn enable_policy_type(
        &mut self,
        caller: &Caller,
        req: EnablePolicyTypeRequest,
    ) -> OrgResult<EnablePolicyTypeResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("EnablePolicyType"))
    }

    /// `DisablePolicyType`.
    pub fn disable_policy_type(
        &mut self,
        caller: &Caller,
        req: DisablePolicyTypeRequest,
    ) -> OrgResult<DisablePolicyTypeResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DisablePolicyType"))
    }
}

/// Checks a policy document against its type's grammar and size limit, as CreatePolicy and
/// UpdatePolicy do: `MalformedPolicyDocumentException` for bad JSON or grammar,
/// `ConstraintViolationException POLICY_CONTENT_LIMIT_EXCEEDED` when too large.
pub fn validate_policy_document(policy_type: PolicyType, content: &str) -> OrgResult<()> {
    let _ = (policy_type, content);
    Ok(())
}
