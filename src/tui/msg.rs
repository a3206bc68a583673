//! Messages into `update` and effects out of it. Effects are run by tokio tasks against the
//! backend (`effects.rs`); their results come back as messages.

use crate::model::*;
use crossterm::event::KeyEvent;
use std::sync::Arc;

/// Identifies one backend call, so its result finds the dialog that started it.
pub type OpId = u64;

/// Everything `update` reacts to.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key press (releases and repeats of other kinds are dropped at the source).
    Key(KeyEvent),
    /// A bracketed paste: the whole text at once, for the focused text field.
    Paste(String),
    /// A mouse event (only while mouse capture is on).
    Mouse(crossterm::event::MouseEvent),
    /// The terminal was resized.
    Resize(u16, u16),
    /// A whole-organization load finished.
    Loaded { generation: u64, result: Result<Arc<OrgSnapshot>, OrgError> },
    /// The organization's quotas as the backend knows them (sent with each load).
    Quotas(Option<crate::engine::Quotas>),
    /// How far the whole-organization load has come (live backends report this).
    LoadProgress { generation: u64, progress: crate::backend::walk::LoadProgress },
    /// A change finished.
    OpDone { op: OpId, result: Result<Outcome, OrgError> },
    /// A CreateAccount status poll answered.
    CreateStatus { result: Result<CreateAccountStatus, OrgError> },
    /// How far a history call has come (paced LookupEvents pages).
    CloudTrailProgress(crate::backend::cloudtrail::LookupProgress),
    /// Animation tick while work is in flight.
    Tick,
    /// SIGTERM / SIGHUP: leave now.
    Terminate,
}

/// What a successful call reports.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Writes were armed (`true`) or disarmed.
    Armed(bool),
    /// The organization was written to this snapshot file, which now takes every change.
    SavedAs(std::path::PathBuf),
    /// A call succeeded: the status-line message, what to select after the reload, and the
    /// response (the page that sent it sees it; a CreateAccount is followed to its end).
    Response { message: String, reveal: Option<String>, response: crate::backend::request::ApiResponse },
    /// CloudTrail answered (pages hear it through `PageModule::on_outcome`).
    CloudTrail(CloudTrailOutcome),
    /// Cost Explorer answered (the cache or the service): the months known and what a refresh
    /// would cost; `Shared.costs` holds the table before pages hear it.
    Costs(Arc<crate::backend::costs::CostsView>),
}

/// A Cost Explorer read the console makes (never implicit on a paid backend: `Open` reads only
/// the disk cache there; `Refresh` is asked for, after a confirmation).
#[derive(Debug, Clone, PartialEq)]
pub enum CostsCall {
    /// The months known without a paid request for organization `org`.
    Open { org: String, metric: String },
    /// Fetch the months missing from the cache and the current month.
    Refresh { org: String, metric: String },
}

/// A CloudTrail read the console makes (read-only; never implicit: a page asks for it).
#[derive(Debug, Clone, PartialEq)]
pub enum CloudTrailCall {
    /// The Organizations event history and the trails; `focus` is the id the page should
    /// filter on when it arrives (an account, OU or policy whose history was asked for).
    History { focus: Option<String> },
    /// Only the trails and their status (DescribeTrails, GetTrailStatus): the trail note on
    /// Settings. Made quietly (no spinner); its outcome reaches the pages all the same.
    Trails,
}

/// What a CloudTrail call brought back.
#[derive(Debug, Clone, PartialEq)]
pub enum CloudTrailOutcome {
    /// The history, with the focus it was asked for.
    History { history: Arc<crate::backend::cloudtrail::History>, focus: Option<String> },
    /// The trails and their status, or why they could not be read.
    Trails(Result<Arc<crate::backend::cloudtrail::TrailList>, String>),
}

/// A call the console can make, as data (shown in confirmations before it runs). Every change
/// to the organization is an `ApiRequest`; arming and acting as another account are the
/// session's own.
#[derive(Debug, Clone, PartialEq)]
pub enum Call {
    /// Arm (or disarm) writes of a guarded live session.
    Arm(bool),
    /// Make later calls as another account (`None`: the management account); answers with the
    /// handshakes that account received (`ListHandshakesForAccount`).
    ActAs { account: Option<String> },
    /// An Organizations operation: `done` is the status line on success, `reveal` what to
    /// select after the reload.
    Api { request: crate::backend::request::ApiRequest, done: String, reveal: Option<String> },
    /// `:save-as`: write the organization to a snapshot file and work on it from then on
    /// (`overwrite`: the file exists and the user confirmed replacing it).
    SaveAs { path: std::path::PathBuf, overwrite: bool },
    /// A CloudTrail read.
    CloudTrail(CloudTrailCall),
    /// A Cost Explorer read.
    Costs(CostsCall),
}

/// Work for the effect runner.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Load the whole organization (a newer load replaces an older one).
    Load { generation: u64 },
    /// Make a change.
    Call { op: OpId, call: Call },
    /// Cancel a change still in flight.
    Cancel { op: OpId },
    /// Poll a CreateAccount request after a delay.
    PollCreateAccount { request_id: String, delay_ms: u64 },
    /// Put text on the clipboard (OSC 52).
    Copy(String),
    /// Turn mouse capture on or off.
    SetMouse(bool),
    /// Write a policy draft file (the editor's unsaved text, so a crash loses nothing).
    WriteDraft { key: String, text: String },
    /// Remove a policy draft file (saved, discarded or back to the stored text).
    RemoveDraft { key: String },
}
