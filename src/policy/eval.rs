//! The decision (§1.2–§1.7): explicit denies anywhere; RCPs (RCP-supported services only, not
//! for management-account resources or service-linked roles); SCPs level by level (each level
//! needs an Allow; management account, service-linked roles, service principals and anonymous
//! callers exempt); resource-based policy with the same-account shortcuts and the cross-account
//! rule; identity policies; permissions boundary; session policies.

use super::compile::{CompiledPolicy, PrincipalKind, PrincipalMatch, Request};
use super::parse::Effect;
use super::trace::*;
use std::borrow::Cow;
use std::sync::Arc;

/// One SCP/RCP level: a node (root, OU or account) and the policies attached directly to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// `r-…`, `ou-…`, a 12-digit account id, or a name for explicit levels.
    pub id: Arc<str>,
    pub policies: Vec<Arc<CompiledPolicy>>,
}

/// Everything evaluated for one request.
#[derive(Debug, Clone, Copy, Default)]
pub struct EvaluationInput<'a> {
    pub identity: &'a [CompiledPolicy],
    pub boundary: Option<&'a CompiledPolicy>,
    /// Session policies (inline and managed): allow if any allows, deny if any denies (§1.9.4).
    pub session: &'a [CompiledPolicy],
    pub resource: Option<&'a CompiledPolicy>,
    /// SCP levels root first; `None` when SCPs do not apply (type disabled, outside the org).
    pub scps: Option<&'a [Level]>,
    /// RCP levels of the resource owner's account, root first; `None` when absent.
    pub rcps: Option<&'a [Level]>,
    /// The organization's management account (exempt from SCPs; its resources from RCPs).
    pub management_account: Option<&'a str>,
    /// The account whose SCP chain is given (defaults to the principal's account).
    pub scp_account: Option<&'a str>,
}

/// RCP-supported service prefixes, sorted (reference/policy-evaluation.md §1.6, iam-data Aug 2026).
const RCP_SERVICES: &[&str] = &[
    "aoss",
    "appconfig",
    "appstream",
    "autoscaling",
    "cloudfront",
    "cloudsearch",
    "codebuild",
    "codecommit",
    "codepipeline",
    "cognito-identity",
    "cognito-idp",
    "comprehend",
    "comprehendmedical",
    "cost-optimization-hub",
    "dax",
    "dynamodb",
    "ecr",
    "events",
    "firehose",
    "fis",
    "health",
    "inspector-scan",
    "kendra",
    "kinesisvideo",
    "kms",
    "logs",
    "memorydb",
    "networkmonitor",
    "opensearch",
    "pca-connector-ad",
    "polly",
    "pricing",
    "s3",
    "secretsmanager",
    "signin",
    "sqs",
    "sts",
    "support",
    "textract",
    "timestream-influxdb",
    "transcribe",
    "transfer",
    "translate",
    "wafv2",
];

/// Whether RCPs apply to actions of a service (case-insensitive prefix). The list is from
/// the reference; the action catalogue will supply it later — keep it in this one place.
pub fn rcp_supported(service: &str) -> bool {
    if service.bytes().any(|b| b.is_ascii_uppercase()) {
        return RCP_SERVICES.binary_search(&service.to_ascii_lowercase().as_str()).is_ok();
    }
    RCP_SERVICES.binary_search(&service).is_ok()
}

/// What one layer found.
struct LayerResult {
    trace: LayerTrace,
    deny: Option<(Option<Arc<str>>, Matched)>,
    allow: Option<(Option<Arc<str>>, Matched)>,
    /// First level without a matching Allow.
    missing: Option<Option<Arc<str>>>,
    /// Resource policies: the strongest principal match among matching Allows.
    grant: Option<(PrincipalMatch, Matched)>,
    /// Resource policies: an Allow naming the caller's account (delegation to IAM).
    delegates: bool,
    /// Record levels and matched statements (off for decision-only evaluation).
    collect: bool,
}

impl LayerResult {
    fn new(layer: Layer, applies: bool, note: Option<&'static str>, collect: bool) -> Self {
        LayerResult {
            collect,
            trace: LayerTrace { layer, applies, note, levels: Vec::new() },
            deny: None,
            allow: None,
            missing: None,
            grant: None,
            delegates: false,
        }
    }

