//! Organizational units and tree navigation (reference §5.3).

use super::Engine;
use crate::model::*;

impl Engine {
    /// `CreateOrganizationalUnit`.
    pub fn create_organizational_unit(
        &mut self,
        caller: &Caller,
        req: CreateOrganizationalUnitRequest,
    ) -> OrgResult<CreateOrganizationalUnitResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("CreateOrganizationalUnit"))
    }

    /// `DescribeOrganizationalUnit`.
    pub fn describe_organizational_unit(
        &mut self,
        caller: &Caller,
        req: DescribeOrganizationalUnitRequest,
    ) -> OrgResult<DescribeOrganizationalUnitResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DescribeOrganizationalUnit"))
    }

    /// `UpdateOrganizationalUnit`.
    pub fn update_organizational_unit(
        &mut self,
        caller: &Caller,
        req: UpdateOrganizationalUnitRequest,
    ) -> OrgResult<UpdateOrganizationalUnitResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("UpdateOrganizationalUnit"))
    }

    /// `DeleteOrganizationalUnit`.
    pub fn delete_organizational_unit(
        &mut self,
        caller: &Caller,
        req: DeleteOrganizationalUnitRequest,
    ) -> OrgResult<DeleteOrganizationalUnitResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DeleteOrganizationalUnit"))
    }

    /// `ListOrganizationalUnitsForParent`.
    pub fn list_organizational_units_for_parent(
        &mut self,
        caller: &Caller,
        req: ListOrganizationalUnitsForParentRequest,
    ) -> OrgResult<ListOrganizationalUnitsForParentResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListOrganizationalUnitsForParent"))
    }

    /// `ListChildren`.
    pub fn list_children(
        &mut self,
        caller: &Caller,
        req: ListChildrenRequest,
    ) -> OrgResult<ListChildrenResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListChildren"))
    }

    /// `ListParents`.
    pub fn list_parents(
        &mut self,
        caller: &Caller,
        req: ListParentsRequest,
    ) -> OrgResult<ListParentsResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListParents"))
    }
}
