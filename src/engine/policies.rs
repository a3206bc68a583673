//! Policies, attachments and policy types (reference §5.6–5.7, §2.4, §4.3, §7.5, §8).
//!
//! Policy-changing operations are open to the management account and to delegated
//! administrators the resource (delegation) policy allows; the read operations to the
//! management account and any delegated administrator (§1.2).

use super::organization::aws_managed_policy;
use super::tree::RCP_FULL_AWS_ACCESS;
use super::{Engine, Membership, OrgState, PolicyRecord, PolicyTypeLimits, validate};
use crate::model::error::{ConstraintViolationReason, InvalidInputReason};
use crate::model::*;

use crate::policy::org_document::validate_policy_document;

/// The policy `id`. The AWS managed policies always exist, even before their type is enabled
/// (reference §2.4: ListPolicies returns them for their type; §5.6: attaching one in a
/// consolidated-billing organization is `PolicyTypeNotEnabledException`, not "not found").
fn lookup_policy(org: &OrgState, id: &PolicyId) -> Option<PolicyRecord> {
    if let Some(p) = org.policies.get(id) {
        return Some(p.clone());
    }
    [PolicyType::ServiceControlPolicy, PolicyType::ResourceControlPolicy]
        .into_iter()
        .filter_map(aws_managed_policy)
        .find(|p| &p.id == id)
}

/// Whether another policy of `ty` (customer or AWS managed) already has `name`.
fn name_taken(org: &OrgState, ty: PolicyType, name: &str, except: Option<&PolicyId>) -> bool {
    org.policies.values().any(|p| Some(&p.id) != except && p.policy_type == ty && p.name == name)
        || aws_managed_policy(ty).is_some_and(|m| m.name == name)
}

fn duplicate_policy() -> OrgError {
    OrgError::new(
        ErrorCode::DuplicatePolicyException,
        "A policy with the specified name and type already exists.",
    )
}

fn policy_not_found(id: &str) -> OrgError {
    OrgError::new(
        ErrorCode::PolicyNotFoundException,
        format!("We can't find a policy with the PolicyId {id} that you specified."),
    )
}

fn immutable(id: &PolicyId) -> OrgError {
    OrgError::invalid_input(
        InvalidInputReason::ImmutablePolicy,
        format!("Policy {id} is an AWS managed policy and cannot be changed or deleted."),
    )
}

fn not_available() -> OrgError {
    OrgError::new(
        ErrorCode::PolicyTypeNotAvailableForOrganizationException,
        "Policies are not available in an organization with only consolidated billing features.",
    )
}

impl Engine {
    /// The policy type of `id`, if it names an existing policy (for the delegation check,
    /// which runs before the existence check).
    fn type_of(&self, id: &PolicyId) -> Option<PolicyType> {
        self.state.org.as_ref().and_then(|o| lookup_policy(o, id)).map(|p| p.policy_type)
    }

    /// The policy `id`, or `PolicyNotFoundException`.
    fn existing_policy(&self, id: &PolicyId) -> OrgResult<PolicyRecord> {
        lookup_policy(self.org()?, id).ok_or_else(|| policy_not_found(id.as_str()))
    }

    /// Records that effective policies of `ty` changed now.
    fn policies_changed(&mut self, ty: PolicyType) {
        let now = self.now();
        if let Some(org) = self.state.org.as_mut() {
            org.policy_changed_at.insert(ty, now);
        }
    }

