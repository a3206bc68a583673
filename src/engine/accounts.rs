//! Accounts: creation, status, listing, moves, removal, leaving and closure (reference §5.4, §7.1, §7.3).

use super::{AccountRecord, CreateAccountRecord, Engine, Membership, paginate, validate};
use crate::model::error::{ConstraintViolationReason, InvalidInputReason};
use crate::model::time::DAY_MS;
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

    /// `ListCreateAccountStatus`: requests in submission order, optionally filtered by state.
    pub fn list_create_account_status(
        &mut self,
        caller: &Caller,
        req: ListCreateAccountStatusRequest,
    ) -> OrgResult<ListCreateAccountStatusResponse> {
        const OP: &str = "ListCreateAccountStatus";
        self.tick();
        paginate::page_request(OP, req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, OP)?;
        let states = req.states.unwrap_or_default();
        let statuses: Vec<CreateAccountStatus> = self
            .org()?
            .create_account_requests
            .iter()
            .filter(|r| states.is_empty() || states.contains(&r.status.state))
            .map(|r| r.status.clone())
            .collect();
        let (create_account_statuses, next_token) =
            paginate::paginate(OP, statuses, req.next_token.as_deref(), req.max_results)?;
        Ok(ListCreateAccountStatusResponse { create_account_statuses, next_token })
    }

    /// `DescribeAccount`: any member, the management account included.
    pub fn describe_account(
        &mut self,
        caller: &Caller,
        req: DescribeAccountRequest,
    ) -> OrgResult<DescribeAccountResponse> {
        self.tick();
        let id = AccountId::parse(&req.account_id)?;
        self.require_reader(caller, "DescribeAccount")?;
        self.org()?;
        let account = self.account_view(self.member(&id)?);
        Ok(DescribeAccountResponse { account })
    }

    /// `ListAccounts`: every member (closed ones until purged), in id order.
    pub fn list_accounts(
        &mut self,
        caller: &Caller,
        req: ListAccountsRequest,
    ) -> OrgResult<ListAccountsResponse> {
        const OP: &str = "ListAccounts";
        self.tick();
        paginate::page_request(OP, req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, OP)?;
        self.org()?;
        let members: Vec<&AccountRecord> =
            self.state.accounts.values().filter(|a| matches!(a.membership, Membership::Member(_))).collect();
        let (accounts, next_token) =
            paginate::paginate_map(OP, members, req.next_token.as_deref(), req.max_results, |a| {
                self.account_view(a)
            })?;
        Ok(ListAccountsResponse { accounts, next_token })
    }

    /// `ListAccountsForParent`: accounts directly under a root or OU.
    pub fn list_accounts_for_parent(
        &mut self,
        caller: &Caller,
        req: ListAccountsForParentRequest,
    ) -> OrgResult<ListAccountsForParentResponse> {
        const OP: &str = "ListAccountsForParent";
        self.tick();
        let parent = ParentId::parse(&req.parent_id)?;
        paginate::page_request(OP, req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, OP)?;
        let parent = self.existing_parent(parent.as_str(), ErrorCode::ParentNotFoundException)?;
        let member = Membership::Member(parent);
        let children: Vec<&AccountRecord> =
            self.state.accounts.values().filter(|a| a.membership == member).collect();
        let (accounts, next_token) =
            paginate::paginate_map(OP, children, req.next_token.as_deref(), req.max_results, |a| {
                self.account_view(a)
            })?;
        Ok(ListAccountsForParentResponse { accounts, next_token })
    }

    /// `MoveAccount`: from its current parent (which must be `SourceParentId`) to another
    /// root or OU. Direct attachments travel with the account.
    pub fn move_account(
        &mut self,
        caller: &Caller,
        req: MoveAccountRequest,
    ) -> OrgResult<MoveAccountResponse> {
        self.tick();
        let id = AccountId::parse(&req.account_id)?;
        let source = ParentId::parse(&req.source_parent_id)?;
        let dest = ParentId::parse(&req.destination_parent_id)?;
        self.require_management(caller, "MoveAccount")?;
        let org = self.org()?;
        if !org.parent_exists(&source) {
            return Err(OrgError::new(
                ErrorCode::SourceParentNotFoundException,
                format!("Source parent {source} was not found in this organization."),
            ));
        }
        if !org.parent_exists(&dest) {
            return Err(OrgError::new(
                ErrorCode::DestinationParentNotFoundException,
                format!("Destination parent {dest} was not found in this organization."),
            ));
        }
        let current = self.parent_of_account(&id).cloned().ok_or_else(|| account_not_found(&id))?;
        // Reference §15.7: the error for an account that is not under SourceParentId is not
        // documented; AccountNotFoundException is the most likely and is what we raise.
        if current != source {
            return Err(OrgError::new(
                ErrorCode::AccountNotFoundException,
                format!("Account {id} is not a child of {source} (its parent is {current})."),
            ));
        }
        if current == dest {
            return Err(OrgError::new(
                ErrorCode::DuplicateAccountException,
                format!("Account {id} is already in {dest}."),
            ));
        }
        if let Some(acc) = self.state.accounts.get_mut(&id) {
            acc.membership = Membership::Member(dest);
        }
        Ok(MoveAccountResponse {})
    }

    /// `RemoveAccountFromOrganization`: the account stands alone afterwards, without its
    /// attachments and tags.
    pub fn remove_account_from_organization(
        &mut self,
        caller: &Caller,
        req: RemoveAccountFromOrganizationRequest,
    ) -> OrgResult<RemoveAccountFromOrganizationResponse> {
        self.tick();
        let id = AccountId::parse(&req.account_id)?;
        self.require_management(caller, "RemoveAccountFromOrganization")?;
        self.member(&id)?;
        self.check_can_leave(&id)?;
        self.make_standalone(&id);
        Ok(RemoveAccountFromOrganizationResponse {})
    }

    /// `LeaveOrganization`: the calling member leaves. An SCP that denies
    /// `organizations:LeaveOrganization` to the account stops it.
    pub fn leave_organization(
        &mut self,
        caller: &Caller,
        _req: LeaveOrganizationRequest,
    ) -> OrgResult<LeaveOrganizationResponse> {
        self.tick();
        let id = self.require_member(caller)?.account().clone();
        if !self.scps_allow(&id, "organizations:LeaveOrganization") {
            return Err(OrgError::access_denied(format!(
                "A service control policy denies organizations:LeaveOrganization to account {id}."
            )));
        }
        self.check_can_leave(&id)?;
        self.make_standalone(&id);
        Ok(LeaveOrganizationResponse {})
    }

    /// `CloseAccount`: starts closing a member (PENDING_CLOSURE → CLOSED/SUSPENDED later).
    pub fn close_account(
        &mut self,
        caller: &Caller,
        req: CloseAccountRequest,
    ) -> OrgResult<CloseAccountResponse> {
        self.tick();
        let id = AccountId::parse(&req.account_id)?;
        self.require_management(caller, "CloseAccount")?;
        let now = self.now();
        let org = self.org()?;
        if org.feature_set != FeatureSet::All {
            return Err(OrgError::access_denied(
                "CloseAccount is available only in organizations with all features enabled.",
            ));
        }
        let management = org.management.clone();
        let acc = self.member(&id)?;
        if id == management {
            return Err(OrgError::constraint(
                ConstraintViolationReason::CannotCloseManagementAccount,
                "The management account cannot be closed with CloseAccount.",
            ));
        }
        match acc.state {
            AccountState::Closed | AccountState::Suspended => {
                return Err(OrgError::new(
                    ErrorCode::AccountAlreadyClosedException,
                    format!("Account {id} is already closed."),
                ));
            }
            AccountState::PendingClosure => {
                return Err(OrgError::new(
                    ErrorCode::ConflictException,
                    format!("Account {id} is already being closed."),
                ));
            }
            _ => {}
        }
        let q = &self.state.quotas;
        let pending =
            self.state.accounts.values().filter(|a| a.state == AccountState::PendingClosure).count();
        if pending >= q.max_concurrent_closures {
            return Err(OrgError::constraint(
                ConstraintViolationReason::CloseAccountRequestsLimitExceeded,
                format!("At most {} account closures can be in progress at once.", q.max_concurrent_closures),
            ));
        }
        let members =
            self.state.accounts.values().filter(|a| matches!(a.membership, Membership::Member(_))).count();
        let allowed = q.min_closures_per_30_days.max(members / 5).min(q.max_closures_per_30_days);
        let window_start = now.plus_ms(-30 * DAY_MS);
        let recent = org.closure_log.iter().filter(|t| **t > window_start).count();
        if recent >= allowed {
            return Err(OrgError::constraint(
                ConstraintViolationReason::CloseAccountQuotaExceeded,
                format!("The organization has closed {recent} accounts in the last 30 days, its quota."),
            ));
        }
        let org = self.org_mut()?;
        org.closure_log.retain(|t| *t > window_start);
        org.closure_log.push(now);
        if let Some(acc) = self.state.accounts.get_mut(&id) {
            acc.state = AccountState::PendingClosure;
            self.closing.insert(id.clone());
            acc.status = AccountStatus::PendingClosure;
            acc.closure_requested_at = Some(now);
        }
        Ok(CloseAccountResponse {})
    }

    /// The checks RemoveAccountFromOrganization and LeaveOrganization share.
    fn check_can_leave(&self, id: &AccountId) -> OrgResult<()> {
        let org = self.org()?;
        if id == &org.management {
            return Err(OrgError::new(
                ErrorCode::MasterCannotLeaveOrganizationException,
                "The management account cannot leave the organization; delete the organization instead.",
            ));
        }
        if org.delegated_admins.keys().any(|(a, _)| a == id) {
            return Err(OrgError::constraint(
                ConstraintViolationReason::CannotRemoveDelegatedAdministratorFromOrg,
                format!("Account {id} is a delegated administrator; deregister it first."),
            ));
        }
        let acc = self.member(id)?;
        // Reference §15.5: current quotas say 4 days (older guides 7); the default is 4.
        let wait_ms = self.state.quotas.removal_wait_days.saturating_mul(DAY_MS);
        if acc.joined_method == JoinedMethod::Created
            && self.now().0.saturating_sub(acc.created_at.0) < wait_ms
        {
            return Err(OrgError::constraint(
                ConstraintViolationReason::WaitPeriodActive,
                format!(
                    "Account {id} was created less than {} days ago and cannot leave yet.",
                    self.state.quotas.removal_wait_days
                ),
            ));
        }
        let r = &acc.readiness;
        let missing = if !r.phone_verified {
            Some(ConstraintViolationReason::AccountCannotLeaveWithoutPhoneVerification)
        } else if !r.eula_accepted {
            Some(ConstraintViolationReason::AccountCannotLeaveWithoutEula)
        } else if !r.payment_instrument {
            Some(ConstraintViolationReason::MemberAccountPaymentInstrumentRequired)
        } else {
            None
        };
        match missing {
            Some(reason) => Err(OrgError::constraint(
                reason,
                format!("Account {id} lacks the information it needs to stand alone."),
            )),
            None => Ok(()),
        }
    }
}

