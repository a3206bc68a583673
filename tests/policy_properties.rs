//! Property tests of the evaluator: adding a Deny statement never turns a denial into Allowed;
//! adding an Allow to an SCP level never adds an explicit deny.

mod policy_common;

use orgtui::policy::Decision;
use policy_common::*;
use proptest::prelude::*;

const ACTIONS: &[&str] = &["s3:GetObject", "s3:*", "ec2:*", "*", "s3:Get*", "kms:Decrypt", "sts:AssumeRole"];
const RESOURCES: &[&str] =
    &["*", "arn:aws:s3:::bucket/key", "arn:aws:s3:::bucket/*", "arn:aws:s3:::other", "arn:aws:s3"];
const CONDITIONS: &[&str] = &[
    "",
    r#","Condition":{"Bool":{"aws:SecureTransport":"true"}}"#,
    r#","Condition":{"StringNotEquals":{"aws:PrincipalTag/team":"red"}}"#,
    r#","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a"]}}"#,
];
const PRINCIPALS: &[&str] = &[
    r#""*""#,
    r#"{"AWS":"111122223333"}"#,
    r#"{"AWS":"arn:aws:iam::111122223333:user/alice"}"#,
    r#"{"AWS":"arn:aws:iam::111122223333:role/App"}"#,
    r#"{"AWS":"arn:aws:iam::444455556666:user/bob"}"#,
];
const CALLERS: &[&str] = &[ALICE, SESSION, OTHER_USER, "*", "arn:aws:sts::111122223333:federated-user/carol"];
const REQ_ACTIONS: &[&str] =
    &["s3:GetObject", "ec2:RunInstances", "kms:Decrypt", "sts:AssumeRole", "s3:ListAllMyBuckets"];

fn statement(with_principal: bool, effect: Option<&'static str>) -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["Allow", "Deny"]),
        prop::sample::select(ACTIONS.to_vec()),
        prop::sample::select(RESOURCES.to_vec()),
        prop::sample::select(CONDITIONS.to_vec()),
        prop::sample::select(PRINCIPALS.to_vec()),
        any::<bool>(),
    )
        .prop_map(move |(e, a, r, c, p, not)| {
            let e = effect.unwrap_or(e);
            let principal = if with_principal {
                let key = if not && e == "Deny" { "NotPrincipal" } else { "Principal" };
                format!(r#","{key}":{p}"#)
            } else {
                String::new()
            };
            format!(r#"{{"Effect":"{e}","Action":"{a}","Resource":"{r}"{principal}{c}}}"#)
        })
}

fn policy(with_principal: bool) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(statement(with_principal, None), 1..3)
}

