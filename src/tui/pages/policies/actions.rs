//! The Policies page's actions and navigation: tabs, the list cursor (which keeps
//! `app.policy_selected`), enabling and disabling a type, attach, detach and delete.

use super::data::{self, Target};
use super::{Pane, blast, picker};
use crate::backend::request::ApiRequest;
use crate::model::text::sanitize;
use crate::model::*;
use crate::policy::blast::PolicyChange;
use crate::tui::app::{App, Status};
use crate::tui::command::Command;
use crate::tui::dialog::{Confirm, Modal};
use crate::tui::msg::{Call, Effect};
use crate::tui::tree::NodeKind;
use crate::tui::update::submit;

/// Keeps the cursors in range and `app.policy_selected` on the policy under the cursor.
pub(super) fn sync(app: &mut App) {
    let ids: Vec<String> = data::current_list(app).iter().map(|p| p.summary.id.to_string()).collect();
    let st = &mut app.pages.policies;
    st.cursor = st.cursor.min(ids.len().saturating_sub(1));
    app.policy_selected = ids.get(st.cursor).cloned();
    let targets = match (app.data.as_ref(), app.policy_selected.as_deref()) {
        (Some(d), Some(p)) => d.snapshot.attachments.iter().filter(|a| a.policy_id.as_str() == p).count(),
        _ => 0,
    };
    let st = &mut app.pages.policies;
    st.target_cursor = st.target_cursor.min(targets.saturating_sub(1));
    app.dirty = true;
}

/// A fresh organization: the selected policy stays selected (switching to its tab, so a
/// policy the editor just created shows up); otherwise the cursor is clamped.
pub(super) fn on_load(app: &mut App) {
    if let (Some(d), Some(id)) = (app.data.as_ref(), app.policy_selected.clone())
        && let Some(p) = data::policy(&d.snapshot, &id)
    {
        let ty = p.summary.r#type;
        let list = data::policies_of(&d.snapshot, ty);
        let row = list.iter().position(|q| q.summary.id.as_str() == id);
        if let (Some(tab), Some(row)) = (data::types().iter().position(|t| *t == ty), row) {
            let st = &mut app.pages.policies;
            if st.tab != tab || st.cursor != row {
                st.content_scroll = 0;
                st.target_cursor = 0;
            }
            st.tab = tab;
            st.cursor = row;
        }
    }
    sync(app);
}

fn select(app: &mut App, row: usize) {
    let st = &mut app.pages.policies;
    if st.cursor != row {
        st.content_scroll = 0;
        st.target_cursor = 0;
    }
    st.cursor = row;
    sync(app);
}

/// Moves `delta` tabs (wrapping).
pub(super) fn switch_tab(app: &mut App, delta: isize) {
    if app.pages.policies.effective.is_some() {
        super::effective::switch_type(app, delta);
        return;
    }
    let n = data::types().len() as isize;
    let st = &mut app.pages.policies;
    st.tab = ((st.tab as isize + delta).rem_euclid(n)) as usize;
    st.cursor = 0;
    st.content_scroll = 0;
    st.target_cursor = 0;
    st.focus = Pane::List;
    sync(app);
}

/// Parses a policy type as typed: `SCP`, `tag`, `TAG_POLICY`, `backup`, `ai opt-out`….
pub(super) fn parse_type(s: &str) -> Option<PolicyType> {
    let norm = |x: &str| x.to_lowercase().replace(['-', '_', ' '], "");
    let q = norm(s);
    if q.is_empty() {
        return None;
    }
    let all = data::types();
    all.iter()
        .copied()
        .find(|t| norm(t.as_str()) == q || norm(t.short_name()) == q)
        .or_else(|| all.iter().copied().find(|t| norm(t.as_str()) == format!("{q}policy")))
        .or_else(|| all.iter().copied().find(|t| norm(t.short_name()).starts_with(&q)))
}

/// Shows the tab of a type named by the user.
pub(super) fn goto_type(app: &mut App, name: &str) {
    let ty = parse_type(name);
    if let (Some(ty), true) = (ty, app.pages.policies.effective.is_some()) {
        super::effective::set_type(app, ty);
        return;
    }
    match ty.and_then(|t| data::types().iter().position(|x| *x == t)) {
        Some(tab) => {
            let here = app.pages.policies.tab as isize;
            switch_tab(app, tab as isize - here);
        }
        None => app.set_status(Status::Error(format!(
            "No policy type {:?}; try SCP, RCP, tag, backup, ai, chat, declarative, securityhub.",
            sanitize(name)
        ))),
    }
}

