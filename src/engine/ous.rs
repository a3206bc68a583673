//! Organizational units and tree navigation (reference §5.3).

use super::{Engine, Membership, OuRecord, paginate, validate};
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
        let view = org.ou_view(&id, &partition).ok_or_else(|| ou_not_found(&id))?;
        Ok(CreateOrganizationalUnitResponse { organizational_unit: view })
    }

    /// `DescribeOrganizationalUnit`.
    pub fn describe_organizational_unit(
        &mut self,
        caller: &Caller,
        req: DescribeOrganizationalUnitRequest,
    ) -> OrgResult<DescribeOrganizationalUnitResponse> {
        self.tick();
        let id = OuId::parse(&req.organizational_unit_id)?;
        self.require_reader(caller, "DescribeOrganizationalUnit")?;
        let org = self.org()?;
        let view = org.ou_view(&id, self.partition()).ok_or_else(|| ou_not_found(&id))?;
        Ok(DescribeOrganizationalUnitResponse { organizational_unit: view })
    }

    /// `UpdateOrganizationalUnit`: renames an OU; an omitted name changes nothing.
    pub fn update_organizational_unit(
        &mut self,
        caller: &Caller,
        req: UpdateOrganizationalUnitRequest,
    ) -> OrgResult<UpdateOrganizationalUnitResponse> {
        self.tick();
        let id = OuId::parse(&req.organizational_unit_id)?;
        if let Some(name) = &req.name {
            validate::length("Name", name, 1, 128)?;
        }
        self.require_management(caller, "UpdateOrganizationalUnit")?;
        let org = self.org()?;
        let ou = org.ous.get(&id).ok_or_else(|| ou_not_found(&id))?;
        // The OU itself counts: AWS answers a rename to the current name with the duplicate error.
        if let Some(name) = &req.name
            && org.ous.values().any(|o| o.parent == ou.parent && &o.name == name)
        {
            return Err(OrgError::new(
                ErrorCode::DuplicateOrganizationalUnitException,
                format!("An OU named {name:?} already exists under {}.", ou.parent),
            ));
        }
        let partition = self.partition().to_string();
        let org = self.org_mut()?;
        if let (Some(name), Some(ou)) = (req.name, org.ous.get_mut(&id)) {
            ou.name = name;
        }
        let view = org.ou_view(&id, &partition).ok_or_else(|| ou_not_found(&id))?;
        Ok(UpdateOrganizationalUnitResponse { organizational_unit: view })
    }

    /// `DeleteOrganizationalUnit`: only an empty OU (no child OUs, no accounts); its
    /// attachments and tags go with it.
    pub fn delete_organizational_unit(
        &mut self,
        caller: &Caller,
        req: DeleteOrganizationalUnitRequest,
    ) -> OrgResult<DeleteOrganizationalUnitResponse> {
        self.tick();
        let id = OuId::parse(&req.organizational_unit_id)?;
        self.require_management(caller, "DeleteOrganizationalUnit")?;
        let org = self.org()?;
        if !org.ous.contains_key(&id) {
            return Err(ou_not_found(&id));
        }
        let parent = ParentId::Ou(id.clone());
        let has_ous = org.ous.values().any(|o| o.parent == parent);
        let has_accounts =
            self.state.accounts.values().any(|a| a.membership == Membership::Member(parent.clone()));
        if has_ous || has_accounts {
            return Err(OrgError::new(
                ErrorCode::OrganizationalUnitNotEmptyException,
                format!(
                    "OU {id} still contains {}; move or remove them first.",
                    if has_ous { "child OUs" } else { "accounts" }
                ),
            ));
        }
        let org = self.org_mut()?;
        org.ous.remove(&id);
        org.detach_all(id.as_str());
        Ok(DeleteOrganizationalUnitResponse {})
    }

    /// `ListOrganizationalUnitsForParent`: direct child OUs, in id order.
    pub fn list_organizational_units_for_parent(
        &mut self,
        caller: &Caller,
        req: ListOrganizationalUnitsForParentRequest,
    ) -> OrgResult<ListOrganizationalUnitsForParentResponse> {
        const OP: &str = "ListOrganizationalUnitsForParent";
        self.tick();
        let parent = ParentId::parse(&req.parent_id)?;
        paginate::page_request(OP, req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, OP)?;
        let parent = self.existing_parent(parent.as_str(), ErrorCode::ParentNotFoundException)?;
        let org = self.org()?;
        let ids: Vec<&OuId> = org.ous.values().filter(|o| o.parent == parent).map(|o| &o.id).collect();
        let (views, next_token) =
            paginate::paginate_map(OP, ids, req.next_token.as_deref(), req.max_results, |id| {
                org.ou_view(id, self.partition())
            })?;
        let organizational_units = views.into_iter().flatten().collect();
        Ok(ListOrganizationalUnitsForParentResponse { organizational_units, next_token })
    }

    /// `ListChildren`: direct child OUs or accounts of a root or OU.
    pub fn list_children(
        &mut self,
        caller: &Caller,
        req: ListChildrenRequest,
    ) -> OrgResult<ListChildrenResponse> {
        const OP: &str = "ListChildren";
        self.tick();
        let parent = ParentId::parse(&req.parent_id)?;
        paginate::page_request(OP, req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, OP)?;
        let parent = self.existing_parent(parent.as_str(), ErrorCode::ParentNotFoundException)?;
        let org = self.org()?;
        let children: Vec<Child> = match req.child_type {
            ChildType::OrganizationalUnit => org
                .ous
                .values()
                .filter(|o| o.parent == parent)
                .map(|o| Child { id: o.id.to_string(), r#type: ChildType::OrganizationalUnit })
                .collect(),
            ChildType::Account => self
                .state
                .accounts
                .values()
                .filter(|a| a.membership == Membership::Member(parent.clone()))
                .map(|a| Child { id: a.id.to_string(), r#type: ChildType::Account })
                .collect(),
        };
        let (children, next_token) =
            paginate::paginate(OP, children, req.next_token.as_deref(), req.max_results)?;
        Ok(ListChildrenResponse { children, next_token })
    }

    /// `ListParents`: the one parent of an account or OU.
    pub fn list_parents(
        &mut self,
        caller: &Caller,
        req: ListParentsRequest,
    ) -> OrgResult<ListParentsResponse> {
        const OP: &str = "ListParents";
        self.tick();
        let child = parse_child_id(&req.child_id)?;
        paginate::page_request(OP, req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, OP)?;
        let org = self.org()?;
        let parent = match &child {
            ChildRef::Ou(o) => org.ous.get(o).map(|o| o.parent.clone()),
            ChildRef::Account(a) => self.parent_of_account(a).cloned(),
        }
        .ok_or_else(|| {
            OrgError::new(
                ErrorCode::ChildNotFoundException,
                format!("Child {} was not found in this organization.", req.child_id),
            )
        })?;
        let r#type = match parent {
            ParentId::Root(_) => ParentType::Root,
            ParentId::Ou(_) => ParentType::OrganizationalUnit,
        };
        let parents = vec![Parent { id: parent.to_string(), r#type }];
        let (parents, next_token) =
            paginate::paginate(OP, parents, req.next_token.as_deref(), req.max_results)?;
        Ok(ListParentsResponse { parents, next_token })
    }
}

/// `OrganizationalUnitNotFoundException` for `id`.
pub(crate) fn ou_not_found(id: &OuId) -> OrgError {
    OrgError::new(
        ErrorCode::OrganizationalUnitNotFoundException,
        format!("Organizational unit {id} was not found in this organization."),
    )
}

/// A child in the tree: an OU or an account.
enum ChildRef {
    Ou(OuId),
    Account(AccountId),
}

/// Parses a `ChildId` (an OU id or an account id), `InvalidInputException INVALID_PATTERN` otherwise.
fn parse_child_id(s: &str) -> OrgResult<ChildRef> {
    if s.starts_with("ou-") {
        OuId::parse(s).map(ChildRef::Ou)
    } else {
        AccountId::parse(s).map(ChildRef::Account)
    }
}
