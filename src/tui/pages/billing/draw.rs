//! Drawing the Billing page: the tree (or sorted list) with cost and change on the left; the
//! selection's service breakdown with bars, its 12-month chart (bars with their values, and a
//! min/max line so it reads without colour) and the top movers on the right.

use super::State;
use crate::engine::costs::{Change, NodeKind, Rollup};
use crate::model::costexplorer::Month;
use crate::model::text::sanitize;
use crate::tui::cx::Shared;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Cell, Paragraph, Row, Table, TableState};

/// `1,234.56`.
pub fn money(v: f64) -> String {
    let cents = (v * 100.0).round() as i64;
    let (sign, cents) = if cents < 0 { ("-", -cents) } else { ("", cents) };
    let units = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{:02}", cents % 100)
}

/// `52k`, `5.2k`, `1.3M`: short enough for a bar.
pub fn short(v: f64) -> String {
    let a = v.abs();
    let s = if a >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if a >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else if a >= 1e3 {
        format!("{:.1}k", v / 1e3)
    } else {
        format!("{v:.0}")
    };
    s
}

/// `+1,234.56` and `+12.3%` (empty without a previous month).
pub fn change_text(c: Option<Change>) -> (String, String) {
    match c {
        Some(c) if c.amount.abs() < 0.005 && c.percent.is_none() => (String::new(), String::new()),
        Some(c) => (
            format!("{}{}", if c.amount >= 0.0 { "+" } else { "" }, money(c.amount)),
            match c.percent {
                Some(p) if p >= 1000.0 => format!("×{:.0}", 1.0 + p / 100.0),
                Some(p) => format!("{p:+.1}%"),
                None => "new".into(),
            },
        ),
        None => (String::new(), String::new()),
    }
}

fn fit(s: &str, w: usize) -> String {
    if s.chars().count() <= w {
        return s.to_string();
    }
    let mut out: String = s.chars().take(w.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Draws the page.
pub fn draw(f: &mut Frame, st: &State, shared: &Shared, area: Rect) {
    let t = &shared.theme;
    let (Some(r), Some(month)) = (st.rollup.as_deref(), st.month) else {
        let msg = if shared.data.is_none() {
            format!("{} Loading the organization…", t.spinner(shared.tick))
        } else if let Some(text) = super::live::empty(st) {
            text
        } else {
            "This source has no cost data (a snapshot's costExplorer section, or --aws with Cost Explorer)."
                .to_string()
        };
        f.render_widget(Paragraph::new(msg).block(t.pane(" Billing ", true)), area);
        return;
    };
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(55), Constraint::Percentage(45)])
        .split(area);
    tree(f, st, shared, r, month, cols[0]);
    let node = st.node().unwrap_or(0);
    let right = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Min(5), Constraint::Length(9), Constraint::Length(6)])
        .split(cols[1]);
    breakdown(f, shared, r, node, month, right[0]);
    chart(f, shared, r, node, month, right[1]);
    movers(f, shared, r, month, right[2]);
}

