//! Widgets shared by the console's pages and dialogs, kept in one place so every screen looks
//! and behaves the same: centring a dialog, the single-line text input, JSON highlighting.

pub mod input;
pub mod json;

use ratatui::layout::Rect;

/// A rectangle of at most `w`×`h` centred in `area` (dialogs and pickers open in the middle).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

/// `s` cut to `width` terminal columns (wide CJK and emoji count two, zero-width characters
/// none) with `ellipsis` at the end when it does not fit.
pub fn truncate(s: &str, width: usize, ellipsis: &str) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + ellipsis.width() > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str(ellipsis);
    out
}

/// `s` in exactly `width` columns: cut (with `…`) or padded with spaces, so columns after it
/// line up whatever characters it holds.
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = truncate(s, width, "…");
    let pad = width.saturating_sub(out.width());
    out.extend(std::iter::repeat_n(' ', pad));
    out
}
