//! The console's one single-line text input: forms, the command palette and typed
//! confirmations edit their text with it, so every field has the same keys, a real cursor,
//! undo and redo, paste and a length limit.
//!
//! The cursor is a character index that always sits on a grapheme boundary (a letter with its
//! combining marks, or an emoji sequence, moves and deletes as one). Display widths come from
//! `unicode-width`, so wide CJK characters take two columns. Keys (readline-like):
//!
//! | key                         | does                                  |
//! |-----------------------------|---------------------------------------|
//! | left, right                 | move one character                    |
//! | ctrl-left/right, alt-b/f    | move one word (words end at spaces)   |
//! | home, end, ctrl-a, ctrl-e   | move to the start or the end          |
//! | backspace, delete           | delete before or at the cursor        |
//! | ctrl-w, alt-backspace       | delete the word before the cursor     |
//! | ctrl-u, ctrl-k              | delete to the start or to the end     |
//! | ctrl-z, ctrl-y (ctrl-shift-z) | undo, redo (a typed word is one step) |

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The longest value a field takes unless told otherwise (in characters).
pub const DEFAULT_MAX: usize = 256;

/// Undo steps kept per field.
const HISTORY: usize = 100;

/// What a key did to an input, so the dialog around it can react (clear an error only when
/// the text changed, handle the keys the input leaves alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// The text changed.
    Edited,
    /// Only the cursor moved (or nothing could change, such as undo with no history).
    Moved,
    /// Not an editing key: the caller decides.
    Ignored,
}

/// The kind of the last edit, so typing a word or holding backspace undoes as one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Type,
    Back,
    Forward,
    Other,
}

/// A text and its cursor, as the undo history keeps them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    value: String,
    cursor: usize,
}

/// A single-line text field: the value, a cursor, a maximum length and its undo history.
#[derive(Clone)]
pub struct Input {
    value: String,
    cursor: usize,
    max: usize,
    undo: Vec<State>,
    redo: Vec<State>,
    last: Option<Kind>,
}

impl Default for Input {
    fn default() -> Self {
        Input::new("")
    }
}

impl Input {
    /// An input holding `value` (cut to [`DEFAULT_MAX`] characters), the cursor at its end.
    pub fn new(value: impl Into<String>) -> Input {
        let mut i = Input {
            value: String::new(),
            cursor: 0,
            max: DEFAULT_MAX,
            undo: Vec::new(),
            redo: Vec::new(),
            last: None,
        };
        i.value = fit(&clean(&value.into()), DEFAULT_MAX);
        i.cursor = i.len();
        i
    }

    /// An input holding `value` with room for at most `max` characters.
    pub fn with_value_max(value: &str, max: usize) -> Input {
        let mut i = Input::new("").with_max(max);
        i.value = fit(&clean(value), max);
        i.cursor = i.len();
        i
    }

    /// The same input with room for at most `max` characters (the value is cut to fit).
    pub fn with_max(mut self, max: usize) -> Input {
        self.max = max;
        self.value = fit(&self.value, max);
        self.cursor = self.cursor.min(self.len());
        self
    }

