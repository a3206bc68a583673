//! Dialogs drawn over the page: help (generated from the active keymap), the command palette,
//! forms, typed confirmations and error panels.

use crate::tui::app::App;
use crate::tui::command::complete;
use crate::tui::dialog::{Confirm, Form, Modal};
use crate::tui::widgets::input::Input;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

pub use crate::tui::widgets::centered;

/// Draws the open dialog, if any.
pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    match &app.modal {
        Some(Modal::Help(h)) => super::help::draw(f, app, area, h),
        Some(Modal::Messages { scroll }) => super::messages::draw(f, app, area, *scroll),
        Some(Modal::Palette { input, error }) => palette(f, app, area, input, error.as_deref()),
        Some(Modal::Form(form)) => form_dialog(f, app, area, form),
        Some(Modal::Confirm(c)) => confirm(f, app, area, c),
        Some(Modal::Error { title, message }) => {
            let t = &app.shared.theme;
            let lines = vec![
                Line::from(Span::styled("ERROR", t.danger())),
                Line::from(message.clone()),
                Line::default(),
                Line::from(Span::styled("enter/esc close", t.dim())),
            ];
            // As tall as the wrapped message needs (the whole text is in `:messages` too).
            let h = wrapped_rows(&lines, area.width.min(76).saturating_sub(2)).saturating_add(3).max(9);
            panel(f, area, frame(app, title, t.danger()), lines, 76, h);
        }
        None => {}
    }
}

fn panel(
    f: &mut Frame,
    area: Rect,
    block: Block<'static>,
    lines: Vec<Line<'static>>,
    w: u16,
    h: u16,
) -> Rect {
    let r = centered(area, w, h);
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), r);
    r
}

/// A dialog's frame: the theme's borders in `style`, with `title`.
fn frame(app: &App, title: &str, style: ratatui::style::Style) -> Block<'static> {
    app.shared.theme.block().border_style(style).title(format!(" {title} "))
}

