//! Accounts: creation, status, listing, moves, removal, leaving and closure (reference §5.4, §7.1, §7.3).

use super::{AccountRecord, CreateAccountRecord, Engine, Membership, validate};
use crate::model::error::{ConstraintViolationReason, InvalidInputReason};
use crate::model::*;

impl Engine {
    /// `CreateAccount`: starts an asynchronous account creation. Business failures (email
    /// already used, account limit) are not errors here: they surface later as a FAILED
    /// status with its reason.
    pub fn create_account(
        &mut self,
        caller: &Caller,
        req: CreateAccountRequest,
    ) -> OrgResult<CreateAccountResponse> {
        self.tick();
        validate::email("Email", &req.email)?;
        validate::length("AccountName", &req.account_name, 1, 50)?;
        validate::printable_ascii("AccountName", &req.account_name)?;
        let role_name = req.role_name.clone().unwrap_or_else(|| "OrganizationAccountAccessRole".into());
        validate::length("RoleName", &role_name, 1, 64)?;
        let role_ok = role_name.chars().all(|c| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c));
        if !role_ok || role_name.starts_with("AWSServiceRoleFor") {
            return Err(OrgError::invalid_input(
                InvalidInputReason::InvalidRoleName,
                format!("{role_name:?} is not a valid role name."),
            ));
        }
        let tags = req.tags.clone().unwrap_or_default();
        super::tags::validate_tags(&tags)?;
        self.require_management(caller, "CreateAccount")?;
        let quotas = self.state.quotas.clone();
        let org = self.org()?;
        let in_progress = org
            .create_account_requests
            .iter()
            .filter(|r| r.status.state == CreateAccountState::InProgress)
            .count();
        if self.accounts_counted() + in_progress >= quotas.max_accounts {
            return Err(OrgError::constraint(
                ConstraintViolationReason::AccountNumberLimitExceeded,
                format!("The organization has reached its limit of {} accounts.", quotas.max_accounts),
            ));
        }
        if in_progress >= quotas.max_concurrent_create_account {
            return Err(OrgError::constraint(
                ConstraintViolationReason::AccountCreationRateLimitExceeded,
                format!(
                    "At most {} account creations can be in progress at once.",
                    quotas.max_concurrent_create_account
                ),
            ));
        }
        validate::new_tags(&tags, quotas.max_tags)?;
        let id = self.new_create_account_request_id();
        let status = CreateAccountStatus {
            id,
            account_name: req.account_name,
            state: CreateAccountState::InProgress,
            requested_timestamp: self.now(),
            completed_timestamp: None,
            account_id: None,
            gov_cloud_account_id: None,
            failure_reason: None,
        };
        self.org_mut()?.create_account_requests.push(CreateAccountRecord {
            status: status.clone(),
            email: req.email,
            role_name,
            tags,
            forced_failure: None,
        });
        Ok(CreateAccountResponse { create_account_status: status })
    }

    /// `DescribeCreateAccountStatus`.
    pub fn describe_create_account_status(
        &mut self,
        caller: &Caller,
        req: DescribeCreateAccountStatusRequest,
    ) -> OrgResult<DescribeCreateAccountStatusResponse> {
        self.tick();
        let id = CreateAccountRequestId::parse(&req.create_account_request_id)?;
        self.require_reader(caller, "DescribeCreateAccountStatus")?;
        let org = self.org()?;
        let status = org
            .create_account_requests
            .iter()
            .find(|r| r.status.id == id)
            .map(|r| r.status.clone())
            .ok_or_else(|| {
                OrgError::new(
                    ErrorCode::CreateAccountStatusNotFoundException,
                    format!("Create account request {id} was not found."),
                )
            })?;
        Ok(DescribeCreateAccountStatusResponse { create_account_status: status })
    }

    /// `ListCreateAccountStatus`.
    pub fn list_create_account_status(
        &mut self,
        caller: &Caller,
        req: ListCreateAccountStatusRequest,
    ) -> OrgResult<ListCreateAccountStatusResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListCreateAccountStatus"))
    }

    /// `DescribeAccount`.
    pub fn describe_account(
        &mut self,
        caller: &Caller,
        req: DescribeAccountRequest,
    ) -> OrgResult<DescribeAccountResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DescribeAccount"))
    }

    /// `ListAccounts`.
    pub fn list_accounts(
        &mut self,
        caller: &Caller,
        req: ListAccountsRequest,
    ) -> OrgResult<ListAccountsResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListAccounts"))
    }

    /// `ListAccountsForParent`.
    pub fn list_accounts_for_parent(
        &mut self,
        caller: &Caller,
        req: ListAccountsForParentRequest,
    ) -> OrgResult<ListAccountsForParentResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListAccountsForParent"))
    }

    /// `MoveAccount`.
    pub fn move_account(
        &mut self,
        caller: &Caller,
        req: MoveAccountRequest,
    ) -> OrgResult<MoveAccountResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("MoveAccount"))
    }

    /// `RemoveAccountFromOrganization`.
    pub fn remove_account_from_organization(
        &mut self,
        caller: &Caller,
        req: RemoveAccountFromOrganizationRequest,
    ) -> OrgResult<RemoveAccountFromOrganizationResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("RemoveAccountFromOrganization"))
    }

    /// `LeaveOrganization`.
    pub fn leave_organization(
        &mut self,
        caller: &Caller,
        req: LeaveOrganizationRequest,
    ) -> OrgResult<LeaveOrganizationResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("LeaveOrganization"))
    }

    /// `CloseAccount`.
    pub fn close_account(
        &mut self,
        caller: &Caller,
        req: CloseAccountRequest,
    ) -> OrgResult<CloseAccountResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("CloseAccount"))
    }
}

