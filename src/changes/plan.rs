//! The plan of a change set: every operation run in order on a copy of the organization, so
//! every AWS error (limits, duplicates, wrong targets, ordering) shows before anything is sent.
//! The plan is data (the console draws it, `orgtui plan` prints it): per operation the outcome
//! and the inverse computed from the state before it, then the tree diff with policy content
//! diffs and attachment changes, and the combined blast radius on the watched actions.

use super::diff::{OrgDiff, diff};
use super::emit::emit_changes;
use super::exec::{Runner, engine_copy};
use super::format::{ChangeSet, Step};
use crate::engine::EngineState;
use crate::model::*;
use serde_json::{Value, json};

/// What running one operation on the copy did.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Ok,
    /// The AWS error code and message.
    Error {
        code: String,
        message: String,
    },
}

/// One operation of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedOp {
    /// Position in the change set (0-based).
    pub index: usize,
    pub operation: &'static str,
    /// The request as sent to the copy (references resolved).
    pub request: Value,
    pub note: Option<String>,
    pub outcome: Outcome,
    /// The operations that undo it, computed from the state before it.
    pub inverse: Option<Vec<Step>>,
    /// Why there is no inverse.
    pub no_inverse: Option<String>,
}

/// For one watched action, the accounts whose decision changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionImpact {
    pub action: String,
    pub newly_denied: Vec<String>,
    pub newly_allowed: Vec<String>,
}

/// The plan of a whole change set.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub description: String,
    pub operations: Vec<PlannedOp>,
    /// From the organization before to the organization after every operation that succeeds.
    pub diff: OrgDiff,
    /// Per watched action, accounts newly denied or allowed (only actions that change).
    pub blast: Vec<ActionImpact>,
    /// Why the blast radius could not be computed, if it could not.
    pub blast_error: Option<String>,
}

/// The operations that undo the change from `before` to `after`, or why there are none.
pub fn inverse_of(before: &EngineState, after: &EngineState, now: Timestamp) -> Result<Vec<Step>, String> {
    let back = emit_changes(after, before, now)?;
    if !back.inexpressible.is_empty() {
        return Err(format!("cannot be undone: {}", back.inexpressible.join("; ")));
    }
    if !back.failures.is_empty() {
        return Err(format!("the undo would fail: {}", back.failures.join("; ")));
    }
    Ok(back.changes.operations.into_iter().map(|c| c.step).collect())
}

/// Plans `set` on a copy of `state`, its clock at `now`.
pub fn plan(state: &EngineState, set: &ChangeSet, now: Timestamp, watch: &[String]) -> Result<Plan, String> {
    let mut run = Runner::new(state, now).map_err(|e| e.message)?;
    let mut operations = Vec::with_capacity(set.operations.len());
    for (index, change) in set.operations.iter().enumerate() {
        let before = run.engine.state().clone();
        let request = run
            .resolve(&change.step.request)
            .map_or_else(|_| change.step.request.input_json(), |r| r.input_json());
        let mut op = PlannedOp {
            index,
            operation: change.step.request.operation(),
            request,
            note: change.note.clone(),
            outcome: Outcome::Ok,
            inverse: None,
            no_inverse: None,
        };
        match run.run(&change.step) {
            Ok(_) => match inverse_of(&before, run.engine.state(), now) {
                Ok(steps) => op.inverse = Some(steps),
                Err(why) => op.no_inverse = Some(why),
            },
            Err(e) => {
                op.outcome = Outcome::Error { code: e.code_str().to_string(), message: e.message.clone() };
                op.no_inverse = Some("the operation fails".into());
            }
        }
        operations.push(op);
    }
    let after = run.engine.state();
    let (blast, blast_error) = match impact(state, after, now, watch) {
        Ok(b) => (b, None),
        Err(e) => (Vec::new(), Some(e)),
    };
    Ok(Plan {
        description: set.description.clone(),
        operations,
        diff: diff(state, after),
        blast,
        blast_error,
    })
}

/// The combined blast radius from `before` to `after` on every member account.
fn impact(
    before: &EngineState,
    after: &EngineState,
    now: Timestamp,
    watch: &[String],
) -> Result<Vec<ActionImpact>, String> {
    use crate::policy::trace::Decision;
    let b = engine_copy(before, now).map_err(|e| e.message)?.to_snapshot();
    let a = engine_copy(after, now).map_err(|e| e.message)?.to_snapshot();
    let accounts: Vec<String> = a
        .accounts
        .iter()
        .map(|x| x.account.id.to_string())
        .filter(|id| b.accounts.iter().any(|y| y.account.id.as_str() == id))
        .collect();
    let radius = crate::policy::blast::blast_between(&b, &a, accounts, watch, None)?;
    let mut out: Vec<ActionImpact> = Vec::new();
    for c in radius.changes {
        let i = match out.iter().position(|x| x.action == c.action) {
            Some(i) => i,
            None => {
                out.push(ActionImpact { action: c.action.clone(), ..ActionImpact::default() });
                out.len() - 1
            }
        };
        if c.after == Decision::Allowed {
            out[i].newly_allowed.push(c.account_id);
        } else if c.before == Decision::Allowed {
            out[i].newly_denied.push(c.account_id);
        }
    }
    out.retain(|x| !x.newly_allowed.is_empty() || !x.newly_denied.is_empty());
    Ok(out)
}

