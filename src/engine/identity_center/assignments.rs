//! Account assignments and provisioning: the asynchronous CreateAccountAssignment,
//! DeleteAccountAssignment and ProvisionPermissionSet (accepted `IN_PROGRESS`, completed by
//! `tick` once the instance's operation delay has passed, then `SUCCEEDED` or `FAILED` with a
//! reason), their status calls, and the lists of assignments and provisioned permission sets.
//! The first assignment of a permission set to an account provisions it there (a new
//! `AWSReservedSSO_` role suffix); removing the last one deprovisions it.

use super::validate as v;
use super::{
    Assignment, AsyncRequest, Instance, MAX_PROVISIONED_PER_ACCOUNT, ProvisionedRole, paging, status,
};
use crate::engine::{Engine, Membership};
use crate::model::identity_center::ssoadmin::*;
use crate::model::identity_center::{IcError, IcResult};
use crate::model::{AccountId, Caller, Timestamp};
use serde::{Deserialize, Serialize};

/// What an asynchronous request does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RequestKind {
    AssignmentCreation,
    AssignmentDeletion,
    Provisioning,
}

const PROVISIONING_STATUSES: [&str; 2] =
    ["LATEST_PERMISSION_SET_PROVISIONED", "LATEST_PERMISSION_SET_NOT_PROVISIONED"];
const STATUS_VALUES: [&str; 3] = [status::IN_PROGRESS, status::FAILED, status::SUCCEEDED];

fn assignment_status(r: &AsyncRequest, inst: &Instance, partition: &str) -> AccountAssignmentOperationStatus {
    AccountAssignmentOperationStatus {
        status: r.status.clone(),
        request_id: r.request_id.clone(),
        failure_reason: r.failure_reason.clone(),
        target_id: r.account_id.clone().unwrap_or_default(),
        target_type: "AWS_ACCOUNT".into(),
        permission_set_arn: inst.permission_set_arn(partition, &r.permission_set_id),
        principal_type: r.principal_type.clone().unwrap_or_default(),
        principal_id: r.principal_id.clone().unwrap_or_default(),
        created_date: r.created_date,
    }
}

fn provisioning_status(
    r: &AsyncRequest,
    inst: &Instance,
    partition: &str,
) -> PermissionSetProvisioningStatus {
    PermissionSetProvisioningStatus {
        status: r.status.clone(),
        request_id: r.request_id.clone(),
        account_id: r.account_id.clone(),
        permission_set_arn: inst.permission_set_arn(partition, &r.permission_set_id),
        failure_reason: r.failure_reason.clone(),
        created_date: r.created_date,
    }
}

impl Engine {
    fn ic_is_member(&self, account: &str) -> bool {
        AccountId::parse(account).ok().and_then(|a| self.state.accounts.get(&a)).is_some_and(|a| {
            matches!(a.membership, Membership::Member(_))
                && matches!(a.state, crate::model::AccountState::Active)
        })
    }

    fn ic_new_request(
        &mut self,
        kind: RequestKind,
        ps: &str,
        account: Option<&str>,
        principal: Option<(&str, &str)>,
    ) -> AsyncRequest {
        let now = self.now();
        let request_id = self.ic_uuid();
        let delay = self.state.identity_center.instance.as_ref().map_or(0, |i| i.operation_ms.max(0));
        let r = AsyncRequest {
            request_id,
            kind,
            status: status::IN_PROGRESS.into(),
            failure_reason: None,
            created_date: Timestamp(now.0 - now.0.rem_euclid(1000)),
            due: now.plus_ms(delay),
            permission_set_id: ps.to_string(),
            account_id: account.map(str::to_string),
            principal_type: principal.map(|p| p.0.to_string()),
            principal_id: principal.map(|p| p.1.to_string()),
        };
        self.ic_mut().requests.push(r.clone());
        r
    }

