//! The line diff shown before saving a policy (Myers' diff from the `similar` crate), with
//! unchanged runs away from the changes folded.

use similar::{Algorithm, ChangeTag, capture_diff_slices_deadline};
use std::time::{Duration, Instant};

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    Same(String),
    Added(String),
    Removed(String),
    /// Unchanged lines left out (how many).
    Skipped(usize),
}

/// How long the line diff may search for the smallest diff before it settles for a larger one
/// (only a huge, very different document gets near it).
const DEADLINE: Duration = Duration::from_millis(300);

/// The diff of `old` into `new`, with `context` unchanged lines around each change.
pub fn diff(old: &str, new: &str, context: usize) -> Vec<DiffLine> {
    let (a, b) = (split(old), split(new));
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &a, &b, Some(Instant::now() + DEADLINE));
    let mut full = Vec::with_capacity(a.len().max(b.len()));
    for op in ops {
        for change in op.iter_changes(&a, &b) {
            let line = change.value().to_string();
            full.push(match change.tag() {
                ChangeTag::Equal => DiffLine::Same(line),
                ChangeTag::Delete => DiffLine::Removed(line),
                ChangeTag::Insert => DiffLine::Added(line),
            });
        }
    }
    trim_context(full, context)
}

/// The lines of a text (none for an empty one).
fn split(s: &str) -> Vec<&str> {
    if s.is_empty() { Vec::new() } else { s.split('\n').collect() }
}

/// Keeps `context` unchanged lines around changes; longer unchanged runs become `Skipped`.
fn trim_context(full: Vec<DiffLine>, context: usize) -> Vec<DiffLine> {
    let changed: Vec<bool> = full.iter().map(|l| !matches!(l, DiffLine::Same(_))).collect();
    let near = |i: usize| {
        let lo = i.saturating_sub(context);
        let hi = (i + context + 1).min(changed.len());
        changed[lo..hi].iter().any(|c| *c)
    };
    let mut out = Vec::new();
    let mut skipped = 0;
    for (i, l) in full.into_iter().enumerate() {
        if near(i) {
            if skipped > 0 {
                out.push(DiffLine::Skipped(skipped));
                skipped = 0;
            }
            out.push(l);
        } else {
            skipped += 1;
        }
    }
    if skipped > 0 {
        out.push(DiffLine::Skipped(skipped));
    }
    out
}

/// Lines added and removed.
pub fn counts(d: &[DiffLine]) -> (usize, usize) {
    let added = d.iter().filter(|l| matches!(l, DiffLine::Added(_))).count();
    let removed = d.iter().filter(|l| matches!(l, DiffLine::Removed(_))).count();
    (added, removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DiffLine::*;

    #[test]
    fn changes_with_context_and_folded_runs() {
        let old = "a\nb\nc\nd\ne\nf\ng";
        let new = "a\nb\nc\nD\ne\nf\ng\nh";
        let s = |x: &str| x.to_string();
        assert_eq!(
            diff(old, new, 1),
            vec![
                Skipped(2),
                Same(s("c")),
                Removed(s("d")),
                Added(s("D")),
                Same(s("e")),
                Skipped(1),
                Same(s("g")),
                Added(s("h"))
            ]
        );
        assert_eq!(counts(&diff(old, new, 1)), (2, 1));
        assert_eq!(diff("", "x", 3), vec![Added(s("x"))]);
        assert_eq!(diff("x\n", "", 3), vec![Removed(s("x")), Removed(s(""))]);
        assert_eq!(diff(old, old, 3), vec![Skipped(7)]);
    }
}
