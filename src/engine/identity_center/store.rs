//! The identity store (`identitystore`): users, groups and group memberships, with the
//! service's required members, uniqueness (user name, group display name, membership) and
//! `ResourceNotFoundException` naming the kind of resource.

use super::validate as v;
use super::{Instance, paging};
use crate::engine::Engine;
use crate::model::identity_center::identitystore::*;
use crate::model::identity_center::{IcError, IcResult};
use crate::model::{Caller, Timestamp};

const RESERVED: [&str; 2] = ["Administrator", "AWSAdministrators"];

fn text(v: &Option<String>, member: &str, max: usize) -> IcResult<()> {
    if let Some(s) = v {
        if s.is_empty() || s.chars().count() > max {
            return Err(IcError::constraint(
                Some(s),
                member,
                &format!("Member must have length between 1 and {max}"),
            ));
        }
    }
    Ok(())
}

fn user_of<'a>(inst: &'a Instance, id: &str) -> IcResult<&'a User> {
    inst.users.get(id).ok_or_else(|| IcError::store_not_found("USER", id))
}

fn group_of<'a>(inst: &'a Instance, id: &str) -> IcResult<&'a Group> {
    inst.groups.get(id).ok_or_else(|| IcError::store_not_found("GROUP", id))
}

fn single_filter(filters: &Option<Vec<Filter>>, allowed: &str) -> IcResult<Option<String>> {
    let Some(f) = filters.as_ref().filter(|f| !f.is_empty()) else { return Ok(None) };
    if f.len() > 1 {
        return Err(IcError::validation("At most one filter can be given."));
    }
    let path = v::required(&f[0].attribute_path, "filters.1.member.attributePath")?;
    if !path.eq_ignore_ascii_case(allowed) {
        return Err(IcError::validation(format!("Filtering by {path} is not supported; use {allowed}.")));
    }
    Ok(Some(v::required(&f[0].attribute_value, "filters.1.member.attributeValue")?.to_string()))
}

impl Engine {
    fn ic_now_secs(&self) -> Timestamp {
        let now = self.now();
        Timestamp(now.0 - now.0.rem_euclid(1000))
    }

    fn ic_store_begin(&mut self, caller: &Caller, store: &Option<String>) -> IcResult<String> {
        self.tick();
        let id = v::identity_store_id(store)?.to_string();
        self.ic_store(caller, &id)?;
        Ok(id)
    }

    fn ic_store_ref(&self) -> &Instance {
        self.state.identity_center.instance.as_ref().expect("checked by ic_store")
    }

    /// A new user, group or membership id: the store's prefix and a UUID.
    fn ic_object_id(&mut self) -> String {
        let prefix = self.ic_store_ref().identity_store_id.trim_start_matches("d-").to_string();
        format!("{prefix}-{}", self.ic_uuid())
    }

    /// ListUsers (an optional, deprecated `UserName` filter).
    pub fn ids_list_users(&mut self, caller: &Caller, req: ListUsersRequest) -> IcResult<ListUsersResponse> {
        let at = paging::request("ListUsers", req.max_results, req.next_token.as_deref())?;
        self.ic_store_begin(caller, &req.identity_store_id)?;
        let name = single_filter(&req.filters, "UserName")?;
        let inst = self.ic_store_ref();
        let items = inst
            .users
            .values()
            .filter(|u| name.as_ref().is_none_or(|n| u.user_name.eq_ignore_ascii_case(n)))
            .cloned();
        let (users, next_token) = paging::page("ListUsers", items, at);
        Ok(ListUsersResponse { users, next_token })
    }

    /// DescribeUser.
    pub fn ids_describe_user(&mut self, caller: &Caller, req: DescribeUserRequest) -> IcResult<User> {
        self.ic_store_begin(caller, &req.identity_store_id)?;
        let id = v::store_object_id(&req.user_id, "userId")?;
        user_of(self.ic_store_ref(), id).cloned()
    }

