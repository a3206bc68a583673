//! The all-features migration (reference §5.1 EnableAllFeatures, §7.4, §15.1).

mod common;
mod handshake_fixtures;
use common::*;
use handshake_fixtures::*;
use orgtui::engine::{Engine, Quotas};
use orgtui::model::*;

// ---------------------------------------------------------------- EnableAllFeatures

#[test]
fn enable_all_features_errors() {
    let (mut e, c) = org();
    assert_err(
        e.enable_all_features(M, EnableAllFeaturesRequest {}),
        HC,
        Some("ORGANIZATION_ALREADY_HAS_ALL_FEATURES"),
    );
    let member = account(&mut e, &c, "Dev");
    assert_err(
        e.enable_all_features(&acct(&member), EnableAllFeaturesRequest {}),
        ErrorCode::AccessDeniedException,
        None,
    );
    let (mut e, _c) = cb_org();
    e.enable_all_features(M, EnableAllFeaturesRequest {}).unwrap();
    assert_err(
        e.enable_all_features(M, EnableAllFeaturesRequest {}),
        HC,
        Some("ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION"),
    );
    let (mut e, _c) = cb_org_with(Quotas { max_accounts_for_all_features_migration: 1, ..Quotas::default() });
    assert_err(
        e.enable_all_features(M, EnableAllFeaturesRequest {}),
        ErrorCode::ConstraintViolationException,
        Some("ALL_FEATURES_MIGRATION_ORGANIZATION_SIZE_LIMIT_EXCEEDED"),
    );
    let (mut e, _c) = engine();
    assert_err(
        e.enable_all_features(M, EnableAllFeaturesRequest {}),
        ErrorCode::AwsOrganizationsNotInUseException,
        None,
    );
}

