//! Trusted access, delegated administrators and the delegation resource policy
//! (reference §5.9, §5.10, §5.12, §11).

mod common;
use common::*;
use orgtui::engine::{Engine, EngineState, ManualClock};
use orgtui::model::*;

const M: &Caller = &Caller::Management;
const GD: &str = "guardduty.amazonaws.com";
const CONFIG: &str = "config.amazonaws.com";

fn as_acct(id: &str) -> Caller {
    Caller::Account(AccountId::parse(id).unwrap())
}

/// Rebuilds the engine over a changed state (for situations no implemented operation creates).
fn with_state(e: &Engine, clock: &ManualClock, f: impl FnOnce(&mut EngineState)) -> Engine {
    let mut st = e.state().clone();
    f(&mut st);
    Engine::from_state(st, Box::new(clock.clone()), 7).unwrap()
}

fn enable(e: &mut Engine, p: &str) -> OrgResult<EnableAWSServiceAccessResponse> {
    e.enable_aws_service_access(M, EnableAWSServiceAccessRequest { service_principal: p.into() })
}

fn register(e: &mut Engine, account: &str, p: &str) -> OrgResult<RegisterDelegatedAdministratorResponse> {
    e.register_delegated_administrator(
        M,
        RegisterDelegatedAdministratorRequest { account_id: account.into(), service_principal: p.into() },
    )
}

fn deregister(e: &mut Engine, account: &str, p: &str) -> OrgResult<DeregisterDelegatedAdministratorResponse> {
    e.deregister_delegated_administrator(
        M,
        DeregisterDelegatedAdministratorRequest { account_id: account.into(), service_principal: p.into() },
    )
}

fn services(e: &mut Engine, caller: &Caller) -> OrgResult<Vec<EnabledServicePrincipal>> {
    e.list_aws_service_access_for_organization(caller, Default::default())
        .map(|r| r.enabled_service_principals)
}

fn admins(e: &mut Engine, filter: Option<&str>) -> Vec<DelegatedAdministrator> {
    e.list_delegated_administrators(
        M,
        ListDelegatedAdministratorsRequest {
            service_principal: filter.map(Into::into),
            ..Default::default()
        },
    )
    .unwrap()
    .delegated_administrators
}

fn delegated_services(e: &mut Engine, caller: &Caller, account: &str) -> OrgResult<Vec<DelegatedService>> {
    e.list_delegated_services_for_account(
        caller,
        ListDelegatedServicesForAccountRequest { account_id: account.into(), ..Default::default() },
    )
    .map(|r| r.delegated_services)
}

/// An ALL-features org with one member registered as GuardDuty delegated administrator.
fn org_with_admin() -> (Engine, ManualClock, String) {
    let (mut e, c) = org();
    let a = account(&mut e, &c, "Security");
    enable(&mut e, GD).unwrap();
    register(&mut e, &a, GD).unwrap();
    (e, c, a)
}

fn cb_org() -> (Engine, ManualClock) {
    let (mut e, c) = engine();
    e.create_organization(
        M,
        CreateOrganizationRequest { feature_set: Some(FeatureSet::ConsolidatedBilling) },
    )
    .unwrap();
    (e, c)
}

// ---- trusted access ----

#[test]
fn enable_service_access_lists_the_service_with_its_date() {
    let (mut e, _c) = org();
    enable(&mut e, GD).unwrap();
    let list = services(&mut e, M).unwrap();
    assert_eq!(list, vec![EnabledServicePrincipal { service_principal: GD.into(), date_enabled: START }]);
}

#[test]
fn enable_service_access_is_idempotent_and_keeps_the_first_date() {
    let (mut e, c) = org();
    enable(&mut e, GD).unwrap();
    c.advance_ms(60_000);
    enable(&mut e, GD).unwrap();
    let list = services(&mut e, M).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].date_enabled, START);
}

#[test]
fn enable_service_access_unknown_principal_is_unrecognized() {
    let (mut e, _c) = org();
    assert_err(
        enable(&mut e, "nosuchservice.amazonaws.com"),
        ErrorCode::InvalidInputException,
        Some("UNRECOGNIZED_SERVICE_PRINCIPAL"),
    );
}

