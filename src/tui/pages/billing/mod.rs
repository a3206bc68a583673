//! The Billing page (key `8`): consolidated billing over the organization tree. Each node's
//! cost for the chosen month (an OU is its subtree's sum, the root the organization), the
//! month-over-month change in amount and percent, sorted as the tree or by cost or change
//! (`s`), a month picker (`[`/`]`, `:month YYYY-MM`) and a filter (`/`); beside it the
//! selection's service breakdown with bars, its 12-month chart and the top movers.

mod draw;
pub mod live;

pub use draw::account_trend;

use crate::engine::costs::Rollup;
use crate::model::costexplorer::Month;
use crate::tui::cx::{Cx, Shared, Status};
use crate::tui::module::{Command, PageModule};
use crate::tui::page::{Nav, Page};
use crate::tui::widgets::input::{FilterKey, Input, filter_key};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use std::sync::Arc;

const P: Page = Page::Billing;

/// How the rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The organization tree.
    #[default]
    Tree,
    /// Every node by its cost, largest first.
    Cost,
    /// Every node by the size of its change, largest first.
    Change,
}

impl Sort {
    /// The name shown in the title.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Tree => "tree",
            Sort::Cost => "cost",
            Sort::Change => "change",
        }
    }
}

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    /// The costs rolled up over the loaded organization (`None`: the source has no costs).
    pub rollup: Option<Arc<Rollup>>,
    /// The month shown.
    pub month: Option<Month>,
    pub sort: Sort,
    /// Narrows the rows to nodes whose name or id contains it (and their ancestors in tree order).
    pub filter: Input,
    /// The filter is being typed.
    pub filtering: bool,
    /// The visible rows: node indices of the roll-up.
    pub rows: Vec<usize>,
    /// The selected row.
    pub selected: usize,
    /// The metric chosen with `:metric` (empty: `UnblendedCost`).
    pub metric: String,
    /// The organization and metric whose months were asked for.
    pub asked: Option<(String, String)>,
    /// Cost Explorer's last answer (as of, what a refresh costs).
    pub view: Option<Arc<crate::backend::costs::CostsView>>,
    /// The user agreed to paid requests in this session.
    pub confirmed: bool,
}

impl State {
    /// The node selected, if any.
    pub fn node(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }
}

/// Recomputes the visible rows after a change of data, month, sort or filter, keeping the
/// selected node when it is still visible.
pub fn rerow(st: &mut State) {
    let keep = st.node();
    let Some(r) = st.rollup.clone() else {
        st.rows.clear();
        return;
    };
    let month = st.month.unwrap_or_default();
    let f = st.filter.value().to_lowercase();
    let hit = |i: usize| {
        let n = &r.nodes()[i];
        f.is_empty() || n.name.to_lowercase().contains(&f) || n.id.contains(&f)
    };
    let mut rows: Vec<usize> = match st.sort {
        Sort::Tree => {
            let mut show = vec![false; r.nodes().len()];
            for i in (0..r.nodes().len()).filter(|i| hit(*i)) {
                let mut at = Some(i);
                while let Some(a) = at.filter(|a| !show[*a]) {
                    show[a] = true;
                    at = r.nodes()[a].parent;
                }
            }
            (0..show.len()).filter(|i| show[*i]).collect()
        }
        Sort::Cost | Sort::Change => (0..r.nodes().len()).filter(|i| hit(*i)).collect(),
    };
    let key = |i: usize| match st.sort {
        Sort::Cost => r.cost(i, month),
        _ => r.change(i, month).map_or(0.0, |c| c.amount.abs()),
    };
    if st.sort != Sort::Tree {
        rows.sort_by(|a, b| key(*b).total_cmp(&key(*a)).then(a.cmp(b)));
    }
    st.rows = rows;
    st.selected = keep.and_then(|k| st.rows.iter().position(|i| *i == k)).unwrap_or(0);
    st.selected = st.selected.min(st.rows.len().saturating_sub(1));
}

fn shift_month(cx: &mut Cx<'_, State>, by: i32) {
    let Some(r) = cx.st.rollup.clone() else { return no_data(cx) };
    let months = r.data().months();
    let Some(now) = cx.st.month.and_then(|m| months.iter().position(|x| *x == m)) else { return };
    let next = now as i64 + by as i64;
    if next < 0 || next >= months.len() as i64 {
        let edge = if by < 0 { "oldest" } else { "newest" };
        cx.set_status(Status::Info(format!("{} is the {edge} month with cost data.", months[now])));
        return;
    }
    cx.st.month = Some(months[next as usize]);
    rerow(cx.st);
}

fn no_data(cx: &mut Cx<'_, State>) {
    cx.set_status(Status::Info("This source has no cost data.".into()));
}

