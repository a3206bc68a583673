//! The `awsJson1_1` wire format of Organizations: the target header, the caller's access key,
//! request bodies decoded into the model's request types, and error bodies the SDKs turn into
//! their typed exceptions.

use crate::model::error::InvalidInputReason;
use crate::model::{OrgError, PolicyType};
use axum::http::HeaderMap;
use serde::de::DeserializeOwned;

/// The `X-Amz-Target` prefix of every Organizations operation.
pub const TARGET_PREFIX: &str = "AWSOrganizationsV20161128.";

/// The content type of awsJson 1.1 requests and responses.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// An error as it goes on the wire: HTTP status, `__type`, `Message` and optional `Reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError {
    /// HTTP status (400 for every modeled error).
    pub status: u16,
    /// The exception shape name (`__type`).
    pub code: String,
    /// The human-readable message (`Message`).
    pub message: String,
    /// The reason code (`Reason`) of the exceptions that carry one.
    pub reason: Option<String>,
}

impl WireError {
    /// A 400 error with no reason.
    pub fn bad_request(code: &str, message: impl Into<String>) -> Self {
        WireError { status: 400, code: code.into(), message: message.into(), reason: None }
    }

    /// The JSON body: `{"__type": ..., "Message": ..., "Reason": ...}`.
    pub fn body(&self) -> String {
        let mut obj = serde_json::Map::new();
        obj.insert("__type".into(), self.code.clone().into());
        obj.insert("Message".into(), self.message.clone().into());
        if let Some(r) = &self.reason {
            obj.insert("Reason".into(), r.clone().into());
        }
        serde_json::Value::Object(obj).to_string()
    }
}

impl From<OrgError> for WireError {
    /// The message is AWS's own wording when it is known (`model::aws_messages`), so clients
    /// see the sentences the real service sends; otherwise the engine's.
    fn from(e: OrgError) -> Self {
        let code = e.code_str().to_string();
        let message = crate::model::aws_messages::aws_message(&e).map(str::to_string).unwrap_or(e.message);
        WireError { status: 400, code, message, reason: e.reason }
    }
}

/// Checks `Content-Type`: `application/x-amz-json-1.1` (or 1.0, as the service's front end
/// accepts), parameters allowed. Anything else is not an awsJson request: the answer is
/// `UnknownOperationException`, as AWS gives for a request it cannot route.
pub fn content_type(headers: &HeaderMap) -> Result<(), WireError> {
    let ct = headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("");
    let media = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if media == CONTENT_TYPE || media == "application/x-amz-json-1.0" {
        return Ok(());
    }
    Err(WireError::bad_request(
        "UnknownOperationException",
        format!("Content-Type {ct:?} is not accepted; AWS Organizations takes {CONTENT_TYPE}."),
    ))
}

/// What the `X-Amz-Target` header asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `AWSOrganizationsV20161128.<Operation>`: the operation name (not yet known to exist).
    Operation(String),
    /// No target header.
    Missing,
    /// A target of another service or version, or not text.
    Foreign(String),
}

/// Reads the `X-Amz-Target` header.
pub fn target(headers: &HeaderMap) -> Target {
    match headers.get("x-amz-target") {
        None => Target::Missing,
        Some(v) => match v.to_str() {
            Ok(s) => match s.trim().strip_prefix(TARGET_PREFIX) {
                Some(op) if !op.is_empty() => Target::Operation(op.to_string()),
                _ => Target::Foreign(s.to_string()),
            },
            Err(_) => Target::Foreign(String::from_utf8_lossy(v.as_bytes()).into_owned()),
        },
    }
}

/// The access key id of a SigV4-signed request (`Credential=AKID/date/region/service/aws4_request`
/// in the `Authorization` header), if any. The signature itself is not checked.
pub fn access_key(headers: &HeaderMap) -> Option<String> {
    let auth = headers.get("authorization")?.to_str().ok()?;
    let (_, rest) = auth.split_once("Credential=")?;
    let cred = rest.split([',', ' ']).next()?;
    let key = cred.split('/').next()?.trim();
    (!key.is_empty()).then(|| key.to_string())
}

