//! What the Policies page derives from the loaded organization: the policies of a type, their
//! targets and attachment counts, names of roots/OUs/accounts, and the accounts under a target.
//! Pure functions over the snapshot and the tree, so drawing and actions agree.

use super::State;
use crate::model::text::sanitize;
use crate::model::*;
use crate::tui::cx::View;
use crate::tui::tree::{NodeKind, OrgTree};
use std::collections::HashMap;

/// The policy types, one tab each, in the order the service lists them.
pub fn types() -> &'static [PolicyType] {
    PolicyType::ALL
}

/// The management policy types (every type but SCP and RCP): the ones with an effective policy.
pub fn management_types() -> Vec<PolicyType> {
    types().iter().copied().filter(|t| !t.is_authorization()).collect()
}

/// The policies of a type: AWS managed first, then by name.
pub fn policies_of(s: &OrgSnapshot, ty: PolicyType) -> Vec<&SnapshotPolicy> {
    let mut v: Vec<&SnapshotPolicy> = s.policies.iter().filter(|p| p.summary.r#type == ty).collect();
    v.sort_by(|a, b| {
        b.summary
            .aws_managed
            .cmp(&a.summary.aws_managed)
            .then_with(|| a.summary.name.to_lowercase().cmp(&b.summary.name.to_lowercase()))
            .then_with(|| a.summary.id.as_str().cmp(b.summary.id.as_str()))
    });
    v
}

/// A policy by id.
pub fn policy<'a>(s: &'a OrgSnapshot, id: &str) -> Option<&'a SnapshotPolicy> {
    s.policies.iter().find(|p| p.summary.id.as_str() == id)
}

/// How many targets each policy is attached to (one pass over the attachments).
pub fn target_counts(s: &OrgSnapshot) -> HashMap<&str, usize> {
    let mut m: HashMap<&str, usize> = HashMap::new();
    for a in &s.attachments {
        *m.entry(a.policy_id.as_str()).or_default() += 1;
    }
    m
}

/// Whether a policy type is enabled in the root.
pub fn enabled(s: &OrgSnapshot, ty: PolicyType) -> bool {
    s.organization.as_ref().is_some_and(|o| o.enabled_policy_types.contains(&ty))
}

/// The attachments of policies of a type: (attachments, distinct policies attached).
pub fn attachments_of_type(s: &OrgSnapshot, ty: PolicyType) -> (usize, usize) {
    let types: HashMap<&str, PolicyType> =
        s.policies.iter().map(|p| (p.summary.id.as_str(), p.summary.r#type)).collect();
    let mut policies: Vec<&str> = Vec::new();
    let mut n = 0;
    for a in &s.attachments {
        if types.get(a.policy_id.as_str()) == Some(&ty) {
            n += 1;
            if !policies.contains(&a.policy_id.as_str()) {
                policies.push(a.policy_id.as_str());
            }
        }
    }
    (n, policies.len())
}

/// One target of a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub kind: NodeKind,
    pub id: String,
    pub name: String,
}

/// A word for a node kind (reads without colour).
pub fn kind_word(k: NodeKind) -> &'static str {
    match k {
        NodeKind::Root => "Root",
        NodeKind::Ou => "OU",
        NodeKind::Account => "Account",
    }
}

/// A target's kind and name from the tree (falls back to the id).
pub fn describe(tree: &OrgTree, id: &str) -> Target {
    match tree.index_of(id) {
        Some(i) => {
            let n = &tree.nodes[i];
            Target { kind: n.kind, id: n.id.clone(), name: n.name.clone() }
        }
        None => {
            let kind = if id.starts_with("r-") {
                NodeKind::Root
            } else if id.starts_with("ou-") {
                NodeKind::Ou
            } else {
                NodeKind::Account
            };
            Target { kind, id: id.to_string(), name: sanitize(id) }
        }
    }
}

/// The targets a policy is attached to, in attachment order.
pub fn targets_of(s: &OrgSnapshot, tree: &OrgTree, policy_id: &str) -> Vec<Target> {
    s.attachments
        .iter()
        .filter(|a| a.policy_id.as_str() == policy_id)
        .map(|a| describe(tree, a.target_id.as_str()))
        .collect()
}

