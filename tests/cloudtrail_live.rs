//! The live CloudTrail backend (`aws-sdk-cloudtrail`) against `orgtui serve` as its endpoint:
//! the events made through serve come back through it equal to the memory backend's over the
//! same world, across LookupEvents pages; trails and their status; the console's Activity page
//! with orgtui's journal merged beside CloudTrail's events.

mod aws_support;

use aws_support::servers;
use orgtui::backend::OrgBackend;
use orgtui::backend::aws::AwsOptions;
use orgtui::backend::cloudtrail::aws::AwsCloudTrail;
use orgtui::backend::cloudtrail::memory::MemoryCloudTrail;
use orgtui::backend::cloudtrail::{CloudTrailBackend, LookupProgress, history};
use orgtui::model::cloudtrail::*;
use orgtui::model::*;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The Organizations backend and the CloudTrail backend built from the same configuration.
async fn live(url: &str) -> (Arc<dyn OrgBackend>, AwsCloudTrail) {
    let opts = AwsOptions {
        endpoint_url: Some(url.to_string()),
        // Not us-east-1: the CloudTrail client forces it (Organizations events are there).
        region: Some("eu-west-1".into()),
        max_attempts: 1,
        operation_timeout: Duration::from_secs(20),
        static_credentials: Some(("AKIDTEST".to_string(), "test-secret".to_string())),
        ..AwsOptions::default()
    };
    let (org, sdk) = orgtui::backend::aws::live_backend_with_config(&opts).await.expect("connect");
    (org, AwsCloudTrail::new(&sdk))
}

/// The memory CloudTrail over what `serve` wrote back to its file.
fn memory_of(server: &servers::Server) -> MemoryCloudTrail {
    let text = std::fs::read_to_string(server.file().unwrap()).unwrap();
    let loaded = orgtui::snapshot::load_str(&text).unwrap();
    let engine =
        orgtui::engine::Engine::from_state(loaded.state, Box::new(orgtui::engine::SystemClock), 1).unwrap();
    MemoryCloudTrail::new(Arc::new(Mutex::new(engine)))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_made_through_serve_come_back_equal_to_the_memory_backends() {
    let server = servers::start_serve(&[]);
    let (org, ct) = live(&server.url).await;
    org.create_organization(CreateOrganizationRequest { feature_set: Some(FeatureSet::All) }).await.unwrap();
    let root = org.list_roots(ListRootsRequest::default()).await.unwrap().roots[0].id.to_string();
    // 1 + 2×27 + 1 = 56 recorded calls: more than one LookupEvents page of 50.
    for i in 0..27 {
        let ou = org
            .create_organizational_unit(CreateOrganizationalUnitRequest {
                parent_id: root.clone(),
                name: format!("Team{i}"),
                tags: None,
            })
            .await
            .unwrap();
        org.delete_organizational_unit(DeleteOrganizationalUnitRequest {
            organizational_unit_id: ou.organizational_unit.id.to_string(),
        })
        .await
        .unwrap();
    }
    let failed = org
        .create_organizational_unit(CreateOrganizationalUnitRequest {
            parent_id: "ou-zzzz-zzzzzzzz".into(),
            name: "Nowhere".into(),
            tags: None,
        })
        .await;
    assert!(failed.is_err());

    let seen = Mutex::new(Vec::new());
    let progress = |p: LookupProgress| seen.lock().unwrap().push(p);
    let got = history(&ct, &progress).await.expect("live history");
    let pages = seen.into_inner().unwrap();
    assert_eq!(pages.iter().map(|p| (p.pages, p.events)).collect::<Vec<_>>(), [(1, 50), (2, 56)]);
    assert_eq!(pages[1].to_string(), "page 2 · 56 events · 2 req/s");

    let want = history(&memory_of(&server), &|_| {}).await.expect("memory history");
    assert_eq!(got.events.len(), 56);
    // serve writes its file back after changes only: the failed call's record is not in it yet.
    let ok = |h: &orgtui::backend::cloudtrail::History| {
        h.events.iter().filter(|e| !e.failed()).cloned().collect::<Vec<_>>()
    };
    assert_eq!(ok(&got), ok(&want), "the live backend reads back exactly what the engine recorded");
    assert_eq!(got.events[0].error_code.as_deref(), Some("ParentNotFoundException"));
    assert_eq!(got.events.last().unwrap().event_name, "CreateOrganization");
    assert_eq!(got.trails, want.trails);
    assert!(got.trails.is_empty());
    assert_eq!(got.journaled, 0);

    // One page of two by hand: the token carries on where the last page stopped.
    let attrs = Some(vec![LookupAttribute {
        attribute_key: "EventName".into(),
        attribute_value: "DeleteOrganizationalUnit".into(),
    }]);
    let mut token = None;
    let mut names = Vec::new();
    for _ in 0..3 {
        let page = ct
            .lookup_events(LookupEventsRequest {
                lookup_attributes: attrs.clone(),
                max_results: Some(2),
                next_token: token.take(),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(page.events.len(), 2);
        names.extend(page.events.iter().map(|e| e.event_id.clone().unwrap()));
        token = page.next_token;
        assert!(token.is_some());
    }
    let ids: Vec<String> = got
        .events
        .iter()
        .filter(|e| e.event_name == "DeleteOrganizationalUnit")
        .take(6)
        .map(|e| e.event_id.clone())
        .collect();
    assert_eq!(names, ids);
    let bad = ct
        .lookup_events(LookupEventsRequest { max_results: Some(51), ..Default::default() })
        .await
        .unwrap_err();
    assert_eq!(bad.code, "InvalidMaxResultsException");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trails_and_their_status_through_the_sdk() {
    let server = servers::start_serve_sample(&[]);
    let (_org, ct) = live(&server.url).await;
    let trails = orgtui::backend::cloudtrail::trails(&ct).await.unwrap();
    let engine = Arc::new(Mutex::new(orgtui::snapshot::sample_engine().unwrap()));
    let want = orgtui::backend::cloudtrail::trails(&MemoryCloudTrail::new(engine)).await.unwrap();
    assert_eq!(trails.len(), 1);
    assert_eq!(
        trails.iter().map(|t| &t.0).collect::<Vec<_>>(),
        want.iter().map(|t| &t.0).collect::<Vec<_>>()
    );
    assert_eq!(trails[0].1.as_ref().and_then(|s| s.is_logging), Some(true));
    let (ok, note) = orgtui::tui::pages::activity::summary::trail_note(&trails);
    assert!(ok, "{note}");
    let missing =
        ct.get_trail_status(GetTrailStatusRequest { name: "no-such-trail".into() }).await.unwrap_err();
    assert_eq!(missing.code, "TrailNotFoundException");
}
