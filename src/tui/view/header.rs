//! The two rows at the top of every screen: the header (where the data comes from and whether
//! changes go through) and the page bar (every page with its key, the one on screen marked).
//! Both give way gracefully on narrow terminals: the safety state and the source are the last
//! things the header abbreviates; the page bar shortens names, then keeps only the numbers.

use crate::tui::app::App;
use crate::tui::page::Page;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// One piece of the header: its text, style, and how long it stays when space runs out
/// (higher stays longer).
struct Part {
    text: String,
    style: Style,
    keep: u8,
}

/// The header's parts, in display order.
fn parts(app: &App) -> Vec<Part> {
    let sh = &app.shared;
    let t = &sh.theme;
    let part = |text: String, style: Style, keep: u8| Part { text, style, keep };
    let mut out = vec![part("orgtui".into(), t.title(), 1), part(sh.source.label.clone(), t.key(), 5)];
    if let Some(o) = sh.data.as_ref().and_then(|d| d.snapshot.organization.as_ref()) {
        out.push(part(o.id.to_string(), Style::default(), 3));
        if sh.acting_as.is_none() {
            out.push(part(format!("management {}", o.management_account_id), Style::default(), 2));
        }
    } else if sh.data.is_some() {
        out.push(part("no organization".into(), Style::default(), 3));
    }
    if let Some(a) = &sh.acting_as {
        out.push(part(format!("acting as {a}"), Style::default(), 4));
    }
    let (safety, style) = safety(app, false);
    out.push(part(safety.into(), style, 6));
    if app.mouse {
        out.push(part("mouse on".into(), Style::default(), 0));
    }
    out
}

/// The safety state's words (full or abbreviated) and style.
fn safety(app: &App, short: bool) -> (&'static str, Style) {
    let t = &app.shared.theme;
    match (app.shared.source.guarded, app.shared.source.writable, short) {
        (true, true, false) => ("WRITES ARMED", t.danger()),
        (true, true, true) => ("ARMED", t.danger()),
        (false, true, false) => ("WRITABLE", t.ok()),
        (false, true, true) => ("RW", t.ok()),
        (_, false, false) => ("READ-ONLY", t.ok()),
        (_, false, true) => ("RO", t.ok()),
    }
}

/// The header line for `width` columns: low-priority parts drop out first, then the source is
/// shortened, then the safety state takes its short form.
pub fn header_line(app: &App, width: u16) -> Line<'static> {
    let width = usize::from(width);
    let sep = app.shared.theme.glyphs().bar;
    let total = |ps: &[Part]| -> usize {
        ps.iter().map(|p| p.text.width()).sum::<usize>()
            + (ps.len().saturating_sub(1)) * (sep.width() + 2)
            + 2
    };
    let mut ps = parts(app);
    while total(&ps) > width {
        let Some(i) = (0..ps.len()).filter(|&i| ps[i].keep < 5).min_by_key(|&i| ps[i].keep) else { break };
        ps.remove(i);
    }
    // The source gives way before the safety state, down to a few letters.
    let room = |ps: &[Part]| width.saturating_sub(total(ps) - ps[0].text.width());
    if total(&ps) > width && room(&ps) < 8 {
        let last = ps.len() - 1;
        let (s, style) = safety(app, true);
        ps[last] = Part { text: s.into(), style, keep: 6 };
    }
    if total(&ps) > width {
        let r = room(&ps).max(1);
        ps[0].text = crate::tui::widgets::truncate(&ps[0].text, r, app.shared.theme.glyphs().ellipsis);
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, p) in ps.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(format!(" {sep} ")));
        }
        spans.push(Span::styled(p.text, p.style));
    }
    Line::from(spans)
}

/// Draws the header.
pub fn header(f: &mut Frame, app: &App, area: Rect) {
    f.render_widget(Paragraph::new(header_line(app, area.width)), area);
}

/// A page's name in the page bar at a given length: 0 its title, 1 one word, 2 three letters,
/// 3 none (the number alone).
fn page_name(p: Page, level: u8) -> String {
    let title = p.title();
    let word = title.rsplit(' ').next().unwrap_or(title);
    let mut word: Vec<char> = word.chars().collect();
    if let Some(c) = word.first_mut() {
        *c = c.to_ascii_uppercase();
    }
    match level {
        0 => title.to_string(),
        1 => word.into_iter().collect(),
        2 => word.into_iter().take(3).collect(),
        _ => String::new(),
    }
}

/// The page bar for `width` columns: `1 AWS accounts  2 Policies …`, the page on screen in
/// brackets and reverse video (visible without colour), names shortened as space runs out —
/// the other pages' first, so the page on screen keeps a readable name the longest.
pub fn page_bar_line(theme: &Theme, current: Page, width: u16) -> Line<'static> {
    for level in 0..=4u8 {
        let items: Vec<(Page, String)> = Page::ALL
            .iter()
            .map(|&p| {
                let own = if p == current && (2..4).contains(&level) { level - 1 } else { level };
                let name = page_name(p, own);
                let label =
                    if name.is_empty() { p.number().to_string() } else { format!("{} {name}", p.number()) };
                (p, label)
            })
            .collect();
        let need: usize = items.iter().map(|(_, l)| l.width() + 2).sum::<usize>() + 1;
        if need <= usize::from(width) || level == 4 {
            let mut spans = vec![Span::raw(" ")];
            for (p, label) in items {
                if p == current {
                    spans.push(Span::styled(format!("[{label}]"), theme.selected()));
                } else {
                    spans.push(Span::styled(format!(" {label} "), theme.dim()));
                }
            }
            return Line::from(spans);
        }
    }
    Line::default()
}

/// Draws the page bar.
pub fn page_bar(f: &mut Frame, app: &App, area: Rect) {
    f.render_widget(Paragraph::new(page_bar_line(&app.shared.theme, app.page, area.width)), area);
}

/// The one line that tells a newcomer where to start: help, the palette and the page keys.
pub fn start_hint(t: &Theme) -> String {
    let d = t.glyphs().dot;
    format!("? help {d} : commands {d} {} pages {d} q quit", Page::keys_text())
}
