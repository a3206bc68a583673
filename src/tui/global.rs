//! The console's global commands: navigation (handed to the page on screen), pages, help,
//! palette, refresh, quit, and the session's own switches (mouse, watch list, arming). One
//! registry entry each, like every page's commands.

use super::app::App;
use super::cx::Status;
use super::dialog::{Confirm, Modal};
use super::msg::{Call, Effect};
use super::page::{CommandSpec, Nav, Page, Scope};
use crate::model::text::sanitize;

/// A global command: its description and a handler over the whole console.
pub struct GlobalCommand {
    pub spec: CommandSpec,
    pub run: fn(&mut App, Option<String>) -> Vec<Effect>,
}

const fn g(
    name: &'static str,
    keys: &'static [&'static str],
    args: &'static str,
    desc: &'static str,
    footer: Option<&'static str>,
    run: fn(&mut App, Option<String>) -> Vec<Effect>,
) -> GlobalCommand {
    GlobalCommand {
        spec: CommandSpec { name, scope: Scope::Global, keys, args, desc, footer, palette: true },
        run,
    }
}

/// A navigation key: bound, listed in help, not offered by the palette.
const fn key(
    name: &'static str,
    keys: &'static [&'static str],
    desc: &'static str,
    run: fn(&mut App, Option<String>) -> Vec<Effect>,
) -> GlobalCommand {
    GlobalCommand {
        spec: CommandSpec { name, scope: Scope::Global, keys, args: "", desc, footer: None, palette: false },
        run,
    }
}

/// Every global command.
pub const GLOBAL: &[GlobalCommand] = &[
    key("up", &["up", "k"], "move up", |a, _| nav(a, Nav::Up)),
    key("down", &["down", "j"], "move down", |a, _| nav(a, Nav::Down)),
    key("collapse", &["left", "h"], "collapse / go to parent", |a, _| nav(a, Nav::Left)),
    key("expand", &["right", "l"], "expand", |a, _| nav(a, Nav::Right)),
    key("top", &["home", "g"], "first row", |a, _| nav(a, Nav::Top)),
    key("bottom", &["end", "G"], "last row", |a, _| nav(a, Nav::Bottom)),
    key("page-up", &["pageup"], "page up", |a, _| nav(a, Nav::PageUp)),
    key("page-down", &["pagedown"], "page down", |a, _| nav(a, Nav::PageDown)),
    key("open", &["enter"], "open / act on the selection", |a, _| nav(a, Nav::Enter)),
    key("next-pane", &["tab"], "next pane", |a, _| nav(a, Nav::Tab)),
    key("cancel", &["esc"], "back / cancel", |a, _| nav(a, Nav::Back)),
    key("page 1", &["1"], "AWS accounts page", |a, _| page(a, Some("1".into()))),
    key("page 2", &["2"], "Policies page", |a, _| page(a, Some("2".into()))),
    key("page 3", &["3"], "Inspector page", |a, _| page(a, Some("3".into()))),
    key("page 4", &["4"], "Invitations page", |a, _| page(a, Some("4".into()))),
    key("page 5", &["5"], "Services page", |a, _| page(a, Some("5".into()))),
    key("page 6", &["6"], "Settings page", |a, _| page(a, Some("6".into()))),
    key("page 8", &["8"], "Billing page", |a, _| page(a, Some("8".into()))),
    key("page 9", &["9"], "Activity page (CloudTrail)", |a, _| page(a, Some("9".into()))),
    g(
        "page",
        &[],
        "<1-9>",
        "show a page: 1 accounts, 2 policies, 3 inspector, 4 invitations, 5 services, 6 settings, 8 billing, 9 activity",
        None,
        page,
    ),
    g("palette", &[":"], "", "command palette", Some("command"), |a, _| {
        a.modal = Some(Modal::Palette { input: Default::default(), error: None });
        Vec::new()
    }),
    g("help", &["?"], "", "show the keys", Some("help"), |a, _| {
        a.modal = Some(Modal::Help(Default::default()));
        Vec::new()
    }),
    g("refresh", &["r"], "", "reload the organization", None, |a, _| a.load()),
    g("messages", &[], "", "every status and error message of this session, in full", None, |a, _| {
        a.modal = Some(Modal::Messages { scroll: u16::MAX });
        Vec::new()
    }),
    g("mouse", &[], "", "toggle mouse capture", None, mouse),
    g(
        "watch",
        &[],
        "[actions…]",
        "show or set the actions the blast radius watches (this session)",
        None,
        watch,
    ),
    g(
        "arm",
        &[],
        "",
        "live sessions: allow changes (typed confirmation; every write is journaled)",
        None,
        arm,
    ),
    g("disarm", &[], "", "live sessions: back to read-only", None, disarm),
    g(
        "save-as",
        &[],
        "FILE",
        "write the organization to a snapshot file and work on it (every change saved, as --org FILE)",
        None,
        save_as,
    ),
    g("quit", &["q"], "", "leave orgtui", Some("quit"), quit),
];

/// Navigation goes to the page on screen.
fn nav(app: &mut App, nav: Nav) -> Vec<Effect> {
    let page = app.page;
    app.with_pages(|p, env| super::pages::navigate(page, p, env, nav))
}

