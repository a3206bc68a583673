//! Policies compiled once for fast evaluation (`CompiledPolicy`), the request (`Request`) with
//! its derived principal facts and context keys, and the statement-level match.

use super::conditions::Condition;
use super::matching::{ActionPattern, ShortArn, resource_match};
use super::parse::{self, Effect, ParseError, PolicyDocument, Principal};
use super::variables::{Context, Template};
use std::sync::Arc;

/// Which kind of policy a document is evaluated as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PolicyKind {
    Identity,
    Boundary,
    Session,
    Resource,
    Scp,
    Rcp,
}

impl PolicyKind {
    fn short_arn(self) -> ShortArn {
        match self {
            PolicyKind::Identity | PolicyKind::Boundary | PolicyKind::Session => ShortArn::Wildcard,
            _ => ShortArn::Whole,
        }
    }
}

/// A principal id named in a resource policy.
#[derive(Debug, Clone, PartialEq)]
enum PrincipalId {
    /// `"*"` or `{"AWS": "*"}`: everyone, anonymous included.
    Any,
    /// An account id or `arn:…:iam::<acct>:root`: delegates to the account.
    Account(String),
    /// A user, role, session or federated-user ARN.
    Arn(String),
    Service(String),
    Federated(String),
    Canonical(String),
}

/// How a resource-policy statement's principal matched the caller (§1.3 decides by this).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PrincipalMatch {
    /// The account is named: delegation to the account's IAM (identity policy must allow).
    Account,
    /// The role of the calling session is named: boundary and session policy still apply.
    Role,
    /// The caller itself is named (user, session, federated user, service).
    Exact,
    /// `*`, or an Allow with `NotPrincipal`: not limited by boundaries or session policies.
    Wildcard,
}

#[derive(Debug, Clone, PartialEq)]
struct CompiledStatement {
    sid: Option<Arc<str>>,
    effect: Effect,
    not_action: bool,
    actions: Vec<ActionPattern>,
    /// `None` when the statement has no Resource (role trust policies: "this role").
    resources: Option<(bool, Vec<Template>)>,
    principal: Option<(bool, Option<Vec<PrincipalId>>)>,
    conditions: Vec<Condition>,
}

/// A policy document prepared for evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledPolicy {
    /// How the trace names it (policy id, or the request field it came from).
    pub name: Arc<str>,
    pub kind: PolicyKind,
    pub document: PolicyDocument,
    statements: Vec<CompiledStatement>,
}

/// A statement of a policy that applies to a request.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementHit {
    pub sid: Option<Arc<str>>,
    pub index: usize,
    pub effect: Effect,
    /// For resource policies: how the principal matched.
    pub principal: Option<PrincipalMatch>,
}

impl CompiledPolicy {
    /// Parses and compiles policy text.
    pub fn parse(name: &str, kind: PolicyKind, text: &str) -> Result<CompiledPolicy, ParseError> {
        Ok(Self::compile(name, kind, parse::parse_policy(text)?))
    }

    /// Compiles a parsed document.
    pub fn compile(name: &str, kind: PolicyKind, document: PolicyDocument) -> CompiledPolicy {
        let vars = document.variables_enabled();
        let statements = document
            .statements
            .iter()
            .map(|st| CompiledStatement {
                sid: st.sid.as_ref().map(|s| Arc::from(s.value.as_str())),
                effect: st.effect.value,
                not_action: st.action.not,
                actions: st.action.value.iter().map(|a| ActionPattern::compile(&a.value)).collect(),
                resources: st.resource.as_ref().map(|r| {
                    (r.not, r.value.iter().map(|s| Template::compile(&s.value, vars, true)).collect())
                }),
                principal: st.principal.as_ref().map(|p| (p.not, compile_principal(&p.value))),
                conditions: st
                    .condition
                    .iter()
                    .flat_map(|b| b.keys.iter().map(move |k| Condition::compile(b.operator.value, k, vars)))
                    .collect(),
            })
            .collect();
        CompiledPolicy { name: Arc::from(name), kind, document, statements }
    }

    /// Calls `hit` for every statement that applies to the request.
    /// `has_boundary`: whether the caller has a permissions boundary (NotPrincipal quirk).
    pub fn for_each_hit(&self, req: &Request, has_boundary: bool, mut hit: impl FnMut(StatementHit)) {
        for (index, st) in self.statements.iter().enumerate() {
            if let Some(principal) = statement_applies(st, self.kind, req, has_boundary) {
                hit(StatementHit { sid: st.sid.clone(), index, effect: st.effect, principal });
            }
        }
    }
}

