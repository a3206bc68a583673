//! The IAM policy grammar as typed data with positions (reference policy-evaluation.md §2.1):
//! `Version`, `Id`, `Statement` (one object or an array), and per statement `Sid`, `Effect`,
//! `Principal`/`NotPrincipal`, `Action`/`NotAction`, `Resource`/`NotResource`, `Condition`.
//!
//! Equality of the typed document ignores positions and whether a list was written as a single
//! string, so parse → print → parse is the identity.

use super::json::{self, Json, JsonValue, Pos};
use std::fmt;

mod operators;
pub use operators::{BaseOp, Operator, SetOp};

/// A value with the position of its source text. Equality compares the value only.
#[derive(Debug, Clone)]
pub struct Spanned<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T> Spanned<T> {
    /// Wraps a value with a position.
    pub fn new(value: T, pos: Pos) -> Self {
        Spanned { value, pos }
    }
}

/// The policy language version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// `2012-10-17`: policy variables are interpreted.
    V2012,
    /// `2008-10-17`: `${...}` is literal text.
    V2008,
}

impl Version {
    /// The version string.
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V2012 => "2012-10-17",
            Version::V2008 => "2008-10-17",
        }
    }
}

/// A whole policy document.
#[derive(Debug, Clone)]
pub struct PolicyDocument {
    pub version: Option<Spanned<Version>>,
    pub id: Option<Spanned<String>>,
    pub statements: Vec<Statement>,
    /// Position of the `Statement` element's value.
    pub statement_pos: Pos,
}

impl PolicyDocument {
    /// Whether policy variables are interpreted (only under `2012-10-17`; a missing Version
    /// behaves like the old language, §2.2).
    pub fn variables_enabled(&self) -> bool {
        matches!(self.version.as_ref().map(|v| v.value), Some(Version::V2012))
    }
}

/// `Allow` or `Deny`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

impl Effect {
    /// `Allow` / `Deny`.
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }
}

/// A list element that may be negated (`NotAction`, `NotResource`, `NotPrincipal`).
#[derive(Debug, Clone)]
pub struct Element<T> {
    /// `true` for the `Not…` form.
    pub not: bool,
    pub value: T,
    /// Position of the element's key.
    pub pos: Pos,
}

/// A list of strings (`Action`, `Resource`, principal ids, condition values).
pub type Strings = Vec<Spanned<String>>;

/// `Principal` / `NotPrincipal` content.
#[derive(Debug, Clone, PartialEq)]
pub enum Principal {
    /// `"*"`: everyone, anonymous callers included.
    Wildcard,
    /// `{"AWS": …, "Service": …, "Federated": …, "CanonicalUser": …}`.
    Map(Vec<(Spanned<String>, Strings)>),
}

/// A scalar condition value: strings, numbers and booleans are compared as strings (§2.1);
/// the kind is kept so printing reproduces the source.
#[derive(Debug, Clone, PartialEq)]
pub struct CondValue {
    pub text: String,
    pub kind: ScalarKind,
}

/// How a condition value was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarKind {
    String,
    Number,
    Bool,
}

/// One `"<key>": <values>` entry of a condition operator.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionKey {
    pub key: Spanned<String>,
    pub values: Vec<Spanned<CondValue>>,
}

/// One `"<Operator>": { … }` block.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionBlock {
    pub operator: Spanned<Operator>,
    pub keys: Vec<ConditionKey>,
}

/// One statement.
#[derive(Debug, Clone)]
pub struct Statement {
    pub pos: Pos,
    pub sid: Option<Spanned<String>>,
    pub effect: Spanned<Effect>,
    pub principal: Option<Element<Principal>>,
    pub action: Element<Strings>,
    pub resource: Option<Element<Strings>>,
    pub condition: Vec<ConditionBlock>,
}

// Equality ignores positions (parse → print → parse is the identity).
impl PartialEq for PolicyDocument {
    fn eq(&self, o: &Self) -> bool {
        self.version == o.version && self.id == o.id && self.statements == o.statements
    }
}

impl<T: PartialEq> PartialEq for Element<T> {
    fn eq(&self, o: &Self) -> bool {
        self.not == o.not && self.value == o.value
    }
}