    /// `CreatePolicy`: a customer policy, unique by (name, type), with a valid document.
    /// The type need not be enabled in the root.
    pub fn create_policy(
        &mut self,
        caller: &Caller,
        req: CreatePolicyRequest,
    ) -> OrgResult<CreatePolicyResponse> {
        self.tick();
        validate::length("Name", &req.name, 1, 128)?;
        validate::length("Description", &req.description, 0, 512)?;
        validate::length("Content", &req.content, 1, 1_000_000)?;
        let tags = req.tags.unwrap_or_default();
        super::tags::validate_tags(&tags)?;
        let ty = req.r#type;
        self.require_policy_admin(caller, "CreatePolicy", Some(ty))?;
        let max_tags = self.state.quotas.max_tags;
        let org = self.org()?;
        if org.feature_set != FeatureSet::All {
            return Err(not_available());
        }
        validate_policy_document(ty, &req.content)?;
        if name_taken(org, ty, &req.name, None) {
            return Err(duplicate_policy());
        }
        let max = PolicyTypeLimits::of(ty).max_policies;
        if org.policies.values().filter(|p| p.policy_type == ty && !p.aws_managed).count() >= max {
            return Err(OrgError::constraint(
                ConstraintViolationReason::PolicyNumberLimitExceeded,
                format!("The organization already has the maximum of {max} policies of type {ty}."),
            ));
        }
        validate::new_tags(&tags, max_tags)?;
        let id = self.new_policy_id();
        let record = PolicyRecord {
            id: id.clone(),
            name: req.name,
            description: req.description,
            policy_type: ty,
            aws_managed: false,
            content: req.content,
            tags,
        };
        let partition = self.partition().to_string();
        let org = self.org_mut()?;
        let view = org.policy_view(&record, &partition);
        org.policies.insert(id, record);
        Ok(CreatePolicyResponse { policy: view })
    }

    /// `DescribePolicy`: a policy with its content.
    pub fn describe_policy(
        &mut self,
        caller: &Caller,
        req: DescribePolicyRequest,
    ) -> OrgResult<DescribePolicyResponse> {
        self.tick();
        let id = PolicyId::parse_policy(&req.policy_id)?;
        self.require_reader(caller, "DescribePolicy")?;
        let p = self.existing_policy(&id)?;
        Ok(DescribePolicyResponse { policy: self.org()?.policy_view(&p, self.partition()) })
    }

    /// `UpdatePolicy`: changes name, description and/or content; omitted fields stay, the type
    /// never changes, AWS managed policies are immutable.
    pub fn update_policy(
        &mut self,
        caller: &Caller,
        req: UpdatePolicyRequest,
    ) -> OrgResult<UpdatePolicyResponse> {
        self.tick();
        let id = PolicyId::parse_policy(&req.policy_id)?;
        if let Some(n) = &req.name {
            validate::length("Name", n, 1, 128)?;
        }
        if let Some(d) = &req.description {
            validate::length("Description", d, 0, 512)?;
        }
        if let Some(c) = &req.content {
            validate::length("Content", c, 1, 1_000_000)?;
        }
        self.require_policy_admin(caller, "UpdatePolicy", self.type_of(&id))?;
        let mut p = self.existing_policy(&id)?;
        if p.aws_managed {
            return Err(immutable(&id));
        }
        let org = self.org()?;
        if let Some(n) = &req.name
            && name_taken(org, p.policy_type, n, Some(&id))
        {
            return Err(duplicate_policy());
        }
        if let Some(c) = &req.content {
            validate_policy_document(p.policy_type, c)?;
        }
        let content_changed = req.content.as_ref().is_some_and(|c| c != &p.content);
        let in_use = !org.targets_of(&id).is_empty();
        if let Some(n) = req.name {
            p.name = n;
        }
        if let Some(d) = req.description {
            p.description = d;
        }
        if let Some(c) = req.content {
            p.content = c;
        }
        let partition = self.partition().to_string();
        let ty = p.policy_type;
        let org = self.org_mut()?;
        let view = org.policy_view(&p, &partition);
        org.policies.insert(id, p);
        if content_changed && in_use {
            self.policies_changed(ty);
        }
        Ok(UpdatePolicyResponse { policy: view })
    }

    /// `DeletePolicy`: only customer policies attached nowhere.
    pub fn delete_policy(
        &mut self,
        caller: &Caller,
        req: DeletePolicyRequest,
    ) -> OrgResult<DeletePolicyResponse> {
        self.tick();
        let id = PolicyId::parse_policy(&req.policy_id)?;
        self.require_policy_admin(caller, "DeletePolicy", self.type_of(&id))?;
        let p = self.existing_policy(&id)?;
        // Reference §15.7: AWS's choice between IMMUTABLE_POLICY and PolicyInUseException for an
        // attached AWS managed policy is undocumented; we report the immutability first.
        if p.aws_managed {
            return Err(immutable(&id));
        }
        if !self.org()?.targets_of(&id).is_empty() {
            return Err(OrgError::new(
                ErrorCode::PolicyInUseException,
                format!("Policy {id} is attached to one or more targets; detach it before deleting it."),
            ));
        }
        self.org_mut()?.policies.remove(&id);
        Ok(DeletePolicyResponse {})
    }

