//! What the inspector shows, computed from the state: the organization's policies (and the
//! what-if copy with the editor's drafts), the single decision, and the matrix — computed once
//! per change of its inputs and kept, so drawing a frame only reads it.

use super::state::State;
use super::state::{self, Field};
use crate::policy::matrix::{self, Matrix, Query, Row};
use crate::policy::{Evaluation, OrgPolicies};
use crate::tui::cx::View;
use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// The organization's SCPs and RCPs, as stored and with the drafts.
#[derive(Debug)]
pub struct Orgs {
    key: u64,
    pub base: Arc<OrgPolicies>,
    /// With the drafts in place of the stored policies (`None`: no draft applies).
    pub what_if: Option<Arc<OrgPolicies>>,
    /// Policies a draft replaces.
    pub replaced: Vec<String>,
}

/// A computed matrix.
#[derive(Debug)]
pub struct MatrixResult {
    key: u64,
    pub rows: Vec<Row>,
    pub base: Matrix,
    /// With the drafts, which cells change, and how many.
    pub what_if: Option<(Matrix, Vec<bool>, usize)>,
}

/// Results kept between frames (interior mutability: drawing reads through `&App`).
#[derive(Debug, Default)]
pub struct Cache {
    orgs: RefCell<Option<Arc<Orgs>>>,
    matrix: RefCell<Option<Arc<MatrixResult>>>,
}

impl Cache {
    /// Forgets everything (a new organization was loaded).
    pub fn clear(&self) {
        self.orgs.borrow_mut().take();
        self.matrix.borrow_mut().take();
    }
}

fn drafts_key(cx: &View<'_, State>) -> u64 {
    let mut h = DefaultHasher::new();
    if cx.st.what_if {
        cx.shared.drafts.hash(&mut h);
    }
    h.finish()
}

/// The organization's policies (what-if copy only while what-if is on).
pub fn orgs(cx: &View<'_, State>) -> Option<Arc<Orgs>> {
    let snap = state::snapshot(cx)?;
    let key = drafts_key(cx);
    let cache = &cx.st.cache;
    if let Some(o) = cache.orgs.borrow().as_ref().filter(|o| o.key == key) {
        return Some(o.clone());
    }
    let base = match cache.orgs.borrow().as_ref() {
        Some(o) => o.base.clone(),
        None => Arc::new(OrgPolicies::from_snapshot(snap)),
    };
    let (what_if, replaced) =
        match cx.st.what_if.then(|| matrix::with_drafts(snap, &cx.shared.drafts)).flatten() {
            Some((copy, replaced)) => (Some(Arc::new(OrgPolicies::from_snapshot(&copy))), replaced),
            None => (None, Vec::new()),
        };
    let o = Arc::new(Orgs { key, base, what_if, replaced });
    *cache.orgs.borrow_mut() = Some(o.clone());
    Some(o)
}

/// A field's value: what is being typed while it is edited, else the committed value.
pub fn live(cx: &View<'_, State>, field: Field) -> String {
    let s = &*cx.st;
    if let Some(e) = s.editing.as_ref().filter(|e| e.field == field) {
        return e.buffer.value().to_string();
    }
    match field {
        Field::Action => s.action.clone(),
        Field::Resource => s.resource.clone(),
        Field::Context => s.context.clone(),
        Field::Account => state::account(cx).unwrap_or_default(),
        Field::Principal => s.principal.clone().unwrap_or_default(),
    }
}

/// The single decision, as stored and with the drafts.
#[derive(Debug, Clone)]
pub struct Single {
    pub account: String,
    pub principal: String,
    /// The principal's identity policies are unknown (allow-everything stand-in).
    pub assumed: bool,
    pub eval: Evaluation,
    pub what_if: Option<Evaluation>,
}

fn resource_or_star(s: &str) -> &str {
    if s.trim().is_empty() { "*" } else { s.trim() }
}