    fn ic_assignment_request(
        &mut self,
        caller: &Caller,
        req: &AccountAssignmentRequest,
        kind: RequestKind,
    ) -> IcResult<AsyncRequest> {
        self.tick();
        let ins = v::instance_arn(&req.instance_arn)?;
        let target = v::account_id(&req.target_id, "targetId")?;
        v::one_of(&req.target_type, "targetType", &["AWS_ACCOUNT"])?;
        let (ps_ins, ps_id) = v::permission_set_arn(&req.permission_set_arn)?;
        let ptype = v::one_of(&req.principal_type, "principalType", &["USER", "GROUP"])?;
        let pid = v::store_object_id(&req.principal_id, "principalId")?;
        let (inst, role) = self.ic_instance(caller, ins)?;
        if ps_ins != ins || !inst.permission_sets.contains_key(ps_id) {
            return Err(IcError::not_found(format!(
                "Could not find PermissionSet with PermissionSetArn {}.",
                req.permission_set_arn.as_deref().unwrap_or_default()
            )));
        }
        self.ic_guard_management(role, inst, ps_id, Some(target))?;
        if kind == RequestKind::AssignmentCreation {
            let here = inst.provisioned.iter().filter(|(_, m)| m.contains_key(target)).count();
            let already = inst.provisioned.get(ps_id).is_some_and(|m| m.contains_key(target));
            if !already && here >= MAX_PROVISIONED_PER_ACCOUNT {
                return Err(IcError::quota(format!(
                    "Account {target} already has {MAX_PROVISIONED_PER_ACCOUNT} permission sets provisioned, the most allowed."
                )));
            }
        }
        Ok(self.ic_new_request(kind, ps_id, Some(target), Some((ptype, pid))))
    }

    /// CreateAccountAssignment: accepted `IN_PROGRESS`; on completion the principal, the
    /// permission set and the account (a member of the organization) are checked.
    pub fn sso_create_account_assignment(
        &mut self,
        caller: &Caller,
        req: AccountAssignmentRequest,
    ) -> IcResult<AssignmentCreationResponse> {
        let r = self.ic_assignment_request(caller, &req, RequestKind::AssignmentCreation)?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        Ok(AssignmentCreationResponse {
            account_assignment_creation_status: assignment_status(&r, inst, &self.ic_partition()),
        })
    }

    /// DeleteAccountAssignment: accepted `IN_PROGRESS`; removing the last assignment of a
    /// permission set in an account deprovisions it there.
    pub fn sso_delete_account_assignment(
        &mut self,
        caller: &Caller,
        req: AccountAssignmentRequest,
    ) -> IcResult<AssignmentDeletionResponse> {
        let r = self.ic_assignment_request(caller, &req, RequestKind::AssignmentDeletion)?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        Ok(AssignmentDeletionResponse {
            account_assignment_deletion_status: assignment_status(&r, inst, &self.ic_partition()),
        })
    }

    /// ProvisionPermissionSet: to one account (`AWS_ACCOUNT` + `TargetId`) or re-pushed to
    /// every account that holds it (`ALL_PROVISIONED_ACCOUNTS`).
    pub fn sso_provision_permission_set(
        &mut self,
        caller: &Caller,
        req: ProvisionPermissionSetRequest,
    ) -> IcResult<ProvisioningStatusResponse> {
        let kind = v::one_of(&req.target_type, "targetType", &["AWS_ACCOUNT", "ALL_PROVISIONED_ACCOUNTS"])?;
        let target = match kind {
            "AWS_ACCOUNT" => Some(v::account_id(&req.target_id, "targetId")?.to_string()),
            _ => {
                if req.target_id.is_some() {
                    return Err(IcError::validation(
                        "TargetId must not be given when TargetType is ALL_PROVISIONED_ACCOUNTS.",
                    ));
                }
                None
            }
        };
        let (role, ps_id) = self.ic_ps(caller, &req.ps)?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        self.ic_guard_management(role, inst, &ps_id, target.as_deref())?;
        let r = self.ic_new_request(RequestKind::Provisioning, &ps_id, target.as_deref(), None);
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        Ok(ProvisioningStatusResponse {
            permission_set_provisioning_status: provisioning_status(&r, inst, &self.ic_partition()),
        })
    }

    fn ic_find_request(
        &mut self,
        caller: &Caller,
        instance_arn: &Option<String>,
        id: &Option<String>,
        member: &str,
        kind: RequestKind,
        what: &str,
    ) -> IcResult<AsyncRequest> {
        self.tick();
        let ins = v::instance_arn(instance_arn)?;
        let id = v::request_id(id, member)?;
        let (inst, _) = self.ic_instance(caller, ins)?;
        inst.requests
            .iter()
            .find(|r| r.kind == kind && r.request_id == id)
            .cloned()
            .ok_or_else(|| IcError::not_found(format!("Could not find {what} with RequestId {id}.")))
    }

    /// DescribeAccountAssignmentCreationStatus.
    pub fn sso_describe_assignment_creation(
        &mut self,
        caller: &Caller,
        req: DescribeCreationStatusRequest,
    ) -> IcResult<AssignmentCreationResponse> {
        let r = self.ic_find_request(
            caller,
            &req.instance_arn,
            &req.account_assignment_creation_request_id,
            "accountAssignmentCreationRequestId",
            RequestKind::AssignmentCreation,
            "AccountAssignmentCreationStatus",
        )?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        Ok(AssignmentCreationResponse {
            account_assignment_creation_status: assignment_status(&r, inst, &self.ic_partition()),
        })
    }

