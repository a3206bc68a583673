//! Trusted service access and delegated administrators (reference §5.9–5.10, §11).

use super::Engine;
use crate::model::*;

impl Engine {
    /// `EnableAWSServiceAccess`.
    pub fn enable_aws_service_access(
        &mut self,
        caller: &Caller,
        req: EnableAWSServiceAccessRequest,
    ) -> OrgResult<EnableAWSServiceAccessResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("EnableAWSServiceAccess"))
    }

    /// `DisableAWSServiceAccess`.
    pub fn disable_aws_service_access(
        &mut self,
        caller: &Caller,
        req: DisableAWSServiceAccessRequest,
    ) -> OrgResult<DisableAWSServiceAccessResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DisableAWSServiceAccess"))
    }

    /// `ListAWSServiceAccessForOrganization`.
    pub fn list_aws_service_access_for_organization(
        &mut self,
        caller: &Caller,
        req: ListAWSServiceAccessForOrganizationRequest,
    ) -> OrgResult<ListAWSServiceAccessForOrganizationResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListAWSServiceAccessForOrganization"))
    }

    /// `RegisterDelegatedAdministrator`.
    pub fn register_delegated_administrator(
        &mut self,
        caller: &Caller,
        req: RegisterDelegatedAdministratorRequest,
    ) -> OrgResult<RegisterDelegatedAdministratorResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("RegisterDelegatedAdministrator"))
    }

    /// `DeregisterDelegatedAdministrator`.
    pub fn deregister_delegated_administrator(
        &mut self,
        caller: &Caller,
        req: DeregisterDelegatedAdministratorRequest,
    ) -> OrgResult<DeregisterDelegatedAdministratorResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DeregisterDelegatedAdministrator"))
    }

    /// `ListDelegatedAdministrators`.
    pub fn list_delegated_administrators(
        &mut self,
        caller: &Caller,
        req: ListDelegatedAdministratorsRequest,
    ) -> OrgResult<ListDelegatedAdministratorsResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListDelegatedAdministrators"))
    }

    /// `ListDelegatedServicesForAccount`.
    pub fn list_delegated_services_for_account(
        &mut self,
        caller: &Caller,
        req: ListDelegatedServicesForAccountRequest,
    ) -> OrgResult<ListDelegatedServicesForAccountResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListDelegatedServicesForAccount"))
    }
}

/// What the engine knows of a service principal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceInfo {
    /// e.g. `guardduty.amazonaws.com`.
    pub principal: &'static str,
    /// Supports trusted access.
    pub trusted_access: bool,
    /// Supports delegated administrators.
    pub delegated_admin: bool,
    /// Maximum delegated administrators for the service.
    pub max_admins: usize,
}

/// The registry of service principals (reference §11), data-driven.
pub const SERVICE_PRINCIPALS: &[ServiceInfo] = &[];
