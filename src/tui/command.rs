//! The command registry: every command of the console — global ones, each page's and the
//! editor's — in one list that the keymap, the `:` palette, `?` help and the footer all read,
//! and the one place a command line (`create-ou Payments`) is turned into a handler call.

use super::app::App;
use super::cx::Status;
use super::global::GLOBAL;
use super::keymap::{Key, Keymap};
use super::msg::Effect;
use super::page::{CommandSpec, Page, Scope};

/// Every command's description: global, then each page's, then the editor's.
pub fn specs() -> impl Iterator<Item = &'static CommandSpec> {
    GLOBAL
        .iter()
        .map(|g| &g.spec)
        .chain(super::pages::specs())
        .chain(super::editor::COMMANDS.iter().map(|c| &c.spec))
}

impl Default for Keymap {
    /// Every command with its default keys.
    fn default() -> Self {
        Keymap::from_specs(specs())
    }
}

/// The command `name` as seen from `page`: the page's own first, then a global one, then any
/// page's (the palette runs a page's command from anywhere, showing its page).
pub fn find(name: &str, page: Page) -> Option<&'static CommandSpec> {
    specs()
        .find(|s| s.name == name && s.scope == Scope::Page(page))
        .or_else(|| specs().find(|s| s.name == name && s.scope == Scope::Global))
        .or_else(|| specs().find(|s| s.name == name))
}

/// Runs a command with its argument.
pub fn run(app: &mut App, spec: &CommandSpec, arg: Option<String>) -> Vec<Effect> {
    app.dirty = true;
    if spec.name != "quit" {
        app.quit_armed = false;
    }
    match spec.scope {
        Scope::Global => match GLOBAL.iter().find(|g| g.spec.name == spec.name) {
            Some(g) => (g.run)(app, arg),
            None => Vec::new(),
        },
        Scope::Page(page) => {
            app.page = page;
            if let Some(c) = super::editor::COMMANDS.iter().find(|c| c.spec == *spec) {
                return app.with_editor(|cx| (c.run)(cx, arg)).1;
            }
            app.with_pages(|p, env| {
                super::pages::run(page, p, env, spec.name, arg);
            })
        }
    }
}

/// The key grammar every page follows (the README's table): a key and the verb it stands for.
pub const GRAMMAR: &[(&str, &str)] = &[
    ("n", "new"),
    ("N", "new OU"),
    ("e", "edit / rename"),
    ("d", "detach / remove"),
    ("D", "delete"),
    ("a", "attach / assign / accept"),
    ("+", "enable"),
    ("-", "disable"),
    ("/", "filter"),
    ("v", "view effective"),
    ("s", "sort"),
    ("[", "previous"),
    ("]", "next"),
    ("H", "history"),
];

/// Keys that moved to the grammar: still accepted for one release on their page, with a hint.
pub const MOVED: &[(Page, &str, &str)] = &[
    (Page::Accounts, "c", "create-ou"),
    (Page::Accounts, "a", "create-account"),
    (Page::Accounts, "X", "remove-account"),
    (Page::Invitations, "i", "invite-account"),
    (Page::Services, "e", "enable-trusted-access"),
    (Page::Services, "x", "disable-trusted-access"),
    (Page::Services, "D", "deregister-delegated-admin"),
    (Page::Settings, "e", "enable-policy-type"),
    (Page::Settings, "x", "disable-policy-type"),
];

