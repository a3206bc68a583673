//! The resource-based delegation policy (reference §5.12): Put/Describe/Delete, content
//! validation, and what it grants delegated administrators.

mod common;
use common::*;
use orgtui::engine::{Engine, ManualClock};
use orgtui::model::*;

const M: &Caller = &Caller::Management;
const GD: &str = "guardduty.amazonaws.com";
const CONFIG: &str = "config.amazonaws.com";

fn as_acct(id: &str) -> Caller {
    Caller::Account(AccountId::parse(id).unwrap())
}

fn enable(e: &mut Engine, p: &str) {
    e.enable_aws_service_access(M, EnableAWSServiceAccessRequest { service_principal: p.into() }).unwrap();
}

fn register(e: &mut Engine, account: &str, p: &str) {
    e.register_delegated_administrator(
        M,
        RegisterDelegatedAdministratorRequest { account_id: account.into(), service_principal: p.into() },
    )
    .unwrap();
}

/// An ALL-features org with one member registered as GuardDuty delegated administrator.
fn org_with_admin() -> (Engine, ManualClock, String) {
    let (mut e, c) = org();
    let a = account(&mut e, &c, "Security");
    enable(&mut e, GD);
    register(&mut e, &a, GD);
    (e, c, a)
}

fn grant(account: &str, actions: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"Delegate","Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{account}:root"}},"Action":{actions},"Resource":"*"}}]}}"#
    )
}

fn put(e: &mut Engine, content: &str, tags: Option<Vec<Tag>>) -> OrgResult<ResourcePolicy> {
    e.put_resource_policy(M, PutResourcePolicyRequest { content: content.into(), tags })
        .map(|r| r.resource_policy)
}

fn describe(e: &mut Engine, caller: &Caller) -> OrgResult<ResourcePolicy> {
    e.describe_resource_policy(caller, DescribeResourcePolicyRequest {}).map(|r| r.resource_policy)
}

