//! The keymap: typed defaults (each key runs a command string and has a description that the
//! help screen shows), patched by an optional TOML file in the user's config directory:
//!
//! ```toml
//! [keys]
//! create-ou = "n"            # replaces the default keys of `create-ou`
//! delete-ou = ["D", "ctrl-d"]
//! ```
//!
//! A bad file never stops the console: the defaults are used and the problem is shown, naming
//! the line.

use super::app::Page;
use super::command::Command;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers (shift is folded into the character for letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// A plain key.
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false, alt: false }
    }

    /// From a crossterm event.
    pub fn from_event(e: &KeyEvent) -> Key {
        Key {
            code: match e.code {
                KeyCode::BackTab => KeyCode::BackTab,
                c => c,
            },
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parses `a`, `A`, `?`, `ctrl-d`, `alt-x`, `enter`, `esc`, `tab`, `up`, `f5`, `space`, ….
    pub fn parse(s: &str) -> Result<Key, String> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower.strip_prefix("ctrl-").map(|_| &rest[5..]) {
                ctrl = true;
                rest = r;
            } else if let Some(r) = lower.strip_prefix("alt-").map(|_| &rest[4..]) {
                alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() => KeyCode::Char(c),
                    _ => {
                        return Err(format!("{s:?} is not a key (try \"n\", \"ctrl-d\", \"enter\", \"f5\")"));
                    }
                }
            }
        };
        Ok(Key { code, ctrl, alt })
    }

    /// How the key is shown in help and the footer.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "enter".into(),
            KeyCode::Esc => "esc".into(),
            KeyCode::Tab => "tab".into(),
            KeyCode::BackTab => "shift-tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "home".into(),
            KeyCode::End => "end".into(),
            KeyCode::PageUp => "pgup".into(),
            KeyCode::PageDown => "pgdn".into(),
            KeyCode::F(n) => format!("f{n}"),
            KeyCode::Backspace => "backspace".into(),
            KeyCode::Delete => "del".into(),
            other => format!("{other:?}").to_lowercase(),
        };
        let mut s = String::new();
        if self.ctrl {
            s.push_str("ctrl-");
        }
        if self.alt {
            s.push_str("alt-");
        }
        s + &base
    }
}

/// One binding: the keys, the command they run and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub command: &'static str,
    pub keys: Vec<Key>,
    pub desc: &'static str,
    /// Short label in the footer (not shown there when `None`).
    pub footer: Option<&'static str>,
    /// The page the binding works on; `None` for every page. A page's binding wins over a
    /// global one on the same key.
    pub page: Option<Page>,
}

/// The active keymap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

fn keys(specs: &[&str]) -> Vec<Key> {
    specs.iter().filter_map(|s| Key::parse(s).ok()).collect()
}

impl Default for Keymap {
    fn default() -> Self {
        let b =
            |command, k: &[&str], desc, footer| Binding { command, keys: keys(k), desc, footer, page: None };
        let acc = |command, k: &[&str], desc, footer| Binding {
            command,
            keys: keys(k),
            desc,
            footer,
            page: Some(Page::Accounts),
        };
        let mut map = Keymap {
            bindings: vec![
                b("up", &["up", "k"], "move up", None),
                b("down", &["down", "j"], "move down", None),
                b("collapse", &["left", "h"], "collapse / go to parent", None),
                b("expand", &["right", "l"], "expand", None),
                b("top", &["home", "g"], "first row", None),
                b("bottom", &["end", "G"], "last row", None),
                b("page-up", &["pageup"], "page up", None),
                b("page-down", &["pagedown"], "page down", None),
                b("open", &["enter"], "open / act on the selection", None),
                b("next-pane", &["tab"], "next pane", None),
                b("page 1", &["1"], "AWS accounts page", None),
                b("page 2", &["2"], "Policies page", None),
                b("page 3", &["3"], "Inspector page", None),
                b("page 4", &["4"], "Invitations page", None),
                b("page 5", &["5"], "Services page", None),
                b("page 6", &["6"], "Settings page", None),
                acc("filter", &["/"], "filter by name, id, email or key=value tag", Some("filter")),
                b("palette", &[":"], "command palette", Some("command")),
                b("help", &["?"], "help", Some("help")),
                b("refresh", &["r"], "refresh", None),
                acc("create-ou", &["c"], "create an OU under the selection", Some("new OU")),
                acc("rename-ou", &["e"], "rename the selected OU", None),
                acc("delete-ou", &["D"], "delete the selected OU", None),
                acc("move", &["m"], "move the selected account", Some("move")),
                acc("create-account", &["a"], "create an account", Some("new account")),
                acc("remove-account", &["X"], "remove the selected account", None),
                acc("close-account", &["C"], "close the selected account", None),
                acc("tag", &["t"], "add a tag", None),
                acc("untag", &["T"], "remove a tag", None),
                acc("copy-id", &["y"], "copy the id", None),
                acc("copy-arn", &["Y"], "copy the ARN", None),
                b("cancel", &["esc"], "back / cancel", None),
                b("quit", &["q"], "quit", Some("quit")),
            ],
        };
        for a in super::pages::actions() {
            map.bindings.push(Binding {
                command: a.name,
                keys: keys(a.keys),
                desc: a.desc,
                footer: a.footer,
                page: Some(a.page),
            });
        }
        map
    }
}