    /// The text.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The length in characters.
    pub fn len(&self) -> usize {
        self.value.chars().count()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Replaces the whole text (a completion, say) as one undoable step; the cursor goes to
    /// the end.
    pub fn set(&mut self, value: &str) {
        let value = fit(&clean(value), self.max);
        if value != self.value {
            self.edit(Kind::Other, |s| {
                s.value = value;
                s.cursor = s.len();
            });
        }
    }

    /// Types one character at the cursor; refused (false) for control characters or when the
    /// field is full.
    pub fn insert_char(&mut self, c: char) -> bool {
        if c.is_control() || self.len() >= self.max {
            return false;
        }
        // A space after a word starts a new undo step: undo takes back a word at a time.
        let word_ends =
            c.is_whitespace() && self.before().chars().next_back().is_some_and(|p| !p.is_whitespace());
        if word_ends {
            self.last = None;
        }
        self.edit(Kind::Type, |s| {
            let at = s.byte(s.cursor);
            s.value.insert(at, c);
            s.cursor += 1;
        });
        true
    }

    /// Inserts pasted text at the cursor as one undoable step: line breaks and tabs become
    /// spaces (a single-line field), other control characters are dropped, and what does not
    /// fit in the maximum length is left out. False when nothing was inserted.
    pub fn insert_str(&mut self, text: &str) -> bool {
        let text = clean(text);
        let text = fit(&text, self.max.saturating_sub(self.len()));
        if text.is_empty() {
            return false;
        }
        self.last = None;
        self.edit(Kind::Other, |s| {
            let at = s.byte(s.cursor);
            s.value.insert_str(at, &text);
            s.cursor += text.chars().count();
        });
        true
    }

    /// Deletes the grapheme before the cursor.
    pub fn backspace(&mut self) -> bool {
        let to = self.prev_boundary();
        self.delete_range(to, self.cursor, Kind::Back)
    }

    /// Deletes the grapheme at the cursor.
    pub fn delete(&mut self) -> bool {
        let to = self.next_boundary();
        self.delete_range(self.cursor, to, Kind::Forward)
    }

    /// Deletes the word before the cursor (and the spaces between it and the cursor).
    pub fn delete_word_back(&mut self) -> bool {
        let to = self.word_left_of(self.cursor);
        self.delete_range(to, self.cursor, Kind::Other)
    }

    /// Deletes from the start to the cursor.
    pub fn delete_to_start(&mut self) -> bool {
        self.delete_range(0, self.cursor, Kind::Other)
    }

    /// Deletes from the cursor to the end.
    pub fn delete_to_end(&mut self) -> bool {
        self.delete_range(self.cursor, self.len(), Kind::Other)
    }

    /// Moves one grapheme left.
    pub fn left(&mut self) {
        self.move_to(self.prev_boundary());
    }

    /// Moves one grapheme right.
    pub fn right(&mut self) {
        self.move_to(self.next_boundary());
    }

    /// Moves to the start.
    pub fn home(&mut self) {
        self.move_to(0);
    }

    /// Moves to the end.
    pub fn end(&mut self) {
        self.move_to(self.len());
    }

    /// Moves to the start of this or the previous word.
    pub fn word_left(&mut self) {
        self.move_to(self.word_left_of(self.cursor));
    }

    /// Moves past the end of this or the next word.
    pub fn word_right(&mut self) {
        let chars: Vec<char> = self.value.chars().collect();
        let mut i = self.cursor;
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        self.move_to(i);
    }

    /// Takes back the last edit (a typed word, a run of deletions, a paste). False when there
    /// is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(prev) = self.undo.pop() else { return false };
        self.redo.push(self.state());
        self.restore(prev);
        true
    }