    /// `ListPolicies`: customer and AWS managed policies of one type, whether or not the type
    /// is enabled, in id order.
    pub fn list_policies(
        &mut self,
        caller: &Caller,
        req: ListPoliciesRequest,
    ) -> OrgResult<ListPoliciesResponse> {
        self.tick();
        super::paginate::page_request("ListPolicies", req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, "ListPolicies")?;
        let org = self.org()?;
        let mut all: Vec<PolicyRecord> =
            org.policies.values().filter(|p| p.policy_type == req.filter).cloned().collect();
        if let Some(m) = aws_managed_policy(req.filter)
            && !org.policies.contains_key(&m.id)
        {
            all.push(m);
        }
        all.sort_by(|a, b| a.id.cmp(&b.id));
        let items: Vec<PolicySummary> = all.iter().map(|p| org.policy_summary(p, self.partition())).collect();
        let (policies, next_token) =
            super::paginate::paginate("ListPolicies", items, req.next_token.as_deref(), req.max_results)?;
        Ok(ListPoliciesResponse { policies, next_token })
    }

    /// `AttachPolicy`: a direct attachment to a root, OU or account, while the policy's type is
    /// enabled, at most the type's maximum per target.
    pub fn attach_policy(
        &mut self,
        caller: &Caller,
        req: AttachPolicyRequest,
    ) -> OrgResult<AttachPolicyResponse> {
        self.tick();
        let id = PolicyId::parse_policy(&req.policy_id)?;
        TargetId::parse(&req.target_id)?;
        self.require_policy_admin(caller, "AttachPolicy", self.type_of(&id))?;
        let p = self.existing_policy(&id)?;
        let target = self.existing_target(&req.target_id)?;
        let ty = p.policy_type;
        let org = self.org()?;
        check_type_ready(org, ty)?;
        let key = target.as_str();
        if org.attached(key).iter().any(|a| a.policy == id) {
            return Err(OrgError::new(
                ErrorCode::DuplicatePolicyAttachmentException,
                format!("Policy {id} is already attached to {key}."),
            ));
        }
        let max = PolicyTypeLimits::of(ty).max_attached;
        if org.attached_of_type(key, ty).count() >= max {
            return Err(OrgError::constraint(
                ConstraintViolationReason::MaxPolicyTypeAttachmentLimitExceeded,
                format!(
                    "You have attached the maximum number of policies to the specified target ({max} of type {ty})."
                ),
            ));
        }
        let key = key.to_string();
        let org = self.org_mut()?;
        org.policies.entry(id.clone()).or_insert(p);
        org.attach_unchecked(&key, &id);
        self.policies_changed(ty);
        Ok(AttachPolicyResponse {})
    }

    /// `DetachPolicy`: removes a direct attachment; a target keeps at least the type's minimum
    /// (one SCP), and RCPFullAWSAccess cannot be detached.
    pub fn detach_policy(
        &mut self,
        caller: &Caller,
        req: DetachPolicyRequest,
    ) -> OrgResult<DetachPolicyResponse> {
        self.tick();
        let id = PolicyId::parse_policy(&req.policy_id)?;
        TargetId::parse(&req.target_id)?;
        self.require_policy_admin(caller, "DetachPolicy", self.type_of(&id))?;
        let p = self.existing_policy(&id)?;
        let target = self.existing_target(&req.target_id)?;
        if id.as_str() == RCP_FULL_AWS_ACCESS {
            return Err(OrgError::invalid_input(
                InvalidInputReason::NonDetachablePolicy,
                "RCPFullAWSAccess cannot be detached.",
            ));
        }
        let ty = p.policy_type;
        let org = self.org()?;
        let key = target.as_str();
        if !org.attached(key).iter().any(|a| a.policy == id) {
            return Err(OrgError::new(
                ErrorCode::PolicyNotAttachedException,
                format!("Policy {id} is not directly attached to {key}."),
            ));
        }
        if let Some(PolicyTypeStatus::PendingEnable | PolicyTypeStatus::PendingDisable) =
            org.policy_types.get(&ty)
        {
            return Err(changes_in_progress(ty));
        }
        let min = PolicyTypeLimits::of(ty).min_attached;
        if org.type_enabled(ty) && org.attached_of_type(key, ty).count() <= min {
            return Err(OrgError::constraint(
                ConstraintViolationReason::MinPolicyTypeAttachmentLimitExceeded,
                format!("A target must keep at least {min} directly attached policy of type {ty}."),
            ));
        }
        let key = key.to_string();
        let org = self.org_mut()?;
        if let Some(list) = org.attachments.get_mut(&key) {
            list.retain(|a| a.policy != id);
            if list.is_empty() {
                org.attachments.remove(&key);
            }
        }
        self.policies_changed(ty);
        Ok(DetachPolicyResponse {})
    }

