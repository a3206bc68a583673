//! The one place the engine itself evaluates SCPs: an operation a member calls on its own
//! behalf (LeaveOrganization) is stopped when an SCP denies it, as on AWS. This is a
//! deliberately small evaluator — action matching only, no resources or conditions — the
//! full evaluator with traces lives in `policy/`.

use super::delegation_doc::wildcard;
use super::{Engine, Membership};
use crate::model::*;
use serde_json::Value;

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
                let Ok(doc) = serde_json::from_str::<Value>(&p.content) else { continue };
                for st in statements(&doc) {
                    if !statement_matches(st, action) {
                        continue;
                    }
                    match st.get("Effect").and_then(Value::as_str) {
                        Some("Deny") if st.get("Condition").is_none() => return false,
                        Some("Allow") => allowed = true,
                        _ => {}
                    }
                }
            }
            if !allowed {
                return false;
            }
        }
        true
    }
}

/// The statements of a policy document (object or array form).
fn statements(doc: &Value) -> Vec<&Value> {
    match doc.get("Statement") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v @ Value::Object(_)) => vec![v],
        _ => Vec::new(),
    }
}

/// Whether a statement's Action (or NotAction) covers `action`.
fn statement_matches(st: &Value, action: &str) -> bool {
    // Actions match case-insensitively.
    let action = action.to_ascii_lowercase();
    let matches = |p: &str| wildcard(&p.to_ascii_lowercase(), &action);
    let any = |v: &Value| match v {
        Value::String(s) => matches(s),
        Value::Array(a) => a.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    };
    match (st.get("Action"), st.get("NotAction")) {
        (Some(a), _) => any(a),
        (None, Some(n)) => !any(n),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::statement_matches;
    use serde_json::json;

    #[test]
    fn actions_match_case_insensitively_with_wildcards() {
        let leave = "organizations:LeaveOrganization";
        assert!(statement_matches(&json!({"Action": "*"}), leave));
        assert!(statement_matches(&json!({"Action": ["s3:*", "Organizations:leave*"]}), leave));
        assert!(statement_matches(&json!({"Action": "organizations:?eave*"}), leave));
        assert!(!statement_matches(&json!({"Action": "organizations:Describe*"}), leave));
        assert!(statement_matches(&json!({"NotAction": "s3:*"}), leave));
        assert!(!statement_matches(&json!({"Resource": "*"}), leave));
    }
}
