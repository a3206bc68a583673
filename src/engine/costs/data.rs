//! The billing data: monthly cost per account × service, stored per month as a compressed
//! table (one row range per account) over interned account and service ids, so a month's
//! totals are one pass over contiguous memory and a million rows cost tens of megabytes.

use crate::model::AccountId;
use crate::model::costexplorer::Month;
use std::collections::HashMap;

/// Monthly unblended cost (USD) per account and service. Canonical: months, accounts and
/// services sorted, one cell per (month, account, service), so equal data compares equal.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CostData {
    months: Vec<Month>,
    accounts: Vec<AccountId>,
    services: Vec<String>,
    tables: Vec<MonthTable>,
}

/// One month: for account `a`, its cells are `services[offsets[a]..offsets[a + 1]]`.
#[derive(Debug, Clone, Default, PartialEq)]
struct MonthTable {
    offsets: Vec<u32>,
    services: Vec<u16>,
    amounts: Vec<f64>,
}

impl CostData {
    /// Whether there is no data at all.
    pub fn is_empty(&self) -> bool {
        self.months.is_empty()
    }

    /// The months with data, oldest first.
    pub fn months(&self) -> &[Month] {
        &self.months
    }

    /// Every account with data, by id (index = interned id).
    pub fn accounts(&self) -> &[AccountId] {
        &self.accounts
    }

    /// Every service with data, by name (index = interned id).
    pub fn services(&self) -> &[String] {
        &self.services
    }

    /// The interned id of an account.
    pub fn account_index(&self, id: &str) -> Option<usize> {
        self.accounts.binary_search_by(|a| a.as_str().cmp(id)).ok()
    }

    /// The position of a month in `months()`.
    pub fn month_index(&self, m: Month) -> Option<usize> {
        self.months.binary_search(&m).ok()
    }

    /// Number of cells (rows) in all months.
    pub fn len(&self) -> usize {
        self.tables.iter().map(|t| t.amounts.len()).sum()
    }

    /// The cells of one account in one month: (service id, amount).
    pub fn cells(&self, month: usize, account: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let t = &self.tables[month];
        let (a, b) = (t.offsets[account] as usize, t.offsets[account + 1] as usize);
        t.services[a..b].iter().zip(&t.amounts[a..b]).map(|(s, v)| (*s as usize, *v))
    }

    /// Every account's total of one month (index = account id): one pass over the month.
    pub fn account_totals(&self, month: usize) -> Vec<f64> {
        let t = &self.tables[month];
        t.offsets.windows(2).map(|w| t.amounts[w[0] as usize..w[1] as usize].iter().sum()).collect()
    }

    /// Every row: (month, account, service, amount), by month, account, service.
    pub fn rows(&self) -> impl Iterator<Item = (Month, &AccountId, &str, f64)> + '_ {
        self.months.iter().zip(&self.tables).flat_map(move |(m, t)| {
            t.offsets.windows(2).enumerate().flat_map(move |(a, w)| {
                (w[0] as usize..w[1] as usize).map(move |i| {
                    (*m, &self.accounts[a], self.services[t.services[i] as usize].as_str(), t.amounts[i])
                })
            })
        })
    }
}

/// Builds [`CostData`] from rows in any order (duplicates add up), interning as it goes.
#[derive(Debug, Default)]
pub struct CostBuilder {
    accounts: Vec<AccountId>,
    account_ids: HashMap<AccountId, u32>,
    services: Vec<String>,
    service_ids: HashMap<String, u16>,
    rows: Vec<(Month, u32, u16, f64)>,
}

impl CostBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        CostBuilder::default()
    }

    /// The interned id of an account (added if new).
    pub fn account(&mut self, id: &AccountId) -> u32 {
        if let Some(i) = self.account_ids.get(id) {
            return *i;
        }
        let i = self.accounts.len() as u32;
        self.accounts.push(id.clone());
        self.account_ids.insert(id.clone(), i);
        i
    }

    /// The interned id of a service (added if new; at most 65,536 services).
    pub fn service(&mut self, name: &str) -> u16 {
        if let Some(i) = self.service_ids.get(name) {
            return *i;
        }
        let i = self.services.len().min(u16::MAX as usize) as u16;
        self.services.push(name.to_string());
        self.service_ids.insert(name.to_string(), i);
        i
    }

    /// Adds one row by interned ids.
    pub fn push(&mut self, month: Month, account: u32, service: u16, amount: f64) {
        self.rows.push((month, account, service, amount));
    }

    /// Adds one row by names.
    pub fn add(&mut self, month: Month, account: &AccountId, service: &str, amount: f64) {
        let (a, s) = (self.account(account), self.service(service));
        self.push(month, a, s, amount);
    }

    /// The canonical data.
    pub fn finish(self) -> CostData {
        let CostBuilder { accounts, services, mut rows, .. } = self;
        let remap = |n: usize, key: &dyn Fn(usize, usize) -> std::cmp::Ordering| {
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by(|a, b| key(*a, *b));
            let mut to = vec![0u32; n];
            for (new, old) in order.iter().enumerate() {
                to[*old] = new as u32;
            }
            (order, to)
        };
        let (acc_order, acc_to) = remap(accounts.len(), &|a, b| accounts[a].cmp(&accounts[b]));
        let (svc_order, svc_to) = remap(services.len(), &|a, b| services[a].cmp(&services[b]));
        for r in &mut rows {
            r.1 = acc_to[r.1 as usize];
            r.2 = svc_to[r.2 as usize] as u16;
        }
        rows.sort_unstable_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
        let accounts: Vec<AccountId> = acc_order.iter().map(|i| accounts[*i].clone()).collect();
        let services: Vec<String> = svc_order.iter().map(|i| services[*i].clone()).collect();
        let mut months = Vec::new();
        let mut tables: Vec<MonthTable> = Vec::new();
        let mut last: Option<(Month, u32, u16)> = None;
        for (m, a, s, v) in rows {
            if months.last() != Some(&m) {
                months.push(m);
                tables.push(MonthTable { offsets: vec![0; accounts.len() + 1], ..MonthTable::default() });
            }
            let t = tables.last_mut().expect("a table per month");
            if last == Some((m, a, s)) {
                *t.amounts.last_mut().expect("the previous cell") += v;
                continue;
            }
            last = Some((m, a, s));
            t.offsets[a as usize + 1] += 1;
            t.services.push(s);
            t.amounts.push(v);
        }
        for t in &mut tables {
            for i in 1..t.offsets.len() {
                t.offsets[i] += t.offsets[i - 1];
            }
        }
        CostData { months, accounts, services, tables }
    }
}
