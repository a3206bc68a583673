//! The accounts page's commands: navigation of the tree, forms, typed confirmations and
//! direct calls on the selection. Every change is an `ApiRequest`.

use super::tree_state::{
    clear_filter, rerow, reveal, select_row, selected_node, selected_row, selection, tree_height,
};
use super::{Focus, Moving, State};
use crate::backend::request::ApiRequest;
use crate::model::text::sanitize;
use crate::model::*;
use crate::tui::cx::{Cx, Status};
use crate::tui::dialog::{Confirm, Field, Form, FormBuilder, FormKind, Modal};
use crate::tui::msg::{Call, Effect};
use crate::tui::page::Nav;
use crate::tui::tree::NodeKind;

type Cxs<'a, 'b> = &'a mut Cx<'b, State>;

/// A change as a call: the request, the status-line message on success and what to select
/// after the reload.
fn api(request: ApiRequest, done: String, reveal: Option<String>) -> Call {
    Call::Api { request, done, reveal }
}

/// Tree navigation; the details pane scrolls while it has the focus.
pub(super) fn navigate(cx: Cxs<'_, '_>, nav: Nav) {
    let rows = cx.st.rows.len();
    let row = selected_row(cx).unwrap_or(0);
    if cx.st.focus == Focus::Details
        && matches!(nav, Nav::Up | Nav::Down | Nav::Top | Nav::Bottom | Nav::PageUp | Nav::PageDown)
    {
        let max = match (cx.shared.data.as_ref(), cx.st.selected.as_deref()) {
            (Some(d), Some(id)) => d.tree.index_of(id).map_or(0, |i| {
                let lines = super::details::lines(
                    &d.snapshot,
                    &d.tree,
                    i,
                    &cx.shared.theme,
                    cx.shared.costs.as_deref(),
                    super::draw::activity(cx.shared),
                );
                super::draw::max_scroll(&lines, super::draw::details_area(cx.shared.size))
            }),
            _ => 0,
        };
        let s = &mut cx.st.details_scroll;
        *s = match nav {
            Nav::Up => s.saturating_sub(1),
            Nav::Down => s.saturating_add(1),
            Nav::PageUp => s.saturating_sub(10),
            Nav::PageDown => s.saturating_add(10),
            Nav::Top => 0,
            _ => max,
        }
        .min(max);
        return;
    }
    match nav {
        Nav::Up => select_row(cx, row.saturating_sub(1)),
        Nav::Down => select_row(cx, (row + 1).min(rows.saturating_sub(1))),
        Nav::Top => select_row(cx, 0),
        Nav::Bottom => select_row(cx, rows.saturating_sub(1)),
        Nav::PageUp => select_row(cx, row.saturating_sub(tree_height(cx))),
        Nav::PageDown => select_row(cx, row + tree_height(cx)),
        Nav::Left => collapse(cx),
        Nav::Right => expand(cx),
        Nav::Enter => open(cx),
        Nav::Tab => cx.st.focus = if cx.st.focus == Focus::Tree { Focus::Details } else { Focus::Tree },
        Nav::Back => {
            if cx.st.moving.take().is_some() {
                cx.set_status(Status::Info("Move cancelled.".into()));
            } else if !cx.st.filter.is_empty() {
                clear_filter(cx);
            } else if cx.st.focus == Focus::Details {
                cx.st.focus = Focus::Tree;
            }
        }
    }
}

fn collapse(cx: Cxs<'_, '_>) {
    let Some(i) = selected_node(cx) else { return };
    let Some(d) = cx.shared.data.as_ref() else { return };
    let n = &d.tree.nodes[i];
    if cx.st.opened.contains(&n.id) && !n.children.is_empty() {
        cx.st.opened.remove(&n.id);
        rerow(cx);
    } else if let Some(p) = n.parent {
        cx.st.selected = Some(d.tree.nodes[p].id.clone());
    }
}

fn expand(cx: Cxs<'_, '_>) {
    let Some(i) = selected_node(cx) else { return };
    let Some(d) = cx.shared.data.as_ref() else { return };
    let n = &d.tree.nodes[i];
    if n.children.is_empty() {
        return;
    }
    if cx.st.opened.insert(n.id.clone()) {
        rerow(cx);
    } else if let Some(row) = selected_row(cx) {
        select_row(cx, row + 1);
    }
}

