//! The policy linter: one case per finding code (code, severity, position), the `orgtui lint`
//! command's exit codes and JSON shape, and a property that no input panics.

use orgtui::model::PolicyType::{self, *};
use orgtui::policy::lint::{Finding, Severity, lint};
use proptest::prelude::*;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn find(ty: PolicyType, text: &str, code: &str) -> Finding {
    let all = lint(ty, text);
    all.iter().find(|f| f.code == code).cloned().unwrap_or_else(|| panic!("no {code} in {all:#?}"))
}

fn expect(ty: PolicyType, text: &str, code: &str, severity: Severity, line: usize, column: usize) -> Finding {
    let f = find(ty, text, code);
    assert_eq!((f.severity, f.line, f.column), (severity, line, column), "{f:?}");
    f
}

/// Line and column (1-based, characters) of the first occurrence of `needle`.
fn at(text: &str, needle: &str) -> (usize, usize) {
    let i = text.find(needle).unwrap_or_else(|| panic!("{needle} not in {text}"));
    let before = text.get(..i).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Like `expect`, with the position of `needle`.
fn expect_at(ty: PolicyType, text: &str, code: &str, severity: Severity, needle: &str) -> Finding {
    let (line, col) = at(text, needle);
    expect(ty, text, code, severity, line, col)
}

fn scp(statements: &str) -> String {
    format!("{{\"Version\":\"2012-10-17\",\"Statement\":[\n{statements}\n]}}")
}

const DENY_S3: &str = r#"{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}"#;

#[test]
fn clean_policy_has_no_findings() {
    assert_eq!(lint(ServiceControlPolicy, &scp(DENY_S3)), vec![]);
    let rcp = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]}"#;
    assert_eq!(lint(ResourceControlPolicy, rcp), vec![]);
    let tag = r#"{"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"}}}}"#;
    assert_eq!(lint(TagPolicy, tag), vec![]);
}

#[test]
fn byte_order_mark_is_a_json_finding_not_a_rejection() {
    let text = format!("\u{feff}{}", scp(DENY_S3));
    let f = expect(ServiceControlPolicy, &text, "JSON_SYNTAX", Severity::Error, 1, 1);
    assert!(f.message.contains("byte-order mark"), "{f:?}");
    let all = lint(ServiceControlPolicy, &text);
    assert_eq!(all.len(), 1, "only the BOM is wrong: {all:#?}");
}

#[test]
fn truncated_string_says_the_input_or_line_ended() {
    let f = find(ServiceControlPolicy, "{\"Statement\": \"abc\n", "JSON_SYNTAX");
    assert!(f.message.contains("the input ended"), "{f:?}");
    let f = find(ServiceControlPolicy, "{\"Statement\": \"abc", "JSON_SYNTAX");
    assert!(f.message.contains("the input ended"), "{f:?}");
    let f = find(ServiceControlPolicy, "{\"Statement\": \"abc\n\"x\"}", "JSON_SYNTAX");
    assert!(f.message.contains("the line ended"), "{f:?}");
    let f = find(ServiceControlPolicy, "{\"Statement\": \"a\u{1}\"}", "JSON_SYNTAX");
    assert!(f.message.contains("control character"), "{f:?}");
}

#[test]
fn json_syntax() {
    expect(
        ServiceControlPolicy,
        "{\"Statement\": [\n  {\"Effect\": \"Deny\",}\n]}",
        "JSON_SYNTAX",
        Severity::Error,
        2,
        21,
    );
}

#[test]
fn size_limit() {
    let text = format!("{}{}", scp(DENY_S3), " ".repeat(6000));
    // The first character past 5,120 is on the last line.
    let first_two: usize = text.lines().take(2).map(|l| l.chars().count() + 1).sum();
    let f = expect(ResourceControlPolicy, &text, "SIZE_LIMIT", Severity::Error, 3, 5120 - first_two + 1);
    assert!(f.message.contains("5120"), "{}", f.message);
}