fn prev_month(cx: &mut Cx<'_, State>, _: Option<String>) {
    shift_month(cx, -1);
}

fn next_month(cx: &mut Cx<'_, State>, _: Option<String>) {
    shift_month(cx, 1);
}

fn set_month(cx: &mut Cx<'_, State>, arg: Option<String>) {
    let Some(r) = cx.st.rollup.clone() else { return no_data(cx) };
    let typed = arg.unwrap_or_default();
    let Some(m) = Month::parse(typed.trim()) else {
        cx.set_status(Status::Error(format!("{:?} is not a month like 2026-01.", typed.trim())));
        return;
    };
    if r.data().month_index(m).is_none() {
        let (first, last) = (r.data().months().first(), r.data().months().last());
        let range = first.zip(last).map(|(a, b)| format!(" (data: {a} to {b})")).unwrap_or_default();
        cx.set_status(Status::Error(format!("No cost data for {m}{range}.")));
        return;
    }
    cx.st.month = Some(m);
    rerow(cx.st);
}

fn sort(cx: &mut Cx<'_, State>, _: Option<String>) {
    cx.st.sort = match cx.st.sort {
        Sort::Tree => Sort::Cost,
        Sort::Cost => Sort::Change,
        Sort::Change => Sort::Tree,
    };
    rerow(cx.st);
    cx.set_status(Status::Info(format!("Sorted by {}.", cx.st.sort.label())));
}

/// The Billing page.
pub struct BillingPage;

impl PageModule for BillingPage {
    type State = State;
    const PAGE: Page = P;
    const COMMANDS: &'static [Command<State>] = &[
        Command::on(P, "month-prev", &["["], "", "show the previous month", Some("prev month"), prev_month),
        Command::on(P, "month-next", &["]"], "", "show the next month", Some("next month"), next_month),
        Command::on(P, "month", &[], "<YYYY-MM>", "show a month", None, set_month),
        Command::on(P, "sort-costs", &["s"], "", "sort by tree, cost or change", Some("sort"), sort),
        Command::on(
            P,
            "costs-refresh",
            &["R"],
            "",
            "fetch costs from Cost Explorer (paid on live sessions; asks first)",
            None,
            live::refresh,
        ),
        Command::on(
            P,
            "metric",
            &[],
            "<METRIC>",
            "show another Cost Explorer metric",
            None,
            live::set_metric,
        ),
    ];

    fn draw(st: &State, shared: &Shared, f: &mut Frame, area: Rect) {
        draw::draw(f, st, shared, area);
    }

    fn key(cx: &mut Cx<'_, State>, key: &KeyEvent) -> bool {
        let st = &mut *cx.st;
        match filter_key(&mut st.filter, &mut st.filtering, key) {
            FilterKey::Ignored => false,
            FilterKey::Started | FilterKey::Taken => true,
            FilterKey::Changed => {
                rerow(st);
                true
            }
        }
    }

    fn paste(cx: &mut Cx<'_, State>, text: &str) -> bool {
        if !cx.st.filtering {
            return false;
        }
        cx.st.filter.insert_str(text);
        rerow(cx.st);
        true
    }

    fn navigate(cx: &mut Cx<'_, State>, nav: Nav) {
        let st = &mut *cx.st;
        if matches!(nav, Nav::Back) && !st.filter.is_empty() {
            st.filter.set("");
            rerow(st);
            return;
        }
        st.selected = nav.step(st.selected, st.rows.len());
    }

    fn on_load(cx: &mut Cx<'_, State>) {
        live::open(cx);
        install(cx);
    }

    fn on_outcome(cx: &mut Cx<'_, State>, outcome: &crate::tui::msg::Outcome) {
        let crate::tui::msg::Outcome::Costs(view) = outcome else { return };
        live::heard(cx, view);
        install(cx);
    }

    fn footer(st: &State) -> Option<Vec<(&'static str, &'static str)>> {
        st.filtering.then(|| vec![("enter", "keep filter"), ("esc", "clear")])
    }
}

/// Rolls the session's costs (`Shared.costs`) up over the loaded organization.
fn install(cx: &mut Cx<'_, State>) {
    let (Some(costs), Some(d)) = (cx.shared.costs.clone(), cx.shared.data.as_ref()) else {
        cx.st.rollup = None;
        return rerow(cx.st);
    };
    let r = Rollup::new(costs, &d.snapshot);
    let latest = r.latest_month();
    if cx.st.month.is_none_or(|m| r.data().month_index(m).is_none()) {
        cx.st.month = latest;
    }
    cx.st.rollup = Some(Arc::new(r));
    rerow(cx.st);
}
