//! The target picker: a filterable list of the root, OUs and accounts (name, id, email or
//! `key=value` tag, like the accounts filter), quick with thousands of accounts because the
//! matches are recomputed only when the query changes.

use super::State;
use super::{actions, data, effective};
use crate::tui::cx::{Cx, View};
use crate::tui::tree::Filter;
use crate::tui::widgets::input::{Handled, Input};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use std::collections::HashSet;

/// What the picked target is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Attach a policy to it.
    Attach { policy_id: String, policy_name: String },
    /// Show its effective policy.
    Effective,
}

/// The open picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub purpose: Purpose,
    pub query: Input,
    /// Tree node indices matching the query, in tree order.
    pub matches: Vec<usize>,
    pub cursor: usize,
}

/// Opens the picker (every node listed).
pub(super) fn open(cx: &mut Cx<'_, State>, purpose: Purpose) {
    let mut p = Picker { purpose, query: Input::default(), matches: Vec::new(), cursor: 0 };
    refresh(&cx.view(), &mut p);
    cx.st.picker = Some(p);
}

fn refresh(cx: &View<'_, State>, p: &mut Picker) {
    let Some(d) = cx.shared.data.as_ref() else { return };
    p.matches = match Filter::parse(p.query.value()) {
        Some(f) => d.tree.matches(&f),
        None => (0..d.tree.nodes.len()).collect(),
    };
    p.cursor = p.cursor.min(p.matches.len().saturating_sub(1));
}

/// Keys while the picker is open (it takes them all); `false` when it is closed.
pub(super) fn key(cx: &mut Cx<'_, State>, k: &KeyEvent) -> bool {
    let Some(mut p) = cx.st.picker.take() else { return false };
    let page = usize::from(cx.shared.size.1.saturating_sub(8)).max(1);
    let last = p.matches.len().saturating_sub(1);
    match k.code {
        KeyCode::Esc => return true,
        KeyCode::Enter => {
            let Some(id) = p
                .matches
                .get(p.cursor)
                .and_then(|&i| cx.shared.data.as_ref().map(|d| d.tree.nodes[i].id.clone()))
            else {
                cx.st.picker = Some(p);
                return true;
            };
            match p.purpose {
                Purpose::Attach { policy_id, .. } => actions::attach_to(cx, &policy_id, &id),
                Purpose::Effective => effective::set_target(cx, &id),
            }
            return true;
        }
        KeyCode::Up => p.cursor = p.cursor.saturating_sub(1),
        KeyCode::Down => p.cursor = (p.cursor + 1).min(last),
        KeyCode::PageUp => p.cursor = p.cursor.saturating_sub(page),
        KeyCode::PageDown => p.cursor = (p.cursor + page).min(last),
        KeyCode::Home => p.cursor = 0,
        KeyCode::End => p.cursor = last,
        _ => {
            if p.query.handle_key(*k) == Handled::Edited {
                p.cursor = 0;
                refresh(&cx.view(), &mut p);
            }
        }
    }
    cx.st.picker = Some(p);
    true
}

/// A paste into the picker's query (line breaks become spaces: a paste never picks); `false`
/// when the picker is closed.
pub(super) fn paste(cx: &mut Cx<'_, State>, text: &str) -> bool {
    let Some(mut p) = cx.st.picker.take() else { return false };
    if p.query.insert_str(text) {
        p.cursor = 0;
        refresh(&cx.view(), &mut p);
    }
    cx.st.picker = Some(p);
    true
}

/// Draws the picker over the page.
pub(super) fn draw(f: &mut Frame, cx: &View<'_, State>, area: Rect, p: &Picker) {
    let t = &cx.shared.theme;
    let Some(d) = cx.shared.data.as_ref() else { return };
    let w = area.width.min(100);
    let r = crate::tui::widgets::centered(area, w, area.height);
    f.render_widget(Clear, r);
    let title = match &p.purpose {
        Purpose::Attach { policy_name, .. } => format!(" Attach {policy_name} to… "),
        Purpose::Effective => " Effective policy of… ".to_string(),
    };
    let attached: HashSet<&str> = match &p.purpose {
        Purpose::Attach { policy_id, .. } => d
            .snapshot
            .attachments
            .iter()
            .filter(|a| a.policy_id.as_str() == policy_id)
            .map(|a| a.target_id.as_str())
            .collect(),
        Purpose::Effective => HashSet::new(),
    };
    let mut lines = vec![
        Line::from(vec![Span::styled("Find: ", t.key()), Span::raw(format!("{}_", p.query.value()))]),
        Line::from(Span::styled(
            format!(
                "{} of {} · name, id, email or key=value · enter picks · esc cancels",
                p.matches.len(),
                d.tree.nodes.len()
            ),
            t.dim(),
        )),
    ];
    let rows = usize::from(r.height.saturating_sub(4)).max(1);
    let start = p.cursor.saturating_sub(rows - 1);
    let name_w = usize::from(w).saturating_sub(50).clamp(12, 32);
    for (row, &i) in p.matches.iter().enumerate().skip(start).take(rows) {
        let n = &d.tree.nodes[i];
        let name = crate::tui::widgets::fit(&crate::model::text::sanitize(&n.name), name_w);
        let parent = n.parent.map(|q| format!("in {}", d.tree.nodes[q].name)).unwrap_or_default();
        let mark = if attached.contains(n.id.as_str()) { "ATTACHED " } else { "" };
        let text = format!(
            "{} {:<8} {} {:<17} {mark}{parent}",
            if row == p.cursor { ">" } else { " " },
            data::kind_word(n.kind),
            name,
            n.id
        );
        let style = if row == p.cursor { t.selected() } else { ratatui::style::Style::default() };
        lines.push(Line::from(Span::styled(text, style)));
    }
    let block = t.block().border_style(t.focus()).title(title);
    f.render_widget(Paragraph::new(lines).block(block), r);
}
