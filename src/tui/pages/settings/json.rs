//! The resource policy as shown on the Settings page: pretty-printed, sanitized and highlighted
//! by the console's one JSON highlighter.

use crate::model::text::sanitize;
use crate::tui::theme::Theme;
use crate::tui::widgets::json;
use ratatui::text::Line;

/// The document pretty-printed (as it is when it does not parse), sanitized, one highlighted
/// line per line.
pub fn highlight(doc: &str, t: &Theme) -> Vec<Line<'static>> {
    let pretty = serde_json::from_str::<serde_json::Value>(doc)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| doc.to_string());
    pretty.lines().map(|l| json::line(&sanitize(l), t)).collect()
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
