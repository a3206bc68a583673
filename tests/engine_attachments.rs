//! Attachments and policy types: AttachPolicy, DetachPolicy, the two listings, and
//! EnablePolicyType / DisablePolicyType (reference §5.6–5.7, §7.5).

mod common;
mod policy_fixtures;
use common::*;
use orgtui::model::*;
use policy_fixtures::*;

// ---- AttachPolicy -----------------------------------------------------------------------------

#[test]
fn attach_policy_to_root_ou_and_account() {
    let (mut e, c) = org();
    let r = root(&mut e);
    let o = ou(&mut e, &r, "Prod");
    let a = account(&mut e, &c, "Dev");
    let id = policy(&mut e, "DenyS3", SCP);
    for t in [&r, &o, &a] {
        attach(&mut e, &id, t).unwrap();
        assert_eq!(for_target(&mut e, t, SCP), vec!["p-FullAWSAccess".to_string(), id.clone()]);
    }
    assert_eq!(targets(&mut e, &id), vec![r.clone(), o.clone(), a.clone()]);
    let t = e
        .list_targets_for_policy(
            M,
            ListTargetsForPolicyRequest { policy_id: id.clone(), ..Default::default() },
        )
        .unwrap()
        .targets;
    assert_eq!((t[0].r#type, t[0].name.as_str()), (TargetType::Root, "Root"));
    assert_eq!((t[1].r#type, t[1].name.as_str()), (TargetType::OrganizationalUnit, "Prod"));
    assert_eq!((t[2].r#type, t[2].name.as_str()), (TargetType::Account, "Dev"));
    let org_id = e.state().org.as_ref().unwrap().id.to_string();
    assert_eq!(t[2].arn, format!("arn:aws:organizations::{MGMT}:account/{org_id}/{a}"));
}

#[test]
fn attach_to_management_account_is_allowed() {
    let (mut e, _c) = org();
    let id = policy(&mut e, "DenyS3", SCP);
    attach(&mut e, &id, MGMT).unwrap();
    assert_eq!(targets(&mut e, &id), vec![MGMT.to_string()]);
}

#[test]
fn attach_requires_type_enabled() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let id = policy(&mut e, "Tags", TAG);
    assert_err(attach(&mut e, &id, &r), ErrorCode::PolicyTypeNotEnabledException, None);
    enable(&mut e, &r, TAG).unwrap();
    attach(&mut e, &id, &r).unwrap();
    // RCPFullAWSAccess exists but RCPs are not enabled.
    assert_err(attach(&mut e, "p-RCPFullAWSAccess", &r), ErrorCode::PolicyTypeNotEnabledException, None);
}

#[test]
fn attach_twice_is_duplicate_attachment() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    assert_err(attach(&mut e, "p-FullAWSAccess", &r), ErrorCode::DuplicatePolicyAttachmentException, None);
}

#[test]
fn attach_beyond_type_maximum_is_rejected_and_changes_nothing() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let o = ou(&mut e, &r, "Full");
    // FullAWSAccess plus nine more SCPs reach the maximum of 10.
    for i in 0..9 {
        let id = policy(&mut e, &format!("S{i}"), SCP);
        attach(&mut e, &id, &o).unwrap();
    }
    let extra = policy(&mut e, "Extra", SCP);
    let before = e.state().clone();
    assert_err(
        attach(&mut e, &extra, &o),
        ErrorCode::ConstraintViolationException,
        Some("MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"),
    );
    assert_eq!(e.state(), &before);
    // The limit is per target.
    attach(&mut e, &extra, &r).unwrap();
}

#[test]
fn attach_rcp_maximum_counts_rcp_full_aws_access() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    enable(&mut e, &r, RCP).unwrap();
    for i in 0..4 {
        let id = policy(&mut e, &format!("R{i}"), RCP);
        attach(&mut e, &id, &r).unwrap();
    }
    let extra = policy(&mut e, "R-extra", RCP);
    assert_err(
        attach(&mut e, &extra, &r),
        ErrorCode::ConstraintViolationException,
        Some("MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"),
    );
}

#[test]
fn attach_unknown_policy_or_target() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let id = policy(&mut e, "S", SCP);
    assert_err(attach(&mut e, "p-abcdefgh", &r), ErrorCode::PolicyNotFoundException, None);
    for t in ["r-zzzz", "ou-zzzz-zzzzzzzz", "999999999999"] {
        assert_err(attach(&mut e, &id, t), ErrorCode::TargetNotFoundException, None);
    }
    assert_err(
        attach(&mut e, &id, "nonsense"),
        ErrorCode::InvalidInputException,
        Some("INVALID_PATTERN_TARGET_ID"),
    );
    assert_err(attach(&mut e, "p-x", &r), ErrorCode::InvalidInputException, Some("INVALID_SYNTAX_POLICY_ID"));
}

#[test]
fn attach_records_when_effective_policies_changed() {
    let (mut e, c) = org();
    let r = root(&mut e);
    enable(&mut e, &r, TAG).unwrap();
    let id = policy(&mut e, "Tags", TAG);
    c.advance_ms(60_000);
    attach(&mut e, &id, &r).unwrap();
    let at = e.state().org.as_ref().unwrap().policy_changed_at[&TAG];
    assert_eq!(at, e.now());
}

// ---- DetachPolicy -----------------------------------------------------------------------------

#[test]
fn detach_policy_removes_direct_attachment() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let o = ou(&mut e, &r, "Prod");
    let id = policy(&mut e, "S", SCP);
    attach(&mut e, &id, &o).unwrap();
    detach(&mut e, "p-FullAWSAccess", &o).unwrap();
    assert_eq!(for_target(&mut e, &o, SCP), vec![id.clone()]);
    assert!(!targets(&mut e, "p-FullAWSAccess").contains(&o));
}

