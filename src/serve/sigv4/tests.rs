//! A request signed by botocore (the AWS CLI's signer) with a fixed clock: verification accepts
//! exactly it, and refuses every change to what was signed.

use super::*;
use axum::http::HeaderValue;

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const BODY: &[u8] = br#"{"AccountId": "222222222222"}"#;
/// 2026-01-02T03:04:05Z.
const AT: i64 = 1_767_323_045;
/// botocore's `SigV4Auth(Credentials("AKIDEXAMPLE", SECRET), "organizations", "us-east-1")`
/// on POST http://127.0.0.1:4567/ with BODY and the headers below, at AT.
const BOTOCORE_AUTH: &str = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/organizations/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=ee46a26cbe210eac37d2d0697ba20f8e2dffd10495f54da837f37748e48cafe0";

fn headers(auth: &str) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (k, v) in [
        ("content-type", "application/x-amz-json-1.1"),
        ("x-amz-target", "AWSOrganizationsV20161128.DescribeAccount"),
        ("x-amz-date", "20260102T030405Z"),
        ("host", "127.0.0.1:4567"),
        ("authorization", auth),
    ] {
        h.insert(k, HeaderValue::from_str(v).unwrap());
    }
    h
}

fn secrets() -> HashMap<String, String> {
    HashMap::from([("AKIDEXAMPLE".to_string(), SECRET.to_string())])
}

fn check(h: &HeaderMap, body: &[u8], now: i64) -> Result<String, SigError> {
    verify(&secrets(), "POST", &Uri::from_static("/"), h, body, now)
}

#[test]
fn a_botocore_signature_verifies() {
    assert_eq!(check(&headers(BOTOCORE_AUTH), BODY, AT), Ok("AKIDEXAMPLE".to_string()));
    // Within the allowed clock skew either way.
    assert!(check(&headers(BOTOCORE_AUTH), BODY, AT + MAX_SKEW_SECS).is_ok());
    assert!(check(&headers(BOTOCORE_AUTH), BODY, AT - MAX_SKEW_SECS).is_ok());
}

#[test]
fn any_change_to_what_was_signed_is_refused() {
    assert_eq!(
        check(&headers(BOTOCORE_AUTH), br#"{"AccountId": "333333333333"}"#, AT),
        Err(SigError::Mismatch)
    );
    let mut h = headers(BOTOCORE_AUTH);
    h.insert("x-amz-target", HeaderValue::from_static("AWSOrganizationsV20161128.CloseAccount"));
    assert_eq!(check(&h, BODY, AT), Err(SigError::Mismatch));
    let mut h = headers(BOTOCORE_AUTH);
    h.insert("host", HeaderValue::from_static("evil.example:4567"));
    assert_eq!(check(&h, BODY, AT), Err(SigError::Mismatch));
    let wrong = HashMap::from([("AKIDEXAMPLE".to_string(), "another-secret".to_string())]);
    let r = verify(&wrong, "POST", &Uri::from_static("/"), &headers(BOTOCORE_AUTH), BODY, AT);
    assert_eq!(r, Err(SigError::Mismatch));
    assert_eq!(r.unwrap_err().aws().0, "InvalidSignatureException");
}

#[test]
fn missing_unknown_malformed_and_expired() {
    let mut h = headers(BOTOCORE_AUTH);
    h.remove("authorization");
    assert_eq!(check(&h, BODY, AT), Err(SigError::Missing));
    let other = BOTOCORE_AUTH.replace("AKIDEXAMPLE", "AKIDOTHER");
    assert_eq!(check(&headers(&other), BODY, AT), Err(SigError::UnknownKey("AKIDOTHER".into())));
    assert!(matches!(
        check(&headers("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE"), BODY, AT),
        Err(SigError::Malformed(_))
    ));
    assert!(matches!(check(&headers("Basic dXNlcjpwYXNz"), BODY, AT), Err(SigError::Malformed(_))));
    let expired = check(&headers(BOTOCORE_AUTH), BODY, AT + MAX_SKEW_SECS + 1);
    assert!(
        matches!(&expired, Err(SigError::Expired(m)) if m.starts_with("Signature expired")),
        "{expired:?}"
    );
}

#[test]
fn canonical_pieces() {
    assert_eq!(parse_amz_date("20260102T030405Z"), Some(AT));
    assert_eq!(parse_amz_date("20000229T235959Z"), Some(951_868_799));
    assert_eq!(parse_amz_date("2026-01-02T03:04:05Z"), None);
    assert_eq!(encode("a b/c~d*"), "a%20b%2Fc~d%2A");
    let uri = Uri::from_static("/?b=2&a=%7E1&a=0");
    let c = canonical_request("GET", &uri, &HeaderMap::new(), "", b"");
    assert!(c.starts_with("GET\n/\na=0&a=~1&b=2\n"), "{c}");
    // RFC 4231 test case 2 for the HMAC.
    assert_eq!(
        hex(&hmac(b"Jefe", b"what do ya want for nothing?")),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
}
