//! The console's actions on the selection: forms, typed confirmations and direct calls.

use super::submit;
use crate::model::text::sanitize;
use crate::model::*;
use crate::tui::app::{App, Focus, Moving, Status};
use crate::tui::dialog::{Confirm, Field, Form, FormKind, Modal};
use crate::tui::msg::{Call, Effect};
use crate::tui::tree::NodeKind;

pub(super) fn collapse(app: &mut App) {
    let Some(i) = app.selected_node() else { return };
    let Some(d) = app.data.as_ref() else { return };
    let n = &d.tree.nodes[i];
    if app.opened.contains(&n.id) && !n.children.is_empty() {
        let id = n.id.clone();
        app.opened.remove(&id);
        app.rerow();
    } else if let Some(p) = n.parent {
        app.selected = Some(d.tree.nodes[p].id.clone());
    }
}

pub(super) fn expand(app: &mut App) {
    let Some(i) = app.selected_node() else { return };
    let Some(d) = app.data.as_ref() else { return };
    let n = &d.tree.nodes[i];
    if n.children.is_empty() {
        return;
    }
    if app.opened.insert(n.id.clone()) {
        app.rerow();
    } else if let Some(row) = app.selected_row() {
        app.select_row(row + 1);
    }
}

pub(super) fn open(app: &mut App) -> Vec<Effect> {
    if let Some(m) = app.moving.clone() {
        let Some((kind, id, name)) = app.selection() else { return Vec::new() };
        if kind == NodeKind::Account {
            app.set_status(Status::Error("Pick the root or an OU as the destination (Esc cancels).".into()));
            return Vec::new();
        }
        app.moving = None;
        let call = Call::Move { account: m.account.clone(), source: m.source, destination: id.clone() };
        app.reveal_after_load = Some(m.account);
        return submit(app, call, format!("Moving {} to {name}", m.name));
    }
    match app.selection() {
        Some((NodeKind::Account, _, _)) => app.focus = Focus::Details,
        Some((_, id, _)) => {
            if !app.opened.remove(&id) {
                app.opened.insert(id);
            }
            app.rerow();
        }
        None => {}
    }
    Vec::new()
}

pub(super) fn goto(app: &mut App, q: &str) {
    let Some(d) = app.data.as_ref() else { return };
    let t = &d.tree;
    let ql = q.to_lowercase();
    let found = t
        .index_of(q)
        .or_else(|| t.nodes.iter().position(|n| n.name.to_lowercase() == ql))
        .or_else(|| t.nodes.iter().position(|n| n.name.to_lowercase().contains(&ql)));
    match found.map(|i| t.nodes[i].id.clone()) {
        Some(id) => {
            app.reveal(&id);
            app.focus = Focus::Tree;
        }
        None => app.set_status(Status::Error(format!("Nothing named or numbered {:?}.", sanitize(q)))),
    }
}

/// The selected root/OU, or the parent of a selected account.
pub(super) fn container(app: &App) -> Option<(String, String)> {
    let d = app.data.as_ref()?;
    let i = app.selected_node()?;
    let n = &d.tree.nodes[i];
    let c = if n.kind == NodeKind::Account { &d.tree.nodes[n.parent?] } else { n };
    Some((c.id.clone(), c.name.clone()))
}

pub(super) fn create_ou(app: &mut App, name: Option<String>) -> Vec<Effect> {
    if !app.check_writable() {
        return Vec::new();
    }
    let Some((parent, parent_name)) = container(app) else { return Vec::new() };
    match name {
        Some(name) => {
            submit(app, Call::CreateOu { parent, name: name.clone() }, format!("Creating OU {name}"))
        }
        None => {
            app.modal = Some(Modal::Form(Form::new(
                FormKind::CreateOu { parent, parent_name: parent_name.clone() },
                format!("Create an OU under {parent_name}"),
                vec![Field {
                    label: "Name",
                    value: Default::default(),
                    hint: "1–128 characters, unique among its siblings",
                }],
            )));
            Vec::new()
        }
    }
}

pub(super) fn selected_ou(app: &mut App) -> Option<(String, String)> {
    match app.selection() {
        Some((NodeKind::Ou, id, name)) => Some((id, name)),
        _ => {
            app.set_status(Status::Error("Select an OU first.".into()));
            None
        }
    }
}

pub(super) fn selected_account(app: &mut App) -> Option<(String, String)> {
    match app.selection() {
        Some((NodeKind::Account, id, name)) => Some((id, name)),
        _ => {
            app.set_status(Status::Error("Select an account first.".into()));
            None
        }
    }
}

pub(super) fn rename_ou(app: &mut App, name: Option<String>) -> Vec<Effect> {
    if !app.check_writable() {
        return Vec::new();
    }
    let Some((ou, old)) = selected_ou(app) else { return Vec::new() };
    match name {
        Some(name) => {
            submit(app, Call::RenameOu { ou, name: name.clone() }, format!("Renaming {old} to {name}"))
        }
        None => {
            app.modal = Some(Modal::Form(Form::new(
                FormKind::RenameOu { ou },
                format!("Rename OU {old}"),
                vec![Field {
                    label: "New name",
                    value: Default::default(),
                    hint: "unique among its siblings",
                }],
            )));
            Vec::new()
        }
    }
}

