//! Policy parsing: every grammar element, positions in errors, strict JSON, canonical printing,
//! and property tests (random input never panics; parse → print → parse is the identity).

use orgtui::policy::json::{self, Pos};
use orgtui::policy::parse::{Effect, Principal, Version};
use orgtui::policy::{parse_policy, print_policy};
use proptest::prelude::*;

fn pos(line: u32, col: u32) -> Pos {
    Pos { line, col }
}

#[test]
fn every_element_parses() {
    let text = r#"{
  "Version": "2012-10-17",
  "Id": "doc-1",
  "Statement": [
    {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": ["123456789012", "arn:aws:iam::111122223333:role/R"], "Service": "s3.amazonaws.com"},
     "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"],
     "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["a", "b"]}, "NumericLessThan": {"s3:max-keys": 10}, "Bool": {"aws:SecureTransport": true}}},
    {"Effect": "Deny", "NotPrincipal": "*", "NotAction": ["iam:*"], "NotResource": "*"}
  ]
}"#;
    let doc = parse_policy(text).unwrap();
    assert_eq!(doc.version.as_ref().unwrap().value, Version::V2012);
    assert_eq!(doc.id.as_ref().unwrap().value, "doc-1");
    assert_eq!(doc.statements.len(), 2);
    let s0 = &doc.statements[0];
    assert_eq!(s0.sid.as_ref().unwrap().value, "A");
    assert_eq!(s0.effect.value, Effect::Allow);
    assert_eq!(s0.effect.pos, pos(5, 28));
    assert!(!s0.action.not);
    assert_eq!(s0.resource.as_ref().unwrap().value.len(), 2);
    assert_eq!(s0.condition.len(), 3);
    assert_eq!(s0.condition[1].keys[0].values[0].value.text, "10");
    match &s0.principal.as_ref().unwrap().value {
        Principal::Map(m) => assert_eq!(m.len(), 2),
        Principal::Wildcard => panic!("map expected"),
    }
    let s1 = &doc.statements[1];
    assert!(s1.action.not && s1.resource.as_ref().unwrap().not && s1.principal.as_ref().unwrap().not);
    assert_eq!(s1.principal.as_ref().unwrap().value, Principal::Wildcard);
    assert_eq!(s1.pos, pos(8, 5));
}

#[test]
fn statement_as_single_object() {
    let doc = parse_policy(r#"{"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}"#).unwrap();
    assert_eq!(doc.statements.len(), 1);
    assert!(doc.version.is_none());
    assert!(!doc.variables_enabled());
}

/// (policy text, expected path, expected line:column, message fragment)
const ERRORS: &[(&str, &str, (u32, u32), &str)] = &[
    ("{\"Statement\": []", "", (1, 17), "malformed JSON"),
    ("[]", "", (1, 1), "must be an object"),
    ("{\"Version\": \"2012-10-17\"}", "", (1, 1), "missing Statement"),
    ("{\"Version\": \"2010-01-01\", \"Statement\": []}", "Version", (1, 13), "invalid version"),
    ("{\"Statement\": [], \"Foo\": 1}", "Foo", (1, 19), "unknown policy element"),
    ("{\"Statement\": 3}", "Statement", (1, 15), "object or an array"),
    (
        "{\"Statement\": [{\"Effect\": \"allow\", \"Action\": \"*\"}]}",
        "Statement[0].Effect",
        (1, 27),
        "Allow",
    ),
    ("{\"Statement\": [{\"Action\": \"*\"}]}", "Statement[0]", (1, 16), "missing Effect"),
    ("{\"Statement\": [{\"Effect\": \"Allow\"}]}", "Statement[0]", (1, 16), "missing Action"),
    (
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"NotAction\": \"*\"}]}",
        "Statement[0].NotAction",
        (1, 51),
        "not both",
    ),
    (
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"NotResource\": \"*\"}]}",
        "Statement[0].NotResource",
        (1, 68),
        "not both",
    ),
    (
        "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\", \"Principal\": \"*\", \"NotPrincipal\": \"*\"}]}",
        "Statement[0].NotPrincipal",
        (1, 68),
        "not both",
    ),
    (
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"a:b\", 3]}]}",
        "Statement[0].Action[1]",
        (1, 54),
        "string",
    ),
    (
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": {\"StringEqualz\": {}}}]}",
        "Statement[0].Condition.StringEqualz",
        (1, 65),
        "unknown condition operator",
    ),
    (
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": {\"NullIfExists\": {}}}]}",
        "Statement[0].Condition.NullIfExists",
        (1, 65),
        "unknown condition operator",
    ),
    (
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": {\"Bool\": {\"k\": {}}}}]}",
        "Statement[0].Condition.Bool.k",
        (1, 79),
        "condition value",
    ),
    (
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Principal\": {\"Foo\": \"x\"}}]}",
        "Statement[0].Principal.Foo",
        (1, 65),
        "unknown principal type",
    ),
    (
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Sid\": 1}]}",
        "Statement[0].Sid",
        (1, 58),
        "string",
    ),
    (
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Bogus\": 1}]}",
        "Statement[0].Bogus",
        (1, 51),
        "unknown statement element",
    ),
    ("{\"Statement\": [], \"Statement\": []}", "", (1, 19), "duplicate key"),
];

#[test]
fn errors_point_at_their_place() {
    for (text, path, (line, col), frag) in ERRORS {
        let e = parse_policy(text).expect_err(text);
        assert_eq!(e.path, *path, "{text}: {e}");
        assert_eq!(e.pos, pos(*line, *col), "{text}: {e}");
        assert!(e.message.contains(frag), "{text}: {e}");
    }
}

#[test]
fn json_positions_count_characters_on_the_line() {
    let v = json::parse("{\"é\": \n  [\"ü\", 2]}").unwrap();
    let m = v.as_object().unwrap();
    assert_eq!(m[0].value.pos, pos(2, 3));
    let e = json::parse("{\"a\": \"é\" x}").unwrap_err();
    assert_eq!(e.pos, pos(1, 11));
}

#[test]
fn printing_is_canonical() {
    let text = r#"{"Statement": {"Resource": "*", "Action": ["s3:Get*"], "Effect": "Allow", "Condition": {"NumericEquals": {"k": 1}}}, "Version": "2012-10-17"}"#;
    let doc = parse_policy(text).unwrap();
    assert_eq!(
        print_policy(&doc),
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*","Condition":{"NumericEquals":{"k":1}}}]}"#
    );
}

fn ident() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("*".to_string()),
        "[a-z0-9]{1,6}:[A-Za-z*?]{1,8}",
        "arn:aws:s3:::[a-z*/${}:\"\\\\é]{0,12}",
        "[ -~]{0,10}",
    ]
}

