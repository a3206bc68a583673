//! The safety guard around the live backend, end to end against `orgtui serve`: read-only until
//! armed, and every armed write journaled with the request id the service returned — never the
//! credentials.

mod aws_support;

use aws_support::servers;
use orgtui::backend::OrgBackend;
use orgtui::backend::guard::{GuardedBackend, READ_ONLY_CODE};
use orgtui::backend::journal::Journal;
use orgtui::model::*;
use std::sync::Arc;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_writes_are_refused_until_armed_then_journaled_with_request_ids() {
    let server = servers::start_serve(&[]);
    let live: Arc<dyn OrgBackend> = Arc::new(servers::backend(&server.url, "AKIDTEST").await);
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("audit.jsonl");
    let b = GuardedBackend::new(live, false, Some(Journal::at(&journal)));
    let org = || CreateOrganizationRequest { feature_set: Some(FeatureSet::All) };
    let refused = b.create_organization(org()).await.unwrap_err();
    assert_eq!(refused.code_str(), READ_ONLY_CODE);
    assert!(b.list_roots(ListRootsRequest::default()).await.is_err(), "nothing was created");
    assert!(!journal.exists());

    b.arm(true);
    b.create_organization(org()).await.expect("armed write");
    let root = b.list_roots(ListRootsRequest::default()).await.expect("reads work").roots[0].id.to_string();
    let ou = CreateOrganizationalUnitRequest { parent_id: root, name: "Audited".into(), tags: None };
    b.create_organizational_unit(ou).await.expect("armed write");
    let failed = b
        .delete_organizational_unit(DeleteOrganizationalUnitRequest {
            organizational_unit_id: "ou-zzzz-zzzzzzzz".into(),
        })
        .await
        .unwrap_err();
    let text = std::fs::read_to_string(&journal).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(lines[0]["operation"], "CreateOrganization");
    assert_eq!(lines[1]["operation"], "CreateOrganizationalUnit");
    assert_eq!(lines[1]["input"]["Name"], "Audited");
    assert_eq!(lines[0]["outcome"]["result"], "ok");
    assert!(lines[0]["backend"].as_str().unwrap().starts_with("live"));
    for l in &lines {
        let id = l["requestId"].as_str().unwrap_or_default();
        assert!(!id.is_empty(), "every live write names its AWS request: {l}");
    }
    assert_ne!(lines[0]["requestId"], lines[1]["requestId"]);
    assert_eq!(lines[2]["outcome"]["code"], failed.code_str());
    assert!(!text.contains("test-secret") && !text.contains("AKIDTEST"), "no credentials in the journal");
}
