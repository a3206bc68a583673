//! What a page handler gets besides its own state: the session's shared facts, read-only
//! ([`Shared`]), and an [`Outbox`] for everything it may ask of the console — a status line, a
//! dialog, a backend call, another page, a selection in the tree, a draft. The console applies
//! the outbox after the handler returns, so no page can change another's state or the
//! console's directly.

use super::dialog::{Confirm, Modal};
use super::keymap::Keymap;
use super::msg::{Call, Effect, OpId};
use super::page::Page;
use super::theme::Theme;
use super::tree::{NodeKind, OrgTree};
use crate::model::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the header says about the source of the data, and whether writes go through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    /// `SAMPLE`, `FILE org.json`, `LIVE profile/region`.
    pub label: String,
    /// Whether writes go through now.
    pub writable: bool,
    /// A live session behind the safety guard: writes can be armed and disarmed (`:arm`).
    pub guarded: bool,
}

/// The status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    None,
    Info(String),
    Ok(String),
    Error(String),
}

/// The loaded organization and the tree model every page reads (names, parents, paths).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub snapshot: Arc<OrgSnapshot>,
    pub tree: OrgTree,
}

/// The session's facts every page may read.
#[derive(Debug)]
pub struct Shared {
    pub source: SessionInfo,
    pub theme: Theme,
    pub keymap: Keymap,
    pub data: Option<Loaded>,
    pub load_error: Option<String>,
    pub loading: bool,
    /// The latest progress report of the load in flight.
    pub load_progress: Option<crate::backend::walk::LoadProgress>,
    /// The source's offline extras (IAM principals and their policies, for the inspector).
    pub extras: Option<Arc<crate::snapshot::Extras>>,
    /// The source's billing data (the snapshot's costs), for the Billing page.
    pub costs: Option<Arc<crate::engine::costs::CostData>>,
    /// Cost Explorer in this session: `None` none, `Some(true)` the billed live service (read
    /// from the cache; fetched only when asked), `Some(false)` the engine's.
    pub costs_paid: Option<bool>,
    /// Actions the blast radius watches (config.toml `[blast-radius] watch`, or `:watch`).
    pub watch: Vec<String>,
    /// The organization's quotas, when the backend knows them.
    pub quotas: Option<crate::engine::Quotas>,
    /// The account later calls come from when it is not the management account.
    pub acting_as: Option<String>,
    /// The entity selected in the accounts tree (pages act on it: effective policy, inspector).
    pub selected: Option<String>,
    /// Unsaved policy texts by policy id (`new:TYPE` for a policy not yet created): kept by the
    /// editor, read by the inspector's what-if.
    pub drafts: BTreeMap<String, String>,
    /// The policy selected on the Policies page (the editor and the inspector start from it).
    pub policy_selected: Option<String>,
    /// The type of the Policies page's tab (a new policy in the editor is of this type).
    pub policy_type: PolicyType,
    pub size: (u16, u16),
    /// Animation tick while work is in flight.
    pub tick: usize,
    /// CloudTrail's history once read (the Accounts details' history line reads it).
    pub activity: Option<Arc<crate::backend::cloudtrail::History>>,
    /// The console's clock for relative times ("3 days ago"): `None` is the system's; tests
    /// fix it.
    pub clock: Option<crate::model::Timestamp>,
}

impl Shared {
    /// A session about to load its organization.
    pub fn new(source: SessionInfo, theme: Theme, keymap: Keymap, size: (u16, u16)) -> Shared {
        Shared {
            source,
            theme,
            keymap,
            data: None,
            load_error: None,
            loading: false,
            load_progress: None,
            extras: None,
            costs: None,
            costs_paid: None,
            watch: super::config::UserConfig::default().watch,
            quotas: None,
            acting_as: None,
            selected: None,
            drafts: BTreeMap::new(),
            policy_selected: None,
            policy_type: PolicyType::ServiceControlPolicy,
            size,
            tick: 0,
            activity: None,
            clock: None,
        }
    }

    /// Now, by the console's clock.
    pub fn now(&self) -> crate::model::Timestamp {
        self.clock.unwrap_or_else(crate::model::Timestamp::now)
    }

    /// Index of the selected node in the tree.
    pub fn selected_node(&self) -> Option<usize> {
        self.data.as_ref()?.tree.index_of(self.selected.as_deref()?)
    }

    /// The selected node's kind, id and name.
    pub fn selection(&self) -> Option<(NodeKind, String, String)> {
        let d = self.data.as_ref()?;
        let n = &d.tree.nodes[self.selected_node()?];
        Some((n.kind, n.id.clone(), n.name.clone()))
    }

    /// The loaded snapshot.
    pub fn snapshot(&self) -> Option<&Arc<OrgSnapshot>> {
        self.data.as_ref().map(|d| &d.snapshot)
    }

    /// The first key bound to `command`, for hints.
    pub fn key_of(&self, command: &str) -> Option<String> {
        self.keymap.key_of(command)
    }
}

