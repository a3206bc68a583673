//! Many organizations in one partition of accounts (issue 16). The engine's state keeps the
//! home organization (the console's) in `state.org` / `state.accounts`, beside every standalone
//! account; each other organization is kept with its members in `state.other_orgs`.
//!
//! An operation runs in its caller's organization: when the caller is a member of another
//! organization, that organization and its accounts are moved (not copied) into the engine's
//! working slots for the call and moved back after it ([`Engine::as_caller`]), so every
//! operation's code sees one organization, and a call costs the same whichever organization
//! makes it. The few operations that cross organizations (CreateOrganization by a standalone
//! account, AcceptHandshake of another organization's invitation, inviting an account that
//! belongs elsewhere) go through the helpers here.

use super::{AccountRecord, Engine, Membership, OrgState, OtherOrganization};
use crate::model::*;
use std::collections::{BTreeMap, BTreeSet};

/// The home organization's working slots while another organization's call runs.
#[derive(Debug, Clone)]
pub(crate) struct Away {
    org: Option<OrgState>,
    accounts: BTreeMap<AccountId, AccountRecord>,
    closing: BTreeSet<AccountId>,
    home_account: AccountId,
}

impl Engine {
    /// Runs `f` inside the organization of `caller`: the home organization for
    /// `Caller::Management`, home members, standalone and unknown accounts; the member's own
    /// organization otherwise.
    pub fn as_caller<T>(&mut self, caller: &Caller, f: impl FnOnce(&mut Engine) -> T) -> T {
        let Caller::Account(id) = caller else { return f(self) };
        if self.away.is_some() || self.state.other_orgs.is_empty() || self.state.accounts.contains_key(id) {
            return f(self);
        }
        let Some(org_id) =
            self.state.other_orgs.iter().find(|(_, o)| o.accounts.contains_key(id)).map(|(k, _)| k.clone())
        else {
            return f(self);
        };
        // The home organization's timed transitions first, so none of them is applied to the
        // other organization while it sits in the working slots.
        self.tick();
        let Some(other) = self.state.other_orgs.remove(&org_id) else { return f(self) };
        let closing = self.parked_closing.remove(&org_id).unwrap_or_default();
        self.enter(Some(other.org), other.accounts, closing);
        let out = f(self);
        self.leave();
        out
    }

    /// Moves the home organization out of the working slots and `org` with `accounts` in.
    fn enter(
        &mut self,
        org: Option<OrgState>,
        accounts: BTreeMap<AccountId, AccountRecord>,
        closing: BTreeSet<AccountId>,
    ) {
        let away = Away {
            org: std::mem::replace(&mut self.state.org, org),
            accounts: std::mem::replace(&mut self.state.accounts, accounts),
            closing: std::mem::replace(&mut self.closing, closing),
            home_account: self.state.home_account.clone(),
        };
        self.away = Some(Box::new(away));
        self.departed.clear();
    }

    /// Puts the home organization back; the organization that ran is filed with the others,
    /// accounts that left it (and the management account of a deleted one) stand alone in the
    /// home account map.
    fn leave(&mut self) {
        let Some(away) = self.away.take() else { return };
        let org = std::mem::replace(&mut self.state.org, away.org);
        let mut accounts = std::mem::replace(&mut self.state.accounts, away.accounts);
        let closing = std::mem::replace(&mut self.closing, away.closing);
        self.state.home_account = away.home_account;
        for id in std::mem::take(&mut self.departed) {
            if accounts.get(&id).is_some_and(|a| a.membership == Membership::Standalone)
                && let Some(a) = accounts.remove(&id)
            {
                self.state.accounts.insert(id, a);
            }
        }
        match org {
            Some(org) => {
                let id = org.id.clone();
                self.parked_closing.insert(id.clone(), closing);
                self.state.other_orgs.insert(id, OtherOrganization { org, accounts });
            }
            None => self.state.accounts.extend(accounts),
        }
    }

