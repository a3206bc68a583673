//! The backend trait: one async method per Organizations operation, so the console and the
//! commands work the same on the in-memory engine and on the live API.

pub mod aws;
pub mod cloudtrail;
pub mod costs;
pub mod guard;
pub mod journal;
pub mod memory;
pub mod pages;
pub mod request;
pub mod request_id;
pub mod walk;

use crate::model::*;
use async_trait::async_trait;
pub use pages::{ListAll, Paged};

/// Where the data comes from, for the header and for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendKind {
    /// The bundled sample organization, in memory.
    Sample,
    /// A snapshot file, written back on change.
    File(String),
    /// The live AWS API.
    Live { profile: Option<String>, region: Option<String> },
}

/// Calls in flight at once when a backend loads a whole organization.
pub const LOAD_CONCURRENCY: usize = 8;

macro_rules! declare_backend_trait {
    ($(($wire:ident, $method:ident, $req:ident, $resp:ident)),+ $(,)?) => {
        /// Every Organizations operation, async, with the service's inputs and outputs and
        /// one error type (`OrgError`) whichever backend answers.
        #[async_trait]
        pub trait OrgBackend: Send + Sync {
            $(
                #[doc = concat!("`", stringify!($wire), "`.")]
                async fn $method(&self, req: $req) -> OrgResult<$resp>;
            )+

            /// What this backend is.
            fn kind(&self) -> BackendKind;

            /// Loads the whole organization in one go, reporting progress. The default walks
            /// the List calls with bounded concurrency; backends that can answer directly
            /// override it.
            async fn load_snapshot_with_progress(&self, progress: walk::ProgressSink<'_>) -> OrgResult<OrgSnapshot> {
                walk::load_via_lists(self, LOAD_CONCURRENCY, progress).await
            }

            /// Loads the whole organization in one go.
            async fn load_snapshot(&self) -> OrgResult<OrgSnapshot> {
                self.load_snapshot_with_progress(&|_| {}).await
            }

            /// Makes later calls come from `caller` (the memory backend can act as any account;
            /// the live API acts as whoever the credentials belong to).
            fn act_as(&self, caller: Caller) -> OrgResult<()> {
                let _ = caller;
                Err(OrgError::new(ErrorCode::AccessDeniedException, "This backend cannot act as another account."))
            }

            /// The account calls currently come from, when the backend knows it.
            fn acting_as(&self) -> Option<AccountId> {
                None
            }

            /// The organization's quotas, when the backend knows them (the engine does; the live
            /// API has no call for them).
            fn quotas(&self) -> Option<crate::engine::Quotas> {
                None
            }

            /// Arms or disarms writes (see `guard`); backends without a guard always write.
            fn arm(&self, armed: bool) {
                let _ = armed;
            }

            /// Whether writes go through.
            fn writes_armed(&self) -> bool {
                true
            }

            /// Writes the organization to the snapshot file `path` and writes every later change
            /// back to it (the console's `:save-as`). Only in-memory organizations can; an
            /// existing file is replaced only with `overwrite`.
            fn save_as(&self, path: &std::path::Path, overwrite: bool) -> OrgResult<()> {
                let _ = (path, overwrite);
                Err(crate::model::OrgError::new(
                    crate::model::ErrorCode::ServiceException,
                    "A live organization cannot be switched to a file; `orgtui snapshot --aws -o FILE` writes a copy.",
                ))
            }
        }
    };
}
crate::for_each_operation!(declare_backend_trait);
