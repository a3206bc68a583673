//! What the Activity history feeds beyond its own page: orgtui's audit journal merged beside
//! CloudTrail's events (live sessions), the trail note on Settings and Activity, and the
//! history line in the Accounts details.

mod tui_support;
use async_trait::async_trait;
use crossterm::event::KeyCode;
use orgtui::backend::cloudtrail::memory::MemoryCloudTrail;
use orgtui::backend::cloudtrail::{CloudTrailBackend, History, Source};
use orgtui::backend::journal::{Journal, JournalOutcome, read_events};
use orgtui::model::Timestamp;
use orgtui::model::cloudtrail::*;
use orgtui::tui::app::App;
use orgtui::tui::msg::{Call, CloudTrailCall, Effect, Msg};
use orgtui::tui::pages::activity::summary::{history_line, short_arn, trail_note};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tui_support::*;

/// The sample's CloudTrail with a journal beside it, as the live backend has.
struct Journaled {
    inner: MemoryCloudTrail,
    journal: PathBuf,
}

#[async_trait]
impl CloudTrailBackend for Journaled {
    async fn describe_trails(&self, r: DescribeTrailsRequest) -> CloudTrailResult<DescribeTrailsResponse> {
        self.inner.describe_trails(r).await
    }
    async fn get_trail_status(&self, r: GetTrailStatusRequest) -> CloudTrailResult<GetTrailStatusResponse> {
        self.inner.get_trail_status(r).await
    }
    async fn lookup_events(&self, r: LookupEventsRequest) -> CloudTrailResult<LookupEventsResponse> {
        self.inner.lookup_events(r).await
    }
    fn journal(&self) -> Vec<EventRecord> {
        read_events(&self.journal, Timestamp(0))
    }
}

fn sample_ct() -> MemoryCloudTrail {
    MemoryCloudTrail::new(Arc::new(Mutex::new(orgtui::snapshot::sample_engine().unwrap())))
}

/// Runs the CloudTrail calls among `effects` against `ct`.
fn run(app: &mut App, ct: &dyn CloudTrailBackend, effects: Vec<Effect>) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    for e in effects {
        if let Effect::Call { op, call: Call::CloudTrail(call) } = e {
            let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
            let result = rt.block_on(orgtui::tui::effects::perform_cloudtrail(Some(ct), call, &tx));
            update(app, Msg::OpDone { op, result });
        }
    }
}

/// The sample's clock now (its history ends at the moment it was written).
fn sample_now() -> Timestamp {
    orgtui::snapshot::sample_engine().unwrap().now()
}

#[test]
fn journal_lines_read_back_as_events() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::at(dir.path().join("audit.jsonl"));
    let input = serde_json::json!({"AccountId": "768577858054", "SourceParentId": "r-ab12", "DestinationParentId": "ou-ab12-11111111"});
    j.append(
        "live profile=default region=us-east-1",
        "MoveAccount",
        input,
        JournalOutcome::Ok,
        Some("req-1"),
    )
    .unwrap();
    let e = orgtui::model::OrgError::unknown("AccessDeniedException", None, "no");
    j.append("live", "CreatePolicy", serde_json::json!({}), JournalOutcome::Error(&e), None).unwrap();
    std::fs::write(j.path(), format!("{}not json\n", std::fs::read_to_string(j.path()).unwrap())).unwrap();
    let events = read_events(j.path(), Timestamp(0));
    assert_eq!(events.len(), 2, "an unreadable line is skipped");
    let moved = &events[0];
    assert_eq!(moved.event_name, "MoveAccount");
    assert_eq!(moved.request_id, "req-1");
    assert_eq!(moved.request_parameters.as_ref().unwrap()["destinationParentId"], "ou-ab12-11111111");
    assert_eq!(moved.error_code, None);
    assert_eq!(Source::of(moved), Source::Journal);
    assert_eq!(events[1].error_code.as_deref(), Some("AccessDeniedException"));
    assert!(read_events(j.path(), Timestamp::now().plus_days(1)).is_empty(), "older lines are left out");
    assert!(read_events(&dir.path().join("none"), Timestamp(0)).is_empty());
}

/// A journal with a move made just now (not yet in CloudTrail) and one CloudTrail already has.
fn journal_file(dir: &std::path::Path, known_request: &str, now: Timestamp) -> PathBuf {
    let path = dir.join("audit.jsonl");
    let line = |t: Timestamp, op: &str, input: serde_json::Value, req: &str| {
        serde_json::json!({"time": t.to_rfc3339(), "backend": "live profile=default region=us-east-1",
            "operation": op, "input": input, "outcome": {"result": "ok"}, "requestId": req})
        .to_string()
    };
    let text = [
        line(
            Timestamp(now.0 - 120_000),
            "MoveAccount",
            serde_json::json!({"AccountId": "768577858054", "SourceParentId": "r-ex4m", "DestinationParentId": "r-ex4m"}),
            "journal-only-1",
        ),
        line(Timestamp(now.0 - 86_400_000), "TagResource", serde_json::json!({"ResourceId": "768577858054"}), known_request),
    ]
    .join("\n");
    std::fs::write(&path, text + "\n").unwrap();
    path
}

