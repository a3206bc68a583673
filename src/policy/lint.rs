//! The policy linter (reference policy-evaluation.md §3.3–§3.5): findings in Access Analyzer's
//! four categories, each with a stable code, a message and the line:column it points at.
//!
//! Checks: JSON syntax; size over the type's limit; elements not allowed in the policy type;
//! unknown services, actions, resource types and condition keys (against the bundled action
//! catalogue, whose date the message names); bad operators and value types; `ForAllValues` in
//! an Allow; redundant or shadowed statements; `NotAction` with `Allow`; and, for management
//! policies (tag, backup, AI opt-out, …), the inheritance-operator grammar, checked by the
//! validator CreatePolicy runs (`org_document`). Never panics on any input.

mod support;

use super::json::{self, Json, JsonValue, Pos};
use super::org_document::validate_policy_document;
use super::parse::{self, BaseOp, Effect, Operator, PolicyDocument, Principal, SetOp, Statement, Version};
use crate::catalog;
use crate::model::{ErrorCode, PolicyType, PolicyTypeLimits};
use std::fmt;
use support::{
    covers, family_fits, find_named_key, operator_family, placeholders_to_star, value_problem,
    without_bad_operators,
};

/// Access Analyzer's finding categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The policy is refused or cannot work.
    Error,
    /// Works, but grants more than it seems to.
    SecurityWarning,
    /// A general warning.
    Warning,
    /// A possible improvement.
    Suggestion,
}

impl Severity {
    /// Access Analyzer's spelling (`ERROR`, `SECURITY_WARNING`, `WARNING`, `SUGGESTION`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "ERROR",
            Severity::SecurityWarning => "SECURITY_WARNING",
            Severity::Warning => "WARNING",
            Severity::Suggestion => "SUGGESTION",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// Stable code, e.g. `UNKNOWN_ACTION`.
    pub code: &'static str,
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{} {} {} {}", self.line, self.column, self.severity, self.code, self.message)
    }
}

impl Finding {
    /// The finding as a JSON object (`severity`, `code`, `message`, `line`, `column`).
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"severity\":");
        json::write_string(&mut out, self.severity.as_str());
        out.push_str(",\"code\":");
        json::write_string(&mut out, self.code);
        out.push_str(",\"message\":");
        json::write_string(&mut out, &self.message);
        out.push_str(&format!(",\"line\":{},\"column\":{}}}", self.line, self.column));
        out
    }
}

/// The findings as a JSON array, one object per line.
pub fn findings_to_json(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return "[]\n".to_string();
    }
    let items: Vec<String> = findings.iter().map(|f| format!("  {}", f.to_json())).collect();
    format!("[\n{}\n]\n", items.join(",\n"))
}

