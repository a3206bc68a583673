//! Validation of policy documents as CreatePolicy and UpdatePolicy do it (reference §4.3,
//! §9.4, §10.2, §10.3): the size limit of the type, then JSON syntax (duplicate keys are
//! rejected, as the IAM grammar demands), then the grammar of the type.

use super::json::{self, Json, JsonValue, Member};
use super::merge::{ALL, APPEND, ASSIGN, CHILD_CONTROL, NONE, REMOVE};
use super::parse::Operator;
use crate::model::error::ConstraintViolationReason;
use crate::model::*;

/// Checks a policy document against its type's grammar and size limit, as CreatePolicy and
/// UpdatePolicy do: `ConstraintViolationException POLICY_CONTENT_LIMIT_EXCEEDED` when it has
/// more characters than the type allows (every character counts, whitespace included, since
/// the API stores the document as sent), `MalformedPolicyDocumentException` for bad JSON or
/// grammar. The grammar is the one of customer policies: a customer RCP may only deny.
pub fn validate_policy_document(policy_type: PolicyType, content: &str) -> OrgResult<()> {
    let max = PolicyTypeLimits::of(policy_type).max_size;
    // Counting stops just past the limit, so a huge input costs no more than the limit.
    if content.chars().take(max.saturating_add(1)).count() > max {
        return Err(OrgError::constraint(
            ConstraintViolationReason::PolicyContentLimitExceeded,
            format!("You have exceeded the maximum policy size ({max} characters for {policy_type})."),
        ));
    }
    let doc = parse_strict(content)?;
    match policy_type {
        PolicyType::ServiceControlPolicy => check_authorization(&doc, Authz::Scp),
        PolicyType::ResourceControlPolicy => check_authorization(&doc, Authz::Rcp),
        ty => check_management(&doc, ty),
    }
}

fn malformed(msg: impl Into<String>) -> OrgError {
    OrgError::new(ErrorCode::MalformedPolicyDocumentException, msg)
}

/// Parses with the policy language's one JSON parser (strict: repeated keys are refused, as
/// the IAM grammar demands; nesting is bounded).
fn parse_strict(content: &str) -> OrgResult<Json> {
    json::parse(content).map_err(|e| malformed(format!("The policy document is not valid JSON: {e}.")))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Authz {
    Scp,
    Rcp,
}

impl Authz {
    fn name(self) -> &'static str {
        match self {
            Authz::Scp => "service control policy",
            Authz::Rcp => "resource control policy",
        }
    }
}

/// The IAM-language grammar of SCPs (§10.2, current "full IAM language") and RCPs (§10.3).
fn check_authorization(doc: &Json, kind: Authz) -> OrgResult<()> {
    let obj = doc.as_object().ok_or_else(|| malformed("A policy document must be a JSON object."))?;
    for m in obj {
        if !matches!(m.key.as_str(), "Version" | "Statement") {
            return Err(malformed(format!("Element {:?} is not supported in a {}.", m.key, kind.name())));
        }
    }
    // Reference §10.2 says the SCP Version "must be 2012-10-17"; policy-evaluation.md §3.2
    // only requires it for RCPs. We require the value to be 2012-10-17 whenever present, and
    // the element itself only for RCPs.
    match doc.get("Version").map(|v| v.as_str()) {
        Some(Some("2012-10-17")) => {}
        Some(_) => return Err(malformed("The policy Version must be \"2012-10-17\".")),
        None if kind == Authz::Rcp => {
            return Err(malformed("A resource control policy must have Version \"2012-10-17\"."));
        }
        None => {}
    }
    let statements: Vec<&Json> = match doc.get("Statement") {
        Some(Json { value: JsonValue::Array(list), .. }) if !list.is_empty() => list.iter().collect(),
        Some(v @ Json { value: JsonValue::Object(_), .. }) => vec![v],
        Some(_) => return Err(malformed("Statement must be an object or a non-empty array of objects.")),
        None => return Err(malformed("The policy document has no Statement.")),
    };
    let mut sids = std::collections::BTreeSet::new();
    for st in statements {
        check_statement(st, kind, &mut sids)?;
    }
    Ok(())
}