pub(super) fn delete_ou(app: &mut App) {
    if !app.check_writable() {
        return;
    }
    let Some((ou, name)) = selected_ou(app) else { return };
    app.modal = Some(Modal::Confirm(Confirm::new(
        Call::DeleteOu { ou: ou.clone(), name: name.clone() },
        format!("Delete OU {name}"),
        vec![
            format!("Deletes the organizational unit {name} ({ou})."),
            "It must be empty: no child OUs and no accounts.".into(),
            "Policies attached to it are detached; this cannot be undone.".into(),
        ],
        name,
    )));
}

pub(super) fn start_move(app: &mut App, account: Option<String>, target: Option<String>) -> Vec<Effect> {
    if !app.check_writable() {
        return Vec::new();
    }
    let Some(d) = app.data.as_ref() else { return Vec::new() };
    let account = match account {
        Some(a) => a,
        None => match app.selection() {
            Some((NodeKind::Account, id, _)) => id,
            _ => {
                app.set_status(Status::Error("Select the account to move first.".into()));
                return Vec::new();
            }
        },
    };
    let Some(entry) = d.snapshot.accounts.iter().find(|a| a.account.id.as_str() == account) else {
        app.set_status(Status::Error(format!("No account {} in this organization.", sanitize(&account))));
        return Vec::new();
    };
    let (source, name) = (entry.parent_id.to_string(), sanitize(&entry.account.name));
    match target {
        Some(destination) => {
            app.reveal_after_load = Some(account.clone());
            submit(app, Call::Move { account, source, destination }, format!("Moving {name}"))
        }
        None => {
            app.set_status(Status::Info(format!(
                "Moving {name}: select the destination root or OU and press Enter (Esc cancels)."
            )));
            app.moving = Some(Moving { account, name, source });
            Vec::new()
        }
    }
}

pub(super) fn remove_or_close(app: &mut App, close: bool) {
    if !app.check_writable() {
        return;
    }
    let Some((account, name)) = selected_account(app) else { return };
    let (call, title, lines) = if close {
        (
            Call::Close { account: account.clone(), name: name.clone() },
            format!("Close account {name}"),
            vec![
                format!("Closes the AWS account {name} ({account})."),
                "It becomes PENDING_CLOSURE, then CLOSED (SUSPENDED); AWS deletes it after 90 days.".into(),
                "Its resources stop working. It stays in the organization until then.".into(),
            ],
        )
    } else {
        (
            Call::Remove { account: account.clone(), name: name.clone() },
            format!("Remove account {name}"),
            vec![
                format!("Removes {name} ({account}) from the organization."),
                "It becomes a standalone account: its attached policies and all its tags are deleted,".into(),
                "and it no longer receives any organization policy.".into(),
            ],
        )
    };
    app.modal = Some(Modal::Confirm(Confirm::new(call, title, lines, account)));
}

pub(super) fn selected_target(app: &mut App) -> Option<(String, String)> {
    app.selection().map(|(_, id, name)| (id, name))
}

pub(super) fn parse_tag(s: &str) -> Option<Tag> {
    let (k, v) = s.split_once('=')?;
    (!k.trim().is_empty()).then(|| Tag::new(k.trim(), v.trim()))
}

pub(super) fn tag(app: &mut App, arg: Option<String>) -> Vec<Effect> {
    if !app.check_writable() {
        return Vec::new();
    }
    let Some((target, target_name)) = selected_target(app) else { return Vec::new() };
    if let Some(t) = arg.as_deref().and_then(parse_tag) {
        let label = format!("Tagging {target_name} with {}={}", t.key, t.value);
        return submit(app, Call::Tag { target, tags: vec![t] }, label);
    }
    app.modal = Some(Modal::Form(Form::new(
        FormKind::Tag { target, target_name: target_name.clone() },
        format!("Tag {target_name}"),
        vec![
            Field { label: "Key", value: Default::default(), hint: "1–128 characters" },
            Field { label: "Value", value: Default::default(), hint: "0–256 characters" },
        ],
    )));
    Vec::new()
}

pub(super) fn untag(app: &mut App, arg: Option<String>) -> Vec<Effect> {
    if !app.check_writable() {
        return Vec::new();
    }
    let Some((target, target_name)) = selected_target(app) else { return Vec::new() };
    if let Some(key) = arg {
        let label = format!("Removing tag {key} from {target_name}");
        return submit(app, Call::Untag { target, keys: vec![key] }, label);
    }
    app.modal = Some(Modal::Form(Form::new(
        FormKind::Untag { target, target_name: target_name.clone() },
        format!("Remove a tag from {target_name}"),
        vec![Field { label: "Key", value: Default::default(), hint: "the tag key to remove" }],
    )));
    Vec::new()
}
