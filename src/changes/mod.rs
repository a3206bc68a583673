//! Change sets (`orgtui-changes/1`): an ordered, editable list of Organizations operations in
//! the API's own request shapes; their plan on a copy of the organization (outcome, inverse,
//! diff and blast radius per the issue "plan before you apply"), the diff between two
//! organizations and the change set that turns one into the other, and applying a change set
//! through any backend with an undo change set written as it goes.
//!
//! Nothing here knows terminals; only `apply` is async (it drives a backend).

pub mod apply;
pub mod diff;
pub mod emit;
pub mod exec;
pub mod format;
pub mod plan;

pub use diff::{OrgDiff, diff};
pub use emit::{Emitted, emit_changes};
pub use format::{Change, ChangeSet, FormatError, Step};
pub use plan::{Plan, plan};