    fn level<'p>(
        &mut self,
        id: Option<&Arc<str>>,
        policies: impl Iterator<Item = &'p CompiledPolicy>,
        req: &Request,
        has_boundary: bool,
    ) {
        let mut lv = LevelTrace { level: None, allowed: false, matched: Vec::new() };
        let collect = self.collect;
        for p in policies {
            p.for_each_hit(req, has_boundary, |hit| {
                let m =
                    Matched { policy: p.name.clone(), sid: hit.sid, index: hit.index, effect: hit.effect };
                match hit.effect {
                    Effect::Deny => {
                        if self.deny.is_none() {
                            self.deny = Some((id.cloned(), m.clone()));
                        }
                    }
                    Effect::Allow => {
                        lv.allowed = true;
                        if self.allow.is_none() {
                            self.allow = Some((id.cloned(), m.clone()));
                        }
                        if let Some(pm) = hit.principal {
                            if pm == PrincipalMatch::Account {
                                self.delegates = true;
                            }
                            if self.grant.as_ref().is_none_or(|(g, _)| pm > *g) {
                                self.grant = Some((pm, m.clone()));
                            }
                        }
                    }
                }
                if collect {
                    lv.matched.push(m);
                }
            });
        }
        if !lv.allowed && self.missing.is_none() {
            self.missing = Some(id.cloned());
        }
        if collect {
            lv.level = id.cloned();
            self.trace.levels.push(lv);
        }
    }
}

fn deciding(layer: Layer, level: Option<Arc<str>>, m: Option<&Matched>, reason: &'static str) -> Deciding {
    Deciding {
        layer: Some(layer),
        level,
        policy: m.map(|m| m.policy.clone()),
        sid: m.and_then(|m| m.sid.clone()),
        statement_index: m.map(|m| m.index),
        reason: Cow::Borrowed(reason),
    }
}

/// Evaluates one request with the full trace.
pub fn evaluate(req: &Request, input: &EvaluationInput<'_>) -> Evaluation {
    evaluate_with(req, input, true)
}

/// Evaluates one request for the decision and the deciding layer/level/policy/statement only:
/// `trace.layers` is empty and there is no message (for decision matrices).
pub fn evaluate_decision(req: &Request, input: &EvaluationInput<'_>) -> Evaluation {
    evaluate_with(req, input, false)
}

