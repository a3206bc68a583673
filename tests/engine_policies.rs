//! Policies: AWS managed policies, CreatePolicy, DescribePolicy, UpdatePolicy, DeletePolicy and
//! ListPolicies (reference §2.4, §4.3, §5.6, §8, §10).

mod common;
mod policy_fixtures;
use common::*;
use orgtui::model::*;
use policy_fixtures::*;

// ---- AWS managed policies and the default state -------------------------------------------

#[test]
fn new_all_features_org_has_scps_enabled_with_full_access_everywhere() {
    let (mut e, c) = org();
    let r = root(&mut e);
    let a = account(&mut e, &c, "Dev");
    let o = ou(&mut e, &r, "Prod");
    for t in [r.as_str(), MGMT, a.as_str(), o.as_str()] {
        assert_eq!(for_target(&mut e, t, SCP), vec!["p-FullAWSAccess"], "{t}");
    }
    let listed = e.list_policies(M, ListPoliciesRequest { filter: SCP, ..Default::default() }).unwrap();
    let full = &listed.policies[0];
    assert_eq!(full.id.as_str(), "p-FullAWSAccess");
    assert_eq!(full.name, "FullAWSAccess");
    assert!(full.aws_managed);
    assert_eq!(full.arn, "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess");
}

#[test]
fn describe_full_aws_access_returns_managed_content() {
    let (mut e, _c) = org();
    let p =
        e.describe_policy(M, DescribePolicyRequest { policy_id: "p-FullAWSAccess".into() }).unwrap().policy;
    assert_eq!(p.policy_summary.description, "Allows access to every operation");
    assert_eq!(
        p.content,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
    );
}

#[test]
fn rcp_full_aws_access_is_listed_before_rcps_are_enabled() {
    let (mut e, _c) = org();
    let listed = e.list_policies(M, ListPoliciesRequest { filter: RCP, ..Default::default() }).unwrap();
    assert_eq!(listed.policies.len(), 1);
    assert_eq!(listed.policies[0].id.as_str(), "p-RCPFullAWSAccess");
    assert!(listed.policies[0].aws_managed);
}

// ---- CreatePolicy -------------------------------------------------------------------------

#[test]
fn create_policy_returns_customer_policy_with_verbatim_content() {
    let (mut e, _c) = org();
    let content = "{ \"Statement\" : {\"Effect\":\"Deny\",\"Action\":\"ec2:*\",\"Resource\":\"*\"} }";
    let p = create(&mut e, "NoEc2", SCP, content).unwrap();
    let s = &p.policy_summary;
    assert!(!s.aws_managed);
    assert_eq!(s.r#type, SCP);
    assert_eq!(s.name, "NoEc2");
    assert_eq!(s.description, "NoEc2 description");
    assert_eq!(p.content, content);
    assert!(s.id.as_str().starts_with("p-") && s.id.as_str().len() == 10);
    let org_id = e.state().org.as_ref().unwrap().id.to_string();
    assert_eq!(
        s.arn,
        format!("arn:aws:organizations::{MGMT}:policy/{org_id}/service_control_policy/{}", s.id)
    );
    let d = e.describe_policy(M, DescribePolicyRequest { policy_id: s.id.to_string() }).unwrap().policy;
    assert_eq!(d, p);
}

#[test]
fn create_policy_does_not_require_the_type_enabled() {
    let (mut e, _c) = org();
    let p = create(&mut e, "Tags", TAG, TAG_DOC).unwrap();
    assert_eq!(p.policy_summary.r#type, TAG);
}

#[test]
fn create_policy_duplicate_name_and_type_is_rejected() {
    let (mut e, _c) = org();
    policy(&mut e, "Same", SCP);
    assert_err(create(&mut e, "Same", SCP, DENY_S3), ErrorCode::DuplicatePolicyException, None);
    // The same name with another type is fine.
    create(&mut e, "Same", TAG, TAG_DOC).unwrap();
}

#[test]
fn create_policy_malformed_documents() {
    let (mut e, _c) = org();
    let cases = [
        (SCP, "{not json"),
        (
            SCP,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}"#,
        ),
        (SCP, r#"{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"*","Resource":"*"}]}"#),
        (
            RCP,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#,
        ),
        (
            RCP,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"123456789012","Action":"s3:*","Resource":"*"}]}"#,
        ),
        (TAG, r#"{"tags":{"x":{"@@overwrite":"y"}}}"#),
        (TAG, "[1,2]"),
    ];
    for (i, (ty, doc)) in cases.into_iter().enumerate() {
        assert_err(
            create(&mut e, &format!("P{i}"), ty, doc),
            ErrorCode::MalformedPolicyDocumentException,
            None,
        );
    }
    assert!(e.state().org.as_ref().unwrap().policies.values().all(|p| p.aws_managed));
}

