//! Keys while the editor is open (it takes all of them), and following the save call.
//!
//! Editing keys are `ratatui-textarea`'s (arrows, home/end, ctrl-x cut, ctrl-k delete to the
//! end of the line…); the editor adds: ctrl-z undo, ctrl-y (ctrl-shift-z) redo, ctrl-v paste
//! what was cut, ctrl-s save, alt-f format, alt-m minify, tab or ctrl-space complete, esc leave
//! (the edit stays as a draft). Undo steps are the editor's (`history.rs`).

use super::State;
use super::complete::{self, Kind};
use super::history::Step;
use super::{Completion, Editor, Mode, format, save};
use crate::model::OrgError;
use crate::tui::cx::{Cx, Outbox, Status};
use crate::tui::dialog::describe_error;
use crate::tui::msg::{Effect, OpId, Outcome};
use crate::tui::widgets::input::Handled;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};

/// Draft files are written at most this often while typing (and always on leaving).
pub const DRAFT_INTERVAL: Duration = Duration::from_millis(500);

/// Longest name and description accepted in the details step (AWS's limits).
pub(super) const NAME_MAX: usize = 128;
pub(super) const DESCRIPTION_MAX: usize = 512;

/// The result of a call: when it is the editor's save, a failure moves into the editor with
/// the text kept, a success closes the editor and drops the draft. Returns whether it was the
/// editor's call.
pub fn on_done(cx: &mut Cx<'_, State>, op: OpId, result: &Result<Outcome, OrgError>) -> bool {
    let Some(e) = cx.st.as_mut() else { return false };
    if e.mode != (Mode::Saving { op }) {
        return false;
    }
    match result {
        Err(err) => {
            e.error = Some(describe_error(err));
            e.mode = Mode::Edit;
            flush_draft(e, cx.out, true);
        }
        Ok(_) => {
            let key = e.target.draft_key();
            cx.set_draft(key.clone(), None);
            cx.effect(Effect::RemoveDraft { key });
            *cx.st = None;
        }
    }
    true
}

