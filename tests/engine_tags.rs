//! Tagging of roots, OUs, accounts, policies and the resource policy (reference §5.11, §4.1).

mod common;
use common::*;
use orgtui::engine::{Engine, EngineState, ManualClock, PolicyRecord};
use orgtui::model::*;

const M: &Caller = &Caller::Management;
const CUSTOMER_POLICY: &str = "p-abcd1234";

fn as_acct(id: &str) -> Caller {
    Caller::Account(AccountId::parse(id).unwrap())
}

fn tag(e: &mut Engine, caller: &Caller, id: &str, tags: &[(&str, &str)]) -> OrgResult<TagResourceResponse> {
    e.tag_resource(
        caller,
        TagResourceRequest {
            resource_id: id.into(),
            tags: tags.iter().map(|(k, v)| Tag::new(*k, *v)).collect(),
        },
    )
}

fn untag(e: &mut Engine, id: &str, keys: &[&str]) -> OrgResult<UntagResourceResponse> {
    e.untag_resource(
        M,
        UntagResourceRequest {
            resource_id: id.into(),
            tag_keys: keys.iter().map(|k| k.to_string()).collect(),
        },
    )
}

fn list(e: &mut Engine, caller: &Caller, id: &str) -> OrgResult<Vec<Tag>> {
    e.list_tags_for_resource(caller, ListTagsForResourceRequest { resource_id: id.into(), next_token: None })
        .map(|r| r.tags)
}

fn pairs(tags: &[Tag]) -> Vec<(&str, &str)> {
    tags.iter().map(|t| (t.key.as_str(), t.value.as_str())).collect()
}

/// Rebuilds the engine over a changed state (customer policies cannot yet be created here).
fn with_state(e: &Engine, clock: &ManualClock, f: impl FnOnce(&mut EngineState)) -> Engine {
    let mut st = e.state().clone();
    f(&mut st);
    Engine::from_state(st, Box::new(clock.clone()), 7).unwrap()
}

/// An org holding one customer tag policy, `CUSTOMER_POLICY`.
fn org_with_policy() -> (Engine, ManualClock) {
    let (e, c) = org();
    let e = with_state(&e, &c, |st| {
        let id = PolicyId::parse(CUSTOMER_POLICY).unwrap();
        st.org.as_mut().unwrap().policies.insert(
            id.clone(),
            PolicyRecord {
                id,
                name: "Tags".into(),
                description: String::new(),
                policy_type: PolicyType::TagPolicy,
                aws_managed: false,
                content: r#"{"tags":{}}"#.into(),
                tags: Vec::new(),
            },
        );
    });
    (e, c)
}

#[test]
fn tag_root() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    tag(&mut e, M, &r, &[("env", "prod"), ("team", "")]).unwrap();
    assert_eq!(pairs(&list(&mut e, M, &r).unwrap()), vec![("env", "prod"), ("team", "")]);
}

#[test]
fn tag_ou() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let o = ou(&mut e, &r, "Prod");
    tag(&mut e, M, &o, &[("cost-center", "42")]).unwrap();
    assert_eq!(pairs(&list(&mut e, M, &o).unwrap()), vec![("cost-center", "42")]);
    assert!(list(&mut e, M, &r).unwrap().is_empty());
}

#[test]
fn tag_account_and_management_account() {
    let (mut e, c) = org();
    let a = account(&mut e, &c, "Dev");
    tag(&mut e, M, &a, &[("owner", "dev@example.com")]).unwrap();
    tag(&mut e, M, MGMT, &[("role", "payer")]).unwrap();
    assert_eq!(pairs(&list(&mut e, M, &a).unwrap()), vec![("owner", "dev@example.com")]);
    assert_eq!(pairs(&list(&mut e, M, MGMT).unwrap()), vec![("role", "payer")]);
}

