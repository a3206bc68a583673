//! Conversion between the engine's state and `OrgSnapshot`.

use super::Engine;
use crate::model::*;

impl Engine {
    /// The whole organization as plain data.
    pub fn to_snapshot(&self) -> OrgSnapshot {
        OrgSnapshot::default()
    }
}
