//! `identitystore` inputs and outputs in the API's member names. The user, group and
//! membership objects are also what the snapshot's `identityCenter` section stores, in this
//! shape, as the service returns them.

pub use super::Empty;
use crate::model::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A user's structured name.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Name {
    pub formatted: Option<String>,
    pub family_name: Option<String>,
    pub given_name: Option<String>,
    pub middle_name: Option<String>,
    pub honorific_prefix: Option<String>,
    pub honorific_suffix: Option<String>,
}

/// An e-mail address of a user (at most one per user).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Email {
    pub value: Option<String>,
    #[serde(rename = "Type")]
    pub kind: Option<String>,
    pub primary: Option<bool>,
}

/// A user of the identity store.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct User {
    pub user_id: String,
    pub identity_store_id: String,
    pub user_name: String,
    pub name: Option<Name>,
    pub display_name: Option<String>,
    pub nick_name: Option<String>,
    pub emails: Option<Vec<Email>>,
    pub title: Option<String>,
    pub user_type: Option<String>,
    /// `ENABLED` or `DISABLED`.
    pub user_status: Option<String>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
}

/// A group of the identity store.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Group {
    pub group_id: String,
    pub identity_store_id: String,
    pub display_name: Option<String>,
    pub description: Option<String>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
}

/// `MemberId`: the union of member kinds (only users today).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MemberId {
    pub user_id: Option<String>,
}

/// A membership of a user in a group.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupMembership {
    pub identity_store_id: String,
    pub membership_id: String,
    pub group_id: String,
    pub member_id: MemberId,
    pub created_at: Option<Timestamp>,
}

/// `Filters[{AttributePath, AttributeValue}]` of ListUsers / ListGroups (deprecated, ≤1).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Filter {
    pub attribute_path: Option<String>,
    pub attribute_value: Option<String>,
}

/// ListUsers input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListUsersRequest {
    pub identity_store_id: Option<String>,
    pub max_results: Option<i64>,
    pub next_token: Option<String>,
    pub filters: Option<Vec<Filter>>,
}

/// ListUsers output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListUsersResponse {
    pub users: Vec<User>,
    pub next_token: Option<String>,
}

/// DescribeUser / DeleteUser input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeUserRequest {
    pub identity_store_id: Option<String>,
    pub user_id: Option<String>,
}

/// CreateUser input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateUserRequest {
    pub identity_store_id: Option<String>,
    pub user_name: Option<String>,
    pub name: Option<Name>,
    pub display_name: Option<String>,
    pub nick_name: Option<String>,
    pub emails: Option<Vec<Email>>,
    pub title: Option<String>,
    pub user_type: Option<String>,
}

/// CreateUser output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateUserResponse {
    pub user_id: String,
    pub identity_store_id: String,
}

/// `UniqueAttribute{AttributePath, AttributeValue}` of GetUserId / GetGroupId.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UniqueAttribute {
    pub attribute_path: Option<String>,
    pub attribute_value: Option<Value>,
}

/// `AlternateIdentifier`: a unique attribute (external ids are not modelled).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AlternateIdentifier {
    pub unique_attribute: Option<UniqueAttribute>,
    pub external_id: Option<Value>,
}

/// GetUserId / GetGroupId input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetIdRequest {
    pub identity_store_id: Option<String>,
    pub alternate_identifier: Option<AlternateIdentifier>,
}

/// GetUserId output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetUserIdResponse {
    pub user_id: String,
    pub identity_store_id: String,
}

/// GetGroupId output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetGroupIdResponse {
    pub group_id: String,
    pub identity_store_id: String,
}

/// ListGroups input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListGroupsRequest {
    pub identity_store_id: Option<String>,
    pub max_results: Option<i64>,
    pub next_token: Option<String>,
    pub filters: Option<Vec<Filter>>,
}

/// ListGroups output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListGroupsResponse {
    pub groups: Vec<Group>,
    pub next_token: Option<String>,
}

/// DescribeGroup / DeleteGroup input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeGroupRequest {
    pub identity_store_id: Option<String>,
    pub group_id: Option<String>,
}

/// CreateGroup input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateGroupRequest {
    pub identity_store_id: Option<String>,
    pub display_name: Option<String>,
    pub description: Option<String>,
}

/// CreateGroup output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateGroupResponse {
    pub group_id: String,
    pub identity_store_id: String,
}

/// ListGroupMemberships input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListGroupMembershipsRequest {
    pub identity_store_id: Option<String>,
    pub group_id: Option<String>,
    pub max_results: Option<i64>,
    pub next_token: Option<String>,
}

/// ListGroupMembershipsForMember input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListMembershipsForMemberRequest {
    pub identity_store_id: Option<String>,
    pub member_id: Option<MemberId>,
    pub max_results: Option<i64>,
    pub next_token: Option<String>,
}

/// ListGroupMemberships / ListGroupMembershipsForMember output.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListGroupMembershipsResponse {
    pub group_memberships: Vec<GroupMembership>,
    pub next_token: Option<String>,
}

/// CreateGroupMembership / GetGroupMembershipId input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupMembershipRequest {
    pub identity_store_id: Option<String>,
    pub group_id: Option<String>,
    pub member_id: Option<MemberId>,
}

/// CreateGroupMembership output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateGroupMembershipResponse {
    pub membership_id: String,
    pub identity_store_id: String,
}

/// GetGroupMembershipId output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetMembershipIdResponse {
    pub membership_id: String,
    pub identity_store_id: String,
}

/// DeleteGroupMembership / DescribeGroupMembership input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MembershipRef {
    pub identity_store_id: Option<String>,
    pub membership_id: Option<String>,
}

/// IsMemberInGroups input.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct IsMemberInGroupsRequest {
    pub identity_store_id: Option<String>,
    pub member_id: Option<MemberId>,
    pub group_ids: Option<Vec<String>>,
}

/// One answer of IsMemberInGroups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupMembershipExistenceResult {
    pub group_id: String,
    pub member_id: MemberId,
    pub membership_exists: bool,
}

/// IsMemberInGroups output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct IsMemberInGroupsResponse {
    pub results: Vec<GroupMembershipExistenceResult>,
}
