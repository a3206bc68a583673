//! Billing data and roll-up: the sample's twelve months, OU = subtree sum, month-over-month
//! change, service breakdown, series and movers; the snapshot section loads both ways (the
//! earlier `extras.costs` rows and the `costExplorer` section) and saves back identically;
//! `generate` produces 12 months × 15 services per account.

use orgtui::engine::costs::{NodeKind, Rollup};
use orgtui::model::costexplorer::Month;
use orgtui::snapshot;
use std::sync::Arc;

fn sample_rollup() -> Rollup {
    let e = snapshot::sample_engine().unwrap();
    Rollup::new(e.state().costs.clone(), &e.to_snapshot())
}

fn month(s: &str) -> Month {
    Month::parse(s).unwrap()
}

#[test]
fn ous_are_the_sum_of_their_subtree_and_the_root_is_the_organization() {
    let r = sample_rollup();
    let m = r.latest_month().unwrap();
    assert_eq!(m, month("2026-10"));
    let totals = r.totals(m).unwrap();
    for (i, n) in r.nodes().iter().enumerate() {
        if n.kind == NodeKind::Account {
            continue;
        }
        let kids: f64 =
            r.nodes().iter().filter(|c| c.parent == Some(i)).map(|c| totals[r.find(&c.id).unwrap()]).sum();
        assert!((kids - totals[i]).abs() < 1e-6, "{} = sum of its children", n.name);
    }
    let all: f64 = r.data().rows().filter(|row| row.0 == m).map(|row| row.3).sum();
    assert!((totals[0] - all).abs() < 1e-6, "root = every member's cost");
    let by_service: f64 = r.breakdown(0, m).iter().map(|(_, v)| v).sum();
    assert!((by_service - all).abs() < 1e-6);
}

#[test]
fn sample_has_the_shapes_of_a_real_bill() {
    let r = sample_rollup();
    let node = |name: &str| r.nodes().iter().position(|n| n.name == name).unwrap();
    // Growing analytics.
    let analytics = r.series(node("Analytics"), month("2026-10"), 12);
    assert_eq!(analytics.len(), 12);
    assert!(analytics[11].1 > analytics[0].1 * 1.5, "{analytics:?}");
    // One spike: the sandbox that forgot its GPU fleet, and it is the top mover twice.
    let dave = node("sandbox-dave");
    assert!(r.change(dave, month("2026-09")).unwrap().amount > 5000.0);
    assert!(r.change(dave, month("2026-10")).unwrap().amount < -5000.0);
    assert_eq!(r.top_movers(month("2026-10"), 3)[0].0, dave);
    // Closed accounts go to zero.
    assert_eq!(r.cost(node("legacy-reporting"), month("2026-10")), 0.0);
    assert!(r.cost(node("legacy-crm-prod"), month("2026-01")) > 1000.0);
    // A credit as a negative line.
    let bookly = r.breakdown(node("bookly-prod"), month("2026-09"));
    assert!(bookly.iter().any(|(s, v)| s == "AWS Credits" && *v < 0.0), "{bookly:?}");
    // Percent change is relative to the previous month.
    let c = r.change(0, month("2026-10")).unwrap();
    let before = r.cost(0, month("2026-09"));
    assert!((c.percent.unwrap() - c.amount / before * 100.0).abs() < 1e-9);
}

#[test]
fn earlier_extras_costs_still_load_and_save_into_the_section() {
    let mut v: serde_json::Value = serde_json::from_str(snapshot::SAMPLE_ORG).unwrap();
    v.as_object_mut().unwrap().remove("costExplorer");
    v["extras"]["costs"] = serde_json::json!([
        {"accountId": "111111111111", "month": "2026-08", "service": "AWSConfig", "amountUsd": 42.5},
        {"accountId": "111111111111", "month": "2026-09", "service": "AWSConfig", "amountUsd": 40.25},
        {"accountId": "111111111111", "month": "2026-09", "service": "AWSConfig", "amountUsd": 1.0}
    ]);
    let loaded = snapshot::load_str(&v.to_string()).unwrap();
    let c = &loaded.state.costs;
    assert_eq!(c.months(), &[month("2026-08"), month("2026-09")]);
    assert_eq!(c.len(), 2, "duplicate rows add up");
    assert!(loaded.extras.costs.is_empty());
    let text = snapshot::to_json(&loaded.state, &loaded.extras, orgtui::model::Timestamp(0));
    assert!(text.contains("\"costExplorer\"") && !text.contains("amountUsd"));
    let again = snapshot::load_str(&text).unwrap();
    assert_eq!(again.state, loaded.state);
}

#[test]
fn the_section_round_trips_and_bad_values_are_located() {
    let org = snapshot::sample().unwrap();
    let text = snapshot::to_json(&org.state, &org.extras, orgtui::model::Timestamp(0));
    assert_eq!(snapshot::load_str(&text).unwrap().state, org.state);
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["costExplorer"]["accounts"]["111111111111"]["AWS Config"] = serde_json::json!([1.0]);
    let e = snapshot::load_str(&v.to_string()).unwrap_err();
    assert_eq!(e.path, "$.costExplorer.accounts.111111111111.AWS Config");
    v["costExplorer"]["months"][0] = "2026-1".into();
    assert_eq!(snapshot::load_str(&v.to_string()).unwrap_err().path, "$.costExplorer.months[0]");
}

#[test]
fn generate_produces_twelve_months_of_fifteen_services_deterministically() {
    let a = snapshot::generate::generate(60, 10, 3).unwrap();
    let b = snapshot::generate::generate(60, 10, 3).unwrap();
    assert_eq!(a.costs, b.costs);
    assert_eq!(a.costs.months().len(), 12);
    assert!(a.costs.services().len() >= 15);
    let first = a.costs.accounts()[0].clone();
    let m = a.costs.month_index(a.costs.months()[0]).unwrap();
    let i = a.costs.account_index(first.as_str()).unwrap();
    assert!(a.costs.cells(m, i).count() >= 15 || a.costs.cells(m, i).count() == 0);
    let r = Rollup::new(
        Arc::clone(&a.costs),
        &orgtui::engine::Engine::from_state(
            a.clone(),
            Box::new(orgtui::engine::ManualClock::new(orgtui::model::Timestamp(0))),
            1,
        )
        .unwrap()
        .to_snapshot(),
    );
    assert!(r.cost(0, *a.costs.months().last().unwrap()) > 0.0);
}