#[test]
fn element_not_allowed() {
    let text = scp(r#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}"#);
    expect_at(ServiceControlPolicy, &text, "ELEMENT_NOT_ALLOWED", Severity::Error, "\"Principal");
    let rcp = scp(r#"{"Effect":"Deny","Principal":"*","NotAction":"s3:*","Resource":"*"}"#);
    expect_at(ResourceControlPolicy, &rcp, "ELEMENT_NOT_ALLOWED", Severity::Error, "\"NotAction");
}

#[test]
fn missing_resource_and_principal() {
    let text = scp(r#"{"Effect":"Deny","Action":"s3:*"}"#);
    expect(ServiceControlPolicy, &text, "MISSING_RESOURCE", Severity::Error, 2, 1);
    let rcp = scp(r#"{"Effect":"Deny","Action":"s3:*","Resource":"*"}"#);
    expect(ResourceControlPolicy, &rcp, "MISSING_PRINCIPAL", Severity::Error, 2, 1);
}

#[test]
fn unknown_service_action_resource_type() {
    let text = scp(r#"{"Effect":"Deny","Action":["nosuchsvc:Get","s3:GetObjekt"],"Resource":"*"}"#);
    let f = expect_at(ServiceControlPolicy, &text, "UNKNOWN_SERVICE", Severity::Error, "\"nosuchsvc:Get");
    let date = orgtui::catalog::catalog().date();
    assert!(f.message.contains(date), "{}", f.message);
    let f = expect_at(ServiceControlPolicy, &text, "UNKNOWN_ACTION", Severity::Error, "\"s3:GetObjekt");
    assert!(f.message.contains(date));
    let text = scp(r#"{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::bucket/key:bad:extra:x"}"#);
    let _ = lint(ServiceControlPolicy, &text);
    let text =
        scp(r#"{"Effect":"Deny","Action":"iam:*","Resource":"arn:aws:iam::123456789012:nosuchthing/x"}"#);
    expect_at(ServiceControlPolicy, &text, "UNKNOWN_RESOURCE_TYPE", Severity::Warning, "\"arn:aws:iam");
    let text = scp(r#"{"Effect":"Deny","Action":"iam:*","Resource":"arn:aws:iam::123456789012:role/x"}"#);
    assert!(lint(ServiceControlPolicy, &text).is_empty(), "{:?}", lint(ServiceControlPolicy, &text));
}

#[test]
fn unknown_condition_key() {
    let text = scp(
        r#"{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:NoSuchKey":"x"}}}"#,
    );
    let f =
        expect_at(ServiceControlPolicy, &text, "UNKNOWN_CONDITION_KEY", Severity::Error, "\"aws:NoSuchKey");
    assert!(f.message.contains(orgtui::catalog::catalog().date()));
}

#[test]
fn bad_operator() {
    let text = scp(
        r#"{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringSorta":{"aws:PrincipalArn":"x"}}}"#,
    );
    expect_at(ServiceControlPolicy, &text, "BAD_OPERATOR", Severity::Error, "\"StringSorta");
    let all = lint(ServiceControlPolicy, &text);
    assert!(all.iter().all(|f| f.code != "POLICY_GRAMMAR"), "{all:?}");
    // The rest of the document is still checked.
    let text = scp(
        r#"{"Effect":"Deny","Action":"s3:Nope","Resource":"*","Condition":{"NullIfExists":{"aws:PrincipalArn":"true"}}}"#,
    );
    let f = expect_at(ServiceControlPolicy, &text, "BAD_OPERATOR", Severity::Error, "\"NullIfExists");
    assert!(f.message.contains("IfExists"));
    expect_at(ServiceControlPolicy, &text, "UNKNOWN_ACTION", Severity::Error, "\"s3:Nope");
}

#[test]
fn condition_type_mismatch() {
    // Operator family against the key's type.
    let text = scp(
        r#"{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"NumericEquals":{"aws:PrincipalArn":"1"}}}"#,
    );
    expect_at(
        ServiceControlPolicy,
        &text,
        "CONDITION_TYPE_MISMATCH",
        Severity::Warning,
        "\"aws:PrincipalArn",
    );
    // A value the operator cannot read.
    let text = scp(
        r#"{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"not-an-ip"}}}"#,
    );
    expect_at(ServiceControlPolicy, &text, "CONDITION_TYPE_MISMATCH", Severity::Error, "\"not-an-ip");
}

#[test]
fn wildcard_without_like_and_empty_arrays() {
    let text = scp(
        r#"{"Effect":"Deny","Action":[],"Resource":[],"Condition":{"StringEquals":{"aws:PrincipalArn":"arn:aws:iam::*:role/x","aws:PrincipalAccount":[]}}}"#,
    );
    expect_at(ServiceControlPolicy, &text, "WILDCARD_WITHOUT_LIKE", Severity::Warning, "\"arn:aws:iam::*");
    expect_at(ServiceControlPolicy, &text, "EMPTY_ARRAY", Severity::Error, "\"Action");
    let (line, column) = at(&text, "\"aws:PrincipalAccount");
    let all = lint(ServiceControlPolicy, &text);
    assert!(
        all.iter().any(|f| f.code == "EMPTY_ARRAY"
            && f.severity == Severity::Suggestion
            && (f.line, f.column) == (line, column)),
        "{all:?}"
    );
    let all: Vec<_> =
        lint(ServiceControlPolicy, &text).into_iter().filter(|f| f.code == "EMPTY_ARRAY").collect();
    assert_eq!(all.len(), 3, "{all:?}");
}

#[test]
fn for_all_values_in_allow() {
    let text = scp(
        r#"{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a"]}}}"#,
    );
    expect_at(
        ServiceControlPolicy,
        &text,
        "FOR_ALL_VALUES_IN_ALLOW",
        Severity::SecurityWarning,
        "\"ForAllValues:",
    );
}

#[test]
fn set_operator_on_single_valued_key() {
    let text = scp(
        r#"{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:PrincipalAccount":["1"]}}}"#,
    );
    expect_at(
        ServiceControlPolicy,
        &text,
        "SET_OPERATOR_ON_SINGLE_VALUED_KEY",
        Severity::SecurityWarning,
        "\"aws:PrincipalAccount",
    );
}

#[test]
fn redundant_statement() {
    let text =
        scp(&format!("{},\n{}", r#"{"Sid":"All","Effect":"Deny","Action":"s3:*","Resource":"*"}"#, DENY_S3));
    let f = expect(ServiceControlPolicy, &text, "REDUNDANT_STATEMENT", Severity::Suggestion, 3, 1);
    assert!(f.message.contains("\"All\""));
    // Identical statements: only the later one is reported.
    let text = scp(&format!("{DENY_S3},\n{DENY_S3}"));
    let all: Vec<_> =
        lint(ServiceControlPolicy, &text).into_iter().filter(|f| f.code == "REDUNDANT_STATEMENT").collect();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].line, 3);
}

#[test]
fn not_action_with_allow() {
    let text = scp(r#"{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}"#);
    expect_at(ServiceControlPolicy, &text, "NOT_ACTION_WITH_ALLOW", Severity::SecurityWarning, "\"NotAction");
}

#[test]
fn versions_and_sids() {
    let text = r#"{"Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#;
    expect(ServiceControlPolicy, text, "MISSING_VERSION", Severity::Warning, 1, 1);
    expect(ResourceControlPolicy, text, "MISSING_VERSION", Severity::Error, 1, 1);
    let text =
        r#"{"Version":"2008-10-17","Id":"x","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#;
    expect_at(ServiceControlPolicy, text, "OLD_VERSION", Severity::Error, "\"2008");
    expect_at(ServiceControlPolicy, text, "ELEMENT_NOT_ALLOWED", Severity::Error, "\"x\"");
    let text = scp(&format!(
        "{},\n{}",
        r#"{"Sid":"A","Effect":"Deny","Action":"s3:GetObject","Resource":"*"}"#,
        r#"{"Sid":"A","Effect":"Deny","Action":"s3:PutObject","Resource":"*"}"#
    ));
    expect_at(
        ServiceControlPolicy,
        &text,
        "DUPLICATE_SID",
        Severity::Error,
        "\"A\",\"Effect\":\"Deny\",\"Action\":\"s3:Put",
    );
}

#[test]
fn unknown_rcp_service() {
    let text = scp(r#"{"Effect":"Deny","Principal":"*","Action":"ec2:RunInstances","Resource":"*"}"#);
    expect_at(
        ResourceControlPolicy,
        &text,
        "RCP_UNSUPPORTED_SERVICE",
        Severity::Warning,
        "\"ec2:RunInstances",
    );
}

#[test]
fn policy_grammar_and_rejected() {
    let text = scp(r#"{"Effect":"Deny","Action":"s3:*","Resource":"*","Extra":1}"#);
    expect_at(ServiceControlPolicy, &text, "POLICY_GRAMMAR", Severity::Error, "\"Extra");
    let text = scp(r#"{"Sid":"has space","Effect":"Deny","Action":"s3:*","Resource":"*"}"#);
    expect_at(ServiceControlPolicy, &text, "INVALID_SID", Severity::Error, "\"has space");
    // The engine refuses an SCP action with a wildcard inside the service name's middle; no
    // finding above explains it.
    let text = scp(r#"{"Effect":"Deny","Action":"s*3:Get","Resource":"*"}"#);
    let all = lint(ServiceControlPolicy, &text);
    assert!(all.iter().any(|f| f.severity == Severity::Error), "{all:?}");
}

#[test]
fn inheritance_operator() {
    let text = "{\"tags\": {\"x\": {\n  \"@@assing\": \"y\"}}}";
    expect(TagPolicy, text, "INHERITANCE_OPERATOR", Severity::Error, 2, 3);
    let text = "{\"services\": {\"lex\": {\"opt_out_policy\": {\n \"@@append\": [\"optIn\"]}}}}";
    expect(AiservicesOptOutPolicy, text, "INHERITANCE_OPERATOR", Severity::Error, 2, 2);
    // The key the message names as found, not the one it expects.
    let text = "{\"tags\": {},\n \"other\": {}}";
    expect(TagPolicy, text, "INHERITANCE_OPERATOR", Severity::Error, 2, 2);
    let text = r#"{"plans":{"p":{"rules":{"@@append":"x"}}}}"#;
    expect_at(BackupPolicy, text, "INHERITANCE_OPERATOR", Severity::Error, "\"@@append");
}

#[test]
fn findings_are_sorted() {
    let text = scp(&format!(
        "{},\n{}",
        r#"{"Effect":"Allow","NotAction":"nosuch:X","Resource":"*"}"#,
        r#"{"Effect":"Deny","Principal":"*","Action":"s3:Nope","Resource":"*"}"#
    ));
    let all = lint(ServiceControlPolicy, &text);
    assert!(all.len() >= 3);
    assert!(all.windows(2).all(|w| (w[0].line, w[0].column) <= (w[1].line, w[1].column)), "{all:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(s in "\\PC{0,200}") {
        for ty in PolicyType::ALL {
            let _ = lint(*ty, &s);
        }
    }

    #[test]
    fn random_policy_shaped_text_never_panics(
        s in r#"\{("(Version|Statement|Effect|Action|NotAction|Resource|Principal|Condition|tags|@@assign|@@append|Sid|Deny|Allow|s3:\*|\*|2012-10-17|StringEquals|aws:TagKeys)"|[\[\]{}:,"*a-z0-9 ]){0,60}\}"#,
    ) {
        for ty in [ServiceControlPolicy, ResourceControlPolicy, TagPolicy, AiservicesOptOutPolicy] {
            let findings = lint(ty, &s);
            // Whatever CreatePolicy refuses lints with at least one ERROR.
            if orgtui::engine::validate_policy_document(ty, &s).is_err() {
                prop_assert!(orgtui::policy::lint::has_error(&findings), "{ty} {s} {findings:?}");
            }
        }
    }
}

/// Statement members a random statement is built from.
const MEMBERS: &[&str] = &[
    r#""Effect":"Deny""#,
    r#""Effect":"Allow""#,
    r#""Effect":"Maybe""#,
    r#""Action":"s3:*""#,
    r#""Action":["s3:GetObject","nosuch:X"]"#,
    r#""Action":[]"#,
    r#""NotAction":"iam:*""#,
    r#""Resource":"*""#,
    r#""Resource":["arn:aws:s3:::b/*","bucket"]"#,
    r#""NotResource":"*""#,
    r#""Principal":"*""#,
    r#""Principal":{"AWS":"123456789012"}"#,
    r#""NotPrincipal":"*""#,
    r#""Sid":"A""#,
    r#""Sid":"a b""#,
    r#""Condition":{"StringEquals":{"aws:PrincipalArn":"x*"}}"#,
    r#""Condition":{"ForAllValues:StringLike":{"aws:TagKeys":["a"]}}"#,
    r#""Condition":{"NullIfExists":{"aws:TagKeys":"true"}}"#,
    r#""Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"abc"}}"#,
    r#""Extra":1"#,
];

fn policy_from(version: u8, statements: &[Vec<usize>]) -> String {
    let st: Vec<String> = statements
        .iter()
        .map(|ms| {
            let mut seen = Vec::new();
            let parts: Vec<&str> = ms
                .iter()
                .filter_map(|&i| MEMBERS.get(i % MEMBERS.len()).copied())
                // Keep keys unique (duplicate keys are a JSON_SYNTAX finding, tested above).
                .filter(|m| {
                    let key = m.split(':').next().unwrap_or("");
                    let fresh = !seen.contains(&key.to_string());
                    seen.push(key.to_string());
                    fresh
                })
                .collect();
            format!("{{{}}}", parts.join(","))
        })
        .collect();
    let version = match version % 3 {
        0 => r#""Version":"2012-10-17","#,
        1 => r#""Version":"2008-10-17","#,
        _ => "",
    };
    format!("{{{version}\"Statement\":[{}]}}", st.join(","))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn refused_policies_lint_with_an_error(
        version in 0u8..3,
        statements in prop::collection::vec(prop::collection::vec(0usize..40, 0..7), 0..4),
    ) {
        let text = policy_from(version, &statements);
        for ty in [ServiceControlPolicy, ResourceControlPolicy] {
            let findings = lint(ty, &text);
            if orgtui::engine::validate_policy_document(ty, &text).is_err() {
                prop_assert!(orgtui::policy::lint::has_error(&findings), "{ty} {text} {findings:?}");
            }
        }
    }
}

// ---- the command ----

fn orgtui(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_orgtui"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs orgtui");
    if let Some(input) = stdin {
        // The command may exit before reading (a bad --type): a closed pipe is fine.
        let _ = child.stdin.take().expect("stdin").write_all(input.as_bytes());
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("waits")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn cli_clean_policy_exits_zero() {
    let out = orgtui(&["lint", "--type", "SERVICE_CONTROL_POLICY", "-"], Some(&scp(DENY_S3)));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("0 finding(s)"), "{}", text(&out.stdout));
}

#[test]
fn cli_error_exits_one_with_text_lines() {
    let policy = scp(r#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}"#);
    let out = orgtui(&["lint", "--type", "SERVICE_CONTROL_POLICY", "-"], Some(&policy));
    assert_eq!(out.status.code(), Some(1));
    let s = text(&out.stdout);
    assert!(s.lines().next().is_some_and(|l| l.starts_with("2:18 ERROR ELEMENT_NOT_ALLOWED ")), "{s}");
    assert!(s.lines().last().is_some_and(|l| l.contains("1 error")), "{s}");
}

#[test]
fn cli_warning_only_exits_zero() {
    let policy = scp(r#"{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}"#);
    let out = orgtui(&["lint", "--type", "SERVICE_CONTROL_POLICY", "-"], Some(&policy));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

#[test]
fn cli_json_shape() {
    let dir = std::env::temp_dir().join(format!("orgtui-lint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("tag.json");
    std::fs::write(&path, "{\"tags\": {\"x\": {\n  \"@@assing\": \"y\"}}}").unwrap();
    let out = orgtui(&["lint", "--type", "TAG_POLICY", "--json", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let arr = v.as_array().expect("an array");
    assert_eq!(arr.len(), 1);
    let f = &arr[0];
    assert_eq!(f["severity"], "ERROR");
    assert_eq!(f["code"], "INHERITANCE_OPERATOR");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(2), Some(3)));
    assert!(f["message"].is_string());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_bad_type_exits_two_listing_types() {
    let out = orgtui(&["lint", "--type", "NOPE", "-"], Some("{}"));
    assert_eq!(out.status.code(), Some(2));
    let e = text(&out.stderr);
    assert!(e.contains("SERVICE_CONTROL_POLICY") && e.contains("TAG_POLICY"), "{e}");
}

#[test]
fn cli_unreadable_file_exits_one() {
    let out = orgtui(&["lint", "--type", "TAG_POLICY", "/nonexistent/policy.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read"));
}
