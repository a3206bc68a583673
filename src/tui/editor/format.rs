//! Format and minify without parsing into a map: only whitespace outside strings changes, so
//! duplicate keys, key order and number spellings stay exactly as written. Invalid JSON is
//! refused (the text stays untouched).

use crate::policy::json;
use crate::policy::lint::{Finding, Severity};

/// The text re-indented with two spaces, or why not.
pub fn pretty(text: &str) -> Result<String, String> {
    check(text)?;
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => copy_string(&mut out, &mut chars),
            '{' | '[' => {
                out.push(c);
                skip_ws(&mut chars);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    Ok(out)
}

/// The text without whitespace outside strings, or why not.
pub fn minify(text: &str) -> Result<String, String> {
    check(text)?;
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => copy_string(&mut out, &mut chars),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    Ok(out)
}

fn check(text: &str) -> Result<(), String> {
    json::parse(text)
        .map(|_| ())
        .map_err(|e| format!("not valid JSON ({}: {}); left as it is", e.pos, e.message))
}

fn skip_ws(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.peek().is_some_and(|c| c.is_whitespace()) {
        chars.next();
    }
}

/// Copies the rest of a string (the opening quote is already consumed) with its escapes.
fn copy_string(out: &mut String, chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    out.push('"');
    while let Some(c) = chars.next() {
        out.push(c);
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '"' => return,
            _ => {}
        }
    }
}

/// Findings for a document that is not a policy type (the resource policy): JSON syntax and
/// size only.
pub fn lint_plain_json(text: &str, max: usize) -> Vec<Finding> {
    let mut out = Vec::new();
    let total = text.chars().count();
    if total > max {
        out.push(Finding {
            severity: Severity::Error,
            code: "SIZE_LIMIT",
            message: format!("the policy has {total} characters; the limit is {max} (whitespace counts)"),
            line: 1,
            column: 1,
        });
    }
    if let Err(e) = json::parse(text) {
        out.push(Finding {
            severity: Severity::Error,
            code: "JSON_SYNTAX",
            message: e.message,
            line: e.pos.line.max(1) as usize,
            column: e.pos.col.max(1) as usize,
        });
    }
    out.sort_by_key(|f| (f.line, f.column));
    out
}
