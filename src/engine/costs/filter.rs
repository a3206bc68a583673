//! `GetCostAndUsage`'s `Filter`: the expression checked as the service checks it (one root per
//! object, `And`/`Or` with at least two operands, the dimensions and match options it admits)
//! and evaluated against one (account, service) cell of the billing data.

use crate::model::costexplorer::{CeError, CeResult, DimensionValues, Expression};

/// Every value of the service's `Dimension` enumeration.
const DIMENSIONS: &[&str] = &[
    "AZ",
    "INSTANCE_TYPE",
    "LINKED_ACCOUNT",
    "PAYER_ACCOUNT",
    "LINKED_ACCOUNT_NAME",
    "OPERATION",
    "PURCHASE_TYPE",
    "REGION",
    "SERVICE",
    "SERVICE_CODE",
    "USAGE_TYPE",
    "USAGE_TYPE_GROUP",
    "RECORD_TYPE",
    "OPERATING_SYSTEM",
    "TENANCY",
    "SCOPE",
    "PLATFORM",
    "SUBSCRIPTION_ID",
    "LEGAL_ENTITY_NAME",
    "DEPLOYMENT_OPTION",
    "DATABASE_ENGINE",
    "CACHE_ENGINE",
    "INSTANCE_TYPE_FAMILY",
    "BILLING_ENTITY",
    "RESERVATION_ID",
    "RESOURCE_ID",
    "RIGHTSIZING_TYPE",
    "SAVINGS_PLANS_TYPE",
    "SAVINGS_PLAN_ARN",
    "PAYMENT_OPTION",
    "AGREEMENT_END_DATE_TIME_AFTER",
    "AGREEMENT_END_DATE_TIME_BEFORE",
    "INVOICING_ENTITY",
    "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
    "ANOMALY_TOTAL_IMPACT_PERCENTAGE",
];

/// Dimensions `GetCostAndUsage` refuses in a filter (they belong to other operations).
const NOT_ALLOWED: &[&str] = &["RESOURCE_ID", "LINKED_ACCOUNT_NAME", "SERVICE_CODE"];

/// Every value of the service's `MatchOption` enumeration.
const MATCH_OPTIONS: &[&str] = &[
    "EQUALS",
    "ABSENT",
    "STARTS_WITH",
    "ENDS_WITH",
    "CONTAINS",
    "CASE_SENSITIVE",
    "CASE_INSENSITIVE",
    "GREATER_THAN_OR_EQUAL",
];

/// Checks a filter expression; the error is the service's `ValidationException`.
pub fn validate(e: &Expression) -> CeResult<()> {
    let roots = [e.and.is_some(), e.or.is_some(), e.not.is_some()]
        .into_iter()
        .chain([e.dimensions.is_some(), e.tags.is_some(), e.cost_categories.is_some()])
        .filter(|r| *r)
        .count();
    if roots > 1 {
        return Err(CeError::validation(
            "Expression has more than one roots. Only one root operator is allowed for each expression: \
             And, Or, Not, Dimensions, Tags, CostCategories",
        ));
    }
    if roots == 0 {
        return Err(CeError::validation(
            "Expression has no root. One root operator is required for each expression: \
             And, Or, Not, Dimensions, Tags, CostCategories",
        ));
    }
    for (name, list) in [("And", &e.and), ("Or", &e.or)] {
        if let Some(list) = list {
            if list.len() < 2 {
                return Err(CeError::validation(format!("{name} expression must have at least 2 operands")));
            }
            list.iter().try_for_each(validate)?;
        }
    }
    if let Some(inner) = &e.not {
        validate(inner)?;
    }
    if let Some(d) = &e.dimensions {
        validate_dimension(d)?;
    }
    for (what, v) in [("Tags", &e.tags), ("CostCategories", &e.cost_categories)] {
        if let Some(v) = v {
            if v.key.as_deref().unwrap_or("").is_empty() {
                return Err(CeError::validation(format!("{what} expression must have a non-empty Key")));
            }
            check_match_options(what, v, &["EQUALS", "ABSENT", "CASE_SENSITIVE"])?;
        }
    }
    Ok(())
}

fn validate_dimension(d: &DimensionValues) -> CeResult<()> {
    let key = d.key.as_deref().unwrap_or("");
    if !DIMENSIONS.contains(&key) {
        return Err(CeError::validation(format!(
            "1 validation error detected: Value '{key}' at 'filter.dimensions.key' failed to satisfy \
             constraint: Member must satisfy enum value set: [{}]",
            DIMENSIONS.join(", ")
        )));
    }
    if NOT_ALLOWED.contains(&key) {
        return Err(CeError::validation(format!("Dimension {key} is not allowed.")));
    }
    if key != "LINKED_ACCOUNT" && key != "SERVICE" {
        return Err(CeError::validation(format!(
            "Dimension {key} is not supported by this endpoint: its billing data is kept per \
             LINKED_ACCOUNT and SERVICE only."
        )));
    }
    check_match_options("Dimensions", d, &["EQUALS", "CASE_SENSITIVE"])
}

