//! The audit journal: every write a session makes, appended as one JSON line to `audit.jsonl`
//! in the user's state directory — time, operation, input, outcome and the AWS request id.
//! Requests to Organizations carry no credentials, and nothing else is written, so credentials
//! never reach the file.

use crate::model::{OrgError, Timestamp};
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// An append-only JSON Lines file of writes.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    /// Serialises appends from concurrent calls so lines never interleave.
    lock: Mutex<()>,
}

/// What one journal line says about the outcome.
pub enum JournalOutcome<'a> {
    Ok,
    Error(&'a OrgError),
    Refused(&'a str),
}

impl Journal {
    /// A journal at `path` (created on the first write, with its directory).
    pub fn at(path: impl Into<PathBuf>) -> Journal {
        Journal { path: path.into(), lock: Mutex::new(()) }
    }

    /// The journal in the user's state directory.
    pub fn default_location() -> Option<Journal> {
        crate::paths::default_journal_file().map(Journal::at)
    }

    /// Where the journal is written.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one line. A journal that cannot be written is reported, never fatal to the call
    /// (the call has already happened).
    pub fn append(
        &self,
        backend: &str,
        operation: &str,
        input: Value,
        outcome: JournalOutcome<'_>,
        request_id: Option<&str>,
    ) -> Result<(), String> {
        let outcome = match outcome {
            JournalOutcome::Ok => json!({"result": "ok"}),
            JournalOutcome::Error(e) => json!({
                "result": "error",
                "code": e.code_str(),
                "reason": e.reason.as_ref().map(|r| r.to_string()),
                "message": e.message,
            }),
            JournalOutcome::Refused(why) => json!({"result": "refused", "message": why}),
        };
        let line = json!({
            "time": Timestamp(now_ms()).to_rfc3339(),
            "backend": backend,
            "operation": operation,
            "input": input,
            "outcome": outcome,
            "requestId": request_id,
        });
        let mut text = line.to_string();
        text.push('\n');
        let _guard = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .map_err(|e| format!("{}: {e}", self.path.display()))?;
        f.write_all(text.as_bytes()).map_err(|e| format!("{}: {e}", self.path.display()))
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
