//! Accounts: creation, status, listing, moves, removal, leaving and closure (reference §5.4, §7.1, §7.3).

use super::Engine;
use crate::model::*;

impl Engine {
    /// `CreateAccount`.
    pub fn create_account(
        &mut self,
        caller: &Caller,
        req: CreateAccountRequest,
    ) -> OrgResult<CreateAccountResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("CreateAccount"))
    }

    /// `DescribeCreateAccountStatus`.
    pub fn describe_create_account_status(
        &mut self,
        caller: &Caller,
        req: DescribeCreateAccountStatusRequest,
    ) -> OrgResult<DescribeCreateAccountStatusResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DescribeCreateAccountStatus"))
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
        let _ = now;
    }
}
