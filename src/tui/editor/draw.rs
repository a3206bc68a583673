//! Drawing the editor over the page body: the text with a gutter of line numbers and finding
//! marks, the finding of the cursor line, the size meter, and the step on top (draft offer,
//! completion list, name and description, save confirmation).

use super::State;
use super::{Editor, Mode, save, severity_mark};
use crate::model::text::sanitize;
use crate::tui::cx::View;
use crate::tui::theme::Theme;
use crate::tui::widgets::json::{Class, classify, style};
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

/// Text rows the editor shows in a terminal `height` rows high (header, status and footer
/// rows, the border, the message row and the meter row taken off).
pub fn text_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(7)).max(1)
}

/// Draws the editor into the body `area`, and its keys into the `footer` row.
pub fn draw(f: &mut Frame, cx: &View<'_, State>, area: Rect, footer: Rect) {
    let Some(e) = cx.st.as_ref() else { return };
    let t = &cx.shared.theme;
    f.render_widget(Clear, area);
    let [errs, sec, warn, sugg] = e.counts();
    let counts = if area.width >= 110 {
        format!("E {errs} error(s), S {sec} security, W {warn} warning(s), i {sugg} suggestion(s)")
    } else {
        format!("E{errs} S{sec} W{warn} i{sugg}")
    };
    let title = format!(" Editing {} | {counts} ", e.target.label());
    let block = t.block().border_style(t.focus()).title(Span::styled(title, t.title()));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Min(1), Constraint::Length(1), Constraint::Length(1)])
        .split(inner);
    match &e.mode {
        Mode::Confirm(c) => confirmation(f, cx, e, c, rows[0]),
        _ => text(f, e, t, rows[0]),
    }
    f.render_widget(Paragraph::new(message(e, t)), rows[1]);
    f.render_widget(Paragraph::new(meter(e, t)), rows[2]);
    f.render_widget(Clear, footer);
    f.render_widget(Paragraph::new(keys(e, t)), footer);
    match &e.mode {
        Mode::Offer(o) => {
            let lines = vec![
                Line::from(format!("A draft of this policy from {} exists", sanitize(&o.saved_at))),
                Line::from(format!("({} characters, not saved to AWS).", o.text.chars().count())),
                Line::from(""),
                Line::from(vec![
                    Span::styled("r", t.key()),
                    Span::raw(" restore   "),
                    Span::styled("d", t.key()),
                    Span::raw(" discard   "),
                    Span::styled("esc", t.key()),
                    Span::raw(" close"),
                ]),
            ];
            boxed(f, t, " Draft found ", lines, rows[0]);
        }
        Mode::Details { focus } => {
            // Each field shows the part of its text around the cursor, the box at most 72 wide.
            let room = rows[0].width.min(72).saturating_sub(4);
            let mut cursor = None;
            let mut field = |row: u16, label: &str, v: &crate::tui::widgets::input::Input, on: bool| {
                let lead = format!("{}{label}: ", if on { "> " } else { "  " });
                let left = u16::try_from(lead.chars().count()).unwrap_or(u16::MAX);
                let (shown, col) = v.window(room.saturating_sub(left).max(1), on);
                if on {
                    cursor = Some((left + col, row));
                }
                Line::from(vec![Span::raw(lead), Span::styled(shown, t.key())])
            };
            let lines = vec![
                field(0, "Name", &e.name, *focus == 0),
                field(1, "Description", &e.description, *focus == 1),
                Line::from(""),
                Line::styled("enter next / continue   tab switch   esc back", t.dim()),
            ];
            let r = boxed(f, t, " New policy ", lines, rows[0]);
            if let Some((x, y)) = cursor {
                let (x, y) = (r.x.saturating_add(1 + x), r.y.saturating_add(1 + y));
                if x + 1 < r.right() && y + 1 < r.bottom() {
                    f.set_cursor_position((x, y));
                }
            }
        }
        Mode::Complete(c) => popup(f, e, t, c, rows[0]),
        _ => {}
    }
}

/// Width of the gutter: line number, mark, blank.
fn gutter_width(e: &Editor) -> usize {
    e.area.lines().len().to_string().len() + 2
}

/// The first column shown so that the cursor is visible in `width` text columns.
fn left_col(e: &Editor, width: usize) -> usize {
    let col = e.area.cursor().1;
    (col + 1).saturating_sub(width.max(1))
}

/// The first row shown: the remembered one, moved so the cursor is visible.
fn top_row(e: &Editor, height: usize) -> usize {
    let row = e.area.cursor().0;
    e.top.min(row).max((row + 1).saturating_sub(height.max(1)))
}

