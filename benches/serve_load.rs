//! Load generator for `orgtui serve` (or any Organizations endpoint, e.g. moto's server):
//! N concurrent keep-alive connections for a fixed duration, a read-heavy mix of
//! DescribeOrganization, ListRoots, ListChildren, ListAccountsForParent and DescribePolicy,
//! reporting requests per second and p50/p90/p99 latency.
//!
//! ```sh
//! cargo bench --bench serve_load -- [--url http://127.0.0.1:4567] [--connections 8] [--seconds 10] [--close]
//! ```
//! `--close` asks for a new connection per request (what moto's HTTP server does anyway).
//! Without `--url` it serves the bundled sample organization in-process on a free port. The
//! ids the mix needs (root, an OU with accounts, a customer SCP) are discovered through the API,
//! so the same mix runs against any organization. `scripts/bench-serve.sh` compares orgtui with
//! moto on identical organizations.

use serde_json::{Value, json};
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Args {
    url: Option<String>,
    connections: usize,
    seconds: u64,
    label: String,
    close: bool,
}

fn parse_args() -> Args {
    let mut args =
        Args { url: None, connections: 8, seconds: 10, label: "orgtui serve".into(), close: false };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--url" => args.url = it.next(),
            "--connections" => args.connections = it.next().and_then(|v| v.parse().ok()).unwrap_or(8),
            "--seconds" => args.seconds = it.next().and_then(|v| v.parse().ok()).unwrap_or(10),
            "--label" => args.label = it.next().unwrap_or_default(),
            "--close" => args.close = true,
            _ => {} // cargo bench passes --bench; ignore anything unknown.
        }
    }
    args
}

/// A keep-alive HTTP/1.1 connection that reconnects when the server closes it (HTTP/1.0
/// servers such as werkzeug's close after every response).
struct Conn {
    addr: SocketAddr,
    /// Ask for `Connection: close` (a new connection per request).
    close: bool,
    /// Connections opened so far.
    opened: u64,
    stream: Option<TcpStream>,
    buf: Vec<u8>,
}

impl Conn {
    fn new(addr: SocketAddr, close: bool) -> Self {
        Conn { addr, close, opened: 0, stream: None, buf: Vec::with_capacity(16 * 1024) }
    }

    /// Sends one request; returns the status and body.
    async fn call(&mut self, op: &str, body: &str) -> std::io::Result<(u16, Vec<u8>)> {
        let req = format!(
            "POST / HTTP/1.1\r\nHost: {}\r\n{}Content-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AWSOrganizationsV20161128.{op}\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0\r\nContent-Length: {}\r\n\r\n{body}",
            self.addr,
            if self.close { "Connection: close\r\n" } else { "" },
            body.len()
        );
        if self.stream.is_none() {
            let s = TcpStream::connect(self.addr).await?;
            s.set_nodelay(true)?;
            self.opened += 1;
            self.stream = Some(s);
            self.buf.clear();
        }
        let stream = self.stream.as_mut().ok_or(std::io::ErrorKind::NotConnected)?;
        stream.write_all(req.as_bytes()).await?;
        let (status, body, close) = read_response(stream, &mut self.buf).await?;
        if close {
            self.stream = None;
        }
        Ok((status, body))
    }
}

