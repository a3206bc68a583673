//! The worked examples of reference §9.3 and the corner cases of §9.2.

use super::*;
use serde_json::json;

fn target(s: &str) -> TargetId {
    TargetId::parse(s).unwrap()
}

fn pid(s: &str) -> PolicyId {
    PolicyId::parse(s).unwrap()
}

/// One level: a target and its policies (id, content) in attachment order.
fn level(t: &str, policies: &[(&str, Value)]) -> MergeLevel {
    MergeLevel {
        target: target(t),
        policies: policies.iter().map(|(id, c)| MergePolicy { id: pid(id), content: c.clone() }).collect(),
    }
}

fn run(levels: Vec<MergeLevel>) -> EffectiveDocument {
    merge(&MergeInput { levels })
}

const ROOT: &str = "r-ab12";
const OU1: &str = "ou-ab12-11111111";
const OU2: &str = "ou-ab12-22222222";
const ACCT: &str = "333333333333";

fn policy_a() -> Value {
    json!({"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"},
        "tag_value":{"@@assign":["Development","Support"]}}}})
}

#[test]
fn example_assign_overrides_array_and_adds_keys() {
    let b = json!({"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"},
        "tag_value":{"@@assign":["Sandbox"]},
        "enforced_for":{"@@assign":["redshift:*","dynamodb:table"]}}}});
    let doc = run(vec![level(ROOT, &[("p-aaaaaaaa", policy_a())]), level(OU1, &[("p-bbbbbbbb", b)])]);
    assert_eq!(
        doc.value,
        json!({"tags":{"costcenter":{"tag_key":"CostCenter","tag_value":["Sandbox"],
            "enforced_for":["redshift:*","dynamodb:table"]}}})
    );
    assert_eq!(
        doc.to_json_string(),
        r#"{"tags":{"costcenter":{"tag_key":"CostCenter","tag_value":["Sandbox"],"enforced_for":["redshift:*","dynamodb:table"]}}}"#
    );
    assert!(doc.ignored.is_empty());
}

#[test]
fn example_append_and_remove() {
    let c = json!({"tags":{"costcenter":{"tag_value":{"@@append":["Marketing"]}}}});
    let d = json!({"tags":{"costcenter":{"tag_value":{"@@remove":["Development","Marketing"]}}}});
    let ou2 = vec![level(ROOT, &[("p-aaaaaaaa", policy_a())]), level(OU2, &[("p-cccccccc", c.clone())])];
    assert_eq!(
        run(ou2).value,
        json!({"tags":{"costcenter":{"tag_key":"CostCenter",
            "tag_value":["Development","Support","Marketing"]}}})
    );
    let x = vec![
        level(ROOT, &[("p-aaaaaaaa", policy_a())]),
        level(OU2, &[("p-cccccccc", c)]),
        level(ACCT, &[("p-dddddddd", d)]),
    ];
    let doc = run(x);
    assert_eq!(doc.value, json!({"tags":{"costcenter":{"tag_key":"CostCenter","tag_value":["Support"]}}}));
    // "Support" came from the root's policy A.
    let o = doc.origins.iter().find(|o| pointer(&o.path) == "/tags/costcenter/tag_value/0").unwrap();
    assert_eq!(o.source, ValueOrigin { target: target(ROOT), policy: pid("p-aaaaaaaa") });
    assert_eq!(o.operator, ValueOperator::Assign);
}

