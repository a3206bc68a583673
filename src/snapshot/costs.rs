//! The snapshot's `costExplorer` section ⇄ the engine's billing data. Rows written by earlier
//! versions under `extras.costs` are read too (and added to the section's); saving writes the
//! section only.

use super::SnapshotError;
use super::format::{FileCostExplorer, SnapshotFile};
use crate::engine::costs::{CostBuilder, CostData};
use crate::model::AccountId;
use crate::model::costexplorer::Month;
use std::collections::BTreeMap;

type Res<T> = Result<T, SnapshotError>;

fn err<T>(path: String, message: impl Into<String>) -> Res<T> {
    Err(SnapshotError { path, message: message.into() })
}

fn account(path: String, id: &str) -> Res<AccountId> {
    AccountId::parse(id).or_else(|e| err(path, e.message))
}

fn amount(path: String, v: f64) -> Res<f64> {
    if v.is_finite() { Ok(v) } else { err(path, "an amount must be a finite number") }
}

/// Reads the section (and the legacy `extras.costs` rows), checking every month, account id
/// and array length.
pub fn costs_from(f: &SnapshotFile) -> Res<CostData> {
    let mut b = CostBuilder::new();
    if let Some(c) = &f.cost_explorer {
        let mut months = Vec::with_capacity(c.months.len());
        for (i, m) in c.months.iter().enumerate() {
            let path = format!("$.costExplorer.months[{i}]");
            let Some(m) = Month::parse(m) else {
                return err(path, format!("{m:?} is not a month like 2026-01"));
            };
            if months.last().is_some_and(|last| *last >= m) {
                return err(path, "months must be in increasing order");
            }
            months.push(m);
        }
        for (id, services) in &c.accounts {
            let a = account(format!("$.costExplorer.accounts.{id}"), id)?;
            let a = b.account(&a);
            for (service, amounts) in services {
                let path = format!("$.costExplorer.accounts.{id}.{service}");
                if amounts.len() != months.len() {
                    return err(path, format!("expected {} amounts, one per month", months.len()));
                }
                let s = b.service(service);
                for (i, v) in amounts.iter().enumerate() {
                    if let Some(v) = v {
                        b.push(months[i], a, s, amount(format!("{path}[{i}]"), *v)?);
                    }
                }
            }
        }
    }
    for (i, row) in f.extras.costs.iter().enumerate() {
        let path = format!("$.extras.costs[{i}]");
        let Some(m) = Month::parse(&row.month) else {
            return err(format!("{path}.month"), format!("{:?} is not a month like 2026-01", row.month));
        };
        let a = account(format!("{path}.accountId"), &row.account_id)?;
        b.add(m, &a, &row.service, amount(format!("{path}.amountUsd"), row.amount_usd)?);
    }
    Ok(b.finish())
}

/// The section for the data (`None` when there is none).
pub fn costs_to(c: &CostData) -> Option<FileCostExplorer> {
    if c.is_empty() {
        return None;
    }
    let months = c.months();
    let mut accounts: BTreeMap<String, BTreeMap<String, Vec<Option<f64>>>> = BTreeMap::new();
    for (m, a, s, v) in c.rows() {
        let i = c.month_index(m).unwrap_or(0);
        let row = accounts.entry(a.to_string()).or_default().entry(s.to_string());
        row.or_insert_with(|| vec![None; months.len()])[i] = Some(v);
    }
    Some(FileCostExplorer { months: months.iter().map(Month::to_string).collect(), accounts })
}
