//! The inspector's state and the values of its fields as the user sees them: the account
//! defaults to the accounts tree's selection, the principal to the account's first known IAM
//! principal (or its `OrganizationAccountAccessRole`), the resource to `*`.

use super::book::{self, Book};
use crate::model::OrgSnapshot;
use crate::policy::matrix::{self, Identity};
use crate::tui::cx::View;
use crate::tui::tree::NodeKind;
use std::sync::Arc;

/// The role every account created by Organizations has (used when the account has no known
/// principal).
pub const DEFAULT_ROLE: &str = "role/OrganizationAccountAccessRole";

/// An input field. In matrix mode `Account` is the OU whose accounts are the rows and `Action`
/// is the list of actions (the columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Account,
    Principal,
    Action,
    Resource,
    Context,
}

impl Field {
    /// Every field in screen order.
    pub const ALL: [Field; 5] =
        [Field::Account, Field::Principal, Field::Action, Field::Resource, Field::Context];

    /// The label shown before the field.
    pub fn label(self, matrix: bool) -> &'static str {
        match (self, matrix) {
            (Field::Account, false) => "Account",
            (Field::Account, true) => "OU",
            (Field::Principal, _) => "Principal",
            (Field::Action, false) => "Action",
            (Field::Action, true) => "Actions",
            (Field::Resource, _) => "Resource",
            (Field::Context, _) => "Context",
        }
    }

    fn index(self) -> usize {
        Field::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }

    /// The next field (`None` after the last).
    pub fn next(self) -> Option<Field> {
        Field::ALL.get(self.index() + 1).copied()
    }

    /// The previous field (`None` before the first).
    pub fn prev(self) -> Option<Field> {
        self.index().checked_sub(1).and_then(|i| Field::ALL.get(i).copied())
    }
}

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Field(Field),
    /// The trace (single mode: scrolls) or the matrix grid (moves the cursor).
    Body,
}

/// A field being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub field: Field,
    pub buffer: crate::tui::widgets::input::Input,
    /// The highlighted completion.
    pub choice: usize,
}

/// The inspector page's state.
#[derive(Debug)]
pub struct State {
    pub focus: Focus,
    pub editing: Option<Edit>,
    /// An account chosen on the page, with the tree selection at that moment (a new tree
    /// selection of an account replaces it).
    pub account: Option<(String, Option<String>)>,
    /// `role/Name` / `user/Name` (in the chosen account) or a whole ARN; `None`: the default.
    pub principal: Option<String>,
    pub action: String,
    pub resource: String,
    /// `key=value; key=v1,v2`.
    pub context: String,
    pub matrix: bool,
    /// The OU (or root) whose accounts are the matrix rows; `None`: the root.
    pub ou: Option<String>,
    pub actions: Vec<String>,
    /// Matrix cursor (row, column).
    pub cursor: (usize, usize),
    pub what_if: bool,
    /// Scroll of the trace.
    pub scroll: u16,
    /// Derived results (matrices, compiled organizations), recomputed when inputs change.
    pub cache: super::compute::Cache,
}

impl Default for State {
    fn default() -> Self {
        State {
            focus: Focus::Field(Field::Action),
            editing: None,
            account: None,
            principal: None,
            action: String::new(),
            resource: "*".into(),
            context: String::new(),
            matrix: false,
            ou: None,
            actions: matrix::DEFAULT_ACTIONS.iter().map(|s| s.to_string()).collect(),
            cursor: (0, 0),
            what_if: false,
            scroll: 0,
            cache: super::compute::Cache::default(),
        }
    }
}

/// The loaded organization.
pub fn snapshot<'a>(cx: &View<'a, State>) -> Option<&'a Arc<OrgSnapshot>> {
    cx.shared.data.as_ref().map(|d| &d.snapshot)
}

/// The known IAM principals of the loaded source.
pub fn principals(cx: &View<'_, State>) -> Arc<Book> {
    match &cx.shared.extras {
        Some(extras) => book::for_extras(extras),
        None => book::for_source(&cx.shared.source.label),
    }
}

/// The account the single decision is about.
pub fn account(cx: &View<'_, State>) -> Option<String> {
    let s = &*cx.st;
    let tree_account = match cx.shared.selection() {
        Some((NodeKind::Account, id, _)) => Some(id),
        _ => None,
    };
    if let Some((chosen, at)) = &s.account
        && (tree_account.is_none() || *at == cx.shared.selected)
    {
        return Some(chosen.clone());
    }
    if tree_account.is_some() {
        return tree_account;
    }
    let snap = snapshot(cx)?;
    let mgmt = snap.organization.as_ref().map(|o| o.management_account_id.as_str().to_string());
    let book = principals(cx);
    let members =
        || snap.accounts.iter().map(|a| a.account.id.as_str()).filter(|a| Some(*a) != mgmt.as_deref());
    members()
        .find(|a| book.in_account(a).next().is_some())
        .or_else(|| members().next())
        .map(str::to_string)
        .or(mgmt)
}

/// The ARN partition of the organization.
pub fn partition(cx: &View<'_, State>) -> String {
    snapshot(cx)
        .and_then(|s| s.organization.as_ref())
        .map(|o| o.partition.clone())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "aws".into())
}

/// Whether a principal text is a whole principal (ARN, `*`, service) rather than `role/Name`.
pub fn is_whole(p: &str) -> bool {
    p.starts_with("arn:") || p == "*" || p.eq_ignore_ascii_case("anonymous") || p.ends_with(".amazonaws.com")
}

/// The principal's name part (`role/Admin`) chosen or defaulted for `account`.
pub fn principal_part(cx: &View<'_, State>, account: &str) -> String {
    match &cx.st.principal {
        Some(p) if is_whole(p) => {
            p.splitn(6, ':').nth(5).filter(|r| !r.is_empty()).unwrap_or(DEFAULT_ROLE).to_string()
        }
        Some(p) => p.clone(),
        None => {
            principals(cx).in_account(account).next().map_or(DEFAULT_ROLE.to_string(), |p| p.part.clone())
        }
    }
}

/// The principal ARN for `account` (the chosen whole ARN as is, else the name part in it).
pub fn principal_for(cx: &View<'_, State>, account: &str) -> String {
    match &cx.st.principal {
        Some(p) if is_whole(p) => p.clone(),
        _ => format!("arn:{}:iam::{account}:{}", partition(cx), principal_part(cx, account)),
    }
}

/// What the inspector knows of a principal's policies (unknown ones allow everything).
pub fn identity_of(cx: &View<'_, State>, arn: &str) -> Arc<Identity> {
    principals(cx).identity(arn)
}

/// The node whose accounts are the matrix rows.
pub fn matrix_node(cx: &View<'_, State>) -> Option<String> {
    cx.st.ou.clone().or_else(|| {
        snapshot(cx).and_then(|s| s.organization.as_ref()).map(|o| o.root_id.as_str().to_string())
    })
}

/// The display name of a root, OU or account id.
pub fn name_of(cx: &View<'_, State>, id: &str) -> String {
    let Some(d) = cx.shared.data.as_ref() else { return String::new() };
    d.tree.index_of(id).map(|i| d.tree.nodes[i].name.clone()).unwrap_or_default()
}

/// The name of a policy by id (ids of unknown policies as they are).
pub fn policy_name(cx: &View<'_, State>, id: &str) -> String {
    snapshot(cx)
        .and_then(|s| s.policies.iter().find(|p| p.summary.id.as_str() == id))
        .map(|p| crate::model::text::sanitize(&p.summary.name))
        .unwrap_or_default()
}
