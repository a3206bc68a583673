//! Who may call Identity Center (reference §9): the instance's owner (the management account)
//! and the delegated administrator registered for `sso.amazonaws.com`, which may not touch
//! permission sets provisioned in the management account. Also enabling the instance and the
//! id generators.

use super::{IdentityCenterState, Instance};
use crate::engine::Engine;
use crate::model::identity_center::{IcError, IcResult, SSO_SERVICE_PRINCIPAL};
use crate::model::{AccountId, Caller, FeatureSet};

/// How a caller relates to the instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcRole {
    /// The management account that owns the instance.
    Owner,
    /// The delegated administrator for `sso.amazonaws.com`.
    DelegatedAdmin,
}

impl Engine {
    /// Identity Center's state, read-only.
    pub fn identity_center(&self) -> &IdentityCenterState {
        &self.state.identity_center
    }

    /// The partition ARNs are written in.
    pub(super) fn ic_partition(&self) -> String {
        self.state.settings.partition.clone()
    }

    /// How `caller` relates to the instance, if it may manage it at all.
    pub(super) fn ic_role(&self, caller: &Caller) -> Option<IcRole> {
        let inst = self.state.identity_center.instance.as_ref()?;
        let account = self.caller_account(caller);
        if account.as_str() == inst.owner_account_id {
            return Some(IcRole::Owner);
        }
        let org = self.state.org.as_ref()?;
        org.delegated_admins
            .contains_key(&(account, SSO_SERVICE_PRINCIPAL.to_string()))
            .then_some(IcRole::DelegatedAdmin)
    }

    /// The instance named by `instance_id`, after checking the caller may manage it.
    pub(super) fn ic_instance(&self, caller: &Caller, instance_id: &str) -> IcResult<(&Instance, IcRole)> {
        let partition = self.ic_partition();
        let inst = self
            .state
            .identity_center
            .instance
            .as_ref()
            .filter(|i| i.instance_id == instance_id)
            .ok_or_else(|| {
                IcError::not_found(format!(
                    "Instance arn:{partition}:sso:::instance/{instance_id} does not exist."
                ))
            })?;
        let role = self.ic_role(caller).ok_or_else(|| self.ic_denied(caller, &inst.arn(&partition)))?;
        Ok((inst, role))
    }

    /// The identity store named by `store_id`, after checking the caller may manage it.
    pub(super) fn ic_store(&self, caller: &Caller, store_id: &str) -> IcResult<&Instance> {
        let inst = self
            .state
            .identity_center
            .instance
            .as_ref()
            .filter(|i| i.identity_store_id == store_id)
            .ok_or_else(|| IcError::store_not_found("IDENTITY_STORE", store_id))?;
        if self.ic_role(caller).is_none() {
            let account = self.caller_account(caller);
            let partition = self.ic_partition();
            return Err(self.ic_denied(
                caller,
                &format!("arn:{partition}:identitystore::{account}:identitystore/{store_id}"),
            ));
        }
        Ok(inst)
    }

    pub(super) fn ic_denied(&self, caller: &Caller, resource: &str) -> IcError {
        let account = self.caller_account(caller);
        let partition = self.ic_partition();
        IcError::denied(format!(
            "User: arn:{partition}:iam::{account}:root is not authorized to perform this operation on resource: {resource}: the account is neither the instance's owner nor the delegated administrator for {SSO_SERVICE_PRINCIPAL}."
        ))
    }

    /// The delegated administrator may not manage a permission set provisioned in the
    /// management account, nor assign or provision anything there.
    pub(super) fn ic_guard_management(
        &self,
        role: IcRole,
        inst: &Instance,
        ps_id: &str,
        target: Option<&str>,
    ) -> IcResult<()> {
        if role == IcRole::Owner {
            return Ok(());
        }
        let mgmt = inst.owner_account_id.as_str();
        let provisioned_there = inst.provisioned.get(ps_id).is_some_and(|m| m.contains_key(mgmt));
        if provisioned_there || target == Some(mgmt) {
            return Err(IcError::denied(format!(
                "The delegated administrator cannot manage permission set {} because it is provisioned in (or targets) the management account {mgmt}.",
                inst.permission_set_arn(&self.ic_partition(), ps_id)
            )));
        }
        Ok(())
    }

    pub(super) fn ic_mut(&mut self) -> &mut Instance {
        self.state.identity_center.instance.as_mut().expect("checked by ic_instance")
    }

    /// `n` random lowercase hex digits.
    pub(super) fn ic_hex(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b"0123456789abcdef"[self.rng.usize(..16)])).collect()
    }

    /// A random lowercase UUID (version 4).
    pub(super) fn ic_uuid(&mut self) -> String {
        let h = self.ic_hex(32);
        let variant = char::from(b"89ab"[self.rng.usize(..4)]);
        format!("{}-{}-4{}-{variant}{}-{}", &h[..8], &h[8..12], &h[13..16], &h[17..20], &h[20..32])
    }

    /// Enables Identity Center for the organization (what the console's "Enable" does; not an
    /// API operation): an organization instance owned by the management account, in `region`.
    /// The organization must have all features enabled, and only the management account may.
    pub fn enable_identity_center(&mut self, caller: &Caller, region: &str) -> IcResult<String> {
        self.tick();
        let account = self.caller_account(caller);
        let Some(org) = self.state.org.as_ref() else {
            return Err(IcError::validation(
                "Identity Center needs an organization: this account is in none.",
            ));
        };
        if org.management != account {
            return Err(IcError::denied(format!(
                "Only the management account {} can enable an organization instance of Identity Center.",
                org.management
            )));
        }
        if org.feature_set != FeatureSet::All {
            return Err(IcError::validation(
                "Identity Center needs an organization with all features enabled.",
            ));
        }
        if self.state.identity_center.instance.is_some() {
            return Err(IcError::conflict("An organization instance of Identity Center already exists."));
        }
        let owner: AccountId = account;
        let instance_id = format!("ssoins-{}", self.ic_hex(16));
        let identity_store_id = format!("d-{}", self.ic_hex(10));
        let now = self.now();
        let inst = Instance {
            instance_id,
            identity_store_id,
            owner_account_id: owner.to_string(),
            name: None,
            region: region.to_string(),
            created_date: crate::model::Timestamp(now.0 - now.0.rem_euclid(1000)),
            tags: Vec::new(),
            operation_ms: super::DEFAULT_OPERATION_MS,
            users: Default::default(),
            groups: Default::default(),
            memberships: Default::default(),
            permission_sets: Default::default(),
            assignments: Default::default(),
            provisioned: Default::default(),
            requests: Vec::new(),
        };
        let arn = inst.arn(&self.ic_partition());
        self.state.identity_center.instance = Some(inst);
        Ok(arn)
    }
}
