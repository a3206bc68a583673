//! Running operations on an in-memory copy of an organization, synchronously: the plan, the
//! diff's change emitter and the inverses all run requests this way.

use super::format::{REF_PREFIX, Step, created_id, resolve_refs};
use crate::backend::request::{ApiRequest, ApiResponse};
use crate::engine::{Engine, EngineState, ManualClock};
use crate::model::*;
use std::collections::HashMap;

macro_rules! engine_dispatch {
    ($(($wire:ident, $method:ident, $req:ident, $resp:ident)),+ $(,)?) => {
        /// Runs one request on the engine as the management account.
        pub fn run_on_engine(engine: &mut Engine, req: ApiRequest) -> OrgResult<ApiResponse> {
            let caller = Caller::Management;
            match req {
                $(ApiRequest::$wire(r) => engine.$method(&caller, r).map(ApiResponse::$wire),)+
            }
        }
    };
}
crate::for_each_operation!(engine_dispatch);

/// An engine over a copy of `state`, its clock standing at `now`.
pub fn engine_copy(state: &EngineState, now: Timestamp) -> OrgResult<Engine> {
    Engine::from_state(state.clone(), Box::new(ManualClock::new(now)), 7)
}

/// An engine that runs steps in order, remembering the ids their `ref`s name.
pub struct Runner {
    pub engine: Engine,
    /// `ref` name → the id created on this engine.
    pub refs: HashMap<String, String>,
}

impl Runner {
    /// A runner over a copy of `state`.
    pub fn new(state: &EngineState, now: Timestamp) -> OrgResult<Runner> {
        Ok(Runner { engine: engine_copy(state, now)?, refs: HashMap::new() })
    }

    /// The request with its `ref:` strings replaced by this engine's ids.
    pub fn resolve(&self, req: &ApiRequest) -> OrgResult<ApiRequest> {
        resolve_refs(req, &|n| self.refs.get(n).cloned())
            .map_err(|m| OrgError::new(ErrorCode::InvalidInputException, m))
    }

    /// Runs one step (references resolved first) and records what it creates.
    pub fn run(&mut self, step: &Step) -> OrgResult<ApiResponse> {
        let req = self.resolve(&step.request)?;
        let resp = run_on_engine(&mut self.engine, req)?;
        if let (Some(name), Some(id)) = (&step.reference, created_id(&resp)) {
            self.refs.insert(name.clone(), id);
        }
        Ok(resp)
    }
}

/// `ref:NAME`.
pub fn ref_to(name: &str) -> String {
    format!("{REF_PREFIX}{name}")
}