/// `EnablePolicyType` for the tab's type.
pub(super) fn enable_type(app: &mut App) -> Vec<Effect> {
    let ty = app.pages.policies.ty();
    let Some(root) = app.data.as_ref().and_then(|d| data::root_id(&d.snapshot)) else { return Vec::new() };
    if !app.check_writable() {
        return Vec::new();
    }
    if app.data.as_ref().is_some_and(|d| data::enabled(&d.snapshot, ty)) {
        app.set_status(Status::Info(format!("{ty} is already enabled in {root}.")));
        return Vec::new();
    }
    let call = Call::Api {
        request: ApiRequest::EnablePolicyType(EnablePolicyTypeRequest {
            root_id: root.clone(),
            policy_type: ty,
        }),
        done: format!("Enabled {ty} in {root}."),
        reveal: None,
    };
    submit(app, call, format!("Enabling {ty}"))
}

/// `DisablePolicyType` for the tab's type, after a typed confirmation.
pub(super) fn disable_type(app: &mut App) {
    let ty = app.pages.policies.ty();
    let Some(d) = app.data.as_ref() else { return };
    let Some(root) = data::root_id(&d.snapshot) else { return };
    if !data::enabled(&d.snapshot, ty) {
        app.set_status(Status::Info(format!("{ty} is not enabled in {root}.")));
        return;
    }
    let (attachments, policies) = data::attachments_of_type(&d.snapshot, ty);
    if !app.check_writable() {
        return;
    }
    let mut lines = vec![
        format!("Disables {} ({ty}) in the root {root}.", ty.short_name()),
        format!("This detaches all {attachments} attachment(s) of {policies} {ty} policy(ies)"),
        "from the root, OUs and accounts. The policies themselves stay; re-enabling".into(),
        "the type does NOT re-attach them.".into(),
    ];
    if ty.is_authorization() {
        lines.push(format!("No {} applies any more until the type is enabled again.", ty.short_name()));
    }
    confirm(
        app,
        Call::Api {
            request: ApiRequest::DisablePolicyType(DisablePolicyTypeRequest {
                root_id: root.clone(),
                policy_type: ty,
            }),
            done: format!("Disabled {ty} in {root} ({attachments} attachment(s) removed)."),
            reveal: None,
        },
        format!("Disable {}", ty.short_name()),
        lines,
        ty.as_str().to_string(),
    );
}

fn confirm(app: &mut App, call: Call, title: String, lines: Vec<String>, expect: String) {
    app.modal = Some(Modal::Confirm(Confirm::new(call, title, lines, expect)));
}

