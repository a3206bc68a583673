//! Change sets: the file format, plans (errors before anything is sent), inverses (undo restores
//! the organization) and the diff → change set → apply round trip on random organizations.

use orgtui::backend::request::ApiRequest;
use orgtui::changes::exec::{Runner, run_on_engine};
use orgtui::changes::plan::{Outcome, inverse_of};
use orgtui::changes::{ChangeSet, Step, diff, emit_changes, plan};
use orgtui::engine::EngineState;
use orgtui::model::*;
use proptest::prelude::*;

const NOW: Timestamp = Timestamp(1_767_225_600_000);
const ROOT: &str = "r-ex4m";
const SANDBOX: &str = "ou-ex4m-1ppmdudc";
const ANALYTICS: &str = "ou-ex4m-h8z8lu2m";
const ALICE: &str = "725692141910";

fn sample() -> EngineState {
    orgtui::snapshot::sample().unwrap().state
}

fn set(ops: serde_json::Value) -> ChangeSet {
    let text = serde_json::json!({"format": "orgtui-changes/1", "description": "test", "operations": ops})
        .to_string();
    ChangeSet::parse(&text).unwrap_or_else(|e| panic!("{e}"))
}

fn watch() -> Vec<String> {
    orgtui::policy::blast::DEFAULT_WATCH.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_file_round_trips_and_refuses_what_it_does_not_know() {
    let s = set(serde_json::json!([
        {"operation": "CreateOrganizationalUnit", "request": {"ParentId": ROOT, "Name": "Labs"}, "ref": "labs"},
        {"operation": "MoveAccount", "request": {"AccountId": ALICE, "SourceParentId": SANDBOX, "DestinationParentId": "ref:labs"}, "note": "alice moves"},
    ]));
    assert_eq!(s.operations.len(), 2);
    assert_eq!(ChangeSet::parse(&s.to_json()).unwrap(), s);
    let bad = |ops: serde_json::Value| {
        let text = serde_json::json!({"format": "orgtui-changes/1", "operations": ops}).to_string();
        ChangeSet::parse(&text).unwrap_err()
    };
    let e = bad(serde_json::json!([{"operation": "DeletePolicy", "request": {"PolicyId": "p-1"}},
        {"operation": "MoveAccount", "request": {"AccountId": ALICE, "Destination": "x"}}]));
    assert!(e.path.starts_with("operations[1].request"), "{e}");
    let e = bad(serde_json::json!([{"operation": "MoveAccount", "request": {"AccountId": ALICE,
        "SourceParentId": ROOT, "DestinationParentId": SANDBOX, "Extra": 1}}]));
    assert_eq!(e.path, "operations[0].request.Extra", "{e}");
    let e = bad(serde_json::json!([{"operation": "CreateAccount", "request": {}}]));
    assert_eq!(e.path, "operations[0].operation", "{e}");
    let e =
        bad(serde_json::json!([{"operation": "DeletePolicy", "request": {"PolicyId": "p-1"}, "colour": 1}]));
    assert_eq!(e.path, "operations[0].colour", "{e}");
    let e = ChangeSet::parse(r#"{"format":"orgtui-changes/2","operations":[]}"#).unwrap_err();
    assert_eq!(e.path, "format");
}

fn outcome_codes(s: &ChangeSet) -> Vec<Option<String>> {
    let p = plan(&sample(), s, NOW, &watch()).unwrap();
    p.operations
        .iter()
        .map(|o| match &o.outcome {
            Outcome::Ok => None,
            Outcome::Error { code, .. } => Some(code.clone()),
        })
        .collect()
}

#[test]
fn plan_shows_every_error_before_anything_is_sent() {
    let codes = outcome_codes(&set(serde_json::json!([
        {"operation": "CreateOrganizationalUnit", "request": {"ParentId": ROOT, "Name": "Security"}},
        {"operation": "AttachPolicy", "request": {"PolicyId": "p-xvmq5im0", "TargetId": "ou-ex4m-zzzzzzzz"}},
        {"operation": "DetachPolicy", "request": {"PolicyId": "p-FullAWSAccess", "TargetId": ANALYTICS}},
        {"operation": "MoveAccount", "request": {"AccountId": ALICE, "SourceParentId": SANDBOX, "DestinationParentId": "ref:later"}},
        {"operation": "CreateOrganizationalUnit", "request": {"ParentId": ROOT, "Name": "Later"}, "ref": "later"},
        {"operation": "DeleteOrganizationalUnit", "request": {"OrganizationalUnitId": SANDBOX}},
    ])));
    assert_eq!(codes[0].as_deref(), Some("DuplicateOrganizationalUnitException"));
    assert_eq!(codes[1].as_deref(), Some("TargetNotFoundException"));
    assert_eq!(codes[2].as_deref(), Some("ConstraintViolationException"));
    assert_eq!(codes[3].as_deref(), Some("InvalidInputException"), "a reference used before it exists");
    assert_eq!(codes[4], None);
    assert_eq!(codes[5].as_deref(), Some("OrganizationalUnitNotEmptyException"));
}

#[test]
fn plan_in_the_right_order_succeeds_with_diff_and_blast_radius() {
    let s = set(serde_json::json!([
        {"operation": "CreateOrganizationalUnit", "request": {"ParentId": ROOT, "Name": "Labs"}, "ref": "labs"},
        {"operation": "MoveAccount", "request": {"AccountId": ALICE, "SourceParentId": SANDBOX, "DestinationParentId": "ref:labs"}},
        {"operation": "AttachPolicy", "request": {"PolicyId": "p-fnv4r6ht", "TargetId": "ref:labs"}},
    ]));
    let p = plan(&sample(), &s, NOW, &watch()).unwrap();
    assert_eq!(p.failures(), 0, "{}", p.to_text());
    let sections: Vec<&str> = p.diff.entries.iter().map(|e| e.section).collect();
    assert!(sections.contains(&"organizational-units") && sections.contains(&"accounts"), "{sections:?}");
    assert!(sections.contains(&"attachments"));
    assert!(
        p.blast.iter().any(|b| b.newly_denied == vec![ALICE.to_string()]),
        "DenyAllActions denies alice what the sandbox allowed: {:?}",
        p.blast
    );
    assert!(p.operations.iter().all(|o| o.inverse.is_some()), "{}", p.to_text());
    let json = p.to_json();
    assert_eq!(json["failures"], 0);
    assert!(json["operations"][1]["request"]["DestinationParentId"].as_str().unwrap().starts_with("ou-"));
}

/// Runs one operation on a copy of the sample, then its inverse, and checks nothing differs.
fn undo_restores(op: serde_json::Value) {
    undo_restores_from(sample(), op)
}

fn undo_restores_from(start: EngineState, op: serde_json::Value) {
    let s = set(serde_json::json!([op]));
    let mut run = Runner::new(&start, NOW).unwrap();
    let before = run.engine.state().clone();
    run.run(&s.operations[0].step).unwrap_or_else(|e| panic!("{op}: {e}"));
    assert!(!diff(&before, run.engine.state()).is_empty(), "{op} changed nothing");
    let inverse = inverse_of(&before, run.engine.state(), NOW).unwrap_or_else(|e| panic!("{op}: {e}"));
    for step in &inverse {
        run.run(step).unwrap_or_else(|e| panic!("{op}: undo {:?}: {e}", step.request));
    }
    let left = diff(&start, run.engine.state());
    assert!(left.is_empty(), "{op}: {}", left.to_text());
}

#[test]
fn undo_of_every_invertible_operation_restores_the_organization() {
    let scp = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#;
    for op in [
        serde_json::json!({"operation": "MoveAccount", "request": {"AccountId": ALICE, "SourceParentId": SANDBOX, "DestinationParentId": ANALYTICS}}),
        serde_json::json!({"operation": "CreateOrganizationalUnit", "request": {"ParentId": ROOT, "Name": "Labs", "Tags": [{"Key": "k", "Value": "v"}]}}),
        serde_json::json!({"operation": "UpdateOrganizationalUnit", "request": {"OrganizationalUnitId": SANDBOX, "Name": "Playground"}}),
        serde_json::json!({"operation": "CreatePolicy", "request": {"Content": scp, "Description": "d", "Name": "NoS3", "Type": "SERVICE_CONTROL_POLICY"}}),
        serde_json::json!({"operation": "UpdatePolicy", "request": {"PolicyId": "p-fnv4r6ht", "Name": "DenyEverything", "Content": scp}}),
        serde_json::json!({"operation": "AttachPolicy", "request": {"PolicyId": "p-fnv4r6ht", "TargetId": SANDBOX}}),
        serde_json::json!({"operation": "DetachPolicy", "request": {"PolicyId": "p-xvmq5im0", "TargetId": SANDBOX}}),
        serde_json::json!({"operation": "TagResource", "request": {"ResourceId": ALICE, "Tags": [{"Key": "owner", "Value": "alice"}]}}),
        serde_json::json!({"operation": "UntagResource", "request": {"ResourceId": ROOT, "TagKeys": ["owner"]}}),
        serde_json::json!({"operation": "DisablePolicyType", "request": {"RootId": ROOT, "PolicyType": "BACKUP_POLICY"}}),
        serde_json::json!({"operation": "RegisterDelegatedAdministrator", "request": {"AccountId": ALICE, "ServicePrincipal": "config.amazonaws.com"}}),
        serde_json::json!({"operation": "DeregisterDelegatedAdministrator", "request": {"AccountId": "314581241346", "ServicePrincipal": "guardduty.amazonaws.com"}}),
        serde_json::json!({"operation": "EnableAWSServiceAccess", "request": {"ServicePrincipal": "tagpolicies.tag.amazonaws.com"}}),
        serde_json::json!({"operation": "DisableAWSServiceAccess", "request": {"ServicePrincipal": "ram.amazonaws.com"}}),
    ] {
        undo_restores(op);
    }
}

#[test]
fn deleting_an_ou_undoes_with_its_name_tags_and_policies() {
    let mut run = Runner::new(&sample(), NOW).unwrap();
    let created = run
        .run(&Step::new(ApiRequest::CreateOrganizationalUnit(CreateOrganizationalUnitRequest {
            parent_id: SANDBOX.into(),
            name: "Empty".into(),
            tags: Some(vec![Tag { key: "k".into(), value: "v".into() }]),
        })))
        .unwrap();
    let id = orgtui::changes::format::created_id(&created).unwrap();
    run.run(&Step::new(ApiRequest::AttachPolicy(AttachPolicyRequest {
        policy_id: "p-fnv4r6ht".into(),
        target_id: id.clone(),
    })))
    .unwrap();
    let start = run.engine.state().clone();
    undo_restores_from(
        start,
        serde_json::json!({"operation": "DeleteOrganizationalUnit", "request": {"OrganizationalUnitId": id}}),
    );
}

#[test]
fn deleting_a_policy_undoes_with_the_same_name_and_content() {
    let mut run = Runner::new(&sample(), NOW).unwrap();
    let doc = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#;
    let created = run
        .run(&Step::new(ApiRequest::CreatePolicy(CreatePolicyRequest {
            content: doc.into(),
            description: "to delete".into(),
            name: "Doomed".into(),
            r#type: PolicyType::ServiceControlPolicy,
            tags: Some(vec![Tag { key: "k".into(), value: "v".into() }]),
        })))
        .unwrap();
    let id = orgtui::changes::format::created_id(&created).unwrap();
    let start = run.engine.state().clone();
    undo_restores_from(start, serde_json::json!({"operation": "DeletePolicy", "request": {"PolicyId": id}}));
}

#[test]
fn closing_an_account_has_no_inverse() {
    let p = plan(
        &sample(),
        &set(serde_json::json!([{"operation": "CloseAccount", "request": {"AccountId": ALICE}}])),
        NOW,
        &watch(),
    )
    .unwrap();
    assert_eq!(p.failures(), 0, "{}", p.to_text());
    assert!(p.operations[0].inverse.is_none());
    assert!(p.operations[0].no_inverse.as_deref().unwrap().contains("cannot be undone"));
}

/// One random change to an organization; indices pick among what exists.
#[derive(Debug, Clone)]
enum Mutation {
    CreateOu(usize, usize),
    RenameOu(usize, usize),
    DeleteOu(usize),
    Move(usize, usize),
    CreatePolicy(usize),
    UpdatePolicy(usize, usize),
    DeletePolicy(usize),
    Attach(usize, usize),
    Detach(usize),
    Tag(usize, usize),
    Untag(usize),
}

const NAMES: &[&str] = &["Prod", "Dev", "Labs", "Edge", "Data"];
const DOCS: &[&str] = &[
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#,
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:CreateUser","Resource":"*"}]}"#,
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let i = 0usize..64;
    prop_oneof![
        (i.clone(), 0..NAMES.len()).prop_map(|(a, b)| Mutation::CreateOu(a, b)),
        (i.clone(), 0..NAMES.len()).prop_map(|(a, b)| Mutation::RenameOu(a, b)),
        i.clone().prop_map(Mutation::DeleteOu),
        (i.clone(), i.clone()).prop_map(|(a, b)| Mutation::Move(a, b)),
        (0..NAMES.len()).prop_map(Mutation::CreatePolicy),
        (i.clone(), 0..DOCS.len()).prop_map(|(a, b)| Mutation::UpdatePolicy(a, b)),
        i.clone().prop_map(Mutation::DeletePolicy),
        (i.clone(), i.clone()).prop_map(|(a, b)| Mutation::Attach(a, b)),
        i.clone().prop_map(Mutation::Detach),
        (i.clone(), 0..NAMES.len()).prop_map(|(a, b)| Mutation::Tag(a, b)),
        i.prop_map(Mutation::Untag),
    ]
}

fn pick<T: Clone>(v: &[T], i: usize) -> Option<T> {
    (!v.is_empty()).then(|| v[i % v.len()].clone())
}

/// Applies a mutation to the engine (failures are fine: they change nothing).
fn mutate(run: &mut Runner, m: &Mutation) {
    let s = run.engine.state();
    let org = s.org.as_ref().unwrap();
    let root = org.root_id.to_string();
    let ous: Vec<String> = org.ous.keys().map(|o| o.to_string()).collect();
    let parents: Vec<String> = std::iter::once(root.clone()).chain(ous.iter().cloned()).collect();
    let accounts: Vec<(String, String)> = s
        .accounts
        .values()
        .filter_map(|a| match &a.membership {
            orgtui::engine::Membership::Member(p) => Some((a.id.to_string(), p.to_string())),
            _ => None,
        })
        .collect();
    let policies: Vec<String> =
        org.policies.values().filter(|p| !p.aws_managed).map(|p| p.id.to_string()).collect();
    let targets: Vec<String> = parents.iter().cloned().chain(accounts.iter().map(|a| a.0.clone())).collect();
    let attached: Vec<(String, String)> = org
        .attachments
        .iter()
        .flat_map(|(t, v)| v.iter().map(move |a| (a.policy.to_string(), t.clone())))
        .collect();
    let req = match m {
        Mutation::CreateOu(p, n) => ApiRequest::CreateOrganizationalUnit(CreateOrganizationalUnitRequest {
            parent_id: pick(&parents, *p).unwrap(),
            name: NAMES[*n].into(),
            tags: None,
        }),
        Mutation::RenameOu(o, n) => match pick(&ous, *o) {
            Some(id) => ApiRequest::UpdateOrganizationalUnit(UpdateOrganizationalUnitRequest {
                organizational_unit_id: id,
                name: Some(format!("{}2", NAMES[*n])),
            }),
            None => return,
        },
        Mutation::DeleteOu(o) => match pick(&ous, *o) {
            Some(id) => ApiRequest::DeleteOrganizationalUnit(DeleteOrganizationalUnitRequest {
                organizational_unit_id: id,
            }),
            None => return,
        },
        Mutation::Move(a, d) => {
            let Some((id, from)) = pick(&accounts, *a) else { return };
            ApiRequest::MoveAccount(MoveAccountRequest {
                account_id: id,
                source_parent_id: from,
                destination_parent_id: pick(&parents, *d).unwrap(),
            })
        }
        Mutation::CreatePolicy(n) => ApiRequest::CreatePolicy(CreatePolicyRequest {
            content: DOCS[0].into(),
            description: "random".into(),
            name: format!("Random{}", NAMES[*n]),
            r#type: PolicyType::ServiceControlPolicy,
            tags: None,
        }),
        Mutation::UpdatePolicy(p, d) => match pick(&policies, *p) {
            Some(id) => ApiRequest::UpdatePolicy(UpdatePolicyRequest {
                policy_id: id,
                name: None,
                description: Some("changed".into()),
                content: Some(DOCS[*d].into()),
            }),
            None => return,
        },
        Mutation::DeletePolicy(p) => match pick(&policies, *p) {
            Some(id) => ApiRequest::DeletePolicy(DeletePolicyRequest { policy_id: id }),
            None => return,
        },
        Mutation::Attach(p, t) => match (pick(&policies, *p), pick(&targets, *t)) {
            (Some(p), Some(t)) => {
                ApiRequest::AttachPolicy(AttachPolicyRequest { policy_id: p, target_id: t })
            }
            _ => return,
        },
        Mutation::Detach(p) => match pick(&attached, *p) {
            Some((p, t)) => ApiRequest::DetachPolicy(DetachPolicyRequest { policy_id: p, target_id: t }),
            None => return,
        },
        Mutation::Tag(t, n) => ApiRequest::TagResource(TagResourceRequest {
            resource_id: pick(&targets, *t).unwrap(),
            tags: vec![Tag { key: "team".into(), value: NAMES[*n].into() }],
        }),
        Mutation::Untag(t) => ApiRequest::UntagResource(UntagResourceRequest {
            resource_id: pick(&targets, *t).unwrap(),
            tag_keys: vec!["team".into()],
        }),
    };
    let _ = run_on_engine(&mut run.engine, req);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// diff A B → change set → apply to A → no differences from B.
    #[test]
    fn emitted_changes_turn_a_into_b(seed in 1u64..1000, ous in 2usize..8, muts in proptest::collection::vec(mutation(), 1..16)) {
        let a = orgtui::snapshot::generate::generate(12, ous, seed).unwrap();
        // B's engine invents other ids than the copies the emitter and the apply run on, as two
        // real organizations would.
        let engine = orgtui::engine::Engine::from_state(a.clone(), Box::new(orgtui::engine::ManualClock::new(NOW)), 99).unwrap();
        let mut run = Runner { engine, refs: Default::default() };
        for m in &muts {
            mutate(&mut run, m);
        }
        let b = run.engine.state().clone();
        let out = emit_changes(&a, &b, NOW).unwrap();
        prop_assert!(out.failures.is_empty(), "{:?}", out.failures);
        prop_assert!(out.inexpressible.is_empty(), "{:?}", out.inexpressible);
        let mut apply = Runner::new(&a, NOW).unwrap();
        for c in &out.changes.operations {
            let step: &Step = &c.step;
            apply.run(step).map_err(|e| TestCaseError::fail(format!("{:?}: {e}", step.request)))?;
        }
        let left = diff(apply.engine.state(), &b);
        prop_assert!(left.is_empty(), "{}", left.to_text());
    }
}
