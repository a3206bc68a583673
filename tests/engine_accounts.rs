//! Accounts: describe, list, move, remove, leave, close (reference §5.4, §7.3).

mod common;
use common::*;
use orgtui::engine::{EmulatorSettings, Engine};
use orgtui::model::*;

const M: &Caller = &Caller::Management;

fn as_account(id: &str) -> Caller {
    Caller::Account(AccountId::parse(id).unwrap())
}

fn mv(e: &mut Engine, acc: &str, from: &str, to: &str) -> OrgResult<MoveAccountResponse> {
    e.move_account(
        M,
        MoveAccountRequest {
            account_id: acc.into(),
            source_parent_id: from.into(),
            destination_parent_id: to.into(),
        },
    )
}

fn describe(e: &mut Engine, acc: &str) -> OrgResult<Account> {
    e.describe_account(M, DescribeAccountRequest { account_id: acc.into() }).map(|r| r.account)
}

#[test]
fn describe_account_includes_management_and_paths() {
    let (mut e, clock) = org();
    let r = root(&mut e);
    let a = ou(&mut e, &r, "Workloads");
    let acc = account(&mut e, &clock, "Dev");
    mv(&mut e, &acc, &r, &a).unwrap();
    let d = describe(&mut e, &acc).unwrap();
    assert_eq!(d.joined_method, JoinedMethod::Created);
    assert_eq!(d.state, AccountState::Active);
    assert!(d.paths[0].ends_with(&format!("/{r}/{a}/{acc}/")), "{:?}", d.paths);
    let m = describe(&mut e, MGMT).unwrap();
    assert_eq!(m.joined_method, JoinedMethod::Invited);
    assert_err(describe(&mut e, "999999999999"), ErrorCode::AccountNotFoundException, None);
    assert_err(describe(&mut e, "12345"), ErrorCode::InvalidInputException, Some("INVALID_PATTERN"));
}

#[test]
fn list_accounts_and_for_parent() {
    let (mut e, clock) = org();
    let r = root(&mut e);
    let a = ou(&mut e, &r, "A");
    let ids: Vec<String> = (0..3).map(|i| account(&mut e, &clock, &format!("Acc {i}"))).collect();
    mv(&mut e, &ids[0], &r, &a).unwrap();
    let all = e.list_accounts(M, ListAccountsRequest::default()).unwrap().accounts;
    assert_eq!(all.len(), 4);
    let in_a = e
        .list_accounts_for_parent(
            M,
            ListAccountsForParentRequest { parent_id: a.clone(), ..Default::default() },
        )
        .unwrap()
        .accounts;
    assert_eq!(in_a.iter().map(|x| x.id.to_string()).collect::<Vec<_>>(), vec![ids[0].clone()]);
    let in_root = e
        .list_accounts_for_parent(M, ListAccountsForParentRequest { parent_id: r, ..Default::default() })
        .unwrap()
        .accounts;
    assert_eq!(in_root.len(), 3);
    let page = e.list_accounts(M, ListAccountsRequest { max_results: Some(3), next_token: None }).unwrap();
    assert_eq!(page.accounts.len(), 3);
    let rest = e
        .list_accounts(M, ListAccountsRequest { max_results: Some(3), next_token: page.next_token })
        .unwrap();
    assert_eq!((rest.accounts.len(), rest.next_token), (1, None));
    assert_err(
        e.list_accounts(M, ListAccountsRequest { max_results: Some(3), next_token: Some("v1.0.0.0".into()) }),
        ErrorCode::InvalidInputException,
        Some("INVALID_NEXT_TOKEN"),
    );
}

#[test]
fn list_create_account_status_filters_by_state() {
    let (mut e, clock) = org();
    account(&mut e, &clock, "Ok");
    e.create_account(
        M,
        CreateAccountRequest {
            email: "ok@example.com".into(),
            account_name: "Dup".into(),
            ..Default::default()
        },
    )
    .unwrap();
    e.create_account(
        M,
        CreateAccountRequest {
            email: "later@example.com".into(),
            account_name: "Later".into(),
            ..Default::default()
        },
    )
    .unwrap();
    clock.advance_ms(EmulatorSettings::default().create_account_ms);
    let list = |e: &mut Engine, states: Option<Vec<CreateAccountState>>| {
        e.list_create_account_status(M, ListCreateAccountStatusRequest { states, ..Default::default() })
            .unwrap()
            .create_account_statuses
    };
    assert_eq!(list(&mut e, None).len(), 3);
    let failed = list(&mut e, Some(vec![CreateAccountState::Failed]));
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].failure_reason, Some(CreateAccountFailureReason::EmailAlreadyExists));
    assert!(failed[0].account_id.is_none());
    let ok = list(&mut e, Some(vec![CreateAccountState::Succeeded]));
    assert!(ok.iter().all(|s| s.account_id.is_some()) && ok.len() == 2);
}

