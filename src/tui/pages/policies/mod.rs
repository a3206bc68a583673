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

use super::{ActionSpec, PageView};
use crate::backend::request::ApiResponse;
use crate::model::PolicyType;
use crate::tui::app::{App, Page};
use crate::tui::command::Command;
use crate::tui::msg::{Effect, OpId};
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
    /// The effective-policy view, while it is open.
    pub effective: Option<EffectiveView>,
}

impl State {
    /// The type of the current tab.
    pub fn ty(&self) -> PolicyType {
        data::types().get(self.tab).copied().unwrap_or(PolicyType::ServiceControlPolicy)
    }
}

/// The page's commands. `n` and `e` belong to the editor's create/edit actions.
pub const ACTIONS: &[ActionSpec] = &[
    spec("next-policy-type", &["]"], "", "next policy type tab", None),
    spec("prev-policy-type", &["["], "", "previous policy type tab", None),
    spec("policy-type", &[], "<type>", "show a policy type's tab (SCP, TAG_POLICY, backup, …)", None),
    spec("enable-policy-type", &["+"], "", "enable the tab's policy type in the root", None),
    spec("disable-policy-type", &["-"], "", "disable the tab's policy type in the root", None),
    spec("attach-policy", &["a"], "[target]", "attach the selected policy (pick the target)", Some("attach")),
    spec(
        "detach-policy",
        &["d"],
        "[target]",
        "detach the selected policy from the selected target",
        Some("detach"),
    ),
    spec("delete-policy", &["D"], "", "delete the selected policy", None),
    spec(
        "effective-policy",
        &["v"],
        "[target]",
        "effective management policy of the tree selection, with origins",
        Some("effective"),
    ),
];

const fn spec(
    name: &'static str,
    keys: &'static [&'static str],
    args: &'static str,
    desc: &'static str,
    footer: Option<&'static str>,
) -> ActionSpec {
    ActionSpec { name, page: Page::Policies, keys, args, desc, footer }
}

/// The page.
pub struct PoliciesPage;

impl PageView for PoliciesPage {
    fn draw(&self, f: &mut Frame, app: &App, area: Rect) {
        draw::draw(f, app, area);
    }

    fn action(&self, app: &mut App, name: &str, arg: Option<String>) -> Vec<Effect> {
        app.dirty = true;
        if !matches!(name, "next-policy-type" | "prev-policy-type" | "policy-type" | "effective-policy") {
            // Changes act on the page's selection: the effective view gives way to it.
            app.pages.policies.effective = None;
        }
        match name {
            "next-policy-type" => actions::switch_tab(app, 1),
            "prev-policy-type" => actions::switch_tab(app, -1),
            "policy-type" => actions::goto_type(app, arg.as_deref().unwrap_or("")),
            "enable-policy-type" | "disable-policy-type" => {
                // With a type named, show its tab first; the change acts on the tab's type.
                if let Some(ty) = arg.as_deref() {
                    actions::goto_type(app, ty);
                }
                if name == "enable-policy-type" {
                    return actions::enable_type(app);
                }
                actions::disable_type(app);
            }
            "attach-policy" => return actions::attach(app, arg),
            "detach-policy" => return actions::detach(app, arg),
            "delete-policy" => actions::delete(app),
            "effective-policy" => effective::open(app, arg.as_deref()),
            _ => {}
        }
        Vec::new()
    }

    fn raw_key(&self, app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
        picker::key(app, key)
    }

    fn navigate(&self, app: &mut App, cmd: &Command) -> Option<Vec<Effect>> {
        if app.pages.policies.effective.is_some() {
            return Some(effective::navigate(app, cmd));
        }
        Some(actions::navigate(app, cmd))
    }

    /// A policy just created (by the editor) becomes the selection, so the reload shows it.
    fn on_response(&self, app: &mut App, _op: OpId, response: &ApiResponse) {
        if let ApiResponse::CreatePolicy(r) = response {
            app.policy_selected = Some(r.policy.policy_summary.id.to_string());
        }
    }

    fn on_load(&self, app: &mut App) {
        actions::on_load(app);
        effective::recompute(app);
    }
}
