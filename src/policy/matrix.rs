//! The inspector's computations, free of any terminal type: one request evaluated against an
//! organization (levels root → OUs → account, the management-account exemption and the
//! organization keys, as `orgtui simulate` does for `account` requests), decision matrices of
//! accounts × actions, and "what-if" organizations where unsaved policy drafts replace the
//! stored contents.

use super::compile::{CompiledPolicy, PolicyKind, Request};
use super::eval::{EvaluationInput, evaluate, evaluate_decision};
use super::org::OrgPolicies;
use super::trace::{Decision, Evaluation};
use crate::model::{OrgSnapshot, PolicyType};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The identity side of a principal: its identity policies and permissions boundary.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub identity: Vec<CompiledPolicy>,
    pub boundary: Option<CompiledPolicy>,
    /// The policies are not known: an allow-everything policy stands in, so the decision shows
    /// what the organization's policies (SCPs and RCPs) let through.
    pub assumed: bool,
}

/// The policy text of the stand-in identity policy.
pub const ASSUMED_ADMIN: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"AssumedAdmin","Effect":"Allow","Action":"*","Resource":"*"}]}"#;

impl Identity {
    /// A principal whose identity policies are unknown (see `assumed`).
    pub fn assumed_admin() -> Identity {
        let identity =
            CompiledPolicy::parse("assumed:AdministratorAccess", PolicyKind::Identity, ASSUMED_ADMIN)
                .map(|p| vec![p])
                .unwrap_or_default();
        Identity { identity, boundary: None, assumed: true }
    }
}

/// One inspector question.
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    /// The principal's account (its SCP chain).
    pub account: &'a str,
    pub principal: &'a str,
    pub identity: &'a Identity,
    pub action: &'a str,
    pub resource: &'a str,
    pub context: &'a [(String, Vec<String>)],
}

/// Parses `key=value` context entries separated by `;` or newlines (a value list with `,`).
/// Entries without `=` are ignored.
pub fn parse_context(text: &str) -> Vec<(String, Vec<String>)> {
    text.split([';', '\n'])
        .filter_map(|e| {
            let (k, v) = e.split_once('=')?;
            let k = k.trim();
            if k.is_empty() {
                return None;
            }
            Some((k.to_string(), v.split(',').map(|s| s.trim().to_string()).collect()))
        })
        .collect()
}

fn request(org: &OrgPolicies, q: &Query<'_>) -> Request {
    let mut req = Request::new(q.principal, q.action, q.resource, None, q.context.iter().cloned());
    org.add_org_keys(&mut req, Some(q.account));
    req
}

fn run(org: &OrgPolicies, q: &Query<'_>, full: bool) -> Option<Evaluation> {
    if !org.has_account(q.account) {
        return None;
    }
    let req = request(org, q);
    let resource_account = req.resource_account.clone().unwrap_or_else(|| q.account.to_string());
    let levels = org.account_levels(q.account, &resource_account);
    let input = EvaluationInput {
        identity: &q.identity.identity,
        boundary: q.identity.boundary.as_ref(),
        scps: levels.scps.as_deref(),
        rcps: levels.rcps.as_deref(),
        management_account: Some(&org.management_account),
        scp_account: Some(q.account),
        ..EvaluationInput::default()
    };
    Some(if full { evaluate(&req, &input) } else { evaluate_decision(&req, &input) })
}

/// Evaluates one question with the full trace; `None` when the account is not in the
/// organization.
pub fn evaluate_query(org: &OrgPolicies, q: &Query<'_>) -> Option<Evaluation> {
    run(org, q, true)
}

/// The glyph of a decision in a matrix: `A` allowed, `D` explicitly denied, `-` implicitly
/// denied (readable without colour).
pub fn glyph(d: Decision) -> char {
    match d {
        Decision::Allowed => 'A',
        Decision::ExplicitlyDenied => 'D',
        Decision::ImplicitlyDenied => '-',
    }
}

/// The decision in capitals, as the inspector shows it.
pub fn words(d: Decision) -> &'static str {
    match d {
        Decision::Allowed => "ALLOWED",
        Decision::ExplicitlyDenied => "EXPLICIT DENY",
        Decision::ImplicitlyDenied => "IMPLICIT DENY",
    }
}

/// What one matrix row evaluates as: the account, its principal and that principal's identity.
#[derive(Debug, Clone)]
pub struct Row {
    pub account: String,
    pub principal: String,
    pub identity: Arc<Identity>,
}

/// A decision matrix: rows (accounts) × actions, row-major.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matrix {
    pub accounts: Vec<String>,
    pub actions: Vec<String>,
    pub cells: Vec<Decision>,
}

impl Matrix {
    /// The decision at (row, column).
    pub fn get(&self, row: usize, col: usize) -> Option<Decision> {
        if col >= self.actions.len() {
            return None;
        }
        self.cells.get(row.checked_mul(self.actions.len())?.checked_add(col)?).copied()
    }

    /// How many cells of each decision: (allowed, explicitly denied, implicitly denied).
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |d| self.cells.iter().filter(|c| **c == d).count();
        (n(Decision::Allowed), n(Decision::ExplicitlyDenied), n(Decision::ImplicitlyDenied))
    }
}