fn open(cx: Cxs<'_, '_>) {
    if let Some(m) = cx.st.moving.clone() {
        let Some((kind, id, name)) = selection(cx) else { return };
        if kind == NodeKind::Account {
            cx.error("Pick the root or an OU as the destination (Esc cancels).");
            return;
        }
        cx.st.moving = None;
        submit_move(cx, m.account, m.source, id, &m.name, &name);
        return;
    }
    match selection(cx) {
        Some((NodeKind::Account, _, _)) => cx.st.focus = Focus::Details,
        Some((_, id, _)) => {
            if !cx.st.opened.remove(&id) {
                cx.st.opened.insert(id);
            }
            rerow(cx);
        }
        None => {}
    }
}

fn submit_move(cx: Cxs<'_, '_>, account: String, source: String, destination: String, name: &str, to: &str) {
    let request = ApiRequest::MoveAccount(MoveAccountRequest {
        account_id: account.clone(),
        source_parent_id: source,
        destination_parent_id: destination.clone(),
    });
    cx.reveal_after_load(account.clone());
    let done = format!("Moved account {account} to {destination}.");
    cx.submit(api(request, done, Some(account)), format!("Moving {name} to {to}"));
}

pub(super) fn filter(cx: Cxs<'_, '_>, _arg: Option<String>) {
    if cx.st.opened_before_filter.is_none() {
        cx.st.opened_before_filter = Some(cx.st.opened.clone());
    }
    cx.st.filter_editing = true;
}

/// `v`: the effective policies of the selection, shown by the Policies page.
pub(super) fn view_effective(cx: Cxs<'_, '_>, _arg: Option<String>) {
    let Some((_, id, _)) = selection(cx) else {
        cx.error("v: select an account or OU to view its effective policies");
        return;
    };
    cx.show_page(crate::tui::page::Page::Policies);
    cx.run_on(crate::tui::page::Page::Policies, "effective-policy", Some(id));
}

pub(super) fn goto(cx: Cxs<'_, '_>, arg: Option<String>) {
    let Some(q) = arg else {
        cx.error("goto needs an id or a name");
        return;
    };
    let Some(d) = cx.shared.data.as_ref() else { return };
    let t = &d.tree;
    let ql = q.to_lowercase();
    let found = t
        .index_of(&q)
        .or_else(|| t.nodes.iter().position(|n| n.name.to_lowercase() == ql))
        .or_else(|| t.nodes.iter().position(|n| n.name.to_lowercase().contains(&ql)));
    match found.map(|i| t.nodes[i].id.clone()) {
        Some(id) => {
            reveal(cx, &id);
            cx.st.focus = Focus::Tree;
        }
        None => cx.error(format!("Nothing named or numbered {:?}.", sanitize(&q))),
    }
}

/// The selected root/OU, or the parent of a selected account.
fn container(cx: &Cx<'_, State>) -> Option<(String, String)> {
    let d = cx.shared.data.as_ref()?;
    let n = &d.tree.nodes[selected_node(cx)?];
    let c = if n.kind == NodeKind::Account { &d.tree.nodes[n.parent?] } else { n };
    Some((c.id.clone(), c.name.clone()))
}

fn selected_of(cx: Cxs<'_, '_>, kind: NodeKind, what: &str) -> Option<(String, String)> {
    match selection(cx) {
        Some((k, id, name)) if k == kind => Some((id, name)),
        _ => {
            cx.error(format!("Select {what} first."));
            None
        }
    }
}

/// The `i`th value, empty when missing.
fn val(values: &[String], i: usize) -> String {
    values.get(i).cloned().unwrap_or_default()
}

fn field(label: &'static str, hint: &'static str) -> Field {
    Field { label, value: Default::default(), hint }
}

fn form(
    cx: Cxs<'_, '_>,
    name: &'static str,
    build: crate::tui::dialog::FormBuild,
    context: Vec<String>,
    title: String,
    fields: Vec<Field>,
) {
    cx.open(Modal::Form(Form::new(
        FormKind::Custom { builder: FormBuilder { name, build }, context },
        title,
        fields,
    )));
}

fn build_create_ou(context: &[String], values: &[String]) -> Result<(Call, String), String> {
    let (parent, name) = (val(context, 0), val(values, 0));
    let request = ApiRequest::CreateOrganizationalUnit(CreateOrganizationalUnitRequest {
        parent_id: parent,
        name: name.clone(),
        tags: None,
    });
    Ok((api(request, format!("Created OU {name}."), None), format!("Creating OU {name}")))
}

