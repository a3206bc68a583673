//! `orgtui serve` against hostile clients, over real sockets on 127.0.0.1: a foreign `Host`
//! (DNS rebinding), slowloris and idle connections under a connection cap, a body that never
//! arrives, non-object bodies, wrong content types and paths, and SigV4 verification with the
//! Rust SDK's signer.

use aws_sdk_organizations::config::{BehaviorVersion, Credentials, Region};
use orgtui::model::AccountId;
use orgtui::serve::net::Limits;
use orgtui::serve::{Delays, ServeOptions, ServedOrg, Server, load_engine};
use serde_json::Value;
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const SHORT: Duration = Duration::from_millis(300);

async fn start(options: ServeOptions) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let (engine, persist, _) = load_engine(&ServedOrg::Empty(None), Delays::default()).expect("engine");
    let server = Server::bind(engine, ServeOptions { persist, ..options }).await.expect("bind");
    let addr = server.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(server.run(async move {
        let _ = rx.await;
    }));
    (addr, tx)
}

fn short_limits(max_connections: usize) -> ServeOptions {
    ServeOptions {
        limits: Limits { header_timeout: SHORT, body_timeout: SHORT, max_connections },
        ..ServeOptions::default()
    }
}

/// One request with the given Host, Content-Type, path and body; returns status and JSON body.
async fn send(addr: SocketAddr, host: &str, ctype: &str, path: &str, body: &str) -> (u16, Value) {
    let req = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Type: {ctype}\r\nX-Amz-Target: AWSOrganizationsV20161128.ListRoots\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(req.as_bytes()).await.unwrap();
    let mut buf = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), s.read_to_end(&mut buf)).await.unwrap().unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("a response");
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

const JSON: &str = "application/x-amz-json-1.1";

#[tokio::test]
async fn only_the_bound_host_names_are_served() {
    let (a, _stop) = start(ServeOptions::default()).await;
    for host in [format!("127.0.0.1:{}", a.port()), format!("localhost:{}", a.port()), "[::1]".into()] {
        let (status, v) = send(a, &host, JSON, "/", "{}").await;
        assert_eq!(status, 400, "{host}: {v}"); // no organization yet: served, AWS's answer
        assert_eq!(v["__type"], "AWSOrganizationsNotInUseException");
    }
    for host in ["evil.example", "evil.example:4567", "127.0.0.1.evil.example"] {
        let (status, v) = send(a, host, JSON, "/", "{}").await;
        assert_eq!((status, v["__type"].as_str()), (403, Some("AccessDeniedException")), "{host}: {v}");
        assert!(v["Message"].as_str().unwrap().contains("--allow-host"), "{v}");
    }
    let (a, _stop) =
        start(ServeOptions { allow_hosts: vec!["orgtui.test".into()], ..Default::default() }).await;
    assert_eq!(send(a, "orgtui.test:80", JSON, "/", "{}").await.0, 400);
    assert_eq!(send(a, "evil.example", JSON, "/", "{}").await.0, 403);
}

#[tokio::test]
async fn bodies_content_types_and_paths_as_aws() {
    let (a, _stop) = start(ServeOptions::default()).await;
    let host = "localhost";
    for body in ["[]", "\"x\"", "1", "null", "true"] {
        let (status, v) = send(a, host, JSON, "/", body).await;
        assert_eq!((status, v["__type"].as_str()), (400, Some("SerializationException")), "{body}: {v}");
    }
    for ctype in ["text/plain", "application/json", "application/x-www-form-urlencoded"] {
        let (status, v) = send(a, host, ctype, "/", "{}").await;
        assert_eq!((status, v["__type"].as_str()), (400, Some("UnknownOperationException")), "{ctype}: {v}");
    }
    let (status, v) = send(a, host, "application/x-amz-json-1.1; charset=utf-8", "/", "{}").await;
    assert_eq!((status, v["__type"].as_str()), (400, Some("AWSOrganizationsNotInUseException")), "{v}");
    for path in ["/foo", "/admin/", "//"] {
        let (status, v) = send(a, host, JSON, path, "{}").await;
        assert_eq!((status, v["__type"].as_str()), (404, Some("UnknownOperationException")), "{path}: {v}");
    }
}

/// Opens a connection that sends part of a request head and then nothing.
async fn slowloris(addr: SocketAddr) -> TcpStream {
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(b"POST / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ").await.unwrap();
    s
}

