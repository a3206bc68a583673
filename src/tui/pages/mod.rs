//! The console's pages beyond the AWS accounts page (policies, inspector, invitations,
//! services, settings). Each page is a module with its own state (a field of `PageStates`), its
//! own actions (commands with default keys, scoped to the page, that the palette, the keymap
//! file and the help screen all know), and one `PageView` implementation the console dispatches
//! to. The accounts page predates this and lives in `update/` and `view/` directly.

use super::app::{App, Page};
use super::command::Command;
use super::msg::{Effect, OpId};
use crate::backend::request::ApiResponse;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

pub mod inspector;
pub mod invitations;
pub mod policies;
pub mod services;
pub mod settings;

/// A page's command: its palette name, default keys (active only on that page), argument hint,
/// description for the help screen and an optional footer label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionSpec {
    pub name: &'static str,
    pub page: Page,
    pub keys: &'static [&'static str],
    pub args: &'static str,
    pub desc: &'static str,
    pub footer: Option<&'static str>,
}

/// Every page's actions, in page order.
pub const ACTIONS: &[&[ActionSpec]] = &[
    policies::ACTIONS,           // page 2
    crate::tui::editor::ACTIONS, // the policy editor (pages 2 and 6)
    inspector::ACTIONS,          // page 3
    invitations::ACTIONS,        // page 4
    services::ACTIONS,           // page 5
    settings::ACTIONS,           // page 6
];

/// All page actions.
pub fn actions() -> impl Iterator<Item = &'static ActionSpec> {
    ACTIONS.iter().flat_map(|a| a.iter())
}

/// The action named `name`, if a page has one.
pub fn find_action(name: &str) -> Option<&'static ActionSpec> {
    actions().find(|a| a.name == name)
}

/// The action named `name` for a command run on `page`: two pages may offer the same command
/// (enable a policy type on the Policies and the Settings page); the page on screen wins.
pub fn find_action_on(name: &str, page: Page) -> Option<&'static ActionSpec> {
    actions().find(|a| a.name == name && a.page == page).or_else(|| find_action(name))
}

/// The state of every page, kept while the user switches between them.
#[derive(Debug, Default)]
pub struct PageStates {
    pub policies: policies::State,
    pub invitations: invitations::State,
    pub services: services::State,
    pub settings: settings::State,
    pub inspector: inspector::State,
}

/// What a page does; every method but `draw` and `action` has a do-nothing default.
pub trait PageView: Sync {
    /// Draws the page into the body area (between header and status line).
    fn draw(&self, f: &mut Frame, app: &App, area: Rect);

    /// Runs one of the page's actions (from its key or the palette).
    fn action(&self, app: &mut App, name: &str, arg: Option<String>) -> Vec<Effect>;

    /// A key before the keymap sees it: pages that are editing text take keys here and return
    /// `Some`; `None` lets the keymap have it.
    fn raw_key(&self, _app: &mut App, _key: &KeyEvent) -> Option<Vec<Effect>> {
        None
    }

    /// Navigation (up, down, top, bottom, page up/down, left, right, enter, tab, esc) on this
    /// page; `None` means the page has nothing to do with it.
    fn navigate(&self, _app: &mut App, _cmd: &Command) -> Option<Vec<Effect>> {
        None
    }

    /// A `Call::Api` this page sent succeeded (the organization reloads after it).
    fn on_response(&self, _app: &mut App, _op: OpId, _response: &ApiResponse) {}

    /// A fresh organization was installed.
    fn on_load(&self, _app: &mut App) {}
}

/// The implementation of a page, if it has been built.
pub fn view_of(page: Page) -> Option<&'static dyn PageView> {
    match page {
        Page::Accounts => None,
        Page::Policies => Some(&policies::PoliciesPage),
        Page::Inspector => Some(&inspector::InspectorPage),
        Page::Invitations => Some(&invitations::InvitationsPage),
        Page::Services => Some(&services::ServicesPage),
        Page::Settings => Some(&settings::SettingsPage),
    }
}

/// Whether `page` can be shown.
pub fn available(page: Page) -> bool {
    page == Page::Accounts || view_of(page).is_some()
}

/// Offers a key to the current page first.
pub fn raw_key(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    view_of(app.page)?.raw_key(app, key)
}

/// Navigation on the current page.
pub fn navigate(app: &mut App, cmd: &Command) -> Option<Vec<Effect>> {
    view_of(app.page)?.navigate(app, cmd)
}

/// Runs a page action: switches to its page first, so the user sees what it acts on.
pub fn action(app: &mut App, name: &str, arg: Option<String>) -> Vec<Effect> {
    if let Some(effects) = crate::tui::editor::action(app, name, arg.clone()) {
        return effects;
    }
    let Some(spec) = find_action_on(name, app.page) else { return Vec::new() };
    let Some(view) = view_of(spec.page) else { return Vec::new() };
    app.page = spec.page;
    app.dirty = true;
    view.action(app, name, arg)
}

/// Lets every page see a response (each checks whether the op is its own).
pub fn on_response(app: &mut App, op: OpId, response: &ApiResponse) {
    for page in Page::ALL {
        if let Some(v) = view_of(page) {
            v.on_response(app, op, response);
        }
    }
}

/// Lets every page refresh what it derives from the organization.
pub fn on_load(app: &mut App) {
    for page in Page::ALL {
        if let Some(v) = view_of(page) {
            v.on_load(app);
        }
    }
}

/// Draws the current page (not the accounts page).
pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    if let Some(v) = view_of(app.page) {
        v.draw(f, app, area);
    }
}