impl Engine {
    /// Completes due CreateAccount requests and closures; purges accounts closed longer
    /// than the retention period.
    pub(crate) fn tick_accounts(&mut self, now: Timestamp) {
        self.complete_account_creations(now);
    }

    /// Accounts that count toward the account quota: members (closed ones too, until purged)
    /// and open invitations sent by the organization.
    pub(crate) fn accounts_counted(&self) -> usize {
        let members =
            self.state.accounts.values().filter(|a| matches!(a.membership, Membership::Member(_))).count();
        let open_invites = match &self.state.org {
            Some(org) => self
                .state
                .handshakes
                .values()
                .filter(|h| {
                    h.org == org.id
                        && h.handshake.action == HandshakeAction::Invite
                        && !h.handshake.state.is_terminal()
                })
                .count(),
            None => 0,
        };
        members + open_invites
    }

    /// Finishes every CreateAccount request whose emulated delay has passed, in submission
    /// order, so that of two requests with one email the later fails.
    fn complete_account_creations(&mut self, now: Timestamp) {
        let delay = self.state.settings.create_account_ms;
        let max_accounts = self.state.quotas.max_accounts;
        let Some(org) = self.state.org.as_ref() else { return };
        let due: Vec<usize> = org
            .create_account_requests
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.status.state == CreateAccountState::InProgress
                    && r.status.requested_timestamp.plus_ms(delay) <= now
            })
            .map(|(i, _)| i)
            .collect();
        for i in due {
            let Some(rec) = self.state.org.as_ref().and_then(|o| o.create_account_requests.get(i)).cloned()
            else {
                continue;
            };
            let done_at = rec.status.requested_timestamp.plus_ms(delay).min(now);
            let email_taken = self.state.accounts.values().any(|a| a.email.eq_ignore_ascii_case(&rec.email));
            let failure = rec.forced_failure.or(if email_taken {
                Some(CreateAccountFailureReason::EmailAlreadyExists)
            } else if self.accounts_counted() >= max_accounts {
                Some(CreateAccountFailureReason::AccountLimitExceeded)
            } else {
                None
            });
            let account_id = match failure {
                Some(_) => None,
                None => Some(self.new_account_id()),
            };
            let Some(org) = self.state.org.as_mut() else { return };
            let root = ParentId::Root(org.root_id.clone());
            if let Some(id) = &account_id {
                org.attach_defaults(id.as_str());
                self.state.accounts.insert(
                    id.clone(),
                    AccountRecord {
                        id: id.clone(),
                        name: rec.status.account_name.clone(),
                        email: rec.email.clone(),
                        state: AccountState::Active,
                        status: AccountStatus::Active,
                        joined_method: JoinedMethod::Created,
                        joined_timestamp: done_at,
                        membership: Membership::Member(root),
                        tags: rec.tags.clone(),
                        created_at: done_at,
                        closure_requested_at: None,
                        closed_at: None,
                        readiness: Default::default(),
                    },
                );
            }
            if let Some(r) = self.state.org.as_mut().and_then(|o| o.create_account_requests.get_mut(i)) {
                r.status.completed_timestamp = Some(done_at);
                match failure {
                    Some(reason) => {
                        r.status.state = CreateAccountState::Failed;
                        r.status.failure_reason = Some(reason);
                    }
                    None => {
                        r.status.state = CreateAccountState::Succeeded;
                        r.status.account_id = account_id;
                    }
                }
            }
        }
    }
}