#[test]
fn enable_service_access_checks_principal_shape() {
    let (mut e, _c) = org();
    assert_err(enable(&mut e, ""), ErrorCode::InvalidInputException, Some("INPUT_REQUIRED"));
    assert_err(enable(&mut e, "bad principal!"), ErrorCode::InvalidInputException, Some("INVALID_PATTERN"));
    assert_err(
        enable(&mut e, &"a".repeat(129)),
        ErrorCode::InvalidInputException,
        Some("MAX_LENGTH_EXCEEDED"),
    );
}

#[test]
fn enable_service_access_needs_all_features() {
    let (mut e, _c) = cb_org();
    assert_err(
        enable(&mut e, GD),
        ErrorCode::ConstraintViolationException,
        Some("ORGANIZATION_NOT_IN_ALL_FEATURES_MODE"),
    );
}

#[test]
fn enable_service_access_is_management_only() {
    let (mut e, c, da) = org_with_admin();
    let plain = account(&mut e, &c, "Plain");
    let req = || EnableAWSServiceAccessRequest { service_principal: CONFIG.into() };
    assert_err(e.enable_aws_service_access(&as_acct(&plain), req()), ErrorCode::AccessDeniedException, None);
    assert_err(e.enable_aws_service_access(&as_acct(&da), req()), ErrorCode::AccessDeniedException, None);
}

#[test]
fn service_access_without_an_organization_is_not_in_use() {
    let (mut e, _c) = engine();
    assert_err(enable(&mut e, GD), ErrorCode::AwsOrganizationsNotInUseException, None);
    assert_err(services(&mut e, M), ErrorCode::AwsOrganizationsNotInUseException, None);
}

#[test]
fn disable_service_access_removes_it_and_is_idempotent() {
    let (mut e, _c) = org();
    enable(&mut e, GD).unwrap();
    enable(&mut e, CONFIG).unwrap();
    let req = || DisableAWSServiceAccessRequest { service_principal: GD.into() };
    e.disable_aws_service_access(M, req()).unwrap();
    e.disable_aws_service_access(M, req()).unwrap();
    let list = services(&mut e, M).unwrap();
    assert_eq!(list.iter().map(|s| s.service_principal.as_str()).collect::<Vec<_>>(), vec![CONFIG]);
}

#[test]
fn disable_service_access_unknown_principal_is_unrecognized() {
    let (mut e, _c) = org();
    let r = e.disable_aws_service_access(
        M,
        DisableAWSServiceAccessRequest { service_principal: "nosuchservice.amazonaws.com".into() },
    );
    assert_err(r, ErrorCode::InvalidInputException, Some("UNRECOGNIZED_SERVICE_PRINCIPAL"));
}

#[test]
fn disable_service_access_refused_while_its_policy_type_is_enabled() {
    let (mut e, c) = org();
    enable(&mut e, "securityhub.amazonaws.com").unwrap();
    let mut e = with_state(&e, &c, |st| {
        st.org
            .as_mut()
            .unwrap()
            .policy_types
            .insert(PolicyType::SecurityhubPolicy, PolicyTypeStatus::Enabled);
    });
    let r = e.disable_aws_service_access(
        M,
        DisableAWSServiceAccessRequest { service_principal: "securityhub.amazonaws.com".into() },
    );
    assert_err(r, ErrorCode::ConstraintViolationException, Some("POLICY_TYPE_ENABLED_FOR_THIS_SERVICE"));
    assert_eq!(services(&mut e, M).unwrap().len(), 1);
}

#[test]
fn list_service_access_readers_and_denials() {
    let (mut e, c, da) = org_with_admin();
    let plain = account(&mut e, &c, "Plain");
    assert_eq!(services(&mut e, &as_acct(&da)).unwrap().len(), 1);
    assert_err(services(&mut e, &as_acct(&plain)), ErrorCode::AccessDeniedException, None);
}