/// Computes the matrix for `rows` × `actions` on `resource` with `context`. Accounts outside
/// the organization give implicit denies. Each row builds its request and its SCP/RCP levels
/// once (only the action changes from cell to cell); large matrices are split over the
/// machine's cores.
pub fn compute(
    org: &OrgPolicies,
    rows: &[Row],
    actions: &[String],
    resource: &str,
    context: &[(String, Vec<String>)],
) -> Matrix {
    let n = rows.len().saturating_mul(actions.len());
    let threads = if n < 4_000 {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |p| p.get()).clamp(1, 8).min(rows.len())
    };
    let mut cells = vec![Decision::ImplicitlyDenied; n];
    if threads <= 1 || actions.is_empty() {
        for (row, out) in rows.iter().zip(cells.chunks_mut(actions.len().max(1))) {
            row_cells(org, row, actions, resource, context, out);
        }
    } else {
        let per = rows.len().div_ceil(threads);
        std::thread::scope(|scope| {
            for (rs, out) in rows.chunks(per).zip(cells.chunks_mut(per * actions.len())) {
                scope.spawn(move || {
                    for (row, o) in rs.iter().zip(out.chunks_mut(actions.len())) {
                        row_cells(org, row, actions, resource, context, o);
                    }
                });
            }
        });
    }
    Matrix { accounts: rows.iter().map(|r| r.account.clone()).collect(), actions: actions.to_vec(), cells }
}

/// One row's decisions into `out` (left as implicit denies when the account is not in the
/// organization).
fn row_cells(
    org: &OrgPolicies,
    row: &Row,
    actions: &[String],
    resource: &str,
    context: &[(String, Vec<String>)],
    out: &mut [Decision],
) {
    let Some(first) = actions.first() else { return };
    if !org.has_account(&row.account) {
        return;
    }
    let q = Query {
        account: &row.account,
        principal: &row.principal,
        identity: &row.identity,
        action: first,
        resource,
        context,
    };
    let mut req = request(org, &q);
    let resource_account = req.resource_account.clone().unwrap_or_else(|| row.account.clone());
    let levels = org.account_levels(&row.account, &resource_account);
    let input = EvaluationInput {
        identity: &row.identity.identity,
        boundary: row.identity.boundary.as_ref(),
        scps: levels.scps.as_deref(),
        rcps: levels.rcps.as_deref(),
        management_account: Some(&org.management_account),
        scp_account: Some(&row.account),
        ..EvaluationInput::default()
    };
    for (action, cell) in actions.iter().zip(out.iter_mut()) {
        req.set_action(action);
        *cell = evaluate_decision(&req, &input).decision;
    }
}

/// Which cells differ between two matrices of the same shape (all differ when shapes differ).
pub fn changed(a: &Matrix, b: &Matrix) -> Vec<bool> {
    if a.accounts != b.accounts || a.actions != b.actions {
        return vec![true; b.cells.len()];
    }
    a.cells.iter().zip(&b.cells).map(|(x, y)| x != y).collect()
}

/// A copy of the snapshot where each SCP or RCP with a draft has the draft's text as its
/// content, and the ids of the policies replaced. Drafts of new policies (`new:…`), of
/// unknown ids, of other policy types and drafts equal to the stored text are ignored.
/// `None` when no draft applies.
pub fn with_drafts(s: &OrgSnapshot, drafts: &BTreeMap<String, String>) -> Option<(OrgSnapshot, Vec<String>)> {
    let applies = |p: &crate::model::SnapshotPolicy| {
        matches!(p.summary.r#type, PolicyType::ServiceControlPolicy | PolicyType::ResourceControlPolicy)
            && drafts.get(p.summary.id.as_str()).is_some_and(|d| *d != p.content)
    };
    if !s.policies.iter().any(applies) {
        return None;
    }
    let mut copy = s.clone();
    let mut replaced = Vec::new();
    for p in &mut copy.policies {
        if applies(p)
            && let Some(d) = drafts.get(p.summary.id.as_str())
        {
            p.content = d.clone();
            replaced.push(p.summary.id.as_str().to_string());
        }
    }
    Some((copy, replaced))
}

/// The accounts at or below a node (root, OU or account id), in snapshot order.
pub fn accounts_under(s: &OrgSnapshot, node: &str) -> Vec<String> {
    let mut parent: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for ou in &s.organizational_units {
        parent.insert(ou.id.as_str(), ou.parent_id.as_str());
    }
    s.accounts
        .iter()
        .filter(|a| a.account.id.as_str() == node || is_under(&parent, a.parent_id.as_str(), node))
        .map(|a| a.account.id.as_str().to_string())
        .collect()
}

/// The matrix starts with the same common administrative actions the blast radius watches.
pub use super::blast::DEFAULT_WATCH as DEFAULT_ACTIONS;

fn is_under<'a>(parent: &std::collections::HashMap<&'a str, &'a str>, mut id: &'a str, node: &str) -> bool {
    for _ in 0..64 {
        if id == node {
            return true;
        }
        match parent.get(id) {
            Some(p) => id = p,
            None => return false,
        }
    }
    false
}
