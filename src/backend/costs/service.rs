//! Cost Explorer with the cache in front: what the console and `orgtui costs` ask for. A free
//! backend (the engine) is simply asked; a paid one (the live service) is read from the disk
//! cache, and only a refresh makes requests, one per month to fetch (plus further pages):
//! closed months missing from the cache, and the current month when asked (or not cached).

use super::cache::CostCache;
use super::{CostExplorerBackend, CostQuery, MonthCosts, to_cost_data};
use crate::engine::costs::CostData;
use crate::model::Timestamp;
use crate::model::costexplorer::{CeResult, Month};
use std::sync::Arc;

/// A Cost Explorer backend and its cache.
pub struct CostsService {
    backend: Arc<dyn CostExplorerBackend>,
    cache: CostCache,
}

/// What the console shows of the costs and what a refresh would cost.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CostsView {
    pub metric: String,
    /// The months known, as the engine's cost table.
    pub data: Arc<CostData>,
    /// Requests are billed (the live service).
    pub paid: bool,
    /// When the newest month shown was fetched (`None`: fetched just now or free).
    pub as_of: Option<Timestamp>,
    /// The months a refresh fetches.
    pub to_fetch: Vec<Month>,
    /// The requests a refresh makes, as far as known (a month × its pages last time, or 1).
    pub refresh_requests: usize,
    /// The requests this call made.
    pub requests: usize,
    /// Cache files that did not read (fetched again by the next refresh) or could not be written.
    pub problems: Vec<String>,
}

impl CostsService {
    /// A backend with its cache (`CostCache::default_location()` for sessions).
    pub fn new(backend: Arc<dyn CostExplorerBackend>, cache: CostCache) -> Self {
        CostsService { backend, cache }
    }

    /// Whether the backend's requests are billed.
    pub fn paid(&self) -> bool {
        self.backend.paid()
    }

    /// The months shown when none are asked for.
    pub fn default_months(&self) -> (Month, Month) {
        self.backend.default_months()
    }

    /// What is known without a paid request: a free backend is asked; a paid one is read from
    /// the cache only.
    pub async fn open(
        &self,
        org: &str,
        metric: &str,
        window: Option<(Month, Month)>,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> CeResult<CostsView> {
        let (first, last) = window.unwrap_or_else(|| self.default_months());
        if !self.paid() {
            let q = CostQuery { first, last, metric: metric.to_string() };
            let pages = self.backend.monthly_costs(&q, progress).await?;
            return Ok(CostsView {
                metric: metric.to_string(),
                data: Arc::new(to_cost_data(&pages.months)),
                ..CostsView::default()
            });
        }
        Ok(self.from_cache(org, metric, (first, last), true))
    }

    /// Fetches the months missing from the cache (closed months once, ever) and the current
    /// month when `current` is set or it is not cached; then answers as `open`.
    pub async fn refresh(
        &self,
        org: &str,
        metric: &str,
        window: Option<(Month, Month)>,
        current: bool,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> CeResult<CostsView> {
        let window = window.unwrap_or_else(|| self.default_months());
        if !self.paid() {
            return self.open(org, metric, Some(window), progress).await;
        }
        let before = self.from_cache(org, metric, window, current);
        let mut requests = 0;
        let mut problems = before.problems.clone();
        for m in before.to_fetch {
            let q = CostQuery { first: m, last: m, metric: metric.to_string() };
            let done = requests;
            let report = |n: usize| progress(done + n);
            let pages = self.backend.monthly_costs(&q, &report).await?;
            requests += pages.requests;
            let mut got = pages
                .months
                .into_iter()
                .find(|c| c.month == m)
                .unwrap_or(MonthCosts { month: m, ..MonthCosts::default() });
            got.pages = pages.requests.max(1);
            if let Err(e) = self.cache.write(org, metric, &got, Timestamp::now()) {
                problems.push(format!("cannot write the cost cache for {m}: {e}"));
            }
        }
        let mut view = self.from_cache(org, metric, window, true);
        view.requests = requests;
        for p in std::mem::take(&mut view.problems) {
            if !problems.contains(&p) {
                problems.push(p);
            }
        }
        view.problems = problems;
        Ok(view)
    }

    /// The cached months of the window, and what a refresh would fetch (`current`: the current
    /// month even when cached). Without a cache directory, every month is to fetch.
    fn from_cache(&self, org: &str, metric: &str, window: (Month, Month), current: bool) -> CostsView {
        let now = self.backend.current_month();
        let mut view = CostsView { metric: metric.to_string(), paid: true, ..CostsView::default() };
        let mut months = Vec::new();
        let mut last_pages = 1;
        for i in window.0.0..=window.1.0.min(now.0) {
            let m = Month(i);
            let cached = match self.cache.read(org, metric, m) {
                Ok(c) => c.and_then(|c| c.costs().map(|costs| (c.fetched_at, costs))),
                Err(problem) => {
                    view.problems.push(format!("unreadable cost cache, fetched again: {problem}"));
                    None
                }
            };
            match cached {
                Some((at, costs)) => {
                    last_pages = costs.pages.max(1);
                    // The current month when asked; a month fetched while it was still open
                    // once more, for its closed figures.
                    if (m >= now && current) || (m < now && costs.estimated) {
                        view.to_fetch.push(m);
                        view.refresh_requests += last_pages;
                    }
                    view.as_of = Some(at);
                    months.push(costs);
                }
                None => {
                    view.to_fetch.push(m);
                    view.refresh_requests += last_pages;
                }
            }
        }
        view.data = Arc::new(to_cost_data(&months));
        view
    }
}