    /// `ListPoliciesForTarget`: policies of one type directly attached to a target, in attach
    /// order.
    pub fn list_policies_for_target(
        &mut self,
        caller: &Caller,
        req: ListPoliciesForTargetRequest,
    ) -> OrgResult<ListPoliciesForTargetResponse> {
        self.tick();
        TargetId::parse(&req.target_id)?;
        super::paginate::page_request("ListPoliciesForTarget", req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, "ListPoliciesForTarget")?;
        let target = self.existing_target(&req.target_id)?;
        let org = self.org()?;
        let items: Vec<PolicySummary> = org
            .attached_of_type(target.as_str(), req.filter)
            .filter_map(|a| org.policies.get(&a.policy))
            .map(|p| org.policy_summary(p, self.partition()))
            .collect();
        let (policies, next_token) = super::paginate::paginate(
            "ListPoliciesForTarget",
            items,
            req.next_token.as_deref(),
            req.max_results,
        )?;
        Ok(ListPoliciesForTargetResponse { policies, next_token })
    }

    /// `ListTargetsForPolicy`: the roots, OUs and accounts a policy is directly attached to,
    /// in attach order.
    pub fn list_targets_for_policy(
        &mut self,
        caller: &Caller,
        req: ListTargetsForPolicyRequest,
    ) -> OrgResult<ListTargetsForPolicyResponse> {
        self.tick();
        let id = PolicyId::parse_policy(&req.policy_id)?;
        super::paginate::page_request("ListTargetsForPolicy", req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, "ListTargetsForPolicy")?;
        self.existing_policy(&id)?;
        let org = self.org()?;
        let mut found: Vec<(u64, &str)> = org
            .attachments
            .iter()
            .filter_map(|(t, list)| list.iter().find(|a| a.policy == id).map(|a| (a.seq, t.as_str())))
            .collect();
        found.sort();
        let items: Vec<PolicyTargetSummary> =
            found.into_iter().filter_map(|(_, t)| self.target_summary(org, t)).collect();
        let (targets, next_token) = super::paginate::paginate(
            "ListTargetsForPolicy",
            items,
            req.next_token.as_deref(),
            req.max_results,
        )?;
        Ok(ListTargetsForPolicyResponse { targets, next_token })
    }

