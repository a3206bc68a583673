//! `GetCostAndUsage` in the engine (`engine::costs::get_cost_and_usage`): buckets, metrics,
//! grouping, scoping to one account, pagination and the service's errors, on a small data set.

use orgtui::engine::costs::{CostBuilder, CostData, CostScope, PAGE_GROUPS, get_cost_and_usage};
use orgtui::model::AccountId;
use orgtui::model::costexplorer::*;

fn id(s: &str) -> AccountId {
    AccountId::parse(s).unwrap()
}

fn data() -> CostData {
    let mut b = CostBuilder::new();
    let (sep, oct) = (Month::parse("2026-09").unwrap(), Month::parse("2026-10").unwrap());
    b.add(sep, &id("111111111111"), "AWS Config", 30.0);
    b.add(oct, &id("111111111111"), "AWS Config", 62.0);
    b.add(oct, &id("111111111111"), "Amazon Simple Storage Service", 10.0);
    b.add(oct, &id("222222222222"), "Amazon Simple Storage Service", 5.5);
    b.finish()
}

fn name(id: &str) -> Option<String> {
    (id == "111111111111").then(|| "prod".to_string())
}

fn scope() -> CostScope<'static> {
    CostScope { now: Month::parse("2026-11").unwrap(), only: None, name: &name }
}

fn req(start: &str, end: &str, group: &[&str]) -> GetCostAndUsageRequest {
    GetCostAndUsageRequest {
        time_period: Some(DateInterval { start: start.into(), end: end.into() }),
        granularity: Some("MONTHLY".into()),
        metrics: vec!["UnblendedCost".into(), "USAGE_QUANTITY".into()],
        group_by: group.iter().map(|k| GroupDefinition::dimension(k)).collect(),
        ..Default::default()
    }
}

fn message(r: GetCostAndUsageRequest) -> String {
    let e = get_cost_and_usage(&data(), &scope(), &r).unwrap_err();
    assert_eq!(e.code, CeErrorCode::ValidationException, "{e}");
    e.message
}

#[test]
fn months_are_clipped_buckets_with_totals_and_a_partial_share() {
    let r = get_cost_and_usage(&data(), &scope(), &req("2026-09-16", "2026-11-01", &[])).unwrap();
    assert_eq!(r.results_by_time.len(), 2);
    let sep = &r.results_by_time[0];
    assert_eq!((sep.time_period.start.as_str(), sep.time_period.end.as_str()), ("2026-09-16", "2026-10-01"));
    assert_eq!(sep.total["UnblendedCost"].amount, "15", "15 of 30 days");
    let oct = &r.results_by_time[1];
    assert_eq!(oct.total["UnblendedCost"].amount, "77.5");
    assert_eq!(oct.total["USAGE_QUANTITY"], MetricValue { amount: "0".into(), unit: "N/A".into() });
    assert!(oct.groups.is_empty() && !oct.estimated);
    let now = get_cost_and_usage(&data(), &scope(), &req("2026-11-01", "2026-12-01", &[])).unwrap();
    assert!(now.results_by_time[0].estimated);
}

#[test]
fn grouping_names_accounts_and_a_member_sees_only_itself() {
    let r = get_cost_and_usage(
        &data(),
        &scope(),
        &req("2026-10-01", "2026-11-01", &["LINKED_ACCOUNT", "SERVICE"]),
    )
    .unwrap();
    let keys: Vec<_> = r.results_by_time[0].groups.iter().map(|g| g.keys.join("/")).collect();
    assert_eq!(
        keys,
        [
            "111111111111/AWS Config",
            "111111111111/Amazon Simple Storage Service",
            "222222222222/Amazon Simple Storage Service"
        ]
    );
    assert!(r.results_by_time[0].total.is_empty());
    assert_eq!(r.dimension_value_attributes[0].attributes["description"], "prod");
    assert!(r.dimension_value_attributes[1].attributes.is_empty());
    let member = id("222222222222");
    let only = CostScope { only: Some(&member), ..scope() };
    let r = get_cost_and_usage(&data(), &only, &req("2026-10-01", "2026-11-01", &["SERVICE"])).unwrap();
    assert_eq!(r.results_by_time[0].groups.len(), 1);
    assert_eq!(r.results_by_time[0].groups[0].metrics["UnblendedCost"].amount, "5.5");
}