async fn read_response(s: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<(u16, Vec<u8>, bool)> {
    let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_string());
    let mut chunk = [0u8; 16 * 1024];
    let head_end = loop {
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        let n = s.read(&mut chunk).await?;
        if n == 0 {
            return Err(bad("connection closed before the response head"));
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let status: u16 =
        status_line.split(' ').nth(1).and_then(|v| v.parse().ok()).ok_or_else(|| bad("status"))?;
    let mut length = None;
    let mut close = status_line.starts_with("http/1.0");
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            match (k.trim(), v.trim()) {
                ("content-length", v) => length = v.parse::<usize>().ok(),
                ("connection", "close") => close = true,
                ("connection", "keep-alive") => close = false,
                _ => {}
            }
        }
    }
    let start = head_end + 4;
    let body = match length {
        Some(len) => {
            while buf.len() < start + len {
                let n = s.read(&mut chunk).await?;
                if n == 0 {
                    return Err(bad("connection closed inside the body"));
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            let body = buf[start..start + len].to_vec();
            buf.drain(..start + len);
            body
        }
        None => {
            // No length: the body runs to the end of the connection.
            loop {
                let n = s.read(&mut chunk).await?;
                if n == 0 {
                    break;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            close = true;
            let body = buf[start..].to_vec();
            buf.clear();
            body
        }
    };
    Ok((status, body, close))
}

async fn json_call(conn: &mut Conn, op: &str, body: Value) -> Value {
    let (status, bytes) = conn.call(op, &body.to_string()).await.expect("request");
    let v: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    assert_eq!(status, 200, "{op} failed during discovery: {v}");
    v
}

/// The request mix: (operation, body), discovered from the organization.
async fn discover(addr: SocketAddr) -> Vec<(&'static str, String)> {
    let mut c = Conn::new(addr, false);
    let roots = json_call(&mut c, "ListRoots", json!({})).await;
    let root = roots["Roots"][0]["Id"].as_str().expect("a root").to_string();
    let ous =
        json_call(&mut c, "ListChildren", json!({"ParentId": root, "ChildType": "ORGANIZATIONAL_UNIT"}))
            .await;
    let mut ou_with_accounts = root.clone();
    for child in ous["Children"].as_array().into_iter().flatten() {
        let id = child["Id"].as_str().unwrap_or_default();
        let accts = json_call(&mut c, "ListAccountsForParent", json!({"ParentId": id})).await;
        if accts["Accounts"].as_array().is_some_and(|a| !a.is_empty()) {
            ou_with_accounts = id.to_string();
            break;
        }
    }
    let pols = json_call(&mut c, "ListPolicies", json!({"Filter": "SERVICE_CONTROL_POLICY"})).await;
    let policy = pols["Policies"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["Id"].as_str())
        .find(|id| *id != "p-FullAWSAccess")
        .unwrap_or("p-FullAWSAccess")
        .to_string();
    vec![
        ("DescribeOrganization", "{}".into()),
        ("ListRoots", "{}".into()),
        ("ListChildren", json!({"ParentId": root, "ChildType": "ORGANIZATIONAL_UNIT"}).to_string()),
        ("ListAccountsForParent", json!({"ParentId": ou_with_accounts}).to_string()),
        ("DescribePolicy", json!({"PolicyId": policy}).to_string()),
    ]
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    f64::from(sorted[i.min(sorted.len() - 1)]) / 1000.0
}

async fn run(addr: SocketAddr, args: &Args) {
    let close = args.close;
    let mix = std::sync::Arc::new(discover(addr).await);
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..args.connections {
        let mix = mix.clone();
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::new(addr, close);
            let mut latencies: Vec<u32> = Vec::with_capacity(100_000);
            let mut errors = 0u64;
            let mut i = worker;
            while Instant::now() < deadline {
                let (op, body) = &mix[i % mix.len()];
                i += 1;
                let t = Instant::now();
                match conn.call(op, body).await {
                    Ok((200, _)) => latencies.push(t.elapsed().as_micros().min(u32::MAX as u128) as u32),
                    Ok(_) | Err(_) => errors += 1,
                }
            }
            (latencies, errors, conn.opened)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    let mut opened = 0;
    for t in tasks {
        let (l, e, o) = t.await.expect("worker");
        all.extend(l);
        errors += e;
        opened += o;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_unstable();
    println!(
        "{}: {} concurrent clients{}, {:.1} s: {} requests over {} connections, {:.0} req/s, latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, {} errors",
        args.label,
        args.connections,
        if close { " asking for Connection: close" } else { "" },
        elapsed,
        all.len(),
        opened,
        all.len() as f64 / elapsed,
        percentile(&all, 0.50),
        percentile(&all, 0.90),
        percentile(&all, 0.99),
        errors
    );
}

fn main() {
    let args = parse_args();
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    rt.block_on(async {
        match &args.url {
            Some(url) => {
                let hostport = url.trim_start_matches("http://").trim_end_matches('/');
                let addr = tokio::net::lookup_host(hostport).await.expect("address").next().expect("address");
                run(addr, &args).await;
            }
            None => {
                let engine = orgtui::snapshot::sample_engine().expect("sample");
                let server = orgtui::serve::Server::bind(engine, orgtui::serve::ServeOptions::default())
                    .await
                    .expect("bind");
                let addr = server.local_addr().expect("addr");
                let (tx, rx) = tokio::sync::oneshot::channel::<()>();
                let handle = tokio::spawn(server.run(async move {
                    let _ = rx.await;
                }));
                run(addr, &args).await;
                let _ = tx.send(());
                let _ = handle.await;
            }
        }
    });
}