impl CompiledPolicy {
    /// Condition keys (as written) of statements whose action and resource cover the request
    /// but that the request context lacks — what AWS's simulator calls missing context values.
    pub fn missing_keys(&self, req: &Request, out: &mut Vec<String>) {
        for st in &self.statements {
            if !action_and_resource_match(st, self.kind, req) {
                continue;
            }
            for c in &st.conditions {
                if req.context.get(&c.key).is_none_or(|v| v.is_empty())
                    && !out.iter().any(|k| k.eq_ignore_ascii_case(&c.key_text))
                {
                    out.push(c.key_text.clone());
                }
            }
        }
    }
}

fn compile_principal(p: &Principal) -> Option<Vec<PrincipalId>> {
    let Principal::Map(entries) = p else { return None };
    let mut out = Vec::new();
    for (ty, ids) in entries {
        for id in ids {
            let v = id.value.as_str();
            out.push(match ty.value.as_str() {
                "AWS" if v == "*" => PrincipalId::Any,
                "AWS" if v.len() == 12 && v.bytes().all(|c| c.is_ascii_digit()) => {
                    PrincipalId::Account(v.into())
                }
                "AWS" => match super::compile::arn_account_root(v) {
                    Some(acct) => PrincipalId::Account(acct.into()),
                    None => PrincipalId::Arn(v.into()),
                },
                "Service" => PrincipalId::Service(v.into()),
                "Federated" => PrincipalId::Federated(v.into()),
                _ => PrincipalId::Canonical(v.into()),
            });
        }
    }
    Some(out)
}

/// The account of `arn:<partition>:iam::<acct>:root`.
fn arn_account_root(v: &str) -> Option<&str> {
    let [arn, _, svc, region, acct, res] = super::matching::arn_parts(v)?;
    (arn == "arn" && svc == "iam" && region.is_empty() && res == "root").then_some(acct)
}

/// Whether the statement's Action/NotAction and Resource/NotResource cover the request.
fn action_and_resource_match(st: &CompiledStatement, kind: PolicyKind, req: &Request) -> bool {
    let any_action =
        st.actions.iter().any(|a| a.matches(req.action_prefix_key, &req.action_prefix, &req.action_name));
    if any_action == st.not_action {
        return false;
    }
    if let Some((not, patterns)) = &st.resources {
        let any = patterns.iter().any(|t| match t.toks(&req.context) {
            Some(p) => resource_match(&p, &req.resource, kind.short_arn()),
            // An unresolvable variable: the entry matches nothing (§2.8).
            None => false,
        });
        if any == *not {
            return false;
        }
    }
    true
}

/// Whether a statement applies; `Some(principal match)` when it does (the match is `None` for
/// policies without principals).
fn statement_applies(
    st: &CompiledStatement,
    kind: PolicyKind,
    req: &Request,
    has_boundary: bool,
) -> Option<Option<PrincipalMatch>> {
    if !action_and_resource_match(st, kind, req) {
        return None;
    }
    let principal = match kind {
        PolicyKind::Resource => {
            let (not, ids) = st.principal.as_ref()?;
            let best = match ids {
                None => Some(PrincipalMatch::Wildcard),
                Some(ids) => ids.iter().filter_map(|id| principal_match(id, &req.principal)).max(),
            };
            match (not, best) {
                (false, Some(m)) => Some(m),
                (false, None) => return None,
                (true, None) => Some(PrincipalMatch::Wildcard),
                // Known quirk (§1.3): Deny + NotPrincipal always denies an IAM user or role that
                // has a permissions boundary, whatever NotPrincipal lists.
                (true, Some(_)) if st.effect == Effect::Deny && has_boundary && req.principal.is_iam() => {
                    Some(PrincipalMatch::Wildcard)
                }
                (true, Some(_)) => return None,
            }
        }
        _ => None,
    };
    if !st.conditions.iter().all(|c| c.eval(&req.context)) {
        return None;
    }
    Some(principal)
}

