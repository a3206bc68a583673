//! The resource-based delegation policy document (reference §5.12): its grammar, the
//! service's validation reasons, and its evaluation for a delegated administrator. Policy-
//! language work, so it lives here; the engine stores the document and asks `allows`.
//!
//! Grammar accepted: `{"Version"?, "Id"?, "Statement": stmt | [stmt, …]}`, each statement
//! `{"Sid"?, "Effect": "Allow"|"Deny", "Principal": {"AWS": id|[ids]}, "Action": a|[as],
//! "Resource": r|[rs], "Condition"?}`. Principals are account ids or IAM ARNs of an account;
//! actions are delegable `organizations:` actions (wildcards allowed); resources are `*` or
//! Organizations ARNs; `organizations:PolicyType` condition values must name policy types.

use super::json::{self, Json, JsonValue, Member};
use super::parse::{Operator, SetOp};
use crate::catalog::wildcard::wildcard_match;
use crate::model::error::InvalidInputReason as R;
use crate::model::*;

/// Organizations actions a delegation policy may grant (AWS's list of delegable actions).
pub(crate) const DELEGABLE_ACTIONS: &[&str] = &[
    "AttachPolicy",
    "CreatePolicy",
    "DeletePolicy",
    "DescribeAccount",
    "DescribeCreateAccountStatus",
    "DescribeEffectivePolicy",
    "DescribeHandshake",
    "DescribeOrganization",
    "DescribeOrganizationalUnit",
    "DescribePolicy",
    "DescribeResourcePolicy",
    "DetachPolicy",
    "DisablePolicyType",
    "EnablePolicyType",
    "ListAWSServiceAccessForOrganization",
    "ListAccounts",
    "ListAccountsForParent",
    "ListAccountsWithInvalidEffectivePolicy",
    "ListChildren",
    "ListCreateAccountStatus",
    "ListDelegatedAdministrators",
    "ListDelegatedServicesForAccount",
    "ListEffectivePolicyValidationErrors",
    "ListHandshakesForAccount",
    "ListHandshakesForOrganization",
    "ListOrganizationalUnitsForParent",
    "ListParents",
    "ListPolicies",
    "ListPoliciesForTarget",
    "ListRoots",
    "ListTagsForResource",
    "ListTargetsForPolicy",
    "TagResource",
    "UntagResource",
    "UpdatePolicy",
];

/// The condition key naming the policy type an operation concerns.
const POLICY_TYPE_KEY: &str = "organizations:policytype";
/// The condition key naming the calling account.
const PRINCIPAL_ACCOUNT_KEY: &str = "aws:principalaccount";

/// One statement, parsed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Statement {
    pub allow: bool,
    pub principals: Vec<String>,
    pub actions: Vec<String>,
    pub resources: Vec<String>,
    pub conditions: Vec<Condition>,
}

/// One `operator: {key: values}` test.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Condition {
    /// The operator, e.g. `ForAnyValue:StringLike`.
    pub operator: Operator,
    /// As written, e.g. `organizations:PolicyType`.
    pub key: String,
    pub values: Vec<String>,
}

fn bad_json(msg: impl Into<String>) -> OrgError {
    OrgError::invalid_input(R::InvalidResourcePolicyJson, msg)
}