#[test]
fn put_resource_policy_creates_and_describe_returns_it() {
    let (mut e, _c) = org();
    let content = grant("222222222222", r#""organizations:Describe*""#);
    let rp = put(&mut e, &content, None).unwrap();
    assert!(rp.resource_policy_summary.id.as_str().starts_with("rp-"));
    let org_id = e.state().org.as_ref().unwrap().id.to_string();
    assert_eq!(
        rp.resource_policy_summary.arn,
        format!("arn:aws:organizations::{MGMT}:resourcepolicy/{org_id}/{}", rp.resource_policy_summary.id)
    );
    assert_eq!(rp.content, content);
    assert_eq!(describe(&mut e, M).unwrap(), rp);
}

#[test]
fn put_resource_policy_replaces_content_and_keeps_id_and_tags() {
    let (mut e, _c) = org();
    let first =
        put(&mut e, &grant("222222222222", r#""organizations:List*""#), Some(vec![Tag::new("k", "v")]))
            .unwrap();
    let second_content = grant("333333333333", r#""organizations:List*""#);
    let second = put(&mut e, &second_content, None).unwrap();
    assert_eq!(second.resource_policy_summary, first.resource_policy_summary);
    assert_eq!(describe(&mut e, M).unwrap().content, second_content);
    let tags = e
        .list_tags_for_resource(
            M,
            ListTagsForResourceRequest {
                resource_id: first.resource_policy_summary.id.to_string(),
                next_token: None,
            },
        )
        .unwrap()
        .tags;
    assert_eq!(tags, vec![Tag::new("k", "v")]);
}

#[test]
fn put_resource_policy_tags_only_on_creation() {
    let (mut e, _c) = org();
    let content = grant("222222222222", r#""organizations:List*""#);
    put(&mut e, &content, None).unwrap();
    assert_err(put(&mut e, &content, Some(vec![Tag::new("k", "v")])), ErrorCode::InvalidInputException, None);
}

#[test]
fn put_resource_policy_validates_tags() {
    let (mut e, _c) = org();
    let content = grant("222222222222", r#""organizations:List*""#);
    let too_many: Vec<Tag> = (0..51).map(|i| Tag::new(format!("k{i}"), "v")).collect();
    assert_err(
        put(&mut e, &content, Some(too_many)),
        ErrorCode::ConstraintViolationException,
        Some("MAX_TAG_LIMIT_EXCEEDED"),
    );
    assert_err(
        put(&mut e, &content, Some(vec![Tag::new("aws:x", "v")])),
        ErrorCode::InvalidInputException,
        Some("INVALID_SYSTEM_TAGS_PARAMETER"),
    );
    assert_err(describe(&mut e, M), ErrorCode::ResourcePolicyNotFoundException, None);
}

#[test]
fn put_resource_policy_content_length() {
    let (mut e, _c) = org();
    assert_err(put(&mut e, "", None), ErrorCode::InvalidInputException, Some("INPUT_REQUIRED"));
    let long = format!("{}{}", grant("222222222222", r#""organizations:List*""#), " ".repeat(40_000));
    assert_err(put(&mut e, &long, None), ErrorCode::InvalidInputException, Some("MAX_LENGTH_EXCEEDED"));
}

#[test]
fn put_resource_policy_rejects_invalid_json() {
    let (mut e, _c) = org();
    assert_err(
        put(&mut e, "{nope", None),
        ErrorCode::InvalidInputException,
        Some("INVALID_RESOURCE_POLICY_JSON"),
    );
    assert_err(
        put(&mut e, r#"{"Version":"2012-10-17"}"#, None),
        ErrorCode::InvalidInputException,
        Some("INVALID_RESOURCE_POLICY_JSON"),
    );
}

#[test]
fn put_resource_policy_rejects_invalid_principal() {
    let (mut e, _c) = org();
    let no_principal = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"organizations:ListRoots","Resource":"*"}}"#;
    assert_err(put(&mut e, no_principal, None), ErrorCode::InvalidInputException, Some("INVALID_PRINCIPAL"));
    let service = r#"{"Statement":{"Effect":"Allow","Principal":{"Service":"x.amazonaws.com"},"Action":"organizations:ListRoots","Resource":"*"}}"#;
    assert_err(put(&mut e, service, None), ErrorCode::InvalidInputException, Some("INVALID_PRINCIPAL"));
}

#[test]
fn put_resource_policy_rejects_undelegable_action() {
    let (mut e, _c) = org();
    assert_err(
        put(&mut e, &grant("222222222222", r#""organizations:CloseAccount""#), None),
        ErrorCode::InvalidInputException,
        Some("UNSUPPORTED_ACTION_IN_RESOURCE_POLICY"),
    );
}

#[test]
fn put_resource_policy_rejects_foreign_resource() {
    let (mut e, _c) = org();
    let c = r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":"222222222222"},"Action":"organizations:ListRoots","Resource":"arn:aws:s3:::bucket"}}"#;
    assert_err(
        put(&mut e, c, None),
        ErrorCode::InvalidInputException,
        Some("UNSUPPORTED_RESOURCE_IN_RESOURCE_POLICY"),
    );
}

#[test]
fn put_resource_policy_rejects_unknown_policy_type_condition() {
    let (mut e, _c) = org();
    let c = r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":"222222222222"},"Action":"organizations:CreatePolicy","Resource":"*","Condition":{"StringEquals":{"organizations:PolicyType":"WIDGET_POLICY"}}}}"#;
    assert_err(
        put(&mut e, c, None),
        ErrorCode::InvalidInputException,
        Some("UNSUPPORTED_POLICY_TYPE_IN_RESOURCE_POLICY"),
    );
}

#[test]
fn resource_policy_writes_are_management_only() {
    let (mut e, _c, da) = org_with_admin();
    let content = grant(&da, r#""organizations:*""#);
    let r = e.put_resource_policy(&as_acct(&da), PutResourcePolicyRequest { content, tags: None });
    assert_err(r, ErrorCode::AccessDeniedException, None);
    let r = e.delete_resource_policy(&as_acct(&da), DeleteResourcePolicyRequest {});
    assert_err(r, ErrorCode::AccessDeniedException, None);
}

#[test]
fn describe_resource_policy_by_admin_and_not_by_plain_member() {
    let (mut e, c, da) = org_with_admin();
    let plain = account(&mut e, &c, "Plain");
    put(&mut e, &grant(&da, r#""organizations:Describe*""#), None).unwrap();
    assert!(describe(&mut e, &as_acct(&da)).is_ok());
    assert_err(describe(&mut e, &as_acct(&plain)), ErrorCode::AccessDeniedException, None);
}

#[test]
fn describe_and_delete_without_policy_are_not_found() {
    let (mut e, _c) = org();
    assert_err(describe(&mut e, M), ErrorCode::ResourcePolicyNotFoundException, None);
    assert_err(
        e.delete_resource_policy(M, DeleteResourcePolicyRequest {}),
        ErrorCode::ResourcePolicyNotFoundException,
        None,
    );
}

#[test]
fn delete_resource_policy_removes_it() {
    let (mut e, _c) = org();
    put(&mut e, &grant("222222222222", r#""organizations:List*""#), None).unwrap();
    e.delete_resource_policy(M, DeleteResourcePolicyRequest {}).unwrap();
    assert_err(describe(&mut e, M), ErrorCode::ResourcePolicyNotFoundException, None);
}

fn tag_root(e: &mut Engine, caller: &Caller) -> OrgResult<TagResourceResponse> {
    let root = root(e);
    e.tag_resource(caller, TagResourceRequest { resource_id: root, tags: vec![Tag::new("team", "sec")] })
}

#[test]
fn delegated_admin_granted_by_resource_policy_may_tag() {
    let (mut e, _c, da) = org_with_admin();
    assert_err(tag_root(&mut e, &as_acct(&da)), ErrorCode::AccessDeniedException, None);
    put(&mut e, &grant(&da, r#"["organizations:TagResource","organizations:UntagResource"]"#), None).unwrap();
    tag_root(&mut e, &as_acct(&da)).unwrap();
}

#[test]
fn delegated_admin_not_granted_is_denied() {
    let (mut e, c, da) = org_with_admin();
    let other = account(&mut e, &c, "Other");
    enable(&mut e, CONFIG);
    register(&mut e, &other, CONFIG);
    // Granted to `da` only, and only Describe*: `other` and TagResource stay denied.
    put(&mut e, &grant(&da, r#""organizations:Describe*""#), None).unwrap();
    assert_err(tag_root(&mut e, &as_acct(&da)), ErrorCode::AccessDeniedException, None);
    assert_err(tag_root(&mut e, &as_acct(&other)), ErrorCode::AccessDeniedException, None);
}

#[test]
fn resource_policy_deny_overrides_allow() {
    let (mut e, _c, da) = org_with_admin();
    let content = format!(
        r#"{{"Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{da}"}},"Action":"organizations:*","Resource":"*"}},{{"Effect":"Deny","Principal":{{"AWS":"{da}"}},"Action":"organizations:TagResource","Resource":"*"}}]}}"#
    );
    put(&mut e, &content, None).unwrap();
    assert_err(tag_root(&mut e, &as_acct(&da)), ErrorCode::AccessDeniedException, None);
    let root = root(&mut e);
    e.untag_resource(&as_acct(&da), UntagResourceRequest { resource_id: root, tag_keys: vec!["x".into()] })
        .unwrap();
}

#[test]
fn plain_member_named_in_resource_policy_is_still_denied() {
    // The engine's caller model: only registered delegated administrators use the policy.
    let (mut e, c) = org();
    let plain = account(&mut e, &c, "Plain");
    put(&mut e, &grant(&plain, r#""organizations:TagResource""#), None).unwrap();
    assert_err(tag_root(&mut e, &as_acct(&plain)), ErrorCode::AccessDeniedException, None);
}
