//! Organization lifecycle, roots, OU creation and account creation (reference §5.1–5.4, §7.1).

mod common;
use common::*;
use orgtui::model::*;

const M: &Caller = &Caller::Management;

#[test]
fn create_organization_all_features_enables_scps_and_attaches_full_access() {
    let (mut e, _c) = engine();
    let org = e.create_organization(M, CreateOrganizationRequest::default()).unwrap().organization;
    assert_eq!(org.feature_set, FeatureSet::All);
    assert_eq!(org.master_account_id.as_str(), MGMT);
    assert!(org.arn.starts_with(&format!("arn:aws:organizations::{MGMT}:organization/o-")));
    let root = e.list_roots(M, ListRootsRequest::default()).unwrap().roots.remove(0);
    assert_eq!(root.name, "Root");
    assert_eq!(
        root.policy_types,
        vec![PolicyTypeSummary {
            r#type: PolicyType::ServiceControlPolicy,
            status: PolicyTypeStatus::Enabled
        }]
    );
    let st = e.state().org.as_ref().unwrap();
    assert_eq!(st.attached(root.id.as_str()).len(), 1);
    assert_eq!(st.attached(MGMT).len(), 1);
}

#[test]
fn create_organization_consolidated_billing_enables_nothing() {
    let (mut e, _c) = engine();
    let org = e
        .create_organization(
            M,
            CreateOrganizationRequest { feature_set: Some(FeatureSet::ConsolidatedBilling) },
        )
        .unwrap()
        .organization;
    assert!(org.available_policy_types.is_empty());
    let root = e.list_roots(M, ListRootsRequest::default()).unwrap().roots.remove(0);
    assert!(root.policy_types.is_empty());
}

#[test]
fn create_organization_twice_is_already_in_organization() {
    let (mut e, _c) = org();
    assert_err(
        e.create_organization(M, CreateOrganizationRequest::default()),
        ErrorCode::AlreadyInOrganizationException,
        None,
    );
}

#[test]
fn calls_without_an_organization_are_not_in_use() {
    let (mut e, _c) = engine();
    assert_err(
        e.list_roots(M, ListRootsRequest::default()),
        ErrorCode::AwsOrganizationsNotInUseException,
        None,
    );
    assert_err(
        e.describe_organization(M, DescribeOrganizationRequest::default()),
        ErrorCode::AwsOrganizationsNotInUseException,
        None,
    );
}

#[test]
fn list_roots_rejects_bad_max_results() {
    let (mut e, _c) = org();
    let r = e.list_roots(M, ListRootsRequest { max_results: Some(21), next_token: None });
    assert_err(r, ErrorCode::InvalidInputException, Some("MAX_VALUE_EXCEEDED"));
    let r = e.list_roots(M, ListRootsRequest { max_results: Some(1), next_token: Some("bogus".into()) });
    assert_err(r, ErrorCode::InvalidInputException, Some("INVALID_NEXT_TOKEN"));
}

#[test]
fn create_ou_attaches_full_access_and_has_path() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let req = CreateOrganizationalUnitRequest { parent_id: r.clone(), name: "Security".into(), tags: None };
    let ou = e.create_organizational_unit(M, req).unwrap().organizational_unit;
    let org_id = e.state().org.as_ref().unwrap().id.to_string();
    assert_eq!(ou.path.unwrap(), format!("{org_id}/{r}/{}/", ou.id));
    assert!(ou.id.as_str().starts_with(&format!("ou-{}-", &r[2..])));
    assert_eq!(e.state().org.as_ref().unwrap().attached(ou.id.as_str()).len(), 1);
}

