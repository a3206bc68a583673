//! The console's state: the loaded organization and what is derived from it, the selection,
//! expansion and filter, the dialog on top, work in flight and the status line. `update`
//! (`update.rs`) is the only thing that changes it; `view` draws it.

use super::dialog::Modal;
use super::keymap::Keymap;
use super::msg::OpId;
use super::theme::Theme;
use super::tree::{Filter, NodeKind, OrgTree};
use crate::model::*;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use tui_tree_widget::{TreeItem, TreeState};

/// The console's pages, numbered as their keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Page {
    Accounts,
    Policies,
    Inspector,
    Invitations,
    Services,
    Settings,
}

impl Page {
    /// Every page in key order.
    pub const ALL: [Page; 6] =
        [Page::Accounts, Page::Policies, Page::Inspector, Page::Invitations, Page::Services, Page::Settings];

    /// The page's key (1–6).
    pub fn number(self) -> u8 {
        match self {
            Page::Accounts => 1,
            Page::Policies => 2,
            Page::Inspector => 3,
            Page::Invitations => 4,
            Page::Services => 5,
            Page::Settings => 6,
        }
    }

    /// The page for a key.
    pub fn from_number(n: u8) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.number() == n)
    }

    /// The page's title, as the AWS console names it.
    pub fn title(self) -> &'static str {
        match self {
            Page::Accounts => "AWS accounts",
            Page::Policies => "Policies",
            Page::Inspector => "Inspector",
            Page::Invitations => "Invitations",
            Page::Services => "Services",
            Page::Settings => "Settings",
        }
    }
}

/// Which pane has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Details,
}

/// What the header says about the source of the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
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

/// A CreateAccount being followed until it finishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Creation {
    pub request_id: String,
    pub name: String,
    pub state: CreateAccountState,
    pub detail: String,
}

/// An account being moved: the user picks the destination in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moving {
    pub account: String,
    pub name: String,
    pub source: String,
}

/// The loaded organization and its derived caches.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub snapshot: Arc<OrgSnapshot>,
    pub tree: OrgTree,
    /// Nodes kept by the filter (with ancestors); `None` without a filter.
    pub keep: Option<Vec<bool>>,
    /// Widget items, rebuilt only when the data or the filter change.
    pub items: Vec<TreeItem<'static, u64>>,
    /// Visible rows in order (node indices), rebuilt when expansion changes.
    pub rows: Vec<usize>,
}

/// The whole console state.
#[derive(Debug)]
pub struct App {
    pub source: Source,
    pub theme: Theme,
    /// The page on screen.
    pub page: Page,
    /// Each page's own state.
    pub pages: super::pages::PageStates,
    /// Unsaved policy texts by policy id (`new:TYPE` for a policy not yet created): kept by the
    /// editor, read by the inspector's what-if.
    pub drafts: BTreeMap<String, String>,
    /// The policy selected on the Policies page (the editor's `edit-policy` and the
    /// inspector's what-if start from it).
    pub policy_selected: Option<String>,
    /// The policy editor, open over the page body.
    pub editor: Option<crate::tui::editor::Editor>,
    /// The account later calls come from when it is not the management account (set by the
    /// Invitations page's `act-as` once the backend agreed); shown in the header.
    pub acting_as: Option<String>,
    pub keymap: Keymap,
    pub data: Option<Loaded>,
    pub load_error: Option<String>,
    pub load_generation: u64,
    pub loading: bool,
    /// The source's offline extras (IAM principals and their policies, for the inspector).
    pub extras: Option<Arc<crate::snapshot::Extras>>,
    /// Actions the blast radius watches (config.toml `[blast-radius] watch`, or `:watch`).
    pub watch: Vec<String>,
    /// The organization's quotas, when the backend knows them.
    pub quotas: Option<crate::engine::Quotas>,
    /// The latest progress report of the load in flight.
    pub load_progress: Option<crate::backend::walk::LoadProgress>,
    pub focus: Focus,
    /// Selected entity id.
    pub selected: Option<String>,
    /// Expanded entity ids.
    pub opened: HashSet<String>,
    /// Expansion before the filter opened ancestors of matches (restored when it is cleared).
    pub opened_before_filter: Option<HashSet<String>>,
    pub filter: String,
    pub filter_editing: bool,
    pub details_scroll: u16,
    pub modal: Option<Modal>,
    pub moving: Option<Moving>,
    /// Entity to select once the next load arrives (after a create or move).
    pub reveal_after_load: Option<String>,
    /// `q` was pressed while changes were in flight; a second `q` quits anyway.
    pub quit_armed: bool,
    pub creations: Vec<Creation>,
    pub status: Status,
    /// Changes in flight: id → what they do.
    pub pending: BTreeMap<OpId, String>,
    pub next_op: OpId,
    pub mouse: bool,
    pub quit: bool,
    /// Something changed since the last frame.
    pub dirty: bool,
    pub size: (u16, u16),
    pub tick: usize,
    /// Render cache of the tree widget (offset, last rows); not app state.
    pub tree_view: RefCell<TreeState<u64>>,
    /// Bumped whenever the visible rows change, so the widget's expansion is re-synced only then.
    pub rows_rev: u64,
    /// The `rows_rev` the widget state was last synced to.
    pub tree_view_rev: std::cell::Cell<u64>,
}

