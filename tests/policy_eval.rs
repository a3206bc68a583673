//! Table-driven evaluation cases: every condition operator, variable form, layer combination
//! and exemption, each with the expected decision and deciding layer (reference
//! policy-evaluation.md §1–§2).

mod policy_common;

use Decision::{Allowed as A, ImplicitlyDenied as I};
use orgtui::policy::{Decision, Layer};
use policy_common::*;

fn check(cases: Vec<(Case, Decision, Option<Layer>)>) {
    let mut failures = Vec::new();
    for (c, decision, layer) in &cases {
        let e = c.run();
        if e.decision != *decision || e.trace.deciding.layer != *layer {
            failures.push(format!(
                "{}: expected {decision:?}/{layer:?}, got {:?}/{:?} ({})",
                c.name, e.decision, e.trace.deciding.layer, e.trace.deciding.reason
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// An identity-policy Allow of s3:GetObject under one condition; the context is given per case.
/// `true` = the condition holds (Allowed by the identity policy), `false` = implicit deny.
fn op(
    name: &'static str,
    condition: &str,
    ctx: &[(&str, &[&str])],
    holds: bool,
) -> (Case, Decision, Option<Layer>) {
    let mut c = case(name, ALICE, "s3:GetObject", BUCKET_OBJ).identity(pol_cond(
        "Allow",
        "s3:GetObject",
        "*",
        condition,
    ));
    for (k, v) in ctx {
        c = c.ctx(k, v);
    }
    (c, if holds { A } else { I }, Some(Layer::IdentityPolicy))
}

#[test]
fn condition_operators() {
    let k = "aws:PrincipalTag/team";
    check(vec![
        op(
            "StringEquals match",
            r#"{"StringEquals":{"aws:PrincipalTag/team":"red"}}"#,
            &[(k, &["red"])],
            true,
        ),
        op(
            "StringEquals mismatch",
            r#"{"StringEquals":{"aws:PrincipalTag/team":"red"}}"#,
            &[(k, &["blue"])],
            false,
        ),
        op(
            "StringEquals is case-sensitive",
            r#"{"StringEquals":{"aws:PrincipalTag/team":"red"}}"#,
            &[(k, &["RED"])],
            false,
        ),
        op("StringEquals missing key", r#"{"StringEquals":{"aws:PrincipalTag/team":"red"}}"#, &[], false),
        op(
            "StringEquals values OR",
            r#"{"StringEquals":{"aws:PrincipalTag/team":["a","red"]}}"#,
            &[(k, &["red"])],
            true,
        ),
        op(
            "StringEquals * is literal",
            r#"{"StringEquals":{"aws:PrincipalTag/team":"r*"}}"#,
            &[(k, &["red"])],
            false,
        ),
        op(
            "StringNotEquals differs",
            r#"{"StringNotEquals":{"aws:PrincipalTag/team":"red"}}"#,
            &[(k, &["blue"])],
            true,
        ),
        op(
            "StringNotEquals equal",
            r#"{"StringNotEquals":{"aws:PrincipalTag/team":"red"}}"#,
            &[(k, &["red"])],
            false,
        ),
        op(
            "StringNotEquals missing key is true",
            r#"{"StringNotEquals":{"aws:PrincipalTag/team":"red"}}"#,
            &[],
            true,
        ),
        op(
            "StringNotEquals NOR",
            r#"{"StringNotEquals":{"aws:PrincipalTag/team":["a","b"]}}"#,
            &[(k, &["b"])],
            false,
        ),
        op(
            "StringNotEquals NOR none",
            r#"{"StringNotEquals":{"aws:PrincipalTag/team":["a","b"]}}"#,
            &[(k, &["c"])],
            true,
        ),
        op(
            "StringEqualsIgnoreCase",
            r#"{"StringEqualsIgnoreCase":{"aws:PrincipalTag/team":"RED"}}"#,
            &[(k, &["red"])],
            true,
        ),
        op(
            "StringNotEqualsIgnoreCase",
            r#"{"StringNotEqualsIgnoreCase":{"aws:PrincipalTag/team":"RED"}}"#,
            &[(k, &["red"])],
            false,
        ),
        op("StringLike *", r#"{"StringLike":{"aws:PrincipalTag/team":"r*"}}"#, &[(k, &["red"])], true),
        op("StringLike ?", r#"{"StringLike":{"aws:PrincipalTag/team":"r?d"}}"#, &[(k, &["red"])], true),
        op(
            "StringLike ? is one char",
            r#"{"StringLike":{"aws:PrincipalTag/team":"r?d"}}"#,
            &[(k, &["reed"])],
            false,
        ),
        op(
            "StringLike regex specials are literal",
            r#"{"StringLike":{"aws:PrincipalTag/team":"a.c+"}}"#,
            &[(k, &["abcc"])],
            false,
        ),
        op("StringLike missing key", r#"{"StringLike":{"aws:PrincipalTag/team":"*"}}"#, &[], false),
        op(
            "StringNotLike missing key is true",
            r#"{"StringNotLike":{"aws:PrincipalTag/team":"r*"}}"#,
            &[],
            true,
        ),
        op(
            "StringNotLike match",
            r#"{"StringNotLike":{"aws:PrincipalTag/team":"r*"}}"#,
            &[(k, &["red"])],
            false,
        ),
        op(
            "StringLike absorbs colons (whole string)",
            r#"{"StringLike":{"aws:SourceArn":"arn:aws:ec2:*:instance/*"}}"#,
            &[("aws:SourceArn", &["arn:aws:ec2:us-east-1:111122223333:instance/i-1"])],
            true,
        ),
        op(
            "ArnLike is segment-wise",
            r#"{"ArnLike":{"aws:SourceArn":"arn:aws:ec2:*:instance/*"}}"#,
            &[("aws:SourceArn", &["arn:aws:ec2:us-east-1:111122223333:instance/i-1"])],
            false,
        ),
        op(
            "ArnLike segments",
            r#"{"ArnLike":{"aws:SourceArn":"arn:aws:ec2:*:*:instance/*"}}"#,
            &[("aws:SourceArn", &["arn:aws:ec2:us-east-1:111122223333:instance/i-1"])],
            true,
        ),
        op(
            "ArnEquals behaves like ArnLike",
            r#"{"ArnEquals":{"aws:SourceArn":"arn:aws:s3:::b*"}}"#,
            &[("aws:SourceArn", &["arn:aws:s3:::bucket"])],
            true,
        ),
        op(
            "ArnLike last segment keeps colons",
            r#"{"ArnLike":{"aws:SourceArn":"arn:aws:logs:*:*:log-group:*"}}"#,
            &[("aws:SourceArn", &["arn:aws:logs:eu-west-1:111122223333:log-group:g:*"])],
            true,
        ),
        op(
            "ArnLike on a non-ARN",
            r#"{"ArnLike":{"aws:SourceArn":"*"}}"#,
            &[("aws:SourceArn", &["not-an-arn"])],
            false,
        ),
        op(
            "ArnNotLike missing key is true",
            r#"{"ArnNotLike":{"aws:SourceArn":"arn:aws:s3:::*"}}"#,
            &[],
            true,
        ),
        op(
            "ArnNotEquals match",
            r#"{"ArnNotEquals":{"aws:SourceArn":"arn:aws:s3:::b"}}"#,
            &[("aws:SourceArn", &["arn:aws:s3:::b"])],
            false,
        ),
        op(
            "NumericEquals decimal",
            r#"{"NumericEquals":{"s3:max-keys":"10"}}"#,
            &[("s3:max-keys", &["10.0"])],
            true,
        ),
        op(
            "NumericNotEquals",
            r#"{"NumericNotEquals":{"s3:max-keys":10}}"#,
            &[("s3:max-keys", &["11"])],
            true,
        ),
        op(
            "NumericLessThan true",
            r#"{"NumericLessThan":{"s3:max-keys":10}}"#,
            &[("s3:max-keys", &["5"])],
            true,
        ),
        op(
            "NumericLessThan false",
            r#"{"NumericLessThan":{"s3:max-keys":10}}"#,
            &[("s3:max-keys", &["15"])],
            false,
        ),
        op(
            "NumericLessThanEquals edge",
            r#"{"NumericLessThanEquals":{"s3:max-keys":10}}"#,
            &[("s3:max-keys", &["10"])],
            true,
        ),
        op(
            "NumericGreaterThan (not inverted)",
            r#"{"NumericGreaterThan":{"s3:max-keys":10}}"#,
            &[("s3:max-keys", &["15"])],
            true,
        ),
        op(
            "NumericGreaterThan false",
            r#"{"NumericGreaterThan":{"s3:max-keys":10}}"#,
            &[("s3:max-keys", &["5"])],
            false,
        ),
        op(
            "NumericGreaterThanEquals edge",
            r#"{"NumericGreaterThanEquals":{"s3:max-keys":10}}"#,
            &[("s3:max-keys", &["10"])],
            true,
        ),
        op(
            "Numeric non-number",
            r#"{"NumericEquals":{"s3:max-keys":10}}"#,
            &[("s3:max-keys", &["ten"])],
            false,
        ),
        op(
            "DateLessThan",
            r#"{"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}"#,
            &[("aws:CurrentTime", &["2025-06-01T12:00:00Z"])],
            true,
        ),
        op(
            "DateLessThan false",
            r#"{"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}"#,
            &[("aws:CurrentTime", &["2026-06-01T12:00:00Z"])],
            false,
        ),
        op(
            "DateGreaterThan epoch",
            r#"{"DateGreaterThan":{"aws:EpochTime":"1700000000"}}"#,
            &[("aws:EpochTime", &["1800000000"])],
            true,
        ),
        op(
            "DateEquals across zones",
            r#"{"DateEquals":{"aws:CurrentTime":"2026-01-01T01:00:00+01:00"}}"#,
            &[("aws:CurrentTime", &["2026-01-01T00:00:00Z"])],
            true,
        ),
        op(
            "DateNotEquals",
            r#"{"DateNotEquals":{"aws:CurrentTime":"2026-01-01"}}"#,
            &[("aws:CurrentTime", &["2026-01-02"])],
            true,
        ),
        op(
            "DateLessThanEquals edge",
            r#"{"DateLessThanEquals":{"aws:CurrentTime":"2026-01-01"}}"#,
            &[("aws:CurrentTime", &["2026-01-01T00:00:00Z"])],
            true,
        ),
        op(
            "DateGreaterThanEquals",
            r#"{"DateGreaterThanEquals":{"aws:TokenIssueTime":"2026-01-01"}}"#,
            &[("aws:TokenIssueTime", &["2025-12-31"])],
            false,
        ),
        op(
            "Bool unquoted true",
            r#"{"Bool":{"aws:SecureTransport":true}}"#,
            &[("aws:SecureTransport", &["true"])],
            true,
        ),
        op(
            "Bool mismatch",
            r#"{"Bool":{"aws:SecureTransport":"true"}}"#,
            &[("aws:SecureTransport", &["false"])],
            false,
        ),
        op(
            "Bool missing key (MFA with access keys)",
            r#"{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#,
            &[],
            false,
        ),
        op(
            "BoolIfExists missing key",
            r#"{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}"#,
            &[],
            true,
        ),
        op(
            "BoolIfExists present false",
            r#"{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}"#,
            &[("aws:MultiFactorAuthPresent", &["false"])],
            false,
        ),
        op(
            "BinaryEquals exact",
            r#"{"BinaryEquals":{"s3:x-amz-tag":"QmluYXJ5"}}"#,
            &[("s3:x-amz-tag", &["QmluYXJ5"])],
            true,
        ),
        op(
            "BinaryEquals is case-sensitive",
            r#"{"BinaryEquals":{"s3:x-amz-tag":"QmluYXJ5"}}"#,
            &[("s3:x-amz-tag", &["qmluyxj5"])],
            false,
        ),
        op(
            "IpAddress in range",
            r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#,
            &[("aws:SourceIp", &["10.1.2.3"])],
            true,
        ),
        op(
            "IpAddress bare address is /32",
            r#"{"IpAddress":{"aws:SourceIp":"203.0.113.7"}}"#,
            &[("aws:SourceIp", &["203.0.113.7"])],
            true,
        ),
        op(
            "IpAddress outside",
            r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#,
            &[("aws:SourceIp", &["11.0.0.1"])],
            false,
        ),
        op(
            "IpAddress IPv6",
            r#"{"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}"#,
            &[("aws:SourceIp", &["2001:db8:1::5"])],
            true,
        ),
        op(
            "IpAddress missing (via VPC endpoint)",
            r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#,
            &[],
            false,
        ),
        op(
            "NotIpAddress outside",
            r#"{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}}"#,
            &[("aws:SourceIp", &["11.0.0.1"])],
            true,
        ),
        op(
            "NotIpAddress missing key is true",
            r#"{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#,
            &[],
            true,
        ),
        op("Null true when absent", r#"{"Null":{"aws:TokenIssueTime":"true"}}"#, &[], true),
        op(
            "Null true when present",
            r#"{"Null":{"aws:TokenIssueTime":"true"}}"#,
            &[("aws:TokenIssueTime", &["2026-01-01"])],
            false,
        ),
        op(
            "Null false when present",
            r#"{"Null":{"aws:TokenIssueTime":false}}"#,
            &[("aws:TokenIssueTime", &["2026-01-01"])],
            true,
        ),
        op(
            "StringEqualsIfExists missing",
            r#"{"StringEqualsIfExists":{"aws:PrincipalTag/team":"red"}}"#,
            &[],
            true,
        ),
        op(
            "StringEqualsIfExists present",
            r#"{"StringEqualsIfExists":{"aws:PrincipalTag/team":"red"}}"#,
            &[(k, &["blue"])],
            false,
        ),
        op(
            "NumericLessThanIfExists missing",
            r#"{"NumericLessThanIfExists":{"s3:max-keys":"10"}}"#,
            &[],
            true,
        ),
        op(
            "ForAllValues missing key is true",
            r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}"#,
            &[],
            true,
        ),
        op(
            "ForAllValues empty set is true",
            r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}"#,
            &[("aws:TagKeys", &[])],
            true,
        ),
        op(
            "ForAllValues all in",
            r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}"#,
            &[("aws:TagKeys", &["a", "b"])],
            true,
        ),
        op(
            "ForAllValues one out",
            r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}"#,
            &[("aws:TagKeys", &["a", "c"])],
            false,
        ),
        op(
            "ForAnyValue missing key is false",
            r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["a"]}}"#,
            &[],
            false,
        ),
        op(
            "ForAnyValue one in",
            r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["a"]}}"#,
            &[("aws:TagKeys", &["x", "a"])],
            true,
        ),
        op(
            "ForAnyValue none in",
            r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["a"]}}"#,
            &[("aws:TagKeys", &["x", "y"])],
            false,
        ),
        op(
            "ForAllValues:StringNotEquals none in set",
            r#"{"ForAllValues:StringNotEquals":{"aws:TagKeys":["a"]}}"#,
            &[("aws:TagKeys", &["x", "y"])],
            true,
        ),
        op(
            "ForAllValues:StringNotEquals one in set",
            r#"{"ForAllValues:StringNotEquals":{"aws:TagKeys":["a"]}}"#,
            &[("aws:TagKeys", &["x", "a"])],
            false,
        ),
        op(
            "ForAnyValue:StringNotEquals one outside",
            r#"{"ForAnyValue:StringNotEquals":{"aws:TagKeys":["a"]}}"#,
            &[("aws:TagKeys", &["a", "x"])],
            true,
        ),
        op(
            "ForAnyValue:StringNotEquals all inside",
            r#"{"ForAnyValue:StringNotEquals":{"aws:TagKeys":["a"]}}"#,
            &[("aws:TagKeys", &["a"])],
            false,
        ),
        op(
            "ForAnyValue:StringLike single value as a set",
            r#"{"ForAnyValue:StringLike":{"aws:PrincipalTag/team":"r*"}}"#,
            &[(k, &["red"])],
            true,
        ),
        op(
            "ForAnyValue:StringEqualsIfExists missing",
            r#"{"ForAnyValue:StringEqualsIfExists":{"aws:TagKeys":"a"}}"#,
            &[],
            true,
        ),
        op(
            "operators AND",
            r#"{"StringEquals":{"aws:PrincipalTag/team":"red"},"Bool":{"aws:SecureTransport":"true"}}"#,
            &[(k, &["red"])],
            false,
        ),
        op(
            "keys AND",
            r#"{"StringEquals":{"aws:PrincipalTag/team":"red","aws:RequestedRegion":"eu-west-1"}}"#,
            &[(k, &["red"]), ("aws:RequestedRegion", &["eu-west-1"])],
            true,
        ),
        op(
            "key names are case-insensitive",
            r#"{"IpAddress":{"AWS:SourceIP":"10.0.0.0/8"}}"#,
            &[("aws:SourceIp", &["10.0.0.1"])],
            true,
        ),
        op(
            "tag part of the key is case-insensitive",
            r#"{"StringEquals":{"aws:ResourceTag/TagKey1":"v"}}"#,
            &[("aws:resourcetag/tagkey1", &["v"])],
            true,
        ),
        op(
            "non-set operator, multivalued key: any value",
            r#"{"StringEquals":{"aws:TagKeys":"a"}}"#,
            &[("aws:TagKeys", &["x", "a"])],
            true,
        ),
    ]);
}

