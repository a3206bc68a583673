//! `update`: the one place the console's state changes. Pure: a message in, effects out; no
//! terminal, no I/O, so every behaviour is unit-testable. Navigation and dispatch live here;
//! the actions (`actions.rs`), dialog keys (`dialogs.rs`) and backend results (`results.rs`)
//! have their own files.

mod actions;
mod dialogs;
mod results;

use super::app::{App, Focus, Page, Status};
use super::command::Command;
use super::dialog::{Field, Form, FormKind, Modal, describe_error};
use super::keymap::Key;
use super::msg::{Call, Effect, Msg};
use crate::model::text::sanitize;
use actions::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dialogs::modal_key;
use results::{on_create_status, on_done};

/// Applies a message; returns the effects to run.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let effects = dispatch(app, msg);
    if app.quit {
        super::editor::flush_before_quit(app);
    }
    effects
}

fn dispatch(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(k) => on_key(app, k),
        Msg::Mouse(m) => on_mouse(app, m),
        Msg::Resize(w, h) => {
            app.size = (w, h);
            app.dirty = true;
            Vec::new()
        }
        Msg::Loaded { generation, result } => {
            if generation != app.load_generation {
                return Vec::new();
            }
            app.loading = false;
            app.load_progress = None;
            match result {
                Ok(s) => {
                    app.load_error = None;
                    app.install(s);
                }
                Err(e) => {
                    let m = describe_error(&e);
                    app.load_error = Some(m.clone());
                    app.set_status(Status::Error(format!("Loading the organization failed: {m}")));
                }
            }
            app.dirty = true;
            Vec::new()
        }
        Msg::Quotas(q) => {
            app.quotas = q;
            app.dirty = true;
            Vec::new()
        }
        Msg::LoadProgress { generation, progress } => {
            if generation == app.load_generation && app.loading {
                app.load_progress = Some(progress);
                app.dirty = true;
            }
            Vec::new()
        }
        Msg::OpDone { op, result } => {
            let effects = on_done(app, op, result);
            // The editor follows its save at once (error into the editor, or close on success).
            super::editor::sync(app);
            effects
        }
        Msg::CreateStatus { result } => on_create_status(app, result),
        Msg::Tick => {
            app.tick = app.tick.wrapping_add(1);
            if app.busy() {
                app.dirty = true;
            }
            Vec::new()
        }
        Msg::Terminate => {
            app.quit = true;
            Vec::new()
        }
    }
}

/// The first load.
pub fn start(app: &mut App) -> Vec<Effect> {
    load(app)
}

pub(super) fn load(app: &mut App) -> Vec<Effect> {
    app.load_generation += 1;
    app.loading = true;
    app.dirty = true;
    vec![Effect::Load { generation: app.load_generation }]
}

fn on_key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    app.dirty = true;
    // Ctrl-C always leaves, whatever is open.
    if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL) {
        app.quit = true;
        return Vec::new();
    }
    if let Some(effects) = super::editor::on_key(app, &k) {
        return effects;
    }
    if app.modal.is_some() {
        return modal_key(app, k);
    }
    if app.filter_editing && app.page == Page::Accounts {
        return filter_key(app, k);
    }
    if let Some(effects) = super::pages::raw_key(app, &k) {
        return effects;
    }
    let key = Key::from_event(&k);
    match app.keymap.command_for(&key, app.page) {
        Some(Command::Quit) if !app.pending.is_empty() && !app.quit_armed => {
            app.quit_armed = true;
            app.set_status(Status::Info(format!(
                "{} change(s) still in flight; press q again to quit anyway",
                app.pending.len()
            )));
            Vec::new()
        }
        Some(cmd) => run(app, cmd),
        None => Vec::new(),
    }
}

