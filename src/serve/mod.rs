//! `orgtui serve`: the engine as a local AWS Organizations endpoint speaking `awsJson1_1`, so
//! the AWS CLI and any AWS SDK run against a faithful offline organization.
//!
//! `POST /` with `X-Amz-Target: AWSOrganizationsV20161128.<Operation>`; bodies use the service
//! model's member names (the model's request and response types), timestamps are epoch seconds
//! and errors are HTTP 400 with `__type`, `Message` and, where the service sends one, `Reason`.
//! SigV4 signatures are accepted unchecked unless secrets are given (`sigv4`); the access key
//! id picks the calling account. `net` holds the defences against hostile clients (Host check,
//! timeouts, connection cap).
//! Cost Explorer's `AWSInsightsIndexService.<Op>` targets are answered by `costexplorer` on the
//! same endpoint.
//!
//! The engine stays synchronous behind a `std::sync::Mutex`: a handler locks it, runs one
//! operation and unlocks, never awaiting while it holds the lock. Operations that may change
//! state run on the blocking pool, because they also write the snapshot file back.

mod cloudtrail;
mod costexplorer;
mod dispatch;
pub mod net;
pub mod sigv4;
pub mod wire;

pub use dispatch::is_read_only;

use crate::engine::{AnchoredClock, Engine, EngineConfig, EngineState, SystemClock};
use crate::model::{AccountId, Caller, Timestamp};
use crate::snapshot;
use crate::snapshot::file::{Access, OpenError, OrgFile};
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use wire::{CONTENT_TYPE, Target, WireError};

/// The largest request body accepted (bytes). Policy content may be up to 1,000,000
/// characters, which JSON escaping can enlarge; anything beyond this gets a clean 400.
pub const DEFAULT_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Where the snapshot is written back after every change: the locked file, with the offline
/// extras (IAM principals, costs) that the engine does not hold.
#[derive(Debug, Clone)]
pub struct Persist {
    /// The snapshot file, locked by this process.
    pub file: Arc<OrgFile>,
}

/// How the server listens and whom requests come from.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on (default 127.0.0.1).
    pub host: String,
    /// Port (0 picks a free one; the bound address is `Server::local_addr`).
    pub port: u16,
    /// Access key id → calling account. Any other key acts as the management account.
    pub callers: Vec<(String, AccountId)>,
    /// Snapshot write-back, if any.
    pub persist: Option<Persist>,
    /// Largest accepted request body in bytes.
    pub body_limit: usize,
    /// Access key id → secret access key. When any is given, every request must carry a valid
    /// SigV4 signature by one of these keys.
    pub secrets: Vec<(String, String)>,
    /// Host names accepted besides the bound host's own (`*`: any).
    pub allow_hosts: Vec<String>,
    /// Timeouts and the connection cap.
    pub limits: net::Limits,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            host: "127.0.0.1".into(),
            port: 0,
            callers: Vec::new(),
            persist: None,
            body_limit: DEFAULT_BODY_LIMIT,
            secrets: Vec::new(),
            allow_hosts: Vec::new(),
            limits: net::Limits::default(),
        }
    }
}

/// The state shared by all requests.
#[derive(Debug)]
pub struct App {
    engine: Mutex<Engine>,
    callers: HashMap<String, AccountId>,
    persist: Option<Persist>,
    body_limit: usize,
    secrets: HashMap<String, String>,
    hosts: net::HostPolicy,
    body_timeout: std::time::Duration,
}

impl App {
    /// The engine, locked. A poisoned lock is recovered (engine operations do not panic).
    pub fn engine(&self) -> MutexGuard<'_, Engine> {
        self.engine.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The caller a request's access key selects. With secrets, the signature must verify
    /// first (AWS's authentication errors otherwise).
    fn caller(&self, parts: &axum::http::request::Parts, body: &[u8]) -> Result<Caller, WireError> {
        let key = if self.secrets.is_empty() {
            wire::access_key(&parts.headers)
        } else {
            let now = Timestamp::now().millis().div_euclid(1000);
            let method = parts.method.as_str();
            let key =
                sigv4::verify(&self.secrets, method, &parts.uri, &parts.headers, body, now).map_err(|e| {
                    let (code, status, message) = e.aws();
                    WireError { status, code: code.into(), message, reason: None }
                })?;
            Some(key)
        };
        Ok(key.and_then(|k| self.callers.get(&k).cloned()).map(Caller::Account).unwrap_or(Caller::Management))
    }

