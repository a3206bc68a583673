//! The service's enumerations, spelled exactly as the service model spells them.

/// Declares a string enum with the service's spelling, `as_str`, `FromStr`, `ALL` and serde.
macro_rules! aws_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            #[default]
            $(#[serde(rename = $text)] $variant),+
        }
        impl $name {
            /// Every value, in the service model's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The value as the service spells it.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(format!("unknown {} value {s:?}", stringify!($name))),
                }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use aws_enum;

aws_enum! {
    /// The organization's feature set.
    FeatureSet { All = "ALL", ConsolidatedBilling = "CONSOLIDATED_BILLING" }
}

aws_enum! {
    /// Every policy type the service knows.
    PolicyType {
        ServiceControlPolicy = "SERVICE_CONTROL_POLICY",
        ResourceControlPolicy = "RESOURCE_CONTROL_POLICY",
        TagPolicy = "TAG_POLICY",
        BackupPolicy = "BACKUP_POLICY",
        AiservicesOptOutPolicy = "AISERVICES_OPT_OUT_POLICY",
        ChatbotPolicy = "CHATBOT_POLICY",
        DeclarativePolicyEc2 = "DECLARATIVE_POLICY_EC2",
        SecurityhubPolicy = "SECURITYHUB_POLICY",
        SecurityhubCspmPolicy = "SECURITYHUB_CSPM_POLICY",
        InspectorPolicy = "INSPECTOR_POLICY",
        UpgradeRolloutPolicy = "UPGRADE_ROLLOUT_POLICY",
        BedrockPolicy = "BEDROCK_POLICY",
        S3Policy = "S3_POLICY",
        NetworkSecurityDirectorPolicy = "NETWORK_SECURITY_DIRECTOR_POLICY",
        GuarddutyPolicy = "GUARDDUTY_POLICY",
    }
}

impl PolicyType {
    /// Authorization policies (SCP, RCP) filter permissions; every other type is a
    /// management policy with an effective policy computed by inheritance operators.
    pub fn is_authorization(self) -> bool {
        matches!(self, PolicyType::ServiceControlPolicy | PolicyType::ResourceControlPolicy)
    }
    /// Lower-case name used inside policy ARNs (`service_control_policy`).
    pub fn arn_segment(self) -> String {
        self.as_str().to_ascii_lowercase()
    }
    /// A short label for screens and exports.
    pub fn short_name(self) -> &'static str {
        match self {
            PolicyType::ServiceControlPolicy => "SCP",
            PolicyType::ResourceControlPolicy => "RCP",
            PolicyType::TagPolicy => "Tag",
            PolicyType::BackupPolicy => "Backup",
            PolicyType::AiservicesOptOutPolicy => "AI opt-out",
            PolicyType::ChatbotPolicy => "Chat apps",
            PolicyType::DeclarativePolicyEc2 => "Declarative EC2",
            PolicyType::SecurityhubPolicy => "Security Hub",
            PolicyType::SecurityhubCspmPolicy => "Security Hub CSPM",
            PolicyType::InspectorPolicy => "Inspector",
            PolicyType::UpgradeRolloutPolicy => "Upgrade rollout",
            PolicyType::BedrockPolicy => "Bedrock",
            PolicyType::S3Policy => "S3",
            PolicyType::NetworkSecurityDirectorPolicy => "Network Security Director",
            PolicyType::GuarddutyPolicy => "GuardDuty",
        }
    }
}

