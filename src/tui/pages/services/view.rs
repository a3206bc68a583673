//! Drawing the Services page: services with their trusted access on top, the delegated
//! administrators grouped by account below.

use super::{State, admins, services};
use crate::model::text::sanitize;
use crate::tui::cx::View;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

fn date(t: crate::model::Timestamp) -> String {
    t.to_rfc3339().chars().take(10).collect()
}

/// Draws the page.
pub fn draw(f: &mut Frame, cx: &View<'_, State>, area: Rect) {
    let t = &cx.shared.theme;
    if cx.shared.data.is_none() {
        let msg = format!("{} Loading the organization…", t.spinner(cx.shared.tick));
        f.render_widget(Paragraph::new(msg).block(cx.shared.theme.block().title(" Services ")), area);
        return;
    }
    let st = &cx.st;
    let rows = services(cx);
    let admin_rows = admins(cx);
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Percentage(58), Constraint::Percentage(42)])
        .split(area);
    let wide = area.width >= 110;
    let enabled = rows.iter().filter(|r| r.enabled.is_some()).count();

    let body: Vec<Row<'static>> = rows
        .iter()
        .map(|r| {
            let access = r.enabled.map_or_else(|| "off".to_string(), |d| format!("on since {}", date(d)));
            let admins = match (r.admins, r.max_admins) {
                (0, 0) => "—".to_string(),
                (n, 0) => n.to_string(),
                (n, m) => format!("{n}/{m}"),
            };
            let mut cells = vec![Cell::from(r.principal.clone())];
            if wide {
                cells.push(Cell::from(r.name.clone()));
            }
            cells.push(Cell::from(access));
            cells.push(Cell::from(admins));
            Row::new(cells)
        })
        .collect();
    let (header, widths) = if wide {
        (
            vec!["Service principal", "Service", "Trusted access", "Admins"],
            vec![Constraint::Min(30), Constraint::Length(34), Constraint::Length(20), Constraint::Length(7)],
        )
    } else {
        (
            vec!["Service principal", "Trusted access", "Admins"],
            vec![Constraint::Min(30), Constraint::Length(20), Constraint::Length(7)],
        )
    };
    let title = if st.filtering || !st.filter.is_empty() {
        let cursor = if st.filtering { "_" } else { "" };
        format!(" Services — filter: {}{cursor} ({} match) ", sanitize(st.filter.value()), rows.len())
    } else {
        format!(" Services — trusted access ({enabled} of {} on) · / filter ", rows.len())
    };
    let table = Table::new(body, widths)
        .header(Row::new(header).style(t.dim()))
        .block(t.pane(title, !st.admins_focused))
        .row_highlight_style(t.selected())
        .highlight_symbol("> ");
    let mut state = TableState::default()
        .with_selected((!rows.is_empty()).then_some(st.selected.min(rows.len().saturating_sub(1))));
    f.render_stateful_widget(table, parts[0], &mut state);

    let mut last = String::new();
    let body: Vec<Row<'static>> = admin_rows
        .iter()
        .map(|r| {
            let who = if r.account == last { String::new() } else { format!("{} {}", r.name, r.account) };
            last = r.account.clone();
            Row::new(vec![Cell::from(who), Cell::from(r.principal.clone()), Cell::from(date(r.since))])
        })
        .collect();
    let accounts = {
        let mut a: Vec<&str> = admin_rows.iter().map(|r| r.account.as_str()).collect();
        a.dedup();
        a.len()
    };
    let title = format!(" Delegated administrators ({} for {accounts} accounts) — tab ", admin_rows.len());
    let table = Table::new(body, [Constraint::Length(30), Constraint::Min(24), Constraint::Length(10)])
        .header(Row::new(vec!["Account", "Administers", "Since"]).style(t.dim()))
        .block(t.pane(title, st.admins_focused))
        .row_highlight_style(t.selected())
        .highlight_symbol(if st.admins_focused { "> " } else { "  " });
    let sel = (st.admins_focused && !admin_rows.is_empty())
        .then_some(st.admin_selected.min(admin_rows.len().saturating_sub(1)));
    let mut state = TableState::default().with_selected(sel);
    f.render_stateful_widget(table, parts[1], &mut state);
}
