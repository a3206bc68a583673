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
    fn draw(&self, f: &mut Frame, app: &App, area: Rect) {
        draw::draw(f, app, area);
    }

    fn action(&self, app: &mut App, name: &str, arg: Option<String>) -> Vec<Effect> {
        let s = st_mut(app);
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
                edit::begin(app, field);
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
                    _ => edit::begin(app, Field::Action),
                }
            }
            _ => {}
        }
        app.dirty = true;
        Vec::new()
    }

    fn raw_key(&self, app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
        st(app).editing.as_ref()?;
        Some(edit::key(app, key))
    }

    fn navigate(&self, app: &mut App, cmd: &Command) -> Option<Vec<Effect>> {
        nav::navigate(app, cmd)
    }

    fn on_load(&self, app: &mut App) {
        let s = st(app);
        s.cache.clear();
        let (ou, account) = (s.ou.clone(), s.account.clone());
        let snap = app.data.as_ref().map(|d| d.snapshot.clone());
        let Some(snap) = snap else { return };
        // Forget choices the new organization no longer has.
        if ou.is_some_and(|o| !snap.organizational_units.iter().any(|x| x.id.as_str() == o)) {
            st_mut(app).ou = None;
        }
        if account.is_some_and(|(a, _)| !snap.accounts.iter().any(|x| x.account.id.as_str() == a)) {
            st_mut(app).account = None;
        }
    }
}
