//! The in-memory organization engine: a faithful, synchronous, deterministic AWS
//! Organizations. `reference/organizations-api.md` is its specification.
//!
//! Every operation is a method `fn op(&mut self, caller: &Caller, req: OpRequest) ->
//! OrgResult<OpResponse>` (the list is `model::operations`). Operations first move emulated
//! time forward (`tick`), then validate in the service's order: input shapes, caller in an
//! organization, caller's permission class, existence of entities, then constraints. Nothing
//! changes unless the whole operation succeeds, and no input can make it panic.
//!
//! The engine knows nothing about async, HTTP or the SDK.

mod access;
mod accounts;
mod all_features;
mod clock;
pub mod cloudtrail;
pub mod costs;
mod effective;
mod handshakes;
pub mod identity_center;
mod ids;
pub mod invariants;
mod organization;
mod ous;
pub mod paginate;
mod policies;
mod quotas;
mod resource_policy;
mod scp_gate;
mod services;
mod snapshot;
pub mod state;
pub(crate) mod tags;
mod tree;
pub(crate) mod validate;
mod views;
mod worlds;

pub use crate::model::PolicyTypeLimits;
pub use crate::policy::org_document::validate_policy_document;
pub use access::CallerClass;
pub use clock::{AnchoredClock, Clock, ManualClock, SystemClock};
pub use organization::aws_managed_policy;
pub use quotas::{EmulatorSettings, Quotas};
pub use services::{SERVICE_PRINCIPALS, ServiceInfo};
pub use state::*;

use crate::model::*;
use std::collections::{BTreeMap, BTreeSet};

/// The organization engine.
#[derive(Debug)]
pub struct Engine {
    state: EngineState,
    clock: Box<dyn Clock>,
    rng: fastrand::Rng,
    /// Members whose closure is in progress or who await purge: an index derived from the
    /// state, so the tick every operation starts with does not scan every account.
    closing: BTreeSet<AccountId>,
    /// The same index for each other organization (`state.other_orgs`).
    parked_closing: BTreeMap<OrgId, BTreeSet<AccountId>>,
    /// The home organization while another organization's call runs (`worlds.rs`).
    away: Option<Box<worlds::Away>>,
    /// Accounts that left the organization running a call (`worlds.rs`).
    departed: Vec<AccountId>,
}

/// How to build a fresh engine.
#[derive(Debug)]
pub struct EngineConfig {
    /// Source of time (`ManualClock` in tests).
    pub clock: Box<dyn Clock>,
    /// Seed for generated ids, so runs are reproducible.
    pub seed: u64,
    /// The engine's own (home) account: id, name, email.
    pub home_account: (AccountId, String, String),
    pub quotas: Quotas,
    pub settings: EmulatorSettings,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            clock: Box::new(SystemClock),
            seed: 0x0a11_fea7,
            home_account: (
                AccountId::new_unchecked("111111111111".into()),
                "Management".into(),
                "management@example.com".into(),
            ),
            quotas: Quotas::default(),
            settings: EmulatorSettings::default(),
        }
    }
}

impl Engine {
    /// An engine whose home account stands alone (no organization yet).
    pub fn new(config: EngineConfig) -> Self {
        let now = config.clock.now();
        let (id, name, email) = config.home_account;
        let mut accounts = BTreeMap::new();
        accounts.insert(id.clone(), standalone_account(id.clone(), name, email, now));
        Engine {
            state: EngineState {
                home_account: id,
                accounts,
                org: None,
                other_orgs: BTreeMap::new(),
                handshakes: BTreeMap::new(),
                quotas: config.quotas,
                settings: config.settings,
                costs: Default::default(),
                cloudtrail: Default::default(),
                identity_center: Default::default(),
            },
            clock: config.clock,
            rng: fastrand::Rng::with_seed(config.seed),
            closing: BTreeSet::new(),
            parked_closing: BTreeMap::new(),
            away: None,
            departed: Vec::new(),
        }
    }

    /// An engine over a loaded state. The state must satisfy every invariant
    /// (`invariants::check`), which is checked here.
    pub fn from_state(state: EngineState, clock: Box<dyn Clock>, seed: u64) -> OrgResult<Self> {
        invariants::check(&state).map_err(|v| {
            OrgError::new(ErrorCode::InvalidInputException, format!("inconsistent organization state: {v}"))
        })?;
        let closing = state
            .accounts
            .values()
            .filter(|a| matches!(a.state, AccountState::PendingClosure | AccountState::Closed))
            .map(|a| a.id.clone())
            .collect();
        let parked_closing = Engine::parked_closing_of(&state.other_orgs);
        Ok(Engine {
            state,
            clock,
            rng: fastrand::Rng::with_seed(seed),
            closing,
            parked_closing,
            away: None,
            departed: Vec::new(),
        })
    }

