//! Drawing the Activity page: the organization trail's state on top, the timeline (time, who,
//! what, target, outcome), the filter line, or one event's whole JSON.

use super::State;
use super::filter::{target, who};
use super::summary::trail_note;
use crate::backend::cloudtrail::Source;
use crate::model::text::sanitize;
use crate::tui::cx::View;
use crate::tui::widgets::json;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

fn when(t: crate::model::Timestamp) -> String {
    let s = t.to_rfc3339();
    format!("{} {}", &s[..10], &s[11..16])
}

/// Draws the page.
pub fn draw(f: &mut Frame, cx: &View<'_, State>, area: Rect) {
    let t = &cx.shared.theme;
    let st = cx.st;
    let block = |title: String| t.pane(title, true);
    let Some(h) = st.history.as_ref() else {
        let msg = if st.loading {
            format!("{} Reading CloudTrail's event history (2 requests a second)…", t.spinner(cx.shared.tick))
        } else {
            "CloudTrail's event history has not been read.\n\nEnter reads the Organizations events of the last \
             90 days (LookupEvents, paced at 2 requests a second), and the trails.\nH on an account, OU or \
             policy shows its history."
                .to_string()
        };
        let p = Paragraph::new(msg).wrap(Wrap { trim: false }).block(block(" Activity ".into()));
        f.render_widget(p, area);
        return;
    };
    if let Some(scroll) = st.detail {
        let Some(e) = st.current() else { return };
        let text = serde_json::to_string_pretty(e).unwrap_or_default();
        let lines: Vec<Line<'static>> = text.lines().map(|l| json::line(&sanitize(l), t)).collect();
        let title = format!(" {} by {} — Esc back ", sanitize(&e.event_name), sanitize(who(e)));
        f.render_widget(Paragraph::new(lines).scroll((scroll, 0)).block(block(title)), area);
        return;
    }
    let show_filter = st.filtering || !st.filter.is_empty() || st.from.is_some();
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(1), Constraint::Min(3), Constraint::Length(u16::from(show_filter))])
        .split(area);
    let (ok, summary) = trail_note(&h.trails);
    let style = if ok { t.dim() } else { t.danger() };
    f.render_widget(Paragraph::new(Line::styled(summary, style)), parts[0]);
    let wide = area.width >= 110;
    // Live sessions merge orgtui's journal in: a source column tells the two apart.
    let sourced = h.journaled > 0;
    let rows: Vec<Row<'static>> = st
        .rows
        .iter()
        .filter_map(|&i| h.events.get(i))
        .map(|e| {
            let outcome = e
                .error_code
                .clone()
                .map_or_else(|| "ok".to_string(), |c| c.trim_end_matches("Exception").to_string());
            let mut cells = vec![Cell::from(when(e.event_time))];
            if sourced {
                cells.push(Cell::from(match (Source::of(e), wide) {
                    (Source::Journal, _) => "orgtui",
                    (Source::CloudTrail, true) => "CloudTrail",
                    (Source::CloudTrail, false) => "CT",
                }));
            }
            cells.push(Cell::from(sanitize(who(e))));
            cells.push(Cell::from(sanitize(&e.event_name)));
            cells.push(Cell::from(sanitize(&target(e))));
            cells.push(Cell::from(outcome));
            if wide && !sourced {
                cells.push(Cell::from(sanitize(&e.source_ip_address)));
            }
            Row::new(cells)
        })
        .collect();
    let narrow = u16::from(sourced && !wide) * 2;
    let mut widths = vec![
        Constraint::Length(16),
        Constraint::Length(if wide { 22 } else { 16 - narrow }),
        Constraint::Length(if wide { 26 } else { 18 - narrow }),
        Constraint::Min(10),
        Constraint::Length(if wide { 20 } else { 10 }),
    ];
    let mut header = vec!["Time (UTC)", "Who", "What", "Target", "Outcome"];
    if sourced {
        widths.insert(1, Constraint::Length(if wide { 10 } else { 6 }));
        header.insert(1, "Source");
    }
    if wide && !sourced {
        widths.push(Constraint::Length(15));
        header.push("Source IP");
    }
    let total = h.events.len();
    let title = if sourced {
        format!(
            " Activity — {} of {total} events (CloudTrail, orgtui's journal), newest first ",
            st.rows.len()
        )
    } else {
        format!(" Activity — {} of {total} Organizations events, newest first ", st.rows.len())
    };
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(t.title()))
        .row_highlight_style(t.selected())
        .block(block(title));
    let mut ts =
        TableState::default().with_selected(if st.rows.is_empty() { None } else { Some(st.selected) });
    f.render_stateful_widget(table, parts[1], &mut ts);
    if show_filter {
        let window = match (st.from, st.to) {
            (Some(a), Some(b)) => format!("  [{} – {}]", when(a), when(b)),
            (Some(a), None) => format!("  [since {}]", when(a)),
            _ => String::new(),
        };
        let label = format!("/{}{window}", st.filter.value());
        f.render_widget(Paragraph::new(Line::styled(sanitize(&label), t.focus())), parts[2]);
    }
}
