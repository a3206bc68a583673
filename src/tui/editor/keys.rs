//! Keys while the editor is open (it takes all of them), and following the save call.
//!
//! Editing keys are `ratatui-textarea`'s (arrows, home/end, ctrl-z/ctrl-y undo and redo,
//! ctrl-x/ctrl-v cut and paste…); the editor adds: ctrl-s save, alt-f format, alt-m minify,
//! tab or ctrl-space complete, esc leave (the edit stays as a draft).

use super::complete::{self, Kind};
use super::{Completion, Editor, Mode, draft, format, save};
use crate::tui::app::{App, Status};
use crate::tui::dialog::Modal;
use crate::tui::msg::Effect;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};

/// Draft files are written at most this often while typing (and always on leaving).
pub const DRAFT_INTERVAL: Duration = Duration::from_millis(500);

/// Longest name and description accepted in the details step (AWS's limits).
const NAME_MAX: usize = 128;
const DESCRIPTION_MAX: usize = 512;

/// Follows the save call: once it is no longer in flight, a failure (the error dialog the
/// console opened) moves into the editor with the text kept; a success closes the editor and
/// removes the draft. Returns whether it took an error dialog away.
pub fn sync(cx: &mut Cx<'_, State>) -> bool {
    let Some(Mode::Saving { op }) = cx.st.as_ref().map(|e| &e.mode) else { return false };
    if cx.pending.contains_key(op) {
        return false;
    }
    if let Some(Modal::Error { message, .. }) = cx.modal.take() {
        if let Some(e) = cx.st.as_mut() {
            e.error = Some(message);
            e.mode = Mode::Edit;
            flush_draft(e, &mut cx.shared.drafts, true);
        }
        return true;
    }
    if let Some(e) = cx.st.take() {
        let key = e.target.draft_key();
        cx.shared.drafts.remove(&key);
        if let Some(dir) = &e.draft_dir {
            draft::remove(dir, &key);
        }
    }
    false
}

/// A key for the editor: `None` when the editor is closed (or another dialog is on top).
pub fn on_key(cx: &mut Cx<'_, State>, k: &KeyEvent) -> Option<Vec<Effect>> {
    let took_error = sync(cx);
    if cx.st.is_none() {
        return took_error.then(Vec::new);
    }
    if took_error {
        return Some(Vec::new());
    }
    if cx.modal.is_some() {
        return None;
    }
    let mode = cx.st.as_ref().map(|e| e.mode.clone())?;
    let effects = match mode {
        Mode::Offer(offer) => {
            offer_key(cx, k, offer);
        }
        Mode::Complete(c) => {
            complete_key(cx, k, c);
        }
        Mode::Details { focus } => {
            details_key(cx, k, focus);
        }
        Mode::Confirm(mut c) => match k.code {
            KeyCode::Char('y') | KeyCode::Enter => save::submit(cx),
            KeyCode::Char('n') | KeyCode::Esc => {
                set_mode(cx, Mode::Edit);
            }
            KeyCode::Up | KeyCode::PageUp | KeyCode::Down | KeyCode::PageDown => {
                let step = if matches!(k.code, KeyCode::PageUp | KeyCode::PageDown) { 10 } else { 1 };
                c.scroll = if matches!(k.code, KeyCode::Up | KeyCode::PageUp) {
                    c.scroll.saturating_sub(step)
                } else {
                    c.scroll.saturating_add(step).min(save::confirmation_lines(&c).len().saturating_sub(1))
                };
                set_mode(cx, Mode::Confirm(c));
            }
            _ => {}
        },
        Mode::Saving { .. } => {}
        Mode::Edit => edit_key(cx, k),
    };
    let rows = super::draw::text_rows(cx.shared.size.1);
    if let Some(e) = cx.st.as_mut() {
        let row = e.area.cursor().0;
        e.top = e.top.min(row).max((row + 1).saturating_sub(rows));
    }
    Some(effects)
}

fn set_mode(cx: &mut Cx<'_, State>, mode: Mode) {
    if let Some(e) = cx.st.as_mut() {
        e.mode = mode;
    }
}

fn offer_key(cx: &mut Cx<'_, State>, k: &KeyEvent, offer: super::DraftOffer) {
    let Some(e) = cx.st.as_mut() else { return };
    match k.code {
        KeyCode::Char('r') => {
            e.mode = Mode::Edit;
            e.set_text(&offer.text);
            changed(cx);
            if let Some(e) = cx.st.as_mut() {
                e.note = Some(format!("Draft from {} restored.", offer.saved_at));
            }
        }
        KeyCode::Char('d') => {
            if let Some(dir) = &e.draft_dir {
                draft::remove(dir, &e.target.draft_key());
            }
            e.mode = Mode::Edit;
            e.note = Some("Draft discarded.".into());
        }
        KeyCode::Esc => cx.st = None,
        _ => {}
    }
}

fn complete_key(cx: &mut Cx<'_, State>, k: &KeyEvent, mut c: Completion) {
    match k.code {
        KeyCode::Up => c.selected = c.selected.checked_sub(1).unwrap_or(c.items.len().saturating_sub(1)),
        KeyCode::Down => c.selected = if c.selected + 1 >= c.items.len() { 0 } else { c.selected + 1 },
        KeyCode::Enter | KeyCode::Tab => {
            if let Some(e) = cx.st.as_mut() {
                e.mode = Mode::Edit;
                if let Some(item) = c.items.get(c.selected) {
                    for _ in 0..c.prefix.chars().count() {
                        e.area.delete_char();
                    }
                    e.area.insert_str(item);
                }
            }
            changed(cx);
            return;
        }
        KeyCode::Esc => {
            set_mode(cx, Mode::Edit);
            return;
        }
        _ => {
            // Any other key closes the list and edits as usual.
            set_mode(cx, Mode::Edit);
            edit_key(cx, k);
            return;
        }
    }
    set_mode(cx, Mode::Complete(c));
}