fn tree(f: &mut Frame, st: &State, shared: &Shared, r: &Rollup, month: Month, area: Rect) {
    let t = &shared.theme;
    let (_, pct) = change_text(r.change(0, month));
    let filter = if st.filtering || !st.filter.is_empty() {
        format!(" · /{}{}", st.filter.value(), if st.filtering { "▏" } else { "" })
    } else {
        String::new()
    };
    // On a live session, when the months were fetched comes first (the title may be cut).
    let live = super::live::note(st).map(|n| format!(" · {n}")).unwrap_or_default();
    let title = format!(
        " Billing {month}{live} · total {} {pct} · sort {}{filter} ",
        money(r.cost(0, month)),
        st.sort.label()
    );
    let wide = area.width >= 60;
    let name_w = area.width.saturating_sub(if wide { 36 } else { 22 }) as usize;
    let body: Vec<Row<'static>> = st
        .rows
        .iter()
        .map(|i| {
            let n = &r.nodes()[*i];
            let indent =
                if st.sort == super::Sort::Tree { "  ".repeat(n.depth as usize) } else { String::new() };
            let mark = match n.kind {
                NodeKind::Root => "◆ ",
                NodeKind::Ou => "▸ ",
                NodeKind::Account => "  ",
            };
            let (d, p) = change_text(r.change(*i, month));
            let name = fit(&format!("{indent}{mark}{}", sanitize(&n.name)), name_w);
            let mut cells =
                vec![Cell::from(name), Cell::from(Line::from(money(r.cost(*i, month))).right_aligned())];
            if wide {
                cells.push(Cell::from(Line::from(d).right_aligned()));
            }
            cells.push(Cell::from(Line::from(p).right_aligned()));
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![Constraint::Min(10), Constraint::Length(12)];
    let mut header = vec!["Name", "Cost"];
    if wide {
        widths.push(Constraint::Length(11));
        header.push("Change");
    }
    widths.push(Constraint::Length(7));
    header.push("Chg %");
    let table = Table::new(body, widths)
        .header(Row::new(header).style(t.title()))
        .row_highlight_style(t.selected())
        .block(t.pane(title, true));
    let mut state = TableState::default().with_selected(Some(st.selected));
    f.render_stateful_widget(table, area, &mut state);
}

fn breakdown(f: &mut Frame, shared: &Shared, r: &Rollup, node: usize, month: Month, area: Rect) {
    let n = &r.nodes()[node];
    let rows = r.breakdown(node, month);
    let inner_w = area.width.saturating_sub(2) as usize;
    let max = rows.iter().map(|(_, v)| v.abs()).fold(0.0, f64::max);
    let (name_w, amount_w) = (inner_w.saturating_sub(12) / 2, 11);
    let bar_w = inner_w.saturating_sub(name_w + amount_w + 2);
    let lines: Vec<Line<'static>> = rows
        .iter()
        .take(area.height.saturating_sub(2) as usize)
        .map(|(s, v)| {
            let len = if max > 0.0 { ((v.max(0.0) / max) * bar_w as f64).round() as usize } else { 0 };
            let bar = if *v < 0.0 { "-".to_string() } else { "█".repeat(len) };
            Line::from(format!("{:<name_w$} {:>amount_w$} {bar}", fit(&sanitize(s), name_w), money(*v)))
        })
        .collect();
    let title = format!(" {} · services {month} ", fit(&sanitize(&n.name), inner_w.saturating_sub(22)));
    let body = if lines.is_empty() { vec![Line::from("No costs this month.")] } else { lines };
    f.render_widget(Paragraph::new(body).block(shared.theme.pane(title, false)), area);
}

fn chart(f: &mut Frame, shared: &Shared, r: &Rollup, node: usize, month: Month, area: Rect) {
    let series = r.series(node, month, 12);
    let inner = area.width.saturating_sub(2);
    let bar_width = (inner.saturating_sub(11) / 12).max(1);
    let bars: Vec<Bar<'static>> = series
        .iter()
        .map(|(m, v)| {
            Bar::default()
                .value(v.max(0.0).round() as u64)
                .text_value(if bar_width >= 3 { short(*v) } else { String::new() })
                .label(Line::from(if bar_width >= 2 { format!("{:02}", m.month()) } else { String::new() }))
        })
        .collect();
    let (lo, hi) = series.iter().fold((f64::MAX, f64::MIN), |(lo, hi), (_, v)| (lo.min(*v), hi.max(*v)));
    let title = format!(" 12 months · min {} max {} now {} ", short(lo), short(hi), short(series[11].1));
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(if bar_width >= 2 { 1 } else { 0 })
        .block(shared.theme.pane(title, false));
    f.render_widget(chart, area);
}

fn movers(f: &mut Frame, shared: &Shared, r: &Rollup, month: Month, area: Rect) {
    let inner_w = area.width.saturating_sub(2) as usize;
    let lines: Vec<Line<'static>> = r
        .top_movers(month, area.height.saturating_sub(2) as usize)
        .into_iter()
        .map(|(i, c)| {
            let (d, p) = change_text(Some(c));
            let name_w = inner_w.saturating_sub(21);
            Line::from(format!("{:<name_w$} {d:>12} {p:>7}", fit(&sanitize(&r.nodes()[i].name), name_w)))
        })
        .collect();
    let body = if lines.is_empty() { vec![Line::from("No change from the previous month.")] } else { lines };
    f.render_widget(Paragraph::new(body).block(shared.theme.pane(" Top movers ", false)), area);
}

/// An account's newest month with data, its cost and a six-month trend in a few characters
/// (`2026-10  1,234.56 ▃▄▄▅▆█ +3.2%`), for the Accounts page's details.
pub fn account_trend(costs: &crate::engine::costs::CostData, id: &str) -> Option<String> {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let a = costs.account_index(id)?;
    let months = costs.months();
    let series: Vec<f64> = (months.len().saturating_sub(6)..months.len())
        .map(|m| costs.cells(m, a).map(|(_, v)| v).sum())
        .collect();
    let (last, month) = (*series.last()?, months.last()?);
    let max = series.iter().cloned().fold(0.0, f64::max);
    let spark: String = series
        .iter()
        .map(|v| if max > 0.0 { LEVELS[((v.max(0.0) / max) * 7.0).round() as usize] } else { LEVELS[0] })
        .collect();
    let before = series.len().checked_sub(2).map(|i| series[i]);
    let (_, pct) = change_text(before.map(|b| Change::between(b, last)));
    Some(format!("{month}  {} {spark} {pct}", money(last)).trim_end().to_string())
}
