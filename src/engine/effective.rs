//! Effective management policies: the inheritance-operator merge (reference §5.8, §9).
//!
//! Only management policy types have effective policies (reference §8); SCPs and RCPs are
//! rejected at input validation, as the service's `EffectivePolicyType` enum lacks them.
//! Validation of effective policies (reference §9.4) is a per-type validator; the reference
//! gives no merged-document rules beyond the type grammars, so every type is "always valid"
//! except the one rule it states that a merged document can break: AI opt-out values must be
//! `optIn` or `optOut`.

use super::{CallerClass, Engine, Membership, OrgState, paginate};
use crate::model::error::InvalidInputReason;
use crate::model::*;
use crate::policy::merge::{self, EffectiveDocument, MergeInput, MergeLevel, MergePolicy, PathSegment};

const LIST_ACCOUNTS: &str = "ListAccountsWithInvalidEffectivePolicy";
const LIST_ERRORS: &str = "ListEffectivePolicyValidationErrors";

/// Error code of an AI opt-out value other than `optIn`/`optOut` (emulator-defined: the
/// reference names only `ELEMENTS_TOO_MANY` as an example code).
pub const INVALID_VALUE: &str = "INVALID_VALUE";

/// `InvalidInputException INVALID_ENUM_POLICY_TYPE` for SCP/RCP: effective policies exist
/// only for management policy types (the `EffectivePolicyType` enum has no SCP/RCP).
fn management_type(ty: PolicyType) -> OrgResult<PolicyType> {
    if ty.is_authorization() {
        Err(OrgError::invalid_input(
            InvalidInputReason::InvalidEnumPolicyType,
            format!("{ty} has no effective policy: only management policy types do."),
        ))
    } else {
        Ok(ty)
    }
}

/// The merge input for `target` and `ty`: every level from the root down, with the directly
/// attached policies of that type in attachment order. `None` when no policy of the type is
/// attached anywhere on the path (or the type is not enabled).
fn merge_input(org: &OrgState, levels: Vec<TargetId>, ty: PolicyType) -> Option<MergeInput> {
    if !org.type_enabled(ty) {
        return None;
    }
    let mut any = false;
    let mut out = Vec::with_capacity(levels.len());
    for target in levels {
        let mut attached: Vec<_> = org.attached_of_type(target.as_str(), ty).collect();
        attached.sort_by_key(|a| a.seq);
        any |= !attached.is_empty();
        let policies = attached
            .into_iter()
            .filter_map(|a| org.policies.get(&a.policy))
            // A stored document that does not parse (possible only in a hand-edited
            // snapshot; CreatePolicy validates) contributes nothing.
            .filter_map(|p| MergePolicy::parse(p.id.clone(), &p.content))
            .collect();
        out.push(MergeLevel { target, policies });
    }
    any.then_some(MergeInput { levels: out })
}

/// Validation errors of an effective policy of type `ty` (reference §9.4).
pub fn effective_validation_errors(
    ty: PolicyType,
    doc: &EffectiveDocument,
) -> Vec<EffectivePolicyValidationError> {
    let mut errors = Vec::new();
    if ty == PolicyType::AiservicesOptOutPolicy {
        let Some(services) = doc.value.get("services").and_then(|v| v.as_object()) else { return errors };
        for (service, settings) in services {
            let Some(value) = settings.get("opt_out_policy") else { continue };
            if value.as_str().is_some_and(|v| v == "optIn" || v == "optOut") {
                continue;
            }
            let path = [
                PathSegment::Key("services".into()),
                PathSegment::Key(service.clone()),
                PathSegment::Key("opt_out_policy".into()),
            ];
            errors.push(EffectivePolicyValidationError {
                error_code: INVALID_VALUE.into(),
                error_message: format!(
                    "The opt-out setting of {service} is {value}; it must be \"optIn\" or \"optOut\"."
                ),
                path_to_error: merge::pointer(&path),
                contributing_policies: doc
                    .contributing_policies(&path)
                    .iter()
                    .map(|p| p.as_str().to_string())
                    .collect(),
            });
        }
    }
    errors
}

impl Engine {
    /// The effective policy of type `ty` for a root, OU or account, with the origin of every
    /// value, or `None` when no policy of that type applies. For the console and the
    /// effective-policy operations; does not move time forward.
    pub fn effective_policy_document(&self, target: &TargetId, ty: PolicyType) -> Option<EffectiveDocument> {
        let org = self.state.org.as_ref()?;
        let input = merge_input(org, self.policy_levels(target), ty)?;
        Some(merge::merge(&input))
    }

    /// When effective policies of `ty` last changed.
    fn effective_updated_at(&self, org: &OrgState, ty: PolicyType) -> Timestamp {
        org.policy_changed_at.get(&ty).copied().unwrap_or(org.created_at)
    }

    /// The effective policy of a member account, or `EffectivePolicyNotFoundException`.
    fn effective_or_not_found(&self, account: &AccountId, ty: PolicyType) -> OrgResult<EffectiveDocument> {
        self.effective_policy_document(&TargetId::Account(account.clone()), ty).ok_or_else(|| {
            OrgError::new(
                ErrorCode::EffectivePolicyNotFoundException,
                format!("No effective policy of type {ty} applies to account {account}."),
            )
        })
    }

