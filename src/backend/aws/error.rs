//! SDK failures as `OrgError`: a service error keeps its exception name and its `Reason`
//! member (read from the response body, so every operation's error shape is covered by one
//! function); transport, timeout and credential failures become errors that say what happened.

use crate::model::*;
use aws_sdk_organizations::config::http::HttpResponse as Response;
use aws_sdk_organizations::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};

/// Turns any SDK failure into the `OrgError` the engine would give for the same situation.
pub fn map<E>(e: SdkError<E, Response>) -> OrgError
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    match e {
        SdkError::ServiceError(ctx) => {
            let body: Option<serde_json::Value> =
                ctx.raw().body().bytes().and_then(|b| serde_json::from_slice(b).ok());
            let field = |name: &str| {
                body.as_ref().and_then(|v| v.get(name)).and_then(|v| v.as_str()).map(str::to_string)
            };
            let err = ctx.err();
            let code = err
                .code()
                .map(str::to_string)
                .or_else(|| field("__type"))
                .map(|c| c.rsplit('#').next().unwrap_or(&c).to_string())
                .unwrap_or_else(|| format!("HTTP{}", ctx.raw().status().as_u16()));
            let message = err
                .message()
                .map(str::to_string)
                .or_else(|| field("Message").or_else(|| field("message")))
                .unwrap_or_default();
            OrgError::unknown(code, field("Reason"), message)
        }
        SdkError::TimeoutError(_) => OrgError::unknown(
            "RequestTimeout",
            None,
            "The call did not finish within the operation timeout (see --timeout-secs).",
        ),
        SdkError::DispatchFailure(d) => {
            let detail = d
                .as_connector_error()
                .map(|c| DisplayErrorContext(c).to_string())
                .unwrap_or_else(|| format!("{d:?}"));
            if d.is_timeout() {
                OrgError::unknown("RequestTimeout", None, format!("The call timed out: {detail}"))
            } else if is_credentials(&detail) {
                OrgError::unknown("CredentialsError", None, format!("No usable AWS credentials: {detail}"))
            } else {
                OrgError::unknown("NetworkError", None, format!("Could not reach the endpoint: {detail}"))
            }
        }
        SdkError::ResponseError(r) => OrgError::unknown(
            "InvalidResponse",
            None,
            format!("The endpoint's response could not be read: {r:?}"),
        ),
        other => {
            let detail = DisplayErrorContext(&other).to_string();
            if is_credentials(&detail) {
                OrgError::unknown("CredentialsError", None, format!("No usable AWS credentials: {detail}"))
            } else {
                OrgError::unknown("RequestFailed", None, format!("The request could not be sent: {detail}"))
            }
        }
    }
}

/// Whether an SDK failure's text is about credentials (the SDK reports identity failures as
/// construction or dispatch failures, without a dedicated variant).
pub fn is_credentials(detail: &str) -> bool {
    let d = detail.to_ascii_lowercase();
    d.contains("credential") || d.contains("identity") || d.contains("token has expired") || d.contains("sso")
}
