//! AWS Signature Version 4 verification for `orgtui serve --caller KEY=ACCOUNT_ID:SECRET`: the
//! canonical request, string to sign and signing key as the SigV4 documentation defines them
//! ("Create a canonical request", "Create a string to sign", "Calculate the signature"), so a
//! request signed by an SDK with the right secret is accepted and any other is refused the way
//! AWS refuses it.

use axum::http::{HeaderMap, Uri};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt::Write;

/// How far `X-Amz-Date` may be from the server's clock, either way (AWS allows 15 minutes;
/// beyond that the answer is "Signature expired").
pub const MAX_SKEW_SECS: i64 = 15 * 60;

/// Why a request's signature is not accepted; each maps to AWS's error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigError {
    /// No `Authorization` header (AWS: `MissingAuthenticationTokenException`).
    Missing,
    /// The access key has no secret here (AWS: `UnrecognizedClientException`).
    UnknownKey(String),
    /// The header or `X-Amz-Date` cannot be read (AWS: `IncompleteSignatureException`).
    Malformed(String),
    /// `X-Amz-Date` is too far from now (AWS: `InvalidSignatureException`, "Signature expired").
    Expired(String),
    /// The signature does not match (AWS: `InvalidSignatureException`).
    Mismatch,
}

impl SigError {
    /// The exception name, HTTP status and message AWS answers with.
    pub fn aws(&self) -> (&'static str, u16, String) {
        match self {
            SigError::Missing => ("MissingAuthenticationTokenException", 403, "Missing Authentication Token".into()),
            SigError::UnknownKey(_) => (
                "UnrecognizedClientException",
                403,
                "The security token included in the request is invalid.".into(),
            ),
            SigError::Malformed(m) => ("IncompleteSignatureException", 400, m.clone()),
            SigError::Expired(m) => ("InvalidSignatureException", 400, m.clone()),
            SigError::Mismatch => (
                "InvalidSignatureException",
                403,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.".into(),
            ),
        }
    }
}

/// The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`
/// header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    /// The access key id.
    pub key: String,
    /// `date/region/service/aws4_request`.
    pub scope: String,
    /// `yyyymmdd` of the scope.
    pub date: String,
    /// Region of the scope.
    pub region: String,
    /// Service of the scope.
    pub service: String,
    /// Lower-case header names, `;`-separated, as signed.
    pub signed_headers: String,
    /// Hex signature.
    pub signature: String,
}

/// Reads the `Authorization` header.
pub fn authorization(headers: &HeaderMap) -> Result<Authorization, SigError> {
    let Some(v) = headers.get("authorization") else { return Err(SigError::Missing) };
    let v = v.to_str().map_err(|_| SigError::Malformed("The Authorization header is not text.".into()))?;
    let rest = v.trim().strip_prefix("AWS4-HMAC-SHA256").ok_or_else(|| {
        SigError::Malformed("Only the AWS4-HMAC-SHA256 signing algorithm is supported.".into())
    })?;
    let mut parts: HashMap<&str, &str> = HashMap::new();
    for p in rest.split(',') {
        if let Some((k, v)) = p.trim().split_once('=') {
            parts.insert(k.trim(), v.trim());
        }
    }
    let get = |k: &str| {
        parts
            .get(k)
            .copied()
            .filter(|v| !v.is_empty())
            .ok_or_else(|| SigError::Malformed(format!("Authorization header requires '{k}' parameter.")))
    };
    let credential = get("Credential")?;
    let (signed_headers, signature) = (get("SignedHeaders")?, get("Signature")?);
    let fields: Vec<&str> = credential.split('/').collect();
    let [key, date, region, service, "aws4_request"] = fields.as_slice() else {
        return Err(SigError::Malformed(format!(
            "Credential should be scoped to a valid region, service and date: {credential}"
        )));
    };
    Ok(Authorization {
        key: key.to_string(),
        scope: fields[1..].join("/"),
        date: date.to_string(),
        region: region.to_string(),
        service: service.to_string(),
        signed_headers: signed_headers.to_ascii_lowercase(),
        signature: signature.to_ascii_lowercase(),
    })
}

