//! The Settings page (key `6`): the organization (id, ARN, management account and email,
//! feature set with the enable-all-features flow), the policy types and their status on the
//! root (enable, disable), the resource (delegation) policy (viewed here; `E` opens the policy
//! editor, which binds that key itself) and the organization's quotas.

mod json;
mod view;

use crate::backend::request::ApiRequest;
use crate::model::*;
use crate::tui::cx::{Cx, Shared, Status, View};
use crate::tui::dialog::{Confirm, Modal};
use crate::tui::module::{Command, PageModule};
use crate::tui::msg::Call;
use crate::tui::page::{Nav, Page};
use ratatui::Frame;
use ratatui::layout::Rect;

pub use json::highlight;

/// The page's actions.
const P: Page = Page::Settings;

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    /// Row selected among the policy types.
    pub selected: usize,
    /// The resource policy pane has the focus (arrows scroll it).
    pub policy_focused: bool,
    /// Scroll of the resource policy.
    pub scroll: u16,
    /// The trails and their status once read (the trail note), or why they could not be.
    pub trails: Option<Result<std::sync::Arc<crate::backend::cloudtrail::TrailList>, String>>,
    /// The trails were asked for (once, when the page is first opened).
    pub trails_asked: bool,
}

/// The selectable policy types, in the service model's order.
pub fn policy_types() -> &'static [PolicyType] {
    PolicyType::ALL
}

fn confirm(cx: &mut Cx<'_, State>, call: Call, title: String, lines: Vec<String>, expect: String) {
    cx.open_some(Modal::Confirm(Confirm::new(call, title, lines, expect)));
}

fn enable_all_features(cx: &mut Cx<'_, State>) {
    if !cx.check_writable() {
        return;
    }
    let Some(o) = cx.shared.data.as_ref().and_then(|d| d.snapshot.organization.clone()) else {
        cx.set_status(Status::Info("There is no organization.".into()));
        return;
    };
    if o.feature_set == FeatureSet::All {
        cx.set_status(Status::Info("The organization already has all features.".into()));
        return;
    }
    let request = ApiRequest::EnableAllFeatures(EnableAllFeaturesRequest {});
    let done = "Started the migration to all features: members accept on the Invitations page.".to_string();
    confirm(
        cx,
        Call::Api { request, done, reveal: None },
        "Enable all features".into(),
        vec![
            format!("Migrate {} from consolidated billing to all features?", o.id),
            "Every member account must accept the APPROVE_ALL_FEATURES handshake (act as it on the Invitations page); then the management account accepts ENABLE_ALL_FEATURES.".into(),
            "No invitations can be sent meanwhile. Once finished it cannot be undone.".into(),
        ],
        o.id.to_string(),
    );
}

/// The type named by `arg` (`SERVICE_CONTROL_POLICY` or its short name) or the selected one.
fn type_for(cx: &mut Cx<'_, State>, arg: Option<String>) -> Option<PolicyType> {
    match arg {
        Some(a) => {
            let a = a.trim().to_string();
            let found = policy_types()
                .iter()
                .copied()
                .find(|t| t.as_str().eq_ignore_ascii_case(&a) || t.short_name().eq_ignore_ascii_case(&a));
            if found.is_none() {
                cx.set_status(Status::Error(format!(
                    "Unknown policy type {:?}; e.g. SERVICE_CONTROL_POLICY or TAG_POLICY.",
                    crate::model::text::sanitize(&a)
                )));
            }
            found
        }
        None => policy_types().get(cx.st.selected).copied(),
    }
}