impl Plan {
    /// How many operations would fail.
    pub fn failures(&self) -> usize {
        self.operations.iter().filter(|o| o.outcome != Outcome::Ok).count()
    }

    /// The plan as JSON: `operations` (index, operation, request, note, outcome, inverse,
    /// noInverse), `diff` (entries), `blastRadius` (per action) and `failures`.
    pub fn to_json(&self) -> Value {
        let ops: Vec<Value> = self
            .operations
            .iter()
            .map(|o| {
                let outcome = match &o.outcome {
                    Outcome::Ok => json!({"result": "ok"}),
                    Outcome::Error { code, message } => json!({"result": "error", "code": code, "message": message}),
                };
                let inverse = o.inverse.as_ref().map(|s| {
                    s.iter().map(|s| json!({"operation": s.request.operation(), "request": s.request.input_json(), "ref": s.reference})).collect::<Vec<_>>()
                });
                json!({
                    "index": o.index, "operation": o.operation, "request": o.request, "note": o.note,
                    "outcome": outcome, "inverse": inverse, "noInverse": o.no_inverse,
                })
            })
            .collect();
        let blast: Vec<Value> = self
            .blast
            .iter()
            .map(|b| json!({"action": b.action, "newlyDenied": b.newly_denied, "newlyAllowed": b.newly_allowed}))
            .collect();
        json!({
            "description": self.description,
            "operations": ops,
            "failures": self.failures(),
            "diff": self.diff.entries,
            "blastRadius": blast,
            "blastRadiusError": self.blast_error,
        })
    }

    /// The plan as text for a terminal: operations with outcome and undo, the diff, the blast
    /// radius and a last line with the verdict.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if !self.description.is_empty() {
            out.push_str(&format!("Change set: {}\n", self.description));
        }
        out.push_str(&format!("Operations ({})\n", self.operations.len()));
        for o in &self.operations {
            let status = match &o.outcome {
                Outcome::Ok => "ok".to_string(),
                Outcome::Error { .. } => "FAILS".to_string(),
            };
            out.push_str(&format!(
                "  {:>3}. {:<5} {} {}\n",
                o.index + 1,
                status,
                o.operation,
                brief(&o.request)
            ));
            if let Some(n) = &o.note {
                out.push_str(&format!("         note: {n}\n"));
            }
            if let Outcome::Error { code, message } = &o.outcome {
                out.push_str(&format!("         {code}: {message}\n"));
            }
            match (&o.inverse, &o.no_inverse) {
                (Some(s), _) if s.is_empty() => out.push_str("         undo: nothing to undo\n"),
                (Some(s), _) => {
                    let names: Vec<&str> = s.iter().map(|s| s.request.operation()).collect();
                    out.push_str(&format!("         undo: {}\n", names.join(", ")));
                }
                (None, Some(why)) if o.outcome == Outcome::Ok => {
                    out.push_str(&format!("         undo: none ({why})\n"))
                }
                _ => {}
            }
        }
        out.push_str("\nDifferences after the plan\n");
        for line in self.diff.to_text().lines() {
            out.push_str(&format!("  {line}\n"));
        }
        out.push_str("\nBlast radius (watched actions, an administrator in each account)\n");
        match &self.blast_error {
            Some(e) => out.push_str(&format!("  not computed: {e}\n")),
            None if self.blast.is_empty() => out.push_str("  No watched action changes decision.\n"),
            None => {
                for b in &self.blast {
                    out.push_str(&format!(
                        "  {}: {} newly denied, {} newly allowed\n",
                        b.action,
                        b.newly_denied.len(),
                        b.newly_allowed.len()
                    ));
                    for (what, list) in [("denied", &b.newly_denied), ("allowed", &b.newly_allowed)] {
                        if !list.is_empty() {
                            out.push_str(&format!("      {what}: {}\n", list.join(" ")));
                        }
                    }
                }
            }
        }
        let n = self.failures();
        out.push_str(&if n == 0 {
            format!(
                "\nPlan: {} operation(s), all succeed on a copy of the organization.\n",
                self.operations.len()
            )
        } else {
            format!("\nPlan: {n} of {} operation(s) FAIL; nothing would be applied.\n", self.operations.len())
        });
        out
    }
}

/// A request on one line, long documents shortened.
pub fn brief(request: &Value) -> String {
    let mut v = request.clone();
    if let Some(c) = v.get_mut("Content") {
        let len = c.as_str().map_or(0, str::len);
        *c = json!(format!("<{len} bytes>"));
    }
    v.to_string()
}
