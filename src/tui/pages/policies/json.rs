//! A small JSON highlighter for policy documents: keys, strings, numbers, literals and
//! punctuation in different styles (under `NO_COLOR` the text reads the same, unstyled).
//! Line by line, tolerant of anything (a document that does not parse still shows).

use crate::tui::theme::Theme;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// Highlights each line of `text` (already sanitized).
pub fn highlight(text: &str, t: &Theme) -> Vec<Line<'static>> {
    text.lines().map(|l| line(l, t)).collect()
}

fn line(l: &str, t: &Theme) -> Line<'static> {
    let key = t.title().remove_modifier(Modifier::BOLD);
    let string = t.ok();
    let lit = t.key().remove_modifier(Modifier::BOLD);
    let punct = t.dim();
    let chars: Vec<char> = l.chars().collect();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' {
            let start = i;
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i = (i + 1).min(chars.len());
            let s: String = chars[start..i].iter().collect();
            // A string followed by ':' is a key.
            let rest = chars[i..].iter().find(|c| !c.is_whitespace());
            spans.push(Span::styled(s, if rest == Some(&':') { key } else { string }));
        } else if c.is_ascii_digit() || c == '-' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || matches!(chars[i], '-' | '+' | '.'))
            {
                i += 1;
            }
            spans.push(Span::styled(chars[start..i].iter().collect::<String>(), lit));
        } else if c.is_ascii_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_alphabetic() {
                i += 1;
            }
            spans.push(Span::styled(chars[start..i].iter().collect::<String>(), lit));
        } else if matches!(c, '{' | '}' | '[' | ']' | ':' | ',') {
            spans.push(Span::styled(c.to_string(), punct));
            i += 1;
        } else {
            let start = i;
            while i < chars.len()
                && !matches!(chars[i], '"' | '{' | '}' | '[' | ']' | ':' | ',')
                && !chars[i].is_ascii_alphanumeric()
                && chars[i] != '-'
            {
                i += 1;
            }
            if i == start {
                i += 1;
            }
            spans.push(Span::styled(chars[start..i].iter().collect::<String>(), Style::default()));
        }
    }
    Line::from(spans)
}
