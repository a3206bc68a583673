//! The blast radius of attaching or detaching an SCP/RCP, summarised for the confirmation:
//! how many accounts the change reaches and, per watched action, how many accounts change
//! decision. The computation is `crate::policy::blast`; until it is available this hook
//! reports the reach from the tree and says that decisions were not computed.

use super::data;
use crate::model::OrgSnapshot;
use crate::tui::tree::OrgTree;

/// The change being confirmed.
#[derive(Debug, Clone, Copy)]
pub enum Change<'a> {
    Attach { policy_id: &'a str, target_id: &'a str },
    Detach { policy_id: &'a str, target_id: &'a str },
}

/// Width the confirmation dialog wraps at.
const WIDTH: usize = 80;

/// Summary lines of the blast radius (accounts reached; per watched action, the accounts
/// whose decision changes).
pub fn summary(_snapshot: &OrgSnapshot, tree: &OrgTree, change: Change<'_>) -> Vec<String> {
    let target = match change {
        Change::Attach { target_id, .. } | Change::Detach { target_id, .. } => target_id,
    };
    let reached = data::accounts_under(tree, target);
    let mut out = vec![format!("Blast radius: accounts reached: {reached}.")];
    out.extend(data::wrap_items(
        "Decision changes: ",
        &["not computed in this build (policy::blast pending)".to_string()],
        WIDTH,
    ));
    out
}
