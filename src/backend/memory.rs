//! The memory backend: the engine behind a mutex, optionally writing every change back to a
//! snapshot file. With a file, operations are transactional: a change that cannot be saved is
//! undone in memory too, so what the console shows is always what the file holds.

use super::{BackendKind, OrgBackend};
use crate::engine::Engine;
use crate::model::*;
use crate::snapshot::file::{Access, OpenError, OrgFile};
use async_trait::async_trait;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

/// Called after every successful operation that may have changed state (e.g. to save the
/// snapshot file). An error undoes the operation and is reported to its caller.
pub type AfterChange = Box<dyn Fn(&Engine) -> Result<(), String> + Send + Sync>;

/// The in-memory organization engine as an `OrgBackend`.
pub struct MemoryBackend {
    engine: Arc<Mutex<Engine>>,
    caller: Mutex<Caller>,
    kind: BackendKind,
    after_change: Option<AfterChange>,
    /// The snapshot file written back, if any (reloaded by `load_snapshot` when changed).
    file: Option<Arc<OrgFile>>,
}

impl MemoryBackend {
    /// Wraps an engine.
    pub fn new(engine: Engine, kind: BackendKind) -> Self {
        MemoryBackend {
            engine: Arc::new(Mutex::new(engine)),
            caller: Mutex::new(Caller::Management),
            kind,
            after_change: None,
            file: None,
        }
    }

    /// Runs `hook` after every successful write (write-through to a file); when it fails, the
    /// write is undone.
    pub fn with_after_change(mut self, hook: AfterChange) -> Self {
        self.after_change = Some(hook);
        self
    }

    /// Writes every change back to `file` (undoing changes that cannot be saved), and reloads
    /// the organization from it when it changed on disk and the whole organization is loaded
    /// again (`r` in the console).
    pub fn with_file(mut self, file: OrgFile) -> Self {
        let file = Arc::new(file);
        let saver = file.clone();
        self.after_change =
            Some(Box::new(move |e: &Engine| saver.save(e.state(), e.now()).map_err(|e| e.to_string())));
        self.file = Some(file);
        self
    }

    /// Opens a snapshot file for the console: locked, or read-only when another process holds
    /// it (see [`MemoryBackend::read_only_reason`]). Also returns the file's offline extras.
    pub fn open_file(path: &Path) -> Result<(MemoryBackend, crate::snapshot::Extras), OpenError> {
        let (file, loaded) = OrgFile::open(path, Access::ExclusiveOrReadOnly)?;
        let engine =
            Engine::from_state(loaded.state, Box::new(crate::engine::SystemClock), 1).map_err(|e| {
                let error = crate::snapshot::SnapshotError { path: "$".into(), message: e.message };
                OpenError::Load(crate::snapshot::LoadError::Invalid { path: path.to_path_buf(), error })
            })?;
        let kind = BackendKind::File(path.display().to_string());
        Ok((MemoryBackend::new(engine, kind).with_file(file), loaded.extras))
    }

    /// Why this backend refuses changes (its file is held by another process), if it does.
    /// The console shows it and opens the session read-only.
    pub fn read_only_reason(&self) -> Option<String> {
        self.file.as_ref().and_then(|f| f.read_only_reason().map(str::to_string))
    }

    /// Runs one operation; a write is refused on a read-only file, and undone when it cannot
    /// be saved.
    fn apply<T>(&self, write: bool, op: impl FnOnce(&mut Engine, &Caller) -> OrgResult<T>) -> OrgResult<T> {
        let caller = self.caller();
        let mut engine = self.engine();
        let hook = self.after_change.as_ref().filter(|_| write);
        let Some(hook) = hook else { return op(&mut engine, &caller) };
        if let Some(reason) = self.read_only_reason() {
            return Err(OrgError::new(
                ErrorCode::ServiceException,
                format!("The change was not made: {reason}."),
            ));
        }
        engine.apply_and_save(|e| op(e, &caller), hook)
    }

    /// Re-reads the file when it changed on disk since it was loaded or written.
    fn reload_if_changed(&self, engine: &mut Engine) -> OrgResult<()> {
        let Some(file) = self.file.as_ref().filter(|f| f.changed_on_disk()) else { return Ok(()) };
        let loaded = file.reload().map_err(|e| OrgError::new(ErrorCode::ServiceException, e.to_string()))?;
        engine.replace_state(loaded.state).map_err(|e| {
            OrgError::new(ErrorCode::ServiceException, format!("{}: {}", file.path().display(), e.message))
        })
    }

    /// The engine, for direct reads (inspector, exports). Never poisoned for long: engine
    /// operations do not panic, and a poisoned lock is recovered.
    pub fn engine(&self) -> MutexGuard<'_, Engine> {
        self.engine.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// CloudTrail over the same engine (its events are this backend's calls).
    pub fn cloudtrail(&self) -> super::cloudtrail::memory::MemoryCloudTrail {
        super::cloudtrail::memory::MemoryCloudTrail::new(self.engine.clone())
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
                    let write = super::request::is_write_operation(stringify!($wire));
                    let ctx = crate::engine::cloudtrail::CallContext::console();
                    self.apply(write, |engine, caller| {
                        engine.recorded(&ctx, caller, stringify!($wire), req, |e, c, r| e.$method(c, r))
                    })
                }
            )+

            fn kind(&self) -> BackendKind {
                self.kind.clone()
            }

            async fn load_snapshot_with_progress(&self, _progress: super::walk::ProgressSink<'_>) -> OrgResult<OrgSnapshot> {
                let mut engine = self.engine();
                self.reload_if_changed(&mut engine)?;
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