/// A problem in the user's keymap file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for KeymapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl Keymap {
    /// The command a key runs on `page`: the page's own binding first, then a global one.
    pub fn command_for(&self, key: &Key, page: Page) -> Option<Command> {
        let b = self
            .bindings
            .iter()
            .find(|b| b.page == Some(page) && b.keys.contains(key))
            .or_else(|| self.bindings.iter().find(|b| b.page.is_none() && b.keys.contains(key)))?;
        Command::parse(b.command).ok()
    }

    /// The first key of a command, for hints.
    pub fn key_of(&self, command: &str) -> Option<String> {
        self.bindings.iter().find(|b| b.command == command).and_then(|b| b.keys.first()).map(Key::label)
    }

    /// The defaults patched by a TOML keymap file.
    pub fn with_overrides(text: &str) -> Result<Keymap, KeymapError> {
        let line_of = |needle: &str| {
            text.lines()
                .position(|l| {
                    let l = l.trim_start().trim_start_matches('"');
                    l.starts_with(needle)
                })
                .map_or(1, |i| i + 1)
        };
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| KeymapError {
            line: e.span().map_or(1, |s| text[..s.start.min(text.len())].lines().count().max(1)),
            message: e.message().to_string(),
        })?;
        let mut map = Keymap::default();
        for (section, value) in &table {
            if section != "keys" {
                return Err(KeymapError {
                    line: line_of(&format!("[{section}")),
                    message: format!("unknown section [{section}]; use [keys]"),
                });
            }
            let Some(keys) = value.as_table() else {
                return Err(KeymapError { line: line_of("keys"), message: "keys must be a table".into() });
            };
            for (command, spec) in keys {
                let line = line_of(command);
                let specs: Vec<&str> = match spec {
                    toml::Value::String(s) => vec![s.as_str()],
                    toml::Value::Array(a) => a.iter().filter_map(toml::Value::as_str).collect(),
                    _ => {
                        return Err(KeymapError {
                            line,
                            message: format!("{command}: give a key or a list of keys"),
                        });
                    }
                };
                let parsed: Vec<Key> = specs
                    .iter()
                    .map(|s| Key::parse(s))
                    .collect::<Result<_, _>>()
                    .map_err(|m| KeymapError { line, message: format!("{command}: {m}") })?;
                let Some(idx) = map.bindings.iter().position(|b| b.command == command) else {
                    return Err(KeymapError { line, message: format!("unknown command {command:?}") });
                };
                // The keys leave every binding that could clash: the same page's and, for a
                // global binding, every page's.
                let scope = map.bindings[idx].page;
                for b in &mut map.bindings {
                    if scope.is_none() || b.page.is_none() || b.page == scope {
                        b.keys.retain(|k| !parsed.contains(k));
                    }
                }
                map.bindings[idx].keys = parsed;
            }
        }
        Ok(map)
    }

    /// Loads `keymap.toml` from the user's config directory, if there is one. Returns the
    /// keymap and, for a bad file, a message for the status line (defaults are then used).
    pub fn load_user() -> (Keymap, Option<String>) {
        let Some(path) = crate::paths::config_file("keymap.toml") else {
            return (Keymap::default(), None);
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => match Keymap::with_overrides(&text) {
                Ok(k) => (k, None),
                Err(e) => {
                    (Keymap::default(), Some(format!("{}: {e}; using the default keys", path.display())))
                }
            },
            Err(_) => (Keymap::default(), None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_keys_are_bound() {
        let k = Keymap::default();
        for (key, cmd) in
            [("j", Command::Down), ("down", Command::Down), ("q", Command::Quit), ("/", Command::Filter)]
        {
            assert_eq!(k.command_for(&Key::parse(key).unwrap(), Page::Accounts), Some(cmd), "{key}");
        }
    }

    #[test]
    fn overrides_replace_and_steal_keys() {
        let k = Keymap::with_overrides("[keys]\ncreate-ou = \"n\"\nquit = [\"ctrl-q\", \"c\"]\n").unwrap();
        let on = |s: &str| k.command_for(&Key::parse(s).unwrap(), Page::Accounts);
        assert_eq!(on("n"), Some(Command::CreateOu(None)));
        assert_eq!(on("c"), Some(Command::Quit));
        assert_eq!(on("ctrl-q"), Some(Command::Quit));
        assert_eq!(on("q"), None);
    }

    #[test]
    fn bad_files_name_the_line() {
        let e = Keymap::with_overrides("[keys]\nquit = \"q\"\nfly = \"f\"\n").unwrap_err();
        assert_eq!((e.line, e.message.contains("unknown command")), (3, true));
        let e = Keymap::with_overrides("[keys]\n\nquit = \"ctrl-\"\n").unwrap_err();
        assert_eq!(e.line, 3);
        let e = Keymap::with_overrides("[keys\nquit = 1").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