/// Whether the server closed the connection within `within`.
async fn closed_within(s: &mut TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 512];
    loop {
        match tokio::time::timeout(within, s.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue, // a 408 may come first
            Err(_) => return false,
        }
    }
}

#[tokio::test]
async fn slow_and_idle_connections_are_closed_and_cannot_starve_new_clients() {
    let (a, _stop) = start(short_limits(8)).await;
    let started = Instant::now();
    // Far more slow and idle connections than the cap.
    let mut slow = Vec::new();
    for _ in 0..40 {
        slow.push(slowloris(a).await);
        slow.push(TcpStream::connect(a).await.unwrap());
    }
    // Over the cap, a client is told at once to come back (503, which SDKs retry); retrying
    // as they do, it is served within a header timeout or two.
    let mut answers = Vec::new();
    loop {
        let (status, v) = send(a, "localhost", JSON, "/", "{}").await;
        answers.push(status);
        if status != 503 {
            assert_eq!(v["__type"], "AWSOrganizationsNotInUseException", "{status} {v}");
            break;
        }
        assert_eq!(v["__type"], "ServiceUnavailableException", "{v}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "not served after {:?}: {answers:?}",
            started.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(answers.contains(&503), "the cap was never reached: {answers:?}");
    // Every slow or idle connection is closed by the server (over the cap: at once).
    for (i, s) in slow.iter_mut().enumerate() {
        assert!(closed_within(s, Duration::from_secs(3)).await, "connection {i} still open");
    }
    assert!(started.elapsed() < Duration::from_secs(6), "{:?}", started.elapsed());
}

#[tokio::test]
async fn a_body_that_never_arrives_times_out() {
    let (a, _stop) = start(short_limits(8)).await;
    let mut s = TcpStream::connect(a).await.unwrap();
    let head = format!(
        "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: {JSON}\r\nX-Amz-Target: AWSOrganizationsV20161128.ListRoots\r\nContent-Length: 100\r\n\r\n{{\"Max"
    );
    s.write_all(head.as_bytes()).await.unwrap();
    let mut buf = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), s.read_to_end(&mut buf)).await;
    assert!(read.is_ok(), "the server kept the connection open");
    let text = String::from_utf8_lossy(&buf);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(text.contains("RequestTimeoutException"), "{text}");
}

fn sdk(addr: SocketAddr, key: &str, secret: &str) -> aws_sdk_organizations::Client {
    let conf = aws_sdk_organizations::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .endpoint_url(format!("http://{addr}"))
        .credentials_provider(Credentials::new(key, secret, None, None, "test"))
        .retry_config(aws_sdk_organizations::config::retry::RetryConfig::disabled())
        .build();
    aws_sdk_organizations::Client::from_conf(conf)
}

fn code<E: aws_sdk_organizations::error::ProvideErrorMetadata>(r: Result<impl std::fmt::Debug, E>) -> String {
    r.err().and_then(|e| e.code().map(str::to_string)).unwrap_or_else(|| "ok".into())
}

#[tokio::test]
async fn sigv4_signatures_are_verified_when_callers_have_secrets() {
    let management = AccountId::parse("111111111111").unwrap();
    let member = AccountId::parse("222222222222").unwrap();
    let options = ServeOptions {
        callers: vec![("AKIDMGMT".into(), management), ("AKIDMEMBER".into(), member)],
        secrets: vec![
            ("AKIDMGMT".into(), "mgmt/secret+1".into()),
            ("AKIDMEMBER".into(), "member-secret".into()),
        ],
        ..ServeOptions::default()
    };
    let (a, _stop) = start(options).await;
    // The right secret: the call reaches the engine (the management-to-be account creates the
    // organization; the member account stands alone).
    let org = sdk(a, "AKIDMGMT", "mgmt/secret+1").create_organization().send().await.expect("signed call");
    assert_eq!(org.organization().unwrap().master_account_id(), Some("111111111111"));
    let r = sdk(a, "AKIDMEMBER", "member-secret").describe_organization().send().await;
    assert_eq!(code(r), "AWSOrganizationsNotInUseException");
    // A wrong secret, an unknown key, no signature at all.
    assert_eq!(code(sdk(a, "AKIDMGMT", "guess").list_roots().send().await), "InvalidSignatureException");
    assert_eq!(code(sdk(a, "AKIDOTHER", "x").list_roots().send().await), "UnrecognizedClientException");
    let (status, v) = send(a, "localhost", JSON, "/", "{}").await;
    assert_eq!((status, v["__type"].as_str()), (403, Some("MissingAuthenticationTokenException")), "{v}");
}
