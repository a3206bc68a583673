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