fn evaluate_with(req: &Request, input: &EvaluationInput<'_>, full: bool) -> Evaluation {
    let p = &req.principal;
    if req.action_prefix == "sts" && req.action_name == "getcalleridentity" {
        return Evaluation {
            decision: Decision::Allowed,
            trace: Trace {
                deciding: Deciding {
                    reason: Cow::Borrowed(
                        "sts:GetCallerIdentity is always allowed, even with an explicit deny",
                    ),
                    ..Deciding::default()
                },
                message: None,
                layers: Vec::new(),
                missing_context_keys: Vec::new(),
            },
        };
    }
    let hb = input.boundary.is_some();

    // RCPs: the resource owner's chain.
    let rcp_note = if input.rcps.is_none() {
        Some(
            "no resource control policies apply (type not enabled, or the resource is outside the organization)",
        )
    } else if !rcp_supported(&req.action_prefix) {
        Some("the service does not support resource control policies")
    } else if p.service_linked {
        Some("service-linked roles are exempt from resource control policies")
    } else if input.management_account.is_some()
        && req.resource_account.as_deref() == input.management_account
    {
        Some("resources of the management account are exempt from resource control policies")
    } else {
        None
    };
    let mut rcp = LayerResult::new(Layer::Rcp, rcp_note.is_none(), rcp_note, full);
    if let (None, Some(levels)) = (rcp_note, input.rcps) {
        for l in levels {
            rcp.level(Some(&l.id), l.policies.iter().map(|p| &**p), req, hb);
        }
    }

    // SCPs: the principal's chain.
    let scp_account = input.scp_account.or(p.account.as_deref());
    let scp_note = if input.scps.is_none() {
        Some(
            "no service control policies apply (type not enabled, or the principal is outside the organization)",
        )
    } else if matches!(p.kind, PrincipalKind::Anonymous | PrincipalKind::Service) {
        Some("service control policies do not constrain anonymous callers or AWS service principals")
    } else if p.service_linked {
        Some("service-linked roles are exempt from service control policies")
    } else if input.management_account.is_some() && scp_account == input.management_account {
        Some("principals of the management account are exempt from service control policies")
    } else {
        None
    };
    let mut scp = LayerResult::new(Layer::Scp, scp_note.is_none(), scp_note, full);
    if let (None, Some(levels)) = (scp_note, input.scps) {
        for l in levels {
            scp.level(Some(&l.id), l.policies.iter().map(|p| &**p), req, hb);
        }
    }

    let mut res = LayerResult::new(Layer::ResourcePolicy, input.resource.is_some(), None, full);
    if let Some(r) = input.resource {
        res.level(None, std::iter::once(r), req, hb);
    }
    let identity_applies = !matches!(p.kind, PrincipalKind::Anonymous | PrincipalKind::Service);
    let mut idp = LayerResult::new(Layer::IdentityPolicy, identity_applies, None, full);
    if identity_applies {
        idp.level(None, input.identity.iter(), req, hb);
    }
    let mut pb = LayerResult::new(Layer::PermissionBoundary, input.boundary.is_some(), None, full);
    if let Some(b) = input.boundary {
        pb.level(None, std::iter::once(b), req, hb);
    }
    let session_applies = !input.session.is_empty();
    let mut sp = LayerResult::new(Layer::SessionPolicy, session_applies, None, full);
    if session_applies {
        sp.level(None, input.session.iter(), req, hb);
    }

    let (decision, deciding) = decide(req, input, &rcp, &scp, &res, &idp, &pb, &sp);
    if !full {
        return Evaluation {
            decision,
            trace: Trace { deciding, message: None, layers: Vec::new(), missing_context_keys: Vec::new() },
        };
    }
    let mut missing_context_keys = Vec::new();
    let rcp_levels = if rcp.trace.applies { input.rcps.unwrap_or_default() } else { &[] };
    let scp_levels = if scp.trace.applies { input.scps.unwrap_or_default() } else { &[] };
    for p in rcp_levels.iter().chain(scp_levels).flat_map(|l| l.policies.iter().map(|p| &**p)) {
        p.missing_keys(req, &mut missing_context_keys);
    }
    let singles = input.resource.into_iter().chain(input.boundary).chain(input.identity).chain(input.session);
    for p in singles {
        p.missing_keys(req, &mut missing_context_keys);
    }
    let message = (decision != Decision::Allowed).then(|| message(req, decision, &deciding));
    let layers = vec![rcp.trace, scp.trace, res.trace, idp.trace, pb.trace, sp.trace];
    Evaluation { decision, trace: Trace { deciding, message, layers, missing_context_keys } }
}