fn check_statement<'a>(
    st: &'a Json,
    kind: Authz,
    sids: &mut std::collections::BTreeSet<&'a str>,
) -> OrgResult<()> {
    let members = st.as_object().ok_or_else(|| malformed("Each Statement must be a JSON object."))?;
    for m in members {
        let ok = match m.key.as_str() {
            "Sid" | "Effect" | "Action" | "Resource" | "NotResource" | "Condition" => true,
            "NotAction" => kind == Authz::Scp,
            "Principal" => kind == Authz::Rcp,
            _ => false,
        };
        if !ok {
            return Err(malformed(format!("Element {:?} is not supported in a {}.", m.key, kind.name())));
        }
    }
    if let Some(sid) = st.get("Sid") {
        let sid = sid.as_str().ok_or_else(|| malformed("Sid must be a string."))?;
        if !sid.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(malformed(format!("Sid {sid:?} may contain only letters and digits.")));
        }
        if !sid.is_empty() && !sids.insert(sid) {
            return Err(malformed(format!("Statement ids must be unique; {sid:?} is repeated.")));
        }
    }
    match st.get("Effect").and_then(Json::as_str) {
        Some("Deny") => {}
        // Only the AWS managed RCPFullAWSAccess may allow; customer RCPs are Deny-only.
        Some("Allow") if kind == Authz::Scp => {}
        Some("Allow") => return Err(malformed("A customer resource control policy may only Deny.")),
        Some(e) => return Err(malformed(format!("Effect must be \"Allow\" or \"Deny\", not {e:?}."))),
        None => return Err(malformed("Each Statement needs an Effect of \"Allow\" or \"Deny\".")),
    }
    match (st.get("Action"), st.get("NotAction")) {
        (Some(a), None) => string_list("Action", a, check_action)?,
        (None, Some(a)) => string_list("NotAction", a, check_action)?,
        _ => return Err(malformed("Each Statement needs exactly one of Action and NotAction.")),
    }
    match (st.get("Resource"), st.get("NotResource")) {
        (Some(r), None) => string_list("Resource", r, check_resource)?,
        (None, Some(r)) => string_list("NotResource", r, check_resource)?,
        _ => return Err(malformed("Each Statement needs exactly one of Resource and NotResource.")),
    }
    if kind == Authz::Rcp {
        match st.get("Principal").map(|p| p.as_str()) {
            Some(Some("*")) => {}
            Some(_) => return Err(malformed("The Principal of a resource control policy must be \"*\".")),
            None => return Err(malformed("Each resource control policy Statement needs Principal \"*\".")),
        }
    }
    if let Some(c) = st.get("Condition") {
        check_condition(c)?;
    }
    Ok(())
}

/// A string or a non-empty array of strings, each checked by `item`.
fn string_list(field: &str, v: &Json, item: fn(&str, &str) -> OrgResult<()>) -> OrgResult<()> {
    match &v.value {
        JsonValue::String(s) => item(field, s),
        JsonValue::Array(list) if !list.is_empty() => list.iter().try_for_each(|x| match x.as_str() {
            Some(s) => item(field, s),
            None => Err(malformed(format!("{field} entries must be strings."))),
        }),
        _ => Err(malformed(format!("{field} must be a string or a non-empty array of strings."))),
    }
}

/// `*`, or `service:action` where the service prefix has no wildcard (§2.3 of the policy
/// evaluation notes); wildcards are allowed anywhere in the action part.
fn check_action(field: &str, a: &str) -> OrgResult<()> {
    if a == "*" {
        return Ok(());
    }
    match a.split_once(':') {
        Some((svc, name))
            if !svc.is_empty()
                && !name.is_empty()
                && svc.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') =>
        {
            Ok(())
        }
        _ => Err(malformed(format!("{field} {a:?} is not of the form \"service:action\" or \"*\"."))),
    }
}

