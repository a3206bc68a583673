//! `OrgError`: one error type for every backend, carrying the service's exception name and,
//! where the service sends one, its reason code.

use super::enums::aws_enum;

aws_enum! {
    /// Every Organizations exception name, as the service model spells it. `Unknown` stands
    /// for a code this build does not know; the original name is kept in `OrgError::raw_code`.
    ErrorCode {
        AwsOrganizationsNotInUseException = "AWSOrganizationsNotInUseException",
        AccessDeniedException = "AccessDeniedException",
        AccessDeniedForDependencyException = "AccessDeniedForDependencyException",
        AccountAlreadyClosedException = "AccountAlreadyClosedException",
        AccountAlreadyRegisteredException = "AccountAlreadyRegisteredException",
        AccountNotFoundException = "AccountNotFoundException",
        AccountNotRegisteredException = "AccountNotRegisteredException",
        AccountOwnerNotVerifiedException = "AccountOwnerNotVerifiedException",
        AlreadyInOrganizationException = "AlreadyInOrganizationException",
        ChildNotFoundException = "ChildNotFoundException",
        ConcurrentModificationException = "ConcurrentModificationException",
        ConflictException = "ConflictException",
        ConstraintViolationException = "ConstraintViolationException",
        CreateAccountStatusNotFoundException = "CreateAccountStatusNotFoundException",
        DestinationParentNotFoundException = "DestinationParentNotFoundException",
        DuplicateAccountException = "DuplicateAccountException",
        DuplicateHandshakeException = "DuplicateHandshakeException",
        DuplicateOrganizationalUnitException = "DuplicateOrganizationalUnitException",
        DuplicatePolicyAttachmentException = "DuplicatePolicyAttachmentException",
        DuplicatePolicyException = "DuplicatePolicyException",
        EffectivePolicyNotFoundException = "EffectivePolicyNotFoundException",
        FinalizingOrganizationException = "FinalizingOrganizationException",
        HandshakeAlreadyInStateException = "HandshakeAlreadyInStateException",
        HandshakeConstraintViolationException = "HandshakeConstraintViolationException",
        HandshakeNotFoundException = "HandshakeNotFoundException",
        InvalidHandshakeTransitionException = "InvalidHandshakeTransitionException",
        InvalidInputException = "InvalidInputException",
        MalformedPolicyDocumentException = "MalformedPolicyDocumentException",
        MasterCannotLeaveOrganizationException = "MasterCannotLeaveOrganizationException",
        OrganizationNotEmptyException = "OrganizationNotEmptyException",
        OrganizationalUnitNotEmptyException = "OrganizationalUnitNotEmptyException",
        OrganizationalUnitNotFoundException = "OrganizationalUnitNotFoundException",
        ParentNotFoundException = "ParentNotFoundException",
        PolicyChangesInProgressException = "PolicyChangesInProgressException",
        PolicyInUseException = "PolicyInUseException",
        PolicyNotAttachedException = "PolicyNotAttachedException",
        PolicyNotFoundException = "PolicyNotFoundException",
        PolicyTypeAlreadyEnabledException = "PolicyTypeAlreadyEnabledException",
        PolicyTypeNotAvailableForOrganizationException = "PolicyTypeNotAvailableForOrganizationException",
        PolicyTypeNotEnabledException = "PolicyTypeNotEnabledException",
        ResourcePolicyNotFoundException = "ResourcePolicyNotFoundException",
        RootNotFoundException = "RootNotFoundException",
        ServiceException = "ServiceException",
        SourceParentNotFoundException = "SourceParentNotFoundException",
        TargetNotFoundException = "TargetNotFoundException",
        TooManyRequestsException = "TooManyRequestsException",
        UnsupportedAPIEndpointException = "UnsupportedAPIEndpointException",
        Unknown = "UnknownError",
    }
}

