//! The decision and its trace as lines of text: the decision in words, what decided it, then
//! each layer and each level (root → OUs → account) with the statements that matched, or the
//! level that lacked an Allow.

use super::compute::Single;
use super::state;
use super::state::State;
use crate::policy::matrix::words;
use crate::policy::trace::{Decision, Evaluation, Layer, LayerTrace, LevelTrace, Matched};
use crate::tui::cx::View;
use ratatui::text::{Line, Span};

fn layer_name(l: Layer) -> &'static str {
    match l {
        Layer::Rcp => "RCP",
        Layer::Scp => "SCP",
        Layer::ResourcePolicy => "Resource",
        Layer::IdentityPolicy => "Identity",
        Layer::PermissionBoundary => "Boundary",
        Layer::SessionPolicy => "Session",
    }
}

fn level_label(cx: &View<'_, State>, id: &str) -> String {
    let kind = if id.starts_with("r-") {
        "root"
    } else if id.starts_with("ou-") {
        "OU"
    } else {
        "account"
    };
    let name = state::name_of(cx, id);
    if name.is_empty() { format!("{kind} {id}") } else { format!("{kind} {id} {name}") }
}

fn statement(m: &Matched) -> String {
    match &m.sid {
        Some(sid) => format!("statement {:?} (#{})", crate::model::text::sanitize(sid), m.index),
        None => format!("statement #{}", m.index),
    }
}

fn policy_label(cx: &View<'_, State>, id: &str) -> String {
    let name = state::policy_name(cx, id);
    let id = crate::model::text::sanitize(id);
    if name.is_empty() { id } else { format!("{id} {name}") }
}

fn decision_style(cx: &View<'_, State>, d: Decision) -> ratatui::style::Style {
    match d {
        Decision::Allowed => cx.shared.theme.ok(),
        _ => cx.shared.theme.danger(),
    }
}

/// The headline: decision in words (and the what-if decision when drafts apply).
pub fn headline(cx: &View<'_, State>, s: &Single) -> Line<'static> {
    let mut spans = vec![
        Span::raw("Decision: "),
        Span::styled(words(s.eval.decision), decision_style(cx, s.eval.decision)),
    ];
    if let Some(w) = &s.what_if {
        let changes = if w.decision == s.eval.decision { "unchanged" } else { "CHANGES" };
        spans.push(Span::raw("   what-if: "));
        spans.push(Span::styled(words(w.decision), decision_style(cx, w.decision)));
        spans.push(Span::raw(format!(" ({changes})")));
    }
    Line::from(spans)
}

/// Every line of the trace of `s` (the what-if evaluation's when drafts apply).
pub fn lines(cx: &View<'_, State>, s: &Single) -> Vec<Line<'static>> {
    let t = &cx.shared.theme;
    let mut out = vec![headline(cx, s)];
    let e: &Evaluation = s.what_if.as_ref().unwrap_or(&s.eval);
    if s.what_if.is_some() {
        out.push(Line::styled("Trace with the drafts in place of the stored policies:", t.dim()));
    }
    let d = &e.trace.deciding;
    out.push(Line::from(format!("Why: {}", d.reason)));
    let mut by = Vec::new();
    if let Some(l) = d.layer {
        by.push(layer_name(l).to_string());
    }
    if let Some(level) = &d.level {
        by.push(format!("at {}", level_label(cx, level)));
    }
    if let Some(p) = &d.policy {
        by.push(format!("policy {}", policy_label(cx, p)));
    }
    match (&d.sid, d.statement_index) {
        (Some(sid), Some(i)) => by.push(format!("statement {:?} (#{i})", crate::model::text::sanitize(sid))),
        (None, Some(i)) => by.push(format!("statement #{i}")),
        _ => {}
    }
    if !by.is_empty() {
        out.push(Line::from(format!("Decided by: {}", by.join(", "))));
    }
    out.push(Line::styled(format!("Principal: {}", crate::model::text::sanitize(&s.principal)), t.dim()));
    if s.assumed {
        out.push(Line::styled(
            "  identity policies unknown: an allow-everything policy stands in (shows the org's guardrails)",
            t.dim(),
        ));
    }
    if !e.trace.missing_context_keys.is_empty() {
        out.push(Line::from(format!(
            "Missing context keys (the decision may change with them): {}",
            e.trace.missing_context_keys.join(", ")
        )));
    }
    out.push(Line::styled("Layers:", t.title()));
    for layer in &e.trace.layers {
        layer_lines(cx, layer, &mut out);
    }
    out
}

fn layer_lines(cx: &View<'_, State>, l: &LayerTrace, out: &mut Vec<Line<'static>>) {
    let t = &cx.shared.theme;
    let name = layer_name(l.layer);
    if !l.applies {
        let why = l.note.unwrap_or("no policy of this kind given");
        out.push(Line::from(vec![
            Span::raw(format!(" {name:<9} ")),
            Span::styled(format!("n/a: {why}"), t.dim()),
        ]));
        return;
    }
    let multi = matches!(l.layer, Layer::Scp | Layer::Rcp);
    if multi {
        out.push(Line::from(format!(" {name}")));
        for lv in &l.levels {
            level_lines(cx, lv, out);
        }
        return;
    }
    let lv = l.levels.first();
    let matched: Vec<&Matched> = lv.map(|lv| lv.matched.iter().collect()).unwrap_or_default();
    if matched.is_empty() {
        out.push(Line::from(vec![
            Span::raw(format!(" {name:<9} ")),
            Span::styled("no statement matches", t.dim()),
        ]));
    }
    for (i, m) in matched.iter().enumerate() {
        let head = if i == 0 { format!(" {name:<9} ") } else { " ".repeat(11) };
        out.push(Line::from(format!(
            "{head}{:<5} {} {}",
            m.effect.as_str(),
            policy_label(cx, &m.policy),
            statement(m)
        )));
    }
}

fn level_lines(cx: &View<'_, State>, lv: &LevelTrace, out: &mut Vec<Line<'static>>) {
    let t = &cx.shared.theme;
    let label = lv.level.as_deref().map(|l| level_label(cx, l)).unwrap_or_default();
    out.push(Line::from(format!("   {label}")));
    for m in &lv.matched {
        out.push(Line::from(format!(
            "     {:<5} {} {}",
            m.effect.as_str(),
            policy_label(cx, &m.policy),
            statement(m)
        )));
    }
    if !lv.allowed {
        out.push(Line::styled(
            "     NO ALLOW at this level: the request is implicitly denied here",
            t.danger(),
        ));
    }
}
