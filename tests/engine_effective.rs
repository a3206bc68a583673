//! Effective management policies (reference §5.8, §9): DescribeEffectivePolicy,
//! ListAccountsWithInvalidEffectivePolicy, ListEffectivePolicyValidationErrors.
//!
//! Policies are placed straight into the engine state (the policy operations are tested in
//! their own file), then the engine is rebuilt over that state.

mod common;
use common::*;
use orgtui::engine::{Engine, EngineState, ManualClock, Membership, OrgState, PolicyRecord};
use orgtui::model::*;

const M: &Caller = &Caller::Management;

/// The organization of the reference's worked example (§9.3): OU1 holds account `a1`, OU2
/// holds account `x`; account `r` and the management account sit in the root.
struct World {
    state: EngineState,
    clock: ManualClock,
    root: String,
    ou1: String,
    ou2: String,
    a1: String,
    x: String,
    r: String,
}

fn world() -> World {
    let (mut e, clock) = org();
    let root = root(&mut e);
    let ou1 = ou(&mut e, &root, "OU1");
    let ou2 = ou(&mut e, &root, "OU2");
    let a1 = account(&mut e, &clock, "Alpha");
    let x = account(&mut e, &clock, "Xray");
    let r = account(&mut e, &clock, "Rooted");
    let mut state = e.state().clone();
    place(&mut state, &a1, &ou1);
    place(&mut state, &x, &ou2);
    World { state, clock, root, ou1, ou2, a1, x, r }
}

impl World {
    fn org(&mut self) -> &mut OrgState {
        self.state.org.as_mut().unwrap()
    }

    /// Adds a customer policy and enables its type in the root.
    fn policy(&mut self, id: &str, ty: PolicyType, content: &str) {
        let org = self.org();
        org.policy_types.insert(ty, PolicyTypeStatus::Enabled);
        org.policies.insert(
            PolicyId::parse(id).unwrap(),
            PolicyRecord {
                id: PolicyId::parse(id).unwrap(),
                name: format!("name-{id}"),
                description: String::new(),
                policy_type: ty,
                aws_managed: false,
                content: content.into(),
                tags: Vec::new(),
            },
        );
    }

    fn attach(&mut self, target: &str, id: &str) {
        self.org().attach_unchecked(target, &PolicyId::parse(id).unwrap());
    }

    fn engine(&self) -> Engine {
        Engine::from_state(self.state.clone(), Box::new(self.clock.clone()), 7).unwrap()
    }

