//! Inputs of every operation, in the service model's member names.
//!
//! Ids arrive as text and are validated by the engine, so a malformed id gets the
//! `InvalidInputException` reason the service gives rather than a parse failure.

#![allow(missing_docs)]

use super::entities::*;
use super::enums::*;
use serde::{Deserialize, Serialize};

/// Input of `AcceptHandshake`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AcceptHandshakeRequest {
    pub handshake_id: String,
}

/// Input of `AttachPolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AttachPolicyRequest {
    pub policy_id: String,
    pub target_id: String,
}

/// Input of `CancelHandshake`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CancelHandshakeRequest {
    pub handshake_id: String,
}

/// Input of `CloseAccount`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CloseAccountRequest {
    pub account_id: String,
}

/// Input of `CreateAccount`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateAccountRequest {
    pub email: String,
    pub account_name: String,
    pub role_name: Option<String>,
    pub iam_user_access_to_billing: Option<IamUserAccessToBilling>,
    pub tags: Option<Vec<Tag>>,
}

/// Input of `CreateOrganization`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateOrganizationRequest {
    pub feature_set: Option<FeatureSet>,
}

/// Input of `CreateOrganizationalUnit`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateOrganizationalUnitRequest {
    pub parent_id: String,
    pub name: String,
    pub tags: Option<Vec<Tag>>,
}

/// Input of `CreatePolicy`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreatePolicyRequest {
    pub content: String,
    pub description: String,
    pub name: String,
    pub r#type: PolicyType,
    pub tags: Option<Vec<Tag>>,
}

/// Input of `DeclineHandshake`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeclineHandshakeRequest {
    pub handshake_id: String,
}

/// Input of `DeleteOrganization`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteOrganizationRequest {}

/// Input of `DeleteOrganizationalUnit`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteOrganizationalUnitRequest {
    pub organizational_unit_id: String,
}

/// Input of `DeletePolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeletePolicyRequest {
    pub policy_id: String,
}

/// Input of `DeleteResourcePolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteResourcePolicyRequest {}

/// Input of `DeregisterDelegatedAdministrator`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeregisterDelegatedAdministratorRequest {
    pub account_id: String,
    pub service_principal: String,
}

/// Input of `DescribeAccount`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeAccountRequest {
    pub account_id: String,
}

/// Input of `DescribeCreateAccountStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeCreateAccountStatusRequest {
    pub create_account_request_id: String,
}

/// Input of `DescribeEffectivePolicy`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeEffectivePolicyRequest {
    pub policy_type: PolicyType,
    pub target_id: Option<String>,
}

/// Input of `DescribeHandshake`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeHandshakeRequest {
    pub handshake_id: String,
}

/// Input of `DescribeOrganization`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeOrganizationRequest {}

/// Input of `DescribeOrganizationalUnit`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeOrganizationalUnitRequest {
    pub organizational_unit_id: String,
}

/// Input of `DescribePolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribePolicyRequest {
    pub policy_id: String,
}

/// Input of `DescribeResourcePolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeResourcePolicyRequest {}

/// Input of `DetachPolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DetachPolicyRequest {
    pub policy_id: String,
    pub target_id: String,
}

/// Input of `DisableAWSServiceAccess`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DisableAWSServiceAccessRequest {
    pub service_principal: String,
}

/// Input of `DisablePolicyType`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DisablePolicyTypeRequest {
    pub root_id: String,
    pub policy_type: PolicyType,
}

/// Input of `EnableAWSServiceAccess`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EnableAWSServiceAccessRequest {
    pub service_principal: String,
}

/// Input of `EnableAllFeatures`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EnableAllFeaturesRequest {}

/// Input of `EnablePolicyType`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EnablePolicyTypeRequest {
    pub root_id: String,
    pub policy_type: PolicyType,
}

/// Input of `InviteAccountToOrganization`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct InviteAccountToOrganizationRequest {
    pub target: HandshakeParty,
    pub notes: Option<String>,
    pub tags: Option<Vec<Tag>>,
}

/// Input of `LeaveOrganization`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LeaveOrganizationRequest {}

/// Input of `ListAWSServiceAccessForOrganization`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAWSServiceAccessForOrganizationRequest {
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListAccounts`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAccountsRequest {
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListAccountsForParent`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAccountsForParentRequest {
    pub parent_id: String,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListAccountsWithInvalidEffectivePolicy`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAccountsWithInvalidEffectivePolicyRequest {
    pub policy_type: PolicyType,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListChildren`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListChildrenRequest {
    pub parent_id: String,
    pub child_type: ChildType,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListCreateAccountStatus`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListCreateAccountStatusRequest {
    pub states: Option<Vec<CreateAccountState>>,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListDelegatedAdministrators`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListDelegatedAdministratorsRequest {
    pub service_principal: Option<String>,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListDelegatedServicesForAccount`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListDelegatedServicesForAccountRequest {
    pub account_id: String,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListEffectivePolicyValidationErrors`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListEffectivePolicyValidationErrorsRequest {
    pub account_id: String,
    pub policy_type: PolicyType,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListHandshakesForAccount`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListHandshakesForAccountRequest {
    pub filter: Option<HandshakeFilter>,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListHandshakesForOrganization`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListHandshakesForOrganizationRequest {
    pub filter: Option<HandshakeFilter>,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListOrganizationalUnitsForParent`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListOrganizationalUnitsForParentRequest {
    pub parent_id: String,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListParents`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListParentsRequest {
    pub child_id: String,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListPolicies`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListPoliciesRequest {
    pub filter: PolicyType,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListPoliciesForTarget`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListPoliciesForTargetRequest {
    pub target_id: String,
    pub filter: PolicyType,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListRoots`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListRootsRequest {
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `ListTagsForResource`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTagsForResourceRequest {
    pub resource_id: String,
    pub next_token: Option<String>,
}

/// Input of `ListTargetsForPolicy`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTargetsForPolicyRequest {
    pub policy_id: String,
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

/// Input of `MoveAccount`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MoveAccountRequest {
    pub account_id: String,
    pub source_parent_id: String,
    pub destination_parent_id: String,
}

/// Input of `PutResourcePolicy`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutResourcePolicyRequest {
    pub content: String,
    pub tags: Option<Vec<Tag>>,
}

/// Input of `RegisterDelegatedAdministrator`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RegisterDelegatedAdministratorRequest {
    pub account_id: String,
    pub service_principal: String,
}

/// Input of `RemoveAccountFromOrganization`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RemoveAccountFromOrganizationRequest {
    pub account_id: String,
}

/// Input of `TagResource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TagResourceRequest {
    pub resource_id: String,
    #[serde(default)]
    pub tags: Vec<Tag>,
}

/// Input of `UntagResource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UntagResourceRequest {
    pub resource_id: String,
    #[serde(default)]
    pub tag_keys: Vec<String>,
}

/// Input of `UpdateOrganizationalUnit`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateOrganizationalUnitRequest {
    pub organizational_unit_id: String,
    pub name: Option<String>,
}

/// Input of `UpdatePolicy`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdatePolicyRequest {
    pub policy_id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub content: Option<String>,
}
