//! What differs between two organizations (A and B): accounts, OUs, policies (with a content
//! diff), attachments, tags, delegated administrators, trusted services and enabled policy
//! types. OUs and policies are matched by id, then (for those created since) by place and name,
//! so an organization rebuilt from a change set compares equal to the one it was made from.

use crate::engine::{EngineState, OrgState};
use crate::model::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// One difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiffEntry {
    /// `accounts`, `organizational-units`, `policies`, `attachments`, `tags`,
    /// `delegated-administrators`, `trusted-services` or `policy-types`.
    pub section: &'static str,
    /// `added`, `removed`, `moved`, `renamed`, `closed`, `reopened`, `changed`.
    pub change: &'static str,
    /// The id of what changed (A's id when it exists in A).
    pub id: String,
    /// One readable line.
    pub summary: String,
    /// For policy content: a unified diff of the pretty-printed JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_diff: Option<String>,
}

/// Every difference from A to B, grouped by section in a fixed order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OrgDiff {
    pub entries: Vec<DiffEntry>,
}

/// The section order of a diff and their titles.
pub const SECTIONS: &[(&str, &str)] = &[
    ("policy-types", "Enabled policy types"),
    ("trusted-services", "Trusted services"),
    ("accounts", "Accounts"),
    ("organizational-units", "Organizational units"),
    ("policies", "Policies"),
    ("attachments", "Attachments"),
    ("tags", "Tags"),
    ("delegated-administrators", "Delegated administrators"),
];

impl OrgDiff {
    /// Whether A and B are the same organization (as far as a diff tells).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Grouped text, one section per heading, lines kept within 80 columns where ids allow.
    pub fn to_text(&self) -> String {
        if self.entries.is_empty() {
            return "No differences.\n".into();
        }
        let mut out = String::new();
        for (key, title) in SECTIONS {
            let items: Vec<&DiffEntry> = self.entries.iter().filter(|e| e.section == *key).collect();
            if items.is_empty() {
                continue;
            }
            out.push_str(&format!("{title} ({})\n", items.len()));
            for e in items {
                let mark = match e.change {
                    "added" => '+',
                    "removed" => '-',
                    _ => '~',
                };
                out.push_str(&format!("  {mark} {}\n", e.summary));
                if let Some(d) = &e.content_diff {
                    for line in d.lines() {
                        out.push_str(&format!("      {line}\n"));
                    }
                }
            }
        }
        out
    }
}

/// How B's OUs and policies correspond to A's (B id → A id); roots always correspond.
#[derive(Debug, Clone, Default)]
pub struct Matching {
    pub ous: HashMap<String, String>,
    pub policies: HashMap<String, String>,
    pub root_b: String,
    pub root_a: String,
}

impl Matching {
    /// A's id for a B root, OU or policy id (B's own id when unmatched; accounts are the same).
    pub fn to_a(&self, b: &str) -> String {
        if b == self.root_b {
            return self.root_a.clone();
        }
        self.ous.get(b).or_else(|| self.policies.get(b)).cloned().unwrap_or_else(|| b.to_string())
    }

    /// Whether a B id has no counterpart in A (an OU or policy created since).
    pub fn is_new(&self, b: &str) -> bool {
        (b.starts_with("ou-") && !self.ous.contains_key(b))
            || (b.starts_with("p-") && !self.policies.contains_key(b))
    }
}

/// OUs parents first.
pub fn ous_parent_first(org: &OrgState) -> Vec<&crate::engine::OuRecord> {
    let mut v: Vec<_> = org.ous.values().collect();
    v.sort_by_key(|o| (org.depth(&o.parent), o.id.clone()));
    v
}

