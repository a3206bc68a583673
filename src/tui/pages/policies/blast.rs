//! The blast radius of attaching or detaching an SCP/RCP, summarised for the confirmation:
//! how many accounts the change reaches and, per watched action (`App::watch`, from config.toml),
//! how many accounts change decision. Kept to a few wrapped lines so the dialog fits 80×24.

use super::data;
use crate::model::OrgSnapshot;
use crate::policy::blast::{BlastRadius, PolicyChange, blast_radius};
use crate::policy::trace::Decision;

/// Width the confirmation dialog wraps at.
const WIDTH: usize = 80;
/// At most this many lines of per-action changes.
const MAX_ACTION_LINES: usize = 4;

/// Summary lines: accounts reached; per watched action, the accounts whose decision changes.
pub fn summary(snapshot: &OrgSnapshot, change: PolicyChange, watch: &[String]) -> Vec<String> {
    let b = match blast_radius(snapshot, &change, watch) {
        Ok(b) => b,
        Err(e) => return vec![format!("Blast radius could not be computed: {e}")],
    };
    lines(&b)
}

/// The summary of a computed blast radius.
pub fn lines(b: &BlastRadius) -> Vec<String> {
    let changed: std::collections::HashSet<&str> = b.changes.iter().map(|c| c.account_id.as_str()).collect();
    let mut out = vec![format!(
        "Blast radius: accounts reached: {}; accounts changing decision: {}.",
        b.accounts.len(),
        changed.len()
    )];
    if !b.evaluated {
        return out;
    }
    if changed.is_empty() {
        out.push(format!("None of the {} watched actions changes decision anywhere.", b.per_action.len()));
        return out;
    }
    let items: Vec<String> = b
        .per_action
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(action, n)| {
            let denied =
                b.changes.iter().filter(|c| &c.action == action && c.before == Decision::Allowed).count();
            let allowed =
                b.changes.iter().filter(|c| &c.action == action && c.after == Decision::Allowed).count();
            match (denied, allowed) {
                (d, 0) if d == *n => format!("{action} {n} denied"),
                (0, a) if a == *n => format!("{action} {n} allowed"),
                _ => format!("{action} {n} changed"),
            }
        })
        .collect();
    let quiet = b.per_action.iter().filter(|(_, n)| *n == 0).count();
    let mut wrapped = data::wrap_items("Per watched action (accounts): ", &items, WIDTH);
    if wrapped.len() > MAX_ACTION_LINES {
        wrapped.truncate(MAX_ACTION_LINES);
        if let Some(l) = wrapped.last_mut() {
            l.push_str(" …");
        }
    }
    out.extend(wrapped);
    if quiet > 0 {
        out.push(format!("{quiet} other watched action(s) unchanged."));
    }
    out
}
