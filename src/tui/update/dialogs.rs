//! Keys while a dialog is open: help, palette, forms and typed confirmations.

use crate::tui::app::App;
use crate::tui::command::{complete, run_line};
use crate::tui::dialog::{Confirm, Form, FormKind, Modal};
use crate::tui::msg::{Call, Effect};
use crate::tui::view::help::HelpState;
use crate::tui::widgets::input::Handled;
use crossterm::event::{KeyCode, KeyEvent};

pub(super) fn modal_key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    let Some(modal) = app.modal.take() else { return Vec::new() };
    match modal {
        Modal::Help(h) => {
            if let Some(h) = help_key(app, h, k) {
                app.modal = Some(Modal::Help(h));
            }
            Vec::new()
        }
        Modal::Error { .. } => Vec::new(),
        Modal::Messages { scroll } => {
            let last = crate::tui::view::messages::last_scroll(app);
            let scroll = scroll.min(last);
            let scroll = match k.code {
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter => return Vec::new(),
                KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1).min(last),
                KeyCode::PageUp => scroll.saturating_sub(10),
                KeyCode::PageDown => scroll.saturating_add(10).min(last),
                KeyCode::Home | KeyCode::Char('g') => 0,
                KeyCode::End | KeyCode::Char('G') => last,
                _ => scroll,
            };
            app.modal = Some(Modal::Messages { scroll });
            Vec::new()
        }
        Modal::Palette { mut input, mut error } => match k.code {
            KeyCode::Esc => Vec::new(),
            KeyCode::Enter => match run_line(app, input.value()) {
                Ok(effects) => effects,
                Err(e) => {
                    app.modal = Some(Modal::Palette { input, error: Some(e) });
                    Vec::new()
                }
            },
            KeyCode::Tab => {
                let c = complete(input.value());
                if let Some(first) = c.first() {
                    let common = c.iter().fold(first.to_string(), |acc, n| {
                        acc.chars().zip(n.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a).collect()
                    });
                    input.set(&if c.len() == 1 { format!("{common} ") } else { common });
                }
                app.modal = Some(Modal::Palette { input, error: None });
                Vec::new()
            }
            _ => {
                if input.handle_key(k) == Handled::Edited {
                    error = None;
                }
                app.modal = Some(Modal::Palette { input, error });
                Vec::new()
            }
        },
        Modal::Form(form) => form_key(app, form, k),
        Modal::Confirm(c) => confirm_key(app, c, k),
    }
}

pub(super) fn form_key(app: &mut App, mut form: Form, k: KeyEvent) -> Vec<Effect> {
    match k.code {
        KeyCode::Esc => {
            if let Some(op) = form.submitting.take() {
                app.pending.remove(&op);
                form.error =
                    Some("Cancelled; nothing was sent back. Edit and press Enter to try again.".into());
                app.modal = Some(Modal::Form(form));
                return vec![Effect::Cancel { op }];
            }
            return Vec::new();
        }
        _ if form.submitting.is_some() => {}
        KeyCode::Tab | KeyCode::Down => form.focus = (form.focus + 1) % form.fields.len().max(1),
        KeyCode::BackTab | KeyCode::Up => {
            form.focus = (form.focus + form.fields.len().max(1) - 1) % form.fields.len().max(1)
        }
        KeyCode::Enter => {
            if form.focus + 1 < form.fields.len() {
                form.focus += 1;
            } else {
                return submit_form(app, form);
            }
        }
        _ => {
            if let Some(f) = form.current() {
                f.value.handle_key(k);
            }
        }
    }
    app.modal = Some(Modal::Form(form));
    Vec::new()
}

pub(super) fn submit_form(app: &mut App, mut form: Form) -> Vec<Effect> {
    let v = |i: usize| form.fields.get(i).map(|f| f.value.value().trim().to_string()).unwrap_or_default();
    let (call, label) = match &form.kind {
        FormKind::Custom { builder, context } => {
            let values: Vec<String> = (0..form.fields.len()).map(v).collect();
            match (builder.build)(context, &values) {
                Ok(built) => built,
                Err(e) => {
                    form.error = Some(e);
                    app.modal = Some(Modal::Form(form));
                    return Vec::new();
                }
            }
        }
    };
    let effects = submit(app, call, label);
    if let Some(Effect::Call { op, .. }) = effects.first() {
        form.submitting = Some(*op);
        form.error = None;
    }
    app.modal = Some(Modal::Form(form));
    effects
}

