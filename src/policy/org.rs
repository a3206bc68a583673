//! The organization-aware part: from an `OrgSnapshot`, the SCP and RCP levels root → OUs →
//! account of any account (only policies attached directly at each node count, §1.5), with
//! every SCP and RCP compiled once, and the org-derived context keys
//! (`aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`, `aws:ResourceOrgID`, `aws:ResourceOrgPaths`).

use super::compile::{CompiledPolicy, PolicyKind, Request};
use super::eval::Level;
use super::matching::{ActionPattern, prefix_key};
use super::parse::{Effect, ParseError, parse_policy};
use crate::model::{OrgSnapshot, PolicyType};
use std::collections::HashMap;
use std::sync::Arc;

/// SCPs and RCPs of an organization, ready to evaluate.
#[derive(Debug, Clone, Default)]
pub struct OrgPolicies {
    pub org_id: String,
    pub management_account: String,
    pub root_id: String,
    pub scp_enabled: bool,
    pub rcp_enabled: bool,
    /// Parent of every OU and account.
    parents: HashMap<String, String>,
    /// Compiled SCPs and RCPs attached at each target, in attachment order.
    scp_at: HashMap<String, Vec<Arc<CompiledPolicy>>>,
    rcp_at: HashMap<String, Vec<Arc<CompiledPolicy>>>,
    /// Policies whose content does not parse (they allow nothing).
    pub errors: Vec<(String, ParseError)>,
}

/// The levels that apply to one account.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AccountLevels {
    /// `None`: SCPs disabled or the account is not in the organization.
    pub scps: Option<Vec<Level>>,
    pub rcps: Option<Vec<Level>>,
}

impl OrgPolicies {
    /// Indexes a snapshot. An empty snapshot (no organization) gives no levels at all.
    pub fn from_snapshot(s: &OrgSnapshot) -> OrgPolicies {
        let Some(org) = &s.organization else { return OrgPolicies::default() };
        let mut out = OrgPolicies {
            org_id: org.id.as_str().to_string(),
            management_account: org.management_account_id.as_str().to_string(),
            root_id: org.root_id.as_str().to_string(),
            scp_enabled: org.enabled_policy_types.contains(&PolicyType::ServiceControlPolicy),
            rcp_enabled: org.enabled_policy_types.contains(&PolicyType::ResourceControlPolicy),
            ..OrgPolicies::default()
        };
        for ou in &s.organizational_units {
            out.parents.insert(ou.id.as_str().to_string(), ou.parent_id.as_str().to_string());
        }
        for a in &s.accounts {
            out.parents.insert(a.account.id.as_str().to_string(), a.parent_id.as_str().to_string());
        }
        let mut compiled: HashMap<&str, Arc<CompiledPolicy>> = HashMap::new();
        for p in &s.policies {
            let kind = match p.summary.r#type {
                PolicyType::ServiceControlPolicy => PolicyKind::Scp,
                PolicyType::ResourceControlPolicy => PolicyKind::Rcp,
                _ => continue,
            };
            match CompiledPolicy::parse(p.summary.id.as_str(), kind, &p.content) {
                Ok(c) => {
                    compiled.insert(p.summary.id.as_str(), Arc::new(c));
                }
                Err(e) => out.errors.push((p.summary.id.as_str().to_string(), e)),
            }
        }
        for att in &s.attachments {
            let Some(c) = compiled.get(att.policy_id.as_str()) else { continue };
            let map = if c.kind == PolicyKind::Scp { &mut out.scp_at } else { &mut out.rcp_at };
            map.entry(att.target_id.as_str().to_string()).or_default().push(c.clone());
        }
        out
    }

    /// Whether an account is a member of the organization.
    pub fn has_account(&self, account: &str) -> bool {
        self.parents.contains_key(account) && account.len() == 12
    }

    /// The path root → OUs → account (ids), or `None` when the account is not in the org.
    pub fn chain<'a>(&'a self, account: &'a str) -> Option<Vec<&'a str>> {
        if !self.has_account(account) {
            return None;
        }
        let mut out = vec![account];
        let mut cur = account;
        while let Some(parent) = self.parents.get(cur) {
            out.push(parent.as_str());
            cur = parent.as_str();
            if out.len() > 64 {
                break;
            }
        }
        out.reverse();
        Some(out)
    }

    /// `o-…/r-…/ou-…/` path of an account's parent (the form of `aws:PrincipalOrgPaths`).
    pub fn org_path(&self, account: &str) -> Option<String> {
        let chain = self.chain(account)?;
        let mut s = format!("{}/", self.org_id);
        for node in chain.iter().take(chain.len().saturating_sub(1)) {
            s.push_str(node);
            s.push('/');
        }
        Some(s)
    }

    fn levels(&self, account: &str, map: &HashMap<String, Vec<Arc<CompiledPolicy>>>) -> Option<Vec<Level>> {
        let chain = self.chain(account)?;
        Some(
            chain
                .into_iter()
                .map(|id| Level { id: Arc::from(id), policies: map.get(id).cloned().unwrap_or_default() })
                .collect(),
        )
    }

    /// SCP levels for a principal's account and RCP levels for a resource's account.
    pub fn account_levels(&self, principal_account: &str, resource_account: &str) -> AccountLevels {
        AccountLevels {
            scps: if self.scp_enabled { self.levels(principal_account, &self.scp_at) } else { None },
            rcps: if self.rcp_enabled { self.levels(resource_account, &self.rcp_at) } else { None },
        }
    }

    /// Adds the organization keys AWS derives for the principal's and the resource's account
    /// (unless the request already gives them).
    pub fn add_org_keys(&self, req: &mut Request, principal_account: Option<&str>) {
        if self.org_id.is_empty() {
            return;
        }
        if let Some(path) = principal_account.and_then(|a| self.org_path(a)) {
            req.add_key("aws:PrincipalOrgID", vec![self.org_id.clone()]);
            req.add_key("aws:PrincipalOrgPaths", vec![path]);
        }
        if let Some(path) = req.resource_account.clone().and_then(|a| self.org_path(&a)) {
            req.add_key("aws:ResourceOrgID", vec![self.org_id.clone()]);
            req.add_key("aws:ResourceOrgPaths", vec![path]);
        }
    }
}

