//! The console's state: the session's shared facts, every page's own state, the editor and
//! dialog on top, work in flight and the status line. `update` is the only thing that changes
//! it; `view` draws it. Pages are called through [`App::with_pages`], which gives them a
//! context and applies what they asked for.

use super::cx::{Cx, Outbox, Shared, Status, View};
use super::dialog::Modal;
use super::editor::Editor;
use super::msg::{Call, Effect, OpId};
use super::pages::{Env, PageStates};
use crate::model::*;
use std::collections::BTreeMap;
use std::sync::Arc;

pub use super::cx::{Loaded, SessionInfo};
pub use super::page::Page;
pub use super::pages::accounts::{Focus, Moving};

/// How many status messages `:messages` keeps (the oldest go first).
pub const MESSAGES_KEPT: usize = 500;

/// A CreateAccount being followed until it finishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Creation {
    pub request_id: String,
    pub name: String,
    pub state: CreateAccountState,
    pub detail: String,
}

/// The whole console state.
#[derive(Debug)]
pub struct App {
    /// What every page may read.
    pub shared: Shared,
    /// The page on screen.
    pub page: Page,
    /// Each page's own state.
    pub pages: PageStates,
    /// The policy editor, open over the page body.
    pub editor: Option<Editor>,
    pub modal: Option<Modal>,
    pub status: Status,
    /// Every status-line message of the session with its time, newest last (`:messages`),
    /// at most [`MESSAGES_KEPT`].
    pub messages: std::collections::VecDeque<(Timestamp, Status)>,
    /// Changes in flight: id → what they do.
    pub pending: BTreeMap<OpId, String>,
    pub next_op: OpId,
    pub creations: Vec<Creation>,
    pub load_generation: u64,
    /// Entity to select once the next load arrives (after a create or move).
    pub reveal_after_load: Option<String>,
    /// `q` was pressed while changes were in flight; a second `q` quits anyway.
    pub quit_armed: bool,
    /// The pending calls that only read (Cost Explorer, CloudTrail, Organizations reads): `q`
    /// does not wait for them.
    pub pending_reads: std::collections::BTreeSet<OpId>,
    /// Changes made to the bundled sample this session (lost on quitting unless `:save-as`).
    pub unsaved_sample_changes: usize,
    /// Quitting was refused once to warn about them; the next quit goes through.
    pub unsaved_warned: bool,
    pub quit: bool,
    pub mouse: bool,
    /// Something changed since the last frame.
    pub dirty: bool,
}

impl App {
    /// Whether the session works on the bundled sample (changes live in memory only).
    pub fn on_sample(&self) -> bool {
        self.shared.source.label == "SAMPLE"
    }

    /// A console about to load its organization.
    pub fn new(
        source: SessionInfo,
        theme: super::theme::Theme,
        keymap: super::keymap::Keymap,
        size: (u16, u16),
    ) -> App {
        App {
            shared: Shared::new(source, theme, keymap, size),
            page: Page::Accounts,
            pages: PageStates::default(),
            editor: None,
            modal: None,
            status: Status::None,
            messages: Default::default(),
            pending: BTreeMap::new(),
            next_op: 1,
            creations: Vec::new(),
            load_generation: 0,
            reveal_after_load: None,
            quit_armed: false,
            pending_reads: Default::default(),
            unsaved_sample_changes: 0,
            unsaved_warned: false,
            quit: false,
            mouse: false,
            dirty: true,
        }
    }

