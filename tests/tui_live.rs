//! Live-session behaviour of the console: load progress, and arming writes in a guarded session
//! (read-only at start, `:arm` behind a typed
//! confirmation, the header saying which, and the backend guard following along.

mod tui_support;
use crossterm::event::KeyCode;
use orgtui::backend::guard::GuardedBackend;
use orgtui::backend::memory::MemoryBackend;
use orgtui::backend::{BackendKind, OrgBackend};
use orgtui::tui::cx::Status;
use orgtui::tui::dialog::Modal;
use orgtui::tui::effects::perform;
use orgtui::tui::msg::{Call, Effect, Msg};
use std::sync::Arc;
use tui_support::*;

fn live_app() -> orgtui::tui::app::App {
    let mut a = app(100, 30);
    a.shared.source.label = "LIVE default/us-east-1".into();
    a.shared.source.guarded = true;
    a.shared.source.writable = false;
    a
}

#[tokio::test]
async fn arming_takes_a_typed_confirmation_and_reaches_the_guard() {
    let mut a = live_app();
    assert!(render(&a).contains("READ-ONLY"));
    command(&mut a, "create-ou Nope");
    assert!(matches!(&a.status, Status::Error(m) if m.contains(":arm")), "{:?}", a.status);

    command(&mut a, "arm");
    assert!(matches!(a.modal, Some(Modal::Confirm(_))));
    assert!(render(&a).contains("audit journal"));
    type_str(&mut a, "ar");
    assert!(press(&mut a, KeyCode::Enter).is_empty(), "wrong text does nothing");
    type_str(&mut a, "m");
    let effects = press(&mut a, KeyCode::Enter);
    let Some(Effect::Call { op, call }) = effects.first().cloned() else { panic!("{effects:?}") };
    assert_eq!(call, Call::Arm(true));

    let engine = orgtui::snapshot::sample_engine().unwrap();
    let inner: Arc<dyn OrgBackend> = Arc::new(MemoryBackend::new(engine, BackendKind::Sample));
    let guard = GuardedBackend::new(inner, false, None);
    let outcome = perform(&guard, call).await;
    assert!(guard.writes_armed());
    update(&mut a, Msg::OpDone { op, result: outcome });
    assert!(a.shared.source.writable && a.modal.is_none());
    assert!(render(&a).contains("WRITES ARMED"));

    let effects = command(&mut a, "disarm");
    let Some(Effect::Call { op, call }) = effects.first().cloned() else { panic!("{effects:?}") };
    let outcome = perform(&guard, call).await;
    assert!(!guard.writes_armed());
    update(&mut a, Msg::OpDone { op, result: outcome });
    assert!(!a.shared.source.writable);
}

#[test]
fn arming_a_local_session_says_there_is_nothing_to_arm() {
    let mut a = app(100, 30);
    command(&mut a, "arm");
    assert!(a.modal.is_none());
    assert!(matches!(&a.status, Status::Info(m) if m.contains("nothing to arm")));
}

#[test]
fn load_progress_is_shown_while_loading() {
    use orgtui::backend::walk::LoadProgress;
    let mut a = live_app();
    let effects = command(&mut a, "refresh");
    let Some(Effect::Load { generation }) = effects.first().cloned() else { panic!("{effects:?}") };
    let progress = LoadProgress { stage: "tags", done: 120, total: Some(1043) };
    update(&mut a, Msg::LoadProgress { generation, progress: progress.clone() });
    assert!(render(&a).contains("Refreshing… tags 120/1043"), "{}", render(&a));
    update(&mut a, Msg::LoadProgress { generation: generation - 1, progress });
    assert_eq!(a.shared.load_progress.as_ref().map(|p| p.done), Some(120), "stale loads are ignored");
}