/// Whether any finding is an ERROR.
pub fn has_error(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Lints `text` as a policy of `policy_type`; findings sorted by position.
pub fn lint(policy_type: PolicyType, text: &str) -> Vec<Finding> {
    let mut l = Linter { ty: policy_type, out: Vec::new() };
    l.run(text);
    let mut out = l.out;
    out.sort_by(|a, b| (a.line, a.column, a.severity, a.code).cmp(&(b.line, b.column, b.severity, b.code)));
    out.dedup();
    out
}

struct Linter {
    ty: PolicyType,
    out: Vec<Finding>,
}

fn catalogue_note() -> String {
    let c = catalog::catalog();
    format!("the action catalogue dated {}", c.date())
}

impl Linter {
    fn push(&mut self, severity: Severity, code: &'static str, pos: Pos, message: impl Into<String>) {
        self.out.push(Finding {
            severity,
            code,
            message: message.into(),
            line: pos.line.max(1) as usize,
            column: pos.col.max(1) as usize,
        });
    }

    fn run(&mut self, text: &str) {
        // CreatePolicy refuses a byte-order mark; say so as a JSON finding, then lint the rest.
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => {
                let why = "the policy starts with a UTF-8 byte-order mark (U+FEFF), which AWS rejects; save it without one";
                self.push(Severity::Error, "JSON_SYNTAX", Pos { line: 1, col: 1 }, why);
                rest
            }
            None => text,
        };
        self.size(text);
        let root = match json::parse(text) {
            Ok(v) => v,
            Err(e) => {
                self.push(Severity::Error, "JSON_SYNTAX", e.pos, e.message);
                return;
            }
        };
        if self.ty.is_authorization() {
            self.authorization(&root, text);
        } else {
            self.management(&root, text);
        }
    }

    /// SIZE_LIMIT at the first character past the type's limit.
    fn size(&mut self, text: &str) {
        let max = PolicyTypeLimits::of(self.ty).max_size;
        let mut pos = Pos { line: 1, col: 1 };
        for (i, c) in text.chars().enumerate() {
            if i == max {
                let total = text.chars().count();
                self.push(
                    Severity::Error,
                    "SIZE_LIMIT",
                    pos,
                    format!(
                        "the policy has {total} characters; {} allows {max} (whitespace counts)",
                        self.ty
                    ),
                );
                return;
            }
            if c == '\n' {
                pos.line = pos.line.saturating_add(1);
                pos.col = 1;
            } else {
                pos.col = pos.col.saturating_add(1);
            }
        }
    }

    /// Management policies: CreatePolicy's validator decides; the finding points at the first
    /// key the message names, else at the document.
    fn management(&mut self, root: &Json, text: &str) {
        let Err(e) = validate_policy_document(self.ty, text) else { return };
        if e.code != ErrorCode::MalformedPolicyDocumentException {
            return; // the size limit, reported above
        }
        let pos = find_named_key(root, &e.message).unwrap_or(root.pos);
        self.push(Severity::Error, "INHERITANCE_OPERATOR", pos, e.message);
    }

    fn authorization(&mut self, root: &Json, text: &str) {
        self.bad_operators(root);
        // Further checks run on the document without its unknown operators.
        let cleaned = without_bad_operators(root);
        let doc = match parse::from_json(&cleaned) {
            Ok(d) => d,
            Err(e) => {
                if !e.message.starts_with("unknown condition operator") {
                    self.push(Severity::Error, "POLICY_GRAMMAR", e.pos, e.to_string());
                }
                return;
            }
        };
        let before = self.out.len();
        self.document(&doc, root);
        // The document validator is what CreatePolicy runs: anything it refuses that no finding
        // above explains is still an ERROR.
        let explained = self.out.iter().skip(before).any(|f| f.severity == Severity::Error);
        if !explained
            && let Err(e) = validate_policy_document(self.ty, text)
            && e.code == ErrorCode::MalformedPolicyDocumentException
        {
            self.push(Severity::Error, "POLICY_REJECTED", root.pos, e.message);
        }
    }

    /// BAD_OPERATOR for every unknown condition operator (the typed parser stops at the first).
    fn bad_operators(&mut self, root: &Json) {
        let Some(st) = root.get("Statement") else { return };
        let statements: Vec<&Json> = match &st.value {
            JsonValue::Array(items) => items.iter().collect(),
            _ => vec![st],
        };
        for s in statements {
            let Some(ops) = s.get("Condition").and_then(Json::as_object) else { continue };
            for op in ops {
                if Operator::parse(&op.key).is_none() {
                    let why = if op.key.starts_with("Null") && op.key.ends_with("IfExists") {
                        "Null cannot take IfExists".to_string()
                    } else {
                        format!("unknown condition operator {:?}", op.key)
                    };
                    self.push(Severity::Error, "BAD_OPERATOR", op.key_pos, why);
                }
            }
        }
    }

    fn document(&mut self, doc: &PolicyDocument, root: &Json) {
        let rcp = self.ty == PolicyType::ResourceControlPolicy;
        match &doc.version {
            None => self.push(
                if rcp { Severity::Error } else { Severity::Warning },
                "MISSING_VERSION",
                root.pos,
                "no Version: policy variables are not interpreted; add \"Version\": \"2012-10-17\"",
            ),
            // CreatePolicy refuses 2008-10-17 in SCPs and RCPs.
            Some(v) if v.value == Version::V2008 => self.push(
                Severity::Error,
                "OLD_VERSION",
                v.pos,
                "Version 2008-10-17 does not interpret policy variables; use 2012-10-17",
            ),
            _ => {}
        }
        if let Some(id) = &doc.id {
            self.push(
                Severity::Error,
                "ELEMENT_NOT_ALLOWED",
                id.pos,
                format!("Id is not allowed in a {}", self.ty),
            );
        }
        if doc.statements.is_empty() {
            self.push(Severity::Error, "MISSING_STATEMENT", doc.statement_pos, "the policy has no statement");
        }
        let mut sids: Vec<&str> = Vec::new();
        for s in &doc.statements {
            if let Some(sid) = &s.sid {
                if !sid.value.chars().all(|c| c.is_ascii_alphanumeric()) {
                    self.push(
                        Severity::Error,
                        "INVALID_SID",
                        sid.pos,
                        format!("Sid {:?} may contain only letters and digits", sid.value),
                    );
                }
                if sids.contains(&sid.value.as_str()) {
                    self.push(
                        Severity::Error,
                        "DUPLICATE_SID",
                        sid.pos,
                        format!("Sid {:?} is used twice", sid.value),
                    );
                }
                sids.push(&sid.value);
            }
            self.statement(s);
        }
        self.redundancy(&doc.statements);
    }

    fn statement(&mut self, s: &Statement) {
        let (scp, rcp) =
            (self.ty == PolicyType::ServiceControlPolicy, self.ty == PolicyType::ResourceControlPolicy);
        // Elements by type (reference §3.2).
        if let Some(p) = &s.principal {
            let name = if p.not { "NotPrincipal" } else { "Principal" };
            if scp {
                self.push(
                    Severity::Error,
                    "ELEMENT_NOT_ALLOWED",
                    p.pos,
                    format!("{name} is not allowed in an SCP"),
                );
            } else if rcp && (p.not || p.value != Principal::Wildcard) {
                self.push(
                    Severity::Error,
                    "ELEMENT_NOT_ALLOWED",
                    p.pos,
                    format!("an RCP needs \"Principal\": \"*\" (found {name} with other content)"),
                );
            }
        } else if rcp {
            self.push(
                Severity::Error,
                "MISSING_PRINCIPAL",
                s.pos,
                "an RCP statement needs \"Principal\": \"*\"",
            );
        }
        if s.resource.is_none() {
            self.push(
                Severity::Error,
                "MISSING_RESOURCE",
                s.pos,
                "the statement has no Resource or NotResource",
            );
        }
        if rcp && s.effect.value == Effect::Allow {
            self.push(
                Severity::Error,
                "ELEMENT_NOT_ALLOWED",
                s.effect.pos,
                "customer RCPs may only deny (Allow is reserved for RCPFullAWSAccess)",
            );
        }
        if s.action.not {
            if rcp {
                self.push(
                    Severity::Error,
                    "ELEMENT_NOT_ALLOWED",
                    s.action.pos,
                    "NotAction is not allowed in an RCP",
                );
            } else if s.effect.value == Effect::Allow {
                self.push(
                    Severity::SecurityWarning,
                    "NOT_ACTION_WITH_ALLOW",
                    s.action.pos,
                    "Allow with NotAction allows every other action, including ones added to AWS later",
                );
            }
        }
        if s.action.value.is_empty() {
            self.push(Severity::Error, "EMPTY_ARRAY", s.action.pos, "the action list is empty");
        }
        for a in &s.action.value {
            self.action(&a.value, a.pos, rcp);
        }
        if let Some(r) = &s.resource {
            if r.value.is_empty() {
                self.push(Severity::Error, "EMPTY_ARRAY", r.pos, "the resource list is empty");
            }
            for res in &r.value {
                self.resource(&res.value, res.pos);
            }
        }
        for block in &s.condition {
            let op = block.operator.value;
            if op.set == SetOp::ForAllValues && s.effect.value == Effect::Allow {
                self.push(
                    Severity::SecurityWarning,
                    "FOR_ALL_VALUES_IN_ALLOW",
                    block.operator.pos,
                    "ForAllValues in an Allow also matches when the key is missing or empty; add a Null check \
                     or use ForAnyValue",
                );
            }
            for k in &block.keys {
                self.condition_key(op, k);
            }
        }
    }

    fn action(&mut self, a: &str, pos: Pos, rcp: bool) {
        if a == "*" {
            return;
        }
        let Some((prefix, name)) = a.split_once(':') else {
            self.push(Severity::Error, "INVALID_ACTION", pos, format!("{a:?} is not service:action"));
            return;
        };
        let cat = catalog::catalog();
        let wild = |s: &str| s.contains(['*', '?']);
        if !wild(prefix) && cat.service(prefix).is_none() {
            self.push(
                Severity::Error,
                "UNKNOWN_SERVICE",
                pos,
                format!("service prefix {prefix:?} is not in {}", catalogue_note()),
            );
            return;
        }
        if wild(prefix) {
            self.push(
                Severity::Suggestion,
                "WILDCARD_SERVICE",
                pos,
                format!("wildcard in the service name {a:?}"),
            );
        }
        if cat.expand_action_pattern(a).is_empty() {
            let what = if wild(name) || wild(prefix) { "matches no action" } else { "is not an action" };
            self.push(
                Severity::Error,
                "UNKNOWN_ACTION",
                pos,
                format!("{a:?} {what} in {}", catalogue_note()),
            );
            return;
        }
        if rcp && !wild(prefix) && !cat.rcp_supported(prefix) {
            self.push(
                Severity::Warning,
                "RCP_UNSUPPORTED_SERVICE",
                pos,
                format!("RCPs do not apply to {prefix}: this action is never restricted"),
            );
        }
    }

    fn resource(&mut self, r: &str, pos: Pos) {
        if r == "*" {
            return;
        }
        let parts: Vec<&str> = r.splitn(6, ':').collect();
        let (Some(&"arn"), Some(service), Some(rest)) = (parts.first(), parts.get(2), parts.get(5)) else {
            self.push(Severity::Error, "INVALID_ARN", pos, format!("{r:?} is not \"*\" or an ARN"));
            return;
        };
        if service.contains(['*', '?']) {
            return;
        }
        let cat = catalog::catalog();
        let Some(svc) = cat.service(service) else {
            self.push(
                Severity::Warning,
                "UNKNOWN_SERVICE",
                pos,
                format!("the ARN's service {service:?} is not in {}", catalogue_note()),
            );
            return;
        };
        if svc.resource_types().len() == 0 || rest.contains(['*', '?']) || r.contains("${") {
            return;
        }
        let fits = svc.resource_types().any(|t| {
            let pattern = placeholders_to_star(t.arn_format());
            catalog::wildcard_match_ignore_case(&pattern, r)
        });
        if !fits {
            self.push(
                Severity::Warning,
                "UNKNOWN_RESOURCE_TYPE",
                pos,
                format!("{r:?} fits no resource type of {service} in {}", catalogue_note()),
            );
        }
    }

    fn condition_key(&mut self, op: Operator, k: &parse::ConditionKey) {
        let name = &k.key.value;
        let pos = k.key.pos;
        let Some((prefix, _)) = name.split_once(':') else {
            self.push(Severity::Error, "UNKNOWN_CONDITION_KEY", pos, format!("{name:?} is not prefix:key"));
            return;
        };
        if op.base == BaseOp::Null {
            for v in &k.values {
                if !matches!(v.value.text.as_str(), "true" | "false") {
                    self.push(Severity::Error, "CONDITION_TYPE_MISMATCH", v.pos, "Null takes true or false");
                }
            }
        } else {
            for v in &k.values {
                if let Some(why) = value_problem(op.base, &v.value.text) {
                    self.push(Severity::Error, "CONDITION_TYPE_MISMATCH", v.pos, why);
                }
            }
        }
        if matches!(
            op.base,
            BaseOp::StringEquals | BaseOp::StringNotEquals | BaseOp::ArnEquals | BaseOp::ArnNotEquals
        ) && let Some(v) = k.values.iter().find(|v| v.value.text.contains('*'))
        {
            self.push(
                Severity::Warning,
                "WILDCARD_WITHOUT_LIKE",
                v.pos,
                format!("{} compares \"*\" literally; use a Like operator for wildcards", op.base.name()),
            );
        }
        if k.values.is_empty() {
            self.push(Severity::Suggestion, "EMPTY_ARRAY", pos, format!("{name} has no values"));
        }
        let Some(key) = catalog::catalog().condition_key(name) else {
            let global = prefix.eq_ignore_ascii_case("aws");
            self.push(
                if global { Severity::Error } else { Severity::Warning },
                "UNKNOWN_CONDITION_KEY",
                pos,
                format!("condition key {name:?} is not in {}", catalogue_note()),
            );
            return;
        };
        let ty = key.ty();
        if op.base != BaseOp::Null
            && let Some(want) = operator_family(op.base)
            && !family_fits(want, ty.scalar())
        {
            self.push(
                Severity::Warning,
                "CONDITION_TYPE_MISMATCH",
                pos,
                format!(
                    "{} compares {want} values but {} is of type {}",
                    op.base.name(),
                    key.name(),
                    ty.as_str()
                ),
            );
        }
        if op.set != SetOp::Single && !ty.is_multivalued() {
            self.push(
                Severity::SecurityWarning,
                "SET_OPERATOR_ON_SINGLE_VALUED_KEY",
                pos,
                format!("{} is single-valued; {} is meant for multivalued keys", key.name(), op.name()),
            );
        }
    }

    /// REDUNDANT_STATEMENT: a statement whose actions are all covered by another statement with
    /// the same effect, principal, resources and conditions.
    fn redundancy(&mut self, statements: &[Statement]) {
        for (i, b) in statements.iter().enumerate() {
            if b.action.not {
                continue;
            }
            let shadow = statements.iter().enumerate().find(|&(j, a)| {
                j != i
                    && !a.action.not
                    && a.effect == b.effect
                    && a.principal == b.principal
                    && a.resource == b.resource
                    && a.condition == b.condition
                    && covers(a, b)
                    // Identical statements: report the later one only.
                    && (!covers(b, a) || j < i)
            });
            if let Some((j, a)) = shadow {
                let name = a
                    .sid
                    .as_ref()
                    .map_or_else(|| format!("statement {}", j + 1), |s| format!("{:?}", s.value));
                self.push(
                    Severity::Suggestion,
                    "REDUNDANT_STATEMENT",
                    b.pos,
                    format!("everything this statement covers is already covered by {name}"),
                );
            }
        }
    }
}
