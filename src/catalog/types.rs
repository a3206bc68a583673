//! The catalogue's value types: access levels, condition key types and keys, services, and the
//! borrowed views of actions and resource types.

use std::fmt;

/// Access level of an action, as in the Service Authorization Reference. iam-data's combined
/// levels ("Tagging, Write", "Permissions management, Write") are normalised to the specific one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AccessLevel {
    /// Lists resources.
    List,
    /// Reads resources or their metadata.
    Read,
    /// Creates, changes or deletes resources.
    Write,
    /// Changes resource-based policies or permissions.
    PermissionsManagement,
    /// Changes tags only.
    Tagging,
}

impl AccessLevel {
    /// The AWS documentation's name of the level ("Permissions management", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::List => "List",
            Self::Read => "Read",
            Self::Write => "Write",
            Self::PermissionsManagement => "Permissions management",
            Self::Tagging => "Tagging",
        }
    }

    /// Whether the level changes something (Write, Permissions management or Tagging).
    pub fn is_mutating(self) -> bool {
        matches!(self, Self::Write | Self::PermissionsManagement | Self::Tagging)
    }

    pub(crate) fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "L" => Self::List,
            "R" => Self::Read,
            "W" => Self::Write,
            "P" => Self::PermissionsManagement,
            "T" => Self::Tagging,
            _ => return None,
        })
    }
}

impl fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Type of a condition key's values. `ArrayOf…` keys are multivalued (use them with the
/// `ForAllValues:`/`ForAnyValue:` set operators).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConditionType {
    /// A string.
    String,
    /// An ARN.
    Arn,
    /// `true`/`false`.
    Bool,
    /// An ISO-8601 date or epoch seconds.
    Date,
    /// An IPv4/IPv6 address or CIDR.
    IpAddress,
    /// An integer or decimal.
    Numeric,
    /// Base64 binary.
    Binary,
    /// A set of strings.
    ArrayOfString,
    /// A set of ARNs.
    ArrayOfArn,
    /// A set of booleans.
    ArrayOfBool,
    /// A set of dates.
    ArrayOfDate,
    /// A set of IP addresses.
    ArrayOfIpAddress,
    /// A set of numbers.
    ArrayOfNumeric,
    /// A set of binary values.
    ArrayOfBinary,
}

impl ConditionType {
    /// Parses iam-data's spelling (`String`, `ARN`, `IPAddress`, `ArrayOfString`, ...).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "String" => Self::String,
            "ARN" => Self::Arn,
            "Bool" => Self::Bool,
            "Date" => Self::Date,
            "IPAddress" => Self::IpAddress,
            "Numeric" => Self::Numeric,
            "Binary" => Self::Binary,
            "ArrayOfString" => Self::ArrayOfString,
            "ArrayOfARN" => Self::ArrayOfArn,
            "ArrayOfBool" => Self::ArrayOfBool,
            "ArrayOfDate" => Self::ArrayOfDate,
            "ArrayOfIPAddress" => Self::ArrayOfIpAddress,
            "ArrayOfNumeric" => Self::ArrayOfNumeric,
            "ArrayOfBinary" => Self::ArrayOfBinary,
            _ => return None,
        })
    }

    /// iam-data's spelling of the type.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::String => "String",
            Self::Arn => "ARN",
            Self::Bool => "Bool",
            Self::Date => "Date",
            Self::IpAddress => "IPAddress",
            Self::Numeric => "Numeric",
            Self::Binary => "Binary",
            Self::ArrayOfString => "ArrayOfString",
            Self::ArrayOfArn => "ArrayOfARN",
            Self::ArrayOfBool => "ArrayOfBool",
            Self::ArrayOfDate => "ArrayOfDate",
            Self::ArrayOfIpAddress => "ArrayOfIPAddress",
            Self::ArrayOfNumeric => "ArrayOfNumeric",
            Self::ArrayOfBinary => "ArrayOfBinary",
        }
    }

    /// Whether the key is multivalued (`ArrayOf…`).
    pub fn is_multivalued(self) -> bool {
        self != self.scalar()
    }

    /// The element type: `ArrayOfString` → `String`; scalar types map to themselves.
    pub fn scalar(self) -> Self {
        match self {
            Self::ArrayOfString => Self::String,
            Self::ArrayOfArn => Self::Arn,
            Self::ArrayOfBool => Self::Bool,
            Self::ArrayOfDate => Self::Date,
            Self::ArrayOfIpAddress => Self::IpAddress,
            Self::ArrayOfNumeric => Self::Numeric,
            Self::ArrayOfBinary => Self::Binary,
            other => other,
        }
    }
}

