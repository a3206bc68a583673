//! The Policies page's actions and navigation: tabs, the list cursor (which keeps
//! `cx.st.policy`), enabling and disabling a type, attach, detach and delete.

use super::State;
use super::data::{self, Target};
use super::{Pane, blast, picker};
use crate::backend::request::ApiRequest;
use crate::model::text::sanitize;
use crate::model::*;
use crate::policy::blast::PolicyChange;
use crate::tui::cx::{Cx, Status};
use crate::tui::dialog::{Confirm, Modal};
use crate::tui::msg::Call;
use crate::tui::page::Nav;
use crate::tui::tree::NodeKind;

/// Keeps the cursors in range and `cx.st.policy` on the policy under the cursor.
pub(super) fn sync(cx: &mut Cx<'_, State>) {
    let ids: Vec<String> = data::current_list(&cx.view()).iter().map(|p| p.summary.id.to_string()).collect();
    let st = &mut *cx.st;
    st.cursor = st.cursor.min(ids.len().saturating_sub(1));
    cx.st.policy = ids.get(st.cursor).cloned();
    let targets = match (cx.shared.data.as_ref(), cx.st.policy.as_deref()) {
        (Some(d), Some(p)) => d.snapshot.attachments.iter().filter(|a| a.policy_id.as_str() == p).count(),
        _ => 0,
    };
    let st = &mut *cx.st;
    st.target_cursor = st.target_cursor.min(targets.saturating_sub(1));
}

/// A fresh organization: the selected policy stays selected (switching to its tab, so a
/// policy the editor just created shows up); otherwise the cursor is clamped.
pub(super) fn on_load(cx: &mut Cx<'_, State>) {
    if let (Some(d), Some(id)) = (cx.shared.data.as_ref(), cx.st.policy.clone())
        && let Some(p) = data::policy(&d.snapshot, &id)
    {
        let ty = p.summary.r#type;
        let list = data::policies_of(&d.snapshot, ty);
        let row = list.iter().position(|q| q.summary.id.as_str() == id);
        if let (Some(tab), Some(row)) = (data::types().iter().position(|t| *t == ty), row) {
            let st = &mut *cx.st;
            if st.tab != tab || st.cursor != row {
                st.content_scroll = 0;
                st.target_cursor = 0;
            }
            st.tab = tab;
            st.cursor = row;
        }
    }
    sync(cx);
}

fn select(cx: &mut Cx<'_, State>, row: usize) {
    let st = &mut *cx.st;
    if st.cursor != row {
        st.content_scroll = 0;
        st.target_cursor = 0;
    }
    st.cursor = row;
    sync(cx);
}

