//! The effective management policy of a root, OU or account (tag, backup, AI opt-out, chat,
//! declarative, Security Hub, …), computed with the engine's merge from the policies attached
//! along the path root → … → target, with the level and policy every value came from and what
//! the merge ignored.

use super::State;
use super::{data, json, picker};
use crate::model::text::sanitize;
use crate::model::*;
use crate::policy::merge::{self, EffectiveDocument, IgnoredReason, MergeInput, MergeLevel, MergePolicy};
use crate::tui::cx::{Cx, Status, View};
use crate::tui::page::Nav;
use crate::tui::tree::OrgTree;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// The open effective-policy view.
#[derive(Debug, Clone, PartialEq)]
pub struct EffectiveView {
    pub target_id: String,
    pub ty: PolicyType,
    pub scroll: u16,
    /// The merge, or why there is no effective policy.
    pub result: Result<EffectiveDocument, String>,
}

/// Computes the effective policy of type `ty` for `target` from the snapshot.
pub fn compute(
    s: &OrgSnapshot,
    tree: &OrgTree,
    target: &str,
    ty: PolicyType,
) -> Result<EffectiveDocument, String> {
    if ty.is_authorization() {
        return Err(format!("{ty} has no effective policy: only management policy types do."));
    }
    if !data::enabled(s, ty) {
        return Err(format!("{ty} is not enabled in the root: no policy of this type applies."));
    }
    let Some(i) = tree.index_of(target) else {
        return Err(format!("No {} in this organization.", sanitize(target)));
    };
    let mut levels = Vec::new();
    let mut any = false;
    for j in tree.path(i) {
        let id = &tree.nodes[j].id;
        let Ok(t) = TargetId::parse(id) else { continue };
        let policies: Vec<MergePolicy> = data::attached_to(s, id, ty)
            .into_iter()
            // A document that does not parse contributes nothing (as in the engine).
            .filter_map(|p| MergePolicy::parse(p.summary.id.clone(), &p.content))
            .collect();
        any |= !policies.is_empty();
        levels.push(MergeLevel { target: t, policies });
    }
    if !any {
        return Err(format!(
            "No {} policy is attached to {} or above it.",
            ty.short_name(),
            tree.nodes[i].name
        ));
    }
    Ok(merge::merge(&MergeInput { levels }))
}

fn recompute_view(cx: &View<'_, State>, v: &mut EffectiveView) {
    if let Some(d) = cx.shared.data.as_ref() {
        v.result = compute(&d.snapshot, &d.tree, &v.target_id, v.ty);
    }
}

/// Recomputes the open view (after a reload).
pub(super) fn recompute(cx: &mut Cx<'_, State>) {
    if let Some(mut v) = cx.st.effective.take() {
        recompute_view(&cx.view(), &mut v);
        cx.st.effective = Some(v);
    }
}

/// Opens the view for `arg` (an id or a name) or the tree's selection, with the tab's type
/// when it is a management type (else the first enabled one).
pub(super) fn open(cx: &mut Cx<'_, State>, arg: Option<&str>) {
    let Some(d) = cx.shared.data.as_ref() else { return };
    let target = match arg {
        Some(q) => match data::resolve(&d.tree, q) {
            Some(id) => id,
            None => {
                cx.set_status(Status::Error(format!("Nothing named or numbered {:?}.", sanitize(q))));
                return;
            }
        },
        None => match cx.shared.selection() {
            Some((_, id, _)) => id,
            None => match data::root_id(&d.snapshot) {
                Some(r) => r,
                None => return,
            },
        },
    };
    let tab = cx.st.ty();
    let ty = if tab.is_authorization() {
        let m = data::management_types();
        m.iter()
            .copied()
            .find(|t| data::enabled(&d.snapshot, *t))
            .or(m.first().copied())
            .unwrap_or(PolicyType::TagPolicy)
    } else {
        tab
    };
    let mut v = EffectiveView { target_id: target, ty, scroll: 0, result: Err(String::new()) };
    recompute_view(&cx.view(), &mut v);
    cx.st.effective = Some(v);
    cx.st.picker = None;
}