impl App {
    /// A console about to load its organization.
    pub fn new(source: Source, theme: Theme, keymap: Keymap, size: (u16, u16)) -> App {
        App {
            source,
            theme,
            page: Page::Accounts,
            pages: super::pages::PageStates::default(),
            drafts: BTreeMap::new(),
            policy_selected: None,
            editor: None,
            acting_as: None,
            keymap,
            data: None,
            load_error: None,
            load_generation: 0,
            loading: false,
            load_progress: None,
            quotas: None,
            watch: super::config::UserConfig::default().watch,
            extras: None,
            focus: Focus::Tree,
            selected: None,
            opened: HashSet::new(),
            opened_before_filter: None,
            filter: String::new(),
            filter_editing: false,
            details_scroll: 0,
            modal: None,
            moving: None,
            reveal_after_load: None,
            quit_armed: false,
            creations: Vec::new(),
            status: Status::None,
            pending: BTreeMap::new(),
            next_op: 1,
            mouse: false,
            quit: false,
            dirty: true,
            size,
            tick: 0,
            tree_view: RefCell::new(TreeState::default()),
            rows_rev: 1,
            tree_view_rev: std::cell::Cell::new(0),
        }
    }

    /// Installs a freshly loaded organization, keeping selection, expansion and filter.
    pub fn install(&mut self, snapshot: Arc<OrgSnapshot>) {
        let first_load = self.data.is_none();
        let tree = OrgTree::build(&snapshot);
        if first_load && let Some(root) = tree.nodes.first() {
            self.opened.insert(root.id.clone());
            // Open the top-level OUs so the first screen shows the shape of the org.
            for &c in &root.children {
                if tree.nodes[c].kind == NodeKind::Ou {
                    self.opened.insert(tree.nodes[c].id.clone());
                }
            }
            self.selected = Some(root.id.clone());
        }
        self.data = Some(Loaded { snapshot, tree, keep: None, items: Vec::new(), rows: Vec::new() });
        self.refilter(false);
        if let Some(id) = self.reveal_after_load.take() {
            self.reveal(&id);
        }
        super::pages::on_load(self);
    }