aws_enum! {
    /// Reasons of `ConstraintViolationException`.
    ConstraintViolationReason {
        AccountNumberLimitExceeded = "ACCOUNT_NUMBER_LIMIT_EXCEEDED",
        HandshakeRateLimitExceeded = "HANDSHAKE_RATE_LIMIT_EXCEEDED",
        OuNumberLimitExceeded = "OU_NUMBER_LIMIT_EXCEEDED",
        OuDepthLimitExceeded = "OU_DEPTH_LIMIT_EXCEEDED",
        PolicyNumberLimitExceeded = "POLICY_NUMBER_LIMIT_EXCEEDED",
        PolicyContentLimitExceeded = "POLICY_CONTENT_LIMIT_EXCEEDED",
        MaxPolicyTypeAttachmentLimitExceeded = "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
        MinPolicyTypeAttachmentLimitExceeded = "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
        AccountCannotLeaveOrganization = "ACCOUNT_CANNOT_LEAVE_ORGANIZATION",
        AccountCannotLeaveWithoutEula = "ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA",
        AccountCannotLeaveWithoutPhoneVerification = "ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION",
        MasterAccountPaymentInstrumentRequired = "MASTER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED",
        MemberAccountPaymentInstrumentRequired = "MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED",
        AccountCreationRateLimitExceeded = "ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED",
        MasterAccountAddressDoesNotMatchMarketplace = "MASTER_ACCOUNT_ADDRESS_DOES_NOT_MATCH_MARKETPLACE",
        MasterAccountMissingContactInfo = "MASTER_ACCOUNT_MISSING_CONTACT_INFO",
        MasterAccountNotGovcloudEnabled = "MASTER_ACCOUNT_NOT_GOVCLOUD_ENABLED",
        OrganizationNotInAllFeaturesMode = "ORGANIZATION_NOT_IN_ALL_FEATURES_MODE",
        CreateOrganizationInBillingModeUnsupportedRegion = "CREATE_ORGANIZATION_IN_BILLING_MODE_UNSUPPORTED_REGION",
        EmailVerificationCodeExpired = "EMAIL_VERIFICATION_CODE_EXPIRED",
        WaitPeriodActive = "WAIT_PERIOD_ACTIVE",
        MaxTagLimitExceeded = "MAX_TAG_LIMIT_EXCEEDED",
        TagPolicyViolation = "TAG_POLICY_VIOLATION",
        MaxDelegatedAdministratorsForServiceLimitExceeded = "MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED",
        CannotRegisterMasterAsDelegatedAdministrator = "CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR",
        CannotRemoveDelegatedAdministratorFromOrg = "CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG",
        DelegatedAdministratorExistsForThisService = "DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE",
        PolicyTypeEnabledForThisService = "POLICY_TYPE_ENABLED_FOR_THIS_SERVICE",
        MasterAccountMissingBusinessLicense = "MASTER_ACCOUNT_MISSING_BUSINESS_LICENSE",
        CannotCloseManagementAccount = "CANNOT_CLOSE_MANAGEMENT_ACCOUNT",
        CloseAccountQuotaExceeded = "CLOSE_ACCOUNT_QUOTA_EXCEEDED",
        CloseAccountRequestsLimitExceeded = "CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED",
        ServiceAccessNotEnabled = "SERVICE_ACCESS_NOT_ENABLED",
        InvalidPaymentInstrument = "INVALID_PAYMENT_INSTRUMENT",
        AccountCreationNotComplete = "ACCOUNT_CREATION_NOT_COMPLETE",
        CannotRegisterSuspendedAccountAsDelegatedAdministrator = "CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR",
        AllFeaturesMigrationOrganizationSizeLimitExceeded = "ALL_FEATURES_MIGRATION_ORGANIZATION_SIZE_LIMIT_EXCEEDED",
        ResponsibilityTransferMaxLevelViolation = "RESPONSIBILITY_TRANSFER_MAX_LEVEL_VIOLATION",
        ResponsibilityTransferMaxInboundQuotaViolation = "RESPONSIBILITY_TRANSFER_MAX_INBOUND_QUOTA_VIOLATION",
        ResponsibilityTransferMaxOutboundQuotaViolation = "RESPONSIBILITY_TRANSFER_MAX_OUTBOUND_QUOTA_VIOLATION",
        ResponsibilityTransferMaxTransfersQuotaViolation = "RESPONSIBILITY_TRANSFER_MAX_TRANSFERS_QUOTA_VIOLATION",
        ActiveResponsibilityTransferProcess = "ACTIVE_RESPONSIBILITY_TRANSFER_PROCESS",
        TransferResponsibilityTargetDeletionInProgress = "TRANSFER_RESPONSIBILITY_TARGET_DELETION_IN_PROGRESS",
        TransferResponsibilitySourceDeletionInProgress = "TRANSFER_RESPONSIBILITY_SOURCE_DELETION_IN_PROGRESS",
        UnsupportedPricing = "UNSUPPORTED_PRICING",
        UnmetBillingPrerequisite = "UNMET_BILLING_PREREQUISITE",
        AccountNotActiveForTransferResponsibility = "ACCOUNT_NOT_ACTIVE_FOR_TRANSFER_RESPONSIBILITY",
        TransferResponsibilityUpdateNotAllowed = "TRANSFER_RESPONSIBILITY_UPDATE_NOT_ALLOWED",
    }
}

