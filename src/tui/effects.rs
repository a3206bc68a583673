//! The effect runner: each backend call is a tokio task with a timeout, its result posted back
//! as a message; a newer load replaces an older one, and a change can be cancelled.

use super::msg::{Call, Effect, Msg, OpId, Outcome};
use crate::backend::{ListAll, OrgBackend};
use crate::model::*;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

/// How long any one backend call may take.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// Runs effects against a backend.
pub struct Runner {
    backend: Arc<dyn OrgBackend>,
    cloudtrail: Option<Arc<dyn crate::backend::cloudtrail::CloudTrailBackend>>,
    costs: Option<Arc<crate::backend::costs::CostsService>>,
    tx: UnboundedSender<Msg>,
    load: Option<JoinHandle<()>>,
    ops: HashMap<OpId, JoinHandle<()>>,
}

fn timed_out(what: &str) -> OrgError {
    OrgError::unknown(
        "RequestTimeout",
        None,
        format!("{what} got no answer within {} s.", CALL_TIMEOUT.as_secs()),
    )
}

impl Runner {
    /// A runner posting results to `tx`.
    pub fn new(backend: Arc<dyn OrgBackend>, tx: UnboundedSender<Msg>) -> Runner {
        Runner { backend, tx, load: None, ops: HashMap::new(), cloudtrail: None, costs: None }
    }

    /// Answers `Call::CloudTrail` from `cloudtrail` (without one, such calls fail plainly).
    pub fn with_cloudtrail(
        mut self,
        cloudtrail: Arc<dyn crate::backend::cloudtrail::CloudTrailBackend>,
    ) -> Self {
        self.cloudtrail = Some(cloudtrail);
        self
    }

    /// Answers `Call::Costs` from `costs`, cached in the state directory (without one, such
    /// calls fail plainly).
    pub fn with_costs(self, costs: Arc<dyn crate::backend::costs::CostExplorerBackend>) -> Self {
        let cache = crate::backend::costs::cache::CostCache::default_location();
        self.with_costs_service(Arc::new(crate::backend::costs::CostsService::new(costs, cache)))
    }

    /// Answers `Call::Costs` from a service with its own cache (tests).
    pub fn with_costs_service(mut self, costs: Arc<crate::backend::costs::CostsService>) -> Self {
        self.costs = Some(costs);
        self
    }

    /// Starts an effect. `Copy`, `SetMouse` and the draft files belong to the terminal loop and
    /// are ignored here.
    pub fn start(&mut self, effect: Effect) {
        self.ops.retain(|_, h| !h.is_finished());
        match effect {
            Effect::Load { generation } => {
                if let Some(h) = self.load.take() {
                    h.abort();
                }
                let (b, tx) = (self.backend.clone(), self.tx.clone());
                self.load = Some(tokio::spawn(async move {
                    let report = tx.clone();
                    let sink = move |progress| {
                        let _ = report.send(Msg::LoadProgress { generation, progress });
                    };
                    let _ = tx.send(Msg::Quotas(b.quotas()));
                    let load = b.load_snapshot_with_progress(&sink);
                    let result = match tokio::time::timeout(CALL_TIMEOUT * 4, load).await {
                        Ok(r) => r.map(Arc::new),
                        Err(_) => Err(timed_out("Loading the organization")),
                    };
                    let _ = tx.send(Msg::Loaded { generation, result });
                }));
            }
            Effect::Call { op, call: Call::CloudTrail(call) } => {
                let (ct, tx) = (self.cloudtrail.clone(), self.tx.clone());
                let handle = tokio::spawn(async move {
                    let result = perform_cloudtrail(ct.as_deref(), call, &tx).await;
                    let _ = tx.send(Msg::OpDone { op, result });
                });
                self.ops.insert(op, handle);
            }
            Effect::Call { op, call: Call::Costs(call) } => {
                let (costs, tx) = (self.costs.clone(), self.tx.clone());
                let handle = tokio::spawn(async move {
                    let result = perform_costs(costs.as_deref(), call).await;
                    let _ = tx.send(Msg::OpDone { op, result });
                });
                self.ops.insert(op, handle);
            }
            Effect::Call { op, call } => {
                let (b, tx) = (self.backend.clone(), self.tx.clone());
                let handle = tokio::spawn(async move {
                    let result = match tokio::time::timeout(CALL_TIMEOUT, perform(b.as_ref(), call)).await {
                        Ok(r) => r,
                        Err(_) => Err(timed_out("The change")),
                    };
                    let _ = tx.send(Msg::OpDone { op, result });
                });
                self.ops.insert(op, handle);
            }
            Effect::Cancel { op } => {
                if let Some(h) = self.ops.remove(&op) {
                    h.abort();
                }
            }
            Effect::PollCreateAccount { request_id, delay_ms } => {
                let (b, tx) = (self.backend.clone(), self.tx.clone());
                tokio::spawn(async move {
                    tokio::time::sleep(Duration::from_millis(delay_ms)).await;
                    let req = DescribeCreateAccountStatusRequest { create_account_request_id: request_id };
                    let result =
                        match tokio::time::timeout(CALL_TIMEOUT, b.describe_create_account_status(req)).await
                        {
                            Ok(r) => r.map(|r| r.create_account_status),
                            Err(_) => Err(timed_out("DescribeCreateAccountStatus")),
                        };
                    let _ = tx.send(Msg::CreateStatus { result });
                });
            }
            Effect::Copy(_)
            | Effect::SetMouse(_)
            | Effect::WriteDraft { .. }
            | Effect::RemoveDraft { .. } => {}
        }
    }
}

