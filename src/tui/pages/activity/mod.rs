//! The Activity page (key `9`): who changed what in the organization, from CloudTrail's event
//! history (Organizations calls, newest first) — time, who, what, target, outcome. `/` filters
//! by event name, principal and target, `:since 7d` and `:range A B` by time, `Enter` opens the
//! whole event JSON. The history is read only when asked (`Enter` on the empty page, `:activity`,
//! or `H` on an account, OU or policy, which opens the page filtered to it): CloudTrail allows
//! two LookupEvents calls per second.

pub mod filter;
pub mod summary;
mod view;

use crate::backend::cloudtrail::History;
use crate::tui::cx::{Cx, Shared, View};
use crate::tui::module::{Command, PageModule};
use crate::tui::msg::{Call, CloudTrailCall, CloudTrailOutcome, Outcome};
use crate::tui::page::{Nav, Page};
use crate::tui::widgets::input::{Handled, Input};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use filter::{Index, Query};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::sync::Arc;

const P: Page = Page::Activity;

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    /// The history read, if any.
    pub history: Option<Arc<History>>,
    /// Its events prepared for filtering.
    pub index: Index,
    /// Positions (in `history.events`) of the events shown.
    pub rows: Vec<usize>,
    pub selected: usize,
    /// Narrows by event name, principal and target (`/`).
    pub filter: Input,
    pub filtering: bool,
    /// The time window (`:since`, `:range`).
    pub from: Option<crate::model::Timestamp>,
    pub to: Option<crate::model::Timestamp>,
    /// The whole event is open, scrolled by this many lines.
    pub detail: Option<u16>,
    /// A read is in flight.
    pub loading: bool,
}

impl State {
    /// Installs a history (keeping the filter) and applies the filter.
    pub fn install(&mut self, history: Arc<History>) {
        self.index = Index::new(&history.events);
        self.history = Some(history);
        self.loading = false;
        self.refilter();
    }

    /// Recomputes the rows shown.
    pub fn refilter(&mut self) {
        let q = Query { text: self.filter.value().to_string(), from: self.from, to: self.to };
        self.rows = self.index.filter(&q);
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// The event selected, if any.
    pub fn current(&self) -> Option<&crate::model::cloudtrail::EventRecord> {
        let h = self.history.as_ref()?;
        h.events.get(*self.rows.get(self.selected)?)
    }
}

/// Asks CloudTrail for the history; the page shows it when it arrives (filtered to `focus`).
pub fn request(cx: &mut Cx<'_, State>, focus: Option<String>) {
    cx.st.loading = true;
    cx.submit(Call::CloudTrail(CloudTrailCall::History { focus }), "Reading CloudTrail event history".into());
}

/// From another page: opens Activity and reads the history filtered to `id` (an account, OU,
/// root or policy id).
pub fn history_of<S>(cx: &mut Cx<'_, S>, id: Option<String>) {
    let Some(id) = id else {
        cx.error("Select an account, OU or policy first.");
        return;
    };
    cx.show_page(P);
    cx.submit(
        Call::CloudTrail(CloudTrailCall::History { focus: Some(id) }),
        "Reading CloudTrail event history".into(),
    );
}

fn fetch(cx: &mut Cx<'_, State>, _arg: Option<String>) {
    request(cx, None);
}

fn since(cx: &mut Cx<'_, State>, arg: Option<String>) {
    let Some(ms) = arg.as_deref().and_then(filter::parse_span) else {
        cx.error("since: give a span like 7d, 12h, 30m or 2w");
        return;
    };
    let now = cx.shared.now();
    cx.st.from = Some(crate::model::Timestamp(now.0 - ms));
    cx.st.to = None;
    cx.st.refilter();
}

fn range(cx: &mut Cx<'_, State>, arg: Option<String>) {
    let arg = arg.unwrap_or_default();
    let mut parts = arg.split_whitespace();
    let (a, b) = (parts.next(), parts.next());
    let from = a.and_then(|a| filter::parse_time(a, false));
    let to = b.and_then(|b| filter::parse_time(b, true));
    match (from, to) {
        (Some(f), Some(t)) if f <= t => {
            cx.st.from = Some(f);
            cx.st.to = Some(t);
            cx.st.refilter();
        }
        _ => cx.error("range: give two dates, the earlier first, e.g. :range 2026-11-01 2026-11-20"),
    }
}

fn all_time(cx: &mut Cx<'_, State>, _arg: Option<String>) {
    cx.st.from = None;
    cx.st.to = None;
    cx.st.refilter();
}

/// The Activity page.
pub struct ActivityPage;

impl PageModule for ActivityPage {
    type State = State;
    const PAGE: Page = P;
    const COMMANDS: &'static [Command<State>] = &[
        Command::on(
            P,
            "activity",
            &["R"],
            "",
            "read CloudTrail's event history (2 requests/s)",
            Some("read"),
            fetch,
        ),
        Command::on(
            P,
            "filter",
            &["/"],
            "",
            "filter the events by any text (user, action, target, source address)",
            Some("filter"),
            |cx, _| cx.st.filtering = cx.st.detail.is_none(),
        ),
        Command::on(P, "since", &[], "SPAN", "show events of the last SPAN (7d, 12h, 30m, 2w)", None, since),
        Command::on(
            P,
            "range",
            &[],
            "FROM TO",
            "show events between two dates (2026-11-01 2026-11-20)",
            None,
            range,
        ),
        Command::on(P, "all-time", &[], "", "drop the time window", None, all_time),
    ];