/// A key with no binding on the page: a moved key still runs its command (with a hint);
/// any other says why nothing happens, so no key is silently ignored.
pub fn unbound(app: &mut App, key: &Key) -> Vec<Effect> {
    let label = key.label();
    let page = app.page;
    let moved = MOVED.iter().find(|(p, old, _)| *p == page && *old == label).and_then(|(_, _, name)| {
        let spec = specs().find(|s| s.name == *name && s.scope == Scope::Page(page))?;
        let b = app.shared.keymap.bindings.iter().find(|b| b.command == *name && b.page == Some(page))?;
        Some((spec, b.keys.first().map(Key::label)))
    });
    if let Some((spec, now)) = moved {
        let before = app.status.clone();
        let effects = run(app, spec, None);
        let now = now.unwrap_or_else(|| format!(":{}", spec.name));
        let hint = format!("{label} is now {now} ({}).", spec.name);
        match &app.status {
            Status::Error(_) => {}
            s if *s == before => app.set_status(Status::Info(hint)),
            Status::Info(m) | Status::Ok(m) => app.set_status(Status::Info(format!("{m} ({hint})"))),
            Status::None => app.set_status(Status::Info(hint)),
        }
        return effects;
    }
    if let crossterm::event::KeyCode::Char(c @ '0'..='9') = key.code {
        let pages = Page::keys_text();
        app.set_status(Status::Info(format!("There is no page {c}; the pages are {pages}.")));
        return Vec::new();
    }
    let verb = GRAMMAR.iter().find(|(k, _)| *k == label).map(|(_, v)| *v);
    let elsewhere: Vec<&str> = Page::ALL
        .into_iter()
        .filter(|p| {
            *p != page
                && app.shared.keymap.bindings.iter().any(|b| b.page == Some(*p) && b.keys.contains(key))
        })
        .map(Page::title)
        .collect();
    let mut msg = match verb {
        Some(v) => format!("{label} ({v}) does nothing on the {} page", page.title()),
        None => format!("{label} is not a key on the {} page", page.title()),
    };
    if !elsewhere.is_empty() {
        msg.push_str(&format!("; it works on {}", elsewhere.join(", ")));
    }
    msg.push_str(". ? lists this page's keys.");
    app.set_status(Status::Info(msg));
    Vec::new()
}

/// Splits `create-ou Payments Team` into the name and the (trimmed, non-empty) argument.
pub fn split(line: &str) -> (&str, Option<String>) {
    let line = line.trim();
    match line.split_once(char::is_whitespace) {
        Some((n, r)) if !r.trim().is_empty() => (n, Some(r.trim().to_string())),
        Some((n, _)) => (n, None),
        None => (line, None),
    }
}

/// Runs a palette line; `Err` says what is wrong with it.
pub fn run_line(app: &mut App, line: &str) -> Result<Vec<Effect>, String> {
    let (name, arg) = split(line);
    if name.is_empty() {
        return Err("type a command, e.g. goto, create-ou, move, refresh, quit".into());
    }
    let name = if name == "q" { "quit" } else { name };
    let Some(spec) = find(name, app.page).filter(|s| s.palette || s.name == "page") else {
        return Err(format!("unknown command {name:?}; Tab completes the command names"));
    };
    Ok(run(app, spec, arg))
}

/// Names, argument hints and descriptions of the palette commands (one per name), for
/// completion and help.
pub fn palette() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut out: Vec<(&str, &str, &str)> = Vec::new();
    for s in specs() {
        if s.palette && !out.iter().any(|(n, _, _)| *n == s.name) {
            out.push((s.name, s.args, s.desc));
        }
    }
    out
}

/// Palette completion: the commands whose name starts with what was typed.
pub fn complete(input: &str) -> Vec<&'static str> {
    let word = input.trim_start();
    if word.contains(char::is_whitespace) {
        return Vec::new();
    }
    palette().into_iter().map(|(n, _, _)| n).filter(|n| n.starts_with(word)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_command_lines() {
        assert_eq!(split("create-ou Payments Team"), ("create-ou", Some("Payments Team".into())));
        assert_eq!(split("create-ou"), ("create-ou", None));
        assert_eq!(split("  move 1 2 "), ("move", Some("1 2".into())));
    }

    #[test]
    fn every_name_is_unique_within_its_scope() {
        let all: Vec<_> = specs().collect();
        for (i, a) in all.iter().enumerate() {
            assert!(!all[..i].iter().any(|b| b.name == a.name && b.scope == a.scope), "{} twice", a.name);
        }
    }

    #[test]
    fn completes_names() {
        assert_eq!(complete("cr"), vec!["create-ou", "create-account", "create-policy"]);
        assert_eq!(complete("q"), vec!["quit"]);
        assert!(complete("goto x").is_empty());
    }
}
