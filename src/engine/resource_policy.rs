//! The resource-based delegation policy (reference §5.12): at most one per organization; it
//! lets delegated administrators call the policy-management operations it grants. The
//! document grammar and evaluation are policy-language work (`policy::delegation`); this module
//! keeps the organization's record of it.

use super::{Engine, OrgState, ResourcePolicyRecord, validate};
use crate::model::*;
use crate::policy::delegation;

impl Engine {
    /// `PutResourcePolicy`: creates the organization's delegation policy or replaces its
    /// content (keeping its id and tags). Tags may be given only when it is created.
    pub fn put_resource_policy(
        &mut self,
        caller: &Caller,
        req: PutResourcePolicyRequest,
    ) -> OrgResult<PutResourcePolicyResponse> {
        self.tick();
        // Over-long content fails the model's length check (InvalidInputException
        // MAX_LENGTH_EXCEEDED); the size is the configurable delegation-policy quota.
        validate::length("Content", &req.content, 1, self.state.quotas.max_resource_policy_size)?;
        let tags = req.tags.unwrap_or_default();
        super::tags::validate_tags(&tags)?;
        self.require_management(caller, "PutResourcePolicy")?;
        delegation::parse(&req.content)?;
        let existing = self.org()?.resource_policy.as_ref().map(|r| r.id.clone());
        if existing.is_some() && !tags.is_empty() {
            // The API documentation says only that "an exception is thrown"; no reason code
            // fits, so this is a bare InvalidInputException.
            return Err(OrgError::new(
                ErrorCode::InvalidInputException,
                "Tags can be given only when the resource policy is first created; use TagResource to tag it.",
            ));
        }
        validate::new_tags(&tags, self.state.quotas.max_tags)?;
        let id = match existing {
            Some(id) => id,
            None => self.new_resource_policy_id(),
        };
        let partition = self.partition().to_string();
        let org = self.org_mut()?;
        match org.resource_policy.as_mut() {
            Some(rp) => rp.content = req.content,
            None => org.resource_policy = Some(ResourcePolicyRecord { id, content: req.content, tags }),
        }
        let resource_policy = resource_policy_view(org, &partition)?;
        Ok(PutResourcePolicyResponse { resource_policy })
    }

    /// `DescribeResourcePolicy`: the management account or a delegated administrator.
    pub fn describe_resource_policy(
        &mut self,
        caller: &Caller,
        _req: DescribeResourcePolicyRequest,
    ) -> OrgResult<DescribeResourcePolicyResponse> {
        self.tick();
        self.require_reader(caller, "DescribeResourcePolicy")?;
        let resource_policy = resource_policy_view(self.org()?, self.partition())?;
        Ok(DescribeResourcePolicyResponse { resource_policy })
    }

    /// `DeleteResourcePolicy`: removes the policy (and its tags); delegated administrators
    /// keep only their read access.
    pub fn delete_resource_policy(
        &mut self,
        caller: &Caller,
        _req: DeleteResourcePolicyRequest,
    ) -> OrgResult<DeleteResourcePolicyResponse> {
        self.tick();
        self.require_management(caller, "DeleteResourcePolicy")?;
        if self.org()?.resource_policy.is_none() {
            return Err(not_found());
        }
        self.org_mut()?.resource_policy = None;
        Ok(DeleteResourcePolicyResponse {})
    }
}

impl Engine {
    /// Whether the resource (delegation) policy lets member `account` call
    /// `organizations:{op}` (for `policy_type`, when the statement has an
    /// `organizations:PolicyType` condition). Deny wins; no policy allows nothing.
    pub(crate) fn resource_policy_allows(
        &self,
        account: &AccountId,
        op: &str,
        policy_type: Option<PolicyType>,
    ) -> bool {
        match self.state.org.as_ref().and_then(|o| o.resource_policy.as_ref()) {
            Some(rp) => delegation::allows(&rp.content, account, op, policy_type),
            None => false,
        }
    }
}

fn not_found() -> OrgError {
    OrgError::new(ErrorCode::ResourcePolicyNotFoundException, "The organization has no resource policy.")
}

fn resource_policy_view(org: &OrgState, partition: &str) -> OrgResult<ResourcePolicy> {
    let rp = org.resource_policy.as_ref().ok_or_else(not_found)?;
    Ok(ResourcePolicy {
        resource_policy_summary: ResourcePolicySummary {
            id: rp.id.clone(),
            arn: org.arns(partition).resource_policy(&rp.id),
        },
        content: rp.content.clone(),
    })
}