#[test]
fn the_journal_is_merged_beside_cloudtrail_in_time_order() {
    let now = sample_now();
    let ct = sample_ct();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let plain: History = rt.block_on(orgtui::backend::cloudtrail::history(&ct, &|_| {})).unwrap();
    let known = plain.events[5].request_id.clone();
    let dir = tempfile::tempdir().unwrap();
    let live = Journaled { inner: ct, journal: journal_file(dir.path(), &known, now) };
    let merged = rt.block_on(orgtui::backend::cloudtrail::history(&live, &|_| {})).unwrap();
    assert_eq!(merged.journaled, 1, "the line CloudTrail already shows (same request id) is left out");
    assert_eq!(merged.events.len(), plain.events.len() + 1);
    assert!(merged.events.windows(2).all(|w| w[0].event_time >= w[1].event_time), "newest first");
    assert_eq!(Source::of(&merged.events[0]), Source::Journal, "the change just made is on top");
    assert!(merged.events[1..].iter().all(|e| Source::of(e) == Source::CloudTrail));

    for (w, h) in [(80, 24), (120, 36)] {
        let mut a = app(w, h);
        a.shared.clock = Some(now);
        let effects = press(&mut a, KeyCode::Char('9'));
        run(&mut a, &live, effects);
        let screen = render(&a);
        assert!(screen.contains("Source") && screen.contains("orgtui"), "{screen}");
        insta::assert_snapshot!(format!("activity_with_journal_{w}x{h}"), screen);
    }
}

#[test]
fn the_trail_note_says_plainly_when_nothing_collects() {
    let (ok, note) = trail_note(&Vec::new());
    assert!(!ok);
    assert_eq!(note, "No organization trail: member accounts' activity is not collected anywhere.");
    let trail =
        Trail { name: Some("org-trail".into()), is_organization_trail: Some(true), ..Default::default() };
    let stopped = GetTrailStatusResponse { is_logging: Some(false), ..Default::default() };
    let (ok, note) = trail_note(&vec![(trail.clone(), Some(stopped))]);
    assert!(!ok);
    assert_eq!(note, "Organization trail org-trail is NOT logging.");
    let own = Trail { is_organization_trail: Some(false), ..trail };
    assert!(!trail_note(&vec![(own, None)]).0, "an account's own trail does not collect the members'");
}

#[test]
fn settings_show_the_trail_note_read_when_the_page_opens() {
    let ct = sample_ct();
    let mut a = app(120, 36);
    let effects = press(&mut a, KeyCode::Char('6'));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Call { call: Call::CloudTrail(CloudTrailCall::Trails), .. })),
        "{effects:?}"
    );
    assert!(a.pending.is_empty(), "the trails are read quietly");
    run(&mut a, &ct, effects);
    let screen = render(&a);
    assert!(screen.contains("CloudTrail  Organization trail"), "{screen}");
    insta::assert_snapshot!("settings_trail_note_120x36", screen);
    press(&mut a, KeyCode::Char('1'));
    assert!(press(&mut a, KeyCode::Char('6')).is_empty(), "asked once a session");

    // A world without trails says so, on Settings and on Activity.
    let engine = orgtui::snapshot::sample_engine().unwrap();
    let mut state = engine.state().clone();
    state.cloudtrail.trails.clear();
    let engine = orgtui::engine::Engine::from_state(state, Box::new(orgtui::engine::SystemClock), 1).unwrap();
    let bare = MemoryCloudTrail::new(Arc::new(Mutex::new(engine)));
    let mut a = app(80, 24);
    let effects = press(&mut a, KeyCode::Char('6'));
    run(&mut a, &bare, effects);
    let screen = render(&a);
    assert!(screen.contains("No organization trail"), "{screen}");
    insta::assert_snapshot!("settings_no_trail_80x24", screen);
    let effects = press(&mut a, KeyCode::Char('9'));
    run(&mut a, &bare, effects);
    assert!(render(&a).contains("No organization trail"));
}

#[test]
fn accounts_details_show_the_latest_change_once_the_history_is_read() {
    let ct = sample_ct();
    let mut a = app(120, 36);
    a.shared.clock = Some(sample_now());
    command(&mut a, "goto ml-platform-prod");
    assert!(!render(&a).contains("Last change"), "nothing before the history is read");
    let effects = press(&mut a, KeyCode::Char('9'));
    run(&mut a, &ct, effects);
    press(&mut a, KeyCode::Char('1'));
    let screen = render(&a);
    let line = screen.lines().find(|l| l.contains("Last change")).unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains("moved from Sandbox to "), "{line}");
    insta::assert_snapshot!("accounts_history_line_120x36", screen);

    let h = a.shared.activity.clone().unwrap();
    let names = |id: &str| {
        let d = a.shared.data.as_ref().unwrap();
        d.tree.index_of(id).map_or_else(|| id.to_string(), |i| d.tree.nodes[i].name.clone())
    };
    let now = sample_now();
    let id = |name: &str| {
        let d = a.shared.data.as_ref().unwrap();
        d.tree.nodes.iter().find(|n| n.name == name).unwrap().id.clone()
    };
    let moved = history_line(&h, &id("ml-platform-prod"), &names, now).unwrap();
    assert!(moved.ends_with(" by arn:…/bob@example.com 3 days ago"), "{moved}");
    let created = history_line(&h, &id("Sandbox"), &names, now).unwrap();
    assert!(created.starts_with("created in Root by arn:…/terraform-run "), "{created}");
    assert_eq!(short_arn("arn:aws:iam::111111111111:root"), "arn:aws:iam::111111111111:root");
}