fn principal_match(id: &PrincipalId, p: &PrincipalInfo) -> Option<PrincipalMatch> {
    match id {
        PrincipalId::Any => Some(PrincipalMatch::Wildcard),
        PrincipalId::Account(a) => (p.kind != PrincipalKind::Anonymous && p.account.as_deref() == Some(a))
            .then_some(PrincipalMatch::Account),
        PrincipalId::Arn(arn) => {
            if *arn == p.arn {
                return Some(if p.kind == PrincipalKind::Role {
                    PrincipalMatch::Role
                } else {
                    PrincipalMatch::Exact
                });
            }
            let role = p.role_arn.as_deref()?;
            if arn == role {
                return Some(PrincipalMatch::Role);
            }
            // A session ARN does not carry the role's path: compare account and role name.
            let [_, _, svc, _, acct, res] = super::matching::arn_parts(arn)?;
            let name = res.strip_prefix("role/")?.rsplit('/').next()?;
            (svc == "iam" && p.account.as_deref() == Some(acct) && p.role_name.as_deref() == Some(name))
                .then_some(PrincipalMatch::Role)
        }
        PrincipalId::Service(s) => {
            (p.kind == PrincipalKind::Service && p.arn == *s).then_some(PrincipalMatch::Exact)
        }
        PrincipalId::Federated(s) | PrincipalId::Canonical(s) => {
            (p.arn == *s).then_some(PrincipalMatch::Exact)
        }
    }
}

/// What kind of caller a request comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrincipalKind {
    Anonymous,
    Service,
    User,
    /// A role ARN given as the principal (treated as a session of the role).
    Role,
    RoleSession,
    FederatedUser,
    Root,
    /// Any other ARN.
    Other,
}

/// Facts derived from the principal string.
#[derive(Debug, Clone, PartialEq)]
pub struct PrincipalInfo {
    pub kind: PrincipalKind,
    pub arn: String,
    pub account: Option<String>,
    pub role_arn: Option<String>,
    pub role_name: Option<String>,
    /// Service-linked role: role path `/aws-service-role/` (the `AWSServiceRoleFor` name prefix
    /// is only a heuristic and is not used).
    pub service_linked: bool,
}

impl PrincipalInfo {
    /// Classifies a principal: `*`/`anonymous`, a service principal (`s3.amazonaws.com`), or an
    /// IAM/STS ARN. `role_arn_hint` is the role ARN of a session when known (`aws:PrincipalArn`).
    pub fn classify(principal: &str, role_arn_hint: Option<&str>) -> PrincipalInfo {
        let mut info = PrincipalInfo {
            kind: PrincipalKind::Other,
            arn: principal.to_string(),
            account: None,
            role_arn: None,
            role_name: None,
            service_linked: false,
        };
        if principal == "*" || principal.eq_ignore_ascii_case("anonymous") {
            info.kind = PrincipalKind::Anonymous;
            return info;
        }
        let Some([_, partition, svc, _, acct, res]) = super::matching::arn_parts(principal) else {
            if principal.ends_with(".amazonaws.com") || principal.ends_with(".amazonaws.com.cn") {
                info.kind = PrincipalKind::Service;
            }
            return info;
        };
        info.account = (!acct.is_empty()).then(|| acct.to_string());
        match (svc, res.split_once('/')) {
            ("iam", _) if res == "root" => info.kind = PrincipalKind::Root,
            ("iam", Some(("user", _))) => info.kind = PrincipalKind::User,
            ("iam", Some(("role", path))) => {
                info.kind = PrincipalKind::Role;
                info.role_arn = Some(principal.to_string());
                info.role_name = path.rsplit('/').next().map(str::to_string);
            }
            ("sts", Some(("assumed-role", rest))) => {
                info.kind = PrincipalKind::RoleSession;
                let role = rest.split('/').next().unwrap_or_default();
                info.role_name = Some(role.to_string());
                info.role_arn = Some(match role_arn_hint {
                    Some(h) if h.contains(":role/") => h.to_string(),
                    _ => format!("arn:{partition}:iam::{acct}:role/{role}"),
                });
            }
            ("sts", Some(("federated-user", _))) => info.kind = PrincipalKind::FederatedUser,
            _ => {}
        }
        info.service_linked = info
            .role_arn
            .as_deref()
            .is_some_and(|r| r.split_once(":role/").is_some_and(|(_, p)| p.starts_with("aws-service-role/")));
        info
    }

    /// An IAM user or role (session): the principals permissions boundaries apply to.
    pub fn is_iam(&self) -> bool {
        matches!(self.kind, PrincipalKind::User | PrincipalKind::Role | PrincipalKind::RoleSession)
    }

