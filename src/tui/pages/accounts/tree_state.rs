//! The accounts page's view of the tree: selection, expansion, the filter and the rows they
//! leave visible, kept across reloads.

use super::State;
use crate::tui::cx::Cx;
use crate::tui::tree::{Filter, NodeKind};

/// The first load: open the root and the top-level OUs so the first screen shows the shape of
/// the organization, and select the root.
pub fn first_load(cx: &mut Cx<'_, State>) {
    let Some(d) = cx.shared.data.as_ref() else { return };
    let Some(root) = d.tree.nodes.first() else { return };
    cx.st.opened.insert(root.id.clone());
    for &c in &root.children {
        if d.tree.nodes[c].kind == NodeKind::Ou {
            cx.st.opened.insert(d.tree.nodes[c].id.clone());
        }
    }
    cx.st.selected = Some(root.id.clone());
}

/// Recomputes the filter's kept set and the widget items (data or filter changed).
pub fn refilter(cx: &mut Cx<'_, State>, open_matches: bool) {
    let filter = Filter::parse(cx.st.filter.value());
    let Some(d) = cx.shared.data.as_ref() else { return };
    let st = &mut *cx.st;
    st.keep = d.tree.visible_set(filter.as_ref());
    if open_matches && let Some(f) = &filter {
        for j in d.tree.ancestors_of_matches(f) {
            let id = &d.tree.nodes[j].id;
            if !st.opened.contains(id) {
                st.opened.insert(id.clone());
            }
        }
    }
    let old = std::mem::replace(&mut st.items, d.tree.items(st.keep.as_deref()));
    if old.len() == 1 && d.tree.nodes.len() > 2000 {
        // Freeing ten thousand items takes milliseconds: do it off the input path.
        std::thread::spawn(move || drop(old));
    }
    rerow(cx);
    // Keep the selection if it is still visible; otherwise the first match (or the root).
    // While typing a filter the selection stays on a match: it moves only when the selected
    // node stops matching.
    let st = &mut *cx.st;
    let mut on_screen = vec![false; d.tree.nodes.len()];
    for &r in &st.rows {
        on_screen[r] = true;
    }
    let selected = st.selected.as_deref().and_then(|s| d.tree.index_of(s));
    let keep_selection = match selected {
        Some(i) if open_matches && filter.is_some() => filter.as_ref().is_some_and(|f| d.tree.is_match(f, i)),
        Some(i) => on_screen[i],
        None => false,
    };
    if !keep_selection {
        let first = filter
            .as_ref()
            .and_then(|f| st.rows.iter().copied().find(|&i| d.tree.is_match(f, i)))
            .or_else(|| st.rows.first().copied());
        st.selected = first.map(|i| d.tree.nodes[i].id.clone());
    }
}

/// Recomputes the visible rows (expansion changed).
pub fn rerow(cx: &mut Cx<'_, State>) {
    let st = &mut *cx.st;
    st.rows_rev += 1;
    if let Some(d) = cx.shared.data.as_ref() {
        st.rows = d.tree.visible_rows(&st.opened, st.keep.as_deref());
    }
}

/// Index of the selected node in the tree.
pub fn selected_node(cx: &Cx<'_, State>) -> Option<usize> {
    cx.shared.data.as_ref()?.tree.index_of(cx.st.selected.as_deref()?)
}

/// The selected node's kind, id and name.
pub fn selection(cx: &Cx<'_, State>) -> Option<(NodeKind, String, String)> {
    let d = cx.shared.data.as_ref()?;
    let n = &d.tree.nodes[selected_node(cx)?];
    Some((n.kind, n.id.clone(), n.name.clone()))
}

/// Position of the selection among the visible rows.
pub fn selected_row(cx: &Cx<'_, State>) -> Option<usize> {
    let i = selected_node(cx)?;
    cx.st.rows.iter().position(|&r| r == i)
}

/// Selects the visible row at `row` (clamped).
pub fn select_row(cx: &mut Cx<'_, State>, row: usize) {
    let Some(d) = cx.shared.data.as_ref() else { return };
    let st = &mut *cx.st;
    if let Some(&i) = st.rows.get(row.min(st.rows.len().saturating_sub(1))) {
        st.selected = Some(d.tree.nodes[i].id.clone());
        st.details_scroll = 0;
    }
}

/// Selects an entity by id, opening its ancestors (and clearing a filter that hides it).
pub fn reveal(cx: &mut Cx<'_, State>, id: &str) -> bool {
    let Some(d) = cx.shared.data.as_ref() else { return false };
    let Some(i) = d.tree.index_of(id) else { return false };
    let hidden = cx.st.keep.as_ref().is_some_and(|k| !k[i]);
    if hidden {
        cx.st.filter.set("");
        cx.st.filter_editing = false;
        refilter(cx, false);
    }
    for j in d.tree.path(i) {
        if j != i {
            cx.st.opened.insert(d.tree.nodes[j].id.clone());
        }
    }
    rerow(cx);
    cx.st.selected = Some(id.to_string());
    cx.st.details_scroll = 0;
    true
}

/// Clears the filter, restoring the expansion from before it; the selection stays where it
/// was, opening its ancestors if needed.
pub fn clear_filter(cx: &mut Cx<'_, State>) {
    cx.st.filter.set("");
    cx.st.filter_editing = false;
    if let Some(before) = cx.st.opened_before_filter.take() {
        cx.st.opened = before;
    }
    let keep = cx.st.selected.clone();
    refilter(cx, false);
    if let Some(id) = keep {
        reveal(cx, &id);
    }
}

/// Rows the tree pane shows (for page up/down).
pub fn tree_height(cx: &Cx<'_, State>) -> usize {
    usize::from(cx.shared.size.1.saturating_sub(6)).max(1)
}
