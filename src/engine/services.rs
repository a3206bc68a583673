//! Trusted service access and delegated administrators (reference §5.9–5.10, §11).
//!
//! The principals the engine recognises, what each supports and how many delegated
//! administrators it allows are data (`SERVICE_PRINCIPALS`), not code.

use super::paginate::{page_request, paginate};
use super::{Engine, Membership};
use crate::model::error::{ConstraintViolationReason as CV, InvalidInputReason};
use crate::model::*;

impl Engine {
    /// `EnableAWSServiceAccess`: lets a service act in the organization (trusted access).
    /// Idempotent: enabling an enabled service keeps its original `DateEnabled`.
    pub fn enable_aws_service_access(
        &mut self,
        caller: &Caller,
        req: EnableAWSServiceAccessRequest,
    ) -> OrgResult<EnableAWSServiceAccessResponse> {
        self.tick();
        principal_shape(&req.service_principal)?;
        self.require_management(caller, "EnableAWSServiceAccess")?;
        let info = service_info(&req.service_principal).filter(|s| s.trusted_access);
        let info = info.ok_or_else(|| unrecognized(&req.service_principal))?;
        require_all_features(self.org()?)?;
        let now = self.now();
        self.org_mut()?.trusted_services.entry(info.principal.to_string()).or_insert(now);
        Ok(EnableAWSServiceAccessResponse {})
    }

    /// `DisableAWSServiceAccess`: idempotent; refused while a policy type owned by the service
    /// is still enabled in the root. Delegated administrators of the service are kept (the
    /// reference does not say they are removed).
    pub fn disable_aws_service_access(
        &mut self,
        caller: &Caller,
        req: DisableAWSServiceAccessRequest,
    ) -> OrgResult<DisableAWSServiceAccessResponse> {
        self.tick();
        principal_shape(&req.service_principal)?;
        self.require_management(caller, "DisableAWSServiceAccess")?;
        let info = service_info(&req.service_principal).filter(|s| s.trusted_access);
        let info = info.ok_or_else(|| unrecognized(&req.service_principal))?;
        let org = self.org()?;
        if let Some(ty) = info.policy_types.iter().find(|t| org.policy_types.contains_key(*t)) {
            return Err(OrgError::constraint(
                CV::PolicyTypeEnabledForThisService,
                format!(
                    "Disable the policy type {ty} before disabling trusted access for {}.",
                    info.principal
                ),
            ));
        }
        self.org_mut()?.trusted_services.remove(info.principal);
        Ok(DisableAWSServiceAccessResponse {})
    }

    /// `ListAWSServiceAccessForOrganization`: services with trusted access, by principal.
    pub fn list_aws_service_access_for_organization(
        &mut self,
        caller: &Caller,
        req: ListAWSServiceAccessForOrganizationRequest,
    ) -> OrgResult<ListAWSServiceAccessForOrganizationResponse> {
        const OP: &str = "ListAWSServiceAccessForOrganization";
        self.tick();
        page_request(OP, req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, OP)?;
        let items: Vec<EnabledServicePrincipal> = self
            .org()?
            .trusted_services
            .iter()
            .map(|(p, d)| EnabledServicePrincipal { service_principal: p.clone(), date_enabled: *d })
            .collect();
        let (enabled_service_principals, next_token) =
            paginate(OP, items, req.next_token.as_deref(), req.max_results)?;
        Ok(ListAWSServiceAccessForOrganizationResponse { enabled_service_principals, next_token })
    }

