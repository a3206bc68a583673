//! `:save-as FILE` and the quit warning on the sample: quitting with unsaved changes warns once;
//! `:save-as` writes the organization (a new file at once, an existing one after a typed
//! confirmation) and the session then writes every change to it under its lock; a live
//! session refuses.

mod tui_support;
use crossterm::event::KeyCode;
use orgtui::backend::memory::MemoryBackend;
use orgtui::backend::{BackendKind, OrgBackend};
use orgtui::model::*;
use orgtui::snapshot::file::{Access, OrgFile};
use orgtui::tui::app::{App, SessionInfo};
use orgtui::tui::dialog::Modal;
use orgtui::tui::keymap::Keymap;
use orgtui::tui::msg::{Call, Effect, Msg};
use orgtui::tui::theme::Theme;
use std::path::PathBuf;
use tui_support::*;

/// A change made on the sample, as its successful answer arrives.
fn one_change(a: &mut App) {
    let op = a.op_id();
    a.pending.insert(op, "Tagging".into());
    update(a, Msg::OpDone { op, result: Ok(done("Tagged.", None)) });
}

fn status(a: &App) -> String {
    render(a).lines().rev().take(3).collect::<Vec<_>>().join("\n")
}

/// The call `:save-as` made, run against `backend`, its answer fed back.
fn run_save(a: &mut App, effects: Vec<Effect>, backend: &MemoryBackend) {
    let [Effect::Call { op, call }] = effects.as_slice() else { panic!("one call expected: {effects:?}") };
    let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let result = rt.block_on(orgtui::tui::effects::perform(backend, call.clone()));
    update(a, Msg::OpDone { op: *op, result });
}

#[test]
fn quitting_the_sample_with_changes_warns_once() {
    let mut a = app(120, 30);
    press(&mut a, KeyCode::Char('q'));
    assert!(a.quit, "no change: q quits at once");

    let mut a = app(120, 30);
    one_change(&mut a);
    one_change(&mut a);
    press(&mut a, KeyCode::Char('q'));
    assert!(!a.quit);
    assert!(
        status(&a)
            .contains("2 changes to the sample are not saved — :save-as FILE keeps them; q again quits"),
        "{}",
        status(&a)
    );
    command(&mut a, "quit");
    assert!(a.quit, "the second quit goes through");
}

#[test]
fn save_as_writes_a_new_file_and_the_session_goes_on_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.json");
    let backend = MemoryBackend::new(orgtui::snapshot::sample_engine().unwrap(), BackendKind::Sample);
    let mut a = app(120, 30);
    one_change(&mut a);
    let effects = command(&mut a, &format!("save-as {}", path.display()));
    assert!(matches!(effects.as_slice(), [Effect::Call { call: Call::SaveAs { overwrite: false, .. }, .. }]));
    run_save(&mut a, effects, &backend);
    assert!(status(&a).contains("Saved to"), "{}", status(&a));
    assert!(a.shared.source.label.starts_with("FILE kept.json"), "{}", a.shared.source.label);
    assert!(path.is_file());
    // Nothing unsaved any more: q quits.
    press(&mut a, KeyCode::Char('q'));
    assert!(a.quit);

    // The file is the organization, locked, and every later change goes to it.
    assert!(OrgFile::open(&path, Access::Exclusive).is_err(), "the session holds the file's lock");
    let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let root = rt.block_on(backend.list_roots(ListRootsRequest::default())).unwrap().roots[0].id.clone();
    rt.block_on(backend.create_organizational_unit(CreateOrganizationalUnitRequest {
        parent_id: root.to_string(),
        name: "SavedAsOu".into(),
        tags: None,
    }))
    .unwrap();
    assert!(std::fs::read_to_string(&path).unwrap().contains("SavedAsOu"));
    assert_eq!(backend.kind(), BackendKind::File(path.display().to_string()));
}

#[test]
fn an_existing_file_is_replaced_only_after_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("there.json");
    std::fs::write(&path, "precious").unwrap();
    let mut a = app(120, 30);
    assert!(command(&mut a, &format!("save-as {}", path.display())).is_empty());
    let Some(Modal::Confirm(c)) = &a.modal else { panic!("a confirmation: {:?}", a.modal) };
    assert_eq!(c.call, Call::SaveAs { path: path.clone(), overwrite: true });
    press(&mut a, KeyCode::Esc);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious");

    // The backend refuses too when not told to overwrite (the file appeared meanwhile).
    let backend = MemoryBackend::new(orgtui::snapshot::sample_engine().unwrap(), BackendKind::Sample);
    let e = backend.save_as(&path, false).unwrap_err();
    assert!(e.message.contains("not overwritten"), "{}", e.message);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious");

    command(&mut a, &format!("save-as {}", path.display()));
    type_str(&mut a, "yes");
    let effects = press(&mut a, KeyCode::Enter);
    run_save(&mut a, effects, &backend);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    assert!(orgtui::snapshot::load_str(&std::fs::read_to_string(&path).unwrap()).is_ok());
}

#[test]
fn a_live_session_refuses_save_as() {
    let mut a = App::new(
        SessionInfo { label: "LIVE default/us-east-1".into(), writable: false, guarded: true },
        Theme::plain(),
        Keymap::default(),
        (120, 30),
    );
    let path = PathBuf::from("never-written.json");
    assert!(command(&mut a, &format!("save-as {}", path.display())).is_empty());
    assert!(status(&a).contains("A live session cannot be saved as a file"), "{}", status(&a));
    assert!(!path.exists());
}

#[test]
fn save_as_is_in_the_help() {
    let mut a = app(120, 60);
    press(&mut a, KeyCode::Char('?'));
    let mut seen = render(&a);
    for _ in 0..20 {
        if seen.contains("save-as") {
            break;
        }
        press(&mut a, KeyCode::PageDown);
        seen = render(&a);
    }
    assert!(seen.contains("save-as"), "{seen}");
}