    /// DescribeAccountAssignmentDeletionStatus.
    pub fn sso_describe_assignment_deletion(
        &mut self,
        caller: &Caller,
        req: DescribeDeletionStatusRequest,
    ) -> IcResult<AssignmentDeletionResponse> {
        let r = self.ic_find_request(
            caller,
            &req.instance_arn,
            &req.account_assignment_deletion_request_id,
            "accountAssignmentDeletionRequestId",
            RequestKind::AssignmentDeletion,
            "AccountAssignmentDeletionStatus",
        )?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        Ok(AssignmentDeletionResponse {
            account_assignment_deletion_status: assignment_status(&r, inst, &self.ic_partition()),
        })
    }

    /// DescribePermissionSetProvisioningStatus.
    pub fn sso_describe_provisioning_status(
        &mut self,
        caller: &Caller,
        req: DescribeProvisioningStatusRequest,
    ) -> IcResult<ProvisioningStatusResponse> {
        let r = self.ic_find_request(
            caller,
            &req.instance_arn,
            &req.provision_permission_set_request_id,
            "provisionPermissionSetRequestId",
            RequestKind::Provisioning,
            "PermissionSetProvisioningStatus",
        )?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        Ok(ProvisioningStatusResponse {
            permission_set_provisioning_status: provisioning_status(&r, inst, &self.ic_partition()),
        })
    }

    fn ic_list_status(
        &mut self,
        caller: &Caller,
        req: &ListStatusRequest,
        op: &str,
        kind: RequestKind,
    ) -> IcResult<(Vec<StatusMetadata>, Option<String>)> {
        self.tick();
        let at = paging::request(op, req.paging.max_results, req.paging.next_token.as_deref())?;
        let ins = v::instance_arn(&req.instance_arn)?;
        let wanted = match req.filter.as_ref().and_then(|f| f.status.clone()) {
            Some(s) => Some(v::one_of(&Some(s), "filter.status", &STATUS_VALUES)?.to_string()),
            None => None,
        };
        let (inst, _) = self.ic_instance(caller, ins)?;
        let items = inst
            .requests
            .iter()
            .filter(|r| r.kind == kind && wanted.as_ref().is_none_or(|w| &r.status == w))
            .map(|r| StatusMetadata {
                status: r.status.clone(),
                request_id: r.request_id.clone(),
                created_date: r.created_date,
            });
        Ok(paging::page(op, items, at))
    }

    /// ListAccountAssignmentCreationStatus.
    pub fn sso_list_assignment_creation(
        &mut self,
        caller: &Caller,
        req: ListStatusRequest,
    ) -> IcResult<ListCreationStatusResponse> {
        let op = "ListAccountAssignmentCreationStatus";
        let (items, next_token) = self.ic_list_status(caller, &req, op, RequestKind::AssignmentCreation)?;
        Ok(ListCreationStatusResponse { account_assignments_creation_status: items, next_token })
    }

    /// ListAccountAssignmentDeletionStatus.
    pub fn sso_list_assignment_deletion(
        &mut self,
        caller: &Caller,
        req: ListStatusRequest,
    ) -> IcResult<ListDeletionStatusResponse> {
        let op = "ListAccountAssignmentDeletionStatus";
        let (items, next_token) = self.ic_list_status(caller, &req, op, RequestKind::AssignmentDeletion)?;
        Ok(ListDeletionStatusResponse { account_assignments_deletion_status: items, next_token })
    }

    /// ListPermissionSetProvisioningStatus.
    pub fn sso_list_provisioning_status(
        &mut self,
        caller: &Caller,
        req: ListStatusRequest,
    ) -> IcResult<ListProvisioningStatusResponse> {
        let op = "ListPermissionSetProvisioningStatus";
        let (items, next_token) = self.ic_list_status(caller, &req, op, RequestKind::Provisioning)?;
        Ok(ListProvisioningStatusResponse { permission_sets_provisioning_status: items, next_token })
    }

    /// ListAccountAssignments: the assignments of one permission set in one account.
    pub fn sso_list_account_assignments(
        &mut self,
        caller: &Caller,
        req: ListAccountAssignmentsRequest,
    ) -> IcResult<ListAccountAssignmentsResponse> {
        let op = "ListAccountAssignments";
        let at = paging::request(op, req.paging.max_results, req.paging.next_token.as_deref())?;
        let account = v::account_id(&req.account_id, "accountId")?.to_string();
        let (_, ps_id) = self.ic_ps(caller, &req.ps)?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        let p = self.ic_partition();
        let items = inst
            .assignments
            .iter()
            .filter(|a| a.account_id == account && a.permission_set_id == ps_id)
            .map(|a| wire_assignment(a, inst, &p));
        let (account_assignments, next_token) = paging::page(op, items, at);
        Ok(ListAccountAssignmentsResponse { account_assignments, next_token })
    }

