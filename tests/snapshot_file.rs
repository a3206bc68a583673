//! The orgtui-snapshot/1 format: the bundled sample, round trips, and errors located by JSON path.

use orgtui::backend::memory::MemoryBackend;
use orgtui::backend::{BackendKind, walk};
use orgtui::engine::{Engine, ManualClock};
use orgtui::model::*;
use orgtui::snapshot::{self, Extras};

const NOW: Timestamp = Timestamp(1_764_000_000_000);

fn sample_text() -> String {
    snapshot::SAMPLE_ORG.to_string()
}

#[test]
fn sample_loads_and_round_trips_exactly() {
    let a = snapshot::sample().expect("sample loads");
    let text = snapshot::to_json(&a.state, &a.extras, NOW);
    let b = snapshot::load_str(&text).expect("exported sample loads");
    assert_eq!(a, b, "load → export → load is identity");
    assert_eq!(text, snapshot::to_json(&b.state, &b.extras, NOW), "export is stable");
}

#[test]
fn generated_org_round_trips_and_satisfies_invariants() {
    let state = snapshot::generate::generate(600, 80, 42).unwrap();
    orgtui::engine::invariants::check(&state).unwrap();
    let text = snapshot::to_json(&state, &Extras::default(), NOW);
    let loaded = snapshot::load_str(&text).unwrap();
    let (l, s) = (loaded.state.org.as_ref().unwrap(), state.org.as_ref().unwrap());
    assert_eq!(l.attachments, s.attachments);
    assert_eq!(l.policies, s.policies);
    assert_eq!(l.ous, s.ous);
    assert_eq!(l.root_tags, s.root_tags);
    assert_eq!(l.created_at, s.created_at);
    assert_eq!(loaded.state.accounts, state.accounts);
    assert_eq!(l, s);
    assert_eq!(loaded.state, state);
    let org = state.org.as_ref().unwrap();
    assert_eq!(org.ous.len(), 80);
    assert_eq!(state.accounts.len(), 600);
    let max_depth = org.ous.keys().map(|o| org.depth(&ParentId::Ou(o.clone()))).max().unwrap();
    assert!((3..=5).contains(&max_depth), "realistic depth, got {max_depth}");
    // Same seed, same org.
    assert_eq!(snapshot::generate::generate(600, 80, 42).unwrap(), state);
}

#[test]
fn engine_snapshot_equals_walking_the_list_calls() {
    let org = snapshot::sample().unwrap();
    let engine = Engine::from_state(org.state, Box::new(ManualClock::new(NOW)), 1).unwrap();
    let direct = engine.to_snapshot();
    let backend = MemoryBackend::new(engine, BackendKind::Sample);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let walked = rt.block_on(walk::load_via_lists(&backend, 4, &|_| {})).unwrap();
    let norm = |mut s: OrgSnapshot| {
        s.organizational_units.sort_by(|a, b| a.id.cmp(&b.id));
        s.accounts.sort_by(|a, b| a.account.id.cmp(&b.account.id));
        s.policies.sort_by(|a, b| a.summary.id.cmp(&b.summary.id));
        s.attachments.sort_by(|a, b| {
            (a.target_id.as_str(), a.policy_id.as_str()).cmp(&(b.target_id.as_str(), b.policy_id.as_str()))
        });
        s.delegated_administrators.sort_by(|a, b| {
            (&a.account_id, &a.service_principal).cmp(&(&b.account_id, &b.service_principal))
        });
        s.handshakes.sort_by(|a, b| a.id.cmp(&b.id));
        s.create_account_statuses.sort_by(|a, b| a.id.cmp(&b.id));
        s
    };
    let (direct, walked) = (norm(direct), norm(walked));
    assert_eq!(direct.organization, walked.organization);
    assert_eq!(direct.organizational_units, walked.organizational_units);
    assert_eq!(direct.accounts, walked.accounts);
    assert_eq!(direct.policies, walked.policies);
    assert_eq!(direct.attachments, walked.attachments);
    assert_eq!(direct.delegated_administrators, walked.delegated_administrators);
    assert_eq!(direct.trusted_services, walked.trusted_services);
    assert_eq!(direct.handshakes, walked.handshakes);
    assert_eq!(direct.create_account_statuses, walked.create_account_statuses);
    assert_eq!(direct.resource_policy, walked.resource_policy);
}

/// Replaces the first occurrence of `from` in the sample with `to` and returns the load error.
fn broken(from: &str, to: &str) -> snapshot::SnapshotError {
    let text = sample_text();
    assert!(text.contains(from), "sample contains {from:?}");
    snapshot::load_str(&text.replacen(from, to, 1)).expect_err("the broken snapshot must not load")
}

#[test]
fn malformed_json_names_line_and_column() {
    let e = snapshot::load_str("{\n  \"format\": \"orgtui-snapshot/1\",\n  \"organization\": nul\n}")
        .unwrap_err();
    assert!(e.message.contains("malformed JSON at line 4"), "{e}");
}

#[test]
fn wrong_format_tag() {
    let e = broken("\"orgtui-snapshot/1\"", "\"orgtui-snapshot/9\"");
    assert_eq!(e.path, "$.format");
}

#[test]
fn unknown_member_is_reported_with_its_path() {
    let e = broken("\"joinedTimestamp\"", "\"joinedTimestmp\"");
    assert!(e.path.starts_with("$.accounts[0]"), "{e}");
    assert!(e.message.contains("joinedTimestmp"), "{e}");
}

#[test]
fn bad_values_are_located() {
    let e = broken("\"featureSet\": \"ALL\"", "\"featureSet\": \"SOME\"");
    assert_eq!(e.path, "$.organization.featureSet");
    let e = broken("\"joinedTimestamp\": \"", "\"joinedTimestamp\": \"yesterday");
    assert!(e.path.ends_with(".joinedTimestamp"), "{e}");
    let e = broken("\"email\": \"", "\"email\": \"@@");
    assert!(e.path.starts_with("$.accounts[") && e.path.ends_with(".email"), "{e}");
}

#[test]
fn dangling_references_are_located() {
    let org = snapshot::sample().unwrap();
    let text = snapshot::to_json(&org.state, &org.extras, NOW);
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    file["accounts"][0]["parentId"] = "ou-zzzz-zzzzzzzz".into();
    let e = snapshot::load_str(&file.to_string()).unwrap_err();
    assert_eq!(e.path, "$.accounts[0].parentId");

    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    file["attachments"][0]["policyId"] = "p-zzzzzzzz".into();
    let e = snapshot::load_str(&file.to_string()).unwrap_err();
    assert_eq!(e.path, "$.attachments[0].policyId");
}

#[test]
fn inconsistent_state_is_rejected_by_the_invariants() {
    let org = snapshot::sample().unwrap();
    let text = snapshot::to_json(&org.state, &org.extras, NOW);
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    // Without its attachments no entity keeps an SCP.
    file["attachments"] = serde_json::json!([]);
    let e = snapshot::load_str(&file.to_string()).unwrap_err();
    assert_eq!(e.path, "$");
    assert!(e.message.contains("service control policy"), "{e}");
}

#[test]
fn atomic_save_replaces_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("org.json");
    std::fs::write(&path, "old").unwrap();
    snapshot::save_atomic(&path, "new contents").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new contents");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    assert!(snapshot::save_atomic(&dir.path().join("missing-dir/org.json"), "x").is_err());
}