/// Parses and validates a delegation policy, with the service's `InvalidInputException`
/// reasons: `INVALID_RESOURCE_POLICY_JSON`, `INVALID_PRINCIPAL`,
/// `UNSUPPORTED_ACTION_IN_RESOURCE_POLICY`, `UNSUPPORTED_RESOURCE_IN_RESOURCE_POLICY`,
/// `UNSUPPORTED_POLICY_TYPE_IN_RESOURCE_POLICY`. The JSON is read by the policy language's
/// one parser (repeated keys are refused).
pub(crate) fn parse(content: &str) -> OrgResult<Vec<Statement>> {
    let doc =
        json::parse(content).map_err(|e| bad_json(format!("The resource policy is not valid JSON: {e}.")))?;
    let obj = doc.as_object().ok_or_else(|| bad_json("The resource policy must be a JSON object."))?;
    for m in obj {
        if !matches!(m.key.as_str(), "Version" | "Id" | "Statement") {
            return Err(bad_json(format!("Unknown policy element {:?}.", m.key)));
        }
    }
    match doc.get("Version") {
        None => {}
        Some(v) if matches!(v.as_str(), Some("2012-10-17" | "2008-10-17")) => {}
        Some(v) => return Err(bad_json(format!("Unsupported policy Version {}.", display(v)))),
    }
    let stmts: Vec<&Json> = match doc.get("Statement") {
        Some(Json { value: JsonValue::Array(a), .. }) if !a.is_empty() => a.iter().collect(),
        Some(s @ Json { value: JsonValue::Object(_), .. }) => vec![s],
        _ => return Err(bad_json("The resource policy needs at least one Statement.")),
    };
    stmts.into_iter().map(statement).collect()
}

/// A value as it reads in a message: strings quoted, scalars as written, containers by kind.
fn display(v: &Json) -> String {
    match &v.value {
        JsonValue::String(s) => format!("{s:?}"),
        JsonValue::Number(n) => n.clone(),
        JsonValue::Bool(b) => b.to_string(),
        JsonValue::Null => "null".to_string(),
        _ => v.kind().to_string(),
    }
}

fn statement(v: &Json) -> OrgResult<Statement> {
    let obj = v.as_object().ok_or_else(|| bad_json("Each Statement must be a JSON object."))?;
    for m in obj {
        match m.key.as_str() {
            "Sid" | "Effect" | "Principal" | "Action" | "Resource" | "Condition" => {}
            "NotPrincipal" => {
                return Err(OrgError::invalid_input(
                    R::InvalidPrincipal,
                    "NotPrincipal is not supported in the resource policy.",
                ));
            }
            "NotAction" => {
                return Err(OrgError::invalid_input(
                    R::UnsupportedActionInResourcePolicy,
                    "NotAction is not supported in the resource policy.",
                ));
            }
            "NotResource" => {
                return Err(OrgError::invalid_input(
                    R::UnsupportedResourceInResourcePolicy,
                    "NotResource is not supported in the resource policy.",
                ));
            }
            other => return Err(bad_json(format!("Unknown statement element {other:?}."))),
        }
    }
    if v.get("Sid").is_some_and(|s| s.as_str().is_none()) {
        return Err(bad_json("Sid must be a string."));
    }
    let allow = match v.get("Effect").and_then(Json::as_str) {
        Some("Allow") => true,
        Some("Deny") => false,
        _ => return Err(bad_json("Effect must be \"Allow\" or \"Deny\".")),
    };
    let principals = principals(v.get("Principal"))?;
    let actions = strings(v.get("Action"), "Action")?;
    for a in &actions {
        check_action(a)?;
    }
    let resources = strings(v.get("Resource"), "Resource")?;
    for r in &resources {
        check_resource(r)?;
    }
    let conditions = match v.get("Condition") {
        None => Vec::new(),
        Some(c) => conditions(c)?,
    };
    Ok(Statement { allow, principals, actions, resources, conditions })
}

/// A required string-or-list-of-strings element.
fn strings(v: Option<&Json>, what: &str) -> OrgResult<Vec<String>> {
    let list: Vec<String> = match v.map(|v| &v.value) {
        Some(JsonValue::String(s)) => vec![s.clone()],
        Some(JsonValue::Array(a)) if !a.is_empty() => a
            .iter()
            .map(|x| x.as_str().map(str::to_string))
            .collect::<Option<_>>()
            .ok_or_else(|| bad_json(format!("{what} must be a string or a list of strings.")))?,
        _ => {
            return Err(bad_json(format!("Every statement needs a {what} (a string or a list of strings).")));
        }
    };
    Ok(list)
}

fn invalid_principal(msg: impl Into<String>) -> OrgError {
    OrgError::invalid_input(R::InvalidPrincipal, msg)
}