fn check_match_options(what: &str, v: &DimensionValues, allowed: &[&str]) -> CeResult<()> {
    for o in v.match_options.iter().flatten() {
        if !MATCH_OPTIONS.contains(&o.as_str()) {
            return Err(CeError::validation(format!(
                "1 validation error detected: Value '{o}' at 'filter.{}.matchOptions' failed to satisfy \
                 constraint: Member must satisfy enum value set: [{}]",
                lower_first(what),
                MATCH_OPTIONS.join(", ")
            )));
        }
        if !allowed.contains(&o.as_str()) {
            return Err(CeError::validation(format!(
                "MatchOption {o} is not supported for {what} in GetCostAndUsage. Supported match options: {}",
                allowed.join(", ")
            )));
        }
    }
    Ok(())
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_ascii_lowercase().to_string() + c.as_str()).unwrap_or_default()
}

/// Whether a checked expression admits the cell of `account` and `service`. The data has no
/// tags and no cost categories: every cell is untagged (matched by `ABSENT` or the value `""`).
pub fn matches(e: &Expression, account: &str, service: &str) -> bool {
    if let Some(list) = &e.and {
        return list.iter().all(|x| matches(x, account, service));
    }
    if let Some(list) = &e.or {
        return list.iter().any(|x| matches(x, account, service));
    }
    if let Some(inner) = &e.not {
        return !matches(inner, account, service);
    }
    if let Some(d) = &e.dimensions {
        let value = if d.key.as_deref() == Some("LINKED_ACCOUNT") { account } else { service };
        return d.values.iter().any(|v| v == value);
    }
    let untagged = |v: &DimensionValues| {
        v.match_options.iter().flatten().any(|o| o == "ABSENT") || v.values.iter().any(String::is_empty)
    };
    e.tags.as_ref().or(e.cost_categories.as_ref()).is_some_and(untagged)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn and(v: Vec<Expression>) -> Expression {
        Expression { and: Some(v), ..Expression::default() }
    }

    #[test]
    fn and_or_not_combine_dimension_matches() {
        let acct = Expression::dimension("LINKED_ACCOUNT", &["111111111111", "222222222222"]);
        let s3 = Expression::dimension("SERVICE", &["Amazon Simple Storage Service"]);
        let not_s3 = Expression { not: Some(Box::new(s3.clone())), ..Expression::default() };
        let e = and(vec![acct.clone(), not_s3]);
        validate(&e).unwrap();
        assert!(matches(&e, "111111111111", "AWS Config"));
        assert!(!matches(&e, "111111111111", "Amazon Simple Storage Service"));
        assert!(!matches(&e, "333333333333", "AWS Config"));
        let or = Expression { or: Some(vec![acct, s3]), ..Expression::default() };
        assert!(matches(&or, "333333333333", "Amazon Simple Storage Service"));
        assert!(!matches(&or, "333333333333", "AWS Config"));
    }

    #[test]
    fn malformed_expressions_get_the_service_wording() {
        let two_roots = Expression {
            dimensions: Expression::dimension("SERVICE", &["x"]).dimensions,
            not: Some(Box::new(Expression::dimension("SERVICE", &["y"]))),
            ..Expression::default()
        };
        assert!(validate(&two_roots).unwrap_err().message.starts_with("Expression has more than one roots."));
        let one = and(vec![Expression::dimension("SERVICE", &["x"])]);
        assert_eq!(validate(&one).unwrap_err().message, "And expression must have at least 2 operands");
        let rid = Expression::dimension("RESOURCE_ID", &["i-1"]);
        assert_eq!(validate(&rid).unwrap_err().message, "Dimension RESOURCE_ID is not allowed.");
        let bad = Expression::dimension("NOPE", &["x"]);
        assert!(validate(&bad).unwrap_err().message.contains("Member must satisfy enum value set"));
        let mut starts = Expression::dimension("SERVICE", &["Amazon"]);
        starts.dimensions.as_mut().unwrap().match_options = Some(vec!["STARTS_WITH".into()]);
        assert!(
            validate(&starts).unwrap_err().message.starts_with("MatchOption STARTS_WITH is not supported")
        );
        assert!(validate(&Expression::default()).is_err());
    }

    #[test]
    fn tags_match_only_untagged() {
        let tag = |opts: Option<Vec<String>>, values: Vec<String>| Expression {
            tags: Some(DimensionValues { key: Some("team".into()), values, match_options: opts }),
            ..Expression::default()
        };
        assert!(matches(&tag(Some(vec!["ABSENT".into()]), vec![]), "1", "s"));
        assert!(!matches(&tag(None, vec!["web".into()]), "1", "s"));
    }
}
