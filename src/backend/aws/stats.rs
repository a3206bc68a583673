//! Counting the calls a live backend makes: per operation (one per trait call) and HTTP
//! attempts (retries included, counted by an SDK interceptor).

use aws_sdk_organizations::config::interceptors::{
    BeforeDeserializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
};
use aws_sdk_organizations::config::{ConfigBag, Intercept, RuntimeComponents};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Call counts of one backend.
#[derive(Debug, Default)]
pub struct CallStats {
    calls: AtomicU64,
    attempts: AtomicU64,
    by_operation: Mutex<BTreeMap<&'static str, u64>>,
}

impl CallStats {
    /// Records one call of `operation`.
    pub fn record(&self, operation: &'static str) {
        self.calls.fetch_add(1, Ordering::Relaxed);
        let mut m = self.by_operation.lock().unwrap_or_else(|p| p.into_inner());
        *m.entry(operation).or_insert(0) += 1;
    }
    /// Operation calls made.
    pub fn calls(&self) -> u64 {
        self.calls.load(Ordering::Relaxed)
    }
    /// HTTP requests sent (retries included).
    pub fn attempts(&self) -> u64 {
        self.attempts.load(Ordering::Relaxed)
    }
    /// Calls per operation.
    pub fn by_operation(&self) -> BTreeMap<&'static str, u64> {
        self.by_operation.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
    /// Forgets every count.
    pub fn reset(&self) {
        self.calls.store(0, Ordering::Relaxed);
        self.attempts.store(0, Ordering::Relaxed);
        self.by_operation.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}

/// The SDK interceptor that counts HTTP attempts.
#[derive(Debug)]
pub(super) struct AttemptCounter(pub Arc<CallStats>);

impl Intercept for AttemptCounter {
    fn name(&self) -> &'static str {
        "orgtui-attempt-counter"
    }

    fn read_before_transmit(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), aws_sdk_organizations::error::BoxError> {
        self.0.attempts.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// The SDK interceptor that hands each response's request id to `backend::request_id`, so the
/// audit journal can name the AWS request behind every write.
#[derive(Debug)]
pub(super) struct RequestIdRecorder;

impl Intercept for RequestIdRecorder {
    fn name(&self) -> &'static str {
        "orgtui-request-id"
    }

    fn read_before_deserialization(
        &self,
        context: &BeforeDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), aws_sdk_organizations::error::BoxError> {
        let headers = context.response().headers();
        if let Some(id) = headers.get("x-amzn-requestid").or_else(|| headers.get("x-amz-request-id")) {
            crate::backend::request_id::record(id);
        }
        Ok(())
    }
}
