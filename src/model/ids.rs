//! Validated identifiers, one type per id kind, with the service model's formats.
//!
//! Parsing never panics; a bad id is an `InvalidInputException` whose reason is the one the
//! service gives for that field.

use super::error::{InvalidInputReason, OrgError};
use serde::{Deserialize, Deserializer, Serialize};

fn lower_alnum(c: u8) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}
fn alnum_underscore(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}
/// `prefix` followed by `min..=max` characters each satisfying `ok`.
fn prefixed(s: &str, prefix: &str, min: usize, max: usize, ok: fn(u8) -> bool) -> bool {
    match s.strip_prefix(prefix) {
        Some(rest) => (min..=max).contains(&rest.len()) && rest.bytes().all(ok),
        None => false,
    }
}

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident, $what:literal, $check:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Whether `s` has this id kind's format.
            pub fn is_valid(s: &str) -> bool {
                let check: fn(&str) -> bool = $check;
                check(s)
            }
            /// Parses an id, or says which format was expected.
            pub fn parse(s: &str) -> Result<Self, OrgError> {
                if Self::is_valid(s) {
                    Ok($name(s.to_string()))
                } else {
                    Err(OrgError::invalid_input(
                        InvalidInputReason::InvalidPattern,
                        format!("{:?} is not a valid {}.", s, $what),
                    ))
                }
            }
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
            /// Wraps text already known to be valid (engine-generated ids).
            pub(crate) fn new_unchecked(s: String) -> Self {
                debug_assert!(Self::is_valid(&s), "bad {}: {s}", $what);
                $name(s)
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl std::str::FromStr for $name {
            type Err = OrgError;
            fn from_str(s: &str) -> Result<Self, OrgError> {
                Self::parse(s)
            }
        }
        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                Self::parse(&s).map_err(|e| serde::de::Error::custom(e.message))
            }
        }
    };
}

id_type!(
    /// `o-` + 10–32 lower-case letters or digits.
    OrgId, "organization id (o- followed by 10 to 32 lower-case letters or digits)",
    |s| prefixed(s, "o-", 10, 32, lower_alnum)
);
id_type!(
    /// `r-` + 4–32 lower-case letters or digits.
    RootId, "root id (r- followed by 4 to 32 lower-case letters or digits)",
    |s| prefixed(s, "r-", 4, 32, lower_alnum)
);
id_type!(
    /// `ou-` + root suffix (4–32) + `-` + 8–32 lower-case letters or digits.
    OuId, "organizational unit id (ou-xxxx-xxxxxxxx)",
    |s| match s.strip_prefix("ou-").and_then(|r| r.split_once('-')) {
        Some((a, b)) => (4..=32).contains(&a.len()) && a.bytes().all(lower_alnum)
            && (8..=32).contains(&b.len()) && b.bytes().all(lower_alnum),
        None => false,
    }
);
id_type!(
    /// Exactly 12 digits (leading zeros allowed; never a number).
    AccountId, "account id (12 digits)",
    |s| s.len() == 12 && s.bytes().all(|c| c.is_ascii_digit())
);
id_type!(
    /// `p-` + 8–128 letters, digits or underscores (`p-FullAWSAccess` for AWS managed ones).
    PolicyId, "policy id (p- followed by 8 to 128 letters, digits or underscores)",
    |s| prefixed(s, "p-", 8, 128, alnum_underscore)
);
id_type!(
    /// `h-` + 8–32 lower-case letters or digits.
    HandshakeId, "handshake id (h- followed by 8 to 32 lower-case letters or digits)",
    |s| prefixed(s, "h-", 8, 32, lower_alnum)
);
id_type!(
    /// `car-` + 8–32 lower-case letters or digits.
    CreateAccountRequestId, "create account request id (car- followed by 8 to 32 lower-case letters or digits)",
    |s| prefixed(s, "car-", 8, 32, lower_alnum)
);
id_type!(
    /// `rp-` + 4–128 letters, digits or underscores.
    ResourcePolicyId, "resource policy id (rp- followed by 4 to 128 letters, digits or underscores)",
    |s| prefixed(s, "rp-", 4, 128, alnum_underscore)
);

/// A node that can have children: the root or an OU.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParentId {
    /// The root.
    Root(RootId),
    /// An organizational unit.
    Ou(OuId),
}

/// Anything a policy can be attached to: root, OU or account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TargetId {
    /// The root.
    Root(RootId),
    /// An organizational unit.
    Ou(OuId),
    /// An account.
    Account(AccountId),
}

/// Anything that can carry tags.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaggableId {
    /// A root, OU or account.
    Target(TargetId),
    /// A customer managed policy.
    Policy(PolicyId),
    /// The resource (delegation) policy.
    ResourcePolicy(ResourcePolicyId),
}