/// `{"AWS": …}` naming accounts: 12-digit ids or IAM ARNs of an account. Wildcards and
/// service/federated principals would delegate to unknown parties and are refused.
fn principals(v: Option<&Json>) -> OrgResult<Vec<String>> {
    let obj = match v.map(Json::as_object) {
        Some(Some(o)) => o,
        Some(None) => return Err(invalid_principal("Principal must be {\"AWS\": account or ARN}.")),
        None => return Err(invalid_principal("Every statement needs a Principal.")),
    };
    let mut out = Vec::new();
    for Member { key: k, value: val, .. } in obj {
        if k != "AWS" {
            return Err(invalid_principal(format!("Principal type {k:?} is not supported; use \"AWS\".")));
        }
        let list = strings(Some(val), "Principal").map_err(|e| invalid_principal(e.message))?;
        for p in list {
            if principal_account(&p).is_none() {
                return Err(invalid_principal(format!(
                    "{p:?} is not an account id or an IAM ARN of an account."
                )));
            }
            out.push(p);
        }
    }
    if out.is_empty() {
        return Err(invalid_principal("Principal names no account."));
    }
    Ok(out)
}

/// The account a principal entry names: `123456789012`, `arn:P:iam::123456789012:root`, or an
/// IAM user/role ARN of that account.
fn principal_account(p: &str) -> Option<&str> {
    if AccountId::is_valid(p) {
        return Some(p);
    }
    let mut parts = p.splitn(6, ':');
    let (arn, _partition, service, region, account, resource) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let resource_ok = resource == "root"
        || ["user/", "role/"].iter().any(|k| resource.strip_prefix(k).is_some_and(|r| !r.is_empty()));
    (arn == "arn"
        && service == "iam"
        && region.is_empty()
        && AccountId::is_valid(account)
        && resource_ok
        && !resource.contains('*'))
    .then_some(account)
}