fn selected_policy(app: &mut App) -> Option<(String, String, PolicyType)> {
    match data::current(app) {
        Some(p) => Some((p.summary.id.to_string(), sanitize(&p.summary.name), p.summary.r#type)),
        None => {
            app.set_status(Status::Error("Select a policy first.".into()));
            None
        }
    }
}

/// Attaches the selected policy: to `arg` directly, or to a target picked from the tree.
pub(super) fn attach(app: &mut App, arg: Option<String>) -> Vec<Effect> {
    if !app.check_writable() {
        return Vec::new();
    }
    let Some((id, name, _)) = selected_policy(app) else { return Vec::new() };
    match arg {
        Some(q) => match app.data.as_ref().and_then(|d| data::resolve(&d.tree, &q)) {
            Some(target) => attach_to(app, &id, &target),
            None => {
                app.set_status(Status::Error(format!("Nothing named or numbered {:?}.", sanitize(&q))));
                Vec::new()
            }
        },
        None => {
            picker::open(app, picker::Purpose::Attach { policy_id: id, policy_name: name });
            Vec::new()
        }
    }
}

/// Attaches `policy_id` to `target`: SCPs and RCPs after a confirmation with the blast radius.
pub(super) fn attach_to(app: &mut App, policy_id: &str, target: &str) -> Vec<Effect> {
    let Some(d) = app.data.as_ref() else { return Vec::new() };
    let Some(p) = data::policy(&d.snapshot, policy_id) else { return Vec::new() };
    let t = data::describe(&d.tree, target);
    let (name, ty) = (sanitize(&p.summary.name), p.summary.r#type);
    let call = Call::Api {
        request: ApiRequest::AttachPolicy(AttachPolicyRequest {
            policy_id: policy_id.to_string(),
            target_id: t.id.clone(),
        }),
        done: format!("Attached {name} to {} ({}).", t.name, t.id),
        reveal: None,
    };
    if !ty.is_authorization() {
        return submit(app, call, format!("Attaching {name} to {}", t.name));
    }
    let mut lines = vec![format!(
        "Attaches the {} {name} ({policy_id}) to {} {} ({}).",
        ty.short_name(),
        data::kind_word(t.kind),
        t.name,
        t.id
    )];
    lines.extend(blast::summary(
        &d.snapshot,
        PolicyChange::Attach { policy_id: policy_id.to_string(), target_id: t.id.clone() },
        &app.watch,
    ));
    confirm(app, call, format!("Attach {name}"), lines, "yes".into());
    Vec::new()
}

/// Detaches the selected policy from the selected target (or from `arg`).
pub(super) fn detach(app: &mut App, arg: Option<String>) -> Vec<Effect> {
    if !app.check_writable() {
        return Vec::new();
    }
    let Some((policy_id, name, ty)) = selected_policy(app) else { return Vec::new() };
    let target = match arg {
        Some(q) => match app.data.as_ref().and_then(|d| data::resolve(&d.tree, &q)) {
            Some(t) => t,
            None => {
                app.set_status(Status::Error(format!("Nothing named or numbered {:?}.", sanitize(&q))));
                return Vec::new();
            }
        },
        None if app.pages.policies.focus == Pane::Targets => match data::current_target(app) {
            Some(t) => t.id,
            None => {
                app.set_status(Status::Error(format!("{name} is not attached to anything.")));
                return Vec::new();
            }
        },
        None => {
            app.pages.policies.focus = Pane::Targets;
            app.set_status(Status::Info(
                "Select the target to detach from (up/down), then press d again.".into(),
            ));
            return Vec::new();
        }
    };
    let Some(d) = app.data.as_ref() else { return Vec::new() };
    let t: Target = data::describe(&d.tree, &target);
    if !d
        .snapshot
        .attachments
        .iter()
        .any(|a| a.policy_id.as_str() == policy_id && a.target_id.as_str() == t.id)
    {
        app.set_status(Status::Error(format!("{name} is not attached to {} ({}).", t.name, t.id)));
        return Vec::new();
    }
    let call = Call::Api {
        request: ApiRequest::DetachPolicy(DetachPolicyRequest {
            policy_id: policy_id.clone(),
            target_id: t.id.clone(),
        }),
        done: format!("Detached {name} from {} ({}).", t.name, t.id),
        reveal: None,
    };
    let mut lines = vec![format!(
        "Detaches the {} {name} ({policy_id}) from {} {} ({}).",
        ty.short_name(),
        data::kind_word(t.kind),
        t.name,
        t.id
    )];
    let mut expect = "yes".to_string();
    if ty.is_authorization() {
        let under = data::accounts_under(&d.tree, &t.id);
        let who = if t.kind == NodeKind::Account {
            format!("the account {}", t.name)
        } else {
            format!("every account under {} ({under})", t.name)
        };
        let others: Vec<&SnapshotPolicy> = data::attached_to(&d.snapshot, &t.id, ty)
            .into_iter()
            .filter(|p| p.summary.id.as_str() != policy_id)
            .collect();
        let names: Vec<String> = others.iter().map(|p| sanitize(&p.summary.name)).collect();
        let short = ty.short_name();
        if policy_id == "p-FullAWSAccess" || policy_id == "p-RCPFullAWSAccess" {
            let mut w = who.clone();
            if let Some(c) = w.get_mut(0..1) {
                c.make_ascii_uppercase();
            }
            lines.push(format!("{w} loses all permissions not allowed by another {short}"));
            lines.push(format!("attached directly to {}.", t.name));
            expect = t.id.clone();
        }
        if others.is_empty() {
            lines.push(format!(
                "This is the LAST {short} on {}: nothing would Allow any action there,",
                t.name
            ));
            lines.push(format!("so {who} would lose ALL permissions."));
            lines.push(format!(
                "(AWS refuses to leave a target without a {short} while the type is enabled.)"
            ));
            expect = t.id.clone();
        } else if !others.iter().any(|p| data::has_allow(&p.content)) {
            lines.extend(data::wrap_items(
                &format!("The other {short}(s) on {} allow nothing: ", t.name),
                &names,
                80,
            ));
            lines.push(format!("Nothing would Allow any action there, so {who}"));
            lines.push("would lose ALL permissions.".into());
            expect = t.id.clone();
        }
        lines.extend(blast::summary(
            &d.snapshot,
            PolicyChange::Detach { policy_id: policy_id.clone(), target_id: t.id.clone() },
            &app.watch,
        ));
    }
    let title = format!("Detach {name}");
    confirm(app, call, title, lines, expect);
    Vec::new()
}

/// `DeletePolicy` for the selected policy, after typing its name.
pub(super) fn delete(app: &mut App) {
    if !app.check_writable() {
        return;
    }
    let Some((id, name, ty)) = selected_policy(app) else { return };
    let targets = app.data.as_ref().map_or(0, |d| data::targets_of(&d.snapshot, &d.tree, &id).len());
    let mut lines = vec![format!("Deletes the {} {name} ({id}). This cannot be undone.", ty.short_name())];
    if targets > 0 {
        lines.push(format!("It is attached to {targets} target(s): AWS refuses (PolicyInUseException)"));
        lines.push("until it is detached from every one of them.".into());
    }
    confirm(
        app,
        Call::Api {
            request: ApiRequest::DeletePolicy(DeletePolicyRequest { policy_id: id.clone() }),
            done: format!("Deleted policy {name} ({id})."),
            reveal: None,
        },
        format!("Delete policy {name}"),
        lines,
        name,
    );
}

/// Navigation on the page (no overlay open).
pub(super) fn navigate(app: &mut App, cmd: &Command) -> Vec<Effect> {
    let list_len = data::current_list(app).len();
    let targets_len = match (app.data.as_ref(), data::current(app)) {
        (Some(d), Some(p)) => d.snapshot.attachments.iter().filter(|a| a.policy_id == p.summary.id).count(),
        _ => 0,
    };
    let content_lines = data::current(app).map_or(0, |p| data::pretty(&p.content).lines().count());
    let page = usize::from(app.size.1.saturating_sub(10)).max(1);
    let st = &mut app.pages.policies;
    let step = |pos: usize, len: usize| -> Option<usize> {
        let last = len.saturating_sub(1);
        Some(match cmd {
            Command::Up => pos.saturating_sub(1),
            Command::Down => (pos + 1).min(last),
            Command::Top => 0,
            Command::Bottom => last,
            Command::PageUp => pos.saturating_sub(page),
            Command::PageDown => (pos + page).min(last),
            _ => return None,
        })
    };
    match cmd {
        Command::Collapse => switch_tab(app, -1),
        Command::Expand => switch_tab(app, 1),
        Command::NextPane => {
            st.focus = match st.focus {
                Pane::List => Pane::Content,
                Pane::Content => Pane::Targets,
                Pane::Targets => Pane::List,
            };
        }
        Command::Open if st.focus == Pane::List => st.focus = Pane::Content,
        Command::Open if st.focus == Pane::Targets => {
            // Shows the target in the accounts tree.
            if let Some(t) = data::current_target(app) {
                app.reveal(&t.id);
                app.page = crate::tui::app::Page::Accounts;
                app.focus = crate::tui::app::Focus::Tree;
            }
        }
        Command::Cancel => st.focus = Pane::List,
        _ => match st.focus {
            Pane::List => {
                if let Some(row) = step(st.cursor, list_len) {
                    select(app, row);
                }
            }
            Pane::Content => {
                let s = usize::from(st.content_scroll);
                if let Some(v) = step(s, content_lines) {
                    st.content_scroll = u16::try_from(v).unwrap_or(u16::MAX);
                }
            }
            Pane::Targets => {
                if let Some(row) = step(st.target_cursor, targets_len) {
                    st.target_cursor = row;
                }
            }
        },
    }
    app.dirty = true;
    Vec::new()
}
