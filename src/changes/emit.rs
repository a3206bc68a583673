//! The change set that turns organization A into B, ordered so it applies: trusted access and
//! policy types first, OU renames, new OUs parents first, new and changed policies, account
//! moves, attachments (attach before detach, so no target is left without an SCP), tags,
//! delegated administrators, then deletions (policies, OUs children first) and disables. Each
//! operation is run on a copy of A as it is chosen, so the engine's own side effects (default
//! attachments of new OUs, detachments of a disabled type) are taken into account; what is
//! still different at the end cannot be expressed as a change set and is returned as notes.

use super::diff::{
    Matching, Names, attachment_set, diff, enabled_types, match_orgs, ous_parent_first, tagged,
};
use super::exec::{Runner, ref_to};
use super::format::{Change, ChangeSet, Step};
use crate::backend::request::ApiRequest;
use crate::engine::{EngineState, Membership};
use crate::model::*;
use std::collections::{BTreeMap, HashMap};

/// A change set from A to B and what it cannot express.
#[derive(Debug, Clone, Default)]
pub struct Emitted {
    pub changes: ChangeSet,
    /// Differences left after the change set (creating or removing accounts, renaming
    /// accounts, moving OUs, …), one line each.
    pub inexpressible: Vec<String>,
    /// Operations that failed on the copy of A (the change set will fail there too).
    pub failures: Vec<String>,
}

struct Emitter<'a> {
    run: Runner,
    m: Matching,
    b_state: &'a EngineState,
    out: Vec<Change>,
    failures: Vec<String>,
}

impl Emitter<'_> {
    fn b(&self) -> &crate::engine::OrgState {
        self.b_state.org.as_ref().expect("checked by emit_changes")
    }

    fn cur(&self) -> &crate::engine::OrgState {
        self.run.engine.state().org.as_ref().expect("the copy keeps its organization")
    }

    /// The id to write in the change set for a B id.
    fn file_id(&self, b: &str) -> String {
        if self.m.is_new(b) { ref_to(b) } else { self.m.to_a(b) }
    }

    /// The id on the copy for a B id (created ones once created).
    fn copy_id(&self, b: &str) -> String {
        if self.m.is_new(b) { self.run.refs.get(b).cloned().unwrap_or_default() } else { self.m.to_a(b) }
    }

    /// The id to write in the change set for an id of the copy.
    fn file_of_copy(&self, c: &str) -> String {
        self.run.refs.iter().find(|(_, v)| v.as_str() == c).map_or_else(|| c.to_string(), |(k, _)| ref_to(k))
    }

    fn push(&mut self, request: ApiRequest, reference: Option<String>) {
        let step = Step { request, reference };
        if let Err(e) = self.run.run(&step) {
            self.failures.push(format!("{} {}: {}", step.request.operation(), step.request.input_json(), e));
        }
        self.out.push(Change { step, inverse: None, note: None });
    }

    fn b_parent_of_account(&self, id: &AccountId) -> Option<String> {
        match self.b_state.accounts.get(id).map(|a| &a.membership) {
            Some(Membership::Member(p)) => Some(p.to_string()),
            _ => None,
        }
    }
}