#[test]
fn example_child_control_none_and_append_only() {
    let root = json!({"tags":{"project":{
        "tag_key":{"@@operators_allowed_for_child_policies":["@@none"],"@@assign":"Project"},
        "tag_value":{"@@operators_allowed_for_child_policies":["@@append"],
            "@@assign":["Maintenance","Escalations"]}}}});
    let ou = json!({"tags":{"project":{"tag_key":{"@@assign":"PROJECT"},
        "tag_value":{"@@append":["Escalations - research"]}}}});
    let doc = run(vec![level(ROOT, &[("p-aaaaaaaa", root)]), level(OU1, &[("p-bbbbbbbb", ou)])]);
    assert_eq!(
        doc.value,
        json!({"tags":{"project":{"tag_key":"Project",
            "tag_value":["Maintenance","Escalations","Escalations - research"]}}})
    );
    assert_eq!(doc.ignored.len(), 1);
    assert_eq!(doc.ignored[0].reason, IgnoredReason::OperatorNotAllowed);
    assert_eq!(pointer(&doc.ignored[0].path), "/tags/project/tag_key");
    assert_eq!(doc.ignored[0].source.policy, pid("p-bbbbbbbb"));
    let appended = doc.origins.iter().find(|o| pointer(&o.path) == "/tags/project/tag_value/2").unwrap();
    assert_eq!(appended.source.target, target(OU1));
    assert_eq!(appended.operator, ValueOperator::Append);
}

#[test]
fn example_same_node_restrictions_intersect() {
    let p1 = json!({"tags":{"project":{"tag_value":{
        "@@operators_allowed_for_child_policies":["@@append"],"@@assign":["A","B"]}}}});
    let p2 = json!({"tags":{"project":{"tag_value":{
        "@@operators_allowed_for_child_policies":["@@append","@@remove"]}}}});
    let remove = json!({"tags":{"project":{"tag_value":{"@@remove":["A"]}}}});
    let append = json!({"tags":{"project":{"tag_value":{"@@append":["C"]}}}});
    let assign = json!({"tags":{"project":{"tag_value":{"@@assign":["Z"]}}}});
    let doc = run(vec![
        level(ROOT, &[("p-aaaaaaaa", p1), ("p-bbbbbbbb", p2)]),
        level(OU1, &[("p-cccccccc", remove), ("p-dddddddd", append), ("p-eeeeeeee", assign)]),
    ]);
    assert_eq!(doc.value, json!({"tags":{"project":{"tag_value":["A","B","C"]}}}));
    let reasons: Vec<_> = doc.ignored.iter().map(|i| (i.operator.as_str(), i.reason)).collect();
    assert_eq!(
        reasons,
        vec![
            ("@@remove", IgnoredReason::OperatorNotAllowed),
            ("@@assign", IgnoredReason::OperatorNotAllowed)
        ]
    );
}

#[test]
fn example_ai_opt_out_new_service_key_allowed() {
    let root = json!({"services":{"default":{"@@operators_allowed_for_child_policies":["@@none"],
        "opt_out_policy":{"@@operators_allowed_for_child_policies":["@@none"],"@@assign":"optOut"}}}});
    let acct = json!({"services":{"lex":{"opt_out_policy":{"@@assign":"optIn"}}}});
    let doc = run(vec![
        level(ROOT, &[("p-aaaaaaaa", root)]),
        level(OU1, &[]),
        level(ACCT, &[("p-bbbbbbbb", acct)]),
    ]);
    assert_eq!(
        doc.value,
        json!({"services":{"default":{"opt_out_policy":"optOut"},"lex":{"opt_out_policy":"optIn"}}})
    );
    assert_eq!(
        doc.to_json_string(),
        r#"{"services":{"default":{"opt_out_policy":"optOut"},"lex":{"opt_out_policy":"optIn"}}}"#
    );
}

