//! Drawing the accounts page: the tree (with the filter in its title) and the details pane.

use super::{Focus, State};
use crate::tui::cx::Shared;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::widgets::{Paragraph, Wrap};
use tui_tree_widget::Tree;

/// ` tags 120/1043` while a load reports progress.
pub fn progress_text(shared: &Shared) -> String {
    match &shared.load_progress {
        Some(p) => match p.total {
            Some(total) => format!(" {} {}/{total}", p.stage, p.done),
            None => format!(" {} {}", p.stage, p.done),
        },
        None => String::new(),
    }
}

/// Draws the page body.
pub fn draw(st: &State, shared: &Shared, f: &mut Frame, area: Rect) {
    let t = &shared.theme;
    let left = if area.width >= 110 { 55 } else { 50 };
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(left), Constraint::Percentage(100 - left)])
        .split(area);
    let Some(d) = shared.data.as_ref() else {
        let msg = match &shared.load_error {
            Some(e) => format!("Could not load the organization: {e}\nPress r to retry."),
            None => format!("{} Loading the organization…{}", t.spinner(shared.tick), progress_text(shared)),
        };
        f.render_widget(
            Paragraph::new(msg).wrap(Wrap { trim: true }).block(t.block().title(" AWS accounts ")),
            area,
        );
        return;
    };
    let accounts = d.snapshot.accounts.len();
    let mut title = format!(" AWS accounts ({accounts}) ");
    if !st.filter.is_empty() || st.filter_editing {
        // The rows on screen (a filter keeps the ancestors of what matches, the root too).
        let shown = st.rows.len();
        let cursor = if st.filter_editing { "_" } else { "" };
        title = format!(" AWS accounts — filter: {}{cursor} ({shown} shown) ", st.filter.value());
    }
    if d.tree.nodes.is_empty() {
        f.render_widget(
            Paragraph::new("This account is not in an organization.").block(t.block().title(title)),
            area,
        );
        return;
    }
    let (open, closed, leaf, marker) = t.tree_glyphs();
    let selected = st.selected.as_deref().and_then(|s| d.tree.index_of(s));
    {
        let mut state = st.tree_view.borrow_mut();
        if st.tree_view_rev.get() != st.rows_rev {
            state.close_all();
            for id in &st.opened {
                if let Some(i) = d.tree.index_of(id).filter(|&i| !d.tree.nodes[i].children.is_empty()) {
                    state.open(d.tree.key_path(i));
                }
            }
            st.tree_view_rev.set(st.rows_rev);
        }
        match selected {
            Some(i) => state.select(d.tree.key_path(i)),
            None => state.select(Vec::new()),
        };
        // When a filter shrinks the rows below the widget's scroll offset, the widget would
        // draw an empty pane: scroll back so the last row is at the bottom (the root shows).
        let max_offset = st.rows.len().saturating_sub(usize::from(cols[0].height.saturating_sub(2)));
        let offset = state.get_offset();
        if offset > max_offset {
            state.scroll_up(offset - max_offset);
        }
    }
    let block = t.pane(title, st.focus == Focus::Tree);
    match Tree::new(&st.items) {
        Ok(tree) => {
            let tree = tree
                .block(block)
                .highlight_style(t.selected())
                .highlight_symbol(marker)
                .node_open_symbol(open)
                .node_closed_symbol(closed)
                .node_no_children_symbol(leaf);
            f.render_stateful_widget(tree, cols[0], &mut st.tree_view.borrow_mut());
        }
        Err(e) => f.render_widget(Paragraph::new(format!("Cannot draw the tree: {e}")).block(block), cols[0]),
    }
    let lines = selected
        .map(|i| super::details::lines(&d.snapshot, &d.tree, i, t, shared.costs.as_deref(), activity(shared)))
        .unwrap_or_default();
    let scroll = st.details_scroll.min(max_scroll(&lines, cols[1]));
    let details = Paragraph::new(lines)
        .block(t.pane(" Details ", st.focus == Focus::Details))
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0));
    f.render_widget(details, cols[1]);
}

/// CloudTrail's history (once read) and the console's clock, for the details' history line.
pub fn activity(
    shared: &crate::tui::cx::Shared,
) -> Option<(&crate::backend::cloudtrail::History, crate::model::Timestamp)> {
    shared.activity.as_deref().map(|h| (h, shared.now()))
}

/// The furthest the details pane scrolls: its wrapped rows less the rows it shows (so `G`
/// shows the end of the details, never an empty pane).
pub fn max_scroll(lines: &[ratatui::text::Line<'_>], pane: Rect) -> u16 {
    let w = usize::from(pane.width.saturating_sub(2)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(w)).sum();
    u16::try_from(rows.saturating_sub(usize::from(pane.height.saturating_sub(2)))).unwrap_or(u16::MAX)
}

/// The details pane's area on a terminal of `size` (the body below the header and page bar).
pub fn details_area(size: (u16, u16)) -> Rect {
    let body = Rect::new(0, 2, size.0, size.1.saturating_sub(4));
    let left = if body.width >= 110 { 55 } else { 50 };
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(left), Constraint::Percentage(100 - left)])
        .split(body);
    cols[1]
}