impl PartialEq for Statement {
    fn eq(&self, o: &Self) -> bool {
        self.sid == o.sid
            && self.effect == o.effect
            && self.principal == o.principal
            && self.action == o.action
            && self.resource == o.resource
            && self.condition == o.condition
    }
}

/// A parse error with the position it points at and the path of the element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub pos: Pos,
    /// Path inside the document, e.g. `Statement[1].Effect`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.pos, self.message)
        } else {
            write!(f, "{} at {}: {}", self.path, self.pos, self.message)
        }
    }
}

impl std::error::Error for ParseError {}

fn err(pos: Pos, path: impl Into<String>, message: impl Into<String>) -> ParseError {
    ParseError { pos, path: path.into(), message: message.into() }
}

/// Parses policy text.
pub fn parse_policy(text: &str) -> Result<PolicyDocument, ParseError> {
    let v = json::parse(text).map_err(|e| err(e.pos, "", format!("malformed JSON: {}", e.message)))?;
    from_json(&v)
}

/// Builds a typed document from a JSON value (an object).
pub fn from_json(v: &Json) -> Result<PolicyDocument, ParseError> {
    let Some(members) = v.as_object() else {
        return Err(err(v.pos, "", format!("a policy document must be an object, found {}", v.kind())));
    };
    let mut version = None;
    let mut id = None;
    let mut statement = None;
    for m in members {
        match m.key.as_str() {
            "Version" => {
                let s = string(&m.value, "Version")?;
                let ver = match s.as_str() {
                    "2012-10-17" => Version::V2012,
                    "2008-10-17" => Version::V2008,
                    other => {
                        return Err(err(
                            m.value.pos,
                            "Version",
                            format!("invalid version {other:?} (use \"2012-10-17\")"),
                        ));
                    }
                };
                version = Some(Spanned::new(ver, m.value.pos));
            }
            "Id" => id = Some(Spanned::new(string(&m.value, "Id")?, m.value.pos)),
            "Statement" => statement = Some(&m.value),
            other => return Err(err(m.key_pos, other, format!("unknown policy element {other:?}"))),
        }
    }
    let Some(st) = statement else { return Err(err(v.pos, "", "missing Statement")) };
    let statements = match &st.value {
        JsonValue::Object(_) => vec![statement_from(st, "Statement".to_string())?],
        JsonValue::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, s)| statement_from(s, format!("Statement[{i}]")))
            .collect::<Result<_, _>>()?,
        _ => {
            return Err(err(
                st.pos,
                "Statement",
                format!("Statement must be an object or an array, found {}", st.kind()),
            ));
        }
    };
    Ok(PolicyDocument { version, id, statements, statement_pos: st.pos })
}

fn string(v: &Json, path: &str) -> Result<String, ParseError> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| err(v.pos, path, format!("must be a string, found {}", v.kind())))
}

/// A string or an array of strings.
fn strings(v: &Json, path: &str) -> Result<Strings, ParseError> {
    match &v.value {
        JsonValue::String(s) => Ok(vec![Spanned::new(s.clone(), v.pos)]),
        JsonValue::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, x)| match &x.value {
                JsonValue::String(s) => Ok(Spanned::new(s.clone(), x.pos)),
                _ => Err(err(x.pos, format!("{path}[{i}]"), format!("must be a string, found {}", x.kind()))),
            })
            .collect(),
        _ => Err(err(v.pos, path, format!("must be a string or an array of strings, found {}", v.kind()))),
    }
}

