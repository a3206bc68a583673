//! Blast radius: before an SCP or RCP is attached, detached or changed, which accounts it
//! reaches and, for a watch list of actions, which of them would change decision. The probe is
//! an administrator in each account (an identity policy allowing everything), so a change shows
//! exactly what the organization's policies take away or give back.

use super::compile::{CompiledPolicy, PolicyKind, Request};
use super::eval::{EvaluationInput, evaluate_decision};
use super::org::OrgPolicies;
use super::trace::Decision;
use crate::model::{OrgSnapshot, PolicyType};
use std::collections::{HashMap, HashSet};

/// Common administrative actions watched by default.
pub const DEFAULT_WATCH: &[&str] = &[
    "iam:CreateUser",
    "iam:CreateAccessKey",
    "iam:AttachRolePolicy",
    "organizations:LeaveOrganization",
    "cloudtrail:StopLogging",
    "cloudtrail:DeleteTrail",
    "guardduty:DeleteDetector",
    "config:StopConfigurationRecorder",
    "ec2:RunInstances",
    "s3:PutBucketPolicy",
    "s3:GetObject",
    "kms:ScheduleKeyDeletion",
    "sts:AssumeRole",
    "account:CloseAccount",
];

/// The region the probe's requests are made in (region guardrails are common; without a region
/// every "deny outside these regions" SCP would deny everything and hide the change).
pub const PROBE_REGION: &str = "us-east-1";

/// The change being previewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyChange {
    /// Attach a policy to a root, OU or account.
    Attach { policy_id: String, target_id: String },
    /// Detach a policy from a target.
    Detach { policy_id: String, target_id: String },
    /// Replace a policy's content (where it is attached stays the same).
    Update { policy_id: String, content: String },
}

/// One account whose decision on one watched action changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionChange {
    pub account_id: String,
    pub action: String,
    pub before: Decision,
    pub after: Decision,
}

/// What a change reaches and what it changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BlastRadius {
    /// Accounts under the affected targets (ids, in snapshot order).
    pub accounts: Vec<String>,
    /// Every (account, action) whose decision changes.
    pub changes: Vec<DecisionChange>,
    /// For each watched action, how many accounts change decision (watch-list order).
    pub per_action: Vec<(String, usize)>,
    /// Whether the change concerns a policy type that decides access (SCP or RCP); for other
    /// types only `accounts` is filled.
    pub evaluated: bool,
}

impl BlastRadius {
    /// A few lines for a confirmation dialog.
    pub fn summary(&self) -> Vec<String> {
        let mut out = vec![format!("Reaches {} account(s).", self.accounts.len())];
        if !self.evaluated {
            return out;
        }
        let changed: HashSet<&str> = self.changes.iter().map(|c| c.account_id.as_str()).collect();
        if changed.is_empty() {
            out.push("No watched action changes decision in any account.".into());
            return out;
        }
        out.push(format!("{} account(s) change decision on watched actions:", changed.len()));
        for (action, n) in self.per_action.iter().filter(|(_, n)| *n > 0) {
            let of = |f: &dyn Fn(&DecisionChange) -> bool| {
                self.changes.iter().filter(|c| &c.action == action && f(c)).count()
            };
            let to_deny = of(&|c| c.before == Decision::Allowed);
            let to_allow = of(&|c| c.after == Decision::Allowed);
            let reason = n - to_deny - to_allow;
            let mut parts = Vec::new();
            if to_deny > 0 {
                parts.push(format!("{to_deny} newly denied"));
            }
            if to_allow > 0 {
                parts.push(format!("{to_allow} newly allowed"));
            }
            if reason > 0 {
                parts.push(format!("{reason} still denied, for another reason"));
            }
            out.push(format!("  {action}: {}", parts.join(", ")));
        }
        out
    }
}

/// Computes the blast radius of `change` over `snapshot` for the `watch` actions.
pub fn blast_radius(
    snapshot: &OrgSnapshot,
    change: &PolicyChange,
    watch: &[String],
) -> Result<BlastRadius, String> {
    let policy_id = match change {
        PolicyChange::Attach { policy_id, .. }
        | PolicyChange::Detach { policy_id, .. }
        | PolicyChange::Update { policy_id, .. } => policy_id,
    };
    let policy = snapshot
        .policies
        .iter()
        .find(|p| p.summary.id.as_str() == policy_id)
        .ok_or_else(|| format!("policy {policy_id} is not in the organization"))?;
    let mut after = snapshot.clone();
    let targets: Vec<String> = match change {
        PolicyChange::Attach { target_id, .. } => {
            check_target(snapshot, target_id)?;
            if !after
                .attachments
                .iter()
                .any(|a| a.policy_id.as_str() == policy_id && a.target_id.as_str() == target_id)
            {
                after.attachments.push(crate::model::SnapshotAttachment {
                    policy_id: policy.summary.id.clone(),
                    target_id: crate::model::TargetId::parse(target_id).map_err(|e| e.message)?,
                });
            }
            vec![target_id.clone()]
        }
        PolicyChange::Detach { target_id, .. } => {
            check_target(snapshot, target_id)?;
            after
                .attachments
                .retain(|a| !(a.policy_id.as_str() == policy_id && a.target_id.as_str() == target_id));
            vec![target_id.clone()]
        }
        PolicyChange::Update { content, .. } => {
            if let Some(p) = after.policies.iter_mut().find(|p| p.summary.id.as_str() == policy_id) {
                p.content = content.clone();
            }
            snapshot
                .attachments
                .iter()
                .filter(|a| a.policy_id.as_str() == policy_id)
                .map(|a| a.target_id.as_str().to_string())
                .collect()
        }
    };
    let accounts = accounts_under(snapshot, &targets);
    let kind = policy.summary.r#type;
    let evaluated = matches!(kind, PolicyType::ServiceControlPolicy | PolicyType::ResourceControlPolicy);
    if !evaluated {
        return Ok(BlastRadius { accounts, evaluated, ..BlastRadius::default() });
    }
    blast_between(snapshot, &after, accounts, watch, Some(policy_id))
}

