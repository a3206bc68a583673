//! Instances and permission sets: create, describe, list, update, delete; inline,
//! AWS-managed and customer-managed policies; the permissions boundary; tags. Every change a
//! provisioned copy must receive raises the permission set's version, so the accounts it is
//! provisioned to report it as not up to date until ProvisionPermissionSet.

use super::access::IcRole;
use super::validate as v;
use super::{Instance, MAX_MANAGED_POLICIES, MAX_PERMISSION_SETS, PermissionSetState, managed, paging};
use crate::engine::Engine;
use crate::model::Caller;
use crate::model::identity_center::ssoadmin::*;
use crate::model::identity_center::{IcError, IcResult, IcTag};

fn metadata(inst: &Instance, partition: &str) -> InstanceMetadata {
    InstanceMetadata {
        instance_arn: inst.arn(partition),
        identity_store_id: inst.identity_store_id.clone(),
        owner_account_id: inst.owner_account_id.clone(),
        name: inst.name.clone(),
        created_date: inst.created_date,
        status: "ACTIVE".into(),
    }
}

fn ps_not_found(arn: &str) -> IcError {
    IcError::not_found(format!("Could not find PermissionSet with PermissionSetArn {arn}."))
}

impl Engine {
    /// Validates a permission-set reference and the caller; returns the caller's role and the
    /// permission-set id.
    pub(super) fn ic_ps(&mut self, caller: &Caller, r: &PermissionSetRef) -> IcResult<(IcRole, String)> {
        self.tick();
        let ins = v::instance_arn(&r.instance_arn)?;
        let (ps_ins, ps_id) = v::permission_set_arn(&r.permission_set_arn)?;
        let (inst, role) = self.ic_instance(caller, ins)?;
        if ps_ins != ins || !inst.permission_sets.contains_key(ps_id) {
            return Err(ps_not_found(r.permission_set_arn.as_deref().unwrap_or_default()));
        }
        Ok((role, ps_id.to_string()))
    }

    /// Changes a permission set when the whole change is valid; `provisioned` says whether
    /// provisioned copies must receive it (raises the version).
    fn ic_edit_ps(
        &mut self,
        caller: &Caller,
        r: &PermissionSetRef,
        provisioned: bool,
        edit: impl FnOnce(&mut PermissionSetState) -> IcResult<bool>,
    ) -> IcResult<Empty> {
        let (role, id) = self.ic_ps(caller, r)?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        self.ic_guard_management(role, inst, &id, None)?;
        let mut ps = inst.permission_sets[&id].clone();
        let changed = edit(&mut ps)?;
        if changed && provisioned {
            ps.version += 1;
        }
        self.ic_mut().permission_sets.insert(id, ps);
        Ok(Empty {})
    }

    fn ic_describe(&self, id: &str) -> PermissionSet {
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        let ps = &inst.permission_sets[id];
        PermissionSet {
            name: ps.name.clone(),
            permission_set_arn: inst.permission_set_arn(&self.ic_partition(), id),
            description: ps.description.clone(),
            created_date: ps.created_date,
            session_duration: ps.session_duration.clone(),
            relay_state: ps.relay_state.clone(),
        }
    }

    /// ListInstances: the organization instance, when the caller may see it.
    pub fn sso_list_instances(
        &mut self,
        caller: &Caller,
        req: ListInstancesRequest,
    ) -> IcResult<ListInstancesResponse> {
        self.tick();
        let at = paging::request("ListInstances", req.paging.max_results, req.paging.next_token.as_deref())?;
        let partition = self.ic_partition();
        let visible = self.ic_role(caller).and(self.state.identity_center.instance.as_ref());
        let (instances, next_token) =
            paging::page("ListInstances", visible.map(|i| metadata(i, &partition)), at);
        Ok(ListInstancesResponse { instances, next_token })
    }

    /// DescribeInstance.
    pub fn sso_describe_instance(
        &mut self,
        caller: &Caller,
        req: DescribeInstanceRequest,
    ) -> IcResult<DescribeInstanceResponse> {
        self.tick();
        let ins = v::instance_arn(&req.instance_arn)?;
        let (inst, _) = self.ic_instance(caller, ins)?;
        Ok(DescribeInstanceResponse { instance: metadata(inst, &self.ic_partition()) })
    }

