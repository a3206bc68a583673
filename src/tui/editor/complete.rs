//! Completion at the cursor: inside a string of an `Action`/`NotAction` element the catalogue's
//! actions (service prefixes first), inside a `Condition` block's keys the condition keys.

use crate::catalog;

/// Most candidates offered.
pub const MAX_ITEMS: usize = 200;

/// What the string at the cursor holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Action,
    ConditionKey,
}

/// The string typed so far at the cursor (`row`, `col` in characters) and what it is, if the
/// cursor is inside a string where completion makes sense.
pub fn context(lines: &[String], row: usize, col: usize) -> Option<(Kind, String)> {
    let line = lines.get(row)?;
    let before: Vec<char> = line.chars().take(col).collect();
    // Inside a string: an odd number of unescaped quotes before the cursor on this line.
    let mut open = None;
    let mut escaped = false;
    for (i, c) in before.iter().enumerate() {
        match c {
            '\\' if open.is_some() && !escaped => {
                escaped = true;
                continue;
            }
            '"' if !escaped => open = if open.is_some() { None } else { Some(i) },
            _ => {}
        }
        escaped = false;
    }
    let start = open?;
    let prefix: String = before.get(start + 1..)?.iter().collect();
    // Key position: the string follows `{` or `,` (after blanks, possibly on earlier lines).
    let head: String = before.get(..start)?.iter().collect();
    let mut earlier = lines.get(..row)?.iter().rev().map(String::as_str);
    let mut last = head.trim_end().chars().last();
    while last.is_none() {
        match earlier.next() {
            Some(l) => last = l.trim_end().chars().last(),
            None => break,
        }
    }
    let is_key = matches!(last, Some('{') | Some(','));
    let element = nearest_element(lines, row, &head)?;
    match element.as_str() {
        "Action" | "NotAction" if !is_key => Some((Kind::Action, prefix)),
        "Condition" if is_key => Some((Kind::ConditionKey, prefix)),
        _ => None,
    }
}

/// The closest statement element (`Action`, `Condition`, …) whose key appears before the cursor.
fn nearest_element(lines: &[String], row: usize, head: &str) -> Option<String> {
    const ELEMENTS: [&str; 9] = [
        "Action",
        "NotAction",
        "Condition",
        "Resource",
        "NotResource",
        "Effect",
        "Sid",
        "Principal",
        "NotPrincipal",
    ];
    let mut text = String::new();
    for l in lines.get(..row)? {
        text.push_str(l);
        text.push('\n');
    }
    text.push_str(head);
    let mut best: Option<(usize, &str)> = None;
    for e in ELEMENTS {
        let quoted = format!("\"{e}\"");
        let mut from = 0;
        while let Some(i) = text.get(from..).and_then(|t| t.find(&quoted)) {
            let at = from + i;
            let rest = text.get(at + quoted.len()..).unwrap_or("");
            if rest.trim_start().starts_with(':') && best.is_none_or(|(b, _)| at > b) {
                best = Some((at, e));
            }
            from = at + quoted.len();
        }
    }
    best.map(|(_, e)| e.to_string())
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.as_bytes().get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Candidates for `prefix`.
pub fn candidates(kind: Kind, prefix: &str) -> Vec<String> {
    let c = catalog::catalog();
    let mut out: Vec<String> = Vec::new();
    match (kind, prefix.split_once(':')) {
        (Kind::Action, None) => {
            out.extend(c.complete_service(prefix).iter().map(|s| format!("{}:", s.prefix())));
        }
        (Kind::Action, Some(_)) => {
            out.extend(c.complete_action(prefix).take(MAX_ITEMS).map(|a| a.full_name()));
        }
        (Kind::ConditionKey, None) => {
            if starts_with_ci("aws", prefix) {
                out.push("aws:".into());
            }
            out.extend(c.complete_service(prefix).iter().map(|s| format!("{}:", s.prefix())));
        }
        (Kind::ConditionKey, Some((svc, _))) => {
            let keys: Box<dyn Iterator<Item = &catalog::ConditionKey>> = if svc.eq_ignore_ascii_case("aws") {
                Box::new(c.global_condition_keys().iter())
            } else {
                match c.service(svc) {
                    Some(s) => Box::new(s.condition_keys().iter()),
                    None => Box::new(std::iter::empty()),
                }
            };
            out.extend(keys.filter(|k| starts_with_ci(k.name(), prefix)).map(|k| k.name().to_string()));
        }
    }
    out.truncate(MAX_ITEMS);
    out
}
