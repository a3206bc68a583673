//! The `orgtui simulate` request format (DESIGN.md §4): one JSON request or JSON Lines in, one
//! JSON result per request out, in order. Invalid input names the line and the field.
//!
//! Request fields: `principal` (ARN), `action`, `resource` (ARN or `*`), optional
//! `resourceAccount`, `context` (key → string or list of strings; numbers and booleans are taken
//! as their text), `identityPolicies` (list of documents), `permissionBoundary`,
//! `sessionPolicy` (a document or a list of documents), `resourcePolicy`, and either `account`
//! (SCP/RCP levels from the organization) or explicit `scps` / `rcps` (levels root first, each a
//! list of documents). A document is a JSON object or a string holding one.

use super::compile::{CompiledPolicy, PolicyKind, Request};
use super::eval::{EvaluationInput, Level, evaluate};
use super::json::{self, Json, JsonValue, Pos};
use super::org::OrgPolicies;
use super::parse::{self, ParseError};
use super::trace::Evaluation;
use std::fmt;
use std::sync::Arc;

/// Invalid input: the line, the field and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub line: u32,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "line {}: field {field}: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

impl std::error::Error for InputError {}

/// Where the SCP and RCP levels come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Levels {
    /// From the organization, for this account (the principal's).
    Org { account: String },
    /// Given in the request (`None`: that layer is absent).
    Explicit { scps: Option<Vec<Level>>, rcps: Option<Vec<Level>> },
}

/// One parsed and compiled simulation request.
#[derive(Debug, Clone, PartialEq)]
pub struct SimRequest {
    /// Line where the request starts.
    pub line: u32,
    pub request: Request,
    pub identity: Vec<CompiledPolicy>,
    pub boundary: Option<CompiledPolicy>,
    pub session: Vec<CompiledPolicy>,
    pub resource_policy: Option<CompiledPolicy>,
    pub levels: Levels,
}

impl SimRequest {
    /// Whether it needs the organization.
    pub fn needs_org(&self) -> bool {
        matches!(self.levels, Levels::Org { .. })
    }
}

fn ierr(pos: Pos, field: &str, message: impl Into<String>) -> InputError {
    InputError { line: pos.line, field: Some(field.to_string()), message: message.into() }
}

/// Parses every request of the input (one JSON value, or several separated by whitespace).
pub fn parse_requests(text: &str) -> Result<Vec<SimRequest>, InputError> {
    let values = json::parse_many(text).map_err(|e| InputError {
        line: e.pos.line,
        field: None,
        message: format!("column {}: malformed JSON: {}", e.pos.col, e.message),
    })?;
    if values.is_empty() {
        return Err(InputError { line: 1, field: None, message: "no request given".into() });
    }
    values.iter().map(parse_request).collect()
}

fn string_field<'a>(v: &'a Json, field: &str) -> Result<&'a str, InputError> {
    v.as_str().ok_or_else(|| ierr(v.pos, field, format!("must be a string, found {}", v.kind())))
}

fn account_field(v: &Json, field: &str) -> Result<String, InputError> {
    let s = string_field(v, field)?;
    if s.len() == 12 && s.bytes().all(|c| c.is_ascii_digit()) {
        Ok(s.to_string())
    } else {
        Err(ierr(v.pos, field, format!("must be a 12-digit account id, found {s:?}")))
    }
}

/// A policy document: an object, or a string holding one.
fn document(v: &Json, field: &str, kind: PolicyKind) -> Result<CompiledPolicy, InputError> {
    let doc = match &v.value {
        JsonValue::Object(_) => parse::from_json(v).map_err(|e| policy_err(e, field, None))?,
        JsonValue::String(s) => parse::parse_policy(s).map_err(|e| policy_err(e, field, Some(v.pos)))?,
        _ => {
            return Err(ierr(
                v.pos,
                field,
                format!("must be a policy document (object or string), found {}", v.kind()),
            ));
        }
    };
    Ok(CompiledPolicy::compile(field, kind, doc))
}

fn policy_err(e: ParseError, field: &str, inside_string_at: Option<Pos>) -> InputError {
    match inside_string_at {
        None => InputError { line: e.pos.line, field: Some(field.to_string()), message: e.to_string() },
        Some(at) => InputError {
            line: at.line,
            field: Some(field.to_string()),
            message: format!("{e} (position inside the string)"),
        },
    }
}

fn list<'a>(v: &'a Json, field: &str) -> Result<&'a [Json], InputError> {
    match &v.value {
        JsonValue::Array(items) => Ok(items),
        _ => Err(ierr(v.pos, field, format!("must be a list, found {}", v.kind()))),
    }
}

fn levels(v: &Json, field: &str, kind: PolicyKind) -> Result<Vec<Level>, InputError> {
    let lv = list(v, field)?;
    let n = lv.len();
    lv.iter()
        .enumerate()
        .map(|(i, level)| {
            let f = format!("{field}[{i}]");
            let policies = list(level, &f)?
                .iter()
                .enumerate()
                .map(|(j, d)| document(d, &format!("{f}[{j}]"), kind).map(Arc::new))
                .collect::<Result<Vec<_>, _>>()?;
            let id = match i {
                0 => "root".to_string(),
                i if i + 1 == n => "account".to_string(),
                i => format!("ou-level-{i}"),
            };
            Ok(Level { id: Arc::from(id), policies })
        })
        .collect()
}

