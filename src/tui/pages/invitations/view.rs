//! Drawing the Invitations page: the handshake table on top, the selected handshake below.

use super::{Row as HRow, State, counterpart, notes, party, rows};
use crate::model::text::sanitize;
use crate::model::*;
use crate::tui::cx::View;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

/// The date part of a timestamp (`2026-11-20`).
fn date(t: Timestamp) -> String {
    t.to_rfc3339().chars().take(10).collect()
}

/// The direction of a row: sent by the organization, received by the acting account, or both.
fn direction(r: &HRow<'_>) -> &'static str {
    match (r.sent, r.received) {
        (true, true) => "sent, to you",
        (false, true) => "to you",
        _ => "sent",
    }
}

/// Draws the page.
pub fn draw(f: &mut Frame, cx: &View<'_, State>, area: Rect) {
    let t = &cx.shared.theme;
    let rows = rows(cx);
    let who = match &cx.shared.acting_as {
        Some(a) => format!("acting as {a}"),
        None => "as the management account".into(),
    };
    let title = format!(" Invitations ({}) — {who} ", rows.len());
    // The table as tall as its rows (at most half the page); the handshake below gets the rest.
    let table_h = u16::try_from(rows.len() + 3).unwrap_or(u16::MAX).clamp(4, (area.height / 2).max(4));
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(table_h), Constraint::Min(4)])
        .split(area);
    if cx.shared.data.is_none() {
        let msg = format!("{} Loading the organization…", t.spinner(cx.shared.tick));
        f.render_widget(Paragraph::new(msg).block(cx.shared.theme.block().title(title)), area);
        return;
    }
    let wide = area.width >= 110;
    let header = if wide {
        vec!["Handshake", "Action", "State", "With", "Requested", "Expires", "Direction"]
    } else {
        vec!["Handshake", "Action", "State", "With", "Expires"]
    };
    // Handshake ids run from 10 to 34 characters: a long one is shortened with an ellipsis
    // (the handshake pane shows it whole).
    let id_w = rows
        .iter()
        .map(|r| r.handshake.id.as_str().chars().count())
        .max()
        .unwrap_or(9)
        .clamp(9, if wide { 34 } else { 13 });
    let short = |id: &str| {
        if id.chars().count() > id_w {
            format!("{}…", id.chars().take(id_w.saturating_sub(1)).collect::<String>())
        } else {
            id.to_string()
        }
    };
    let body: Vec<Row<'static>> = rows
        .iter()
        .map(|r| {
            let h = r.handshake;
            let mut cells = vec![
                Cell::from(short(h.id.as_str())),
                Cell::from(h.action.to_string()),
                Cell::from(h.state.to_string()),
                Cell::from(counterpart(h)),
            ];
            if wide {
                cells.push(Cell::from(date(h.requested_timestamp)));
            }
            cells.push(Cell::from(date(h.expiration_timestamp)));
            if wide {
                cells.push(Cell::from(direction(r)));
            }
            Row::new(cells)
        })
        .collect();
    let widths: Vec<Constraint> = if wide {
        vec![
            Constraint::Length(u16::try_from(id_w).unwrap_or(13)),
            Constraint::Length(21),
            Constraint::Length(9),
            Constraint::Min(16),
            Constraint::Length(10),
            Constraint::Length(10),
            Constraint::Length(12),
        ]
    } else {
        vec![
            Constraint::Length(u16::try_from(id_w).unwrap_or(13)),
            Constraint::Length(20),
            Constraint::Length(9),
            Constraint::Min(12),
            Constraint::Length(10),
        ]
    };
    let empty = body.is_empty();
    let table = Table::new(body, widths)
        .header(Row::new(header).style(t.dim()))
        .block(cx.shared.theme.block().border_style(t.focus()).title(title))
        .row_highlight_style(t.selected())
        .highlight_symbol("> ");
    let selected = cx.st.selected.min(rows.len().saturating_sub(1));
    let mut state = TableState::default().with_selected((!empty).then_some(selected));
    f.render_stateful_widget(table, parts[0], &mut state);
    if empty {
        let inner =
            Rect { y: parts[0].y + 2, height: 1, x: parts[0].x + 2, width: parts[0].width.saturating_sub(4) };
        f.render_widget(Paragraph::new("No handshakes. Press i to invite an account."), inner);
    }
    let lines = rows.get(selected).map(|r| details(cx, r)).unwrap_or_default();
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(cx.shared.theme.block().border_style(t.dim()).title(" Handshake ")),
        parts[1],
    );
}

fn details(cx: &View<'_, State>, r: &HRow<'_>) -> Vec<Line<'static>> {
    let t = &cx.shared.theme;
    let h = r.handshake;
    let field = |label: &str, value: String| {
        Line::from(vec![Span::styled(format!("{label:<11}"), t.dim()), Span::raw(value)])
    };
    let org = party(h, HandshakePartyType::Organization).unwrap_or("—").to_string();
    let mut out = vec![
        field("Handshake", format!("{} — {} — {}", h.id, h.action, h.state)),
        field("Parties", format!("organization {org} ⇄ {}", counterpart(h))),
        field("Requested", h.requested_timestamp.to_rfc3339()),
        field("Expires", h.expiration_timestamp.to_rfc3339()),
    ];
    if let Some(n) = notes(h) {
        out.push(field("Notes", n));
    }
    let hint = if h.state.is_terminal() {
        "Nothing to do: the handshake is finished.".to_string()
    } else if r.received {
        "a accept · d decline (as the account you act as)".to_string()
    } else if h.action == HandshakeAction::Invite {
        match party(h, HandshakePartyType::Account) {
            Some(acc) => format!("x cancel · A act as {} to accept or decline", sanitize(acc)),
            None => "x cancel · the invited email's account accepts it".to_string(),
        }
    } else {
        // The organization sent it: it may only cancel; the members answer.
        "x cancel · each member accepts or declines (A acts as one)".to_string()
    };
    out.push(Line::from(Span::styled(hint, t.key())));
    out.push(field("ARN", sanitize(&h.arn)));
    out
}
