//! `orgtui simulate`: effective-permissions decisions for JSON (Lines) requests.

use super::failure::{Failure, emit, read_input};
use super::source::{OrgSource, load_source};
use crate::model::Timestamp;

/// Parses every request first (invalid input → exit 2 naming the line and field), loads the
/// organization only when a request names an `account`, then prints one JSON result per
/// request.
pub fn simulate(source: &OrgSource, request: &str, now: Timestamp) -> Result<(), Failure> {
    use crate::policy::{OrgPolicies, simulate};
    let text = read_input(request, "the request", Failure::input)?;
    let requests = simulate::parse_requests(&text).map_err(|e| Failure::input(e.to_string()))?;
    let org = if requests.iter().any(simulate::SimRequest::needs_org) {
        let loaded = load_source(source)?;
        let engine = crate::engine::Engine::from_state(
            loaded.state,
            Box::new(crate::engine::ManualClock::new(now)),
            1,
        )
        .map_err(|e| Failure::input(format!("organization: {}", e.message)))?;
        Some(OrgPolicies::from_snapshot(&engine.to_snapshot()))
    } else {
        None
    };
    let mut out = String::new();
    for r in &requests {
        let result = simulate::run(r, org.as_ref()).map_err(|e| Failure::input(e.to_string()))?;
        out.push_str(&result.to_json());
        out.push('\n');
    }
    emit(None, &out)
}
