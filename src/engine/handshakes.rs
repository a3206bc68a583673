//! Invitations, handshakes and the all-features migration (reference §5.5, §7.2, §7.4).

use super::Engine;
use crate::model::*;

impl Engine {
    /// `InviteAccountToOrganization`.
    pub fn invite_account_to_organization(
        &mut self,
        caller: &Caller,
        req: InviteAccountToOrganizationRequest,
    ) -> OrgResult<InviteAccountToOrganizationResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("InviteAccountToOrganization"))
    }

    /// `AcceptHandshake`.
    pub fn accept_handshake(
        &mut self,
        caller: &Caller,
        req: AcceptHandshakeRequest,
    ) -> OrgResult<AcceptHandshakeResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("AcceptHandshake"))
    }

    /// `DeclineHandshake`.
    pub fn decline_handshake(
        &mut self,
        caller: &Caller,
        req: DeclineHandshakeRequest,
    ) -> OrgResult<DeclineHandshakeResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DeclineHandshake"))
    }

    /// `CancelHandshake`.
    pub fn cancel_handshake(
        &mut self,
        caller: &Caller,
        req: CancelHandshakeRequest,
    ) -> OrgResult<CancelHandshakeResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("CancelHandshake"))
    }

    /// `DescribeHandshake`.
    pub fn describe_handshake(
        &mut self,
        caller: &Caller,
        req: DescribeHandshakeRequest,
    ) -> OrgResult<DescribeHandshakeResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("DescribeHandshake"))
    }

    /// `ListHandshakesForAccount`.
    pub fn list_handshakes_for_account(
        &mut self,
        caller: &Caller,
        req: ListHandshakesForAccountRequest,
    ) -> OrgResult<ListHandshakesForAccountResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListHandshakesForAccount"))
    }

    /// `ListHandshakesForOrganization`.
    pub fn list_handshakes_for_organization(
        &mut self,
        caller: &Caller,
        req: ListHandshakesForOrganizationRequest,
    ) -> OrgResult<ListHandshakesForOrganizationResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("ListHandshakesForOrganization"))
    }

    /// `EnableAllFeatures`.
    pub fn enable_all_features(
        &mut self,
        caller: &Caller,
        req: EnableAllFeaturesRequest,
    ) -> OrgResult<EnableAllFeaturesResponse> {
        let _ = (caller, req);
        self.tick();
        Err(super::unsupported("EnableAllFeatures"))
    }
}

impl Engine {
    /// Expires handshakes past their expiration and purges terminal ones past visibility.
    pub(crate) fn tick_handshakes(&mut self, now: Timestamp) {
        let _ = now;
    }
}
