//! Wildcard matching (§2.7): `*` is any run of characters (empty included), `?` exactly one
//! character, nothing else is special. The matcher itself is the crate's one wildcard matcher
//! (`catalog::wildcard`), used here on precompiled tokens. Actions match case-insensitively
//! with an exact service prefix; ARNs match segment by segment (§2.4, §2.6).

pub use crate::catalog::wildcard::{Tok, push_lit, push_wild, wild_match, wild_tokens};

/// Whether a pattern is just `*` (matches everything, even the `*` resource).
pub fn is_star(pat: &[Tok]) -> bool {
    !pat.is_empty() && pat.iter().all(|t| *t == Tok::Star)
}

/// Splits an ARN text into its first five colon-separated parts and the rest (the sixth
/// "segment" keeps any further colons). `None` when it has fewer than six parts.
pub fn arn_parts(text: &str) -> Option<[&str; 6]> {
    let mut it = text.splitn(6, ':');
    let parts = [it.next()?, it.next()?, it.next()?, it.next()?, it.next()?, it.next()?];
    Some(parts)
}

/// Splits pattern tokens the same way: at the first five literal colons.
pub fn arn_token_parts(pat: &[Tok]) -> Vec<&[Tok]> {
    let mut out = Vec::with_capacity(6);
    let mut start = 0;
    for (i, t) in pat.iter().enumerate() {
        if out.len() == 5 {
            break;
        }
        if *t == Tok::Lit(b':') {
            out.push(pat.get(start..i).unwrap_or_default());
            start = i + 1;
        }
    }
    out.push(pat.get(start..).unwrap_or_default());
    out
}

/// How a pattern with fewer than six ARN segments is treated (§2.4 short ARNs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortArn {
    /// Missing trailing segments count as `*` (identity, boundary and session policies).
    Wildcard,
    /// Compared as a whole string (resource, SCP and RCP policies: only a trailing `*` helps).
    Whole,
    /// Never matches unless the pattern is just `*` (ARN condition operators, which always
    /// compare six components).
    Strict,
}

/// Segment-wise ARN match: each of the six components matched separately, so a `*` in one
/// segment never absorbs a colon of another. A value that is not a six-part ARN never matches.
pub fn arn_match(pat: &[Tok], text: &str, short: ShortArn) -> bool {
    let Some(vals) = arn_parts(text) else { return false };
    let pats = arn_token_parts(pat);
    if pats.len() < 6 {
        return match short {
            ShortArn::Whole => wild_match(pat, text, false),
            ShortArn::Strict => is_star(pat),
            ShortArn::Wildcard => pats.iter().zip(vals.iter()).all(|(p, v)| wild_match(p, v, false)),
        };
    }
    pats.iter().zip(vals.iter()).all(|(p, v)| wild_match(p, v, false))
}

/// Whether a resource pattern matches the request resource (§2.4). `*` alone matches
/// everything; for the `*` request resource (wildcard-only actions) only such a pattern applies.
pub fn resource_match(pat: &[Tok], resource: &str, short: ShortArn) -> bool {
    if is_star(pat) {
        return true;
    }
    if resource == "*" {
        return false;
    }
    if pat.len() >= 4 && pat[..4] == [Tok::Lit(b'a'), Tok::Lit(b'r'), Tok::Lit(b'n'), Tok::Lit(b':')] {
        arn_match(pat, resource, short)
    } else {
        wild_match(pat, resource, false)
    }
}

/// A cheap 64-bit key (FNV-1a) of a lower-case service prefix, compared before the text.
pub fn prefix_key(prefix: &str) -> u64 {
    prefix.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// A compiled action pattern: `*`, or an exact lower-case service prefix plus a
/// case-insensitive wildcard pattern for the action name (§2.3).
#[derive(Debug, Clone, PartialEq)]
pub enum ActionPattern {
    /// `*`: every action of every service.
    All,
    /// `prefix:Name` with wildcards in the name only.
    Service { prefix: String, key: u64, name: Vec<Tok> },
    /// Malformed (no colon, commas or whitespace, wildcard in the prefix): matches nothing.
    Never,
}

impl ActionPattern {
    /// Compiles an action string.
    pub fn compile(s: &str) -> Self {
        if s == "*" {
            return ActionPattern::All;
        }
        if s.chars().any(|c| c == ',' || c.is_whitespace()) {
            return ActionPattern::Never;
        }
        match s.split_once(':') {
            Some((prefix, name)) if !prefix.is_empty() && !prefix.contains(['*', '?']) => {
                let lower = name.to_ascii_lowercase();
                let prefix = prefix.to_ascii_lowercase();
                ActionPattern::Service { key: prefix_key(&prefix), prefix, name: wild_tokens(&lower) }
            }
            _ => ActionPattern::Never,
        }
    }

    /// Whether it covers the request action, given as lower-case prefix (with its
    /// [`prefix_key`]) and name.
    pub fn matches(&self, key: u64, prefix: &str, name: &str) -> bool {
        match self {
            ActionPattern::All => true,
            ActionPattern::Service { prefix: p, key: k, name: n } => {
                *k == key && p == prefix && wild_match(n, name, true)
            }
            ActionPattern::Never => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, t: &str) -> bool {
        wild_match(&wild_tokens(p), t, false)
    }

    #[test]
    fn wildcards() {
        assert!(m("*", ""));
        assert!(m("a*c", "abbbc"));
        assert!(m("a?c", "abc"));
        assert!(!m("a?c", "ac"));
        assert!(m("a?c", "aéc"));
        assert!(m("*a*b", "xxaxxb"));
        assert!(!m("*a*b", "xxaxxbc"));
        assert!(m("bucket/*/test/*", "bucket/1/2/test/3/object.jpg"));
        assert!(!m("bucket/*/test/*", "bucket/test/object.jpg"));
    }

    #[test]
    fn arns_are_segment_wise() {
        let p = wild_tokens("arn:aws:ec2:*:123456789012:instance/*");
        assert!(arn_match(&p, "arn:aws:ec2:us-east-1:123456789012:instance/i-1", ShortArn::Whole));
        let p = wild_tokens("arn:aws:iam::*");
        assert!(arn_match(&p, "arn:aws:iam::123456789012:role/x", ShortArn::Whole));
        assert!(arn_match(&wild_tokens("arn:aws:iam"), "arn:aws:iam::1:role/x", ShortArn::Wildcard));
        // A `*` in the region segment cannot absorb `:account:`; StringLike's would.
        let p = wild_tokens("arn:aws:ec2:*:instance/*");
        assert!(!arn_match(
            &wild_tokens("arn:aws:ec2:*::instance/*"),
            "arn:aws:ec2:us-east-1:1:instance/i",
            ShortArn::Whole
        ));
        assert!(wild_match(&p, "arn:aws:ec2:us-east-1:1:instance/i", false));
    }

    #[test]
    fn actions() {
        let a = ActionPattern::compile("IAM:list*");
        assert!(a.matches(prefix_key("iam"), "iam", "listaccesskeys"));
        assert!(!a.matches(prefix_key("iam2"), "iam2", "listaccesskeys"));
        assert_eq!(ActionPattern::compile("s3:Get*, s3:Put*"), ActionPattern::Never);
        assert_eq!(ActionPattern::compile("s*:Get"), ActionPattern::Never);
    }
}
