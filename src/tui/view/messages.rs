//! `:messages`: every status and error message of the session, with its time, in full (the
//! status line may shorten a long one), in a scrollable panel over the page.

use crate::tui::app::App;
use crate::tui::cx::Status;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

/// The panel's place on a screen of `area`.
fn panel(area: Rect) -> Rect {
    Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// One line per message: time (UTC), kind, text.
fn lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.shared.theme;
    if app.messages.is_empty() {
        return vec![Line::from(Span::styled("No messages yet in this session.", t.dim()))];
    }
    app.messages
        .iter()
        .map(|(at, s)| {
            let time = at.to_rfc3339().get(11..19).unwrap_or("").to_string();
            let (kind, style, text) = match s {
                Status::Error(m) => ("ERROR ", t.danger(), m),
                Status::Ok(m) => ("OK ", t.ok(), m),
                Status::Info(m) => ("", ratatui::style::Style::default(), m),
                Status::None => ("", ratatui::style::Style::default(), &String::new()),
            };
            Line::from(vec![
                Span::styled(format!("{time} "), t.dim()),
                Span::styled(kind, style),
                Span::raw(text.clone()),
            ])
        })
        .collect()
}

/// The last scroll position (the newest message at the bottom of the panel).
pub fn last_scroll(app: &App) -> u16 {
    let (w, h) = app.shared.size;
    let r = panel(Rect::new(0, 0, w, h));
    let rows = super::dialogs::wrapped_rows(&lines(app), r.width.saturating_sub(2));
    rows.saturating_sub(r.height.saturating_sub(2))
}

/// Draws the panel scrolled to `scroll` (clamped: `u16::MAX` shows the newest).
pub fn draw(f: &mut Frame, app: &App, area: Rect, scroll: u16) {
    let t = &app.shared.theme;
    let r = panel(area);
    let scroll = scroll.min(last_scroll(app));
    let dot = t.glyphs().dot;
    let title = format!(" Messages ({}) {dot} up/down scroll {dot} esc closes ", app.messages.len());
    let block = t.block().border_style(t.title()).title(title);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines(app)).block(block).wrap(Wrap { trim: false }).scroll((scroll, 0)),
        r,
    );
}
