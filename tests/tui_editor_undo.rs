//! The policy editor's undo and redo (ctrl-z, ctrl-y): a typed word, a paste, a format and a
//! completion are one step each; the new policy's name and description fields undo, redo,
//! move the cursor and take pastes; a paste never acts as enter.

mod tui_support;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use orgtui::tui::app::App;
use orgtui::tui::editor::{Mode, draft};
use orgtui::tui::msg::{Effect, Msg};
use ratatui_textarea::CursorMove;
use tui_support::*;

const POLICY: &str = "p-nubu3bh8";

fn setup() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    draft::set_thread_state_dir(Some(dir.path().to_path_buf()));
    (app(100, 30), dir)
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)))
}

fn alt(app: &mut App, c: char) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)))
}

fn text(app: &App) -> String {
    app.editor.as_ref().expect("editor open").text()
}

fn jump(app: &mut App, row: u16, col: u16) {
    app.editor.as_mut().unwrap().area.move_cursor(CursorMove::Jump(row, col));
}

#[test]
fn ctrl_z_undoes_typed_words_and_ctrl_y_redoes_them() {
    let (mut a, _dir) = setup();
    command(&mut a, &format!("edit-policy {POLICY}"));
    let original = text(&a);
    type_str(&mut a, "abc def");
    assert!(text(&a).starts_with("abc def"));
    ctrl(&mut a, 'z');
    assert!(text(&a).starts_with("abc{"), "a word is one step: {}", text(&a));
    ctrl(&mut a, 'z');
    assert_eq!(text(&a), original);
    ctrl(&mut a, 'z');
    assert_eq!(text(&a), original);
    assert_eq!(a.editor.as_ref().unwrap().note.as_deref(), Some("Nothing to undo."));
    ctrl(&mut a, 'y');
    assert!(text(&a).starts_with("abc{"));
    ctrl(&mut a, 'y');
    assert!(text(&a).starts_with("abc def{"));
    // Back to the stored text by undo drops the draft, as an edit back would.
    ctrl(&mut a, 'z');
    ctrl(&mut a, 'z');
    assert_eq!(a.shared.drafts.get(POLICY), None);
    // A new edit after an undo ends redo.
    type_str(&mut a, "x");
    ctrl(&mut a, 'y');
    assert!(text(&a).starts_with("x{"));
    assert_eq!(a.editor.as_ref().unwrap().note.as_deref(), Some("Nothing to redo."));
}

#[test]
fn a_cursor_move_ends_the_typed_step() {
    let (mut a, _dir) = setup();
    command(&mut a, &format!("edit-policy {POLICY}"));
    type_str(&mut a, "ab");
    press(&mut a, KeyCode::Left);
    type_str(&mut a, "c");
    assert!(text(&a).starts_with("acb"));
    ctrl(&mut a, 'z');
    assert!(text(&a).starts_with("ab{"), "{}", text(&a));
}

#[test]
fn format_paste_and_completion_are_one_step_each() {
    let (mut a, _dir) = setup();
    command(&mut a, &format!("edit-policy {POLICY}"));
    let opened = text(&a);
    // Opened pretty-printed; minify is the whole-document step here.
    alt(&mut a, 'm');
    let minified = text(&a);
    assert_ne!(minified, opened);
    ctrl(&mut a, 'z');
    assert_eq!(text(&a), opened, "one undo takes back the whole minify");
    ctrl(&mut a, 'y');
    assert_eq!(text(&a), minified);

    update(&mut a, Msg::Paste("line one\nline two\r\n".into()));
    assert!(text(&a).starts_with("line one\nline two\n{"), "{}", text(&a));
    ctrl(&mut a, 'z');
    assert_eq!(text(&a), minified, "one undo takes back the whole paste");

    press(&mut a, KeyCode::Esc);
    command(&mut a, "create-policy SERVICE_CONTROL_POLICY");
    let before = text(&a);
    jump(&mut a, 7, 9);
    type_str(&mut a, "s3:GetObj");
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Enter);
    assert_eq!(text(&a).lines().nth(7), Some("        \"s3:GetObject\""));
    ctrl(&mut a, 'z');
    assert_eq!(text(&a).lines().nth(7), Some("        \"s3:GetObj\""), "the completion is one step");
    ctrl(&mut a, 'z');
    assert_eq!(text(&a), before);
}

#[test]
fn ctrl_x_cuts_and_ctrl_v_puts_it_back() {
    let (mut a, _dir) = setup();
    command(&mut a, &format!("edit-policy {POLICY}"));
    alt(&mut a, 'f');
    let pretty = text(&a);
    jump(&mut a, 1, 0);
    update(&mut a, Msg::Key(KeyEvent::new(KeyCode::End, KeyModifiers::SHIFT)));
    ctrl(&mut a, 'x');
    assert_ne!(text(&a), pretty);
    ctrl(&mut a, 'v');
    assert_eq!(text(&a), pretty);
}

#[test]
fn new_policy_details_fields_edit_undo_and_take_pastes() {
    let (mut a, _dir) = setup();
    command(&mut a, "create-policy rcp");
    ctrl(&mut a, 's');
    assert!(matches!(a.editor.as_ref().unwrap().mode, Mode::Details { focus: 0 }));
    type_str(&mut a, "Deny Public");
    // The cursor moves: a word typed in the middle.
    for _ in 0..7 {
        press(&mut a, KeyCode::Left);
    }
    type_str(&mut a, "All");
    assert_eq!(a.editor.as_ref().unwrap().name.value(), "DenyAll Public");
    ctrl(&mut a, 'z');
    assert_eq!(a.editor.as_ref().unwrap().name.value(), "Deny Public");
    ctrl(&mut a, 'y');
    assert_eq!(a.editor.as_ref().unwrap().name.value(), "DenyAll Public");
    // A paste with a line break stays in the field and does not move on.
    update(&mut a, Msg::Paste("X\nY".into()));
    assert!(matches!(a.editor.as_ref().unwrap().mode, Mode::Details { focus: 0 }));
    assert_eq!(a.editor.as_ref().unwrap().name.value(), "DenyAllX Y Public");
    press(&mut a, KeyCode::Tab);
    update(&mut a, Msg::Paste("keeps buckets private\r\n".into()));
    assert!(matches!(a.editor.as_ref().unwrap().mode, Mode::Details { focus: 1 }));
    assert_eq!(a.editor.as_ref().unwrap().description.value().trim(), "keeps buckets private");
    assert!(render(&a).contains("Description: keeps buckets private"), "{}", render(&a));
}

#[test]
fn a_paste_while_the_confirmation_shows_changes_nothing() {
    let (mut a, _dir) = setup();
    command(&mut a, &format!("edit-policy {POLICY}"));
    type_str(&mut a, " ");
    ctrl(&mut a, 's');
    assert!(matches!(a.editor.as_ref().unwrap().mode, Mode::Confirm(_)));
    let before = text(&a);
    let effects = update(&mut a, Msg::Paste("y\r".into()));
    assert!(effects.is_empty(), "{effects:?}");
    assert!(matches!(a.editor.as_ref().unwrap().mode, Mode::Confirm(_)));
    assert_eq!(text(&a), before);
}
