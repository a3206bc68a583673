//! `?` help, generated from the registry and the active keymap: the keys of the page on screen
//! first, then the editor's (on the pages that open it), then the ones that work everywhere,
//! then the palette commands. Rows are wrapped to the dialog's width here (never cut), so
//! scrolling and `/` search work row by row.

use crate::tui::app::App;
use crate::tui::command::specs;
use crate::tui::page::{Page, Scope};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The width of the key column.
const KEY_COL: usize = 18;

pub use crate::tui::dialog::HelpState;

/// One row of help as drawn: a heading, or a key column and (part of) its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub key: String,
    pub text: String,
    pub heading: bool,
}

/// The help dialog's area on a screen `area`.
pub fn area(area: Rect) -> Rect {
    crate::tui::widgets::centered(area, 90, area.height.saturating_sub(2))
}

/// The text width inside the dialog for a terminal `width` columns wide.
pub fn text_width(width: u16) -> usize {
    usize::from(area(Rect::new(0, 0, width, 24)).width.saturating_sub(2)).max(KEY_COL + 10)
}

/// Words of `text` wrapped to `width` columns (a word longer than that is split).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = vec![String::new()];
    for word in text.split(' ') {
        let line = out.last_mut().expect("one line");
        let sep = usize::from(!line.is_empty());
        if line.width() + sep + word.width() <= width {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            out.push(String::new());
        }
        for c in word.chars() {
            let line = out.last_mut().expect("one line");
            if line.width() + c.width().unwrap_or(0) > width {
                out.push(String::new());
            }
            out.last_mut().expect("one line").push(c);
        }
    }
    out
}

/// The pages whose help lists the editor's keys (those with a command that opens it).
fn opens_editor(page: Page) -> bool {
    crate::tui::editor::COMMANDS.iter().any(|c| c.spec.scope == Scope::Page(page))
}

/// Every help row for the page on screen, wrapped to `width` columns.
pub fn rows(app: &App, width: usize) -> Vec<Row> {
    let mut out = Vec::new();
    let entry = |out: &mut Vec<Row>, key: String, text: &str| {
        let pad = KEY_COL.max(key.width() + 2);
        for (i, part) in wrap(text, width.saturating_sub(pad)).into_iter().enumerate() {
            let k = if i == 0 { format!("  {key:<w$}", w = pad - 2) } else { " ".repeat(pad) };
            out.push(Row { key: k, text: part, heading: false });
        }
    };
    let heading = |out: &mut Vec<Row>, text: String| {
        if !out.is_empty() {
            out.push(Row { key: String::new(), text: String::new(), heading: false });
        }
        out.push(Row { key: String::new(), text, heading: true });
    };
    let page = app.page;
    let bindings = &app.shared.keymap.bindings;
    let keys_of =
        |b: &crate::tui::keymap::Binding| b.keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ");
    heading(&mut out, format!("This page: {} {}", page.number(), page.title()));
    for b in bindings.iter().filter(|b| b.page == Some(page) && !b.keys.is_empty()) {
        entry(&mut out, keys_of(b), b.desc);
    }
    if app.editor.is_some() || opens_editor(page) {
        heading(&mut out, "In the policy editor".into());
        for (k, _, d) in crate::tui::editor::EDIT_KEYS {
            entry(&mut out, (*k).to_string(), d);
        }
    }
    heading(&mut out, "Everywhere".into());
    for b in bindings.iter().filter(|b| b.page.is_none() && !b.keys.is_empty()) {
        entry(&mut out, keys_of(b), b.desc);
    }
    heading(&mut out, "Commands (press : then type; tab completes)".into());
    let here = |s: &&crate::tui::page::CommandSpec| s.scope == Scope::Page(page) || s.scope == Scope::Global;
    let listed: Vec<_> = specs().filter(|s| s.palette).collect();
    for s in listed.iter().filter(|s| here(s)).chain(listed.iter().filter(|s| !here(s))) {
        let scope =
            s.scope.page().filter(|p| *p != page).map(|p| format!(" [{}]", p.title())).unwrap_or_default();
        entry(
            &mut out,
            format!(":{} {}", s.name, s.args).trim_end().to_string(),
            &format!("{}{scope}", s.desc),
        );
    }
    heading(&mut out, "Keys can be changed in keymap.toml in the orgtui config directory".into());
    entry(
        &mut out,
        String::new(),
        "[keys] command = \"key\"; / searches this help, n next match, N previous.",
    );
    out
}

/// The rows that contain `query` (case-insensitive).
pub fn matches(rows: &[Row], query: &str) -> Vec<usize> {
    if query.is_empty() {
        return Vec::new();
    }
    let q = query.to_lowercase();
    rows.iter()
        .enumerate()
        .filter(|(_, r)| format!("{}{}", r.key, r.text).to_lowercase().contains(&q))
        .map(|(i, _)| i)
        .collect()
}

/// The first match after (`forward`) or before row `from`, wrapping around.
pub fn next_match(rows: &[Row], query: &str, from: u16, forward: bool) -> Option<u16> {
    let m = matches(rows, query);
    let from = usize::from(from);
    let pick = if forward {
        m.iter().find(|&&i| i > from).or(m.first())
    } else {
        m.iter().rev().find(|&&i| i < from).or(m.last())
    };
    pick.and_then(|&i| u16::try_from(i).ok())
}

fn line(row: &Row, t: &Theme, hit: bool) -> Line<'static> {
    if row.heading {
        return Line::from(Span::styled(row.text.clone(), t.title()));
    }
    let mark = if hit { Modifier::REVERSED } else { Modifier::empty() };
    Line::from(vec![
        Span::styled(row.key.clone(), t.key().add_modifier(mark)),
        Span::styled(row.text.clone(), Style::default().add_modifier(mark)),
    ])
}

/// Draws the help dialog.
pub fn draw(f: &mut Frame, app: &App, screen: Rect, st: &HelpState) {
    let t = &app.shared.theme;
    let r = area(screen);
    f.render_widget(Clear, r);
    let rows = rows(app, usize::from(r.width.saturating_sub(2)));
    let hits = matches(&rows, &st.query);
    let lines: Vec<Line<'static>> =
        rows.iter().enumerate().map(|(i, row)| line(row, t, hits.contains(&i))).collect();
    let title = if st.typing {
        format!(" Help — search: {}_ ", st.query)
    } else if !st.query.is_empty() {
        format!(" Help — {:?}: {} match(es), n next · esc closes ", st.query, hits.len())
    } else {
        " Help — / search · esc closes ".to_string()
    };
    let block = t.block().border_style(t.focus()).title(title);
    f.render_widget(Paragraph::new(lines).block(block).scroll((st.scroll, 0)), r);
}