fn text(f: &mut Frame, e: &Editor, t: &Theme, area: Rect) {
    let gw = gutter_width(e);
    let width = usize::from(area.width).saturating_sub(gw);
    let height = usize::from(area.height);
    let (top, left) = (top_row(e, height), left_col(e, width));
    let ratatui_textarea::DataCursor(crow, ccol) = e.area.cursor();
    let mut out = Vec::with_capacity(height);
    for (i, line) in e.area.lines().iter().enumerate().skip(top).take(height) {
        let mark = e.worst_on(i + 1).map_or(' ', |fi| severity_mark(fi.severity));
        let mut spans = vec![Span::styled(
            format!("{:>w$}{mark} ", i + 1, w = gw - 2),
            if mark == ' ' { t.dim() } else { t.danger() },
        )];
        let classes = classify(line);
        let mut run = String::new();
        let mut run_style = Style::default();
        for (j, ch) in line.chars().enumerate().skip(left).take(width) {
            let mut s = style(classes.get(j).copied().unwrap_or(Class::Plain), t);
            if i == crow && j == ccol {
                s = s.add_modifier(Modifier::REVERSED);
            }
            if s != run_style && !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), run_style));
            }
            run_style = s;
            run.push(match ch {
                '\t' => ' ',
                c if c.is_control() => '?',
                c => c,
            });
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, run_style));
        }
        if i == crow && ccol >= line.chars().count() {
            spans.push(Span::styled(" ", Style::default().add_modifier(Modifier::REVERSED)));
        }
        out.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(out), area);
    if matches!(e.mode, Mode::Edit) {
        let x = area.x.saturating_add(u16::try_from(gw + ccol.saturating_sub(left)).unwrap_or(u16::MAX));
        let y = area.y.saturating_add(u16::try_from(crow.saturating_sub(top)).unwrap_or(u16::MAX));
        if x < area.right() && y < area.bottom() {
            f.set_cursor_position((x, y));
        }
    }
}

fn message(e: &Editor, t: &Theme) -> Line<'static> {
    if let Mode::Saving { .. } = e.mode {
        return Line::from("Saving…");
    }
    if let Some(err) = &e.error {
        return Line::styled(format!("ERROR saving: {}", sanitize(err)), t.danger());
    }
    if let Some(n) = &e.note {
        return Line::from(sanitize(n));
    }
    let line = e.area.cursor().0 + 1;
    let here: Vec<_> = e.findings.iter().filter(|f| f.line == line).collect();
    if let Some(first) = here.first() {
        let more = if here.len() > 1 { format!(" (+{} more)", here.len() - 1) } else { String::new() };
        let text = format!(
            "{}:{} {} {} {}{more}",
            first.line,
            first.column,
            first.severity,
            first.code,
            sanitize(&first.message)
        );
        return Line::styled(text, t.danger());
    }
    match e.findings.first() {
        Some(f) => Line::styled(
            format!("{} finding(s); the first is on line {}.", e.findings.len(), f.line),
            t.dim(),
        ),
        None => Line::styled("No findings.", t.ok()),
    }
}

fn meter(e: &Editor, t: &Theme) -> Line<'static> {
    let (size, max) = (e.size(), e.target.max_size());
    let pct = size.saturating_mul(100) / max.max(1);
    let cells = 10usize;
    let filled = (size.saturating_mul(cells) / max.max(1)).min(cells);
    let bar = format!("[{}{}]", "#".repeat(filled), ".".repeat(cells - filled));
    let over = if size > max { " OVER THE LIMIT" } else { "" };
    let style = if size > max {
        t.danger()
    } else if pct >= 90 {
        t.key()
    } else {
        Style::default()
    };
    let mut spans = vec![Span::styled(format!("Size {size}/{max} chars {bar} {pct}%{over}"), style)];
    // Near the limit, what minifying would leave (AWS counts whitespace).
    if pct >= 75
        && let Ok(min) = super::format::minify(&e.text())
    {
        spans.push(Span::styled(format!("  minified: {}", min.chars().count()), t.dim()));
    }
    Line::from(spans)
}

/// The editor's keys while editing text: the footer shows the first six, `?` help all of them.
/// Each is (key, footer label, help text).
pub const EDIT_KEYS: &[(&str, &str, &str)] = &[
    ("^S", "save", "save (the change is shown first)"),
    ("M-f", "format", "format: pretty-print the document"),
    ("M-m", "minify", "minify the document"),
    ("tab", "complete", "complete an action or condition key"),
    ("^Z", "undo", "undo"),
    ("esc", "leave (draft kept)", "leave the editor (the draft is kept)"),
    ("^space", "complete", "complete even where tab would insert a tab"),
];