    /// ListAccountAssignmentsForPrincipal: every assignment of a user or group (management
    /// account only), optionally in one account.
    pub fn sso_list_assignments_for_principal(
        &mut self,
        caller: &Caller,
        req: ListAssignmentsForPrincipalRequest,
    ) -> IcResult<ListAccountAssignmentsResponse> {
        self.tick();
        let op = "ListAccountAssignmentsForPrincipal";
        let at = paging::request(op, req.paging.max_results, req.paging.next_token.as_deref())?;
        let ins = v::instance_arn(&req.instance_arn)?;
        let ptype = v::one_of(&req.principal_type, "principalType", &["USER", "GROUP"])?.to_string();
        let pid = v::store_object_id(&req.principal_id, "principalId")?.to_string();
        let account = match req.filter.as_ref().and_then(|f| f.account_id.clone()) {
            Some(a) => Some(v::account_id(&Some(a), "filter.accountId")?.to_string()),
            None => None,
        };
        let (inst, role) = self.ic_instance(caller, ins)?;
        if role != super::access::IcRole::Owner {
            return Err(IcError::denied(
                "ListAccountAssignmentsForPrincipal can only be called from the management account.",
            ));
        }
        let p = self.ic_partition();
        let items = inst
            .assignments
            .iter()
            .filter(|a| a.principal_type == ptype && a.principal_id == pid)
            .filter(|a| account.as_ref().is_none_or(|acc| &a.account_id == acc))
            .map(|a| wire_assignment(a, inst, &p));
        let (account_assignments, next_token) = paging::page(op, items, at);
        Ok(ListAccountAssignmentsResponse { account_assignments, next_token })
    }

    /// ListAccountsForProvisionedPermissionSet, optionally only up-to-date or outdated copies.
    pub fn sso_list_accounts_for_provisioned(
        &mut self,
        caller: &Caller,
        req: ListAccountsForProvisionedRequest,
    ) -> IcResult<ListAccountsForProvisionedResponse> {
        let op = "ListAccountsForProvisionedPermissionSet";
        let at = paging::request(op, req.paging.max_results, req.paging.next_token.as_deref())?;
        let filter = match &req.provisioning_status {
            Some(_) => Some(
                v::one_of(&req.provisioning_status, "provisioningStatus", &PROVISIONING_STATUSES)?
                    == PROVISIONING_STATUSES[0],
            ),
            None => None,
        };
        let (_, ps_id) = self.ic_ps(caller, &req.ps)?;
        let inst = self.state.identity_center.instance.as_ref().expect("checked");
        let items = inst
            .provisioned
            .get(&ps_id)
            .into_iter()
            .flat_map(|m| m.keys())
            .filter(|acc| filter.is_none_or(|latest| latest != inst.is_outdated(&ps_id, acc)))
            .cloned();
        let (account_ids, next_token) = paging::page(op, items, at);
        Ok(ListAccountsForProvisionedResponse { account_ids, next_token })
    }

    /// ListPermissionSetsProvisionedToAccount, optionally only up-to-date or outdated copies.
    pub fn sso_list_permission_sets_provisioned(
        &mut self,
        caller: &Caller,
        req: ListPermissionSetsProvisionedRequest,
    ) -> IcResult<ListPermissionSetsResponse> {
        self.tick();
        let op = "ListPermissionSetsProvisionedToAccount";
        let at = paging::request(op, req.paging.max_results, req.paging.next_token.as_deref())?;
        let ins = v::instance_arn(&req.instance_arn)?;
        let account = v::account_id(&req.account_id, "accountId")?.to_string();
        let filter = match &req.provisioning_status {
            Some(_) => Some(
                v::one_of(&req.provisioning_status, "provisioningStatus", &PROVISIONING_STATUSES)?
                    == PROVISIONING_STATUSES[0],
            ),
            None => None,
        };
        let (inst, _) = self.ic_instance(caller, ins)?;
        let p = self.ic_partition();
        let items = inst
            .provisioned
            .iter()
            .filter(|(id, m)| {
                m.contains_key(&account)
                    && filter.is_none_or(|latest| latest != inst.is_outdated(id, &account))
            })
            .map(|(id, _)| inst.permission_set_arn(&p, id));
        let (permission_sets, next_token) = paging::page(op, items, at);
        Ok(ListPermissionSetsResponse { permission_sets, next_token })
    }