fn doc(statements: &[String]) -> String {
    format!(r#"{{"Version":"2012-10-17","Statement":[{}]}}"#, statements.join(","))
}

#[derive(Debug, Clone)]
struct World {
    caller: &'static str,
    action: &'static str,
    resource: &'static str,
    cross: bool,
    ctx: Vec<(&'static str, Vec<&'static str>)>,
    identity: Vec<Vec<String>>,
    boundary: Option<Vec<String>>,
    session: Option<Vec<String>>,
    resource_policy: Option<Vec<String>>,
    scps: Option<Vec<Vec<Vec<String>>>>,
    rcps: Option<Vec<Vec<Vec<String>>>>,
}

fn world() -> impl Strategy<Value = World> {
    (
        (
            prop::sample::select(CALLERS.to_vec()),
            prop::sample::select(REQ_ACTIONS.to_vec()),
            prop::sample::select(vec![
                "*",
                "arn:aws:s3:::bucket/key",
                "arn:aws:kms:eu-west-1:111122223333:key/k",
            ]),
            any::<bool>(),
            prop::sample::subsequence(
                vec![
                    ("aws:SecureTransport", vec!["true"]),
                    ("aws:PrincipalTag/team", vec!["red"]),
                    ("aws:TagKeys", vec!["a", "b"]),
                ],
                0..3,
            ),
        ),
        prop::collection::vec(policy(false), 0..3),
        prop::option::of(policy(false)),
        prop::option::of(policy(false)),
        prop::option::of(policy(true)),
        prop::option::of(prop::collection::vec(prop::collection::vec(policy(false), 0..3), 1..4)),
        prop::option::of(prop::collection::vec(prop::collection::vec(policy(true), 0..2), 1..3)),
    )
        .prop_map(
            |(
                (caller, action, resource, cross, ctx),
                identity,
                boundary,
                session,
                resource_policy,
                scps,
                rcps,
            )| {
                World {
                    caller,
                    action,
                    resource,
                    cross,
                    ctx,
                    identity,
                    boundary,
                    session,
                    resource_policy,
                    scps,
                    rcps,
                }
            },
        )
}

impl World {
    fn case(&self) -> Case {
        let mut c = case("property", self.caller, self.action, self.resource);
        if self.cross {
            c = c.resource_account("999999999999");
        }
        for (k, v) in &self.ctx {
            c = c.ctx(k, v);
        }
        for p in &self.identity {
            c = c.identity(doc(p));
        }
        if let Some(b) = &self.boundary {
            c = c.boundary(doc(b));
        }
        if let Some(s) = &self.session {
            c = c.session(doc(s));
        }
        if let Some(r) = &self.resource_policy {
            c = c.resource_policy(doc(r));
        }
        let levels = |l: &Vec<Vec<Vec<String>>>| -> Vec<Vec<String>> {
            l.iter().map(|lv| lv.iter().map(|p| doc(p)).collect()).collect()
        };
        c.scps = self.scps.as_ref().map(levels);
        c.rcps = self.rcps.as_ref().map(levels);
        c
    }
}

/// Where to add a statement.
#[derive(Debug, Clone)]
enum Target {
    Identity,
    Boundary,
    Session,
    Resource,
    Scp(usize),
    Rcp(usize),
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::Identity),
        Just(Target::Boundary),
        Just(Target::Session),
        Just(Target::Resource),
        (0usize..4).prop_map(Target::Scp),
        (0usize..3).prop_map(Target::Rcp),
    ]
}

fn add(w: &World, t: &Target, st: String) -> World {
    let mut w = w.clone();
    let push_level = |levels: &mut Option<Vec<Vec<Vec<String>>>>, i: usize, st: String| {
        if let Some(levels) = levels {
            let n = levels.len();
            if let Some(level) = levels.get_mut(i % n.max(1)) {
                level.push(vec![st]);
            }
        }
    };
    match t {
        Target::Identity => w.identity.push(vec![st]),
        Target::Boundary => w.boundary.get_or_insert_with(Vec::new).push(st),
        Target::Session => w.session.get_or_insert_with(Vec::new).push(st),
        Target::Resource => w.resource_policy.get_or_insert_with(Vec::new).push(st),
        Target::Scp(i) => push_level(&mut w.scps, *i, st),
        Target::Rcp(i) => push_level(&mut w.rcps, *i, st),
    }
    w
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn adding_a_deny_never_allows(w in world(), t in target(), plain in statement(false, Some("Deny")), with_p in statement(true, Some("Deny"))) {
        let before = w.case().run().decision;
        let st = if matches!(t, Target::Resource | Target::Rcp(_)) { with_p } else { plain };
        let after = add(&w, &t, st).case().run().decision;
        if before != Decision::Allowed {
            prop_assert_ne!(after, Decision::Allowed);
        }
    }

    #[test]
    fn an_scp_allow_never_adds_an_explicit_deny(w in world(), i in 0usize..4, st in statement(false, Some("Allow"))) {
        let before = w.case().run().decision;
        let after = add(&w, &Target::Scp(i), st).case().run().decision;
        if before != Decision::ExplicitlyDenied {
            prop_assert_ne!(after, Decision::ExplicitlyDenied);
        }
    }
}
