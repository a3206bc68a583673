//! Helpers of the linter: value and type checks, redundancy cover, and positioning the engine's
//! management-policy messages.

use super::super::conditions::{Cidr, parse_date};
use super::super::json::{self, Json, JsonValue, Pos};
use super::super::parse::Statement;
use super::super::parse::{BaseOp, Operator};
use crate::catalog::{self, ConditionType};

/// Whether every action of `b` is matched by an action pattern of `a`.
pub(super) fn covers(a: &Statement, b: &Statement) -> bool {
    b.action
        .value
        .iter()
        .all(|x| a.action.value.iter().any(|p| catalog::wildcard_match_ignore_case(&p.value, &x.value)))
}

/// A copy of the document whose conditions keep only known operators.
pub(super) fn without_bad_operators(root: &Json) -> Json {
    let mut out = root.clone();
    let JsonValue::Object(members) = &mut out.value else { return out };
    for m in members.iter_mut().filter(|m| m.key == "Statement") {
        let statements: Vec<&mut Json> = match &mut m.value.value {
            JsonValue::Array(items) => items.iter_mut().collect(),
            _ => vec![&mut m.value],
        };
        for s in statements {
            let JsonValue::Object(elements) = &mut s.value else { continue };
            for e in elements.iter_mut().filter(|e| e.key == "Condition") {
                if let JsonValue::Object(ops) = &mut e.value.value {
                    ops.retain(|op| Operator::parse(&op.key).is_some());
                }
            }
        }
    }
    out
}

/// Replaces `${…}` placeholders of a catalogue ARN format by `*`.
pub(super) fn placeholders_to_star(format: &str) -> String {
    let mut out = String::new();
    let mut rest = format;
    while let Some(start) = rest.find("${") {
        out.push_str(rest.get(..start).unwrap_or(""));
        match rest.get(start..).and_then(|r| r.find('}')) {
            Some(end) => {
                out.push('*');
                rest = rest.get(start + end + 1..).unwrap_or("");
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The value family an operator compares.
pub(super) fn operator_family(op: BaseOp) -> Option<&'static str> {
    use BaseOp::*;
    Some(match op {
        StringEquals
        | StringNotEquals
        | StringEqualsIgnoreCase
        | StringNotEqualsIgnoreCase
        | StringLike
        | StringNotLike => "string",
        NumericEquals
        | NumericNotEquals
        | NumericLessThan
        | NumericLessThanEquals
        | NumericGreaterThan
        | NumericGreaterThanEquals => "numeric",
        DateEquals
        | DateNotEquals
        | DateLessThan
        | DateLessThanEquals
        | DateGreaterThan
        | DateGreaterThanEquals => "date",
        Bool => "boolean",
        BinaryEquals => "binary",
        IpAddress | NotIpAddress => "IP address",
        ArnEquals | ArnLike | ArnNotEquals | ArnNotLike => "ARN",
        Null => return None,
    })
}

pub(super) fn family_fits(family: &str, ty: ConditionType) -> bool {
    match ty {
        // String operators work on ARNs too (AWS documents both for ARN keys).
        ConditionType::String => family == "string",
        ConditionType::Arn => family == "ARN" || family == "string",
        ConditionType::Bool => family == "boolean",
        ConditionType::Date => family == "date",
        ConditionType::IpAddress => family == "IP address",
        ConditionType::Numeric => family == "numeric",
        ConditionType::Binary => family == "binary",
        _ => true,
    }
}

/// What is wrong with a condition value for the operator, if anything.
pub(super) fn value_problem(op: BaseOp, v: &str) -> Option<String> {
    if v.contains("${") {
        return None; // a policy variable: checked at evaluation time
    }
    match operator_family(op)? {
        "numeric" if v.trim().parse::<f64>().is_err() => Some(format!("{v:?} is not a number")),
        "date" if parse_date(v).is_none() => Some(format!("{v:?} is not a date (ISO 8601 or epoch seconds)")),
        "boolean" if !v.eq_ignore_ascii_case("true") && !v.eq_ignore_ascii_case("false") => {
            Some(format!("{v:?} is not true or false"))
        }
        "IP address" if Cidr::parse(v).is_none() => Some(format!("{v:?} is not an IP address or CIDR range")),
        _ => None,
    }
}

/// The position of the object key that `message` quotes last (the engine's messages name the
/// offending key after any expected one: `may only contain "tags" … (found "other")`); among
/// keys quoted at the same place, the first found depth-first. Else the first `@@` key named.
pub(super) fn find_named_key(root: &Json, message: &str) -> Option<Pos> {
    let mut stack = vec![(root, 0usize)];
    let mut best: Option<(usize, Pos)> = None;
    let mut fallback = None;
    while let Some((v, depth)) = stack.pop() {
        if depth > json::MAX_DEPTH {
            continue;
        }
        match &v.value {
            JsonValue::Object(members) => {
                for m in members.iter().rev() {
                    stack.push((&m.value, depth + 1));
                }
                for m in members {
                    if m.key.is_empty() {
                        if message.contains("empty") && best.is_none() {
                            best = Some((0, m.key_pos));
                        }
                        continue;
                    }
                    if let Some(at) = message.rfind(&format!("{:?}", m.key))
                        && best.is_none_or(|(b, _)| at > b)
                    {
                        best = Some((at, m.key_pos));
                    }
                    if fallback.is_none() && m.key.starts_with("@@") && message.contains(m.key.as_str()) {
                        fallback = Some(m.key_pos);
                    }
                }
            }
            JsonValue::Array(items) => {
                for x in items.iter().rev() {
                    stack.push((x, depth + 1));
                }
            }
            _ => {}
        }
    }
    best.map(|(_, p)| p).or(fallback)
}
