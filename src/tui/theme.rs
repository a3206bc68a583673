//! Colours and glyphs: the 16 ANSI colours only (they follow the user's terminal palette),
//! no colour at all under `NO_COLOR`, ASCII glyphs when the locale is not UTF-8. Meaning never
//! rests on colour alone: badges and words carry it too.

use ratatui::style::{Color, Modifier, Style};

/// The look of the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub unicode: bool,
}

impl Theme {
    /// From the environment: `NO_COLOR` (any non-empty value) and the locale variables.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
            .unwrap_or_default()
            .to_uppercase();
        let unicode = locale.contains("UTF-8") || locale.contains("UTF8");
        Theme { color: !no_color, unicode }
    }

    /// Plain ASCII, no colour: what tests and snapshots use.
    pub fn plain() -> Theme {
        Theme { color: false, unicode: false }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color { Style::default().fg(c) } else { Style::default() }
    }

    /// Titles and the header.
    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    /// The selected row.
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    /// Secondary text (ids, hints).
    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray)
    }
    /// Errors and destructive warnings (always with words too).
    pub fn danger(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    /// Success messages.
    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }
    /// Keys in the footer and help.
    pub fn key(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    /// Focused pane border.
    pub fn focus(&self) -> Style {
        self.fg(Color::Cyan)
    }

    /// JSON object keys (policy documents in the editor and on the Policies and Settings pages).
    pub fn json_key(&self) -> Style {
        self.fg(Color::Cyan)
    }
    /// JSON string values.
    pub fn json_string(&self) -> Style {
        self.fg(Color::Green)
    }
    /// JSON numbers.
    pub fn json_number(&self) -> Style {
        self.fg(Color::Magenta)
    }
    /// JSON `true`, `false` and `null`.
    pub fn json_literal(&self) -> Style {
        self.fg(Color::Yellow)
    }
    /// JSON punctuation: braces, brackets, colons and commas.
    pub fn json_punct(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// Tree glyphs: (open, closed, leaf, selection marker).
    pub fn tree_glyphs(&self) -> (&'static str, &'static str, &'static str, &'static str) {
        if self.unicode { ("▼ ", "▶ ", "  ", "» ") } else { ("- ", "+ ", "  ", "> ") }
    }

    /// Spinner frames for work in flight.
    pub fn spinner(&self, tick: usize) -> &'static str {
        const U: [&str; 4] = ["◐", "◓", "◑", "◒"];
        const A: [&str; 4] = ["|", "/", "-", "\\"];
        if self.unicode { U[tick % 4] } else { A[tick % 4] }
    }
}