/// Shows the effective policy of another target (from the picker).
pub(super) fn set_target(cx: &mut Cx<'_, State>, id: &str) {
    if let Some(mut v) = cx.st.effective.take() {
        v.target_id = id.to_string();
        v.scroll = 0;
        recompute_view(&cx.view(), &mut v);
        cx.st.effective = Some(v);
    }
}

/// Shows another type (SCP and RCP have no effective policy: said in the view).
pub(super) fn set_type(cx: &mut Cx<'_, State>, ty: PolicyType) {
    let Some(mut v) = cx.st.effective.take() else { return };
    v.ty = ty;
    v.scroll = 0;
    recompute_view(&cx.view(), &mut v);
    cx.st.effective = Some(v);
}

/// Cycles through the management types.
pub(super) fn switch_type(cx: &mut Cx<'_, State>, delta: isize) {
    let Some(mut v) = cx.st.effective.take() else { return };
    let m = data::management_types();
    let n = m.len() as isize;
    let at = m.iter().position(|t| *t == v.ty).unwrap_or(0) as isize;
    if let Some(t) = m.get((at + delta).rem_euclid(n.max(1)) as usize) {
        v.ty = *t;
    }
    v.scroll = 0;
    recompute_view(&cx.view(), &mut v);
    cx.st.effective = Some(v);
}

/// Keys while the view is open: scroll, `[`/`]` (or ←/→) type, enter picks a target, esc closes.
pub(super) fn navigate(cx: &mut Cx<'_, State>, nav: Nav) {
    match nav {
        Nav::Back => cx.st.effective = None,
        Nav::Left => switch_type(cx, -1),
        Nav::Right => switch_type(cx, 1),
        Nav::Enter => picker::open(cx, picker::Purpose::Effective),
        _ => {
            let n = cx.st.effective.as_ref().map_or(0, |v| lines(&cx.view(), v).len());
            let max = u16::try_from(n).unwrap_or(u16::MAX).saturating_sub(1);
            if let Some(v) = cx.st.effective.as_mut() {
                v.scroll = match nav {
                    Nav::Up => v.scroll.saturating_sub(1),
                    Nav::Down => v.scroll.saturating_add(1),
                    Nav::PageUp => v.scroll.saturating_sub(10),
                    Nav::PageDown => v.scroll.saturating_add(10),
                    Nav::Top => 0,
                    Nav::Bottom => max,
                    _ => v.scroll,
                }
                .min(max);
            }
        }
    }
}

fn reason(r: IgnoredReason) -> &'static str {
    match r {
        IgnoredReason::OperatorNotAllowed => "a higher level does not allow this operator",
        IgnoredReason::NewKeyNotAllowed => "a higher level set @@none: no new keys here",
        IgnoredReason::SameLevelConflict => "a policy attached earlier at this level set it first",
        IgnoredReason::NotAnArray => "@@append/@@remove need an array",
        IgnoredReason::NotAnObject => "not a JSON object",
        IgnoredReason::UnknownOperator => "unknown @@ operator",
        IgnoredReason::TooDeep => "nested too deeply",
    }
}

