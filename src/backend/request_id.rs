//! The AWS request id of the call in flight, carried beside the call rather than through every
//! response type: the guard opens a scope around each write, the live backend records the id the
//! service returned, and the audit journal writes it down.

use std::cell::RefCell;

tokio::task_local! {
    static REQUEST_ID: RefCell<Option<String>>;
}

/// Runs `fut`, returning its output and the request id recorded while it ran.
pub async fn scope<F: std::future::Future>(fut: F) -> (F::Output, Option<String>) {
    REQUEST_ID
        .scope(RefCell::new(None), async move {
            let out = fut.await;
            let id = REQUEST_ID.try_with(|r| r.borrow_mut().take()).ok().flatten();
            (out, id)
        })
        .await
}

/// Records the request id of the call just answered (does nothing outside a `scope`).
pub fn record(id: &str) {
    let _ = REQUEST_ID.try_with(|r| *r.borrow_mut() = Some(id.to_string()));
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn ids_stay_with_their_call() {
        let (out, id) = super::scope(async {
            super::record("req-1");
            7
        })
        .await;
        assert_eq!((out, id.as_deref()), (7, Some("req-1")));
        let (_, none) = super::scope(async {}).await;
        assert_eq!(none, None);
        super::record("outside"); // no scope: ignored
    }
}