#[test]
fn all_features_migration_end_to_end() {
    let (mut e, c, created, ou) = cb_org_with_members();
    let org_id = e.state().org.as_ref().unwrap().id.to_string();
    let parent = e.enable_all_features(M, EnableAllFeaturesRequest {}).unwrap().handshake;
    assert_eq!(parent.action, HandshakeAction::EnableAllFeatures);
    assert_eq!(parent.state, HandshakeState::Requested);
    assert_eq!(parent.expiration_timestamp, e.now().plus_days(90));
    assert_eq!(
        parent.parties,
        vec![HandshakeParty { id: org_id.clone(), r#type: HandshakePartyType::Organization }]
    );
    assert!(parent.arn.contains("/enable_all_features/"));
    assert_eq!(e.state().org.as_ref().unwrap().pending_all_features.as_ref(), Some(&parent.id));

    // The open invitation was canceled and new invitations are refused.
    let invites = HandshakeFilter { action_type: Some(HandshakeAction::Invite), parent_handshake_id: None };
    let d =
        list_org(&mut e, Some(invites)).into_iter().find(|h| h.state != HandshakeState::Accepted).unwrap();
    assert_eq!(d.state, HandshakeState::Canceled);
    assert_err(
        e.invite_account_to_organization(M, invite_req(HandshakePartyType::Account, "777777777777")),
        HC,
        Some("INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES"),
    );

    // Invited members (not the created one) each received an approval request.
    let children_filter = HandshakeFilter { action_type: None, parent_handshake_id: Some(hid(&parent)) };
    let children = list_org(&mut e, Some(children_filter.clone()));
    assert_eq!(children.len(), 2);
    assert!(children.iter().all(|h| h.action == HandshakeAction::ApproveAllFeatures));
    assert!(list_account(&mut e, &acct(&created), None).is_empty());
    let b_child = list_account(&mut e, &acct(B), Some(children_filter)).remove(0);
    assert!(b_child.resources.iter().any(|r| r.r#type == HandshakeResourceType::ParentHandshake
        && r.value.as_deref() == Some(parent.id.as_str())));
    let c_child = list_account(&mut e, &acct(C), None)
        .into_iter()
        .find(|h| h.action == HandshakeAction::ApproveAllFeatures)
        .unwrap();
    // The management account receives the parent.
    assert_eq!(list_account(&mut e, M, None), vec![describe(&mut e, M, &hid(&parent)).unwrap()]);

    // Finalising before every approval is an invalid transition; the sender cannot approve.
    assert_err(accept(&mut e, M, &hid(&parent)), ErrorCode::InvalidHandshakeTransitionException, None);
    assert_err(accept(&mut e, M, &hid(&b_child)), ErrorCode::AccessDeniedException, None);
    assert_err(accept(&mut e, &acct(B), &hid(&parent)), ErrorCode::HandshakeNotFoundException, None);
    assert_eq!(accept(&mut e, &acct(B), &hid(&b_child)).unwrap().state, HandshakeState::Accepted);
    assert_eq!(describe(&mut e, M, &hid(&parent)).unwrap().state, HandshakeState::Requested);
    c.advance_days(1);
    accept(&mut e, &acct(C), &hid(&c_child)).unwrap();
    assert_eq!(describe(&mut e, M, &hid(&parent)).unwrap().state, HandshakeState::Open);
    assert_eq!(feature_set(&mut e), FeatureSet::ConsolidatedBilling);

    let done = accept(&mut e, M, &hid(&parent)).unwrap();
    assert_eq!(done.state, HandshakeState::Accepted);
    assert_eq!(feature_set(&mut e), FeatureSet::All);
    let st = e.state().org.as_ref().unwrap();
    assert!(st.pending_all_features.is_none());
    assert!(st.type_enabled(PolicyType::ServiceControlPolicy));
    let root_id = st.root_id.to_string();
    for target in [root_id.as_str(), ou.as_str(), MGMT, B, C, created.as_str()] {
        assert_eq!(st.attached(target).len(), 1, "{target}");
        assert_eq!(st.attached(target)[0].policy.as_str(), "p-FullAWSAccess");
    }
    assert_err(
        e.enable_all_features(M, EnableAllFeaturesRequest {}),
        HC,
        Some("ORGANIZATION_ALREADY_HAS_ALL_FEATURES"),
    );
    // Invitations work again.
    invite(&mut e, "777777777777");
}

#[test]
fn all_features_without_invited_members_opens_at_once() {
    let (mut e, c) = cb_org();
    account(&mut e, &c, "Dev");
    let parent = e.enable_all_features(M, EnableAllFeaturesRequest {}).unwrap().handshake;
    assert_eq!(parent.state, HandshakeState::Requested);
    assert!(
        list_org(
            &mut e,
            Some(HandshakeFilter { action_type: None, parent_handshake_id: Some(hid(&parent)) })
        )
        .is_empty()
    );
    assert_eq!(describe(&mut e, M, &hid(&parent)).unwrap().state, HandshakeState::Open);
    accept(&mut e, M, &hid(&parent)).unwrap();
    assert_eq!(feature_set(&mut e), FeatureSet::All);
}

#[test]
fn a_declined_approval_blocks_the_migration() {
    let (mut e, _c, _, _) = cb_org_with_members();
    let parent = e.enable_all_features(M, EnableAllFeaturesRequest {}).unwrap().handshake;
    let child_of = |e: &mut Engine, id: &str| {
        let f = HandshakeFilter {
            action_type: Some(HandshakeAction::ApproveAllFeatures),
            parent_handshake_id: None,
        };
        list_account(e, &acct(id), Some(f)).remove(0)
    };
    let b = child_of(&mut e, B);
    let cc = child_of(&mut e, C);
    assert_eq!(decline(&mut e, &acct(B), &hid(&b)).unwrap().state, HandshakeState::Declined);
    accept(&mut e, &acct(C), &hid(&cc)).unwrap();
    assert_eq!(describe(&mut e, M, &hid(&parent)).unwrap().state, HandshakeState::Requested);
    assert_err(accept(&mut e, M, &hid(&parent)), ErrorCode::InvalidHandshakeTransitionException, None);
    assert_err(accept(&mut e, &acct(B), &hid(&b)), ErrorCode::InvalidHandshakeTransitionException, None);
}

#[test]
fn canceling_the_migration_cancels_every_approval_request() {
    let (mut e, _c, _, _) = cb_org_with_members();
    let parent = e.enable_all_features(M, EnableAllFeaturesRequest {}).unwrap().handshake;
    assert_err(cancel(&mut e, &acct(B), &hid(&parent)), ErrorCode::HandshakeNotFoundException, None);
    assert_eq!(cancel(&mut e, M, &hid(&parent)).unwrap().state, HandshakeState::Canceled);
    let children = list_org(
        &mut e,
        Some(HandshakeFilter { action_type: None, parent_handshake_id: Some(hid(&parent)) }),
    );
    assert_eq!(children.len(), 2);
    assert!(children.iter().all(|h| h.state == HandshakeState::Canceled));
    assert!(e.state().org.as_ref().unwrap().pending_all_features.is_none());
    assert_eq!(feature_set(&mut e), FeatureSet::ConsolidatedBilling);
    invite(&mut e, "777777777777");
    let again = e.enable_all_features(M, EnableAllFeaturesRequest {}).unwrap().handshake;
    assert_ne!(again.id, parent.id);
}

#[test]
fn the_migration_expires_as_a_whole_after_90_days() {
    let (mut e, c, _, _) = cb_org_with_members();
    let parent = e.enable_all_features(M, EnableAllFeaturesRequest {}).unwrap().handshake;
    c.advance_days(89);
    assert_eq!(describe(&mut e, M, &hid(&parent)).unwrap().state, HandshakeState::Requested);
    c.advance_days(1);
    assert_eq!(describe(&mut e, M, &hid(&parent)).unwrap().state, HandshakeState::Expired);
    let children = list_org(
        &mut e,
        Some(HandshakeFilter { action_type: None, parent_handshake_id: Some(hid(&parent)) }),
    );
    assert!(children.iter().all(|h| h.state == HandshakeState::Expired));
    assert!(e.state().org.as_ref().unwrap().pending_all_features.is_none());
    assert_err(accept(&mut e, M, &hid(&parent)), ErrorCode::InvalidHandshakeTransitionException, None);
    invite(&mut e, "777777777777");
}

#[test]
fn management_declining_the_migration_abandons_it_and_may_cancel_one_approval() {
    let (mut e, _c, _, _) = cb_org_with_members();
    let parent = e.enable_all_features(M, EnableAllFeaturesRequest {}).unwrap().handshake;
    let f = HandshakeFilter { action_type: None, parent_handshake_id: Some(hid(&parent)) };
    let children = list_org(&mut e, Some(f.clone()));
    // The sending organization cannot decline an approval request, but may withdraw it.
    assert_err(decline(&mut e, M, &hid(&children[0])), ErrorCode::AccessDeniedException, None);
    assert_eq!(cancel(&mut e, M, &hid(&children[0])).unwrap().state, HandshakeState::Canceled);
    assert_eq!(decline(&mut e, M, &hid(&parent)).unwrap().state, HandshakeState::Declined);
    let states: Vec<_> = list_org(&mut e, Some(f)).iter().map(|h| h.state).collect();
    assert_eq!(states, vec![HandshakeState::Canceled; 2]);
    assert!(e.state().org.as_ref().unwrap().pending_all_features.is_none());
    assert_eq!(feature_set(&mut e), FeatureSet::ConsolidatedBilling);
}