    /// Writes the snapshot back (atomically), if the server has a file. Refused when the file
    /// was changed on disk by someone else since it was loaded or last written.
    fn persist(&self, engine: &Engine) -> Result<(), String> {
        let Some(p) = &self.persist else { return Ok(()) };
        p.file.save(engine.state(), engine.now()).map_err(|e| e.to_string())
    }

    /// Runs `op` on the engine; when it may have changed state and the result cannot be saved,
    /// the engine is put back as it was and the error says the change was not made.
    fn apply<T>(
        &self,
        write: bool,
        op: impl FnOnce(&mut Engine) -> crate::model::OrgResult<T>,
    ) -> Result<T, wire::WireError> {
        let mut engine = self.engine();
        if !write || self.persist.is_none() {
            return Ok(op(&mut engine)?);
        }
        let save = |e: &Engine| {
            self.persist(e).inspect_err(|m| {
                eprintln!("orgtui serve: the change was not made because it could not be saved: {m}");
            })
        };
        Ok(engine.apply_and_save(op, save)?)
    }
}

/// A bound, not yet running server.
pub struct Server {
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    limits: net::Limits,
}

impl Server {
    /// Binds the listening socket and registers every `--caller` account the engine does not
    /// know as a standalone AWS account (in no organization).
    pub async fn bind(mut engine: Engine, options: ServeOptions) -> std::io::Result<Server> {
        let listener = tokio::net::TcpListener::bind((options.host.as_str(), options.port)).await?;
        for (_, id) in &options.callers {
            engine.ensure_standalone_account(
                id.clone(),
                &format!("Account {id}"),
                &format!("account-{id}@example.com"),
            );
        }
        let app = App {
            engine: Mutex::new(engine),
            callers: options.callers.into_iter().collect(),
            persist: options.persist,
            body_limit: options.body_limit,
            secrets: options.secrets.into_iter().collect(),
            hosts: net::HostPolicy::new(&options.host, &options.allow_hosts),
            body_timeout: options.limits.body_timeout,
        };
        Ok(Server { listener, app: Arc::new(app), limits: options.limits })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The shared state (tests inspect the engine through it).
    pub fn app(&self) -> Arc<App> {
        self.app.clone()
    }

    /// Serves until `shutdown` completes, then stops accepting and lets requests in flight
    /// finish (see `net::serve` for the timeouts and the connection cap).
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let router = Router::new().fallback(handle).with_state(self.app);
        net::serve(self.listener, router, self.limits, shutdown).await
    }
}

/// Completes on SIGINT (Ctrl-C) or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

fn request_id() -> String {
    let r = || fastrand::u64(..);
    let (a, b) = (r(), r());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        (b >> 48) & 0x3fff | 0x8000,
        b & 0xffff_ffff_ffff
    )
}

/// The peer address of a connection (set by `net::serve`), for CloudTrail's `sourceIPAddress`.
#[derive(Debug, Clone, Copy)]
pub struct Peer(pub SocketAddr);

/// Who calls and from where, as the CloudTrail record of the call says it.
fn call_context(
    parts: &axum::http::request::Parts,
    request_id: String,
) -> crate::engine::cloudtrail::CallContext {
    let source_ip =
        parts.extensions.get::<Peer>().map_or_else(|| "127.0.0.1".to_string(), |p| p.0.ip().to_string());
    let user_agent = parts
        .headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map_or_else(String::new, |s| s.chars().take(1024).collect());
    crate::engine::cloudtrail::CallContext {
        source_ip,
        user_agent,
        request_id: Some(request_id),
        access_key_id: wire::access_key(&parts.headers),
    }
}

