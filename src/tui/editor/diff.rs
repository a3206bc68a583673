//! A line diff (longest common subsequence after trimming the common head and tail), shown
//! before saving.

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    Same(String),
    Added(String),
    Removed(String),
    /// Unchanged lines left out (how many).
    Skipped(usize),
}

/// Above this many cells the middle is shown as all removed then all added.
const MAX_CELLS: usize = 4_000_000;

/// The diff of `old` into `new`, with `context` unchanged lines around each change.
pub fn diff(old: &str, new: &str, context: usize) -> Vec<DiffLine> {
    let a: Vec<&str> = old.split('\n').collect();
    let b: Vec<&str> = new.split('\n').collect();
    let a: &[&str] = if old.is_empty() { &[] } else { &a };
    let b: &[&str] = if new.is_empty() { &[] } else { &b };
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..].iter().rev().zip(b[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut full: Vec<DiffLine> = a[..head].iter().map(|s| DiffLine::Same(s.to_string())).collect();
    full.extend(middle(ma, mb));
    full.extend(a[a.len() - tail..].iter().map(|s| DiffLine::Same(s.to_string())));
    trim_context(full, context)
}

fn middle(a: &[&str], b: &[&str]) -> Vec<DiffLine> {
    let (n, m) = (a.len(), b.len());
    if n.saturating_mul(m) > MAX_CELLS {
        let mut out: Vec<DiffLine> = a.iter().map(|s| DiffLine::Removed(s.to_string())).collect();
        out.extend(b.iter().map(|s| DiffLine::Added(s.to_string())));
        return out;
    }
    // lcs[i][j]: LCS length of a[i..] and b[j..].
    let w = m + 1;
    let mut lcs = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * w + j] = if a[i] == b[j] {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push(DiffLine::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
            out.push(DiffLine::Removed(a[i].to_string()));
            i += 1;
        } else {
            out.push(DiffLine::Added(b[j].to_string()));
            j += 1;
        }
    }
    out
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
