//! `update` unit tests: keys and results in, state and effects out — no terminal.

mod tui_support;
use crossterm::event::KeyCode;
use orgtui::backend::request::{ApiRequest, ApiResponse};
use orgtui::model::*;
use orgtui::tui::app::Focus;
use orgtui::tui::cx::Status;
use orgtui::tui::dialog::Modal;
use orgtui::tui::msg::{Call, Effect, Msg, Outcome};
use tui_support::*;

fn op_of(effects: &[Effect]) -> u64 {
    match effects.first() {
        Some(Effect::Call { op, .. }) => *op,
        other => panic!("expected a call, got {other:?}"),
    }
}

#[test]
fn moving_and_expanding() {
    let mut a = app(120, 36);
    assert_eq!(selected_name(&a), "Root");
    press(&mut a, KeyCode::Char('j'));
    assert_eq!(selected_name(&a), "Infrastructure");
    press(&mut a, KeyCode::Down);
    assert_eq!(selected_name(&a), "backup-vault");
    press(&mut a, KeyCode::Char('h')); // leaf: go to parent
    assert_eq!(selected_name(&a), "Infrastructure");
    press(&mut a, KeyCode::Char('h')); // collapse
    press(&mut a, KeyCode::Char('j'));
    assert_eq!(selected_name(&a), "Policy Staging", "collapsed children are skipped");
    press(&mut a, KeyCode::Char('G'));
    let last = selected_name(&a);
    press(&mut a, KeyCode::Char('j'));
    assert_eq!(selected_name(&a), last, "no wrap past the end");
    press(&mut a, KeyCode::Char('g'));
    assert_eq!(selected_name(&a), "Root");
}

#[test]
fn filter_keeps_ancestors_and_esc_restores_expansion() {
    let mut a = app(120, 36);
    let before = a.pages.accounts.opened.clone();
    press(&mut a, KeyCode::Char('/'));
    type_str(&mut a, "pci-card");
    let d = a.shared.data.as_ref().unwrap();
    let shown: Vec<&str> = a.pages.accounts.rows.iter().map(|&i| d.tree.nodes[i].name.as_str()).collect();
    assert_eq!(shown, vec!["Root", "Workloads", "Prod", "Payments", "PCI", "pci-cardholder-prod"]);
    assert_eq!(selected_name(&a), "pci-cardholder-prod", "the first match is selected");
    press(&mut a, KeyCode::Enter); // keep the filter, leave typing
    assert!(!a.pages.accounts.filter_editing && a.pages.accounts.filter.value() == "pci-card");
    press(&mut a, KeyCode::Esc);
    assert!(a.pages.accounts.filter.is_empty());
    assert_eq!(selected_name(&a), "pci-cardholder-prod", "selection survives clearing");
    assert!(a.pages.accounts.opened.is_superset(&before));
}

#[test]
fn tag_filter_matches_key_value() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('/'));
    type_str(&mut a, "owner=bob@example.com");
    let d = a.shared.data.as_ref().unwrap();
    let rows = &a.pages.accounts.rows;
    assert!(rows.iter().any(|&i| d.tree.nodes[i].name == "sandbox-bob"));
    assert!(!rows.iter().any(|&i| d.tree.nodes[i].name == "sandbox-alice"));
}

#[test]
fn create_ou_form_keeps_input_on_error_and_closes_on_success() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('c'));
    type_str(&mut a, "Sandbox");
    let effects = press(&mut a, KeyCode::Enter);
    let op = op_of(&effects);
    assert!(
        matches!(&effects[0], Effect::Call { call: Call::Api { request: ApiRequest::CreateOrganizationalUnit(r), .. }, .. } if r.name == "Sandbox")
    );
    // The UI still responds while the call is in flight.
    press(&mut a, KeyCode::Char('x'));
    let err = OrgError::new(
        ErrorCode::DuplicateOrganizationalUnitException,
        "An OU named \"Sandbox\" already exists.",
    );
    update(&mut a, Msg::OpDone { op, result: Err(err) });
    match &a.modal {
        Some(Modal::Form(f)) => {
            assert_eq!(f.fields[0].value, "Sandbox", "what the user typed is kept");
            assert!(f.error.as_deref().unwrap().contains("DuplicateOrganizationalUnitException"));
            assert!(f.submitting.is_none());
        }
        other => panic!("form expected, got {other:?}"),
    }
    type_str(&mut a, " 2");
    let op = op_of(&press(&mut a, KeyCode::Enter));
    let effects = update(
        &mut a,
        Msg::OpDone { op, result: Ok(done("Created OU Sandbox 2", Some("ou-ex4m-newnewne"))) },
    );
    assert!(a.modal.is_none());
    assert!(matches!(effects.as_slice(), [Effect::Load { .. }]), "a successful change reloads");
    assert_eq!(a.reveal_after_load.as_deref(), Some("ou-ex4m-newnewne"));
}

