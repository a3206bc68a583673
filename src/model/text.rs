//! Text from an organization (names, tags, policy content) made safe to show on a terminal.

use std::fmt::Write;

/// Replaces control characters with visible `\u{..}` escapes, so an account name carrying
/// terminal escape sequences can never reach the terminal raw.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn escapes_control_characters_only() {
        assert_eq!(sanitize("plain näme"), "plain näme");
        assert_eq!(sanitize("a\u{1b}[2Jb\u{7}"), "a\\u{1b}[2Jb\\u{7}");
        assert_eq!(sanitize("line\nbreak"), "line\\u{a}break");
    }
}
