//! Policies, policy types, effective policies and the resource (delegation) policy through
//! the SDK.

use super::super::convert::*;
use super::super::error::map;
use crate::model::*;
use aws_sdk_organizations::Client;

pub async fn create_policy(c: &Client, r: CreatePolicyRequest) -> OrgResult<CreatePolicyResponse> {
    let o = c
        .create_policy()
        .content(r.content)
        .description(r.description)
        .name(r.name)
        .r#type(en(r.r#type.as_str()))
        .set_tags(tags_out(r.tags))
        .send()
        .await
        .map_err(map)?;
    Ok(CreatePolicyResponse { policy: policy(o.policy)? })
}

pub async fn update_policy(c: &Client, r: UpdatePolicyRequest) -> OrgResult<UpdatePolicyResponse> {
    let o = c
        .update_policy()
        .policy_id(r.policy_id)
        .set_name(r.name)
        .set_description(r.description)
        .set_content(r.content)
        .send()
        .await
        .map_err(map)?;
    Ok(UpdatePolicyResponse { policy: policy(o.policy)? })
}

pub async fn delete_policy(c: &Client, r: DeletePolicyRequest) -> OrgResult<DeletePolicyResponse> {
    c.delete_policy().policy_id(r.policy_id).send().await.map_err(map)?;
    Ok(DeletePolicyResponse {})
}

pub async fn describe_policy(c: &Client, r: DescribePolicyRequest) -> OrgResult<DescribePolicyResponse> {
    let o = c.describe_policy().policy_id(r.policy_id).send().await.map_err(map)?;
    Ok(DescribePolicyResponse { policy: policy(o.policy)? })
}

pub async fn attach_policy(c: &Client, r: AttachPolicyRequest) -> OrgResult<AttachPolicyResponse> {
    c.attach_policy().policy_id(r.policy_id).target_id(r.target_id).send().await.map_err(map)?;
    Ok(AttachPolicyResponse {})
}

pub async fn detach_policy(c: &Client, r: DetachPolicyRequest) -> OrgResult<DetachPolicyResponse> {
    c.detach_policy().policy_id(r.policy_id).target_id(r.target_id).send().await.map_err(map)?;
    Ok(DetachPolicyResponse {})
}

