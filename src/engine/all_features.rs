//! The feature-set migration CONSOLIDATED_BILLING → ALL (reference §7.4) and the timed
//! handshake transitions: expiry and purge (§4.4, §7.2).
//!
//! Naming follows the User Guide walkthrough, as §15.1 recommends: `EnableAllFeatures`
//! returns the parent `ENABLE_ALL_FEATURES` handshake, every invited member receives a child
//! `APPROVE_ALL_FEATURES` handshake carrying a `PARENT_HANDSHAKE` resource, and the management
//! account finalises the parent once it is OPEN.

use super::handshakes::resource;
use super::{Engine, HandshakeRecord, Membership};
use crate::model::error::{ConstraintViolationReason, HandshakeConstraintViolationReason as HcReason};
use crate::model::*;

impl Engine {
    /// `EnableAllFeatures`: starts the migration of a CONSOLIDATED_BILLING organization to ALL
    /// features. Returns the ENABLE_ALL_FEATURES handshake (REQUESTED, expires after 90 days);
    /// every invited member is asked to approve, and open invitations are canceled.
    pub fn enable_all_features(
        &mut self,
        caller: &Caller,
        _req: EnableAllFeaturesRequest,
    ) -> OrgResult<EnableAllFeaturesResponse> {
        self.tick();
        self.require_management(caller, "EnableAllFeatures")?;
        let max_members = self.state.quotas.max_accounts_for_all_features_migration;
        let org = self.org()?;
        if org.feature_set == FeatureSet::All {
            return Err(OrgError::handshake_constraint(
                HcReason::OrganizationAlreadyHasAllFeatures,
                "This organization already has all features enabled.",
            ));
        }
        if org.pending_all_features.is_some() {
            return Err(OrgError::handshake_constraint(
                HcReason::OrganizationIsAlreadyPendingAllFeaturesMigration,
                "This organization is already migrating to all features.",
            ));
        }
        let members: Vec<&super::AccountRecord> =
            self.state.accounts.values().filter(|a| matches!(a.membership, Membership::Member(_))).collect();
        if members.len() >= max_members {
            return Err(OrgError::constraint(
                ConstraintViolationReason::AllFeaturesMigrationOrganizationSizeLimitExceeded,
                format!(
                    "Organizations with {max_members} or more accounts can't use the standard all-features migration."
                ),
            ));
        }
        // Created members need no approval; the management account finalises instead.
        let invited: Vec<AccountId> = members
            .iter()
            .filter(|a| a.joined_method == JoinedMethod::Invited && a.id != org.management)
            .map(|a| a.id.clone())
            .collect();
        let now = self.now();
        let expires = now.plus_days(self.state.settings.all_features_expiry_days);
        let org_id = org.id.clone();
        let arns = org.arns(self.partition());
        let org_party = HandshakeParty { id: org_id.to_string(), r#type: HandshakePartyType::Organization };
        let org_resource = self.org_resource(org);
        let open_invites: Vec<HandshakeId> = self
            .state
            .handshakes
            .values()
            .filter(|r| {
                r.org == org_id
                    && r.handshake.action == HandshakeAction::Invite
                    && !r.handshake.state.is_terminal()
            })
            .map(|r| r.handshake.id.clone())
            .collect();

        let parent_id = self.new_handshake_id();
        let parent = Handshake {
            arn: arns.handshake(&parent_id, HandshakeAction::EnableAllFeatures),
            id: parent_id.clone(),
            parties: vec![org_party.clone()],
            state: HandshakeState::Requested,
            requested_timestamp: now,
            expiration_timestamp: expires,
            action: HandshakeAction::EnableAllFeatures,
            resources: vec![resource(HandshakeResourceType::Organization, org_id.to_string())],
        };
        self.state.handshakes.insert(
            parent_id.clone(),
            HandshakeRecord {
                handshake: parent.clone(),
                org: org_id.clone(),
                invite_tags: Vec::new(),
                terminal_at: None,
                parent: None,
            },
        );
        for account in invited {
            let id = self.new_handshake_id();
            let child = Handshake {
                arn: arns.handshake(&id, HandshakeAction::ApproveAllFeatures),
                id: id.clone(),
                parties: vec![
                    org_party.clone(),
                    HandshakeParty { id: account.to_string(), r#type: HandshakePartyType::Account },
                ],
                state: HandshakeState::Open,
                requested_timestamp: now,
                expiration_timestamp: expires,
                action: HandshakeAction::ApproveAllFeatures,
                resources: vec![
                    org_resource.clone(),
                    resource(HandshakeResourceType::ParentHandshake, parent_id.to_string()),
                ],
            };
            self.state.handshakes.insert(
                id,
                HandshakeRecord {
                    handshake: child,
                    org: org_id.clone(),
                    invite_tags: Vec::new(),
                    terminal_at: None,
                    parent: Some(parent_id.clone()),
                },
            );
        }
        for id in open_invites {
            self.set_handshake_state(&id, HandshakeState::Canceled, now);
        }
        self.org_mut()?.pending_all_features = Some(parent_id);
        // With no invited members the parent becomes OPEN on the next tick (§7.2), so the
        // response shows REQUESTED as §5.1 documents and the next read shows OPEN.
        Ok(EnableAllFeaturesResponse { handshake: parent })
    }

    /// The management account accepts the OPEN ENABLE_ALL_FEATURES handshake: the
    /// organization gets ALL features and behaves like a freshly created ALL organization
    /// (SCPs enabled, FullAWSAccess attached to the root, every OU and every account).
    pub(crate) fn complete_all_features(&mut self, rec: &HandshakeRecord, now: Timestamp) -> OrgResult<()> {
        let id = rec.handshake.id.clone();
        if rec.handshake.state != HandshakeState::Open {
            return Err(OrgError::new(
                ErrorCode::InvalidHandshakeTransitionException,
                format!(
                    "Handshake {id} can't be accepted until every invited member has approved all features."
                ),
            ));
        }
        let members: Vec<AccountId> = self
            .state
            .accounts
            .values()
            .filter(|a| matches!(a.membership, Membership::Member(_)))
            .map(|a| a.id.clone())
            .collect();
        let org = self.org_mut()?;
        org.feature_set = FeatureSet::All;
        org.pending_all_features = None;
        super::organization::enable_default_scps(org, &members);
        let ous: Vec<String> = org.ous.keys().map(|o| o.to_string()).collect();
        for ou in ous {
            org.attach_defaults(&ou);
        }
        self.set_handshake_state(&id, HandshakeState::Accepted, now);
        // Children of members that left meanwhile can no longer be answered.
        let leftovers: Vec<HandshakeId> = self.children_of(&id, |h| !h.state.is_terminal());
        for c in leftovers {
            self.set_handshake_state(&c, HandshakeState::Canceled, now);
        }
        Ok(())
    }

    /// Ends a migration attempt whose parent handshake was canceled, declined or expired:
    /// unanswered children move to `state` and the organization is no longer pending.
    pub(crate) fn end_all_features_attempt(
        &mut self,
        parent: &HandshakeId,
        state: HandshakeState,
        at: Timestamp,
    ) {
        for c in self.children_of(parent, |h| !h.state.is_terminal()) {
            self.set_handshake_state(&c, state, at);
        }
        if let Some(org) = self.state.org.as_mut()
            && org.pending_all_features.as_ref() == Some(parent)
        {
            org.pending_all_features = None;
        }
    }

    /// Ids of the APPROVE_ALL_FEATURES children of `parent` whose handshake satisfies `keep`.
    fn children_of(&self, parent: &HandshakeId, keep: impl Fn(&Handshake) -> bool) -> Vec<HandshakeId> {
        self.state
            .handshakes
            .values()
            .filter(|r| r.parent.as_ref() == Some(parent) && keep(&r.handshake))
            .map(|r| r.handshake.id.clone())
            .collect()
    }

    /// Opens the pending ENABLE_ALL_FEATURES handshake once every child addressed to a
    /// current member is ACCEPTED (a declined child blocks until its member leaves).
    pub(crate) fn refresh_all_features(&mut self) {
        let Some(parent) = self.state.org.as_ref().and_then(|o| o.pending_all_features.clone()) else {
            return;
        };
        let Some(rec) = self.state.handshakes.get(&parent) else {
            if let Some(org) = self.state.org.as_mut() {
                org.pending_all_features = None;
            }
            return;
        };
        if rec.handshake.state != HandshakeState::Requested {
            return;
        }
        let ready = self.state.handshakes.values().filter(|r| r.parent.as_ref() == Some(&parent)).all(|r| {
            let member = r.handshake.parties.iter().any(|p| {
                p.r#type == HandshakePartyType::Account
                    && AccountId::parse(&p.id)
                        .ok()
                        .and_then(|a| self.state.accounts.get(&a))
                        .is_some_and(|a| matches!(a.membership, Membership::Member(_)))
            });
            r.handshake.state == HandshakeState::Accepted || !member
        });
        if ready && let Some(rec) = self.state.handshakes.get_mut(&parent) {
            rec.handshake.state = HandshakeState::Open;
        }
    }

    /// Expires handshakes past their expiration (a migration attempt expires as a whole),
    /// opens a completed all-features request, and purges terminal handshakes once their
    /// visibility period is over.
    pub(crate) fn tick_handshakes(&mut self, now: Timestamp) {
        let visibility = self.state.settings.handshake_visibility_days;
        let mut expired: Vec<(HandshakeId, Timestamp, HandshakeAction)> = Vec::new();
        for rec in self.state.handshakes.values_mut() {
            let h = &mut rec.handshake;
            if h.state.is_terminal() {
                // A loaded state may lack the time; count the visibility from now.
                rec.terminal_at.get_or_insert(now);
            } else if h.expiration_timestamp <= now {
                h.state = HandshakeState::Expired;
                rec.terminal_at = Some(h.expiration_timestamp);
                expired.push((h.id.clone(), h.expiration_timestamp, h.action));
            }
        }
        for (id, at, action) in expired {
            if action == HandshakeAction::EnableAllFeatures {
                self.end_all_features_attempt(&id, HandshakeState::Expired, at);
            }
        }
        self.refresh_all_features();
        self.state.handshakes.retain(|_, r| {
            !r.handshake.state.is_terminal() || r.terminal_at.is_none_or(|t| t.plus_days(visibility) > now)
        });
    }
}
