//! CloudTrail on the same endpoint: `X-Amz-Target:
//! com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.<Op>` answered from the engine's
//! CloudTrail state (the events the Organizations calls on this endpoint recorded), with the
//! service's own errors. The table is generated from `for_each_cloudtrail_operation!`.

use super::App;
use super::wire::{self, WireError};
use crate::engine::Engine;
use crate::model::Caller;
use crate::model::cloudtrail::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

fn exec<Req: DeserializeOwned, Resp: Serialize>(
    app: &App,
    caller: &Caller,
    body: &[u8],
    f: impl FnOnce(&mut Engine, &Caller, Req) -> CloudTrailResult<Resp>,
) -> Result<Vec<u8>, WireError> {
    let req: Req = wire::decode(body)?;
    let resp = {
        let mut engine = app.engine();
        engine.tick();
        f(&mut engine, caller, req).map_err(|e| WireError::bad_request(&e.code, e.message))?
    };
    let mut value = serde_json::to_value(&resp).map_err(|e| {
        WireError::bad_request("ServiceException", format!("cannot encode the response: {e}"))
    })?;
    wire::strip_nulls(&mut value);
    serde_json::to_vec(&value)
        .map_err(|e| WireError::bad_request("ServiceException", format!("cannot encode the response: {e}")))
}

macro_rules! cloudtrail_table {
    ($(($wire:ident, $method:ident, $req:ident, $resp:ident)),+ $(,)?) => {
        /// Runs CloudTrail operation `op`; an operation CloudTrail has but this endpoint does
        /// not answer gets `UnknownOperationException` in the service's words.
        pub fn call(app: &App, caller: &Caller, op: &str, body: &[u8]) -> Result<Vec<u8>, WireError> {
            match op {
                $(
                    stringify!($wire) => exec(app, caller, body, |e: &mut Engine, c: &Caller, r: $req| e.$method(c, r)),
                )+
                _ => Err(WireError::bad_request(
                    "UnknownOperationException",
                    format!("Operation {op} is not supported by AWS CloudTrail (CloudTrail_20131101) on this endpoint."),
                )),
            }
        }
    };
}
crate::for_each_cloudtrail_operation!(cloudtrail_table);
