//! The organization tree behind the accounts page: nodes built once per loaded snapshot, cheap
//! `u64` keys (stable across reloads: a hash of the entity id), filtering that keeps the
//! ancestors of matches, the visible row order for navigation, and the `tui-tree-widget`
//! items, rebuilt only when the data or the filter changes.

use crate::model::text::sanitize;
use crate::model::*;
use std::collections::{HashMap, HashSet};
use tui_tree_widget::TreeItem;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Root,
    Ou,
    Account,
}

/// One root, OU or account.
#[derive(Debug, Clone)]
pub struct Node {
    /// Stable widget key (hash of `id`).
    pub key: u64,
    /// The entity id (`r-…`, `ou-…`, 12 digits).
    pub id: String,
    pub kind: NodeKind,
    /// Display name, control characters escaped.
    pub name: String,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Lower-cased name, id and email, for filtering.
    haystack: String,
    /// Tags, for `key=value` filters.
    tags: Vec<Tag>,
    /// Badges shown after the name (closed, delegated admin, policy count).
    pub badges: String,
    /// The row text (name, id, badges), formatted once.
    pub label: String,
}

/// A parsed filter: substring of name/id/email, or an exact `key=value` tag match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Text(String),
    Tag { key: String, value: String },
}

impl Filter {
    /// Parses what the user typed; empty text is no filter.
    pub fn parse(s: &str) -> Option<Filter> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        match s.split_once('=') {
            Some((k, v)) if !k.is_empty() => Some(Filter::Tag { key: k.to_string(), value: v.to_string() }),
            _ => Some(Filter::Text(s.to_lowercase())),
        }
    }

    fn matches(&self, n: &Node) -> bool {
        match self {
            Filter::Text(t) => n.haystack.contains(t.as_str()),
            Filter::Tag { key, value } => {
                n.tags.iter().any(|t| t.key.eq_ignore_ascii_case(key) && t.value.eq_ignore_ascii_case(value))
            }
        }
    }
}