pub(super) fn create_ou(cx: Cxs<'_, '_>, name: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    let Some((parent, parent_name)) = container(cx) else { return };
    match name {
        Some(name) => {
            if let Ok((call, label)) = build_create_ou(&[parent], &[name]) {
                cx.submit(call, label);
            }
        }
        None => form(
            cx,
            "create-ou",
            build_create_ou,
            vec![parent],
            format!("Create an OU under {parent_name}"),
            vec![field("Name", "1–128 characters, unique among its siblings")],
        ),
    }
}

fn build_rename_ou(context: &[String], values: &[String]) -> Result<(Call, String), String> {
    let (ou, name) = (val(context, 0), val(values, 0));
    let request = ApiRequest::UpdateOrganizationalUnit(UpdateOrganizationalUnitRequest {
        organizational_unit_id: ou.clone(),
        name: Some(name.clone()),
    });
    Ok((api(request, format!("Renamed OU {ou} to {name}."), Some(ou)), format!("Renaming to {name}")))
}

pub(super) fn rename_ou(cx: Cxs<'_, '_>, name: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    let Some((ou, old)) = selected_of(cx, NodeKind::Ou, "an OU") else { return };
    match name {
        Some(name) => {
            if let Ok((call, _)) = build_rename_ou(&[ou], &[name.clone()]) {
                cx.submit(call, format!("Renaming {old} to {name}"));
            }
        }
        None => form(
            cx,
            "rename-ou",
            build_rename_ou,
            vec![ou],
            format!("Rename OU {old}"),
            vec![field("New name", "unique among its siblings")],
        ),
    }
}

pub(super) fn delete_ou(cx: Cxs<'_, '_>, _arg: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    let Some((ou, name)) = selected_of(cx, NodeKind::Ou, "an OU") else { return };
    let request = ApiRequest::DeleteOrganizationalUnit(DeleteOrganizationalUnitRequest {
        organizational_unit_id: ou.clone(),
    });
    cx.confirm(Confirm::new(
        api(request, format!("Deleted OU {name} ({ou})."), None),
        format!("Delete OU {name}"),
        vec![
            format!("Deletes the organizational unit {name} ({ou})."),
            "It must be empty: no child OUs and no accounts.".into(),
            "Policies attached to it are detached; this cannot be undone.".into(),
        ],
        name,
    ));
}

pub(super) fn start_move(cx: Cxs<'_, '_>, arg: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    let mut words = arg.as_deref().unwrap_or("").split_whitespace().map(str::to_string);
    let (account, target) = (words.next(), words.next());
    let Some(d) = cx.shared.data.as_ref() else { return };
    let account = match account {
        Some(a) => a,
        None => match selection(cx) {
            Some((NodeKind::Account, id, _)) => id,
            _ => {
                cx.error("Select the account to move first.");
                return;
            }
        },
    };
    let Some(entry) = d.snapshot.accounts.iter().find(|a| a.account.id.as_str() == account) else {
        cx.error(format!("No account {} in this organization.", sanitize(&account)));
        return;
    };
    let (source, name) = (entry.parent_id.to_string(), sanitize(&entry.account.name));
    match target {
        Some(destination) => {
            let to = destination.clone();
            submit_move(cx, account, source, destination, &name, &to);
        }
        None => {
            cx.set_status(Status::Info(format!(
                "Moving {name}: select the destination root or OU and press Enter (Esc cancels)."
            )));
            cx.st.moving = Some(Moving { account, name, source });
        }
    }
}

fn build_create_account(_context: &[String], values: &[String]) -> Result<(Call, String), String> {
    let (name, email) = (val(values, 0), val(values, 1));
    let request = ApiRequest::CreateAccount(CreateAccountRequest {
        email,
        account_name: name.clone(),
        ..Default::default()
    });
    Ok((api(request, format!("Creating account {name}."), None), format!("Creating account {name}")))
}

pub(super) fn create_account(cx: Cxs<'_, '_>, _arg: Option<String>) {
    if cx.check_writable() {
        form(
            cx,
            "create-account",
            build_create_account,
            Vec::new(),
            "Create an AWS account".into(),
            vec![
                field("Account name", "1–50 printable characters"),
                field("Email", "the root user's email, unique in AWS"),
            ],
        );
    }
}

