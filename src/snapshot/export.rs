//! Export formats of `orgtui export`: the snapshot JSON, an indented tree, Mermaid and DOT
//! graphs, and CSV of accounts. Every name is sanitized: control characters (terminal escape
//! sequences in a hostile account name) are shown as `\u{..}` escapes, never emitted raw.

use crate::engine::{EngineState, Membership, OrgState};
pub use crate::model::text::sanitize;
use crate::model::*;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The orgtui-snapshot/1 document.
    Json,
    /// An indented tree of root, OUs and accounts.
    Tree,
    /// A Mermaid flowchart.
    Mermaid,
    /// A Graphviz digraph.
    Dot,
    /// One CSV row per account.
    Csv,
}

/// Children of each parent: OUs sorted by name, accounts by name.
struct Tree<'a> {
    org: &'a OrgState,
    ous: BTreeMap<String, Vec<&'a crate::engine::OuRecord>>,
    accounts: BTreeMap<String, Vec<&'a crate::engine::AccountRecord>>,
}

impl<'a> Tree<'a> {
    fn new(state: &'a EngineState, org: &'a OrgState) -> Self {
        let mut ous: BTreeMap<String, Vec<_>> = BTreeMap::new();
        for ou in org.ous.values() {
            ous.entry(ou.parent.to_string()).or_default().push(ou);
        }
        for v in ous.values_mut() {
            v.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        }
        let mut accounts: BTreeMap<String, Vec<_>> = BTreeMap::new();
        for a in state.accounts.values() {
            if let Membership::Member(p) = &a.membership {
                accounts.entry(p.to_string()).or_default().push(a);
            }
        }
        for v in accounts.values_mut() {
            v.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        }
        Tree { org, ous, accounts }
    }

    fn policy_names(&self, target: &str) -> String {
        let names: Vec<String> = self
            .org
            .attached(target)
            .iter()
            .filter_map(|a| self.org.policies.get(&a.policy))
            .map(|p| format!("{}:{}", p.policy_type.short_name(), sanitize(&p.name)))
            .collect();
        if names.is_empty() { String::new() } else { format!("  [{}]", names.join(", ")) }
    }
}

/// Renders state in a format (`extras` is used by `Json` only).
pub fn render(format: ExportFormat, state: &EngineState, extras: &super::Extras, now: Timestamp) -> String {
    match format {
        ExportFormat::Json => super::to_json(state, extras, now),
        ExportFormat::Tree => tree(state),
        ExportFormat::Mermaid => mermaid(state),
        ExportFormat::Dot => dot(state),
        ExportFormat::Csv => csv(state),
    }
}

/// The indented tree.
pub fn tree(state: &EngineState) -> String {
    let Some(org) = &state.org else {
        return format!("Account {} is not in an organization.\n", state.home_account);
    };
    let t = Tree::new(state, org);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Organization {} ({} features), management account {}",
        org.id,
        if org.feature_set == FeatureSet::All { "all" } else { "consolidated billing" },
        org.management
    );
    let root = org.root_id.to_string();
    let _ = writeln!(out, "Root {}{}", root, t.policy_names(&root));
    tree_children(&t, &root, "", &mut out);
    out
}

fn tree_children(t: &Tree, parent: &str, prefix: &str, out: &mut String) {
    let ous = t.ous.get(parent).map(Vec::as_slice).unwrap_or(&[]);
    let accs = t.accounts.get(parent).map(Vec::as_slice).unwrap_or(&[]);
    let total = ous.len() + accs.len();
    for (i, ou) in ous.iter().enumerate() {
        let last = i + 1 == total;
        let id = ou.id.to_string();
        let _ = writeln!(
            out,
            "{prefix}{}{} ({}){}",
            if last { "└── " } else { "├── " },
            sanitize(&ou.name),
            id,
            t.policy_names(&id)
        );
        tree_children(t, &id, &format!("{prefix}{}", if last { "    " } else { "│   " }), out);
    }
    for (j, a) in accs.iter().enumerate() {
        let last = ous.len() + j + 1 == total;
        let state = if a.state == AccountState::Active { String::new() } else { format!(" {}", a.state) };
        let mgmt = if t.org.management == a.id { " (management)" } else { "" };
        let _ = writeln!(
            out,
            "{prefix}{}{} {}{}{}{}",
            if last { "└── " } else { "├── " },
            sanitize(&a.name),
            a.id,
            mgmt,
            state,
            t.policy_names(a.id.as_str())
        );
    }
}

