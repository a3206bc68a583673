//! Trusted access, delegated administrators and tags through the SDK.

use super::super::convert::*;
use super::super::error::map;
use crate::model::*;
use aws_sdk_organizations::Client;

pub async fn enable_aws_service_access(
    c: &Client,
    r: EnableAWSServiceAccessRequest,
) -> OrgResult<EnableAWSServiceAccessResponse> {
    c.enable_aws_service_access().service_principal(r.service_principal).send().await.map_err(map)?;
    Ok(EnableAWSServiceAccessResponse {})
}

pub async fn disable_aws_service_access(
    c: &Client,
    r: DisableAWSServiceAccessRequest,
) -> OrgResult<DisableAWSServiceAccessResponse> {
    c.disable_aws_service_access().service_principal(r.service_principal).send().await.map_err(map)?;
    Ok(DisableAWSServiceAccessResponse {})
}

pub async fn list_aws_service_access_for_organization(
    c: &Client,
    r: ListAWSServiceAccessForOrganizationRequest,
) -> OrgResult<ListAWSServiceAccessForOrganizationResponse> {
    let o = c
        .list_aws_service_access_for_organization()
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    let enabled_service_principals = list(o.enabled_service_principals, |p| {
        Ok(EnabledServicePrincipal {
            service_principal: need("EnabledServicePrincipal.ServicePrincipal", p.service_principal)?,
            date_enabled: ts("EnabledServicePrincipal.DateEnabled", p.date_enabled.as_ref())?,
        })
    })?;
    Ok(ListAWSServiceAccessForOrganizationResponse {
        enabled_service_principals,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}

pub async fn register_delegated_administrator(
    c: &Client,
    r: RegisterDelegatedAdministratorRequest,
) -> OrgResult<RegisterDelegatedAdministratorResponse> {
    c.register_delegated_administrator()
        .account_id(r.account_id)
        .service_principal(r.service_principal)
        .send()
        .await
        .map_err(map)?;
    Ok(RegisterDelegatedAdministratorResponse {})
}

pub async fn deregister_delegated_administrator(
    c: &Client,
    r: DeregisterDelegatedAdministratorRequest,
) -> OrgResult<DeregisterDelegatedAdministratorResponse> {
    c.deregister_delegated_administrator()
        .account_id(r.account_id)
        .service_principal(r.service_principal)
        .send()
        .await
        .map_err(map)?;
    Ok(DeregisterDelegatedAdministratorResponse {})
}

pub async fn list_delegated_administrators(
    c: &Client,
    r: ListDelegatedAdministratorsRequest,
) -> OrgResult<ListDelegatedAdministratorsResponse> {
    let o = c
        .list_delegated_administrators()
        .set_service_principal(r.service_principal)
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    Ok(ListDelegatedAdministratorsResponse {
        delegated_administrators: list(o.delegated_administrators, delegated_administrator)?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}

pub async fn list_delegated_services_for_account(
    c: &Client,
    r: ListDelegatedServicesForAccountRequest,
) -> OrgResult<ListDelegatedServicesForAccountResponse> {
    let o = c
        .list_delegated_services_for_account()
        .account_id(r.account_id)
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    let delegated_services = list(o.delegated_services, |s| {
        Ok(DelegatedService {
            service_principal: need("DelegatedService.ServicePrincipal", s.service_principal)?,
            delegation_enabled_date: ts(
                "DelegatedService.DelegationEnabledDate",
                s.delegation_enabled_date.as_ref(),
            )?,
        })
    })?;
    Ok(ListDelegatedServicesForAccountResponse {
        delegated_services,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}

pub async fn tag_resource(c: &Client, r: TagResourceRequest) -> OrgResult<TagResourceResponse> {
    c.tag_resource().resource_id(r.resource_id).set_tags(tags_out(Some(r.tags))).send().await.map_err(map)?;
    Ok(TagResourceResponse {})
}

pub async fn untag_resource(c: &Client, r: UntagResourceRequest) -> OrgResult<UntagResourceResponse> {
    c.untag_resource().resource_id(r.resource_id).set_tag_keys(Some(r.tag_keys)).send().await.map_err(map)?;
    Ok(UntagResourceResponse {})
}

pub async fn list_tags_for_resource(
    c: &Client,
    r: ListTagsForResourceRequest,
) -> OrgResult<ListTagsForResourceResponse> {
    let o = c
        .list_tags_for_resource()
        .resource_id(r.resource_id)
        .set_next_token(r.next_token.clone())
        .send()
        .await
        .map_err(map)?;
    Ok(ListTagsForResourceResponse {
        tags: list(o.tags, tag)?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}
