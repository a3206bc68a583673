//! The one JSON highlighter of the console: the policy editor, the Policies page's content pane
//! and the Settings page's resource policy all colour JSON the same way, with the colours of
//! [`Theme`]. Line by line (a JSON string never spans lines) and tolerant of anything: a
//! document that does not parse still shows. Colour is only an aid: under `NO_COLOR` the text
//! reads the same, unstyled.

use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The class of one character of JSON text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Plain,
    Key,
    Str,
    Number,
    Literal,
    Punct,
}

/// The theme's style of a class (plain under `NO_COLOR`).
pub fn style(class: Class, t: &Theme) -> Style {
    match class {
        Class::Plain => Style::default(),
        Class::Key => t.json_key(),
        Class::Str => t.json_string(),
        Class::Number => t.json_number(),
        Class::Literal => t.json_literal(),
        Class::Punct => t.json_punct(),
    }
}

/// One class per character of `line`: what the editor needs to style the visible columns of
/// the lines on screen only.
pub fn classify(line: &str) -> Vec<Class> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = vec![Class::Plain; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '"' => {
                let start = i;
                i += 1;
                while i < chars.len() {
                    match chars[i] {
                        '\\' => i += 2,
                        '"' => {
                            i += 1;
                            break;
                        }
                        _ => i += 1,
                    }
                }
                let end = i.min(chars.len());
                // A string followed by ':' is a key.
                let next = chars[end..].iter().find(|c| !c.is_whitespace());
                out[start..end].fill(if next == Some(&':') { Class::Key } else { Class::Str });
                i = end;
            }
            '{' | '}' | '[' | ']' | ':' | ',' => {
                out[i] = Class::Punct;
                i += 1;
            }
            '-' | '0'..='9' => {
                let start = i;
                while i < chars.len() && matches!(chars[i], '-' | '+' | '.' | 'e' | 'E' | '0'..='9') {
                    i += 1;
                }
                out[start..i].fill(Class::Number);
            }
            c if c.is_ascii_alphabetic() => {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_alphabetic() {
                    i += 1;
                }
                if matches!(
                    chars[start..i],
                    ['t', 'r', 'u', 'e'] | ['f', 'a', 'l', 's', 'e'] | ['n', 'u', 'l', 'l']
                ) {
                    out[start..i].fill(Class::Literal);
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// One line of JSON as styled spans (a span per run of one class).
pub fn line(text: &str, t: &Theme) -> Line<'static> {
    let classes = classify(text);
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_class = Class::Plain;
    for (ch, class) in text.chars().zip(classes) {
        if class != run_class && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), style(run_class, t)));
        }
        run_class = class;
        run.push(ch);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, style(run_class, t)));
    }
    Line::from(spans)
}

/// Each line of `text` (already sanitized), highlighted.
pub fn highlight(text: &str, t: &Theme) -> Vec<Line<'static>> {
    text.lines().map(|l| line(l, t)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    #[test]
    fn classes_keys_strings_numbers_literals_and_punctuation() {
        use Class::*;
        let c = classify(r#"{"a": "b", "n": -1.5e3, "t": true, "x": nope}"#);
        let at = |i: usize| c[i];
        assert_eq!((at(0), at(1), at(2), at(3)), (Punct, Key, Key, Key));
        assert_eq!((at(4), at(5), at(6)), (Punct, Plain, Str));
        assert_eq!(at(16), Number);
        assert_eq!(c.len(), r#"{"a": "b", "n": -1.5e3, "t": true, "x": nope}"#.chars().count());
        let t = classify(r#""t": true"#);
        assert_eq!(&t[5..9], &[Literal; 4]);
        let n = classify("nope");
        assert!(n.iter().all(|c| *c == Plain), "only true, false and null are literals");
        // An unterminated string and an escaped quote stay one string.
        assert!(classify(r#""a\"b"#).iter().all(|c| *c == Str));
    }

    #[test]
    fn keeps_the_text_and_colours_only_with_colour_on() {
        let text = "{\n  \"Version\": \"2012-10-17\",\n  \"N\": [1, true, null]\n}\nnot json \"x";
        let plain = highlight(text, &Theme::plain());
        let shown: Vec<String> = plain.iter().map(|l| l.to_string()).collect();
        assert_eq!(shown, text.lines().collect::<Vec<_>>());
        assert!(plain.iter().flat_map(|l| &l.spans).all(|s| s.style == Style::default()));
        let coloured = highlight(text, &Theme { color: true, unicode: false });
        let key = coloured[1].spans.iter().find(|s| s.content == "\"Version\"").expect("the key");
        assert_eq!(key.style.fg, Some(Color::Cyan));
        let value = coloured[1].spans.iter().find(|s| s.content == "\"2012-10-17\"").expect("the value");
        assert_eq!(value.style.fg, Some(Color::Green));
    }
}