    /// Recomputes the filter's kept set and the widget items (data or filter changed).
    pub fn refilter(&mut self, open_matches: bool) {
        let filter = Filter::parse(&self.filter);
        let Some(d) = self.data.as_mut() else { return };
        d.keep = d.tree.visible_set(filter.as_ref());
        if open_matches && let Some(f) = &filter {
            for j in d.tree.ancestors_of_matches(f) {
                let id = &d.tree.nodes[j].id;
                if !self.opened.contains(id) {
                    self.opened.insert(id.clone());
                }
            }
        }
        let old = std::mem::replace(&mut d.items, d.tree.items(d.keep.as_deref()));
        if old.len() == 1 && d.tree.nodes.len() > 2000 {
            // Freeing ten thousand items takes milliseconds: do it off the input path.
            std::thread::spawn(move || drop(old));
        }
        self.rerow();
        // Keep the selection if it is still visible; otherwise the first match (or the root).
        // While typing a filter the selection stays on a match: it moves only when the
        // selected node stops matching.
        let Some(d) = self.data.as_ref() else { return };
        let mut on_screen = vec![false; d.tree.nodes.len()];
        for &r in &d.rows {
            on_screen[r] = true;
        }
        let selected = self.selected.as_deref().and_then(|s| d.tree.index_of(s));
        let keep_selection = match selected {
            Some(i) if open_matches && filter.is_some() => {
                filter.as_ref().is_some_and(|f| d.tree.is_match(f, i))
            }
            Some(i) => on_screen[i],
            None => false,
        };
        if !keep_selection {
            let first = filter
                .as_ref()
                .and_then(|f| d.rows.iter().copied().find(|&i| d.tree.is_match(f, i)))
                .or_else(|| d.rows.first().copied());
            self.selected = first.map(|i| d.tree.nodes[i].id.clone());
        }
        self.dirty = true;
    }

    /// Recomputes the visible rows (expansion changed).
    pub fn rerow(&mut self) {
        self.rows_rev += 1;
        if let Some(d) = self.data.as_mut() {
            d.rows = d.tree.visible_rows(&self.opened, d.keep.as_deref());
        }
    }

    /// Index of the selected node in the tree.
    pub fn selected_node(&self) -> Option<usize> {
        let d = self.data.as_ref()?;
        d.tree.index_of(self.selected.as_deref()?)
    }

    /// The selected node's kind and id.
    pub fn selection(&self) -> Option<(NodeKind, String, String)> {
        let d = self.data.as_ref()?;
        let n = &d.tree.nodes[self.selected_node()?];
        Some((n.kind, n.id.clone(), n.name.clone()))
    }

    /// Position of the selection among the visible rows.
    pub fn selected_row(&self) -> Option<usize> {
        let d = self.data.as_ref()?;
        let i = self.selected_node()?;
        d.rows.iter().position(|&r| r == i)
    }

    /// Selects the visible row at `row` (clamped).
    pub fn select_row(&mut self, row: usize) {
        if let Some(d) = self.data.as_ref()
            && let Some(&i) = d.rows.get(row.min(d.rows.len().saturating_sub(1)))
        {
            self.selected = Some(d.tree.nodes[i].id.clone());
            self.details_scroll = 0;
            self.dirty = true;
        }
    }

    /// Selects an entity by id, opening its ancestors (and clearing a filter that hides it).
    pub fn reveal(&mut self, id: &str) -> bool {
        let Some(i) = self.data.as_ref().and_then(|d| d.tree.index_of(id)) else { return false };
        let hidden = self.data.as_ref().is_some_and(|d| d.keep.as_ref().is_some_and(|k| !k[i]));
        if hidden {
            self.filter.clear();
            self.filter_editing = false;
            self.refilter(false);
        }
        if let Some(d) = self.data.as_ref() {
            for j in d.tree.path(i) {
                if j != i {
                    self.opened.insert(d.tree.nodes[j].id.clone());
                }
            }
        }
        self.rerow();
        self.selected = Some(id.to_string());
        self.details_scroll = 0;
        self.dirty = true;
        true
    }

    /// Allocates an id for a backend call.
    pub fn op_id(&mut self) -> OpId {
        let id = self.next_op;
        self.next_op += 1;
        id
    }

    /// Whether changes may be made now; if not, says so (and how to arm a guarded session).
    pub fn check_writable(&mut self) -> bool {
        if !self.source.writable {
            let hint = if self.source.guarded { " :arm enables writes." } else { "" };
            self.set_status(Status::Error(format!("This session is read-only.{hint}")));
        }
        self.source.writable
    }

    /// Sets the status line.
    pub fn set_status(&mut self, s: Status) {
        self.status = s;
        self.dirty = true;
    }

    /// Whether work is in flight (the spinner animates).
    pub fn busy(&self) -> bool {
        self.loading
            || !self.pending.is_empty()
            || self.creations.iter().any(|c| c.state == CreateAccountState::InProgress)
    }

    /// Rows the tree pane shows (for page up/down).
    pub fn tree_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(6)).max(1)
    }
}