    /// `RegisterDelegatedAdministrator`: makes a member account delegated administrator of a
    /// service (which also grants it read access to the organization).
    pub fn register_delegated_administrator(
        &mut self,
        caller: &Caller,
        req: RegisterDelegatedAdministratorRequest,
    ) -> OrgResult<RegisterDelegatedAdministratorResponse> {
        self.tick();
        let account = AccountId::parse(&req.account_id)?;
        principal_shape(&req.service_principal)?;
        self.require_management(caller, "RegisterDelegatedAdministrator")?;
        let info = delegable(&req.service_principal)?;
        let acc = self.member(&account)?;
        let org = self.org()?;
        require_all_features(org)?;
        if org.management == account {
            return Err(OrgError::constraint(
                CV::CannotRegisterMasterAsDelegatedAdministrator,
                "You cannot register the management account as a delegated administrator.",
            ));
        }
        let key = (account.clone(), info.principal.to_string());
        if org.delegated_admins.contains_key(&key) {
            return Err(OrgError::new(
                ErrorCode::AccountAlreadyRegisteredException,
                format!("Account {account} is already a delegated administrator for {}.", info.principal),
            ));
        }
        if acc.status != AccountStatus::Active || acc.state != AccountState::Active {
            return Err(OrgError::constraint(
                CV::CannotRegisterSuspendedAccountAsDelegatedAdministrator,
                format!("Account {account} is not active and cannot be a delegated administrator."),
            ));
        }
        if !org.trusted_services.contains_key(info.principal) {
            return Err(OrgError::constraint(
                CV::ServiceAccessNotEnabled,
                format!(
                    "Enable trusted access for {} before registering a delegated administrator.",
                    info.principal
                ),
            ));
        }
        let current = org.delegated_admins.keys().filter(|(_, s)| s == info.principal).count();
        if current >= info.max_admins {
            // The model documents both reasons with the same words. We use
            // DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE for single-administrator services
            // and MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED when a larger cap is full.
            let reason = if info.max_admins <= 1 {
                CV::DelegatedAdministratorExistsForThisService
            } else {
                CV::MaxDelegatedAdministratorsForServiceLimitExceeded
            };
            return Err(OrgError::constraint(
                reason,
                format!("{} allows at most {} delegated administrator(s).", info.principal, info.max_admins),
            ));
        }
        let now = self.now();
        self.org_mut()?.delegated_admins.insert(key, now);
        Ok(RegisterDelegatedAdministratorResponse {})
    }

    /// `DeregisterDelegatedAdministrator`: removes one (account, service) delegation; an
    /// account with no delegation left loses its read access to the organization.
    pub fn deregister_delegated_administrator(
        &mut self,
        caller: &Caller,
        req: DeregisterDelegatedAdministratorRequest,
    ) -> OrgResult<DeregisterDelegatedAdministratorResponse> {
        self.tick();
        let account = AccountId::parse(&req.account_id)?;
        principal_shape(&req.service_principal)?;
        self.require_management(caller, "DeregisterDelegatedAdministrator")?;
        let info = delegable(&req.service_principal)?;
        self.member(&account)?;
        let key = (account.clone(), info.principal.to_string());
        if !self.org()?.delegated_admins.contains_key(&key) {
            return Err(OrgError::new(
                ErrorCode::AccountNotRegisteredException,
                format!("Account {account} is not a delegated administrator for {}.", info.principal),
            ));
        }
        self.org_mut()?.delegated_admins.remove(&key);
        Ok(DeregisterDelegatedAdministratorResponse {})
    }

    /// `ListDelegatedAdministrators`: each delegated administrator once (by account id),
    /// optionally only those of one service. `DelegationEnabledDate` is the date of that
    /// service's delegation when filtered, else the account's earliest delegation. A filter
    /// naming a service nobody administers (or an unknown one) gives an empty list.
    pub fn list_delegated_administrators(
        &mut self,
        caller: &Caller,
        req: ListDelegatedAdministratorsRequest,
    ) -> OrgResult<ListDelegatedAdministratorsResponse> {
        const OP: &str = "ListDelegatedAdministrators";
        self.tick();
        if let Some(p) = &req.service_principal {
            principal_shape(p)?;
            if service_info(p).is_none() {
                return Err(unrecognized(p));
            }
        }
        page_request(OP, req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, OP)?;
        let org = self.org()?;
        let mut dates: std::collections::BTreeMap<&AccountId, Timestamp> = Default::default();
        for ((acc, service), date) in &org.delegated_admins {
            if req.service_principal.as_ref().is_some_and(|p| p != service) {
                continue;
            }
            let d = dates.entry(acc).or_insert(*date);
            if *date < *d {
                *d = *date;
            }
        }
        let mut items = Vec::new();
        for (id, date) in dates {
            let Some(rec) = self.state.accounts.get(id) else { continue };
            if !matches!(rec.membership, Membership::Member(_)) {
                continue;
            }
            let a = self.account_view(rec);
            items.push(DelegatedAdministrator {
                id: a.id,
                arn: a.arn,
                email: a.email,
                name: a.name,
                status: a.status,
                state: a.state,
                joined_method: a.joined_method,
                joined_timestamp: a.joined_timestamp,
                delegation_enabled_date: date,
            });
        }
        let (delegated_administrators, next_token) =
            paginate(OP, items, req.next_token.as_deref(), req.max_results)?;
        Ok(ListDelegatedAdministratorsResponse { delegated_administrators, next_token })
    }