/// A key for the open editor (it takes them all while it is open).
pub fn on_key(cx: &mut Cx<'_, State>, k: &KeyEvent) -> bool {
    let Some(mode) = cx.st.as_ref().map(|e| e.mode.clone()) else { return false };
    match mode {
        Mode::Offer(offer) => offer_key(cx, k, offer),
        Mode::Complete(c) => complete_key(cx, k, c),
        Mode::Details { focus } => details_key(cx, k, focus),
        Mode::Confirm(mut c) => match k.code {
            KeyCode::Char('y') | KeyCode::Enter => save::submit(cx),
            KeyCode::Char('n') | KeyCode::Esc => set_mode(cx, Mode::Edit),
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
    }
    scroll_to_cursor(cx);
    true
}

/// Keeps the cursor's line on screen.
fn scroll_to_cursor(cx: &mut Cx<'_, State>) {
    let rows = super::draw::text_rows(cx.shared.size.1);
    if let Some(e) = cx.st.as_mut() {
        let row = e.area.cursor().0;
        e.top = e.top.min(row).max((row + 1).saturating_sub(rows));
    }
}

/// A bracketed paste: the whole text at once into the policy (one undo step, linted once) or
/// the name/description field (line breaks become spaces: a paste never acts as enter).
pub fn paste(cx: &mut Cx<'_, State>, text: &str) -> bool {
    let Some(e) = cx.st.as_mut() else { return false };
    match e.mode {
        Mode::Edit => {
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            if e.edit(Step::Other, |a| a.insert_str(&text)) {
                changed(cx);
            }
            scroll_to_cursor(cx);
        }
        Mode::Details { focus } => {
            details_field(e, focus).insert_str(text);
        }
        _ => cx.set_status(Status::Info("Nothing to paste into here: go back to the text first.".into())),
    }
    true
}

/// The focused field of the details step.
fn details_field(e: &mut Editor, focus: usize) -> &mut crate::tui::widgets::input::Input {
    if focus == 0 { &mut e.name } else { &mut e.description }
}

/// The draft timer: a draft behind the text is written once `DRAFT_INTERVAL` has passed since
/// the last write, without waiting for another key.
pub fn tick(cx: &mut Cx<'_, State>) {
    if let Some(e) = cx.st.as_mut()
        && e.draft_stale
        && e.draft_written.is_none_or(|t| t.elapsed() >= DRAFT_INTERVAL)
    {
        flush_draft(e, cx.out, true);
    }
}

/// Before the console quits: the open edit goes to its draft file now.
pub fn flush_before_quit(cx: &mut Cx<'_, State>) {
    if let Some(e) = cx.st.as_mut() {
        flush_draft(e, cx.out, true);
    }
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
            cx.out.effects.push(Effect::RemoveDraft { key: e.target.draft_key() });
            e.mode = Mode::Edit;
            e.note = Some("Draft discarded.".into());
        }
        KeyCode::Esc => *cx.st = None,
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
                    e.edit(Step::Other, |a| {
                        for _ in 0..c.prefix.chars().count() {
                            a.delete_char();
                        }
                        a.insert_str(item)
                    });
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
    match k.code {
        KeyCode::Esc => e.mode = Mode::Edit,
        KeyCode::Tab | KeyCode::BackTab | KeyCode::Up | KeyCode::Down => {
            e.mode = Mode::Details { focus: 1 - focus.min(1) }
        }
        KeyCode::Enter if focus == 0 => e.mode = Mode::Details { focus: 1 },
        KeyCode::Enter => {
            if e.name.value().trim().is_empty() {
                e.note = Some("A new policy needs a name.".into());
                e.mode = Mode::Details { focus: 0 };
            } else {
                save::confirm(cx);
            }
        }
        _ => {
            if details_field(e, focus).handle_key(*k) == Handled::Edited {
                e.note = None;
            }
        }
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
                    if e.edit(Step::Other, |a| a.insert_tab()) {
                        changed(cx);
                    }
                }
                None => e.note = Some("Completion works inside an Action string or a Condition key.".into()),
            }
        }
        KeyCode::Char('z' | 'Z' | 'y' | 'r' | 'u') if ctrl => {
            let shift = k.modifiers.contains(KeyModifiers::SHIFT);
            let redo = matches!(k.code, KeyCode::Char('y' | 'r' | 'Z')) || shift;
            let (done, what) = if redo { (e.redo(), "redo") } else { (e.undo(), "undo") };
            if done {
                changed(cx);
            } else {
                e.note = Some(format!("Nothing to {what}."));
            }
        }
        // ctrl-v pastes what ctrl-x cut (the text area's own binding is page down).
        KeyCode::Char('v') if ctrl => {
            if e.edit(Step::Other, |a| a.paste()) {
                changed(cx);
            }
        }
        KeyCode::Char(_) if !ctrl && !alt => {
            if e.edit(Step::Type, |a| a.input(*k)) {
                changed(cx);
            }
        }
        _ => {
            if e.edit(Step::Other, |a| a.input(*k)) {
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
/// `DRAFT_INTERVAL`; the tick writes what is left behind).
fn changed(cx: &mut Cx<'_, State>) {
    let Some(e) = cx.st.as_mut() else { return };
    e.relint();
    e.error = None;
    e.note = None;
    flush_draft(e, cx.out, false);
}

/// Records the draft (`Outbox::drafts`) and asks for its file to be written (`force`, or when
/// the last write is older than `DRAFT_INTERVAL`); an edit back to where it started drops the
/// draft.
pub fn flush_draft(e: &mut Editor, out: &mut Outbox, force: bool) {
    let key = e.target.draft_key();
    let text = e.text();
    if text == e.pristine {
        out.drafts.push((key.clone(), None));
        out.effects.push(Effect::RemoveDraft { key });
        e.draft_stale = false;
        return;
    }
    out.drafts.push((key.clone(), Some(text.clone())));
    let due = force || e.draft_written.is_none_or(|t| t.elapsed() >= DRAFT_INTERVAL);
    if !due {
        e.draft_stale = true;
        return;
    }
    out.effects.push(Effect::WriteDraft { key, text });
    e.draft_written = Some(Instant::now());
    e.draft_stale = false;
}

/// esc: closes the editor; the edit stays as a draft.
fn leave(cx: &mut Cx<'_, State>) {
    let Some(mut e) = cx.st.take() else { return };
    let force = e.draft_stale || e.draft_written.is_none();
    flush_draft(&mut e, cx.out, force);
    if e.text() != e.pristine {
        cx.set_status(Status::Info(format!(
            "Your edit of the {} is kept as a draft; open it again to continue.",
            e.target.label()
        )));
    }
}