#[test]
fn list_service_access_pages() {
    let (mut e, _c) = org();
    for p in [GD, CONFIG, "sso.amazonaws.com"] {
        enable(&mut e, p).unwrap();
    }
    let page = |e: &mut Engine, t: Option<String>| {
        e.list_aws_service_access_for_organization(
            M,
            ListAWSServiceAccessForOrganizationRequest { next_token: t, max_results: Some(2) },
        )
    };
    let p1 = page(&mut e, None).unwrap();
    assert_eq!(p1.enabled_service_principals.len(), 2);
    let p2 = page(&mut e, p1.next_token).unwrap();
    assert_eq!(p2.enabled_service_principals.len(), 1);
    assert!(p2.next_token.is_none());
    assert_err(
        page(&mut e, Some("nope".into())),
        ErrorCode::InvalidInputException,
        Some("INVALID_NEXT_TOKEN"),
    );
    let r = e.list_aws_service_access_for_organization(
        M,
        ListAWSServiceAccessForOrganizationRequest { next_token: None, max_results: Some(0) },
    );
    assert_err(r, ErrorCode::InvalidInputException, Some("MIN_VALUE_EXCEEDED"));
}

// ---- delegated administrators ----

#[test]
fn register_lists_the_admin_and_its_service() {
    let (mut e, c) = org();
    let a = account(&mut e, &c, "Security");
    enable(&mut e, GD).unwrap();
    c.advance_ms(1_000);
    register(&mut e, &a, GD).unwrap();
    let list = admins(&mut e, None);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id.as_str(), a);
    assert_eq!(list[0].name, "Security");
    assert_eq!(list[0].email, "security@example.com");
    assert!(list[0].arn.ends_with(&format!(":account/{}/{a}", e.state().org.as_ref().unwrap().id)));
    assert_eq!(list[0].delegation_enabled_date, e.now());
    let svcs = delegated_services(&mut e, M, &a).unwrap();
    assert_eq!(
        svcs,
        vec![DelegatedService { service_principal: GD.into(), delegation_enabled_date: e.now() }]
    );
}

#[test]
fn register_management_account_is_refused() {
    let (mut e, _c) = org();
    enable(&mut e, GD).unwrap();
    assert_err(
        register(&mut e, MGMT, GD),
        ErrorCode::ConstraintViolationException,
        Some("CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR"),
    );
}

#[test]
fn register_twice_is_already_registered() {
    let (mut e, _c, a) = org_with_admin();
    assert_err(register(&mut e, &a, GD), ErrorCode::AccountAlreadyRegisteredException, None);
}

#[test]
fn register_needs_trusted_access() {
    let (mut e, c) = org();
    let a = account(&mut e, &c, "Security");
    assert_err(
        register(&mut e, &a, GD),
        ErrorCode::ConstraintViolationException,
        Some("SERVICE_ACCESS_NOT_ENABLED"),
    );
    assert!(admins(&mut e, None).is_empty());
}

#[test]
fn register_second_admin_of_single_admin_service_is_refused() {
    let (mut e, c, _a) = org_with_admin();
    let b = account(&mut e, &c, "Other");
    assert_err(
        register(&mut e, &b, GD),
        ErrorCode::ConstraintViolationException,
        Some("DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE"),
    );
}

#[test]
fn register_beyond_a_multi_admin_cap_is_limit_exceeded() {
    let (mut e, c) = org();
    enable(&mut e, CONFIG).unwrap();
    let accts: Vec<String> = (0..4).map(|i| account(&mut e, &c, &format!("Cfg{i}"))).collect();
    for a in &accts[..3] {
        register(&mut e, a, CONFIG).unwrap();
    }
    assert_err(
        register(&mut e, &accts[3], CONFIG),
        ErrorCode::ConstraintViolationException,
        Some("MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED"),
    );
    assert_eq!(admins(&mut e, Some(CONFIG)).len(), 3);
}

