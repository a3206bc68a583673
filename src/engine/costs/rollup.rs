//! The cost roll-up: each node of the organization tree (account, OU = its subtree's sum,
//! root = the organization) gets its cost for a month, the month-over-month change, its
//! service breakdown and a monthly series. Nodes are kept in depth-first order so a subtree is
//! a contiguous range; a month is rolled up bottom-up once (one pass over its rows, one over
//! the nodes) and cached, so switching month costs nothing after the first time.

use super::CostData;
use crate::model::OrgSnapshot;
use crate::model::costexplorer::Month;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// What a node of the cost tree is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Root,
    Ou,
    Account,
}

/// One node of the cost tree.
#[derive(Debug, Clone, PartialEq)]
pub struct CostNode {
    /// Root, OU or account id.
    pub id: String,
    pub name: String,
    pub kind: NodeKind,
    /// 0 for the root.
    pub depth: u16,
    /// The parent's index.
    pub parent: Option<usize>,
    /// One past the last node of this node's subtree.
    pub end: usize,
    /// The account's interned id in the cost data, when it has data.
    account: Option<usize>,
}

/// A month-over-month change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// This month minus the previous one (USD).
    pub amount: f64,
    /// The change relative to the previous month, in percent; `None` when that was zero.
    pub percent: Option<f64>,
}

impl Change {
    /// The change from `before` to `now`.
    pub fn between(before: f64, now: f64) -> Change {
        let amount = now - before;
        let percent = (before.abs() > 0.005).then(|| amount / before.abs() * 100.0);
        Change { amount, percent }
    }
}

/// The organization tree with its costs for every month of the data.
#[derive(Debug)]
pub struct Rollup {
    data: Arc<CostData>,
    nodes: Vec<CostNode>,
    /// Node totals per month index, computed on first use.
    cache: Vec<OnceLock<Vec<f64>>>,
}

impl Rollup {
    /// The roll-up of `data` over the organization of `org` (OUs and accounts by name; accounts
    /// with data that are not in the organization are left out). Without an organization the
    /// root holds every account with data.
    pub fn new(data: Arc<CostData>, org: &OrgSnapshot) -> Rollup {
        let (root_id, root_name) = match &org.organization {
            Some(o) => (o.root_id.to_string(), "Root".to_string()),
            None => ("organization".to_string(), "Organization".to_string()),
        };
        let mut ous: HashMap<String, Vec<(String, String)>> = HashMap::new();
        for ou in &org.organizational_units {
            ous.entry(ou.parent_id.to_string()).or_default().push((ou.id.to_string(), ou.name.clone()));
        }
        let mut accounts: HashMap<String, Vec<(String, String)>> = HashMap::new();
        for a in &org.accounts {
            let parent = a.parent_id.to_string();
            accounts.entry(parent).or_default().push((a.account.id.to_string(), a.account.name.clone()));
        }
        if org.organization.is_none() {
            let all = data.accounts().iter().map(|a| (a.to_string(), a.to_string())).collect();
            accounts.insert(root_id.clone(), all);
        }
        let mut nodes = Vec::new();
        let mut stack = vec![(root_id, root_name, NodeKind::Root, 0u16, None::<usize>)];
        while let Some((id, name, kind, depth, parent)) = stack.pop() {
            let me = nodes.len();
            let account = (kind == NodeKind::Account).then(|| data.account_index(&id)).flatten();
            nodes.push(CostNode { id: id.clone(), name, kind, depth, parent, end: me + 1, account });
            // Pushed in reverse so they come off the stack OUs first, each group by name.
            let mut kids: Vec<(String, String, NodeKind)> = Vec::new();
            let mut sorted = |list: Option<Vec<(String, String)>>, kind: NodeKind| {
                let mut list = list.unwrap_or_default();
                list.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
                kids.extend(list.into_iter().map(|(i, n)| (i, n, kind)));
            };
            sorted(ous.remove(&id), NodeKind::Ou);
            sorted(accounts.remove(&id), NodeKind::Account);
            for (i, n, k) in kids.into_iter().rev() {
                stack.push((i, n, k, depth + 1, Some(me)));
            }
        }
        // Subtree ends: a node's subtree ends where its last descendant ends.
        for i in (1..nodes.len()).rev() {
            let (end, parent) = (nodes[i].end, nodes[i].parent);
            if let Some(p) = parent {
                nodes[p].end = nodes[p].end.max(end);
            }
        }
        let cache = data.months().iter().map(|_| OnceLock::new()).collect();
        Rollup { data, nodes, cache }
    }