#[test]
fn create_policy_size_limit_counts_whitespace() {
    let (mut e, _c) = org();
    let fits = format!("{DENY_S3}{}", " ".repeat(10_240 - DENY_S3.len()));
    create(&mut e, "Fits", SCP, &fits).unwrap();
    let over = format!("{fits} ");
    assert_err(
        create(&mut e, "Over", SCP, &over),
        ErrorCode::ConstraintViolationException,
        Some("POLICY_CONTENT_LIMIT_EXCEEDED"),
    );
    // RCPs have half the room.
    let over_rcp = format!("{RCP_DENY}{}", " ".repeat(5_121 - RCP_DENY.len()));
    assert_err(
        create(&mut e, "BigRcp", RCP, &over_rcp),
        ErrorCode::ConstraintViolationException,
        Some("POLICY_CONTENT_LIMIT_EXCEEDED"),
    );
}

#[test]
fn create_policy_number_limit_per_type() {
    let (mut e, _c) = org();
    let ai = PolicyType::AiservicesOptOutPolicy;
    let doc = r#"{"services":{"default":{"opt_out_policy":{"@@assign":"optOut"}}}}"#;
    for i in 0..1000 {
        create(&mut e, &format!("ai{i}"), ai, doc).unwrap();
    }
    assert_err(
        create(&mut e, "one-too-many", ai, doc),
        ErrorCode::ConstraintViolationException,
        Some("POLICY_NUMBER_LIMIT_EXCEEDED"),
    );
    // Other types have their own count.
    policy(&mut e, "Tags", TAG);
}

#[test]
fn create_policy_input_shapes() {
    let (mut e, _c) = org();
    assert_err(create(&mut e, "", SCP, DENY_S3), ErrorCode::InvalidInputException, Some("INPUT_REQUIRED"));
    assert_err(
        create(&mut e, &"n".repeat(129), SCP, DENY_S3),
        ErrorCode::InvalidInputException,
        Some("MAX_LENGTH_EXCEEDED"),
    );
    assert_err(create(&mut e, "Empty", SCP, ""), ErrorCode::InvalidInputException, Some("INPUT_REQUIRED"));
    let req = CreatePolicyRequest {
        content: DENY_S3.into(),
        description: "d".repeat(513),
        name: "LongDescription".into(),
        r#type: SCP,
        tags: None,
    };
    assert_err(e.create_policy(M, req), ErrorCode::InvalidInputException, Some("MAX_LENGTH_EXCEEDED"));
}

#[test]
fn create_policy_with_tags_checks_them() {
    let (mut e, _c) = org();
    let mk = |tags| CreatePolicyRequest {
        content: DENY_S3.into(),
        description: String::new(),
        name: "Tagged".into(),
        r#type: SCP,
        tags: Some(tags),
    };
    assert_err(
        e.create_policy(M, mk(vec![Tag::new("aws:x", "y")])),
        ErrorCode::InvalidInputException,
        Some("INVALID_SYSTEM_TAGS_PARAMETER"),
    );
    let many: Vec<Tag> = (0..51).map(|i| Tag::new(format!("k{i}"), "v")).collect();
    assert_err(
        e.create_policy(M, mk(many)),
        ErrorCode::ConstraintViolationException,
        Some("MAX_TAG_LIMIT_EXCEEDED"),
    );
    let p = e.create_policy(M, mk(vec![Tag::new("team", "sec")])).unwrap().policy;
    let id = p.policy_summary.id;
    assert_eq!(e.state().org.as_ref().unwrap().policies[&id].tags, vec![Tag::new("team", "sec")]);
}

#[test]
fn create_policy_in_consolidated_billing_org_is_not_available() {
    let mut e = cb_org();
    assert_err(
        create(&mut e, "X", SCP, DENY_S3),
        ErrorCode::PolicyTypeNotAvailableForOrganizationException,
        None,
    );
}

