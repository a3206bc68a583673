//! CloudTrail in the engine: every Organizations change (and failed change) recorded as a
//! management event, the bounded history, the snapshot section, the sample's history and
//! trail, and LookupEvents / DescribeTrails / GetTrailStatus answered from them.

mod common;
use common::*;
use orgtui::backend::memory::MemoryBackend;
use orgtui::backend::{BackendKind, OrgBackend};
use orgtui::engine::cloudtrail::CallContext;
use orgtui::model::cloudtrail::*;
use orgtui::model::*;
use orgtui::snapshot;

fn move_req(a: &str, from: &str, to: &str) -> MoveAccountRequest {
    MoveAccountRequest {
        account_id: a.into(),
        source_parent_id: from.into(),
        destination_parent_id: to.into(),
    }
}

#[tokio::test]
async fn the_memory_backend_records_changes_and_failed_changes_only() {
    let (mut e, c) = org();
    let r = root(&mut e);
    let acct = account(&mut e, &c, "dev");
    let prod = ou(&mut e, &r, "Prod");
    let before = e.state().cloudtrail.events.len();
    let b = MemoryBackend::new(e, BackendKind::Sample);
    b.move_account(move_req(&acct, &r, &prod)).await.unwrap();
    b.list_roots(ListRootsRequest::default()).await.unwrap();
    let err = b.move_account(move_req(&acct, &r, &prod)).await.unwrap_err();
    let engine = b.engine();
    let events: Vec<_> = engine.state().cloudtrail.events.iter().skip(before).collect();
    assert_eq!(events.len(), 2, "one success and one failure; reads are not recorded");
    let ok = &events[0];
    assert_eq!(ok.event_name, "MoveAccount");
    assert_eq!(ok.event_source, "organizations.amazonaws.com");
    assert_eq!(ok.aws_region, "us-east-1");
    assert_eq!(ok.event_type, "AwsApiCall");
    assert!(ok.management_event && !ok.read_only);
    assert_eq!(ok.recipient_account_id, MGMT);
    assert_eq!(ok.user_identity.account_id, MGMT);
    assert_eq!(
        ok.request_parameters.as_ref().unwrap(),
        &serde_json::json!({"accountId": acct, "sourceParentId": r, "destinationParentId": prod})
    );
    assert_eq!(ok.response_elements, None);
    assert_eq!(ok.error_code, None);
    let bad = &events[1];
    assert_eq!(bad.error_code.as_deref(), Some(err.code_str()));
    assert_eq!(bad.error_message.as_deref(), Some(err.message.as_str()));
    assert_ne!(ok.event_id, bad.event_id);
    let json: serde_json::Value = serde_json::from_str(&ok.to_json()).unwrap();
    for k in [
        "eventVersion",
        "eventTime",
        "eventSource",
        "eventName",
        "awsRegion",
        "sourceIPAddress",
        "userAgent",
        "userIdentity",
        "requestParameters",
        "responseElements",
        "requestID",
        "eventID",
        "readOnly",
        "eventType",
        "managementEvent",
        "recipientAccountId",
    ] {
        assert!(json.get(k).is_some(), "{k} missing in {json}");
    }
    assert!(json["eventTime"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn create_account_redacts_email_and_name_and_answers_are_recorded() {
    let (mut e, _c) = org();
    let ctx = CallContext::console();
    let req = CreateAccountRequest {
        email: "x@example.com".into(),
        account_name: "secret".into(),
        ..Default::default()
    };
    e.recorded(&ctx, &Caller::Management, "CreateAccount", req, |e, c, r| e.create_account(c, r)).unwrap();
    let ev = e.state().cloudtrail.events.back().unwrap().clone();
    let p = ev.request_parameters.as_ref().unwrap();
    assert_eq!((p["email"].as_str(), p["accountName"].as_str()), (Some("****"), Some("****")));
    let status = &ev.response_elements.as_ref().unwrap()["createAccountStatus"];
    assert_eq!(status["accountName"], "****");
    assert_eq!(status["state"], "IN_PROGRESS");
}

#[test]
fn the_history_is_bounded_by_the_setting() {
    let (mut e, _c) = org();
    let r = root(&mut e);
    let mut state = e.state().clone();
    state.settings.cloudtrail_history = 5;
    let mut e =
        orgtui::engine::Engine::from_state(state, Box::new(orgtui::engine::ManualClock::new(START)), 1)
            .unwrap();
    let ctx = CallContext::console();
    for i in 0..12 {
        let req =
            CreateOrganizationalUnitRequest { parent_id: r.clone(), name: format!("ou{i}"), tags: None };
        e.recorded(&ctx, &Caller::Management, "CreateOrganizationalUnit", req, |e, c, r| {
            e.create_organizational_unit(c, r)
        })
        .unwrap();
    }
    let ct = &e.state().cloudtrail;
    assert_eq!(ct.events.len(), 5);
    assert_eq!(ct.recorded, 12);
    assert_eq!(ct.events.back().unwrap().request_parameters.as_ref().unwrap()["name"], "ou11");
}

#[test]
fn the_sample_ships_a_plausible_deterministic_history_and_an_organization_trail() {
    let (a, _, end) = snapshot::sample_parts().unwrap();
    let (b, _, _) = snapshot::sample_parts().unwrap();
    assert_eq!(a.cloudtrail, b.cloudtrail, "deterministic");
    let events = &a.cloudtrail.events;
    assert!((200..=600).contains(&events.len()), "a few hundred events, got {}", events.len());
    assert!(events.iter().all(|e| e.event_time <= end && e.event_time.0 >= end.0 - 90 * 86_400_000));
    assert!(events.iter().zip(events.iter().skip(1)).all(|(x, y)| x.event_time <= y.event_time));
    let names = |n: &str| events.iter().filter(|e| e.event_name == n).count();
    let org = a.org.as_ref().unwrap();
    assert_eq!(names("CreateOrganizationalUnit"), org.ous.len());
    assert!(names("MoveAccount") > 20 && names("AttachPolicy") > 10 && names("CreatePolicy") > 10);
    assert!(events.iter().any(|e| e.failed()));
    let principals: std::collections::BTreeSet<_> =
        events.iter().map(|e| e.user_identity.arn.clone()).collect();
    assert!(principals.len() >= 5, "{principals:?}");
    let trail = a.cloudtrail.organization_trail().unwrap();
    assert!(trail.is_logging && trail.is_multi_region_trail && trail.log_file_validation_enabled);
    assert!(trail.s3_bucket_name.contains("872965866884"), "bucket in the log-archive account");
}

#[test]
fn the_snapshot_saves_the_history_and_old_files_load_without_it() {
    let loaded = snapshot::sample().unwrap();
    let text = snapshot::to_json(&loaded.state, &loaded.extras, Timestamp(1_764_000_000_000));
    assert!(text.contains("\"cloudtrail\""));
    let back = snapshot::load_str(&text).unwrap();
    assert_eq!(back.state.cloudtrail, loaded.state.cloudtrail);
    let old = snapshot::load_str(snapshot::SAMPLE_ORG).unwrap();
    assert!(old.state.cloudtrail.events.is_empty() && old.state.cloudtrail.trails.is_empty());
    let mut bad: serde_json::Value = serde_json::from_str(&text).unwrap();
    bad["emulator"]["cloudtrailHistory"] = serde_json::json!(-1);
    let e = snapshot::load_str(&bad.to_string()).unwrap_err();
    assert_eq!(e.path, "$.emulator.cloudtrailHistory");
}

fn sample_engine() -> orgtui::engine::Engine {
    snapshot::sample_engine().unwrap()
}

#[test]
fn lookup_events_filters_pages_and_refuses_bad_input() {
    let mut e = sample_engine();
    let all = |e: &mut orgtui::engine::Engine, attrs: Option<Vec<LookupAttribute>>| {
        let mut out = Vec::new();
        let mut token = None;
        loop {
            let req = LookupEventsRequest {
                lookup_attributes: attrs.clone(),
                next_token: token,
                max_results: Some(50),
                ..Default::default()
            };
            let page = e.lookup_events(&Caller::Management, req).unwrap();
            assert!(page.events.len() <= 50);
            out.extend(page.events);
            match page.next_token {
                Some(t) => token = Some(t),
                None => return out,
            }
        }
    };
    let events = all(&mut e, None);
    let mgmt_events =
        e.state().cloudtrail.events.iter().filter(|r| r.recipient_account_id == "111111111111").count();
    assert_eq!(events.len(), mgmt_events);
    assert!(events.windows(2).all(|w| w[0].event_time >= w[1].event_time), "newest first");
    let first = events[0].record().unwrap();
    assert_eq!(events[0].event_id.as_deref(), Some(first.event_id.as_str()));
    let attr =
        |k: &str, v: &str| Some(vec![LookupAttribute { attribute_key: k.into(), attribute_value: v.into() }]);
    let moves = all(&mut e, attr("EventName", "MoveAccount"));
    assert!(!moves.is_empty() && moves.iter().all(|m| m.event_name.as_deref() == Some("MoveAccount")));
    let ml = all(&mut e, attr("ResourceName", "768577858054"));
    assert!(ml.iter().any(|m| m.event_name.as_deref() == Some("MoveAccount")));
    let err = |e: &mut orgtui::engine::Engine, req: LookupEventsRequest| {
        e.lookup_events(&Caller::Management, req).unwrap_err().code
    };
    let two = Some(vec![
        LookupAttribute { attribute_key: "EventName".into(), attribute_value: "A".into() },
        LookupAttribute { attribute_key: "Username".into(), attribute_value: "B".into() },
    ]);
    assert_eq!(
        err(&mut e, LookupEventsRequest { lookup_attributes: two, ..Default::default() }),
        "InvalidLookupAttributesException"
    );
    assert_eq!(
        err(&mut e, LookupEventsRequest { lookup_attributes: attr("Nope", "x"), ..Default::default() }),
        "InvalidLookupAttributesException"
    );
    assert_eq!(
        err(&mut e, LookupEventsRequest { max_results: Some(51), ..Default::default() }),
        "InvalidMaxResultsException"
    );
    assert_eq!(
        err(&mut e, LookupEventsRequest { max_results: Some(0), ..Default::default() }),
        "InvalidMaxResultsException"
    );
    let range = LookupEventsRequest {
        start_time: Some(Timestamp(2_000)),
        end_time: Some(Timestamp(1_000)),
        ..Default::default()
    };
    assert_eq!(err(&mut e, range), "InvalidTimeRangeException");
    assert_eq!(
        err(&mut e, LookupEventsRequest { next_token: Some("garbage".into()), ..Default::default() }),
        "InvalidNextTokenException"
    );
    let page = e
        .lookup_events(
            &Caller::Management,
            LookupEventsRequest { max_results: Some(2), ..Default::default() },
        )
        .unwrap();
    let other = LookupEventsRequest {
        max_results: Some(2),
        next_token: page.next_token,
        lookup_attributes: attr("EventName", "MoveAccount"),
        ..Default::default()
    };
    assert_eq!(err(&mut e, other), "InvalidNextTokenException", "a token is bound to its parameters");
}

#[test]
fn trails_are_described_and_report_their_status() {
    let mut e = sample_engine();
    let trails = e.describe_trails(&Caller::Management, DescribeTrailsRequest::default()).unwrap().trail_list;
    assert_eq!(trails.len(), 1);
    let t = &trails[0];
    assert_eq!(t.is_organization_trail, Some(true));
    let arn = t.trail_arn.clone().unwrap();
    assert_eq!(arn, "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail");
    let status =
        e.get_trail_status(&Caller::Management, GetTrailStatusRequest { name: "org-trail".into() }).unwrap();
    assert_eq!(status.is_logging, Some(true));
    assert!(status.latest_delivery_time.unwrap() <= e.now());
    let member = Caller::Account(AccountId::parse("314581241346").unwrap());
    let seen = e.describe_trails(&member, DescribeTrailsRequest::default()).unwrap().trail_list;
    assert_eq!(seen.len(), 1, "members see the organization trail");
    let by_name =
        e.get_trail_status(&member, GetTrailStatusRequest { name: "org-trail".into() }).unwrap_err();
    assert_eq!(by_name.code, "TrailNotFoundException", "members name it by ARN");
    assert!(e.get_trail_status(&member, GetTrailStatusRequest { name: arn }).is_ok());
    let bad =
        e.get_trail_status(&Caller::Management, GetTrailStatusRequest { name: "a".into() }).unwrap_err();
    assert_eq!(bad.code, "InvalidTrailNameException");
    let arn = e
        .get_trail_status(&Caller::Management, GetTrailStatusRequest { name: "arn:nope".into() })
        .unwrap_err();
    assert_eq!(arn.code, "CloudTrailARNInvalidException");
}
