//! JSON highlighting, one line at a time: keys, strings, numbers, literals and punctuation.
//! Colour is only an aid: without colour (NO_COLOR) the text reads the same.

use ratatui::style::{Color, Modifier, Style};

/// The class of one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Plain,
    Key,
    Str,
    Number,
    Literal,
    Punct,
}

/// The style of a class (plain when `color` is off).
pub fn style(class: Class, color: bool) -> Style {
    if !color {
        return Style::default();
    }
    match class {
        Class::Plain => Style::default(),
        Class::Key => Style::default().fg(Color::Cyan),
        Class::Str => Style::default().fg(Color::Green),
        Class::Number => Style::default().fg(Color::Magenta),
        Class::Literal => Style::default().fg(Color::Yellow),
        Class::Punct => Style::default().fg(Color::DarkGray).add_modifier(Modifier::BOLD),
    }
}

/// One class per character of `line`.
pub fn classify(line: &str) -> Vec<Class> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = vec![Class::Plain; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
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
                let next = chars[end..].iter().find(|c| !c.is_whitespace());
                let class = if next == Some(&':') { Class::Key } else { Class::Str };
                out[start..end].fill(class);
                continue;
            }
            '{' | '}' | '[' | ']' | ':' | ',' => out[i] = Class::Punct,
            '-' | '0'..='9' => {
                let start = i;
                while i < chars.len() && matches!(chars[i], '-' | '+' | '.' | 'e' | 'E' | '0'..='9') {
                    i += 1;
                }
                out[start..i].fill(Class::Number);
                continue;
            }
            c if c.is_ascii_alphabetic() => {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                if matches!(word.as_str(), "true" | "false" | "null") {
                    out[start..i].fill(Class::Literal);
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}
