//! The one place the engine itself evaluates SCPs: an operation a member calls on its own
//! behalf (LeaveOrganization) is stopped when an SCP denies it, as on AWS. This is a
//! deliberately small evaluator — action matching only, no resources or conditions — the
//! full evaluator with traces lives in `policy/`.

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
    let any = |v: &Value| match v {
        Value::String(s) => wildcard_match(s, action),
        Value::Array(a) => a.iter().filter_map(Value::as_str).any(|s| wildcard_match(s, action)),
        _ => false,
    };
    match (st.get("Action"), st.get("NotAction")) {
        (Some(a), _) => any(a),
        (None, Some(n)) => !any(n),
        _ => false,
    }
}

/// Case-insensitive match of an IAM action pattern with `*` and `?` wildcards.
pub(crate) fn wildcard_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_ascii_lowercase().chars().collect();
    let t: Vec<char> = text.to_ascii_lowercase().chars().collect();
    let (mut pi, mut ti, mut star, mut mark) = (0usize, 0usize, None::<usize>, 0usize);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

#[cfg(test)]
mod tests {
    use super::wildcard_match;

    #[test]
    fn wildcards() {
        assert!(wildcard_match("*", "organizations:LeaveOrganization"));
        assert!(wildcard_match("organizations:Leave*", "organizations:LeaveOrganization"));
        assert!(wildcard_match("Organizations:leaveorganization", "organizations:LeaveOrganization"));
        assert!(wildcard_match("organizations:?eave*", "organizations:LeaveOrganization"));
        assert!(!wildcard_match("organizations:Describe*", "organizations:LeaveOrganization"));
        assert!(!wildcard_match("", "x"));
    }
}