const EDIT_FOOTER: [(&str, &str); 6] = {
    let k = EDIT_KEYS;
    [
        (k[0].0, k[0].1),
        (k[1].0, k[1].1),
        (k[2].0, k[2].1),
        (k[3].0, k[3].1),
        (k[4].0, k[4].1),
        (k[5].0, k[5].1),
    ]
};

/// The editor's keys for the footer row.
fn keys(e: &Editor, t: &Theme) -> Line<'static> {
    let hints: &[(&str, &str)] = match e.mode {
        Mode::Confirm(_) => &[("y/enter", "save"), ("n/esc", "back to the text"), ("up/down", "scroll")],
        Mode::Complete(_) => &[("enter", "insert"), ("up/down", "choose"), ("esc", "close")],
        Mode::Offer(_) => &[("r", "restore the draft"), ("d", "discard it"), ("esc", "close")],
        Mode::Details { .. } => &[("enter", "next"), ("tab", "switch field"), ("esc", "back")],
        Mode::Saving { .. } => &[],
        Mode::Edit => &EDIT_FOOTER,
    };
    let mut spans = Vec::new();
    for (k, d) in hints {
        spans.push(Span::styled(format!(" {k}"), t.key()));
        spans.push(Span::raw(format!(" {d} ")));
    }
    Line::from(spans)
}

fn confirmation(f: &mut Frame, cx: &View<'_, State>, e: &Editor, c: &super::Confirmation, area: Rect) {
    let t = &cx.shared.theme;
    let mut lines = vec![Line::styled(
        format!("Save the {}? {} line(s) added, {} removed.", e.target.label(), c.added, c.removed),
        t.title(),
    )];
    let errors = e.counts()[0];
    if errors > 0 {
        lines.push(Line::styled(
            format!("Lint: {errors} error(s); AWS will probably refuse this."),
            t.danger(),
        ));
    }
    for (mark, text) in save::confirmation_lines(c).into_iter().skip(c.scroll) {
        let style = match mark {
            '+' => t.ok(),
            '-' => t.danger(),
            '~' | '#' => t.dim(),
            _ => Style::default(),
        };
        let mark = if mark == '#' { ' ' } else { mark };
        lines.push(Line::styled(format!("{mark} {}", sanitize(&text)), style));
    }
    f.render_widget(Paragraph::new(lines), area);
}

/// Draws `lines` in a bordered box centred in `within`; returns the box.
fn boxed(f: &mut Frame, t: &Theme, title: &str, lines: Vec<Line<'static>>, within: Rect) -> Rect {
    let w =
        lines.iter().map(Line::width).max().unwrap_or(10).saturating_add(4).min(usize::from(within.width));
    let h = (lines.len() + 2).min(usize::from(within.height));
    let (w, h) = (u16::try_from(w).unwrap_or(within.width), u16::try_from(h).unwrap_or(within.height));
    let r = Rect {
        x: within.x + (within.width - w) / 2,
        y: within.y + (within.height - h) / 2,
        width: w,
        height: h,
    };
    f.render_widget(Clear, r);
    let block = t.block().border_style(t.focus()).title(title.to_string());
    f.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), r);
    r
}

fn popup(f: &mut Frame, e: &Editor, t: &Theme, c: &super::Completion, within: Rect) {
    let shown = 8usize.min(c.items.len());
    let first = c.selected.saturating_sub(shown.saturating_sub(1));
    let w = c.items.iter().map(|s| s.chars().count()).max().unwrap_or(8).clamp(16, 48) + 4;
    let w = u16::try_from(w).unwrap_or(20).min(within.width);
    let h = u16::try_from(shown + 2).unwrap_or(10).min(within.height);
    let gw = gutter_width(e);
    let height = usize::from(within.height);
    let ratatui_textarea::DataCursor(crow, ccol) = e.area.cursor();
    let left = left_col(e, usize::from(within.width).saturating_sub(gw));
    let cx = gw + ccol.saturating_sub(left).saturating_sub(c.prefix.chars().count());
    let cy = crow.saturating_sub(top_row(e, height)) + 1;
    let mut x = within.x.saturating_add(u16::try_from(cx).unwrap_or(0));
    let mut y = within.y.saturating_add(u16::try_from(cy).unwrap_or(0));
    if x.saturating_add(w) > within.right() {
        x = within.right().saturating_sub(w);
    }
    if y.saturating_add(h) > within.bottom() {
        y = y.saturating_sub(h + 1).max(within.y);
    }
    let r = Rect { x, y, width: w, height: h };
    let lines: Vec<Line> = c
        .items
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .map(|(i, s)| {
            if i == c.selected {
                Line::styled(format!("> {s}"), t.selected())
            } else {
                Line::from(format!("  {s}"))
            }
        })
        .collect();
    let title = format!(" {}/{} ", c.selected + 1, c.items.len());
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(lines).block(t.block().title(title)), r);
}