#[test]
fn create_ou_errors() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    ou(&mut e, &r, "Dup");
    let mk = |parent: &str, name: &str| CreateOrganizationalUnitRequest {
        parent_id: parent.into(),
        name: name.into(),
        tags: None,
    };
    assert_err(
        e.create_organizational_unit(M, mk(&r, "Dup")),
        ErrorCode::DuplicateOrganizationalUnitException,
        None,
    );
    assert_err(
        e.create_organizational_unit(M, mk("ou-zzzz-zzzzzzzz", "X")),
        ErrorCode::ParentNotFoundException,
        None,
    );
    assert_err(
        e.create_organizational_unit(M, mk("nope", "X")),
        ErrorCode::InvalidInputException,
        Some("INVALID_PATTERN"),
    );
    assert_err(
        e.create_organizational_unit(M, mk(&r, "")),
        ErrorCode::InvalidInputException,
        Some("INPUT_REQUIRED"),
    );
    let long = "x".repeat(129);
    assert_err(
        e.create_organizational_unit(M, mk(&r, &long)),
        ErrorCode::InvalidInputException,
        Some("MAX_LENGTH_EXCEEDED"),
    );
    // Same name under a different parent is fine.
    let a = ou(&mut e, &r, "A");
    ou(&mut e, &a, "Dup");
}

#[test]
fn ou_depth_limit_is_five_levels() {
    let (mut e, _c) = org();
    let mut parent = root(&mut e);
    for level in 1..=5 {
        parent = ou(&mut e, &parent, &format!("L{level}"));
    }
    let req = CreateOrganizationalUnitRequest { parent_id: parent, name: "L6".into(), tags: None };
    assert_err(
        e.create_organizational_unit(M, req),
        ErrorCode::ConstraintViolationException,
        Some("OU_DEPTH_LIMIT_EXCEEDED"),
    );
}

#[test]
fn ou_number_limit() {
    let (mut e, _c) = engine_with(orgtui::engine::Quotas { max_ous: 2, ..Default::default() });
    e.create_organization(M, CreateOrganizationRequest::default()).unwrap();
    let r = root(&mut e);
    ou(&mut e, &r, "A");
    ou(&mut e, &r, "B");
    let req = CreateOrganizationalUnitRequest { parent_id: r, name: "C".into(), tags: None };
    assert_err(
        e.create_organizational_unit(M, req),
        ErrorCode::ConstraintViolationException,
        Some("OU_NUMBER_LIMIT_EXCEEDED"),
    );
}

#[test]
fn create_ou_with_bad_tags_creates_nothing() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let req = CreateOrganizationalUnitRequest {
        parent_id: r,
        name: "T".into(),
        tags: Some(vec![Tag::new("aws:reserved", "x")]),
    };
    assert_err(
        e.create_organizational_unit(M, req),
        ErrorCode::InvalidInputException,
        Some("INVALID_SYSTEM_TAGS_PARAMETER"),
    );
    assert!(e.state().org.as_ref().unwrap().ous.is_empty());
}

#[test]
fn create_account_is_asynchronous() {
    let (mut e, c) = org();
    let req = CreateAccountRequest {
        email: "dev@example.com".into(),
        account_name: "Dev".into(),
        ..Default::default()
    };
    let st = e.create_account(M, req).unwrap().create_account_status;
    assert_eq!(st.state, CreateAccountState::InProgress);
    assert!(st.account_id.is_none());
    let describe = |e: &mut orgtui::engine::Engine| {
        e.describe_create_account_status(
            M,
            DescribeCreateAccountStatusRequest { create_account_request_id: st.id.to_string() },
        )
        .unwrap()
        .create_account_status
    };
    assert_eq!(describe(&mut e).state, CreateAccountState::InProgress);
    c.advance_ms(5_000);
    let done = describe(&mut e);
    assert_eq!(done.state, CreateAccountState::Succeeded);
    let id = done.account_id.unwrap();
    let acc = &e.state().accounts[&id];
    assert_eq!(acc.joined_method, JoinedMethod::Created);
    assert_eq!(acc.state, AccountState::Active);
    assert_eq!(e.state().org.as_ref().unwrap().attached(id.as_str()).len(), 1, "FullAWSAccess attached");
}

