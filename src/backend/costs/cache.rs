//! The disk cache of Cost Explorer answers: one JSON file per organization, metric and month
//! under `costs/` in the state directory (`costs/<org>/<metric>/<YYYY-MM>.json`), written
//! atomically. Every live request is billed, so a closed month, once cached, is never fetched
//! again; a file that does not read is reported and fetched again.

use super::MonthCosts;
use crate::model::Timestamp;
use crate::model::costexplorer::Month;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A cached month: what the service answered and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CachedMonth {
    pub month: String,
    pub fetched_at: Timestamp,
    /// The month was not closed when it was fetched.
    pub estimated: bool,
    /// Requests it took (the estimate of a refresh).
    pub pages: usize,
    /// (account id, service, amount).
    pub rows: Vec<(String, String, f64)>,
}

impl CachedMonth {
    /// The month's costs (`None`: the month field is not a month).
    pub fn costs(&self) -> Option<MonthCosts> {
        Some(MonthCosts {
            month: Month::parse(&self.month)?,
            rows: self.rows.clone(),
            estimated: self.estimated,
            pages: self.pages,
        })
    }
}

/// Where the cache lives (`None`: no state directory, nothing is cached).
#[derive(Debug, Clone, Default)]
pub struct CostCache {
    dir: Option<PathBuf>,
}

/// A name safe as one path component (organization ids and metric names are).
fn component(s: &str) -> Option<&str> {
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then_some(s)
}

impl CostCache {
    /// `costs/` in the state directory.
    pub fn default_location() -> Self {
        CostCache { dir: crate::paths::state_dir().map(|d| d.join("costs")) }
    }

    /// A cache in `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        CostCache { dir: Some(dir.into()) }
    }

    /// No cache: every month is missing and nothing is written.
    pub fn none() -> Self {
        CostCache { dir: None }
    }

    /// The file of one organization, metric and month.
    pub fn file(&self, org: &str, metric: &str, month: Month) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        Some(dir.join(component(org)?).join(component(metric)?).join(format!("{month}.json")))
    }

    /// A cached month: `Ok(None)` when it is not cached, `Err` (with the reason) when its file
    /// does not read.
    pub fn read(&self, org: &str, metric: &str, month: Month) -> Result<Option<CachedMonth>, String> {
        let Some(path) = self.file(org, metric, month) else { return Ok(None) };
        let text = match std::fs::read(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        let cached: CachedMonth =
            serde_json::from_slice(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        if cached.month != month.to_string() {
            return Err(format!("{}: holds {} instead of {month}", path.display(), cached.month));
        }
        Ok(Some(cached))
    }

    /// Writes one month (creating the directories).
    pub fn write(&self, org: &str, metric: &str, m: &MonthCosts, now: Timestamp) -> std::io::Result<()> {
        let Some(path) = self.file(org, metric, m.month) else { return Ok(()) };
        std::fs::create_dir_all(crate::atomic_file::parent_dir(&path))?;
        let cached = CachedMonth {
            month: m.month.to_string(),
            fetched_at: now,
            estimated: m.estimated,
            pages: m.pages.max(1),
            rows: m.rows.clone(),
        };
        let text = serde_json::to_vec(&cached).map_err(std::io::Error::other)?;
        crate::atomic_file::write(&path, &text)
    }

    /// The directory, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }
}
