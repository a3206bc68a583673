//! CloudTrail over the in-memory engine (the same world the Organizations memory backend
//! changes), called as the management account.

use super::CloudTrailBackend;
use crate::engine::Engine;
use crate::model::Caller;
use crate::model::cloudtrail::*;
use async_trait::async_trait;
use std::sync::{Arc, Mutex};

/// The engine's CloudTrail as a `CloudTrailBackend`.
pub struct MemoryCloudTrail {
    engine: Arc<Mutex<Engine>>,
}

impl MemoryCloudTrail {
    /// Over a shared engine (see `MemoryBackend::cloudtrail`).
    pub fn new(engine: Arc<Mutex<Engine>>) -> Self {
        MemoryCloudTrail { engine }
    }
}

macro_rules! impl_memory_cloudtrail {
    ($(($wire:ident, $method:ident, $req:ident, $resp:ident)),+ $(,)?) => {
        #[async_trait]
        impl CloudTrailBackend for MemoryCloudTrail {
            $(
                async fn $method(&self, req: $req) -> CloudTrailResult<$resp> {
                    let mut engine = self.engine.lock().unwrap_or_else(|p| p.into_inner());
                    engine.tick();
                    engine.$method(&Caller::Management, req)
                }
            )+
        }
    };
}
crate::for_each_cloudtrail_operation!(impl_memory_cloudtrail);