fn respond(status: StatusCode, body: Vec<u8>, error_type: Option<&str>) -> Response {
    let mut resp = Response::new(Body::from(body));
    *resp.status_mut() = status;
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    if let Ok(v) = HeaderValue::from_str(&request_id()) {
        h.insert("x-amzn-requestid", v);
    }
    if let Some(t) = error_type.and_then(|t| HeaderValue::from_str(t).ok()) {
        h.insert("x-amzn-errortype", t);
    }
    resp
}

fn error_response(e: WireError) -> Response {
    let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST);
    respond(status, e.body().into_bytes(), Some(&e.code))
}

fn unknown_operation(message: String) -> WireError {
    WireError::bad_request("UnknownOperationException", message)
}

/// How much of an oversized body is read and discarded before answering, so that a client
/// still sending it sees the 400 rather than a reset connection.
fn drain_cap(limit: usize) -> usize {
    limit.saturating_mul(8).max(16 * 1024 * 1024)
}

/// Reads the body up to `limit` bytes. A larger body is drained (up to `drain_cap`) and
/// refused.
async fn read_body(body: Body, limit: usize) -> Result<Vec<u8>, ()> {
    use futures_util::StreamExt;
    let mut stream = body.into_data_stream();
    let mut buf = Vec::new();
    let mut total = 0usize;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| ())?;
        total = total.saturating_add(chunk.len());
        if total > limit {
            if total > drain_cap(limit) {
                return Err(());
            }
            continue;
        }
        buf.extend_from_slice(&chunk);
    }
    if total > limit { Err(()) } else { Ok(buf) }
}

async fn handle(State(app): State<Arc<App>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    if let Err(e) = app.hosts.check(&parts.headers) {
        return error_response(e);
    }
    if parts.method != Method::POST {
        return error_response(unknown_operation(format!(
            "{} requests are not supported; AWS Organizations takes POST / with an X-Amz-Target header.",
            parts.method
        )));
    }
    let mut trail_op = None;
    let op = match wire::target(&parts.headers) {
        Target::Operation(op) => op,
        Target::Missing => {
            return error_response(unknown_operation("Missing the X-Amz-Target header.".into()));
        }
        Target::Foreign(t) if t.trim().starts_with(crate::model::costexplorer::TARGET_PREFIX) => {
            t.trim().into()
        }
        Target::Foreign(t) => match crate::model::cloudtrail::cloudtrail_operation(&t) {
            Some(op) if !op.is_empty() => {
                trail_op = Some(op.to_string());
                op.to_string()
            }
            _ => return error_response(unknown_operation(format!("Unknown operation target {t:?}."))),
        },
    };
    if parts.uri.path() != "/" {
        let mut e = unknown_operation(format!(
            "Path {} is not served; AWS Organizations takes POST / with an X-Amz-Target header.",
            parts.uri.path()
        ));
        e.status = 404;
        return error_response(e);
    }
    if let Err(e) = wire::content_type(&parts.headers) {
        return error_response(e);
    }
    let too_large = || {
        error_response(WireError::bad_request(
            "SerializationException",
            format!("The request body is larger than {} bytes.", app.body_limit),
        ))
    };
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > drain_cap(app.body_limit) as u64) {
        return too_large();
    }
    let bytes = match tokio::time::timeout(app.body_timeout, read_body(body, app.body_limit)).await {
        Ok(Ok(b)) => b,
        Ok(Err(_)) => return too_large(),
        Err(_) => {
            let mut r = error_response(WireError {
                status: 408,
                code: "RequestTimeoutException".into(),
                message: format!("The request body did not arrive within {} s.", app.body_timeout.as_secs()),
                reason: None,
            });
            r.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
            return r;
        }
    };
    let caller = match app.caller(&parts, &bytes) {
        Ok(c) => c,
        Err(e) => return error_response(e),
    };
    if let Some(ce) = op.strip_prefix(crate::model::costexplorer::TARGET_PREFIX) {
        return costexplorer::handle(&app, &caller, ce, &bytes);
    }
    let rid = request_id();
    if let Some(op) = trail_op {
        let mut response = match cloudtrail::call(&app, &caller, &op, &bytes) {
            Ok(body) => respond(StatusCode::OK, body, None),
            Err(e) => error_response(e),
        };
        tracing::debug!("serve: cloudtrail {op} {}", response.status().as_u16());
        if let Ok(v) = HeaderValue::from_str(&rid) {
            response.headers_mut().insert("x-amzn-requestid", v);
        }
        return response;
    }
    let ctx = call_context(&parts, rid.clone());
    let outcome = if dispatch::is_read_only(&op) {
        dispatch::call(&app, &caller, &ctx, &op, &bytes)
    } else {
        let app2 = app.clone();
        let op2 = op.clone();
        match tokio::task::spawn_blocking(move || dispatch::call(&app2, &caller, &ctx, &op2, &bytes)).await {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!("serve: {op}: internal failure: {e}");
                Some(Err(WireError::bad_request("ServiceException", format!("internal failure: {e}"))))
            }
        }
    };
    let mut response = match outcome {
        None => error_response(unknown_operation(format!(
            "Operation {op} is not supported by AWS Organizations (AWSOrganizationsV20161128)."
        ))),
        Some(Ok(body)) => respond(StatusCode::OK, body, None),
        Some(Err(e)) => error_response(e),
    };
    if let Ok(v) = HeaderValue::from_str(&rid) {
        response.headers_mut().insert("x-amzn-requestid", v);
    }
    // The operation and its outcome only: never the headers (they carry the signature).
    let error_type = response.headers().get("x-amzn-errortype").and_then(|v| v.to_str().ok());
    tracing::debug!(
        "serve: {op} {}{}",
        response.status().as_u16(),
        error_type.map(|t| format!(" {t}")).unwrap_or_default()
    );
    response
}

