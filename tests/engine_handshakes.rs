//! Invitations and handshakes (reference §5.5, §7.2, §4.2 invitation quotas, §4.4 timing).

mod common;
mod handshake_fixtures;
use common::*;
use handshake_fixtures::*;
use orgtui::engine::{Engine, Membership, Quotas};
use orgtui::model::*;
use std::collections::BTreeSet;

// ---------------------------------------------------------------- InviteAccountToOrganization

#[test]
fn invite_returns_open_handshake_with_parties_resources_and_expiry() {
    let (mut e, _c) = org();
    let org_id = e.state().org.as_ref().unwrap().id.to_string();
    let h = e
        .invite_account_to_organization(
            M,
            InviteAccountToOrganizationRequest {
                target: HandshakeParty { id: B.into(), r#type: HandshakePartyType::Account },
                notes: Some("welcome".into()),
                tags: Some(vec![Tag::new("team", "blue")]),
            },
        )
        .unwrap()
        .handshake;
    assert_eq!(h.state, HandshakeState::Open);
    assert_eq!(h.action, HandshakeAction::Invite);
    assert!(h.id.as_str().starts_with("h-") && h.id.as_str().len() == 34);
    assert_eq!(h.arn, format!("arn:aws:organizations::{MGMT}:handshake/{org_id}/invite/{}", h.id));
    assert_eq!(h.requested_timestamp, START);
    assert_eq!(h.expiration_timestamp, START.plus_days(15));
    assert_eq!(
        h.parties,
        vec![
            HandshakeParty { id: org_id.clone(), r#type: HandshakePartyType::Organization },
            HandshakeParty { id: B.into(), r#type: HandshakePartyType::Account },
        ]
    );
    let org_res = &h.resources[0];
    assert_eq!(org_res.r#type, HandshakeResourceType::Organization);
    assert_eq!(org_res.value.as_deref(), Some(org_id.as_str()));
    let nested: Vec<_> = org_res.resources.iter().map(|r| (r.r#type, r.value.clone().unwrap())).collect();
    assert!(nested.contains(&(HandshakeResourceType::MasterEmail, "mgmt@example.com".into())));
    assert!(nested.contains(&(HandshakeResourceType::OrganizationFeatureSet, "ALL".into())));
    assert_eq!(h.resources[1].r#type, HandshakeResourceType::Account);
    assert_eq!(h.resources[1].value.as_deref(), Some(B));
    assert_eq!(h.resources[2].r#type, HandshakeResourceType::Notes);
    assert_eq!(h.resources[2].value.as_deref(), Some("welcome"));
    assert_eq!(describe(&mut e, M, &hid(&h)).unwrap(), h);
}

#[test]
fn invite_rejects_bad_input() {
    let (mut e, _c) = org();
    let bad = |e: &mut Engine, req, reason| {
        assert_err(e.invite_account_to_organization(M, req), ErrorCode::InvalidInputException, Some(reason))
    };
    bad(&mut e, invite_req(HandshakePartyType::Organization, "o-abcdefghij"), "INVALID_PARTY_TYPE_TARGET");
    bad(&mut e, invite_req(HandshakePartyType::Account, "12345"), "INVALID_PATTERN");
    bad(&mut e, invite_req(HandshakePartyType::Account, ""), "INPUT_REQUIRED");
    bad(&mut e, invite_req(HandshakePartyType::Email, "not-an-email"), "INVALID_EMAIL_ADDRESS_TARGET");
    bad(
        &mut e,
        invite_req(HandshakePartyType::Email, &format!("{}@example.com", "a".repeat(60))),
        "MAX_LENGTH_EXCEEDED",
    );
    let mut req = invite_req(HandshakePartyType::Account, B);
    req.notes = Some("n".repeat(1025));
    bad(&mut e, req, "MAX_LENGTH_EXCEEDED");
    let mut req = invite_req(HandshakePartyType::Account, B);
    req.tags = Some(vec![Tag::new("aws:x", "1")]);
    bad(&mut e, req, "INVALID_SYSTEM_TAGS_PARAMETER");
    assert!(e.state().handshakes.is_empty());
}

#[test]
fn invite_requires_the_management_account() {
    let (mut e, _c) = engine();
    assert_err(
        e.invite_account_to_organization(M, invite_req(HandshakePartyType::Account, B)),
        ErrorCode::AwsOrganizationsNotInUseException,
        None,
    );
    let (mut e, c) = org();
    let member = account(&mut e, &c, "Dev");
    assert_err(
        e.invite_account_to_organization(&acct(&member), invite_req(HandshakePartyType::Account, B)),
        ErrorCode::AccessDeniedException,
        None,
    );
    standalone(&mut e, C);
    assert_err(
        e.invite_account_to_organization(&acct(C), invite_req(HandshakePartyType::Account, B)),
        ErrorCode::AwsOrganizationsNotInUseException,
        None,
    );
}

#[test]
fn invite_twice_is_a_duplicate_handshake_also_by_email() {
    let (mut e, _c) = org();
    e.ensure_standalone_account(AccountId::parse(B).unwrap(), "B", "b@example.com");
    invite(&mut e, B);
    assert_err(
        e.invite_account_to_organization(M, invite_req(HandshakePartyType::Account, B)),
        ErrorCode::DuplicateHandshakeException,
        None,
    );
    assert_err(
        e.invite_account_to_organization(M, invite_req(HandshakePartyType::Email, "B@example.com")),
        ErrorCode::DuplicateHandshakeException,
        None,
    );
    e.invite_account_to_organization(M, invite_req(HandshakePartyType::Email, "x@example.com")).unwrap();
    assert_err(
        e.invite_account_to_organization(M, invite_req(HandshakePartyType::Email, "X@EXAMPLE.COM")),
        ErrorCode::DuplicateHandshakeException,
        None,
    );
}

#[test]
fn invite_of_a_member_is_already_in_an_organization() {
    let (mut e, c) = org();
    assert_err(
        e.invite_account_to_organization(M, invite_req(HandshakePartyType::Account, MGMT)),
        HC,
        Some("ALREADY_IN_AN_ORGANIZATION"),
    );
    account(&mut e, &c, "Dev");
    assert_err(
        e.invite_account_to_organization(M, invite_req(HandshakePartyType::Email, "dev@example.com")),
        HC,
        Some("ALREADY_IN_AN_ORGANIZATION"),
    );
}

#[test]
fn open_invitations_count_toward_the_account_quota() {
    let (mut e, _c) = cb_org_with(Quotas { max_accounts: 3, ..Quotas::default() });
    invite(&mut e, B);
    let h = invite(&mut e, C);
    assert_err(
        e.invite_account_to_organization(M, invite_req(HandshakePartyType::Account, D)),
        HC,
        Some("ACCOUNT_NUMBER_LIMIT_EXCEEDED"),
    );
    cancel(&mut e, M, &hid(&h)).unwrap();
    invite(&mut e, D);
}

#[test]
fn daily_invitation_quota_ignores_accepted_invitations() {
    // Rate quota = max(20, account quota) = 20 here.
    let (mut e, c) = cb_org_with(Quotas { max_accounts: 20, ..Quotas::default() });
    standalone(&mut e, B);
    let h = invite(&mut e, B);
    accept(&mut e, &acct(B), &hid(&h)).unwrap();
    for i in 0..19 {
        let h = invite(&mut e, &format!("5555555555{i:02}"));
        cancel(&mut e, M, &hid(&h)).unwrap();
    }
    // 19 counted (the accepted one does not): one more fits, then the quota is reached.
    let h = invite(&mut e, C);
    cancel(&mut e, M, &hid(&h)).unwrap();
    assert_err(
        e.invite_account_to_organization(M, invite_req(HandshakePartyType::Account, D)),
        HC,
        Some("HANDSHAKE_RATE_LIMIT_EXCEEDED"),
    );
    c.advance_days(1);
    invite(&mut e, D);
}

#[test]
fn invite_with_too_many_tags_is_a_constraint_violation() {
    let (mut e, _c) = cb_org_with(Quotas { max_tags: 1, ..Quotas::default() });
    let mut req = invite_req(HandshakePartyType::Account, B);
    req.tags = Some(vec![Tag::new("a", "1"), Tag::new("b", "2")]);
    assert_err(
        e.invite_account_to_organization(M, req),
        ErrorCode::ConstraintViolationException,
        Some("MAX_TAG_LIMIT_EXCEEDED"),
    );
}

// ---------------------------------------------------------------- AcceptHandshake

#[test]
fn accepting_an_invitation_joins_the_root_with_tags_and_default_policies() {
    let (mut e, c) = org();
    standalone(&mut e, B);
    let mut req = invite_req(HandshakePartyType::Account, B);
    req.tags = Some(vec![Tag::new("team", "blue")]);
    let h = e.invite_account_to_organization(M, req).unwrap().handshake;
    assert_eq!(list_account(&mut e, &acct(B), None), vec![h.clone()]);
    c.advance_days(1);
    let done = accept(&mut e, &acct(B), &hid(&h)).unwrap();
    assert_eq!(done.state, HandshakeState::Accepted);
    let root = root(&mut e);
    let rec = e.state().accounts.get(&AccountId::parse(B).unwrap()).unwrap().clone();
    assert_eq!(rec.membership, Membership::Member(ParentId::parse(&root).unwrap()));
    assert_eq!(rec.joined_method, JoinedMethod::Invited);
    assert_eq!(rec.joined_timestamp, START.plus_days(1));
    assert_eq!(rec.tags, vec![Tag::new("team", "blue")]);
    let attached = e.state().org.as_ref().unwrap().attached(B).to_vec();
    assert_eq!(attached.len(), 1);
    assert_eq!(attached[0].policy.as_str(), "p-FullAWSAccess");
    // The new member sees the organization; the handshake is visible to both parties.
    e.describe_organization(&acct(B), DescribeOrganizationRequest::default()).unwrap();
    assert_eq!(describe(&mut e, &acct(B), &hid(&h)).unwrap().state, HandshakeState::Accepted);
    assert_eq!(describe(&mut e, M, &hid(&h)).unwrap().state, HandshakeState::Accepted);
    // No more transitions.
    assert_err(accept(&mut e, &acct(B), &hid(&h)), ErrorCode::HandshakeAlreadyInStateException, None);
    assert_err(decline(&mut e, &acct(B), &hid(&h)), ErrorCode::InvalidHandshakeTransitionException, None);
    assert_err(cancel(&mut e, M, &hid(&h)), ErrorCode::InvalidHandshakeTransitionException, None);
}

#[test]
fn invitation_by_email_is_accepted_by_the_account_with_that_email() {
    let (mut e, _c) = org();
    let h = e
        .invite_account_to_organization(M, invite_req(HandshakePartyType::Email, "b@example.com"))
        .unwrap()
        .handshake;
    assert_eq!(h.resources[1].r#type, HandshakeResourceType::Email);
    e.ensure_standalone_account(AccountId::parse(B).unwrap(), "B", "B@Example.com");
    standalone(&mut e, C);
    assert_err(accept(&mut e, &acct(C), &hid(&h)), ErrorCode::HandshakeNotFoundException, None);
    assert_eq!(list_account(&mut e, &acct(B), None).len(), 1);
    accept(&mut e, &acct(B), &hid(&h)).unwrap();
    assert!(matches!(membership(&e, B), Some(Membership::Member(_))));
}

#[test]
fn an_account_unknown_to_the_engine_can_accept_by_id() {
    let (mut e, _c) = org();
    let h = invite(&mut e, B);
    assert!(membership(&e, B).is_none());
    accept(&mut e, &acct(B), &hid(&h)).unwrap();
    assert!(matches!(membership(&e, B), Some(Membership::Member(_))));
}

#[test]
fn accept_errors_for_wrong_callers_and_ids() {
    let (mut e, _c) = org();
    standalone(&mut e, B);
    standalone(&mut e, C);
    let h = invite(&mut e, B);
    assert_err(accept(&mut e, M, &hid(&h)), ErrorCode::AccessDeniedException, None);
    assert_err(accept(&mut e, &acct(C), &hid(&h)), ErrorCode::HandshakeNotFoundException, None);
    assert_err(accept(&mut e, &acct(B), "h-bad"), ErrorCode::InvalidInputException, Some("INVALID_PATTERN"));
    assert_err(
        accept(&mut e, &acct(B), "h-00000000000000000000000000000000"),
        ErrorCode::HandshakeNotFoundException,
        None,
    );
    assert_eq!(describe(&mut e, &acct(B), &hid(&h)).unwrap().state, HandshakeState::Open);
}

#[test]
fn accepting_while_already_a_member_is_a_handshake_constraint_violation() {
    let (mut e, _c) = org();
    // Two invitations that turn out to designate the same account.
    let by_email = e
        .invite_account_to_organization(M, invite_req(HandshakePartyType::Email, "b@example.com"))
        .unwrap()
        .handshake;
    let by_id = invite(&mut e, B);
    e.ensure_standalone_account(AccountId::parse(B).unwrap(), "B", "b@example.com");
    accept(&mut e, &acct(B), &hid(&by_email)).unwrap();
    assert_err(accept(&mut e, &acct(B), &hid(&by_id)), HC, Some("ALREADY_IN_AN_ORGANIZATION"));
    assert_eq!(describe(&mut e, M, &hid(&by_id)).unwrap().state, HandshakeState::Open);
}

#[test]
fn invitations_expire_after_15_days_and_vanish_30_days_later() {
    let (mut e, c) = cb_org_with(Quotas { max_accounts: 2, ..Quotas::default() });
    standalone(&mut e, B);
    let h = invite(&mut e, B);
    c.advance_ms(15 * 86_400_000 - 1);
    assert_eq!(describe(&mut e, M, &hid(&h)).unwrap().state, HandshakeState::Open);
    assert_err(invite_quota_probe(&mut e), HC, Some("ACCOUNT_NUMBER_LIMIT_EXCEEDED"));
    c.advance_ms(1);
    assert_eq!(describe(&mut e, &acct(B), &hid(&h)).unwrap().state, HandshakeState::Expired);
    assert_eq!(e.state().handshakes.values().next().unwrap().terminal_at, Some(START.plus_days(15)));
    assert_err(accept(&mut e, &acct(B), &hid(&h)), ErrorCode::InvalidHandshakeTransitionException, None);
    assert_err(cancel(&mut e, M, &hid(&h)), ErrorCode::InvalidHandshakeTransitionException, None);
    // The quota slot is free again.
    let probe = invite_quota_probe(&mut e).unwrap().handshake;
    cancel(&mut e, M, &hid(&probe)).unwrap();
    c.advance_days(30);
    assert_err(describe(&mut e, M, &hid(&h)), ErrorCode::HandshakeNotFoundException, None);
    assert!(list_account(&mut e, &acct(B), None).is_empty());
    // The probe was canceled 30 days ago too: purged.
    assert!(list_org(&mut e, None).is_empty());
}

fn invite_quota_probe(e: &mut Engine) -> OrgResult<InviteAccountToOrganizationResponse> {
    e.invite_account_to_organization(M, invite_req(HandshakePartyType::Account, D))
}

// ---------------------------------------------------------------- Decline / Cancel

#[test]
fn recipient_declines_and_sender_cannot() {
    let (mut e, _c) = cb_org_with(Quotas { max_accounts: 2, ..Quotas::default() });
    standalone(&mut e, B);
    let h = invite(&mut e, B);
    assert_err(decline(&mut e, M, &hid(&h)), ErrorCode::AccessDeniedException, None);
    standalone(&mut e, C);
    assert_err(decline(&mut e, &acct(C), &hid(&h)), ErrorCode::HandshakeNotFoundException, None);
    let d = decline(&mut e, &acct(B), &hid(&h)).unwrap();
    assert_eq!(d.state, HandshakeState::Declined);
    assert_err(decline(&mut e, &acct(B), &hid(&h)), ErrorCode::HandshakeAlreadyInStateException, None);
    assert_err(accept(&mut e, &acct(B), &hid(&h)), ErrorCode::InvalidHandshakeTransitionException, None);
    assert_err(cancel(&mut e, M, &hid(&h)), ErrorCode::InvalidHandshakeTransitionException, None);
    assert_eq!(membership(&e, B), Some(Membership::Standalone));
    // The account-quota slot is returned.
    invite(&mut e, C);
}

#[test]
fn sender_cancels_and_recipient_cannot() {
    let (mut e, _c) = org();
    standalone(&mut e, B);
    let h = invite(&mut e, B);
    assert_err(cancel(&mut e, &acct(B), &hid(&h)), ErrorCode::AccessDeniedException, None);
    let done = cancel(&mut e, M, &hid(&h)).unwrap();
    assert_eq!(done.state, HandshakeState::Canceled);
    assert_err(cancel(&mut e, M, &hid(&h)), ErrorCode::HandshakeAlreadyInStateException, None);
    assert_err(accept(&mut e, &acct(B), &hid(&h)), ErrorCode::InvalidHandshakeTransitionException, None);
    assert_err(decline(&mut e, &acct(B), &hid(&h)), ErrorCode::InvalidHandshakeTransitionException, None);
    assert_eq!(describe(&mut e, &acct(B), &hid(&h)).unwrap().state, HandshakeState::Canceled);
    // A new invitation to the same account is allowed once the first is canceled.
    invite(&mut e, B);
}

#[test]
fn describe_is_for_parties_only_and_a_plain_member_is_not_one() {
    let (mut e, c) = org();
    let member = account(&mut e, &c, "Dev");
    let h = invite(&mut e, B);
    assert_err(describe(&mut e, &acct(&member), &hid(&h)), ErrorCode::HandshakeNotFoundException, None);
    assert_err(describe(&mut e, M, "bogus"), ErrorCode::InvalidInputException, Some("INVALID_PATTERN"));
    assert_err(cancel(&mut e, &acct(&member), &hid(&h)), ErrorCode::HandshakeNotFoundException, None);
}

// ---------------------------------------------------------------- Listing

#[test]
fn list_handshakes_for_account_validates_filter_and_paging() {
    let (mut e, _c) = org();
    standalone(&mut e, B);
    let bad = |e: &mut Engine, req: ListHandshakesForAccountRequest, reason| {
        assert_err(
            e.list_handshakes_for_account(&acct(B), req),
            ErrorCode::InvalidInputException,
            Some(reason),
        )
    };
    let both = HandshakeFilter {
        action_type: Some(HandshakeAction::Invite),
        parent_handshake_id: Some("h-0123456789".into()),
    };
    bad(
        &mut e,
        ListHandshakesForAccountRequest { filter: Some(both), ..Default::default() },
        "MAX_LIMIT_EXCEEDED_FILTER",
    );
    let bad_parent = HandshakeFilter { action_type: None, parent_handshake_id: Some("x".into()) };
    bad(
        &mut e,
        ListHandshakesForAccountRequest { filter: Some(bad_parent), ..Default::default() },
        "INVALID_PATTERN",
    );
    bad(
        &mut e,
        ListHandshakesForAccountRequest { max_results: Some(0), ..Default::default() },
        "MIN_VALUE_EXCEEDED",
    );
    bad(
        &mut e,
        ListHandshakesForAccountRequest { next_token: Some("garbage".into()), ..Default::default() },
        "INVALID_NEXT_TOKEN",
    );
    // A standalone caller with nothing received gets an empty list.
    assert!(list_account(&mut e, &acct(B), None).is_empty());
    invite(&mut e, B);
    let invites = HandshakeFilter { action_type: Some(HandshakeAction::Invite), parent_handshake_id: None };
    assert_eq!(list_account(&mut e, &acct(B), Some(invites)).len(), 1);
    let approvals =
        HandshakeFilter { action_type: Some(HandshakeAction::ApproveAllFeatures), parent_handshake_id: None };
    assert!(list_account(&mut e, &acct(B), Some(approvals)).is_empty());
    // The sender did not receive it.
    assert!(list_account(&mut e, M, None).is_empty());
}

#[test]
fn list_handshakes_for_organization_pages_and_checks_the_caller() {
    let (mut e, c) = org();
    let mut sent = BTreeSet::new();
    for i in 0..5 {
        sent.insert(hid(&invite(&mut e, &format!("6666666666{i:02}"))));
        c.advance_ms(1);
    }
    let mut seen = BTreeSet::new();
    let mut token = None;
    let mut pages = 0;
    loop {
        let r = e
            .list_handshakes_for_organization(
                M,
                ListHandshakesForOrganizationRequest {
                    filter: None,
                    next_token: token,
                    max_results: Some(2),
                },
            )
            .unwrap();
        assert!(r.handshakes.len() <= 2);
        seen.extend(r.handshakes.iter().map(hid));
        pages += 1;
        token = r.next_token;
        if token.is_none() {
            break;
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, sent);
    let member = account(&mut e, &c, "Dev");
    assert_err(
        e.list_handshakes_for_organization(&acct(&member), Default::default()),
        ErrorCode::AccessDeniedException,
        None,
    );
    standalone(&mut e, B);
    assert_err(
        e.list_handshakes_for_organization(&acct(B), Default::default()),
        ErrorCode::AwsOrganizationsNotInUseException,
        None,
    );
    let r = e.list_handshakes_for_organization(
        M,
        ListHandshakesForOrganizationRequest { max_results: Some(21), ..Default::default() },
    );
    assert_err(r, ErrorCode::InvalidInputException, Some("MAX_VALUE_EXCEEDED"));
    let only =
        HandshakeFilter { action_type: Some(HandshakeAction::EnableAllFeatures), parent_handshake_id: None };
    assert!(list_org(&mut e, Some(only)).is_empty());
}

#[test]
fn malformed_handshake_ids_are_invalid_input_and_never_panic() {
    let (mut e, _c) = org();
    standalone(&mut e, B);
    let long = format!("h-{}", "a".repeat(40));
    let cases = [
        ("", "INPUT_REQUIRED"),
        (long.as_str(), "MAX_LENGTH_EXCEEDED"),
        ("h-", "INVALID_PATTERN"),
        ("h-ABCDEFGHIJ", "INVALID_PATTERN"),
        ("h-ééééééééé", "INVALID_PATTERN"),
        ("p-abcdefghij", "INVALID_PATTERN"),
    ];
    for (id, reason) in cases {
        for who in [M.clone(), acct(B)] {
            let ii = ErrorCode::InvalidInputException;
            assert_err(accept(&mut e, &who, id), ii, Some(reason));
            assert_err(decline(&mut e, &who, id), ii, Some(reason));
            assert_err(cancel(&mut e, &who, id), ii, Some(reason));
            assert_err(describe(&mut e, &who, id), ii, Some(reason));
            let f = HandshakeFilter { action_type: None, parent_handshake_id: Some(id.into()) };
            assert_err(
                e.list_handshakes_for_account(
                    &who,
                    ListHandshakesForAccountRequest { filter: Some(f), ..Default::default() },
                ),
                ii,
                Some(reason),
            );
        }
    }
}

#[test]
fn an_invitation_to_an_unknown_email_reaches_the_account_that_later_has_it() {
    let (mut e, _c) = org();
    let h = e
        .invite_account_to_organization(M, invite_req(HandshakePartyType::Email, "new@example.org"))
        .unwrap()
        .handshake;
    e.ensure_standalone_account(AccountId::parse(C).unwrap(), "C", "new@example.org");
    assert_eq!(list_account(&mut e, &acct(C), None), vec![h.clone()]);
    assert_eq!(decline(&mut e, &acct(C), &hid(&h)).unwrap().state, HandshakeState::Declined);
    assert_eq!(membership(&e, C), Some(Membership::Standalone));
}