    /// The nodes in depth-first order (index 0 is the root).
    pub fn nodes(&self) -> &[CostNode] {
        &self.nodes
    }

    /// The data rolled up.
    pub fn data(&self) -> &Arc<CostData> {
        &self.data
    }

    /// The index of the node with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// The newest month with data.
    pub fn latest_month(&self) -> Option<Month> {
        self.data.months().last().copied()
    }

    /// Every node's cost in a month (zeros for a month without data). Rolled up once per month.
    pub fn totals(&self, month: Month) -> Option<&[f64]> {
        let m = self.data.month_index(month)?;
        Some(self.cache[m].get_or_init(|| self.roll_up(m)))
    }

    fn roll_up(&self, m: usize) -> Vec<f64> {
        let per_account = self.data.account_totals(m);
        let mut totals: Vec<f64> =
            self.nodes.iter().map(|n| n.account.map(|a| per_account[a]).unwrap_or(0.0)).collect();
        for i in (1..self.nodes.len()).rev() {
            if let Some(p) = self.nodes[i].parent {
                totals[p] += totals[i];
            }
        }
        totals
    }

    /// A node's cost in a month (0 without data).
    pub fn cost(&self, node: usize, month: Month) -> f64 {
        self.totals(month).map(|t| t[node]).unwrap_or(0.0)
    }

    /// A node's change from the previous month; `None` when either month has no data.
    pub fn change(&self, node: usize, month: Month) -> Option<Change> {
        let now = self.totals(month)?[node];
        let before = self.totals(month.plus(-1))?[node];
        Some(Change::between(before, now))
    }

    /// A node's cost per service in a month, largest first.
    pub fn breakdown(&self, node: usize, month: Month) -> Vec<(String, f64)> {
        let Some(m) = self.data.month_index(month) else { return Vec::new() };
        let mut sums = vec![0.0; self.data.services().len()];
        let mut seen = vec![false; sums.len()];
        let end = self.nodes.get(node).map(|n| n.end).unwrap_or(node);
        for n in &self.nodes[node.min(end)..end] {
            if let Some(a) = n.account {
                for (s, v) in self.data.cells(m, a) {
                    sums[s] += v;
                    seen[s] = true;
                }
            }
        }
        let mut out: Vec<(String, f64)> = (0..sums.len())
            .filter(|s| seen[*s])
            .map(|s| (self.data.services()[s].clone(), sums[s]))
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }

    /// A node's cost for the `n` months ending with `last` (0 for months without data).
    pub fn series(&self, node: usize, last: Month, n: usize) -> Vec<(Month, f64)> {
        (0..n as i32).rev().map(|k| last.plus(-k)).map(|m| (m, self.cost(node, m))).collect()
    }

    /// The `n` accounts whose cost changed most (by absolute amount) from the previous month.
    pub fn top_movers(&self, month: Month, n: usize) -> Vec<(usize, Change)> {
        let (Some(now), Some(before)) = (self.totals(month), self.totals(month.plus(-1))) else {
            return Vec::new();
        };
        let mut movers: Vec<(usize, Change)> = (0..self.nodes.len())
            .filter(|i| self.nodes[*i].kind == NodeKind::Account)
            .map(|i| (i, Change::between(before[i], now[i])))
            .filter(|(_, c)| c.amount.abs() >= 0.005)
            .collect();
        movers.sort_by(|a, b| b.1.amount.abs().total_cmp(&a.1.amount.abs()).then(a.0.cmp(&b.0)));
        movers.truncate(n);
        movers
    }

    /// The parent id a node was placed under, as text (for exports).
    pub fn parent_id(&self, node: usize) -> Option<&str> {
        self.nodes[node].parent.map(|p| self.nodes[p].id.as_str())
    }
}
