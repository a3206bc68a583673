//! AWS's own wording for the errors of Organizations, in one table: what `orgtui serve` puts in
//! an error's `Message`, so a client sees the sentences the real service sends. Sources: real
//! responses where they are published (`AccountNotFoundException`,
//! `AWSOrganizationsNotInUseException`), otherwise the service model's documentation of each
//! exception and of each `Reason` value (the text the API reference and every SDK carry).
//! Exceptions whose message AWS composes per request (`AccessDeniedException`'s "User: … is not
//! authorized …", `ServiceException`) are not in the table and keep the engine's words.

use super::error::OrgError;

/// `(exception, reason or "", message)`, by exception then reason.
#[rustfmt::skip]
const MESSAGES: &[(&str, &str, &str)] = &[
    ("AWSOrganizationsNotInUseException", "", "Your account is not a member of an organization."),
    ("AccountAlreadyClosedException", "", "You attempted to close an account that is already closed."),
    ("AccountAlreadyRegisteredException", "", "The specified account is already a delegated administrator for this Amazon Web Services service."),
    ("AccountNotFoundException", "", "You specified an account that doesn't exist."),
    ("AccountNotRegisteredException", "", "The specified account is not a delegated administrator for this Amazon Web Services service."),
    ("AccountOwnerNotVerifiedException", "", "You can't invite an existing account to your organization until you verify that you own the email address associated with the management account."),
    ("AlreadyInOrganizationException", "", "This account is already a member of an organization. An account can belong to only one organization at a time."),
    ("ChildNotFoundException", "", "We can't find an organizational unit (OU) or Amazon Web Services account with the ChildId that you specified."),
    ("ConcurrentModificationException", "", "The target of the operation is currently being modified by a different request. Try again later."),
    ("ConflictException", "", "The request failed because it conflicts with the current state of the specified resource."),
    ("CreateAccountStatusNotFoundException", "", "We can't find an create account request with the CreateAccountRequestId that you specified."),
    ("DestinationParentNotFoundException", "", "We can't find the destination container (a root or OU) with the ParentId that you specified."),
    ("DuplicateAccountException", "", "That account is already present in the specified destination."),
    ("DuplicateHandshakeException", "", "A handshake with the same action and target already exists. For example, if you invited an account to join your organization, the invited account might already have a pending invitation from this organization. If you intend to resend an invitation to an account, ensure that existing handshakes that might be considered duplicates are canceled or declined."),
    ("DuplicateOrganizationalUnitException", "", "An OU with the same name already exists."),
    ("DuplicatePolicyAttachmentException", "", "The selected policy is already attached to the specified target."),
    ("DuplicatePolicyException", "", "A policy with the same name already exists."),
    ("EffectivePolicyNotFoundException", "", "If you ran this action on the management account, this policy type is not enabled. If you ran the action on a member account, the account doesn't have an effective policy of this type. Contact the administrator of your organization about attaching a policy of this type to the account."),
    ("FinalizingOrganizationException", "", "Organizations couldn't perform the operation because your organization hasn't finished initializing. This can take up to an hour. Try again later. If after one hour you continue to receive this error, contact Amazon Web Services Support."),
    ("HandshakeAlreadyInStateException", "", "The specified handshake is already in the requested state. For example, you can't accept a handshake that was already accepted."),
    ("HandshakeNotFoundException", "", "We can't find a handshake with the HandshakeId that you specified."),
    ("InvalidHandshakeTransitionException", "", "You can't perform the operation on the handshake in its current state. For example, you can't cancel a handshake that was already accepted or accept a handshake that was already declined."),
    ("InvalidResponsibilityTransferTransitionException", "", "The responsibility transfer can't transition to the requested state because it's not in a valid state for this operation."),
    ("MalformedPolicyDocumentException", "", "The provided policy document doesn't meet the requirements of the specified policy type. For example, the syntax might be incorrect."),
    ("MasterCannotLeaveOrganizationException", "", "You can't remove a management account from an organization. If you want the management account to become a member account in another organization, you must first delete the current organization of the management account."),
    ("OrganizationNotEmptyException", "", "The organization isn't empty. To delete an organization, you must first remove all accounts except the management account."),
    ("OrganizationalUnitNotEmptyException", "", "The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again."),
    ("OrganizationalUnitNotFoundException", "", "We can't find an OU with the OrganizationalUnitId that you specified."),
    ("ParentNotFoundException", "", "We can't find a root or OU with the ParentId that you specified."),
    ("PolicyChangesInProgressException", "", "Changes to the effective policy are in progress, and its contents can't be returned. Try the operation again later."),
    ("PolicyInUseException", "", "The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation."),
    ("PolicyNotAttachedException", "", "The policy isn't attached to the specified target in the specified root."),
    ("PolicyNotFoundException", "", "We can't find a policy with the PolicyId that you specified."),
    ("PolicyTypeAlreadyEnabledException", "", "The specified policy type is already enabled in the specified root."),
    ("PolicyTypeNotAvailableForOrganizationException", "", "You can't use the specified policy type with the feature set currently enabled for this organization. For example, you can enable SCPs only after you enable all features in the organization."),
    ("PolicyTypeNotEnabledException", "", "The specified policy type isn't currently enabled in this root. You can't attach policies of the specified type to entities in a root until you enable that type in the root."),
    ("ResourcePolicyNotFoundException", "", "We can't find a resource policy request with the parameter that you specified."),
    ("ResponsibilityTransferAlreadyInStatusException", "", "The responsibility transfer is already in the status that you specified."),
    ("ResponsibilityTransferNotFoundException", "", "We can't find a transfer that you specified."),
    ("RootNotFoundException", "", "We can't find a root with the RootId that you specified."),
    ("SourceParentNotFoundException", "", "We can't find a source root or OU with the ParentId that you specified."),
    ("TargetNotFoundException", "", "We can't find a root, OU, account, or policy with the TargetId that you specified."),
    ("TooManyRequestsException", "", "You have sent too many requests in too short a period of time. The quota helps protect against denial-of-service attacks. Try again later."),
    ("UnsupportedAPIEndpointException", "", "This action isn't available in the current Amazon Web Services Region."),
    ("ConstraintViolationException", "ACCOUNT_CANNOT_LEAVE_ORGANIZATION", "You attempted to remove the management account from the organization. You can't remove the management account. Instead, after you remove all member accounts, delete the organization itself."),
    ("ConstraintViolationException", "ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION", "You attempted to remove an account from the organization that doesn't yet have enough information to exist as a standalone account. This account requires you to first complete phone verification. Follow the steps at Removing a member account from your organization in the Organizations User Guide."),
    ("ConstraintViolationException", "ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED", "You attempted to exceed the number of accounts that can be in progress at a time."),
    ("ConstraintViolationException", "ACCOUNT_CREATION_NOT_COMPLETE", "Your account setup isn't complete or your account isn't fully active. You must complete the account setup before you create an organization."),
    ("ConstraintViolationException", "ACCOUNT_NOT_ACTIVE_FOR_TRANSFER_RESPONSIBILITY", "Your account setup isn't complete or your account isn't fully active to invite or accept a Billing Transfer invitation."),
    ("ConstraintViolationException", "ACTIVE_RESPONSIBILITY_TRANSFER_PROCESS", "You cannot delete organization due to an ongoing responsibility transfer process. For example, a pending invitation or an in-progress transfer. To delete the organization, you must resolve the current transfer process."),
    ("ConstraintViolationException", "ACCOUNT_NUMBER_LIMIT_EXCEEDED", "You attempted to exceed the limit on the number of accounts in an organization. If you need more accounts, contact Amazon Web Services Support to request an increase in your limit. Or the number of invitations that you tried to send would cause you to exceed the limit of accounts in your organization. Send fewer invitations or contact Amazon Web Services Support to request an increase in the number of accounts. Deleted and closed accounts still count toward your limit. If you get this exception when running a command immediately after creating the organization, wait one hour and try again. After an hour, if the command continues to fail with this error, contact Amazon Web Services Support. ALL_FEATURES_MIGRATION_ORGANIZATION_SIZE_LIMIT_EXCEEDED: Your organization has more than 5000 accounts, and you can only use the standard migration process for organizations with less than 5000 accounts. Use the assisted migration process to enable all features mode, or create a support case for assistance if you are unable to use assisted migration."),
    ("ConstraintViolationException", "CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR", "You cannot register a suspended account as a delegated administrator."),
    ("ConstraintViolationException", "CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR", "You attempted to register the management account of the organization as a delegated administrator for an Amazon Web Services service integrated with Organizations. You can designate only a member account as a delegated administrator."),
    ("ConstraintViolationException", "CANNOT_CLOSE_MANAGEMENT_ACCOUNT", "You attempted to close the management account. To close the management account for the organization, you must first either remove or close all member accounts in the organization. Follow standard account closure process using root credentials.​"),
    ("ConstraintViolationException", "CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG", "You attempted to remove an account that is registered as a delegated administrator for a service integrated with your organization. To complete this operation, you must first deregister this account as a delegated administrator."),
    ("ConstraintViolationException", "CLOSE_ACCOUNT_QUOTA_EXCEEDED", "You have exceeded close account quota for the past 30 days."),
    ("ConstraintViolationException", "CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED", "You attempted to exceed the number of accounts that you can close at a time. ​"),
    ("ConstraintViolationException", "CREATE_ORGANIZATION_IN_BILLING_MODE_UNSUPPORTED_REGION", "To create an organization in the specified region, you must enable all features mode."),
    ("ConstraintViolationException", "DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE", "You attempted to register an Amazon Web Services account as a delegated administrator for an Amazon Web Services service that already has a delegated administrator. To complete this operation, you must first deregister any existing delegated administrators for this service."),
    ("ConstraintViolationException", "EMAIL_VERIFICATION_CODE_EXPIRED", "The email verification code is only valid for a limited period of time. You must resubmit the request and generate a new verification code."),
    ("ConstraintViolationException", "HANDSHAKE_RATE_LIMIT_EXCEEDED", "You attempted to exceed the number of handshakes that you can send in one day."),
    ("ConstraintViolationException", "INVALID_PAYMENT_INSTRUMENT", "You cannot remove an account because no supported payment method is associated with the account. Amazon Web Services does not support cards issued by financial institutions in Russia or Belarus."),
    ("ConstraintViolationException", "MASTER_ACCOUNT_ADDRESS_DOES_NOT_MATCH_MARKETPLACE", "To create an account in this organization, you first must migrate the organization's management account to the marketplace that corresponds to the management account's address. All accounts in an organization must be associated with the same marketplace."),
    ("ConstraintViolationException", "MASTER_ACCOUNT_MISSING_BUSINESS_LICENSE", "Applies only to the Amazon Web Services Regions in China. To create an organization, the master must have a valid business license."),
    ("ConstraintViolationException", "MASTER_ACCOUNT_MISSING_CONTACT_INFO", "To complete this operation, you must first provide a valid contact address and phone number for the management account. Then try the operation again."),
    ("ConstraintViolationException", "MASTER_ACCOUNT_NOT_GOVCLOUD_ENABLED", "To complete this operation, the management account must have an associated account in the Amazon Web Services GovCloud (US-West) Region."),
    ("ConstraintViolationException", "MASTER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED", "To create an organization with this management account, you first must associate a valid payment instrument, such as a credit card, with the account."),
    ("ConstraintViolationException", "MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED", "You attempted to register more delegated administrators than allowed for the service principal."),
    ("ConstraintViolationException", "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED", "You attempted to exceed the number of policies of a certain type that can be attached to an entity at one time."),
    ("ConstraintViolationException", "MAX_TAG_LIMIT_EXCEEDED", "You have exceeded the number of tags allowed on this resource."),
    ("ConstraintViolationException", "MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED", "To complete this operation with this member account, you first must associate a valid payment instrument, such as a credit card, with the account."),
    ("ConstraintViolationException", "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED", "You attempted to detach a policy from an entity that would cause the entity to have fewer than the minimum number of policies of a certain type required."),
    ("ConstraintViolationException", "ORGANIZATION_NOT_IN_ALL_FEATURES_MODE", "You attempted to perform an operation that requires the organization to be configured to support all features. An organization that supports only consolidated billing features can't perform this operation."),
    ("ConstraintViolationException", "OU_DEPTH_LIMIT_EXCEEDED", "You attempted to create an OU tree that is too many levels deep."),
    ("ConstraintViolationException", "OU_NUMBER_LIMIT_EXCEEDED", "You attempted to exceed the number of OUs that you can have in an organization."),
    ("ConstraintViolationException", "POLICY_CONTENT_LIMIT_EXCEEDED", "You attempted to create a policy that is larger than the maximum size."),
    ("ConstraintViolationException", "POLICY_NUMBER_LIMIT_EXCEEDED", "You attempted to exceed the number of policies that you can have in an organization."),
    ("ConstraintViolationException", "POLICY_TYPE_ENABLED_FOR_THIS_SERVICE", "You attempted to disable service access before you disabled the policy type (for example, SECURITYHUB_POLICY). To complete this operation, you must first disable the policy type."),
    ("ConstraintViolationException", "RESPONSIBILITY_TRANSFER_MAX_INBOUND_QUOTA_VIOLATION", "You have exceeded your inbound transfers limit."),
    ("ConstraintViolationException", "RESPONSIBILITY_TRANSFER_MAX_LEVEL_VIOLATION", "You have exceeded the maximum length of your transfer chain."),
    ("ConstraintViolationException", "RESPONSIBILITY_TRANSFER_MAX_OUTBOUND_QUOTA_VIOLATION", "You have exceeded your outbound transfers limit."),
    ("ConstraintViolationException", "RESPONSIBILITY_TRANSFER_MAX_TRANSFERS_QUOTA_VIOLATION", "You have exceeded the maximum number of inbound transfers allowed in a transfer chain."),
    ("ConstraintViolationException", "SERVICE_ACCESS_NOT_ENABLED", "You attempted to register a delegated administrator before you enabled service access. Call the EnableAWSServiceAccess API first."),
    ("ConstraintViolationException", "TAG_POLICY_VIOLATION", "You attempted to create or update a resource with tags that are not compliant with the tag policy requirements for this account."),
    ("ConstraintViolationException", "TRANSFER_RESPONSIBILITY_SOURCE_DELETION_IN_PROGRESS", "The source organization cannot accept this transfer invitation because it is marked for deletion."),
    ("ConstraintViolationException", "TRANSFER_RESPONSIBILITY_TARGET_DELETION_IN_PROGRESS", "The source organization cannot accept this transfer invitation because target organization is marked for deletion."),
    ("ConstraintViolationException", "TRANSFER_RESPONSIBILITY_UPDATE_NOT_ALLOWED", "You cannot update this transfer because it is no longer active. Transfers that have been withdrawn, declined, expired, or cancelled cannot be modified."),
    ("ConstraintViolationException", "UNMET_BILLING_PREREQUISITE", "Your current billing configuration is unsupported. Contact Amazon Web Services Support for assistance."),
    ("ConstraintViolationException", "UNSUPPORTED_PRICING", "Ineligible for Billing Transfer. Your organization is subject to a pricing agreement with Amazon Web Services that Billing Transfer does not support."),
    ("ConstraintViolationException", "WAIT_PERIOD_ACTIVE", "After you create an Amazon Web Services account, you must wait until at least four days after the account was created. Invited accounts aren't subject to this waiting period."),
    ("InvalidInputException", "CALLER_REQUIRED_FIELD_MISSING", "At least one of the required field is missing: Caller Account Id, Management Account Id or Organization Id."),
    ("InvalidInputException", "DUPLICATE_TAG_KEY", "Tag keys must be unique among the tags attached to the same entity."),
    ("InvalidInputException", "END_DATE_NOT_END_OF_MONTH", "You provided an invalid end date. The end date must be the end of the last day of the month (23.59.59.999)."),
    ("InvalidInputException", "END_DATE_TOO_EARLY", "You provided an invalid end date. The end date is too early."),
    ("InvalidInputException", "END_DATE_TOO_LATE", "You provided an invalid end date. The end date is too late."),
    ("InvalidInputException", "IMMUTABLE_POLICY", "You specified a policy that is managed by Amazon Web Services and can't be modified."),
    ("InvalidInputException", "INPUT_REQUIRED", "You must include a value for all required parameters."),
    ("InvalidInputException", "INVALID_EMAIL_ADDRESS_TARGET", "You specified an invalid email address for the invited account owner."),
    ("InvalidInputException", "INVALID_END_DATE", "The selected withdrawal date doesn't meet the minimum notice period required by your partner agreement. Visit Amazon Web Services Partner Central or contact your Amazon Web Services Channel Partner for help."),
    ("InvalidInputException", "INVALID_ENUM", "You specified an invalid value."),
    ("InvalidInputException", "INVALID_ENUM_POLICY_TYPE", "You specified an invalid policy type string."),
    ("InvalidInputException", "INVALID_FULL_NAME_TARGET", "You specified a full name that contains invalid characters."),
    ("InvalidInputException", "INVALID_LIST_MEMBER", "You provided a list to a parameter that contains at least one invalid value."),
    ("InvalidInputException", "INVALID_PAGINATION_TOKEN", "Get the value for the NextToken parameter from the response to a previous call of the operation."),
    ("InvalidInputException", "INVALID_PARTY_TYPE_TARGET", "You specified the wrong type of entity (account, organization, or email) as a party."),
    ("InvalidInputException", "INVALID_PATTERN", "You provided a value that doesn't match the required pattern. The service also validates your free-text field values against common cross-site scripting (XSS) patterns and rejects requests that contain matching values."),
    ("InvalidInputException", "INVALID_PATTERN_TARGET_ID", "You specified a policy target ID that doesn't match the required pattern."),
    ("InvalidInputException", "INVALID_PRINCIPAL", "You specified an invalid principal element in the policy."),
    ("InvalidInputException", "INVALID_ROLE_NAME", "You provided a role name that isn't valid. A role name can't begin with the reserved prefix AWSServiceRoleFor."),
    ("InvalidInputException", "INVALID_START_DATE", "The start date doesn't meet the minimum requirements."),
    ("InvalidInputException", "INVALID_SYNTAX_ORGANIZATION_ARN", "You specified an invalid Amazon Resource Name (ARN) for the organization."),
    ("InvalidInputException", "INVALID_SYNTAX_POLICY_ID", "You specified an invalid policy ID."),
    ("InvalidInputException", "INVALID_SYSTEM_TAGS_PARAMETER", "You specified a tag key that is a system tag. You can’t add, edit, or delete system tag keys because they're reserved for Amazon Web Services use. System tags don’t count against your tags per resource limit."),
    ("InvalidInputException", "MAX_FILTER_LIMIT_EXCEEDED", "You can specify only one filter parameter for the operation."),
    ("InvalidInputException", "MAX_LENGTH_EXCEEDED", "You provided a string parameter that is longer than allowed."),
    ("InvalidInputException", "MAX_VALUE_EXCEEDED", "You provided a numeric parameter that has a larger value than allowed."),
    ("InvalidInputException", "MIN_LENGTH_EXCEEDED", "You provided a string parameter that is shorter than allowed."),
    ("InvalidInputException", "MIN_VALUE_EXCEEDED", "You provided a numeric parameter that has a smaller value than allowed."),
    ("InvalidInputException", "MOVING_ACCOUNT_BETWEEN_DIFFERENT_ROOTS", "You can move an account only between entities in the same root."),
    ("InvalidInputException", "NON_DETACHABLE_POLICY", "You can't detach this Amazon Web Services Managed Policy."),
    ("InvalidInputException", "START_DATE_NOT_BEGINNING_OF_DAY", "You provided an invalid start date. The start date must be the beginning of the day (00:00:00.000)."),
    ("InvalidInputException", "START_DATE_NOT_BEGINNING_OF_MONTH", "You provided an invalid start date. The start date must be the first day of the month."),
    ("InvalidInputException", "START_DATE_TOO_EARLY", "You provided an invalid start date. The start date is too early."),
    ("InvalidInputException", "START_DATE_TOO_LATE", "You provided an invalid start date. The start date is too late."),
    ("InvalidInputException", "TARGET_NOT_SUPPORTED", "You can't perform the specified operation on that target entity."),
    ("InvalidInputException", "UNRECOGNIZED_SERVICE_PRINCIPAL", "You specified a service principal that isn't recognized."),
    ("InvalidInputException", "UNSUPPORTED_ACTION_IN_RESPONSIBILITY_TRANSFER", "You provided a value that is not supported by this operation."),
    ("HandshakeConstraintViolationException", "ACCOUNT_NUMBER_LIMIT_EXCEEDED", "You attempted to exceed the limit on the number of accounts in an organization. Note that deleted and closed accounts still count toward your limit. If you get this exception immediately after creating the organization, wait one hour and try again. If after an hour it continues to fail with this error, contact Amazon Web Services Support."),
    ("HandshakeConstraintViolationException", "ALREADY_IN_AN_ORGANIZATION", "The handshake request is invalid because the invited account is already a member of an organization."),
    ("HandshakeConstraintViolationException", "HANDSHAKE_RATE_LIMIT_EXCEEDED", "You attempted to exceed the number of handshakes that you can send in one day."),
    ("HandshakeConstraintViolationException", "INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES", "You can't issue new invitations to join an organization while it's in the process of enabling all features. You can resume inviting accounts after you finalize the process when all accounts have agreed to the change."),
    ("HandshakeConstraintViolationException", "LEGACY_PERMISSIONS_STILL_IN_USE", "Your organization must migrate to use the new IAM fine-grained actions for billing, cost management, and accounts."),
    ("HandshakeConstraintViolationException", "ORGANIZATION_ALREADY_HAS_ALL_FEATURES", "The handshake request is invalid because the organization has already enabled all features."),
    ("HandshakeConstraintViolationException", "ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD", "You can only join an organization that operates in the same Amazon Web Services partition as your account."),
    ("HandshakeConstraintViolationException", "ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION", "The handshake request is invalid because the organization has already started the process to enable all features."),
    ("HandshakeConstraintViolationException", "ORGANIZATION_MEMBERSHIP_CHANGE_RATE_LIMIT_EXCEEDED", "You attempted to change the membership of an account too quickly after its previous change."),
    ("HandshakeConstraintViolationException", "PAST_DUE_INVOICE", "Your organization has an invoice that is past due."),
    ("HandshakeConstraintViolationException", "PAYMENT_INSTRUMENT_REQUIRED", "You can't complete the operation with an account that doesn't have a payment instrument, such as a credit card, associated with it."),
    ("HandshakeConstraintViolationException", "RESPONSIBILITY_TRANSFER_ALREADY_EXISTS", "You cannot perform this operation with the current transfer."),
    ("HandshakeConstraintViolationException", "SOURCE_AND_TARGET_CANNOT_MATCH", "An account can't accept a transfer invitation if it is both the sender and recipient of the invitation."),
    ("HandshakeConstraintViolationException", "TARGET_ACCOUNT_VALIDATION_FAILURE", "Billing transfer is not available for your account. Contact your billing administrator or Amazon Web Services Support for assistance."),
    ("HandshakeConstraintViolationException", "UNUSED_PREPAYMENT_BALANCE", "Your organization has an outstanding pre-payment balance."),
];