/// Moves `delta` tabs (wrapping).
pub(super) fn switch_tab(cx: &mut Cx<'_, State>, delta: isize) {
    if cx.st.effective.is_some() {
        super::effective::switch_type(cx, delta);
        return;
    }
    let n = data::types().len() as isize;
    let st = &mut *cx.st;
    st.tab = ((st.tab as isize + delta).rem_euclid(n)) as usize;
    st.cursor = 0;
    st.content_scroll = 0;
    st.target_cursor = 0;
    st.focus = Pane::List;
    sync(cx);
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
pub(super) fn goto_type(cx: &mut Cx<'_, State>, name: &str) {
    let ty = parse_type(name);
    if let (Some(ty), true) = (ty, cx.st.effective.is_some()) {
        super::effective::set_type(cx, ty);
        return;
    }
    match ty.and_then(|t| data::types().iter().position(|x| *x == t)) {
        Some(tab) => {
            let here = cx.st.tab as isize;
            switch_tab(cx, tab as isize - here);
        }
        None => cx.set_status(Status::Error(format!(
            "No policy type {:?}; try SCP, RCP, tag, backup, ai, chat, declarative, securityhub.",
            sanitize(name)
        ))),
    }
}

/// `EnablePolicyType` for the tab's type.
pub(super) fn enable_type(cx: &mut Cx<'_, State>) {
    let ty = cx.st.ty();
    let Some(root) = cx.shared.data.as_ref().and_then(|d| data::root_id(&d.snapshot)) else { return };
    if !cx.check_writable() {
        return;
    }
    if cx.shared.data.as_ref().is_some_and(|d| data::enabled(&d.snapshot, ty)) {
        cx.set_status(Status::Info(format!("{ty} is already enabled in {root}.")));
        return;
    }
    let call = Call::Api {
        request: ApiRequest::EnablePolicyType(EnablePolicyTypeRequest {
            root_id: root.clone(),
            policy_type: ty,
        }),
        done: format!("Enabled {ty} in {root}."),
        reveal: None,
    };
    cx.submit(call, format!("Enabling {ty}"));
}

/// `DisablePolicyType` for the tab's type, after a typed confirmation.
pub(super) fn disable_type(cx: &mut Cx<'_, State>) {
    let ty = cx.st.ty();
    let Some(d) = cx.shared.data.as_ref() else { return };
    let Some(root) = data::root_id(&d.snapshot) else { return };
    if !data::enabled(&d.snapshot, ty) {
        cx.set_status(Status::Info(format!("{ty} is not enabled in {root}.")));
        return;
    }
    let (attachments, policies) = data::attachments_of_type(&d.snapshot, ty);
    if !cx.check_writable() {
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
        cx,
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

fn confirm(cx: &mut Cx<'_, State>, call: Call, title: String, lines: Vec<String>, expect: String) {
    cx.open_some(Modal::Confirm(Confirm::new(call, title, lines, expect)));
}

fn selected_policy(cx: &mut Cx<'_, State>) -> Option<(String, String, PolicyType)> {
    match data::current(&cx.view()) {
        Some(p) => Some((p.summary.id.to_string(), sanitize(&p.summary.name), p.summary.r#type)),
        None => {
            cx.set_status(Status::Error("Select a policy first.".into()));
            None
        }
    }
}

/// Attaches the selected policy: to `arg` directly, or to a target picked from the tree.
pub(super) fn attach(cx: &mut Cx<'_, State>, arg: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    let Some((id, name, _)) = selected_policy(cx) else { return };
    match arg {
        Some(q) => match cx.shared.data.as_ref().and_then(|d| data::resolve(&d.tree, &q)) {
            Some(target) => attach_to(cx, &id, &target),
            None => {
                cx.set_status(Status::Error(format!("Nothing named or numbered {:?}.", sanitize(&q))));
            }
        },
        None => {
            picker::open(cx, picker::Purpose::Attach { policy_id: id, policy_name: name });
        }
    }
}

/// Attaches `policy_id` to `target`: SCPs and RCPs after a confirmation with the blast radius.
pub(super) fn attach_to(cx: &mut Cx<'_, State>, policy_id: &str, target: &str) {
    let Some(d) = cx.shared.data.as_ref() else { return };
    let Some(p) = data::policy(&d.snapshot, policy_id) else { return };
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
        cx.submit(call, format!("Attaching {name} to {}", t.name));
        return;
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
        &cx.shared.watch,
    ));
    confirm(cx, call, format!("Attach {name}"), lines, "yes".into());
}

/// Detaches the selected policy from the selected target (or from `arg`).
pub(super) fn detach(cx: &mut Cx<'_, State>, arg: Option<String>) {
    if !cx.check_writable() {
        return;
    }
    let Some((policy_id, name, ty)) = selected_policy(cx) else { return };
    let target = match arg {
        Some(q) => match cx.shared.data.as_ref().and_then(|d| data::resolve(&d.tree, &q)) {
            Some(t) => t,
            None => {
                cx.set_status(Status::Error(format!("Nothing named or numbered {:?}.", sanitize(&q))));
                return;
            }
        },
        None if cx.st.focus == Pane::Targets => match data::current_target(&cx.view()) {
            Some(t) => t.id,
            None => {
                cx.set_status(Status::Error(format!("{name} is not attached to anything.")));
                return;
            }
        },
        None => {
            cx.st.focus = Pane::Targets;
            cx.set_status(Status::Info(
                "Select the target to detach from (up/down), then press d again.".into(),
            ));
            return;
        }
    };
    let Some(d) = cx.shared.data.as_ref() else { return };
    let t: Target = data::describe(&d.tree, &target);
    if !d
        .snapshot
        .attachments
        .iter()
        .any(|a| a.policy_id.as_str() == policy_id && a.target_id.as_str() == t.id)
    {
        cx.set_status(Status::Error(format!("{name} is not attached to {} ({}).", t.name, t.id)));
        return;
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
            &cx.shared.watch,
        ));
    }
    let title = format!("Detach {name}");
    confirm(cx, call, title, lines, expect);
}

/// `DeletePolicy` for the selected policy, after typing its name.
pub(super) fn delete(cx: &mut Cx<'_, State>) {
    if !cx.check_writable() {
        return;
    }
    let Some((id, name, ty)) = selected_policy(cx) else { return };
    let targets = cx.shared.data.as_ref().map_or(0, |d| data::targets_of(&d.snapshot, &d.tree, &id).len());
    let mut lines = vec![format!("Deletes the {} {name} ({id}). This cannot be undone.", ty.short_name())];
    if targets > 0 {
        lines.push(format!("It is attached to {targets} target(s): AWS refuses (PolicyInUseException)"));
        lines.push("until it is detached from every one of them.".into());
    }
    confirm(
        cx,
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
pub(super) fn navigate(cx: &mut Cx<'_, State>, nav: Nav) {
    let list_len = data::current_list(&cx.view()).len();
    let targets_len = match (cx.shared.data.as_ref(), data::current(&cx.view())) {
        (Some(d), Some(p)) => d.snapshot.attachments.iter().filter(|a| a.policy_id == p.summary.id).count(),
        _ => 0,
    };
    let content_lines = data::current(&cx.view()).map_or(0, |p| data::pretty(&p.content).lines().count());
    let page = usize::from(cx.shared.size.1.saturating_sub(10)).max(1);
    let st = &mut *cx.st;
    let step = |pos: usize, len: usize| -> Option<usize> {
        let last = len.saturating_sub(1);
        Some(match nav {
            Nav::Up => pos.saturating_sub(1),
            Nav::Down => (pos + 1).min(last),
            Nav::Top => 0,
            Nav::Bottom => last,
            Nav::PageUp => pos.saturating_sub(page),
            Nav::PageDown => (pos + page).min(last),
            _ => return None,
        })
    };
    match nav {
        Nav::Left => switch_tab(cx, -1),
        Nav::Right => switch_tab(cx, 1),
        Nav::Tab => {
            st.focus = match st.focus {
                Pane::List => Pane::Content,
                Pane::Content => Pane::Targets,
                Pane::Targets => Pane::List,
            };
        }
        Nav::Enter if st.focus == Pane::List => st.focus = Pane::Content,
        Nav::Enter if st.focus == Pane::Targets => {
            // Shows the target in the accounts tree.
            if let Some(t) = data::current_target(&cx.view()) {
                cx.reveal(t.id.clone());
            }
        }
        Nav::Back if st.focus == Pane::List && !st.filter.is_empty() => {
            st.filter.set("");
            sync(cx);
        }
        Nav::Back => st.focus = Pane::List,
        _ => match st.focus {
            Pane::List => {
                if let Some(row) = step(st.cursor, list_len) {
                    select(cx, row);
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
}