impl fmt::Display for ConditionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A condition key: global (`aws:…` and the global-like session keys) or of one service.
/// Templated keys (`aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/<key>`) match any key that
/// replaces the placeholder by non-empty text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConditionKey {
    pub(crate) name: &'static str,
    pub(crate) ty: ConditionType,
    /// Byte range of the placeholder in `name`.
    pub(crate) placeholder: Option<(usize, usize)>,
    /// Global keys: iam-data's category (principal, session, network, resource, request).
    pub(crate) category: Option<&'static str>,
    /// Service keys: the service prefix whose table lists the key.
    pub(crate) service: Option<&'static str>,
}

impl ConditionKey {
    /// The key as the catalogue spells it (e.g. `aws:RequestTag/${TagKey}`).
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Type of the key's values.
    pub fn ty(&self) -> ConditionType {
        self.ty
    }

    /// Whether the key has a placeholder (`${TagKey}`, `<key>`, ...).
    pub fn is_templated(&self) -> bool {
        self.placeholder.is_some()
    }

    /// Whether the key comes from the global condition key table.
    pub fn is_global(&self) -> bool {
        self.category.is_some()
    }

    /// Category of a global key (principal, session, network, resource, request).
    pub fn category(&self) -> Option<&'static str> {
        self.category
    }

    /// Prefix of the service whose table lists the key (None for global keys).
    pub fn service(&self) -> Option<&'static str> {
        self.service
    }

    /// Whether `key` names this key (ASCII case-insensitive; a placeholder matches any non-empty
    /// text).
    pub fn matches(&self, key: &str) -> bool {
        let (name, key) = (self.name.as_bytes(), key.as_bytes());
        match self.placeholder {
            None => name.eq_ignore_ascii_case(key),
            Some((start, end)) => {
                let (Some(head), Some(tail)) = (name.get(..start), name.get(end..)) else { return false };
                key.len() > head.len() + tail.len()
                    && key.get(..head.len()).is_some_and(|k| k.eq_ignore_ascii_case(head))
                    && key.get(key.len() - tail.len()..).is_some_and(|k| k.eq_ignore_ascii_case(tail))
            }
        }
    }
}

/// Index range into one of a service's pools.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Span {
    pub start: u32,
    pub len: u32,
}

impl Span {
    pub fn slice<T>(self, pool: &[T]) -> &[T] {
        let start = self.start as usize;
        pool.get(start..start.saturating_add(self.len as usize)).unwrap_or(&[])
    }
}

#[derive(Debug)]
pub(crate) struct ResourceData {
    pub name: &'static str,
    pub arn: &'static str,
    pub keys: Span,
}

#[derive(Debug)]
pub(crate) struct RefData {
    pub resource: u16,
    pub required: bool,
    pub keys: Span,
}

#[derive(Debug)]
pub(crate) struct ActionData {
    pub name: &'static str,
    pub level: AccessLevel,
    pub refs: Span,
    pub keys: Span,
}

/// One AWS service (an IAM service prefix) with its actions, resource types and condition keys.
#[derive(Debug)]
pub struct Service {
    pub(crate) prefix: &'static str,
    pub(crate) name: &'static str,
    pub(crate) rcp: bool,
    pub(crate) keys: Vec<ConditionKey>,
    pub(crate) resources: Vec<ResourceData>,
    pub(crate) actions: Vec<ActionData>,
    pub(crate) key_pool: Vec<u16>,
    pub(crate) ref_pool: Vec<RefData>,
}

