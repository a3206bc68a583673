//! One match arm per operation, generated from `for_each_operation!`: decode the body into the
//! operation's input, run it on the engine under the lock, write the snapshot back after a
//! change (undoing a change that cannot be saved), and encode the output.

use super::App;
use super::wire::{self, WireError};
use crate::engine::Engine;
use crate::engine::cloudtrail::CallContext;
use crate::model::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Whether an operation never changes state (no write-back needed).
pub fn is_read_only(op: &str) -> bool {
    op.starts_with("Describe") || op.starts_with("List")
}

/// Decodes, runs and encodes one operation. The engine lock is held only for the call itself
/// and the write-back; nothing awaits while it is held.
fn exec<Req: DeserializeOwned + Serialize, Resp: Serialize>(
    app: &App,
    caller: &Caller,
    ctx: &CallContext,
    op: &str,
    body: &[u8],
    f: impl FnOnce(&mut Engine, &Caller, Req) -> OrgResult<Resp>,
) -> Result<Vec<u8>, WireError> {
    let req: Req = wire::decode(body)?;
    let resp = app.apply(!is_read_only(op), |engine| engine.recorded(ctx, caller, op, req, f))?;
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
        /// Changes (and failed changes) are recorded as CloudTrail events with `ctx`.
        pub fn call(app: &App, caller: &Caller, ctx: &CallContext, op: &str, body: &[u8]) -> Option<Result<Vec<u8>, WireError>> {
            match op {
                $(
                    stringify!($wire) => Some(exec(app, caller, ctx, op, body, |e: &mut Engine, c: &Caller, r: $req| e.$method(c, r))),
                )+
                _ => None,
            }
        }
    };
}
crate::for_each_operation!(dispatch_table);