    /// `DescribeEffectivePolicy`: the merged management policy of an account (reference §5.8).
    /// Without `TargetId` the caller's own account. The management account and delegated
    /// administrators may ask about any account; other members only about themselves.
    pub fn describe_effective_policy(
        &mut self,
        caller: &Caller,
        req: DescribeEffectivePolicyRequest,
    ) -> OrgResult<DescribeEffectivePolicyResponse> {
        self.tick();
        let ty = management_type(req.policy_type)?;
        let requested = match req.target_id.as_deref() {
            None => None,
            Some(id) => match TargetId::parse(id)? {
                TargetId::Account(a) => Some(a),
                // Reference §5.8 / §15.7: roots and OUs have no effective policy through the
                // API; the reason is undocumented, TARGET_NOT_SUPPORTED is the likeliest.
                TargetId::Root(_) | TargetId::Ou(_) => {
                    return Err(OrgError::invalid_input(
                        InvalidInputReason::TargetNotSupported,
                        format!(
                            "{id} is not an account: effective policies are described for accounts only."
                        ),
                    ));
                }
            },
        };
        let class = self.require_member(caller)?;
        let me = class.account().clone();
        let account = requested.unwrap_or_else(|| me.clone());
        if matches!(class, CallerClass::Member(_)) && account != me {
            return Err(OrgError::access_denied(format!(
                "Account {me} can describe only its own effective policies, not those of {account}."
            )));
        }
        let target = self.existing_target(account.as_str())?;
        let doc = self.effective_or_not_found(&account, ty)?;
        let org = self.org()?;
        Ok(DescribeEffectivePolicyResponse {
            effective_policy: EffectivePolicy {
                policy_content: doc.to_json_string(),
                last_updated_timestamp: self.effective_updated_at(org, ty),
                target_id: target.as_str().to_string(),
                policy_type: ty,
            },
        })
    }

    /// `ListAccountsWithInvalidEffectivePolicy`: member accounts whose effective policy of the
    /// type fails validation (reference §5.8, §9.4), in account-id order.
    pub fn list_accounts_with_invalid_effective_policy(
        &mut self,
        caller: &Caller,
        req: ListAccountsWithInvalidEffectivePolicyRequest,
    ) -> OrgResult<ListAccountsWithInvalidEffectivePolicyResponse> {
        self.tick();
        let ty = management_type(req.policy_type)?;
        paginate::page_request(LIST_ACCOUNTS, req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, LIST_ACCOUNTS)?;
        let org = self.org()?;
        // No policy of the type attached anywhere (or the type disabled): no account has an
        // effective policy of the type to be invalid.
        if !org.type_enabled(ty)
            || !org.attachments.keys().any(|t| org.attached_of_type(t, ty).next().is_some())
        {
            return Err(OrgError::new(
                ErrorCode::EffectivePolicyNotFoundException,
                format!("No policy of type {ty} is attached in this organization."),
            ));
        }
        let mut invalid = Vec::new();
        for a in self.state.accounts.values() {
            if !matches!(a.membership, Membership::Member(_)) {
                continue;
            }
            let Some(doc) = self.effective_policy_document(&TargetId::Account(a.id.clone()), ty) else {
                continue;
            };
            if !effective_validation_errors(ty, &doc).is_empty() {
                invalid.push(self.account_view(a));
            }
        }
        let (accounts, next_token) =
            paginate::paginate(LIST_ACCOUNTS, invalid, req.next_token.as_deref(), req.max_results)?;
        Ok(ListAccountsWithInvalidEffectivePolicyResponse { accounts, policy_type: Some(ty), next_token })
    }

    /// `ListEffectivePolicyValidationErrors`: why an account's effective policy is invalid
    /// (empty when it is valid), with the account's path and the evaluation time.
    pub fn list_effective_policy_validation_errors(
        &mut self,
        caller: &Caller,
        req: ListEffectivePolicyValidationErrorsRequest,
    ) -> OrgResult<ListEffectivePolicyValidationErrorsResponse> {
        self.tick();
        let account = AccountId::parse(&req.account_id)?;
        let ty = management_type(req.policy_type)?;
        paginate::page_request(LIST_ERRORS, req.next_token.as_deref(), req.max_results)?;
        self.require_reader(caller, LIST_ERRORS)?;
        let org = self.org()?;
        let record = self.member(&account)?;
        let path = match &record.membership {
            Membership::Member(p) => format!("{}{}/", org.path_of(p), account),
            _ => String::new(),
        };
        let doc = self.effective_or_not_found(&account, ty)?;
        let errors = effective_validation_errors(ty, &doc);
        let (errors, next_token) =
            paginate::paginate(LIST_ERRORS, errors, req.next_token.as_deref(), req.max_results)?;
        Ok(ListEffectivePolicyValidationErrorsResponse {
            account_id: Some(account.to_string()),
            policy_type: Some(ty),
            path: Some(path),
            evaluation_timestamp: Some(self.effective_updated_at(org, ty)),
            next_token,
            effective_policy_validation_errors: errors,
        })
    }
}
