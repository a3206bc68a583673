//! Consolidated billing in the engine's world: the monthly cost of every account per service
//! (`CostData`, saved in the snapshot's `costExplorer` section), the roll-up over the
//! organization tree the console and `orgtui costs` show (`Rollup`), and `GetCostAndUsage`
//! answered from that data (`query`).

mod data;
mod rollup;

pub use data::{CostBuilder, CostData};
pub use rollup::{Change, CostNode, NodeKind, Rollup};
