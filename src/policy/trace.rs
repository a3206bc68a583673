//! The structured result of an evaluation: the decision, the deciding layer/level/policy/
//! statement, an AWS-style sentence (§1.8), and per layer and level the statements that matched.

use super::json::write_string;
use super::parse::Effect;
use std::borrow::Cow;
use std::sync::Arc;

/// The final decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    ImplicitlyDenied,
    ExplicitlyDenied,
}

impl Decision {
    /// `Allowed` / `ImplicitlyDenied` / `ExplicitlyDenied`.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Allowed => "Allowed",
            Decision::ImplicitlyDenied => "ImplicitlyDenied",
            Decision::ExplicitlyDenied => "ExplicitlyDenied",
        }
    }
}

/// The evaluation layers, in the documented order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    Rcp,
    Scp,
    ResourcePolicy,
    IdentityPolicy,
    PermissionBoundary,
    SessionPolicy,
}

impl Layer {
    /// The name used in JSON (`rcp`, `scp`, `resourcePolicy`, `identityPolicy`,
    /// `permissionBoundary`, `sessionPolicy`).
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Rcp => "rcp",
            Layer::Scp => "scp",
            Layer::ResourcePolicy => "resourcePolicy",
            Layer::IdentityPolicy => "identityPolicy",
            Layer::PermissionBoundary => "permissionBoundary",
            Layer::SessionPolicy => "sessionPolicy",
        }
    }

    /// AWS's words for the policy type in access-denied messages.
    pub fn aws_words(self) -> &'static str {
        match self {
            Layer::Rcp => "resource control policy",
            Layer::Scp => "service control policy",
            Layer::ResourcePolicy => "resource-based policy",
            Layer::IdentityPolicy => "identity-based policy",
            Layer::PermissionBoundary => "permissions boundary",
            Layer::SessionPolicy => "session policy",
        }
    }
}

impl Layer {
    /// "explicit deny in a <type>".
    pub fn explicit_deny_reason(self) -> &'static str {
        match self {
            Layer::Rcp => "explicit deny in a resource control policy",
            Layer::Scp => "explicit deny in a service control policy",
            Layer::ResourcePolicy => "explicit deny in a resource-based policy",
            Layer::IdentityPolicy => "explicit deny in an identity-based policy",
            Layer::PermissionBoundary => "explicit deny in a permissions boundary",
            Layer::SessionPolicy => "explicit deny in a session policy",
        }
    }

    /// "no <type> allows the action" (for SCP/RCP: at this level).
    pub fn no_allow_reason(self) -> &'static str {
        match self {
            Layer::Rcp => "no resource control policy at this level allows the action",
            Layer::Scp => "no service control policy at this level allows the action",
            Layer::ResourcePolicy => "no resource-based policy allows the action",
            Layer::IdentityPolicy => "no identity-based policy allows the action",
            Layer::PermissionBoundary => "no permissions boundary allows the action",
            Layer::SessionPolicy => "no session policy allows the action",
        }
    }
}

/// What decided: layer, level (root / OU id / account for SCPs and RCPs), policy, statement.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deciding {
    pub layer: Option<Layer>,
    pub level: Option<Arc<str>>,
    pub policy: Option<Arc<str>>,
    /// The statement's Sid, when it has one.
    pub sid: Option<Arc<str>>,
    /// The statement's index in its policy.
    pub statement_index: Option<usize>,
    /// Why, in words.
    pub reason: Cow<'static, str>,
}

/// A statement that matched the request.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    pub policy: Arc<str>,
    pub sid: Option<Arc<str>>,
    pub index: usize,
    pub effect: Effect,
}

/// One level of a layer (SCP/RCP levels root → OUs → account; other layers have one level).
#[derive(Debug, Clone, PartialEq)]
pub struct LevelTrace {
    pub level: Option<Arc<str>>,
    /// Whether some statement at this level allowed the request.
    pub allowed: bool,
    pub matched: Vec<Matched>,
}