    /// The worked example of reference §9.3 as tag policies A (root), B (OU1), C (OU2), D (x).
    fn tag_example(&mut self) {
        let t = PolicyType::TagPolicy;
        self.policy(
            "p-aaaaaaaa",
            t,
            r#"{"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"},
                "tag_value":{"@@assign":["Development","Support"]}}}}"#,
        );
        self.policy(
            "p-bbbbbbbb",
            t,
            r#"{"tags":{"costcenter":{"tag_value":{"@@assign":["Sandbox"]},
                "enforced_for":{"@@assign":["redshift:*","dynamodb:table"]}}}}"#,
        );
        self.policy("p-cccccccc", t, r#"{"tags":{"costcenter":{"tag_value":{"@@append":["Marketing"]}}}}"#);
        self.policy(
            "p-dddddddd",
            t,
            r#"{"tags":{"costcenter":{"tag_value":{"@@remove":["Development","Marketing"]}}}}"#,
        );
        let (root, ou1, ou2, x) = (self.root.clone(), self.ou1.clone(), self.ou2.clone(), self.x.clone());
        self.attach(&root, "p-aaaaaaaa");
        self.attach(&ou1, "p-bbbbbbbb");
        self.attach(&ou2, "p-cccccccc");
        self.attach(&x, "p-dddddddd");
        self.org().policy_changed_at.insert(t, Timestamp(1_800_000_000_000));
    }

    /// AI opt-out policies: a valid one on the root, one with a bad value on OU1.
    fn opt_out_example(&mut self) {
        let t = PolicyType::AiservicesOptOutPolicy;
        self.policy("p-11111111", t, r#"{"services":{"default":{"opt_out_policy":{"@@assign":"optOut"}}}}"#);
        self.policy("p-22222222", t, r#"{"services":{"lex":{"opt_out_policy":{"@@assign":"maybe"}}}}"#);
        let (root, ou1) = (self.root.clone(), self.ou1.clone());
        self.attach(&root, "p-11111111");
        self.attach(&ou1, "p-22222222");
    }
}

/// Moves an account under a parent directly in the state.
fn place(state: &mut EngineState, account: &str, parent: &str) {
    let a = state.accounts.get_mut(&AccountId::parse(account).unwrap()).unwrap();
    a.membership = Membership::Member(ParentId::parse(parent).unwrap());
}

fn as_account(id: &str) -> Caller {
    Caller::Account(AccountId::parse(id).unwrap())
}

fn describe(
    e: &mut Engine,
    caller: &Caller,
    ty: PolicyType,
    target: Option<&str>,
) -> OrgResult<EffectivePolicy> {
    e.describe_effective_policy(
        caller,
        DescribeEffectivePolicyRequest { policy_type: ty, target_id: target.map(Into::into) },
    )
    .map(|r| r.effective_policy)
}

fn content(e: &mut Engine, caller: &Caller, target: Option<&str>) -> serde_json::Value {
    let p = describe(e, caller, PolicyType::TagPolicy, target).unwrap();
    serde_json::from_str(&p.policy_content).unwrap()
}

#[test]
fn describe_merges_the_worked_example_per_account() {
    let mut w = world();
    w.tag_example();
    let mut e = w.engine();
    let v = content(&mut e, M, Some(&w.a1));
    assert_eq!(
        v,
        serde_json::json!({"tags":{"costcenter":{"tag_key":"CostCenter","tag_value":["Sandbox"],
            "enforced_for":["redshift:*","dynamodb:table"]}}})
    );
    let p = describe(&mut e, M, PolicyType::TagPolicy, Some(&w.x)).unwrap();
    assert_eq!(
        p.policy_content,
        r#"{"tags":{"costcenter":{"tag_key":"CostCenter","tag_value":["Support"]}}}"#
    );
    assert_eq!(p.target_id, w.x);
    assert_eq!(p.policy_type, PolicyType::TagPolicy);
    assert_eq!(p.last_updated_timestamp, Timestamp(1_800_000_000_000));
    let v = content(&mut e, M, Some(&w.r));
    assert_eq!(
        v,
        serde_json::json!({"tags":{"costcenter":{"tag_key":"CostCenter","tag_value":["Development","Support"]}}})
    );
}

#[test]
fn describe_defaults_to_the_callers_account_including_management() {
    let mut w = world();
    w.tag_example();
    let mut e = w.engine();
    let p = describe(&mut e, M, PolicyType::TagPolicy, None).unwrap();
    assert_eq!(p.target_id, MGMT);
    let p = describe(&mut e, &as_account(&w.x), PolicyType::TagPolicy, None).unwrap();
    assert_eq!(p.target_id, w.x);
    assert!(p.policy_content.contains(r#"["Support"]"#));
}

#[test]
fn members_describe_only_themselves_delegated_admins_anyone() {
    let mut w = world();
    w.tag_example();
    let da = w.a1.clone();
    w.org()
        .delegated_admins
        .insert((AccountId::parse(&da).unwrap(), "guardduty.amazonaws.com".into()), START);
    let mut e = w.engine();
    let member = as_account(&w.x);
    assert!(describe(&mut e, &member, PolicyType::TagPolicy, Some(&w.x)).is_ok());
    assert_err(
        describe(&mut e, &member, PolicyType::TagPolicy, Some(&w.r)),
        ErrorCode::AccessDeniedException,
        None,
    );
    assert_err(
        describe(&mut e, &member, PolicyType::TagPolicy, Some(MGMT)),
        ErrorCode::AccessDeniedException,
        None,
    );
    let p = describe(&mut e, &as_account(&da), PolicyType::TagPolicy, Some(&w.x)).unwrap();
    assert_eq!(p.target_id, w.x);
}

#[test]
fn describe_rejects_authorization_types_and_non_account_targets() {
    let mut w = world();
    w.tag_example();
    let mut e = w.engine();
    for ty in [PolicyType::ServiceControlPolicy, PolicyType::ResourceControlPolicy] {
        assert_err(
            describe(&mut e, M, ty, Some(&w.x)),
            ErrorCode::InvalidInputException,
            Some("INVALID_ENUM_POLICY_TYPE"),
        );
    }
    for t in [w.root.clone(), w.ou1.clone()] {
        assert_err(
            describe(&mut e, M, PolicyType::TagPolicy, Some(&t)),
            ErrorCode::InvalidInputException,
            Some("TARGET_NOT_SUPPORTED"),
        );
    }
    assert_err(
        describe(&mut e, M, PolicyType::TagPolicy, Some("not-a-target")),
        ErrorCode::InvalidInputException,
        Some("INVALID_PATTERN_TARGET_ID"),
    );
}

#[test]
fn describe_unknown_account_is_target_not_found() {
    let mut w = world();
    w.tag_example();
    let mut e = w.engine();
    assert_err(
        describe(&mut e, M, PolicyType::TagPolicy, Some("999999999999")),
        ErrorCode::TargetNotFoundException,
        None,
    );
}

#[test]
fn describe_without_applicable_policy_is_not_found() {
    let mut w = world();
    w.tag_example();
    // Backup type enabled but nothing attached; AI opt-out never enabled.
    w.org().policy_types.insert(PolicyType::BackupPolicy, PolicyTypeStatus::Enabled);
    let mut e = w.engine();
    for ty in [PolicyType::BackupPolicy, PolicyType::AiservicesOptOutPolicy] {
        assert_err(describe(&mut e, M, ty, Some(&w.x)), ErrorCode::EffectivePolicyNotFoundException, None);
    }
    // Policies attached to OU2 and x only: an account in OU1 sees only the root's.
    let mut w = world();
    w.policy("p-eeeeeeee", PolicyType::TagPolicy, r#"{"tags":{"k":{"tag_key":{"@@assign":"K"}}}}"#);
    let ou2 = w.ou2.clone();
    w.attach(&ou2, "p-eeeeeeee");
    let mut e = w.engine();
    assert!(describe(&mut e, M, PolicyType::TagPolicy, Some(&w.x)).is_ok());
    assert_err(
        describe(&mut e, M, PolicyType::TagPolicy, Some(&w.a1)),
        ErrorCode::EffectivePolicyNotFoundException,
        None,
    );
}

#[test]
fn describe_with_the_type_disabled_is_not_found() {
    let mut w = world();
    w.tag_example();
    let org = w.org();
    org.policy_types.remove(&PolicyType::TagPolicy);
    // As DisablePolicyType does: attachments of a disabled type go.
    let tag_ids: Vec<PolicyId> = org
        .policies
        .values()
        .filter(|p| p.policy_type == PolicyType::TagPolicy)
        .map(|p| p.id.clone())
        .collect();
    for list in org.attachments.values_mut() {
        list.retain(|a| !tag_ids.contains(&a.policy));
    }
    let mut e = w.engine();
    assert_err(
        describe(&mut e, M, PolicyType::TagPolicy, Some(&w.x)),
        ErrorCode::EffectivePolicyNotFoundException,
        None,
    );
}

#[test]
fn same_level_policies_apply_in_attachment_order() {
    let mut w = world();
    let t = PolicyType::TagPolicy;
    // Attached second but with the smaller id: attachment order, not id order, decides.
    w.policy(
        "p-99999999",
        t,
        r#"{"tags":{"env":{"tag_key":{"@@assign":"Env"},"tag_value":{"@@append":["a"]}}}}"#,
    );
    w.policy(
        "p-00000000",
        t,
        r#"{"tags":{"env":{"tag_key":{"@@assign":"ENV"},"tag_value":{"@@append":["b"]}}}}"#,
    );
    let r = w.r.clone();
    w.attach(&r, "p-99999999");
    w.attach(&r, "p-00000000");
    let mut e = w.engine();
    let v = content(&mut e, M, Some(&w.r));
    assert_eq!(v, serde_json::json!({"tags":{"env":{"tag_key":"Env","tag_value":["a","b"]}}}));
    // The console's view carries the origin of each value.
    let doc = e.effective_policy_document(&TargetId::parse(&w.r).unwrap(), t).unwrap();
    let origins: Vec<_> = doc.origins.iter().map(|o| o.source.policy.to_string()).collect();
    assert_eq!(origins, vec!["p-99999999", "p-99999999", "p-00000000"]);
}

#[test]
fn effective_policy_calls_need_an_organization() {
    let (mut e, _c) = engine();
    assert_err(
        describe(&mut e, M, PolicyType::TagPolicy, None),
        ErrorCode::AwsOrganizationsNotInUseException,
        None,
    );
    // Input validation comes first.
    assert_err(
        describe(&mut e, M, PolicyType::ServiceControlPolicy, None),
        ErrorCode::InvalidInputException,
        Some("INVALID_ENUM_POLICY_TYPE"),
    );
    let r = e.list_accounts_with_invalid_effective_policy(
        M,
        ListAccountsWithInvalidEffectivePolicyRequest {
            policy_type: PolicyType::TagPolicy,
            ..Default::default()
        },
    );
    assert_err(r, ErrorCode::AwsOrganizationsNotInUseException, None);
}

fn list_invalid(
    e: &mut Engine,
    caller: &Caller,
    ty: PolicyType,
    next_token: Option<String>,
    max_results: Option<i32>,
) -> OrgResult<ListAccountsWithInvalidEffectivePolicyResponse> {
    e.list_accounts_with_invalid_effective_policy(
        caller,
        ListAccountsWithInvalidEffectivePolicyRequest { policy_type: ty, next_token, max_results },
    )
}

#[test]
fn list_accounts_with_invalid_effective_policy_finds_bad_merges_and_pages() {
    let mut w = world();
    w.opt_out_example();
    let (x, a1) = (w.x.clone(), w.a1.clone());
    place(&mut w.state, &x, &w.ou1.clone());
    let mut e = w.engine();
    let ty = PolicyType::AiservicesOptOutPolicy;
    let all = list_invalid(&mut e, M, ty, None, None).unwrap();
    assert_eq!(all.policy_type, Some(ty));
    let mut ids: Vec<String> = all.accounts.iter().map(|a| a.id.to_string()).collect();
    ids.sort();
    let mut want = vec![a1, x];
    want.sort();
    assert_eq!(ids, want);
    assert!(all.next_token.is_none());
    let p1 = list_invalid(&mut e, M, ty, None, Some(1)).unwrap();
    assert_eq!(p1.accounts.len(), 1);
    let p2 = list_invalid(&mut e, M, ty, p1.next_token.clone(), Some(1)).unwrap();
    assert_eq!(p2.accounts.len(), 1);
    assert!(p2.next_token.is_none());
    assert_ne!(p1.accounts[0].id, p2.accounts[0].id);
}

#[test]
fn list_accounts_with_invalid_effective_policy_errors() {
    let mut w = world();
    w.tag_example();
    let mut e = w.engine();
    // Every tag merge is valid.
    let r = list_invalid(&mut e, M, PolicyType::TagPolicy, None, None).unwrap();
    assert!(r.accounts.is_empty());
    assert_err(
        list_invalid(&mut e, M, PolicyType::ServiceControlPolicy, None, None),
        ErrorCode::InvalidInputException,
        Some("INVALID_ENUM_POLICY_TYPE"),
    );
    assert_err(
        list_invalid(&mut e, M, PolicyType::TagPolicy, Some("garbage".into()), None),
        ErrorCode::InvalidInputException,
        Some("INVALID_NEXT_TOKEN"),
    );
    assert_err(
        list_invalid(&mut e, M, PolicyType::TagPolicy, None, Some(0)),
        ErrorCode::InvalidInputException,
        Some("MIN_VALUE_EXCEEDED"),
    );
    assert_err(
        list_invalid(&mut e, &as_account(&w.x), PolicyType::TagPolicy, None, None),
        ErrorCode::AccessDeniedException,
        None,
    );
    assert_err(
        list_invalid(&mut e, M, PolicyType::BackupPolicy, None, None),
        ErrorCode::EffectivePolicyNotFoundException,
        None,
    );
}

fn list_errors(
    e: &mut Engine,
    caller: &Caller,
    account: &str,
    ty: PolicyType,
) -> OrgResult<ListEffectivePolicyValidationErrorsResponse> {
    e.list_effective_policy_validation_errors(
        caller,
        ListEffectivePolicyValidationErrorsRequest {
            account_id: account.into(),
            policy_type: ty,
            next_token: None,
            max_results: None,
        },
    )
}

#[test]
fn list_validation_errors_names_path_and_contributing_policies() {
    let mut w = world();
    w.opt_out_example();
    let org_id = w.state.org.as_ref().unwrap().id.to_string();
    let mut e = w.engine();
    let ty = PolicyType::AiservicesOptOutPolicy;
    let r = list_errors(&mut e, M, &w.a1, ty).unwrap();
    assert_eq!(r.account_id.as_deref(), Some(w.a1.as_str()));
    assert_eq!(r.policy_type, Some(ty));
    assert_eq!(r.path, Some(format!("{org_id}/{}/{}/{}/", w.root, w.ou1, w.a1)));
    assert!(r.evaluation_timestamp.is_some());
    assert_eq!(r.effective_policy_validation_errors.len(), 1);
    let err = &r.effective_policy_validation_errors[0];
    assert_eq!(err.path_to_error, "/services/lex/opt_out_policy");
    assert_eq!(err.contributing_policies, vec!["p-22222222".to_string()]);
    // An account outside OU1 has a valid effective policy: no errors.
    let r = list_errors(&mut e, M, &w.r, ty).unwrap();
    assert!(r.effective_policy_validation_errors.is_empty());
    assert!(r.next_token.is_none());
}

#[test]
fn list_validation_errors_errors() {
    let mut w = world();
    w.opt_out_example();
    let mut e = w.engine();
    let ty = PolicyType::AiservicesOptOutPolicy;
    assert_err(list_errors(&mut e, M, "999999999999", ty), ErrorCode::AccountNotFoundException, None);
    assert_err(list_errors(&mut e, M, "12", ty), ErrorCode::InvalidInputException, Some("INVALID_PATTERN"));
    assert_err(
        list_errors(&mut e, M, &w.a1, PolicyType::ResourceControlPolicy),
        ErrorCode::InvalidInputException,
        Some("INVALID_ENUM_POLICY_TYPE"),
    );
    assert_err(
        list_errors(&mut e, M, &w.a1, PolicyType::TagPolicy),
        ErrorCode::EffectivePolicyNotFoundException,
        None,
    );
    assert_err(list_errors(&mut e, &as_account(&w.a1), &w.a1, ty), ErrorCode::AccessDeniedException, None);
}

#[test]
fn effective_policy_calls_change_nothing() {
    let mut w = world();
    w.tag_example();
    w.opt_out_example();
    let mut e = w.engine();
    let before = e.state().clone();
    let _ = describe(&mut e, M, PolicyType::TagPolicy, Some(&w.x));
    let _ = describe(&mut e, M, PolicyType::ServiceControlPolicy, Some(&w.x));
    let _ = list_invalid(&mut e, M, PolicyType::AiservicesOptOutPolicy, None, None);
    let _ = list_errors(&mut e, M, &w.a1, PolicyType::AiservicesOptOutPolicy);
    assert_eq!(e.state(), &before);
}

#[test]
fn stored_documents_that_do_not_parse_contribute_nothing() {
    let mut w = world();
    w.policy("p-bad00000", PolicyType::TagPolicy, "{not json");
    w.policy("p-good0000", PolicyType::TagPolicy, r#"{"tags":{"k":{"tag_key":{"@@assign":"K"}}}}"#);
    let (root, r) = (w.root.clone(), w.r.clone());
    w.attach(&root, "p-bad00000");
    w.attach(&r, "p-good0000");
    let mut e = w.engine();
    let v = content(&mut e, M, Some(&w.r));
    assert_eq!(v, serde_json::json!({"tags":{"k":{"tag_key":"K"}}}));
    // Only the unparseable policy applies: the effective policy exists but is empty.
    let p = describe(&mut e, M, PolicyType::TagPolicy, Some(&w.a1)).unwrap();
    assert_eq!(p.policy_content, "{}");
}
