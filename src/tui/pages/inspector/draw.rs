//! Drawing the page: the fields (with completions while one is edited), then the single
//! decision and its trace, or the matrix.

use super::compute::{self, live};
use super::state::State;
use super::state::{self, Field, Focus};
use super::{draw_matrix, edit, trace_view};
use crate::tui::cx::View;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the page.
pub fn draw(f: &mut Frame, cx: &View<'_, State>, area: Rect) {
    let t = &cx.shared.theme;
    let s = &*cx.st;
    let title = format!(
        " Inspector: {} | M {} | w what-if {} ",
        if s.matrix { "matrix" } else { "single decision" },
        if s.matrix { "single" } else { "matrix" },
        if s.what_if { "ON" } else { "off" },
    );
    let block = t.block().title(Span::styled(title, t.title()));
    let inner = block.inner(area);
    f.render_widget(block, area);
    if cx.shared.data.is_none() {
        f.render_widget(Paragraph::new("Loading the organization…"), inner);
        return;
    }
    let completions = edit::completions(cx);
    let extra = if s.editing.is_some() { completions.len().min(edit::MAX_COMPLETIONS) as u16 } else { 0 };
    let form_h = (5 + extra + 1).min(inner.height.saturating_sub(2));
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(form_h), Constraint::Min(1)])
        .split(inner);
    f.render_widget(Paragraph::new(form_lines(cx, &completions)), parts[0]);
    if s.matrix {
        draw_matrix::draw(f, cx, parts[1]);
    } else {
        draw_single(f, cx, parts[1]);
    }
}

fn field_value(cx: &View<'_, State>, field: Field) -> String {
    let s = &*cx.st;
    match (field, s.matrix) {
        (Field::Account, true) => state::matrix_node(cx).unwrap_or_default(),
        (Field::Action, true) => format!("[{}] {}", s.actions.len(), s.actions.join(", ")),
        (Field::Principal, true) => match &s.principal {
            Some(p) if !state::is_whole(p) => p.clone(),
            Some(_) => state::principal_part(cx, ""),
            None => "(each account's first known principal)".into(),
        },
        (Field::Principal, false) => {
            let account = state::account(cx).unwrap_or_default();
            state::principal_for(cx, &account)
        }
        _ => live(cx, field),
    }
}

fn field_hint(cx: &View<'_, State>, field: Field) -> String {
    let s = &*cx.st;
    match (field, s.matrix) {
        (Field::Account, false) => {
            let id = state::account(cx).unwrap_or_default();
            format!("{}  (←/→ change)", state::name_of(cx, &id))
        }
        (Field::Account, true) => {
            let id = state::matrix_node(cx).unwrap_or_default();
            let n =
                state::snapshot(cx).map_or(0, |snap| crate::policy::matrix::accounts_under(snap, &id).len());
            format!("{}, {n} accounts  (←/→ change)", state::name_of(cx, &id))
        }
        (Field::Principal, false) => {
            let account = state::account(cx).unwrap_or_default();
            let arn = state::principal_for(cx, &account);
            match state::principals(cx).find(&arn) {
                Some(k) => k.summary.clone(),
                None => "policies unknown: allow-all stand-in".into(),
            }
        }
        (Field::Action, false) => {
            let a = live(cx, Field::Action);
            match crate::catalog::action(a.trim()) {
                Some(x) => x.access_level().as_str().to_string(),
                None if a.trim().is_empty() => "Enter to type, e.g. iam:CreateUser".into(),
                None => "not in the catalogue".into(),
            }
        }
        (Field::Context, _) if live(cx, Field::Context).is_empty() => "key=value; key=v1,v2".into(),
        _ => String::new(),
    }
}

fn form_lines(cx: &View<'_, State>, completions: &[(String, String)]) -> Vec<Line<'static>> {
    let t = &cx.shared.theme;
    let s = &*cx.st;
    let mut out = Vec::new();
    for field in Field::ALL {
        let focused = s.focus == Focus::Field(field);
        let editing = s.editing.as_ref().filter(|e| e.field == field);
        let marker = if editing.is_some() {
            "* "
        } else if focused {
            "> "
        } else {
            "  "
        };
        let label = format!("{marker}{:<10}", field.label(s.matrix));
        let value = match editing {
            Some(e) => format!("{}_", crate::model::text::sanitize(e.buffer.value())),
            None => crate::model::text::sanitize(&field_value(cx, field)),
        };
        let style = if focused { t.selected() } else { ratatui::style::Style::default() };
        let mut spans =
            vec![Span::styled(label, if focused { t.focus() } else { t.key() }), Span::styled(value, style)];
        if editing.is_none() {
            let hint = field_hint(cx, field);
            if !hint.is_empty() {
                spans.push(Span::styled(format!("  {hint}"), t.dim()));
            }
        }
        out.push(Line::from(spans));
        if let Some(e) = editing {
            for (i, (v, h)) in completions.iter().enumerate() {
                let mark = if i == e.choice { "  >> " } else { "     " };
                let style = if i == e.choice { t.selected() } else { ratatui::style::Style::default() };
                out.push(Line::from(vec![
                    Span::raw(" ".repeat(12)),
                    Span::styled(format!("{mark}{v}"), style),
                    Span::styled(format!("  {h}"), t.dim()),
                ]));
            }
        }
    }
    if s.editing.is_some() {
        out.push(Line::styled(
            "Enter: set and evaluate  Esc: cancel  Tab: complete  Up/Down: choose",
            t.key(),
        ));
    } else {
        out.push(what_if_line(cx));
    }
    out
}

/// What the what-if mode replaces (or that it is off).
fn what_if_line(cx: &View<'_, State>) -> Line<'static> {
    let t = &cx.shared.theme;
    if !cx.st.what_if {
        return Line::styled("What-if off (w: evaluate with the editor's unsaved drafts)", t.dim());
    }
    let Some(o) = compute::orgs(cx) else { return Line::raw("") };
    if o.replaced.is_empty() {
        return Line::styled(
            "What-if ON: no unsaved draft of an SCP or RCP (edit one on the Policies page)",
            t.dim(),
        );
    }
    let names: Vec<String> = o
        .replaced
        .iter()
        .map(|id| {
            let bad = o.what_if.as_ref().is_some_and(|w| w.errors.iter().any(|(e, _)| e == id));
            format!(
                "{id} {}{}",
                state::policy_name(cx, id),
                if bad { " (draft does not parse: allows nothing)" } else { "" }
            )
        })
        .collect();
    Line::from(vec![Span::styled("What-if ON: drafts replace ", t.key()), Span::raw(names.join(", "))])
}

fn draw_single(f: &mut Frame, cx: &View<'_, State>, area: Rect) {
    let t = &cx.shared.theme;
    let s = &*cx.st;
    let focused = s.focus == Focus::Body;
    let head = if focused { "> Trace (↑/↓ scroll, tab: fields)" } else { "  Trace" };
    let mut lines = vec![Line::styled(head.to_string(), if focused { t.focus() } else { t.dim() })];
    match compute::single(cx) {
        Some(single) => lines.extend(trace_view::lines(cx, &single)),
        None => {
            let account = state::account(cx);
            lines.push(Line::raw(if account.is_none() {
                "No account to inspect: choose one in the Account field.".to_string()
            } else {
                "Type an action (Enter on the Action field), then Enter to see the decision and its trace."
                    .to_string()
            }))
        }
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((s.scroll, 0)), area);
}
