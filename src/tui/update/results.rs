//! Results of backend calls: close or annotate the dialog that started them, reload, and
//! follow account creations to their end.

use crate::backend::request::ApiResponse;
use crate::model::text::sanitize;
use crate::model::*;
use crate::tui::app::{App, Creation};
use crate::tui::cx::Status;
use crate::tui::dialog::{Modal, describe_error};
use crate::tui::msg::{Effect, Outcome};

/// CloudTrail answered: the history is kept for every page (the Accounts details' history
/// line) and each page hears the outcome.
fn cloudtrail_outcome(app: &mut App, o: crate::tui::msg::CloudTrailOutcome) -> Vec<Effect> {
    app.dirty = true;
    if let crate::tui::msg::CloudTrailOutcome::History { history, .. } = &o {
        app.shared.activity = Some(history.clone());
    }
    app.with_pages(|p, env| crate::tui::pages::on_outcome(p, env, &Outcome::CloudTrail(o)))
}

pub(super) fn on_done(
    app: &mut App,
    op: crate::tui::msg::OpId,
    result: Result<Outcome, OrgError>,
) -> Vec<Effect> {
    app.pending_reads.remove(&op);
    let Some(label) = app.pending.remove(&op) else {
        // Quiet reads (the trail note) are not pending; their outcome still reaches the pages.
        if let Ok(Outcome::CloudTrail(o)) = result {
            return cloudtrail_outcome(app, o);
        }
        return Vec::new();
    };
    app.dirty = true;
    // The editor follows its own save (error into the editor, or close on success).
    // The editor follows its own save: a failure stays in the editor with the text; a success
    // closes it and goes on like any other call.
    let (took, editor_effects) = app.with_editor(|cx| crate::tui::editor::on_done(cx, op, &result));
    if took && result.is_err() {
        return editor_effects;
    }
    // The dialog that started this call, if it is still open.
    let owned = match &app.modal {
        Some(Modal::Form(f)) => f.submitting == Some(op),
        Some(Modal::Confirm(c)) => c.submitting == Some(op),
        _ => false,
    };
    match result {
        Err(e) => {
            let text = describe_error(&e);
            tracing::warn!("{label} failed: {text}");
            match &mut app.modal {
                Some(Modal::Form(f)) if owned => {
                    f.submitting = None;
                    f.error = Some(text);
                }
                Some(Modal::Confirm(c)) if owned => {
                    c.submitting = None;
                    c.error = Some(text);
                }
                None => {
                    app.reveal_after_load = None;
                    app.modal = Some(Modal::Error { title: format!("{label} failed"), message: text });
                }
                _ => app.set_status(Status::Error(format!("{label} failed: {text}"))),
            }
            Vec::new()
        }
        Ok(outcome) => {
            if owned {
                app.modal = None;
            }
            if let Outcome::Response { response, .. } = &outcome
                && app.on_sample()
                && crate::backend::request::is_write_operation(response.operation())
            {
                app.unsaved_sample_changes += 1;
            }
            match outcome {
                Outcome::SavedAs(path) => {
                    let name = path
                        .file_name()
                        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                    app.shared.source.label = format!("FILE {}", sanitize(&name));
                    app.shared.source.writable = true;
                    app.unsaved_sample_changes = 0;
                    app.set_status(Status::Ok(format!(
                        "Saved to {}; every change now goes to that file.",
                        sanitize(&path.display().to_string())
                    )));
                    Vec::new()
                }
                Outcome::Armed(armed) => {
                    app.shared.source.writable = armed;
                    app.set_status(if armed {
                        Status::Ok(
                            "Writes are ARMED: changes go to AWS and are journaled. :disarm to stop.".into(),
                        )
                    } else {
                        Status::Info("Writes disarmed: the session is read-only.".into())
                    });
                    Vec::new()
                }
                Outcome::Response { response: ApiResponse::CreateAccount(r), .. } => {
                    let st = r.create_account_status;
                    app.creations.push(Creation {
                        request_id: st.id.to_string(),
                        name: sanitize(&st.account_name),
                        state: st.state,
                        detail: format!("request {}", st.id),
                    });
                    app.set_status(Status::Info(format!(
                        "Creating account {}: {} (request {}).",
                        sanitize(&st.account_name),
                        st.state,
                        st.id
                    )));
                    vec![Effect::PollCreateAccount { request_id: st.id.to_string(), delay_ms: 1000 }]
                }
                Outcome::CloudTrail(o) => {
                    if let crate::tui::msg::CloudTrailOutcome::History { .. } = &o {
                        app.set_status(Status::Ok("CloudTrail event history read.".into()));
                    }
                    cloudtrail_outcome(app, o)
                }
                Outcome::Costs(view) => {
                    app.shared.costs = Some(view.data.clone()).filter(|d| !d.is_empty());
                    if let Some(p) = view.problems.first() {
                        app.set_status(Status::Error(sanitize(p)));
                    } else if view.requests > 0 {
                        app.set_status(Status::Ok(format!(
                            "Cost Explorer read: {} paid request{} (USD {:.2}).",
                            view.requests,
                            if view.requests == 1 { "" } else { "s" },
                            view.requests as f64 * crate::backend::costs::USD_PER_REQUEST
                        )));
                    }
                    app.with_pages(|p, env| {
                        crate::tui::pages::on_outcome(p, env, &Outcome::Costs(view.clone()))
                    })
                }
                Outcome::Response { message, reveal, response } => {
                    if reveal.is_some() {
                        app.reveal_after_load = reveal;
                    }
                    let mut effects = editor_effects;
                    effects.extend(
                        app.with_pages(|p, env| crate::tui::pages::on_response(p, env, op, &response)),
                    );
                    app.set_status(Status::Ok(message));
                    effects.extend(app.load());
                    effects
                }
            }
        }
    }
}

pub(super) fn on_create_status(app: &mut App, result: Result<CreateAccountStatus, OrgError>) -> Vec<Effect> {
    app.dirty = true;
    let st = match result {
        Ok(st) => st,
        Err(e) => {
            app.set_status(Status::Error(format!(
                "Checking an account creation failed: {}",
                describe_error(&e)
            )));
            return Vec::new();
        }
    };
    let id = st.id.to_string();
    let Some(c) = app.creations.iter_mut().find(|c| c.request_id == id) else { return Vec::new() };
    c.state = st.state;
    match st.state {
        CreateAccountState::InProgress => {
            vec![Effect::PollCreateAccount { request_id: id, delay_ms: 1000 }]
        }
        CreateAccountState::Succeeded => {
            let account = st.account_id.map(|a| a.to_string()).unwrap_or_default();
            c.detail = format!("account {account}");
            let name = c.name.clone();
            app.set_status(Status::Ok(format!("Account {name} created: {account}.")));
            app.reveal_after_load = Some(account);
            app.load()
        }
        CreateAccountState::Failed => {
            let reason = st.failure_reason.map_or_else(|| "unknown reason".to_string(), |r| r.to_string());
            c.detail = reason.clone();
            let name = c.name.clone();
            app.set_status(Status::Error(format!("Creating account {name} FAILED: {reason}.")));
            Vec::new()
        }
    }
}