fn check_action(a: &str) -> OrgResult<()> {
    let ok = match a.split_once(':') {
        Some((svc, pat)) if svc.eq_ignore_ascii_case("organizations") => {
            DELEGABLE_ACTIONS.iter().any(|d| wildcard_match(pat, d, true))
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(OrgError::invalid_input(
            R::UnsupportedActionInResourcePolicy,
            format!("{a:?} is not an Organizations action that can be delegated."),
        ))
    }
}

fn check_resource(r: &str) -> OrgResult<()> {
    let mut parts = r.splitn(6, ':');
    let ok = r == "*"
        || (parts.next() == Some("arn")
            && parts.next().is_some_and(|p| !p.is_empty())
            && parts.next() == Some("organizations")
            && parts.next() == Some("")
            && parts.next().is_some()
            && parts.next().is_some_and(|rest| !rest.is_empty()));
    if ok {
        Ok(())
    } else {
        Err(OrgError::invalid_input(
            R::UnsupportedResourceInResourcePolicy,
            format!("{r:?} is not \"*\" or an Organizations resource ARN."),
        ))
    }
}

const OPERATORS: &[&str] = &[
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "ArnEquals",
    "ArnNotEquals",
    "ArnLike",
    "ArnNotLike",
    "Bool",
    "Null",
];

fn conditions(v: &Json) -> OrgResult<Vec<Condition>> {
    let obj = v.as_object().ok_or_else(|| bad_json("Condition must be a JSON object."))?;
    let mut out = Vec::new();
    for Member { key: op, value: block, .. } in obj {
        let operator = Operator::parse(op).filter(|o| {
            let base = o.base.name();
            OPERATORS.contains(&base) && !(base == "Null" && (o.if_exists || o.set != SetOp::Single))
        });
        let Some(operator) = operator else {
            return Err(bad_json(format!("Unsupported condition operator {op:?}.")));
        };
        let base = operator.base.name();
        let block = block
            .as_object()
            .ok_or_else(|| bad_json(format!("Condition {op:?} must map keys to values.")))?;
        for Member { key, value: vals, .. } in block {
            let values: Vec<String> = match &vals.value {
                JsonValue::Array(a) => a.iter().map(scalar).collect::<Option<_>>(),
                _ => scalar(vals).map(|s| vec![s]),
            }
            .ok_or_else(|| bad_json(format!("Condition values of {key:?} must be strings.")))?;
            if key.eq_ignore_ascii_case(POLICY_TYPE_KEY) && base != "Null" {
                check_policy_types(base, &values)?;
            }
            out.push(Condition { operator, key: key.clone(), values });
        }
    }
    Ok(out)
}

/// A string, boolean or number (as written) condition value.
fn scalar(v: &Json) -> Option<String> {
    match &v.value {
        JsonValue::String(s) | JsonValue::Number(s) => Some(s.clone()),
        JsonValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Every `organizations:PolicyType` value must name (or, with `…Like`, match) a policy type.
fn check_policy_types(base: &str, values: &[String]) -> OrgResult<()> {
    for v in values {
        let ok = PolicyType::ALL.iter().any(|t| value_matches(base, t.as_str(), v));
        if !ok {
            return Err(OrgError::invalid_input(
                R::UnsupportedPolicyTypeInResourcePolicy,
                format!("{v:?} is not a policy type that can be delegated."),
            ));
        }
    }
    Ok(())
}

/// Whether a request value satisfies the positive form of `base` against one policy value.
fn value_matches(base: &str, request: &str, policy: &str) -> bool {
    match base.replace("Not", "").as_str() {
        "StringEquals" => request == policy,
        "StringEqualsIgnoreCase" | "Bool" => request.eq_ignore_ascii_case(policy),
        // ARN operators compared as whole-string wildcard matches (ArnEquals ≡ ArnLike).
        "StringLike" | "ArnEquals" | "ArnLike" => wildcard_match(policy, request, false),
        _ => false,
    }
}

/// Whether one condition holds for the request context (`key` → values, keys lower-case).
fn condition_holds(c: &Condition, ctx: &[(&str, Vec<String>)]) -> bool {
    let Operator { set, base, if_exists } = c.operator;
    let base = base.name();
    let key = c.key.to_ascii_lowercase();
    let request = ctx.iter().find(|(k, _)| *k == key).map(|(_, v)| v).filter(|v| !v.is_empty());
    if base == "Null" {
        let want_absent = c.values.iter().any(|v| v.eq_ignore_ascii_case("true"));
        return want_absent == request.is_none();
    }
    let negated = base.contains("Not");
    let Some(request) = request else {
        return if_exists || set == SetOp::ForAllValues || (negated && set == SetOp::Single);
    };
    // Positive operators: any policy value matches (OR); negated ones: none matches (NOR).
    let one = |r: &String| {
        let any = c.values.iter().any(|p| value_matches(base, r, p));
        if negated { !any } else { any }
    };
    match set {
        SetOp::ForAllValues => request.iter().all(one),
        _ => request.iter().any(one),
    }
}

/// Whether the delegation policy lets `account` call `organizations:{op}` (for `policy_type`).
/// A matching Deny wins over any Allow; no matching Allow is an implicit deny. Resources are
/// not evaluated (the caller-side check has no resource); an unparsable policy allows nothing.
pub(crate) fn allows(content: &str, account: &AccountId, op: &str, policy_type: Option<PolicyType>) -> bool {
    let Ok(statements) = parse(content) else { return false };
    let action = format!("organizations:{op}");
    let mut ctx: Vec<(&str, Vec<String>)> = vec![(PRINCIPAL_ACCOUNT_KEY, vec![account.to_string()])];
    if let Some(t) = policy_type {
        ctx.push((POLICY_TYPE_KEY, vec![t.as_str().to_string()]));
    }
    let mut allowed = false;
    for s in &statements {
        let principal = s.principals.iter().any(|p| principal_account(p) == Some(account.as_str()));
        let acts = s.actions.iter().any(|a| wildcard_match(a, &action, true));
        if principal && acts && s.conditions.iter().all(|c| condition_holds(c, &ctx)) {
            if !s.allow {
                return false;
            }
            allowed = true;
        }
    }
    allowed
}

#[cfg(test)]
mod tests;