#[test]
fn pages_cover_every_group_once_and_tokens_are_bound_to_the_request() {
    let mut b = CostBuilder::new();
    let oct = Month::parse("2026-10").unwrap();
    for i in 0..(PAGE_GROUPS + 7) {
        b.add(oct, &id(&format!("{:012}", 100_000_000_000u64 + i as u64)), "AWS Config", 1.0);
    }
    let data = b.finish();
    let mut r = req("2026-10-01", "2026-11-01", &["LINKED_ACCOUNT"]);
    let first = get_cost_and_usage(&data, &scope(), &r).unwrap();
    assert_eq!(first.results_by_time[0].groups.len(), PAGE_GROUPS);
    r.next_page_token = first.next_page_token.clone();
    let second = get_cost_and_usage(&data, &scope(), &r).unwrap();
    assert_eq!(second.results_by_time[0].groups.len(), 7);
    assert!(second.next_page_token.is_none());
    r.metrics = vec!["BlendedCost".into()];
    let e = get_cost_and_usage(&data, &scope(), &r).unwrap_err();
    assert_eq!(e.code, CeErrorCode::RequestChangedException);
    r.next_page_token = Some("nonsense".into());
    assert_eq!(
        get_cost_and_usage(&data, &scope(), &r).unwrap_err().code,
        CeErrorCode::InvalidNextTokenException
    );
}

#[test]
fn invalid_requests_get_the_service_wording() {
    let base = || req("2026-10-01", "2026-11-01", &[]);
    assert_eq!(
        message(req("2026-10-01", "2026-10-01", &[])),
        "Start date (and hour) should be before end date (and hour)"
    );
    assert_eq!(message(req("2026-10-01", "2027-01-01", &[])), "end date past the beginning of next month");
    assert!(
        message(req("2025-01-15", "2025-03-01", &[]))
            .starts_with("To retrieve data beyond the past 14 months")
    );
    assert!(message(req("2026-10-1", "2026-11-01", &[])).contains("failed to satisfy constraint"));
    assert!(
        message(GetCostAndUsageRequest { time_period: None, ..base() })
            .contains("Value null at 'timePeriod'")
    );
    assert!(
        message(GetCostAndUsageRequest { granularity: Some("DAILY".into()), ..base() }).contains("DAILY")
    );
    assert!(
        message(GetCostAndUsageRequest { granularity: Some("WEEKLY".into()), ..base() })
            .contains("[DAILY, MONTHLY, HOURLY]")
    );
    assert!(
        message(GetCostAndUsageRequest { metrics: vec!["Cost".into()], ..base() }).starts_with("Metric Cost")
    );
    assert!(message(GetCostAndUsageRequest { metrics: vec![], ..base() }).contains("'metrics'"));
    assert!(
        message(req("2026-10-01", "2026-11-01", &["SERVICE", "LINKED_ACCOUNT", "SERVICE"])).contains("two")
    );
    assert_eq!(
        message(req("2026-10-01", "2026-11-01", &["RESOURCE_ID"])),
        format!("Group Definition dimension is invalid. Valid values are {}", GROUP_BY_DIMENSIONS.join(", "))
    );
    let bad_type = GetCostAndUsageRequest {
        group_by: vec![GroupDefinition { r#type: Some("OTHER".into()), key: Some("X".into()) }],
        ..base()
    };
    assert_eq!(message(bad_type), "Group Definition type is invalid.");
    let filter =
        Expression { and: Some(vec![Expression::dimension("SERVICE", &["x"])]), ..Default::default() };
    assert_eq!(
        message(GetCostAndUsageRequest { filter: Some(filter), ..base() }),
        "And expression must have at least 2 operands"
    );
}
