//! Local servers for the live backend's tests: `orgtui serve` (always) and moto_server (when
//! `MOTO_SERVER` names its executable), each on 127.0.0.1 and a free port, stopped on drop.

use orgtui::backend::aws::{AwsBackend, AwsOptions};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A server process the test started; killed (by its own pid) when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

impl Server {
    /// The snapshot file `serve` writes its changes back to (`start_serve` only).
    pub fn file(&self) -> Option<std::path::PathBuf> {
        self._dir.as_ref().map(|d| d.path().join("org.json"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `orgtui serve` on a copy of the suite's start snapshot (written back in a temporary
/// directory); `callers` maps access keys to accounts.
pub fn start_serve(callers: &[&str]) -> Server {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("org.json");
    std::fs::write(&file, super::START_SNAPSHOT).expect("write start snapshot");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_orgtui"));
    cmd.args(["serve", "--port", "0", "--create-account-delay-ms", "0", "--close-account-delay-ms", "0"]);
    cmd.arg("--org").arg(&file);
    for c in callers {
        cmd.args(["--caller", c]);
    }
    spawn_serve(cmd, Some(dir))
}

/// `orgtui serve` on the bundled sample organization (with its billing data); `callers` maps
/// access keys to accounts.
pub fn start_serve_sample(callers: &[&str]) -> Server {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_orgtui"));
    cmd.args(["serve", "--port", "0"]);
    for c in callers {
        cmd.args(["--caller", c]);
    }
    spawn_serve(cmd, None)
}

/// Starts a prepared `orgtui serve` command and waits until it says it is ready.
fn spawn_serve(mut cmd: Command, dir: Option<tempfile::TempDir>) -> Server {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("start orgtui serve");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut url = None;
    let mut line = String::new();
    loop {
        line.clear();
        assert!(out.read_line(&mut line).unwrap_or(0) > 0, "orgtui serve exited before it was ready");
        if let Some(u) = line.trim().strip_prefix("orgtui serve: endpoint ") {
            url = Some(u.to_string());
        }
        if line.contains("ready") {
            break;
        }
    }
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || {
        let mut sink = String::new();
        while out.read_line(&mut sink).unwrap_or(0) > 0 {
            sink.clear();
        }
    });
    Server { child, url: url.expect("an endpoint line"), _dir: dir }
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// moto_server from `MOTO_SERVER`, or `None` (with a loud message) when it is not set.
pub fn start_moto() -> Option<Server> {
    let Some(exe) = std::env::var_os("MOTO_SERVER").filter(|v| !v.is_empty()) else {
        eprintln!(
            "\n*** SKIPPING the moto half of the live-backend suite: MOTO_SERVER is not set \
             (it names the moto_server executable; .ci/run sets it) ***\n"
        );
        return None;
    };
    let port = free_port();
    let child = Command::new(exe)
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start moto_server");
    let server = Server { child, url: format!("http://127.0.0.1:{port}"), _dir: None };
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < Duration::from_secs(30), "moto_server did not start listening");
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(server)
}

/// A live backend on `url` as the test harness configures it: one attempt, static
/// credentials, us-east-1.
pub async fn backend(url: &str, access_key: &str) -> AwsBackend {
    let opts = AwsOptions {
        endpoint_url: Some(url.to_string()),
        region: Some("us-east-1".into()),
        max_attempts: 1,
        operation_timeout: Duration::from_secs(20),
        static_credentials: Some((access_key.to_string(), "test-secret".to_string())),
        ..AwsOptions::default()
    };
    AwsBackend::connect(&opts).await.expect("connect")
}