/// The policies of a type attached directly to a target, in attachment order.
pub fn attached_to<'a>(s: &'a OrgSnapshot, target: &str, ty: PolicyType) -> Vec<&'a SnapshotPolicy> {
    s.attachments
        .iter()
        .filter(|a| a.target_id.as_str() == target)
        .filter_map(|a| policy(s, a.policy_id.as_str()))
        .filter(|p| p.summary.r#type == ty)
        .collect()
}

/// The accounts at or under a target (the target itself when it is an account).
pub fn accounts_under(tree: &OrgTree, id: &str) -> usize {
    let Some(start) = tree.index_of(id) else { return 0 };
    let mut stack = vec![start];
    let mut n = 0usize;
    while let Some(i) = stack.pop() {
        let node = &tree.nodes[i];
        if node.kind == NodeKind::Account {
            n += 1;
        }
        stack.extend(node.children.iter().copied());
    }
    n
}

/// A root, OU or account named by the user: its id, or its name (case-insensitive).
pub fn resolve(tree: &OrgTree, q: &str) -> Option<String> {
    let ql = q.trim().to_lowercase();
    tree.index_of(q.trim())
        .or_else(|| tree.nodes.iter().position(|n| n.name.to_lowercase() == ql))
        .map(|i| tree.nodes[i].id.clone())
}

/// The root id, if there is an organization.
pub fn root_id(s: &OrgSnapshot) -> Option<String> {
    s.organization.as_ref().map(|o| o.root_id.to_string())
}

/// The policies shown in the current tab.
pub fn current_list<'a>(cx: &View<'a, State>) -> Vec<&'a SnapshotPolicy> {
    let Some(d) = cx.shared.data.as_ref() else { return Vec::new() };
    let mut list = policies_of(&d.snapshot, cx.st.ty());
    let f = cx.st.filter.value().to_lowercase();
    if !f.is_empty() {
        list.retain(|p| {
            let s = &p.summary;
            [s.name.as_str(), s.id.as_str(), s.description.as_str()]
                .iter()
                .any(|t| t.to_lowercase().contains(&f))
        });
    }
    list
}

/// The policy under the cursor.
pub fn current<'a>(cx: &View<'a, State>) -> Option<&'a SnapshotPolicy> {
    current_list(cx).get(cx.st.cursor).copied()
}

/// The target under the targets cursor of the selected policy.
pub fn current_target(cx: &View<'_, State>) -> Option<Target> {
    let d = cx.shared.data.as_ref()?;
    let p = current(cx)?;
    targets_of(&d.snapshot, &d.tree, p.summary.id.as_str()).get(cx.st.target_cursor).cloned()
}

/// A policy's content for reading: pretty-printed when it parses as JSON, else as stored.
pub fn pretty(content: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(content) {
        Ok(v) => serde_json::to_string_pretty(&v).unwrap_or_else(|_| content.to_string()),
        Err(_) => content.to_string(),
    }
}

/// Splits `items` into lines of at most `width` characters, joined by ", "; the first line
/// starts with `prefix`, the others are indented by two spaces.
pub fn wrap_items(prefix: &str, items: &[String], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = prefix.to_string();
    let mut has_item = false;
    for (i, it) in items.iter().enumerate() {
        let sep = if i + 1 < items.len() { "," } else { "" };
        let piece = format!("{it}{sep}");
        let space = if has_item { " " } else { "" };
        if has_item && line.chars().count() + 1 + piece.chars().count() > width {
            out.push(line);
            line = format!("  {piece}");
        } else {
            line.push_str(space);
            line.push_str(&piece);
        }
        has_item = true;
    }
    out.push(line);
    out
}

/// How a level is named in explanations: `root r-…`, `OU Name`, `account name`.
pub fn level_name(tree: &OrgTree, id: &str) -> String {
    let t = describe(tree, id);
    match t.kind {
        NodeKind::Root => format!("root {}", t.id),
        NodeKind::Ou => format!("OU {}", t.name),
        NodeKind::Account => format!("account {}", t.name),
    }
}

/// Whether a policy document has an `Allow` statement (a deny-only SCP allows nothing).
pub fn has_allow(content: &str) -> bool {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(content) else { return true };
    let allow = |st: &serde_json::Value| st.get("Effect").and_then(|e| e.as_str()) == Some("Allow");
    match v.get("Statement") {
        Some(serde_json::Value::Array(a)) => a.iter().any(allow),
        Some(st) => allow(st),
        None => false,
    }
}
