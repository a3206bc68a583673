//! The safety guard around a live backend: the session starts read-only, writes go through only
//! once armed (`--allow-writes`, or `:arm` in the console after a confirmation), and every write
//! attempted while armed is appended to the audit journal with its outcome and request id.

use super::journal::{Journal, JournalOutcome};
use super::{BackendKind, OrgBackend, request::is_write_operation, request_id};
use crate::model::*;
use async_trait::async_trait;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The error code of a write refused because the session is read-only.
pub const READ_ONLY_CODE: &str = "OrgtuiReadOnlySession";

/// A backend whose writes are refused until armed and journaled once they are.
pub struct GuardedBackend {
    inner: Arc<dyn OrgBackend>,
    armed: AtomicBool,
    journal: Option<Journal>,
    /// Told once when the journal cannot be written (the write itself has happened).
    journal_problem: std::sync::Mutex<Option<String>>,
}

impl GuardedBackend {
    /// Wraps `inner`; `armed` says whether writes start enabled.
    pub fn new(inner: Arc<dyn OrgBackend>, armed: bool, journal: Option<Journal>) -> GuardedBackend {
        GuardedBackend {
            inner,
            armed: AtomicBool::new(armed),
            journal,
            journal_problem: std::sync::Mutex::new(None),
        }
    }

    /// Where writes are journaled.
    pub fn journal_path(&self) -> Option<&std::path::Path> {
        self.journal.as_ref().map(Journal::path)
    }

    /// The first journal failure, if any (the console shows it).
    pub fn journal_problem(&self) -> Option<String> {
        self.journal_problem.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn refused(operation: &str) -> OrgError {
        OrgError::unknown(
            READ_ONLY_CODE,
            None,
            format!(
                "{operation} was not sent: this live session is read-only. Start with --allow-writes, \
                 or arm writes with :arm in the console."
            ),
        )
    }

    fn record(
        &self,
        operation: &str,
        input: serde_json::Value,
        outcome: JournalOutcome<'_>,
        id: Option<&str>,
    ) {
        let Some(j) = &self.journal else { return };
        let label = match self.inner.kind() {
            BackendKind::Live { profile, region } => format!(
                "live profile={} region={}",
                profile.as_deref().unwrap_or("default"),
                region.as_deref().unwrap_or("default")
            ),
            BackendKind::File(f) => format!("file {f}"),
            BackendKind::Sample => "sample".into(),
        };
        if let Err(e) = j.append(&label, operation, input, outcome, id) {
            let mut p = self.journal_problem.lock().unwrap_or_else(|p| p.into_inner());
            p.get_or_insert(e);
        }
    }
}

macro_rules! impl_guarded_backend {
    ($(($wire:ident, $method:ident, $req:ident, $resp:ident)),+ $(,)?) => {
        #[async_trait]
        impl OrgBackend for GuardedBackend {
            $(
                async fn $method(&self, req: $req) -> OrgResult<$resp> {
                    const OP: &str = stringify!($wire);
                    if !is_write_operation(OP) {
                        return self.inner.$method(req).await;
                    }
                    if !self.armed.load(Ordering::SeqCst) {
                        return Err(Self::refused(OP));
                    }
                    let input = serde_json::to_value(&req).unwrap_or(serde_json::Value::Null);
                    let (out, id) = request_id::scope(self.inner.$method(req)).await;
                    let outcome = match &out {
                        Ok(_) => JournalOutcome::Ok,
                        Err(e) => JournalOutcome::Error(e),
                    };
                    self.record(OP, input, outcome, id.as_deref());
                    out
                }
            )+

            fn kind(&self) -> BackendKind {
                self.inner.kind()
            }

            async fn load_snapshot_with_progress(&self, progress: super::walk::ProgressSink<'_>) -> OrgResult<OrgSnapshot> {
                self.inner.load_snapshot_with_progress(progress).await
            }

            fn act_as(&self, caller: Caller) -> OrgResult<()> {
                self.inner.act_as(caller)
            }

            fn acting_as(&self) -> Option<AccountId> {
                self.inner.acting_as()
            }

            fn quotas(&self) -> Option<crate::engine::Quotas> {
                self.inner.quotas()
            }

            fn arm(&self, armed: bool) {
                self.armed.store(armed, Ordering::SeqCst);
            }

            fn writes_armed(&self) -> bool {
                self.armed.load(Ordering::SeqCst)
            }
        }
    };
}
crate::for_each_operation!(impl_guarded_backend);
