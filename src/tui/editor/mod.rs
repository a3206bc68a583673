//! The policy editor: an overlay over the page body for creating and editing policies and the
//! organization's resource (delegation) policy. JSON highlighting, live lint findings in a
//! gutter, a size meter against the type's limit, completion of action names and condition
//! keys, format and minify, a diff (and for SCPs/RCPs the blast radius) before saving, and
//! drafts that survive leaving the editor and a crash.
//!
//! The editor takes every key first while it is open (`on_key`), is drawn over the body
//! (`draw`), and is opened by its page actions (`action`), which work whether or not the page
//! they belong to has been built.

mod complete;
mod diff;
pub mod draft;
mod draw;
pub mod format;
mod history;
mod keys;
mod open;
mod save;

use crate::model::PolicyType;
use crate::policy::lint::{Finding, Severity};
use crate::tui::module::Command;
use crate::tui::msg::OpId;
use crate::tui::page::Page;
use crate::tui::widgets::input::Input;
use history::{History, Step};
use ratatui_textarea::TextArea;
use std::path::PathBuf;
use std::time::Instant;

pub use draw::{EDIT_KEYS, draw};
pub use keys::{flush_before_quit, on_done, on_key, paste, tick};

/// The editor's state in the console: open or not.
pub type State = Option<Editor>;

/// The editor's commands (scoped to the pages it opens from).
pub const COMMANDS: &[Command<State>] = &[
    Command::on(
        Page::Policies,
        "create-policy",
        &["n"],
        "[TYPE]",
        "write a new policy in the editor",
        Some("new"),
        open::create_policy,
    ),
    Command::on(
        Page::Policies,
        "edit-policy",
        &["e"],
        "[ID]",
        "edit the selected policy in the editor",
        Some("edit"),
        open::edit_policy,
    ),
    Command::on(
        Page::Settings,
        "edit-resource-policy",
        &["E"],
        "",
        "edit the organization's resource (delegation) policy",
        None,
        open::edit_resource_policy,
    ),
];

/// What is being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A stored policy.
    Policy { id: String, ty: PolicyType, name: String },
    /// A policy not yet created.
    New { ty: PolicyType },
    /// The organization's resource (delegation) policy (`exists`: one is stored).
    ResourcePolicy { exists: bool },
}

impl Target {
    /// The key of the draft (`cx.shared.drafts` and the draft file): the policy id, `new:TYPE` or
    /// `resource-policy`.
    pub fn draft_key(&self) -> String {
        match self {
            Target::Policy { id, .. } => id.clone(),
            Target::New { ty } => format!("new:{ty}"),
            Target::ResourcePolicy { .. } => "resource-policy".into(),
        }
    }

    /// The policy type, if the target is a policy.
    pub fn policy_type(&self) -> Option<PolicyType> {
        match self {
            Target::Policy { ty, .. } | Target::New { ty } => Some(*ty),
            Target::ResourcePolicy { .. } => None,
        }
    }

    /// Maximum size in characters (the stored string, whitespace included).
    pub fn max_size(&self) -> usize {
        match self.policy_type() {
            Some(ty) => crate::engine::PolicyTypeLimits::of(ty).max_size,
            None => crate::engine::Quotas::default().max_resource_policy_size,
        }
    }

    /// A short description for titles.
    pub fn label(&self) -> String {
        match self {
            Target::Policy { id, ty, name } => {
                format!("{} {} ({})", ty.short_name(), crate::model::text::sanitize(name), id)
            }
            Target::New { ty } => format!("new {}", ty.short_name()),
            Target::ResourcePolicy { .. } => "resource (delegation) policy".into(),
        }
    }
}

/// A candidate list at the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// What was typed (replaced on insertion).
    pub prefix: String,
    pub items: Vec<String>,
    pub selected: usize,
}

/// A draft file found when opening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftOffer {
    /// When it was written (RFC 3339, UTC).
    pub saved_at: String,
    pub text: String,
}

/// The save confirmation: the diff and what the change reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    pub diff: Vec<diff::DiffLine>,
    pub added: usize,
    pub removed: usize,
    /// Blast-radius summary lines (SCP/RCP), or why there are none.
    pub blast: Vec<String>,
    pub scroll: usize,
}