/// Stable key of an entity id (FNV-1a).
pub fn key_of(id: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The tree of one snapshot.
#[derive(Debug, Clone, Default)]
pub struct OrgTree {
    pub nodes: Vec<Node>,
    by_id: HashMap<String, usize>,
}

impl OrgTree {
    /// Builds the tree: OUs before accounts under each parent, each sorted by name.
    pub fn build(s: &OrgSnapshot) -> OrgTree {
        let Some(org) = &s.organization else { return OrgTree::default() };
        let mut attached: HashMap<&str, usize> = HashMap::new();
        for a in &s.attachments {
            *attached.entry(a.target_id.as_str()).or_default() += 1;
        }
        let delegated: HashSet<&str> =
            s.delegated_administrators.iter().map(|d| d.account_id.as_str()).collect();
        let count_badge = |id: &str| match attached.get(id) {
            Some(n) => format!(" [{n}P]"),
            None => String::new(),
        };
        let mut t = OrgTree::default();
        let root_id = org.root_id.to_string();
        t.push(Node {
            key: key_of(&root_id),
            id: root_id.clone(),
            kind: NodeKind::Root,
            name: "Root".into(),
            parent: None,
            children: Vec::new(),
            haystack: format!("root {}", root_id.to_lowercase()),
            tags: org.root_tags.clone(),
            badges: count_badge(&root_id),
            label: String::new(),
        });
        for ou in &s.organizational_units {
            let id = ou.id.to_string();
            t.push(Node {
                key: key_of(&id),
                name: sanitize(&ou.name),
                haystack: format!("{} {}", ou.name.to_lowercase(), id),
                badges: count_badge(&id),
                id,
                kind: NodeKind::Ou,
                parent: None,
                children: Vec::new(),
                tags: ou.tags.clone(),
                label: String::new(),
            });
        }
        for a in &s.accounts {
            let id = a.account.id.to_string();
            let mut badges = String::new();
            match a.account.state {
                AccountState::Closed => badges.push_str(" (closed)"),
                AccountState::Suspended => badges.push_str(" (suspended)"),
                AccountState::PendingClosure => badges.push_str(" (closing)"),
                _ => {}
            }
            if a.account.id == org.management_account_id {
                badges.push_str(" (management)");
            }
            if delegated.contains(id.as_str()) {
                badges.push_str(" [DA]");
            }
            badges.push_str(&count_badge(&id));
            t.push(Node {
                key: key_of(&id),
                name: sanitize(&a.account.name),
                haystack: format!(
                    "{} {} {}",
                    a.account.name.to_lowercase(),
                    id,
                    a.account.email.to_lowercase()
                ),
                badges,
                id,
                kind: NodeKind::Account,
                parent: None,
                children: Vec::new(),
                tags: a.tags.clone(),
                label: String::new(),
            });
        }
        // Link children to parents.
        let parents: Vec<(usize, String)> = s
            .organizational_units
            .iter()
            .map(|o| (t.by_id[o.id.as_str()], o.parent_id.to_string()))
            .chain(s.accounts.iter().map(|a| (t.by_id[a.account.id.as_str()], a.parent_id.to_string())))
            .collect();
        for (child, parent) in parents {
            if let Some(&p) = t.by_id.get(&parent) {
                t.nodes[child].parent = Some(p);
                t.nodes[p].children.push(child);
            }
        }
        let nodes = &t.nodes;
        let mut sorted: Vec<Vec<usize>> = nodes.iter().map(|n| n.children.clone()).collect();
        for kids in &mut sorted {
            kids.sort_by(|&a, &b| {
                let (na, nb) = (&nodes[a], &nodes[b]);
                (na.kind != NodeKind::Ou, na.name.to_lowercase(), &na.id).cmp(&(
                    nb.kind != NodeKind::Ou,
                    nb.name.to_lowercase(),
                    &nb.id,
                ))
            });
        }
        for (n, kids) in t.nodes.iter_mut().zip(sorted) {
            n.children = kids;
            n.label = match n.kind {
                NodeKind::Root => format!("Root {}{}", n.id, n.badges),
                NodeKind::Ou | NodeKind::Account => format!("{}  {}{}", n.name, n.id, n.badges),
            };
        }
        t
    }

    fn push(&mut self, n: Node) {
        self.by_id.insert(n.id.clone(), self.nodes.len());
        self.nodes.push(n);
    }

    /// The node of an entity id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The node of a widget key.
    pub fn index_of_key(&self, key: u64) -> Option<usize> {
        self.nodes.iter().position(|n| n.key == key)
    }

    /// Indices from the root down to `i`.
    pub fn path(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut cur = i;
        while let Some(p) = self.nodes.get(cur).and_then(|n| n.parent) {
            if out.len() > 16 {
                break;
            }
            out.push(p);
            cur = p;
        }
        out.reverse();
        out
    }

    /// Widget keys from the root down to `i`.
    pub fn key_path(&self, i: usize) -> Vec<u64> {
        self.path(i).into_iter().map(|j| self.nodes[j].key).collect()
    }

    /// Nodes that match `filter` plus all their ancestors; `None` when there is no filter.
    /// Linear: the walk up from a match stops at the first node already kept.
    pub fn visible_set(&self, filter: Option<&Filter>) -> Option<Vec<bool>> {
        let f = filter?;
        let mut keep = vec![false; self.nodes.len()];
        for (i, n) in self.nodes.iter().enumerate() {
            if f.matches(n) {
                let mut cur = Some(i);
                while let Some(j) = cur {
                    if keep[j] {
                        break;
                    }
                    keep[j] = true;
                    cur = self.nodes[j].parent;
                }
            }
        }
        Some(keep)
    }

    /// The ancestors of every match (what to open so that every match is on screen).
    pub fn ancestors_of_matches(&self, filter: &Filter) -> Vec<usize> {
        let mut seen = vec![false; self.nodes.len()];
        let mut out = Vec::new();
        for n in &self.nodes {
            if filter.matches(n) {
                let mut cur = n.parent;
                while let Some(j) = cur {
                    if seen[j] {
                        break;
                    }
                    seen[j] = true;
                    out.push(j);
                    cur = self.nodes[j].parent;
                }
            }
        }
        out
    }

    /// Whether node `i` matches the filter itself.
    pub fn is_match(&self, filter: &Filter, i: usize) -> bool {
        self.nodes.get(i).is_some_and(|n| filter.matches(n))
    }

    /// Nodes that match the filter themselves (not just as ancestors).
    pub fn matches(&self, filter: &Filter) -> Vec<usize> {
        (0..self.nodes.len()).filter(|&i| filter.matches(&self.nodes[i])).collect()
    }

    /// The rows on screen, in order: the root, then each opened node's (visible) children.
    pub fn visible_rows(&self, opened: &HashSet<String>, keep: Option<&[bool]>) -> Vec<usize> {
        let mut out = Vec::new();
        if self.nodes.is_empty() {
            return out;
        }
        let mut stack = vec![0usize];
        while let Some(i) = stack.pop() {
            out.push(i);
            let n = &self.nodes[i];
            if opened.contains(&n.id) {
                for &c in n.children.iter().rev() {
                    if keep.is_none_or(|k| k[c]) {
                        stack.push(c);
                    }
                }
            }
        }
        out
    }

    /// The widget items for the visible part of the tree.
    pub fn items(&self, keep: Option<&[bool]>) -> Vec<TreeItem<'static, u64>> {
        if self.nodes.is_empty() {
            return Vec::new();
        }
        vec![self.item(0, keep)]
    }

    fn item(&self, i: usize, keep: Option<&[bool]>) -> TreeItem<'static, u64> {
        let n = &self.nodes[i];
        let children: Vec<TreeItem<'static, u64>> =
            n.children.iter().filter(|&&c| keep.is_none_or(|k| k[c])).map(|&c| self.item(c, keep)).collect();
        if children.is_empty() {
            TreeItem::new_leaf(n.key, n.label.clone())
        } else {
            // Keys are unique per entity, so siblings never collide.
            TreeItem::new(n.key, n.label.clone(), children)
                .unwrap_or_else(|_| TreeItem::new_leaf(n.key, n.label.clone()))
        }
    }
}
