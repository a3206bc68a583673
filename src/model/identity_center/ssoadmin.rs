//! `sso-admin` inputs and outputs in the API's member names. Required members are `Option`
//! so that a missing one is the service's `ValidationException`, not a decoding error.

pub use super::{Empty, IcTag};
use crate::model::Timestamp;
use serde::{Deserialize, Serialize};

/// Paging inputs shared by every list (`MaxResults` 1–100).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Paging {
    pub max_results: Option<i64>,
    pub next_token: Option<String>,
}

/// ListInstances input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListInstancesRequest {
    #[serde(flatten)]
    pub paging: Paging,
}

/// An instance in ListInstances / DescribeInstance.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct InstanceMetadata {
    pub instance_arn: String,
    pub identity_store_id: String,
    pub owner_account_id: String,
    pub name: Option<String>,
    pub created_date: Timestamp,
    pub status: String,
}

/// ListInstances output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListInstancesResponse {
    pub instances: Vec<InstanceMetadata>,
    pub next_token: Option<String>,
}

/// DescribeInstance input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeInstanceRequest {
    pub instance_arn: Option<String>,
}

/// DescribeInstance output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeInstanceResponse {
    #[serde(flatten)]
    pub instance: InstanceMetadata,
}

/// CreatePermissionSet input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreatePermissionSetRequest {
    pub instance_arn: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub session_duration: Option<String>,
    pub relay_state: Option<String>,
    pub tags: Option<Vec<IcTag>>,
}

/// A permission set as DescribePermissionSet shows it.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PermissionSet {
    pub name: String,
    pub permission_set_arn: String,
    pub description: Option<String>,
    pub created_date: Timestamp,
    pub session_duration: String,
    pub relay_state: Option<String>,
}

/// CreatePermissionSet / DescribePermissionSet output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PermissionSetResponse {
    pub permission_set: PermissionSet,
}

/// The input of operations on one permission set.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PermissionSetRef {
    pub instance_arn: Option<String>,
    pub permission_set_arn: Option<String>,
}

/// A list over one permission set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PagedPermissionSetRequest {
    #[serde(flatten)]
    pub ps: PermissionSetRef,
    #[serde(flatten)]
    pub paging: Paging,
}

/// ListPermissionSets input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListPermissionSetsRequest {
    pub instance_arn: Option<String>,
    #[serde(flatten)]
    pub paging: Paging,
}

/// ListPermissionSets / ListPermissionSetsProvisionedToAccount output (ARNs only).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListPermissionSetsResponse {
    pub permission_sets: Vec<String>,
    pub next_token: Option<String>,
}

/// UpdatePermissionSet input (the name cannot change).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdatePermissionSetRequest {
    #[serde(flatten)]
    pub ps: PermissionSetRef,
    pub description: Option<String>,
    pub session_duration: Option<String>,
    pub relay_state: Option<String>,
}

/// PutInlinePolicyToPermissionSet input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutInlinePolicyRequest {
    #[serde(flatten)]
    pub ps: PermissionSetRef,
    pub inline_policy: Option<String>,
}

/// GetInlinePolicyForPermissionSet output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetInlinePolicyResponse {
    pub inline_policy: Option<String>,
}

/// Attach/DetachManagedPolicy input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ManagedPolicyRequest {
    #[serde(flatten)]
    pub ps: PermissionSetRef,
    pub managed_policy_arn: Option<String>,
}

/// An AWS-managed policy attached to a permission set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AttachedManagedPolicy {
    pub name: String,
    pub arn: String,
}

/// ListManagedPoliciesInPermissionSet output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListManagedPoliciesResponse {
    pub attached_managed_policies: Vec<AttachedManagedPolicy>,
    pub next_token: Option<String>,
}

/// A customer-managed policy by name and path (it must exist in each target account).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CustomerManagedPolicyReference {
    pub name: Option<String>,
    pub path: Option<String>,
}

/// Attach/DetachCustomerManagedPolicyReference input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CustomerPolicyRequest {
    #[serde(flatten)]
    pub ps: PermissionSetRef,
    pub customer_managed_policy_reference: Option<CustomerManagedPolicyReference>,
}

/// ListCustomerManagedPolicyReferencesInPermissionSet output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListCustomerPoliciesResponse {
    pub customer_managed_policy_references: Vec<CustomerManagedPolicyReference>,
    pub next_token: Option<String>,
}

/// A permissions boundary: exactly one of the two members.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PermissionsBoundary {
    pub customer_managed_policy_reference: Option<CustomerManagedPolicyReference>,
    pub managed_policy_arn: Option<String>,
}

/// PutPermissionsBoundaryToPermissionSet input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutBoundaryRequest {
    #[serde(flatten)]
    pub ps: PermissionSetRef,
    pub permissions_boundary: Option<PermissionsBoundary>,
}

/// GetPermissionsBoundaryForPermissionSet output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetBoundaryResponse {
    pub permissions_boundary: PermissionsBoundary,
}

/// ProvisionPermissionSet input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ProvisionPermissionSetRequest {
    #[serde(flatten)]
    pub ps: PermissionSetRef,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
}

/// The status object of a ProvisionPermissionSet request.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PermissionSetProvisioningStatus {
    pub status: String,
    pub request_id: String,
    pub account_id: Option<String>,
    pub permission_set_arn: String,
    pub failure_reason: Option<String>,
    pub created_date: Timestamp,
}

