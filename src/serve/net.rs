//! The endpoint's defences against hostile clients: the `Host` header is checked (a browser
//! page cannot reach a loopback endpoint through DNS rebinding), a connection that is slow to
//! send its headers or sits idle is closed, bodies must arrive in time, and at most
//! `max_connections` connections are served at once: one more is answered at once with a 503
//! `ServiceUnavailableException` (which SDKs retry) and closed, so neither file descriptors nor
//! a queue build up behind slow or idle clients.

use super::wire::WireError;
use axum::Router;
use axum::http::HeaderMap;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};

/// Timeouts and the connection cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Time a connection gets to send a request's headers, counted from the end of the
    /// previous response on a kept-alive connection: the idle timeout too.
    pub header_timeout: Duration,
    /// Time a request's body gets to arrive once its headers are in.
    pub body_timeout: Duration,
    /// Connections served at once.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            max_connections: 128,
        }
    }
}

/// Which `Host` header values are accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPolicy {
    names: Vec<String>,
    any: bool,
    any_ip: bool,
    loopback: bool,
}

impl HostPolicy {
    /// The bound host's own names, plus `allowed` (`*` accepts every host). A loopback bind
    /// accepts `localhost` and loopback addresses; a wildcard bind (`0.0.0.0`, `::`) accepts
    /// any IP address and `localhost` (names other than these need `--allow-host`).
    pub fn new(bound: &str, allowed: &[String]) -> HostPolicy {
        let bound = normalize(bound);
        let ip = bound.parse::<IpAddr>().ok();
        let wildcard = ip.is_some_and(|i| i.is_unspecified());
        HostPolicy {
            any: allowed.iter().any(|a| a.trim() == "*"),
            any_ip: wildcard,
            loopback: wildcard || is_loopback(&bound),
            names: std::iter::once(bound).chain(allowed.iter().map(|a| normalize(a))).collect(),
        }
    }

    /// Whether requests with this `Host` value (port allowed) are served.
    pub fn accepts(&self, host: &str) -> bool {
        let name = normalize(strip_port(host));
        if self.any || self.names.iter().any(|n| *n == name) {
            return true;
        }
        let ip = name.parse::<IpAddr>().ok();
        (self.any_ip && ip.is_some()) || (self.loopback && is_loopback(&name))
    }

    /// The check `handle` runs first: a missing or foreign `Host` is refused.
    pub fn check(&self, headers: &HeaderMap) -> Result<(), WireError> {
        let host = headers.get("host").and_then(|v| v.to_str().ok()).unwrap_or("");
        if !host.is_empty() && self.accepts(host) {
            return Ok(());
        }
        Err(WireError {
            status: 403,
            code: "AccessDeniedException".into(),
            message: format!(
                "Host {host:?} is not served by this endpoint (a page in a browser may be trying to reach it); start orgtui serve with --allow-host NAME to accept that name."
            ),
            reason: None,
        })
    }
}

/// Whether a host name or address is the loopback interface.
pub fn is_loopback(host: &str) -> bool {
    let h = normalize(host);
    h == "localhost" || h.ends_with(".localhost") || h.parse::<IpAddr>().is_ok_and(|i| i.is_loopback())
}

/// Lower case, brackets of an IPv6 literal and a trailing dot removed.
fn normalize(host: &str) -> String {
    let h = host.trim().trim_end_matches('.').to_ascii_lowercase();
    h.strip_prefix('[').and_then(|r| r.strip_suffix(']')).map(str::to_string).unwrap_or(h)
}

/// `name:port` → `name`, `[v6]:port` → `[v6]`; a bare IPv6 literal is left alone.
fn strip_port(host: &str) -> &str {
    let h = host.trim();
    if h.starts_with('[') {
        return h.split_once(']').map(|(a, _)| &h[..a.len() + 1]).unwrap_or(h);
    }
    match h.rsplit_once(':') {
        Some((name, port)) if !name.contains(':') && port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => h,
    }
}

/// Serves `router` on `listener` until `shutdown` completes, then stops accepting, asks every
/// connection to finish its request in flight and close, and waits for them (10 s at most).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let max = limits.max_connections.clamp(1, Semaphore::MAX_PERMITS);
    let permits = Arc::new(Semaphore::new(max));
    let (stop_tx, stop_rx) = watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        let (mut stream, peer) = tokio::select! {
            _ = &mut shutdown => break,
            r = listener.accept() => match r {
                Ok((s, peer)) => (s, peer),
                Err(e) => {
                    // Out of descriptors or a connection reset before accept: retry shortly.
                    tracing::warn!("serve: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            tokio::spawn(async move {
                let _ = tokio::time::timeout(Duration::from_secs(1), busy(&mut stream)).await;
            });
            continue;
        };
        let service = TowerToHyperService::new(router.clone().layer(axum::Extension(super::Peer(peer))));
        let mut stop = stop_rx.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout).keep_alive(true);
            let conn = builder.serve_connection(TokioIo::new(stream), service);
            tokio::pin!(conn);
            let stopping = async move {
                let _ = stop.wait_for(|s| *s).await;
            };
            tokio::select! {
                _ = conn.as_mut() => return,
                _ = stopping => {}
            }
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        });
    }
    drop(listener);
    let _ = stop_tx.send(true);
    let all = u32::try_from(max).unwrap_or(u32::MAX);
    let _ = tokio::time::timeout(Duration::from_secs(10), permits.acquire_many(all)).await;
    Ok(())
}

/// The answer to a connection over the cap: 503 `ServiceUnavailableException`, then close.
async fn busy(stream: &mut tokio::net::TcpStream) {
    use tokio::io::AsyncWriteExt;
    let body =
        r#"{"__type":"ServiceUnavailableException","Message":"Too many connections; try again shortly."}"#;
    let response = format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: {}\r\nx-amzn-ErrorType: ServiceUnavailableException\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        super::wire::CONTENT_TYPE,
        body.len()
    );
    let _ = stream.write_all(response.as_bytes()).await;
    let _ = stream.shutdown().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_bind_accepts_loopback_names_only() {
        let p = HostPolicy::new("127.0.0.1", &[]);
        for ok in ["127.0.0.1:4567", "localhost:4567", "LOCALHOST", "[::1]:4567", "127.0.0.1", "localhost."] {
            assert!(p.accepts(ok), "{ok}");
        }
        for bad in ["evil.example:4567", "evil.example", "10.0.0.1:4567", "127.0.0.1.evil.example", ""] {
            assert!(!p.accepts(bad), "{bad}");
        }
        let p = HostPolicy::new("127.0.0.1", &["orgtui.test".into()]);
        assert!(p.accepts("orgtui.test:4567") && !p.accepts("evil.example"));
        assert!(HostPolicy::new("127.0.0.1", &["*".into()]).accepts("evil.example"));
    }

    #[test]
    fn wildcard_and_named_binds() {
        let p = HostPolicy::new("0.0.0.0", &[]);
        assert!(p.accepts("192.168.1.5:4567") && p.accepts("localhost") && !p.accepts("evil.example"));
        let p = HostPolicy::new("orgtui.internal", &[]);
        assert!(p.accepts("orgtui.internal:80") && !p.accepts("localhost"));
        assert!(is_loopback("::1") && is_loopback("127.1.2.3") && !is_loopback("10.1.1.1"));
        assert_eq!(strip_port("[::1]:80"), "[::1]");
        assert_eq!(strip_port("::1"), "::1");
    }
}