aws_enum! {
    /// Reasons of `HandshakeConstraintViolationException`.
    HandshakeConstraintViolationReason {
        AccountNumberLimitExceeded = "ACCOUNT_NUMBER_LIMIT_EXCEEDED",
        HandshakeRateLimitExceeded = "HANDSHAKE_RATE_LIMIT_EXCEEDED",
        AlreadyInAnOrganization = "ALREADY_IN_AN_ORGANIZATION",
        OrganizationAlreadyHasAllFeatures = "ORGANIZATION_ALREADY_HAS_ALL_FEATURES",
        OrganizationIsAlreadyPendingAllFeaturesMigration = "ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION",
        InviteDisabledDuringEnableAllFeatures = "INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES",
        PaymentInstrumentRequired = "PAYMENT_INSTRUMENT_REQUIRED",
        OrganizationFromDifferentSellerOfRecord = "ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD",
        OrganizationMembershipChangeRateLimitExceeded = "ORGANIZATION_MEMBERSHIP_CHANGE_RATE_LIMIT_EXCEEDED",
        ManagementAccountEmailNotVerified = "MANAGEMENT_ACCOUNT_EMAIL_NOT_VERIFIED",
        ResponsibilityTransferAlreadyExists = "RESPONSIBILITY_TRANSFER_ALREADY_EXISTS",
        SourceAndTargetCannotMatch = "SOURCE_AND_TARGET_CANNOT_MATCH",
        UnusedPrepaymentBalance = "UNUSED_PREPAYMENT_BALANCE",
        LegacyPermissionsStillInUse = "LEGACY_PERMISSIONS_STILL_IN_USE",
        PastDueInvoice = "PAST_DUE_INVOICE",
        TargetAccountValidationFailure = "TARGET_ACCOUNT_VALIDATION_FAILURE",
    }
}

aws_enum! {
    /// Reasons of `InvalidInputException`.
    InvalidInputReason {
        InvalidPartyTypeTarget = "INVALID_PARTY_TYPE_TARGET",
        InvalidSyntaxOrganizationArn = "INVALID_SYNTAX_ORGANIZATION_ARN",
        InvalidSyntaxPolicyId = "INVALID_SYNTAX_POLICY_ID",
        InvalidEnum = "INVALID_ENUM",
        InvalidEnumPolicyType = "INVALID_ENUM_POLICY_TYPE",
        InvalidListMember = "INVALID_LIST_MEMBER",
        MaxLengthExceeded = "MAX_LENGTH_EXCEEDED",
        MaxValueExceeded = "MAX_VALUE_EXCEEDED",
        MinLengthExceeded = "MIN_LENGTH_EXCEEDED",
        MinValueExceeded = "MIN_VALUE_EXCEEDED",
        ImmutablePolicy = "IMMUTABLE_POLICY",
        InvalidPattern = "INVALID_PATTERN",
        InvalidPatternTargetId = "INVALID_PATTERN_TARGET_ID",
        InputRequired = "INPUT_REQUIRED",
        InvalidNextToken = "INVALID_NEXT_TOKEN",
        MaxLimitExceededFilter = "MAX_LIMIT_EXCEEDED_FILTER",
        MovingAccountBetweenDifferentRoots = "MOVING_ACCOUNT_BETWEEN_DIFFERENT_ROOTS",
        InvalidFullNameTarget = "INVALID_FULL_NAME_TARGET",
        UnrecognizedServicePrincipal = "UNRECOGNIZED_SERVICE_PRINCIPAL",
        InvalidRoleName = "INVALID_ROLE_NAME",
        InvalidSystemTagsParameter = "INVALID_SYSTEM_TAGS_PARAMETER",
        DuplicateTagKey = "DUPLICATE_TAG_KEY",
        TargetNotSupported = "TARGET_NOT_SUPPORTED",
        InvalidEmailAddressTarget = "INVALID_EMAIL_ADDRESS_TARGET",
        InvalidResourcePolicyJson = "INVALID_RESOURCE_POLICY_JSON",
        InvalidPrincipal = "INVALID_PRINCIPAL",
        UnsupportedActionInResourcePolicy = "UNSUPPORTED_ACTION_IN_RESOURCE_POLICY",
        UnsupportedPolicyTypeInResourcePolicy = "UNSUPPORTED_POLICY_TYPE_IN_RESOURCE_POLICY",
        UnsupportedResourceInResourcePolicy = "UNSUPPORTED_RESOURCE_IN_RESOURCE_POLICY",
        NonDetachablePolicy = "NON_DETACHABLE_POLICY",
        CallerRequiredFieldMissing = "CALLER_REQUIRED_FIELD_MISSING",
        UnsupportedActionInResponsibilityTransfer = "UNSUPPORTED_ACTION_IN_RESPONSIBILITY_TRANSFER",
        StartDateNotBeginningOfMonth = "START_DATE_NOT_BEGINNING_OF_MONTH",
        StartDateNotBeginningOfDay = "START_DATE_NOT_BEGINNING_OF_DAY",
        StartDateTooEarly = "START_DATE_TOO_EARLY",
        StartDateTooLate = "START_DATE_TOO_LATE",
        InvalidStartDate = "INVALID_START_DATE",
        EndDateNotEndOfMonth = "END_DATE_NOT_END_OF_MONTH",
        EndDateTooEarly = "END_DATE_TOO_EARLY",
        EndDateTooLate = "END_DATE_TOO_LATE",
        InvalidEndDate = "INVALID_END_DATE",
    }
}