    /// `ListDelegatedServicesForAccount`: the services a member administers, by principal.
    pub fn list_delegated_services_for_account(
        &mut self,
        caller: &Caller,
        req: ListDelegatedServicesForAccountRequest,
    ) -> OrgResult<ListDelegatedServicesForAccountResponse> {
        const OP: &str = "ListDelegatedServicesForAccount";
        self.tick();
        let account = AccountId::parse(&req.account_id)?;
        page_request(OP, req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, OP)?;
        self.member(&account)?;
        let items: Vec<DelegatedService> = self
            .org()?
            .delegated_admins
            .iter()
            .filter(|((a, _), _)| a == &account)
            .map(|((_, s), d)| DelegatedService { service_principal: s.clone(), delegation_enabled_date: *d })
            .collect();
        if items.is_empty() {
            return Err(OrgError::new(
                ErrorCode::AccountNotRegisteredException,
                format!("Account {account} is not a delegated administrator for any service."),
            ));
        }
        let (delegated_services, next_token) =
            paginate(OP, items, req.next_token.as_deref(), req.max_results)?;
        Ok(ListDelegatedServicesForAccountResponse { delegated_services, next_token })
    }
}

/// `ServicePrincipal` shape: 1–128 characters of `[\w+=,.@-]`.
fn principal_shape(p: &str) -> OrgResult<()> {
    super::validate::length("ServicePrincipal", p, 1, 128)?;
    if p.chars().all(|c| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c)) {
        Ok(())
    } else {
        Err(OrgError::invalid_input(
            InvalidInputReason::InvalidPattern,
            format!("{p:?} is not a valid service principal."),
        ))
    }
}

fn unrecognized(p: &str) -> OrgError {
    OrgError::invalid_input(
        InvalidInputReason::UnrecognizedServicePrincipal,
        format!("{p} is not a service principal that supports this operation."),
    )
}

/// A known principal that supports delegated administrators, or `UNRECOGNIZED_SERVICE_PRINCIPAL`.
fn delegable(p: &str) -> OrgResult<&'static ServiceInfo> {
    service_info(p).filter(|s| s.delegated_admin).ok_or_else(|| unrecognized(p))
}

fn require_all_features(org: &super::OrgState) -> OrgResult<()> {
    if org.feature_set == FeatureSet::All {
        Ok(())
    } else {
        Err(OrgError::constraint(
            CV::OrganizationNotInAllFeaturesMode,
            "This operation requires an organization with all features enabled.",
        ))
    }
}

/// The registry entry of a service principal (exact, case-sensitive match).
pub(crate) fn service_info(principal: &str) -> Option<&'static ServiceInfo> {
    SERVICE_PRINCIPALS.iter().find(|s| s.principal == principal)
}

/// The service whose trusted access owns a policy type (e.g. Security Hub for
/// `SECURITYHUB_POLICY`), if any: for `EnablePolicyType`'s `SERVICE_ACCESS_NOT_ENABLED`.
pub(crate) fn service_for_policy_type(ty: PolicyType) -> Option<&'static ServiceInfo> {
    SERVICE_PRINCIPALS.iter().find(|s| s.policy_types.contains(&ty))
}

/// What the engine knows of a service principal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceInfo {
    /// e.g. `guardduty.amazonaws.com`.
    pub principal: &'static str,
    /// Name shown to people, e.g. `Amazon GuardDuty`.
    pub name: &'static str,
    /// Supports trusted access.
    pub trusted_access: bool,
    /// Supports delegated administrators.
    pub delegated_admin: bool,
    /// Maximum delegated administrators for the service (0 when unsupported).
    pub max_admins: usize,
    /// Policy types owned by the service: they need its trusted access, and block disabling it
    /// while enabled.
    pub policy_types: &'static [PolicyType],
}

const fn svc(
    principal: &'static str,
    name: &'static str,
    max_admins: usize,
    policy_types: &'static [PolicyType],
) -> ServiceInfo {
    ServiceInfo {
        principal,
        name,
        trusted_access: true,
        delegated_admin: max_admins > 0,
        max_admins,
        policy_types,
    }
}

