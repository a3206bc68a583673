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

use super::page::{CommandSpec, Page, Scope};
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

/// One binding: a command of the registry and the keys that run it.
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

impl Binding {
    /// Where the command lives in the registry.
    pub fn scope(&self) -> Scope {
        self.page.map_or(Scope::Global, Scope::Page)
    }
}

/// The active keymap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

fn keys(specs: &[&str]) -> Vec<Key> {
    specs.iter().filter_map(|s| Key::parse(s).ok()).collect()
}

impl Keymap {
    /// Every command of the registry with its default keys (`Keymap::default()` passes the
    /// console's registry).
    pub fn from_specs<'a>(specs: impl Iterator<Item = &'a CommandSpec>) -> Keymap {
        Keymap {
            bindings: specs
                .map(|s| Binding {
                    command: s.name,
                    keys: keys(s.keys),
                    desc: s.desc,
                    footer: s.footer,
                    page: s.scope.page(),
                })
                .collect(),
        }
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
    /// The binding a key runs on `page`: the page's own binding first, then a global one.
    pub fn binding_for(&self, key: &Key, page: Page) -> Option<&Binding> {
        self.bindings
            .iter()
            .find(|b| b.page == Some(page) && b.keys.contains(key))
            .or_else(|| self.bindings.iter().find(|b| b.page.is_none() && b.keys.contains(key)))
    }

    /// The first key of a command, for hints.
    pub fn key_of(&self, command: &str) -> Option<String> {
        self.bindings.iter().find(|b| b.command == command).and_then(|b| b.keys.first()).map(Key::label)
    }

    /// The defaults patched by a TOML keymap file.
    pub fn with_overrides(text: &str) -> Result<Keymap, KeymapError> {
        use super::config::{toml_error_line, toml_line};
        use toml::de::DeValue;
        let doc = toml::de::DeTable::parse(text)
            .map_err(|e| KeymapError { line: toml_error_line(text, &e), message: e.message().to_string() })?;
        let mut map = Keymap::default();
        // In the file's order, so the first problem reported is the first in the file.
        let mut sections: Vec<_> = doc.get_ref().iter().collect();
        sections.sort_by_key(|(k, _)| k.span().start);
        for (section, value) in sections {
            let at = toml_line(text, section.span().start);
            if section.get_ref() != "keys" {
                return Err(KeymapError {
                    line: at,
                    message: format!("unknown section [{}]; use [keys]", section.get_ref()),
                });
            }
            let DeValue::Table(keys) = value.get_ref() else {
                return Err(KeymapError { line: at, message: "keys must be a table".into() });
            };
            let mut entries: Vec<_> = keys.iter().collect();
            entries.sort_by_key(|(k, _)| k.span().start);
            for (command, spec) in entries {
                let line = toml_line(text, command.span().start);
                let command = command.get_ref().as_ref();
                let specs: Vec<&str> = match spec.get_ref() {
                    DeValue::String(s) => vec![s.as_ref()],
                    DeValue::Array(a) => a.iter().filter_map(|v| v.get_ref().as_str()).collect(),
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
        super::config::load_user_file("keymap.toml", Keymap::with_overrides, "using the default keys")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_keys_are_bound() {
        let k = Keymap::default();
        for (key, cmd) in [("j", "down"), ("down", "down"), ("q", "quit"), ("/", "filter")] {
            let b = k.binding_for(&Key::parse(key).unwrap(), Page::Accounts).map(|b| b.command);
            assert_eq!(b, Some(cmd), "{key}");
        }
    }

    #[test]
    fn overrides_replace_and_steal_keys() {
        let k = Keymap::with_overrides("[keys]\ncreate-ou = \"n\"\nquit = [\"ctrl-q\", \"c\"]\n").unwrap();
        let on = |s: &str| k.binding_for(&Key::parse(s).unwrap(), Page::Accounts).map(|b| b.command);
        assert_eq!(on("n"), Some("create-ou"));
        assert_eq!(on("c"), Some("quit"));
        assert_eq!(on("ctrl-q"), Some("quit"));
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
        let e = Keymap::with_overrides("# mine\n[keys]\nquit = \"q\"\n\n[colors]\nx = 1\n").unwrap_err();
        assert_eq!((e.line, e.message.contains("[colors]")), (5, true), "{e}");
        let e = Keymap::with_overrides("[keys]\nzzz = \"z\"\naaa = 1\n").unwrap_err();
        assert_eq!((e.line, e.message.contains("zzz")), (2, true), "the first problem in the file: {e}");
        let e = Keymap::with_overrides("[keys]\nquit = \"q\"\nquit = \"x\"\n").unwrap_err();
        assert_eq!(e.line, 3, "a duplicate key: {e}");
        let e = Keymap::with_overrides("keys = 1\n").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (1, "keys must be a table"));
    }
}