aws_enum! {
    /// Reasons of `AccessDeniedForDependencyException`.
    AccessDeniedForDependencyReason {
        AccessDeniedDuringCreateServiceLinkedRole = "ACCESS_DENIED_DURING_CREATE_SERVICE_LINKED_ROLE",
    }
}

/// An Organizations error: the exception name, the reason where the service sends one, and a
/// message for people. Every backend produces this same type, so the console shows the same
/// error whichever backend raised it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", self.code_str(), self.reason.as_deref().map(|r| format!(" ({r})")).unwrap_or_default())]
pub struct OrgError {
    /// The exception name.
    pub code: ErrorCode,
    /// The reason code of constraint, handshake-constraint, invalid-input and dependency errors.
    pub reason: Option<String>,
    /// What went wrong, in words.
    pub message: String,
    /// The exception name when `code` is `Unknown` (kept verbatim from the remote service).
    pub raw_code: Option<String>,
}

/// Result of an Organizations operation.
pub type OrgResult<T> = Result<T, OrgError>;

impl OrgError {
    /// An error with no reason code.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        OrgError { code, reason: None, message: message.into(), raw_code: None }
    }
    /// An error with an unrecognised exception name and optional reason, kept verbatim.
    pub fn unknown(raw_code: impl Into<String>, reason: Option<String>, message: impl Into<String>) -> Self {
        let raw: String = raw_code.into();
        match raw.parse::<ErrorCode>() {
            Ok(code) => OrgError { code, reason, message: message.into(), raw_code: None },
            Err(_) => {
                OrgError { code: ErrorCode::Unknown, reason, message: message.into(), raw_code: Some(raw) }
            }
        }
    }
    /// `ConstraintViolationException` with its reason.
    pub fn constraint(reason: ConstraintViolationReason, message: impl Into<String>) -> Self {
        Self::with_reason(ErrorCode::ConstraintViolationException, reason.as_str(), message)
    }
    /// `HandshakeConstraintViolationException` with its reason.
    pub fn handshake_constraint(
        reason: HandshakeConstraintViolationReason,
        message: impl Into<String>,
    ) -> Self {
        Self::with_reason(ErrorCode::HandshakeConstraintViolationException, reason.as_str(), message)
    }
    /// `InvalidInputException` with its reason.
    pub fn invalid_input(reason: InvalidInputReason, message: impl Into<String>) -> Self {
        Self::with_reason(ErrorCode::InvalidInputException, reason.as_str(), message)
    }
    fn with_reason(code: ErrorCode, reason: &str, message: impl Into<String>) -> Self {
        OrgError { code, reason: Some(reason.to_string()), message: message.into(), raw_code: None }
    }
    /// The exception name as the service spells it.
    pub fn code_str(&self) -> &str {
        match (&self.code, &self.raw_code) {
            (ErrorCode::Unknown, Some(raw)) => raw,
            (code, _) => code.as_str(),
        }
    }
    /// Whether this error has the given code and reason.
    pub fn is(&self, code: ErrorCode, reason: Option<&str>) -> bool {
        self.code == code && self.reason.as_deref() == reason
    }
    /// Shorthand constructors for the common not-found and access errors.
    pub fn access_denied(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::AccessDeniedException, message)
    }
    /// The caller's account is in no organization.
    pub fn not_in_use() -> Self {
        Self::new(
            ErrorCode::AwsOrganizationsNotInUseException,
            "Your account is not a member of an organization.",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_code_and_reason() {
        let e = OrgError::constraint(ConstraintViolationReason::OuDepthLimitExceeded, "too deep");
        assert_eq!(e.to_string(), "ConstraintViolationException (OU_DEPTH_LIMIT_EXCEEDED): too deep");
        assert_eq!(
            ErrorCode::AwsOrganizationsNotInUseException.as_str(),
            "AWSOrganizationsNotInUseException"
        );
        let u = OrgError::unknown("BrandNewException", None, "x");
        assert_eq!(u.code_str(), "BrandNewException");
        let k = OrgError::unknown("PolicyNotFoundException", None, "x");
        assert_eq!(k.code, ErrorCode::PolicyNotFoundException);
    }
}