    /// A policy target as ListTargetsForPolicy returns it.
    fn target_summary(&self, org: &OrgState, target: &str) -> Option<PolicyTargetSummary> {
        let arns = org.arns(self.partition());
        let (arn, name, ty) = match TargetId::parse(target).ok()? {
            TargetId::Root(r) => (arns.root(&r), "Root".to_string(), TargetType::Root),
            TargetId::Ou(o) => (arns.ou(&o), org.ous.get(&o)?.name.clone(), TargetType::OrganizationalUnit),
            TargetId::Account(a) => {
                let acc = self.state.accounts.get(&a)?;
                (arns.account(&a), acc.name.clone(), TargetType::Account)
            }
        };
        Some(PolicyTargetSummary { target_id: target.to_string(), arn, name, r#type: ty })
    }

    /// `EnablePolicyType`: the type becomes ENABLED in the root (instantly, §7.5); enabling SCPs
    /// or RCPs attaches FullAWSAccess / RCPFullAWSAccess to the root, every OU and every account.
    pub fn enable_policy_type(
        &mut self,
        caller: &Caller,
        req: EnablePolicyTypeRequest,
    ) -> OrgResult<EnablePolicyTypeResponse> {
        self.tick();
        let root = RootId::parse(&req.root_id)?;
        let ty = req.policy_type;
        self.require_policy_admin(caller, "EnablePolicyType", Some(ty))?;
        let org = self.org()?;
        check_root(org, &root)?;
        if org.feature_set != FeatureSet::All {
            return Err(not_available());
        }
        match org.policy_types.get(&ty) {
            Some(PolicyTypeStatus::Enabled) => {
                return Err(OrgError::new(
                    ErrorCode::PolicyTypeAlreadyEnabledException,
                    format!("The policy type {ty} is already enabled in root {root}."),
                ));
            }
            Some(_) => return Err(changes_in_progress(ty)),
            None => {}
        }
        if let Some(svc) = super::services::service_for_policy_type(ty).map(|s| s.principal)
            && !org.trusted_services.contains_key(svc)
        {
            return Err(OrgError::constraint(
                ConstraintViolationReason::ServiceAccessNotEnabled,
                format!("Enable trusted access for {svc} before enabling {ty}."),
            ));
        }
        let mut targets = vec![root.to_string()];
        targets.extend(org.ous.keys().map(|o| o.to_string()));
        targets.extend(
            self.state
                .accounts
                .values()
                .filter(|a| matches!(a.membership, Membership::Member(_)))
                .map(|a| a.id.to_string()),
        );
        let partition = self.partition().to_string();
        let org = self.org_mut()?;
        org.policy_types.insert(ty, PolicyTypeStatus::Enabled);
        if let Some(default) = aws_managed_policy(ty) {
            let id = default.id.clone();
            org.policies.entry(id.clone()).or_insert(default);
            for t in &targets {
                if !org.attached(t).iter().any(|a| a.policy == id) {
                    org.attach_unchecked(t, &id);
                }
            }
        }
        let view = org.root_view(&partition);
        self.policies_changed(ty);
        Ok(EnablePolicyTypeResponse { root: view })
    }

    /// `DisablePolicyType`: the type leaves the root and every attachment of it is removed;
    /// the policies themselves remain.
    pub fn disable_policy_type(
        &mut self,
        caller: &Caller,
        req: DisablePolicyTypeRequest,
    ) -> OrgResult<DisablePolicyTypeResponse> {
        self.tick();
        let root = RootId::parse(&req.root_id)?;
        let ty = req.policy_type;
        self.require_policy_admin(caller, "DisablePolicyType", Some(ty))?;
        let org = self.org()?;
        check_root(org, &root)?;
        match org.policy_types.get(&ty) {
            Some(PolicyTypeStatus::Enabled) => {}
            Some(_) => return Err(changes_in_progress(ty)),
            None => {
                return Err(OrgError::new(
                    ErrorCode::PolicyTypeNotEnabledException,
                    format!("The policy type {ty} is not enabled in root {root}."),
                ));
            }
        }
        let partition = self.partition().to_string();
        let org = self.org_mut()?;
        org.policy_types.remove(&ty);
        let policies = &org.policies;
        for list in org.attachments.values_mut() {
            list.retain(|a| policies.get(&a.policy).is_none_or(|p| p.policy_type != ty));
        }
        org.attachments.retain(|_, list| !list.is_empty());
        let view = org.root_view(&partition);
        self.policies_changed(ty);
        Ok(DisablePolicyTypeResponse { root: view })
    }
}

fn check_root(org: &OrgState, root: &RootId) -> OrgResult<()> {
    if &org.root_id == root {
        Ok(())
    } else {
        Err(OrgError::new(
            ErrorCode::RootNotFoundException,
            format!("Root {root} was not found in this organization."),
        ))
    }
}

fn changes_in_progress(ty: PolicyType) -> OrgError {
    OrgError::new(
        ErrorCode::PolicyChangesInProgressException,
        format!("Changes to policy type {ty} are still in progress; try again later."),
    )
}

/// The type must be ENABLED in the root to attach (a type in transition is busy).
fn check_type_ready(org: &OrgState, ty: PolicyType) -> OrgResult<()> {
    match org.policy_types.get(&ty) {
        Some(PolicyTypeStatus::Enabled) => Ok(()),
        Some(PolicyTypeStatus::PendingDisable) => Err(changes_in_progress(ty)),
        _ => Err(OrgError::new(
            ErrorCode::PolicyTypeNotEnabledException,
            format!("The policy type {ty} is not enabled in the root."),
        )),
    }
}
