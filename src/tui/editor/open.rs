//! Opening the editor from its page actions: the stored version, an unsaved edit kept in
//! `cx.shared.drafts`, or an offer to restore a draft file left by an earlier run.

use super::State;
use super::{Editor, Mode, Target, draft};
use crate::model::PolicyType;
use crate::tui::cx::{Cx, Status};
use std::str::FromStr;

fn open_target(cx: &mut Cx<'_, State>, target: Result<Target, String>) {
    match target {
        Ok(t) => open(cx, t),
        Err(m) => cx.set_status(Status::Error(m)),
    }
}

/// `create-policy [TYPE]`.
pub fn create_policy(cx: &mut Cx<'_, State>, arg: Option<String>) {
    let t = new_target(cx, arg.as_deref());
    open_target(cx, t);
}

/// `edit-policy [ID]`.
pub fn edit_policy(cx: &mut Cx<'_, State>, arg: Option<String>) {
    let t = policy_target(cx, arg.as_deref());
    open_target(cx, t);
}

/// `edit-resource-policy`.
pub fn edit_resource_policy(cx: &mut Cx<'_, State>, _arg: Option<String>) {
    let exists = cx.shared.data.as_ref().is_some_and(|d| d.snapshot.resource_policy.is_some());
    open_target(cx, Ok(Target::ResourcePolicy { exists }));
}

/// A policy type from a palette argument: the service's spelling or the short name.
fn parse_type(s: &str) -> Option<PolicyType> {
    let s = s.trim();
    PolicyType::from_str(&s.to_ascii_uppercase())
        .ok()
        .or_else(|| PolicyType::ALL.iter().copied().find(|t| t.short_name().eq_ignore_ascii_case(s)))
}

fn new_target(cx: &Cx<'_, State>, arg: Option<&str>) -> Result<Target, String> {
    let ty = match arg.filter(|a| !a.trim().is_empty()) {
        Some(a) => parse_type(a).ok_or_else(|| format!("unknown policy type {a:?}"))?,
        // The type of the Policies page's current tab (SCP until a tab is chosen).
        None => cx.shared.policy_type,
    };
    Ok(Target::New { ty })
}

fn policy_target(cx: &Cx<'_, State>, arg: Option<&str>) -> Result<Target, String> {
    let id = match arg.map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => a.to_string(),
        None => cx
            .shared
            .policy_selected
            .clone()
            .ok_or("Select a policy first (or give its id: edit-policy p-…).")?,
    };
    let d = cx.shared.data.as_ref().ok_or("The organization is not loaded yet.")?;
    let p = d
        .snapshot
        .policies
        .iter()
        .find(|p| p.summary.id.to_string() == id)
        .ok_or_else(|| format!("There is no policy {}.", crate::model::text::sanitize(&id)))?;
    if p.summary.aws_managed {
        return Err(format!(
            "{} is managed by AWS and cannot be changed; create a policy instead.",
            crate::model::text::sanitize(&p.summary.name)
        ));
    }
    Ok(Target::Policy { id, ty: p.summary.r#type, name: p.summary.name.clone() })
}

/// The stored text of a target.
fn stored(cx: &Cx<'_, State>, t: &Target) -> String {
    let Some(d) = cx.shared.data.as_ref() else { return String::new() };
    match t {
        Target::Policy { id, .. } => d
            .snapshot
            .policies
            .iter()
            .find(|p| p.summary.id.to_string() == *id)
            .map(|p| p.content.clone())
            .unwrap_or_default(),
        Target::New { .. } => String::new(),
        Target::ResourcePolicy { .. } => {
            d.snapshot.resource_policy.as_ref().map(|r| r.content.clone()).unwrap_or_default()
        }
    }
}

/// A starting document for something new.
fn template(t: &Target) -> String {
    match t {
        Target::New { ty } if ty.is_authorization() => "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"\",\n      \"Effect\": \"Deny\",\n      \"Action\": [\n        \"\"\n      ],\n      \"Resource\": \"*\"\n    }\n  ]\n}".into(),
        Target::New { .. } => "{\n  \n}".into(),
        Target::ResourcePolicy { .. } => "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"\",\n      \"Effect\": \"Allow\",\n      \"Principal\": {\n        \"AWS\": \"\"\n      },\n      \"Action\": [\n        \"organizations:Describe*\",\n        \"organizations:List*\"\n      ],\n      \"Resource\": \"*\"\n    }\n  ]\n}".into(),
        Target::Policy { .. } => String::new(),
    }
}

/// Opens the editor on `target`.
pub fn open(cx: &mut Cx<'_, State>, target: Target) {
    // A stored document is shown pretty-printed (AWS keeps what was sent, often one minified
    // line); the editor compares against this form, so reformatting alone changes nothing.
    let stored_text = stored(cx, &target);
    let original = super::format::pretty(&stored_text).unwrap_or(stored_text);
    let key = target.draft_key();
    let kept = cx.shared.drafts.get(&key).cloned();
    let fresh = match &target {
        Target::New { .. } | Target::ResourcePolicy { exists: false } => template(&target),
        _ => original.clone(),
    };
    let start = kept.clone().unwrap_or_else(|| fresh.clone());
    let mut e = Editor::new(target, original, &start);
    e.pristine = fresh;
    if kept.is_some() {
        e.note = Some("Your unsaved edit is back.".into());
    } else if let Some(dir) = e.draft_dir.clone() {
        match draft::read(&dir, &key) {
            Some(offer) if offer.text == e.original || offer.text == start => draft::remove(&dir, &key),
            Some(offer) => e.mode = Mode::Offer(offer),
            None => {}
        }
    }
    *cx.st = Some(e);
}