fn context(v: &Json) -> Result<Vec<(String, Vec<String>)>, InputError> {
    let Some(members) = v.as_object() else {
        return Err(ierr(v.pos, "context", format!("must be an object, found {}", v.kind())));
    };
    let scalar = |x: &Json, f: &str| -> Result<String, InputError> {
        match &x.value {
            JsonValue::String(s) => Ok(s.clone()),
            JsonValue::Number(n) => Ok(n.clone()),
            JsonValue::Bool(b) => Ok(b.to_string()),
            _ => Err(ierr(x.pos, f, format!("must be a string or a list of strings, found {}", x.kind()))),
        }
    };
    members
        .iter()
        .map(|m| {
            let f = format!("context.{}", m.key);
            let values = match &m.value.value {
                JsonValue::Array(items) => {
                    items.iter().map(|x| scalar(x, &f)).collect::<Result<Vec<_>, _>>()?
                }
                _ => vec![scalar(&m.value, &f)?],
            };
            Ok((m.key.clone(), values))
        })
        .collect()
}

fn parse_request(v: &Json) -> Result<SimRequest, InputError> {
    let Some(members) = v.as_object() else {
        return Err(InputError {
            line: v.pos.line,
            field: None,
            message: format!("a request must be a JSON object, found {}", v.kind()),
        });
    };
    let (mut principal, mut action, mut resource, mut resource_account, mut account) =
        (None, None, None, None, None);
    let mut ctx = Vec::new();
    let mut identity = Vec::new();
    let (mut boundary, mut resource_policy) = (None, None);
    let mut session = Vec::new();
    let (mut scps, mut rcps) = (None, None);
    let mut explicit_at: Option<(Pos, &str)> = None;
    for m in members {
        let f = m.key.as_str();
        let val = &m.value;
        match f {
            "principal" => principal = Some(string_field(val, f)?),
            "action" => {
                let a = string_field(val, f)?;
                if !a.contains(':') {
                    return Err(ierr(val.pos, f, format!("must be service:Action, found {a:?}")));
                }
                action = Some(a);
            }
            "resource" => resource = Some(string_field(val, f)?),
            "resourceAccount" => resource_account = Some(account_field(val, f)?),
            "account" => account = Some((val.pos, account_field(val, f)?)),
            "context" => ctx = context(val)?,
            "identityPolicies" => {
                identity = list(val, f)?
                    .iter()
                    .enumerate()
                    .map(|(i, d)| document(d, &format!("identityPolicies[{i}]"), PolicyKind::Identity))
                    .collect::<Result<_, _>>()?;
            }
            "permissionBoundary" => boundary = Some(document(val, f, PolicyKind::Boundary)?),
            "sessionPolicy" => {
                session = match &val.value {
                    JsonValue::Array(items) => items
                        .iter()
                        .enumerate()
                        .map(|(i, d)| document(d, &format!("sessionPolicy[{i}]"), PolicyKind::Session))
                        .collect::<Result<_, _>>()?,
                    _ => vec![document(val, f, PolicyKind::Session)?],
                };
            }
            "resourcePolicy" => resource_policy = Some(document(val, f, PolicyKind::Resource)?),
            "scps" => {
                scps = Some(levels(val, f, PolicyKind::Scp)?);
                explicit_at = Some((m.key_pos, "scps"));
            }
            "rcps" => {
                rcps = Some(levels(val, f, PolicyKind::Rcp)?);
                explicit_at = Some((m.key_pos, "rcps"));
            }
            other => return Err(ierr(m.key_pos, other, "unknown field")),
        }
    }
    let missing =
        |f: &str| InputError { line: v.pos.line, field: Some(f.to_string()), message: "missing".into() };
    let principal = principal.ok_or_else(|| missing("principal"))?;
    let action = action.ok_or_else(|| missing("action"))?;
    let resource = resource.ok_or_else(|| missing("resource"))?;
    let levels = match (account, explicit_at) {
        (Some(_), Some((pos, f))) => {
            return Err(ierr(
                pos,
                f,
                "give either account (levels from the organization) or explicit scps/rcps, not both",
            ));
        }
        (Some((_, account)), None) => Levels::Org { account },
        (None, _) => Levels::Explicit { scps, rcps },
    };
    let request = Request::new(principal, action, resource, resource_account.as_deref(), ctx);
    Ok(SimRequest { line: v.pos.line, request, identity, boundary, session, resource_policy, levels })
}

/// Evaluates one request; for `account` requests the levels, the management-account exemption
/// and the organization keys come from `org`. Fails when the account is not in the organization.
pub fn run(req: &SimRequest, org: Option<&OrgPolicies>) -> Result<Evaluation, InputError> {
    let base = EvaluationInput {
        identity: &req.identity,
        boundary: req.boundary.as_ref(),
        session: &req.session,
        resource: req.resource_policy.as_ref(),
        ..EvaluationInput::default()
    };
    match &req.levels {
        Levels::Explicit { scps, rcps } => {
            let input = EvaluationInput { scps: scps.as_deref(), rcps: rcps.as_deref(), ..base };
            Ok(evaluate(&req.request, &input))
        }
        Levels::Org { account } => {
            let org = org.filter(|o| o.has_account(account)).ok_or_else(|| InputError {
                line: req.line,
                field: Some("account".into()),
                message: format!("account {account} is not in the organization"),
            })?;
            let mut request = req.request.clone();
            org.add_org_keys(&mut request, Some(account));
            let resource_account = request.resource_account.clone().unwrap_or_else(|| account.clone());
            let levels = org.account_levels(account, &resource_account);
            let input = EvaluationInput {
                scps: levels.scps.as_deref(),
                rcps: levels.rcps.as_deref(),
                management_account: Some(&org.management_account),
                scp_account: Some(account),
                ..base
            };
            Ok(evaluate(&request, &input))
        }
    }
}