/// Computes the change set that turns `a` into `b` (both must hold an organization).
pub fn emit_changes(a: &EngineState, b: &EngineState, now: Timestamp) -> Result<Emitted, String> {
    let (Some(ao), Some(bo)) = (&a.org, &b.org) else {
        return Err("both organizations must exist to compute a change set".into());
    };
    let run = Runner::new(a, now).map_err(|e| e.message)?;
    let mut e = Emitter { run, m: match_orgs(ao, bo), b_state: b, out: Vec::new(), failures: Vec::new() };
    let root = ao.root_id.to_string();
    for s in bo.trusted_services.keys().filter(|s| !ao.trusted_services.contains_key(*s)) {
        e.push(
            ApiRequest::EnableAWSServiceAccess(EnableAWSServiceAccessRequest {
                service_principal: s.clone(),
            }),
            None,
        );
    }
    let (ta, tb) = (enabled_types(ao), enabled_types(bo));
    for t in tb.difference(&ta) {
        e.push(
            ApiRequest::EnablePolicyType(EnablePolicyTypeRequest { root_id: root.clone(), policy_type: *t }),
            None,
        );
    }
    for o in ous_parent_first(bo) {
        if let Some(aid) = e.m.ous.get(o.id.as_str()).cloned() {
            if e.cur().ous.values().any(|x| x.id.as_str() == aid && x.name != o.name) {
                let req = UpdateOrganizationalUnitRequest {
                    organizational_unit_id: aid,
                    name: Some(o.name.clone()),
                };
                e.push(ApiRequest::UpdateOrganizationalUnit(req), None);
            }
        }
    }
    let new_ous: Vec<_> = ous_parent_first(bo).into_iter().filter(|o| e.m.is_new(o.id.as_str())).collect();
    for o in new_ous {
        let req = CreateOrganizationalUnitRequest {
            parent_id: e.file_id(o.parent.as_str()),
            name: o.name.clone(),
            tags: Some(o.tags.clone()).filter(|t| !t.is_empty()),
        };
        e.push(ApiRequest::CreateOrganizationalUnit(req), Some(o.id.to_string()));
    }
    for p in bo.policies.values().filter(|p| !p.aws_managed) {
        if e.m.is_new(p.id.as_str()) {
            let req = CreatePolicyRequest {
                content: p.content.clone(),
                description: p.description.clone(),
                name: p.name.clone(),
                r#type: p.policy_type,
                tags: Some(p.tags.clone()).filter(|t| !t.is_empty()),
            };
            e.push(ApiRequest::CreatePolicy(req), Some(p.id.to_string()));
            continue;
        }
        let aid = e.m.to_a(p.id.as_str());
        let Some(cur) = e.cur().policies.values().find(|x| x.id.as_str() == aid).cloned() else { continue };
        let differs = |x: &String, y: &String| (x != y).then(|| y.clone());
        let req = UpdatePolicyRequest {
            policy_id: aid,
            name: differs(&cur.name, &p.name),
            description: differs(&cur.description, &p.description),
            content: differs(&cur.content, &p.content),
        };
        if req.name.is_some() || req.description.is_some() || req.content.is_some() {
            e.push(ApiRequest::UpdatePolicy(req), None);
        }
    }
    let accounts: Vec<(AccountId, String)> = e
        .run
        .engine
        .state()
        .accounts
        .values()
        .filter_map(|x| match &x.membership {
            Membership::Member(p) => Some((x.id.clone(), p.to_string())),
            _ => None,
        })
        .collect();
    for (id, cur_parent) in accounts {
        let Some(bp) = e.b_parent_of_account(&id) else { continue };
        if e.copy_id(&bp) != cur_parent {
            let req = MoveAccountRequest {
                account_id: id.to_string(),
                source_parent_id: e.file_of_copy(&cur_parent),
                destination_parent_id: e.file_id(&bp),
            };
            e.push(ApiRequest::MoveAccount(req), None);
        }
    }
    attachments(&mut e, &tb);
    tags(&mut e);
    let cur_da: Vec<(String, String)> =
        e.cur().delegated_admins.keys().map(|(x, s)| (x.to_string(), s.clone())).collect();
    let b_da: Vec<(String, String)> =
        bo.delegated_admins.keys().map(|(x, s)| (x.to_string(), s.clone())).collect();
    for (acc, s) in cur_da.iter().filter(|x| !b_da.contains(x)) {
        let req =
            DeregisterDelegatedAdministratorRequest { account_id: acc.clone(), service_principal: s.clone() };
        e.push(ApiRequest::DeregisterDelegatedAdministrator(req), None);
    }
    for (acc, s) in b_da.iter().filter(|x| !cur_da.contains(x)) {
        let req =
            RegisterDelegatedAdministratorRequest { account_id: acc.clone(), service_principal: s.clone() };
        e.push(ApiRequest::RegisterDelegatedAdministrator(req), None);
    }
    let matched_p: Vec<String> = e.m.policies.values().cloned().collect();
    for p in ao.policies.values().filter(|p| !p.aws_managed && !matched_p.contains(&p.id.to_string())) {
        e.push(ApiRequest::DeletePolicy(DeletePolicyRequest { policy_id: p.id.to_string() }), None);
    }
    let matched_o: Vec<String> = e.m.ous.values().cloned().collect();
    for o in ous_parent_first(ao).into_iter().rev().filter(|o| !matched_o.contains(&o.id.to_string())) {
        let req = DeleteOrganizationalUnitRequest { organizational_unit_id: o.id.to_string() };
        e.push(ApiRequest::DeleteOrganizationalUnit(req), None);
    }
    for t in ta.difference(&tb) {
        e.push(
            ApiRequest::DisablePolicyType(DisablePolicyTypeRequest {
                root_id: root.clone(),
                policy_type: *t,
            }),
            None,
        );
    }
    for s in ao.trusted_services.keys().filter(|s| !bo.trusted_services.contains_key(*s)) {
        e.push(
            ApiRequest::DisableAWSServiceAccess(DisableAWSServiceAccessRequest {
                service_principal: s.clone(),
            }),
            None,
        );
    }
    for acc in b.accounts.values() {
        let was = a.accounts.get(&acc.id).map(|x| x.state);
        let closing = |s: AccountState| matches!(s, AccountState::Closed | AccountState::PendingClosure);
        if closing(acc.state) && was.is_some_and(|w| !closing(w)) {
            e.push(ApiRequest::CloseAccount(CloseAccountRequest { account_id: acc.id.to_string() }), None);
        }
    }
    let left = diff(e.run.engine.state(), b);
    Ok(Emitted {
        changes: ChangeSet { description: String::new(), operations: e.out },
        inexpressible: left.entries.into_iter().map(|x| x.summary).collect(),
        failures: e.failures,
    })
}

