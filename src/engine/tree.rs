//! The root/OU/account tree and policy attachments: lookups and the few mutations every
//! operation group shares (so each fact is changed in one place).

use super::{Attachment, Engine, Membership, OrgState};
use crate::model::*;

impl OrgState {
    /// Whether a root or OU exists.
    pub fn parent_exists(&self, p: &ParentId) -> bool {
        match p {
            ParentId::Root(r) => r == &self.root_id,
            ParentId::Ou(o) => self.ous.contains_key(o),
        }
    }

    /// Number of OU levels from the root down to and including `p` (root = 0).
    pub fn depth(&self, p: &ParentId) -> usize {
        let mut depth = 0;
        let mut cur = p.clone();
        while let ParentId::Ou(o) = &cur {
            depth += 1;
            match self.ous.get(o) {
                Some(ou) if depth <= 64 => cur = ou.parent.clone(),
                _ => break,
            }
        }
        depth
    }

    /// Ancestors of `p` from the root down to `p` itself.
    pub fn chain(&self, p: &ParentId) -> Vec<ParentId> {
        let mut out = vec![p.clone()];
        let mut cur = p.clone();
        while let ParentId::Ou(o) = &cur {
            match self.ous.get(o) {
                Some(ou) if out.len() <= 64 => {
                    cur = ou.parent.clone();
                    out.push(cur.clone());
                }
                _ => break,
            }
        }
        out.reverse();
        out
    }

    /// `o-…/r-…/ou-…/` for a root or OU (ends with its own id and `/`).
    pub fn path_of(&self, p: &ParentId) -> String {
        let mut s = format!("{}/", self.id);
        for node in self.chain(p) {
            s.push_str(node.as_str());
            s.push('/');
        }
        s
    }

    /// Direct attachments of a target (root, OU or account id as text).
    pub fn attached(&self, target: &str) -> &[Attachment] {
        self.attachments.get(target).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Direct attachments of a target that are of `ty`.
    pub fn attached_of_type(&self, target: &str, ty: PolicyType) -> impl Iterator<Item = &Attachment> {
        self.attached(target)
            .iter()
            .filter(move |a| self.policies.get(&a.policy).is_some_and(|p| p.policy_type == ty))
    }

    /// Whether a policy type is ENABLED in the root.
    pub fn type_enabled(&self, ty: PolicyType) -> bool {
        self.policy_types.get(&ty) == Some(&PolicyTypeStatus::Enabled)
    }

    /// Attaches without checks (callers have checked), recording attach order.
    pub fn attach_unchecked(&mut self, target: &str, policy: &PolicyId) {
        let seq = self.next_attach_seq;
        self.next_attach_seq += 1;
        self.attachments
            .entry(target.to_string())
            .or_default()
            .push(Attachment { policy: policy.clone(), seq });
    }

    /// Attaches the AWS managed default policies of the enabled authorization types
    /// (FullAWSAccess for SCPs, RCPFullAWSAccess for RCPs), as AWS does for new OUs and accounts.
    pub fn attach_defaults(&mut self, target: &str) {
        for (ty, id) in [
            (PolicyType::ServiceControlPolicy, FULL_AWS_ACCESS),
            (PolicyType::ResourceControlPolicy, RCP_FULL_AWS_ACCESS),
        ] {
            if self.type_enabled(ty) {
                let id = PolicyId::new_unchecked(id.into());
                if !self.attached(target).iter().any(|a| a.policy == id) {
                    self.attach_unchecked(target, &id);
                }
            }
        }
    }

    /// Removes every direct attachment of a target (OU deleted, account removed).
    pub fn detach_all(&mut self, target: &str) {
        self.attachments.remove(target);
    }

    /// Targets a policy is directly attached to, as text ids.
    pub fn targets_of(&self, policy: &PolicyId) -> Vec<String> {
        self.attachments
            .iter()
            .filter(|(_, list)| list.iter().any(|a| &a.policy == policy))
            .map(|(t, _)| t.clone())
            .collect()
    }
}

/// Id of the AWS managed SCP attached everywhere while SCPs are enabled.
pub const FULL_AWS_ACCESS: &str = "p-FullAWSAccess";
/// Id of the AWS managed RCP attached everywhere while RCPs are enabled.
pub const RCP_FULL_AWS_ACCESS: &str = "p-RCPFullAWSAccess";

impl Engine {
    /// Parses a parent id and checks it exists, raising `not_found` (the operation's own
    /// not-found exception) when it does not.
    pub(crate) fn existing_parent(&self, id: &str, not_found: ErrorCode) -> OrgResult<ParentId> {
        let p = ParentId::parse(id)?;
        if self.org()?.parent_exists(&p) {
            Ok(p)
        } else {
            Err(OrgError::new(not_found, format!("Parent {id} was not found in this organization.")))
        }
    }

    /// Parses a policy target and checks it exists (`TargetNotFoundException`).
    pub(crate) fn existing_target(&self, id: &str) -> OrgResult<TargetId> {
        let t = TargetId::parse(id)?;
        let org = self.org()?;
        let found = match &t {
            TargetId::Root(r) => r == &org.root_id,
            TargetId::Ou(o) => org.ous.contains_key(o),
            TargetId::Account(a) => {
                self.state.accounts.get(a).is_some_and(|r| matches!(r.membership, Membership::Member(_)))
            }
        };
        if found {
            Ok(t)
        } else {
            Err(OrgError::new(
                ErrorCode::TargetNotFoundException,
                format!("Target {id} was not found in this organization."),
            ))
        }
    }

    /// The parent of a member account.
    pub(crate) fn parent_of_account(&self, id: &AccountId) -> Option<&ParentId> {
        match &self.state.accounts.get(id)?.membership {
            Membership::Member(p) => Some(p),
            _ => None,
        }
    }

    /// The levels whose policies apply to a target, root first, ending with the target.
    pub fn policy_levels(&self, target: &TargetId) -> Vec<TargetId> {
        let Some(org) = self.state.org.as_ref() else { return Vec::new() };
        match target {
            TargetId::Account(a) => match self.parent_of_account(a) {
                Some(p) => {
                    let mut v: Vec<TargetId> = org.chain(p).into_iter().map(Into::into).collect();
                    v.push(target.clone());
                    v
                }
                None => Vec::new(),
            },
            TargetId::Root(_) => vec![target.clone()],
            TargetId::Ou(o) => org.chain(&ParentId::Ou(o.clone())).into_iter().map(Into::into).collect(),
        }
    }

    /// Makes a member standalone: its attachments, tags and delegations go, as on AWS when an
    /// account leaves or is removed.
    pub(crate) fn make_standalone(&mut self, id: &AccountId) {
        if let Some(org) = self.state.org.as_mut() {
            org.detach_all(id.as_str());
            org.delegated_admins.retain(|(a, _), _| a != id);
        }
        if let Some(acc) = self.state.accounts.get_mut(id) {
            acc.membership = Membership::Standalone;
            acc.tags.clear();
        }
        self.note_departed(id);
    }
}
