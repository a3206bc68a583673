//! Moving about the page: between the fields (up/down, tab), into the trace or the matrix grid,
//! the matrix cursor, and left/right to step through the choices of the account, principal and
//! OU fields.

use super::compute;
use super::edit;
use super::state::{self, Field, Focus, st, st_mut};
use crate::tui::app::App;
use crate::tui::command::Command;
use crate::tui::msg::Effect;

/// Navigation on the page.
pub fn navigate(app: &mut App, cmd: &Command) -> Option<Vec<Effect>> {
    app.dirty = true;
    match st(app).focus {
        Focus::Field(f) => field_nav(app, f, cmd),
        Focus::Body => body_nav(app, cmd),
    }
    Some(Vec::new())
}

fn field_nav(app: &mut App, f: Field, cmd: &Command) {
    let s = st_mut(app);
    match cmd {
        Command::Up | Command::Top => {
            s.focus = Focus::Field(if *cmd == Command::Top { Field::Account } else { f.prev().unwrap_or(f) })
        }
        Command::Down | Command::NextPane => s.focus = f.next().map_or(Focus::Body, Focus::Field),
        Command::Bottom | Command::PageDown => s.focus = Focus::Body,
        Command::Open => edit::begin(app, f),
        Command::Collapse => cycle(app, f, false),
        Command::Expand => cycle(app, f, true),
        _ => {}
    }
}

fn body_nav(app: &mut App, cmd: &Command) {
    if !st(app).matrix {
        let s = st_mut(app);
        match cmd {
            Command::Up if s.scroll == 0 => s.focus = Focus::Field(Field::Context),
            Command::Up => s.scroll -= 1,
            Command::Down => s.scroll = s.scroll.saturating_add(1).min(500),
            Command::PageUp => s.scroll = s.scroll.saturating_sub(10),
            Command::PageDown => s.scroll = s.scroll.saturating_add(10).min(500),
            Command::Top => s.scroll = 0,
            Command::Cancel | Command::NextPane => s.focus = Focus::Field(Field::Account),
            _ => {}
        }
        return;
    }
    let (rows, cols) = compute::matrix(app).map_or((0, 0), |m| (m.rows.len(), m.base.actions.len()));
    let page = usize::from(app.size.1 / 3).max(1);
    let s = st_mut(app);
    let (r, c) = s.cursor;
    s.scroll = 0;
    s.cursor = match cmd {
        Command::Up if r == 0 => {
            s.focus = Focus::Field(Field::Context);
            (r, c)
        }
        Command::Up => (r - 1, c),
        Command::Down => (r + 1, c),
        Command::Collapse => (r, c.saturating_sub(1)),
        Command::Expand => (r, c + 1),
        Command::PageUp => (r.saturating_sub(page), c),
        Command::PageDown => (r + page, c),
        Command::Top => (0, c),
        Command::Bottom => (usize::MAX, c),
        Command::Cancel | Command::NextPane => {
            s.focus = Focus::Field(Field::Account);
            (r, c)
        }
        _ => (r, c),
    };
    s.cursor = (s.cursor.0.min(rows.saturating_sub(1)), s.cursor.1.min(cols.saturating_sub(1)));
}

/// Steps the account, principal or OU field to the next (or previous) choice.
fn cycle(app: &mut App, f: Field, forward: bool) {
    let matrix = st(app).matrix;
    let Some(snap) = state::snapshot(app).cloned() else { return };
    let step = |list: &[String], cur: &str| -> Option<String> {
        if list.is_empty() {
            return None;
        }
        let n = list.len();
        let i = list.iter().position(|x| x == cur);
        let j = match (i, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, _) => 0,
        };
        list.get(j).cloned()
    };
    match (f, matrix) {
        (Field::Account, false) => {
            let list: Vec<String> = snap.accounts.iter().map(|a| a.account.id.as_str().to_string()).collect();
            let cur = state::account(app).unwrap_or_default();
            if let Some(next) = step(&list, &cur) {
                let at = app.selected.clone();
                st_mut(app).account = Some((next, at));
            }
        }
        (Field::Account, true) => {
            let mut list: Vec<String> =
                snap.organization.iter().map(|o| o.root_id.as_str().to_string()).collect();
            list.extend(snap.organizational_units.iter().map(|o| o.id.as_str().to_string()));
            let cur = state::matrix_node(app).unwrap_or_default();
            if let Some(next) = step(&list, &cur) {
                let s = st_mut(app);
                s.ou = Some(next);
                s.cursor = (0, s.cursor.1);
            }
        }
        (Field::Principal, _) => {
            let account = state::account(app).unwrap_or_default();
            let mut list: Vec<String> =
                state::principals(app).in_account(&account).map(|k| k.part.clone()).collect();
            list.push(state::DEFAULT_ROLE.to_string());
            let cur = state::principal_part(app, &account);
            if let Some(next) = step(&list, &cur) {
                st_mut(app).principal = Some(next);
            }
        }
        _ => {}
    }
    st_mut(app).scroll = 0;
}
