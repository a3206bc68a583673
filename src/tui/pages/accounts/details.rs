//! The details pane of the accounts page: everything about the selected root, OU or account,
//! with attached and inherited policies per type and delegated-admin services.

use crate::model::arn::ArnContext;
use crate::model::text::sanitize;
use crate::model::*;
use crate::tui::tree::{NodeKind, OrgTree};
use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;

fn arns(s: &OrgSnapshot) -> Option<ArnContext> {
    let o = s.organization.as_ref()?;
    Some(ArnContext {
        partition: o.partition.clone(),
        management: o.management_account_id.clone(),
        org: o.id.clone(),
    })
}

/// The ARN of a root, OU or account.
pub fn arn_of(s: &OrgSnapshot, kind: NodeKind, id: &str) -> Option<String> {
    let a = arns(s)?;
    Some(match kind {
        NodeKind::Root => a.root(&RootId::parse(id).ok()?),
        NodeKind::Ou => a.ou(&OuId::parse(id).ok()?),
        NodeKind::Account => s.accounts.iter().find(|x| x.account.id.as_str() == id)?.account.arn.clone(),
    })
}

fn tags_of<'a>(s: &'a OrgSnapshot, kind: NodeKind, id: &str) -> &'a [Tag] {
    match kind {
        NodeKind::Root => s.organization.as_ref().map_or(&[], |o| o.root_tags.as_slice()),
        NodeKind::Ou => {
            s.organizational_units.iter().find(|o| o.id.as_str() == id).map_or(&[], |o| o.tags.as_slice())
        }
        NodeKind::Account => {
            s.accounts.iter().find(|a| a.account.id.as_str() == id).map_or(&[], |a| a.tags.as_slice())
        }
    }
}

/// The lines of the details pane for node `i`.
pub fn lines(
    s: &OrgSnapshot,
    tree: &OrgTree,
    i: usize,
    theme: &Theme,
    costs: Option<&crate::engine::costs::CostData>,
    activity: Option<(&crate::backend::cloudtrail::History, Timestamp)>,
) -> Vec<Line<'static>> {
    let Some(n) = tree.nodes.get(i) else { return Vec::new() };
    let mut out: Vec<Line<'static>> = Vec::new();
    let field = |label: &str, value: String| {
        Line::from(vec![Span::styled(format!("{label:<14}"), theme.dim()), Span::raw(value)])
    };
    let kind = match n.kind {
        NodeKind::Root => "Root",
        NodeKind::Ou => "Organizational unit",
        NodeKind::Account => "AWS account",
    };
    let heading = if n.kind == NodeKind::Root { kind.to_string() } else { format!("{} — {kind}", n.name) };
    out.push(Line::from(Span::styled(heading, theme.title())));
    out.push(field("Id", n.id.clone()));
    if let Some(arn) = arn_of(s, n.kind, &n.id) {
        out.push(field("ARN", sanitize(&arn)));
    }
    if let (NodeKind::Account, Some(a)) = (n.kind, s.accounts.iter().find(|a| a.account.id.as_str() == n.id))
    {
        let acc = &a.account;
        out.push(field("Email", sanitize(&acc.email)));
        let state = if acc.state.as_str() == acc.status.as_str() {
            acc.state.to_string()
        } else {
            format!("{} (status {})", acc.state, acc.status)
        };
        out.push(field("State", state));
        out.push(field("Joined", format!("{} on {}", acc.joined_method, acc.joined_timestamp.to_rfc3339())));
        if let Some(trend) = costs.and_then(|c| crate::tui::pages::billing::account_trend(c, acc.id.as_str()))
        {
            out.push(field("Cost", trend));
        }
        if s.organization.as_ref().is_some_and(|o| o.management_account_id == acc.id) {
            out.push(field("Role", "management account".into()));
        }
    }
    if n.kind == NodeKind::Root {
        let types: Vec<String> = s
            .organization
            .as_ref()
            .map(|o| o.enabled_policy_types.iter().map(|t| t.short_name().to_string()).collect())
            .unwrap_or_default();
        out.push(field(
            "Policy types",
            if types.is_empty() { "none enabled".into() } else { types.join(", ") },
        ));
    }
    let path: Vec<String> = tree.path(i).into_iter().map(|j| tree.nodes[j].name.clone()).collect();
    out.push(field("Path", path.join(" / ")));
    if let Some((h, now)) = activity {
        let name =
            |id: &str| tree.index_of(id).map_or_else(|| id.to_string(), |j| tree.nodes[j].name.clone());
        if let Some(line) = crate::tui::pages::activity::summary::history_line(h, &n.id, &name, now) {
            out.push(field("Last change", sanitize(&line)));
        }
    }

    let tags = tags_of(s, n.kind, &n.id);
    out.push(Line::default());
    out.push(Line::from(Span::styled(format!("Tags ({})", tags.len()), theme.title())));
    if tags.is_empty() {
        out.push(Line::from(Span::styled("  none", theme.dim())));
    }
    for t in tags {
        out.push(Line::from(format!("  {} = {}", sanitize(&t.key), sanitize(&t.value))));
    }

    // Policies: direct on this node, inherited from each ancestor (root first).
    out.push(Line::default());
    out.push(Line::from(Span::styled("Policies", theme.title())));
    let names: std::collections::HashMap<&str, (&str, PolicyType)> = s
        .policies
        .iter()
        .map(|p| (p.summary.id.as_str(), (p.summary.name.as_str(), p.summary.r#type)))
        .collect();
    let path_nodes = tree.path(i);
    // One pass over the attachments: those on this node or its ancestors, in path order.
    let mut on_path: Vec<(usize, &str)> = s
        .attachments
        .iter()
        .filter_map(|a| {
            let depth = path_nodes.iter().position(|&j| tree.nodes[j].id == a.target_id.as_str())?;
            Some((depth, a.policy_id.as_str()))
        })
        .collect();
    on_path.sort_by_key(|(depth, _)| *depth);
    let mut any = false;
    for ty in PolicyType::ALL {
        let mut rows = Vec::new();
        for &(depth, pid) in &on_path {
            let Some((pname, pty)) = names.get(pid) else { continue };
            if *pty != *ty {
                continue;
            }
            let j = path_nodes[depth];
            let how = if j == i {
                "attached".to_string()
            } else {
                format!("inherited from {}", tree.nodes[j].name)
            };
            rows.push(format!("    {} ({pid})  {how}", sanitize(pname)));
        }
        if !rows.is_empty() {
            any = true;
            out.push(Line::from(format!("  {}", ty.short_name())));
            out.extend(rows.into_iter().map(Line::from));
        }
    }
    if !any {
        out.push(Line::from(Span::styled("  none", theme.dim())));
    }

    if n.kind == NodeKind::Account {
        let services: Vec<String> = s
            .delegated_administrators
            .iter()
            .filter(|d| d.account_id.as_str() == n.id)
            .map(|d| sanitize(&d.service_principal))
            .collect();
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            format!("Delegated administrator for ({})", services.len()),
            theme.title(),
        )));
        if services.is_empty() {
            out.push(Line::from(Span::styled("  no services", theme.dim())));
        }
        out.extend(services.into_iter().map(|s| Line::from(format!("  {s}"))));
    }
    if n.kind != NodeKind::Account {
        let (ous, accounts) = n.children.iter().fold((0, 0), |(o, a), &c| match tree.nodes[c].kind {
            NodeKind::Account => (o, a + 1),
            _ => (o + 1, a),
        });
        out.push(Line::default());
        out.push(field("Children", format!("{ous} OUs, {accounts} accounts")));
    }
    out
}