#[test]
fn cancelling_a_call_in_flight_keeps_the_form() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('c'));
    type_str(&mut a, "Slow");
    let op = op_of(&press(&mut a, KeyCode::Enter));
    let effects = press(&mut a, KeyCode::Esc);
    assert_eq!(effects, vec![Effect::Cancel { op }]);
    assert!(
        matches!(&a.modal, Some(Modal::Form(f)) if f.fields[0].value == "Slow" && f.submitting.is_none())
    );
    assert!(a.pending.is_empty());
}

#[test]
fn delete_needs_the_typed_name() {
    let mut a = app(120, 36);
    command(&mut a, "goto Policy Staging");
    assert_eq!(selected_name(&a), "Policy Staging");
    press(&mut a, KeyCode::Char('D'));
    assert!(matches!(&a.modal, Some(Modal::Confirm(_))));
    type_str(&mut a, "Policy");
    assert!(press(&mut a, KeyCode::Enter).is_empty(), "a partial name does not confirm");
    type_str(&mut a, " Staging");
    let effects = press(&mut a, KeyCode::Enter);
    assert!(
        matches!(&effects[0], Effect::Call { call: Call::Api { request: ApiRequest::DeleteOrganizationalUnit(_), done, .. }, .. } if done.contains("Policy Staging"))
    );
}

#[test]
fn close_and_remove_confirm_with_the_account_id() {
    let mut a = app(120, 36);
    command(&mut a, "goto sandbox-erin");
    let id = a.pages.accounts.selected.clone().unwrap();
    press(&mut a, KeyCode::Char('C'));
    let Some(Modal::Confirm(c)) = &a.modal else { panic!("confirm expected") };
    assert_eq!(c.expect, id);
    assert!(c.lines.iter().any(|l| l.contains("90 days")), "says what will happen");
    type_str(&mut a, &id);
    let effects = press(&mut a, KeyCode::Enter);
    assert!(
        matches!(&effects[0], Effect::Call { call: Call::Api { request: ApiRequest::CloseAccount(r), .. }, .. } if r.account_id == id)
    );
}

#[test]
fn move_picks_the_destination_in_the_tree() {
    let mut a = app(120, 36);
    command(&mut a, "goto sandbox-bob");
    let bob = a.pages.accounts.selected.clone().unwrap();
    press(&mut a, KeyCode::Char('m'));
    assert!(a.pages.accounts.moving.is_some());
    command(&mut a, "goto sandbox-alice");
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.status, Status::Error(_)), "an account is not a destination");
    command(&mut a, "goto Security");
    let effects = press(&mut a, KeyCode::Enter);
    match &effects[0] {
        Effect::Call { call: Call::Api { request: ApiRequest::MoveAccount(r), .. }, .. } => {
            assert_eq!(&r.account_id, &bob);
            assert!(r.destination_parent_id.starts_with("ou-"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(a.reveal_after_load.as_deref(), Some(bob.as_str()));
}

#[test]
fn move_command_with_arguments_calls_directly() {
    let mut a = app(120, 36);
    let effects = command(&mut a, "move 371324668258 ou-ex4m-au29pc7z");
    assert!(matches!(
        &effects[0],
        Effect::Call { call: Call::Api { request: ApiRequest::MoveAccount(_), .. }, .. }
    ));
}

#[test]
fn palette_errors_keep_the_input_and_tab_completes() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char(':'));
    type_str(&mut a, "cre");
    press(&mut a, KeyCode::Tab);
    assert!(matches!(&a.modal, Some(Modal::Palette { input, .. }) if input == "create-"));
    type_str(&mut a, "o");
    press(&mut a, KeyCode::Tab);
    assert!(matches!(&a.modal, Some(Modal::Palette { input, .. }) if input == "create-ou "));
    press(&mut a, KeyCode::Esc);
    command(&mut a, "fly away");
    assert!(matches!(&a.modal, Some(Modal::Palette { input, error: Some(_) }) if input == "fly away"));
}

#[test]
fn create_account_status_is_followed_to_the_end() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('a'));
    type_str(&mut a, "new-team");
    press(&mut a, KeyCode::Enter);
    type_str(&mut a, "aws+new-team@example.com");
    let op = op_of(&press(&mut a, KeyCode::Enter));
    let st = CreateAccountStatus {
        id: CreateAccountRequestId::parse("car-abcdef12").unwrap(),
        account_name: "new-team".into(),
        state: CreateAccountState::InProgress,
        requested_timestamp: Timestamp(0),
        completed_timestamp: None,
        account_id: None,
        gov_cloud_account_id: None,
        failure_reason: None,
    };
    let effects = update(
        &mut a,
        Msg::OpDone {
            op,
            result: Ok(Outcome::Response {
                message: String::new(),
                reveal: None,
                response: ApiResponse::CreateAccount(CreateAccountResponse {
                    create_account_status: st.clone(),
                }),
            }),
        },
    );
    assert!(
        matches!(&effects[0], Effect::PollCreateAccount { request_id, .. } if request_id == "car-abcdef12")
    );
    assert!(a.busy());
    let effects = update(&mut a, Msg::CreateStatus { result: Ok(st.clone()) });
    assert!(matches!(effects[0], Effect::PollCreateAccount { .. }), "polls again while IN_PROGRESS");
    let failed = CreateAccountStatus {
        state: CreateAccountState::Failed,
        failure_reason: Some(CreateAccountFailureReason::EmailAlreadyExists),
        ..st
    };
    assert!(update(&mut a, Msg::CreateStatus { result: Ok(failed) }).is_empty());
    assert!(matches!(&a.status, Status::Error(m) if m.contains("EMAIL_ALREADY_EXISTS")));
    assert!(!a.busy());
}

