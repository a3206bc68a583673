//! The `orgtui-changes/1` file: an ordered list of Organizations operations in the AWS API's
//! own request shapes (so a reviewer reads them like `aws organizations` calls), each with its
//! inverse when one is known and a note. Reading refuses unknown formats, operations and fields,
//! naming the operation index and the field.
//!
//! An operation that creates something (`CreateOrganizationalUnit`, `CreatePolicy`) may carry a
//! `"ref"`; a later request names the created id as `"ref:NAME"` (ids are only known once AWS
//! answers).

use crate::backend::request::ApiRequest;
use crate::model::*;
use serde_json::{Map, Value, json};

/// The format tag of a change-set file.
pub const FORMAT: &str = "orgtui-changes/1";

/// The prefix of a string that names the id created by an earlier operation's `ref`.
pub const REF_PREFIX: &str = "ref:";

/// One operation: the request, and the name later operations use for what it creates.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The request, in the API's shape (it may contain `ref:NAME` strings).
    pub request: ApiRequest,
    /// The name of the id this operation creates, for later `ref:NAME` strings.
    pub reference: Option<String>,
}

impl Step {
    /// A step without a reference.
    pub fn new(request: ApiRequest) -> Step {
        Step { request, reference: None }
    }

    /// The step as file JSON (`operation`, `request`, optional `ref`).
    fn to_json(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("operation".into(), json!(self.request.operation()));
        m.insert("request".into(), self.request.input_json());
        if let Some(r) = &self.reference {
            m.insert("ref".into(), json!(r));
        }
        m
    }
}

/// One entry of a change set: what to do, how to undo it, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub step: Step,
    /// The operations that undo it; `None` when unknown or impossible (see the plan).
    pub inverse: Option<Vec<Step>>,
    /// Free text for the reviewer.
    pub note: Option<String>,
}

impl Change {
    /// A change with no inverse or note yet.
    pub fn new(request: ApiRequest) -> Change {
        Change { step: Step::new(request), inverse: None, note: None }
    }
}

/// An ordered, editable list of operations: what a file holds, what the console stages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChangeSet {
    pub description: String,
    pub operations: Vec<Change>,
}

/// Why a change-set file was refused: where (a JSON path such as `operations[2].request.Name`)
/// and what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct FormatError {
    pub path: String,
    pub message: String,
}

fn err(path: impl Into<String>, message: impl Into<String>) -> FormatError {
    FormatError { path: path.into(), message: message.into() }
}

macro_rules! covered_operations {
    ($m:ident) => {
        $m! {
            (MoveAccount, MoveAccountRequest),
            (CreateOrganizationalUnit, CreateOrganizationalUnitRequest),
            (DeleteOrganizationalUnit, DeleteOrganizationalUnitRequest),
            (UpdateOrganizationalUnit, UpdateOrganizationalUnitRequest),
            (CreatePolicy, CreatePolicyRequest),
            (UpdatePolicy, UpdatePolicyRequest),
            (DeletePolicy, DeletePolicyRequest),
            (AttachPolicy, AttachPolicyRequest),
            (DetachPolicy, DetachPolicyRequest),
            (TagResource, TagResourceRequest),
            (UntagResource, UntagResourceRequest),
            (EnablePolicyType, EnablePolicyTypeRequest),
            (DisablePolicyType, DisablePolicyTypeRequest),
            (RegisterDelegatedAdministrator, RegisterDelegatedAdministratorRequest),
            (DeregisterDelegatedAdministrator, DeregisterDelegatedAdministratorRequest),
            (EnableAWSServiceAccess, EnableAWSServiceAccessRequest),
            (DisableAWSServiceAccess, DisableAWSServiceAccessRequest),
            (CloseAccount, CloseAccountRequest),
        }
    };
}

macro_rules! declare_covered {
    ($(($wire:ident, $req:ident)),+ $(,)?) => {
        /// The operations a change set may contain.
        pub const OPERATIONS: &[&str] = &[$(stringify!($wire)),+];

        /// Reads one request of operation `name` from `value`; `path` is where it is.
        pub fn parse_request(name: &str, value: &Value, path: &str) -> Result<ApiRequest, FormatError> {
            match name {
                $(stringify!($wire) => typed::<$req>(value, path).map(ApiRequest::$wire),)+
                _ => Err(err(
                    path.rsplit_once('.').map_or(path, |(p, _)| p).to_string() + ".operation",
                    format!("{name:?} is not an operation a change set can hold (one of: {})", OPERATIONS.join(", ")),
                )),
            }
        }
    };
}
covered_operations!(declare_covered);

/// Deserializes a request, then refuses members the request type does not have (serde would
/// silently drop them).
fn typed<T: serde::de::DeserializeOwned + serde::Serialize>(
    value: &Value,
    path: &str,
) -> Result<T, FormatError> {
    let Value::Object(given) = value else { return Err(err(path, "must be a JSON object")) };
    let parsed: T = serde_path_to_error::deserialize(value)
        .map_err(|e| err(format!("{path}.{}", e.path()), e.inner().to_string()))?;
    let back = serde_json::to_value(&parsed).unwrap_or(Value::Null);
    for (key, v) in given {
        if !v.is_null() && back.get(key).is_none() {
            return Err(err(format!("{path}.{key}"), "unknown field for this operation"));
        }
    }
    Ok(parsed)
}

fn only_fields(obj: &Map<String, Value>, allowed: &[&str], path: &str) -> Result<(), FormatError> {
    match obj.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(err(
            if path.is_empty() { k.clone() } else { format!("{path}.{k}") },
            format!("unknown field (expected one of: {})", allowed.join(", ")),
        )),
        None => Ok(()),
    }
}

