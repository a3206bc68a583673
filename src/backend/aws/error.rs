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
    match &e {
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
            // Classified on the full context (Debug included), shown as sentences only.
            let full = DisplayErrorContext(&e).to_string();
            if d.is_timeout() {
                let cause = d.as_connector_error().map(|c| causes(c)).unwrap_or_default();
                OrgError::unknown(
                    "RequestTimeout",
                    None,
                    format!("The call timed out{cause}. Try again, or raise --timeout-secs."),
                )
            } else if is_credentials(&full) {
                OrgError::unknown(
                    "CredentialsError",
                    None,
                    format!("No usable AWS credentials{}", causes(&e)),
                )
            } else {
                let text = d.as_connector_error().map(|c| causes(c)).unwrap_or_else(|| causes(&e));
                OrgError::unknown("NetworkError", None, transport_sentence(&text))
            }
        }
        SdkError::ResponseError(_) => OrgError::unknown(
            "InvalidResponse",
            None,
            format!(
                "The endpoint's answer could not be read as an AWS Organizations response{}. Check that --endpoint-url points at an Organizations endpoint.",
                causes(&e)
            ),
        ),
        _ => {
            let full = DisplayErrorContext(&e).to_string();
            if is_credentials(&full) {
                OrgError::unknown(
                    "CredentialsError",
                    None,
                    format!("No usable AWS credentials{}", causes(&e)),
                )
            } else {
                OrgError::unknown(
                    "RequestFailed",
                    None,
                    format!("The request could not be sent{}", causes(&e)),
                )
            }
        }
    }
}

/// `": cause: inner cause"` — the Display texts of an error and its sources (never a Debug
/// dump such as `ConnectorError { kind: Io, … }`), or nothing when there is no text.
fn causes(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = Some(e);
    while let Some(err) = cur {
        let t = err.to_string();
        if !t.is_empty() && !parts.iter().any(|p| p.contains(&t)) {
            parts.push(t);
        }
        cur = err.source();
    }
    if parts.is_empty() { String::new() } else { format!(": {}", parts.join(": ")) }
}

/// A sentence saying what failed on the way to the endpoint and what to try, followed by the
/// causes (`text` is what [`causes`] made).
pub fn transport_sentence(text: &str) -> String {
    let t = text.to_ascii_lowercase();
    let (what, hint) = if t.contains("connection refused") {
        (
            "Could not connect to the endpoint: the connection was refused",
            "Is the endpoint running, and are --endpoint-url and the region right?",
        )
    } else if t.contains("dns") || t.contains("lookup address") || t.contains("name or service not known") {
        (
            "Could not resolve the endpoint's host name",
            "Check --endpoint-url and the region, and that this machine's DNS works.",
        )
    } else if t.contains("certificate") || t.contains("tls") || t.contains("handshake") {
        (
            "The secure connection (TLS) to the endpoint failed",
            "Check --endpoint-url (http or https?) and any proxy that intercepts TLS.",
        )
    } else if t.contains("reset")
        || t.contains("broken pipe")
        || t.contains("closed")
        || t.contains("incomplete")
    {
        (
            "The endpoint closed the connection before answering",
            "Try again; if it keeps happening, check the network and any proxy in between.",
        )
    } else {
        (
            "Could not reach the endpoint",
            "Check the network, proxy settings (HTTPS_PROXY) and --endpoint-url, then try again.",
        )
    };
    format!("{what}. {hint} (cause{text})")
}

/// Whether an SDK failure's text is about credentials (the SDK reports identity failures as
/// construction or dispatch failures, without a dedicated variant).
pub fn is_credentials(detail: &str) -> bool {
    let d = detail.to_ascii_lowercase();
    d.contains("credential") || d.contains("identity") || d.contains("token has expired") || d.contains("sso")
}
