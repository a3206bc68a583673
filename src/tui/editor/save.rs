//! Saving: the confirmation (diff against the stored version, blast radius for SCPs/RCPs), the
//! call (CreatePolicy, UpdatePolicy or PutResourcePolicy) and what its result does.

use super::State;
use super::diff::{self, DiffLine};
use super::{Confirmation, Editor, Mode, Target};
use crate::backend::request::ApiRequest;
use crate::model::*;
use crate::policy::blast;
use crate::tui::cx::{Cx, View};
use crate::tui::msg::Call;

/// Unchanged lines shown around each change.
const CONTEXT: usize = 2;

/// ctrl-s: name and description first for a new policy, else the confirmation.
pub fn begin(cx: &mut Cx<'_, State>) {
    let (writable, guarded) = (cx.shared.source.writable, cx.shared.source.guarded);
    let Some(e) = cx.st.as_mut() else { return };
    if !writable {
        let why = if guarded {
            "Writes are not armed (esc, :arm, then open the editor again)"
        } else {
            "The source is read-only"
        };
        e.note = Some(format!("{why}: the edit stays as a draft (the inspector can use it)."));
        return;
    }
    if !e.changed() {
        e.note = Some("Nothing to save: the text is the stored version.".into());
        return;
    }
    if matches!(e.target, Target::New { .. }) && !matches!(e.mode, Mode::Details { .. }) {
        e.mode = Mode::Details { focus: 0 };
        return;
    }
    confirm(cx);
}

/// Opens the confirmation step.
pub fn confirm(cx: &mut Cx<'_, State>) {
    let blast = match cx.st.as_ref() {
        Some(e) => blast_summary(&cx.view(), e),
        None => return,
    };
    let Some(e) = cx.st.as_mut() else { return };
    let text = e.text();
    let d = diff::diff(&e.original, &text, CONTEXT);
    let (added, removed) = diff::counts(&d);
    e.note = None;
    e.mode = Mode::Confirm(Confirmation { diff: d, added, removed, blast, scroll: 0 });
}

/// The blast-radius summary of saving the editor's text over a stored SCP or RCP: the accounts
/// it reaches and, for the watch list of admin actions (`App::watch`), which change decision.
pub fn blast_summary(cx: &View<'_, State>, e: &Editor) -> Vec<String> {
    let Target::Policy { id, ty, .. } = &e.target else { return Vec::new() };
    if !ty.is_authorization() {
        return Vec::new();
    }
    let Some(d) = cx.shared.data.as_ref() else { return Vec::new() };
    let change = blast::PolicyChange::Update { policy_id: id.clone(), content: e.text() };
    match blast::blast_radius(&d.snapshot, &change, &cx.shared.watch) {
        Ok(b) => {
            let mut lines = b.summary();
            if let Some(first) = lines.first_mut() {
                *first = format!("Blast radius: {first}");
            }
            lines
        }
        Err(m) => vec![format!("Blast radius: cannot be computed ({m}).")],
    }
}

/// y/enter in the confirmation: sends the call.
pub fn submit(cx: &mut Cx<'_, State>) {
    let Some(e) = cx.st.as_ref() else { return };
    let content = e.text();
    let (request, done, label) = match &e.target {
        Target::Policy { id, name, .. } => (
            ApiRequest::UpdatePolicy(UpdatePolicyRequest {
                policy_id: id.clone(),
                name: None,
                description: None,
                content: Some(content),
            }),
            format!("Policy {} saved.", text::sanitize(name)),
            format!("Saving policy {}", text::sanitize(name)),
        ),
        Target::New { ty } => (
            ApiRequest::CreatePolicy(CreatePolicyRequest {
                content,
                description: e.description.value().trim().to_string(),
                name: e.name.value().trim().to_string(),
                r#type: *ty,
                tags: None,
            }),
            format!("Policy {} created.", text::sanitize(e.name.value().trim())),
            format!("Creating policy {}", text::sanitize(e.name.value().trim())),
        ),
        Target::ResourcePolicy { .. } => (
            ApiRequest::PutResourcePolicy(PutResourcePolicyRequest { content, tags: None }),
            "Resource policy saved.".to_string(),
            "Saving the resource policy".to_string(),
        ),
    };
    let op = cx.submit(Call::Api { request, done, reveal: None }, label);
    if let Some(e) = cx.st.as_mut() {
        e.mode = Mode::Saving { op };
        e.error = None;
        e.note = None;
    }
}

/// Lines of a confirmation for drawing: blast radius, then the diff with `+`/`-` marks.
pub fn confirmation_lines(c: &Confirmation) -> Vec<(char, String)> {
    let mut out: Vec<(char, String)> = c.blast.iter().map(|b| ('#', b.clone())).collect();
    if !c.blast.is_empty() {
        out.push((' ', String::new()));
    }
    for l in &c.diff {
        out.push(match l {
            DiffLine::Same(s) => (' ', s.clone()),
            DiffLine::Added(s) => ('+', s.clone()),
            DiffLine::Removed(s) => ('-', s.clone()),
            DiffLine::Skipped(n) => ('~', format!("… {n} unchanged line(s) …")),
        });
    }
    out
}