fn details_key(cx: &mut Cx<'_, State>, k: &KeyEvent, focus: usize) {
    let Some(e) = cx.st.as_mut() else { return };
    let (field, max) =
        if focus == 0 { (&mut e.name, NAME_MAX) } else { (&mut e.description, DESCRIPTION_MAX) };
    match k.code {
        KeyCode::Esc => e.mode = Mode::Edit,
        KeyCode::Tab | KeyCode::BackTab | KeyCode::Up | KeyCode::Down => {
            e.mode = Mode::Details { focus: 1 - focus.min(1) }
        }
        KeyCode::Backspace => {
            field.pop();
        }
        KeyCode::Enter if focus == 0 => e.mode = Mode::Details { focus: 1 },
        KeyCode::Enter => {
            if e.name.trim().is_empty() {
                e.note = Some("A new policy needs a name.".into());
                e.mode = Mode::Details { focus: 0 };
            } else {
                save::confirm(cx);
            }
        }
        KeyCode::Char(ch)
            if !ch.is_control()
                && !k.modifiers.contains(KeyModifiers::CONTROL)
                && field.chars().count() < max =>
        {
            field.push(ch);
        }
        _ => {}
    }
}

fn edit_key(cx: &mut Cx<'_, State>, k: &KeyEvent) {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    let Some(e) = cx.st.as_mut() else { return };
    match k.code {
        KeyCode::Esc => leave(cx),
        KeyCode::Char('s') if ctrl => save::begin(cx),
        KeyCode::Char('f') if alt => reformat(cx, format::pretty, "Formatted."),
        KeyCode::Char('m') if alt => reformat(cx, format::minify, "Minified."),
        KeyCode::Tab | KeyCode::Char(' ') if k.code == KeyCode::Tab || ctrl => {
            let (row, col) = (e.area.cursor().0, e.area.cursor().1);
            match complete::context(e.area.lines(), row, col) {
                Some((kind, prefix)) => {
                    let items = complete::candidates(kind, &prefix);
                    if items.is_empty() {
                        let what = if kind == Kind::Action { "action" } else { "condition key" };
                        e.note = Some(format!("No {what} starts with {prefix:?}."));
                    } else {
                        e.mode = Mode::Complete(Completion { prefix, items, selected: 0 });
                    }
                }
                None if k.code == KeyCode::Tab => {
                    if e.area.insert_tab() {
                        changed(cx);
                    }
                }
                None => e.note = Some("Completion works inside an Action string or a Condition key.".into()),
            }
        }
        _ => {
            if e.area.input(*k) {
                changed(cx);
            }
        }
    }
}

fn reformat(cx: &mut Cx<'_, State>, f: fn(&str) -> Result<String, String>, done: &str) {
    let Some(e) = cx.st.as_mut() else { return };
    match f(&e.text()) {
        Ok(t) if t == e.text() => e.note = Some(format!("{done} (no change)")),
        Ok(t) => {
            e.set_text(&t);
            changed(cx);
            if let Some(e) = cx.st.as_mut() {
                e.note = Some(done.to_string());
            }
        }
        Err(m) => e.note = Some(format!("Cannot do that: {m}")),
    }
}

/// After every change: lint again, keep the draft (in memory now, on disk at most every
/// `DRAFT_INTERVAL`).
fn changed(cx: &mut Cx<'_, State>) {
    let Some(e) = cx.st.as_mut() else { return };
    e.relint();
    e.error = None;
    e.note = None;
    flush_draft(e, &mut cx.shared.drafts, false);
}

/// Records the draft in `drafts` and writes its file (`force`, or when the last write is older
/// than `DRAFT_INTERVAL`); an edit back to where it started drops the draft.
pub fn flush_draft(e: &mut Editor, drafts: &mut std::collections::BTreeMap<String, String>, force: bool) {
    let key = e.target.draft_key();
    let text = e.text();
    if text == e.pristine {
        drafts.remove(&key);
        if let Some(dir) = &e.draft_dir {
            draft::remove(dir, &key);
        }
        e.draft_stale = false;
        return;
    }
    drafts.insert(key.clone(), text.clone());
    let due = force || e.draft_written.is_none_or(|t| t.elapsed() >= DRAFT_INTERVAL);
    if !due {
        e.draft_stale = true;
        return;
    }
    if let Some(dir) = &e.draft_dir
        && let Err(m) = draft::write(dir, &key, &text)
    {
        e.note = Some(format!("Draft not saved to disk: {m}"));
    }
    e.draft_written = Some(Instant::now());
    e.draft_stale = false;
}

/// esc: closes the editor; the edit stays as a draft.
fn leave(cx: &mut Cx<'_, State>) {
    let Some(mut e) = cx.st.take() else { return };
    let force = e.draft_stale || e.draft_written.is_none();
    flush_draft(&mut e, &mut cx.shared.drafts, force);
    if cx.shared.drafts.contains_key(&e.target.draft_key()) {
        cx.set_status(Status::Info(format!(
            "Your edit of the {} is kept as a draft; open it again to continue.",
            e.target.label()
        )));
    }
}
