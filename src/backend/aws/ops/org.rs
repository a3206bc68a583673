//! Organization, roots and handshakes through the SDK.

use super::super::convert::*;
use super::super::error::map;
use crate::model::*;
use aws_sdk_organizations::Client;

pub async fn create_organization(
    c: &Client,
    r: CreateOrganizationRequest,
) -> OrgResult<CreateOrganizationResponse> {
    let o = c
        .create_organization()
        .set_feature_set(r.feature_set.map(|f| en(f.as_str())))
        .send()
        .await
        .map_err(map)?;
    Ok(CreateOrganizationResponse { organization: organization(o.organization)? })
}

pub async fn describe_organization(
    c: &Client,
    _r: DescribeOrganizationRequest,
) -> OrgResult<DescribeOrganizationResponse> {
    let o = c.describe_organization().send().await.map_err(map)?;
    Ok(DescribeOrganizationResponse { organization: organization(o.organization)? })
}

pub async fn delete_organization(
    c: &Client,
    _r: DeleteOrganizationRequest,
) -> OrgResult<DeleteOrganizationResponse> {
    c.delete_organization().send().await.map_err(map)?;
    Ok(DeleteOrganizationResponse {})
}

pub async fn leave_organization(
    c: &Client,
    _r: LeaveOrganizationRequest,
) -> OrgResult<LeaveOrganizationResponse> {
    c.leave_organization().send().await.map_err(map)?;
    Ok(LeaveOrganizationResponse {})
}

pub async fn enable_all_features(
    c: &Client,
    _r: EnableAllFeaturesRequest,
) -> OrgResult<EnableAllFeaturesResponse> {
    let o = c.enable_all_features().send().await.map_err(map)?;
    Ok(EnableAllFeaturesResponse { handshake: handshake(o.handshake)? })
}

pub async fn list_roots(c: &Client, r: ListRootsRequest) -> OrgResult<ListRootsResponse> {
    let o = c
        .list_roots()
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    Ok(ListRootsResponse {
        roots: list(o.roots, root)?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}

pub async fn accept_handshake(c: &Client, r: AcceptHandshakeRequest) -> OrgResult<AcceptHandshakeResponse> {
    let o = c.accept_handshake().handshake_id(r.handshake_id).send().await.map_err(map)?;
    Ok(AcceptHandshakeResponse { handshake: handshake(o.handshake)? })
}

pub async fn cancel_handshake(c: &Client, r: CancelHandshakeRequest) -> OrgResult<CancelHandshakeResponse> {
    let o = c.cancel_handshake().handshake_id(r.handshake_id).send().await.map_err(map)?;
    Ok(CancelHandshakeResponse { handshake: handshake(o.handshake)? })
}

pub async fn decline_handshake(
    c: &Client,
    r: DeclineHandshakeRequest,
) -> OrgResult<DeclineHandshakeResponse> {
    let o = c.decline_handshake().handshake_id(r.handshake_id).send().await.map_err(map)?;
    Ok(DeclineHandshakeResponse { handshake: handshake(o.handshake)? })
}

pub async fn describe_handshake(
    c: &Client,
    r: DescribeHandshakeRequest,
) -> OrgResult<DescribeHandshakeResponse> {
    let o = c.describe_handshake().handshake_id(r.handshake_id).send().await.map_err(map)?;
    Ok(DescribeHandshakeResponse { handshake: handshake(o.handshake)? })
}

pub async fn invite_account_to_organization(
    c: &Client,
    r: InviteAccountToOrganizationRequest,
) -> OrgResult<InviteAccountToOrganizationResponse> {
    use aws_sdk_organizations::types::HandshakeParty;
    let target =
        HandshakeParty::builder().id(r.target.id).r#type(en(r.target.r#type.as_str())).build().map_err(
            |e| {
                OrgError::invalid_input(crate::model::error::InvalidInputReason::InputRequired, e.to_string())
            },
        )?;
    let o = c
        .invite_account_to_organization()
        .target(target)
        .set_notes(r.notes)
        .set_tags(tags_out(r.tags))
        .send()
        .await
        .map_err(map)?;
    Ok(InviteAccountToOrganizationResponse { handshake: handshake(o.handshake)? })
}

pub async fn list_handshakes_for_account(
    c: &Client,
    r: ListHandshakesForAccountRequest,
) -> OrgResult<ListHandshakesForAccountResponse> {
    let o = c
        .list_handshakes_for_account()
        .set_filter(handshake_filter(r.filter))
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    Ok(ListHandshakesForAccountResponse {
        handshakes: list(o.handshakes, handshake_item)?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}

pub async fn list_handshakes_for_organization(
    c: &Client,
    r: ListHandshakesForOrganizationRequest,
) -> OrgResult<ListHandshakesForOrganizationResponse> {
    let o = c
        .list_handshakes_for_organization()
        .set_filter(handshake_filter(r.filter))
        .set_next_token(r.next_token.clone())
        .set_max_results(page(r.max_results))
        .send()
        .await
        .map_err(map)?;
    Ok(ListHandshakesForOrganizationResponse {
        handshakes: list(o.handshakes, handshake_item)?,
        next_token: next_page(r.next_token.as_deref(), o.next_token)?,
    })
}
