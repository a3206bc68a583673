//! The engine's invariants (reference §13), checked when a state is loaded (a snapshot must
//! satisfy them) and by the property tests after every operation.

use super::tree::RCP_FULL_AWS_ACCESS;
use super::{EngineState, Membership, PolicyTypeLimits};
use crate::model::*;
use std::collections::{BTreeMap, BTreeSet};

/// Checks every invariant; the error names the first violation.
pub fn check(state: &EngineState) -> Result<(), String> {
    if !state.accounts.contains_key(&state.home_account) {
        return Err(format!("the home account {} is not a known account", state.home_account));
    }
    check_world(&state.accounts, state.org.as_ref(), &state.quotas)?;
    for (id, other) in &state.other_orgs {
        if &other.org.id != id {
            return Err(format!("organization {} is filed under {id}", other.org.id));
        }
        if state.org.as_ref().is_some_and(|o| &o.id == id) {
            return Err(format!("organization {id} is both the home organization and another one"));
        }
        for a in other.accounts.values() {
            if !matches!(a.membership, Membership::Member(_)) {
                return Err(format!("account {} is kept with organization {id} but is not a member", a.id));
            }
            let elsewhere = state.accounts.contains_key(&a.id)
                || state.other_orgs.iter().any(|(o, w)| o != id && w.accounts.contains_key(&a.id));
            if elsewhere {
                return Err(format!("account {} belongs to more than one organization", a.id));
            }
        }
        check_world(&other.accounts, Some(&other.org), &state.quotas)?;
    }
    Ok(())
}

/// The invariants of one organization and the accounts kept with it.
fn check_world(
    accounts: &BTreeMap<AccountId, super::AccountRecord>,
    org: Option<&super::OrgState>,
    q: &super::Quotas,
) -> Result<(), String> {
    let Some(org) = org else {
        if let Some(a) = accounts.values().find(|a| matches!(a.membership, Membership::Member(_))) {
            return Err(format!("account {} is a member but there is no organization", a.id));
        }
        return Ok(());
    };
    let is_member =
        |a: &AccountId| accounts.get(a).is_some_and(|r| matches!(r.membership, Membership::Member(_)));
    if !is_member(&org.management) {
        return Err(format!("the management account {} is not a member of the organization", org.management));
    }
    // Tree: every parent exists and every chain reaches the root within the depth limit.
    let mut siblings = BTreeSet::new();
    for ou in org.ous.values() {
        if !org.parent_exists(&ou.parent) {
            return Err(format!("OU {} has parent {} which does not exist", ou.id, ou.parent));
        }
        let chain = org.chain(&ParentId::Ou(ou.id.clone()));
        if !matches!(chain.first(), Some(ParentId::Root(_))) || chain.len() > q.max_ou_depth + 1 {
            return Err(format!(
                "OU {} is not within {} levels below the root (or its parents form a cycle)",
                ou.id, q.max_ou_depth
            ));
        }
        if !siblings.insert((ou.parent.to_string(), ou.name.clone())) {
            return Err(format!("two OUs named {:?} under {}", ou.name, ou.parent));
        }
    }
    if org.ous.len() > q.max_ous {
        return Err(format!("{} OUs exceed the quota of {}", org.ous.len(), q.max_ous));
    }
    let mut members = 0usize;
    for a in accounts.values() {
        if let Membership::Member(p) = &a.membership {
            members += 1;
            if !org.parent_exists(p) {
                return Err(format!("account {} has parent {p} which does not exist", a.id));
            }
        }
    }
    if members > q.max_accounts {
        return Err(format!(
            "{members} member accounts exceed the quota of {} (raise quotas.maxAccounts)",
            q.max_accounts
        ));
    }
    // Policies: (name, type) unique.
    let mut names = BTreeSet::new();
    for p in org.policies.values() {
        if !names.insert((p.policy_type, p.name.clone())) {
            return Err(format!("two {} policies are named {:?}", p.policy_type, p.name));
        }
    }
    // Attachments: to existing targets, of existing policies of enabled types, within limits.
    let mut targets: Vec<String> = vec![org.root_id.to_string()];
    targets.extend(org.ous.keys().map(ToString::to_string));
    targets.extend(
        accounts.values().filter(|a| matches!(a.membership, Membership::Member(_))).map(|a| a.id.to_string()),
    );
    let target_set: BTreeSet<&str> = targets.iter().map(String::as_str).collect();
    for (target, list) in &org.attachments {
        if !target_set.contains(target.as_str()) && !list.is_empty() {
            return Err(format!("policies are attached to {target}, which is not in the organization"));
        }
        let mut seen = BTreeSet::new();
        let mut per_type: BTreeMap<PolicyType, usize> = BTreeMap::new();
        for a in list {
            let Some(p) = org.policies.get(&a.policy) else {
                return Err(format!("{target} has policy {} attached, which does not exist", a.policy));
            };
            if !seen.insert(&a.policy) {
                return Err(format!("policy {} is attached to {target} twice", a.policy));
            }
            if !org.type_enabled(p.policy_type) {
                return Err(format!(
                    "policy {} is attached to {target} but {} is not enabled",
                    a.policy, p.policy_type
                ));
            }
            *per_type.entry(p.policy_type).or_default() += 1;
        }
        for (ty, n) in per_type {
            let max = PolicyTypeLimits::of(ty).max_attached;
            if n > max {
                return Err(format!("{target} has {n} {ty} policies attached, more than the {max} allowed"));
            }
        }
    }
    // Authorization types: every entity keeps at least one SCP; RCPFullAWSAccess everywhere.
    for t in &targets {
        if org.type_enabled(PolicyType::ServiceControlPolicy)
            && org.attached_of_type(t, PolicyType::ServiceControlPolicy).next().is_none()
        {
            return Err(format!("{t} has no service control policy attached while SCPs are enabled"));
        }
        if org.type_enabled(PolicyType::ResourceControlPolicy)
            && !org.attached(t).iter().any(|a| a.policy.as_str() == RCP_FULL_AWS_ACCESS)
        {
            return Err(format!("{t} lacks RCPFullAWSAccess while RCPs are enabled"));
        }
    }
    for (acc, sp) in org.delegated_admins.keys() {
        if !is_member(acc) {
            return Err(format!("delegated administrator {acc} for {sp} is not a member account"));
        }
        if acc == &org.management {
            return Err(format!("the management account cannot be a delegated administrator ({sp})"));
        }
    }
    Ok(())
}
