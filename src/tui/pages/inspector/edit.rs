//! Editing a field: typed keys go to the field (the keymap does not see them), completions from
//! the organization, the known principals and the action catalogue, Enter to commit and
//! evaluate, Esc to leave the field as it was.

use super::state::State;
use super::state::{self, Edit, Field, Focus};
use crate::tui::cx::{Cx, Status, View};
use crate::tui::widgets::input::Handled;
use crossterm::event::{KeyCode, KeyEvent};

/// The most completions offered.
pub const MAX_COMPLETIONS: usize = 8;

/// Starts editing a field with its current value.
pub fn begin(cx: &mut Cx<'_, State>, field: Field) {
    let matrix = cx.st.matrix;
    let buffer = match (field, matrix) {
        (Field::Account, false) => state::account(&cx.view()).unwrap_or_default(),
        (Field::Account, true) => cx.st.ou.clone().unwrap_or_default(),
        (Field::Principal, _) => cx.st.principal.clone().unwrap_or_default(),
        (Field::Action, false) => cx.st.action.clone(),
        (Field::Action, true) => cx.st.actions.join(", "),
        (Field::Resource, _) => cx.st.resource.clone(),
        (Field::Context, _) => cx.st.context.clone(),
    };
    let s = &mut *cx.st;
    s.focus = Focus::Field(field);
    let buffer = crate::tui::widgets::input::Input::with_value_max(&buffer, 2048);
    s.editing = Some(Edit { field, buffer, choice: 0 });
}

/// The text completions work on: the last item of a list field, the key of the last context entry.
fn tail(field: Field, matrix: bool, buffer: &str) -> (usize, &str) {
    let sep: &[char] = match (field, matrix) {
        (Field::Action, true) => &[','],
        (Field::Context, _) => &[';'],
        _ => &[],
    };
    let start = if sep.is_empty() { 0 } else { buffer.rfind(sep).map_or(0, |i| i + 1) };
    let t = &buffer[start..];
    let lead = t.len() - t.trim_start().len();
    (start + lead, t.trim_start())
}

/// Completions for the field being edited: (value, hint).
pub fn completions(cx: &View<'_, State>) -> Vec<(String, String)> {
    let s = &*cx.st;
    let Some(e) = &s.editing else { return Vec::new() };
    let (_, t) = tail(e.field, s.matrix, e.buffer.value());
    let lower = t.to_ascii_lowercase();
    let mut out: Vec<(String, String)> = Vec::new();
    let Some(snap) = state::snapshot(cx) else { return out };
    match (e.field, s.matrix) {
        (Field::Account, false) => {
            for a in &snap.accounts {
                let (id, name) = (a.account.id.as_str(), &a.account.name);
                if id.starts_with(t) || name.to_ascii_lowercase().contains(&lower) {
                    out.push((id.to_string(), crate::model::text::sanitize(name)));
                }
            }
        }
        (Field::Account, true) => {
            if let Some(o) = &snap.organization
                && (o.root_id.as_str().starts_with(t) || "root".contains(&lower))
            {
                out.push((o.root_id.as_str().to_string(), "Root".into()));
            }
            for ou in &snap.organizational_units {
                if ou.id.as_str().starts_with(t) || ou.name.to_ascii_lowercase().contains(&lower) {
                    out.push((ou.id.as_str().to_string(), crate::model::text::sanitize(&ou.name)));
                }
            }
        }
        (Field::Principal, _) => {
            let account = state::account(cx).unwrap_or_default();
            for k in state::principals(cx).in_account(&account) {
                if k.part.to_ascii_lowercase().contains(&lower) {
                    out.push((k.part.clone(), k.summary.clone()));
                }
            }
            if state::DEFAULT_ROLE.to_ascii_lowercase().contains(&lower) {
                out.push((state::DEFAULT_ROLE.into(), "identity policies unknown: allows everything".into()));
            }
        }
        (Field::Action, _) if !t.is_empty() => {
            for a in crate::catalog::complete_action(t).take(MAX_COMPLETIONS) {
                out.push((a.full_name(), a.access_level().as_str().to_string()));
            }
        }
        (Field::Context, _) if !t.is_empty() && !t.contains('=') => {
            for k in crate::catalog::catalog().global_condition_keys() {
                if k.name().to_ascii_lowercase().starts_with(&lower) {
                    out.push((format!("{}=", k.name()), k.ty().as_str().to_string()));
                }
            }
        }
        _ => {}
    }
    out.retain(|(v, _)| *v != t);
    out.truncate(MAX_COMPLETIONS);
    out
}