#[test]
fn tag_customer_policy() {
    let (mut e, _c) = org_with_policy();
    tag(&mut e, M, CUSTOMER_POLICY, &[("k", "v")]).unwrap();
    assert_eq!(pairs(&list(&mut e, M, CUSTOMER_POLICY).unwrap()), vec![("k", "v")]);
}

#[test]
fn tag_resource_policy() {
    let (mut e, _c) = org();
    let content = r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":"222222222222"},"Action":"organizations:List*","Resource":"*"}}"#;
    let rp = e
        .put_resource_policy(M, PutResourcePolicyRequest { content: content.into(), tags: None })
        .unwrap()
        .resource_policy
        .resource_policy_summary
        .id
        .to_string();
    tag(&mut e, M, &rp, &[("k", "v")]).unwrap();
    assert_eq!(pairs(&list(&mut e, M, &rp).unwrap()), vec![("k", "v")]);
}

#[test]
fn aws_managed_policy_cannot_be_tagged() {
    let (mut e, _c) = org();
    assert_err(
        tag(&mut e, M, "p-FullAWSAccess", &[("k", "v")]),
        ErrorCode::InvalidInputException,
        Some("IMMUTABLE_POLICY"),
    );
    assert_err(
        untag(&mut e, "p-FullAWSAccess", &["k"]),
        ErrorCode::InvalidInputException,
        Some("IMMUTABLE_POLICY"),
    );
    assert!(list(&mut e, M, "p-FullAWSAccess").unwrap().is_empty());
}

#[test]
fn tagging_an_existing_key_overwrites_in_place() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    tag(&mut e, M, &r, &[("a", "1"), ("b", "2")]).unwrap();
    tag(&mut e, M, &r, &[("a", "9"), ("c", "3")]).unwrap();
    assert_eq!(pairs(&list(&mut e, M, &r).unwrap()), vec![("a", "9"), ("b", "2"), ("c", "3")]);
}

#[test]
fn tag_keys_are_case_sensitive() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    tag(&mut e, M, &r, &[("Env", "a"), ("env", "b")]).unwrap();
    assert_eq!(list(&mut e, M, &r).unwrap().len(), 2);
}

#[test]
fn unknown_resources_are_target_not_found() {
    let (mut e, _c) = org();
    for id in ["r-zzzz", "ou-zzzz-zzzzzzzz", "999999999999", "p-zzzzzzzz", "rp-zzzzzzzz"] {
        assert_err(tag(&mut e, M, id, &[("k", "v")]), ErrorCode::TargetNotFoundException, None);
        assert_err(untag(&mut e, id, &["k"]), ErrorCode::TargetNotFoundException, None);
        assert_err(list(&mut e, M, id), ErrorCode::TargetNotFoundException, None);
    }
}

#[test]
fn standalone_account_is_target_not_found() {
    let (mut e, _c) = org();
    e.ensure_standalone_account(AccountId::parse("444444444444").unwrap(), "Outside", "out@example.com");
    assert_err(tag(&mut e, M, "444444444444", &[("k", "v")]), ErrorCode::TargetNotFoundException, None);
}

#[test]
fn malformed_resource_id_is_invalid_pattern() {
    let (mut e, _c) = org();
    assert_err(
        tag(&mut e, M, "nonsense", &[("k", "v")]),
        ErrorCode::InvalidInputException,
        Some("INVALID_PATTERN"),
    );
    assert_err(list(&mut e, M, "h-abcdefgh"), ErrorCode::InvalidInputException, Some("INVALID_PATTERN"));
}

#[test]
fn system_tag_prefix_is_refused() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    assert_err(
        tag(&mut e, M, &r, &[("aws:createdBy", "me")]),
        ErrorCode::InvalidInputException,
        Some("INVALID_SYSTEM_TAGS_PARAMETER"),
    );
    assert_err(
        tag(&mut e, M, &r, &[("AWS:x", "me")]),
        ErrorCode::InvalidInputException,
        Some("INVALID_SYSTEM_TAGS_PARAMETER"),
    );
}

