//! Invitations and the handshake operations (reference §5.5, §7.2). The all-features
//! migration and the timed transitions live in `all_features.rs`.
//!
//! Who sees a handshake: its recipient (the invited account, matched by id or by email; the
//! member asked to approve all features; the management account for the ENABLE_ALL_FEATURES
//! finalisation) and the sending organization's management account (plus its delegated
//! administrators, read-only). Anyone else gets `HandshakeNotFoundException`, so handshake ids
//! reveal nothing; a party calling an operation reserved to the other side gets
//! `AccessDeniedException` (the reference's "wrong party").

use super::{CallerClass, Engine, HandshakeRecord, Membership, OrgState, validate};
use crate::model::error::{HandshakeConstraintViolationReason as HcReason, InvalidInputReason};
use crate::model::*;

/// How a caller relates to a handshake.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Side {
    /// The caller is the party that answers the handshake.
    pub recipient: bool,
    /// The caller is the management account of the sending organization.
    pub sender: bool,
    /// The caller is the sending organization's management account or a delegated administrator.
    pub sender_reader: bool,
}

/// `HandshakeNotFoundException` for `id`.
pub(crate) fn handshake_not_found(id: &HandshakeId) -> OrgError {
    OrgError::new(
        ErrorCode::HandshakeNotFoundException,
        format!("We can't find a handshake with the HandshakeId {id} that you specified."),
    )
}

/// Checks that a handshake may move to `target`: same state → `HandshakeAlreadyInStateException`,
/// any other move out of a terminal state → `InvalidHandshakeTransitionException` (§7.2).
pub(crate) fn check_transition(h: &Handshake, target: HandshakeState) -> OrgResult<()> {
    if h.state == target {
        return Err(OrgError::new(
            ErrorCode::HandshakeAlreadyInStateException,
            format!("Handshake {} is already in the {} state.", h.id, h.state),
        ));
    }
    if h.state.is_terminal() {
        return Err(OrgError::new(
            ErrorCode::InvalidHandshakeTransitionException,
            format!("Handshake {} is {} and can no longer change to {target}.", h.id, h.state),
        ));
    }
    Ok(())
}

