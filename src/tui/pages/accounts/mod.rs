//! The AWS accounts page (key `1`): the root/OU/account tree with the selection's details, the
//! filter, and every OU and account action (create, rename, delete, move, create/remove/close
//! an account, tags, copy id/ARN).

mod actions;
pub mod details;
pub mod draw;
mod tree_state;

use crate::backend::request::ApiResponse;
use crate::tui::cx::Cx;
use crate::tui::module::{Command, PageModule};
use crate::tui::msg::OpId;
use crate::tui::page::{Nav, Page};
use crate::tui::widgets::input::{Handled, Input};
use crossterm::event::{KeyCode, KeyEvent};
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use tui_tree_widget::{TreeItem, TreeState};

pub use tree_state::{
    clear_filter, refilter, rerow, reveal, select_row, selected_node, selected_row, selection,
};

/// Which pane has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Tree,
    Details,
}

/// An account being moved: the user picks the destination in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moving {
    pub account: String,
    pub name: String,
    pub source: String,
}

/// The accounts page's state.
#[derive(Debug, Default)]
pub struct State {
    /// Selected entity id (mirrored into `Shared::selected` for the other pages).
    pub selected: Option<String>,
    /// Expanded entity ids.
    pub opened: HashSet<String>,
    /// Expansion before the filter opened ancestors of matches (restored when it is cleared).
    pub opened_before_filter: Option<HashSet<String>>,
    pub filter: Input,
    pub filter_editing: bool,
    pub details_scroll: u16,
    pub focus: Focus,
    pub moving: Option<Moving>,
    /// Nodes kept by the filter (with ancestors); `None` without a filter.
    pub keep: Option<Vec<bool>>,
    /// Widget items, rebuilt only when the data or the filter change.
    pub items: Vec<TreeItem<'static, u64>>,
    /// Visible rows in order (node indices), rebuilt when expansion changes.
    pub rows: Vec<usize>,
    /// Whether an organization was installed before (the first one opens the top level).
    pub loaded_once: bool,
    /// Render cache of the tree widget (offset, last rows); not page state.
    pub tree_view: RefCell<TreeState<u64>>,
    /// Bumped whenever the visible rows change, so the widget's expansion is re-synced only then.
    pub rows_rev: u64,
    /// The `rows_rev` the widget state was last synced to.
    pub tree_view_rev: Cell<u64>,
}

/// The page.
pub struct AccountsPage;

const P: Page = Page::Accounts;

impl PageModule for AccountsPage {
    type State = State;
    const PAGE: Page = P;
    const COMMANDS: &'static [Command<State>] = &[
        Command::on(
            P,
            "history",
            &["H"],
            "",
            "who changed the selection (CloudTrail, page 9)",
            None,
            |cx, _| {
                let id = cx.st.selected.clone();
                crate::tui::pages::activity::history_of(cx, id)
            },
        ),
        Command::on(
            P,
            "filter",
            &["/"],
            "",
            "filter by name, id, email or key=value tag",
            Some("filter"),
            actions::filter,
        ),
        Command::on(
            P,
            "create-ou",
            &["N"],
            "[name]",
            "create an OU under the selection",
            Some("new OU"),
            actions::create_ou,
        ),
        Command::on(P, "rename-ou", &["e"], "[name]", "rename the selected OU", None, actions::rename_ou),
        Command::on(P, "delete-ou", &["D"], "", "delete the selected (empty) OU", None, actions::delete_ou),
        Command::on(
            P,
            "move",
            &["m"],
            "[account] [target]",
            "move an account (pick the target in the tree)",
            Some("move"),
            actions::start_move,
        ),
        Command::on(
            P,
            "create-account",
            &["n"],
            "",
            "create a member account",
            Some("new account"),
            actions::create_account,
        ),
        Command::on(
            P,
            "remove-account",
            &["d"],
            "",
            "remove the selected account from the organization",
            None,
            actions::remove_account,
        ),
        Command::on(
            P,
            "close-account",
            &["C"],
            "",
            "close the selected account",
            None,
            actions::close_account,
        ),
        Command::on(
            P,
            "tag",
            &["t"],
            "[key=value]",
            "add or change a tag on the selection",
            None,
            actions::tag,
        ),
        Command::on(P, "untag", &["T"], "[key]", "remove a tag from the selection", None, actions::untag),
        Command::on(P, "copy-id", &["y"], "", "copy the selection's id (OSC 52)", None, actions::copy_id),
        Command::on(P, "copy-arn", &["Y"], "", "copy the selection's ARN (OSC 52)", None, actions::copy_arn),
        Command::on(
            P,
            "view-effective",
            &["v"],
            "",
            "view the effective policies of the selection (on the Policies page)",
            Some("effective"),
            actions::view_effective,
        ),
        Command::on(P, "goto", &[], "<id|name>", "select an account, OU or the root", None, actions::goto),
    ];

    fn draw(
        st: &State,
        shared: &crate::tui::cx::Shared,
        f: &mut ratatui::Frame,
        area: ratatui::layout::Rect,
    ) {
        draw::draw(st, shared, f, area);
    }

    fn key(cx: &mut Cx<'_, State>, k: &KeyEvent) -> bool {
        if !cx.st.filter_editing {
            return false;
        }
        match k.code {
            KeyCode::Esc => clear_filter(cx),
            KeyCode::Enter => cx.st.filter_editing = false,
            KeyCode::Up => Self::navigate(cx, Nav::Up),
            KeyCode::Down => Self::navigate(cx, Nav::Down),
            _ => {
                if cx.st.filter.handle_key(*k) == Handled::Edited {
                    refilter(cx, true);
                }
            }
        }
        true
    }

    fn paste(cx: &mut Cx<'_, State>, text: &str) -> bool {
        if !cx.st.filter_editing {
            return false;
        }
        cx.st.filter.insert_str(text);
        refilter(cx, true);
        true
    }

    fn navigate(cx: &mut Cx<'_, State>, nav: Nav) {
        actions::navigate(cx, nav);
    }

    fn on_response(cx: &mut Cx<'_, State>, _op: OpId, response: &ApiResponse) {
        // A new OU is selected once the organization has reloaded.
        if let ApiResponse::CreateOrganizationalUnit(r) = response {
            cx.reveal_after_load(r.organizational_unit.id.to_string());
        }
    }

    fn on_load(cx: &mut Cx<'_, State>) {
        if !cx.st.loaded_once {
            cx.st.loaded_once = true;
            tree_state::first_load(cx);
        }
        refilter(cx, false);
    }

    fn footer(st: &State) -> Option<Vec<(&'static str, &'static str)>> {
        if st.filter_editing {
            Some(vec![("type", "filter"), ("↑↓", "move"), ("enter", "keep"), ("esc", "clear")])
        } else if st.moving.is_some() {
            Some(vec![("↑↓", "pick destination"), ("enter", "move here"), ("esc", "cancel")])
        } else {
            None
        }
    }
}
