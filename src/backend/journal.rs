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

/// The `eventType` of journal lines shown as events (CloudTrail's own are `AwsApiCall`, …),
/// so the Activity timeline can tell the two sources apart.
pub const JOURNAL_EVENT_TYPE: &str = "orgtuiJournal";

/// The journal's lines at `path` from `since` on, as CloudTrail-shaped events (oldest first):
/// the operation, its input as request parameters, its outcome as the error code and message,
/// and the AWS request id. Lines that cannot be read are skipped; a missing file is no lines.
pub fn read_events(path: &Path, since: Timestamp) -> Vec<crate::model::cloudtrail::EventRecord> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    text.lines()
        .enumerate()
        .filter_map(|(n, l)| line_event(n, &serde_json::from_str(l).ok()?))
        .filter(|e| e.event_time >= since)
        .collect()
}

/// One journal line as an event (`None` when it lacks a time or an operation).
fn line_event(n: usize, v: &Value) -> Option<crate::model::cloudtrail::EventRecord> {
    use crate::model::cloudtrail::*;
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let time = Timestamp::parse_rfc3339(&s("time")?)?;
    let operation = s("operation")?;
    let outcome = v.get("outcome");
    let field = |k: &str| outcome.and_then(|o| o.get(k)).and_then(Value::as_str).map(str::to_string);
    let (error_code, error_message) = match field("result").as_deref() {
        Some("ok") => (None, None),
        Some("refused") => (Some("Refused".to_string()), field("message")),
        _ => (Some(field("code").unwrap_or_else(|| "Error".into())), field("message")),
    };
    let params = v.get("input").cloned().map(crate::engine::cloudtrail::to_trail_json);
    let backend = s("backend").unwrap_or_else(|| "orgtui".into());
    Some(EventRecord {
        event_version: EVENT_VERSION.into(),
        user_identity: UserIdentity {
            kind: "orgtui".into(),
            principal_id: String::new(),
            arn: "orgtui".into(),
            account_id: String::new(),
            access_key_id: None,
            user_name: Some("orgtui".into()),
            session_context: None,
            invoked_by: Some(backend),
        },
        event_time: time,
        event_source: ORGANIZATIONS_EVENT_SOURCE.into(),
        event_name: operation,
        aws_region: ORGANIZATIONS_REGION.into(),
        source_ip_address: String::new(),
        user_agent: Some(format!("orgtui/{}", env!("CARGO_PKG_VERSION"))),
        error_code,
        error_message,
        request_parameters: params.filter(|p| !p.is_null()),
        response_elements: None,
        request_id: s("requestId").unwrap_or_default(),
        event_id: format!("orgtui-journal-{n}"),
        read_only: false,
        event_type: JOURNAL_EVENT_TYPE.into(),
        management_event: true,
        recipient_account_id: String::new(),
        event_category: "Management".into(),
    })
}
