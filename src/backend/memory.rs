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
    /// What it is (the sample becomes a file after `save_as`).
    kind: Mutex<BackendKind>,
    after_change: Option<AfterChange>,
    /// The snapshot file written back, if any (reloaded by `load_snapshot` when changed; set
    /// by `save_as`).
    file: Mutex<Option<Arc<OrgFile>>>,
}

impl MemoryBackend {
    /// Wraps an engine.
    pub fn new(engine: Engine, kind: BackendKind) -> Self {
        MemoryBackend {
            engine: Arc::new(Mutex::new(engine)),
            caller: Mutex::new(Caller::Management),
            kind: Mutex::new(kind),
            after_change: None,
            file: Mutex::new(None),
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
    pub fn with_file(self, file: OrgFile) -> Self {
        *self.file.lock().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(file));
        self
    }

    /// The snapshot file written back, if any.
    fn file(&self) -> Option<Arc<OrgFile>> {
        self.file.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Writes the organization to `path` (atomically, under the file's lock) and from then on
    /// every change to it, as `--org path` would; the file written before, if any, is let go.
    /// An existing `path` is replaced only with `overwrite`.
    pub fn save_as(&self, path: &Path, overwrite: bool) -> OrgResult<()> {
        let fail = |m: String| OrgError::new(ErrorCode::ServiceException, m);
        if self.file().is_some_and(|f| f.path() == path) {
            return Ok(());
        }
        if !overwrite && path.exists() {
            return Err(fail(format!("{} exists; it was not overwritten.", path.display())));
        }
        let extras = match (self.file(), self.kind()) {
            (Some(f), _) => f.extras(),
            (None, BackendKind::Sample) => crate::snapshot::sample().map(|l| l.extras).unwrap_or_default(),
            (None, _) => crate::snapshot::Extras::default(),
        };
        let file = OrgFile::create_replacing(path, extras).map_err(|e| fail(e.to_string()))?;
        let engine = self.engine();
        file.save(engine.state(), engine.now())
            .map_err(|e| fail(format!("The organization was not saved: {e}")))?;
        *self.file.lock().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(file));
        *self.kind.lock().unwrap_or_else(|p| p.into_inner()) = BackendKind::File(path.display().to_string());
        Ok(())
    }

    fn kind(&self) -> BackendKind {
        self.kind.lock().unwrap_or_else(|p| p.into_inner()).clone()
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
        self.file().and_then(|f| f.read_only_reason().map(str::to_string))
    }

    /// Runs one operation; a write is refused on a read-only file, and undone when it cannot
    /// be saved.
    fn apply<T>(&self, write: bool, op: impl FnOnce(&mut Engine, &Caller) -> OrgResult<T>) -> OrgResult<T> {
        let caller = self.caller();
        let mut engine = self.engine();
        let hook = self.after_change.as_ref().filter(|_| write);
        let file = self.file().filter(|_| write);
        if hook.is_none() && file.is_none() {
            return op(&mut engine, &caller);
        }
        if let Some(reason) = self.read_only_reason() {
            return Err(OrgError::new(
                ErrorCode::ServiceException,
                format!("The change was not made: {reason}."),
            ));
        }
        match (hook, file) {
            (Some(hook), _) => engine.apply_and_save(|e| op(e, &caller), hook),
            (None, file) => engine.apply_and_save(
                |e| op(e, &caller),
                |e: &Engine| file.map_or(Ok(()), |f| f.save(e.state(), e.now()).map_err(|e| e.to_string())),
            ),
        }
    }

    /// Re-reads the file when it changed on disk since it was loaded or written.
    fn reload_if_changed(&self, engine: &mut Engine) -> OrgResult<()> {
        let Some(file) = self.file().filter(|f| f.changed_on_disk()) else { return Ok(()) };
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

    /// Cost Explorer over the same engine (its billing data).
    pub fn costs(&self) -> super::costs::memory::MemoryCosts {
        super::costs::memory::MemoryCosts::new(self.engine.clone())
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
                MemoryBackend::kind(self)
            }

            fn save_as(&self, path: &Path, overwrite: bool) -> OrgResult<()> {
                MemoryBackend::save_as(self, path, overwrite)
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