    /// Does again what undo took back. False when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else { return false };
        self.undo.push(self.state());
        self.restore(next);
        true
    }

    /// Applies an editing key; see the module documentation for the keys.
    pub fn handle_key(&mut self, k: KeyEvent) -> Handled {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let alt = k.modifiers.contains(KeyModifiers::ALT);
        let shift = k.modifiers.contains(KeyModifiers::SHIFT);
        let changed = match k.code {
            KeyCode::Char(c) if ctrl => match c.to_ascii_lowercase() {
                'w' => self.delete_word_back(),
                'u' => self.delete_to_start(),
                'k' => self.delete_to_end(),
                'z' if c == 'Z' || shift => self.redo(),
                'z' => self.undo(),
                'y' => self.redo(),
                'a' => {
                    self.home();
                    return Handled::Moved;
                }
                'e' => {
                    self.end();
                    return Handled::Moved;
                }
                _ => return Handled::Ignored,
            },
            KeyCode::Char(_) if alt => return self.move_by(k),
            KeyCode::Char(c) if !c.is_control() => self.insert_char(c),
            KeyCode::Backspace if ctrl || alt => self.delete_word_back(),
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            _ => return self.move_by(k),
        };
        if changed { Handled::Edited } else { Handled::Moved }
    }

    /// The cursor keys of [`Input::handle_key`].
    fn move_by(&mut self, k: KeyEvent) -> Handled {
        let word = k.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match k.code {
            KeyCode::Left if word => self.word_left(),
            KeyCode::Right if word => self.word_right(),
            KeyCode::Char('b') if word => self.word_left(),
            KeyCode::Char('f') if word => self.word_right(),
            KeyCode::Left => self.left(),
            KeyCode::Right => self.right(),
            KeyCode::Home => self.home(),
            KeyCode::End => self.end(),
            _ => return Handled::Ignored,
        }
        Handled::Moved
    }

    /// The part of the text shown in `width` columns, scrolled so the cursor is in view, and
    /// the cursor's column in it. When `end_mark` is set and the cursor is at the end, a `_`
    /// fills the cursor's cell (visible where the terminal's cursor is not drawn).
    pub fn window(&self, width: u16, end_mark: bool) -> (String, u16) {
        let width = usize::from(width);
        let graphemes: Vec<(usize, &str)> = self.graphemes();
        let at = graphemes.iter().position(|(c, _)| *c >= self.cursor).unwrap_or(graphemes.len());
        let cell = graphemes.get(at).map_or(1, |(_, g)| g.width().max(1));
        // The first grapheme shown: as far left as still keeps the cursor's cell in view.
        let mut start = at;
        let mut used = cell;
        while start > 0 && used + graphemes[start - 1].1.width() <= width {
            start -= 1;
            used += graphemes[start].1.width();
        }
        let mut shown = String::new();
        let mut col = 0;
        let mut cursor_col = 0;
        for (i, (_, g)) in graphemes.iter().enumerate().skip(start) {
            if i == at {
                cursor_col = col;
            }
            if col + g.width() > width {
                break;
            }
            shown.push_str(g);
            col += g.width();
        }
        if at == graphemes.len() {
            cursor_col = col;
            if end_mark && col < width {
                shown.push('_');
            }
        }
        (shown, u16::try_from(cursor_col).unwrap_or(u16::MAX))
    }

    /// Draws the input on the first row of `area` in `style` (the visible window of the text,
    /// the cursor kept in view) and returns where the terminal cursor goes, for
    /// `Frame::set_cursor_position`; `None` when the area is empty.
    pub fn render(&self, f: &mut Frame, area: Rect, style: Style) -> Option<Position> {
        if area.width == 0 || area.height == 0 {
            return None;
        }
        let (text, col) = self.window(area.width, false);
        f.render_widget(Paragraph::new(Span::styled(text, style)), Rect { height: 1, ..area });
        Some(Position { x: area.x + col.min(area.width - 1), y: area.y })
    }

    /// Each grapheme with its first character's index.
    fn graphemes(&self) -> Vec<(usize, &str)> {
        let mut at = 0;
        self.value
            .graphemes(true)
            .map(|g| {
                let here = at;
                at += g.chars().count();
                (here, g)
            })
            .collect()
    }

    fn prev_boundary(&self) -> usize {
        self.graphemes().iter().map(|(c, _)| *c).rfind(|c| *c < self.cursor).unwrap_or(0)
    }

    fn next_boundary(&self) -> usize {
        self.graphemes().iter().map(|(c, _)| *c).find(|c| *c > self.cursor).unwrap_or(self.len())
    }

    fn word_left_of(&self, from: usize) -> usize {
        let chars: Vec<char> = self.value.chars().collect();
        let mut i = from.min(chars.len());
        while i > 0 && chars[i - 1].is_whitespace() {
            i -= 1;
        }
        while i > 0 && !chars[i - 1].is_whitespace() {
            i -= 1;
        }
        i
    }

    /// The text before the cursor.
    fn before(&self) -> &str {
        &self.value[..self.byte(self.cursor)]
    }

    /// The byte offset of character `i`.
    fn byte(&self, i: usize) -> usize {
        self.value.char_indices().nth(i).map_or(self.value.len(), |(b, _)| b)
    }

    fn move_to(&mut self, cursor: usize) {
        self.cursor = cursor.min(self.len());
        self.last = None;
    }

    fn delete_range(&mut self, from: usize, to: usize, kind: Kind) -> bool {
        if from >= to {
            return false;
        }
        self.edit(kind, |s| {
            let (a, b) = (s.byte(from), s.byte(to));
            s.value.replace_range(a..b, "");
            s.cursor = from;
        });
        true
    }

    /// Runs an edit, first saving the state for undo unless it continues a run of the same
    /// kind (typing, or holding backspace or delete).
    fn edit(&mut self, kind: Kind, f: impl FnOnce(&mut Input)) {
        if kind == Kind::Other || self.last != Some(kind) {
            self.undo.push(self.state());
            if self.undo.len() > HISTORY {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        f(self);
        self.last = if kind == Kind::Other { None } else { Some(kind) };
    }

    fn state(&self) -> State {
        State { value: self.value.clone(), cursor: self.cursor }
    }

    fn restore(&mut self, s: State) {
        self.value = s.value;
        self.cursor = s.cursor;
        self.last = None;
    }
}

/// Pasted or given text made single-line: line breaks (`\r\n`, `\n`, `\r`) and tabs become a
/// space each, other control characters go.
fn clean(text: &str) -> String {
    text.replace("\r\n", " ")
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// The longest run of whole graphemes of `text` that has at most `max` characters.
fn fit(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for g in text.graphemes(true) {
        let len = g.chars().count();
        if n + len > max {
            break;
        }
        out.push_str(g);
        n += len;
    }
    out
}

/// Equal when the text and the cursor are (the undo history is not compared).
impl PartialEq for Input {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value && self.cursor == other.cursor
    }
}

impl Eq for Input {}

/// Compares the text, so a field reads like the string it holds.
impl PartialEq<str> for Input {
    fn eq(&self, other: &str) -> bool {
        self.value == other
    }
}

/// Compares the text, so a field reads like the string it holds.
impl PartialEq<&str> for Input {
    fn eq(&self, other: &&str) -> bool {
        self.value == *other
    }
}

/// The text and the cursor (the history would only clutter messages).
impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Input").field("value", &self.value).field("cursor", &self.cursor).finish()
    }
}

