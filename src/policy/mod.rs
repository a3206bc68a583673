//! The IAM policy language (DESIGN.md §1): parsing with line:column positions, canonical
//! printing, and evaluation of a request through every layer AWS applies — RCPs, SCPs,
//! resource-based, identity, permissions boundary and session policies — with a structured
//! trace naming the deciding layer, level, policy and statement.
//!
//! Pure functions over data: depends only on `model` and `catalog`; no async, no terminal.
//! Also the organization's own policy documents: their validation as CreatePolicy does it
//! (`org_document`), the management-policy merge (`merge`) and the delegation policy
//! (`delegation`); the engine calls these, never the reverse.
//! Specification: reference/policy-evaluation.md §1–§2.

pub mod blast;
pub mod compile;
pub mod conditions;
pub mod delegation;
pub mod eval;
pub mod json;
pub mod lint;
pub mod matching;
pub mod matrix;
pub mod merge;
pub mod org;
pub mod org_document;
pub mod parse;
pub mod print;
pub mod simulate;
pub mod trace;
pub mod variables;

pub use compile::{CompiledPolicy, PolicyKind, PrincipalInfo, PrincipalKind, Request};
pub use eval::{EvaluationInput, Level, evaluate, evaluate_decision, rcp_supported};
pub use org::{AccountLevels, OrgPolicies};
pub use org_document::validate_policy_document;
pub use parse::{ParseError, PolicyDocument, parse_policy};
pub use print::print_policy;
pub use trace::{Decision, Evaluation, Layer, Trace};