/// Everything a handler asked for, applied by the console when the handler returns.
#[derive(Debug, Default)]
pub struct Outbox {
    pub status: Option<Status>,
    pub effects: Vec<Effect>,
    /// A dialog to open.
    pub modal: Option<Modal>,
    /// Show this page.
    pub show_page: Option<Page>,
    /// Select this entity in the accounts tree (opening its ancestors).
    pub reveal: Option<String>,
    /// Select this entity once the next load arrives (after a create or move).
    pub reveal_after_load: Option<String>,
    /// Calls started, with the status-line label of each.
    pub pending: Vec<(OpId, String)>,
    /// Draft changes: `Some(text)` keeps a draft, `None` drops it.
    pub drafts: Vec<(String, Option<String>)>,
    /// Reload the organization.
    pub reload: bool,
    /// The account calls now come from (`Some(None)`: the management account again).
    pub acting_as: Option<Option<String>>,
    /// A command of another page to run next (`v` on Accounts opens the Policies page's
    /// effective view), with its argument.
    pub run: Option<(Page, &'static str, Option<String>)>,
}

/// A page's read-only view: its state and the shared facts (what `draw` gets).
pub struct View<'a, S> {
    pub st: &'a S,
    pub shared: &'a Shared,
}

impl<S> Clone for View<'_, S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S> Copy for View<'_, S> {}

/// A handler's context: its own state (`st`), the shared facts (`shared`) and the outbox.
pub struct Cx<'a, S> {
    pub st: &'a mut S,
    pub shared: &'a Shared,
    pub out: &'a mut Outbox,
    next_op: &'a mut OpId,
}

impl<'a, S> Cx<'a, S> {
    /// A context for one handler call.
    pub fn new(st: &'a mut S, shared: &'a Shared, out: &'a mut Outbox, next_op: &'a mut OpId) -> Self {
        Cx { st, shared, out, next_op }
    }

    /// The read-only view of the same state.
    pub fn view(&self) -> View<'_, S> {
        View { st: self.st, shared: self.shared }
    }

    /// A context for another state with the same shared facts and outbox (a page's
    /// sub-component, or the editor opened from a page).
    pub fn with<'b, T>(&'b mut self, st: &'b mut T) -> Cx<'b, T> {
        Cx { st, shared: self.shared, out: self.out, next_op: self.next_op }
    }

    /// Sets the status line.
    pub fn set_status(&mut self, s: Status) {
        self.out.status = Some(s);
    }

    /// An error on the status line.
    pub fn error(&mut self, message: impl Into<String>) {
        self.set_status(Status::Error(message.into()));
    }

    /// Whether changes may be made now; if not, says so (and how to arm a guarded session).
    pub fn check_writable(&mut self) -> bool {
        if !self.shared.source.writable {
            let hint = if self.shared.source.guarded { " :arm enables writes." } else { "" };
            self.set_status(Status::Error(format!("This session is read-only.{hint}")));
        }
        self.shared.source.writable
    }

    /// Allocates an id for a backend call.
    pub fn op_id(&mut self) -> OpId {
        let id = *self.next_op;
        *self.next_op += 1;
        id
    }

    /// Starts a call, with its status-line label; returns its id.
    pub fn submit(&mut self, call: Call, label: String) -> OpId {
        let op = self.op_id();
        self.out.pending.push((op, label));
        self.out.effects.push(Effect::Call { op, call });
        op
    }

    /// Opens a dialog.
    pub fn open(&mut self, modal: Modal) {
        self.out.modal = Some(modal);
    }

    /// Opens a dialog (the `Some` spelling pages use when they build one inline).
    pub fn open_some(&mut self, modal: Modal) {
        self.open(modal);
    }

    /// Opens a typed confirmation.
    pub fn confirm(&mut self, c: Confirm) {
        self.open(Modal::Confirm(c));
    }

    /// Queues an effect.
    pub fn effect(&mut self, e: Effect) {
        self.out.effects.push(e);
    }

    /// Shows another page.
    pub fn show_page(&mut self, page: Page) {
        self.out.show_page = Some(page);
    }

    /// Runs another page's command `name` once this handler returns (pages never touch each
    /// other's state).
    pub fn run_on(&mut self, page: Page, name: &'static str, arg: Option<String>) {
        self.out.run = Some((page, name, arg));
    }

    /// Selects an entity in the accounts tree.
    pub fn reveal(&mut self, id: impl Into<String>) {
        self.out.reveal = Some(id.into());
    }

    /// Selects an entity once the next load arrives.
    pub fn reveal_after_load(&mut self, id: impl Into<String>) {
        self.out.reveal_after_load = Some(id.into());
    }

    /// Keeps (`Some`) or drops (`None`) the draft of `key`.
    pub fn set_draft(&mut self, key: String, text: Option<String>) {
        self.out.drafts.push((key, text));
    }

    /// Reloads the organization.
    pub fn reload(&mut self) {
        self.out.reload = true;
    }
}