fn page(app: &mut App, arg: Option<String>) -> Vec<Effect> {
    let n = arg.as_deref().map(str::trim).unwrap_or("");
    match n.parse::<u8>().ok().and_then(Page::from_number) {
        Some(p) => {
            app.page = p;
            return app.with_pages(|ps, env| super::pages::on_show(p, ps, env));
        }
        None => app.set_status(Status::Error(format!(
            "There is no page {:?}; the pages are {}.",
            sanitize(n),
            Page::keys_text()
        ))),
    }
    Vec::new()
}

fn quit(app: &mut App, _arg: Option<String>) -> Vec<Effect> {
    let unsaved = app.unsaved_sample_changes;
    if app.on_sample() && unsaved > 0 && !app.unsaved_warned {
        app.unsaved_warned = true;
        let what = if unsaved == 1 {
            "1 change to the sample is".into()
        } else {
            format!("{unsaved} changes to the sample are")
        };
        app.set_status(Status::Info(format!("{what} not saved — :save-as FILE keeps them; q again quits")));
    } else if app.changes_in_flight() > 0 && !app.quit_armed {
        app.quit_armed = true;
        app.set_status(Status::Info(format!(
            "{} change(s) still in flight; press q again to quit anyway",
            app.changes_in_flight()
        )));
    } else {
        app.quit = true;
    }
    Vec::new()
}

/// `:save-as FILE`: the organization goes to a snapshot file (replacing an existing one only
/// after a typed confirmation), and the session works on that file from then on.
fn save_as(app: &mut App, arg: Option<String>) -> Vec<Effect> {
    let Some(file) = arg.map(|a| a.trim().to_string()).filter(|a| !a.is_empty()) else {
        app.set_status(Status::Error("Which file? :save-as FILE".into()));
        return Vec::new();
    };
    if app.shared.source.guarded {
        app.set_status(Status::Error(
            "A live session cannot be saved as a file (`orgtui snapshot --aws -o FILE` copies the organization)."
                .into(),
        ));
        return Vec::new();
    }
    let path = std::path::PathBuf::from(&file);
    let shown = sanitize(&file);
    if path.is_dir() {
        app.set_status(Status::Error(format!("{shown} is a directory; name a file.")));
        return Vec::new();
    }
    if path.exists() {
        app.modal = Some(Modal::Confirm(Confirm::new(
            Call::SaveAs { path, overwrite: true },
            format!("Replace {shown}"),
            vec![
                format!("{shown} exists. Saving replaces its contents with this organization."),
                "From then on every change is written to it.".into(),
            ],
            "yes".into(),
        )));
        return Vec::new();
    }
    let op = app.op_id();
    app.pending.insert(op, format!("Saving to {shown}"));
    app.dirty = true;
    vec![Effect::Call { op, call: Call::SaveAs { path, overwrite: false } }]
}

fn mouse(app: &mut App, _arg: Option<String>) -> Vec<Effect> {
    app.mouse = !app.mouse;
    let state = if app.mouse { "on (shift-drag selects text)" } else { "off" };
    app.set_status(Status::Info(format!("Mouse capture {state}.")));
    vec![Effect::SetMouse(app.mouse)]
}

fn watch(app: &mut App, arg: Option<String>) -> Vec<Effect> {
    let Some(list) = arg else {
        let list = app.shared.watch.join(" ");
        let n = app.shared.watch.len();
        app.set_status(Status::Info(format!("Blast radius watches {n} action(s): {list}")));
        return Vec::new();
    };
    let entries: Vec<String> = list
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    match super::config::parse_watch(&entries) {
        Ok(w) => {
            app.set_status(Status::Ok(format!("Blast radius now watches {} action(s).", w.len())));
            app.shared.watch = w;
        }
        Err(e) => app.set_status(Status::Error(format!("watch: {e}"))),
    }
    Vec::new()
}

/// `:arm`: a typed confirmation that states what arming means.
fn arm(app: &mut App, _arg: Option<String>) -> Vec<Effect> {
    let source = &app.shared.source;
    if !source.guarded {
        app.set_status(Status::Info("This session is not a guarded live session: nothing to arm.".into()));
    } else if source.writable {
        app.set_status(Status::Info("Writes are already armed.".into()));
    } else {
        app.modal = Some(Modal::Confirm(Confirm::new(
            Call::Arm(true),
            "Arm writes".into(),
            vec![
                format!(
                    "Changes made from now on go to the live organization ({}).",
                    sanitize(&source.label)
                ),
                "Every write is appended to the audit journal (time, operation, input, outcome, request id)."
                    .into(),
                ":disarm returns to read-only.".into(),
            ],
            "arm".into(),
        )));
    }
    Vec::new()
}

fn disarm(app: &mut App, _arg: Option<String>) -> Vec<Effect> {
    if app.shared.source.guarded && app.shared.source.writable {
        let op = app.op_id();
        app.pending.insert(op, "Disarming writes".into());
        return vec![Effect::Call { op, call: Call::Arm(false) }];
    }
    app.set_status(Status::Info("Writes are not armed.".into()));
    Vec::new()
}