    /// The whole state, read-only (for snapshots, exports and the inspector).
    pub fn state(&self) -> &EngineState {
        &self.state
    }

    /// The current time of the engine's clock.
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// Registers a standalone AWS account (in no organization) that can later be invited and
    /// act as a caller. Does nothing if the account is already known (in any organization).
    pub fn ensure_standalone_account(&mut self, id: AccountId, name: &str, email: &str) {
        if self.account_anywhere(&id).is_some() {
            return;
        }
        let now = self.now();
        self.state
            .accounts
            .entry(id.clone())
            .or_insert_with(|| standalone_account(id, name.into(), email.into(), now));
    }

    /// Forces the outcome of a CreateAccount request still in progress (a test and demo hook).
    pub fn force_create_account_failure(
        &mut self,
        id: &CreateAccountRequestId,
        reason: CreateAccountFailureReason,
    ) -> OrgResult<()> {
        let org = self.state.org.as_mut().ok_or_else(OrgError::not_in_use)?;
        let rec = org.create_account_requests.iter_mut().find(|r| &r.status.id == id).ok_or_else(|| {
            OrgError::new(
                ErrorCode::CreateAccountStatusNotFoundException,
                format!("No create account request {id}."),
            )
        })?;
        rec.forced_failure = Some(reason);
        Ok(())
    }

    /// Applies every timed transition that is due: account creations and closures,
    /// handshake expiry and purge. Every operation calls this first.
    pub fn tick(&mut self) {
        let now = self.now();
        self.tick_accounts(now);
        self.tick_handshakes(now);
        self.tick_identity_center(now);
    }

    /// Quotas in force.
    pub fn quotas(&self) -> &Quotas {
        &self.state.quotas
    }

    /// Everything an operation can change, so that a change that cannot be saved can be
    /// undone ([`Engine::restore`]): the write-back backends apply operations transactionally.
    pub fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            state: self.state.clone(),
            rng: self.rng.clone(),
            closing: self.closing.clone(),
            parked_closing: self.parked_closing.clone(),
        }
    }

    /// Puts the engine back as it was at `checkpoint` (the clock is not part of it).
    pub fn restore(&mut self, checkpoint: Checkpoint) {
        self.state = checkpoint.state;
        self.rng = checkpoint.rng;
        self.closing = checkpoint.closing;
        self.parked_closing = checkpoint.parked_closing;
    }

    /// Runs `op` transactionally with `save`: when `op` succeeds but its result cannot be
    /// saved, the engine is put back as it was and the answer says the change was not made.
    /// The write-back backends (console `--org`, `serve --org`) apply every change this way.
    pub fn apply_and_save<T>(
        &mut self,
        op: impl FnOnce(&mut Engine) -> OrgResult<T>,
        save: impl FnOnce(&Engine) -> Result<(), String>,
    ) -> OrgResult<T> {
        let before = self.checkpoint();
        let out = op(self)?;
        if let Err(e) = save(self) {
            self.restore(before);
            return Err(OrgError::new(
                ErrorCode::ServiceException,
                format!("The change was not made because it could not be saved: {e}"),
            ));
        }
        Ok(out)
    }

    /// Replaces the whole state (a snapshot file reloaded from disk), keeping the clock and
    /// the id generator. The state must satisfy every invariant, as for `from_state`.
    pub fn replace_state(&mut self, state: EngineState) -> OrgResult<()> {
        let rng = self.rng.clone();
        let fresh = Engine::from_state(state, Box::new(ManualClock::new(Timestamp(0))), 0)?;
        self.state = fresh.state;
        self.closing = fresh.closing;
        self.parked_closing = fresh.parked_closing;
        self.rng = rng;
        Ok(())
    }
}

/// A saved copy of an engine's changeable parts, taken before an operation so it can be
/// undone when its result cannot be saved.
#[derive(Debug, Clone)]
pub struct Checkpoint {
    state: EngineState,
    rng: fastrand::Rng,
    closing: BTreeSet<AccountId>,
    parked_closing: BTreeMap<OrgId, BTreeSet<AccountId>>,
}

pub(crate) fn standalone_account(
    id: AccountId,
    name: String,
    email: String,
    now: Timestamp,
) -> AccountRecord {
    AccountRecord {
        id,
        name,
        email,
        state: AccountState::Active,
        status: AccountStatus::Active,
        joined_method: JoinedMethod::Invited,
        joined_timestamp: now,
        membership: Membership::Standalone,
        tags: Vec::new(),
        created_at: now,
        closure_requested_at: None,
        closed_at: None,
        readiness: StandaloneReadiness::default(),
    }
}
