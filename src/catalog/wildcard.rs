//! Case-insensitive comparison and IAM wildcard matching over ASCII-folded bytes.

use std::cmp::Ordering;

/// Compares two byte sequences after ASCII lower-casing each byte.
pub(crate) fn cmp_ci(a: impl IntoIterator<Item = u8>, b: impl IntoIterator<Item = u8>) -> Ordering {
    a.into_iter().map(|c| c.to_ascii_lowercase()).cmp(b.into_iter().map(|c| c.to_ascii_lowercase()))
}

/// Compares `prefix:name` (without building it) with `other`, ignoring ASCII case; when `truncate`
/// is set, only the first `other.len()` bytes of `prefix:name` take part (prefix ranges).
pub(crate) fn cmp_full_ci(prefix: &str, name: &str, other: &[u8], truncate: bool) -> Ordering {
    let full = prefix.bytes().chain(std::iter::once(b':')).chain(name.bytes());
    if truncate {
        cmp_ci(full.take(other.len()), other.iter().copied())
    } else {
        cmp_ci(full, other.iter().copied())
    }
}

/// IAM wildcard match of `text` against `pattern`, ignoring ASCII case: `*` matches any sequence
/// (including an empty one), `?` exactly one character; nothing else is special. Iterative with
/// backtracking to the last `*` (O(n·m) worst case, no recursion).
pub fn wildcard_match_ignore_case(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let eq = |a: char, b: char| a == b || a.to_lowercase().eq(b.to_lowercase());
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match (p.get(pi), t.get(ti)) {
            (Some('*'), _) => {
                star = Some((pi, ti));
                pi += 1;
            }
            (Some(&pc), Some(&tc)) if pc == '?' || eq(pc, tc) => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p.get(pi..).is_some_and(|rest| rest.iter().all(|&c| c == '*'))
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
    }
}
