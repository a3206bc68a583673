//! The console's single-line text input (`tui::widgets::input`): editing keys, unicode (wide
//! CJK, combining marks, emoji), horizontal scroll at the edge, undo and redo, paste and the
//! maximum length; and the dialogs that use it (forms, the palette, typed confirmations).

mod tui_support;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use orgtui::tui::app::App;
use orgtui::tui::dialog::Modal;
use orgtui::tui::msg::Msg;
use orgtui::tui::update::update;
use orgtui::tui::widgets::input::{Handled, Input};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

fn key(i: &mut Input, code: KeyCode) -> Handled {
    i.handle_key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(i: &mut Input, c: char) -> Handled {
    i.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn alt(i: &mut Input, c: char) -> Handled {
    i.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT))
}

fn typed(i: &mut Input, s: &str) {
    for c in s.chars() {
        assert_eq!(key(i, KeyCode::Char(c)), Handled::Edited, "typing {c:?}");
    }
}

/// The text with a `|` at the cursor.
fn show(i: &Input) -> String {
    let mut s: String = i.value().chars().take(i.cursor()).collect();
    s.push('|');
    s.extend(i.value().chars().skip(i.cursor()));
    s
}

#[test]
fn typing_moving_and_deleting() {
    let mut i = Input::default();
    typed(&mut i, "create ou");
    assert_eq!(show(&i), "create ou|");
    key(&mut i, KeyCode::Left);
    key(&mut i, KeyCode::Left);
    typed(&mut i, "-");
    assert_eq!(show(&i), "create -|ou");
    key(&mut i, KeyCode::Backspace);
    key(&mut i, KeyCode::Delete);
    assert_eq!(show(&i), "create |u");
    assert_eq!(key(&mut i, KeyCode::Home), Handled::Moved);
    assert_eq!(show(&i), "|create u");
    key(&mut i, KeyCode::Backspace);
    assert_eq!(show(&i), "|create u", "backspace at the start does nothing");
    key(&mut i, KeyCode::End);
    key(&mut i, KeyCode::Delete);
    assert_eq!(show(&i), "create u|", "delete at the end does nothing");
    ctrl(&mut i, 'a');
    assert_eq!(i.cursor(), 0);
    ctrl(&mut i, 'e');
    assert_eq!(i.cursor(), 8);
    key(&mut i, KeyCode::Right);
    assert_eq!(i.cursor(), 8, "right stops at the end");
    assert_eq!(key(&mut i, KeyCode::Enter), Handled::Ignored, "enter is the dialog's");
    assert_eq!(key(&mut i, KeyCode::Tab), Handled::Ignored);
    assert_eq!(ctrl(&mut i, 'q'), Handled::Ignored);
    assert_eq!(i.value(), "create u");
}

#[test]
fn word_keys() {
    let mut i = Input::new("tag  key=value more");
    alt(&mut i, 'b');
    assert_eq!(show(&i), "tag  key=value |more");
    alt(&mut i, 'b');
    assert_eq!(show(&i), "tag  |key=value more");
    i.handle_key(KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL));
    assert_eq!(show(&i), "|tag  key=value more");
    alt(&mut i, 'f');
    assert_eq!(show(&i), "tag|  key=value more");
    i.handle_key(KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL));
    assert_eq!(show(&i), "tag  key=value| more");
    ctrl(&mut i, 'w');
    assert_eq!(show(&i), "tag  | more");
    ctrl(&mut i, 'w');
    assert_eq!(show(&i), "| more", "ctrl-w takes the spaces and the word before them");
    key(&mut i, KeyCode::End);
    i.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::ALT));
    assert_eq!(show(&i), " |");
    let mut j = Input::new("abc def");
    j.left();
    j.left();
    ctrl(&mut j, 'u');
    assert_eq!(show(&j), "|ef");
    ctrl(&mut j, 'k');
    assert_eq!(show(&j), "|");
}

#[test]
fn graphemes_move_and_delete_as_one() {
    // e + combining acute, a family emoji (ZWJ sequence), a flag, wide CJK.
    let mut i = Input::new("e\u{301}👨‍👩‍👧🇫🇷日本");
    key(&mut i, KeyCode::Backspace);
    assert_eq!(i.value(), "e\u{301}👨‍👩‍👧🇫🇷日");
    key(&mut i, KeyCode::Left);
    assert_eq!(show(&i), "e\u{301}👨‍👩‍👧🇫🇷|日");
    key(&mut i, KeyCode::Left);
    assert_eq!(show(&i), "e\u{301}👨‍👩‍👧|🇫🇷日", "the flag is one step");
    key(&mut i, KeyCode::Left);
    assert_eq!(show(&i), "e\u{301}|👨‍👩‍👧🇫🇷日", "the family is one step");
    key(&mut i, KeyCode::Delete);
    assert_eq!(show(&i), "e\u{301}|🇫🇷日", "the whole family goes");
    key(&mut i, KeyCode::Backspace);
    assert_eq!(show(&i), "|🇫🇷日", "the letter goes with its accent");
    typed(&mut i, "ü");
    assert_eq!(show(&i), "ü|🇫🇷日");
    // Typing a combining mark joins the letter before it.
    let mut j = Input::new("a");
    typed(&mut j, "\u{308}");
    key(&mut j, KeyCode::Left);
    assert_eq!(j.cursor(), 0);
}

