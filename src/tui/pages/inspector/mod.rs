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

use super::{ActionSpec, PageView};
use crate::tui::app::{App, Page};
use crate::tui::command::Command;
use crate::tui::msg::Effect;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use state::{Field, Focus, st, st_mut};

/// The inspector's commands.
pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec {
        name: "inspector-matrix",
        page: Page::Inspector,
        keys: &["M"],
        args: "",
        desc: "inspector: toggle the matrix of accounts x actions",
        footer: Some("matrix"),
    },
    ActionSpec {
        name: "inspector-what-if",
        page: Page::Inspector,
        keys: &["w"],
        args: "",
        desc: "inspector: toggle what-if (evaluate with the editor's unsaved drafts)",
        footer: Some("what-if"),
    },
    ActionSpec {
        name: "inspector-edit",
        page: Page::Inspector,
        keys: &["e"],
        args: "",
        desc: "inspector: edit the focused field (enter also edits)",
        footer: Some("edit"),
    },
    ActionSpec {
        name: "inspect",
        page: Page::Inspector,
        keys: &[],
        args: "<action>",
        desc: "inspector: the decision for an action (account: the tree's selection)",
        footer: None,
    },
];

/// The inspector page.
pub struct InspectorPage;

impl PageView for InspectorPage {
    fn draw(&self, f: &mut Frame, cx: &View<'_, State>, area: Rect) {
        draw::draw(f, app, area);
    }

    fn action(&self, cx: &mut Cx<'_, State>, name: &str, arg: Option<String>) {
        let s = st_mut(cx);
        s.editing = None;
        match name {
            "inspector-matrix" => {
                s.matrix = !s.matrix;
                s.scroll = 0;
            }
            "inspector-what-if" => s.what_if = !s.what_if,
            "inspector-edit" => {
                let field = match s.focus {
                    Focus::Field(f) => f,
                    Focus::Body => Field::Action,
                };
                edit::begin(cx, field);
            }
            "inspect" => {
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
            _ => {}
        }
    }

    fn raw_key(&self, cx: &mut Cx<'_, State>, key: &KeyEvent) -> Option<Vec<Effect>> {
        st(cx).editing.as_ref()?;
        Some(edit::key(cx, key))
    }

    fn navigate(&self, cx: &mut Cx<'_, State>, nav: Nav) -> Option<Vec<Effect>> {
        nav::navigate(cx, cmd)
    }

    fn on_load(&self, cx: &mut Cx<'_, State>) {
        let s = st(cx);
        s.cache.clear();
        let (ou, account) = (s.ou.clone(), s.account.clone());
        let snap = cx.shared.data.as_ref().map(|d| d.snapshot.clone());
        let Some(snap) = snap else { return };
        // Forget choices the new organization no longer has.
        if ou.is_some_and(|o| !snap.organizational_units.iter().any(|x| x.id.as_str() == o)) {
            st_mut(cx).ou = None;
        }
        if account.is_some_and(|(a, _)| !snap.accounts.iter().any(|x| x.account.id.as_str() == a)) {
            st_mut(cx).account = None;
        }
    }
}
