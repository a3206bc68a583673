//! Cost Explorer behind a trait of its own (`CostExplorerBackend`): the one `GetCostAndUsage`
//! the console and `orgtui costs` need (MONTHLY, one metric, grouped by LINKED_ACCOUNT and
//! SERVICE, every page), answered by the engine (`memory`) or the live service (`aws`), and
//! the disk cache that keeps the live service's paid requests to the months not yet known
//! (`cache`, `service`). Read-only: no guard or journal is needed.

pub mod aws;
pub mod cache;
pub mod memory;
pub mod service;

use crate::engine::costs::{CostBuilder, CostData};
use crate::model::AccountId;
use crate::model::costexplorer::*;
use async_trait::async_trait;
use futures_util::future::BoxFuture;
use std::collections::BTreeMap;

pub use service::{CostsService, CostsView};

/// The metric shown unless another is chosen.
pub const DEFAULT_METRIC: &str = "UnblendedCost";

/// What one Cost Explorer request costs (USD).
pub const USD_PER_REQUEST: f64 = 0.01;

/// The months `first..=last` of one metric, by account and service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostQuery {
    pub first: Month,
    pub last: Month,
    /// A metric name as Cost Explorer spells it (`UnblendedCost`, `NetAmortizedCost`, …).
    pub metric: String,
}

/// One month as the service answered it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MonthCosts {
    pub month: Month,
    /// (account id, service, amount).
    pub rows: Vec<(String, String, f64)>,
    /// The month is not closed yet (its figures still change).
    pub estimated: bool,
    /// The number of pages (requests) the month took.
    pub pages: usize,
}

/// Every month of a query, and how many requests it took.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CostPages {
    pub months: Vec<MonthCosts>,
    pub requests: usize,
}

/// Cost Explorer as the console and the CLI use it.
#[async_trait]
pub trait CostExplorerBackend: Send + Sync {
    /// `GetCostAndUsage` over the query's months, MONTHLY, grouped by LINKED_ACCOUNT and
    /// SERVICE, following `NextPageToken` to the end; `progress` hears the pages read so far.
    async fn monthly_costs(
        &self,
        q: &CostQuery,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> CeResult<CostPages>;

    /// Whether each request is billed (the live service): its answers are cached on disk and
    /// it is never called implicitly.
    fn paid(&self) -> bool {
        false
    }

    /// The current month as the service sees it (the months before it are closed).
    fn current_month(&self) -> Month;

    /// The months shown when none are asked for (oldest, newest).
    fn default_months(&self) -> (Month, Month) {
        let now = self.current_month();
        (now.plus(-11), now)
    }
}

/// The request for the query's months (grouped by LINKED_ACCOUNT and SERVICE).
pub fn request(q: &CostQuery, token: Option<String>) -> GetCostAndUsageRequest {
    GetCostAndUsageRequest {
        time_period: Some(DateInterval { start: q.first.first_day(), end: q.last.plus(1).first_day() }),
        granularity: Some("MONTHLY".into()),
        metrics: vec![q.metric.clone()],
        group_by: vec![GroupDefinition::dimension("LINKED_ACCOUNT"), GroupDefinition::dimension("SERVICE")],
        next_page_token: token,
        ..GetCostAndUsageRequest::default()
    }
}

/// One page of answers, however the backend gets it.
pub type PageFn<'a> =
    dyn Fn(GetCostAndUsageRequest) -> BoxFuture<'a, CeResult<GetCostAndUsageResponse>> + Send + Sync + 'a;

/// Reads every page of the query through `page` and sorts the groups into months (a month's
/// groups may span pages; an account or service key missing from a group is skipped).
pub async fn paginate(
    q: &CostQuery,
    progress: &(dyn Fn(usize) + Send + Sync),
    page: &PageFn<'_>,
) -> CeResult<CostPages> {
    let mut months: BTreeMap<Month, MonthCosts> = BTreeMap::new();
    let mut token = None;
    let mut requests = 0;
    loop {
        let resp = page(request(q, token.take())).await?;
        requests += 1;
        progress(requests);
        for r in &resp.results_by_time {
            let Some((m, _)) = Month::of_date(&r.time_period.start) else { continue };
            let entry = months.entry(m).or_insert_with(|| MonthCosts { month: m, ..MonthCosts::default() });
            entry.estimated |= r.estimated;
            entry.pages += 1;
            for g in &r.groups {
                let (Some(account), Some(service)) = (g.keys.first(), g.keys.get(1)) else { continue };
                let amount = g.metrics.get(&q.metric).map_or(0.0, MetricValue::value);
                entry.rows.push((account.clone(), service.clone(), amount));
            }
        }
        match resp.next_page_token {
            Some(t) if !t.is_empty() => token = Some(t),
            _ => break,
        }
    }
    Ok(CostPages { months: months.into_values().collect(), requests })
}

/// The engine's cost table of some months (what the roll-up and page 8 read); rows whose
/// account is not an account id are left out.
pub fn to_cost_data<'a>(months: impl IntoIterator<Item = &'a MonthCosts>) -> CostData {
    let mut b = CostBuilder::new();
    for m in months {
        for (account, service, amount) in &m.rows {
            if let Ok(id) = AccountId::parse(account) {
                b.add(m.month, &id, service, *amount);
            }
        }
    }
    b.finish()
}