    /// Completes every asynchronous request that is due (called by `Engine::tick`).
    pub(crate) fn tick_identity_center(&mut self, now: Timestamp) {
        let Some(inst) = self.state.identity_center.instance.as_ref() else { return };
        let due: Vec<usize> = inst
            .requests
            .iter()
            .enumerate()
            .filter(|(_, r)| r.status == status::IN_PROGRESS && r.due <= now)
            .map(|(i, _)| i)
            .collect();
        for i in due {
            let r = self.state.identity_center.instance.as_ref().expect("present").requests[i].clone();
            let outcome = self.ic_complete(&r);
            let rec = &mut self.ic_mut().requests[i];
            match outcome {
                Ok(()) => rec.status = status::SUCCEEDED.into(),
                Err(reason) => {
                    rec.status = status::FAILED.into();
                    rec.failure_reason = Some(reason);
                }
            }
        }
    }

    fn ic_complete(&mut self, r: &AsyncRequest) -> Result<(), String> {
        let inst = self.state.identity_center.instance.as_ref().expect("present");
        let Some(ps) = inst.permission_sets.get(&r.permission_set_id) else {
            return Err("The permission set no longer exists.".into());
        };
        let version = ps.version;
        match r.kind {
            RequestKind::AssignmentCreation | RequestKind::AssignmentDeletion => {
                let account = r.account_id.clone().unwrap_or_default();
                let a = Assignment {
                    account_id: account.clone(),
                    permission_set_id: r.permission_set_id.clone(),
                    principal_type: r.principal_type.clone().unwrap_or_default(),
                    principal_id: r.principal_id.clone().unwrap_or_default(),
                };
                if r.kind == RequestKind::AssignmentDeletion {
                    let inst = self.ic_mut();
                    inst.assignments.remove(&a);
                    let still = inst
                        .assignments
                        .iter()
                        .any(|o| o.account_id == account && o.permission_set_id == r.permission_set_id);
                    if !still {
                        if let Some(m) = inst.provisioned.get_mut(&r.permission_set_id) {
                            m.remove(&account);
                        }
                    }
                    return Ok(());
                }
                let exists = match a.principal_type.as_str() {
                    "USER" => inst.users.contains_key(&a.principal_id),
                    _ => inst.groups.contains_key(&a.principal_id),
                };
                if !exists {
                    let kind = if a.principal_type == "USER" { "User" } else { "Group" };
                    return Err(format!("{kind} {} does not exist in the identity store.", a.principal_id));
                }
                if !self.ic_is_member(&account) {
                    return Err(format!("Account {account} is not an active member of the organization."));
                }
                self.ic_provision_to(&r.permission_set_id, &account, version, false);
                self.ic_mut().assignments.insert(a);
                Ok(())
            }
            RequestKind::Provisioning => {
                let targets: Vec<String> = match &r.account_id {
                    Some(a) => {
                        if !self.ic_is_member(a) {
                            return Err(format!("Account {a} is not an active member of the organization."));
                        }
                        vec![a.clone()]
                    }
                    None => inst
                        .provisioned
                        .get(&r.permission_set_id)
                        .map(|m| m.keys().cloned().collect())
                        .unwrap_or_default(),
                };
                for account in targets {
                    self.ic_provision_to(&r.permission_set_id, &account, version, true);
                }
                Ok(())
            }
        }
    }

    /// Creates the permission set's role in an account (a new suffix) or, with `update`,
    /// brings an existing one to `version`.
    fn ic_provision_to(&mut self, ps_id: &str, account: &str, version: u64, update: bool) {
        let exists = self
            .state
            .identity_center
            .instance
            .as_ref()
            .and_then(|i| i.provisioned.get(ps_id))
            .is_some_and(|m| m.contains_key(account));
        if exists {
            if update {
                let inst = self.ic_mut();
                if let Some(role) = inst.provisioned.get_mut(ps_id).and_then(|m| m.get_mut(account)) {
                    role.version = version;
                }
            }
            return;
        }
        let role_suffix = self.ic_hex(16);
        self.ic_mut()
            .provisioned
            .entry(ps_id.to_string())
            .or_default()
            .insert(account.to_string(), ProvisionedRole { role_suffix, version });
    }
}

fn wire_assignment(a: &Assignment, inst: &Instance, partition: &str) -> AccountAssignment {
    AccountAssignment {
        account_id: a.account_id.clone(),
        permission_set_arn: inst.permission_set_arn(partition, &a.permission_set_id),
        principal_type: a.principal_type.clone(),
        principal_id: a.principal_id.clone(),
    }
}