/// Matches B's OUs and policies to A's.
pub fn match_orgs(a: &OrgState, b: &OrgState) -> Matching {
    let mut m =
        Matching { root_a: a.root_id.to_string(), root_b: b.root_id.to_string(), ..Matching::default() };
    let mut used: HashSet<String> = HashSet::new();
    for o in ous_parent_first(b) {
        if a.ous.contains_key(&o.id) {
            m.ous.insert(o.id.to_string(), o.id.to_string());
            used.insert(o.id.to_string());
        }
    }
    for o in ous_parent_first(b) {
        if m.ous.contains_key(o.id.as_str()) {
            continue;
        }
        let parent = m.to_a(o.parent.as_str());
        let found = a.ous.values().find(|x| {
            x.parent.as_str() == parent
                && x.name == o.name
                && !used.contains(x.id.as_str())
                && !b.ous.contains_key(&x.id)
        });
        if let Some(x) = found {
            m.ous.insert(o.id.to_string(), x.id.to_string());
            used.insert(x.id.to_string());
        }
    }
    for p in b.policies.values() {
        if a.policies.contains_key(&p.id) {
            m.policies.insert(p.id.to_string(), p.id.to_string());
        } else if let Some(x) = a
            .policies
            .values()
            .find(|x| x.policy_type == p.policy_type && x.name == p.name && !b.policies.contains_key(&x.id))
        {
            m.policies.insert(p.id.to_string(), x.id.to_string());
        }
    }
    m
}

/// Readable names of an organization's roots, OUs, accounts and policies.
pub struct Names<'a> {
    pub state: &'a EngineState,
    pub org: &'a OrgState,
}

impl Names<'_> {
    /// `Root/Workloads/Prod` for a root or OU id; the id itself when unknown.
    pub fn place(&self, id: &str) -> String {
        if id == self.org.root_id.as_str() {
            return "Root".into();
        }
        let mut parts = Vec::new();
        let mut cur = id.to_string();
        for _ in 0..16 {
            let Some(o) = self.org.ous.values().find(|o| o.id.as_str() == cur) else { break };
            parts.push(o.name.clone());
            cur = o.parent.to_string();
        }
        if parts.is_empty() {
            return id.to_string();
        }
        parts.push("Root".into());
        parts.reverse();
        parts.join("/")
    }

    /// A target (root, OU, account) or policy, named.
    pub fn any(&self, id: &str) -> String {
        if let Some(a) = self.state.accounts.values().find(|a| a.id.as_str() == id) {
            return format!("{} ({id})", a.name);
        }
        if let Some(p) = self.org.policies.values().find(|p| p.id.as_str() == id) {
            return format!("{} ({id})", p.name);
        }
        let place = self.place(id);
        if place == id { id.to_string() } else { format!("{place} ({id})") }
    }
}

fn parent_of(a: &crate::engine::AccountRecord) -> Option<String> {
    match &a.membership {
        crate::engine::Membership::Member(p) => Some(p.to_string()),
        _ => None,
    }
}

fn members(s: &EngineState) -> BTreeMap<String, &crate::engine::AccountRecord> {
    s.accounts.values().filter(|a| parent_of(a).is_some()).map(|a| (a.id.to_string(), a)).collect()
}

/// A unified diff of two policy documents, pretty-printed when they are JSON.
pub fn content_diff(a: &str, b: &str) -> String {
    let pretty = |s: &str| {
        serde_json::from_str::<serde_json::Value>(s)
            .ok()
            .and_then(|v| serde_json::to_string_pretty(&v).ok())
            .unwrap_or_else(|| s.to_string())
            + "\n"
    };
    let (a, b) = (pretty(a), pretty(b));
    similar::TextDiff::from_lines(&a, &b).unified_diff().context_radius(2).header("A", "B").to_string()
}

fn closed(s: AccountState) -> bool {
    matches!(s, AccountState::Closed | AccountState::PendingClosure)
}

/// Tags of a resource as a map.
pub fn tag_map(tags: &[Tag]) -> BTreeMap<String, String> {
    tags.iter().map(|t| (t.key.clone(), t.value.clone())).collect()
}

/// Every taggable resource (root, OU, account, policy) of an organization with its tags.
pub fn tagged(s: &EngineState, org: &OrgState) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    out.insert(org.root_id.to_string(), tag_map(&org.root_tags));
    for o in org.ous.values() {
        out.insert(o.id.to_string(), tag_map(&o.tags));
    }
    for (id, a) in members(s) {
        out.insert(id, tag_map(&a.tags));
    }
    for p in org.policies.values().filter(|p| !p.aws_managed) {
        out.insert(p.id.to_string(), tag_map(&p.tags));
    }
    out
}

/// Enabled policy types.
pub fn enabled_types(org: &OrgState) -> BTreeSet<PolicyType> {
    org.policy_types.iter().filter(|(_, s)| **s == PolicyTypeStatus::Enabled).map(|(t, _)| *t).collect()
}

