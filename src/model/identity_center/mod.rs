//! IAM Identity Center as the services name it: `sso-admin` (instances, permission sets,
//! account assignments, provisioning) and `identitystore` (users, groups, memberships). The
//! inputs and outputs carry the APIs' member names, the errors the services' own vocabulary,
//! and each service has its operation list (`for_each_ssoadmin_operation!`,
//! `for_each_identitystore_operation!`) from which the engine's table, `serve` and later the
//! backend trait are generated. `docs/reference/identity-center.md` is the specification.

pub mod identitystore;
pub mod ssoadmin;

use serde::{Deserialize, Serialize};

/// The `X-Amz-Target` prefix of `sso-admin` operations.
pub const SSOADMIN_TARGET_PREFIX: &str = "SWBExternalService.";
/// The `X-Amz-Target` prefix of `identitystore` operations.
pub const IDENTITYSTORE_TARGET_PREFIX: &str = "AWSIdentityStore.";
/// CloudTrail's event source of `sso-admin` calls.
pub const SSO_EVENT_SOURCE: &str = "sso.amazonaws.com";
/// CloudTrail's event source of `identitystore` calls.
pub const IDENTITYSTORE_EVENT_SOURCE: &str = "identitystore.amazonaws.com";
/// The service principal a delegated administrator of Identity Center is registered for.
pub const SSO_SERVICE_PRINCIPAL: &str = "sso.amazonaws.com";

/// Calls `$m!` with one `(WireName, method_name, Request, Response)` tuple per `sso-admin`
/// operation the engine answers.
#[macro_export]
macro_rules! for_each_ssoadmin_operation {
    ($m:ident) => {
        $m! {
            (ListInstances, sso_list_instances, ListInstancesRequest, ListInstancesResponse),
            (DescribeInstance, sso_describe_instance, DescribeInstanceRequest, DescribeInstanceResponse),
            (CreatePermissionSet, sso_create_permission_set, CreatePermissionSetRequest, PermissionSetResponse),
            (DescribePermissionSet, sso_describe_permission_set, PermissionSetRef, PermissionSetResponse),
            (ListPermissionSets, sso_list_permission_sets, ListPermissionSetsRequest, ListPermissionSetsResponse),
            (UpdatePermissionSet, sso_update_permission_set, UpdatePermissionSetRequest, Empty),
            (DeletePermissionSet, sso_delete_permission_set, PermissionSetRef, Empty),
            (PutInlinePolicyToPermissionSet, sso_put_inline_policy, PutInlinePolicyRequest, Empty),
            (GetInlinePolicyForPermissionSet, sso_get_inline_policy, PermissionSetRef, GetInlinePolicyResponse),
            (DeleteInlinePolicyFromPermissionSet, sso_delete_inline_policy, PermissionSetRef, Empty),
            (AttachManagedPolicyToPermissionSet, sso_attach_managed_policy, ManagedPolicyRequest, Empty),
            (DetachManagedPolicyFromPermissionSet, sso_detach_managed_policy, ManagedPolicyRequest, Empty),
            (ListManagedPoliciesInPermissionSet, sso_list_managed_policies, PagedPermissionSetRequest, ListManagedPoliciesResponse),
            (AttachCustomerManagedPolicyReferenceToPermissionSet, sso_attach_customer_policy, CustomerPolicyRequest, Empty),
            (DetachCustomerManagedPolicyReferenceFromPermissionSet, sso_detach_customer_policy, CustomerPolicyRequest, Empty),
            (ListCustomerManagedPolicyReferencesInPermissionSet, sso_list_customer_policies, PagedPermissionSetRequest, ListCustomerPoliciesResponse),
            (PutPermissionsBoundaryToPermissionSet, sso_put_boundary, PutBoundaryRequest, Empty),
            (GetPermissionsBoundaryForPermissionSet, sso_get_boundary, PermissionSetRef, GetBoundaryResponse),
            (DeletePermissionsBoundaryFromPermissionSet, sso_delete_boundary, PermissionSetRef, Empty),
            (ProvisionPermissionSet, sso_provision_permission_set, ProvisionPermissionSetRequest, ProvisioningStatusResponse),
            (DescribePermissionSetProvisioningStatus, sso_describe_provisioning_status, DescribeProvisioningStatusRequest, ProvisioningStatusResponse),
            (ListPermissionSetProvisioningStatus, sso_list_provisioning_status, ListStatusRequest, ListProvisioningStatusResponse),
            (ListAccountsForProvisionedPermissionSet, sso_list_accounts_for_provisioned, ListAccountsForProvisionedRequest, ListAccountsForProvisionedResponse),
            (ListPermissionSetsProvisionedToAccount, sso_list_permission_sets_provisioned, ListPermissionSetsProvisionedRequest, ListPermissionSetsResponse),
            (CreateAccountAssignment, sso_create_account_assignment, AccountAssignmentRequest, AssignmentCreationResponse),
            (DeleteAccountAssignment, sso_delete_account_assignment, AccountAssignmentRequest, AssignmentDeletionResponse),
            (DescribeAccountAssignmentCreationStatus, sso_describe_assignment_creation, DescribeCreationStatusRequest, AssignmentCreationResponse),
            (DescribeAccountAssignmentDeletionStatus, sso_describe_assignment_deletion, DescribeDeletionStatusRequest, AssignmentDeletionResponse),
            (ListAccountAssignmentCreationStatus, sso_list_assignment_creation, ListStatusRequest, ListCreationStatusResponse),
            (ListAccountAssignmentDeletionStatus, sso_list_assignment_deletion, ListStatusRequest, ListDeletionStatusResponse),
            (ListAccountAssignments, sso_list_account_assignments, ListAccountAssignmentsRequest, ListAccountAssignmentsResponse),
            (ListAccountAssignmentsForPrincipal, sso_list_assignments_for_principal, ListAssignmentsForPrincipalRequest, ListAccountAssignmentsResponse),
            (TagResource, sso_tag_resource, TagResourceRequest, Empty),
            (UntagResource, sso_untag_resource, UntagResourceRequest, Empty),
            (ListTagsForResource, sso_list_tags_for_resource, ListTagsRequest, ListTagsResponse),
        }
    };
}

