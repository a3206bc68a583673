//! Drawing: a pure function of the console state (the tree widget's scroll offset is its only
//! render cache). Header, the page, status line, footer, then any dialog on top.

pub mod dialogs;
pub mod header;
pub mod help;

use super::app::App;
use super::cx::{Status, View};
use super::dialog::Modal;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The smallest terminal the console draws into.
pub const MIN_SIZE: (u16, u16) = (60, 12);

/// Draws the whole console.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        // The header stays: the safety state and the source are visible at any size.
        let (top, rest) = (
            Rect { height: 1, ..area },
            Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area },
        );
        header::header(f, app, top);
        too_small(f, area, rest);
        return;
    }
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .split(area);
    header::header(f, app, rows[0]);
    header::page_bar(f, app, rows[1]);
    super::pages::draw(app.page, &app.pages, &app.shared, f, rows[2]);
    status(f, app, rows[3]);
    footer(f, app, rows[4]);
    if app.editor.is_some() {
        // The editor covers the page bar too: it is not a page, and keeps the rows it had.
        let over = rows[1].union(rows[2]);
        super::editor::draw(f, &View { st: &app.editor, shared: &app.shared }, over, rows[4]);
    }
    dialogs::draw(f, app, area);
}

fn too_small(f: &mut Frame, area: Rect, into: Rect) {
    let msg = format!(
        "Terminal too small ({}x{}). orgtui needs at least {}x{}. Enlarge the window or press q to quit.",
        area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
    );
    f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), into);
}

fn status(f: &mut Frame, app: &App, area: Rect) {
    let t = &app.shared.theme;
    let spinner = t.spinner(app.shared.tick);
    let mut spans = Vec::new();
    if let Some((_, label)) = app.pending.iter().next_back() {
        spans.push(Span::raw(format!("{spinner} {label}… ")));
    } else if app.shared.loading && app.shared.data.is_some() {
        let progress = super::pages::accounts::draw::progress_text(&app.shared);
        spans.push(Span::raw(format!("{spinner} Refreshing…{progress} ")));
    }
    for c in app.creations.iter().filter(|c| c.state == crate::model::CreateAccountState::InProgress) {
        spans.push(Span::raw(format!("{spinner} Creating {} (IN_PROGRESS) ", c.name)));
    }
    match &app.status {
        Status::None if spans.is_empty() && app.modal.is_none() => {
            spans.push(Span::styled(header::start_hint(t), t.dim()))
        }
        Status::None => {}
        Status::Info(m) => spans.push(Span::raw(m.clone())),
        Status::Ok(m) => spans.push(Span::styled(format!("OK {m}"), t.ok())),
        Status::Error(m) => spans.push(Span::styled(format!("ERROR {m}"), t.danger())),
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn footer(f: &mut Frame, app: &App, area: Rect) {
    let t = &app.shared.theme;
    let hints: Vec<(String, &str)> = match &app.modal {
        Some(Modal::Help(_)) => {
            vec![
                ("↑↓".into(), "scroll"),
                ("/".into(), "search"),
                ("n".into(), "next match"),
                ("esc".into(), "close"),
            ]
        }
        Some(_) => vec![("enter".into(), "ok"), ("esc".into(), "cancel")],
        None => match super::pages::footer(app.page, &app.pages) {
            Some(h) => h.into_iter().map(|(k, d)| (k.to_string(), d)).collect(),
            // The page's own keys first, then the global ones.
            None => {
                let bindings = &app.shared.keymap.bindings;
                let own = bindings.iter().filter(|b| b.page == Some(app.page));
                own.chain(bindings.iter().filter(|b| b.page.is_none()))
                    .filter_map(|b| Some((b.keys.first()?.label(), b.footer?)))
                    .collect()
            }
        },
    };
    let mut spans = Vec::new();
    for (k, d) in hints {
        spans.push(Span::styled(format!(" {k}"), t.key()));
        spans.push(Span::raw(format!(" {d} ")));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