#[test]
fn move_account_rules() {
    let (mut e, clock) = org();
    let r = root(&mut e);
    let a = ou(&mut e, &r, "A");
    let b = ou(&mut e, &r, "B");
    let acc = account(&mut e, &clock, "Dev");
    assert_err(mv(&mut e, &acc, "ou-zzzz-zzzzzzzz", &a), ErrorCode::SourceParentNotFoundException, None);
    assert_err(mv(&mut e, &acc, &r, "ou-zzzz-zzzzzzzz"), ErrorCode::DestinationParentNotFoundException, None);
    assert_err(mv(&mut e, "999999999999", &r, &a), ErrorCode::AccountNotFoundException, None);
    // Not under the named source parent (reference §15.7: AccountNotFoundException).
    assert_err(mv(&mut e, &acc, &b, &a), ErrorCode::AccountNotFoundException, None);
    assert_err(mv(&mut e, &acc, &r, &r), ErrorCode::DuplicateAccountException, None);
    assert_err(mv(&mut e, &acc, "bad", &a), ErrorCode::InvalidInputException, Some("INVALID_PATTERN"));
    mv(&mut e, &acc, &r, &a).unwrap();
    // Direct attachments travel with the account.
    let org = e.state().org.as_ref().unwrap();
    assert_eq!(org.attached(&acc).len(), 1);
    // The management account can be moved too.
    mv(&mut e, MGMT, &r, &b).unwrap();
    assert!(describe(&mut e, MGMT).unwrap().paths[0].contains(&b));
}

#[test]
fn remove_account_rules_and_effects() {
    let (mut e, clock) = org();
    let acc = account(&mut e, &clock, "Dev");
    let rm = |e: &mut Engine, id: &str| {
        e.remove_account_from_organization(M, RemoveAccountFromOrganizationRequest { account_id: id.into() })
    };
    assert_err(rm(&mut e, &acc), ErrorCode::ConstraintViolationException, Some("WAIT_PERIOD_ACTIVE"));
    clock.advance_days(4);
    assert_err(rm(&mut e, MGMT), ErrorCode::MasterCannotLeaveOrganizationException, None);
    assert_err(rm(&mut e, "999999999999"), ErrorCode::AccountNotFoundException, None);
    e.tag_resource(M, TagResourceRequest { resource_id: acc.clone(), tags: vec![Tag::new("team", "a")] })
        .ok();
    rm(&mut e, &acc).unwrap();
    assert_err(describe(&mut e, &acc), ErrorCode::AccountNotFoundException, None);
    let rec = &e.state().accounts[&AccountId::parse(&acc).unwrap()];
    assert!(rec.tags.is_empty(), "tags are deleted on removal");
    assert!(e.state().org.as_ref().unwrap().attached(&acc).is_empty());
}

#[test]
fn remove_requires_standalone_readiness() {
    let (mut e, clock) = org();
    let acc = account(&mut e, &clock, "Dev");
    clock.advance_days(5);
    let id = AccountId::parse(&acc).unwrap();
    let base = e.state().clone();
    for (field, reason) in [
        ("phone", "ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION"),
        ("eula", "ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA"),
        ("payment", "MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED"),
    ] {
        let mut st = base.clone();
        let r = &mut st.accounts.get_mut(&id).unwrap().readiness;
        match field {
            "phone" => r.phone_verified = false,
            "eula" => r.eula_accepted = false,
            _ => r.payment_instrument = false,
        }
        let mut e2 = Engine::from_state(st, Box::new(clock.clone()), 1).unwrap();
        assert_err(
            e2.remove_account_from_organization(
                M,
                RemoveAccountFromOrganizationRequest { account_id: acc.clone() },
            ),
            ErrorCode::ConstraintViolationException,
            Some(reason),
        );
    }
}

#[test]
fn leave_organization_as_member() {
    let (mut e, clock) = org();
    let acc = account(&mut e, &clock, "Dev");
    assert_err(
        e.leave_organization(M, LeaveOrganizationRequest {}),
        ErrorCode::MasterCannotLeaveOrganizationException,
        None,
    );
    assert_err(
        e.leave_organization(&as_account(&acc), LeaveOrganizationRequest {}),
        ErrorCode::ConstraintViolationException,
        Some("WAIT_PERIOD_ACTIVE"),
    );
    clock.advance_days(4);
    e.leave_organization(&as_account(&acc), LeaveOrganizationRequest {}).unwrap();
    assert_err(
        e.leave_organization(&as_account(&acc), LeaveOrganizationRequest {}),
        ErrorCode::AwsOrganizationsNotInUseException,
        None,
    );
}