#[test]
fn policy_variables() {
    let user_home = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket/${aws:username}/*"}]}"#;
    let old = |v: &str| {
        format!(
            r#"{{{v}"Statement":[{{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket/${{aws:username}}"}}]}}"#
        )
    };
    let default = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'company-wide'}/*"}]}"#;
    let escaped = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket/${*}${?}${$}"}]}"#;
    let in_condition =
        pol_cond("Allow", "s3:*", "*", r#"{"StringEquals":{"s3:prefix":"home/${AWS:UserName}"}}"#);
    let negated_unresolved =
        pol_cond("Allow", "s3:*", "*", r#"{"StringNotEquals":{"s3:prefix":"${aws:PrincipalTag/missing}"}}"#);
    let arn_var =
        pol_cond("Allow", "s3:*", "*", r#"{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::${aws:username}-*"}}"#);
    let s3 = "s3:GetObject";
    check(vec![
        (
            case("variable in Resource", ALICE, s3, "arn:aws:s3:::bucket/alice/x").identity(user_home),
            A,
            Some(Layer::IdentityPolicy),
        ),
        (
            case("variable: other user's home", ALICE, s3, "arn:aws:s3:::bucket/bob/x").identity(user_home),
            I,
            Some(Layer::IdentityPolicy),
        ),
        (
            case(
                "unresolvable variable in Resource matches nothing",
                ROLE,
                s3,
                "arn:aws:s3:::bucket/alice/x",
            )
            .identity(user_home),
            I,
            Some(Layer::IdentityPolicy),
        ),
        (
            case("default value", SESSION, s3, "arn:aws:s3:::bucket/company-wide/x").identity(default),
            A,
            Some(Layer::IdentityPolicy),
        ),
        (
            case("tag value wins over default", SESSION, s3, "arn:aws:s3:::bucket/red/x")
                .ctx("aws:PrincipalTag/team", &["red"])
                .identity(default),
            A,
            Some(Layer::IdentityPolicy),
        ),
        (
            case("escapes are literal", ALICE, s3, "arn:aws:s3:::bucket/*?$").identity(escaped),
            A,
            Some(Layer::IdentityPolicy),
        ),
        (
            case("escaped * is not a wildcard", ALICE, s3, "arn:aws:s3:::bucket/xy$").identity(escaped),
            I,
            Some(Layer::IdentityPolicy),
        ),
        (
            case("2008-10-17: ${...} is literal", ALICE, s3, "arn:aws:s3:::bucket/${aws:username}")
                .identity(old("\"Version\":\"2008-10-17\",")),
            A,
            Some(Layer::IdentityPolicy),
        ),
        (
            case("2008-10-17: no substitution", ALICE, s3, "arn:aws:s3:::bucket/alice")
                .identity(old("\"Version\":\"2008-10-17\",")),
            I,
            Some(Layer::IdentityPolicy),
        ),
        (
            case("no Version: literal too", ALICE, s3, "arn:aws:s3:::bucket/alice").identity(old("")),
            I,
            Some(Layer::IdentityPolicy),
        ),
        (
            case("2012-10-17: substituted", ALICE, s3, "arn:aws:s3:::bucket/alice")
                .identity(old("\"Version\":\"2012-10-17\",")),
            A,
            Some(Layer::IdentityPolicy),
        ),
        (
            case("variable in a condition value (key case-insensitive)", ALICE, s3, BUCKET_OBJ)
                .ctx("s3:prefix", &["home/alice"])
                .identity(in_condition),
            A,
            Some(Layer::IdentityPolicy),
        ),
        (
            case(
                "variable value is literal, not a wildcard",
                "arn:aws:iam::111122223333:user/a*",
                s3,
                BUCKET_OBJ,
            )
            .ctx("s3:prefix", &["home/abc"])
            .identity(pol_cond(
                "Allow",
                "s3:*",
                "*",
                r#"{"StringLike":{"s3:prefix":"home/${aws:username}"}}"#,
            )),
            I,
            Some(Layer::IdentityPolicy),
        ),
        (
            case("unresolvable variable: negated operator matches", ALICE, s3, BUCKET_OBJ)
                .ctx("s3:prefix", &["x"])
                .identity(negated_unresolved),
            A,
            Some(Layer::IdentityPolicy),
        ),
        (
            case("variable in an ARN operator", ALICE, s3, BUCKET_OBJ)
                .ctx("aws:SourceArn", &["arn:aws:s3:::alice-logs"])
                .identity(arn_var),
            A,
            Some(Layer::IdentityPolicy),
        ),
        (
            case("multivalued key is no variable", ALICE, s3, "arn:aws:s3:::bucket/a/x")
                .ctx("aws:username", &["a", "b"])
                .identity(user_home),
            I,
            Some(Layer::IdentityPolicy),
        ),
    ]);
}
