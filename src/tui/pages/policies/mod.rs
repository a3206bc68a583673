//! The Policies page (key `2`): one tab per policy type with its state in the root (enable,
//! disable), the policies of the type (name, id, AWS-managed mark, description, number of
//! targets), the selected policy's content (highlighted JSON) and targets; attach (a target
//! picker), detach, delete, and the effective management policy of a root, OU or account with
//! the level and policy every value came from. The editor adds `n`/`e` on this page.

mod actions;
mod blast;
mod data;
mod draw;
mod effective;
mod picker;

use crate::backend::request::ApiResponse;
use crate::model::PolicyType;
use crate::tui::cx::{Cx, Shared, View};
use crate::tui::module::{Command, PageModule};
use crate::tui::msg::OpId;
use crate::tui::page::{Nav, Page};
use crate::tui::widgets::input::{FilterKey, filter_key};
use crate::tui::widgets::json;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

pub use effective::EffectiveView;
pub use picker::{Picker, Purpose};

/// Which pane of the page has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    /// The list of policies of the tab's type.
    #[default]
    List,
    /// The selected policy's content.
    Content,
    /// The selected policy's targets.
    Targets,
}

/// The Policies page's state.
#[derive(Debug, Default)]
pub struct State {
    /// Index of the tab (into `PolicyType::ALL`).
    pub tab: usize,
    /// Row of the selected policy in the tab's list.
    pub cursor: usize,
    pub focus: Pane,
    /// First line of the content shown.
    pub content_scroll: u16,
    /// Row of the selected target.
    pub target_cursor: usize,
    /// The target picker, while it is open.
    pub picker: Option<Picker>,
    /// The selected policy's id (the editor and the inspector's what-if start from it).
    pub policy: Option<String>,
    /// The effective-policy view, while it is open.
    pub effective: Option<EffectiveView>,
    /// The `/` filter on the list (name, id or description).
    pub filter: crate::tui::widgets::input::Input,
    /// The filter is being typed.
    pub filtering: bool,
}

impl State {
    /// The type of the current tab.
    pub fn ty(&self) -> PolicyType {
        data::types().get(self.tab).copied().unwrap_or(PolicyType::ServiceControlPolicy)
    }
}

const P: Page = Page::Policies;

/// Changes act on the page's selection: the effective view gives way to it.
fn leave_effective(cx: &mut Cx<'_, State>) {
    cx.st.effective = None;
}

/// Enables or disables a type: with a type named, its tab first; the change acts on the
/// tab's type.
fn toggle_type(cx: &mut Cx<'_, State>, arg: Option<String>, enable: bool) {
    leave_effective(cx);
    if let Some(ty) = arg.as_deref() {
        actions::goto_type(cx, ty);
    }
    if enable { actions::enable_type(cx) } else { actions::disable_type(cx) }
}

/// The page.
pub struct PoliciesPage;

impl PageModule for PoliciesPage {
    type State = State;
    const PAGE: Page = P;
    const COMMANDS: &'static [Command<State>] = &[
        Command::on(
            P,
            "history",
            &["H"],
            "",
            "who changed the selected policy (CloudTrail, page 9)",
            None,
            |cx, _| {
                let id = cx.st.policy.clone();
                crate::tui::pages::activity::history_of(cx, id)
            },
        ),
        Command::on(
            P,
            "filter",
            &["/"],
            "",
            "filter the policies by name, id or description",
            Some("filter"),
            |cx, _| {
                leave_effective(cx);
                cx.st.filtering = true;
                cx.st.focus = Pane::List;
            },
        ),
        Command::on(P, "next-policy-type", &["]"], "", "next policy type tab", None, |cx, _| {
            actions::switch_tab(cx, 1)
        }),
        Command::on(P, "prev-policy-type", &["["], "", "previous policy type tab", None, |cx, _| {
            actions::switch_tab(cx, -1)
        }),
        Command::on(
            P,
            "policy-type",
            &[],
            "<type>",
            "show a policy type's tab (SCP, TAG_POLICY, backup, …)",
            None,
            |cx, arg| actions::goto_type(cx, arg.as_deref().unwrap_or("")),
        ),
        Command::on(
            P,
            "enable-policy-type",
            &["+"],
            "",
            "enable the tab's policy type in the root",
            None,
            |cx, arg| toggle_type(cx, arg, true),
        ),
        Command::on(
            P,
            "disable-policy-type",
            &["-"],
            "",
            "disable the tab's policy type in the root",
            None,
            |cx, arg| toggle_type(cx, arg, false),
        ),
        Command::on(
            P,
            "attach-policy",
            &["a"],
            "[target]",
            "attach the selected policy (pick the target)",
            Some("attach"),
            |cx, arg| {
                leave_effective(cx);
                actions::attach(cx, arg)
            },
        ),
        Command::on(
            P,
            "detach-policy",
            &["d"],
            "[target]",
            "detach the selected policy from the selected target",
            Some("detach"),
            |cx, arg| {
                leave_effective(cx);
                actions::detach(cx, arg)
            },
        ),
        Command::on(P, "delete-policy", &["D"], "", "delete the selected policy", None, |cx, _| {
            leave_effective(cx);
            actions::delete(cx)
        }),
        Command::on(
            P,
            "effective-policy",
            &["v"],
            "[target]",
            "effective management policy of the tree selection, with origins",
            Some("effective"),
            |cx, arg| effective::open(cx, arg.as_deref()),
        ),
    ];

    fn draw(st: &State, shared: &Shared, f: &mut Frame, area: Rect) {
        draw::draw(f, &View { st, shared }, area);
    }

    fn key(cx: &mut Cx<'_, State>, key: &KeyEvent) -> bool {
        if picker::key(cx, key) {
            return true;
        }
        if !cx.st.filtering {
            return false;
        }
        let st = &mut *cx.st;
        match filter_key(&mut st.filter, &mut st.filtering, key) {
            FilterKey::Ignored => false,
            FilterKey::Changed => {
                st.cursor = 0;
                actions::sync(cx);
                true
            }
            _ => true,
        }
    }

    fn paste(cx: &mut Cx<'_, State>, text: &str) -> bool {
        if picker::paste(cx, text) {
            return true;
        }
        if !cx.st.filtering {
            return false;
        }
        cx.st.filter.insert_str(text);
        cx.st.cursor = 0;
        actions::sync(cx);
        true
    }

    fn footer(st: &State) -> Option<Vec<(&'static str, &'static str)>> {
        st.filtering.then(|| vec![("type", "filter"), ("enter", "keep filter"), ("esc", "clear")])
    }

    fn navigate(cx: &mut Cx<'_, State>, nav: Nav) {
        if cx.st.effective.is_some() {
            effective::navigate(cx, nav);
        } else {
            actions::navigate(cx, nav);
        }
    }

    /// A policy just created (by the editor) becomes the selection, so the reload shows it.
    fn on_response(cx: &mut Cx<'_, State>, _op: OpId, response: &ApiResponse) {
        if let ApiResponse::CreatePolicy(r) = response {
            cx.st.policy = Some(r.policy.policy_summary.id.to_string());
        }
    }

    fn on_load(cx: &mut Cx<'_, State>) {
        actions::on_load(cx);
        effective::recompute(cx);
    }
}