/// Calls `$m!` with one `(WireName, method_name, Request, Response)` tuple per
/// `identitystore` operation the engine answers.
#[macro_export]
macro_rules! for_each_identitystore_operation {
    ($m:ident) => {
        $m! {
            (ListUsers, ids_list_users, ListUsersRequest, ListUsersResponse),
            (DescribeUser, ids_describe_user, DescribeUserRequest, User),
            (CreateUser, ids_create_user, CreateUserRequest, CreateUserResponse),
            (DeleteUser, ids_delete_user, DescribeUserRequest, Empty),
            (GetUserId, ids_get_user_id, GetIdRequest, GetUserIdResponse),
            (ListGroups, ids_list_groups, ListGroupsRequest, ListGroupsResponse),
            (DescribeGroup, ids_describe_group, DescribeGroupRequest, Group),
            (CreateGroup, ids_create_group, CreateGroupRequest, CreateGroupResponse),
            (DeleteGroup, ids_delete_group, DescribeGroupRequest, Empty),
            (GetGroupId, ids_get_group_id, GetIdRequest, GetGroupIdResponse),
            (ListGroupMemberships, ids_list_group_memberships, ListGroupMembershipsRequest, ListGroupMembershipsResponse),
            (ListGroupMembershipsForMember, ids_list_memberships_for_member, ListMembershipsForMemberRequest, ListGroupMembershipsResponse),
            (CreateGroupMembership, ids_create_group_membership, GroupMembershipRequest, CreateGroupMembershipResponse),
            (DeleteGroupMembership, ids_delete_group_membership, MembershipRef, Empty),
            (DescribeGroupMembership, ids_describe_group_membership, MembershipRef, GroupMembership),
            (GetGroupMembershipId, ids_get_group_membership_id, GroupMembershipRequest, GetMembershipIdResponse),
            (IsMemberInGroups, ids_is_member_in_groups, IsMemberInGroupsRequest, IsMemberInGroupsResponse),
        }
    };
}