#[test]
fn none_on_a_container_blocks_new_sub_keys_and_locked_leaf_keeps_value() {
    let root = json!({"services":{"@@operators_allowed_for_child_policies":["@@none"],
        "default":{"opt_out_policy":{"@@operators_allowed_for_child_policies":["@@none"],"@@assign":"optOut"}}}});
    let acct = json!({"services":{"lex":{"opt_out_policy":{"@@assign":"optIn"}},
        "default":{"opt_out_policy":{"@@assign":"optIn"}}}});
    let doc = run(vec![level(ROOT, &[("p-aaaaaaaa", root)]), level(ACCT, &[("p-bbbbbbbb", acct)])]);
    assert_eq!(doc.value, json!({"services":{"default":{"opt_out_policy":"optOut"}}}));
    let reasons: Vec<_> = doc.ignored.iter().map(|i| (pointer(&i.path), i.reason)).collect();
    assert_eq!(
        reasons,
        vec![
            ("/services/lex".to_string(), IgnoredReason::NewKeyNotAllowed),
            ("/services/default/opt_out_policy".to_string(), IgnoredReason::OperatorNotAllowed),
        ]
    );
}

#[test]
fn same_level_first_attached_assign_wins_but_lower_levels_override() {
    let first = json!({"tags":{"env":{"tag_key":{"@@assign":"Env"},"tag_value":{"@@append":["a"]}}}});
    let second = json!({"tags":{"env":{"tag_key":{"@@assign":"ENV"},"tag_value":{"@@append":["b"]}}}});
    let doc = run(vec![level(OU1, &[("p-aaaaaaaa", first.clone()), ("p-bbbbbbbb", second.clone())])]);
    assert_eq!(doc.value, json!({"tags":{"env":{"tag_key":"Env","tag_value":["a","b"]}}}));
    assert_eq!(doc.ignored.len(), 1);
    assert_eq!(doc.ignored[0].reason, IgnoredReason::SameLevelConflict);
    // On separate levels the lower one wins.
    let doc = run(vec![level(ROOT, &[("p-aaaaaaaa", first)]), level(OU1, &[("p-bbbbbbbb", second)])]);
    assert_eq!(doc.value, json!({"tags":{"env":{"tag_key":"ENV","tag_value":["a","b"]}}}));
}

#[test]
fn restriction_takes_effect_only_below_its_level() {
    let lock = json!({"tags":{"env":{"tag_value":{"@@operators_allowed_for_child_policies":["@@none"],
        "@@assign":["a"]}}}});
    let same = json!({"tags":{"env":{"tag_value":{"@@append":["b"]}}}});
    let doc = run(vec![
        level(ROOT, &[("p-aaaaaaaa", lock), ("p-bbbbbbbb", same.clone())]),
        level(OU1, &[("p-cccccccc", same)]),
    ]);
    assert_eq!(doc.value, json!({"tags":{"env":{"tag_value":["a","b"]}}}));
    assert_eq!(doc.ignored.len(), 1);
    assert_eq!(doc.ignored[0].source.target, target(OU1));
}

#[test]
fn child_cannot_widen_a_restriction() {
    let root = json!({"k":{"@@operators_allowed_for_child_policies":["@@append"],"@@assign":["a"]}});
    let ou = json!({"k":{"@@operators_allowed_for_child_policies":["@@all"],"@@append":["b"]}});
    let acct = json!({"k":{"@@assign":["z"],"@@remove":["a"],"@@append":["c"]}});
    let doc = run(vec![
        level(ROOT, &[("p-aaaaaaaa", root)]),
        level(OU1, &[("p-bbbbbbbb", ou)]),
        level(ACCT, &[("p-cccccccc", acct)]),
    ]);
    assert_eq!(doc.value, json!({"k":["a","b","c"]}));
}

#[test]
fn removing_every_value_omits_the_key_and_empty_containers() {
    let root =
        json!({"tags":{"cc":{"tag_value":{"@@assign":["a","b"]}},"keep":{"tag_key":{"@@assign":"Keep"}}}});
    let acct = json!({"tags":{"cc":{"tag_value":{"@@remove":["a","b","x"]}}}});
    let doc = run(vec![level(ROOT, &[("p-aaaaaaaa", root)]), level(ACCT, &[("p-bbbbbbbb", acct)])]);
    assert_eq!(doc.value, json!({"tags":{"keep":{"tag_key":"Keep"}}}));
    // An explicitly assigned empty array stays.
    let doc = run(vec![level(ROOT, &[("p-aaaaaaaa", json!({"k":{"@@assign":[]}}))])]);
    assert_eq!(doc.value, json!({"k":[]}));
    // Nothing at all renders as an empty object.
    assert_eq!(run(vec![]).value, json!({}));
}