#[test]
fn duplicate_keys_in_one_request_are_refused() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    assert_err(
        tag(&mut e, M, &r, &[("k", "1"), ("k", "2")]),
        ErrorCode::InvalidInputException,
        Some("DUPLICATE_TAG_KEY"),
    );
}

#[test]
fn key_and_value_lengths_and_characters() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let long_key = "k".repeat(129);
    let long_value = "v".repeat(257);
    assert_err(
        tag(&mut e, M, &r, &[("", "v")]),
        ErrorCode::InvalidInputException,
        Some("MIN_LENGTH_EXCEEDED"),
    );
    assert_err(
        tag(&mut e, M, &r, &[(&long_key, "v")]),
        ErrorCode::InvalidInputException,
        Some("MAX_LENGTH_EXCEEDED"),
    );
    assert_err(
        tag(&mut e, M, &r, &[("k", &long_value)]),
        ErrorCode::InvalidInputException,
        Some("MAX_LENGTH_EXCEEDED"),
    );
    assert_err(
        tag(&mut e, M, &r, &[("semi;colon", "v")]),
        ErrorCode::InvalidInputException,
        Some("INVALID_PATTERN"),
    );
    assert_err(
        tag(&mut e, M, &r, &[("k", "a*b")]),
        ErrorCode::InvalidInputException,
        Some("INVALID_PATTERN"),
    );
    assert_err(
        tag(&mut e, M, &r, &[("tab\tkey", "v")]),
        ErrorCode::InvalidInputException,
        Some("INVALID_PATTERN"),
    );
    tag(&mut e, M, &r, &[(&"k".repeat(128), &"v".repeat(256)), ("Ünïcode key_.:/=+-@", "välue 1")]).unwrap();
}

#[test]
fn a_bad_tag_fails_the_whole_request() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    assert_err(
        tag(&mut e, M, &r, &[("good", "1"), ("aws:bad", "2")]),
        ErrorCode::InvalidInputException,
        Some("INVALID_SYSTEM_TAGS_PARAMETER"),
    );
    assert!(list(&mut e, M, &r).unwrap().is_empty());
}

#[test]
fn more_than_fifty_tags_after_merge_is_refused() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let keys: Vec<String> = (0..50).map(|i| format!("k{i:02}")).collect();
    let fifty: Vec<(&str, &str)> = keys.iter().map(|k| (k.as_str(), "v")).collect();
    tag(&mut e, M, &r, &fifty).unwrap();
    // Overwriting at the limit is fine.
    tag(&mut e, M, &r, &[("k00", "new")]).unwrap();
    assert_err(
        tag(&mut e, M, &r, &[("k50", "v")]),
        ErrorCode::ConstraintViolationException,
        Some("MAX_TAG_LIMIT_EXCEEDED"),
    );
    let now = list_all(&mut e, &r);
    assert_eq!(now.len(), 50);
    assert_eq!(now[0], Tag::new("k00", "new"));
}

#[test]
fn untag_removes_keys_and_ignores_missing_ones() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    tag(&mut e, M, &r, &[("a", "1"), ("b", "2"), ("c", "3")]).unwrap();
    untag(&mut e, &r, &["b", "zzz"]).unwrap();
    assert_eq!(pairs(&list(&mut e, M, &r).unwrap()), vec![("a", "1"), ("c", "3")]);
    untag(&mut e, &r, &["A"]).unwrap();
    assert_eq!(list(&mut e, M, &r).unwrap().len(), 2, "keys are case-sensitive");
}

#[test]
fn untag_validates_keys() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    assert_err(
        untag(&mut e, &r, &["aws:x"]),
        ErrorCode::InvalidInputException,
        Some("INVALID_SYSTEM_TAGS_PARAMETER"),
    );
    assert_err(untag(&mut e, &r, &[""]), ErrorCode::InvalidInputException, Some("MIN_LENGTH_EXCEEDED"));
}

