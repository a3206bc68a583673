//! Case-insensitive comparison, and the one IAM wildcard matcher of the crate (the catalogue is
//! the lowest layer that needs it; the policy language and the engine use it from here).

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

/// One pattern token. A literal `*` or `?` (from `${*}`, `${?}` or a policy variable's value)
/// is a `Lit`, never a wildcard; that is why precompiled patterns are tokens, not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// One byte of literal text.
    Lit(u8),
    /// `*`: any run of characters, the empty one included.
    Star,
    /// `?`: exactly one character.
    One,
}

/// Tokens of a pattern text where `*` and `?` are wildcards.
pub fn wild_tokens(pattern: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(pattern.len());
    push_wild(&mut out, pattern);
    out
}

/// Appends the tokens of `text` with `*`/`?` as wildcards.
pub fn push_wild(out: &mut Vec<Tok>, text: &str) {
    out.extend(text.bytes().map(wild_tok));
}

/// Appends `text` as literal tokens.
pub fn push_lit(out: &mut Vec<Tok>, text: &str) {
    out.extend(text.bytes().map(Tok::Lit));
}

fn wild_tok(b: u8) -> Tok {
    match b {
        b'*' => Tok::Star,
        b'?' => Tok::One,
        b => Tok::Lit(b),
    }
}

/// A pattern the matcher reads token by token: precompiled tokens, or a text read on the fly.
trait Pattern {
    fn tok(&self, i: usize) -> Option<Tok>;
}

impl Pattern for [Tok] {
    fn tok(&self, i: usize) -> Option<Tok> {
        self.get(i).copied()
    }
}

/// A pattern text whose `*` and `?` are wildcards (no token vector is built).
struct WildText<'a>(&'a [u8]);

impl Pattern for WildText<'_> {
    fn tok(&self, i: usize) -> Option<Tok> {
        self.0.get(i).copied().map(wild_tok)
    }
}

/// Byte length of the UTF-8 character starting with `lead`.
fn char_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Whether `text` matches the tokens; `fold` compares ASCII letters case-insensitively.
pub fn wild_match(pat: &[Tok], text: &str, fold: bool) -> bool {
    matches(pat, text, fold)
}

/// IAM wildcard match of a whole string (§2.7 of the policy notes): `*` matches any run of
/// characters (empty included), `?` exactly one character, nothing else is special; `fold`
/// compares ASCII letters case-insensitively. The one matcher of the crate: the catalogue,
/// the policy evaluator (through [`wild_match`]) and the delegation policy all use it.
pub fn wildcard_match(pattern: &str, text: &str, fold: bool) -> bool {
    matches(&WildText(pattern.as_bytes()), text, fold)
}

/// [`wildcard_match`] ignoring case: ASCII case for ASCII texts, Unicode lower case otherwise.
pub fn wildcard_match_ignore_case(pattern: &str, text: &str) -> bool {
    if pattern.is_ascii() && text.is_ascii() {
        wildcard_match(pattern, text, true)
    } else {
        wildcard_match(&pattern.to_lowercase(), &text.to_lowercase(), false)
    }
}

/// The matcher: iterative with backtracking to the last `*` (O(n·m) worst case, no
/// recursion, no allocation). Text is walked by bytes; `?` and a `*` retry step one UTF-8
/// character.
fn matches<P: Pattern + ?Sized>(pat: &P, text: &str, fold: bool) -> bool {
    let t = text.as_bytes();
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    loop {
        let Some(&x) = t.get(ti) else {
            // Only stars may remain.
            return (pi..).map_while(|i| pat.tok(i)).all(|k| k == Tok::Star);
        };
        let step = match pat.tok(pi) {
            Some(Tok::Star) => {
                star = Some((pi, ti));
                pi += 1;
                continue;
            }
            Some(Tok::One) => Some(char_len(x)),
            Some(Tok::Lit(c)) => (c == x || (fold && c.eq_ignore_ascii_case(&x))).then_some(1),
            None => None,
        };
        match step {
            Some(n) => {
                pi += 1;
                ti = ti.saturating_add(n);
            }
            None => match star {
                Some((sp, st)) => {
                    let next = st.saturating_add(t.get(st).map_or(1, |&b| char_len(b)));
                    star = Some((sp, next));
                    pi = sp + 1;
                    ti = next;
                }
                None => return false,
            },
        }
    }
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
        // Case-sensitive, as the delegation policy's condition values match.
        let cs = |p: &str, t: &str| wildcard_match(p, t, false);
        assert!(cs("a?c", "aéc") && cs("describe*", "describepolicy") && cs("*_POLICY", "TAG_POLICY"));
        assert!(!cs("TAG*", "BACKUP_POLICY") && !cs("A*", "abc") && !cs("a*b*c", "aXXbYY"));
        assert!(wildcard_match("A*", "abc", true));
        assert!(!wild_match(&[Tok::Lit(b'*')], "x", false));
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