#[test]
fn the_window_keeps_the_cursor_in_view() {
    let mut i = Input::new("0123456789");
    // 10 characters and the cursor's cell after them: 11 columns.
    assert_eq!(i.window(11, true), ("0123456789_".to_string(), 10));
    assert_eq!(i.window(11, false), ("0123456789".to_string(), 10));
    assert_eq!(i.window(6, true), ("56789_".to_string(), 5), "scrolled to the end");
    i.home();
    assert_eq!(i.window(6, true), ("012345".to_string(), 0), "the start, no end mark");
    for _ in 0..7 {
        i.right();
    }
    assert_eq!(i.window(6, true), ("234567".to_string(), 5), "the cursor at the right edge");
    assert_eq!(i.window(0, true), (String::new(), 0));
    // Wide characters take two columns and are never cut in half.
    let mut w = Input::new("日本語のテキスト");
    assert_eq!(w.window(7, true), ("キスト_".to_string(), 6));
    w.home();
    w.right();
    assert_eq!(w.window(7, false), ("日本語".to_string(), 2));
    let (shown, col) = w.window(4, false);
    assert_eq!((shown.as_str(), col), ("日本", 2));
    // A combining mark takes no column.
    let e = Input::new("e\u{301}e\u{301}");
    assert_eq!(e.window(5, true), ("e\u{301}e\u{301}_".to_string(), 2));
}

#[test]
fn render_draws_the_window_and_returns_the_cursor() {
    let mut i = Input::new("hello wide 世界");
    let mut t = Terminal::new(TestBackend::new(12, 2)).unwrap();
    let mut at = None;
    t.draw(|f| at = i.render(f, Rect::new(2, 1, 8, 1), Style::default())).unwrap();
    // "de 世界" is 7 columns, the cursor's cell the 8th.
    assert_eq!(at, Some(Position { x: 9, y: 1 }));
    let cell = |t: &Terminal<TestBackend>, x: u16| t.backend().buffer()[(x, 1)].symbol().to_string();
    let cells: Vec<String> = [1, 2, 3, 4, 5, 7, 9].iter().map(|x| cell(&t, *x)).collect();
    assert_eq!(cells, [" ", "d", "e", " ", "世", "界", " "]);
    i.home();
    t.draw(|f| at = i.render(f, Rect::new(2, 1, 8, 1), Style::default())).unwrap();
    assert_eq!(at, Some(Position { x: 2, y: 1 }));
    let row: String = (0..12).map(|x| t.backend().buffer()[(x, 1)].symbol().to_string()).collect();
    assert_eq!(row, "  hello wi  ");
    t.draw(|f| at = i.render(f, Rect::new(2, 1, 0, 1), Style::default())).unwrap();
    assert_eq!(at, None);
}

#[test]
fn undo_takes_back_typed_words_and_redo_replays() {
    let mut i = Input::default();
    typed(&mut i, "create ou sandbox");
    assert_eq!(ctrl(&mut i, 'z'), Handled::Edited);
    assert_eq!(i.value(), "create ou");
    ctrl(&mut i, 'z');
    assert_eq!(i.value(), "create");
    ctrl(&mut i, 'z');
    assert_eq!(i.value(), "");
    assert_eq!(ctrl(&mut i, 'z'), Handled::Moved, "nothing more to undo");
    ctrl(&mut i, 'y');
    assert_eq!(i.value(), "create");
    i.handle_key(KeyEvent::new(KeyCode::Char('Z'), KeyModifiers::CONTROL | KeyModifiers::SHIFT));
    assert_eq!(show(&i), "create ou|");
    // A new edit drops what could be redone.
    typed(&mut i, "!");
    assert_eq!(ctrl(&mut i, 'y'), Handled::Moved);
    // A run of backspaces is one step; moving the cursor ends a run.
    let mut j = Input::new("abcdef");
    key(&mut j, KeyCode::Backspace);
    key(&mut j, KeyCode::Backspace);
    key(&mut j, KeyCode::Left);
    key(&mut j, KeyCode::Backspace);
    assert_eq!(show(&j), "ab|d");
    j.undo();
    assert_eq!(show(&j), "abc|d");
    j.undo();
    assert_eq!(show(&j), "abcdef|");
    assert!(!j.undo(), "the starting text is not undone");
    // Typing after moving is a new step.
    let mut k = Input::new("ac");
    k.left();
    typed(&mut k, "b");
    k.end();
    typed(&mut k, "d");
    k.undo();
    assert_eq!(show(&k), "abc|");
    k.undo();
    assert_eq!(show(&k), "a|c");
}

