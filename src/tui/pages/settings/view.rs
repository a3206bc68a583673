//! Drawing the Settings page: organization and policy types on the left, the resource policy
//! and the quotas on the right.

use super::State;
use super::{highlight, policy_types};
use crate::model::arn::ArnContext;
use crate::model::text::sanitize;
use crate::model::*;
use crate::tui::cx::View;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

/// The lines of the resource policy pane.
pub fn policy_lines(cx: &View<'_, State>) -> Vec<Line<'static>> {
    let t = &cx.shared.theme;
    match cx.shared.data.as_ref().and_then(|d| d.snapshot.resource_policy.as_ref()) {
        Some(p) => {
            let mut out = vec![Line::from(Span::styled(
                format!("{} · {} characters", p.id, p.content.chars().count()),
                t.dim(),
            ))];
            out.extend(highlight(&p.content, t));
            out
        }
        None => vec![Line::from("No resource policy: no account is delegated Organizations actions.")],
    }
}

fn quota_lines(cx: &View<'_, State>) -> Vec<Line<'static>> {
    let t = &cx.shared.theme;
    let q = cx.shared.quotas.clone().unwrap_or_default();
    let row = |label: &str, value: String| {
        Line::from(vec![Span::styled(format!("{label:<19}"), t.dim()), Span::raw(value)])
    };
    vec![
        row("Accounts", format!("{} (open invitations count)", q.max_accounts)),
        row("OUs", q.max_ous.to_string()),
        row("OU depth", q.max_ou_depth.to_string()),
        row("Creations at once", q.max_concurrent_create_account.to_string()),
        row("Closures at once", q.max_concurrent_closures.to_string()),
        row(
            "Closures / 30 days",
            format!("max({}, 20% of members) ≤ {}", q.min_closures_per_30_days, q.max_closures_per_30_days),
        ),
        row("Removal wait", format!("{} days after creation", q.removal_wait_days)),
        row("Tags per resource", q.max_tags.to_string()),
        row("Invitations / 24 h", format!("max({}, account quota)", q.min_invitations_per_day)),
        row("All features", format!("migrate under {} accounts", q.max_accounts_for_all_features_migration)),
        row("Resource policy", format!("{} characters", q.max_resource_policy_size)),
    ]
}

fn org_lines(cx: &View<'_, State>, s: &OrgSnapshot) -> Vec<Line<'static>> {
    let t = &cx.shared.theme;
    let field = |label: &str, value: String| {
        Line::from(vec![Span::styled(format!("{label:<12}"), t.dim()), Span::raw(value)])
    };
    let Some(o) = &s.organization else { return vec![Line::from("This account is not in an organization.")] };
    let arn = ArnContext {
        partition: o.partition.clone(),
        management: o.management_account_id.clone(),
        org: o.id.clone(),
    }
    .organization();
    let mgmt = s.accounts.iter().find(|a| a.account.id == o.management_account_id);
    let name = mgmt.map_or_else(String::new, |a| sanitize(&a.account.name));
    let email = mgmt.map_or_else(|| "—".to_string(), |a| sanitize(&a.account.email));
    let migrating = s
        .handshakes
        .iter()
        .find(|h| h.action == HandshakeAction::EnableAllFeatures && !h.state.is_terminal());
    let features = match (o.feature_set, migrating) {
        (FeatureSet::All, _) => "ALL (all features)".to_string(),
        (_, Some(h)) => format!("CONSOLIDATED_BILLING — migrating ({} {}, Invitations)", h.id, h.state),
        _ => "CONSOLIDATED_BILLING — F enables all features".to_string(),
    };
    let mut out = vec![
        field("Id", o.id.to_string()),
        field("Feature set", features),
        field("Management", format!("{} {name}", o.management_account_id)),
        field("Email", email),
        field("Root", o.root_id.to_string()),
        field("ARN", sanitize(&arn)),
    ];
    // The trail note, once the trails are read (opening the page asks for them).
    let note = match &cx.st.trails {
        Some(Ok(trails)) => Some(crate::tui::pages::activity::summary::trail_note(trails)),
        Some(Err(e)) => Some((false, format!("trails unknown: {e}"))),
        None => None,
    };
    if let Some((ok, text)) = note {
        let style = if ok { t.dim() } else { t.danger() };
        out.push(Line::from(vec![
            Span::styled(format!("{:<12}", "CloudTrail"), t.dim()),
            Span::styled(sanitize(&text), style),
        ]));
    }
    out
}

/// Draws the page.
pub fn draw(f: &mut Frame, cx: &View<'_, State>, area: Rect) {
    let t = &cx.shared.theme;
    let Some(d) = cx.shared.data.as_ref() else {
        let msg = format!("{} Loading the organization…", t.spinner(cx.shared.tick));
        f.render_widget(Paragraph::new(msg).block(cx.shared.theme.block().title(" Settings ")), area);
        return;
    };
    let st = &cx.st;
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(50), Constraint::Percentage(50)])
        .split(area);
    let org_h = (if area.width >= 110 { 10 } else { 11 }) + if st.trails.is_some() { 2 } else { 0 };
    let left = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(org_h), Constraint::Min(3)])
        .split(cols[0]);
    let right = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Percentage(55), Constraint::Percentage(45)])
        .split(cols[1]);
    f.render_widget(
        Paragraph::new(org_lines(cx, &d.snapshot))
            .wrap(Wrap { trim: false })
            .block(t.block().border_style(t.dim()).title(" Organization ")),
        left[0],
    );

    let enabled: &[PolicyType] =
        d.snapshot.organization.as_ref().map_or(&[], |o| o.enabled_policy_types.as_slice());
    let rows: Vec<Row<'static>> = policy_types()
        .iter()
        .map(|ty| {
            let status = if enabled.contains(ty) { "ENABLED" } else { "off" };
            Row::new(vec![Cell::from(ty.to_string()), Cell::from(status)])
        })
        .collect();
    let on = policy_types().iter().filter(|t| enabled.contains(t)).count();
    let table = Table::new(rows, [Constraint::Min(24), Constraint::Length(8)])
        .header(Row::new(vec!["Policy type in the root", "Status"]).style(t.dim()))
        .block(t.pane(format!(" Policy types ({on} enabled) "), !st.policy_focused))
        .row_highlight_style(t.selected())
        .highlight_symbol("> ");
    let mut state =
        TableState::default().with_selected(Some(st.selected.min(policy_types().len().saturating_sub(1))));
    f.render_stateful_widget(table, left[1], &mut state);

    let lines = policy_lines(cx);
    let inner_h = right[0].height.saturating_sub(2);
    let max = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_sub(inner_h);
    let edit = cx.shared.keymap.key_of("edit-resource-policy").unwrap_or_else(|| "E".into());
    f.render_widget(
        Paragraph::new(lines)
            .scroll((st.scroll.min(max), 0))
            .block(t.pane(format!(" Resource policy — {edit} edit · tab scroll "), st.policy_focused)),
        right[0],
    );
    f.render_widget(
        Paragraph::new(quota_lines(cx)).wrap(Wrap { trim: false }).block(
            t.block().border_style(t.dim()).title(if cx.shared.quotas.is_some() {
                " Quotas "
            } else {
                " Quotas (AWS defaults) "
            }),
        ),
        right[1],
    );
}
