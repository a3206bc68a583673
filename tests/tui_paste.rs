//! Bracketed paste reaches every focused text field (the Inspector's fields, the attach
//! picker's query, the palette) as one edit, line breaks never act as Enter, and a paste where
//! no field is focused changes nothing and says so.

mod tui_support;
use crossterm::event::KeyCode;
use orgtui::tui::app::Page;
use orgtui::tui::dialog::Modal;
use orgtui::tui::msg::Msg;
use orgtui::tui::pages::policies::Pane;
use tui_support::*;

fn paste(a: &mut orgtui::tui::app::App, text: &str) -> Vec<orgtui::tui::msg::Effect> {
    update(a, Msg::Paste(text.into()))
}

#[test]
fn the_inspectors_field_takes_a_paste_without_committing_it() {
    let mut a = app(100, 30);
    command(&mut a, "goto payments-prod");
    press(&mut a, KeyCode::Char('3'));
    assert_eq!(a.page, Page::Inspector);
    press(&mut a, KeyCode::Enter);
    let before = a.pages.inspector.editing.as_ref().expect("editing a field").buffer.value().to_string();
    assert!(paste(&mut a, "s3:Get\nObject").is_empty());
    let e = a.pages.inspector.editing.as_ref().expect("still editing: the line break was no Enter");
    assert_eq!(e.buffer.value(), format!("{before}s3:Get Object"));
    // Undo takes the paste back as one step.
    update(
        &mut a,
        Msg::Key(crossterm::event::KeyEvent::new(
            KeyCode::Char('z'),
            crossterm::event::KeyModifiers::CONTROL,
        )),
    );
    assert_eq!(a.pages.inspector.editing.as_ref().unwrap().buffer.value(), before);
}

#[test]
fn the_attach_pickers_query_takes_a_paste_and_filters() {
    let mut a = app(100, 30);
    press(&mut a, KeyCode::Char('2'));
    a.pages.policies.focus = Pane::List;
    press(&mut a, KeyCode::Home);
    press(&mut a, KeyCode::Char('a'));
    assert!(a.pages.policies.picker.is_some(), "the picker opened");
    assert!(paste(&mut a, "payments-prod\r\n").is_empty());
    let p = a.pages.policies.picker.as_ref().expect("still open: the line break picked nothing");
    assert_eq!(p.query.value(), "payments-prod ");
    assert_eq!(p.matches.len(), 1, "the pasted query filters");
}

#[test]
fn the_palette_takes_a_paste_without_running_it() {
    let mut a = app(100, 30);
    press(&mut a, KeyCode::Char(':'));
    assert!(paste(&mut a, "quit\n").is_empty());
    assert!(!a.quit);
    let Some(Modal::Palette { input, .. }) = &a.modal else { panic!("the palette closed") };
    assert_eq!(input.value(), "quit ");
}

#[test]
fn a_paste_with_no_field_focused_changes_nothing_and_says_so() {
    let mut a = app(100, 30);
    let selected = selected_name(&a);
    let effects = paste(&mut a, "q:quit\rcD\n");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(!a.quit && a.modal.is_none() && a.editor.is_none());
    assert_eq!(selected_name(&a), selected);
    assert!(render(&a).contains("Nothing to paste into here"), "{}", render(&a));
}
