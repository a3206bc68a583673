//! Outputs of every operation, in the service model's member names.
//!
#![allow(missing_docs)]

use super::entities::*;
use super::enums::*;
use super::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Output of `AcceptHandshake`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AcceptHandshakeResponse {
    pub handshake: Handshake,
}

/// Output of `AttachPolicy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AttachPolicyResponse {}

/// Output of `CancelHandshake`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CancelHandshakeResponse {
    pub handshake: Handshake,
}

/// Output of `CloseAccount`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CloseAccountResponse {}

/// Output of `CreateAccount`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateAccountResponse {
    pub create_account_status: CreateAccountStatus,
}

/// Output of `CreateOrganization`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateOrganizationResponse {
    pub organization: Organization,
}

/// Output of `CreateOrganizationalUnit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateOrganizationalUnitResponse {
    pub organizational_unit: OrganizationalUnit,
}

/// Output of `CreatePolicy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreatePolicyResponse {
    pub policy: Policy,
}

/// Output of `DeclineHandshake`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeclineHandshakeResponse {
    pub handshake: Handshake,
}

/// Output of `DeleteOrganization`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteOrganizationResponse {}

/// Output of `DeleteOrganizationalUnit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteOrganizationalUnitResponse {}

/// Output of `DeletePolicy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeletePolicyResponse {}

/// Output of `DeleteResourcePolicy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteResourcePolicyResponse {}

/// Output of `DeregisterDelegatedAdministrator`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeregisterDelegatedAdministratorResponse {}

/// Output of `DescribeAccount`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeAccountResponse {
    pub account: Account,
}

/// Output of `DescribeCreateAccountStatus`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeCreateAccountStatusResponse {
    pub create_account_status: CreateAccountStatus,
}

/// Output of `DescribeEffectivePolicy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeEffectivePolicyResponse {
    pub effective_policy: EffectivePolicy,
}

/// Output of `DescribeHandshake`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeHandshakeResponse {
    pub handshake: Handshake,
}

/// Output of `DescribeOrganization`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeOrganizationResponse {
    pub organization: Organization,
}

/// Output of `DescribeOrganizationalUnit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeOrganizationalUnitResponse {
    pub organizational_unit: OrganizationalUnit,
}

/// Output of `DescribePolicy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribePolicyResponse {
    pub policy: Policy,
}

/// Output of `DescribeResourcePolicy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeResourcePolicyResponse {
    pub resource_policy: ResourcePolicy,
}

/// Output of `DetachPolicy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DetachPolicyResponse {}

/// Output of `DisableAWSServiceAccess`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DisableAWSServiceAccessResponse {}

/// Output of `DisablePolicyType`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DisablePolicyTypeResponse {
    pub root: Root,
}

/// Output of `EnableAWSServiceAccess`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EnableAWSServiceAccessResponse {}

/// Output of `EnableAllFeatures`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EnableAllFeaturesResponse {
    pub handshake: Handshake,
}

/// Output of `EnablePolicyType`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EnablePolicyTypeResponse {
    pub root: Root,
}

/// Output of `InviteAccountToOrganization`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct InviteAccountToOrganizationResponse {
    pub handshake: Handshake,
}

/// Output of `LeaveOrganization`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LeaveOrganizationResponse {}

/// Output of `ListAWSServiceAccessForOrganization`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAWSServiceAccessForOrganizationResponse {
    #[serde(default)]
    pub enabled_service_principals: Vec<EnabledServicePrincipal>,
    pub next_token: Option<String>,
}

/// Output of `ListAccounts`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAccountsResponse {
    #[serde(default)]
    pub accounts: Vec<Account>,
    pub next_token: Option<String>,
}

/// Output of `ListAccountsForParent`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAccountsForParentResponse {
    #[serde(default)]
    pub accounts: Vec<Account>,
    pub next_token: Option<String>,
}

