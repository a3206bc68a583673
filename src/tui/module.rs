//! The page pattern: a registry entry with its handler ([`Command`]) and the [`PageModule`]
//! trait every page implements.
//!
//! A page never sees the whole console: its handlers get its own state and a [`Cx`] (the
//! session's shared facts read-only, plus an outbox for status, dialogs, calls and
//! navigation). Adding a page is one folder under `pages/` and one line in `pages/mod.rs`;
//! adding a command is one entry in its page's `COMMANDS`.

use super::cx::{Cx, Shared};
use super::page::{CommandSpec, Nav, Page, Scope};
use crate::backend::request::ApiResponse;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

/// A registry entry: the command's description and its handler, which gets the state it
/// works on (a page's own state) and the context, with the palette argument if one was typed.
pub struct Command<S: 'static> {
    pub spec: CommandSpec,
    pub run: fn(&mut Cx<'_, S>, Option<String>),
}

impl<S> Command<S> {
    /// An entry scoped to `page`.
    pub const fn on(
        page: Page,
        name: &'static str,
        keys: &'static [&'static str],
        args: &'static str,
        desc: &'static str,
        footer: Option<&'static str>,
        run: fn(&mut Cx<'_, S>, Option<String>),
    ) -> Command<S> {
        Command {
            spec: CommandSpec { name, scope: Scope::Page(page), keys, args, desc, footer, palette: true },
            run,
        }
    }
}

/// A page: its state, commands and how it draws and reacts. Every method but `draw` has a
/// do-nothing default.
pub trait PageModule {
    /// The page's own state, kept while the user switches pages.
    type State: Default + 'static;
    /// Which page this is.
    const PAGE: Page;
    /// The page's commands (keys scoped to the page; the palette runs them from anywhere).
    const COMMANDS: &'static [Command<Self::State>];

    /// Draws the page body (between header and status line).
    fn draw(st: &Self::State, shared: &Shared, f: &mut Frame, area: Rect);

    /// A key before the keymap sees it: a page that is editing text takes it and returns
    /// `true`.
    fn key(_cx: &mut Cx<'_, Self::State>, _key: &KeyEvent) -> bool {
        false
    }

    /// Navigation on this page.
    fn navigate(_cx: &mut Cx<'_, Self::State>, _nav: Nav) {}

    /// A pasted text, when the page has a text field with the focus (`true`: taken).
    fn paste(_cx: &mut Cx<'_, Self::State>, _text: &str) -> bool {
        false
    }

    /// A call this page sent succeeded (the organization reloads after it).
    fn on_response(_cx: &mut Cx<'_, Self::State>, _op: super::msg::OpId, _response: &ApiResponse) {}

    /// Another service's call answered (CloudTrail's history, Cost Explorer's figures); each
    /// page checks whether the outcome is one it shows.
    fn on_outcome(_cx: &mut Cx<'_, Self::State>, _outcome: &super::msg::Outcome) {}

    /// A fresh organization was installed in `shared`.
    fn on_load(_cx: &mut Cx<'_, Self::State>) {}

    /// The user opened this page (its number, or `:page N`); not called when another page's
    /// command shows it.
    fn on_show(_cx: &mut Cx<'_, Self::State>) {}

    /// Footer hints while the page is in a mode of its own (e.g. a filter being typed);
    /// `None` shows the keymap's footer labels.
    fn footer(_st: &Self::State) -> Option<Vec<(&'static str, &'static str)>> {
        None
    }
}
