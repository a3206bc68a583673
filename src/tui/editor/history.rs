//! The editor's undo and redo. `ratatui-textarea` keeps a history of its own, but it binds undo
//! and redo to ctrl-u/ctrl-r, records a whole-text replacement (format, minify, a restored
//! draft) as two steps (delete all, insert) and a completion as several; the console promises
//! ctrl-z/ctrl-y and one step per action. So the editor keeps whole-text snapshots itself:
//! every change is one step (a typed word, a paste, a format, a completion), the text area's
//! own history is off.

use ratatui_textarea::{CursorMove, TextArea};

/// Undo steps kept (a 10 KB policy × 200 is 2 MB at most).
const STEPS: usize = 200;

/// What a change was, so typing a word undoes as one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// One typed character (a run of them, up to a space or a line break, is one step).
    Type,
    /// Anything else: deletion, paste, format, completion, restore.
    Other,
}

/// The text and the cursor, as a step keeps them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snap {
    lines: Vec<String>,
    cursor: (usize, usize),
}

impl Snap {
    fn of(area: &TextArea<'_>) -> Snap {
        Snap { lines: area.lines().to_vec(), cursor: pos(area) }
    }
}

/// Undo and redo stacks of whole-text snapshots.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Snap>,
    redo: Vec<Snap>,
    /// Where the cursor was after the last typed character (a run continues only from there).
    typing_at: Option<(usize, usize)>,
}

/// A text area on `lines` with the editor's settings.
pub fn area(lines: Vec<String>) -> TextArea<'static> {
    let mut area = TextArea::new(if lines.is_empty() { vec![String::new()] } else { lines });
    area.set_tab_length(2);
    area.set_max_histories(0);
    area
}

impl History {
    /// Runs `change` on `area`; when it changed the text, the text before it becomes an undo
    /// step (or joins the typed word before it). Returns whether the text changed.
    pub fn change(
        &mut self,
        area: &mut TextArea<'static>,
        step: Step,
        change: impl FnOnce(&mut TextArea<'static>) -> bool,
    ) -> bool {
        let before = Snap::of(area);
        if !change(area) || area.lines() == before.lines.as_slice() {
            return false;
        }
        let (row, col) = pos(area);
        // A space or a line break typed after a word starts a new step.
        let typed = area.lines()[row].chars().nth(col.saturating_sub(1));
        let word_goes_on = step == Step::Type
            && self.typing_at == Some(before.cursor)
            && row == before.cursor.0
            && !typed.is_some_and(char::is_whitespace);
        if !word_goes_on {
            self.undo.push(before);
            if self.undo.len() > STEPS {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.typing_at = (step == Step::Type).then_some((row, col));
        true
    }

    /// Takes back the last step. False when there is none.
    pub fn undo(&mut self, area: &mut TextArea<'static>) -> bool {
        self.typing_at = None;
        step(&mut self.undo, &mut self.redo, area)
    }

    /// Does again what undo took back. False when there is nothing to redo.
    pub fn redo(&mut self, area: &mut TextArea<'static>) -> bool {
        self.typing_at = None;
        step(&mut self.redo, &mut self.undo, area)
    }
}

/// Goes back to the last snapshot of `from`, keeping the text now on `to`.
fn step(from: &mut Vec<Snap>, to: &mut Vec<Snap>, area: &mut TextArea<'static>) -> bool {
    let Some(snap) = from.pop() else { return false };
    to.push(Snap::of(area));
    restore(area, snap);
    true
}

fn pos(area: &TextArea<'_>) -> (usize, usize) {
    let c = area.cursor();
    (c.0, c.1)
}

/// Puts a snapshot back, keeping the cut buffer.
fn restore(area: &mut TextArea<'static>, snap: Snap) {
    let yank = area.yank_text();
    *area = self::area(snap.lines);
    area.set_yank_text(yank);
    let (row, col) = snap.cursor;
    area.move_cursor(CursorMove::Jump(
        u16::try_from(row).unwrap_or(u16::MAX),
        u16::try_from(col).unwrap_or(u16::MAX),
    ));
}