/// Where the served organization comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServedOrg {
    /// The bundled sample organization (not saved anywhere).
    Sample,
    /// A snapshot file, loaded and written back after every change.
    File(PathBuf),
    /// No organization: the management-to-be account stands alone. With a path (that must not
    /// exist yet), the state is written there after every change.
    Empty(Option<PathBuf>),
}

/// Emulator delays that override the snapshot's (or the defaults).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delays {
    /// Milliseconds from CreateAccount to SUCCEEDED/FAILED.
    pub create_account_ms: Option<u64>,
    /// Milliseconds from CloseAccount to the closed state.
    pub close_account_ms: Option<u64>,
}

fn apply_delays(state: &mut EngineState, delays: Delays) {
    if let Some(ms) = delays.create_account_ms {
        state.settings.create_account_ms = i64::try_from(ms).unwrap_or(i64::MAX);
    }
    if let Some(ms) = delays.close_account_ms {
        state.settings.close_account_ms = i64::try_from(ms).unwrap_or(i64::MAX);
    }
}

fn time_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
}

/// Why the organization to serve could not be set up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetupError {
    /// The snapshot file could not be read.
    #[error("{0}")]
    Io(String),
    /// The snapshot is invalid, or the options contradict each other.
    #[error("{0}")]
    Invalid(String),
}

