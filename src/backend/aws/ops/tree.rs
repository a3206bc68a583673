//! OUs, accounts and tree navigation through the SDK.

use super::super::convert::*;
use super::super::error::map;
use crate::model::*;
use aws_sdk_organizations::Client;

pub async fn create_organizational_unit(
    c: &Client,
    r: CreateOrganizationalUnitRequest,
) -> OrgResult<CreateOrganizationalUnitResponse> {
    let o = c
        .create_organizational_unit()
        .parent_id(r.parent_id)
        .name(r.name)
        .set_tags(tags_out(r.tags))
        .send()
        .await
        .map_err(map)?;
    Ok(CreateOrganizationalUnitResponse { organizational_unit: ou(o.organizational_unit)? })
}

pub async fn update_organizational_unit(
    c: &Client,
    r: UpdateOrganizationalUnitRequest,
) -> OrgResult<UpdateOrganizationalUnitResponse> {
    let o = c
        .update_organizational_unit()
        .organizational_unit_id(r.organizational_unit_id)
        .set_name(r.name)
        .send()
        .await
        .map_err(map)?;
    Ok(UpdateOrganizationalUnitResponse { organizational_unit: ou(o.organizational_unit)? })
}

pub async fn delete_organizational_unit(
    c: &Client,
    r: DeleteOrganizationalUnitRequest,
) -> OrgResult<DeleteOrganizationalUnitResponse> {
    c.delete_organizational_unit()
        .organizational_unit_id(r.organizational_unit_id)
        .send()
        .await
        .map_err(map)?;
    Ok(DeleteOrganizationalUnitResponse {})
}

pub async fn describe_organizational_unit(
    c: &Client,
    r: DescribeOrganizationalUnitRequest,
) -> OrgResult<DescribeOrganizationalUnitResponse> {
    let o = c
        .describe_organizational_unit()
        .organizational_unit_id(r.organizational_unit_id)
        .send()
        .await
        .map_err(map)?;
    Ok(DescribeOrganizationalUnitResponse { organizational_unit: ou(o.organizational_unit)? })
}

pub async fn list_organizational_units_for_parent(
    c: &Client,
    r: ListOrganizationalUnitsForParentRequest,
) -> OrgResult<ListOrganizationalUnitsForParentResponse> {
    let o = c
        .list_organizational_units_for_parent()
        .parent_id(r.parent_id)
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    Ok(ListOrganizationalUnitsForParentResponse {
        organizational_units: list(o.organizational_units, |u| ou(Some(u)))?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}

pub async fn list_children(c: &Client, r: ListChildrenRequest) -> OrgResult<ListChildrenResponse> {
    let o = c
        .list_children()
        .parent_id(r.parent_id)
        .child_type(en(r.child_type.as_str()))
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    let children = list(o.children, |ch| {
        Ok(Child {
            id: need("Child.Id", ch.id)?,
            r#type: req("Child.Type", ch.r#type.as_ref().map(|t| t.as_str()))?,
        })
    })?;
    Ok(ListChildrenResponse { children, next_token: next_page(r.next_token.as_deref(), o.next_token)? })
}

pub async fn list_parents(c: &Client, r: ListParentsRequest) -> OrgResult<ListParentsResponse> {
    let o = c
        .list_parents()
        .child_id(r.child_id)
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    let parents = list(o.parents, |p| {
        Ok(Parent {
            id: need("Parent.Id", p.id)?,
            r#type: req("Parent.Type", p.r#type.as_ref().map(|t| t.as_str()))?,
        })
    })?;
    Ok(ListParentsResponse { parents, next_token: next_page(r.next_token.as_deref(), o.next_token)? })
}

pub async fn create_account(c: &Client, r: CreateAccountRequest) -> OrgResult<CreateAccountResponse> {
    let o = c
        .create_account()
        .email(r.email)
        .account_name(r.account_name)
        .set_role_name(r.role_name)
        .set_iam_user_access_to_billing(r.iam_user_access_to_billing.map(|b| en(b.as_str())))
        .set_tags(tags_out(r.tags))
        .send()
        .await
        .map_err(map)?;
    Ok(CreateAccountResponse { create_account_status: create_account_status(o.create_account_status)? })
}

pub async fn describe_create_account_status(
    c: &Client,
    r: DescribeCreateAccountStatusRequest,
) -> OrgResult<DescribeCreateAccountStatusResponse> {
    let o = c
        .describe_create_account_status()
        .create_account_request_id(r.create_account_request_id)
        .send()
        .await
        .map_err(map)?;
    Ok(DescribeCreateAccountStatusResponse {
        create_account_status: create_account_status(o.create_account_status)?,
    })
}

pub async fn list_create_account_status(
    c: &Client,
    r: ListCreateAccountStatusRequest,
) -> OrgResult<ListCreateAccountStatusResponse> {
    let o = c
        .list_create_account_status()
        .set_states(r.states.map(|s| s.into_iter().map(|x| en(x.as_str())).collect()))
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    Ok(ListCreateAccountStatusResponse {
        create_account_statuses: list(o.create_account_statuses, create_account_status_item)?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}

pub async fn close_account(c: &Client, r: CloseAccountRequest) -> OrgResult<CloseAccountResponse> {
    c.close_account().account_id(r.account_id).send().await.map_err(map)?;
    Ok(CloseAccountResponse {})
}

pub async fn describe_account(c: &Client, r: DescribeAccountRequest) -> OrgResult<DescribeAccountResponse> {
    let o = c.describe_account().account_id(r.account_id).send().await.map_err(map)?;
    Ok(DescribeAccountResponse { account: account(need("Account", o.account)?)? })
}

pub async fn move_account(c: &Client, r: MoveAccountRequest) -> OrgResult<MoveAccountResponse> {
    c.move_account()
        .account_id(r.account_id)
        .source_parent_id(r.source_parent_id)
        .destination_parent_id(r.destination_parent_id)
        .send()
        .await
        .map_err(map)?;
    Ok(MoveAccountResponse {})
}

pub async fn remove_account_from_organization(
    c: &Client,
    r: RemoveAccountFromOrganizationRequest,
) -> OrgResult<RemoveAccountFromOrganizationResponse> {
    c.remove_account_from_organization().account_id(r.account_id).send().await.map_err(map)?;
    Ok(RemoveAccountFromOrganizationResponse {})
}

pub async fn list_accounts(c: &Client, r: ListAccountsRequest) -> OrgResult<ListAccountsResponse> {
    let o = c
        .list_accounts()
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    Ok(ListAccountsResponse {
        accounts: list(o.accounts, account)?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}

pub async fn list_accounts_for_parent(
    c: &Client,
    r: ListAccountsForParentRequest,
) -> OrgResult<ListAccountsForParentResponse> {
    let o = c
        .list_accounts_for_parent()
        .parent_id(r.parent_id)
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    Ok(ListAccountsForParentResponse {
        accounts: list(o.accounts, account)?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}