/// AWS's message for an error: the reason's own sentence when the error carries a reason the
/// table knows, else the exception's; `None` when AWS's wording is not known (the engine's
/// message is used then).
pub fn aws_message(e: &OrgError) -> Option<&'static str> {
    let code = e.code_str();
    let reason = e.reason.as_deref().unwrap_or("");
    let find = |r: &str| MESSAGES.iter().find(|(c, rr, _)| *c == code && *rr == r).map(|(_, _, m)| *m);
    if reason.is_empty() { find("") } else { find(reason) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::error::{ErrorCode, InvalidInputReason};

    #[test]
    fn known_codes_and_reasons_get_aws_wording() {
        let e = OrgError::new(ErrorCode::AccountNotFoundException, "Account 123456789101 is not a member.");
        assert_eq!(aws_message(&e), Some("You specified an account that doesn't exist."));
        let e = OrgError::invalid_input(InvalidInputReason::InvalidPattern, "x");
        assert!(
            aws_message(&e)
                .unwrap()
                .starts_with("You provided a value that doesn't match the required pattern.")
        );
        assert_eq!(aws_message(&OrgError::new(ErrorCode::AccessDeniedException, "User: …")), None);
        assert_eq!(aws_message(&OrgError::new(ErrorCode::ServiceException, "not saved")), None);
    }

    #[test]
    fn table_is_unique_and_plain_text() {
        for (i, (c, r, m)) in MESSAGES.iter().enumerate() {
            assert!(!m.is_empty() && !m.contains('<'), "{c} {r}: {m}");
            assert!(!MESSAGES[..i].iter().any(|(c2, r2, _)| c2 == c && r2 == r), "duplicate {c} {r}");
        }
    }
}
