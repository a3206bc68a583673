//! The page pattern, as a leaf module every page builds on: which pages exist, what a command
//! is (one registry entry: name, scope, default keys, argument hint, help text, footer label and
//! handler), the navigation a page may answer, and the `PageModule` trait a page implements.
//!
//! A page never sees the whole console: its handlers get its own state and a [`Cx`] (the
//! session's shared facts read-only, plus an outbox for status, dialogs, calls and
//! navigation). Adding a page is one folder under `pages/` and one line in `pages/mod.rs`;
//! adding a command is one entry in its page's `COMMANDS`.

use super::cx::{Cx, Shared};
use crate::backend::request::ApiResponse;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

/// The console's pages, numbered as their keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Page {
    Accounts,
    Policies,
    Inspector,
    Invitations,
    Services,
    Settings,
}

impl Page {
    /// Every page in key order.
    pub const ALL: [Page; 6] =
        [Page::Accounts, Page::Policies, Page::Inspector, Page::Invitations, Page::Services, Page::Settings];

    /// The page's key (1–9).
    pub fn number(self) -> u8 {
        match self {
            Page::Accounts => 1,
            Page::Policies => 2,
            Page::Inspector => 3,
            Page::Invitations => 4,
            Page::Services => 5,
            Page::Settings => 6,
        }
    }

    /// The page for a key.
    pub fn from_number(n: u8) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.number() == n)
    }

    /// The page's title, as the AWS console names it.
    pub fn title(self) -> &'static str {
        match self {
            Page::Accounts => "AWS accounts",
            Page::Policies => "Policies",
            Page::Inspector => "Inspector",
            Page::Invitations => "Invitations",
            Page::Services => "Services",
            Page::Settings => "Settings",
        }
    }
}

/// Where a command's keys work: on every page, or only on one (a page's binding wins over a
/// global one on the same key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    Page(Page),
}

impl Scope {
    /// The page of a page-scoped command.
    pub fn page(self) -> Option<Page> {
        match self {
            Scope::Global => None,
            Scope::Page(p) => Some(p),
        }
    }
}

/// What the keymap, the palette, `?` help and the footer know of a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSpec {
    /// The palette name (`create-ou`), also the name in `keymap.toml`.
    pub name: &'static str,
    pub scope: Scope,
    /// Default keys (`"n"`, `"ctrl-d"`, `"enter"`).
    pub keys: &'static [&'static str],
    /// Argument hint for the palette and help (`[name]`, `<id|name>`).
    pub args: &'static str,
    /// One line for the help screen.
    pub desc: &'static str,
    /// Short label in the footer (not shown there when `None`).
    pub footer: Option<&'static str>,
    /// Whether the palette offers it (navigation keys are not palette commands).
    pub palette: bool,
}

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

/// Navigation keys, which every page interprets for its own lists and panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// `←`/`h`: collapse, previous tab, …
    Left,
    /// `→`/`l`: expand, next tab, …
    Right,
    /// `Enter`: open or act on the selection.
    Enter,
    /// `Tab`: next pane.
    Tab,
    /// `Esc`: back out of whatever the page has open.
    Back,
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

    /// A fresh organization was installed in `shared`.
    fn on_load(_cx: &mut Cx<'_, Self::State>) {}

    /// Footer hints while the page is in a mode of its own (e.g. a filter being typed);
    /// `None` shows the keymap's footer labels.
    fn footer(_st: &Self::State) -> Option<Vec<(&'static str, &'static str)>> {
        None
    }
}
