//! Where the Billing page's months come from: Cost Explorer through the session's backend
//! (`Call::Costs`). The engine's answers at once; the live service's are read from the disk
//! cache, and a refresh (`R`) — billed per request — says how many requests it makes and asks
//! once per session.

use super::State;
use crate::backend::costs::{CostsView, DEFAULT_METRIC, USD_PER_REQUEST};
use crate::model::costexplorer::METRICS;
use crate::tui::cx::{Cx, Status};
use crate::tui::dialog::Confirm;
use crate::tui::msg::{Call, CostsCall};
use std::sync::Arc;

/// The metric shown (`UnblendedCost` unless `:metric` chose another).
pub fn metric(st: &State) -> String {
    if st.metric.is_empty() { DEFAULT_METRIC.to_string() } else { st.metric.clone() }
}

fn org(cx: &Cx<'_, State>) -> Option<String> {
    let d = cx.shared.data.as_ref()?;
    Some(d.snapshot.organization.as_ref().map_or_else(|| "no-organization".to_string(), |o| o.id.to_string()))
}

/// Asks for the months known without a paid request, once per organization and metric (the
/// first load, `:metric`); nothing when the session has no Cost Explorer.
pub fn open(cx: &mut Cx<'_, State>) {
    if cx.shared.costs_paid.is_none() {
        return;
    }
    let Some(org) = org(cx) else { return };
    let metric = metric(cx.st);
    if cx.st.asked.as_ref() == Some(&(org.clone(), metric.clone())) {
        return;
    }
    cx.st.asked = Some((org.clone(), metric.clone()));
    let label = if cx.shared.costs_paid == Some(true) { "Reading the cost cache" } else { "Reading costs" };
    cx.submit(Call::Costs(CostsCall::Open { org, metric }), label.into());
}

/// `R`: fetches from Cost Explorer. On the live service it first says how many paid
/// requests it makes and asks (once per session).
pub fn refresh(cx: &mut Cx<'_, State>, _: Option<String>) {
    let Some(paid) = cx.shared.costs_paid else {
        cx.set_status(Status::Info("This session has no Cost Explorer.".into()));
        return;
    };
    let Some(org) = org(cx) else {
        cx.set_status(Status::Info("The organization is not loaded yet.".into()));
        return;
    };
    let call = Call::Costs(CostsCall::Refresh { org, metric: metric(cx.st) });
    if !paid || cx.st.confirmed {
        cx.submit(call, "Fetching costs from Cost Explorer".into());
        return;
    }
    let n = cx.st.view.as_ref().map_or(12, |v| v.refresh_requests.max(1));
    cx.confirm(Confirm::new(
        call,
        "Fetch costs from Cost Explorer".into(),
        vec![
            format!(
                "This makes about {n} paid request{} (USD {USD_PER_REQUEST:.2} each, about USD {:.2}):",
                if n == 1 { "" } else { "s" },
                n as f64 * USD_PER_REQUEST
            ),
            "one per month not yet cached, the current month, and further pages.".into(),
            "Closed months once cached are never fetched again.".into(),
            "Later refreshes in this session will not ask again.".into(),
        ],
        "yes".into(),
    ));
}

/// `:metric NAME`: shows another Cost Explorer metric (from the cache on the live service).
pub fn set_metric(cx: &mut Cx<'_, State>, arg: Option<String>) {
    let typed = arg.unwrap_or_default();
    let fold = |s: &str| s.trim().replace('_', "").to_ascii_lowercase();
    let Some(m) = METRICS.iter().find(|m| fold(m) == fold(&typed)) else {
        cx.set_status(Status::Error(format!("metric: one of {}", METRICS.join(", "))));
        return;
    };
    if cx.shared.costs_paid.is_none() {
        cx.set_status(Status::Info("This session has no Cost Explorer.".into()));
        return;
    }
    cx.st.metric = m.to_string();
    open(cx);
}

/// Cost Explorer answered: keeps what the page shows of it (as of, what a refresh costs); a
/// fetch that made paid requests was confirmed, so later ones go without asking.
pub fn heard(cx: &mut Cx<'_, State>, view: &Arc<CostsView>) {
    if view.requests > 0 {
        cx.st.confirmed = true;
    }
    cx.st.view = Some(view.clone());
}

/// The title's note on a live session: when the months were fetched and what `R` costs.
pub fn note(st: &State) -> Option<String> {
    let v = st.view.as_ref().filter(|v| v.paid)?;
    let at = v.as_of.map_or_else(|| "not fetched".to_string(), |t| format!("as of {}", short_time(t)));
    let metric = if v.metric == DEFAULT_METRIC { String::new() } else { format!("{} ", v.metric) };
    Some(format!("{metric}{at} · R: {} paid", v.refresh_requests))
}

/// The page's text on a live session without cached months.
pub fn empty(st: &State) -> Option<String> {
    let v = st.view.as_ref().filter(|v| v.paid)?;
    Some(format!(
        "No cached {} costs for this organization. R fetches them from Cost Explorer: about {} paid \
         requests (USD {:.2}), asked once per session.",
        v.metric,
        v.refresh_requests,
        v.refresh_requests as f64 * USD_PER_REQUEST
    ))
}

fn short_time(t: crate::model::Timestamp) -> String {
    let s = t.to_string();
    s.get(..16).map_or(s.clone(), |p| p.replace('T', " "))
}
