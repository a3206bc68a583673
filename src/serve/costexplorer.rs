//! Cost Explorer on the same endpoint: `X-Amz-Target: AWSInsightsIndexService.<Op>` answered
//! from the engine's billing data (`engine::costs`), with the service's own errors (HTTP 400,
//! `__type` and a lower-case `message`, as Cost Explorer writes them). The table is generated
//! from `for_each_costexplorer_operation!`; the service's other operations get a
//! `ValidationException`, names it does not have an `UnknownOperationException`.

use super::wire::{self, WireError};
use super::{App, respond};
use crate::engine::Engine;
use crate::model::Caller;
use crate::model::costexplorer::*;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// An error response in Cost Explorer's shape.
fn error(status: u16, code: &str, message: &str) -> Response {
    let body = serde_json::json!({ "__type": code, "message": message }).to_string();
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    respond(status, body.into_bytes(), Some(code))
}

fn wire_error(e: WireError) -> Response {
    error(e.status, &e.code, &e.message)
}

fn exec<Req: DeserializeOwned, Resp: Serialize>(
    app: &App,
    caller: &Caller,
    body: &[u8],
    f: impl FnOnce(&Engine, &Caller, Req) -> CeResult<Resp>,
) -> Response {
    let req: Req = match wire::decode(body) {
        Ok(r) => r,
        Err(e) => return wire_error(e),
    };
    let resp = match f(&app.engine(), caller, req) {
        Ok(r) => r,
        Err(e) => return error(400, e.code.as_str(), &e.message),
    };
    let encoded = serde_json::to_value(&resp).and_then(|mut v| {
        wire::strip_nulls(&mut v);
        serde_json::to_vec(&v)
    });
    match encoded {
        Ok(body) => respond(StatusCode::OK, body, None),
        Err(e) => error(500, "InternalServerException", &format!("cannot encode the response: {e}")),
    }
}

macro_rules! costexplorer_table {
    ($(($wire:ident, $method:ident, $req:ident, $resp:ident)),+ $(,)?) => {
        /// Answers Cost Explorer operation `op` (the target after `AWSInsightsIndexService.`).
        pub fn handle(app: &App, caller: &Caller, op: &str, body: &[u8]) -> Response {
            match op {
                $(
                    stringify!($wire) => exec(app, caller, body, |e: &Engine, c: &Caller, r: $req| e.$method(c, r)),
                )+
                op if OPERATIONS.contains(&op) => error(
                    400,
                    "ValidationException",
                    &format!("Operation {op} is not supported by this endpoint; it answers GetCostAndUsage only."),
                ),
                op => error(
                    400,
                    "UnknownOperationException",
                    &format!("Operation {op} is not supported by AWS Cost Explorer (AWSInsightsIndexService)."),
                ),
            }
        }
    };
}
crate::for_each_costexplorer_operation!(costexplorer_table);