/// Performs one call through the backend.
pub async fn perform(b: &dyn OrgBackend, call: Call) -> Result<Outcome, OrgError> {
    match call {
        Call::Arm(armed) => {
            b.arm(armed);
            Ok(Outcome::Armed(b.writes_armed()))
        }
        Call::Api { request, done, reveal } => {
            let response = request.send(b).await?;
            Ok(Outcome::Response { message: crate::model::text::sanitize(&done), reveal, response })
        }
        Call::ActAs { account } => act_as(b, account).await,
        Call::SaveAs { path, overwrite } => b.save_as(&path, overwrite).map(|()| Outcome::SavedAs(path)),
        Call::CloudTrail(call) => {
            perform_cloudtrail(None, call, &tokio::sync::mpsc::unbounded_channel().0).await
        }
        Call::Costs(call) => perform_costs(None, call).await,
    }
}

/// Performs a Cost Explorer read through the cache: `Open` makes no paid request, `Refresh`
/// fetches what the cache lacks (each live request is billed; the page asked first).
pub async fn perform_costs(
    s: Option<&crate::backend::costs::CostsService>,
    call: crate::tui::msg::CostsCall,
) -> Result<Outcome, OrgError> {
    use crate::tui::msg::CostsCall;
    let Some(s) = s else {
        return Err(OrgError::unknown(
            "UnsupportedOperation",
            None,
            "Cost Explorer is not available in this session.",
        ));
    };
    let quiet = |_: usize| {};
    let view = match call {
        CostsCall::Open { org, metric } => s.open(&org, &metric, None, &quiet).await,
        CostsCall::Refresh { org, metric } => {
            let refresh = s.refresh(&org, &metric, None, true, &quiet);
            match tokio::time::timeout(CALL_TIMEOUT * 4, refresh).await {
                Ok(r) => r,
                Err(_) => return Err(timed_out("Reading Cost Explorer")),
            }
        }
    };
    let view = view.map_err(|e| OrgError::unknown(e.code.as_str(), None, e.message))?;
    Ok(Outcome::Costs(Arc::new(view)))
}

/// Performs a CloudTrail read; LookupEvents pages are paced by the backend, and the number
/// of events read so far goes to the status line as progress.
pub async fn perform_cloudtrail(
    b: Option<&dyn crate::backend::cloudtrail::CloudTrailBackend>,
    call: crate::tui::msg::CloudTrailCall,
    tx: &UnboundedSender<Msg>,
) -> Result<Outcome, OrgError> {
    use crate::tui::msg::{CloudTrailCall, CloudTrailOutcome};
    let Some(b) = b else {
        return Err(OrgError::unknown(
            "UnsupportedOperation",
            None,
            "CloudTrail is not available in this session.",
        ));
    };
    match call {
        CloudTrailCall::History { focus } => {
            let report = tx.clone();
            let progress = move |p: crate::backend::cloudtrail::LookupProgress| {
                let _ = report.send(Msg::CloudTrailProgress(p));
            };
            let history = crate::backend::cloudtrail::history(b, &progress)
                .await
                .map_err(|e| OrgError::unknown(e.code, None, e.message))?;
            Ok(Outcome::CloudTrail(CloudTrailOutcome::History { history: Arc::new(history), focus }))
        }
        CloudTrailCall::Trails => {
            let trails = crate::backend::cloudtrail::trails(b).await.map(Arc::new).map_err(|e| e.to_string());
            Ok(Outcome::CloudTrail(CloudTrailOutcome::Trails(trails)))
        }
    }
}

/// Switches the backend's caller, then lists what that account received (a failed listing
/// still reports the switch, with no handshakes).
async fn act_as(b: &dyn OrgBackend, account: Option<String>) -> Result<Outcome, OrgError> {
    let caller = match &account {
        Some(a) => Caller::Account(AccountId::parse(a)?),
        None => Caller::Management,
    };
    b.act_as(caller)?;
    // A failed listing still reports the switch, with no handshakes.
    let handshakes = b.list_all(ListHandshakesForAccountRequest::default()).await.unwrap_or_default();
    let who = account.map_or_else(|| "the management account".to_string(), |a| format!("account {a}"));
    Ok(Outcome::Response {
        message: crate::model::text::sanitize(&format!("Now acting as {who}.")),
        reveal: None,
        response: crate::backend::request::ApiResponse::ListHandshakesForAccount(
            ListHandshakesForAccountResponse { handshakes, next_token: None },
        ),
    })
}