/// The registry of service principals (reference §11), data-driven: every principal
/// documented with trusted access; those supporting delegated administrators have a cap.
pub const SERVICE_PRINCIPALS: &[ServiceInfo] = &[
    svc("access-analyzer.amazonaws.com", "IAM Access Analyzer", 1, &[]),
    svc("account.amazonaws.com", "AWS Account Management", 1, &[]),
    svc("auditmanager.amazonaws.com", "AWS Audit Manager", 1, &[]),
    svc("aws-artifact-account-sync.amazonaws.com", "AWS Artifact", 0, &[]),
    svc("backup.amazonaws.com", "AWS Backup", 1, &[]),
    svc("cloudtrail.amazonaws.com", "AWS CloudTrail", 3, &[]),
    svc("compute-optimizer.amazonaws.com", "AWS Compute Optimizer", 1, &[]),
    svc("config.amazonaws.com", "AWS Config", 3, &[]),
    svc("config-multiaccountsetup.amazonaws.com", "AWS Config (multi-account setup)", 3, &[]),
    svc("controltower.amazonaws.com", "AWS Control Tower", 0, &[]),
    svc("detective.amazonaws.com", "Amazon Detective", 1, &[]),
    svc("devops-guru.amazonaws.com", "Amazon DevOps Guru", 1, &[]),
    svc("ds.amazonaws.com", "AWS Directory Service", 0, &[]),
    svc("fms.amazonaws.com", "AWS Firewall Manager", 1, &[]),
    svc("guardduty.amazonaws.com", "Amazon GuardDuty", 1, &[PolicyType::GuarddutyPolicy]),
    svc("malware-protection.guardduty.amazonaws.com", "GuardDuty Malware Protection", 0, &[]),
    svc("health.amazonaws.com", "AWS Health", 5, &[]),
    svc("inspector2.amazonaws.com", "Amazon Inspector", 1, &[PolicyType::InspectorPolicy]),
    svc("ipam.amazonaws.com", "Amazon VPC IP Address Manager", 1, &[]),
    svc("license-manager.amazonaws.com", "AWS License Manager", 1, &[]),
    svc("license-manager.member-account.amazonaws.com", "AWS License Manager (member accounts)", 0, &[]),
    svc("license-management.marketplace.amazonaws.com", "AWS Marketplace license management", 0, &[]),
    svc("macie.amazonaws.com", "Amazon Macie", 1, &[]),
    svc("member.org.stacksets.cloudformation.amazonaws.com", "AWS CloudFormation StackSets", 5, &[]),
    svc("stacksets.cloudformation.amazonaws.com", "AWS CloudFormation StackSets (service)", 0, &[]),
    svc("mgn.amazonaws.com", "AWS Application Migration Service", 0, &[]),
    svc("networkmanager.amazonaws.com", "AWS Network Manager", 1, &[]),
    svc("ram.amazonaws.com", "AWS Resource Access Manager", 0, &[]),
    svc("reporting.trustedadvisor.amazonaws.com", "AWS Trusted Advisor", 1, &[]),
    svc(
        "securityhub.amazonaws.com",
        "AWS Security Hub",
        1,
        &[PolicyType::SecurityhubPolicy, PolicyType::SecurityhubCspmPolicy],
    ),
    svc("securitylake.amazonaws.com", "Amazon Security Lake", 0, &[]),
    svc("servicecatalog.amazonaws.com", "AWS Service Catalog", 1, &[]),
    svc("servicequotas.amazonaws.com", "Service Quotas", 0, &[]),
    svc("sso.amazonaws.com", "AWS IAM Identity Center", 1, &[]),
    svc("ssm.amazonaws.com", "AWS Systems Manager", 1, &[]),
    svc("storage-lens.s3.amazonaws.com", "Amazon S3 Storage Lens", 5, &[]),
    svc("tagpolicies.tag.amazonaws.com", "Tag policies", 0, &[]),
    svc("wellarchitected.amazonaws.com", "AWS Well-Architected Tool", 0, &[]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_consistent() {
        let mut seen = std::collections::BTreeSet::new();
        for s in SERVICE_PRINCIPALS {
            assert!(seen.insert(s.principal), "duplicate {}", s.principal);
            assert!(s.principal.ends_with(".amazonaws.com"));
            assert!(principal_shape(s.principal).is_ok());
            assert_eq!(s.delegated_admin, s.max_admins > 0);
        }
        assert_eq!(
            service_for_policy_type(PolicyType::SecurityhubPolicy).map(|s| s.principal),
            Some("securityhub.amazonaws.com")
        );
        assert!(service_for_policy_type(PolicyType::TagPolicy).is_none());
    }
}