/// Attachments as (policy, target) pairs, in A's ids.
pub fn attachment_set(org: &OrgState, to_a: &dyn Fn(&str) -> String) -> BTreeSet<(String, String)> {
    org.attachments
        .iter()
        .flat_map(|(t, v)| v.iter().map(move |x| (to_a(x.policy.as_str()), to_a(t))))
        .collect()
}

/// The differences from A to B. Both must hold an organization.
pub fn diff(a_state: &EngineState, b_state: &EngineState) -> OrgDiff {
    let (Some(a), Some(b)) = (&a_state.org, &b_state.org) else {
        let same = a_state.org.is_none() && b_state.org.is_none();
        let summary = if same { None } else { Some("one side has no organization".to_string()) };
        return OrgDiff {
            entries: summary
                .map(|s| DiffEntry {
                    section: "accounts",
                    change: "changed",
                    id: String::new(),
                    summary: s,
                    content_diff: None,
                })
                .into_iter()
                .collect(),
        };
    };
    let m = match_orgs(a, b);
    let an = Names { state: a_state, org: a };
    let bn = Names { state: b_state, org: b };
    let mut out = Vec::new();
    let mut push = |section, change, id: &str, summary: String, content_diff| {
        out.push(DiffEntry { section, change, id: id.to_string(), summary, content_diff })
    };
    let (ta, tb) = (enabled_types(a), enabled_types(b));
    for t in tb.difference(&ta) {
        push("policy-types", "added", t.as_str(), format!("{} enabled", t.as_str()), None);
    }
    for t in ta.difference(&tb) {
        push("policy-types", "removed", t.as_str(), format!("{} disabled", t.as_str()), None);
    }
    let (sa, sb): (BTreeSet<_>, BTreeSet<_>) =
        (a.trusted_services.keys().collect(), b.trusted_services.keys().collect());
    for s in sb.difference(&sa) {
        push("trusted-services", "added", s, format!("{s} trusted access enabled"), None);
    }
    for s in sa.difference(&sb) {
        push("trusted-services", "removed", s, format!("{s} trusted access disabled"), None);
    }
    let (ma, mb) = (members(a_state), members(b_state));
    for (id, acc) in &mb {
        match ma.get(id) {
            None => push(
                "accounts",
                "added",
                id,
                format!("{} ({id}) in {}", acc.name, bn.place(&parent_of(acc).unwrap_or_default())),
                None,
            ),
            Some(old) => {
                let (pa, pb) =
                    (parent_of(old).unwrap_or_default(), m.to_a(&parent_of(acc).unwrap_or_default()));
                if pa != pb {
                    let to = bn.place(&parent_of(acc).unwrap_or_default());
                    push(
                        "accounts",
                        "moved",
                        id,
                        format!("{} ({id}): {} -> {to}", acc.name, an.place(&pa)),
                        None,
                    );
                }
                if old.name != acc.name {
                    push("accounts", "renamed", id, format!("{id}: {:?} -> {:?}", old.name, acc.name), None);
                }
                if closed(acc.state) && !closed(old.state) {
                    push("accounts", "closed", id, format!("{} ({id}) closed", acc.name), None);
                }
                if closed(old.state) && !closed(acc.state) {
                    push("accounts", "reopened", id, format!("{} ({id}) no longer closed", acc.name), None);
                }
            }
        }
    }
    for (id, acc) in &ma {
        if !mb.contains_key(id) {
            push("accounts", "removed", id, format!("{} ({id}) left the organization", acc.name), None);
        }
    }
    let matched_a: HashSet<&String> = m.ous.values().collect();
    for o in ous_parent_first(b) {
        match m.ous.get(o.id.as_str()) {
            None => push(
                "organizational-units",
                "added",
                o.id.as_str(),
                format!("{} ({})", bn.place(o.id.as_str()), o.id),
                None,
            ),
            Some(aid) => {
                let old = &a.ous[&OuId::parse(aid).expect("matched OU ids are valid")];
                if old.name != o.name {
                    push(
                        "organizational-units",
                        "renamed",
                        aid,
                        format!("{} ({aid}) -> {:?}", an.place(aid), o.name),
                        None,
                    );
                }
                if old.parent.as_str() != m.to_a(o.parent.as_str()) {
                    let summary =
                        format!("{} ({aid}) moved under {}", an.place(aid), bn.place(o.parent.as_str()));
                    push("organizational-units", "moved", aid, summary, None);
                }
            }
        }
    }
    for o in ous_parent_first(a).into_iter().rev() {
        if !matched_a.contains(&o.id.to_string()) {
            push(
                "organizational-units",
                "removed",
                o.id.as_str(),
                format!("{} ({})", an.place(o.id.as_str()), o.id),
                None,
            );
        }
    }
    let matched_p: HashSet<&String> = m.policies.values().collect();
    for p in b.policies.values() {
        match m.policies.get(p.id.as_str()) {
            None => push(
                "policies",
                "added",
                p.id.as_str(),
                format!("{} ({}, {})", p.name, p.id, p.policy_type.as_str()),
                None,
            ),
            Some(aid) => {
                let old = a.policies.values().find(|x| x.id.as_str() == aid).expect("matched");
                let mut what = Vec::new();
                if old.name != p.name {
                    what.push(format!("name {:?} -> {:?}", old.name, p.name));
                }
                if old.description != p.description {
                    what.push("description".to_string());
                }
                let cd = (old.content != p.content).then(|| content_diff(&old.content, &p.content));
                if cd.is_some() {
                    what.push("content".to_string());
                }
                if !what.is_empty() {
                    push(
                        "policies",
                        "changed",
                        aid,
                        format!("{} ({aid}): {}", old.name, what.join(", ")),
                        cd,
                    );
                }
            }
        }
    }
    for p in a.policies.values() {
        if !matched_p.contains(&p.id.to_string()) {
            push("policies", "removed", p.id.as_str(), format!("{} ({})", p.name, p.id), None);
        }
    }
    let to_a = |x: &str| m.to_a(x);
    let (aa, ab) = (attachment_set(a, &|x| x.to_string()), attachment_set(b, &to_a));
    let name_b = |id: &str| {
        let b_id = m
            .ous
            .iter()
            .chain(m.policies.iter())
            .find(|(_, v)| v.as_str() == id)
            .map_or(id, |(k, _)| k.as_str());
        if an.any(id) != id { an.any(id) } else { bn.any(b_id) }
    };
    for (p, t) in ab.difference(&aa) {
        push("attachments", "added", p, format!("{} -> {}", name_b(p), name_b(t)), None);
    }
    for (p, t) in aa.difference(&ab) {
        push("attachments", "removed", p, format!("{} -x {}", an.any(p), an.any(t)), None);
    }
    let tags_a = tagged(a_state, a);
    for (bid, tb) in tagged(b_state, b) {
        if m.is_new(&bid) {
            continue;
        }
        let id = m.to_a(&bid);
        let empty = BTreeMap::new();
        let ta = tags_a.get(&id).unwrap_or(&empty);
        let mut parts = Vec::new();
        for (k, v) in &tb {
            match ta.get(k) {
                None => parts.push(format!("+{k}={v}")),
                Some(old) if old != v => parts.push(format!("{k}: {old} -> {v}")),
                _ => {}
            }
        }
        parts.extend(ta.keys().filter(|k| !tb.contains_key(*k)).map(|k| format!("-{k}")));
        if !parts.is_empty() {
            push("tags", "changed", &id, format!("{}: {}", an.any(&id), parts.join(", ")), None);
        }
    }
    let da: BTreeSet<(String, String)> =
        a.delegated_admins.keys().map(|(x, s)| (x.to_string(), s.clone())).collect();
    let db: BTreeSet<(String, String)> =
        b.delegated_admins.keys().map(|(x, s)| (x.to_string(), s.clone())).collect();
    for (acc, s) in db.difference(&da) {
        push("delegated-administrators", "added", acc, format!("{} for {s}", bn.any(acc)), None);
    }
    for (acc, s) in da.difference(&db) {
        push("delegated-administrators", "removed", acc, format!("{} for {s}", an.any(acc)), None);
    }
    let order = |s: &str| SECTIONS.iter().position(|(k, _)| *k == s).unwrap_or(usize::MAX);
    out.sort_by_key(|e| order(e.section));
    OrgDiff { entries: out }
}
