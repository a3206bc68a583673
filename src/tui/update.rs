//! `update`: the one place the console's state changes. Pure: a message in, effects out; no
//! terminal, no I/O, so every behaviour is unit-testable.

use super::app::{App, Creation, Focus, Moving, Status};
use super::command::{Command, complete};
use super::dialog::{Confirm, Field, Form, FormKind, Modal, describe_error};
use super::keymap::Key;
use super::msg::{Call, Effect, Msg, Outcome};
use super::tree::NodeKind;
use crate::model::text::sanitize;
use crate::model::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Applies a message; returns the effects to run.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
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
        Msg::OpDone { op, result } => on_done(app, op, result),
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

fn load(app: &mut App) -> Vec<Effect> {
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
    if app.modal.is_some() {
        return modal_key(app, k);
    }
    if app.filter_editing {
        return filter_key(app, k);
    }
    let key = Key::from_event(&k);
    match app.keymap.command_for(&key) {
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
    let rows = app.data.as_ref().map_or(0, |d| d.rows.len());
    let row = app.selected_row().unwrap_or(0);
    match cmd {
        Command::Quit => app.quit = true,
        Command::Help => app.modal = Some(Modal::Help { scroll: 0 }),
        Command::Palette => app.modal = Some(Modal::Palette { input: String::new(), error: None }),
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
        Command::Page(1) => app.focus = Focus::Tree,
        Command::Page(n) => {
            app.set_status(Status::Info(format!("There is no page {n}: only AWS accounts (1) so far.")))
        }
        Command::Goto(q) => goto(app, &q),
        Command::CreateOu(name) => return create_ou(app, name),
        Command::RenameOu(name) => return rename_ou(app, name),
        Command::DeleteOu => delete_ou(app),
        Command::Move { account, target } => return start_move(app, account, target),
        Command::CreateAccount => {
            if writable(app) {
                app.modal = Some(Modal::Form(Form::new(
                    FormKind::CreateAccount,
                    "Create an AWS account".into(),
                    vec![
                        Field {
                            label: "Account name",
                            value: String::new(),
                            hint: "1–50 printable characters",
                        },
                        Field {
                            label: "Email",
                            value: String::new(),
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

fn writable(app: &mut App) -> bool {
    if !app.source.writable {
        app.set_status(Status::Error("This session is read-only.".into()));
    }
    app.source.writable
}

fn collapse(app: &mut App) {
    let Some(i) = app.selected_node() else { return };
    let Some(d) = app.data.as_ref() else { return };
    let n = &d.tree.nodes[i];
    if app.opened.contains(&n.id) && !n.children.is_empty() {
        let id = n.id.clone();
        app.opened.remove(&id);
        app.rerow();
    } else if let Some(p) = n.parent {
        app.selected = Some(d.tree.nodes[p].id.clone());
    }
}

fn expand(app: &mut App) {
    let Some(i) = app.selected_node() else { return };
    let Some(d) = app.data.as_ref() else { return };
    let n = &d.tree.nodes[i];
    if n.children.is_empty() {
        return;
    }
    if app.opened.insert(n.id.clone()) {
        app.rerow();
    } else if let Some(row) = app.selected_row() {
        app.select_row(row + 1);
    }
}

fn open(app: &mut App) -> Vec<Effect> {
    if let Some(m) = app.moving.clone() {
        let Some((kind, id, name)) = app.selection() else { return Vec::new() };
        if kind == NodeKind::Account {
            app.set_status(Status::Error("Pick the root or an OU as the destination (Esc cancels).".into()));
            return Vec::new();
        }
        app.moving = None;
        let call = Call::Move { account: m.account.clone(), source: m.source, destination: id.clone() };
        app.reveal_after_load = Some(m.account);
        return submit(app, call, format!("Moving {} to {name}", m.name));
    }
    match app.selection() {
        Some((NodeKind::Account, _, _)) => app.focus = Focus::Details,
        Some((_, id, _)) => {
            if !app.opened.remove(&id) {
                app.opened.insert(id);
            }
            app.rerow();
        }
        None => {}
    }
    Vec::new()
}

fn goto(app: &mut App, q: &str) {
    let Some(d) = app.data.as_ref() else { return };
    let t = &d.tree;
    let ql = q.to_lowercase();
    let found = t
        .index_of(q)
        .or_else(|| t.nodes.iter().position(|n| n.name.to_lowercase() == ql))
        .or_else(|| t.nodes.iter().position(|n| n.name.to_lowercase().contains(&ql)));
    match found.map(|i| t.nodes[i].id.clone()) {
        Some(id) => {
            app.reveal(&id);
            app.focus = Focus::Tree;
        }
        None => app.set_status(Status::Error(format!("Nothing named or numbered {:?}.", sanitize(q)))),
    }
}

/// The selected root/OU, or the parent of a selected account.
fn container(app: &App) -> Option<(String, String)> {
    let d = app.data.as_ref()?;
    let i = app.selected_node()?;
    let n = &d.tree.nodes[i];
    let c = if n.kind == NodeKind::Account { &d.tree.nodes[n.parent?] } else { n };
    Some((c.id.clone(), c.name.clone()))
}

fn create_ou(app: &mut App, name: Option<String>) -> Vec<Effect> {
    if !writable(app) {
        return Vec::new();
    }
    let Some((parent, parent_name)) = container(app) else { return Vec::new() };
    match name {
        Some(name) => {
            submit(app, Call::CreateOu { parent, name: name.clone() }, format!("Creating OU {name}"))
        }
        None => {
            app.modal = Some(Modal::Form(Form::new(
                FormKind::CreateOu { parent, parent_name: parent_name.clone() },
                format!("Create an OU under {parent_name}"),
                vec![Field {
                    label: "Name",
                    value: String::new(),
                    hint: "1–128 characters, unique among its siblings",
                }],
            )));
            Vec::new()
        }
    }
}

fn selected_ou(app: &mut App) -> Option<(String, String)> {
    match app.selection() {
        Some((NodeKind::Ou, id, name)) => Some((id, name)),
        _ => {
            app.set_status(Status::Error("Select an OU first.".into()));
            None
        }
    }
}

fn selected_account(app: &mut App) -> Option<(String, String)> {
    match app.selection() {
        Some((NodeKind::Account, id, name)) => Some((id, name)),
        _ => {
            app.set_status(Status::Error("Select an account first.".into()));
            None
        }
    }
}

fn rename_ou(app: &mut App, name: Option<String>) -> Vec<Effect> {
    if !writable(app) {
        return Vec::new();
    }
    let Some((ou, old)) = selected_ou(app) else { return Vec::new() };
    match name {
        Some(name) => {
            submit(app, Call::RenameOu { ou, name: name.clone() }, format!("Renaming {old} to {name}"))
        }
        None => {
            app.modal = Some(Modal::Form(Form::new(
                FormKind::RenameOu { ou },
                format!("Rename OU {old}"),
                vec![Field { label: "New name", value: String::new(), hint: "unique among its siblings" }],
            )));
            Vec::new()
        }
    }
}

fn delete_ou(app: &mut App) {
    if !writable(app) {
        return;
    }
    let Some((ou, name)) = selected_ou(app) else { return };
    app.modal = Some(Modal::Confirm(Confirm {
        call: Call::DeleteOu { ou: ou.clone(), name: name.clone() },
        title: format!("Delete OU {name}"),
        lines: vec![
            format!("Deletes the organizational unit {name} ({ou})."),
            "It must be empty: no child OUs and no accounts.".into(),
            "Policies attached to it are detached; this cannot be undone.".into(),
        ],
        expect: name,
        typed: String::new(),
        error: None,
        submitting: None,
    }));
}

fn start_move(app: &mut App, account: Option<String>, target: Option<String>) -> Vec<Effect> {
    if !writable(app) {
        return Vec::new();
    }
    let Some(d) = app.data.as_ref() else { return Vec::new() };
    let account = match account {
        Some(a) => a,
        None => match app.selection() {
            Some((NodeKind::Account, id, _)) => id,
            _ => {
                app.set_status(Status::Error("Select the account to move first.".into()));
                return Vec::new();
            }
        },
    };
    let Some(entry) = d.snapshot.accounts.iter().find(|a| a.account.id.as_str() == account) else {
        app.set_status(Status::Error(format!("No account {} in this organization.", sanitize(&account))));
        return Vec::new();
    };
    let (source, name) = (entry.parent_id.to_string(), sanitize(&entry.account.name));
    match target {
        Some(destination) => {
            app.reveal_after_load = Some(account.clone());
            submit(app, Call::Move { account, source, destination }, format!("Moving {name}"))
        }
        None => {
            app.set_status(Status::Info(format!(
                "Moving {name}: select the destination root or OU and press Enter (Esc cancels)."
            )));
            app.moving = Some(Moving { account, name, source });
            Vec::new()
        }
    }
}

fn remove_or_close(app: &mut App, close: bool) {
    if !writable(app) {
        return;
    }
    let Some((account, name)) = selected_account(app) else { return };
    let (call, title, lines) = if close {
        (
            Call::Close { account: account.clone(), name: name.clone() },
            format!("Close account {name}"),
            vec![
                format!("Closes the AWS account {name} ({account})."),
                "It becomes PENDING_CLOSURE, then CLOSED (SUSPENDED); AWS deletes it after 90 days.".into(),
                "Its resources stop working. It stays in the organization until then.".into(),
            ],
        )
    } else {
        (
            Call::Remove { account: account.clone(), name: name.clone() },
            format!("Remove account {name}"),
            vec![
                format!("Removes {name} ({account}) from the organization."),
                "It becomes a standalone account: its attached policies and all its tags are deleted,".into(),
                "and it no longer receives any organization policy.".into(),
            ],
        )
    };
    app.modal = Some(Modal::Confirm(Confirm {
        call,
        title,
        lines,
        expect: account,
        typed: String::new(),
        error: None,
        submitting: None,
    }));
}

fn selected_target(app: &mut App) -> Option<(String, String)> {
    match app.selection() {
        Some((_, id, name)) => Some((id, name)),
        None => None,
    }
}

fn parse_tag(s: &str) -> Option<Tag> {
    let (k, v) = s.split_once('=')?;
    (!k.trim().is_empty()).then(|| Tag::new(k.trim(), v.trim()))
}

fn tag(app: &mut App, arg: Option<String>) -> Vec<Effect> {
    if !writable(app) {
        return Vec::new();
    }
    let Some((target, target_name)) = selected_target(app) else { return Vec::new() };
    if let Some(t) = arg.as_deref().and_then(parse_tag) {
        let label = format!("Tagging {target_name} with {}={}", t.key, t.value);
        return submit(app, Call::Tag { target, tags: vec![t] }, label);
    }
    app.modal = Some(Modal::Form(Form::new(
        FormKind::Tag { target, target_name: target_name.clone() },
        format!("Tag {target_name}"),
        vec![
            Field { label: "Key", value: String::new(), hint: "1–128 characters" },
            Field { label: "Value", value: String::new(), hint: "0–256 characters" },
        ],
    )));
    Vec::new()
}

fn untag(app: &mut App, arg: Option<String>) -> Vec<Effect> {
    if !writable(app) {
        return Vec::new();
    }
    let Some((target, target_name)) = selected_target(app) else { return Vec::new() };
    if let Some(key) = arg {
        let label = format!("Removing tag {key} from {target_name}");
        return submit(app, Call::Untag { target, keys: vec![key] }, label);
    }
    app.modal = Some(Modal::Form(Form::new(
        FormKind::Untag { target, target_name: target_name.clone() },
        format!("Remove a tag from {target_name}"),
        vec![Field { label: "Key", value: String::new(), hint: "the tag key to remove" }],
    )));
    Vec::new()
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
fn submit(app: &mut App, call: Call, label: String) -> Vec<Effect> {
    let op = app.op_id();
    app.pending.insert(op, label);
    app.dirty = true;
    vec![Effect::Call { op, call }]
}

fn modal_key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    let Some(modal) = app.modal.take() else { return Vec::new() };
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    match modal {
        Modal::Help { scroll } => {
            let scroll = match k.code {
                KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Enter => return Vec::new(),
                KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1),
                KeyCode::PageDown => scroll.saturating_add(10),
                KeyCode::PageUp => scroll.saturating_sub(10),
                _ => scroll,
            };
            app.modal = Some(Modal::Help { scroll });
            Vec::new()
        }
        Modal::Error { .. } => Vec::new(),
        Modal::Palette { mut input, mut error } => match k.code {
            KeyCode::Esc => Vec::new(),
            KeyCode::Enter => match Command::parse(&input) {
                Ok(cmd) => run(app, cmd),
                Err(e) => {
                    app.modal = Some(Modal::Palette { input, error: Some(e) });
                    Vec::new()
                }
            },
            KeyCode::Tab => {
                let c = complete(&input);
                if let Some(first) = c.first() {
                    let common = c.iter().fold(first.to_string(), |acc, n| {
                        acc.chars().zip(n.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a).collect()
                    });
                    input = if c.len() == 1 { format!("{common} ") } else { common };
                }
                app.modal = Some(Modal::Palette { input, error: None });
                Vec::new()
            }
            KeyCode::Backspace => {
                input.pop();
                app.modal = Some(Modal::Palette { input, error: None });
                Vec::new()
            }
            KeyCode::Char(c) if !ctrl && !c.is_control() && input.chars().count() < 256 => {
                input.push(c);
                error = None;
                app.modal = Some(Modal::Palette { input, error });
                Vec::new()
            }
            _ => {
                app.modal = Some(Modal::Palette { input, error });
                Vec::new()
            }
        },
        Modal::Form(form) => form_key(app, form, k),
        Modal::Confirm(c) => confirm_key(app, c, k),
    }
}

fn form_key(app: &mut App, mut form: Form, k: KeyEvent) -> Vec<Effect> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
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
        KeyCode::Backspace => {
            if let Some(f) = form.current() {
                f.value.pop();
            }
        }
        KeyCode::Enter => {
            if form.focus + 1 < form.fields.len() {
                form.focus += 1;
            } else {
                return submit_form(app, form);
            }
        }
        KeyCode::Char(c) if !ctrl && !c.is_control() => {
            if let Some(f) = form.current() {
                if f.value.chars().count() < 256 {
                    f.value.push(c);
                }
            }
        }
        _ => {}
    }
    app.modal = Some(Modal::Form(form));
    Vec::new()
}

fn submit_form(app: &mut App, mut form: Form) -> Vec<Effect> {
    let v = |i: usize| form.fields.get(i).map(|f| f.value.trim().to_string()).unwrap_or_default();
    let (call, label) = match &form.kind {
        FormKind::CreateOu { parent, .. } => {
            (Call::CreateOu { parent: parent.clone(), name: v(0) }, format!("Creating OU {}", v(0)))
        }
        FormKind::RenameOu { ou } => {
            (Call::RenameOu { ou: ou.clone(), name: v(0) }, format!("Renaming to {}", v(0)))
        }
        FormKind::CreateAccount => {
            (Call::CreateAccount { name: v(0), email: v(1) }, format!("Creating account {}", v(0)))
        }
        FormKind::Tag { target, target_name } => (
            Call::Tag { target: target.clone(), tags: vec![Tag::new(v(0), v(1))] },
            format!("Tagging {target_name}"),
        ),
        FormKind::Untag { target, target_name } => {
            (Call::Untag { target: target.clone(), keys: vec![v(0)] }, format!("Untagging {target_name}"))
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

fn confirm_key(app: &mut App, mut c: Confirm, k: KeyEvent) -> Vec<Effect> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    match k.code {
        KeyCode::Esc => {
            if let Some(op) = c.submitting.take() {
                app.pending.remove(&op);
                return vec![Effect::Cancel { op }];
            }
            return Vec::new();
        }
        _ if c.submitting.is_some() => {}
        KeyCode::Backspace => {
            c.typed.pop();
        }
        KeyCode::Enter => {
            if c.typed.trim() == c.expect {
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
        KeyCode::Char(ch) if !ctrl && !ch.is_control() && c.typed.chars().count() < 256 => c.typed.push(ch),
        _ => {}
    }
    app.modal = Some(Modal::Confirm(c));
    Vec::new()
}

fn on_done(app: &mut App, op: super::msg::OpId, result: Result<Outcome, OrgError>) -> Vec<Effect> {
    let Some(label) = app.pending.remove(&op) else { return Vec::new() };
    app.dirty = true;
    // The dialog that started this call, if it is still open.
    let owned = match &app.modal {
        Some(Modal::Form(f)) => f.submitting == Some(op),
        Some(Modal::Confirm(c)) => c.submitting == Some(op),
        _ => false,
    };
    match result {
        Err(e) => {
            let text = describe_error(&e);
            super::log::line(&format!("{label} failed: {text}"));
            if owned {
                match &mut app.modal {
                    Some(Modal::Form(f)) => {
                        f.submitting = None;
                        f.error = Some(text);
                    }
                    Some(Modal::Confirm(c)) => {
                        c.submitting = None;
                        c.error = Some(text);
                    }
                    _ => {}
                }
            } else if app.modal.is_none() {
                app.reveal_after_load = None;
                app.modal = Some(Modal::Error { title: format!("{label} failed"), message: text });
            } else {
                app.set_status(Status::Error(format!("{label} failed: {text}")));
            }
            Vec::new()
        }
        Ok(outcome) => {
            if owned {
                app.modal = None;
            }
            match outcome {
                Outcome::Done { message, reveal } => {
                    if reveal.is_some() {
                        app.reveal_after_load = reveal;
                    }
                    app.set_status(Status::Ok(message));
                    load(app)
                }
                Outcome::CreateStarted(st) => {
                    app.creations.push(Creation {
                        request_id: st.id.to_string(),
                        name: sanitize(&st.account_name),
                        state: st.state,
                        detail: format!("request {}", st.id),
                    });
                    app.set_status(Status::Info(format!(
                        "Creating account {}: {} (request {}).",
                        sanitize(&st.account_name),
                        st.state,
                        st.id
                    )));
                    vec![Effect::PollCreateAccount { request_id: st.id.to_string(), delay_ms: 1000 }]
                }
            }
        }
    }
}

fn on_create_status(app: &mut App, result: Result<CreateAccountStatus, OrgError>) -> Vec<Effect> {
    app.dirty = true;
    let st = match result {
        Ok(st) => st,
        Err(e) => {
            app.set_status(Status::Error(format!(
                "Checking an account creation failed: {}",
                describe_error(&e)
            )));
            return Vec::new();
        }
    };
    let id = st.id.to_string();
    let Some(c) = app.creations.iter_mut().find(|c| c.request_id == id) else { return Vec::new() };
    c.state = st.state;
    match st.state {
        CreateAccountState::InProgress => {
            vec![Effect::PollCreateAccount { request_id: id, delay_ms: 1000 }]
        }
        CreateAccountState::Succeeded => {
            let account = st.account_id.map(|a| a.to_string()).unwrap_or_default();
            c.detail = format!("account {account}");
            let name = c.name.clone();
            app.set_status(Status::Ok(format!("Account {name} created: {account}.")));
            app.reveal_after_load = Some(account);
            load(app)
        }
        CreateAccountState::Failed => {
            let reason = st.failure_reason.map_or_else(|| "unknown reason".to_string(), |r| r.to_string());
            c.detail = reason.clone();
            let name = c.name.clone();
            app.set_status(Status::Error(format!("Creating account {name} FAILED: {reason}.")));
            Vec::new()
        }
    }
}