impl Service {
    /// The service prefix (`s3`, `organizations`).
    pub fn prefix(&self) -> &'static str {
        self.prefix
    }

    /// The service's name (`Amazon S3`).
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Whether resource control policies apply to this service's actions.
    pub fn rcp_supported(&self) -> bool {
        self.rcp
    }

    /// The service's actions, sorted case-insensitively.
    pub fn actions(&self) -> impl ExactSizeIterator<Item = Action<'_>> {
        self.actions.iter().map(move |data| Action { service: self, data })
    }

    /// The service's action named `name` (case-insensitive, without the prefix).
    pub fn action(&self, name: &str) -> Option<Action<'_>> {
        let i = self.actions.binary_search_by(|a| super::wildcard::cmp_str_ci(a.name, name)).ok()?;
        self.actions.get(i).map(|data| Action { service: self, data })
    }

    /// The service's resource types, sorted case-insensitively.
    pub fn resource_types(&self) -> impl ExactSizeIterator<Item = ResourceType<'_>> {
        self.resources.iter().map(move |data| ResourceType { service: self, data })
    }

    /// The resource type named `name` (case-insensitive, e.g. `object`, `bucket`).
    pub fn resource_type(&self, name: &str) -> Option<ResourceType<'_>> {
        let i = self.resources.binary_search_by(|r| super::wildcard::cmp_str_ci(r.name, name)).ok()?;
        self.resources.get(i).map(|data| ResourceType { service: self, data })
    }

    /// The condition keys of the service's table (including the `aws:` tag keys it supports).
    pub fn condition_keys(&self) -> &[ConditionKey] {
        &self.keys
    }

    /// The key of the service's table that `name` names: exact (case-insensitive) first, then a
    /// templated key whose placeholder matches.
    pub fn condition_key(&self, name: &str) -> Option<&ConditionKey> {
        self.keys
            .binary_search_by(|k| super::wildcard::cmp_str_ci(k.name, name))
            .ok()
            .and_then(|i| self.keys.get(i))
            .or_else(|| self.keys.iter().find(|k| k.is_templated() && k.matches(name)))
    }

    fn keys_of(&self, span: Span) -> impl Iterator<Item = &ConditionKey> + '_ {
        span.slice(&self.key_pool).iter().filter_map(|&i| self.keys.get(i as usize))
    }
}

/// An action of a service (borrowed view).
#[derive(Clone, Copy, Debug)]
pub struct Action<'a> {
    pub(crate) service: &'a Service,
    pub(crate) data: &'a ActionData,
}

impl<'a> Action<'a> {
    /// The action's service.
    pub fn service(&self) -> &'a Service {
        self.service
    }

    /// The service prefix (`s3`).
    pub fn prefix(&self) -> &'static str {
        self.service.prefix
    }

    /// The action name without prefix, in AWS's spelling (`GetObject`).
    pub fn name(&self) -> &'static str {
        self.data.name
    }

    /// `prefix:Name` (`s3:GetObject`).
    pub fn full_name(&self) -> String {
        format!("{}:{}", self.service.prefix, self.data.name)
    }

    /// The action's access level.
    pub fn access_level(&self) -> AccessLevel {
        self.data.level
    }

    /// The resource types the action can be authorized against (empty: only `*`).
    pub fn resource_types(&self) -> impl Iterator<Item = ActionResource<'a>> + 'a {
        let service = self.service;
        self.data.refs.slice(&service.ref_pool).iter().filter_map(move |r| {
            let data = service.resources.get(r.resource as usize)?;
            Some(ActionResource { resource: ResourceType { service, data }, data: r })
        })
    }

    /// Condition keys the action supports regardless of resource type.
    pub fn condition_keys(&self) -> impl Iterator<Item = &'a ConditionKey> + 'a {
        self.service.keys_of(self.data.keys)
    }

    /// Whether the action supports only `"Resource": "*"` (lists no resource type).
    pub fn is_wildcard_only(&self) -> bool {
        self.data.refs.len == 0
    }
}

/// A resource type of a service (borrowed view).
#[derive(Clone, Copy, Debug)]
pub struct ResourceType<'a> {
    pub(crate) service: &'a Service,
    pub(crate) data: &'a ResourceData,
}

impl<'a> ResourceType<'a> {
    /// The resource type's service.
    pub fn service(&self) -> &'a Service {
        self.service
    }

    /// The resource type's name (`object`, `bucket`).
    pub fn name(&self) -> &'static str {
        self.data.name
    }

    /// The ARN format, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
    pub fn arn_format(&self) -> &'static str {
        self.data.arn
    }

    /// Condition keys that apply to the resource type.
    pub fn condition_keys(&self) -> impl Iterator<Item = &'a ConditionKey> + 'a {
        self.service.keys_of(self.data.keys)
    }
}

/// A resource type as listed for one action (with its required flag).
#[derive(Clone, Copy, Debug)]
pub struct ActionResource<'a> {
    resource: ResourceType<'a>,
    data: &'a RefData,
}

impl<'a> ActionResource<'a> {
    /// The resource type.
    pub fn resource_type(&self) -> ResourceType<'a> {
        self.resource
    }

    /// The resource type's name.
    pub fn name(&self) -> &'static str {
        self.resource.data.name
    }

    /// Whether the Service Authorization Reference marks the resource type as required (`*`).
    pub fn required(&self) -> bool {
        self.data.required
    }

    /// Condition keys that apply to the action only with this resource type.
    pub fn condition_keys(&self) -> impl Iterator<Item = &'a ConditionKey> + 'a {
        self.resource.service.keys_of(self.data.keys)
    }
}