    /// Whether SCPs can constrain it (not anonymous, not a service principal).
    pub fn in_scp_scope(&self) -> bool {
        !matches!(self.kind, PrincipalKind::Anonymous | PrincipalKind::Service) && !self.service_linked
    }
}

/// One authorization request, ready for evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub principal: PrincipalInfo,
    /// The action as given.
    pub action: String,
    /// Lower-case service prefix and action name.
    pub action_prefix: String,
    /// `matching::prefix_key` of the prefix.
    pub action_prefix_key: u64,
    pub action_name: String,
    /// The resource ARN, or `*`.
    pub resource: String,
    /// The account owning the resource (given, or the ARN's account, or the principal's).
    pub resource_account: Option<String>,
    /// Context with lower-case keys, derived keys included.
    pub context: Context,
}

impl Request {
    /// Builds a request; context keys are lower-cased, and the keys AWS derives from the
    /// principal and resource are added unless given (`aws:PrincipalArn`,
    /// `aws:PrincipalAccount`, `aws:PrincipalType`, `aws:username`, `aws:PrincipalIsAWSService`,
    /// `aws:PrincipalServiceName`, `aws:ResourceAccount`).
    pub fn new(
        principal: &str,
        action: &str,
        resource: &str,
        resource_account: Option<&str>,
        context: impl IntoIterator<Item = (String, Vec<String>)>,
    ) -> Request {
        let mut ctx: Context = Context::new();
        for (k, v) in context {
            ctx.entry(k.to_ascii_lowercase()).or_default().extend(v);
        }
        let hint = ctx.get("aws:principalarn").and_then(|v| v.first()).map(String::as_str);
        let info = PrincipalInfo::classify(principal, hint);
        let (prefix, name) = match action.split_once(':') {
            Some((p, n)) => (p.to_ascii_lowercase(), n.to_ascii_lowercase()),
            None => (action.to_ascii_lowercase(), String::new()),
        };
        let resource_account = resource_account
            .map(str::to_string)
            .or_else(|| {
                super::matching::arn_parts(resource)
                    .map(|p| p[4])
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
            })
            .or_else(|| info.account.clone());
        let mut add = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                ctx.entry(k.to_string()).or_insert_with(|| vec![v]);
            }
        };
        let ptype = match info.kind {
            PrincipalKind::User => Some("User"),
            PrincipalKind::Role | PrincipalKind::RoleSession => Some("AssumedRole"),
            PrincipalKind::FederatedUser => Some("FederatedUser"),
            PrincipalKind::Root => Some("Account"),
            PrincipalKind::Anonymous => Some("Anonymous"),
            _ => None,
        };
        if info.kind != PrincipalKind::Anonymous && info.kind != PrincipalKind::Service {
            add("aws:principalarn", Some(info.role_arn.clone().unwrap_or_else(|| info.arn.clone())));
            add("aws:principalaccount", info.account.clone());
        }
        add("aws:principaltype", ptype.map(str::to_string));
        if info.kind == PrincipalKind::User {
            add("aws:username", info.arn.rsplit('/').next().map(str::to_string));
        }
        if info.kind != PrincipalKind::Anonymous {
            add("aws:principalisawsservice", Some((info.kind == PrincipalKind::Service).to_string()));
        }
        if info.kind == PrincipalKind::Service {
            add("aws:principalservicename", Some(info.arn.clone()));
        }
        add("aws:resourceaccount", resource_account.clone());
        Request {
            principal: info,
            action: action.to_string(),
            action_prefix_key: super::matching::prefix_key(&prefix),
            action_prefix: prefix,
            action_name: name,
            resource: resource.to_string(),
            resource_account,
            context: ctx,
        }
    }

    /// Changes the action (for decision matrices: one request per principal, many actions).
    pub fn set_action(&mut self, action: &str) {
        self.action.clear();
        self.action.push_str(action);
        let (p, n) = action.split_once(':').unwrap_or((action, ""));
        self.action_prefix.clear();
        self.action_prefix.extend(p.chars().map(|c| c.to_ascii_lowercase()));
        self.action_prefix_key = super::matching::prefix_key(&self.action_prefix);
        self.action_name.clear();
        self.action_name.extend(n.chars().map(|c| c.to_ascii_lowercase()));
    }

    /// Adds a context key (lower-cased) unless the request already has it.
    pub fn add_key(&mut self, key: &str, values: Vec<String>) {
        self.context.entry(key.to_ascii_lowercase()).or_insert(values);
    }
}