/// One layer: whether it applied (and why not) and its levels.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerTrace {
    pub layer: Layer,
    pub applies: bool,
    /// Why it does not apply, or a remark (exemptions).
    pub note: Option<&'static str>,
    pub levels: Vec<LevelTrace>,
}

/// The full trace.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    pub deciding: Deciding,
    /// `User: … is not authorized to perform: … on resource: … because …` for denials.
    pub message: Option<String>,
    pub layers: Vec<LayerTrace>,
    /// Condition keys that statements covering the request test but the context lacks
    /// (a decision may change when they are supplied).
    pub missing_context_keys: Vec<String>,
}

/// Decision and trace.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub decision: Decision,
    pub trace: Trace,
}

impl Evaluation {
    /// One compact JSON object: `{"decision": …, "trace": {…}}`.
    pub fn to_json(&self) -> String {
        let mut o = String::with_capacity(512);
        o.push_str("{\"decision\":");
        write_string(&mut o, self.decision.as_str());
        o.push_str(",\"trace\":{\"deciding\":{");
        let d = &self.trace.deciding;
        o.push_str("\"layer\":");
        opt(&mut o, d.layer.map(Layer::as_str));
        o.push_str(",\"level\":");
        opt(&mut o, d.level.as_deref());
        o.push_str(",\"policy\":");
        opt(&mut o, d.policy.as_deref());
        o.push_str(",\"statement\":");
        match (&d.sid, d.statement_index) {
            (Some(s), _) => write_string(&mut o, s),
            (None, Some(i)) => push_num(&mut o, i),
            (None, None) => o.push_str("null"),
        }
        o.push_str(",\"statementIndex\":");
        match d.statement_index {
            Some(i) => push_num(&mut o, i),
            None => o.push_str("null"),
        }
        o.push_str(",\"reason\":");
        write_string(&mut o, &d.reason);
        o.push('}');
        if let Some(m) = &self.trace.message {
            o.push_str(",\"message\":");
            write_string(&mut o, m);
        }
        o.push_str(",\"missingContextKeys\":[");
        for (i, k) in self.trace.missing_context_keys.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            write_string(&mut o, k);
        }
        o.push(']');
        o.push_str(",\"layers\":[");
        for (i, l) in self.trace.layers.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            o.push_str("{\"layer\":");
            write_string(&mut o, l.layer.as_str());
            o.push_str(if l.applies { ",\"applies\":true" } else { ",\"applies\":false" });
            if let Some(n) = l.note {
                o.push_str(",\"note\":");
                write_string(&mut o, n);
            }
            o.push_str(",\"levels\":[");
            for (j, lv) in l.levels.iter().enumerate() {
                if j > 0 {
                    o.push(',');
                }
                o.push_str("{\"level\":");
                opt(&mut o, lv.level.as_deref());
                o.push_str(if lv.allowed { ",\"allowed\":true" } else { ",\"allowed\":false" });
                o.push_str(",\"matched\":[");
                for (k, m) in lv.matched.iter().enumerate() {
                    if k > 0 {
                        o.push(',');
                    }
                    o.push_str("{\"policy\":");
                    write_string(&mut o, &m.policy);
                    o.push_str(",\"statement\":");
                    match &m.sid {
                        Some(s) => write_string(&mut o, s),
                        None => push_num(&mut o, m.index),
                    }
                    o.push_str(",\"statementIndex\":");
                    push_num(&mut o, m.index);
                    o.push_str(",\"effect\":");
                    write_string(&mut o, m.effect.as_str());
                    o.push('}');
                }
                o.push_str("]}");
            }
            o.push_str("]}");
        }
        o.push_str("]}}");
        o
    }
}

fn push_num(o: &mut String, n: usize) {
    use std::fmt::Write;
    let _ = write!(o, "{n}");
}

fn opt(o: &mut String, v: Option<&str>) {
    match v {
        Some(s) => write_string(o, s),
        None => o.push_str("null"),
    }
}
