//! `update`: the one place the console's state changes. Pure: a message in, effects out; no
//! terminal, no I/O (files are written by effects), so every behaviour is unit-testable. Keys
//! go to the editor, then an open dialog, then the page on screen, then the keymap, whose
//! bindings name commands of the registry (`command.rs`). Dialog keys (`dialogs.rs`) and
//! backend results (`results.rs`) have their own files.

mod dialogs;
mod results;

use super::app::App;
use super::cx::Status;
use super::dialog::describe_error;
use super::keymap::Key;
use super::msg::{Effect, Msg};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dialogs::modal_key;
use results::{on_create_status, on_done};

/// Applies a message; returns the effects to run.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let mut effects = dispatch(app, msg);
    if app.quit {
        effects.extend(app.with_editor(super::editor::flush_before_quit).1);
    }
    effects
}

fn dispatch(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(k) => on_key(app, k),
        Msg::Paste(text) => on_paste(app, &text),
        Msg::Mouse(m) => on_mouse(app, m),
        Msg::Resize(w, h) => {
            app.shared.size = (w, h);
            app.dirty = true;
            Vec::new()
        }
        Msg::Loaded { generation, result } => {
            if generation != app.load_generation {
                return Vec::new();
            }
            app.shared.loading = false;
            app.shared.load_progress = None;
            app.dirty = true;
            match result {
                Ok(s) => {
                    app.shared.load_error = None;
                    app.install(s)
                }
                Err(e) => {
                    let m = describe_error(&e);
                    app.shared.load_error = Some(m.clone());
                    app.set_status(Status::Error(format!("Loading the organization failed: {m}")));
                    Vec::new()
                }
            }
        }
        Msg::Quotas(q) => {
            app.shared.quotas = q;
            app.dirty = true;
            Vec::new()
        }
        Msg::LoadProgress { generation, progress } => {
            if generation == app.load_generation && app.shared.loading {
                app.shared.load_progress = Some(progress);
                app.dirty = true;
            }
            Vec::new()
        }
        Msg::OpDone { op, result } => on_done(app, op, result),
        Msg::CloudTrailProgress(p) => {
            app.set_status(crate::tui::cx::Status::Info(format!("Reading CloudTrail event history: {p}…")));
            Vec::new()
        }
        Msg::CreateStatus { result } => on_create_status(app, result),
        Msg::Tick => {
            app.shared.tick = app.shared.tick.wrapping_add(1);
            if app.busy() {
                app.dirty = true;
            }
            app.with_editor(super::editor::tick).1
        }
        Msg::Terminate => {
            app.quit = true;
            Vec::new()
        }
    }
}

/// The first load.
pub fn start(app: &mut App) -> Vec<Effect> {
    app.load()
}

fn on_key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    app.dirty = true;
    // Ctrl-C always leaves, whatever is open.
    if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL) {
        app.quit = true;
        return Vec::new();
    }
    if app.editor.is_some() && app.modal.is_none() {
        let (taken, effects) = app.with_editor(|cx| super::editor::on_key(cx, &k));
        if taken {
            return effects;
        }
    }
    if app.modal.is_some() {
        return modal_key(app, k);
    }
    let page = app.page;
    let mut taken = false;
    let effects = app.with_pages(|p, env| taken = super::pages::key(page, p, env, &k));
    if taken {
        return effects;
    }
    let key = Key::from_event(&k);
    let Some(b) = app.shared.keymap.binding_for(&key, app.page) else {
        return super::command::unbound(app, &key);
    };
    let (name, scope) = (b.command, b.scope());
    match super::command::specs().find(|s| s.name == name && s.scope == scope) {
        Some(spec) => super::command::run(app, spec, None),
        None => Vec::new(),
    }
}

/// A bracketed paste: one event, into the focused text field, never run as keys.
fn on_paste(app: &mut App, text: &str) -> Vec<Effect> {
    app.dirty = true;
    if app.editor.is_some() && app.modal.is_none() {
        let (taken, effects) = app.with_editor(|cx| super::editor::paste(cx, text));
        if taken {
            return effects;
        }
    }
    if app.modal.is_some() {
        dialogs::paste(app, text);
        return Vec::new();
    }
    let page = app.page;
    let mut taken = false;
    let effects = app.with_pages(|p, env| taken = super::pages::paste(page, p, env, text));
    if !taken {
        app.set_status(Status::Info(
            "Nothing to paste into here: open a field first (e.g. / to filter).".into(),
        ));
    }
    effects
}

/// Mouse (when captured): the wheel moves the selection, a click selects the tree row under it
/// and a click on the selected row opens or closes it.
fn on_mouse(app: &mut App, m: crossterm::event::MouseEvent) -> Vec<Effect> {
    use super::page::Nav;
    use crossterm::event::{MouseButton, MouseEventKind};
    if app.modal.is_some() {
        return Vec::new();
    }
    let page = app.page;
    let nav = |app: &mut App, nav: Nav| app.with_pages(|p, env| super::pages::navigate(page, p, env, nav));
    match m.kind {
        MouseEventKind::ScrollDown => nav(app, Nav::Down),
        MouseEventKind::ScrollUp => nav(app, Nav::Up),
        MouseEventKind::Down(MouseButton::Left) if page == super::page::Page::Accounts => {
            let pos = ratatui::layout::Position { x: m.column, y: m.row };
            let st = &mut app.pages.accounts;
            let key = st.tree_view.borrow().rendered_at(pos).and_then(|p| p.last().copied());
            let Some(d) = app.shared.data.as_ref() else { return Vec::new() };
            let Some(i) = key.and_then(|k| d.tree.index_of_key(k)) else { return Vec::new() };
            let id = Some(d.tree.nodes[i].id.clone());
            if id == st.selected {
                return nav(app, Nav::Enter);
            }
            st.selected = id;
            st.focus = super::pages::accounts::Focus::Tree;
            app.shared.selected = st.selected.clone();
            app.dirty = true;
            Vec::new()
        }
        _ => Vec::new(),
    }
}