    fn draw(st: &State, shared: &Shared, f: &mut Frame, area: Rect) {
        view::draw(f, &View { st, shared }, area);
    }

    fn key(cx: &mut Cx<'_, State>, key: &KeyEvent) -> bool {
        let st = &mut *cx.st;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if !st.filtering {
            if key.code == KeyCode::Char('/') && !ctrl && st.detail.is_none() {
                st.filtering = true;
                return true;
            }
            return false;
        }
        match key.code {
            KeyCode::Esc => {
                st.filter.set("");
                st.filtering = false;
            }
            KeyCode::Enter => st.filtering = false,
            KeyCode::Up | KeyCode::Down => return false,
            _ => {
                if st.filter.handle_key(*key) != Handled::Edited {
                    return true;
                }
            }
        }
        st.selected = 0;
        st.refilter();
        true
    }

    fn paste(cx: &mut Cx<'_, State>, text: &str) -> bool {
        if !cx.st.filtering {
            return false;
        }
        cx.st.filter.insert_str(text);
        cx.st.selected = 0;
        cx.st.refilter();
        true
    }

    fn navigate(cx: &mut Cx<'_, State>, nav: Nav) {
        if cx.st.history.is_none() {
            if matches!(nav, Nav::Enter) && !cx.st.loading {
                request(cx, None);
            }
            return;
        }
        let st = &mut *cx.st;
        if let Some(scroll) = st.detail.as_mut() {
            *scroll = match nav {
                Nav::Back | Nav::Enter => {
                    st.detail = None;
                    return;
                }
                Nav::Up => scroll.saturating_sub(1),
                Nav::Down => scroll.saturating_add(1),
                Nav::PageUp => scroll.saturating_sub(10),
                Nav::PageDown => scroll.saturating_add(10),
                Nav::Top => 0,
                _ => *scroll,
            };
            return;
        }
        let last = st.rows.len().saturating_sub(1);
        st.selected = match nav {
            Nav::Enter => {
                if st.current().is_some() {
                    st.detail = Some(0);
                }
                st.selected
            }
            Nav::Back => {
                st.filter.set("");
                st.from = None;
                st.to = None;
                st.refilter();
                0
            }
            Nav::Up => st.selected.saturating_sub(1),
            Nav::Down => (st.selected + 1).min(last),
            Nav::Top => 0,
            Nav::Bottom => last,
            Nav::PageUp => st.selected.saturating_sub(10),
            Nav::PageDown => (st.selected + 10).min(last),
            _ => st.selected,
        };
    }

    fn on_show(cx: &mut Cx<'_, State>) {
        if cx.st.history.is_none() && !cx.st.loading {
            request(cx, None);
        }
    }

    fn on_outcome(cx: &mut Cx<'_, State>, outcome: &Outcome) {
        let Outcome::CloudTrail(CloudTrailOutcome::History { history, focus }) = outcome else { return };
        if let Some(f) = focus {
            cx.st.filter.set(f);
            cx.st.from = None;
            cx.st.to = None;
        }
        cx.st.selected = 0;
        cx.st.detail = None;
        cx.st.install(history.clone());
    }

    fn footer(st: &State) -> Option<Vec<(&'static str, &'static str)>> {
        if st.filtering {
            Some(vec![("Enter", "keep filter"), ("Esc", "clear")])
        } else if st.detail.is_some() {
            Some(vec![("↑↓", "scroll"), ("Esc", "back")])
        } else {
            None
        }
    }
}