/// Attach what B has and the copy lacks, then detach what the copy has and B lacks (policies of
/// a type B disables go with the type).
fn attachments(e: &mut Emitter<'_>, b_types: &std::collections::BTreeSet<PolicyType>) {
    let b = e.b();
    let in_b: Vec<(String, String)> = b
        .attachments
        .iter()
        .flat_map(|(t, v)| v.iter().map(move |x| (x.seq, x.policy.to_string(), t.clone())))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|(_, p, t)| (p, t))
        .collect();
    let cur = attachment_set(e.cur(), &|x| x.to_string());
    let want: Vec<(String, String)> = in_b.iter().map(|(p, t)| (e.copy_id(p), e.copy_id(t))).collect();
    for ((p, t), (bp, bt)) in want.iter().zip(&in_b) {
        if !cur.contains(&(p.clone(), t.clone())) {
            let req = AttachPolicyRequest { policy_id: e.file_id(bp), target_id: e.file_id(bt) };
            e.push(ApiRequest::AttachPolicy(req), None);
        }
    }
    let cur = attachment_set(e.cur(), &|x| x.to_string());
    // Targets and policies B no longer has: their OUs go (and their attachments with them),
    // their policies must be detached everywhere before they are deleted.
    let kept_ous: Vec<String> = e.m.ous.values().cloned().collect();
    let kept_policies: Vec<String> = e.m.policies.values().cloned().collect();
    let created: Vec<String> = e.run.refs.values().cloned().collect();
    let doomed = |id: &String, kept: &[String]| !kept.contains(id) && !created.contains(id);
    let types: HashMap<String, PolicyType> =
        e.cur().policies.values().map(|p| (p.id.to_string(), p.policy_type)).collect();
    for (p, t) in cur {
        let kept_type = types.get(&p).is_some_and(|ty| b_types.contains(ty));
        let goes_with_ou = t.starts_with("ou-") && doomed(&t, &kept_ous) && !doomed(&p, &kept_policies);
        if kept_type && !goes_with_ou && !want.contains(&(p.clone(), t.clone())) {
            let req = DetachPolicyRequest { policy_id: e.file_of_copy(&p), target_id: e.file_of_copy(&t) };
            e.push(ApiRequest::DetachPolicy(req), None);
        }
    }
}

/// Tags of every resource B has, set to B's values.
fn tags(e: &mut Emitter<'_>) {
    let b_tags = tagged(e.b_state, e.b());
    let cur = tagged(e.run.engine.state(), e.cur());
    let empty = BTreeMap::new();
    for (bid, want) in b_tags {
        let id = e.copy_id(&bid);
        if !cur.contains_key(&id) {
            continue;
        }
        let have = cur.get(&id).unwrap_or(&empty);
        let gone: Vec<String> = have.keys().filter(|k| !want.contains_key(*k)).cloned().collect();
        if !gone.is_empty() {
            let req = UntagResourceRequest { resource_id: e.file_id(&bid), tag_keys: gone };
            e.push(ApiRequest::UntagResource(req), None);
        }
        let set: Vec<Tag> = want
            .iter()
            .filter(|(k, v)| have.get(*k) != Some(*v))
            .map(|(k, v)| Tag { key: k.clone(), value: v.clone() })
            .collect();
        if !set.is_empty() {
            e.push(
                ApiRequest::TagResource(TagResourceRequest { resource_id: e.file_id(&bid), tags: set }),
                None,
            );
        }
    }
}

/// Names for notes (kept here so the plan and the emitter word things alike).
pub fn describe(state: &EngineState, id: &str) -> String {
    match &state.org {
        Some(org) => Names { state, org }.any(id),
        None => id.to_string(),
    }
}