/// `*`, or an ARN; an ARN with fewer than six segments must end with a wildcard.
fn check_resource(field: &str, r: &str) -> OrgResult<()> {
    if r == "*" {
        return Ok(());
    }
    if !r.starts_with("arn:") {
        return Err(malformed(format!("{field} {r:?} must be \"*\" or an ARN.")));
    }
    if r.splitn(6, ':').count() < 6 && !r.ends_with('*') {
        return Err(malformed(format!("{field} {r:?} is not a complete ARN.")));
    }
    Ok(())
}

/// `{"<Operator>": {"<key>": value-or-values}}` with known IAM operators.
fn check_condition(c: &Json) -> OrgResult<()> {
    let ops = c.as_object().ok_or_else(|| malformed("Condition must be a JSON object."))?;
    for Member { key: op, value: block, .. } in ops {
        if Operator::parse(op).is_none() {
            return Err(malformed(format!("{op:?} is not a condition operator.")));
        }
        let keys = match block.as_object() {
            Some(k) if !k.is_empty() => k,
            _ => {
                return Err(malformed(format!("Condition operator {op} needs an object of condition keys.")));
            }
        };
        for Member { key, value: values, .. } in keys {
            let scalar = |v: &Json| {
                matches!(v.value, JsonValue::String(_) | JsonValue::Number(_) | JsonValue::Bool(_))
            };
            let ok = !key.is_empty()
                && match &values.value {
                    JsonValue::Array(list) => !list.is_empty() && list.iter().all(scalar),
                    _ => scalar(values),
                };
            if !ok {
                return Err(malformed(format!(
                    "Condition key {key:?} under {op} needs a string, number or boolean value, or a non-empty array of them."
                )));
            }
        }
    }
    Ok(())
}

/// The top-level key of the management policy types whose grammar names one (§8).
fn root_key(ty: PolicyType) -> Option<&'static str> {
    match ty {
        PolicyType::TagPolicy => Some("tags"),
        PolicyType::BackupPolicy => Some("plans"),
        PolicyType::AiservicesOptOutPolicy => Some("services"),
        PolicyType::DeclarativePolicyEc2 => Some("ec2_attributes"),
        _ => None,
    }
}

/// Management policies (§9): a non-empty JSON object whose `@@` keys are the inheritance
/// operators; `@@append`/`@@remove` take arrays; child-control lists name known operators.
fn check_management(doc: &Json, ty: PolicyType) -> OrgResult<()> {
    let obj = match doc.as_object() {
        Some(o) if !o.is_empty() => o,
        _ => return Err(malformed(format!("A {ty} document must be a non-empty JSON object."))),
    };
    if let Some(root) = root_key(ty)
        && let Some(bad) = obj.iter().map(|m| &m.key).find(|k| k.as_str() != root)
    {
        return Err(malformed(format!(
            "A {ty} document may only contain {root:?} at the top (found {bad:?})."
        )));
    }
    check_node(doc, ty, "", 0)
}

fn check_node(v: &Json, ty: PolicyType, parent_key: &str, depth: usize) -> OrgResult<()> {
    let ai = ty == PolicyType::AiservicesOptOutPolicy;
    match v.as_object() {
        Some(obj) => {
            let mut has_value_op = false;
            let mut has_child = false;
            for Member { key: k, value: child, .. } in obj {
                match k.as_str() {
                    ASSIGN => {
                        has_value_op = true;
                        if ai
                            && parent_key == "opt_out_policy"
                            && !matches!(child.as_str(), Some("optIn" | "optOut"))
                        {
                            return Err(malformed(
                                "An AI services opt-out policy must assign \"optIn\" or \"optOut\".",
                            ));
                        }
                    }
                    APPEND | REMOVE if ai => {
                        return Err(malformed(format!("{k} is not allowed in {ty}; use @@assign.")));
                    }
                    APPEND | REMOVE => {
                        has_value_op = true;
                        if !matches!(child.value, JsonValue::Array(_)) {
                            return Err(malformed(format!("{k} takes an array of values.")));
                        }
                    }
                    CHILD_CONTROL => check_child_control(child, ai)?,
                    op if op.starts_with("@@") => {
                        return Err(malformed(format!("{op:?} is not an inheritance operator.")));
                    }
                    "" => return Err(malformed("Policy keys must not be empty.")),
                    _ => {
                        has_child = true;
                        check_node(child, ty, k, depth + 1)?;
                    }
                }
            }
            if has_value_op && has_child {
                return Err(malformed(format!("Key {parent_key:?} mixes a value operator with child keys.")));
            }
            Ok(())
        }
        // A bare value where AWS expects `{"@@assign": …}` is taken as an implicit assign.
        None if depth == 0 => Err(malformed("A management policy document must be a JSON object.")),
        None => Ok(()),
    }
}

