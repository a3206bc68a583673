//! The memory backend: the engine behind a mutex, optionally writing every change back to a
//! snapshot file.

use super::{BackendKind, OrgBackend};
use crate::engine::Engine;
use crate::model::*;
use async_trait::async_trait;
use std::sync::{Arc, Mutex, MutexGuard};

/// Called after every successful operation that may have changed state (e.g. to save the
/// snapshot file). An error is reported to the caller of the operation.
pub type AfterChange = Box<dyn Fn(&Engine) -> Result<(), String> + Send + Sync>;

/// The in-memory organization engine as an `OrgBackend`.
pub struct MemoryBackend {
    engine: Arc<Mutex<Engine>>,
    caller: Mutex<Caller>,
    kind: BackendKind,
    after_change: Option<AfterChange>,
}

impl MemoryBackend {
    /// Wraps an engine.
    pub fn new(engine: Engine, kind: BackendKind) -> Self {
        MemoryBackend {
            engine: Arc::new(Mutex::new(engine)),
            caller: Mutex::new(Caller::Management),
            kind,
            after_change: None,
        }
    }

    /// Runs `hook` after every successful write (write-through to a file).
    pub fn with_after_change(mut self, hook: AfterChange) -> Self {
        self.after_change = Some(hook);
        self
    }

    /// The engine, for direct reads (inspector, exports). Never poisoned for long: engine
    /// operations do not panic, and a poisoned lock is recovered.
    pub fn engine(&self) -> MutexGuard<'_, Engine> {
        self.engine.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn caller(&self) -> Caller {
        self.caller.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

macro_rules! impl_memory_backend {
    ($(($wire:ident, $method:ident, $req:ident, $resp:ident)),+ $(,)?) => {
        #[async_trait]
        impl OrgBackend for MemoryBackend {
            $(
                async fn $method(&self, req: $req) -> OrgResult<$resp> {
                    let caller = self.caller();
                    let mut engine = self.engine();
                    let out = engine.$method(&caller, req)?;
                    if super::request::is_write_operation(stringify!($wire)) {
                        if let Some(hook) = &self.after_change {
                            hook(&engine).map_err(|e| OrgError::new(ErrorCode::ServiceException, format!("The change was made but could not be saved: {e}")))?;
                        }
                    }
                    Ok(out)
                }
            )+

            fn kind(&self) -> BackendKind {
                self.kind.clone()
            }

            async fn load_snapshot_with_progress(&self, _progress: super::walk::ProgressSink<'_>) -> OrgResult<OrgSnapshot> {
                let mut engine = self.engine();
                engine.tick();
                Ok(engine.to_snapshot())
            }

            fn quotas(&self) -> Option<crate::engine::Quotas> {
                Some(self.engine().state().quotas.clone())
            }

            fn act_as(&self, caller: Caller) -> OrgResult<()> {
                *self.caller.lock().unwrap_or_else(|p| p.into_inner()) = caller;
                Ok(())
            }

            fn acting_as(&self) -> Option<AccountId> {
                let caller = self.caller();
                Some(self.engine().caller_account(&caller))
            }
        }
    };
}
crate::for_each_operation!(impl_memory_backend);