/// `AccountNotFoundException` for `id`.
fn account_not_found(id: &AccountId) -> OrgError {
    OrgError::new(
        ErrorCode::AccountNotFoundException,
        format!("Account {id} is not a member of this organization."),
    )
}

impl Engine {
    /// Completes due CreateAccount requests and closures; purges accounts closed longer
    /// than the retention period.
    pub(crate) fn tick_accounts(&mut self, now: Timestamp) {
        self.complete_account_creations(now);
        self.complete_account_closures(now);
    }

    /// PENDING_CLOSURE accounts become CLOSED (status SUSPENDED) after the emulated delay;
    /// closed accounts leave the organization after the retention period.
    fn complete_account_closures(&mut self, now: Timestamp) {
        let delay = self.state.settings.close_account_ms;
        let retention = self.state.settings.closed_account_retention_days.saturating_mul(DAY_MS);
        let mut purge = Vec::new();
        let mut done = Vec::new();
        for id in &self.closing {
            let Some(acc) = self.state.accounts.get_mut(id) else {
                done.push(id.clone());
                continue;
            };
            if !matches!(acc.membership, Membership::Member(_)) {
                done.push(id.clone());
                continue;
            }
            if let (AccountState::PendingClosure, Some(at)) = (acc.state, acc.closure_requested_at)
                && at.plus_ms(delay) <= now
            {
                acc.state = AccountState::Closed;
                acc.status = AccountStatus::Suspended;
                acc.closed_at = Some(at.plus_ms(delay));
            }
            if let (AccountState::Closed, Some(at)) = (acc.state, acc.closed_at)
                && at.plus_ms(retention) <= now
            {
                purge.push(acc.id.clone());
            }
        }
        for id in done.iter().chain(&purge) {
            self.closing.remove(id);
        }
        for id in purge {
            self.make_standalone(&id);
            // A purged account is gone from the organization and from AWS's view of it.
            self.state.accounts.remove(&id);
        }
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