fn check_child_control(v: &Json, ai: bool) -> OrgResult<()> {
    let bad = || {
        malformed(format!(
            "{CHILD_CONTROL} takes [\"{ALL}\"], [\"{NONE}\"] or a list of @@assign, @@append, @@remove."
        ))
    };
    let list = match &v.value {
        JsonValue::Array(l) if !l.is_empty() => l,
        _ => return Err(bad()),
    };
    let mut names = Vec::new();
    for item in list {
        let s = item.as_str().ok_or_else(bad)?;
        let ok = match s {
            ALL | NONE | ASSIGN => true,
            APPEND | REMOVE => !ai,
            _ => false,
        };
        if !ok || names.contains(&s) {
            return Err(bad());
        }
        names.push(s);
    }
    if names.len() > 1 && names.iter().any(|n| matches!(*n, ALL | NONE)) {
        return Err(bad());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use PolicyType::*;

    fn malformed_err(ty: PolicyType, s: &str) -> bool {
        matches!(validate_policy_document(ty, s), Err(e) if e.code == ErrorCode::MalformedPolicyDocumentException)
    }

    #[test]
    fn scp_grammar() {
        let ok = [
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*"}}"#,
            r#"{"Statement":[{"Sid":"A1","Effect":"Allow","NotAction":["iam:*","ec2:Describe*"],"NotResource":"arn:aws:s3:::b/*"}]}"#,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1"]},"BoolIfExists":{"aws:MultiFactorAuthPresent":false}}}]}"#,
        ];
        for d in ok {
            validate_policy_document(ServiceControlPolicy, d).unwrap();
        }
        let bad = [
            "not json",
            "[]",
            r#"{"Version":"2008-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}"#,
            r#"{"Statement":[]}"#,
            r#"{"Version":"2012-10-17"}"#,
            r#"{"Statement":{"Effect":"Maybe","Action":"*","Resource":"*"}}"#,
            r#"{"Statement":{"Action":"*","Resource":"*"}}"#,
            r#"{"Statement":{"Effect":"Deny","Resource":"*"}}"#,
            r#"{"Statement":{"Effect":"Deny","Action":"*","NotAction":"s3:*","Resource":"*"}}"#,
            r#"{"Statement":{"Effect":"Deny","Action":"*"}}"#,
            r#"{"Statement":{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}}"#,
            r#"{"Statement":{"Effect":"Deny","NotPrincipal":{"AWS":"*"},"Action":"*","Resource":"*"}}"#,
            r#"{"Statement":{"Effect":"Deny","Action":"s*3:Get","Resource":"*"}}"#,
            r#"{"Statement":{"Effect":"Deny","Action":"*","Resource":"bucket"}}"#,
            r#"{"Statement":{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringSorta":{"k":"v"}}}}"#,
            r#"{"Statement":{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NullIfExists":{"k":"true"}}}}"#,
            r#"{"Statement":{"Effect":"Deny","Effect":"Allow","Action":"*","Resource":"*"}}"#,
            r#"{"Statement":[{"Sid":"a","Effect":"Deny","Action":"*","Resource":"*"},{"Sid":"a","Effect":"Deny","Action":"*","Resource":"*"}]}"#,
            r#"{"Statement":{"Sid":"has space","Effect":"Deny","Action":"*","Resource":"*"}}"#,
            r#"{"Id":"x","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}"#,
        ];
        for d in bad {
            assert!(malformed_err(ServiceControlPolicy, d), "accepted {d}");
        }
    }

    #[test]
    fn rcp_grammar() {
        let ok = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]}"#;
        validate_policy_document(ResourceControlPolicy, ok).unwrap();
        let bad = [
            // Customer RCPs may not allow (the managed RCPFullAWSAccess content is refused here).
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#,
            r#"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}"#,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"123456789012"},"Action":"s3:*","Resource":"*"}]}"#,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","NotAction":"s3:*","Resource":"*"}]}"#,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":"*","Action":"s3:*","Resource":"*"}]}"#,
        ];
        for d in bad {
            assert!(malformed_err(ResourceControlPolicy, d), "accepted {d}");
        }
    }

    #[test]
    fn management_grammar() {
        let tag = r#"{"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter","@@operators_allowed_for_child_policies":["@@none"]},"tag_value":{"@@append":["a"]},"enforced_for":{"@@remove":["redshift:*"]}}}}"#;
        validate_policy_document(TagPolicy, tag).unwrap();
        let ai = r#"{"services":{"default":{"@@operators_allowed_for_child_policies":["@@none"],"opt_out_policy":{"@@assign":"optOut"}}}}"#;
        validate_policy_document(AiservicesOptOutPolicy, ai).unwrap();
        validate_policy_document(
            ChatbotPolicy,
            r#"{"chatbot":{"platforms":{"slack":{"client":{"@@assign":"enabled"}}}}}"#,
        )
        .unwrap();
        let bad = [
            (TagPolicy, "[]"),
            (TagPolicy, "{}"),
            (TagPolicy, r#"{"tags":{"x":{"@@assing":"y"}}}"#),
            (TagPolicy, r#"{"other":{}}"#),
            (TagPolicy, r#"{"tags":{"x":{"tag_value":{"@@append":"notarray"}}}}"#),
            (TagPolicy, r#"{"tags":{"x":{"@@operators_allowed_for_child_policies":["@@sometimes"]}}}"#),
            (TagPolicy, r#"{"tags":{"x":{"@@operators_allowed_for_child_policies":["@@none","@@assign"]}}}"#),
            (TagPolicy, r#"{"tags":{"x":{"@@assign":"v","child":{"@@assign":"w"}}}}"#),
            (AiservicesOptOutPolicy, r#"{"services":{"lex":{"opt_out_policy":{"@@assign":"maybe"}}}}"#),
            (AiservicesOptOutPolicy, r#"{"services":{"lex":{"opt_out_policy":{"@@append":["optIn"]}}}}"#),
            (BackupPolicy, r#"{"plans":{},"plans":{}}"#),
        ];
        for (ty, d) in bad {
            assert!(malformed_err(ty, d), "accepted {ty} {d}");
        }
    }

    #[test]
    fn size_counts_every_character() {
        let max = PolicyTypeLimits::of(AiservicesOptOutPolicy).max_size;
        let body = r#"{"services":{"default":{"opt_out_policy":{"@@assign":"optOut"}}}}"#;
        let fits = format!("{body}{}", " ".repeat(max - body.len()));
        validate_policy_document(AiservicesOptOutPolicy, &fits).unwrap();
        let over = format!("{fits} ");
        let e = validate_policy_document(AiservicesOptOutPolicy, &over).unwrap_err();
        assert!(e.is(ErrorCode::ConstraintViolationException, Some("POLICY_CONTENT_LIMIT_EXCEEDED")));
    }

    #[test]
    fn deep_nesting_does_not_panic() {
        let deep = format!("{}{}", "[".repeat(4_000), "]".repeat(4_000));
        assert!(malformed_err(TagPolicy, &deep));
        let deep = format!("{}1{}", "{\"a\":".repeat(1_500), "}".repeat(1_500));
        assert!(malformed_err(TagPolicy, &deep));
        assert!(validate_policy_document(TagPolicy, &deep).is_err());
    }
}
