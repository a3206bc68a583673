//! Condition operators (§2.6): every String, Numeric, Date, Bool, Binary, IP, ARN and Null
//! operator, each with `...IfExists`, the `ForAllValues:`/`ForAnyValue:` set prefixes, the
//! missing-key rules, NOR for negated operators, and policy variables in String/ARN/Bool values.
//!
//! Open question §1.9.2 (a non-set operator against a multivalued request key): we follow the
//! documented reading used by PMapper and iam-rs — a positive operator matches when any request
//! value matches, a negated one when none does — not iam-simulate's "no match".

use super::matching::{ShortArn, Tok, arn_match, wild_match};
use super::parse::{BaseOp, ConditionKey, Operator, SetOp};
use super::variables::{Context, Template};
use std::net::IpAddr;

/// A compiled policy value of a condition.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    /// String, Bool, Binary and ARN operators (Bool lower-cased at compare time).
    Template(Template),
    Number(Option<f64>),
    Date(Option<i64>),
    Ip(Option<Cidr>),
    Null(bool),
}

/// One compiled `operator: {key: values}` entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub op: Operator,
    /// Lower-case key.
    pub key: String,
    /// The key as written.
    pub key_text: String,
    values: Vec<Value>,
}

impl Condition {
    /// Compiles one key of a condition block; `vars` enables policy variables.
    pub fn compile(op: Operator, k: &ConditionKey, vars: bool) -> Condition {
        use BaseOp::*;
        let values = k
            .values
            .iter()
            .map(|v| {
                let t = v.value.text.as_str();
                match op.base {
                    StringEquals
                    | StringNotEquals
                    | StringEqualsIgnoreCase
                    | StringNotEqualsIgnoreCase
                    | Bool => Value::Template(Template::compile(t, vars, false)),
                    StringLike | StringNotLike | ArnEquals | ArnLike | ArnNotEquals | ArnNotLike => {
                        Value::Template(Template::compile(t, vars, true))
                    }
                    BinaryEquals => Value::Template(Template::compile(t, false, false)),
                    NumericEquals
                    | NumericNotEquals
                    | NumericLessThan
                    | NumericLessThanEquals
                    | NumericGreaterThan
                    | NumericGreaterThanEquals => Value::Number(parse_number(t)),
                    DateEquals
                    | DateNotEquals
                    | DateLessThan
                    | DateLessThanEquals
                    | DateGreaterThan
                    | DateGreaterThanEquals => Value::Date(parse_date(t)),
                    IpAddress | NotIpAddress => Value::Ip(Cidr::parse(t)),
                    Null => Value::Null(t.eq_ignore_ascii_case("true")),
                }
            })
            .collect();
        Condition { op, key: k.key.value.to_ascii_lowercase(), key_text: k.key.value.clone(), values }
    }

    /// Whether the condition holds for the request context.
    pub fn eval(&self, ctx: &Context) -> bool {
        let req: &[String] = ctx.get(&self.key).map(Vec::as_slice).unwrap_or(&[]);
        let present = !req.is_empty();
        if self.op.base == BaseOp::Null {
            return self
                .values
                .iter()
                .any(|v| matches!(v, Value::Null(want_absent) if *want_absent != present));
        }
        let negated = self.op.base.negated();
        match self.op.set {
            SetOp::Single => {
                if !present {
                    return self.op.if_exists || negated;
                }
                let any = req.iter().any(|r| self.positive(r, ctx));
                if negated { !any } else { any }
            }
            SetOp::ForAllValues => {
                if !present {
                    return true;
                }
                req.iter().all(|r| self.positive(r, ctx) != negated)
            }
            SetOp::ForAnyValue => {
                if !present {
                    return self.op.if_exists;
                }
                req.iter().any(|r| self.positive(r, ctx) != negated)
            }
        }
    }

    /// Whether one request value matches any policy value under the positive form of the
    /// operator (negated operators are the NOR of this).
    fn positive(&self, r: &str, ctx: &Context) -> bool {
        use BaseOp::*;
        self.values.iter().any(|v| match (self.op.base, v) {
            (StringEquals | StringNotEquals, Value::Template(t)) => t.text(ctx).is_some_and(|p| p == r),
            (StringEqualsIgnoreCase | StringNotEqualsIgnoreCase, Value::Template(t)) => {
                t.text(ctx).is_some_and(|p| eq_ignore_case(&p, r))
            }
            (Bool, Value::Template(t)) => t.text(ctx).is_some_and(|p| p.eq_ignore_ascii_case(r)),
            (BinaryEquals, Value::Template(t)) => t.text(ctx).is_some_and(|p| p == r),
            (StringLike | StringNotLike, Value::Template(t)) => {
                t.toks(ctx).is_some_and(|p| wild_match(&p, r, false))
            }
            (ArnEquals | ArnLike | ArnNotEquals | ArnNotLike, Value::Template(t)) => {
                t.toks(ctx).is_some_and(|p| arn_value_match(&p, r))
            }
            (base, Value::Number(Some(p))) => parse_number(r).is_some_and(|x| match base {
                NumericLessThan => x < *p,
                NumericLessThanEquals => x <= *p,
                NumericGreaterThan => x > *p,
                NumericGreaterThanEquals => x >= *p,
                _ => x == *p,
            }),
            (base, Value::Date(Some(p))) => parse_date(r).is_some_and(|x| match base {
                DateLessThan => x < *p,
                DateLessThanEquals => x <= *p,
                DateGreaterThan => x > *p,
                DateGreaterThanEquals => x >= *p,
                _ => x == *p,
            }),
            (_, Value::Ip(Some(c))) => c.contains(r),
            _ => false,
        })
    }
}