#[test]
fn policy_operations_need_an_organization_and_permission() {
    let (mut e, _c) = engine();
    assert_err(create(&mut e, "X", SCP, DENY_S3), ErrorCode::AwsOrganizationsNotInUseException, None);
    let (mut e, c) = org();
    let a = account(&mut e, &c, "Dev");
    let member = Caller::Account(AccountId::parse(&a).unwrap());
    let req = CreatePolicyRequest {
        content: DENY_S3.into(),
        description: String::new(),
        name: "X".into(),
        r#type: SCP,
        tags: None,
    };
    assert_err(e.create_policy(&member, req), ErrorCode::AccessDeniedException, None);
    assert_err(
        e.list_policies(&member, ListPoliciesRequest { filter: SCP, ..Default::default() }),
        ErrorCode::AccessDeniedException,
        None,
    );
    assert_err(
        e.attach_policy(&member, AttachPolicyRequest { policy_id: "p-FullAWSAccess".into(), target_id: a }),
        ErrorCode::AccessDeniedException,
        None,
    );
    let r = root(&mut e);
    assert_err(
        e.enable_policy_type(&member, EnablePolicyTypeRequest { root_id: r, policy_type: TAG }),
        ErrorCode::AccessDeniedException,
        None,
    );
}

// ---- DescribePolicy / UpdatePolicy / DeletePolicy ----------------------------------------

#[test]
fn describe_policy_errors() {
    let (mut e, _c) = org();
    assert_err(
        e.describe_policy(M, DescribePolicyRequest { policy_id: "p-zzzzzzzz".into() }),
        ErrorCode::PolicyNotFoundException,
        None,
    );
    assert_err(
        e.describe_policy(M, DescribePolicyRequest { policy_id: "policy".into() }),
        ErrorCode::InvalidInputException,
        Some("INVALID_SYNTAX_POLICY_ID"),
    );
}

#[test]
fn update_policy_changes_only_given_fields() {
    let (mut e, _c) = org();
    let id = policy(&mut e, "Old", SCP);
    let new_doc = r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"ec2:*","Resource":"*"}}"#;
    let p = e
        .update_policy(
            M,
            UpdatePolicyRequest { policy_id: id.clone(), name: Some("New".into()), ..Default::default() },
        )
        .unwrap()
        .policy;
    assert_eq!(p.policy_summary.name, "New");
    assert_eq!(p.policy_summary.description, "Old description");
    assert_eq!(p.content, DENY_S3);
    let p = e
        .update_policy(
            M,
            UpdatePolicyRequest {
                policy_id: id.clone(),
                description: Some(String::new()),
                content: Some(new_doc.into()),
                ..Default::default()
            },
        )
        .unwrap()
        .policy;
    assert_eq!(p.policy_summary.name, "New");
    assert_eq!(p.policy_summary.description, "");
    assert_eq!(p.content, new_doc);
    assert_eq!(p.policy_summary.r#type, SCP);
    let d = e.describe_policy(M, DescribePolicyRequest { policy_id: id }).unwrap().policy;
    assert_eq!(d, p);
}

#[test]
fn update_policy_duplicate_name_is_rejected_but_own_name_is_fine() {
    let (mut e, _c) = org();
    policy(&mut e, "A", SCP);
    let b = policy(&mut e, "B", SCP);
    let rename = |name: &str| UpdatePolicyRequest {
        policy_id: b.clone(),
        name: Some(name.into()),
        ..Default::default()
    };
    assert_err(e.update_policy(M, rename("A")), ErrorCode::DuplicatePolicyException, None);
    e.update_policy(M, rename("B")).unwrap();
}

#[test]
fn update_policy_validates_content() {
    let (mut e, _c) = org();
    let id = policy(&mut e, "A", SCP);
    let upd =
        |c: String| UpdatePolicyRequest { policy_id: id.clone(), content: Some(c), ..Default::default() };
    assert_err(e.update_policy(M, upd("{".into())), ErrorCode::MalformedPolicyDocumentException, None);
    assert_err(
        e.update_policy(M, upd(format!("{DENY_S3}{}", " ".repeat(10_240)))),
        ErrorCode::ConstraintViolationException,
        Some("POLICY_CONTENT_LIMIT_EXCEEDED"),
    );
    let d = e.describe_policy(M, DescribePolicyRequest { policy_id: id.clone() }).unwrap().policy;
    assert_eq!(d.content, DENY_S3);
}

#[test]
fn update_aws_managed_policy_is_immutable() {
    let (mut e, _c) = org();
    for id in ["p-FullAWSAccess", "p-RCPFullAWSAccess"] {
        let req =
            UpdatePolicyRequest { policy_id: id.into(), name: Some("Mine".into()), ..Default::default() };
        assert_err(e.update_policy(M, req), ErrorCode::InvalidInputException, Some("IMMUTABLE_POLICY"));
    }
}