    /// CreatePermissionSet: a unique name, an optional description, session duration
    /// (default PT1H), relay state and tags.
    pub fn sso_create_permission_set(
        &mut self,
        caller: &Caller,
        req: CreatePermissionSetRequest,
    ) -> IcResult<PermissionSetResponse> {
        self.tick();
        let ins = v::instance_arn(&req.instance_arn)?;
        let name = v::permission_set_name(&req.name)?.to_string();
        if let Some(d) = &req.description {
            v::description(d)?;
        }
        let session = req.session_duration.clone().unwrap_or_else(|| "PT1H".into());
        v::session_duration(&session)?;
        if let Some(r) = &req.relay_state {
            v::relay_state(r)?;
        }
        let tags = req.tags.clone().unwrap_or_default();
        v::tags(&tags)?;
        let (inst, _) = self.ic_instance(caller, ins)?;
        if inst.permission_sets.values().any(|p| p.name == name) {
            return Err(IcError::conflict(format!("PermissionSet with name {name} already exists.")));
        }
        if inst.permission_sets.len() >= MAX_PERMISSION_SETS {
            return Err(IcError::quota(format!(
                "The instance already has {MAX_PERMISSION_SETS} permission sets, the most allowed."
            )));
        }
        let id = format!("ps-{}", self.ic_hex(16));
        let now = self.now();
        let ps = PermissionSetState {
            name,
            description: req.description,
            session_duration: session,
            relay_state: req.relay_state,
            created_date: crate::model::Timestamp(now.0 - now.0.rem_euclid(1000)),
            tags,
            managed_policies: Vec::new(),
            customer_managed_policies: Vec::new(),
            inline_policy: None,
            permissions_boundary: None,
            version: 0,
        };
        self.ic_mut().permission_sets.insert(id.clone(), ps);
        Ok(PermissionSetResponse { permission_set: self.ic_describe(&id) })
    }

    /// DescribePermissionSet.
    pub fn sso_describe_permission_set(
        &mut self,
        caller: &Caller,
        req: PermissionSetRef,
    ) -> IcResult<PermissionSetResponse> {
        let (_, id) = self.ic_ps(caller, &req)?;
        Ok(PermissionSetResponse { permission_set: self.ic_describe(&id) })
    }

    /// ListPermissionSets: ARNs only.
    pub fn sso_list_permission_sets(
        &mut self,
        caller: &Caller,
        req: ListPermissionSetsRequest,
    ) -> IcResult<ListPermissionSetsResponse> {
        self.tick();
        let at =
            paging::request("ListPermissionSets", req.paging.max_results, req.paging.next_token.as_deref())?;
        let ins = v::instance_arn(&req.instance_arn)?;
        let (inst, _) = self.ic_instance(caller, ins)?;
        let p = self.ic_partition();
        let arns = inst.permission_sets.keys().map(|id| inst.permission_set_arn(&p, id));
        let (permission_sets, next_token) = paging::page("ListPermissionSets", arns, at);
        Ok(ListPermissionSetsResponse { permission_sets, next_token })
    }

    /// UpdatePermissionSet: description, session duration, relay state (the name is fixed).
    pub fn sso_update_permission_set(
        &mut self,
        caller: &Caller,
        req: UpdatePermissionSetRequest,
    ) -> IcResult<Empty> {
        if let Some(d) = &req.description {
            v::description(d)?;
        }
        if let Some(s) = &req.session_duration {
            v::session_duration(s)?;
        }
        if let Some(r) = &req.relay_state {
            v::relay_state(r)?;
        }
        self.ic_edit_ps(caller, &req.ps, true, |ps| {
            if let Some(d) = req.description {
                ps.description = Some(d);
            }
            if let Some(s) = req.session_duration {
                ps.session_duration = s;
            }
            if let Some(r) = req.relay_state {
                ps.relay_state = Some(r);
            }
            Ok(true)
        })
    }

    /// DeletePermissionSet: refused while it is assigned or provisioned anywhere.
    pub fn sso_delete_permission_set(&mut self, caller: &Caller, req: PermissionSetRef) -> IcResult<Empty> {
        let (role, id) = self.ic_ps(caller, &req)?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        self.ic_guard_management(role, inst, &id, None)?;
        let assigned = inst.assignments.iter().any(|a| a.permission_set_id == id);
        let provisioned = inst.provisioned.get(&id).is_some_and(|m| !m.is_empty());
        if assigned || provisioned {
            return Err(IcError::conflict(format!(
                "Could not delete because PermissionSet {} is still {} accounts. Delete its account assignments and wait for deprovisioning first.",
                req.permission_set_arn.unwrap_or_default(),
                if assigned { "assigned to" } else { "provisioned to" }
            )));
        }
        let inst = self.ic_mut();
        inst.permission_sets.remove(&id);
        inst.provisioned.remove(&id);
        Ok(Empty {})
    }