impl ParentId {
    /// Parses a root or OU id.
    pub fn parse(s: &str) -> Result<Self, OrgError> {
        if RootId::is_valid(s) {
            Ok(ParentId::Root(RootId(s.into())))
        } else if OuId::is_valid(s) {
            Ok(ParentId::Ou(OuId(s.into())))
        } else {
            Err(OrgError::invalid_input(
                InvalidInputReason::InvalidPattern,
                format!("{s:?} is not a valid parent id (a root id r-… or an OU id ou-…)."),
            ))
        }
    }
    /// The id as text.
    pub fn as_str(&self) -> &str {
        match self {
            ParentId::Root(r) => r.as_str(),
            ParentId::Ou(o) => o.as_str(),
        }
    }
}

impl TargetId {
    /// Parses a root, OU or account id.
    pub fn parse(s: &str) -> Result<Self, OrgError> {
        if AccountId::is_valid(s) {
            Ok(TargetId::Account(AccountId(s.into())))
        } else if let Ok(p) = ParentId::parse(s) {
            Ok(p.into())
        } else {
            Err(OrgError::invalid_input(
                InvalidInputReason::InvalidPatternTargetId,
                format!("{s:?} is not a valid target id (a root r-…, an OU ou-… or a 12-digit account id)."),
            ))
        }
    }
    /// The id as text.
    pub fn as_str(&self) -> &str {
        match self {
            TargetId::Root(r) => r.as_str(),
            TargetId::Ou(o) => o.as_str(),
            TargetId::Account(a) => a.as_str(),
        }
    }
}

impl From<ParentId> for TargetId {
    fn from(p: ParentId) -> Self {
        match p {
            ParentId::Root(r) => TargetId::Root(r),
            ParentId::Ou(o) => TargetId::Ou(o),
        }
    }
}

impl TaggableId {
    /// Parses any id that can carry tags.
    pub fn parse(s: &str) -> Result<Self, OrgError> {
        if let Ok(t) = TargetId::parse(s) {
            Ok(TaggableId::Target(t))
        } else if PolicyId::is_valid(s) {
            Ok(TaggableId::Policy(PolicyId(s.into())))
        } else if ResourcePolicyId::is_valid(s) {
            Ok(TaggableId::ResourcePolicy(ResourcePolicyId(s.into())))
        } else {
            Err(OrgError::invalid_input(
                InvalidInputReason::InvalidPattern,
                format!(
                    "{s:?} is not a valid taggable resource id (root, OU, account, policy or resource policy)."
                ),
            ))
        }
    }
    /// The id as text.
    pub fn as_str(&self) -> &str {
        match self {
            TaggableId::Target(t) => t.as_str(),
            TaggableId::Policy(p) => p.as_str(),
            TaggableId::ResourcePolicy(r) => r.as_str(),
        }
    }
}

impl PolicyId {
    /// Parses a policy id; a bad one gets the service's `INVALID_SYNTAX_POLICY_ID` reason.
    pub fn parse_policy(s: &str) -> Result<Self, OrgError> {
        Self::parse(s).map_err(|e| OrgError {
            reason: Some(InvalidInputReason::InvalidSyntaxPolicyId.as_str().into()),
            ..e
        })
    }
}

impl std::fmt::Display for ParentId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for TargetId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert!(OrgId::is_valid("o-abcdef1234"));
        assert!(!OrgId::is_valid("o-ABCDEF1234"));
        assert!(!OrgId::is_valid("o-abc"));
        assert!(RootId::is_valid("r-ab12"));
        assert!(OuId::is_valid("ou-ab12-abcdefgh"));
        assert!(!OuId::is_valid("ou-ab12abcdefgh"));
        assert!(!OuId::is_valid("ou-ab12-abcd"));
        assert!(AccountId::is_valid("000000000001"));
        assert!(!AccountId::is_valid("12345678901"));
        assert!(!AccountId::is_valid("12345678901a"));
        assert!(PolicyId::is_valid("p-FullAWSAccess"));
        assert!(PolicyId::is_valid("p-ab12cd34"));
        assert!(!PolicyId::is_valid("p-short"));
        assert!(HandshakeId::is_valid("h-0123456789abcdef"));
        assert!(CreateAccountRequestId::is_valid("car-0123456789abcdef"));
        assert!(ResourcePolicyId::is_valid("rp-ab12cd34"));
    }

    #[test]
    fn composite_ids_and_reasons() {
        assert!(matches!(TargetId::parse("123456789012"), Ok(TargetId::Account(_))));
        assert!(matches!(TargetId::parse("r-ab12"), Ok(TargetId::Root(_))));
        let e = TargetId::parse("nonsense").unwrap_err();
        assert_eq!(e.reason.as_deref(), Some("INVALID_PATTERN_TARGET_ID"));
        let e = PolicyId::parse_policy("p-x").unwrap_err();
        assert_eq!(e.reason.as_deref(), Some("INVALID_SYNTAX_POLICY_ID"));
        assert!(matches!(TaggableId::parse("p-ab12cd34"), Ok(TaggableId::Policy(_))));
    }
}
