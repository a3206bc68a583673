//! Billing data for generated organizations: twelve months of ~15 services per account with
//! the shapes real bills have (steady production, growing data teams, small sandboxes, a spike,
//! closed accounts going to zero, a credit), reproducible from the seed.

use crate::engine::EngineState;
use crate::engine::costs::{CostBuilder, CostData};
use crate::model::AccountState;
use crate::model::costexplorer::Month;

/// The services every generated account uses, with a base monthly cost (USD) for production.
const SERVICES: &[(&str, f64)] = &[
    ("Amazon Elastic Compute Cloud - Compute", 2400.0),
    ("EC2 - Other", 380.0),
    ("Amazon Simple Storage Service", 420.0),
    ("Amazon Relational Database Service", 1250.0),
    ("Amazon DynamoDB", 210.0),
    ("AWS Lambda", 95.0),
    ("Amazon CloudWatch", 160.0),
    ("Amazon Virtual Private Cloud", 140.0),
    ("AWS Key Management Service", 24.0),
    ("Amazon Route 53", 12.0),
    ("AWS CloudTrail", 18.0),
    ("AWS Config", 35.0),
    ("Amazon GuardDuty", 46.0),
    ("Amazon Elastic Container Service", 520.0),
    ("Amazon Athena", 60.0),
];

/// The months generated: the twelve of 2024.
pub fn months() -> Vec<Month> {
    (1..=12).filter_map(|m| Month::new(2024, m)).collect()
}

fn cents(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Twelve months × 15 services for every member account of `state`.
pub fn generate_costs(state: &EngineState, seed: u64) -> CostData {
    let mut rng = fastrand::Rng::with_seed(seed ^ 0xc057_c057);
    let months = months();
    let mut b = CostBuilder::new();
    let services: Vec<u16> = SERVICES.iter().map(|(s, _)| b.service(s)).collect();
    let credit = b.service("AWS Credits");
    for (n, acc) in state.accounts.values().enumerate() {
        if matches!(acc.membership, crate::engine::Membership::Standalone) {
            continue;
        }
        let a = b.account(&acc.id);
        let name = acc.name.as_str();
        let scale = if name.contains("-prod") {
            1.0
        } else if name.contains("-staging") {
            0.3
        } else if name.contains("-sandbox") {
            0.03
        } else {
            0.12
        } * (0.5 + rng.f64());
        let growth: f64 =
            if ["etl", "ml", "stream", "batch"].iter().any(|t| name.starts_with(t)) { 0.06 } else { 0.005 };
        // Closed accounts go to zero a few months before the end.
        let last = if acc.state == AccountState::Active { 12 } else { 6 + rng.usize(..5) };
        let spike = (n % 97 == 13).then(|| rng.usize(..12));
        for (i, m) in months.iter().enumerate().take(last) {
            let trend = scale * (1.0 + growth).powi(i as i32);
            for (k, (_, base)) in SERVICES.iter().enumerate() {
                let mut v = base * trend * (0.9 + 0.2 * rng.f64());
                if k == 0 && spike == Some(i) {
                    v *= 4.0;
                }
                b.push(*m, a, services[k], cents(v));
            }
            if n % 211 == 7 && i == 11 {
                b.push(*m, a, credit, cents(-300.0 * scale));
            }
        }
    }
    b.finish()
}