#[test]
fn leave_is_stopped_by_an_scp_deny() {
    let (mut e, clock) = org();
    let acc = account(&mut e, &clock, "Dev");
    clock.advance_days(5);
    let mut st = e.state().clone();
    let org = st.org.as_mut().unwrap();
    let pid = PolicyId::parse("p-denyleav").unwrap();
    org.policies.insert(
        pid.clone(),
        orgtui::engine::PolicyRecord {
            id: pid.clone(),
            name: "DenyLeave".into(),
            description: String::new(),
            policy_type: PolicyType::ServiceControlPolicy,
            aws_managed: false,
            content: r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"organizations:Leave*","Resource":"*"}}"#.into(),
            tags: vec![],
        },
    );
    let r = org.root_id.to_string();
    org.attach_unchecked(&r, &pid);
    let mut e = Engine::from_state(st, Box::new(clock.clone()), 3).unwrap();
    assert_err(
        e.leave_organization(&as_account(&acc), LeaveOrganizationRequest {}),
        ErrorCode::AccessDeniedException,
        None,
    );
}

#[test]
fn close_account_lifecycle_and_purge() {
    let (mut e, clock) = org();
    let acc = account(&mut e, &clock, "Dev");
    let close = |e: &mut Engine, id: &str| e.close_account(M, CloseAccountRequest { account_id: id.into() });
    assert_err(
        close(&mut e, MGMT),
        ErrorCode::ConstraintViolationException,
        Some("CANNOT_CLOSE_MANAGEMENT_ACCOUNT"),
    );
    assert_err(close(&mut e, "999999999999"), ErrorCode::AccountNotFoundException, None);
    close(&mut e, &acc).unwrap();
    let d = describe(&mut e, &acc).unwrap();
    assert_eq!((d.state, d.status), (AccountState::PendingClosure, AccountStatus::PendingClosure));
    assert_err(close(&mut e, &acc), ErrorCode::ConflictException, None);
    clock.advance_ms(EmulatorSettings::default().close_account_ms);
    let d = describe(&mut e, &acc).unwrap();
    assert_eq!((d.state, d.status), (AccountState::Closed, AccountStatus::Suspended));
    assert_err(close(&mut e, &acc), ErrorCode::AccountAlreadyClosedException, None);
    // Closed accounts can be moved and block deleting the organization.
    let r = root(&mut e);
    let a = ou(&mut e, &r, "Suspended");
    mv(&mut e, &acc, &r, &a).unwrap();
    assert_err(
        e.delete_organization(M, DeleteOrganizationRequest {}),
        ErrorCode::OrganizationNotEmptyException,
        None,
    );
    clock.advance_days(90);
    assert_err(describe(&mut e, &acc), ErrorCode::AccountNotFoundException, None);
    e.delete_organization(M, DeleteOrganizationRequest {}).unwrap();
}

#[test]
fn close_account_concurrency_limit_and_feature_set() {
    let (mut e, clock) = org();
    let ids: Vec<String> = (0..4).map(|i| account(&mut e, &clock, &format!("A{i}"))).collect();
    for id in &ids[..3] {
        e.close_account(M, CloseAccountRequest { account_id: id.clone() }).unwrap();
    }
    assert_err(
        e.close_account(M, CloseAccountRequest { account_id: ids[3].clone() }),
        ErrorCode::ConstraintViolationException,
        Some("CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED"),
    );

    let (mut cb, clock) = engine();
    cb.create_organization(
        M,
        CreateOrganizationRequest { feature_set: Some(FeatureSet::ConsolidatedBilling) },
    )
    .unwrap();
    let acc = account(&mut cb, &clock, "B");
    assert_err(
        cb.close_account(M, CloseAccountRequest { account_id: acc }),
        ErrorCode::AccessDeniedException,
        None,
    );
}

#[test]
fn close_account_rolling_quota() {
    let (mut e, clock) = engine_with(orgtui::engine::Quotas {
        max_accounts: 50,
        min_closures_per_30_days: 2,
        max_concurrent_closures: 10,
        ..Default::default()
    });
    e.create_organization(M, CreateOrganizationRequest::default()).unwrap();
    let ids: Vec<String> = (0..3).map(|i| account(&mut e, &clock, &format!("A{i}"))).collect();
    e.close_account(M, CloseAccountRequest { account_id: ids[0].clone() }).unwrap();
    e.close_account(M, CloseAccountRequest { account_id: ids[1].clone() }).unwrap();
    assert_err(
        e.close_account(M, CloseAccountRequest { account_id: ids[2].clone() }),
        ErrorCode::ConstraintViolationException,
        Some("CLOSE_ACCOUNT_QUOTA_EXCEEDED"),
    );
    clock.advance_days(31);
    e.close_account(M, CloseAccountRequest { account_id: ids[2].clone() }).unwrap();
}