#[test]
fn register_unknown_or_malformed_account() {
    let (mut e, _c) = org();
    enable(&mut e, GD).unwrap();
    assert_err(register(&mut e, "999999999999", GD), ErrorCode::AccountNotFoundException, None);
    assert_err(register(&mut e, "12345", GD), ErrorCode::InvalidInputException, Some("INVALID_PATTERN"));
}

#[test]
fn register_service_without_delegated_admin_support_is_unrecognized() {
    let (mut e, c) = org();
    let a = account(&mut e, &c, "Ram");
    enable(&mut e, "ram.amazonaws.com").unwrap();
    assert_err(
        register(&mut e, &a, "ram.amazonaws.com"),
        ErrorCode::InvalidInputException,
        Some("UNRECOGNIZED_SERVICE_PRINCIPAL"),
    );
    assert_err(
        register(&mut e, &a, "nosuchservice.amazonaws.com"),
        ErrorCode::InvalidInputException,
        Some("UNRECOGNIZED_SERVICE_PRINCIPAL"),
    );
}

#[test]
fn register_suspended_account_is_refused() {
    let (mut e, c) = org();
    let a = account(&mut e, &c, "Closed");
    enable(&mut e, GD).unwrap();
    let id = AccountId::parse(&a).unwrap();
    let mut e = with_state(&e, &c, |st| {
        let acc = st.accounts.get_mut(&id).unwrap();
        acc.status = AccountStatus::Suspended;
        acc.state = AccountState::Suspended;
    });
    assert_err(
        register(&mut e, &a, GD),
        ErrorCode::ConstraintViolationException,
        Some("CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR"),
    );
}

#[test]
fn register_in_consolidated_billing_org_is_refused() {
    let (mut e, c) = cb_org();
    let a = account(&mut e, &c, "Member");
    assert_err(
        register(&mut e, &a, GD),
        ErrorCode::ConstraintViolationException,
        Some("ORGANIZATION_NOT_IN_ALL_FEATURES_MODE"),
    );
}

#[test]
fn register_is_management_only() {
    let (mut e, c, da) = org_with_admin();
    let b = account(&mut e, &c, "Other");
    let r = e.register_delegated_administrator(
        &as_acct(&da),
        RegisterDelegatedAdministratorRequest { account_id: b, service_principal: GD.into() },
    );
    assert_err(r, ErrorCode::AccessDeniedException, None);
}

#[test]
fn deregister_removes_the_delegation_and_read_access() {
    let (mut e, _c, a) = org_with_admin();
    assert!(e.list_roots(&as_acct(&a), ListRootsRequest::default()).is_ok());
    deregister(&mut e, &a, GD).unwrap();
    assert!(admins(&mut e, None).is_empty());
    assert_err(delegated_services(&mut e, M, &a), ErrorCode::AccountNotRegisteredException, None);
    assert_err(
        e.list_roots(&as_acct(&a), ListRootsRequest::default()),
        ErrorCode::AccessDeniedException,
        None,
    );
}

#[test]
fn deregister_not_registered_account() {
    let (mut e, c, _a) = org_with_admin();
    let b = account(&mut e, &c, "Other");
    assert_err(deregister(&mut e, &b, GD), ErrorCode::AccountNotRegisteredException, None);
    assert_err(deregister(&mut e, &b, CONFIG), ErrorCode::AccountNotRegisteredException, None);
}

#[test]
fn deregister_unknown_account_or_principal() {
    let (mut e, _c, a) = org_with_admin();
    assert_err(deregister(&mut e, "999999999999", GD), ErrorCode::AccountNotFoundException, None);
    assert_err(
        deregister(&mut e, &a, "nosuchservice.amazonaws.com"),
        ErrorCode::InvalidInputException,
        Some("UNRECOGNIZED_SERVICE_PRINCIPAL"),
    );
}

#[test]
fn deregister_is_management_only() {
    let (mut e, _c, a) = org_with_admin();
    let r = e.deregister_delegated_administrator(
        &as_acct(&a),
        DeregisterDelegatedAdministratorRequest { account_id: a.clone(), service_principal: GD.into() },
    );
    assert_err(r, ErrorCode::AccessDeniedException, None);
}

