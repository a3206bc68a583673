//! The engine's state as an `OrgSnapshot`: what a backend's whole-organization load returns.
//! It must equal what walking the List and Describe calls gives (a test checks this).

use super::{Engine, Membership, OrgState};
use crate::model::*;
use std::collections::{BTreeMap, VecDeque};

impl Engine {
    /// The whole organization as plain data.
    pub fn to_snapshot(&self) -> OrgSnapshot {
        let Some(org) = &self.state.org else { return OrgSnapshot::default() };
        let partition = self.partition().to_string();
        let mut attachments: Vec<(u64, SnapshotAttachment)> = Vec::new();
        for (target, list) in &org.attachments {
            let Ok(target_id) = TargetId::parse(target) else { continue };
            for a in list {
                attachments.push((
                    a.seq,
                    SnapshotAttachment { policy_id: a.policy.clone(), target_id: target_id.clone() },
                ));
            }
        }
        attachments.sort_by_key(|(seq, _)| *seq);
        OrgSnapshot {
            organization: Some(SnapshotOrganization {
                id: org.id.clone(),
                feature_set: org.feature_set,
                management_account_id: org.management.clone(),
                root_id: org.root_id.clone(),
                root_tags: org.root_tags.clone(),
                enabled_policy_types: org
                    .policy_types
                    .iter()
                    .filter(|(_, s)| **s == PolicyTypeStatus::Enabled)
                    .map(|(t, _)| *t)
                    .collect(),
                partition: partition.clone(),
            }),
            organizational_units: ous_parents_first(org),
            accounts: self
                .state
                .accounts
                .values()
                .filter_map(|a| match &a.membership {
                    Membership::Member(p) => Some(SnapshotAccount {
                        account: self.account_view(a),
                        parent_id: p.clone(),
                        tags: a.tags.clone(),
                    }),
                    _ => None,
                })
                .collect(),
            policies: org
                .policies
                .values()
                .cloned()
                .chain(
                    // As ListPolicies shows them: the AWS managed policies always exist.
                    [PolicyType::ServiceControlPolicy, PolicyType::ResourceControlPolicy]
                        .into_iter()
                        .filter_map(super::organization::aws_managed_policy)
                        .filter(|m| !org.policies.contains_key(&m.id)),
                )
                .map(|p| SnapshotPolicy {
                    summary: org.policy_summary(&p, &partition),
                    content: p.content,
                    tags: p.tags,
                })
                .collect(),
            attachments: attachments.into_iter().map(|(_, a)| a).collect(),
            delegated_administrators: org
                .delegated_admins
                .iter()
                .map(|((a, sp), t)| SnapshotDelegation {
                    account_id: a.clone(),
                    service_principal: sp.clone(),
                    delegation_enabled_date: *t,
                })
                .collect(),
            trusted_services: org
                .trusted_services
                .iter()
                .map(|(sp, t)| EnabledServicePrincipal { service_principal: sp.clone(), date_enabled: *t })
                .collect(),
            handshakes: self
                .state
                .handshakes
                .values()
                .filter(|h| h.org == org.id)
                .map(|h| h.handshake.clone())
                .collect(),
            create_account_statuses: org.create_account_requests.iter().map(|r| r.status.clone()).collect(),
            resource_policy: org.resource_policy.as_ref().map(|r| SnapshotResourcePolicy {
                id: r.id.clone(),
                content: r.content.clone(),
                tags: r.tags.clone(),
            }),
        }
    }
}

/// OUs breadth first from the root, so every parent comes before its children.
fn ous_parents_first(org: &OrgState) -> Vec<SnapshotOu> {
    let mut by_parent: BTreeMap<&str, Vec<&super::OuRecord>> = BTreeMap::new();
    for ou in org.ous.values() {
        by_parent.entry(ou.parent.as_str()).or_default().push(ou);
    }
    let mut out = Vec::with_capacity(org.ous.len());
    let mut queue = VecDeque::from([org.root_id.as_str()]);
    while let Some(p) = queue.pop_front() {
        for ou in by_parent.remove(p).unwrap_or_default() {
            queue.push_back(ou.id.as_str());
            out.push(SnapshotOu {
                id: ou.id.clone(),
                name: ou.name.clone(),
                parent_id: ou.parent.clone(),
                tags: ou.tags.clone(),
            });
        }
    }
    out
}