fn values() -> impl Strategy<Value = String> {
    prop::collection::vec(ident(), 1..4).prop_map(|v| {
        if v.len() == 1 {
            string_lit(&v[0])
        } else {
            format!("[{}]", v.iter().map(|s| string_lit(s)).collect::<Vec<_>>().join(","))
        }
    })
}

fn string_lit(s: &str) -> String {
    let mut o = String::new();
    json::write_string(&mut o, s);
    o
}

fn statement() -> impl Strategy<Value = String> {
    (
        prop::option::of("[A-Za-z0-9]{1,8}"),
        any::<bool>(),
        any::<bool>(),
        values(),
        prop::option::of((any::<bool>(), values())),
        prop::option::of((any::<bool>(), values())),
        prop::option::of((
            prop::sample::select(vec![
                "StringLike",
                "ForAnyValue:StringEquals",
                "NumericLessThanIfExists",
                "Null",
                "Bool",
            ]),
            "[a-zA-Z:/]{1,12}",
            values(),
            prop::sample::select(vec!["", "1", "true", "2.5"]),
        )),
    )
        .prop_map(|(sid, allow, not_action, actions, res, princ, cond)| {
            let mut parts = Vec::new();
            if let Some(s) = sid {
                parts.push(format!("\"Sid\":\"{s}\""));
            }
            parts.push(format!("\"Effect\":\"{}\"", if allow { "Allow" } else { "Deny" }));
            parts.push(format!("\"{}\":{actions}", if not_action { "NotAction" } else { "Action" }));
            if let Some((not, r)) = res {
                parts.push(format!("\"{}\":{r}", if not { "NotResource" } else { "Resource" }));
            }
            if let Some((not, p)) = princ {
                parts.push(format!("\"{}\":{{\"AWS\":{p}}}", if not { "NotPrincipal" } else { "Principal" }));
            }
            if let Some((op, key, vals, scalar)) = cond {
                let v = if scalar.is_empty() { vals } else { scalar.to_string() };
                parts.push(format!("\"Condition\":{{\"{op}\":{{{}:{v}}}}}", string_lit(&key)));
            }
            format!("{{{}}}", parts.join(","))
        })
}

fn document() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["", "\"Version\":\"2012-10-17\",", "\"Version\":\"2008-10-17\","]),
        prop::option::of("[a-z0-9-]{1,8}"),
        prop::collection::vec(statement(), 1..4),
        any::<bool>(),
    )
        .prop_map(|(version, id, sts, single)| {
            let id = id.map(|i| format!("\"Id\":\"{i}\",")).unwrap_or_default();
            let body = if single && sts.len() == 1 { sts[0].clone() } else { format!("[{}]", sts.join(",")) };
            format!("{{{version}{id}\"Statement\":{body}}}")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = json::parse(&text);
        let _ = json::parse_many(&text);
        let _ = parse_policy(&text);
    }

    #[test]
    fn json_like_noise_never_panics(text in "[\\[\\]{}\":,0-9a-z\\\\ \n.eE+-]{0,80}") {
        let _ = json::parse_many(&text);
        let _ = parse_policy(&text);
    }

    #[test]
    fn parse_print_parse_is_identity(text in document()) {
        let doc = parse_policy(&text).unwrap();
        let printed = print_policy(&doc);
        let again = parse_policy(&printed).unwrap();
        prop_assert_eq!(&doc, &again);
        prop_assert_eq!(print_policy(&again), printed);
    }
}