/// Compares two states of one organization (several changes at once: a change set's plan) on
/// `accounts` for the `watch` actions: which of them change decision. It fails when policy
/// `must_parse` (or, without one, any policy that parsed before) does not parse after.
pub fn blast_between(
    before: &OrgSnapshot,
    after: &OrgSnapshot,
    accounts: Vec<String>,
    watch: &[String],
    must_parse: Option<&str>,
) -> Result<BlastRadius, String> {
    let mut out = BlastRadius { accounts, evaluated: true, ..BlastRadius::default() };
    let before_org = OrgPolicies::from_snapshot(before);
    let after_org = OrgPolicies::from_snapshot(after);
    let broken = |id: &String| match must_parse {
        Some(p) => id == p,
        None => !before_org.errors.iter().any(|(b, _)| b == id),
    };
    if let Some((id, e)) = after_org.errors.iter().find(|(id, _)| broken(id)) {
        return Err(format!("policy {id} does not parse: {e}"));
    }
    let admin = CompiledPolicy::parse(
        "probe-administrator",
        PolicyKind::Identity,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
    )
    .map_err(|e| e.to_string())?;
    let identity = std::slice::from_ref(&admin);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for account in &out.accounts {
        let principal = format!("arn:aws:iam::{account}:role/orgtui-blast-radius-probe");
        for action in watch {
            let decide = |org: &OrgPolicies| {
                let region = ("aws:RequestedRegion".to_string(), vec![PROBE_REGION.to_string()]);
                let mut req = Request::new(&principal, action, "*", Some(account), [region]);
                org.add_org_keys(&mut req, Some(account));
                let levels = org.account_levels(account, account);
                let input = EvaluationInput {
                    identity,
                    scps: levels.scps.as_deref(),
                    rcps: levels.rcps.as_deref(),
                    management_account: Some(&org.management_account),
                    scp_account: Some(account),
                    ..EvaluationInput::default()
                };
                evaluate_decision(&req, &input).decision
            };
            let (before, after) = (decide(&before_org), decide(&after_org));
            if before != after {
                *counts.entry(action.as_str()).or_default() += 1;
                out.changes.push(DecisionChange {
                    account_id: account.clone(),
                    action: action.clone(),
                    before,
                    after,
                });
            }
        }
    }
    out.per_action =
        watch.iter().map(|a| (a.clone(), counts.get(a.as_str()).copied().unwrap_or(0))).collect();
    Ok(out)
}

fn check_target(s: &OrgSnapshot, target: &str) -> Result<(), String> {
    let root = s.organization.as_ref().is_some_and(|o| o.root_id.as_str() == target);
    let ou = s.organizational_units.iter().any(|o| o.id.as_str() == target);
    let account = s.accounts.iter().any(|a| a.account.id.as_str() == target);
    if root || ou || account { Ok(()) } else { Err(format!("target {target} is not in the organization")) }
}

/// Accounts at or below any of `targets`, in snapshot order.
pub fn accounts_under(s: &OrgSnapshot, targets: &[String]) -> Vec<String> {
    let parent: HashMap<&str, &str> = s
        .organizational_units
        .iter()
        .map(|o| (o.id.as_str(), o.parent_id.as_str()))
        .chain(s.accounts.iter().map(|a| (a.account.id.as_str(), a.parent_id.as_str())))
        .collect();
    let targets: HashSet<&str> = targets.iter().map(String::as_str).collect();
    s.accounts
        .iter()
        .map(|a| a.account.id.as_str())
        .filter(|id| {
            let mut cur = *id;
            for _ in 0..64 {
                if targets.contains(cur) {
                    return true;
                }
                match parent.get(cur) {
                    Some(p) => cur = p,
                    None => return false,
                }
            }
            false
        })
        .map(str::to_string)
        .collect()
}