pub(super) fn confirm_key(app: &mut App, mut c: Confirm, k: KeyEvent) -> Vec<Effect> {
    match k.code {
        KeyCode::Esc => {
            if let Some(op) = c.submitting.take() {
                app.pending.remove(&op);
                return vec![Effect::Cancel { op }];
            }
            return Vec::new();
        }
        _ if c.submitting.is_some() => {}
        KeyCode::Enter => {
            if c.typed.value().trim() == c.expect {
                let effects = submit(app, c.call.clone(), c.title.clone());
                if let Some(Effect::Call { op, .. }) = effects.first() {
                    c.submitting = Some(*op);
                    c.error = None;
                }
                app.modal = Some(Modal::Confirm(c));
                return effects;
            }
            c.error = Some(format!("Type {} exactly to confirm, or Esc to cancel.", c.expect));
        }
        _ => {
            c.typed.handle_key(k);
        }
    }
    app.modal = Some(Modal::Confirm(c));
    Vec::new()
}

/// Starts a call from a dialog, remembering what it is for the status line.
fn submit(app: &mut App, call: Call, label: String) -> Vec<Effect> {
    let op = app.op_id();
    app.pending.insert(op, label);
    app.dirty = true;
    vec![Effect::Call { op, call }]
}

/// A paste into the open dialog's text field (one undo step; newlines become spaces).
pub(super) fn paste(app: &mut App, text: &str) {
    match &mut app.modal {
        Some(Modal::Palette { input, error }) => {
            input.insert_str(text);
            *error = None;
        }
        Some(Modal::Form(f)) if f.submitting.is_none() => {
            if let Some(field) = f.current() {
                field.value.insert_str(text);
            }
        }
        Some(Modal::Confirm(c)) if c.submitting.is_none() => {
            c.typed.insert_str(text);
        }
        _ => {}
    }
}

/// A key in help: scrolling, `/` to type a search (enter jumps to the first match), `n`/`N`
/// to the next/previous match; `None` closes it.
fn help_key(app: &App, mut h: HelpState, k: KeyEvent) -> Option<HelpState> {
    use crate::tui::view::help;
    let rows = help::rows(app, help::text_width(app.shared.size.0));
    let last = u16::try_from(rows.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let jump = |h: &mut HelpState, forward: bool| {
        if let Some(i) = help::next_match(&rows, &h.query, h.scroll, forward) {
            h.scroll = i;
        }
    };
    if h.typing {
        match k.code {
            KeyCode::Esc => {
                h.typing = false;
                h.query.clear();
            }
            KeyCode::Enter => {
                h.typing = false;
                let start = h.scroll;
                h.scroll = start.saturating_sub(1);
                jump(&mut h, true);
            }
            KeyCode::Backspace => {
                h.query.pop();
            }
            KeyCode::Char(c) => h.query.push(c),
            _ => {}
        }
        return Some(h);
    }
    match k.code {
        KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Enter => return None,
        KeyCode::Up | KeyCode::Char('k') => h.scroll = h.scroll.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => h.scroll = h.scroll.saturating_add(1).min(last),
        KeyCode::PageDown => h.scroll = h.scroll.saturating_add(10).min(last),
        KeyCode::PageUp => h.scroll = h.scroll.saturating_sub(10),
        KeyCode::Home | KeyCode::Char('g') => h.scroll = 0,
        KeyCode::End | KeyCode::Char('G') => h.scroll = last,
        KeyCode::Char('/') => {
            h.typing = true;
            h.query.clear();
        }
        KeyCode::Char('n') => jump(&mut h, true),
        KeyCode::Char('N') => jump(&mut h, false),
        _ => {}
    }
    Some(h)
}