/// Node label safe inside Mermaid double quotes.
fn mermaid_label(s: &str) -> String {
    sanitize(s).replace('"', "#quot;").replace('<', "#lt;").replace('>', "#gt;")
}

/// A Mermaid flowchart of the tree.
pub fn mermaid(state: &EngineState) -> String {
    let mut out = String::from("flowchart TD\n");
    let Some(org) = &state.org else { return out };
    let node = |id: &str| id.replace('-', "_");
    let _ = writeln!(out, "  {}[\"Root {}\"]", node(org.root_id.as_str()), org.root_id);
    let t = Tree::new(state, org);
    for (parent, ous) in &t.ous {
        for ou in ous {
            let _ = writeln!(out, "  {}[\"{}\"]", node(ou.id.as_str()), mermaid_label(&ou.name));
            let _ = writeln!(out, "  {} --> {}", node(parent), node(ou.id.as_str()));
        }
    }
    for (parent, accs) in &t.accounts {
        for a in accs {
            let _ = writeln!(out, "  a{}([\"{} {}\"])", a.id, mermaid_label(&a.name), a.id);
            let _ = writeln!(out, "  {} --> a{}", node(parent), a.id);
        }
    }
    out
}

/// Text safe inside a DOT double-quoted string.
fn dot_label(s: &str) -> String {
    sanitize(s).replace('\\', "\\\\").replace('"', "\\\"")
}

/// A Graphviz digraph of the tree.
pub fn dot(state: &EngineState) -> String {
    let mut out = String::from("digraph organization {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
    if let Some(org) = &state.org {
        let _ = writeln!(out, "  \"{0}\" [label=\"Root\\n{0}\", shape=folder];", org.root_id);
        let t = Tree::new(state, org);
        for (parent, ous) in &t.ous {
            for ou in ous {
                let _ = writeln!(
                    out,
                    "  \"{}\" [label=\"{}\\n{}\", shape=folder];",
                    ou.id,
                    dot_label(&ou.name),
                    ou.id
                );
                let _ = writeln!(out, "  \"{parent}\" -> \"{}\";", ou.id);
            }
        }
        for (parent, accs) in &t.accounts {
            for a in accs {
                let _ =
                    writeln!(out, "  \"{}\" [label=\"{}\\n{}\", shape=box];", a.id, dot_label(&a.name), a.id);
                let _ = writeln!(out, "  \"{parent}\" -> \"{}\";", a.id);
            }
        }
    }
    out.push_str("}\n");
    out
}

/// One CSV field: quoted when needed; a leading `=`, `+`, `-` or `@` is prefixed with `'` so
/// spreadsheets do not run it as a formula.
pub fn csv_field(s: &str) -> String {
    let mut s = sanitize(s);
    if s.starts_with(['=', '+', '-', '@']) {
        s.insert(0, '\'');
    }
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}

/// CSV of member accounts: id, name, email, state, joined method and time, parent, path, tags.
pub fn csv(state: &EngineState) -> String {
    let mut out = String::from("id,name,email,state,joined_method,joined_timestamp,parent_id,path,tags\n");
    let Some(org) = &state.org else { return out };
    for a in state.accounts.values() {
        let Membership::Member(parent) = &a.membership else { continue };
        let path: Vec<String> = org
            .chain(parent)
            .iter()
            .map(|p| match p {
                ParentId::Root(_) => "Root".to_string(),
                ParentId::Ou(o) => org.ous.get(o).map_or_else(|| o.to_string(), |x| x.name.clone()),
            })
            .collect();
        let tags: Vec<String> = a.tags.iter().map(|t| format!("{}={}", t.key, t.value)).collect();
        let row = [
            a.id.to_string(),
            a.name.clone(),
            a.email.clone(),
            a.state.to_string(),
            a.joined_method.to_string(),
            a.joined_timestamp.to_rfc3339(),
            parent.to_string(),
            path.join("/"),
            tags.join(";"),
        ];
        let row: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}
