//! The Activity page (9): CloudTrail's Organizations history read on request, the timeline,
//! the filter (`/`, `:since`, `:range`), the whole event on `Enter`, and snapshots at 80×24 and
//! 120×36.

mod tui_support;
use crossterm::event::KeyCode;
use orgtui::backend::cloudtrail::memory::MemoryCloudTrail;
use orgtui::tui::app::App;
use orgtui::tui::msg::{Call, CloudTrailCall, Effect, Msg};
use std::sync::{Arc, Mutex};
use tui_support::*;

/// Runs the CloudTrail calls among `effects` against the sample engine's CloudTrail.
fn run(app: &mut App, effects: Vec<Effect>) {
    let engine = Arc::new(Mutex::new(orgtui::snapshot::sample_engine().unwrap()));
    let ct = MemoryCloudTrail::new(engine);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    for e in effects {
        if let Effect::Call { op, call: Call::CloudTrail(call) } = e {
            let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
            let result = rt.block_on(orgtui::tui::effects::perform_cloudtrail(Some(&ct), call, &tx));
            update(app, Msg::OpDone { op, result });
        }
    }
}

/// Whether `effects` ask for the whole history (with no focus).
fn asks_history(effects: &[Effect]) -> bool {
    effects.iter().any(|e| {
        matches!(e, Effect::Call { call: Call::CloudTrail(CloudTrailCall::History { focus: None }), .. })
    })
}

/// The console on page 9 with the history read.
fn activity(w: u16, h: u16) -> App {
    let mut a = app(w, h);
    let effects = press(&mut a, KeyCode::Char('9'));
    assert!(asks_history(&effects), "opening the page asks for the history: {effects:?}");
    run(&mut a, effects);
    a
}

#[test]
fn the_history_is_read_when_the_page_opens_never_at_start() {
    // `app` checks that starting the console asks for the organization only.
    let mut a = app(80, 24);
    let effects = press(&mut a, KeyCode::Char('9'));
    assert!(asks_history(&effects), "{effects:?}");
    assert!(press(&mut a, KeyCode::Char('9')).is_empty(), "a read in flight is not asked again");
    assert!(press(&mut a, KeyCode::Enter).is_empty());
    for (w, h) in [(80, 24), (120, 36)] {
        let mut a = app(w, h);
        press(&mut a, KeyCode::Char('9'));
        insta::assert_snapshot!(format!("activity_unread_{w}x{h}"), render(&a));
    }
    // Once read, opening the page again reads nothing; R reads again.
    let mut a = activity(80, 24);
    press(&mut a, KeyCode::Char('1'));
    assert!(press(&mut a, KeyCode::Char('9')).is_empty());
    assert!(asks_history(&press(&mut a, KeyCode::Char('R'))));
}

#[test]
fn timeline_snapshots() {
    for (w, h) in [(80, 24), (120, 36)] {
        let a = activity(w, h);
        insta::assert_snapshot!(format!("activity_timeline_{w}x{h}"), render(&a));
    }
}

#[test]
fn the_filter_narrows_by_name_principal_and_target() {
    let mut a = activity(120, 36);
    let all = a.pages.activity.rows.len();
    assert!(all > 200, "{all}");
    press(&mut a, KeyCode::Char('/'));
    type_str(&mut a, "moveaccount");
    let moves = a.pages.activity.rows.len();
    assert!(moves > 0 && moves < all);
    let h = a.pages.activity.history.clone().unwrap();
    assert!(a.pages.activity.rows.iter().all(|&i| h.events[i].event_name == "MoveAccount"));
    insta::assert_snapshot!("activity_filtered_120x36", render(&a));
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.pages.activity.rows.len(), all, "Esc clears the filter");
    press(&mut a, KeyCode::Char('/'));
    type_str(&mut a, "dave@example.com");
    assert!(
        a.pages
            .activity
            .rows
            .iter()
            .all(|&i| h.events[i].error_code.as_deref() == Some("AccessDeniedException"))
    );
    press(&mut a, KeyCode::Enter);
    command(&mut a, "range 2026-11-20 2026-11-25");
    let rows = &a.pages.activity.rows;
    assert!(rows.iter().all(|&i| h.events[i].event_time.to_rfc3339().as_str() >= "2026-11-20"));
    command(&mut a, "all-time");
    command(&mut a, "since nonsense");
    assert!(matches!(a.status, orgtui::tui::cx::Status::Error(_)));
}

#[test]
fn enter_shows_the_whole_event() {
    let mut a = activity(120, 36);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.pages.activity.detail, Some(0));
    let screen = render(&a);
    assert!(screen.contains("\"eventSource\": \"organizations.amazonaws.com\""), "{screen}");
    insta::assert_snapshot!("activity_event_120x36", screen);
    press(&mut a, KeyCode::Down);
    assert_eq!(a.pages.activity.detail, Some(1));
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.pages.activity.detail, None);
}

#[test]
fn history_of_an_account_opens_activity_filtered_to_it() {
    let mut a = app(120, 36);
    command(&mut a, "goto ml-platform-prod");
    let effects = press(&mut a, KeyCode::Char('H'));
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Call { call: Call::CloudTrail(CloudTrailCall::History { focus: Some(f) }), .. } if f == "768577858054")),
        "{effects:?}"
    );
    run(&mut a, effects);
    assert_eq!(a.page, orgtui::tui::page::Page::Activity);
    assert_eq!(a.pages.activity.filter.value(), "768577858054");
    let h = a.pages.activity.history.clone().unwrap();
    let newest = &h.events[a.pages.activity.rows[0]];
    assert_eq!(newest.event_name, "MoveAccount");
    insta::assert_snapshot!("activity_account_history_120x36", render(&a));
}