/// Checks a request's signature against the secrets (access key id → secret access key);
/// returns the access key id. `now` is seconds since the epoch.
pub fn verify(
    secrets: &HashMap<String, String>,
    method: &str,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
    now: i64,
) -> Result<String, SigError> {
    let auth = authorization(headers)?;
    let secret = secrets.get(&auth.key).ok_or_else(|| SigError::UnknownKey(auth.key.clone()))?;
    let amz_date = headers
        .get("x-amz-date")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| SigError::Malformed("The request must carry an X-Amz-Date header.".into()))?;
    let at = parse_amz_date(amz_date)
        .ok_or_else(|| SigError::Malformed(format!("X-Amz-Date {amz_date:?} is not yyyymmddThhmmssZ.")))?;
    if (now - at).abs() > MAX_SKEW_SECS {
        return Err(SigError::Expired(format!(
            "Signature expired: {amz_date} is now earlier or later than the server time by more than 15 minutes."
        )));
    }
    if !amz_date.starts_with(&auth.date) {
        return Err(SigError::Malformed("The credential date does not match X-Amz-Date.".into()));
    }
    let canonical = canonical_request(method, uri, headers, &auth.signed_headers, body);
    let to_sign = string_to_sign(amz_date, &auth.scope, &canonical);
    let expected = signature(secret, &auth.date, &auth.region, &auth.service, &to_sign);
    if constant_time_eq(expected.as_bytes(), auth.signature.as_bytes()) {
        Ok(auth.key)
    } else {
        Err(SigError::Mismatch)
    }
}

/// The canonical request: method, canonical URI, canonical query string, canonical headers,
/// signed headers and the hex SHA-256 of the payload, one per line.
pub fn canonical_request(method: &str, uri: &Uri, headers: &HeaderMap, signed: &str, body: &[u8]) -> String {
    let path = uri.path();
    let canonical_uri = if path.is_empty() {
        "/".to_string()
    } else {
        // Each segment URI-encoded (again: services other than S3 encode the encoded path).
        path.split('/').map(|seg| encode(seg)).collect::<Vec<_>>().join("/")
    };
    let mut query: Vec<(String, String)> = uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (encode(&decode(k)), encode(&decode(v)))
        })
        .collect();
    query.sort();
    let query = query.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
    let mut canonical_headers = String::new();
    for name in signed.split(';') {
        let values: Vec<String> = headers
            .get_all(name)
            .iter()
            .map(|v| String::from_utf8_lossy(v.as_bytes()).split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        let _ = writeln!(canonical_headers, "{name}:{}", values.join(","));
    }
    format!("{method}\n{canonical_uri}\n{query}\n{canonical_headers}\n{signed}\n{}", sha256_hex(body))
}

/// `AWS4-HMAC-SHA256`, the request date, the scope and the hash of the canonical request.
pub fn string_to_sign(amz_date: &str, scope: &str, canonical_request: &str) -> String {
    format!("AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}", sha256_hex(canonical_request.as_bytes()))
}

/// The hex signature: HMAC chain `AWS4`+secret → date → region → service → `aws4_request`,
/// then HMAC of the string to sign.
pub fn signature(secret: &str, date: &str, region: &str, service: &str, string_to_sign: &str) -> String {
    let k_date = hmac(format!("AWS4{secret}").as_bytes(), date.as_bytes());
    let k_region = hmac(&k_date, region.as_bytes());
    let k_service = hmac(&k_region, service.as_bytes());
    let k_signing = hmac(&k_service, b"aws4_request");
    hex(&hmac(&k_signing, string_to_sign.as_bytes()))
}

fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

/// HMAC-SHA256 (RFC 2104): H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), 64-byte blocks.
fn hmac(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let mut inner = Sha256::new();
    inner.update(block.map(|b| b ^ 0x36));
    inner.update(msg);
    let mut outer = Sha256::new();
    outer.update(block.map(|b| b ^ 0x5c));
    outer.update(inner.finalize());
    outer.finalize().into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// URI-encodes every byte except the unreserved characters `A-Z a-z 0-9 - . _ ~`.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Percent-decodes (`+` stays a plus, as SigV4 wants).
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(v) = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `yyyymmddThhmmssZ` → seconds since the epoch.
fn parse_amz_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        s.get(r).filter(|t| t.bytes().all(|c| c.is_ascii_digit()))?.parse::<i64>().ok()
    };
    let (y, m, d) = (num(0..4)?, num(4..6)?, num(6..8)?);
    let (hh, mm, ss) = (num(9..11)?, num(11..13)?, num(13..15)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    // Days from civil (proleptic Gregorian), 1970-01-01 = 0.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hh * 3600 + mm * 60 + ss)
}

#[cfg(test)]
mod tests;