/// What one SCP says about an action taken alone — no resource, no request context. The
/// engine stops an operation a member calls on its own behalf (LeaveOrganization) with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionOnly {
    /// A matching Deny without conditions.
    Denied,
    /// No such Deny, and a matching Allow (conditions are not evaluated).
    Allowed,
    /// No statement matches the action (or the content does not parse).
    Silent,
}

/// Reads an SCP with the policy parser and matches `action` (`service:Name`) against each
/// statement's `Action`/`NotAction` with the policy language's action matcher.
pub fn scp_action_only(content: &str, action: &str) -> ActionOnly {
    let Ok(doc) = parse_policy(content) else { return ActionOnly::Silent };
    let (prefix, name) = action.split_once(':').unwrap_or(("", action));
    let (prefix, name) = (prefix.to_ascii_lowercase(), name.to_ascii_lowercase());
    let key = prefix_key(&prefix);
    let mut out = ActionOnly::Silent;
    for st in &doc.statements {
        let any =
            st.action.value.iter().any(|p| ActionPattern::compile(&p.value).matches(key, &prefix, &name));
        if any == st.action.not {
            continue;
        }
        match st.effect.value {
            Effect::Deny if st.condition.is_empty() => return ActionOnly::Denied,
            Effect::Allow => out = ActionOnly::Allowed,
            Effect::Deny => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(statement: &str) -> ActionOnly {
        let doc = format!(r#"{{"Version":"2012-10-17","Statement":{statement}}}"#);
        scp_action_only(&doc, "organizations:LeaveOrganization")
    }

    #[test]
    fn actions_match_case_insensitively_with_wildcards() {
        let allow = |a: &str| verdict(&format!(r#"{{"Effect":"Allow","Action":{a},"Resource":"*"}}"#));
        assert_eq!(allow(r#""*""#), ActionOnly::Allowed);
        assert_eq!(allow(r#"["s3:*", "Organizations:leave*"]"#), ActionOnly::Allowed);
        assert_eq!(allow(r#""organizations:?eave*""#), ActionOnly::Allowed);
        assert_eq!(allow(r#""organizations:Describe*""#), ActionOnly::Silent);
        let not = verdict(r#"{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}"#);
        assert_eq!(not, ActionOnly::Allowed);
    }

    #[test]
    fn only_unconditional_denies_deny() {
        let deny = r#"{"Effect":"Deny","Action":"organizations:Leave*","Resource":"*"}"#;
        let allow = r#"{"Effect":"Allow","Action":"*","Resource":"*"}"#;
        assert_eq!(verdict(&format!("[{allow},{deny}]")), ActionOnly::Denied);
        let conditional = r#"{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}"#;
        assert_eq!(verdict(&format!("[{allow},{conditional}]")), ActionOnly::Allowed);
        assert_eq!(scp_action_only("not json", "organizations:LeaveOrganization"), ActionOnly::Silent);
    }
}