fn statement_from(v: &Json, path: String) -> Result<Statement, ParseError> {
    let Some(members) = v.as_object() else {
        return Err(err(v.pos, path, format!("a statement must be an object, found {}", v.kind())));
    };
    let mut sid = None;
    let mut effect = None;
    let mut principal: Option<Element<Principal>> = None;
    let mut action: Option<Element<Strings>> = None;
    let mut resource: Option<Element<Strings>> = None;
    let mut condition = Vec::new();
    for m in members {
        let p = format!("{path}.{}", m.key);
        match m.key.as_str() {
            "Sid" => sid = Some(Spanned::new(string(&m.value, &p)?, m.value.pos)),
            "Effect" => {
                let e = match m.value.as_str() {
                    Some("Allow") => Effect::Allow,
                    Some("Deny") => Effect::Deny,
                    _ => return Err(err(m.value.pos, p, "Effect must be \"Allow\" or \"Deny\"")),
                };
                effect = Some(Spanned::new(e, m.value.pos));
            }
            "Principal" | "NotPrincipal" => {
                if principal.is_some() {
                    return Err(err(
                        m.key_pos,
                        p,
                        "a statement may have Principal or NotPrincipal, not both",
                    ));
                }
                principal = Some(Element {
                    not: m.key == "NotPrincipal",
                    value: principal_from(&m.value, &p)?,
                    pos: m.key_pos,
                });
            }
            "Action" | "NotAction" => {
                if action.is_some() {
                    return Err(err(m.key_pos, p, "a statement may have Action or NotAction, not both"));
                }
                action = Some(Element {
                    not: m.key == "NotAction",
                    value: strings(&m.value, &p)?,
                    pos: m.key_pos,
                });
            }
            "Resource" | "NotResource" => {
                if resource.is_some() {
                    return Err(err(m.key_pos, p, "a statement may have Resource or NotResource, not both"));
                }
                resource = Some(Element {
                    not: m.key == "NotResource",
                    value: strings(&m.value, &p)?,
                    pos: m.key_pos,
                });
            }
            "Condition" => condition = condition_from(&m.value, &p)?,
            other => return Err(err(m.key_pos, p, format!("unknown statement element {other:?}"))),
        }
    }
    let Some(effect) = effect else { return Err(err(v.pos, path, "missing Effect")) };
    let Some(action) = action else { return Err(err(v.pos, path, "missing Action or NotAction")) };
    Ok(Statement { pos: v.pos, sid, effect, principal, action, resource, condition })
}

fn principal_from(v: &Json, path: &str) -> Result<Principal, ParseError> {
    match &v.value {
        JsonValue::String(s) if s == "*" => Ok(Principal::Wildcard),
        JsonValue::Object(members) => {
            let mut out = Vec::new();
            for m in members {
                let p = format!("{path}.{}", m.key);
                match m.key.as_str() {
                    "AWS" | "Service" | "Federated" | "CanonicalUser" => {
                        out.push((Spanned::new(m.key.clone(), m.key_pos), strings(&m.value, &p)?));
                    }
                    other => return Err(err(m.key_pos, p, format!("unknown principal type {other:?}"))),
                }
            }
            Ok(Principal::Map(out))
        }
        _ => Err(err(v.pos, path, "a principal must be \"*\" or an object such as {\"AWS\": …}")),
    }
}

fn scalar(v: &Json, path: &str) -> Result<Spanned<CondValue>, ParseError> {
    let cv = match &v.value {
        JsonValue::String(s) => CondValue { text: s.clone(), kind: ScalarKind::String },
        JsonValue::Number(n) => CondValue { text: n.clone(), kind: ScalarKind::Number },
        JsonValue::Bool(b) => CondValue { text: b.to_string(), kind: ScalarKind::Bool },
        _ => {
            return Err(err(
                v.pos,
                path,
                format!("a condition value must be a string, number or boolean, found {}", v.kind()),
            ));
        }
    };
    Ok(Spanned::new(cv, v.pos))
}

fn condition_from(v: &Json, path: &str) -> Result<Vec<ConditionBlock>, ParseError> {
    let Some(ops) = v.as_object() else {
        return Err(err(v.pos, path, format!("Condition must be an object, found {}", v.kind())));
    };
    let mut out = Vec::new();
    for op in ops {
        let p = format!("{path}.{}", op.key);
        let operator = Operator::parse(&op.key)
            .ok_or_else(|| err(op.key_pos, &p, format!("unknown condition operator {:?}", op.key)))?;
        let Some(keys) = op.value.as_object() else {
            return Err(err(
                op.value.pos,
                p,
                format!("a condition operator needs an object of keys, found {}", op.value.kind()),
            ));
        };
        let mut ks = Vec::new();
        for k in keys {
            let kp = format!("{p}.{}", k.key);
            let values = match &k.value.value {
                JsonValue::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| scalar(x, &format!("{kp}[{i}]")))
                    .collect::<Result<Vec<_>, _>>()?,
                _ => vec![scalar(&k.value, &kp)?],
            };
            ks.push(ConditionKey { key: Spanned::new(k.key.clone(), k.key_pos), values });
        }
        out.push(ConditionBlock { operator: Spanned::new(operator, op.key_pos), keys: ks });
    }
    Ok(out)
}