/// Output of `ListAccountsWithInvalidEffectivePolicy`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAccountsWithInvalidEffectivePolicyResponse {
    #[serde(default)]
    pub accounts: Vec<Account>,
    pub policy_type: Option<PolicyType>,
    pub next_token: Option<String>,
}

/// Output of `ListChildren`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListChildrenResponse {
    #[serde(default)]
    pub children: Vec<Child>,
    pub next_token: Option<String>,
}

/// Output of `ListCreateAccountStatus`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListCreateAccountStatusResponse {
    #[serde(default)]
    pub create_account_statuses: Vec<CreateAccountStatus>,
    pub next_token: Option<String>,
}

/// Output of `ListDelegatedAdministrators`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListDelegatedAdministratorsResponse {
    #[serde(default)]
    pub delegated_administrators: Vec<DelegatedAdministrator>,
    pub next_token: Option<String>,
}

/// Output of `ListDelegatedServicesForAccount`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListDelegatedServicesForAccountResponse {
    #[serde(default)]
    pub delegated_services: Vec<DelegatedService>,
    pub next_token: Option<String>,
}

/// Output of `ListEffectivePolicyValidationErrors`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListEffectivePolicyValidationErrorsResponse {
    pub account_id: Option<String>,
    pub policy_type: Option<PolicyType>,
    pub path: Option<String>,
    pub evaluation_timestamp: Option<Timestamp>,
    pub next_token: Option<String>,
    #[serde(default)]
    pub effective_policy_validation_errors: Vec<EffectivePolicyValidationError>,
}

/// Output of `ListHandshakesForAccount`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListHandshakesForAccountResponse {
    #[serde(default)]
    pub handshakes: Vec<Handshake>,
    pub next_token: Option<String>,
}

/// Output of `ListHandshakesForOrganization`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListHandshakesForOrganizationResponse {
    #[serde(default)]
    pub handshakes: Vec<Handshake>,
    pub next_token: Option<String>,
}

/// Output of `ListOrganizationalUnitsForParent`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListOrganizationalUnitsForParentResponse {
    #[serde(default)]
    pub organizational_units: Vec<OrganizationalUnit>,
    pub next_token: Option<String>,
}

/// Output of `ListParents`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListParentsResponse {
    #[serde(default)]
    pub parents: Vec<Parent>,
    pub next_token: Option<String>,
}

/// Output of `ListPolicies`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListPoliciesResponse {
    #[serde(default)]
    pub policies: Vec<PolicySummary>,
    pub next_token: Option<String>,
}

/// Output of `ListPoliciesForTarget`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListPoliciesForTargetResponse {
    #[serde(default)]
    pub policies: Vec<PolicySummary>,
    pub next_token: Option<String>,
}

/// Output of `ListRoots`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListRootsResponse {
    #[serde(default)]
    pub roots: Vec<Root>,
    pub next_token: Option<String>,
}

/// Output of `ListTagsForResource`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTagsForResourceResponse {
    #[serde(default)]
    pub tags: Vec<Tag>,
    pub next_token: Option<String>,
}

/// Output of `ListTargetsForPolicy`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTargetsForPolicyResponse {
    #[serde(default)]
    pub targets: Vec<PolicyTargetSummary>,
    pub next_token: Option<String>,
}

/// Output of `MoveAccount`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MoveAccountResponse {}

/// Output of `PutResourcePolicy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutResourcePolicyResponse {
    pub resource_policy: ResourcePolicy,
}

/// Output of `RegisterDelegatedAdministrator`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RegisterDelegatedAdministratorResponse {}

/// Output of `RemoveAccountFromOrganization`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RemoveAccountFromOrganizationResponse {}

/// Output of `TagResource`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TagResourceResponse {}

/// Output of `UntagResource`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UntagResourceResponse {}

/// Output of `UpdateOrganizationalUnit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateOrganizationalUnitResponse {
    pub organizational_unit: OrganizationalUnit,
}

/// Output of `UpdatePolicy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdatePolicyResponse {
    pub policy: Policy,
}