/// A leaf entry of a handshake's resource tree.
pub(crate) fn resource(ty: HandshakeResourceType, value: impl Into<String>) -> HandshakeResource {
    HandshakeResource { value: Some(value.into()), r#type: ty, resources: Vec::new() }
}

/// Parses a handshake id: empty → `INPUT_REQUIRED`, longer than the model's 34 characters →
/// `MAX_LENGTH_EXCEEDED`, otherwise the `h-` pattern (`INVALID_PATTERN`).
fn parse_handshake_id(field: &str, s: &str) -> OrgResult<HandshakeId> {
    validate::length(field, s, 1, 34)?;
    HandshakeId::parse(s)
}

/// Rejects a filter that sets both fields, or a malformed parent handshake id.
fn check_filter(filter: &Option<HandshakeFilter>) -> OrgResult<()> {
    let Some(f) = filter else { return Ok(()) };
    if f.action_type.is_some() && f.parent_handshake_id.is_some() {
        return Err(OrgError::invalid_input(
            InvalidInputReason::MaxLimitExceededFilter,
            "Specify only one of ActionType and ParentHandshakeId in the filter.",
        ));
    }
    if let Some(p) = &f.parent_handshake_id {
        parse_handshake_id("Filter.ParentHandshakeId", p)?;
    }
    Ok(())
}

/// Whether a handshake record passes a list filter.
fn filter_matches(filter: &Option<HandshakeFilter>, rec: &HandshakeRecord) -> bool {
    let Some(f) = filter else { return true };
    if let Some(a) = f.action_type
        && rec.handshake.action != a
    {
        return false;
    }
    if let Some(p) = &f.parent_handshake_id
        && rec.parent.as_ref().map(HandshakeId::as_str) != Some(p.as_str())
    {
        return false;
    }
    true
}

/// Sorts handshakes in a stable listing order (oldest first, then by id) and keeps the views.
fn listing(mut recs: Vec<&HandshakeRecord>) -> Vec<Handshake> {
    recs.sort_by(|a, b| {
        (a.handshake.requested_timestamp, &a.handshake.id)
            .cmp(&(b.handshake.requested_timestamp, &b.handshake.id))
    });
    recs.into_iter().map(|r| r.handshake.clone()).collect()
}

impl Engine {
    /// Whether `me` is the sending organization's management account.
    pub(crate) fn is_management_of(&self, me: &AccountId, org: &OrgId) -> bool {
        self.state.org.as_ref().is_some_and(|o| &o.id == org && &o.management == me)
            && matches!(self.state.accounts.get(me).map(|a| &a.membership), Some(Membership::Member(_)))
    }

    /// Whether `me` answers the handshake.
    pub(crate) fn is_recipient(&self, rec: &HandshakeRecord, me: &AccountId) -> bool {
        let h = &rec.handshake;
        if h.action == HandshakeAction::EnableAllFeatures {
            return self.is_management_of(me, &rec.org);
        }
        h.parties.iter().any(|p| match p.r#type {
            HandshakePartyType::Account => p.id == me.as_str(),
            HandshakePartyType::Email => {
                self.state.accounts.get(me).is_some_and(|a| a.email.eq_ignore_ascii_case(&p.id))
            }
            HandshakePartyType::Organization => false,
        })
    }

    /// The handshake `id` and how the caller relates to it; `HandshakeNotFoundException` when
    /// it does not exist (or was purged) or the caller is no party to it.
    pub(crate) fn visible_handshake(
        &self,
        caller: &Caller,
        id: &HandshakeId,
    ) -> OrgResult<(HandshakeRecord, Side)> {
        let rec = self.state.handshakes.get(id).ok_or_else(|| handshake_not_found(id))?;
        let me = self.caller_account(caller);
        let same_org = self.state.org.as_ref().is_some_and(|o| o.id == rec.org);
        let class = self.caller_class(caller);
        let side = Side {
            recipient: self.is_recipient(rec, &me),
            sender: same_org && matches!(class, CallerClass::Management(_)),
            sender_reader: same_org
                && matches!(class, CallerClass::Management(_) | CallerClass::DelegatedAdmin(_)),
        };
        if side.recipient || side.sender_reader {
            Ok((rec.clone(), side))
        } else {
            Err(handshake_not_found(id))
        }
    }

    /// Moves a stored handshake to a state, recording when it became terminal.
    pub(crate) fn set_handshake_state(&mut self, id: &HandshakeId, state: HandshakeState, at: Timestamp) {
        if let Some(rec) = self.state.handshakes.get_mut(id) {
            rec.handshake.state = state;
            if state.is_terminal() {
                rec.terminal_at = Some(at);
            }
        }
    }

    /// The stored handshake `id` as the service returns it.
    pub(crate) fn handshake_view(&self, id: &HandshakeId) -> OrgResult<Handshake> {
        self.state.handshakes.get(id).map(|r| r.handshake.clone()).ok_or_else(|| handshake_not_found(id))
    }

    /// The `ORGANIZATION` resource of a handshake sent by `org`: its id with the management
    /// account's email and name and the feature set nested under it.
    pub(crate) fn org_resource(&self, org: &OrgState) -> HandshakeResource {
        let (email, name) = self
            .state
            .accounts
            .get(&org.management)
            .map(|a| (a.email.clone(), a.name.clone()))
            .unwrap_or_default();
        HandshakeResource {
            value: Some(org.id.to_string()),
            r#type: HandshakeResourceType::Organization,
            resources: vec![
                resource(HandshakeResourceType::MasterEmail, email),
                resource(HandshakeResourceType::MasterName, name),
                resource(HandshakeResourceType::OrganizationFeatureSet, org.feature_set.as_str()),
            ],
        }
    }

    /// The known account an invitation target designates (by id, or by email).
    fn target_account(&self, party: &HandshakeParty) -> Option<AccountId> {
        match party.r#type {
            HandshakePartyType::Account => AccountId::parse(&party.id).ok(),
            HandshakePartyType::Email => self.account_by_email_anywhere(&party.id).map(|a| a.id.clone()),
            HandshakePartyType::Organization => None,
        }
    }

    /// `InviteAccountToOrganization`: sends an INVITE handshake (state OPEN, §7.2) to an
    /// account id or email. The open invitation counts toward the account quota at once.
    pub fn invite_account_to_organization(
        &mut self,
        caller: &Caller,
        req: InviteAccountToOrganizationRequest,
    ) -> OrgResult<InviteAccountToOrganizationResponse> {
        self.tick();
        let target = req.target.clone();
        match target.r#type {
            HandshakePartyType::Organization => {
                return Err(OrgError::invalid_input(
                    InvalidInputReason::InvalidPartyTypeTarget,
                    "You can't invite an organization; the target must be an ACCOUNT or an EMAIL.",
                ));
            }
            HandshakePartyType::Account => {
                validate::length("Target.Id", &target.id, 1, 64)?;
                AccountId::parse(&target.id)?;
            }
            HandshakePartyType::Email => {
                validate::length("Target.Id", &target.id, 1, 64)?;
                validate::email("Target.Id", &target.id).map_err(|_| {
                    OrgError::invalid_input(
                        InvalidInputReason::InvalidEmailAddressTarget,
                        format!("{:?} is not a valid email address to invite.", target.id),
                    )
                })?;
            }
        }
        if let Some(notes) = &req.notes {
            validate::length("Notes", notes, 0, 1024)?;
        }
        let tags = req.tags.clone().unwrap_or_default();
        super::tags::validate_tags(&tags)?;
        self.require_management(caller, "InviteAccountToOrganization")?;
        let now = self.now();
        let quotas = self.state.quotas.clone();
        let org = self.org()?;
        if org.pending_all_features.is_some() {
            return Err(OrgError::handshake_constraint(
                HcReason::InviteDisabledDuringEnableAllFeatures,
                "You can't invite accounts while the organization is migrating to all features.",
            ));
        }
        let target_account = self.target_account(&target);
        let target_record = target_account.as_ref().and_then(|a| self.account_anywhere(a));
        if target_record.is_some_and(|a| a.membership != Membership::Standalone) {
            return Err(OrgError::handshake_constraint(
                HcReason::AlreadyInAnOrganization,
                format!("The account {} is already a member of an organization.", target.id),
            ));
        }
        let duplicate = self.state.handshakes.values().any(|r| {
            r.org == org.id
                && r.handshake.action == HandshakeAction::Invite
                && !r.handshake.state.is_terminal()
                && r.handshake.parties.iter().any(|p| {
                    p.r#type != HandshakePartyType::Organization
                        && ((p.r#type == target.r#type && p.id.eq_ignore_ascii_case(&target.id))
                            || (target_account.is_some() && self.target_account(p) == target_account))
                })
        });
        if duplicate {
            return Err(OrgError::new(
                ErrorCode::DuplicateHandshakeException,
                format!("An open invitation to {} already exists.", target.id),
            ));
        }
        if self.accounts_counted() >= quotas.max_accounts {
            return Err(OrgError::handshake_constraint(
                HcReason::AccountNumberLimitExceeded,
                format!(
                    "The organization has reached its limit of {} accounts (open invitations count).",
                    quotas.max_accounts
                ),
            ));
        }
        let day_ago = now.plus_ms(-crate::model::time::DAY_MS);
        let per_day = quotas.min_invitations_per_day.max(quotas.max_accounts);
        if org.invitation_log.iter().filter(|t| **t > day_ago).count() >= per_day {
            return Err(OrgError::handshake_constraint(
                HcReason::HandshakeRateLimitExceeded,
                format!("The organization can send at most {per_day} invitations in 24 hours."),
            ));
        }
        validate::new_tags(&tags, quotas.max_tags)?;

        let mut resources = vec![self.org_resource(org)];
        let target_kind = match target.r#type {
            HandshakePartyType::Email => HandshakeResourceType::Email,
            _ => HandshakeResourceType::Account,
        };
        resources.push(resource(target_kind, target.id.clone()));
        if let Some(notes) = &req.notes {
            resources.push(resource(HandshakeResourceType::Notes, notes.clone()));
        }
        let org_id = org.id.clone();
        let arns = org.arns(self.partition());
        let id = self.new_handshake_id();
        let handshake = Handshake {
            arn: arns.handshake(&id, HandshakeAction::Invite),
            id: id.clone(),
            parties: vec![
                HandshakeParty { id: org_id.to_string(), r#type: HandshakePartyType::Organization },
                HandshakeParty { id: target.id.clone(), r#type: target.r#type },
            ],
            state: HandshakeState::Open,
            requested_timestamp: now,
            expiration_timestamp: now.plus_days(self.state.settings.invitation_expiry_days),
            action: HandshakeAction::Invite,
            resources,
        };
        let org = self.org_mut()?;
        org.invitation_log.retain(|t| *t > day_ago);
        org.invitation_log.push(now);
        self.state.handshakes.insert(
            id,
            HandshakeRecord {
                handshake: handshake.clone(),
                org: org_id,
                invite_tags: tags,
                terminal_at: None,
                parent: None,
            },
        );
        Ok(InviteAccountToOrganizationResponse { handshake })
    }

    /// `AcceptHandshake`: the recipient accepts. An INVITE makes the (standalone) account a
    /// member in the root; APPROVE_ALL_FEATURES records a member's approval; the management
    /// account accepting the OPEN ENABLE_ALL_FEATURES handshake completes the migration.
    pub fn accept_handshake(
        &mut self,
        caller: &Caller,
        req: AcceptHandshakeRequest,
    ) -> OrgResult<AcceptHandshakeResponse> {
        self.tick();
        let id = parse_handshake_id("HandshakeId", &req.handshake_id)?;
        if let Some(out) = self.accept_elsewhere(caller, &id, &req) {
            return out;
        }
        let (rec, side) = self.visible_handshake(caller, &id)?;
        if rec.handshake.action != HandshakeAction::Invite {
            // Only invitations may be accepted from outside an organization.
            self.require_member(caller)?;
        }
        if !side.recipient {
            return Err(OrgError::access_denied(format!(
                "Only the recipient of handshake {id} can accept it; the sender can cancel it."
            )));
        }
        check_transition(&rec.handshake, HandshakeState::Accepted)?;
        let me = self.caller_account(caller);
        let now = self.now();
        match rec.handshake.action {
            HandshakeAction::Invite => self.accept_invite(&me, &rec, now)?,
            HandshakeAction::ApproveAllFeatures => {
                self.set_handshake_state(&id, HandshakeState::Accepted, now);
                self.refresh_all_features();
            }
            HandshakeAction::EnableAllFeatures => self.complete_all_features(&rec, now)?,
            _ => self.set_handshake_state(&id, HandshakeState::Accepted, now),
        }
        Ok(AcceptHandshakeResponse { handshake: self.handshake_view(&id)? })
    }

    /// Joins `me` to the organization that sent the invitation `rec`.
    fn accept_invite(&mut self, me: &AccountId, rec: &HandshakeRecord, now: Timestamp) -> OrgResult<()> {
        let max_accounts = self.state.quotas.max_accounts;
        if self.account_anywhere(me).is_some_and(|a| a.membership != Membership::Standalone) {
            return Err(OrgError::handshake_constraint(
                HcReason::AlreadyInAnOrganization,
                format!("The account {me} is already a member of an organization."),
            ));
        }
        let org = self.org().ok().filter(|o| o.id == rec.org).ok_or_else(|| {
            OrgError::new(
                ErrorCode::InvalidHandshakeTransitionException,
                format!("The organization {} that sent this invitation no longer exists.", rec.org),
            )
        })?;
        let root = ParentId::Root(org.root_id.clone());
        // This invitation is already counted; the others must leave room for it.
        if self.accounts_counted().saturating_sub(1) >= max_accounts {
            return Err(OrgError::handshake_constraint(
                HcReason::AccountNumberLimitExceeded,
                format!("The organization has reached its limit of {max_accounts} accounts."),
            ));
        }
        if !self.state.accounts.contains_key(me) {
            self.ensure_standalone_account(me.clone(), me.as_str(), &format!("{me}@example.com"));
        }
        if let Some(acc) = self.state.accounts.get_mut(me) {
            acc.membership = Membership::Member(root);
            acc.joined_method = JoinedMethod::Invited;
            acc.joined_timestamp = now;
            acc.state = AccountState::Active;
            acc.status = AccountStatus::Active;
            acc.tags = super::tags::merge_tags(&acc.tags, &rec.invite_tags);
        }
        let requested = rec.handshake.requested_timestamp;
        let org = self.org_mut()?;
        org.attach_defaults(me.as_str());
        // Accepted invitations do not count toward the daily invitation quota (§4.2).
        if let Some(pos) = org.invitation_log.iter().position(|t| *t == requested) {
            org.invitation_log.remove(pos);
        }
        self.set_handshake_state(&rec.handshake.id, HandshakeState::Accepted, now);
        Ok(())
    }

    /// `DeclineHandshake`: the recipient refuses; the sender must cancel instead. A declined
    /// invitation gives its account-quota slot back.
    pub fn decline_handshake(
        &mut self,
        caller: &Caller,
        req: DeclineHandshakeRequest,
    ) -> OrgResult<DeclineHandshakeResponse> {
        self.tick();
        let id = parse_handshake_id("HandshakeId", &req.handshake_id)?;
        let (rec, side) = self.visible_handshake(caller, &id)?;
        if !side.recipient {
            return Err(OrgError::access_denied(format!(
                "Only the recipient of handshake {id} can decline it; the sender can cancel it."
            )));
        }
        check_transition(&rec.handshake, HandshakeState::Declined)?;
        let now = self.now();
        self.set_handshake_state(&id, HandshakeState::Declined, now);
        if rec.handshake.action == HandshakeAction::EnableAllFeatures {
            // The reference does not say what declining the finalisation means; the engine
            // treats it as abandoning the migration, like CancelHandshake.
            self.end_all_features_attempt(&id, HandshakeState::Canceled, now);
        }
        Ok(DeclineHandshakeResponse { handshake: self.handshake_view(&id)? })
    }

    /// `CancelHandshake`: the sending organization's management account withdraws a
    /// handshake still REQUESTED or OPEN. Canceling ENABLE_ALL_FEATURES abandons the migration.
    pub fn cancel_handshake(
        &mut self,
        caller: &Caller,
        req: CancelHandshakeRequest,
    ) -> OrgResult<CancelHandshakeResponse> {
        self.tick();
        let id = parse_handshake_id("HandshakeId", &req.handshake_id)?;
        let (rec, side) = self.visible_handshake(caller, &id)?;
        if !side.sender {
            return Err(OrgError::access_denied(format!(
                "Only the management account of the organization that sent handshake {id} can cancel it."
            )));
        }
        check_transition(&rec.handshake, HandshakeState::Canceled)?;
        let now = self.now();
        self.set_handshake_state(&id, HandshakeState::Canceled, now);
        if rec.handshake.action == HandshakeAction::EnableAllFeatures {
            self.end_all_features_attempt(&id, HandshakeState::Canceled, now);
        }
        Ok(CancelHandshakeResponse { handshake: self.handshake_view(&id)? })
    }

    /// `DescribeHandshake`: either party; terminal handshakes stay visible for 30 days.
    pub fn describe_handshake(
        &mut self,
        caller: &Caller,
        req: DescribeHandshakeRequest,
    ) -> OrgResult<DescribeHandshakeResponse> {
        self.tick();
        let id = parse_handshake_id("HandshakeId", &req.handshake_id)?;
        let (rec, _) = self.visible_handshake(caller, &id)?;
        Ok(DescribeHandshakeResponse { handshake: rec.handshake })
    }

    /// `ListHandshakesForAccount`: the handshakes the caller received (standalone callers too).
    pub fn list_handshakes_for_account(
        &mut self,
        caller: &Caller,
        req: ListHandshakesForAccountRequest,
    ) -> OrgResult<ListHandshakesForAccountResponse> {
        const OP: &str = "ListHandshakesForAccount";
        self.tick();
        super::paginate::page_request(OP, req.next_token.as_deref(), req.max_results)?;
        check_filter(&req.filter)?;
        let me = self.caller_account(caller);
        let items = listing(
            self.state
                .handshakes
                .values()
                .filter(|r| self.is_recipient(r, &me) && filter_matches(&req.filter, r))
                .collect(),
        );
        let (handshakes, next_token) =
            super::paginate::paginate(OP, items, req.next_token.as_deref(), req.max_results)?;
        Ok(ListHandshakesForAccountResponse { handshakes, next_token })
    }

    /// `ListHandshakesForOrganization`: the handshakes the organization sent (management
    /// account or delegated administrator).
    pub fn list_handshakes_for_organization(
        &mut self,
        caller: &Caller,
        req: ListHandshakesForOrganizationRequest,
    ) -> OrgResult<ListHandshakesForOrganizationResponse> {
        const OP: &str = "ListHandshakesForOrganization";
        self.tick();
        super::paginate::page_request(OP, req.next_token.as_deref(), req.max_results)?;
        check_filter(&req.filter)?;
        self.require_reader(caller, OP)?;
        let org_id = self.org()?.id.clone();
        let items = listing(
            self.state
                .handshakes
                .values()
                .filter(|r| r.org == org_id && filter_matches(&req.filter, r))
                .collect(),
        );
        let (handshakes, next_token) =
            super::paginate::paginate(OP, items, req.next_token.as_deref(), req.max_results)?;
        Ok(ListHandshakesForOrganizationResponse { handshakes, next_token })
    }
}