fn policy_type(cx: &mut Cx<'_, State>, arg: Option<String>, enable: bool) {
    if !cx.check_writable() {
        return;
    }
    let Some(ty) = type_for(cx, arg) else { return };
    let Some(o) = cx.shared.data.as_ref().and_then(|d| d.snapshot.organization.clone()) else { return };
    let on = o.enabled_policy_types.contains(&ty);
    if on == enable {
        let state = if on { "already enabled" } else { "not enabled" };
        cx.set_status(Status::Info(format!("{ty} is {state} in the root {}.", o.root_id)));
        return;
    }
    let root = o.root_id.to_string();
    let attached = cx.shared.data.as_ref().map_or(0, |d| {
        let ids: Vec<&PolicyId> =
            d.snapshot.policies.iter().filter(|p| p.summary.r#type == ty).map(|p| &p.summary.id).collect();
        d.snapshot.attachments.iter().filter(|a| ids.contains(&&a.policy_id)).count()
    });
    if enable {
        let request =
            ApiRequest::EnablePolicyType(EnablePolicyTypeRequest { root_id: root.clone(), policy_type: ty });
        let mut lines = vec![format!("Enable {ty} in the root {root}?")];
        if ty.is_authorization() {
            lines.push("An AWS managed full-access policy is attached to every root, OU and account, so nothing is denied until you attach your own policies.".into());
        } else {
            lines.push("Policies of this type can then be attached and start to apply.".into());
        }
        let done = format!("Enabled {ty} in the root.");
        confirm(cx, Call::Api { request, done, reveal: None }, format!("Enable {ty}"), lines, ty.to_string());
    } else {
        let request = ApiRequest::DisablePolicyType(DisablePolicyTypeRequest {
            root_id: root.clone(),
            policy_type: ty,
        });
        let lines = vec![
            format!("Disable {ty} in the root {root}?"),
            format!(
                "Every {ty} policy is detached from every root, OU and account ({attached} attachments); the policies remain but stop applying. Enabling the type again does not re-attach them."
            ),
        ];
        let done = format!("Disabled {ty} in the root.");
        confirm(
            cx,
            Call::Api { request, done, reveal: None },
            format!("Disable {ty}"),
            lines,
            ty.to_string(),
        );
    }
}

/// The Settings page.
pub struct SettingsPage;

impl PageModule for SettingsPage {
    type State = State;
    const PAGE: Page = P;
    const COMMANDS: &'static [Command<State>] = &[
        Command::on(
            P,
            "enable-all-features",
            &["F"],
            "",
            "start the migration to all features (every member must accept)",
            Some("all features"),
            |cx, _| enable_all_features(cx),
        ),
        Command::on(
            P,
            "enable-policy-type",
            &["+"],
            "[POLICY_TYPE]",
            "enable the selected policy type in the root",
            Some("enable type"),
            |cx, arg| policy_type(cx, arg, true),
        ),
        Command::on(
            P,
            "disable-policy-type",
            &["-"],
            "[POLICY_TYPE]",
            "disable the selected policy type in the root (detaches its policies)",
            Some("disable type"),
            |cx, arg| policy_type(cx, arg, false),
        ),
    ];

    fn draw(st: &State, shared: &Shared, f: &mut Frame, area: Rect) {
        view::draw(f, &View { st, shared }, area);
    }

    fn on_show(cx: &mut Cx<'_, State>) {
        if !cx.st.trails_asked {
            cx.st.trails_asked = true;
            let op = cx.op_id();
            let call = Call::CloudTrail(crate::tui::msg::CloudTrailCall::Trails);
            cx.effect(crate::tui::msg::Effect::Call { op, call });
        }
    }

    fn on_outcome(cx: &mut Cx<'_, State>, outcome: &crate::tui::msg::Outcome) {
        use crate::tui::msg::{CloudTrailOutcome, Outcome};
        match outcome {
            Outcome::CloudTrail(CloudTrailOutcome::Trails(t)) => cx.st.trails = Some(t.clone()),
            Outcome::CloudTrail(CloudTrailOutcome::History { history, .. }) => {
                cx.st.trails = Some(Ok(std::sync::Arc::new(history.trails.clone())));
            }
            _ => {}
        }
    }

    fn navigate(cx: &mut Cx<'_, State>, nav: Nav) {
        let cap = u16::try_from(view::policy_lines(&cx.view()).len()).unwrap_or(u16::MAX);
        let st = &mut *cx.st;
        match nav {
            Nav::Tab => st.policy_focused = !st.policy_focused,
            Nav::Back if st.policy_focused => st.policy_focused = false,
            _ if st.policy_focused => {
                st.scroll = match nav {
                    Nav::Up => st.scroll.saturating_sub(1),
                    Nav::Down => st.scroll.saturating_add(1).min(cap),
                    Nav::PageUp => st.scroll.saturating_sub(10),
                    Nav::PageDown => st.scroll.saturating_add(10).min(cap),
                    Nav::Top => 0,
                    Nav::Bottom => cap,
                    _ => return,
                }
            }
            _ => {
                let last = policy_types().len().saturating_sub(1);
                st.selected = match nav {
                    Nav::Up => st.selected.saturating_sub(1),
                    Nav::Down => (st.selected + 1).min(last),
                    Nav::Top => 0,
                    Nav::Bottom => last,
                    Nav::PageUp => st.selected.saturating_sub(10),
                    Nav::PageDown => (st.selected + 10).min(last),
                    _ => return,
                }
            }
        }
    }
}
