//! Organization lifecycle and the root (reference §5.1–5.2).

use super::tree::FULL_AWS_ACCESS;
use super::{Engine, Membership, OrgState, PolicyRecord};
use crate::model::*;
use std::collections::BTreeMap;

/// Content of the AWS managed `FullAWSAccess` SCP.
pub const FULL_AWS_ACCESS_CONTENT: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
/// Content of the AWS managed `RCPFullAWSAccess` RCP.
pub const RCP_FULL_AWS_ACCESS_CONTENT: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#;

/// The AWS managed policy record of an authorization type (FullAWSAccess / RCPFullAWSAccess).
pub fn aws_managed_policy(ty: PolicyType) -> Option<PolicyRecord> {
    let (id, name, description, content) = match ty {
        PolicyType::ServiceControlPolicy => {
            (FULL_AWS_ACCESS, "FullAWSAccess", "Allows access to every operation", FULL_AWS_ACCESS_CONTENT)
        }
        PolicyType::ResourceControlPolicy => (
            super::tree::RCP_FULL_AWS_ACCESS,
            "RCPFullAWSAccess",
            "Allows access to every resource",
            RCP_FULL_AWS_ACCESS_CONTENT,
        ),
        _ => return None,
    };
    Some(PolicyRecord {
        id: PolicyId::new_unchecked(id.into()),
        name: name.into(),
        description: description.into(),
        policy_type: ty,
        aws_managed: true,
        content: content.into(),
        tags: Vec::new(),
    })
}

impl Engine {
    /// `CreateOrganization`: the caller becomes the management account of a new organization.
    pub fn create_organization(
        &mut self,
        caller: &Caller,
        req: CreateOrganizationRequest,
    ) -> OrgResult<CreateOrganizationResponse> {
        self.tick();
        let me = self.caller_account(caller);
        let known = self.account_anywhere(&me).map(|a| a.membership.clone());
        match known {
            Some(Membership::Standalone) | None => {}
            Some(_) => {
                return Err(OrgError::new(
                    ErrorCode::AlreadyInOrganizationException,
                    "This account is already a member of an organization.",
                ));
            }
        }
        if self.state.org.is_some() {
            // A standalone account beside the home organization: a new organization of the
            // partition.
            return self.create_other_organization(caller, &me, req);
        }
        let now = self.now();
        let feature_set = req.feature_set.unwrap_or(FeatureSet::All);
        let id = self.new_org_id();
        let root_id = self.new_root_id();
        if !self.state.accounts.contains_key(&me) {
            self.ensure_standalone_account(me.clone(), "Management", &format!("{me}@example.com"));
        }
        let mut org = OrgState {
            id,
            feature_set,
            management: me.clone(),
            created_at: now,
            root_id: root_id.clone(),
            root_tags: Vec::new(),
            policy_types: BTreeMap::new(),
            ous: BTreeMap::new(),
            policies: BTreeMap::new(),
            attachments: BTreeMap::new(),
            next_attach_seq: 0,
            create_account_requests: Vec::new(),
            trusted_services: BTreeMap::new(),
            delegated_admins: BTreeMap::new(),
            resource_policy: None,
            pending_all_features: None,
            closure_log: Vec::new(),
            invitation_log: Vec::new(),
            policy_changed_at: BTreeMap::new(),
        };
        if feature_set == FeatureSet::All {
            enable_default_scps(&mut org, std::slice::from_ref(&me));
        }
        if let Some(acc) = self.state.accounts.get_mut(&me) {
            acc.membership = Membership::Member(ParentId::Root(root_id));
            acc.joined_method = JoinedMethod::Invited;
            acc.joined_timestamp = now;
            acc.state = AccountState::Active;
            acc.status = AccountStatus::Active;
        }
        let view = self.org_view(&org);
        self.state.org = Some(org);
        self.state.home_account = me;
        Ok(CreateOrganizationResponse { organization: view })
    }

    /// `DescribeOrganization`: any member may call it.
    pub fn describe_organization(
        &mut self,
        caller: &Caller,
        _req: DescribeOrganizationRequest,
    ) -> OrgResult<DescribeOrganizationResponse> {
        self.tick();
        self.require_member(caller)?;
        let org = self.org()?;
        Ok(DescribeOrganizationResponse { organization: self.org_view(org) })
    }

    /// `DeleteOrganization`: only with no member besides the management account (closed
    /// accounts not yet purged count). OUs, policies, attachments, trusted access and the
    /// resource policy go with it; the management account stands alone again.
    pub fn delete_organization(
        &mut self,
        caller: &Caller,
        _req: DeleteOrganizationRequest,
    ) -> OrgResult<DeleteOrganizationResponse> {
        self.tick();
        let me = self.require_management(caller, "DeleteOrganization")?;
        let members = self
            .state
            .accounts
            .values()
            .filter(|a| a.id != me && matches!(a.membership, Membership::Member(_)))
            .count();
        if members > 0 {
            return Err(OrgError::new(
                ErrorCode::OrganizationNotEmptyException,
                format!("The organization still has {members} member accounts; remove or close them first."),
            ));
        }
        // Reference §15.8: only member accounts block deletion; OUs and policies go with it.
        let now = self.now();
        let org_id = self.org()?.id.clone();
        for h in self.state.handshakes.values_mut() {
            if h.org == org_id && !h.handshake.state.is_terminal() {
                h.handshake.state = HandshakeState::Canceled;
                h.terminal_at = Some(now);
            }
        }
        self.state.org = None;
        if let Some(acc) = self.state.accounts.get_mut(&me) {
            acc.membership = Membership::Standalone;
            acc.tags.clear();
        }
        Ok(DeleteOrganizationResponse {})
    }

    /// `ListRoots`: always exactly one root.
    pub fn list_roots(&mut self, caller: &Caller, req: ListRootsRequest) -> OrgResult<ListRootsResponse> {
        self.tick();
        super::paginate::page_request("ListRoots", req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, "ListRoots")?;
        let org = self.org()?;
        let roots = vec![org.root_view(self.partition())];
        let (roots, next_token) =
            super::paginate::paginate("ListRoots", roots, req.next_token.as_deref(), req.max_results)?;
        Ok(ListRootsResponse { roots, next_token })
    }
}

/// Enables SCPs in a new ALL-features organization: the type is ENABLED in the root and
/// FullAWSAccess is attached to the root and the given accounts.
pub(crate) fn enable_default_scps(org: &mut OrgState, accounts: &[AccountId]) {
    if let Some(p) = aws_managed_policy(PolicyType::ServiceControlPolicy) {
        org.policies.entry(p.id.clone()).or_insert(p);
    }
    org.policy_types.insert(PolicyType::ServiceControlPolicy, PolicyTypeStatus::Enabled);
    let root = org.root_id.to_string();
    org.attach_defaults(&root);
    for a in accounts {
        org.attach_defaults(a.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::org_document::validate_policy_document;

    #[test]
    fn aws_managed_scp_content_is_valid() {
        validate_policy_document(PolicyType::ServiceControlPolicy, FULL_AWS_ACCESS_CONTENT).unwrap();
    }

    #[test]
    fn aws_managed_rcp_content_is_not_a_valid_customer_rcp() {
        // Customer RCPs may only deny; the managed RCPFullAWSAccess allows.
        let e = validate_policy_document(PolicyType::ResourceControlPolicy, RCP_FULL_AWS_ACCESS_CONTENT);
        assert!(e.is_err());
    }
}