pub async fn list_policies(c: &Client, r: ListPoliciesRequest) -> OrgResult<ListPoliciesResponse> {
    let o = c
        .list_policies()
        .filter(en(r.filter.as_str()))
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    Ok(ListPoliciesResponse {
        policies: list(o.policies, policy_summary)?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}

pub async fn list_policies_for_target(
    c: &Client,
    r: ListPoliciesForTargetRequest,
) -> OrgResult<ListPoliciesForTargetResponse> {
    let o = c
        .list_policies_for_target()
        .target_id(r.target_id)
        .filter(en(r.filter.as_str()))
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    Ok(ListPoliciesForTargetResponse {
        policies: list(o.policies, policy_summary)?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}

pub async fn list_targets_for_policy(
    c: &Client,
    r: ListTargetsForPolicyRequest,
) -> OrgResult<ListTargetsForPolicyResponse> {
    let o = c
        .list_targets_for_policy()
        .policy_id(r.policy_id)
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    Ok(ListTargetsForPolicyResponse {
        targets: list(o.targets, target)?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}

pub async fn enable_policy_type(
    c: &Client,
    r: EnablePolicyTypeRequest,
) -> OrgResult<EnablePolicyTypeResponse> {
    let o = c
        .enable_policy_type()
        .root_id(r.root_id)
        .policy_type(en(r.policy_type.as_str()))
        .send()
        .await
        .map_err(map)?;
    Ok(EnablePolicyTypeResponse { root: root(need("Root", o.root)?)? })
}

pub async fn disable_policy_type(
    c: &Client,
    r: DisablePolicyTypeRequest,
) -> OrgResult<DisablePolicyTypeResponse> {
    let o = c
        .disable_policy_type()
        .root_id(r.root_id)
        .policy_type(en(r.policy_type.as_str()))
        .send()
        .await
        .map_err(map)?;
    Ok(DisablePolicyTypeResponse { root: root(need("Root", o.root)?)? })
}

pub async fn describe_effective_policy(
    c: &Client,
    r: DescribeEffectivePolicyRequest,
) -> OrgResult<DescribeEffectivePolicyResponse> {
    let o = c
        .describe_effective_policy()
        .policy_type(en(r.policy_type.as_str()))
        .set_target_id(r.target_id)
        .send()
        .await
        .map_err(map)?;
    let p = need("EffectivePolicy", o.effective_policy)?;
    Ok(DescribeEffectivePolicyResponse {
        effective_policy: EffectivePolicy {
            policy_content: p.policy_content.unwrap_or_default(),
            last_updated_timestamp: ts(
                "EffectivePolicy.LastUpdatedTimestamp",
                p.last_updated_timestamp.as_ref(),
            )?,
            target_id: p.target_id.unwrap_or_default(),
            policy_type: req("EffectivePolicy.PolicyType", p.policy_type.as_ref().map(|t| t.as_str()))?,
        },
    })
}

pub async fn list_accounts_with_invalid_effective_policy(
    c: &Client,
    r: ListAccountsWithInvalidEffectivePolicyRequest,
) -> OrgResult<ListAccountsWithInvalidEffectivePolicyResponse> {
    let o = c
        .list_accounts_with_invalid_effective_policy()
        .policy_type(en(r.policy_type.as_str()))
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    Ok(ListAccountsWithInvalidEffectivePolicyResponse {
        accounts: list(o.accounts, account)?,
        policy_type: opt(
            "ListAccountsWithInvalidEffectivePolicy.PolicyType",
            o.policy_type.as_ref().map(|t| t.as_str()),
        )?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}

pub async fn list_effective_policy_validation_errors(
    c: &Client,
    r: ListEffectivePolicyValidationErrorsRequest,
) -> OrgResult<ListEffectivePolicyValidationErrorsResponse> {
    let o = c
        .list_effective_policy_validation_errors()
        .account_id(r.account_id)
        .policy_type(en(r.policy_type.as_str()))
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    Ok(ListEffectivePolicyValidationErrorsResponse {
        account_id: o.account_id,
        policy_type: opt(
            "ListEffectivePolicyValidationErrors.PolicyType",
            o.policy_type.as_ref().map(|t| t.as_str()),
        )?,
        path: o.path,
        evaluation_timestamp: ts_opt(
            "ListEffectivePolicyValidationErrors.EvaluationTimestamp",
            o.evaluation_timestamp.as_ref(),
        )?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
        effective_policy_validation_errors: list(o.effective_policy_validation_errors, validation_error)?,
    })
}

pub async fn put_resource_policy(
    c: &Client,
    r: PutResourcePolicyRequest,
) -> OrgResult<PutResourcePolicyResponse> {
    let o =
        c.put_resource_policy().content(r.content).set_tags(tags_out(r.tags)).send().await.map_err(map)?;
    Ok(PutResourcePolicyResponse { resource_policy: resource_policy(o.resource_policy)? })
}

pub async fn describe_resource_policy(
    c: &Client,
    _r: DescribeResourcePolicyRequest,
) -> OrgResult<DescribeResourcePolicyResponse> {
    let o = c.describe_resource_policy().send().await.map_err(map)?;
    Ok(DescribeResourcePolicyResponse { resource_policy: resource_policy(o.resource_policy)? })
}

pub async fn delete_resource_policy(
    c: &Client,
    _r: DeleteResourcePolicyRequest,
) -> OrgResult<DeleteResourcePolicyResponse> {
    c.delete_resource_policy().send().await.map_err(map)?;
    Ok(DeleteResourcePolicyResponse {})
}