/// The view's lines in one column: origins of every value, what was ignored, then the
/// effective document.
pub fn lines(cx: &View<'_, State>, v: &EffectiveView) -> Vec<Line<'static>> {
    let (mut out, doc) = parts(cx, v);
    if !doc.is_empty() {
        out.push(Line::default());
        out.push(Line::from(Span::styled("Effective policy", cx.shared.theme.title())));
        out.extend(doc);
    }
    out
}

/// The explanation (header, origins, ignored) and the effective document, apart.
fn parts(cx: &View<'_, State>, v: &EffectiveView) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let t = &cx.shared.theme;
    let Some(d) = cx.shared.data.as_ref() else { return (Vec::new(), Vec::new()) };
    let target = data::describe(&d.tree, &v.target_id);
    let mut out = vec![
        Line::from(vec![
            Span::styled(format!("{} ", v.ty.short_name()), t.title()),
            Span::raw(format!(
                "({}) for {} {} ({})",
                v.ty,
                data::kind_word(target.kind),
                target.name,
                target.id
            )),
        ]),
        Line::from(Span::styled("[ ] type · enter other target · ↑↓ scroll · esc close", t.dim())),
        Line::default(),
    ];
    let doc = match &v.result {
        Ok(doc) => doc,
        Err(e) => {
            out.push(Line::from(Span::styled("NO EFFECTIVE POLICY", t.danger())));
            out.push(Line::from(e.clone()));
            return (out, Vec::new());
        }
    };
    let policy_name = |id: &PolicyId| {
        data::policy(&d.snapshot, id.as_str()).map_or_else(|| id.to_string(), |p| sanitize(&p.summary.name))
    };
    out.push(Line::from(Span::styled(
        format!("Values and where they come from ({})", doc.origins.len()),
        t.title(),
    )));
    for o in &doc.origins {
        let ptr = merge::pointer(&o.path);
        let value = doc.value.pointer(&ptr).map_or_else(|| "?".to_string(), |x| sanitize(&x.to_string()));
        let lvl = data::level_name(&d.tree, o.source.target.as_str());
        out.push(Line::from(vec![
            Span::raw(format!("  {} = ", sanitize(&ptr))),
            Span::styled(value, t.ok()),
        ]));
        out.push(Line::from(Span::styled(
            format!(
                "      from {lvl} · {} ({}) · {}",
                policy_name(&o.source.policy),
                o.source.policy,
                o.operator.as_str()
            ),
            t.dim(),
        )));
    }
    if !doc.ignored.is_empty() {
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            format!("Ignored by the merge ({})", doc.ignored.len()),
            t.title(),
        )));
        for i in &doc.ignored {
            let lvl = data::level_name(&d.tree, i.source.target.as_str());
            out.push(Line::from(format!(
                "  {} at {} in {} ({lvl}):",
                sanitize(&i.operator),
                sanitize(&merge::pointer(&i.path)),
                policy_name(&i.source.policy),
            )));
            out.push(Line::from(Span::styled(format!("      {}", reason(i.reason)), t.dim())));
        }
    }
    let text = serde_json::to_string_pretty(&doc.value).unwrap_or_default();
    (out, json::highlight(&sanitize_lines(&text), t))
}

fn sanitize_lines(text: &str) -> String {
    text.lines().map(sanitize).collect::<Vec<_>>().join("\n")
}

/// Draws the view over the page body: one column, or the explanation beside the document
/// when the terminal is wide.
pub(super) fn draw(f: &mut Frame, cx: &View<'_, State>, area: Rect, v: &EffectiveView) {
    f.render_widget(Clear, area);
    let focus = cx.shared.theme.focus();
    let title = " Effective policy — esc closes ";
    let para = |lines: Vec<Line<'static>>, r: Rect, title: &'static str| {
        let max = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_sub(r.height.saturating_sub(2));
        let block = cx.shared.theme.block().border_style(focus).title(title);
        Paragraph::new(lines).block(block).scroll((v.scroll.min(max), 0))
    };
    if area.width >= 110 {
        let (left, right) = parts(cx, v);
        let cols = ratatui::layout::Layout::default()
            .direction(ratatui::layout::Direction::Horizontal)
            .constraints([
                ratatui::layout::Constraint::Percentage(60),
                ratatui::layout::Constraint::Percentage(40),
            ])
            .split(area);
        f.render_widget(para(left, cols[0], title), cols[0]);
        f.render_widget(para(right, cols[1], " Effective document "), cols[1]);
    } else {
        f.render_widget(para(lines(cx, v), area, title), area);
    }
}