    /// PutInlinePolicyToPermissionSet (one inline policy, replaced).
    pub fn sso_put_inline_policy(&mut self, caller: &Caller, req: PutInlinePolicyRequest) -> IcResult<Empty> {
        let doc = v::required(&req.inline_policy, "inlinePolicy")?.to_string();
        v::inline_policy(&doc)?;
        self.ic_edit_ps(caller, &req.ps, true, |ps| {
            ps.inline_policy = Some(doc);
            Ok(true)
        })
    }

    /// GetInlinePolicyForPermissionSet (empty when there is none).
    pub fn sso_get_inline_policy(
        &mut self,
        caller: &Caller,
        req: PermissionSetRef,
    ) -> IcResult<GetInlinePolicyResponse> {
        let (_, id) = self.ic_ps(caller, &req)?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        Ok(GetInlinePolicyResponse { inline_policy: inst.permission_sets[&id].inline_policy.clone() })
    }

    /// DeleteInlinePolicyFromPermissionSet.
    pub fn sso_delete_inline_policy(&mut self, caller: &Caller, req: PermissionSetRef) -> IcResult<Empty> {
        self.ic_edit_ps(caller, &req, true, |ps| Ok(ps.inline_policy.take().is_some()))
    }

    /// AttachManagedPolicyToPermissionSet: an existing AWS-managed policy, once, within the
    /// limit of 20 managed and customer-managed policies.
    pub fn sso_attach_managed_policy(
        &mut self,
        caller: &Caller,
        req: ManagedPolicyRequest,
    ) -> IcResult<Empty> {
        let arn = v::managed_policy_arn(&req.managed_policy_arn, "managedPolicyArn")?.to_string();
        let partition = self.ic_partition();
        let ps_arn = req.ps.permission_set_arn.clone().unwrap_or_default();
        self.ic_edit_ps(caller, &req.ps, true, |ps| {
            if !managed::exists(&arn, &partition) {
                return Err(IcError::not_found(format!("Policy does not exist with ARN: {arn}")));
            }
            if ps.managed_policies.contains(&arn) {
                return Err(IcError::conflict(format!(
                    "Permission set {ps_arn} already has managed policy {arn} attached."
                )));
            }
            check_policy_count(ps)?;
            ps.managed_policies.push(arn);
            Ok(true)
        })
    }

    /// DetachManagedPolicyFromPermissionSet.
    pub fn sso_detach_managed_policy(
        &mut self,
        caller: &Caller,
        req: ManagedPolicyRequest,
    ) -> IcResult<Empty> {
        let arn = v::managed_policy_arn(&req.managed_policy_arn, "managedPolicyArn")?.to_string();
        self.ic_edit_ps(caller, &req.ps, true, |ps| {
            let before = ps.managed_policies.len();
            ps.managed_policies.retain(|a| a != &arn);
            if ps.managed_policies.len() == before {
                return Err(IcError::not_found(format!(
                    "Managed policy {arn} is not attached to the permission set."
                )));
            }
            Ok(true)
        })
    }

    /// ListManagedPoliciesInPermissionSet.
    pub fn sso_list_managed_policies(
        &mut self,
        caller: &Caller,
        req: PagedPermissionSetRequest,
    ) -> IcResult<ListManagedPoliciesResponse> {
        let op = "ListManagedPoliciesInPermissionSet";
        let at = paging::request(op, req.paging.max_results, req.paging.next_token.as_deref())?;
        let (_, id) = self.ic_ps(caller, &req.ps)?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        let items = inst.permission_sets[&id].managed_policies.iter().map(|arn| AttachedManagedPolicy {
            name: arn.rsplit('/').next().unwrap_or(arn).to_string(),
            arn: arn.clone(),
        });
        let (attached_managed_policies, next_token) = paging::page(op, items, at);
        Ok(ListManagedPoliciesResponse { attached_managed_policies, next_token })
    }

