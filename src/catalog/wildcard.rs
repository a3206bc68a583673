//! Case-insensitive comparison and IAM wildcard matching over ASCII-folded bytes.

use std::cmp::Ordering;

/// Compares two byte sequences after ASCII lower-casing each byte.
pub(crate) fn cmp_ci(a: impl IntoIterator<Item = u8>, b: impl IntoIterator<Item = u8>) -> Ordering {
    a.into_iter().map(|c| c.to_ascii_lowercase()).cmp(b.into_iter().map(|c| c.to_ascii_lowercase()))
}

/// Compares two strings after ASCII lower-casing (a tight loop over the bytes).
pub(crate) fn cmp_str_ci(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        match x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase()) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    a.len().cmp(&b.len())
}

/// Compares `a + ":"` with `b + ":"` ignoring ASCII case (the order of service prefixes).
pub(crate) fn cmp_prefix_ci(a: &str, b: &str) -> Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let n = x.len().min(y.len());
    match cmp_str_ci(a.get(..n).unwrap_or(a), b.get(..n).unwrap_or(b)) {
        Ordering::Equal => {}
        other => return other,
    }
    let next = |s: &[u8]| s.get(n).map_or(b':', u8::to_ascii_lowercase);
    next(x).cmp(&next(y))
}

/// Compares `prefix:name` (without building it) with `other`, ignoring ASCII case; when `truncate`
/// is set, only the first `other.len()` bytes of `prefix:name` take part (prefix ranges).
pub(crate) fn cmp_full_ci(prefix: &str, name: &str, other: &[u8], truncate: bool) -> Ordering {
    let (p, n) = (prefix.as_bytes(), name.as_bytes());
    let len = p.len() + 1 + n.len();
    let at = |i: usize| {
        if i < p.len() {
            p.get(i)
        } else if i == p.len() {
            Some(&b':')
        } else {
            n.get(i - p.len() - 1)
        }
    };
    for (i, y) in other.iter().enumerate().take(len) {
        let x = at(i).copied().unwrap_or(0);
        match x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase()) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    if truncate { len.min(other.len()).cmp(&other.len()) } else { len.cmp(&other.len()) }
}

/// IAM wildcard match of `text` against `pattern`, ignoring ASCII case: `*` matches any sequence
/// (including an empty one), `?` exactly one character; nothing else is special. Iterative with
/// backtracking to the last `*` (O(n·m) worst case, no recursion, no allocation for ASCII).
pub fn wildcard_match_ignore_case(pattern: &str, text: &str) -> bool {
    if pattern.is_ascii() && text.is_ascii() {
        matches(pattern.as_bytes(), text.as_bytes(), b'*', b'?', |a, b| a.eq_ignore_ascii_case(&b))
    } else {
        let p: Vec<char> = pattern.chars().collect();
        let t: Vec<char> = text.chars().collect();
        matches(&p, &t, '*', '?', |a, b| a == b || a.to_lowercase().eq(b.to_lowercase()))
    }
}

fn matches<T: Copy + PartialEq>(p: &[T], t: &[T], star: T, one: T, eq: impl Fn(T, T) -> bool) -> bool {
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut backtrack: Option<(usize, usize)> = None;
    while ti < t.len() {
        match (p.get(pi), t.get(ti)) {
            (Some(&pc), _) if pc == star => {
                backtrack = Some((pi, ti));
                pi += 1;
            }
            (Some(&pc), Some(&tc)) if pc == one || eq(pc, tc) => {
                pi += 1;
                ti += 1;
            }
            _ => match backtrack {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    backtrack = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p.get(pi..).is_some_and(|rest| rest.iter().all(|&c| c == star))
}

/// The part of `pattern` before its first wildcard character.
pub(crate) fn literal_prefix(pattern: &str) -> &str {
    match pattern.find(['*', '?']) {
        Some(i) => pattern.get(..i).unwrap_or(""),
        None => pattern,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard_match_ignore_case("s3:Get*", "s3:getobject"));
        assert!(wildcard_match_ignore_case("*", ""));
        assert!(wildcard_match_ignore_case("s3:?etObject", "S3:GetObject"));
        assert!(!wildcard_match_ignore_case("s3:?etObject", "s3:etObject"));
        assert!(wildcard_match_ignore_case("*:*Object*", "s3:GetObjectAcl"));
        assert!(!wildcard_match_ignore_case("s3:Get", "s3:GetObject"));
        assert!(wildcard_match_ignore_case("a*b*c", "aXXbYYbZc"));
        assert!(!wildcard_match_ignore_case("a*b*c", "aXXbYYbZ"));
        assert!(wildcard_match_ignore_case("é*", "É-x"));
        assert!(!wildcard_match_ignore_case("é?", "É"));
        assert_eq!(literal_prefix("s3:Get*Acl"), "s3:Get");
        assert_eq!(literal_prefix("iam:?"), "iam:");
        assert_eq!(literal_prefix("kms:Decrypt"), "kms:Decrypt");
    }

    #[test]
    fn compare() {
        assert_eq!(cmp_full_ci("s3", "GetObject", b"S3:GETOBJECT", false), Ordering::Equal);
        assert_eq!(cmp_full_ci("s3", "GetObject", b"s3:get", true), Ordering::Equal);
        assert_eq!(cmp_full_ci("s3", "GetObject", b"s3:get", false), Ordering::Greater);
        assert_eq!(cmp_full_ci("s3-outposts", "X", b"s3:", true), Ordering::Less);
        assert_eq!(cmp_str_ci("GetObject", "getobject"), Ordering::Equal);
        assert_eq!(cmp_str_ci("GetObject", "getobjectacl"), Ordering::Less);
        assert_eq!(cmp_str_ci("b", "A"), Ordering::Greater);
        assert_eq!(cmp_prefix_ci("s3", "S3"), Ordering::Equal);
        assert_eq!(cmp_prefix_ci("s3", "s3-outposts"), Ordering::Greater);
        assert_eq!(cmp_prefix_ci("s3express", "s3"), Ordering::Greater);
        assert_eq!(cmp_prefix_ci("iam", "s3"), Ordering::Less);
    }
}