#[test]
fn list_delegated_administrators_lists_each_account_once_and_filters() {
    let (mut e, c, a) = org_with_admin();
    let b = account(&mut e, &c, "Config");
    enable(&mut e, CONFIG).unwrap();
    c.advance_ms(5_000);
    register(&mut e, &a, CONFIG).unwrap();
    register(&mut e, &b, CONFIG).unwrap();
    let all = admins(&mut e, None);
    assert_eq!(all.len(), 2);
    let first = all.iter().find(|d| d.id.as_str() == a).unwrap();
    assert_eq!(first.delegation_enabled_date, START.plus_ms(2_000), "earliest delegation");
    let gd = admins(&mut e, Some(GD));
    assert_eq!(gd.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), vec![a.as_str()]);
    let cfg = admins(&mut e, Some(CONFIG));
    assert_eq!(cfg.len(), 2);
    assert_eq!(cfg.iter().find(|d| d.id.as_str() == a).unwrap().delegation_enabled_date, e.now());
    assert!(admins(&mut e, Some("sso.amazonaws.com")).is_empty());
    let mut svcs: Vec<String> =
        delegated_services(&mut e, M, &a).unwrap().into_iter().map(|s| s.service_principal).collect();
    svcs.sort();
    assert_eq!(svcs, vec![CONFIG.to_string(), GD.to_string()]);
}

#[test]
fn list_delegated_administrators_pages_and_validates() {
    let (mut e, c) = org();
    enable(&mut e, CONFIG).unwrap();
    for i in 0..3 {
        let a = account(&mut e, &c, &format!("Cfg{i}"));
        register(&mut e, &a, CONFIG).unwrap();
    }
    let req = |t: Option<String>| ListDelegatedAdministratorsRequest {
        service_principal: None,
        next_token: t,
        max_results: Some(2),
    };
    let p1 = e.list_delegated_administrators(M, req(None)).unwrap();
    assert_eq!(p1.delegated_administrators.len(), 2);
    let p2 = e.list_delegated_administrators(M, req(p1.next_token)).unwrap();
    assert_eq!(p2.delegated_administrators.len(), 1);
    assert!(p2.next_token.is_none());
    let bad = ListDelegatedAdministratorsRequest {
        service_principal: Some("bad principal".into()),
        ..Default::default()
    };
    assert_err(
        e.list_delegated_administrators(M, bad),
        ErrorCode::InvalidInputException,
        Some("INVALID_PATTERN"),
    );
    let unknown = ListDelegatedAdministratorsRequest {
        service_principal: Some("nosuchservice.amazonaws.com".into()),
        ..Default::default()
    };
    assert_err(
        e.list_delegated_administrators(M, unknown),
        ErrorCode::InvalidInputException,
        Some("UNRECOGNIZED_SERVICE_PRINCIPAL"),
    );
}

#[test]
fn delegated_admin_can_read_delegations_and_plain_member_cannot() {
    let (mut e, c, da) = org_with_admin();
    let plain = account(&mut e, &c, "Plain");
    let r = e.list_delegated_administrators(&as_acct(&da), Default::default()).unwrap();
    assert_eq!(r.delegated_administrators.len(), 1);
    assert!(delegated_services(&mut e, &as_acct(&da), &da).is_ok());
    assert_err(
        e.list_delegated_administrators(&as_acct(&plain), Default::default()),
        ErrorCode::AccessDeniedException,
        None,
    );
    assert_err(delegated_services(&mut e, &as_acct(&plain), &da), ErrorCode::AccessDeniedException, None);
}

#[test]
fn list_delegated_services_for_unknown_or_unregistered_account() {
    let (mut e, c, _a) = org_with_admin();
    let b = account(&mut e, &c, "Other");
    assert_err(delegated_services(&mut e, M, "999999999999"), ErrorCode::AccountNotFoundException, None);
    assert_err(delegated_services(&mut e, M, &b), ErrorCode::AccountNotRegisteredException, None);
    assert_err(delegated_services(&mut e, M, "x"), ErrorCode::InvalidInputException, Some("INVALID_PATTERN"));
}