    /// Calls into the pages with a context, then applies what they asked for.
    pub fn with_pages(&mut self, f: impl FnOnce(&mut PageStates, &mut Env<'_>)) -> Vec<Effect> {
        let mut out = Outbox::default();
        let mut env = Env { shared: &self.shared, out: &mut out, next_op: &mut self.next_op };
        f(&mut self.pages, &mut env);
        self.apply(out)
    }

    /// Calls into the editor with a context, then applies what it asked for.
    pub fn with_editor<R>(&mut self, f: impl FnOnce(&mut Cx<'_, Option<Editor>>) -> R) -> (R, Vec<Effect>) {
        let mut out = Outbox::default();
        let r = f(&mut Cx::new(&mut self.editor, &self.shared, &mut out, &mut self.next_op));
        (r, self.apply(out))
    }

    /// Applies a handler's outbox; returns the effects to run.
    pub fn apply(&mut self, out: Outbox) -> Vec<Effect> {
        self.dirty = true;
        let mut effects = out.effects;
        if let Some(s) = out.status {
            self.set_status(s);
        }
        if let Some(m) = out.modal {
            self.modal = Some(m);
        }
        for (op, _) in &out.pending {
            let reads = effects
                .iter()
                .any(|e| matches!(e, Effect::Call { op: o, call } if o == op && call_only_reads(call)));
            if reads {
                self.pending_reads.insert(*op);
            }
        }
        self.pending.extend(out.pending);
        for (key, text) in out.drafts {
            match text {
                Some(t) => self.shared.drafts.insert(key, t),
                None => self.shared.drafts.remove(&key),
            };
        }
        if let Some(a) = out.acting_as {
            self.shared.acting_as = a;
        }
        if let Some(p) = out.show_page {
            self.page = p;
        }
        if out.reveal_after_load.is_some() {
            self.reveal_after_load = out.reveal_after_load;
        }
        if let Some(id) = out.reveal {
            self.page = Page::Accounts;
            effects.extend(self.with_pages(|p, env| {
                super::pages::accounts::reveal(&mut env.cx(&mut p.accounts), &id);
            }));
            self.pages.accounts.focus = Focus::Tree;
        }
        if out.reload {
            effects.extend(self.load());
        }
        if let Some((page, name, arg)) = out.run {
            self.shared.selected = self.pages.accounts.selected.clone();
            effects.extend(self.with_pages(|p, env| {
                super::pages::run(page, p, env, name, arg);
            }));
        }
        // What other pages read of a page's selection.
        self.shared.selected = self.pages.accounts.selected.clone();
        self.shared.policy_selected = self.pages.policies.policy.clone();
        self.shared.policy_type = self.pages.policies.ty();
        effects
    }

    /// Starts a whole-organization load (a newer one replaces an older one).
    pub fn load(&mut self) -> Vec<Effect> {
        self.load_generation += 1;
        self.shared.loading = true;
        self.dirty = true;
        vec![Effect::Load { generation: self.load_generation }]
    }

    /// Installs a freshly loaded organization, keeping selection, expansion and filter.
    pub fn install(&mut self, snapshot: Arc<OrgSnapshot>) -> Vec<Effect> {
        let tree = super::tree::OrgTree::build(&snapshot);
        self.shared.data = Some(Loaded { snapshot, tree });
        let reveal = self.reveal_after_load.take();
        let mut effects = self.with_pages(|p, env| super::pages::on_load(p, env));
        if let Some(id) = reveal {
            effects.extend(self.with_pages(|p, env| {
                super::pages::accounts::reveal(&mut env.cx(&mut p.accounts), &id);
            }));
        }
        effects
    }

    /// A page's read-only view over its state (what its draw and queries take).
    pub fn view<'a, S>(&'a self, st: &'a S) -> View<'a, S> {
        View { st, shared: &self.shared }
    }

    /// Sets the status line.
    pub fn set_status(&mut self, s: Status) {
        if s != Status::None {
            if self.messages.len() >= MESSAGES_KEPT {
                self.messages.pop_front();
            }
            self.messages.push_back((Timestamp::now(), s.clone()));
        }
        self.status = s;
        self.dirty = true;
    }

    /// Whether changes may be made now; if not, says so (and how to arm a guarded session).
    pub fn check_writable(&mut self) -> bool {
        let mut out = Outbox::default();
        let mut unit = ();
        let ok = Cx::new(&mut unit, &self.shared, &mut out, &mut self.next_op).check_writable();
        self.apply(out);
        ok
    }

    /// Pending calls that change something (reads are not waited for on quit).
    pub fn changes_in_flight(&self) -> usize {
        self.pending.keys().filter(|op| !self.pending_reads.contains(op)).count()
    }

    /// Allocates an id for a backend call.
    pub fn op_id(&mut self) -> OpId {
        let id = self.next_op;
        self.next_op += 1;
        id
    }

    /// The selected node's kind, id and name.
    pub fn selection(&self) -> Option<(super::tree::NodeKind, String, String)> {
        self.shared.selection()
    }

    /// Whether a timer is due without work in flight (a draft behind the editor's text).
    pub fn wants_tick(&self) -> bool {
        self.editor.as_ref().is_some_and(|e| e.draft_stale)
    }

    /// Whether work is in flight (the spinner animates).
    pub fn busy(&self) -> bool {
        self.shared.loading
            || !self.pending.is_empty()
            || self.creations.iter().any(|c| c.state == CreateAccountState::InProgress)
    }
}

/// Whether a call changes nothing (quitting need not wait for it).
fn call_only_reads(call: &Call) -> bool {
    match call {
        Call::Api { request, .. } => !request.is_write(),
        Call::CloudTrail(_) | Call::Costs(_) => true,
        _ => false,
    }
}