#[test]
fn paste_is_one_line_one_step_and_fits() {
    let mut i = Input::new("ab");
    i.left();
    assert!(i.insert_str("one\r\ntwo\nthree\rfour\tfive\u{7}"));
    assert_eq!(show(&i), "aone two three four five|b");
    i.undo();
    assert_eq!(show(&i), "a|b", "a paste undoes as one step");
    assert!(!i.insert_str("\u{1b}"), "nothing printable: nothing inserted");
    let mut short = Input::new("").with_max(5);
    assert!(short.insert_str("12345678"));
    assert_eq!(short.value(), "12345");
    assert!(!short.insert_str("x"));
    assert!(!short.insert_char('x'));
    assert_eq!(key(&mut short, KeyCode::Char('x')), Handled::Moved, "a full field refuses typing");
    // Whole graphemes only: an accented letter is not cut from its accent.
    let mut g = Input::new("").with_max(4);
    g.insert_str("abce\u{301}");
    assert_eq!(g.value(), "abc");
    assert_eq!(Input::new("x".repeat(300)).len(), 256, "the default limit");
    assert_eq!(Input::new("abcdef").with_max(3).value(), "abc");
}

#[test]
fn set_replaces_the_text_as_one_step() {
    let mut i = Input::new("cre");
    i.set("create-ou ");
    assert_eq!(show(&i), "create-ou |");
    i.undo();
    assert_eq!(show(&i), "cre|");
    assert_eq!(Input::new("a\nb"), "a b", "given text is one line too");
    assert_eq!(format!("{}", Input::new("shown")), "shown");
    assert_eq!(Input::new("ab"), Input::from("ab"));
}

/// Draws the console and returns the terminal cursor (when shown) and the symbol under it.
fn drawn_cursor(app: &App) -> Option<(Position, String)> {
    let mut t = Terminal::new(TestBackend::new(app.shared.size.0, app.shared.size.1)).unwrap();
    t.draw(|f| orgtui::tui::view::draw(f, app)).unwrap();
    let b = t.backend();
    b.cursor_visible().then(|| (b.cursor_position(), b.buffer()[b.cursor_position()].symbol().to_string()))
}

fn ctrl_key(app: &mut App, c: char) {
    update(app, Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)));
}

#[test]
fn form_fields_edit_in_place_with_a_cursor_and_undo() {
    let mut a = tui_support::app(120, 36);
    assert_eq!(drawn_cursor(&a), None, "no dialog, no cursor");
    tui_support::press(&mut a, KeyCode::Char('c'));
    tui_support::type_str(&mut a, "Sanbox");
    for _ in 0..3 {
        tui_support::press(&mut a, KeyCode::Left);
    }
    tui_support::type_str(&mut a, "d");
    let (_, under) = drawn_cursor(&a).expect("the field shows the cursor");
    assert_eq!(under, "b", "the cursor sits on the character after it");
    ctrl_key(&mut a, 'w');
    assert!(matches!(&a.modal, Some(Modal::Form(f)) if f.fields[0].value == "box"));
    ctrl_key(&mut a, 'z');
    assert!(matches!(&a.modal, Some(Modal::Form(f)) if f.fields[0].value == "Sandbox"));
    ctrl_key(&mut a, 'e');
    let (_, under) = drawn_cursor(&a).unwrap();
    assert_eq!(under, "_", "at the end the cursor is on the end mark");
}

#[test]
fn the_palette_and_confirmations_place_the_cursor() {
    let mut a = tui_support::app(120, 36);
    tui_support::press(&mut a, KeyCode::Char(':'));
    tui_support::type_str(&mut a, "goto Policy Staging");
    ctrl_key(&mut a, 'a');
    let (at, under) = drawn_cursor(&a).unwrap();
    assert_eq!((at.x, under.as_str()), (4, "g"), "inside the box, after the ':'");
    tui_support::press(&mut a, KeyCode::Enter);
    // A narrow screen: the confirmation's lines wrap above the typed line.
    a.shared.size = (60, 30);
    tui_support::press(&mut a, KeyCode::Char('D'));
    tui_support::type_str(&mut a, "Policy");
    let (_, under) = drawn_cursor(&a).unwrap();
    assert_eq!(under, "_");
    tui_support::press(&mut a, KeyCode::Home);
    let (at, under) = drawn_cursor(&a).unwrap();
    assert_eq!(under, "P");
    let screen = tui_support::render(&a);
    let row = screen.lines().nth(usize::from(at.y)).unwrap();
    assert!(row.contains("> Policy"), "the cursor is on the typed line: {row:?}\n{screen}");
}