/// Puts the highlighted completion into the field; false when there is none.
fn accept(cx: &mut Cx<'_, State>) -> bool {
    let list = completions(&cx.view());
    let matrix = cx.st.matrix;
    let Some(e) = cx.st.editing.as_mut() else { return false };
    let Some((value, _)) = list.get(e.choice.min(list.len().saturating_sub(1))) else { return false };
    let (start, _) = tail(e.field, matrix, e.buffer.value());
    let mut text = e.buffer.value()[..start].to_string();
    text.push_str(value);
    e.buffer.set(&text);
    e.choice = 0;
    true
}

/// Commits the edit; an error leaves the field open with a message.
fn commit(cx: &mut Cx<'_, State>) -> Result<(), String> {
    let Some(e) = cx.st.editing.clone() else { return Ok(()) };
    let v = e.buffer.value().trim().to_string();
    let matrix = cx.st.matrix;
    match (e.field, matrix) {
        (Field::Account, false) => {
            let found = resolve(&cx.view(), &v, false)?;
            let at = cx.shared.selected.clone();
            cx.st.account = found.map(|id| (id, at));
        }
        (Field::Account, true) => cx.st.ou = resolve(&cx.view(), &v, true)?,
        (Field::Principal, _) => cx.st.principal = (!v.is_empty()).then_some(v),
        (Field::Action, false) => {
            if !v.is_empty() && !v.contains(':') {
                return Err(format!("{v:?} is not service:Action"));
            }
            cx.st.action = v;
        }
        (Field::Action, true) => {
            let list: Vec<String> =
                v.split([',', ' ']).map(str::trim).filter(|a| !a.is_empty()).map(str::to_string).collect();
            if let Some(bad) = list.iter().find(|a| !a.contains(':')) {
                return Err(format!("{bad:?} is not service:Action"));
            }
            let s = &mut *cx.st;
            s.actions = list;
            s.cursor.1 = s.cursor.1.min(s.actions.len().saturating_sub(1));
        }
        (Field::Resource, _) => cx.st.resource = if v.is_empty() { "*".into() } else { v },
        (Field::Context, _) => cx.st.context = v,
    }
    let s = &mut *cx.st;
    s.editing = None;
    s.scroll = 0;
    Ok(())
}

/// An account (or, for the matrix, a root/OU) by id or name; `None` for an empty text.
fn resolve(cx: &View<'_, State>, v: &str, node: bool) -> Result<Option<String>, String> {
    if v.is_empty() {
        return Ok(None);
    }
    let Some(snap) = state::snapshot(cx) else { return Err("no organization loaded".into()) };
    let lower = v.to_ascii_lowercase();
    let mut ids: Vec<(&str, &str)> = Vec::new();
    if node {
        if let Some(o) = &snap.organization {
            ids.push((o.root_id.as_str(), "root"));
        }
        ids.extend(snap.organizational_units.iter().map(|o| (o.id.as_str(), o.name.as_str())));
    } else {
        ids.extend(snap.accounts.iter().map(|a| (a.account.id.as_str(), a.account.name.as_str())));
    }
    if let Some((id, _)) = ids.iter().find(|(id, n)| *id == v || n.eq_ignore_ascii_case(v)) {
        return Ok(Some(id.to_string()));
    }
    let hits: Vec<&str> =
        ids.iter().filter(|(_, n)| n.to_ascii_lowercase().contains(&lower)).map(|(id, _)| *id).collect();
    match hits.as_slice() {
        [one] => Ok(Some(one.to_string())),
        [] => Err(format!("no {} matches {v:?}", if node { "OU" } else { "account" })),
        _ => Err(format!("{} {}s match {v:?}; type more", hits.len(), if node { "OU" } else { "account" })),
    }
}

/// A key while a field is edited (all keys are taken).
pub fn key(cx: &mut Cx<'_, State>, k: &KeyEvent) {
    match k.code {
        KeyCode::Esc => cx.st.editing = None,
        KeyCode::Enter => {
            if let Err(msg) = commit(cx) {
                cx.set_status(Status::Error(msg));
            }
        }
        KeyCode::Tab if accept(cx) => {}
        KeyCode::Tab => {
            let field = cx.st.editing.as_ref().map(|e| e.field);
            match commit(cx) {
                Err(msg) => cx.set_status(Status::Error(msg)),
                Ok(()) => cx.st.focus = field.and_then(Field::next).map_or(Focus::Body, Focus::Field),
            }
        }
        KeyCode::Down | KeyCode::Up => {
            let n = completions(&cx.view()).len();
            if let Some(e) = cx.st.editing.as_mut() {
                e.choice = match k.code {
                    KeyCode::Down => (e.choice + 1).min(n.saturating_sub(1)),
                    _ => e.choice.saturating_sub(1),
                };
            }
        }
        _ => {
            if let Some(e) = cx.st.editing.as_mut()
                && e.buffer.handle_key(*k) == Handled::Edited
            {
                e.choice = 0;
            }
        }
    }
}
