//! The one place the engine itself consults SCPs: an operation a member calls on its own
//! behalf (LeaveOrganization) is stopped when an SCP denies it, as on AWS. Only actions are
//! considered (no resources or conditions); the policy language reads and matches them
//! (`policy::org::scp_action_only`), the engine supplies the levels.

use super::{Engine, Membership};
use crate::model::*;
use crate::policy::org::{ActionOnly, scp_action_only};

impl Engine {
    /// Whether the SCPs on the path to `account` allow `action` (e.g.
    /// `organizations:LeaveOrganization`): every level needs an Allow that matches, and a
    /// Deny without conditions at any level wins. The management account is never restricted.
    pub(crate) fn scps_allow(&self, account: &AccountId, action: &str) -> bool {
        let Some(org) = self.state.org.as_ref() else { return true };
        if &org.management == account || !org.type_enabled(PolicyType::ServiceControlPolicy) {
            return true;
        }
        if !matches!(self.state.accounts.get(account).map(|a| &a.membership), Some(Membership::Member(_))) {
            return true;
        }
        let levels = self.policy_levels(&TargetId::Account(account.clone()));
        for level in levels {
            let mut allowed = false;
            for att in org.attached_of_type(level.as_str(), PolicyType::ServiceControlPolicy) {
                let Some(p) = org.policies.get(&att.policy) else { continue };
                match scp_action_only(&p.content, action) {
                    ActionOnly::Denied => return false,
                    ActionOnly::Allowed => allowed = true,
                    ActionOnly::Silent => {}
                }
            }
            if !allowed {
                return false;
            }
        }
        true
    }
}