fn parse_step(v: &Value, path: &str, allowed: &[&str]) -> Result<Step, FormatError> {
    let Value::Object(obj) = v else { return Err(err(path, "must be a JSON object")) };
    only_fields(obj, allowed, path)?;
    let name = obj.get("operation").and_then(Value::as_str).ok_or_else(|| {
        err(format!("{path}.operation"), "missing (the operation's name, e.g. MoveAccount)")
    })?;
    let request = obj.get("request").ok_or_else(|| err(format!("{path}.request"), "missing"))?;
    let request = parse_request(name, request, &format!("{path}.request"))?;
    let reference = match obj.get("ref") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(_) => return Err(err(format!("{path}.ref"), "must be a non-empty string")),
    };
    Ok(Step { request, reference })
}

impl ChangeSet {
    /// Reads a change set, refusing anything it does not understand.
    pub fn parse(text: &str) -> Result<ChangeSet, FormatError> {
        let v: Value = serde_json::from_str(text).map_err(|e| {
            err("$", format!("malformed JSON at line {} column {}: {e}", e.line(), e.column()))
        })?;
        let Value::Object(top) = &v else { return Err(err("$", "must be a JSON object")) };
        only_fields(top, &["format", "description", "operations"], "")?;
        match top.get("format").and_then(Value::as_str) {
            Some(FORMAT) => {}
            Some(other) => {
                return Err(err("format", format!("{other:?} is not supported (expected {FORMAT:?})")));
            }
            None => return Err(err("format", format!("missing (expected {FORMAT:?})"))),
        }
        let description = match top.get("description") {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err(err("description", "must be a string")),
        };
        let Some(Value::Array(ops)) = top.get("operations") else {
            return Err(err("operations", "missing or not an array"));
        };
        let mut operations = Vec::with_capacity(ops.len());
        for (i, op) in ops.iter().enumerate() {
            let path = format!("operations[{i}]");
            let step = parse_step(op, &path, &["operation", "request", "inverse", "note", "ref"])?;
            let obj = op.as_object().expect("checked by parse_step");
            let inverse = match obj.get("inverse") {
                None | Some(Value::Null) => None,
                Some(Value::Array(steps)) => Some(
                    steps
                        .iter()
                        .enumerate()
                        .map(|(j, s)| {
                            parse_step(s, &format!("{path}.inverse[{j}]"), &["operation", "request", "ref"])
                        })
                        .collect::<Result<Vec<_>, _>>()?,
                ),
                Some(_) => {
                    return Err(err(format!("{path}.inverse"), "must be an array of operations or null"));
                }
            };
            let note = match obj.get("note") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(_) => return Err(err(format!("{path}.note"), "must be a string")),
            };
            operations.push(Change { step, inverse, note });
        }
        Ok(ChangeSet { description, operations })
    }

    /// The change set as pretty JSON (with a trailing newline).
    pub fn to_json(&self) -> String {
        let ops: Vec<Value> = self
            .operations
            .iter()
            .map(|c| {
                let mut m = c.step.to_json();
                let inverse =
                    c.inverse.as_ref().map(|s| s.iter().map(|s| Value::Object(s.to_json())).collect());
                m.insert("inverse".into(), inverse.map_or(Value::Null, Value::Array));
                m.insert("note".into(), c.note.as_ref().map_or(Value::Null, |n| json!(n)));
                Value::Object(m)
            })
            .collect();
        let v = json!({ "format": FORMAT, "description": self.description, "operations": ops });
        let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// Replaces every `ref:NAME` string of a request with the id `lookup` gives; the error names
/// the reference that is not defined (yet).
pub fn resolve_refs(req: &ApiRequest, lookup: &dyn Fn(&str) -> Option<String>) -> Result<ApiRequest, String> {
    fn walk(v: &mut Value, lookup: &dyn Fn(&str) -> Option<String>) -> Result<bool, String> {
        match v {
            Value::String(s) => match s.strip_prefix(REF_PREFIX) {
                Some(name) => {
                    *s = lookup(name).ok_or_else(|| format!("{s:?} names no earlier operation's \"ref\""))?;
                    Ok(true)
                }
                None => Ok(false),
            },
            Value::Array(a) => a.iter_mut().try_fold(false, |acc, x| Ok(walk(x, lookup)? || acc)),
            Value::Object(o) => o.values_mut().try_fold(false, |acc, x| Ok(walk(x, lookup)? || acc)),
            _ => Ok(false),
        }
    }
    let mut v = req.input_json();
    if !walk(&mut v, lookup)? {
        return Ok(req.clone());
    }
    parse_request(req.operation(), &v, "request").map_err(|e| e.to_string())
}

/// Replaces every string equal to `from` in a request by `to` (ids renamed between two copies
/// of an organization, or an id turned into a `ref:`).
pub fn replace_ids(req: &ApiRequest, map: &dyn Fn(&str) -> Option<String>) -> ApiRequest {
    fn walk(v: &mut Value, map: &dyn Fn(&str) -> Option<String>) {
        match v {
            Value::String(s) => {
                if let Some(t) = map(s) {
                    *s = t;
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|x| walk(x, map)),
            Value::Object(o) => o.values_mut().for_each(|x| walk(x, map)),
            _ => {}
        }
    }
    let mut v = req.input_json();
    walk(&mut v, map);
    parse_request(req.operation(), &v, "request").unwrap_or_else(|_| req.clone())
}

/// The id an operation's response says it created (OU or policy), if any.
pub fn created_id(resp: &crate::backend::request::ApiResponse) -> Option<String> {
    use crate::backend::request::ApiResponse as R;
    match resp {
        R::CreateOrganizationalUnit(r) => Some(r.organizational_unit.id.as_str().to_string()),
        R::CreatePolicy(r) => Some(r.policy.policy_summary.id.as_str().to_string()),
        _ => None,
    }
}