#[test]
fn detach_last_scp_is_min_attachment_violation() {
    let (mut e, c) = org();
    let r = root(&mut e);
    let a = account(&mut e, &c, "Dev");
    for t in [r.as_str(), a.as_str(), MGMT] {
        assert_err(
            detach(&mut e, "p-FullAWSAccess", t),
            ErrorCode::ConstraintViolationException,
            Some("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"),
        );
    }
    assert_eq!(for_target(&mut e, &a, SCP), vec!["p-FullAWSAccess"]);
}

#[test]
fn detach_not_directly_attached_policy() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let o = ou(&mut e, &r, "Prod");
    let id = policy(&mut e, "S", SCP);
    attach(&mut e, &id, &r).unwrap();
    // Inherited from the root, not attached to the OU.
    assert_err(detach(&mut e, &id, &o), ErrorCode::PolicyNotAttachedException, None);
}

#[test]
fn detach_rcp_full_aws_access_is_not_allowed() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    enable(&mut e, &r, RCP).unwrap();
    let id = policy(&mut e, "R", RCP);
    attach(&mut e, &id, &r).unwrap();
    assert_err(
        detach(&mut e, "p-RCPFullAWSAccess", &r),
        ErrorCode::InvalidInputException,
        Some("NON_DETACHABLE_POLICY"),
    );
    // Customer RCPs detach normally.
    detach(&mut e, &id, &r).unwrap();
}

#[test]
fn detach_management_policy_down_to_none() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    enable(&mut e, &r, TAG).unwrap();
    let id = policy(&mut e, "Tags", TAG);
    attach(&mut e, &id, &r).unwrap();
    detach(&mut e, &id, &r).unwrap();
    assert!(for_target(&mut e, &r, TAG).is_empty());
}

#[test]
fn detach_unknown_policy_or_target() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    assert_err(detach(&mut e, "p-abcdefgh", &r), ErrorCode::PolicyNotFoundException, None);
    assert_err(
        detach(&mut e, "p-FullAWSAccess", "ou-zzzz-zzzzzzzz"),
        ErrorCode::TargetNotFoundException,
        None,
    );
}

// ---- ListPoliciesForTarget / ListTargetsForPolicy -------------------------------------------

