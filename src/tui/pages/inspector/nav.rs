//! Moving about the page: between the fields (up/down, tab), into the trace or the matrix grid,
//! the matrix cursor, and left/right to step through the choices of the account, principal and
//! OU fields.

use super::compute;
use super::edit;
use super::state::State;
use super::state::{self, Field, Focus};
use crate::tui::cx::Cx;
use crate::tui::msg::Effect;
use crate::tui::page::Nav;

/// Navigation on the page.
pub fn navigate(cx: &mut Cx<'_, State>, nav: Nav) -> Option<Vec<Effect>> {
    match cx.st.focus {
        Focus::Field(f) => field_nav(cx, f, nav),
        Focus::Body => body_nav(cx, nav),
    }
    Some(Vec::new())
}

fn field_nav(cx: &mut Cx<'_, State>, f: Field, nav: Nav) {
    let s = &mut *cx.st;
    match nav {
        Nav::Up | Nav::Top => {
            s.focus = Focus::Field(if nav == Nav::Top { Field::Account } else { f.prev().unwrap_or(f) })
        }
        Nav::Down | Nav::Tab => s.focus = f.next().map_or(Focus::Body, Focus::Field),
        Nav::Bottom | Nav::PageDown => s.focus = Focus::Body,
        Nav::Enter => edit::begin(cx, f),
        Nav::Left => cycle(cx, f, false),
        Nav::Right => cycle(cx, f, true),
        _ => {}
    }
}

fn body_nav(cx: &mut Cx<'_, State>, nav: Nav) {
    if !cx.st.matrix {
        let s = &mut *cx.st;
        match nav {
            Nav::Up if s.scroll == 0 => s.focus = Focus::Field(Field::Context),
            Nav::Up => s.scroll -= 1,
            Nav::Down => s.scroll = s.scroll.saturating_add(1).min(500),
            Nav::PageUp => s.scroll = s.scroll.saturating_sub(10),
            Nav::PageDown => s.scroll = s.scroll.saturating_add(10).min(500),
            Nav::Top => s.scroll = 0,
            Nav::Back | Nav::Tab => s.focus = Focus::Field(Field::Account),
            _ => {}
        }
        return;
    }
    let (rows, cols) = compute::matrix(&cx.view()).map_or((0, 0), |m| (m.rows.len(), m.base.actions.len()));
    let page = usize::from(cx.shared.size.1 / 3).max(1);
    let s = &mut *cx.st;
    let (r, c) = s.cursor;
    s.scroll = 0;
    s.cursor = match nav {
        Nav::Up if r == 0 => {
            s.focus = Focus::Field(Field::Context);
            (r, c)
        }
        Nav::Up => (r - 1, c),
        Nav::Down => (r + 1, c),
        Nav::Left => (r, c.saturating_sub(1)),
        Nav::Right => (r, c + 1),
        Nav::PageUp => (r.saturating_sub(page), c),
        Nav::PageDown => (r + page, c),
        Nav::Top => (0, c),
        Nav::Bottom => (usize::MAX, c),
        Nav::Back | Nav::Tab => {
            s.focus = Focus::Field(Field::Account);
            (r, c)
        }
        _ => (r, c),
    };
    s.cursor = (s.cursor.0.min(rows.saturating_sub(1)), s.cursor.1.min(cols.saturating_sub(1)));
}

/// Steps the account, principal or OU field to the next (or previous) choice.
fn cycle(cx: &mut Cx<'_, State>, f: Field, forward: bool) {
    let matrix = cx.st.matrix;
    let Some(snap) = state::snapshot(&cx.view()).cloned() else { return };
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
            let cur = state::account(&cx.view()).unwrap_or_default();
            if let Some(next) = step(&list, &cur) {
                let at = cx.shared.selected.clone();
                cx.st.account = Some((next, at));
            }
        }
        (Field::Account, true) => {
            let mut list: Vec<String> =
                snap.organization.iter().map(|o| o.root_id.as_str().to_string()).collect();
            list.extend(snap.organizational_units.iter().map(|o| o.id.as_str().to_string()));
            let cur = state::matrix_node(&cx.view()).unwrap_or_default();
            if let Some(next) = step(&list, &cur) {
                let s = &mut *cx.st;
                s.ou = Some(next);
                s.cursor = (0, s.cursor.1);
            }
        }
        (Field::Principal, _) => {
            let account = state::account(&cx.view()).unwrap_or_default();
            let mut list: Vec<String> =
                state::principals(&cx.view()).in_account(&account).map(|k| k.part.clone()).collect();
            list.push(state::DEFAULT_ROLE.to_string());
            let cur = state::principal_part(&cx.view(), &account);
            if let Some(next) = step(&list, &cur) {
                cx.st.principal = Some(next);
            }
        }
        _ => {}
    }
    cx.st.scroll = 0;
}