aws_enum! {
    /// Kind of child in `ListChildren`.
    ChildType { Account = "ACCOUNT", OrganizationalUnit = "ORGANIZATIONAL_UNIT" }
}
aws_enum! {
    /// Kind of parent in `ListParents`.
    ParentType { Root = "ROOT", OrganizationalUnit = "ORGANIZATIONAL_UNIT" }
}
aws_enum! {
    /// Kind of policy target.
    TargetType { Account = "ACCOUNT", OrganizationalUnit = "ORGANIZATIONAL_UNIT", Root = "ROOT" }
}
aws_enum! {
    /// State of a `CreateAccount` request.
    CreateAccountState { InProgress = "IN_PROGRESS", Succeeded = "SUCCEEDED", Failed = "FAILED" }
}
aws_enum! {
    /// Whether IAM users of a new account may see billing.
    IamUserAccessToBilling { Allow = "ALLOW", Deny = "DENY" }
}
aws_enum! {
    /// What a handshake asks for.
    HandshakeAction {
        Invite = "INVITE",
        EnableAllFeatures = "ENABLE_ALL_FEATURES",
        ApproveAllFeatures = "APPROVE_ALL_FEATURES",
        AddOrganizationsServiceLinkedRole = "ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE",
        TransferResponsibility = "TRANSFER_RESPONSIBILITY",
    }
}
aws_enum! {
    /// Kind of handshake party.
    HandshakePartyType { Account = "ACCOUNT", Organization = "ORGANIZATION", Email = "EMAIL" }
}
aws_enum! {
    /// Handshake state machine (reference §7.2).
    HandshakeState {
        Requested = "REQUESTED",
        Open = "OPEN",
        Canceled = "CANCELED",
        Accepted = "ACCEPTED",
        Declined = "DECLINED",
        Expired = "EXPIRED",
    }
}
impl HandshakeState {
    /// Accepted, declined, canceled and expired handshakes can no longer change.
    pub fn is_terminal(self) -> bool {
        !matches!(self, HandshakeState::Requested | HandshakeState::Open)
    }
}
aws_enum! {
    /// Kind of entry in a handshake's resource tree.
    HandshakeResourceType {
        Account = "ACCOUNT",
        Organization = "ORGANIZATION",
        OrganizationFeatureSet = "ORGANIZATION_FEATURE_SET",
        Email = "EMAIL",
        MasterEmail = "MASTER_EMAIL",
        MasterName = "MASTER_NAME",
        Notes = "NOTES",
        ParentHandshake = "PARENT_HANDSHAKE",
        ResponsibilityTransfer = "RESPONSIBILITY_TRANSFER",
        TransferStartTimestamp = "TRANSFER_START_TIMESTAMP",
        TransferType = "TRANSFER_TYPE",
        ManagementAccount = "MANAGEMENT_ACCOUNT",
        ManagementEmail = "MANAGEMENT_EMAIL",
        ManagementName = "MANAGEMENT_NAME",
    }
}
aws_enum! {
    /// Account lifecycle state (reference §7.3).
    AccountState {
        Active = "ACTIVE",
        PendingActivation = "PENDING_ACTIVATION",
        Suspended = "SUSPENDED",
        PendingClosure = "PENDING_CLOSURE",
        Closed = "CLOSED",
    }
}
aws_enum! {
    /// Legacy account status, still returned beside `State`.
    AccountStatus { Active = "ACTIVE", Suspended = "SUSPENDED", PendingClosure = "PENDING_CLOSURE" }
}
aws_enum! {
    /// How an account joined its organization.
    JoinedMethod { Invited = "INVITED", Created = "CREATED" }
}
aws_enum! {
    /// Status of a policy type in the root.
    PolicyTypeStatus { Enabled = "ENABLED", PendingEnable = "PENDING_ENABLE", PendingDisable = "PENDING_DISABLE" }
}
aws_enum! {
    /// Why an asynchronous `CreateAccount` failed.
    CreateAccountFailureReason {
        AccountLimitExceeded = "ACCOUNT_LIMIT_EXCEEDED",
        EmailAlreadyExists = "EMAIL_ALREADY_EXISTS",
        InvalidAddress = "INVALID_ADDRESS",
        InvalidEmail = "INVALID_EMAIL",
        ConcurrentAccountModification = "CONCURRENT_ACCOUNT_MODIFICATION",
        InternalFailure = "INTERNAL_FAILURE",
        GovcloudAccountAlreadyExists = "GOVCLOUD_ACCOUNT_ALREADY_EXISTS",
        MissingBusinessValidation = "MISSING_BUSINESS_VALIDATION",
        FailedBusinessValidation = "FAILED_BUSINESS_VALIDATION",
        PendingBusinessValidation = "PENDING_BUSINESS_VALIDATION",
        InvalidIdentityForBusinessValidation = "INVALID_IDENTITY_FOR_BUSINESS_VALIDATION",
        UnknownBusinessValidation = "UNKNOWN_BUSINESS_VALIDATION",
        MissingPaymentInstrument = "MISSING_PAYMENT_INSTRUMENT",
        InvalidPaymentInstrument = "INVALID_PAYMENT_INSTRUMENT",
        UpdateExistingResourcePolicyWithTagsNotSupported = "UPDATE_EXISTING_RESOURCE_POLICY_WITH_TAGS_NOT_SUPPORTED",
    }
}