/// ProvisionPermissionSet / DescribePermissionSetProvisioningStatus output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ProvisioningStatusResponse {
    pub permission_set_provisioning_status: PermissionSetProvisioningStatus,
}

/// DescribePermissionSetProvisioningStatus input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeProvisioningStatusRequest {
    pub instance_arn: Option<String>,
    pub provision_permission_set_request_id: Option<String>,
}

/// `Filter{Status}` of the status lists.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct OperationStatusFilter {
    pub status: Option<String>,
}

/// The input of the three status lists.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListStatusRequest {
    pub instance_arn: Option<String>,
    pub filter: Option<OperationStatusFilter>,
    #[serde(flatten)]
    pub paging: Paging,
}

/// One entry of a status list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct StatusMetadata {
    pub status: String,
    pub request_id: String,
    pub created_date: Timestamp,
}

/// ListPermissionSetProvisioningStatus output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListProvisioningStatusResponse {
    pub permission_sets_provisioning_status: Vec<StatusMetadata>,
    pub next_token: Option<String>,
}

/// ListAccountAssignmentCreationStatus output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListCreationStatusResponse {
    pub account_assignments_creation_status: Vec<StatusMetadata>,
    pub next_token: Option<String>,
}

/// ListAccountAssignmentDeletionStatus output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListDeletionStatusResponse {
    pub account_assignments_deletion_status: Vec<StatusMetadata>,
    pub next_token: Option<String>,
}

/// ListAccountsForProvisionedPermissionSet input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAccountsForProvisionedRequest {
    #[serde(flatten)]
    pub ps: PermissionSetRef,
    pub provisioning_status: Option<String>,
    #[serde(flatten)]
    pub paging: Paging,
}

/// ListAccountsForProvisionedPermissionSet output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAccountsForProvisionedResponse {
    pub account_ids: Vec<String>,
    pub next_token: Option<String>,
}

/// ListPermissionSetsProvisionedToAccount input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListPermissionSetsProvisionedRequest {
    pub instance_arn: Option<String>,
    pub account_id: Option<String>,
    pub provisioning_status: Option<String>,
    #[serde(flatten)]
    pub paging: Paging,
}

/// Create/DeleteAccountAssignment input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AccountAssignmentRequest {
    pub instance_arn: Option<String>,
    pub target_id: Option<String>,
    pub target_type: Option<String>,
    pub permission_set_arn: Option<String>,
    pub principal_type: Option<String>,
    pub principal_id: Option<String>,
}

/// The status object of an assignment creation or deletion.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AccountAssignmentOperationStatus {
    pub status: String,
    pub request_id: String,
    pub failure_reason: Option<String>,
    pub target_id: String,
    pub target_type: String,
    pub permission_set_arn: String,
    pub principal_type: String,
    pub principal_id: String,
    pub created_date: Timestamp,
}

/// CreateAccountAssignment / DescribeAccountAssignmentCreationStatus output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssignmentCreationResponse {
    pub account_assignment_creation_status: AccountAssignmentOperationStatus,
}

/// DeleteAccountAssignment / DescribeAccountAssignmentDeletionStatus output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssignmentDeletionResponse {
    pub account_assignment_deletion_status: AccountAssignmentOperationStatus,
}

/// DescribeAccountAssignmentCreationStatus input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeCreationStatusRequest {
    pub instance_arn: Option<String>,
    pub account_assignment_creation_request_id: Option<String>,
}

/// DescribeAccountAssignmentDeletionStatus input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeDeletionStatusRequest {
    pub instance_arn: Option<String>,
    pub account_assignment_deletion_request_id: Option<String>,
}

/// ListAccountAssignments input (account and permission set both required).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAccountAssignmentsRequest {
    #[serde(flatten)]
    pub ps: PermissionSetRef,
    pub account_id: Option<String>,
    #[serde(flatten)]
    pub paging: Paging,
}

/// One account assignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AccountAssignment {
    pub account_id: String,
    pub permission_set_arn: String,
    pub principal_type: String,
    pub principal_id: String,
}

/// ListAccountAssignments / ListAccountAssignmentsForPrincipal output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAccountAssignmentsResponse {
    pub account_assignments: Vec<AccountAssignment>,
    pub next_token: Option<String>,
}

/// `Filter{AccountId}` of ListAccountAssignmentsForPrincipal.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AccountFilter {
    pub account_id: Option<String>,
}

/// ListAccountAssignmentsForPrincipal input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAssignmentsForPrincipalRequest {
    pub instance_arn: Option<String>,
    pub principal_id: Option<String>,
    pub principal_type: Option<String>,
    pub filter: Option<AccountFilter>,
    #[serde(flatten)]
    pub paging: Paging,
}

/// TagResource input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TagResourceRequest {
    pub instance_arn: Option<String>,
    pub resource_arn: Option<String>,
    pub tags: Option<Vec<IcTag>>,
}

/// UntagResource input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UntagResourceRequest {
    pub instance_arn: Option<String>,
    pub resource_arn: Option<String>,
    pub tag_keys: Option<Vec<String>>,
}

/// ListTagsForResource input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTagsRequest {
    pub instance_arn: Option<String>,
    pub resource_arn: Option<String>,
    pub next_token: Option<String>,
}

/// ListTagsForResource output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTagsResponse {
    pub tags: Vec<IcTag>,
    pub next_token: Option<String>,
}