    /// CreateUser: a unique user name, a display name, and given and family names.
    pub fn ids_create_user(
        &mut self,
        caller: &Caller,
        req: CreateUserRequest,
    ) -> IcResult<CreateUserResponse> {
        let store = self.ic_store_begin(caller, &req.identity_store_id)?;
        let user_name = v::required(&req.user_name, "userName")?.to_string();
        text(&req.user_name, "userName", 128)?;
        let display = v::required(&req.display_name, "displayName")?.to_string();
        text(&req.display_name, "displayName", 1024)?;
        let name = v::required_struct(&req.name, "name")?;
        v::required(&name.given_name, "name.givenName")?;
        v::required(&name.family_name, "name.familyName")?;
        if req.emails.as_ref().is_some_and(|e| e.len() > 1) {
            return Err(IcError::constraint(
                None,
                "emails",
                "Member must have length less than or equal to 1",
            ));
        }
        if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(&user_name)) {
            return Err(IcError::validation(format!("The user name {user_name} is reserved.")));
        }
        if self.ic_store_ref().users.values().any(|u| u.user_name.eq_ignore_ascii_case(&user_name)) {
            return Err(IcError::unique(format!(
                "Duplicate UserName: a user named {user_name} already exists."
            )));
        }
        let id = self.ic_object_id();
        let now = self.ic_now_secs();
        let user = User {
            user_id: id.clone(),
            identity_store_id: store.clone(),
            user_name,
            name: req.name,
            display_name: Some(display),
            nick_name: req.nick_name,
            emails: req.emails,
            title: req.title,
            user_type: req.user_type,
            user_status: Some("ENABLED".into()),
            created_at: Some(now),
            updated_at: Some(now),
        };
        self.ic_mut().users.insert(id.clone(), user);
        Ok(CreateUserResponse { user_id: id, identity_store_id: store })
    }

    /// DeleteUser: the user and their group memberships.
    pub fn ids_delete_user(&mut self, caller: &Caller, req: DescribeUserRequest) -> IcResult<Empty> {
        self.ic_store_begin(caller, &req.identity_store_id)?;
        let id = v::store_object_id(&req.user_id, "userId")?.to_string();
        user_of(self.ic_store_ref(), &id)?;
        let inst = self.ic_mut();
        inst.users.remove(&id);
        inst.memberships.retain(|_, m| m.member_id.user_id.as_deref() != Some(&id));
        Ok(Empty {})
    }

    /// GetUserId by `userName` or `emails.value`.
    pub fn ids_get_user_id(&mut self, caller: &Caller, req: GetIdRequest) -> IcResult<GetUserIdResponse> {
        let store = self.ic_store_begin(caller, &req.identity_store_id)?;
        let (path, value) = unique_attribute(&req)?;
        let inst = self.ic_store_ref();
        let found = inst.users.values().find(|u| match path.as_str() {
            "username" => u.user_name.eq_ignore_ascii_case(&value),
            "emails.value" => u.emails.iter().flatten().any(|e| e.value.as_deref() == Some(value.as_str())),
            _ => false,
        });
        if !matches!(path.as_str(), "username" | "emails.value") {
            return Err(IcError::validation(format!(
                "{path} is not a unique attribute of users (userName, emails.value)."
            )));
        }
        let user = found.ok_or_else(|| IcError::store_not_found("USER", &value))?;
        Ok(GetUserIdResponse { user_id: user.user_id.clone(), identity_store_id: store })
    }

    /// ListGroups (an optional, deprecated `DisplayName` filter).
    pub fn ids_list_groups(
        &mut self,
        caller: &Caller,
        req: ListGroupsRequest,
    ) -> IcResult<ListGroupsResponse> {
        let at = paging::request("ListGroups", req.max_results, req.next_token.as_deref())?;
        self.ic_store_begin(caller, &req.identity_store_id)?;
        let name = single_filter(&req.filters, "DisplayName")?;
        let inst = self.ic_store_ref();
        let items = inst
            .groups
            .values()
            .filter(|g| {
                name.as_ref()
                    .is_none_or(|n| g.display_name.as_deref().is_some_and(|d| d.eq_ignore_ascii_case(n)))
            })
            .cloned();
        let (groups, next_token) = paging::page("ListGroups", items, at);
        Ok(ListGroupsResponse { groups, next_token })
    }

    /// DescribeGroup.
    pub fn ids_describe_group(&mut self, caller: &Caller, req: DescribeGroupRequest) -> IcResult<Group> {
        self.ic_store_begin(caller, &req.identity_store_id)?;
        let id = v::store_object_id(&req.group_id, "groupId")?;
        group_of(self.ic_store_ref(), id).cloned()
    }

    /// CreateGroup: a unique display name.
    pub fn ids_create_group(
        &mut self,
        caller: &Caller,
        req: CreateGroupRequest,
    ) -> IcResult<CreateGroupResponse> {
        let store = self.ic_store_begin(caller, &req.identity_store_id)?;
        let display = v::required(&req.display_name, "displayName")?.to_string();
        text(&req.display_name, "displayName", 1024)?;
        text(&req.description, "description", 1024)?;
        if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(&display)) {
            return Err(IcError::validation(format!("The group name {display} is reserved.")));
        }
        let taken = self
            .ic_store_ref()
            .groups
            .values()
            .any(|g| g.display_name.as_deref().is_some_and(|d| d.eq_ignore_ascii_case(&display)));
        if taken {
            return Err(IcError::unique(format!(
                "Duplicate GroupDisplayName: a group named {display} already exists."
            )));
        }
        let id = self.ic_object_id();
        let now = self.ic_now_secs();
        let group = Group {
            group_id: id.clone(),
            identity_store_id: store.clone(),
            display_name: Some(display),
            description: req.description,
            created_at: Some(now),
            updated_at: Some(now),
        };
        self.ic_mut().groups.insert(id.clone(), group);
        Ok(CreateGroupResponse { group_id: id, identity_store_id: store })
    }

    /// DeleteGroup: the group and its memberships.
    pub fn ids_delete_group(&mut self, caller: &Caller, req: DescribeGroupRequest) -> IcResult<Empty> {
        self.ic_store_begin(caller, &req.identity_store_id)?;
        let id = v::store_object_id(&req.group_id, "groupId")?.to_string();
        group_of(self.ic_store_ref(), &id)?;
        let inst = self.ic_mut();
        inst.groups.remove(&id);
        inst.memberships.retain(|_, m| m.group_id != id);
        Ok(Empty {})
    }

    /// GetGroupId by `displayName`.
    pub fn ids_get_group_id(&mut self, caller: &Caller, req: GetIdRequest) -> IcResult<GetGroupIdResponse> {
        let store = self.ic_store_begin(caller, &req.identity_store_id)?;
        let (path, value) = unique_attribute(&req)?;
        if path != "displayname" {
            return Err(IcError::validation(format!(
                "{path} is not a unique attribute of groups (displayName)."
            )));
        }
        let inst = self.ic_store_ref();
        let g = inst
            .groups
            .values()
            .find(|g| g.display_name.as_deref().is_some_and(|d| d.eq_ignore_ascii_case(&value)))
            .ok_or_else(|| IcError::store_not_found("GROUP", &value))?;
        Ok(GetGroupIdResponse { group_id: g.group_id.clone(), identity_store_id: store })
    }

    /// ListGroupMemberships of one group.
    pub fn ids_list_group_memberships(
        &mut self,
        caller: &Caller,
        req: ListGroupMembershipsRequest,
    ) -> IcResult<ListGroupMembershipsResponse> {
        let op = "ListGroupMemberships";
        let at = paging::request(op, req.max_results, req.next_token.as_deref())?;
        self.ic_store_begin(caller, &req.identity_store_id)?;
        let gid = v::store_object_id(&req.group_id, "groupId")?.to_string();
        let inst = self.ic_store_ref();
        group_of(inst, &gid)?;
        let items = inst.memberships.values().filter(|m| m.group_id == gid).cloned();
        let (group_memberships, next_token) = paging::page(op, items, at);
        Ok(ListGroupMembershipsResponse { group_memberships, next_token })
    }

    /// ListGroupMembershipsForMember: the groups of one user.
    pub fn ids_list_memberships_for_member(
        &mut self,
        caller: &Caller,
        req: ListMembershipsForMemberRequest,
    ) -> IcResult<ListGroupMembershipsResponse> {
        let op = "ListGroupMembershipsForMember";
        let at = paging::request(op, req.max_results, req.next_token.as_deref())?;
        self.ic_store_begin(caller, &req.identity_store_id)?;
        let member = v::required_struct(&req.member_id, "memberId")?;
        let uid = v::store_object_id(&member.user_id, "memberId.userId")?.to_string();
        let inst = self.ic_store_ref();
        user_of(inst, &uid)?;
        let items =
            inst.memberships.values().filter(|m| m.member_id.user_id.as_deref() == Some(&uid)).cloned();
        let (group_memberships, next_token) = paging::page(op, items, at);
        Ok(ListGroupMembershipsResponse { group_memberships, next_token })
    }

    fn ic_membership_parts(&self, req: &GroupMembershipRequest) -> IcResult<(String, String)> {
        let gid = v::store_object_id(&req.group_id, "groupId")?.to_string();
        let member = v::required_struct(&req.member_id, "memberId")?;
        let uid = v::store_object_id(&member.user_id, "memberId.userId")?.to_string();
        let inst = self.ic_store_ref();
        group_of(inst, &gid)?;
        user_of(inst, &uid)?;
        Ok((gid, uid))
    }

    /// CreateGroupMembership: an existing user in an existing group, once.
    pub fn ids_create_group_membership(
        &mut self,
        caller: &Caller,
        req: GroupMembershipRequest,
    ) -> IcResult<CreateGroupMembershipResponse> {
        let store = self.ic_store_begin(caller, &req.identity_store_id)?;
        let (gid, uid) = self.ic_membership_parts(&req)?;
        let dup = self
            .ic_store_ref()
            .memberships
            .values()
            .any(|m| m.group_id == gid && m.member_id.user_id.as_deref() == Some(&uid));
        if dup {
            return Err(IcError::unique(format!(
                "Duplicate membership: user {uid} is already a member of group {gid}."
            )));
        }
        let id = self.ic_object_id();
        let m = GroupMembership {
            identity_store_id: store.clone(),
            membership_id: id.clone(),
            group_id: gid,
            member_id: MemberId { user_id: Some(uid) },
            created_at: Some(self.ic_now_secs()),
        };
        self.ic_mut().memberships.insert(id.clone(), m);
        Ok(CreateGroupMembershipResponse { membership_id: id, identity_store_id: store })
    }

    /// GetGroupMembershipId.
    pub fn ids_get_group_membership_id(
        &mut self,
        caller: &Caller,
        req: GroupMembershipRequest,
    ) -> IcResult<GetMembershipIdResponse> {
        let store = self.ic_store_begin(caller, &req.identity_store_id)?;
        let (gid, uid) = self.ic_membership_parts(&req)?;
        let m = self
            .ic_store_ref()
            .memberships
            .values()
            .find(|m| m.group_id == gid && m.member_id.user_id.as_deref() == Some(&uid))
            .ok_or_else(|| IcError::store_not_found("GROUP_MEMBERSHIP", &format!("{gid}/{uid}")))?;
        Ok(GetMembershipIdResponse { membership_id: m.membership_id.clone(), identity_store_id: store })
    }

    /// DescribeGroupMembership.
    pub fn ids_describe_group_membership(
        &mut self,
        caller: &Caller,
        req: MembershipRef,
    ) -> IcResult<GroupMembership> {
        self.ic_store_begin(caller, &req.identity_store_id)?;
        let id = v::store_object_id(&req.membership_id, "membershipId")?;
        self.ic_store_ref()
            .memberships
            .get(id)
            .cloned()
            .ok_or_else(|| IcError::store_not_found("GROUP_MEMBERSHIP", id))
    }

    /// DeleteGroupMembership.
    pub fn ids_delete_group_membership(&mut self, caller: &Caller, req: MembershipRef) -> IcResult<Empty> {
        self.ic_store_begin(caller, &req.identity_store_id)?;
        let id = v::store_object_id(&req.membership_id, "membershipId")?.to_string();
        if self.ic_mut().memberships.remove(&id).is_none() {
            return Err(IcError::store_not_found("GROUP_MEMBERSHIP", &id));
        }
        Ok(Empty {})
    }

    /// IsMemberInGroups: up to 100 groups.
    pub fn ids_is_member_in_groups(
        &mut self,
        caller: &Caller,
        req: IsMemberInGroupsRequest,
    ) -> IcResult<IsMemberInGroupsResponse> {
        self.ic_store_begin(caller, &req.identity_store_id)?;
        let member = v::required_struct(&req.member_id, "memberId")?;
        let uid = v::store_object_id(&member.user_id, "memberId.userId")?.to_string();
        let groups = v::required_struct(&req.group_ids, "groupIds")?;
        if groups.is_empty() || groups.len() > 100 {
            return Err(IcError::constraint(None, "groupIds", "Member must have length between 1 and 100"));
        }
        let inst = self.ic_store_ref();
        let results = groups
            .iter()
            .map(|g| GroupMembershipExistenceResult {
                group_id: g.clone(),
                member_id: MemberId { user_id: Some(uid.clone()) },
                membership_exists: inst
                    .memberships
                    .values()
                    .any(|m| &m.group_id == g && m.member_id.user_id.as_deref() == Some(&uid)),
            })
            .collect();
        Ok(IsMemberInGroupsResponse { results })
    }
}

/// The (lower-cased path, string value) of a GetUserId / GetGroupId request.
fn unique_attribute(req: &GetIdRequest) -> IcResult<(String, String)> {
    let alt = v::required_struct(&req.alternate_identifier, "alternateIdentifier")?;
    if alt.external_id.is_some() {
        return Err(IcError::store_not_found("USER", "externalId"));
    }
    let ua = v::required_struct(&alt.unique_attribute, "alternateIdentifier.uniqueAttribute")?;
    let path = v::required(&ua.attribute_path, "alternateIdentifier.uniqueAttribute.attributePath")?
        .to_ascii_lowercase();
    let value = match &ua.attribute_value {
        Some(serde_json::Value::String(s)) => s.clone(),
        _ => return Err(IcError::validation("The unique attribute's value must be a string.")),
    };
    Ok((path, value))
}
