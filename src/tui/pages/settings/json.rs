//! JSON shown with highlighting: keys, strings, numbers and literals each in their own style
//! (the text reads the same without colour).

use crate::model::text::sanitize;
use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};

/// The document pretty-printed (as it is when it does not parse), sanitized, one highlighted
/// line per line.
pub fn highlight(doc: &str, t: &Theme) -> Vec<Line<'static>> {
    let pretty = serde_json::from_str::<serde_json::Value>(doc)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| doc.to_string());
    pretty.lines().map(|l| line(&sanitize(l), t)).collect()
}

fn line(l: &str, t: &Theme) -> Line<'static> {
    let chars: Vec<char> = l.chars().collect();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    let flush = |plain: &mut String, spans: &mut Vec<Span<'static>>| {
        if !plain.is_empty() {
            spans.push(Span::raw(std::mem::take(plain)));
        }
    };
    while let Some(&c) = chars.get(i) {
        if c == '"' {
            flush(&mut plain, &mut spans);
            let start = i;
            i += 1;
            while let Some(&d) = chars.get(i) {
                i += 1;
                if d == '\\' {
                    i += 1;
                } else if d == '"' {
                    break;
                }
            }
            let end = i.min(chars.len());
            let s: String = chars.get(start..end).map(|c| c.iter().collect()).unwrap_or_default();
            let is_key =
                chars.get(end..).is_some_and(|rest| rest.iter().find(|c| !c.is_whitespace()) == Some(&':'));
            spans.push(Span::styled(s, if is_key { t.key() } else { t.ok() }));
        } else if c.is_ascii_digit() || c == '-' || c.is_ascii_alphabetic() {
            flush(&mut plain, &mut spans);
            let start = i;
            while chars.get(i).is_some_and(|d| d.is_ascii_alphanumeric() || matches!(d, '.' | '-' | '+')) {
                i += 1;
            }
            let s: String = chars.get(start..i).map(|c| c.iter().collect()).unwrap_or_default();
            spans.push(Span::styled(s, t.title()));
        } else {
            plain.push(c);
            i += 1;
        }
    }
    flush(&mut plain, &mut spans);
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_text_and_marks_keys() {
        let t = Theme::plain();
        let lines = highlight(r#"{"Version":"2012-10-17","N":[1,true]}"#, &t);
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert!(text.iter().any(|l| l == "  \"N\": ["), "{text:?}");
        assert!(text.iter().any(|l| l.contains("\"Version\": \"2012-10-17\"")));
        assert_eq!(highlight("not json \"x", &t)[0].to_string(), "not json \"x");
    }
}
