//! Who may call what (reference §1.2) and the organization lookups every operation starts with.

use super::{Engine, Membership, OrgState};
use crate::model::*;

/// The permission class of a caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallerClass {
    /// An account in no organization (or in one this engine does not model).
    Standalone(AccountId),
    /// The management account of the organization.
    Management(AccountId),
    /// A member registered as delegated administrator for at least one service.
    DelegatedAdmin(AccountId),
    /// Any other member.
    Member(AccountId),
}

impl CallerClass {
    /// The calling account.
    pub fn account(&self) -> &AccountId {
        match self {
            CallerClass::Standalone(a)
            | CallerClass::Management(a)
            | CallerClass::DelegatedAdmin(a)
            | CallerClass::Member(a) => a,
        }
    }
}

impl Engine {
    /// The account a caller stands for.
    pub fn caller_account(&self, caller: &Caller) -> AccountId {
        match caller {
            Caller::Management => self.state.home_account.clone(),
            Caller::Account(a) => a.clone(),
        }
    }

    /// Classifies a caller. Unknown accounts are standalone AWS accounts.
    pub fn caller_class(&self, caller: &Caller) -> CallerClass {
        let id = self.caller_account(caller);
        let member =
            matches!(self.state.accounts.get(&id).map(|a| &a.membership), Some(Membership::Member(_)));
        match &self.state.org {
            Some(org) if member && org.management == id => CallerClass::Management(id),
            Some(org) if member && org.delegated_admins.keys().any(|(a, _)| a == &id) => {
                CallerClass::DelegatedAdmin(id)
            }
            Some(_) if member => CallerClass::Member(id),
            _ => CallerClass::Standalone(id),
        }
    }

    /// The caller must be in the organization: `AWSOrganizationsNotInUseException` otherwise.
    pub(crate) fn require_member(&self, caller: &Caller) -> OrgResult<CallerClass> {
        match self.caller_class(caller) {
            CallerClass::Standalone(_) => Err(OrgError::not_in_use()),
            c => Ok(c),
        }
    }

    /// Management-only operations.
    pub(crate) fn require_management(&self, caller: &Caller, op: &str) -> OrgResult<AccountId> {
        match self.require_member(caller)? {
            CallerClass::Management(a) => Ok(a),
            c => Err(OrgError::access_denied(format!(
                "Account {} is not the management account and cannot call {op}.",
                c.account()
            ))),
        }
    }

    /// Read operations: the management account or a delegated administrator.
    pub(crate) fn require_reader(&self, caller: &Caller, op: &str) -> OrgResult<CallerClass> {
        match self.require_member(caller)? {
            c @ (CallerClass::Management(_) | CallerClass::DelegatedAdmin(_)) => Ok(c),
            c => Err(OrgError::access_denied(format!(
                "Account {} is not the management account or a delegated administrator and cannot call {op}.",
                c.account()
            ))),
        }
    }

    /// Policy-management operations: the management account, or a delegated administrator the
    /// resource (delegation) policy allows `organizations:{op}` (optionally for `policy_type`).
    pub(crate) fn require_policy_admin(
        &self,
        caller: &Caller,
        op: &str,
        policy_type: Option<PolicyType>,
    ) -> OrgResult<CallerClass> {
        match self.require_member(caller)? {
            c @ CallerClass::Management(_) => Ok(c),
            CallerClass::DelegatedAdmin(a) if self.resource_policy_allows(&a, op, policy_type) => {
                Ok(CallerClass::DelegatedAdmin(a))
            }
            c => Err(OrgError::access_denied(format!(
                "Account {} is not allowed to call {op}: only the management account or a delegated administrator granted by the organization's resource policy can.",
                c.account()
            ))),
        }
    }

    /// The organization, or `AWSOrganizationsNotInUseException`.
    pub(crate) fn org(&self) -> OrgResult<&OrgState> {
        self.state.org.as_ref().ok_or_else(OrgError::not_in_use)
    }

    /// The organization, mutable.
    pub(crate) fn org_mut(&mut self) -> OrgResult<&mut OrgState> {
        self.state.org.as_mut().ok_or_else(OrgError::not_in_use)
    }

    /// The member account `id`, or `AccountNotFoundException`.
    pub(crate) fn member(&self, id: &AccountId) -> OrgResult<&super::AccountRecord> {
        self.state.accounts.get(id).filter(|a| matches!(a.membership, Membership::Member(_))).ok_or_else(
            || {
                OrgError::new(
                    ErrorCode::AccountNotFoundException,
                    format!("Account {id} is not a member of this organization."),
                )
            },
        )
    }
}
