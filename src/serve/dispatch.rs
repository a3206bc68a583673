//! One match arm per operation, generated from `for_each_operation!`: decode the body into the
//! operation's input, run it on the engine under the lock, write the snapshot back after a
//! change, and encode the output.

use super::App;
use super::wire::{self, WireError};
use crate::engine::Engine;
use crate::model::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Whether an operation never changes state (no write-back needed).
pub fn is_read_only(op: &str) -> bool {
    op.starts_with("Describe") || op.starts_with("List")
}

/// Decodes, runs and encodes one operation. The engine lock is held only for the call itself
/// and the write-back; nothing awaits while it is held.
fn exec<Req: DeserializeOwned, Resp: Serialize>(
    app: &App,
    caller: &Caller,
    op: &str,
    body: &[u8],
    f: impl FnOnce(&mut Engine, &Caller, Req) -> OrgResult<Resp>,
) -> Result<Vec<u8>, WireError> {
    let req: Req = wire::decode(body)?;
    let resp = {
        let mut engine = app.engine();
        let resp = f(&mut engine, caller, req)?;
        if !is_read_only(op) {
            app.persist(&engine).map_err(|e| {
                tracing::warn!("serve: {op}: the change was made but could not be saved: {e}");
                WireError::bad_request(
                    ErrorCode::ServiceException.as_str(),
                    format!("The change was made but could not be saved: {e}"),
                )
            })?;
        }
        resp
    };
    let mut value = serde_json::to_value(&resp).map_err(|e| {
        WireError::bad_request("ServiceException", format!("cannot encode the response: {e}"))
    })?;
    wire::strip_nulls(&mut value);
    serde_json::to_vec(&value)
        .map_err(|e| WireError::bad_request("ServiceException", format!("cannot encode the response: {e}")))
}

macro_rules! dispatch_table {
    ($(($wire:ident, $method:ident, $req:ident, $resp:ident)),+ $(,)?) => {
        /// Runs operation `op` (a wire name); `None` when no such operation exists.
        pub fn call(app: &App, caller: &Caller, op: &str, body: &[u8]) -> Option<Result<Vec<u8>, WireError>> {
            match op {
                $(
                    stringify!($wire) => Some(exec(app, caller, op, body, |e: &mut Engine, c: &Caller, r: $req| e.$method(c, r))),
                )+
                _ => None,
            }
        }
    };
}
crate::for_each_operation!(dispatch_table);