#[test]
fn append_without_inherited_value_creates_the_array_without_duplicates() {
    let doc = run(vec![
        level(ROOT, &[("p-aaaaaaaa", json!({"k":{"@@append":["a","b"]}}))]),
        level(ACCT, &[("p-bbbbbbbb", json!({"k":{"@@append":["b","c"]}}))]),
    ]);
    assert_eq!(doc.value, json!({"k":["a","b","c"]}));
    assert_eq!(
        doc.contributing_policies(&[PathSegment::Key("k".into())]),
        vec![pid("p-aaaaaaaa"), pid("p-bbbbbbbb")]
    );
}

#[test]
fn bare_values_count_as_assign_and_misused_operators_are_ignored() {
    let root = json!({"a":"x","b":{"@@assign":"s"},"c":{"@@remove":"notarray"},"d":{"@@frob":1}});
    let ou = json!({"b":{"@@append":["t"]},"a":{"@@remove":["x"]}});
    let doc = run(vec![level(ROOT, &[("p-aaaaaaaa", root)]), level(OU1, &[("p-bbbbbbbb", ou)])]);
    assert_eq!(doc.value, json!({"a":"x","b":"s"}));
    let reasons: Vec<_> = doc.ignored.iter().map(|i| i.reason).collect();
    assert_eq!(
        reasons,
        vec![
            IgnoredReason::NotAnArray,
            IgnoredReason::UnknownOperator,
            IgnoredReason::NotAnArray,
            IgnoredReason::NotAnArray
        ]
    );
}

#[test]
fn non_object_documents_and_odd_inputs_do_not_panic() {
    let odd = [
        json!(null),
        json!([1, 2]),
        json!("text"),
        json!({"@@operators_allowed_for_child_policies": "@@none", "k": {"@@assign": {"nested": [1]}}}),
        json!({"k": {"@@operators_allowed_for_child_policies": [1, null, "@@bogus"]}}),
        json!({"k": {"@@append": []}, "m": {"@@remove": []}}),
    ];
    let levels = odd
        .iter()
        .enumerate()
        .map(|(i, v)| MergeLevel {
            target: target(ACCT),
            policies: vec![MergePolicy { id: pid(&format!("p-0000000{i}")), content: v.clone() }],
        })
        .collect();
    let doc = run(levels);
    assert_eq!(doc.value, json!({"k":{"nested":[1]}}));
    assert_eq!(doc.ignored.iter().filter(|i| i.reason == IgnoredReason::NotAnObject).count(), 3);
    // A very deep document is cut off, not overflowed.
    let mut deep = json!({"@@assign": 1});
    for _ in 0..200 {
        deep = json!({ "k": deep });
    }
    let doc = run(vec![level(ROOT, &[("p-aaaaaaaa", deep)])]);
    assert!(doc.ignored.iter().any(|i| i.reason == IgnoredReason::TooDeep));
}

#[test]
fn operator_set_parsing() {
    assert_eq!(OperatorSet::parse(&json!(["@@all"])), OperatorSet::ALL);
    assert_eq!(OperatorSet::parse(&json!(["@@none"])), OperatorSet::NONE);
    assert_eq!(
        OperatorSet::parse(&json!(["@@assign", "@@remove"])),
        OperatorSet { assign: true, append: false, remove: true }
    );
    assert!(OperatorSet::parse(&json!("@@append")).append);
    assert_eq!(pointer(&[PathSegment::Key("a/b~c".into()), PathSegment::Index(3)]), "/a~1b~0c/3");
}
