//! Drawing: a pure function of the console state (the tree widget's scroll offset is its only
//! render cache). Header, the page, status line, footer, then any dialog on top.

pub mod details;
pub mod dialogs;

use super::app::{App, Focus, Page, Status};
use super::dialog::Modal;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use tui_tree_widget::Tree;

/// The smallest terminal the console draws into.
pub const MIN_SIZE: (u16, u16) = (60, 12);

/// Draws the whole console.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        too_small(f, area);
        return;
    }
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .split(area);
    header(f, app, rows[0]);
    match app.page {
        Page::Accounts => accounts_page(f, app, rows[1]),
        _ => super::pages::draw(f, app, rows[1]),
    }
    status(f, app, rows[2]);
    footer(f, app, rows[3]);
    if app.editor.is_some() {
        super::editor::draw(f, app, rows[1], rows[3]);
    }
    dialogs::draw(f, app, area);
}

fn too_small(f: &mut Frame, area: Rect) {
    let msg = format!(
        "Terminal too small ({}x{}). orgtui needs at least {}x{}. Enlarge the window or press q to quit.",
        area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
    );
    f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
}

fn header(f: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let mut spans = vec![
        Span::styled(" orgtui ", t.title()),
        Span::raw("│ "),
        Span::styled(app.source.label.clone(), t.key()),
    ];
    if let Some(o) = app.data.as_ref().and_then(|d| d.snapshot.organization.as_ref()) {
        match &app.acting_as {
            Some(a) => spans.push(Span::raw(format!(" │ {} │ acting as {a}", o.id))),
            None => spans.push(Span::raw(format!(" │ {} │ management {}", o.id, o.management_account_id))),
        }
    } else if app.data.is_some() {
        spans.push(Span::raw(" │ no organization"));
        if let Some(a) = &app.acting_as {
            spans.push(Span::raw(format!(" │ acting as {a}")));
        }
    }
    spans.push(Span::raw(" │ "));
    spans.push(match (app.source.guarded, app.source.writable) {
        (true, true) => Span::styled("WRITES ARMED", t.danger()),
        (false, true) => Span::styled("WRITABLE", t.ok()),
        (_, false) => Span::styled("READ-ONLY", t.ok()),
    });
    if app.mouse {
        spans.push(Span::raw(" │ mouse on"));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn accounts_page(f: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let left = if area.width >= 110 { 55 } else { 50 };
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(left), Constraint::Percentage(100 - left)])
        .split(area);
    let focus_style = |focus: Focus| if app.focus == focus { t.focus() } else { t.dim() };
    let Some(d) = app.data.as_ref() else {
        let msg = match &app.load_error {
            Some(e) => format!("Could not load the organization: {e}\nPress r to retry."),
            None => format!("{} Loading the organization…{}", t.spinner(app.tick), progress_text(app)),
        };
        f.render_widget(
            Paragraph::new(msg)
                .wrap(Wrap { trim: true })
                .block(Block::default().borders(Borders::ALL).title(" AWS accounts ")),
            area,
        );
        return;
    };
    let accounts = d.snapshot.accounts.len();
    let mut title = format!(" AWS accounts ({accounts}) ");
    if !app.filter.is_empty() || app.filter_editing {
        let shown = d.keep.as_ref().map_or(0, |k| k.iter().filter(|x| **x).count());
        let cursor = if app.filter_editing { "_" } else { "" };
        title = format!(" AWS accounts — filter: {}{cursor} ({shown} shown) ", app.filter);
    }
    if d.tree.nodes.is_empty() {
        f.render_widget(
            Paragraph::new("This account is not in an organization.")
                .block(Block::default().borders(Borders::ALL).title(title)),
            area,
        );
        return;
    }
    let (open, closed, leaf, marker) = t.tree_glyphs();
    {
        let mut state = app.tree_view.borrow_mut();
        if app.tree_view_rev.get() != app.rows_rev {
            state.close_all();
            for id in &app.opened {
                if let Some(i) = d.tree.index_of(id).filter(|&i| !d.tree.nodes[i].children.is_empty()) {
                    state.open(d.tree.key_path(i));
                }
            }
            app.tree_view_rev.set(app.rows_rev);
        }
        match app.selected_node() {
            Some(i) => state.select(d.tree.key_path(i)),
            None => state.select(Vec::new()),
        };
    }
    let block = Block::default().borders(Borders::ALL).border_style(focus_style(Focus::Tree)).title(title);
    match Tree::new(&d.items) {
        Ok(tree) => {
            let tree = tree
                .block(block)
                .highlight_style(t.selected())
                .highlight_symbol(marker)
                .node_open_symbol(open)
                .node_closed_symbol(closed)
                .node_no_children_symbol(leaf);
            f.render_stateful_widget(tree, cols[0], &mut app.tree_view.borrow_mut());
        }
        Err(e) => f.render_widget(Paragraph::new(format!("Cannot draw the tree: {e}")).block(block), cols[0]),
    }
    let lines = app.selected_node().map(|i| details::lines(&d.snapshot, &d.tree, i, t)).unwrap_or_default();
    let details = Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(focus_style(Focus::Details))
                .title(" Details "),
        )
        .wrap(Wrap { trim: false })
        .scroll((app.details_scroll, 0));
    f.render_widget(details, cols[1]);
}

/// ` tags 120/1043` while a load reports progress.
fn progress_text(app: &App) -> String {
    match &app.load_progress {
        Some(p) => match p.total {
            Some(total) => format!(" {} {}/{total}", p.stage, p.done),
            None => format!(" {} {}", p.stage, p.done),
        },
        None => String::new(),
    }
}

fn status(f: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let spinner = t.spinner(app.tick);
    let mut spans = Vec::new();
    if let Some((_, label)) = app.pending.iter().next_back() {
        spans.push(Span::raw(format!("{spinner} {label}… ")));
    } else if app.loading && app.data.is_some() {
        spans.push(Span::raw(format!("{spinner} Refreshing…{} ", progress_text(app))));
    }
    for c in app.creations.iter().filter(|c| c.state == crate::model::CreateAccountState::InProgress) {
        spans.push(Span::raw(format!("{spinner} Creating {} (IN_PROGRESS) ", c.name)));
    }
    match &app.status {
        Status::None => {}
        Status::Info(m) => spans.push(Span::raw(m.clone())),
        Status::Ok(m) => spans.push(Span::styled(format!("OK {m}"), t.ok())),
        Status::Error(m) => spans.push(Span::styled(format!("ERROR {m}"), t.danger())),
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn footer(f: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let hints: Vec<(String, &str)> = if app.modal.is_some() {
        match app.modal {
            Some(Modal::Help { .. }) => vec![("↑↓".into(), "scroll"), ("esc".into(), "close")],
            _ => vec![("enter".into(), "ok"), ("esc".into(), "cancel")],
        }
    } else if app.filter_editing {
        vec![
            ("type".into(), "filter"),
            ("↑↓".into(), "move"),
            ("enter".into(), "keep"),
            ("esc".into(), "clear"),
        ]
    } else if app.moving.is_some() {
        vec![("↑↓".into(), "pick destination"), ("enter".into(), "move here"), ("esc".into(), "cancel")]
    } else {
        app.keymap
            .bindings
            .iter()
            .filter(|b| b.page.is_none_or(|p| p == app.page))
            .filter_map(|b| Some((b.keys.first()?.label(), b.footer?)))
            .collect()
    };
    let mut spans = Vec::new();
    for (k, d) in hints {
        spans.push(Span::styled(format!(" {k}"), t.key()));
        spans.push(Span::raw(format!(" {d} ")));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
