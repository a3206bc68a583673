//! Cost Explorer (`ce`) as the service names it: `GetCostAndUsage`'s input and output in the
//! service model's member names, its errors, the calendar month the billing data is keyed by,
//! and the service's operation list (`for_each_costexplorer_operation!`), from which the
//! backend trait, both implementations and `serve`'s table are generated.
//! `docs/reference/cost-explorer.md` is the specification.

mod month;

pub use month::Month;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Calls `$m!` with one `(WireName, method_name, Request, Response)` tuple per Cost Explorer
/// operation this project implements.
#[macro_export]
macro_rules! for_each_costexplorer_operation {
    ($m:ident) => {
        $m! {
            (GetCostAndUsage, get_cost_and_usage, GetCostAndUsageRequest, GetCostAndUsageResponse),
        }
    };
}

/// The `X-Amz-Target` prefix of every Cost Explorer operation.
pub const TARGET_PREFIX: &str = "AWSInsightsIndexService.";

/// Every operation of the Cost Explorer API (2017-10-25), so that the ones this project does not
/// implement are told apart from names the service does not have.
pub const OPERATIONS: &[&str] = &[
    "CreateAnomalyMonitor",
    "CreateAnomalySubscription",
    "CreateCostCategoryDefinition",
    "DeleteAnomalyMonitor",
    "DeleteAnomalySubscription",
    "DeleteCostCategoryDefinition",
    "DescribeCostCategoryDefinition",
    "GetAnomalies",
    "GetAnomalyMonitors",
    "GetAnomalySubscriptions",
    "GetApproximateUsageRecords",
    "GetCommitmentPurchaseAnalysis",
    "GetCostAndUsage",
    "GetCostAndUsageComparisons",
    "GetCostAndUsageWithResources",
    "GetCostCategories",
    "GetCostComparisonDrivers",
    "GetCostForecast",
    "GetDimensionValues",
    "GetReservationCoverage",
    "GetReservationPurchaseRecommendation",
    "GetReservationUtilization",
    "GetRightsizingRecommendation",
    "GetSavingsPlanPurchaseRecommendationDetails",
    "GetSavingsPlansCoverage",
    "GetSavingsPlansPurchaseRecommendation",
    "GetSavingsPlansUtilization",
    "GetSavingsPlansUtilizationDetails",
    "GetTags",
    "GetUsageForecast",
    "ListCommitmentPurchaseAnalyses",
    "ListCostAllocationTagBackfillHistory",
    "ListCostAllocationTags",
    "ListCostCategoryDefinitions",
    "ListCostCategoryResourceAssociations",
    "ListSavingsPlansPurchaseRecommendationGeneration",
    "ListTagsForResource",
    "ProvideAnomalyFeedback",
    "StartCommitmentPurchaseAnalysis",
    "StartCostAllocationTagBackfill",
    "StartSavingsPlansPurchaseRecommendationGeneration",
    "TagResource",
    "UntagResource",
    "UpdateAnomalyMonitor",
    "UpdateAnomalySubscription",
    "UpdateCostAllocationTagsStatus",
    "UpdateCostCategoryDefinition",
];

/// The metrics `GetCostAndUsage` accepts, in their documented spelling.
pub const METRICS: &[&str] = &[
    "AmortizedCost",
    "BlendedCost",
    "NetAmortizedCost",
    "NetUnblendedCost",
    "NormalizedUsageAmount",
    "UnblendedCost",
    "UsageQuantity",
];

/// The dimension keys the service admits in a `GroupBy`.
pub const GROUP_BY_DIMENSIONS: &[&str] = &[
    "AZ",
    "INSTANCE_TYPE",
    "LEGAL_ENTITY_NAME",
    "INVOICING_ENTITY",
    "LINKED_ACCOUNT",
    "OPERATION",
    "PLATFORM",
    "PURCHASE_TYPE",
    "SERVICE",
    "TENANCY",
    "RECORD_TYPE",
    "USAGE_TYPE",
];

/// A half-open date range: `Start` inclusive, `End` exclusive (`YYYY-MM-DD`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DateInterval {
    pub start: String,
    pub end: String,
}

/// One `GroupBy` entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupDefinition {
    #[serde(default)]
    pub r#type: Option<String>,
    #[serde(default)]
    pub key: Option<String>,
}

impl GroupDefinition {
    /// A `DIMENSION` grouping by `key`.
    pub fn dimension(key: &str) -> Self {
        GroupDefinition { r#type: Some("DIMENSION".into()), key: Some(key.into()) }
    }
}

/// Values of a dimension, tag or cost category to match.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DimensionValues {
    pub key: Option<String>,
    #[serde(default)]
    pub values: Vec<String>,
    pub match_options: Option<Vec<String>>,
}

