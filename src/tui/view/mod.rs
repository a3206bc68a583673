//! Drawing: a pure function of the console state (the tree widget's scroll offset is its only
//! render cache). Header, the page, status line, footer, then any dialog on top.

pub mod dialogs;
pub mod header;
pub mod help;
pub mod messages;

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
    let status_spans = status_spans(app);
    let status_w: usize = status_spans.iter().map(Span::width).sum();
    // A message longer than the line takes a second one (and is cut there, saying where the
    // whole text is).
    let status_h = if status_w > usize::from(area.width) { 2 } else { 1 };
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(status_h),
            Constraint::Length(1),
        ])
        .split(area);
    header::header(f, app, rows[0]);
    header::page_bar(f, app, rows[1]);
    super::pages::draw(app.page, &app.pages, &app.shared, f, rows[2]);
    status(f, app, rows[3], status_spans);
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

/// The status line's text: work in flight, then the message (or the start hint).
fn status_spans(app: &App) -> Vec<Span<'static>> {
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
        Status::None if spans.is_empty() && app.modal.is_none() && app.editor.is_none() => {
            spans.push(Span::styled(header::start_hint(t), t.dim()))
        }
        Status::None => {}
        Status::Info(m) => spans.push(Span::raw(m.clone())),
        Status::Ok(m) => spans.push(Span::styled(format!("OK {m}"), t.ok())),
        Status::Error(m) => spans.push(Span::styled(format!("ERROR {m}"), t.danger())),
    }
    spans
}

/// Draws the status line, wrapped to its rows; text that does not fit ends with a marker
/// naming `:messages`, which has it in full.
fn status(f: &mut Frame, app: &App, area: Rect, mut spans: Vec<Span<'static>>) {
    let width = usize::from(area.width);
    let room = width * usize::from(area.height);
    let total: usize = spans.iter().map(Span::width).sum();
    if total > room {
        let marker = format!("{} (:messages)", app.shared.theme.glyphs().ellipsis);
        let mut left = room.saturating_sub(marker.chars().count());
        for s in &mut spans {
            let cut = take_width(&s.content, left);
            left -= unicode_width::UnicodeWidthStr::width(cut.as_str());
            s.content = cut.into();
        }
        spans.push(Span::styled(marker, app.shared.theme.dim()));
    }
    // Wrapped by character, so the text fills exactly the rows counted for it.
    let mut lines: Vec<Line<'static>> = vec![Line::default()];
    let mut used = 0;
    for s in spans {
        let mut rest = s.content.to_string();
        while !rest.is_empty() {
            let part = take_width(&rest, width - used);
            if part.is_empty() {
                if used == 0 {
                    break;
                }
                lines.push(Line::default());
                used = 0;
                continue;
            }
            used += unicode_width::UnicodeWidthStr::width(part.as_str());
            rest = rest[part.len()..].to_string();
            if let Some(l) = lines.last_mut() {
                l.spans.push(Span::styled(part, s.style));
            }
        }
    }
    f.render_widget(Paragraph::new(lines), area);
}

/// The longest start of `text` at most `width` columns wide.
fn take_width(text: &str, width: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out
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
    let line = |hints: &[(String, &str)]| {
        let mut spans = Vec::new();
        for (k, d) in hints {
            spans.push(Span::styled(format!(" {k}"), t.key()));
            spans.push(Span::raw(format!(" {d} ")));
        }
        Line::from(spans)
    };
    // A narrow terminal drops the page's last hints whole rather than cutting `q quit`: the
    // global keys (command, help, quit) come last and stay.
    let mut hints = hints;
    while line(&hints).width() > area.width as usize && hints.len() > 3 {
        hints.remove(hints.len() - 4);
    }
    f.render_widget(Paragraph::new(line(&hints)), area);
}
