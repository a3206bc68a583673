//! Organization lifecycle and the root (reference §5.1–5.2).

use super::Engine;
use crate::model::*;

impl Engine {
    /// `CreateOrganization`.
    pub fn create_organization(
        &mut self,
        caller: &Caller,
        req: CreateOrganizationRequest,
    ) -> OrgResult<CreateOrganizationResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("CreateOrganization"))
    }

    /// `DescribeOrganization`.
    pub fn describe_organization(
        &mut self,
        caller: &Caller,
        req: DescribeOrganizationRequest,
    ) -> OrgResult<DescribeOrganizationResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DescribeOrganization"))
    }

    /// `DeleteOrganization`.
    pub fn delete_organization(
        &mut self,
        caller: &Caller,
        req: DeleteOrganizationRequest,
    ) -> OrgResult<DeleteOrganizationResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DeleteOrganization"))
    }

    /// `ListRoots`.
    pub fn list_roots(&mut self, caller: &Caller, req: ListRootsRequest) -> OrgResult<ListRootsResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListRoots"))
    }
}