    /// AttachCustomerManagedPolicyReferenceToPermissionSet (path defaults to `/`).
    pub fn sso_attach_customer_policy(
        &mut self,
        caller: &Caller,
        req: CustomerPolicyRequest,
    ) -> IcResult<Empty> {
        let member = "customerManagedPolicyReference";
        let r = v::customer_reference(
            v::required_struct(&req.customer_managed_policy_reference, member)?,
            member,
        )?;
        self.ic_edit_ps(caller, &req.ps, true, |ps| {
            if ps.customer_managed_policies.contains(&r) {
                return Err(IcError::conflict(format!(
                    "Customer managed policy reference {}{} is already attached to the permission set.",
                    r.path.as_deref().unwrap_or("/"),
                    r.name.as_deref().unwrap_or_default()
                )));
            }
            check_policy_count(ps)?;
            ps.customer_managed_policies.push(r);
            Ok(true)
        })
    }

    /// DetachCustomerManagedPolicyReferenceFromPermissionSet.
    pub fn sso_detach_customer_policy(
        &mut self,
        caller: &Caller,
        req: CustomerPolicyRequest,
    ) -> IcResult<Empty> {
        let member = "customerManagedPolicyReference";
        let r = v::customer_reference(
            v::required_struct(&req.customer_managed_policy_reference, member)?,
            member,
        )?;
        self.ic_edit_ps(caller, &req.ps, true, |ps| {
            let before = ps.customer_managed_policies.len();
            ps.customer_managed_policies.retain(|c| c != &r);
            if ps.customer_managed_policies.len() == before {
                return Err(IcError::not_found(
                    "The customer managed policy reference is not attached to the permission set.",
                ));
            }
            Ok(true)
        })
    }

    /// ListCustomerManagedPolicyReferencesInPermissionSet.
    pub fn sso_list_customer_policies(
        &mut self,
        caller: &Caller,
        req: PagedPermissionSetRequest,
    ) -> IcResult<ListCustomerPoliciesResponse> {
        let op = "ListCustomerManagedPolicyReferencesInPermissionSet";
        let at = paging::request(op, req.paging.max_results, req.paging.next_token.as_deref())?;
        let (_, id) = self.ic_ps(caller, &req.ps)?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        let items = inst.permission_sets[&id].customer_managed_policies.clone();
        let (customer_managed_policy_references, next_token) = paging::page(op, items, at);
        Ok(ListCustomerPoliciesResponse { customer_managed_policy_references, next_token })
    }

    /// PutPermissionsBoundaryToPermissionSet: exactly one of an AWS-managed ARN or a
    /// customer-managed reference.
    pub fn sso_put_boundary(&mut self, caller: &Caller, req: PutBoundaryRequest) -> IcResult<Empty> {
        let b = v::required_struct(&req.permissions_boundary, "permissionsBoundary")?;
        let boundary = match (&b.managed_policy_arn, &b.customer_managed_policy_reference) {
            (Some(_), None) => {
                v::managed_policy_arn(&b.managed_policy_arn, "permissionsBoundary.managedPolicyArn")?;
                b.clone()
            }
            (None, Some(r)) => PermissionsBoundary {
                customer_managed_policy_reference: Some(v::customer_reference(
                    r,
                    "permissionsBoundary.customerManagedPolicyReference",
                )?),
                managed_policy_arn: None,
            },
            _ => {
                return Err(IcError::validation(
                    "A permissions boundary takes exactly one of ManagedPolicyArn and CustomerManagedPolicyReference.",
                ));
            }
        };
        let partition = self.ic_partition();
        self.ic_edit_ps(caller, &req.ps, true, |ps| {
            if let Some(arn) = &boundary.managed_policy_arn {
                if !managed::exists(arn, &partition) {
                    return Err(IcError::not_found(format!("Policy does not exist with ARN: {arn}")));
                }
            }
            ps.permissions_boundary = Some(boundary);
            Ok(true)
        })
    }

    /// GetPermissionsBoundaryForPermissionSet.
    pub fn sso_get_boundary(
        &mut self,
        caller: &Caller,
        req: PermissionSetRef,
    ) -> IcResult<GetBoundaryResponse> {
        let (_, id) = self.ic_ps(caller, &req)?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        let b = inst.permission_sets[&id].permissions_boundary.clone().ok_or_else(|| {
            IcError::not_found(format!(
                "Permissions boundary not found for permission set {}.",
                req.permission_set_arn.unwrap_or_default()
            ))
        })?;
        Ok(GetBoundaryResponse { permissions_boundary: b })
    }