/// Mouse (when captured): the wheel moves the selection, a click selects the row under it and
/// a click on the selected row opens or closes it.
fn on_mouse(app: &mut App, m: crossterm::event::MouseEvent) -> Vec<Effect> {
    use crossterm::event::{MouseButton, MouseEventKind};
    if app.modal.is_some() {
        return Vec::new();
    }
    match m.kind {
        MouseEventKind::ScrollDown => run(app, Command::Down),
        MouseEventKind::ScrollUp => run(app, Command::Up),
        MouseEventKind::Down(MouseButton::Left) => {
            let pos = ratatui::layout::Position { x: m.column, y: m.row };
            let key = app.tree_view.borrow().rendered_at(pos).and_then(|p| p.last().copied());
            let Some(i) = key.and_then(|k| app.data.as_ref().and_then(|d| d.tree.index_of_key(k))) else {
                return Vec::new();
            };
            let id = app.data.as_ref().map(|d| d.tree.nodes[i].id.clone());
            if id == app.selected {
                return open(app);
            }
            app.selected = id;
            app.focus = Focus::Tree;
            app.dirty = true;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn filter_key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    match k.code {
        KeyCode::Esc => {
            clear_filter(app);
            Vec::new()
        }
        KeyCode::Enter => {
            app.filter_editing = false;
            Vec::new()
        }
        KeyCode::Backspace => {
            app.filter.pop();
            app.refilter(true);
            Vec::new()
        }
        KeyCode::Up => run(app, Command::Up),
        KeyCode::Down => run(app, Command::Down),
        KeyCode::Char(c) if !c.is_control() && !k.modifiers.contains(KeyModifiers::CONTROL) => {
            if app.filter.chars().count() < 128 {
                app.filter.push(c);
                app.refilter(true);
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn clear_filter(app: &mut App) {
    app.filter.clear();
    app.filter_editing = false;
    if let Some(before) = app.opened_before_filter.take() {
        app.opened = before;
    }
    let keep = app.selected.clone();
    app.refilter(false);
    // The selection stays where it was, opening its ancestors if needed.
    if let Some(id) = keep {
        app.reveal(&id);
    }
}

/// Runs a command (from a key or the palette).
pub fn run(app: &mut App, cmd: Command) -> Vec<Effect> {
    app.dirty = true;
    if cmd != Command::Quit {
        app.quit_armed = false;
    }
    if is_accounts_command(&cmd) {
        app.page = Page::Accounts;
    }
    if app.page != Page::Accounts && is_navigation(&cmd) {
        return super::pages::navigate(app, &cmd).unwrap_or_default();
    }
    let rows = app.data.as_ref().map_or(0, |d| d.rows.len());
    let row = app.selected_row().unwrap_or(0);
    match cmd {
        Command::Quit => app.quit = true,
        Command::Help => app.modal = Some(Modal::Help { scroll: 0 }),
        Command::Palette => app.modal = Some(Modal::Palette { input: Default::default(), error: None }),
        Command::Filter => {
            if app.opened_before_filter.is_none() {
                app.opened_before_filter = Some(app.opened.clone());
            }
            app.filter_editing = true;
        }
        Command::Refresh => return load(app),
        Command::Cancel => {
            if app.moving.take().is_some() {
                app.set_status(Status::Info("Move cancelled.".into()));
            } else if !app.filter.is_empty() {
                clear_filter(app);
            } else if app.focus == Focus::Details {
                app.focus = Focus::Tree;
            }
        }
        Command::Up
        | Command::Down
        | Command::Top
        | Command::Bottom
        | Command::PageUp
        | Command::PageDown
            if app.focus == Focus::Details =>
        {
            let s = &mut app.details_scroll;
            *s = match cmd {
                Command::Up => s.saturating_sub(1),
                Command::Down => s.saturating_add(1),
                Command::PageUp => s.saturating_sub(10),
                Command::PageDown => s.saturating_add(10),
                Command::Top => 0,
                _ => u16::MAX / 2,
            };
        }
        Command::Up => app.select_row(row.saturating_sub(1)),
        Command::Down => app.select_row((row + 1).min(rows.saturating_sub(1))),
        Command::Top => app.select_row(0),
        Command::Bottom => app.select_row(rows.saturating_sub(1)),
        Command::PageUp => app.select_row(row.saturating_sub(app.tree_height())),
        Command::PageDown => app.select_row(row + app.tree_height()),
        Command::Collapse => collapse(app),
        Command::Expand => expand(app),
        Command::Open => return open(app),
        Command::NextPane => {
            app.focus = if app.focus == Focus::Tree { Focus::Details } else { Focus::Tree };
        }
        Command::Page(n) => match Page::from_number(n).filter(|p| super::pages::available(*p)) {
            Some(p) => {
                app.page = p;
                if p == Page::Accounts {
                    app.focus = Focus::Tree;
                }
            }
            None => app.set_status(Status::Info(format!("There is no page {n}."))),
        },
        Command::Arm => arm(app),
        Command::Watch(None) => {
            let list = app.watch.join(" ");
            app.set_status(Status::Info(format!(
                "Blast radius watches {} action(s): {list}",
                app.watch.len()
            )));
        }
        Command::Watch(Some(list)) => {
            let entries: Vec<String> = list
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            match super::config::parse_watch(&entries) {
                Ok(w) => {
                    app.set_status(Status::Ok(format!("Blast radius now watches {} action(s).", w.len())));
                    app.watch = w;
                }
                Err(e) => app.set_status(Status::Error(format!("watch: {e}"))),
            }
        }
        Command::Disarm => {
            if app.source.guarded && app.source.writable {
                return submit(app, Call::Arm(false), "Disarming writes".into());
            }
            app.set_status(Status::Info("Writes are not armed.".into()));
        }
        Command::Action { name, arg } => return super::pages::action(app, &name, arg),
        Command::Goto(q) => {
            app.page = Page::Accounts;
            goto(app, &q)
        }
        Command::CreateOu(name) => return create_ou(app, name),
        Command::RenameOu(name) => return rename_ou(app, name),
        Command::DeleteOu => delete_ou(app),
        Command::Move { account, target } => return start_move(app, account, target),
        Command::CreateAccount => {
            if app.check_writable() {
                app.modal = Some(Modal::Form(Form::new(
                    FormKind::CreateAccount,
                    "Create an AWS account".into(),
                    vec![
                        Field {
                            label: "Account name",
                            value: Default::default(),
                            hint: "1–50 printable characters",
                        },
                        Field {
                            label: "Email",
                            value: Default::default(),
                            hint: "the root user's email, unique in AWS",
                        },
                    ],
                )));
            }
        }
        Command::RemoveAccount => remove_or_close(app, false),
        Command::CloseAccount => remove_or_close(app, true),
        Command::Tag(arg) => return tag(app, arg),
        Command::Untag(arg) => return untag(app, arg),
        Command::CopyId => return copy(app, false),
        Command::CopyArn => return copy(app, true),
        Command::Mouse => {
            app.mouse = !app.mouse;
            let state = if app.mouse { "on (shift-drag selects text)" } else { "off" };
            app.set_status(Status::Info(format!("Mouse capture {state}.")));
            return vec![Effect::SetMouse(app.mouse)];
        }
    }
    Vec::new()
}

/// `:arm`: a typed confirmation that states what arming means.
fn arm(app: &mut App) {
    if !app.source.guarded {
        app.set_status(Status::Info("This session is not a guarded live session: nothing to arm.".into()));
        return;
    }
    if app.source.writable {
        app.set_status(Status::Info("Writes are already armed.".into()));
        return;
    }
    app.modal = Some(Modal::Confirm(super::dialog::Confirm::new(
        Call::Arm(true),
        "Arm writes".into(),
        vec![
            format!(
                "Changes made from now on go to the live organization ({}).",
                sanitize(&app.source.label)
            ),
            "Every write is appended to the audit journal (time, operation, input, outcome, request id)."
                .into(),
            ":disarm returns to read-only.".into(),
        ],
        "arm".into(),
    )));
}

/// Commands a page other than the accounts page handles itself.
fn is_navigation(cmd: &Command) -> bool {
    matches!(
        cmd,
        Command::Up
            | Command::Down
            | Command::Top
            | Command::Bottom
            | Command::PageUp
            | Command::PageDown
            | Command::Collapse
            | Command::Expand
            | Command::Open
            | Command::NextPane
            | Command::Cancel
    )
}

/// Commands that act on the accounts tree (run from the palette on another page, they bring
/// the accounts page back so the user sees what they act on).
fn is_accounts_command(cmd: &Command) -> bool {
    matches!(
        cmd,
        Command::Filter
            | Command::CreateOu(_)
            | Command::RenameOu(_)
            | Command::DeleteOu
            | Command::Move { .. }
            | Command::CreateAccount
            | Command::RemoveAccount
            | Command::CloseAccount
            | Command::Tag(_)
            | Command::Untag(_)
            | Command::CopyId
            | Command::CopyArn
    )
}

fn copy(app: &mut App, arn: bool) -> Vec<Effect> {
    let Some(d) = app.data.as_ref() else { return Vec::new() };
    let Some((kind, id, _)) = app.selection() else { return Vec::new() };
    let text = if arn { super::view::details::arn_of(&d.snapshot, kind, &id) } else { Some(id) };
    match text {
        Some(t) => {
            app.set_status(Status::Ok(format!("Copied {} to the clipboard.", sanitize(&t))));
            vec![Effect::Copy(t)]
        }
        None => Vec::new(),
    }
}

/// Starts a change, remembering what it is for the status line.
pub(super) fn submit(app: &mut App, call: Call, label: String) -> Vec<Effect> {
    let op = app.op_id();
    app.pending.insert(op, label);
    app.dirty = true;
    vec![Effect::Call { op, call }]
}