/// The editor's step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Typing.
    Edit,
    /// A draft file exists: restore or discard.
    Offer(DraftOffer),
    /// Completion popup open.
    Complete(Completion),
    /// Name and description of a new policy (field 0 or 1 focused).
    Details { focus: usize },
    /// Diff and blast radius, waiting for y/enter.
    Confirm(Confirmation),
    /// The save call is in flight.
    Saving { op: OpId },
}

/// The editor's state (`cx.st`).
#[derive(Debug)]
pub struct Editor {
    pub target: Target,
    pub area: TextArea<'static>,
    /// The stored version (empty for a new policy).
    pub original: String,
    /// The text a fresh open starts from (the stored version or a template): an edit back to
    /// it is no draft.
    pub pristine: String,
    pub findings: Vec<Finding>,
    pub mode: Mode,
    /// Name and description for a new policy.
    pub name: Input,
    pub description: Input,
    /// Undo and redo (one step per typed word, paste, format, completion…).
    history: History,
    /// A one-line note (formatted, restored, …).
    pub note: Option<String>,
    /// The AWS error of the last save, shown until the next change.
    pub error: Option<String>,
    /// First visible text line.
    pub top: usize,
    /// Where draft files go (`None`: no state dir could be found).
    pub draft_dir: Option<PathBuf>,
    /// When the draft file was last written, and whether it is behind the text.
    pub draft_written: Option<Instant>,
    pub draft_stale: bool,
}

impl Editor {
    /// An editor on `text`.
    pub fn new(target: Target, original: String, text: &str) -> Editor {
        let area = history::area(text.split('\n').map(str::to_string).collect());
        let mut e = Editor {
            target,
            area,
            original,
            pristine: text.to_string(),
            findings: Vec::new(),
            mode: Mode::Edit,
            name: Input::new("").with_max(keys::NAME_MAX),
            description: Input::new("").with_max(keys::DESCRIPTION_MAX),
            history: History::default(),
            note: None,
            error: None,
            top: 0,
            draft_dir: draft::dir(),
            draft_written: None,
            draft_stale: false,
        };
        e.relint();
        e
    }

    /// The whole text.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Replaces the whole text (format, minify, restore) as one undoable step; the cursor goes
    /// to the top.
    pub fn set_text(&mut self, text: &str) {
        self.history.change(&mut self.area, Step::Other, |a| {
            let yank = a.yank_text();
            *a = history::area(text.split('\n').map(str::to_string).collect());
            a.set_yank_text(yank);
            true
        });
        self.top = 0;
        self.relint();
    }

    /// Runs an edit of the text as one undo step (`Step::Type`: joins the word being typed);
    /// returns whether the text changed. Lint and draft are the caller's (`keys::changed`).
    pub fn edit(&mut self, step: Step, f: impl FnOnce(&mut TextArea<'static>) -> bool) -> bool {
        self.history.change(&mut self.area, step, f)
    }

    /// ctrl-z: takes back the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.history.undo(&mut self.area)
    }

    /// ctrl-y: does again what undo took back; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        self.history.redo(&mut self.area)
    }

    /// Lints the text again.
    pub fn relint(&mut self) {
        let text = self.text();
        self.findings = match self.target.policy_type() {
            Some(ty) => crate::policy::lint::lint(ty, &text),
            None => format::lint_plain_json(&text, self.target.max_size()),
        };
    }

    /// Size in characters, as AWS counts it (the stored string, whitespace included).
    pub fn size(&self) -> usize {
        let lines = self.area.lines();
        lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len().saturating_sub(1)
    }

    /// Findings per severity: errors, security warnings, warnings, suggestions.
    pub fn counts(&self) -> [usize; 4] {
        let mut c = [0; 4];
        for f in &self.findings {
            let i = match f.severity {
                Severity::Error => 0,
                Severity::SecurityWarning => 1,
                Severity::Warning => 2,
                Severity::Suggestion => 3,
            };
            c[i] += 1;
        }
        c
    }

    /// The most severe finding on 1-based `line`.
    pub fn worst_on(&self, line: usize) -> Option<&Finding> {
        self.findings.iter().filter(|f| f.line == line).min_by_key(|f| f.severity)
    }

    /// Whether the text differs from the stored version.
    pub fn changed(&self) -> bool {
        self.text() != self.original
    }
}

/// The gutter letter of a severity (reads without colour).
pub fn severity_mark(s: Severity) -> char {
    match s {
        Severity::Error => 'E',
        Severity::SecurityWarning => 'S',
        Severity::Warning => 'W',
        Severity::Suggestion => 'i',
    }
}