fn list_all(e: &mut Engine, id: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut token = None;
    loop {
        let page = e
            .list_tags_for_resource(
                M,
                ListTagsForResourceRequest { resource_id: id.into(), next_token: token },
            )
            .unwrap();
        assert!(page.tags.len() <= 20);
        out.extend(page.tags);
        match page.next_token {
            Some(t) => token = Some(t),
            None => return out,
        }
    }
}

#[test]
fn list_tags_pages_by_next_token() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let keys: Vec<String> = (0..45).map(|i| format!("k{i:02}")).collect();
    let tags: Vec<(&str, &str)> = keys.iter().map(|k| (k.as_str(), "v")).collect();
    tag(&mut e, M, &r, &tags).unwrap();
    let first = e
        .list_tags_for_resource(M, ListTagsForResourceRequest { resource_id: r.clone(), next_token: None })
        .unwrap();
    assert_eq!(first.tags.len(), 20);
    assert!(first.next_token.is_some());
    let all = list_all(&mut e, &r);
    assert_eq!(all.iter().map(|t| t.key.clone()).collect::<Vec<_>>(), keys);
}

#[test]
fn list_tags_rejects_a_foreign_token() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let res = e.list_tags_for_resource(
        M,
        ListTagsForResourceRequest { resource_id: r, next_token: Some("x".into()) },
    );
    assert_err(res, ErrorCode::InvalidInputException, Some("INVALID_NEXT_TOKEN"));
}

#[test]
fn plain_member_cannot_tag_or_list() {
    let (mut e, c) = org();
    let a = account(&mut e, &c, "Plain");
    let r = root(&mut e);
    assert_err(tag(&mut e, &as_acct(&a), &r, &[("k", "v")]), ErrorCode::AccessDeniedException, None);
    assert_err(list(&mut e, &as_acct(&a), &a), ErrorCode::AccessDeniedException, None);
    let res =
        e.untag_resource(&as_acct(&a), UntagResourceRequest { resource_id: r, tag_keys: vec!["k".into()] });
    assert_err(res, ErrorCode::AccessDeniedException, None);
}

#[test]
fn delegated_admin_lists_tags_but_tags_only_when_granted() {
    let (mut e, c) = org();
    let a = account(&mut e, &c, "Security");
    e.enable_aws_service_access(
        M,
        EnableAWSServiceAccessRequest { service_principal: "guardduty.amazonaws.com".into() },
    )
    .unwrap();
    e.register_delegated_administrator(
        M,
        RegisterDelegatedAdministratorRequest {
            account_id: a.clone(),
            service_principal: "guardduty.amazonaws.com".into(),
        },
    )
    .unwrap();
    let r = root(&mut e);
    tag(&mut e, M, &r, &[("k", "v")]).unwrap();
    assert_eq!(list(&mut e, &as_acct(&a), &r).unwrap().len(), 1);
    assert_err(tag(&mut e, &as_acct(&a), &r, &[("x", "y")]), ErrorCode::AccessDeniedException, None);
    let content = format!(
        r#"{{"Statement":{{"Effect":"Allow","Principal":{{"AWS":"{a}"}},"Action":"organizations:TagResource","Resource":"*"}}}}"#
    );
    e.put_resource_policy(M, PutResourcePolicyRequest { content, tags: None }).unwrap();
    tag(&mut e, &as_acct(&a), &r, &[("x", "y")]).unwrap();
    assert_eq!(list(&mut e, M, &r).unwrap().len(), 2);
}

#[test]
fn tagging_without_an_organization_is_not_in_use() {
    let (mut e, _c) = engine();
    assert_err(tag(&mut e, M, MGMT, &[("k", "v")]), ErrorCode::AwsOrganizationsNotInUseException, None);
    assert_err(list(&mut e, M, MGMT), ErrorCode::AwsOrganizationsNotInUseException, None);
}
