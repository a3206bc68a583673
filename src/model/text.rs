//! Text from an organization (names, tags, policy content) made safe to show on a terminal.

use std::fmt::Write;

/// True for a character that must never reach a terminal, a file viewer or a spreadsheet raw:
/// control characters (C0, DEL and C1 — U+009B is a one-byte CSI), bidirectional overrides,
/// embeddings and isolates (`web\u{202e}gnp.exe` shows as `webexe.png`), zero-width characters,
/// the byte-order mark and the line/paragraph separators.
pub fn is_hostile(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// Replaces hostile characters ([`is_hostile`]) with visible `\u{..}` escapes, so an account
/// name carrying terminal escape sequences or a bidirectional override can never reach the
/// terminal raw.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(is_hostile) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hostile(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// Rewrites hostile characters ([`is_hostile`]) inside a serialized JSON text as `\uXXXX`
/// escapes. JSON readers get the same strings back; a terminal or editor showing the text sees
/// no raw C1 controls, bidirectional overrides or invisible characters. (Outside strings JSON
/// has only ASCII punctuation, so every such character is inside a string.)
pub fn escape_json_hostile(json: String) -> String {
    if !json.chars().any(is_hostile_in_json) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_hostile_in_json(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// Hostile characters a JSON serializer leaves raw: everything but the whitespace that
/// separates tokens (serde_json already escapes the rest of C0 inside strings).
fn is_hostile_in_json(c: char) -> bool {
    is_hostile(c) && !matches!(c, '\n' | '\r' | '\t' | ' ')
}

#[cfg(test)]
mod tests {
    use super::{escape_json_hostile, sanitize};

    #[test]
    fn escapes_control_characters_only() {
        assert_eq!(sanitize("plain näme"), "plain näme");
        assert_eq!(sanitize("a\u{1b}[2Jb\u{7}"), "a\\u{1b}[2Jb\\u{7}");
        assert_eq!(sanitize("line\nbreak"), "line\\u{a}break");
    }

    #[test]
    fn escapes_c1_bidi_and_invisible_characters() {
        assert_eq!(sanitize("a\u{9b}31mb"), "a\\u{9b}31mb");
        assert_eq!(sanitize("web\u{202e}gnp.exe"), "web\\u{202e}gnp.exe");
        assert_eq!(
            sanitize("x\u{200b}y\u{2028}z\u{2066}\u{feff}"),
            "x\\u{200b}y\\u{2028}z\\u{2066}\\u{feff}"
        );
        assert_eq!(sanitize("Zürich 東京 émoji 🚀"), "Zürich 東京 émoji 🚀");
    }

    #[test]
    fn json_keeps_its_strings_and_loses_raw_hostile_characters() {
        let json =
            serde_json::to_string_pretty(&serde_json::json!({"n": "web\u{202e}gnp\u{9b}\u{7f}\u{2029}é"}))
                .unwrap();
        let out = escape_json_hostile(json);
        assert!(out.contains(r#""web\u202egnp\u009b\u007f\u2029é""#), "{out}");
        assert!(out.contains('\n'), "layout newlines stay");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["n"], "web\u{202e}gnp\u{9b}\u{7f}\u{2029}é");
    }
}
