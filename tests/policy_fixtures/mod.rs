//! Fixtures shared by the policy engine tests: policy documents and short calls.
#![allow(dead_code)]

use crate::common::*;
use orgtui::engine::Engine;
use orgtui::model::*;

pub const M: &Caller = &Caller::Management;
pub const SCP: PolicyType = PolicyType::ServiceControlPolicy;
pub const RCP: PolicyType = PolicyType::ResourceControlPolicy;
pub const TAG: PolicyType = PolicyType::TagPolicy;
pub const DENY_S3: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#;
pub const RCP_DENY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}"#;
pub const TAG_DOC: &str = r#"{"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"}}}}"#;

pub fn create(e: &mut Engine, name: &str, ty: PolicyType, content: &str) -> OrgResult<Policy> {
    e.create_policy(
        M,
        CreatePolicyRequest {
            content: content.into(),
            description: format!("{name} description"),
            name: name.into(),
            r#type: ty,
            tags: None,
        },
    )
    .map(|r| r.policy)
}

/// Creates a policy of a type with a valid document for it and returns its id.
pub fn policy(e: &mut Engine, name: &str, ty: PolicyType) -> String {
    let content = match ty {
        PolicyType::ServiceControlPolicy => DENY_S3,
        PolicyType::ResourceControlPolicy => RCP_DENY,
        _ => TAG_DOC,
    };
    create(e, name, ty, content).unwrap().policy_summary.id.to_string()
}

pub fn attach(e: &mut Engine, p: &str, t: &str) -> OrgResult<AttachPolicyResponse> {
    e.attach_policy(M, AttachPolicyRequest { policy_id: p.into(), target_id: t.into() })
}

pub fn detach(e: &mut Engine, p: &str, t: &str) -> OrgResult<DetachPolicyResponse> {
    e.detach_policy(M, DetachPolicyRequest { policy_id: p.into(), target_id: t.into() })
}

pub fn for_target(e: &mut Engine, t: &str, ty: PolicyType) -> Vec<String> {
    e.list_policies_for_target(
        M,
        ListPoliciesForTargetRequest { target_id: t.into(), filter: ty, ..Default::default() },
    )
    .unwrap()
    .policies
    .into_iter()
    .map(|p| p.id.to_string())
    .collect()
}

pub fn targets(e: &mut Engine, p: &str) -> Vec<String> {
    e.list_targets_for_policy(M, ListTargetsForPolicyRequest { policy_id: p.into(), ..Default::default() })
        .unwrap()
        .targets
        .into_iter()
        .map(|t| t.target_id)
        .collect()
}

pub fn enable(e: &mut Engine, root: &str, ty: PolicyType) -> OrgResult<Root> {
    e.enable_policy_type(M, EnablePolicyTypeRequest { root_id: root.into(), policy_type: ty }).map(|r| r.root)
}

pub fn disable(e: &mut Engine, root: &str, ty: PolicyType) -> OrgResult<Root> {
    e.disable_policy_type(M, DisablePolicyTypeRequest { root_id: root.into(), policy_type: ty })
        .map(|r| r.root)
}

pub fn cb_org() -> Engine {
    let (mut e, _c) = engine();
    e.create_organization(
        M,
        CreateOrganizationRequest { feature_set: Some(FeatureSet::ConsolidatedBilling) },
    )
    .unwrap();
    e
}

pub fn types_of(root: &Root) -> Vec<PolicyType> {
    root.policy_types.iter().map(|t| t.r#type).collect()
}
