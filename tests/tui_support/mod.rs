//! Shared fixtures for console tests: an app over the bundled sample, keys, and rendering
//! into a test backend.
#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use orgtui::tui::app::{App, SessionInfo};
use orgtui::tui::keymap::Keymap;
use orgtui::tui::msg::{Effect, Msg};
use orgtui::tui::theme::Theme;
use orgtui::tui::{update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

/// An app with the sample organization loaded, at `w`×`h`.
pub fn app(w: u16, h: u16) -> App {
    let snapshot = orgtui::snapshot::sample_engine().unwrap().to_snapshot();
    let mut app = App::new(
        SessionInfo { label: "SAMPLE".into(), writable: true, guarded: false },
        Theme::plain(),
        Keymap::default(),
        (w, h),
    );
    let effects = update::start(&mut app);
    assert_eq!(effects, vec![Effect::Load { generation: 1 }]);
    update(&mut app, Msg::Loaded { generation: 1, result: Ok(Arc::new(snapshot)) });
    app
}

/// `update`, then the draft-file effects carried out as the terminal loop does.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let effects = update::update(app, msg);
    for e in &effects {
        orgtui::tui::editor::draft::apply(e).expect("draft file");
    }
    effects
}

/// A successful call's outcome with `message` and what to reveal (the response is one with
/// nothing in it).
pub fn done(message: &str, reveal: Option<&str>) -> orgtui::tui::msg::Outcome {
    orgtui::tui::msg::Outcome::Response {
        message: message.into(),
        reveal: reveal.map(str::to_string),
        response: orgtui::backend::request::ApiResponse::TagResource(orgtui::model::TagResourceResponse {}),
    }
}

/// A key press.
pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Presses each character of `s` as a key.
pub fn type_str(app: &mut App, s: &str) -> Vec<Effect> {
    let mut out = Vec::new();
    for c in s.chars() {
        out.extend(update(app, key(KeyCode::Char(c))));
    }
    out
}

/// Presses a key.
pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, key(code))
}

/// Runs a palette command.
pub fn command(app: &mut App, line: &str) -> Vec<Effect> {
    press(app, KeyCode::Char(':'));
    type_str(app, line);
    press(app, KeyCode::Enter)
}

/// The screen as text.
pub fn render(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.shared.size.0, app.shared.size.1)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol().to_string()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The selected entity's name.
pub fn selected_name(app: &App) -> String {
    app.selection().map(|(_, _, n)| n).unwrap_or_default()
}
