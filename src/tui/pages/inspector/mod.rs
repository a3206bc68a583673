//! The Inspector page (key `3`): why a request is allowed or denied. Choose the account
//! (default: the accounts tree's selection), the principal (the account's known IAM principals
//! or any ARN), the action (completed from the catalogue), the resource and context keys; the
//! page shows the decision in words and the trace through every layer (RCP, SCP, resource,
//! identity, boundary, session) and level (root → OUs → account). `M` switches to a matrix of
//! accounts (under an OU) × actions; `w` evaluates with the editor's unsaved drafts in place of
//! the stored policies and marks what changes.
//!
//! The computation is in `policy::matrix` (no terminal types); this module is the page.

pub mod book;
pub mod compute;
pub mod draw;
pub mod draw_matrix;
pub mod edit;
pub mod nav;
pub mod state;
pub mod trace_view;

pub use state::State;

use crate::tui::cx::{Cx, Shared, View};
use crate::tui::module::{Command, PageModule};
use crate::tui::page::{Nav, Page};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use state::{Field, Focus};

/// The inspector's commands.
const P: Page = Page::Inspector;

/// `inspect <action>`: the decision for an action (account: the tree's selection).
fn inspect(cx: &mut Cx<'_, State>, arg: Option<String>) {
    let s = &mut *cx.st;
    s.editing = None;
    s.matrix = false;
    s.scroll = 0;
    s.account = None;
    match arg {
        Some(a) if a.contains(':') => {
            s.action = a.trim().to_string();
            s.focus = Focus::Body;
        }
        _ => edit::begin(cx, Field::Action),
    }
}

/// The inspector page.
pub struct InspectorPage;

impl PageModule for InspectorPage {
    type State = State;
    const PAGE: Page = P;
    const COMMANDS: &'static [Command<State>] = &[
        Command::on(
            P,
            "inspector-matrix",
            &["M"],
            "",
            "inspector: toggle the matrix of accounts x actions",
            Some("matrix"),
            |cx, _| {
                let s = &mut *cx.st;
                s.editing = None;
                s.matrix = !s.matrix;
                s.scroll = 0;
            },
        ),
        Command::on(
            P,
            "inspector-what-if",
            &["w"],
            "",
            "inspector: toggle what-if (evaluate with the editor's unsaved drafts)",
            Some("what-if"),
            |cx, _| {
                cx.st.editing = None;
                cx.st.what_if = !cx.st.what_if;
            },
        ),
        Command::on(
            P,
            "inspector-edit",
            &["e"],
            "",
            "inspector: edit the focused field (enter also edits)",
            Some("edit"),
            |cx, _| {
                cx.st.editing = None;
                let field = match cx.st.focus {
                    Focus::Field(f) => f,
                    Focus::Body => Field::Action,
                };
                edit::begin(cx, field);
            },
        ),
        Command::on(
            P,
            "inspect",
            &[],
            "<action>",
            "inspector: the decision for an action (account: the tree's selection)",
            None,
            inspect,
        ),
    ];

    fn draw(st: &State, shared: &Shared, f: &mut Frame, area: Rect) {
        draw::draw(f, &View { st, shared }, area);
    }

    fn key(cx: &mut Cx<'_, State>, key: &KeyEvent) -> bool {
        if cx.st.editing.is_none() {
            return false;
        }
        edit::key(cx, key);
        true
    }

    /// A paste into the field being edited (line breaks become spaces: a paste never commits).
    fn paste(cx: &mut Cx<'_, State>, text: &str) -> bool {
        let Some(e) = cx.st.editing.as_mut() else { return false };
        if e.buffer.insert_str(text) {
            e.choice = 0;
        }
        true
    }

    fn navigate(cx: &mut Cx<'_, State>, nav: Nav) {
        nav::navigate(cx, nav);
    }

    fn on_load(cx: &mut Cx<'_, State>) {
        let s = &*cx.st;
        s.cache.clear();
        let (ou, account) = (s.ou.clone(), s.account.clone());
        let snap = cx.shared.data.as_ref().map(|d| d.snapshot.clone());
        let Some(snap) = snap else { return };
        // Forget choices the new organization no longer has.
        if ou.is_some_and(|o| !snap.organizational_units.iter().any(|x| x.id.as_str() == o)) {
            cx.st.ou = None;
        }
        if account.is_some_and(|(a, _)| !snap.accounts.iter().any(|x| x.account.id.as_str() == a)) {
            cx.st.account = None;
        }
    }
}