fn remove_or_close(cx: Cxs<'_, '_>, close: bool) {
    if !cx.check_writable() {
        return;
    }
    let Some((account, name)) = selected_of(cx, NodeKind::Account, "an account") else { return };
    let (call, title, lines) = if close {
        let request = ApiRequest::CloseAccount(CloseAccountRequest { account_id: account.clone() });
        (
            api(request, format!("Closing {name} ({account}): PENDING_CLOSURE."), Some(account.clone())),
            format!("Close account {name}"),
            vec![
                format!("Closes the AWS account {name} ({account})."),
                "It becomes PENDING_CLOSURE, then CLOSED (SUSPENDED); AWS deletes it after 90 days.".into(),
                "Its resources stop working. It stays in the organization until then.".into(),
            ],
        )
    } else {
        let request = ApiRequest::RemoveAccountFromOrganization(RemoveAccountFromOrganizationRequest {
            account_id: account.clone(),
        });
        (
            api(request, format!("Removed {name} ({account}) from the organization."), None),
            format!("Remove account {name}"),
            vec![
                format!("Removes {name} ({account}) from the organization."),
                "It becomes a standalone account: its attached policies and all its tags are deleted,".into(),
                "and it no longer receives any organization policy.".into(),
            ],
        )
    };
    cx.confirm(Confirm::new(call, title, lines, account));
}

pub(super) fn remove_account(cx: Cxs<'_, '_>, _arg: Option<String>) {
    remove_or_close(cx, false);
}

pub(super) fn close_account(cx: Cxs<'_, '_>, _arg: Option<String>) {
    remove_or_close(cx, true);
}

fn parse_tag(s: &str) -> Option<Tag> {
    let (k, v) = s.split_once('=')?;
    (!k.trim().is_empty()).then(|| Tag::new(k.trim(), v.trim()))
}

fn build_tag(context: &[String], values: &[String]) -> Result<(Call, String), String> {
    let (target, target_name) = (val(context, 0), val(context, 1));
    let tag = Tag::new(val(values, 0), val(values, 1));
    let done = format!("Tagged {target} with {}.", tag.key);
    let request =
        ApiRequest::TagResource(TagResourceRequest { resource_id: target.clone(), tags: vec![tag] });
    Ok((api(request, done, Some(target)), format!("Tagging {target_name}")))
}

fn build_untag(context: &[String], values: &[String]) -> Result<(Call, String), String> {
    let (target, target_name) = (val(context, 0), val(context, 1));
    let key = val(values, 0);
    let done = format!("Removed tag {key} from {target}.");
    let request =
        ApiRequest::UntagResource(UntagResourceRequest { resource_id: target.clone(), tag_keys: vec![key] });
    Ok((api(request, done, Some(target)), format!("Untagging {target_name}")))
}

pub(super) fn tag(cx: Cxs<'_, '_>, arg: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    let Some((_, target, target_name)) = selection(cx) else { return };
    if let Some(t) = arg.as_deref().and_then(parse_tag) {
        let label = format!("Tagging {target_name} with {}={}", t.key, t.value);
        if let Ok((call, _)) = build_tag(&[target, target_name], &[t.key, t.value]) {
            cx.submit(call, label);
        }
        return;
    }
    form(
        cx,
        "tag",
        build_tag,
        vec![target, target_name.clone()],
        format!("Tag {target_name}"),
        vec![field("Key", "1–128 characters"), field("Value", "0–256 characters")],
    );
}

pub(super) fn untag(cx: Cxs<'_, '_>, arg: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    let Some((_, target, target_name)) = selection(cx) else { return };
    if let Some(key) = arg {
        let label = format!("Removing tag {key} from {target_name}");
        if let Ok((call, _)) = build_untag(&[target, target_name], &[key]) {
            cx.submit(call, label);
        }
        return;
    }
    form(
        cx,
        "untag",
        build_untag,
        vec![target, target_name.clone()],
        format!("Remove a tag from {target_name}"),
        vec![field("Key", "the tag key to remove")],
    );
}

fn copy(cx: Cxs<'_, '_>, arn: bool) {
    let Some(d) = cx.shared.data.as_ref() else { return };
    let Some((kind, id, _)) = selection(cx) else { return };
    let text = if arn { super::details::arn_of(&d.snapshot, kind, &id) } else { Some(id) };
    if let Some(t) = text {
        cx.set_status(Status::Ok(format!("Copied {} to the clipboard.", sanitize(&t))));
        cx.effect(Effect::Copy(t));
    }
}

pub(super) fn copy_id(cx: Cxs<'_, '_>, _arg: Option<String>) {
    copy(cx, false);
}

pub(super) fn copy_arn(cx: Cxs<'_, '_>, _arg: Option<String>) {
    copy(cx, true);
}