#[test]
fn list_policies_for_target_filters_type_and_checks_target() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    enable(&mut e, &r, TAG).unwrap();
    let id = policy(&mut e, "Tags", TAG);
    attach(&mut e, &id, &r).unwrap();
    assert_eq!(for_target(&mut e, &r, TAG), vec![id]);
    assert_eq!(for_target(&mut e, &r, SCP), vec!["p-FullAWSAccess"]);
    assert!(for_target(&mut e, &r, RCP).is_empty());
    let req =
        ListPoliciesForTargetRequest { target_id: "123456789999".into(), filter: SCP, ..Default::default() };
    assert_err(e.list_policies_for_target(M, req), ErrorCode::TargetNotFoundException, None);
}

#[test]
fn list_targets_for_policy_pages_and_checks_policy() {
    let (mut e, c) = org();
    let r = root(&mut e);
    for i in 0..3 {
        ou(&mut e, &r, &format!("O{i}"));
        account(&mut e, &c, &format!("A{i}"));
    }
    // root + 3 OUs + management + 3 accounts.
    let mut all = Vec::new();
    let mut token = None;
    loop {
        let page = e
            .list_targets_for_policy(
                M,
                ListTargetsForPolicyRequest {
                    policy_id: "p-FullAWSAccess".into(),
                    next_token: token,
                    max_results: Some(3),
                },
            )
            .unwrap();
        all.extend(page.targets);
        token = page.next_token;
        if token.is_none() {
            break;
        }
    }
    assert_eq!(all.len(), 8);
    let req = ListTargetsForPolicyRequest { policy_id: "p-abcdefgh".into(), ..Default::default() };
    assert_err(e.list_targets_for_policy(M, req), ErrorCode::PolicyNotFoundException, None);
}

// ---- EnablePolicyType / DisablePolicyType ---------------------------------------------------

#[test]
fn enable_rcp_attaches_rcp_full_aws_access_everywhere() {
    let (mut e, c) = org();
    let r = root(&mut e);
    let o = ou(&mut e, &r, "Prod");
    let a = account(&mut e, &c, "Dev");
    let root_view = enable(&mut e, &r, RCP).unwrap();
    assert_eq!(types_of(&root_view), vec![SCP, RCP]);
    assert!(root_view.policy_types.iter().all(|t| t.status == PolicyTypeStatus::Enabled));
    for t in [r.as_str(), o.as_str(), a.as_str(), MGMT] {
        assert_eq!(for_target(&mut e, t, RCP), vec!["p-RCPFullAWSAccess"], "{t}");
        assert_eq!(for_target(&mut e, t, SCP), vec!["p-FullAWSAccess"], "{t}");
    }
    // OUs created later get it too.
    let later = ou(&mut e, &r, "Later");
    assert_eq!(for_target(&mut e, &later, RCP), vec!["p-RCPFullAWSAccess"]);
}

#[test]
fn enable_rcp_does_not_restore_detached_full_aws_access() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let o = ou(&mut e, &r, "Prod");
    let id = policy(&mut e, "S", SCP);
    attach(&mut e, &id, &o).unwrap();
    detach(&mut e, "p-FullAWSAccess", &o).unwrap();
    enable(&mut e, &r, RCP).unwrap();
    assert_eq!(for_target(&mut e, &o, SCP), vec![id]);
}

#[test]
fn enable_management_type_attaches_nothing() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let root_view = enable(&mut e, &r, TAG).unwrap();
    assert!(types_of(&root_view).contains(&TAG));
    assert!(for_target(&mut e, &r, TAG).is_empty());
}

#[test]
fn enable_already_enabled_type() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    assert_err(enable(&mut e, &r, SCP), ErrorCode::PolicyTypeAlreadyEnabledException, None);
}

#[test]
fn enable_with_unknown_or_bad_root() {
    let (mut e, _c) = org();
    assert_err(enable(&mut e, "r-zzzz", TAG), ErrorCode::RootNotFoundException, None);
    assert_err(disable(&mut e, "r-zzzz", SCP), ErrorCode::RootNotFoundException, None);
    assert_err(enable(&mut e, "root", TAG), ErrorCode::InvalidInputException, Some("INVALID_PATTERN"));
}

#[test]
fn enable_in_consolidated_billing_org_is_not_available() {
    let mut e = cb_org();
    let r = root(&mut e);
    assert_err(enable(&mut e, &r, SCP), ErrorCode::PolicyTypeNotAvailableForOrganizationException, None);
}

