//! Injectable time: the app runs on the real clock, tests on a manual one.

use crate::model::Timestamp;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// A source of the current time.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Now.
    fn now(&self) -> Timestamp;
}

/// The system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        Timestamp(d.as_millis() as i64)
    }
}

/// A clock that only moves when told to; clones share the same time, so a test can keep a
/// handle while the engine owns another.
#[derive(Debug, Clone)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    /// A clock standing at `start`.
    pub fn new(start: Timestamp) -> Self {
        ManualClock(Arc::new(AtomicI64::new(start.0)))
    }
    /// Moves the clock forward by `ms` milliseconds.
    pub fn advance_ms(&self, ms: i64) {
        self.0.fetch_add(ms, Ordering::SeqCst);
    }
    /// Moves the clock forward by whole days.
    pub fn advance_days(&self, days: i64) {
        self.advance_ms(days * crate::model::time::DAY_MS);
    }
    /// Sets the time.
    pub fn set(&self, t: Timestamp) {
        self.0.store(t.0, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        Timestamp(self.0.load(Ordering::SeqCst))
    }
}

/// Real time flowing from a fixed starting point: the bundled sample organization opens at
/// the moment it was written (its invitations, closures and expiries stay as authored) and
/// time then runs normally, so the timed transitions still happen during a session.
#[derive(Debug, Clone)]
pub struct AnchoredClock {
    base: Timestamp,
    started: std::time::Instant,
}

impl AnchoredClock {
    /// A clock that reads `base` now and advances with real time.
    pub fn new(base: Timestamp) -> Self {
        AnchoredClock { base, started: std::time::Instant::now() }
    }
}

impl Clock for AnchoredClock {
    fn now(&self) -> Timestamp {
        let elapsed = i64::try_from(self.started.elapsed().as_millis()).unwrap_or(i64::MAX);
        self.base.plus_ms(elapsed)
    }
}