/// ARN operators compare the six components separately; a value that is not an ARN never
/// matches.
fn arn_value_match(p: &[Tok], r: &str) -> bool {
    arn_match(p, r, ShortArn::Strict)
}

fn eq_ignore_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Parses an integer or decimal (no exponents, no hex).
fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    let body = t.strip_prefix('-').unwrap_or(t);
    if body.is_empty()
        || !body.bytes().all(|c| c.is_ascii_digit() || c == b'.')
        || body.matches('.').count() > 1
    {
        return None;
    }
    t.parse::<f64>().ok()
}

/// Parses an ISO 8601 date/time (`YYYY-MM-DD`, optional `Thh:mm[:ss[.fff]]`, optional `Z` or
/// `±hh:mm`) or epoch seconds, as epoch milliseconds.
pub fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    if !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()) {
        return s.parse::<i64>().ok()?.checked_mul(1000);
    }
    let num = |a: usize, b: usize| -> Option<i64> {
        let t = s.get(a..b)?;
        if t.bytes().all(|c| c.is_ascii_digit()) { t.parse().ok() } else { None }
    };
    if s.get(4..5)? != "-" || s.get(7..8)? != "-" {
        return None;
    }
    let (y, mo, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return None;
    }
    let mut ms = crate::model::time::days_from_civil(y, mo, d) * 86_400_000;
    let mut rest = s.get(10..)?;
    if let Some(r) = rest.strip_prefix('T').or_else(|| rest.strip_prefix('t')) {
        let hh: i64 = r.get(0..2)?.parse().ok()?;
        if r.get(2..3)? != ":" {
            return None;
        }
        let mm: i64 = r.get(3..5)?.parse().ok()?;
        let mut i = 5;
        let mut ss = 0i64;
        let mut frac = 0i64;
        if r.get(5..6) == Some(":") {
            ss = r.get(6..8)?.parse().ok()?;
            i = 8;
            if r.get(8..9) == Some(".") {
                let digits = r.get(9..)?.bytes().take_while(u8::is_ascii_digit).count();
                let f = r.get(9..9 + digits.min(3))?;
                frac = format!("{f:0<3}").parse().ok()?;
                i = 9 + digits;
            }
        }
        if hh > 23 || mm > 59 || ss > 60 {
            return None;
        }
        ms += ((hh * 60 + mm) * 60 + ss) * 1000 + frac;
        rest = r.get(i..)?;
    }
    match rest {
        "" | "Z" | "z" => Some(ms),
        _ => {
            let sign = match rest.get(0..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let oh: i64 = rest.get(1..3)?.parse().ok()?;
            let om: i64 = rest.get(rest.len().checked_sub(2)?..)?.parse().ok()?;
            Some(ms - sign * (oh * 60 + om) * 60_000)
        }
    }
}

/// An IPv4 or IPv6 network; a bare address is a /32 or /128.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    v6: bool,
    addr: u128,
    prefix: u32,
}

impl Cidr {
    /// Parses `a.b.c.d[/n]` or an IPv6 address with an optional prefix.
    pub fn parse(s: &str) -> Option<Cidr> {
        let s = s.trim();
        let (a, p) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p.parse::<u32>().ok()?)),
            None => (s, None),
        };
        let ip: IpAddr = a.parse().ok()?;
        let (v6, addr, max) = match ip {
            IpAddr::V4(x) => (false, u128::from(u32::from(x)), 32),
            IpAddr::V6(x) => (true, u128::from(x), 128),
        };
        let prefix = p.unwrap_or(max);
        if prefix > max {
            return None;
        }
        Some(Cidr { v6, addr, prefix })
    }

    /// Whether the address (or network) `s` lies inside this network.
    pub fn contains(&self, s: &str) -> bool {
        let Some(other) = Cidr::parse(s) else { return false };
        if other.v6 != self.v6 || other.prefix < self.prefix {
            return false;
        }
        let width = if self.v6 { 128 } else { 32 };
        let shift = width - self.prefix;
        if shift >= 128 {
            return true;
        }
        (self.addr >> shift) == (other.addr >> shift)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operator_names_round_trip() {
        for n in [
            "StringEquals",
            "ForAllValues:StringLikeIfExists",
            "ForAnyValue:ArnNotLike",
            "Null",
            "BoolIfExists",
        ] {
            assert_eq!(Operator::parse(n).unwrap().name(), n);
        }
        assert!(Operator::parse("NullIfExists").is_none());
        assert!(Operator::parse("StringEqualz").is_none());
    }

    #[test]
    fn dates_and_ips() {
        assert_eq!(parse_date("1970-01-02"), Some(86_400_000));
        assert_eq!(parse_date("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(parse_date("1970-01-01T00:00:01.5Z"), Some(1500));
        assert_eq!(parse_date("86400"), Some(86_400_000));
        assert_eq!(parse_date("nope"), None);
        let c = Cidr::parse("10.0.0.0/8").unwrap();
        assert!(c.contains("10.1.2.3"));
        assert!(!c.contains("11.1.2.3"));
        assert!(Cidr::parse("203.0.113.7").unwrap().contains("203.0.113.7"));
        assert!(Cidr::parse("2001:db8::/32").unwrap().contains("2001:db8::1"));
        assert!(Cidr::parse("0.0.0.0/0").unwrap().contains("1.2.3.4"));
    }
}