#[test]
fn enable_service_owned_type_needs_trusted_access() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    assert_err(
        enable(&mut e, &r, PolicyType::SecurityhubPolicy),
        ErrorCode::ConstraintViolationException,
        Some("SERVICE_ACCESS_NOT_ENABLED"),
    );
}

#[test]
fn disable_type_removes_every_attachment_but_keeps_policies() {
    let (mut e, c) = org();
    let r = root(&mut e);
    let o = ou(&mut e, &r, "Prod");
    let a = account(&mut e, &c, "Dev");
    let id = policy(&mut e, "S", SCP);
    attach(&mut e, &id, &o).unwrap();
    attach(&mut e, &id, &a).unwrap();
    let root_view = disable(&mut e, &r, SCP).unwrap();
    assert!(root_view.policy_types.is_empty());
    for t in [r.as_str(), o.as_str(), a.as_str(), MGMT] {
        assert!(for_target(&mut e, t, SCP).is_empty(), "{t}");
    }
    assert!(targets(&mut e, &id).is_empty());
    e.describe_policy(M, DescribePolicyRequest { policy_id: id.clone() }).unwrap();
    // Attaching needs the type again; re-enabling restores only FullAWSAccess.
    assert_err(attach(&mut e, &id, &o), ErrorCode::PolicyTypeNotEnabledException, None);
    enable(&mut e, &r, SCP).unwrap();
    for t in [r.as_str(), o.as_str(), a.as_str(), MGMT] {
        assert_eq!(for_target(&mut e, t, SCP), vec!["p-FullAWSAccess"], "{t}");
    }
}

#[test]
fn disable_type_keeps_other_types_attached() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    enable(&mut e, &r, TAG).unwrap();
    let id = policy(&mut e, "Tags", TAG);
    attach(&mut e, &id, &r).unwrap();
    disable(&mut e, &r, TAG).unwrap();
    assert!(for_target(&mut e, &r, TAG).is_empty());
    assert_eq!(for_target(&mut e, &r, SCP), vec!["p-FullAWSAccess"]);
}

#[test]
fn disable_type_not_enabled() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    assert_err(disable(&mut e, &r, TAG), ErrorCode::PolicyTypeNotEnabledException, None);
    let mut cb = cb_org();
    let cr = root(&mut cb);
    assert_err(disable(&mut cb, &cr, SCP), ErrorCode::PolicyTypeNotEnabledException, None);
}

#[test]
fn aws_managed_policy_names_are_taken() {
    let (mut e, _c) = org();
    assert_err(create(&mut e, "FullAWSAccess", SCP, DENY_S3), ErrorCode::DuplicatePolicyException, None);
    assert_err(create(&mut e, "RCPFullAWSAccess", RCP, RCP_DENY), ErrorCode::DuplicatePolicyException, None);
    let id = policy(&mut e, "Mine", SCP);
    let req = UpdatePolicyRequest { policy_id: id, name: Some("FullAWSAccess".into()), ..Default::default() };
    assert_err(e.update_policy(M, req), ErrorCode::DuplicatePolicyException, None);
}

#[test]
fn attach_in_consolidated_billing_org_is_type_not_enabled() {
    let mut e = cb_org();
    let r = root(&mut e);
    assert_err(attach(&mut e, "p-FullAWSAccess", &r), ErrorCode::PolicyTypeNotEnabledException, None);
}

#[test]
fn failed_detach_changes_nothing() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let before = e.state().clone();
    assert_err(
        detach(&mut e, "p-FullAWSAccess", &r),
        ErrorCode::ConstraintViolationException,
        Some("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"),
    );
    assert_eq!(e.state(), &before);
}

#[test]
fn enable_and_disable_record_policy_changes() {
    let (mut e, c) = org();
    let r = root(&mut e);
    c.advance_ms(1_000);
    enable(&mut e, &r, TAG).unwrap();
    assert_eq!(e.state().org.as_ref().unwrap().policy_changed_at[&TAG], e.now());
    c.advance_ms(1_000);
    disable(&mut e, &r, TAG).unwrap();
    assert_eq!(e.state().org.as_ref().unwrap().policy_changed_at[&TAG], e.now());
}
