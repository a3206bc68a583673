//! Fixtures shared by the handshake and all-features tests.
#![allow(dead_code)]

use crate::common::*;
use orgtui::engine::{Engine, ManualClock, Membership, Quotas};
use orgtui::model::*;

pub const M: &Caller = &Caller::Management;
pub const B: &str = "222222222222";
pub const C: &str = "333333333333";
pub const D: &str = "444444444444";
pub const HC: ErrorCode = ErrorCode::HandshakeConstraintViolationException;

pub fn acct(id: &str) -> Caller {
    Caller::Account(AccountId::parse(id).unwrap())
}

pub fn standalone(e: &mut Engine, id: &str) {
    e.ensure_standalone_account(
        AccountId::parse(id).unwrap(),
        &format!("Acct {id}"),
        &format!("{id}@example.com"),
    );
}

pub fn invite_req(ty: HandshakePartyType, id: &str) -> InviteAccountToOrganizationRequest {
    InviteAccountToOrganizationRequest {
        target: HandshakeParty { id: id.into(), r#type: ty },
        notes: None,
        tags: None,
    }
}

pub fn invite(e: &mut Engine, id: &str) -> Handshake {
    e.invite_account_to_organization(M, invite_req(HandshakePartyType::Account, id)).unwrap().handshake
}

pub fn hid(h: &Handshake) -> String {
    h.id.to_string()
}

pub fn accept(e: &mut Engine, who: &Caller, id: &str) -> OrgResult<Handshake> {
    e.accept_handshake(who, AcceptHandshakeRequest { handshake_id: id.into() }).map(|r| r.handshake)
}

pub fn decline(e: &mut Engine, who: &Caller, id: &str) -> OrgResult<Handshake> {
    e.decline_handshake(who, DeclineHandshakeRequest { handshake_id: id.into() }).map(|r| r.handshake)
}

pub fn cancel(e: &mut Engine, who: &Caller, id: &str) -> OrgResult<Handshake> {
    e.cancel_handshake(who, CancelHandshakeRequest { handshake_id: id.into() }).map(|r| r.handshake)
}

pub fn describe(e: &mut Engine, who: &Caller, id: &str) -> OrgResult<Handshake> {
    e.describe_handshake(who, DescribeHandshakeRequest { handshake_id: id.into() }).map(|r| r.handshake)
}

pub fn list_org(e: &mut Engine, filter: Option<HandshakeFilter>) -> Vec<Handshake> {
    e.list_handshakes_for_organization(
        M,
        ListHandshakesForOrganizationRequest { filter, ..Default::default() },
    )
    .unwrap()
    .handshakes
}

pub fn list_account(e: &mut Engine, who: &Caller, filter: Option<HandshakeFilter>) -> Vec<Handshake> {
    e.list_handshakes_for_account(who, ListHandshakesForAccountRequest { filter, ..Default::default() })
        .unwrap()
        .handshakes
}

pub fn cb_org_with(quotas: Quotas) -> (Engine, ManualClock) {
    let (mut e, c) = engine_with(quotas);
    e.create_organization(
        M,
        CreateOrganizationRequest { feature_set: Some(FeatureSet::ConsolidatedBilling) },
    )
    .unwrap();
    (e, c)
}

pub fn cb_org() -> (Engine, ManualClock) {
    cb_org_with(Quotas { max_accounts: 50, ..Quotas::default() })
}

pub fn membership(e: &Engine, id: &str) -> Option<Membership> {
    e.state().accounts.get(&AccountId::parse(id).unwrap()).map(|a| a.membership.clone())
}

pub fn feature_set(e: &mut Engine) -> FeatureSet {
    e.describe_organization(M, DescribeOrganizationRequest::default()).unwrap().organization.feature_set
}

/// A CB org with a created member, two invited members (B, C) and an open invitation to D.
pub fn cb_org_with_members() -> (Engine, ManualClock, String, String) {
    let (mut e, c) = cb_org();
    let created = account(&mut e, &c, "Dev");
    let r = root(&mut e);
    let ou = ou(&mut e, &r, "Workloads");
    for id in [B, C] {
        standalone(&mut e, id);
        let h = invite(&mut e, id);
        accept(&mut e, &acct(id), &hid(&h)).unwrap();
    }
    invite(&mut e, D);
    (e, c, created, ou)
}