/// A filter expression: exactly one root among its members.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Expression {
    pub or: Option<Vec<Expression>>,
    pub and: Option<Vec<Expression>>,
    pub not: Option<Box<Expression>>,
    pub dimensions: Option<DimensionValues>,
    pub tags: Option<DimensionValues>,
    pub cost_categories: Option<DimensionValues>,
}

impl Expression {
    /// `Dimensions{Key, Values}` with the default match options.
    pub fn dimension(key: &str, values: &[&str]) -> Self {
        Expression {
            dimensions: Some(DimensionValues {
                key: Some(key.into()),
                values: values.iter().map(|v| v.to_string()).collect(),
                match_options: None,
            }),
            ..Expression::default()
        }
    }
}

/// Input of `GetCostAndUsage`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetCostAndUsageRequest {
    pub time_period: Option<DateInterval>,
    pub granularity: Option<String>,
    #[serde(default)]
    pub metrics: Vec<String>,
    #[serde(default)]
    pub group_by: Vec<GroupDefinition>,
    pub filter: Option<Expression>,
    pub billing_view_arn: Option<String>,
    pub next_page_token: Option<String>,
}

/// An amount with its unit; `Amount` is a decimal string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MetricValue {
    pub amount: String,
    pub unit: String,
}

impl MetricValue {
    /// The amount as a number (0 when it does not parse).
    pub fn value(&self) -> f64 {
        self.amount.parse().unwrap_or(0.0)
    }
}

/// One group of a period: its keys (in `GroupBy` order) and metrics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Group {
    pub keys: Vec<String>,
    pub metrics: BTreeMap<String, MetricValue>,
}

/// The results of one time bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResultByTime {
    pub time_period: DateInterval,
    #[serde(default)]
    pub total: BTreeMap<String, MetricValue>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub estimated: bool,
}

/// A dimension value with its attributes (`description` = account name for LINKED_ACCOUNT).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DimensionValuesWithAttributes {
    pub value: String,
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}

/// Output of `GetCostAndUsage`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetCostAndUsageResponse {
    pub next_page_token: Option<String>,
    #[serde(default)]
    pub group_definitions: Vec<GroupDefinition>,
    #[serde(default)]
    pub results_by_time: Vec<ResultByTime>,
    #[serde(default)]
    pub dimension_value_attributes: Vec<DimensionValuesWithAttributes>,
}

/// The exceptions Cost Explorer answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CeErrorCode {
    ValidationException,
    AccessDeniedException,
    DataUnavailableException,
    InvalidNextTokenException,
    RequestChangedException,
    LimitExceededException,
    /// Not the service's: the call could not be made (network, credentials, decoding).
    ServiceUnavailable,
}

impl CeErrorCode {
    /// The exception shape name (`__type`).
    pub fn as_str(self) -> &'static str {
        match self {
            CeErrorCode::ValidationException => "ValidationException",
            CeErrorCode::AccessDeniedException => "AccessDeniedException",
            CeErrorCode::DataUnavailableException => "DataUnavailableException",
            CeErrorCode::InvalidNextTokenException => "InvalidNextTokenException",
            CeErrorCode::RequestChangedException => "RequestChangedException",
            CeErrorCode::LimitExceededException => "LimitExceededException",
            CeErrorCode::ServiceUnavailable => "ServiceUnavailable",
        }
    }

    /// The code for an exception name (unknown names are a service failure).
    pub fn parse(name: &str) -> CeErrorCode {
        match name {
            "ValidationException" => CeErrorCode::ValidationException,
            "AccessDeniedException" => CeErrorCode::AccessDeniedException,
            "DataUnavailableException" => CeErrorCode::DataUnavailableException,
            "InvalidNextTokenException" => CeErrorCode::InvalidNextTokenException,
            "RequestChangedException" => CeErrorCode::RequestChangedException,
            "LimitExceededException" => CeErrorCode::LimitExceededException,
            _ => CeErrorCode::ServiceUnavailable,
        }
    }
}

/// A Cost Explorer error: its exception and message, whichever backend answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", code.as_str())]
pub struct CeError {
    pub code: CeErrorCode,
    pub message: String,
}

impl CeError {
    /// A `ValidationException`.
    pub fn validation(message: impl Into<String>) -> Self {
        CeError { code: CeErrorCode::ValidationException, message: message.into() }
    }

    /// An error with any code.
    pub fn new(code: CeErrorCode, message: impl Into<String>) -> Self {
        CeError { code, message: message.into() }
    }
}

/// The result of a Cost Explorer call.
pub type CeResult<T> = Result<T, CeError>;

/// A decimal string as Cost Explorer writes amounts: up to 10 fractional digits, trailing
/// zeros dropped, `"0"` for zero.
pub fn format_amount(v: f64) -> String {
    let s = format!("{v:.10}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s {
        "" | "-0" => "0".into(),
        s => s.into(),
    }
}