#[test]
fn quit_waits_for_a_second_q_while_changes_are_in_flight() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('q'));
    assert!(a.quit, "nothing pending: quits at once");
    let mut a = app(120, 36);
    command(&mut a, "create-ou Pending");
    assert_eq!(a.pending.len(), 1);
    press(&mut a, KeyCode::Char('q'));
    assert!(!a.quit);
    press(&mut a, KeyCode::Char('q'));
    assert!(a.quit);
}

#[test]
fn stale_loads_are_ignored_and_refresh_keeps_state() {
    let mut a = app(120, 36);
    command(&mut a, "goto audit");
    press(&mut a, KeyCode::Char('/'));
    type_str(&mut a, "aud");
    press(&mut a, KeyCode::Enter);
    let effects = press(&mut a, KeyCode::Char('r'));
    let Effect::Load { generation } = effects[0] else { panic!() };
    update(&mut a, Msg::Loaded { generation: generation - 1, result: Err(OrgError::not_in_use()) });
    assert!(a.shared.load_error.is_none(), "an older load is ignored");
    let snap = orgtui::snapshot::sample_engine().unwrap().to_snapshot();
    update(&mut a, Msg::Loaded { generation, result: Ok(std::sync::Arc::new(snap)) });
    assert_eq!(selected_name(&a), "audit");
    assert_eq!(a.pages.accounts.filter.value(), "aud");
}

#[test]
fn tab_switches_panes_and_enter_on_an_account_opens_details() {
    let mut a = app(120, 36);
    command(&mut a, "goto audit");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.pages.accounts.focus, Focus::Details);
    press(&mut a, KeyCode::Char('j'));
    assert_eq!(a.pages.accounts.details_scroll, 1);
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.pages.accounts.focus, Focus::Tree);
}

#[test]
fn copy_uses_osc52_effects() {
    let mut a = app(120, 36);
    command(&mut a, "goto audit");
    let id = a.pages.accounts.selected.clone().unwrap();
    assert_eq!(press(&mut a, KeyCode::Char('y')), vec![Effect::Copy(id.clone())]);
    let effects = press(&mut a, KeyCode::Char('Y'));
    assert!(
        matches!(&effects[0], Effect::Copy(arn) if arn.starts_with("arn:aws:organizations::") && arn.ends_with(&id))
    );
}

/// After scrolling to the end of the tree, a filter that keeps only a few rows still shows them
/// (the root first) instead of an empty pane.
#[test]
fn a_filter_after_scrolling_shows_the_root() {
    let mut a = app(80, 24);
    press(&mut a, KeyCode::Char('G'));
    let _ = render(&a);
    // Filter on the selected (last) row itself: the selection stays, the rows shrink.
    let last = selected_name(&a);
    press(&mut a, KeyCode::Char('/'));
    type_str(&mut a, &last);
    let screen = render(&a);
    assert!(screen.contains("Root"), "{screen}");
    assert!(screen.contains(&last), "{screen}");
}

/// `q` waits (one more `q`) for changes in flight, never for reads such as the Billing page's
/// months or CloudTrail's history.
#[test]
fn quit_waits_for_changes_not_for_reads() {
    let mut a = app(80, 24);
    a.pending.insert(900, "Reading the months".into());
    a.pending_reads.insert(900);
    press(&mut a, KeyCode::Char('q'));
    assert!(a.quit, "a read in flight does not hold q");

    let mut a = app(80, 24);
    a.pending.insert(901, "Moving an account".into());
    press(&mut a, KeyCode::Char('q'));
    assert!(!a.quit, "a change in flight asks for a second q");
    assert!(matches!(&a.status, Status::Info(m) if m.contains("still in flight")));
    press(&mut a, KeyCode::Char('q'));
    assert!(a.quit);
}
