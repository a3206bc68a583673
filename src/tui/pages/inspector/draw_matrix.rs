//! The matrix: accounts × actions, one glyph per cell (`A` allowed, `D` explicit deny, `-`
//! implicit deny, `*` after a glyph when the drafts change it), the cursor in brackets, and the
//! trace of the cell under the cursor. Only the visible window of rows and columns is drawn.

use super::compute;
use super::state::State;
use super::state::{self, Focus};
use super::trace_view;
use crate::policy::matrix::glyph;
use crate::tui::cx::View;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

const CELL: usize = 4;

/// First index of a window of `len` items that shows `cursor`.
fn window(cursor: usize, len: usize, total: usize) -> usize {
    if len == 0 || total <= len {
        return 0;
    }
    cursor.saturating_sub(len / 2).min(total - len)
}

/// Draws the matrix and the cursor cell's trace.
pub fn draw(f: &mut Frame, cx: &View<'_, State>, area: Rect) {
    let t = &cx.shared.theme;
    let s = &*cx.st;
    let Some(m) = compute::matrix(cx) else { return };
    let (rows, cols) = (m.rows.len(), m.base.actions.len());
    let mut lines: Vec<Line<'static>> = Vec::new();
    let (a, d, i) = m.base.counts();
    let mut summary = format!("{rows} accounts x {cols} actions | stored: A {a}  D {d}  - {i}");
    if let Some((_, _, n)) = &m.what_if {
        summary.push_str(&format!(" | what-if: {n} cells change"));
    }
    lines.push(Line::from(summary));
    lines.push(Line::styled(
        "Legend: A allowed  D explicit deny  - implicit deny  * changes with the drafts  [ ] cursor",
        t.dim(),
    ));
    if rows == 0 || cols == 0 {
        lines.push(Line::raw("No accounts under this node, or no actions: edit the OU and Actions fields."));
        f.render_widget(Paragraph::new(lines), area);
        return;
    }
    let width = usize::from(area.width);
    let name_w = (width / 3).clamp(12, 28);
    let vis_cols = (width.saturating_sub(name_w + 1) / CELL).max(1);
    let total_h = usize::from(area.height).saturating_sub(lines.len() + 2);
    let vis_rows = (total_h * 11 / 20).max(2).min(rows);
    let (cr, cc) = (s.cursor.0.min(rows - 1), s.cursor.1.min(cols - 1));
    let r0 = window(cr, vis_rows, rows);
    let c0 = window(cc, vis_cols, cols);
    let c1 = (c0 + vis_cols).min(cols);
    let mut head = format!(
        "{:<w$} ",
        format!("account ({}-{} of {rows})", r0 + 1, (r0 + vis_rows).min(rows)),
        w = name_w
    );
    truncate(&mut head, name_w + 1);
    for c in c0..c1 {
        head.push_str(&format!("{:>3} ", c + 1));
    }
    lines.push(Line::styled(head, t.key()));
    let focused = s.focus == Focus::Body;
    for r in r0..(r0 + vis_rows).min(rows) {
        let Some(row) = m.rows.get(r) else { break };
        let name = format!("{} {}", state::name_of(cx, &row.account), row.account);
        let mut spans = vec![Span::raw(format!("{} ", crate::tui::widgets::fit(&name, name_w)))];
        for c in c0..c1 {
            let idx = r * cols + c;
            let (dec, changed) = match &m.what_if {
                Some((w, ch, _)) => (w.cells.get(idx).copied(), ch.get(idx).copied().unwrap_or(false)),
                None => (m.base.cells.get(idx).copied(), false),
            };
            let g = dec.map_or('?', glyph);
            let here = r == cr && c == cc;
            let cell = format!(
                "{}{g}{}{}",
                if here { '[' } else { ' ' },
                if changed { '*' } else { ' ' },
                if here { ']' } else { ' ' }
            );
            let style = if here && focused {
                t.selected()
            } else if changed {
                t.key()
            } else if dec == Some(crate::policy::Decision::Allowed) {
                t.ok()
            } else if dec == Some(crate::policy::Decision::ExplicitlyDenied) {
                t.danger()
            } else {
                t.dim()
            };
            spans.push(Span::styled(cell, style));
        }
        lines.push(Line::from(spans));
    }
    let action = m.base.actions.get(cc).cloned().unwrap_or_default();
    let account = m.rows.get(cr).map(|r| r.account.clone()).unwrap_or_default();
    let grid_h = (lines.len() as u16).min(area.height);
    f.render_widget(Paragraph::new(lines), Rect { height: grid_h, ..area });
    let mut lines = Vec::new();
    lines.push(Line::styled(
        format!(
            "Cell {},{}: {} {account} x {}",
            cr + 1,
            cc + 1,
            state::name_of(cx, &account),
            crate::model::text::sanitize(&action)
        ),
        t.title(),
    ));
    if let Some(cell) = compute::cell(cx, cr, cc) {
        lines.extend(trace_view::lines(cx, &cell));
    }
    let rest = Rect { y: area.y + grid_h, height: area.height - grid_h, ..area };
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), rest);
}

fn truncate(s: &mut String, n: usize) {
    if s.chars().count() > n {
        *s = s.chars().take(n).collect();
    }
}
