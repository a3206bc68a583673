//! Drawing the Policies page: the type tabs, the type's state in the root, the list of
//! policies, the selected policy's content and targets, and the picker or effective-policy
//! view on top when open.

use super::State;
use super::{Pane, data, effective, json, picker};
use crate::model::text::sanitize;
use crate::tui::cx::View;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

/// Draws the page into the body area.
pub fn draw(f: &mut Frame, cx: &View<'_, State>, area: Rect) {
    let t = &cx.shared.theme;
    let Some(d) = cx.shared.data.as_ref() else {
        let msg = match &cx.shared.load_error {
            Some(e) => format!("Could not load the organization: {e}\nPress r to retry."),
            None => format!("{} Loading the organization…", t.spinner(cx.shared.tick)),
        };
        let block = cx.shared.theme.block().title(" Policies ");
        f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }).block(block), area);
        return;
    };
    let st = &cx.st;
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(1), Constraint::Length(1), Constraint::Min(4)])
        .split(area);
    tabs(f, cx, rows[0]);
    let ty = st.ty();
    let s = &d.snapshot;
    let root = data::root_id(s).unwrap_or_else(|| "no root".into());
    let list = data::policies_of(s, ty);
    let (attachments, _) = data::attachments_of_type(s, ty);
    let state = if data::enabled(s, ty) {
        Span::styled(format!("ENABLED in root {root}"), t.ok())
    } else {
        Span::styled(format!("DISABLED in root {root} (+ enables)"), t.danger())
    };
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {ty} "), t.title()),
            state,
            Span::raw(format!(" · {} policies · {attachments} attachments", list.len())),
        ])),
        rows[1],
    );
    let main = rows[2];
    let list_h =
        (main.height * 2 / 5).max(5).min(u16::try_from(list.len()).unwrap_or(u16::MAX).saturating_add(3));
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(list_h), Constraint::Min(3)])
        .split(main);
    policy_table(f, cx, parts[0], &data::current_list(cx), list.len());
    let split = if main.width >= 110 { 60 } else { 55 };
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(split), Constraint::Percentage(100 - split)])
        .split(parts[1]);
    content(f, cx, cols[0]);
    targets(f, cx, cols[1]);
    if let Some(v) = &st.effective {
        effective::draw(f, cx, area, v);
    }
    if let Some(p) = &st.picker {
        picker::draw(f, cx, area, p);
    }
}

fn border<'a>(cx: &View<'a, State>, pane: Pane) -> (Style, &'static str) {
    if cx.st.focus == pane && cx.st.effective.is_none() {
        (cx.shared.theme.focus(), cx.shared.theme.glyphs().focus)
    } else {
        (cx.shared.theme.dim(), "")
    }
}

