//! Runs the real `orgtui` binary in a pseudo-terminal: a reader thread feeds everything the
//! program writes into a `vt100` screen (and keeps the raw bytes), and the test types keys and
//! waits for text to appear on the screen.

#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_orgtui");

/// Pause after Esc so that Esc and the next key are not read together as Alt+key.
pub const ESC_PAUSE: Duration = Duration::from_millis(150);

/// How long a wait may take: 20 s, or `ORGTUI_PTY_TIMEOUT_SECS`.
pub fn timeout() -> Duration {
    let secs = std::env::var("ORGTUI_PTY_TIMEOUT_SECS").ok().and_then(|v| v.trim().parse::<u64>().ok());
    Duration::from_secs(secs.unwrap_or(20))
}

/// A temporary directory holding `org.json` (a copy of the bundled sample, written by
/// `orgtui export --format json -o …`) and the console's log.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    /// Creates the directory and exports the sample organization into it.
    pub fn new() -> Workspace {
        let dir = tempfile::tempdir().expect("temporary directory");
        let org = dir.path().join("org.json");
        let out = std::process::Command::new(BIN)
            .args(["export", "--format", "json", "-o"])
            .arg(&org)
            .output()
            .expect("run orgtui export");
        assert!(
            out.status.success(),
            "orgtui export failed: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(org.is_file(), "orgtui export wrote no {}", org.display());
        Workspace { dir }
    }

    /// The snapshot file the console opens with `--org`.
    pub fn org(&self) -> PathBuf {
        self.dir.path().join("org.json")
    }

    /// The console's log file.
    pub fn log(&self) -> PathBuf {
        self.dir.path().join("log")
    }

    /// The console's state directory (`ORGTUI_STATE_DIR`: drafts live in `drafts/` below it).
    pub fn state(&self) -> PathBuf {
        self.dir.path().join("state")
    }
}

/// The console running in a pseudo-terminal.
pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader_done: Arc<AtomicBool>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    status: Option<ExitStatus>,
    log: PathBuf,
}

impl Pty {
    /// Starts `orgtui --org <ws>/org.json --log-file <ws>/log` in a `cols`×`rows` terminal.
    pub fn spawn(ws: &Workspace, cols: u16, rows: u16) -> Pty {
        Pty::spawn_on(ws, Some(&ws.org()), cols, rows)
    }

    /// Starts `orgtui --log-file <ws>/log` on the bundled sample (nothing written back).
    pub fn spawn_sample(ws: &Workspace, cols: u16, rows: u16) -> Pty {
        Pty::spawn_on(ws, None, cols, rows)
    }

    fn spawn_on(ws: &Workspace, org: Option<&std::path::Path>, cols: u16, rows: u16) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(BIN);
        if let Some(org) = org {
            cmd.arg("--org");
            cmd.arg(org);
        }
        cmd.arg("--log-file");
        cmd.arg(ws.log());
        cmd.cwd(ws.dir.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env("NO_COLOR", "1");
        // The locale is LANG alone; no user keymap; no tmux clipboard wrapping.
        for var in ["LC_ALL", "LC_CTYPE", "TMUX", "COLUMNS", "LINES"] {
            cmd.env_remove(var);
        }
        cmd.env("XDG_CONFIG_HOME", ws.dir.path().join("config"));
        cmd.env("HOME", ws.dir.path());
        cmd.env("ORGTUI_STATE_DIR", ws.dir.path().join("state"));
        let child = pair.slave.spawn_command(cmd).expect("spawn orgtui in the pseudo-terminal");
        // Only the child holds the slave side now, so the reader sees EOF when it exits.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let reader_done = Arc::new(AtomicBool::new(false));
        {
            let (parser, raw, done) = (parser.clone(), raw.clone(), reader_done.clone());
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => {
                            raw.lock().unwrap_or_else(|e| e.into_inner()).extend_from_slice(&buf[..n]);
                            parser.lock().unwrap_or_else(|e| e.into_inner()).process(&buf[..n]);
                        }
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        // EIO once the child has exited and the slave side is closed.
                        Err(_) => break,
                    }
                }
                done.store(true, Ordering::SeqCst);
            });
        }
        Pty { parser, raw, reader_done, writer, child, _master: pair.master, status: None, log: ws.log() }
    }

    /// Types bytes into the terminal.
    pub fn send(&mut self, bytes: impl AsRef<[u8]>) {
        self.writer.write_all(bytes.as_ref()).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    /// Pastes `text` as one bracketed paste, as a terminal does with bracketed paste on.
    pub fn paste(&mut self, text: &str) {
        self.send(format!("\x1b[200~{text}\x1b[201~"));
    }

    /// Kills the console with SIGKILL (no clean-up runs) and waits for it to be gone.
    pub fn kill9(&mut self) {
        let pid = self.pid().to_string();
        let st = std::process::Command::new("kill").args(["-9", &pid]).status().expect("run kill -9");
        assert!(st.success(), "kill -9 {pid} failed");
        let _ = self.wait_exit(timeout());
    }

    /// Presses Esc alone, then pauses so the next key is not taken for Alt+key.
    pub fn esc(&mut self) {
        std::thread::sleep(ESC_PAUSE);
        self.send("\x1b");
        std::thread::sleep(ESC_PAUSE);
    }

    /// The process id of the console.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child's pid")
    }

    /// The screen as text.
    pub fn contents(&self) -> String {
        self.parser.lock().unwrap_or_else(|e| e.into_inner()).screen().contents()
    }

    /// Runs `f` on the current screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap_or_else(|e| e.into_inner()).screen())
    }

    /// Everything the program has written so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// A report of the current state for failure messages: the screen and the log's tail.
    pub fn dump(&self) -> String {
        let screen = self.contents();
        let framed: String = screen.lines().map(|l| format!("  |{l}\n")).collect();
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(15).collect();
        let tail: String = tail.into_iter().rev().map(|l| format!("  {l}\n")).collect();
        let raw_len = self.raw.lock().map(|r| r.len()).unwrap_or(0);
        format!("screen ({} bytes received, exited: {:?}):\n{framed}log tail:\n{tail}", raw_len, self.status)
    }

    /// Waits until the screen contains `text`; panics with the screen on timeout.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |s| s.contents().contains(text));
    }

    /// Waits until `pred` holds for the screen; panics with the screen on timeout.
    pub fn wait_until(&mut self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let limit = timeout();
        let start = Instant::now();
        loop {
            if self.with_screen(&pred) {
                return;
            }
            if self.status.is_none()
                && let Ok(Some(st)) = self.child.try_wait()
            {
                self.status = Some(st);
            }
            if start.elapsed() > limit || (self.status.is_some() && self.reader_done.load(Ordering::SeqCst)) {
                let why = if self.status.is_some() { "the program exited" } else { "timed out" };
                panic!("waiting for {what}: {why} after {:?}\n{}", start.elapsed(), self.dump());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the program to exit and for its last output to be read.
    pub fn wait_exit(&mut self, limit: Duration) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(st) = &self.status {
                break st.clone();
            }
            match self.child.try_wait() {
                Ok(Some(st)) => self.status = Some(st),
                Ok(None) => {}
                Err(e) => panic!("waiting for the program: {e}"),
            }
            if self.status.is_none() && start.elapsed() > limit {
                panic!("the program did not exit within {limit:?}\n{}", self.dump());
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        while !self.reader_done.load(Ordering::SeqCst) {
            if start.elapsed() > limit {
                panic!("the pty reader did not see the end of output within {limit:?}\n{}", self.dump());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        status
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        // Never leave the console running after a failed test.
        if self.status.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Where `needle` last occurs in `hay`.
pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}