#[allow(clippy::too_many_arguments)]
fn decide(
    req: &Request,
    input: &EvaluationInput<'_>,
    rcp: &LayerResult,
    scp: &LayerResult,
    res: &LayerResult,
    idp: &LayerResult,
    pb: &LayerResult,
    sp: &LayerResult,
) -> (Decision, Deciding) {
    use Decision::*;
    let p = &req.principal;
    // 1. Explicit deny anywhere.
    for l in [rcp, scp, res, idp, pb, sp] {
        if let Some((level, m)) = &l.deny {
            let reason = l.trace.layer.explicit_deny_reason();
            return (ExplicitlyDenied, deciding(l.trace.layer, level.clone(), Some(m), reason));
        }
    }
    // 2–3. RCP and SCP levels each need an Allow.
    for l in [rcp, scp] {
        if l.trace.applies
            && let Some(level) = &l.missing
        {
            let reason = l.trace.layer.no_allow_reason();
            return (ImplicitlyDenied, deciding(l.trace.layer, level.clone(), None, reason));
        }
    }
    let implicit =
        |layer: Layer, reason: &'static str| (ImplicitlyDenied, deciding(layer, None, None, reason));
    let allowed =
        |layer: Layer, m: &Matched, reason: &'static str| (Allowed, deciding(layer, None, Some(m), reason));

    // Anonymous callers and service principals: only the resource policy can grant.
    if matches!(p.kind, PrincipalKind::Anonymous | PrincipalKind::Service) {
        return match &res.grant {
            Some((_, m)) => allowed(Layer::ResourcePolicy, m, "the resource-based policy allows the caller"),
            None => implicit(Layer::ResourcePolicy, "no resource-based policy allows the caller"),
        };
    }

    let same_account = match (&p.account, &req.resource_account) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    // Key policies and role trust policies are authoritative (§1.7): identity policies count
    // only when the resource policy delegates to the account.
    let trust = role_trust_governs(req);
    let authoritative = trust || (input.resource.is_some() && req.action_prefix == "kms");
    let identity_allow = if p.kind == PrincipalKind::Root && same_account {
        // The account root user has full access within its own account.
        true
    } else {
        idp.allow.is_some() && (!authoritative || res.delegates)
    };
    let session_check = || -> Option<(Decision, Deciding)> {
        if let Some(l) = [pb, sp].into_iter().find(|l| l.trace.applies && l.allow.is_none()) {
            return Some(implicit(l.trace.layer, l.trace.layer.no_allow_reason()));
        }
        if p.kind == PrincipalKind::FederatedUser && !sp.trace.applies {
            return Some(implicit(
                Layer::SessionPolicy,
                "a federated-user session without a session policy has no permissions",
            ));
        }
        None
    };

    if same_account {
        match &res.grant {
            Some((PrincipalMatch::Exact | PrincipalMatch::Wildcard, m)) => {
                return allowed(
                    Layer::ResourcePolicy,
                    m,
                    "the resource-based policy names the caller (same account): identity policies, boundary and session policies are not needed",
                );
            }
            Some((PrincipalMatch::Role, m)) => {
                if let Some(d) = session_check() {
                    return d;
                }
                return allowed(
                    Layer::ResourcePolicy,
                    m,
                    "the resource-based policy names the caller's role (same account); boundary and session policies allow",
                );
            }
            _ => {}
        }
        if !identity_allow {
            return if trust && input.resource.is_none() {
                implicit(
                    Layer::ResourcePolicy,
                    "no role trust policy allows the caller (none was given; it is required for this action on a role)",
                )
            } else if authoritative && idp.allow.is_some() {
                implicit(
                    Layer::ResourcePolicy,
                    "the resource-based policy does not delegate to the account's IAM policies",
                )
            } else {
                implicit(Layer::IdentityPolicy, "no identity-based policy allows the action")
            };
        }
    } else {
        if res.grant.is_none() {
            return implicit(
                Layer::ResourcePolicy,
                "cross-account request: no resource-based policy of the resource's account allows the caller",
            );
        }
        if !identity_allow {
            return implicit(Layer::IdentityPolicy, "no identity-based policy allows the action");
        }
    }
    if let Some(d) = session_check() {
        return d;
    }
    match &idp.allow {
        Some((_, m)) => allowed(Layer::IdentityPolicy, m, "an identity-based policy allows the action"),
        None => (Allowed, deciding(Layer::IdentityPolicy, None, None, "the account root user (own account)")),
    }
}

/// The STS actions a role's trust policy governs (lower case): against a role, each needs the
/// trust policy to allow the caller, whatever the identity policies say (§1.7).
const TRUST_ACTIONS: &[&str] = &[
    "assumerole",
    "assumerolewithsaml",
    "assumerolewithwebidentity",
    "setcontext",
    "setsourceidentity",
    "tagsession",
];

/// True when the request is one of the STS actions a role trust policy is authoritative for and
/// the resource is an IAM role: a same-account identity-policy Allow alone is then not enough.
fn role_trust_governs(req: &Request) -> bool {
    req.action_prefix == "sts"
        && TRUST_ACTIONS.contains(&req.action_name.as_str())
        && is_role_arn(&req.resource)
}

/// `arn:<partition>:iam::<account>:role/<path/name>`.
fn is_role_arn(resource: &str) -> bool {
    let mut parts = resource.splitn(6, ':');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("arn"), Some(_), Some("iam"), Some(""), Some(_), Some(rest)) if rest.starts_with("role/")
    )
}

/// AWS's access-denied sentence (§1.8).
fn message(req: &Request, decision: Decision, d: &Deciding) -> String {
    let words = d.layer.map(Layer::aws_words).unwrap_or("policy");
    let why = if decision == Decision::ExplicitlyDenied {
        format!("with an explicit deny in a {words}")
    } else {
        format!("because no {words} allows the {} action", req.action)
    };
    let policy = match &d.policy {
        Some(p) if decision == Decision::ExplicitlyDenied => format!(": {p}"),
        _ => String::new(),
    };
    format!(
        "User: {} is not authorized to perform: {} on resource: {} {why}{policy}",
        req.principal.arn, req.action, req.resource
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn rcp_services_are_sorted_for_binary_search() {
        assert!(super::RCP_SERVICES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(super::RCP_SERVICES.len(), 44);
        assert!(super::rcp_supported("S3") && super::rcp_supported("sts") && !super::rcp_supported("ec2"));
    }
}