/// Builds the engine to serve, and the write-back target. Also returns a one-line description
/// of what is served.
pub fn load_engine(
    source: &ServedOrg,
    delays: Delays,
) -> Result<(Engine, Option<Persist>, String), SetupError> {
    use SetupError::Invalid;
    match source {
        ServedOrg::Sample => {
            // As `snapshot::sample_engine`, with the delays applied: the clock starts when the
            // sample was written, so its pending work looks as authored.
            let (mut state, _, base) = snapshot::sample_parts().map_err(|e| Invalid(e.to_string()))?;
            apply_delays(&mut state, delays);
            snapshot::check_settings(&state.settings).map_err(|e| Invalid(e.to_string()))?;
            let n = state.accounts.len();
            let engine = Engine::from_state(state, Box::new(AnchoredClock::new(base)), 1)
                .map_err(|e| Invalid(e.message))?;
            Ok((engine, None, format!("the bundled sample organization ({n} accounts)")))
        }
        ServedOrg::File(path) => {
            let (file, loaded) = OrgFile::open(path, Access::Exclusive).map_err(|e| match e {
                OpenError::Load(snapshot::LoadError::Io { .. }) | OpenError::Lock(_) => {
                    SetupError::Io(e.to_string())
                }
                OpenError::Load(snapshot::LoadError::Invalid { .. }) | OpenError::Locked(_) => {
                    Invalid(e.to_string())
                }
            })?;
            let mut state = loaded.state;
            apply_delays(&mut state, delays);
            snapshot::check_settings(&state.settings).map_err(|e| Invalid(e.to_string()))?;
            let n = state.accounts.len();
            let engine = Engine::from_state(state, Box::new(SystemClock), time_seed())
                .map_err(|e| Invalid(format!("{}: {}", path.display(), e.message)))?;
            let persist = Persist { file: Arc::new(file) };
            Ok((
                engine,
                Some(persist),
                format!("{} ({n} accounts, saved after every change)", path.display()),
            ))
        }
        ServedOrg::Empty(path) => {
            if let Some(p) = path.as_ref().filter(|p| p.exists()) {
                return Err(Invalid(format!(
                    "{} exists; --empty would overwrite it (drop --empty to serve it)",
                    p.display()
                )));
            }
            let mut config =
                EngineConfig { clock: Box::new(SystemClock), seed: time_seed(), ..Default::default() };
            if let Some(ms) = delays.create_account_ms {
                config.settings.create_account_ms = i64::try_from(ms).unwrap_or(i64::MAX);
            }
            if let Some(ms) = delays.close_account_ms {
                config.settings.close_account_ms = i64::try_from(ms).unwrap_or(i64::MAX);
            }
            snapshot::check_settings(&config.settings).map_err(|e| Invalid(e.to_string()))?;
            let persist = match path {
                Some(p) => {
                    Some(Persist { file: Arc::new(OrgFile::create(p).map_err(|e| Invalid(e.to_string()))?) })
                }
                None => None,
            };
            let home = config.home_account.0.clone();
            let engine = Engine::new(config);
            Ok((engine, persist, format!("no organization (account {home} stands alone)")))
        }
    }
}

/// A `--caller KEY=ACCOUNT_ID[:SECRET]` value: the access key, the account it calls as and,
/// when given, the secret its signatures are checked with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallerSpec {
    /// The access key id.
    pub key: String,
    /// The calling account.
    pub account: AccountId,
    /// The secret access key (signatures are verified when any caller has one).
    pub secret: Option<String>,
}

/// Parses a `--caller KEY=ACCOUNT_ID[:SECRET]` value.
pub fn parse_caller_spec(s: &str) -> Result<CallerSpec, String> {
    let (key, rest) = s.split_once('=').ok_or_else(|| format!("{s:?}: expected KEY=ACCOUNT_ID[:SECRET]"))?;
    let key = key.trim();
    if key.is_empty() {
        return Err(format!("{s:?}: the access key id is empty"));
    }
    let (id, secret) = match rest.split_once(':') {
        Some((id, secret)) if secret.is_empty() => {
            return Err(format!("{s:?}: the secret after {id}: is empty"));
        }
        Some((id, secret)) => (id, Some(secret.to_string())),
        None => (rest, None),
    };
    let account = AccountId::parse(id.trim()).map_err(|e| format!("{s:?}: {}", e.message))?;
    Ok(CallerSpec { key: key.to_string(), account, secret })
}

/// Parses a `--caller KEY=ACCOUNT_ID` value (a secret, if any, is ignored).
pub fn parse_caller(s: &str) -> Result<(String, AccountId), String> {
    parse_caller_spec(s).map(|c| (c.key, c.account))
}
