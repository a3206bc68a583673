//! Tests of the delegation policy: grammar, validation reasons and evaluation.

use super::{allows, parse};
use crate::model::*;

const A: &str = "222222222222";
const B: &str = "333333333333";

fn acct(s: &str) -> AccountId {
    AccountId::parse(s).unwrap()
}

fn doc(statements: &str) -> String {
    format!(r#"{{"Version":"2012-10-17","Statement":[{statements}]}}"#)
}

fn stmt(effect: &str, principal: &str, action: &str, condition: &str) -> String {
    let cond = if condition.is_empty() { String::new() } else { format!(r#","Condition":{condition}"#) };
    format!(
        r#"{{"Effect":"{effect}","Principal":{{"AWS":"{principal}"}},"Action":{action},"Resource":"*"{cond}}}"#
    )
}

fn reason(content: &str) -> Option<String> {
    parse(content).err().and_then(|e| e.reason)
}

#[test]
fn allow_by_account_id_and_root_arn() {
    let p = doc(&stmt("Allow", A, r#""organizations:Describe*""#, ""));
    assert!(allows(&p, &acct(A), "DescribePolicy", None));
    assert!(!allows(&p, &acct(A), "CreatePolicy", None));
    assert!(!allows(&p, &acct(B), "DescribePolicy", None));
    let p = doc(&stmt("Allow", &format!("arn:aws:iam::{A}:root"), r#"["organizations:CreatePolicy"]"#, ""));
    assert!(allows(&p, &acct(A), "CreatePolicy", None));
    assert!(!allows(&p, &acct(A), "UpdatePolicy", None));
}

#[test]
fn actions_are_case_insensitive() {
    let p = doc(&stmt("Allow", A, r#""Organizations:tagresource""#, ""));
    assert!(allows(&p, &acct(A), "TagResource", None));
}

#[test]
fn deny_wins() {
    let p = doc(&format!(
        "{},{}",
        stmt("Allow", A, r#""organizations:*""#, ""),
        stmt("Deny", A, r#""organizations:DeletePolicy""#, "")
    ));
    assert!(allows(&p, &acct(A), "CreatePolicy", None));
    assert!(!allows(&p, &acct(A), "DeletePolicy", None));
}

#[test]
fn policy_type_condition_forms() {
    let eq = doc(&stmt(
        "Allow",
        A,
        r#""organizations:CreatePolicy""#,
        r#"{"StringEquals":{"organizations:PolicyType":["TAG_POLICY","BACKUP_POLICY"]}}"#,
    ));
    assert!(allows(&eq, &acct(A), "CreatePolicy", Some(PolicyType::TagPolicy)));
    assert!(!allows(&eq, &acct(A), "CreatePolicy", Some(PolicyType::ServiceControlPolicy)));
    // Missing key: a positive operator is false.
    assert!(!allows(&eq, &acct(A), "CreatePolicy", None));
    let like = doc(&stmt(
        "Allow",
        A,
        r#""organizations:*""#,
        r#"{"StringLike":{"Organizations:PolicyType":"*_CONTROL_POLICY"}}"#,
    ));
    assert!(allows(&like, &acct(A), "AttachPolicy", Some(PolicyType::ResourceControlPolicy)));
    assert!(!allows(&like, &acct(A), "AttachPolicy", Some(PolicyType::TagPolicy)));
    let any = doc(&stmt(
        "Allow",
        A,
        r#""organizations:*""#,
        r#"{"ForAnyValue:StringEquals":{"organizations:PolicyType":"TAG_POLICY"}}"#,
    ));
    assert!(allows(&any, &acct(A), "UpdatePolicy", Some(PolicyType::TagPolicy)));
    assert!(!allows(&any, &acct(A), "UpdatePolicy", None));
    let not = doc(&stmt(
        "Allow",
        A,
        r#""organizations:*""#,
        r#"{"StringNotEquals":{"organizations:PolicyType":"SERVICE_CONTROL_POLICY"}}"#,
    ));
    assert!(allows(&not, &acct(A), "UpdatePolicy", Some(PolicyType::TagPolicy)));
    assert!(!allows(&not, &acct(A), "UpdatePolicy", Some(PolicyType::ServiceControlPolicy)));
    // Negated operator with the key absent: true.
    assert!(allows(&not, &acct(A), "TagResource", None));
    let if_exists = doc(&stmt(
        "Allow",
        A,
        r#""organizations:*""#,
        r#"{"StringEqualsIfExists":{"organizations:PolicyType":"TAG_POLICY"}}"#,
    ));
    assert!(allows(&if_exists, &acct(A), "TagResource", None));
    assert!(!allows(&if_exists, &acct(A), "CreatePolicy", Some(PolicyType::BackupPolicy)));
}

#[test]
fn deny_with_condition_only_blocks_that_type() {
    let p = doc(&format!(
        "{},{}",
        stmt("Allow", A, r#""organizations:*Policy""#, ""),
        stmt(
            "Deny",
            A,
            r#""organizations:*""#,
            r#"{"StringEquals":{"organizations:PolicyType":"SERVICE_CONTROL_POLICY"}}"#
        )
    ));
    assert!(allows(&p, &acct(A), "CreatePolicy", Some(PolicyType::TagPolicy)));
    assert!(!allows(&p, &acct(A), "CreatePolicy", Some(PolicyType::ServiceControlPolicy)));
}

#[test]
fn validation_reasons() {
    assert_eq!(reason("{not json").as_deref(), Some("INVALID_RESOURCE_POLICY_JSON"));
    assert_eq!(reason("[]").as_deref(), Some("INVALID_RESOURCE_POLICY_JSON"));
    assert_eq!(reason(r#"{"Statement":[]}"#).as_deref(), Some("INVALID_RESOURCE_POLICY_JSON"));
    assert_eq!(
        reason(&doc(&stmt("Permit", A, r#""organizations:ListRoots""#, ""))).as_deref(),
        Some("INVALID_RESOURCE_POLICY_JSON")
    );
    let no_principal = doc(r#"{"Effect":"Allow","Action":"organizations:ListRoots","Resource":"*"}"#);
    assert_eq!(reason(&no_principal).as_deref(), Some("INVALID_PRINCIPAL"));
    assert_eq!(
        reason(&doc(&stmt("Allow", "*", r#""organizations:ListRoots""#, ""))).as_deref(),
        Some("INVALID_PRINCIPAL")
    );
    assert_eq!(
        reason(&doc(&stmt("Allow", A, r#""organizations:CreateAccount""#, ""))).as_deref(),
        Some("UNSUPPORTED_ACTION_IN_RESOURCE_POLICY")
    );
    assert_eq!(
        reason(&doc(&stmt("Allow", A, r#""s3:GetObject""#, ""))).as_deref(),
        Some("UNSUPPORTED_ACTION_IN_RESOURCE_POLICY")
    );
    let bad_resource = doc(&format!(
        r#"{{"Effect":"Allow","Principal":{{"AWS":"{A}"}},"Action":"organizations:ListRoots","Resource":"arn:aws:s3:::b"}}"#
    ));
    assert_eq!(reason(&bad_resource).as_deref(), Some("UNSUPPORTED_RESOURCE_IN_RESOURCE_POLICY"));
    let bad_type = doc(&stmt(
        "Allow",
        A,
        r#""organizations:CreatePolicy""#,
        r#"{"StringEquals":{"organizations:PolicyType":"NOT_A_TYPE"}}"#,
    ));
    assert_eq!(reason(&bad_type).as_deref(), Some("UNSUPPORTED_POLICY_TYPE_IN_RESOURCE_POLICY"));
    let ok = doc(&stmt(
        "Allow",
        &format!("arn:aws:iam::{A}:role/Admin"),
        r#"["organizations:Describe*","organizations:List*"]"#,
        r#"{"StringLike":{"organizations:PolicyType":"TAG*"}}"#,
    ));
    assert!(parse(&ok).is_ok());
}

#[test]
fn unparsable_policy_allows_nothing() {
    assert!(!allows("garbage", &acct(A), "ListRoots", None));
}
