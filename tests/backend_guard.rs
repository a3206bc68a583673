//! The safety guard: read-only until armed, every armed write journaled.

use orgtui::backend::guard::{GuardedBackend, READ_ONLY_CODE};
use orgtui::backend::journal::Journal;
use orgtui::backend::memory::MemoryBackend;
use orgtui::backend::{BackendKind, OrgBackend};
use orgtui::model::*;
use std::sync::Arc;

fn guarded(armed: bool, dir: &std::path::Path) -> GuardedBackend {
    let engine = orgtui::snapshot::sample_engine().unwrap();
    let inner: Arc<dyn OrgBackend> = Arc::new(MemoryBackend::new(engine, BackendKind::Sample));
    GuardedBackend::new(inner, armed, Some(Journal::at(dir.join("audit.jsonl"))))
}

fn create_ou(name: &str, parent: &str) -> CreateOrganizationalUnitRequest {
    CreateOrganizationalUnitRequest { parent_id: parent.into(), name: name.into(), tags: None }
}

fn lines(dir: &std::path::Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(dir.join("audit.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[tokio::test]
async fn read_only_until_armed() {
    let dir = tempfile::tempdir().unwrap();
    let b = guarded(false, dir.path());
    assert!(!b.writes_armed());
    let roots = b.list_roots(ListRootsRequest::default()).await.expect("reads go through");
    let root = roots.roots[0].id.to_string();
    let e = b.create_organizational_unit(create_ou("Blocked", &root)).await.unwrap_err();
    assert_eq!(e.code_str(), READ_ONLY_CODE);
    assert!(e.message.contains("--allow-writes") && e.message.contains(":arm"), "{}", e.message);
    let after = b.list_organizational_units_for_parent(ListOrganizationalUnitsForParentRequest {
        parent_id: root.clone(),
        ..Default::default()
    });
    assert!(
        after.await.unwrap().organizational_units.iter().all(|o| o.name != "Blocked"),
        "nothing was sent"
    );
    assert!(lines(dir.path()).is_empty(), "refused writes never reached AWS, so nothing to journal");

    b.arm(true);
    assert!(b.writes_armed());
    b.create_organizational_unit(create_ou("Allowed", &root)).await.expect("armed writes go through");
    b.arm(false);
    let e = b.create_organizational_unit(create_ou("Again", &root)).await.unwrap_err();
    assert_eq!(e.code_str(), READ_ONLY_CODE);
}

#[tokio::test]
async fn armed_writes_are_journaled_with_outcome() {
    let dir = tempfile::tempdir().unwrap();
    let b = guarded(true, dir.path());
    let root = b.list_roots(ListRootsRequest::default()).await.unwrap().roots[0].id.to_string();
    b.create_organizational_unit(create_ou("Journaled", &root)).await.unwrap();
    let e = b.create_organizational_unit(create_ou("Orphan", "ou-ex4m-zzzzzzzz")).await.unwrap_err();
    b.describe_organization(DescribeOrganizationRequest::default()).await.unwrap();
    let l = lines(dir.path());
    assert_eq!(l.len(), 2, "two writes, no reads: {l:?}");
    assert_eq!(l[0]["operation"], "CreateOrganizationalUnit");
    assert_eq!(l[0]["input"]["Name"], "Journaled");
    assert_eq!(l[0]["input"]["ParentId"], root.as_str());
    assert_eq!(l[0]["outcome"]["result"], "ok");
    assert_eq!(l[0]["backend"], "sample");
    assert!(l[0]["time"].as_str().unwrap().ends_with('Z'));
    assert!(l[0].get("requestId").is_some());
    assert_eq!(l[1]["outcome"]["result"], "error");
    assert_eq!(l[1]["outcome"]["code"], e.code_str());
}

#[tokio::test]
async fn an_unwritable_journal_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let engine = orgtui::snapshot::sample_engine().unwrap();
    let inner: Arc<dyn OrgBackend> = Arc::new(MemoryBackend::new(engine, BackendKind::Sample));
    let b = GuardedBackend::new(inner, true, Some(Journal::at(blocker.join("audit.jsonl"))));
    let root = b.list_roots(ListRootsRequest::default()).await.unwrap().roots[0].id.to_string();
    b.create_organizational_unit(create_ou("StillMade", &root)).await.expect("the call itself succeeds");
    assert!(b.journal_problem().is_some());
}