fn tabs(f: &mut Frame, cx: &View<'_, State>, area: Rect) {
    let t = &cx.shared.theme;
    let cur = cx.st.tab;
    let labels: Vec<String> = data::types()
        .iter()
        .enumerate()
        .map(
            |(i, ty)| {
                if i == cur { format!("[{}]", ty.short_name()) } else { format!(" {} ", ty.short_name()) }
            },
        )
        .collect();
    let width = usize::from(area.width).saturating_sub(4);
    // The first tab shown: as far left as possible while the current one still fits.
    let mut start = 0;
    while start < cur && labels[start..=cur].iter().map(|l| l.chars().count() + 1).sum::<usize>() > width {
        start += 1;
    }
    let mut spans = vec![Span::styled(if start > 0 { "<" } else { " " }, t.dim())];
    let mut used = 0;
    let mut end = start;
    for (i, l) in labels.iter().enumerate().skip(start) {
        let w = l.chars().count() + 1;
        if used + w > width {
            break;
        }
        used += w;
        end = i + 1;
        let style = if i == cur { t.selected() } else { Style::default() };
        spans.push(Span::styled(l.clone(), style));
        spans.push(Span::raw(" "));
    }
    if end < labels.len() {
        spans.push(Span::styled(">", t.dim()));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn policy_table(
    f: &mut Frame,
    cx: &View<'_, State>,
    area: Rect,
    list: &[&crate::model::SnapshotPolicy],
    total: usize,
) {
    let t = &cx.shared.theme;
    let Some(d) = cx.shared.data.as_ref() else { return };
    let counts = data::target_counts(&d.snapshot);
    let (style, mark) = border(cx, Pane::List);
    let ty = cx.st.ty();
    let filter = cx.st.filter.value();
    let count = if filter.is_empty() && !cx.st.filtering {
        format!("{total}")
    } else {
        let cursor = if cx.st.filtering { "_" } else { "" };
        format!("{} of {total}, /{}{cursor}", list.len(), sanitize(filter))
    };
    let block = cx
        .shared
        .theme
        .block()
        .border_style(style)
        .title(format!(" {mark}{} policies ({count}) ", ty.short_name()));
    if list.is_empty() {
        let msg = if total > 0 {
            format!("No {} policy matches the filter (esc clears it).", ty.short_name())
        } else {
            format!("No {} policies in this organization.", ty.short_name())
        };
        f.render_widget(Paragraph::new(msg).block(block), area);
        return;
    }
    let name_w = list.iter().map(|p| p.summary.name.chars().count()).max().unwrap_or(4).clamp(4, 28);
    let id_w = list.iter().map(|p| p.summary.id.as_str().len()).max().unwrap_or(2).clamp(2, 20);
    let rows: Vec<Row> = list
        .iter()
        .map(|p| {
            let n = counts.get(p.summary.id.as_str()).copied().unwrap_or(0);
            Row::new(vec![
                Cell::from(sanitize(&p.summary.name)),
                Cell::from(Span::styled(p.summary.id.to_string(), t.dim())),
                Cell::from(if p.summary.aws_managed { "AWS" } else { "cust" }),
                Cell::from(format!("{n:>7}")),
                Cell::from(sanitize(&p.summary.description)),
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(u16::try_from(name_w).unwrap_or(28)),
        Constraint::Length(u16::try_from(id_w).unwrap_or(20)),
        Constraint::Length(7),
        Constraint::Length(7),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths)
        .header(Row::new(vec!["Name", "Id", "Managed", "Targets", "Description"]).style(t.title()))
        .block(block)
        .row_highlight_style(t.selected())
        .highlight_symbol("> ");
    let mut state = TableState::default().with_selected(Some(cx.st.cursor));
    f.render_stateful_widget(table, area, &mut state);
}

fn content(f: &mut Frame, cx: &View<'_, State>, area: Rect) {
    let (style, mark) = border(cx, Pane::Content);
    let Some(p) = data::current(cx) else {
        f.render_widget(cx.shared.theme.block().border_style(style).title(" Content "), area);
        return;
    };
    let text: String = data::pretty(&p.content).lines().map(sanitize).collect::<Vec<_>>().join("\n");
    let lines = json::highlight(&text, &cx.shared.theme);
    let n = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let scroll = cx.st.content_scroll.min(n.saturating_sub(1));
    let title =
        format!(" {mark}Content {} {}/{n} ", sanitize(&p.summary.name), scroll.saturating_add(1).min(n));
    let block = cx.shared.theme.block().border_style(style).title(title);
    f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

fn targets(f: &mut Frame, cx: &View<'_, State>, area: Rect) {
    let t = &cx.shared.theme;
    let (style, mark) = border(cx, Pane::Targets);
    let Some(d) = cx.shared.data.as_ref() else { return };
    let list = data::current(cx)
        .map(|p| data::targets_of(&d.snapshot, &d.tree, p.summary.id.as_str()))
        .unwrap_or_default();
    let block =
        cx.shared.theme.block().border_style(style).title(format!(" {mark}Targets ({}) ", list.len()));
    if list.is_empty() {
        let msg = if data::current(cx).is_some() { "Not attached. a attaches." } else { "" };
        f.render_widget(Paragraph::new(Span::styled(msg, t.dim())).block(block), area);
        return;
    }
    let cursor = cx.st.target_cursor;
    let focused = cx.st.focus == Pane::Targets;
    let rows = usize::from(area.height.saturating_sub(2)).max(1);
    let start = cursor.saturating_sub(rows - 1);
    let inner = usize::from(area.width.saturating_sub(2));
    let lines: Vec<Line> = list
        .iter()
        .enumerate()
        .skip(start)
        .take(rows)
        .map(|(i, tg)| {
            let sel = focused && i == cursor;
            let marker = if i == cursor { ">" } else { " " };
            // The kind shows only when there is room: ids tell it too (r-, ou-, 12 digits).
            let kind = if inner >= 50 { format!("{:<8}", data::kind_word(tg.kind)) } else { String::new() };
            let name_w = inner.saturating_sub(tg.id.len() + kind.len() + 3).max(6);
            let name = crate::tui::widgets::fit(&sanitize(&tg.name), name_w);
            let text = format!("{marker}{kind}{name} {}", tg.id);
            Line::from(Span::styled(text, if sel { t.selected() } else { Style::default() }))
        })
        .collect();
    f.render_widget(Paragraph::new(lines).block(block), area);
}