    /// Notes that `id` left the organization in the working slots (moved home by `leave`).
    pub(crate) fn note_departed(&mut self, id: &AccountId) {
        if self.away.is_some() {
            self.departed.push(id.clone());
        }
    }

    /// `CreateOrganization` by a standalone account while the home organization exists: the
    /// new organization is filed with the others.
    pub(crate) fn create_other_organization(
        &mut self,
        caller: &Caller,
        me: &AccountId,
        req: CreateOrganizationRequest,
    ) -> OrgResult<CreateOrganizationResponse> {
        let mut accounts = BTreeMap::new();
        if let Some(rec) = self.state.accounts.remove(me) {
            accounts.insert(me.clone(), rec);
        }
        self.enter(None, accounts, BTreeSet::new());
        self.departed.push(me.clone());
        let out = self.create_organization(caller, req);
        self.leave();
        out
    }

    /// `AcceptHandshake` of another organization's invitation by a standalone (or unknown)
    /// account: the account is moved to that organization for the call, and back if it did
    /// not join. `None` when the handshake is not such an invitation.
    pub(crate) fn accept_elsewhere(
        &mut self,
        caller: &Caller,
        id: &HandshakeId,
        req: &AcceptHandshakeRequest,
    ) -> Option<OrgResult<AcceptHandshakeResponse>> {
        if self.away.is_some() {
            return None;
        }
        let rec = self.state.handshakes.get(id)?;
        if rec.handshake.action != HandshakeAction::Invite || !self.state.other_orgs.contains_key(&rec.org) {
            return None;
        }
        let me = self.caller_account(caller);
        if self.account_anywhere(&me).is_some_and(|a| a.membership != Membership::Standalone) {
            return None;
        }
        let org_id = rec.org.clone();
        let other = self.state.other_orgs.remove(&org_id)?;
        let closing = self.parked_closing.remove(&org_id).unwrap_or_default();
        let mut accounts = other.accounts;
        if let Some(acc) = self.state.accounts.remove(&me) {
            accounts.insert(me.clone(), acc);
        }
        self.enter(Some(other.org), accounts, closing);
        self.departed.push(me);
        let out = self.accept_handshake(caller, req.clone());
        self.leave();
        Some(out)
    }

    /// The account `id` wherever it is kept (any organization, or standalone).
    pub(crate) fn account_anywhere(&self, id: &AccountId) -> Option<&AccountRecord> {
        self.state
            .accounts
            .get(id)
            .or_else(|| self.away.as_ref().and_then(|a| a.accounts.get(id)))
            .or_else(|| self.state.other_orgs.values().find_map(|o| o.accounts.get(id)))
    }

    /// The account whose email is `email` (ASCII case-insensitive), wherever it is kept.
    pub(crate) fn account_by_email_anywhere(&self, email: &str) -> Option<&AccountRecord> {
        let found = |m: &'_ BTreeMap<AccountId, AccountRecord>| {
            m.values().find(|a| a.email.eq_ignore_ascii_case(email)).map(|a| a.id.clone())
        };
        let id = found(&self.state.accounts)
            .or_else(|| self.away.as_ref().and_then(|a| found(&a.accounts)))
            .or_else(|| self.state.other_orgs.values().find_map(|o| found(&o.accounts)))?;
        self.account_anywhere(&id)
    }

    /// The closing-accounts index of every other organization (derived from the state).
    pub(crate) fn parked_closing_of(
        others: &BTreeMap<OrgId, OtherOrganization>,
    ) -> BTreeMap<OrgId, BTreeSet<AccountId>> {
        others
            .iter()
            .map(|(id, o)| {
                let closing = o
                    .accounts
                    .values()
                    .filter(|a| matches!(a.state, AccountState::PendingClosure | AccountState::Closed))
                    .map(|a| a.id.clone())
                    .collect();
                (id.clone(), closing)
            })
            .collect()
    }
}