/// The text.
impl std::fmt::Display for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.value)
    }
}

/// An input holding the text, the cursor at its end.
impl From<&str> for Input {
    fn from(s: &str) -> Self {
        Input::new(s)
    }
}

/// An input holding the text, the cursor at its end.
impl From<String> for Input {
    fn from(s: String) -> Self {
        Input::new(s)
    }
}

/// What a list's `/` filter did with a key ([`filter_key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKey {
    /// Not the filter's: the keymap gets it (arrows still move through what matches).
    Ignored,
    /// `/` started typing the filter.
    Started,
    /// Taken, nothing changed.
    Taken,
    /// The filter's text changed or typing ended (Enter keeps it, Esc clears it).
    Changed,
}

/// The `/` filter every list has, so pages handle it alike: `/` starts typing, Enter keeps the
/// text, Esc clears it, ↑/↓ still move, other keys edit.
pub fn filter_key(filter: &mut Input, filtering: &mut bool, key: &KeyEvent) -> FilterKey {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if !*filtering {
        if key.code == KeyCode::Char('/') && !ctrl {
            *filtering = true;
            return FilterKey::Started;
        }
        return FilterKey::Ignored;
    }
    match key.code {
        KeyCode::Esc => {
            filter.set("");
            *filtering = false;
        }
        KeyCode::Enter => *filtering = false,
        KeyCode::Up | KeyCode::Down => return FilterKey::Ignored,
        _ => {
            if filter.handle_key(*key) != Handled::Edited {
                return FilterKey::Taken;
            }
        }
    }
    FilterKey::Changed
}
