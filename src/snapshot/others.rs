//! The optional `otherOrganizations` section: organizations of the partition other than the
//! home one, each written and read with the home organization's own conversion (so the two
//! cannot drift), its members beside it. Older files have no such section.

use super::convert::{SnapshotError, file_to_state, state_to_file};
use super::format::*;
use crate::engine::{EngineState, HandshakeRecord, OtherOrganization};
use crate::model::*;
use std::collections::BTreeMap;

type Res<T> = Result<T, SnapshotError>;

/// The other organizations of `s`, as file sections.
pub fn others_to_file(s: &EngineState, generated_at: Timestamp) -> Vec<FileOtherOrganization> {
    s.other_orgs
        .values()
        .map(|o| {
            let sub = EngineState {
                home_account: o.org.management.clone(),
                accounts: o.accounts.clone(),
                org: Some(o.org.clone()),
                other_orgs: BTreeMap::new(),
                handshakes: BTreeMap::new(),
                quotas: s.quotas.clone(),
                settings: s.settings.clone(),
                costs: Default::default(),
                cloudtrail: Default::default(),
                identity_center: Default::default(),
            };
            let f = state_to_file(&sub, &Extras::default(), generated_at);
            FileOtherOrganization {
                organization: f.organization.unwrap_or_else(|| unreachable_org(&o.org)),
                organizational_units: f.organizational_units,
                accounts: f.accounts,
                policies: f.policies,
                attachments: f.attachments,
                delegated_administrators: f.delegated_administrators,
                trusted_services: f.trusted_services,
                create_account_statuses: f.create_account_statuses,
                resource_policy: f.resource_policy,
            }
        })
        .collect()
}

/// `state_to_file` always writes the organization it is given; this only satisfies the type.
fn unreachable_org(o: &crate::engine::OrgState) -> FileOrganization {
    FileOrganization {
        id: o.id.to_string(),
        feature_set: o.feature_set.to_string(),
        management_account_id: o.management.to_string(),
        root_id: o.root_id.to_string(),
        root_tags: Default::default(),
        enabled_policy_types: Vec::new(),
        created_at: None,
        pending_all_features_handshake_id: None,
        activity: Default::default(),
    }
}

/// Reads the `otherOrganizations` section of `f`, each organization checked as a whole
/// snapshot of its own (errors are located under `$.otherOrganizations[i]`).
pub fn others_from(f: &SnapshotFile) -> Res<BTreeMap<OrgId, OtherOrganization>> {
    let mut out = BTreeMap::new();
    for (i, o) in f.other_organizations.iter().enumerate() {
        let path = format!("$.otherOrganizations[{i}]");
        let sub = SnapshotFile {
            format: f.format.clone(),
            generated_at: None,
            home_account_id: None,
            organization: Some(o.organization.clone()),
            organizational_units: o.organizational_units.clone(),
            accounts: o.accounts.clone(),
            policies: o.policies.clone(),
            attachments: o.attachments.clone(),
            delegated_administrators: o.delegated_administrators.clone(),
            trusted_services: o.trusted_services.clone(),
            handshakes: Vec::new(),
            create_account_statuses: o.create_account_statuses.clone(),
            resource_policy: o.resource_policy.clone(),
            quotas: f.quotas.clone(),
            emulator: f.emulator.clone(),
            extras: Extras::default(),
            cost_explorer: None,
            cloudtrail: None,
            other_organizations: Vec::new(),
            identity_center: None,
        };
        let (state, _) = file_to_state(&sub)
            .map_err(|e| SnapshotError { path: e.path.replacen('$', &path, 1), message: e.message })?;
        let Some(org) = state.org else { continue };
        if let Some((i, a)) = o.accounts.iter().enumerate().find(|(_, a)| a.parent_id.is_none()) {
            return Err(SnapshotError {
                path: format!("{path}.accounts[{i}].parentId"),
                message: format!("account {} of another organization must be a member", a.id),
            });
        }
        let id = org.id.clone();
        if out.insert(id.clone(), OtherOrganization { org, accounts: state.accounts }).is_some() {
            return Err(SnapshotError {
                path: format!("{path}.organization.id"),
                message: format!("organization {id} appears twice"),
            });
        }
    }
    Ok(out)
}

/// Handshakes sent by another organization carry its management account in their ARN.
pub fn fix_handshake_arns(
    handshakes: &mut BTreeMap<HandshakeId, HandshakeRecord>,
    others: &BTreeMap<OrgId, OtherOrganization>,
    partition: &str,
) {
    for h in handshakes.values_mut() {
        if let Some(o) = others.get(&h.org) {
            h.handshake.arn = format!(
                "arn:{partition}:organizations::{}:handshake/{}/{}/{}",
                o.org.management,
                h.org,
                h.handshake.action.to_string().to_ascii_lowercase(),
                h.handshake.id
            );
        }
    }
}
