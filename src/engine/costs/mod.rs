//! Consolidated billing in the engine's world: the monthly cost of every account per service
//! (`CostData`, saved in the snapshot's `costExplorer` section), the roll-up over the
//! organization tree the console and `orgtui costs` show (`Rollup`), and `GetCostAndUsage`
//! answered from that data (`query`).

mod data;
mod filter;
mod query;
mod rollup;

pub use data::{CostBuilder, CostData};
pub use query::{CostScope, PAGE_GROUPS, get_cost_and_usage};
pub use rollup::{Change, CostNode, NodeKind, Rollup};
