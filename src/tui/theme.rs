//! Colours and glyphs: the 16 ANSI colours only (they follow the user's terminal palette),
//! no colour at all under `NO_COLOR`, ASCII glyphs when the locale is not UTF-8. Meaning never
//! rests on colour alone: badges and words carry it too.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

/// Box drawing in plain ASCII, for terminals whose locale is not UTF-8.
pub const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// The symbols the chrome draws with, in UTF-8 or ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    /// Between the header's parts.
    pub bar: &'static str,
    /// Between hints on one line.
    pub dot: &'static str,
    /// Marks text cut short.
    pub ellipsis: &'static str,
    /// Before the title of the focused pane.
    pub focus: &'static str,
    /// Pane borders.
    pub border: border::Set<'static>,
}

/// The look of the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub unicode: bool,
}

impl Theme {
    /// From the environment: `NO_COLOR` (any non-empty value) and the locale variables. Decided
    /// once at start-up.
    pub fn from_env() -> Theme {
        Theme::from_vars(|k| std::env::var(k).ok())
    }

    /// From variables looked up by `get`: colour unless `NO_COLOR` is set and non-empty; UTF-8
    /// drawing when the first of `LC_ALL`, `LC_CTYPE`, `LANG` that is set names UTF-8.
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Theme {
        let no_color = get("NO_COLOR").is_some_and(|v| !v.is_empty());
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|k| get(k).filter(|v| !v.is_empty()))
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

    /// The chrome's symbols for this terminal.
    pub fn glyphs(&self) -> Glyphs {
        if self.unicode {
            Glyphs { bar: "│", dot: "·", ellipsis: "…", focus: "▶ ", border: border::PLAIN }
        } else {
            Glyphs { bar: "|", dot: "|", ellipsis: "...", focus: "> ", border: ASCII_BORDER }
        }
    }

    /// A bordered block drawn with this terminal's border symbols (every pane and dialog).
    pub fn block(&self) -> Block<'static> {
        Block::default().borders(Borders::ALL).border_set(self.glyphs().border)
    }

    /// A pane with `title`; the focused one has the focus colour and a title marker, so it shows
    /// without colour too (`NO_COLOR`).
    pub fn pane(&self, title: impl Into<String>, focused: bool) -> Block<'static> {
        let title: String = title.into();
        if focused {
            let marked = format!(" {}{}", self.glyphs().focus, title.trim_start());
            self.block()
                .border_style(self.focus())
                .title(Line::from(Span::styled(marked, self.focus_title())))
        } else {
            self.block().title(title)
        }
    }

    /// The focused pane's title: bold (and coloured when colour is on).
    pub fn focus_title(&self) -> Style {
        self.focus().add_modifier(Modifier::BOLD)
    }

    /// Spinner frames for work in flight.
    pub fn spinner(&self, tick: usize) -> &'static str {
        const U: [&str; 4] = ["◐", "◓", "◑", "◒"];
        const A: [&str; 4] = ["|", "/", "-", "\\"];
        if self.unicode { U[tick % 4] } else { A[tick % 4] }
    }
}
