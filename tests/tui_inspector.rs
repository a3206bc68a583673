//! The Inspector page: fields defaulting from the tree selection, editing with completion,
//! decisions and traces on the sample organization, the matrix, what-if with editor drafts, and
//! screen snapshots at 80×24 and 120×36.

mod tui_support;
use crossterm::event::KeyCode;
use orgtui::policy::Decision;
use orgtui::tui::app::{App, Page};
use orgtui::tui::pages::inspector::{compute, state};
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 36)];

/// The sample app on the inspector page with `account` selected in the tree.
fn at(account: &str, w: u16, h: u16) -> App {
    let mut a = app(w, h);
    command(&mut a, &format!("goto {account}"));
    press(&mut a, KeyCode::Char('3'));
    assert_eq!(a.page, Page::Inspector);
    a
}

/// Edits the action field: Enter to edit, clear, type, Enter.
fn set_action(a: &mut App, action: &str) {
    a.pages.inspector.focus = state::Focus::Field(state::Field::Action);
    press(a, KeyCode::Enter);
    assert!(a.pages.inspector.editing.is_some());
    clear(a);
    type_str(a, action);
    press(a, KeyCode::Enter);
    assert!(a.pages.inspector.editing.is_none(), "{:?}", a.status);
}

fn clear(a: &mut App) {
    let n = a.pages.inspector.editing.as_ref().map_or(0, |e| e.buffer.chars().count());
    for _ in 0..n {
        press(a, KeyCode::Backspace);
    }
}

#[test]
fn explore() {
    let mut a = at("payments-prod", 120, 36);
    set_action(&mut a, "organizations:LeaveOrganization");
    println!("{}", render(&a));
    press(&mut a, KeyCode::Char('M'));
    println!("{}", render(&a));
    let mut a = at("payments-prod", 80, 24);
    set_action(&mut a, "organizations:LeaveOrganization");
    println!("{}", render(&a));
    press(&mut a, KeyCode::Char('M'));
    println!("{}", render(&a));
}