/// The error vocabulary both services share (`__type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcErrorCode {
    AccessDenied,
    Conflict,
    InternalServer,
    ResourceNotFound,
    ServiceQuotaExceeded,
    Throttling,
    Validation,
}

impl IcErrorCode {
    /// The exception shape name.
    pub fn as_str(self) -> &'static str {
        match self {
            IcErrorCode::AccessDenied => "AccessDeniedException",
            IcErrorCode::Conflict => "ConflictException",
            IcErrorCode::InternalServer => "InternalServerException",
            IcErrorCode::ResourceNotFound => "ResourceNotFoundException",
            IcErrorCode::ServiceQuotaExceeded => "ServiceQuotaExceededException",
            IcErrorCode::Throttling => "ThrottlingException",
            IcErrorCode::Validation => "ValidationException",
        }
    }
}

/// An error of `sso-admin` or `identitystore`: the code, the message and, for identitystore,
/// the `Reason` / `ResourceType` members some exceptions carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcError {
    pub code: IcErrorCode,
    pub message: String,
    /// `ConflictException.Reason` (`UNIQUENESS_CONSTRAINT_VIOLATION`, …).
    pub reason: Option<String>,
    /// `ResourceNotFoundException.ResourceType` (`USER`, `GROUP`, …) of identitystore.
    pub resource_type: Option<String>,
}

/// The result of an Identity Center operation.
pub type IcResult<T> = Result<T, IcError>;

impl IcError {
    /// An error with a code and a message.
    pub fn new(code: IcErrorCode, message: impl Into<String>) -> Self {
        IcError { code, message: message.into(), reason: None, resource_type: None }
    }

    /// `ValidationException`.
    pub fn validation(message: impl Into<String>) -> Self {
        Self::new(IcErrorCode::Validation, message)
    }

    /// AWS's one-constraint validation message, e.g. `Value null at 'instanceArn' failed to
    /// satisfy constraint: Member must not be null`.
    pub fn constraint(value: Option<&str>, member: &str, constraint: &str) -> Self {
        let v = value.map_or_else(|| "null".to_string(), |v| format!("'{v}'"));
        Self::validation(format!(
            "1 validation error detected: Value {v} at '{member}' failed to satisfy constraint: {constraint}"
        ))
    }

    /// `ResourceNotFoundException`.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(IcErrorCode::ResourceNotFound, message)
    }

    /// identitystore's `ResourceNotFoundException` naming the kind of resource.
    pub fn store_not_found(kind: &str, id: &str) -> Self {
        let mut e = Self::not_found(format!("{} with id {id} not found", title(kind)));
        e.resource_type = Some(kind.into());
        e
    }

    /// `ConflictException`.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(IcErrorCode::Conflict, message)
    }

    /// identitystore's uniqueness `ConflictException`.
    pub fn unique(message: impl Into<String>) -> Self {
        let mut e = Self::conflict(message);
        e.reason = Some("UNIQUENESS_CONSTRAINT_VIOLATION".into());
        e
    }

    /// `ServiceQuotaExceededException`.
    pub fn quota(message: impl Into<String>) -> Self {
        Self::new(IcErrorCode::ServiceQuotaExceeded, message)
    }

    /// `AccessDeniedException`.
    pub fn denied(message: impl Into<String>) -> Self {
        Self::new(IcErrorCode::AccessDenied, message)
    }
}

fn title(kind: &str) -> String {
    match kind {
        "GROUP_MEMBERSHIP" => "GroupMembership".into(),
        "IDENTITY_STORE" => "IdentityStore".into(),
        k => {
            let lower = k.to_ascii_lowercase();
            let mut c = lower.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        }
    }
}

impl std::fmt::Display for IcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for IcError {}

/// An output with no members (`{}`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Empty {}

/// A tag of an Identity Center resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct IcTag {
    pub key: String,
    #[serde(default)]
    pub value: String,
}
