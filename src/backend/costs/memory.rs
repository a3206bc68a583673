//! Cost Explorer over the in-memory engine: the same `GetCostAndUsage` that `orgtui serve`
//! answers from the snapshot's billing data, asked as the management account. Free and
//! immediate, so nothing is cached.

use super::{CostExplorerBackend, CostPages, CostQuery, paginate};
use crate::engine::Engine;
use crate::model::Caller;
use crate::model::costexplorer::{CeResult, Month};
use async_trait::async_trait;
use std::sync::{Arc, Mutex};

/// The engine's billing data as a `CostExplorerBackend`.
pub struct MemoryCosts {
    engine: Arc<Mutex<Engine>>,
}

impl MemoryCosts {
    /// Over a shared engine (see `MemoryBackend::costs`).
    pub fn new(engine: Arc<Mutex<Engine>>) -> Self {
        MemoryCosts { engine }
    }

    fn engine(&self) -> std::sync::MutexGuard<'_, Engine> {
        self.engine.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[async_trait]
impl CostExplorerBackend for MemoryCosts {
    async fn monthly_costs(
        &self,
        q: &CostQuery,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> CeResult<CostPages> {
        let page = |req| {
            let answer = self.engine().get_cost_and_usage(&Caller::Management, req);
            Box::pin(std::future::ready(answer)) as futures_util::future::BoxFuture<'_, _>
        };
        paginate(q, progress, &page).await
    }

    fn current_month(&self) -> Month {
        Month::of_timestamp(self.engine().now())
    }

    /// The months of the data (all of them), or the last twelve when there is none.
    fn default_months(&self) -> (Month, Month) {
        let engine = self.engine();
        let months = engine.state().costs.months();
        match (months.first(), months.last()) {
            (Some(a), Some(b)) => (*a, (*b).min(Month::of_timestamp(engine.now()))),
            _ => {
                let now = Month::of_timestamp(engine.now());
                (now.plus(-11), now)
            }
        }
    }
}