/// The rows that `lines` take when wrapped to `width` columns as a panel wraps them (drawn
/// off screen, with a last line to find where they end even when they end blank).
pub(super) fn wrapped_rows(lines: &[Line<'static>], width: u16) -> u16 {
    if lines.is_empty() || width == 0 {
        return 0;
    }
    let mut probe = lines.to_vec();
    probe.push(Line::from("#"));
    let height: usize = probe.iter().map(|l| l.width() / usize::from(width) + 1).sum();
    let area = Rect::new(0, 0, width, u16::try_from(height).unwrap_or(u16::MAX));
    let mut buf = Buffer::empty(area);
    Paragraph::new(probe).wrap(Wrap { trim: false }).render(area, &mut buf);
    (0..area.height).rev().find(|&y| (0..width).any(|x| buf[(x, y)].symbol() != " ")).unwrap_or(0)
}

/// Puts the terminal cursor on an input drawn in a panel `r`: `row` rows into its text and
/// `x` columns in (nothing when that is outside the panel).
fn place_cursor(f: &mut Frame, r: Rect, x: u16, row: u16) {
    let p =
        Position { x: r.x.saturating_add(1).saturating_add(x), y: r.y.saturating_add(1).saturating_add(row) };
    if p.x + 1 < r.right() && p.y + 1 < r.bottom() {
        f.set_cursor_position(p);
    }
}

fn palette(f: &mut Frame, app: &App, area: Rect, input: &Input, error: Option<&str>) {
    let t = &app.shared.theme;
    // The box is 4 columns narrower than the screen; its borders and the ':' take 3 more.
    let (shown, col) = input.window(area.width.saturating_sub(7), true);
    let mut lines = vec![Line::from(vec![Span::styled(":", t.key()), Span::raw(shown)])];
    let candidates = complete(input.value());
    let palette = crate::tui::command::palette();
    if let Some(e) = error {
        lines.push(Line::from(Span::styled(e.to_string(), t.danger())));
    } else if !candidates.is_empty() {
        let hint: Vec<String> = candidates
            .iter()
            .take(8)
            .map(|n| {
                let args = palette.iter().find(|(p, _, _)| p == n).map_or("", |(_, a, _)| *a);
                format!("{n} {args}").trim_end().to_string()
            })
            .collect();
        lines.push(Line::from(Span::styled(hint.join(" · "), t.dim())));
    }
    let r = Rect {
        x: area.x + 2,
        y: area.y + area.height.saturating_sub(5),
        width: area.width.saturating_sub(4),
        height: 4,
    };
    f.render_widget(Clear, r);
    let block = app
        .shared
        .theme
        .block()
        .border_style(t.focus())
        .title(" Command — tab completes, enter runs, esc closes ");
    f.render_widget(Paragraph::new(lines).block(block), r);
    place_cursor(f, r, 1 + col, 0);
}

fn form_dialog(f: &mut Frame, app: &App, area: Rect, form: &Form) {
    let t = &app.shared.theme;
    let (w, h) = (78, (form.fields.len() as u16) * 2 + 7);
    let inner = centered(area, w, h).width.saturating_sub(2);
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, field) in form.fields.iter().enumerate() {
        let marker = if i == form.focus { "> " } else { "  " };
        let editing = i == form.focus && form.submitting.is_none();
        let label = format!("{:<14}", field.label);
        let left = u16::try_from(marker.len() + label.chars().count()).unwrap_or(u16::MAX);
        let (shown, col) = field.value.window(inner.saturating_sub(left), editing);
        if editing {
            cursor = Some((left + col, wrapped_rows(&lines, inner)));
        }
        lines.push(Line::from(vec![Span::raw(marker), Span::styled(label, t.dim()), Span::raw(shown)]));
        lines.push(Line::from(Span::styled(format!("{:16}{}", "", field.hint), t.dim())));
    }
    lines.push(Line::default());
    if form.submitting.is_some() {
        lines.push(Line::from(format!("{} Sending… (esc cancels)", t.spinner(app.shared.tick))));
    } else if let Some(e) = &form.error {
        lines.push(Line::from(Span::styled("ERROR", t.danger())));
        lines.push(Line::from(e.clone()));
    } else {
        lines.push(Line::from(Span::styled("enter next/submit · tab next field · esc cancel", t.dim())));
    }
    let r = panel(f, area, frame(app, &form.title, t.focus()), lines, w, h);
    if let Some((x, row)) = cursor {
        place_cursor(f, r, x, row);
    }
}

fn confirm(f: &mut Frame, app: &App, area: Rect, c: &Confirm) {
    let t = &app.shared.theme;
    let mut lines: Vec<Line<'static>> =
        vec![Line::from(Span::styled("DESTRUCTIVE — read carefully", t.danger()))];
    lines.extend(c.lines.iter().map(|l| Line::from(l.clone())));
    lines.push(Line::default());
    lines.push(Line::from(format!("Type {} to confirm:", c.expect)));
    let (w, h) = (84, c.lines.len() as u16 + 8);
    let inner = centered(area, w, h).width.saturating_sub(2);
    let editing = c.submitting.is_none();
    let (shown, col) = c.typed.window(inner.saturating_sub(2), editing);
    let row = wrapped_rows(&lines, inner);
    lines.push(Line::from(format!("> {shown}")));
    if c.submitting.is_some() {
        lines.push(Line::from(format!("{} Sending… (esc cancels)", t.spinner(app.shared.tick))));
    } else if let Some(e) = &c.error {
        lines.push(Line::from(Span::styled(format!("ERROR {e}"), t.danger())));
    } else {
        lines.push(Line::from(Span::styled("enter confirm · esc cancel", t.dim())));
    }
    let r = panel(f, area, frame(app, &c.title, t.danger()), lines, w, h);
    if editing {
        place_cursor(f, r, 2 + col, row);
    }
}
