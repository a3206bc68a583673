//! Organizational units and tree navigation (reference §5.3).

use super::{Engine, OuRecord, validate};
use crate::model::error::ConstraintViolationReason;
use crate::model::*;

impl Engine {
    /// `CreateOrganizationalUnit`: a new OU under a root or OU, unique among its siblings,
    /// at most `max_ou_depth` levels deep, with the default policies attached.
    pub fn create_organizational_unit(
        &mut self,
        caller: &Caller,
        req: CreateOrganizationalUnitRequest,
    ) -> OrgResult<CreateOrganizationalUnitResponse> {
        self.tick();
        let parent = ParentId::parse(&req.parent_id)?;
        validate::length("Name", &req.name, 1, 128)?;
        let tags = req.tags.unwrap_or_default();
        super::tags::validate_tags(&tags)?;
        self.require_management(caller, "CreateOrganizationalUnit")?;
        let max_tags = self.state.quotas.max_tags;
        let (max_depth, max_ous) = (self.state.quotas.max_ou_depth, self.state.quotas.max_ous);
        let org = self.org()?;
        if !org.parent_exists(&parent) {
            return Err(OrgError::new(
                ErrorCode::ParentNotFoundException,
                format!("Parent {} was not found in this organization.", req.parent_id),
            ));
        }
        if org.ous.values().any(|o| o.parent == parent && o.name == req.name) {
            return Err(OrgError::new(
                ErrorCode::DuplicateOrganizationalUnitException,
                format!("An OU named {:?} already exists under {}.", req.name, req.parent_id),
            ));
        }
        if org.depth(&parent) >= max_depth {
            return Err(OrgError::constraint(
                ConstraintViolationReason::OuDepthLimitExceeded,
                format!("OUs can be nested at most {max_depth} levels deep under the root."),
            ));
        }
        if org.ous.len() >= max_ous {
            return Err(OrgError::constraint(
                ConstraintViolationReason::OuNumberLimitExceeded,
                format!("The organization already has the maximum of {max_ous} OUs."),
            ));
        }
        validate::new_tags(&tags, max_tags)?;
        let id = self.new_ou_id();
        let partition = self.partition().to_string();
        let org = self.org_mut()?;
        org.ous.insert(id.clone(), OuRecord { id: id.clone(), name: req.name, parent, tags });
        org.attach_defaults(id.as_str());
        let view =
            org.ou_view(&id, &partition).ok_or_else(|| super::unsupported("CreateOrganizationalUnit"))?;
        Ok(CreateOrganizationalUnitResponse { organizational_unit: view })
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