/// Evaluates the single question (`None` until an action `service:Name` is given or when the
/// account is not in the organization).
pub fn single(cx: &View<'_, State>) -> Option<Single> {
    // While the action is typed, a text the catalogue does not know yet keeps the last one.
    let mut action = live(cx, Field::Action);
    if crate::catalog::action(action.trim()).is_none() && !action.contains('*') {
        action = cx.st.action.clone();
    }
    let action = action.trim();
    if !action.contains(':') {
        return None;
    }
    let account = state::account(cx)?;
    let principal = state::principal_for(cx, &account);
    let identity = state::identity_of(cx, &principal);
    let resource = live(cx, Field::Resource);
    let context = matrix::parse_context(&live(cx, Field::Context));
    let q = Query {
        account: &account,
        principal: &principal,
        identity: &identity,
        action,
        resource: resource_or_star(&resource),
        context: &context,
    };
    let o = orgs(cx)?;
    let eval = matrix::evaluate_query(&o.base, &q)?;
    let what_if = o.what_if.as_ref().and_then(|w| matrix::evaluate_query(w, &q));
    Some(Single { account, principal, assumed: identity.assumed, eval, what_if })
}

/// The matrix rows: the accounts under the chosen node, each with its principal.
pub fn rows(cx: &View<'_, State>) -> Vec<Row> {
    let (Some(snap), Some(node)) = (state::snapshot(cx), state::matrix_node(cx)) else { return Vec::new() };
    let partition = state::partition(cx);
    let book = state::principals(cx);
    accounts_in_tree_order(cx, &node)
        .unwrap_or_else(|| matrix::accounts_under(snap, &node))
        .into_iter()
        .map(|account| {
            let principal = format!("arn:{partition}:iam::{account}:{}", state::principal_part(cx, &account));
            let identity = book.identity(&principal);
            Row { account, principal, identity }
        })
        .collect()
}

/// The accounts at or below `node`, in the order the accounts tree shows them.
fn accounts_in_tree_order(cx: &View<'_, State>, node: &str) -> Option<Vec<String>> {
    let tree = &cx.shared.data.as_ref()?.tree;
    let mut out = Vec::new();
    let mut stack = vec![tree.index_of(node)?];
    while let Some(i) = stack.pop() {
        let n = tree.nodes.get(i)?;
        if n.kind == crate::tui::tree::NodeKind::Account {
            out.push(n.id.clone());
        }
        stack.extend(n.children.iter().rev());
    }
    Some(out)
}

/// The matrix for the current inputs (computed when they changed since the last time).
pub fn matrix(cx: &View<'_, State>) -> Option<Arc<MatrixResult>> {
    let s = &*cx.st;
    let o = orgs(cx)?;
    let mut h = DefaultHasher::new();
    (o.key, state::matrix_node(cx), &s.principal, &s.actions, &s.resource, &s.context, s.what_if)
        .hash(&mut h);
    Arc::as_ptr(&o.base).hash(&mut h);
    let key = h.finish();
    if let Some(m) = s.cache.matrix.borrow().as_ref().filter(|m| m.key == key) {
        return Some(m.clone());
    }
    let rows = rows(cx);
    let context = matrix::parse_context(&s.context);
    let resource = resource_or_star(&s.resource);
    let base = matrix::compute(&o.base, &rows, &s.actions, resource, &context);
    let what_if = o.what_if.as_ref().map(|w| {
        let m = matrix::compute(w, &rows, &s.actions, resource, &context);
        let changed = matrix::changed(&base, &m);
        let n = changed.iter().filter(|c| **c).count();
        (m, changed, n)
    });
    let m = Arc::new(MatrixResult { key, rows, base, what_if });
    *s.cache.matrix.borrow_mut() = Some(m.clone());
    Some(m)
}

/// The full evaluation of one matrix cell, as stored and with the drafts.
pub fn cell(cx: &View<'_, State>, row: usize, col: usize) -> Option<Single> {
    let m = matrix(cx)?;
    let o = orgs(cx)?;
    let r = m.rows.get(row)?;
    let action = m.base.actions.get(col)?;
    let s = &*cx.st;
    let context = matrix::parse_context(&s.context);
    let q = Query {
        account: &r.account,
        principal: &r.principal,
        identity: &r.identity,
        action,
        resource: resource_or_star(&s.resource),
        context: &context,
    };
    let eval = matrix::evaluate_query(&o.base, &q)?;
    let what_if = o.what_if.as_ref().and_then(|w| matrix::evaluate_query(w, &q));
    Some(Single {
        account: r.account.clone(),
        principal: r.principal.clone(),
        assumed: r.identity.assumed,
        eval,
        what_if,
    })
}