#[test]
fn create_account_duplicate_email_fails_later() {
    let (mut e, c) = org();
    let req = CreateAccountRequest {
        email: "mgmt@example.com".into(),
        account_name: "X".into(),
        ..Default::default()
    };
    let st = e.create_account(M, req).unwrap().create_account_status;
    c.advance_ms(5_000);
    let done = e
        .describe_create_account_status(
            M,
            DescribeCreateAccountStatusRequest { create_account_request_id: st.id.to_string() },
        )
        .unwrap()
        .create_account_status;
    assert_eq!(done.state, CreateAccountState::Failed);
    assert_eq!(done.failure_reason, Some(CreateAccountFailureReason::EmailAlreadyExists));
}

#[test]
fn create_account_input_errors() {
    let (mut e, _c) = org();
    let mk = |email: &str, name: &str, role: Option<&str>| CreateAccountRequest {
        email: email.into(),
        account_name: name.into(),
        role_name: role.map(Into::into),
        ..Default::default()
    };
    assert_err(
        e.create_account(M, mk("not-an-email", "X", None)),
        ErrorCode::InvalidInputException,
        Some("INVALID_PATTERN"),
    );
    assert_err(
        e.create_account(M, mk("a@b.c", "X", None)),
        ErrorCode::InvalidInputException,
        Some("MIN_LENGTH_EXCEEDED"),
    );
    assert_err(
        e.create_account(M, mk("x@example.com", &"n".repeat(51), None)),
        ErrorCode::InvalidInputException,
        Some("MAX_LENGTH_EXCEEDED"),
    );
    assert_err(
        e.create_account(M, mk("x@example.com", "tab\there", None)),
        ErrorCode::InvalidInputException,
        Some("INVALID_PATTERN"),
    );
    assert_err(
        e.create_account(M, mk("x@example.com", "X", Some("AWSServiceRoleForX"))),
        ErrorCode::InvalidInputException,
        Some("INVALID_ROLE_NAME"),
    );
}

#[test]
fn create_account_limits() {
    let (mut e, _c) = engine_with(orgtui::engine::Quotas { max_accounts: 3, ..Default::default() });
    e.create_organization(M, CreateOrganizationRequest::default()).unwrap();
    let mk = |n: u32| CreateAccountRequest {
        email: format!("a{n}@example.com"),
        account_name: format!("A{n}"),
        ..Default::default()
    };
    e.create_account(M, mk(1)).unwrap();
    e.create_account(M, mk(2)).unwrap();
    assert_err(
        e.create_account(M, mk(3)),
        ErrorCode::ConstraintViolationException,
        Some("ACCOUNT_NUMBER_LIMIT_EXCEEDED"),
    );

    let (mut e, _c) = engine();
    e.create_organization(M, CreateOrganizationRequest::default()).unwrap();
    for n in 0..5 {
        e.create_account(M, mk(n)).unwrap();
    }
    assert_err(
        e.create_account(M, mk(9)),
        ErrorCode::ConstraintViolationException,
        Some("ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED"),
    );
}

#[test]
fn describe_create_account_status_unknown_id() {
    let (mut e, _c) = org();
    let req = DescribeCreateAccountStatusRequest { create_account_request_id: "car-0123456789abcdef".into() };
    assert_err(
        e.describe_create_account_status(M, req),
        ErrorCode::CreateAccountStatusNotFoundException,
        None,
    );
}

#[test]
fn member_accounts_cannot_create_ous() {
    let (mut e, c) = org();
    let id = account(&mut e, &c, "Member");
    let r = root(&mut e);
    let caller = Caller::Account(AccountId::parse(&id).unwrap());
    let req = CreateOrganizationalUnitRequest { parent_id: r, name: "X".into(), tags: None };
    assert_err(e.create_organizational_unit(&caller, req), ErrorCode::AccessDeniedException, None);
    // A member may describe the organization.
    e.describe_organization(&caller, DescribeOrganizationRequest::default()).unwrap();
}