/// Decodes a request body into the operation's input type. An empty body is an empty object.
///
/// Malformed JSON, trailing data or a member of the wrong JSON type is a
/// `SerializationException` (what the service's front end answers); a missing required member
/// is `InvalidInputException` `INPUT_REQUIRED`, and an unknown enumeration value is
/// `InvalidInputException` `INVALID_ENUM` (`INVALID_ENUM_POLICY_TYPE` for policy types), as the
/// service validates them.
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, WireError> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) { b"{}" } else { body };
    // An operation's input is a structure: a list, string, number or null is refused as AWS
    // refuses it, before serde could read a list as a structure.
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => {}
        Some(b'[') => return Err(serialization("Start of list found where not expected".into())),
        _ => {
            return Err(serialization(
                "Start of structure or map expected: the body must be a JSON object".into(),
            ));
        }
    }
    let de = &mut serde_json::Deserializer::from_slice(body);
    let value: T = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
        let path = e.path().to_string();
        classify(&path, e.into_inner())
    })?;
    de.end().map_err(|e| serialization(format!("Unexpected data after the JSON document: {e}")))?;
    Ok(value)
}

fn serialization(message: String) -> WireError {
    WireError::bad_request("SerializationException", message)
}

fn classify(path: &str, e: serde_json::Error) -> WireError {
    use serde_json::error::Category;
    if !matches!(e.classify(), Category::Data) {
        return serialization(format!("Malformed JSON request body: {e}"));
    }
    let text = e.to_string();
    // serde_json appends " at line L column C"; keep the message itself.
    let msg = text.split(" at line ").next().unwrap_or(&text);
    if let Some(field) = msg.strip_prefix("missing field `").and_then(|r| r.split('`').next()) {
        let full = if path == "." { field.to_string() } else { format!("{path}.{field}") };
        return OrgError::invalid_input(
            InvalidInputReason::InputRequired,
            format!("You must specify a value for {full}."),
        )
        .into();
    }
    if msg.starts_with("unknown variant") {
        let last = path.rsplit('.').next().unwrap_or(path);
        let is_policy_type = msg.contains(PolicyType::ServiceControlPolicy.as_str())
            && matches!(last, "PolicyType" | "Type" | "Filter");
        let reason = if is_policy_type {
            InvalidInputReason::InvalidEnumPolicyType
        } else {
            InvalidInputReason::InvalidEnum
        };
        let what = if is_policy_type { "policy type" } else { "value" };
        return OrgError::invalid_input(reason, format!("You specified an invalid {what} for {path}."))
            .into();
    }
    serialization(format!("Cannot read {path}: {msg}."))
}

/// Removes `null` members from objects (AWS never sends them; absent optional members are
/// simply left out).
pub fn strip_nulls(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.retain(|_, x| !x.is_null());
            map.values_mut().for_each(strip_nulls);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::requests::*;

    #[test]
    fn access_key_from_sigv4_header() {
        let mut h = HeaderMap::new();
        h.insert(
            "authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDMEMBER/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=abc"
                .parse()
                .unwrap(),
        );
        assert_eq!(access_key(&h).as_deref(), Some("AKIDMEMBER"));
        assert_eq!(access_key(&HeaderMap::new()), None);
    }

    #[test]
    fn decode_errors_have_service_codes() {
        let e = decode::<DescribePolicyRequest>(b"{").unwrap_err();
        assert_eq!(e.code, "SerializationException");
        let e = decode::<DescribePolicyRequest>(b"{}").unwrap_err();
        assert_eq!((e.code.as_str(), e.reason.as_deref()), ("InvalidInputException", Some("INPUT_REQUIRED")));
        let e = decode::<DescribePolicyRequest>(br#"{"PolicyId": 5}"#).unwrap_err();
        assert_eq!(e.code, "SerializationException");
        let e = decode::<ListPoliciesRequest>(br#"{"Filter": "NOPE"}"#).unwrap_err();
        assert_eq!(e.reason.as_deref(), Some("INVALID_ENUM_POLICY_TYPE"));
        let e = decode::<CreateOrganizationRequest>(br#"{"FeatureSet": "NOPE"}"#).unwrap_err();
        assert_eq!(e.reason.as_deref(), Some("INVALID_ENUM"));
        let e = decode::<DescribeOrganizationRequest>(b"{} x").unwrap_err();
        assert_eq!(e.code, "SerializationException");
        assert!(decode::<DescribeOrganizationRequest>(b"").is_ok());
    }
}