#[test]
fn update_unknown_policy_is_not_found() {
    let (mut e, _c) = org();
    let req =
        UpdatePolicyRequest { policy_id: "p-abcdefgh".into(), name: Some("X".into()), ..Default::default() };
    assert_err(e.update_policy(M, req), ErrorCode::PolicyNotFoundException, None);
}

#[test]
fn delete_policy_removes_it() {
    let (mut e, _c) = org();
    let id = policy(&mut e, "Gone", SCP);
    e.delete_policy(M, DeletePolicyRequest { policy_id: id.clone() }).unwrap();
    assert_err(
        e.describe_policy(M, DescribePolicyRequest { policy_id: id.clone() }),
        ErrorCode::PolicyNotFoundException,
        None,
    );
    assert_err(
        e.delete_policy(M, DeletePolicyRequest { policy_id: id }),
        ErrorCode::PolicyNotFoundException,
        None,
    );
}

#[test]
fn delete_attached_policy_is_in_use_until_detached() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let id = policy(&mut e, "Used", SCP);
    attach(&mut e, &id, &r).unwrap();
    assert_err(
        e.delete_policy(M, DeletePolicyRequest { policy_id: id.clone() }),
        ErrorCode::PolicyInUseException,
        None,
    );
    detach(&mut e, &id, &r).unwrap();
    e.delete_policy(M, DeletePolicyRequest { policy_id: id }).unwrap();
}

#[test]
fn delete_aws_managed_policy_is_immutable() {
    let (mut e, _c) = org();
    // Reference §15.7: we report IMMUTABLE_POLICY even while FullAWSAccess is attached.
    assert_err(
        e.delete_policy(M, DeletePolicyRequest { policy_id: "p-RCPFullAWSAccess".into() }),
        ErrorCode::InvalidInputException,
        Some("IMMUTABLE_POLICY"),
    );
}

// ---- ListPolicies ---------------------------------------------------------------------------

#[test]
fn list_policies_filters_by_type_and_pages() {
    let (mut e, _c) = org();
    let mut made: Vec<String> = (0..5).map(|i| policy(&mut e, &format!("S{i}"), SCP)).collect();
    policy(&mut e, "T", TAG);
    made.push("p-FullAWSAccess".into());
    let mut seen = Vec::new();
    let mut token = None;
    let mut pages = 0;
    loop {
        let page = e
            .list_policies(M, ListPoliciesRequest { filter: SCP, next_token: token, max_results: Some(2) })
            .unwrap();
        assert!(page.policies.len() <= 2);
        assert!(page.policies.iter().all(|p| p.r#type == SCP));
        seen.extend(page.policies.into_iter().map(|p| p.id.to_string()));
        pages += 1;
        token = page.next_token;
        if token.is_none() {
            break;
        }
    }
    assert_eq!(pages, 3);
    seen.sort();
    made.sort();
    assert_eq!(seen, made);
    let tags = e.list_policies(M, ListPoliciesRequest { filter: TAG, ..Default::default() }).unwrap();
    assert_eq!(tags.policies.len(), 1);
    assert!(tags.next_token.is_none());
}

#[test]
fn list_policies_rejects_bad_paging() {
    let (mut e, _c) = org();
    let req = |t: Option<&str>, m| ListPoliciesRequest {
        filter: SCP,
        next_token: t.map(Into::into),
        max_results: m,
    };
    assert_err(
        e.list_policies(M, req(None, Some(0))),
        ErrorCode::InvalidInputException,
        Some("MIN_VALUE_EXCEEDED"),
    );
    assert_err(
        e.list_policies(M, req(None, Some(21))),
        ErrorCode::InvalidInputException,
        Some("MAX_VALUE_EXCEEDED"),
    );
    assert_err(
        e.list_policies(M, req(Some("junk"), None)),
        ErrorCode::InvalidInputException,
        Some("INVALID_NEXT_TOKEN"),
    );
}

#[test]
fn list_policies_works_while_type_disabled() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let id = policy(&mut e, "S", SCP);
    disable(&mut e, &r, SCP).unwrap();
    let l = e.list_policies(M, ListPoliciesRequest { filter: SCP, ..Default::default() }).unwrap();
    let ids: Vec<_> = l.policies.iter().map(|p| p.id.to_string()).collect();
    assert!(ids.contains(&id) && ids.contains(&"p-FullAWSAccess".to_string()));
}