    /// DeletePermissionsBoundaryFromPermissionSet.
    pub fn sso_delete_boundary(&mut self, caller: &Caller, req: PermissionSetRef) -> IcResult<Empty> {
        self.ic_edit_ps(caller, &req, true, |ps| Ok(ps.permissions_boundary.take().is_some()))
    }

    /// TagResource: a permission set or the instance; at most 75 tags.
    pub fn sso_tag_resource(&mut self, caller: &Caller, req: TagResourceRequest) -> IcResult<Empty> {
        let tags = v::required_struct(&req.tags, "tags")?.clone();
        v::tags(&tags)?;
        let target = self.ic_tag_target(caller, &req.instance_arn, &req.resource_arn, true)?;
        let mut list = self.ic_tags_of(target.as_deref()).clone();
        for t in tags {
            match list.iter_mut().find(|o| o.key == t.key) {
                Some(o) => o.value = t.value,
                None => list.push(t),
            }
        }
        if list.len() > super::MAX_TAGS {
            return Err(IcError::quota("A resource can have at most 75 tags."));
        }
        *self.ic_tags_mut(target.as_deref()) = list;
        Ok(Empty {})
    }

    /// UntagResource.
    pub fn sso_untag_resource(&mut self, caller: &Caller, req: UntagResourceRequest) -> IcResult<Empty> {
        let keys = v::required_struct(&req.tag_keys, "tagKeys")?.clone();
        let target = self.ic_tag_target(caller, &req.instance_arn, &req.resource_arn, true)?;
        self.ic_tags_mut(target.as_deref()).retain(|t| !keys.contains(&t.key));
        Ok(Empty {})
    }

    /// ListTagsForResource.
    pub fn sso_list_tags_for_resource(
        &mut self,
        caller: &Caller,
        req: ListTagsRequest,
    ) -> IcResult<ListTagsResponse> {
        let at = paging::request("ListTagsForResource", None, req.next_token.as_deref())?;
        let target = self.ic_tag_target(caller, &req.instance_arn, &req.resource_arn, false)?;
        let (tags, next_token) =
            paging::page("ListTagsForResource", self.ic_tags_of(target.as_deref()).clone(), at);
        Ok(ListTagsResponse { tags, next_token })
    }

    /// The taggable resource an ARN names: a permission set (its id) or the instance (`None`).
    fn ic_tag_target(
        &mut self,
        caller: &Caller,
        instance_arn: &Option<String>,
        resource_arn: &Option<String>,
        write: bool,
    ) -> IcResult<Option<String>> {
        self.tick();
        let res = v::required(resource_arn, "resourceArn")?.to_string();
        if res.contains(":sso:::permissionSet/") {
            let r = PermissionSetRef {
                instance_arn: instance_arn.clone().or_else(|| {
                    let ins = res.split("permissionSet/").nth(1)?.split('/').next()?;
                    Some(format!("arn:{}:sso:::instance/{ins}", self.ic_partition()))
                }),
                permission_set_arn: Some(res),
            };
            let (role, id) = self.ic_ps(caller, &r)?;
            if write {
                let inst = self.state.identity_center.instance.as_ref().expect("checked");
                self.ic_guard_management(role, inst, &id, None)?;
            }
            return Ok(Some(id));
        }
        let named = Some(res.clone());
        let ins = v::instance_arn(&named).map_err(|_| {
            IcError::validation(format!("The resource ARN {res} is not a taggable Identity Center resource."))
        })?;
        self.ic_instance(caller, ins)?;
        Ok(None)
    }

    fn ic_tags_of(&self, ps: Option<&str>) -> &Vec<IcTag> {
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        match ps {
            Some(id) => &inst.permission_sets[id].tags,
            None => &inst.tags,
        }
    }

    fn ic_tags_mut(&mut self, ps: Option<&str>) -> &mut Vec<IcTag> {
        let inst = self.ic_mut();
        match ps {
            Some(id) => &mut inst.permission_sets.get_mut(id).expect("checked").tags,
            None => &mut inst.tags,
        }
    }
}

fn check_policy_count(ps: &PermissionSetState) -> IcResult<()> {
    if ps.managed_policies.len() + ps.customer_managed_policies.len() >= MAX_MANAGED_POLICIES {
        return Err(IcError::quota(format!(
            "A permission set can have at most {MAX_MANAGED_POLICIES} AWS managed and customer managed policies."
        )));
    }
    Ok(())
}
