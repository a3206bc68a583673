//! The Inspector page: fields defaulting from the tree selection, editing with completion,
//! decisions and traces on the sample organization, the matrix, what-if with editor drafts, and
//! screen snapshots at 80×24 and 120×36.

mod tui_support;
use crossterm::event::KeyCode;
use orgtui::policy::Decision;
use orgtui::tui::app::{App, Page};
use orgtui::tui::pages::inspector::{compute, state};
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 36)];

/// The sample app on the inspector page with `account` selected in the tree.
fn at(account: &str, w: u16, h: u16) -> App {
    let mut a = app(w, h);
    command(&mut a, &format!("goto {account}"));
    press(&mut a, KeyCode::Char('3'));
    assert_eq!(a.page, Page::Inspector);
    a
}

/// Edits the action field: Enter to edit, clear, type, Enter.
fn set_action(a: &mut App, action: &str) {
    a.pages.inspector.focus = state::Focus::Field(state::Field::Action);
    press(a, KeyCode::Enter);
    assert!(a.pages.inspector.editing.is_some());
    clear(a);
    type_str(a, action);
    press(a, KeyCode::Enter);
    assert!(a.pages.inspector.editing.is_none(), "{:?}", a.status);
}

fn clear(a: &mut App) {
    let n = a.pages.inspector.editing.as_ref().map_or(0, |e| e.buffer.value().chars().count());
    for _ in 0..n {
        press(a, KeyCode::Backspace);
    }
}

fn single(a: &App) -> compute::Single {
    compute::single(&a.view(&a.pages.inspector)).expect("a decision")
}

/// Switches to the matrix with the rows under `ou` (a name).
fn matrix_of(a: &mut App, ou: &str) {
    if !a.pages.inspector.matrix {
        press(a, KeyCode::Char('M'));
    }
    assert!(a.pages.inspector.matrix);
    a.pages.inspector.focus = state::Focus::Field(state::Field::Account);
    press(a, KeyCode::Enter);
    clear(a);
    type_str(a, ou);
    press(a, KeyCode::Enter);
    assert!(a.pages.inspector.editing.is_none(), "{:?}", a.status);
}

/// A draft of DenyLeaveOrganization that denies something else instead.
const DRAFT: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"DenyLeave","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"000000000000"}}}]}"#;

#[test]
fn fields_default_from_the_tree_selection() {
    let a = at("payments-prod", 80, 24);
    assert_eq!(state::account(&a.view(&a.pages.inspector)).as_deref(), Some("562346771328"));
    assert_eq!(
        state::principal_for(&a.view(&a.pages.inspector), "562346771328"),
        "arn:aws:iam::562346771328:role/Admin"
    );
    assert_eq!(a.pages.inspector.resource, "*");
    let screen = render(&a);
    assert!(screen.contains("562346771328  payments-prod"), "{screen}");
    assert!(screen.contains("AdministratorAccess"), "{screen}");
    // Another account selected in the tree replaces a choice made on the page.
    let mut a = a;
    a.pages.inspector.focus = state::Focus::Field(state::Field::Account);
    press(&mut a, KeyCode::Right);
    assert_ne!(state::account(&a.view(&a.pages.inspector)).as_deref(), Some("562346771328"));
    command(&mut a, "goto web-prod");
    press(&mut a, KeyCode::Char('3'));
    assert_eq!(state::account(&a.view(&a.pages.inspector)).as_deref(), Some("903685813694"));
    // An account without known principals: its OrganizationAccountAccessRole, policies unknown.
    command(&mut a, "goto network-prod");
    press(&mut a, KeyCode::Char('3'));
    assert_eq!(
        state::principal_for(&a.view(&a.pages.inspector), "274662961986"),
        "arn:aws:iam::274662961986:role/OrganizationAccountAccessRole"
    );
    // An OU selected: a member account with known principals stands in.
    let mut a = app(80, 24);
    command(&mut a, "goto Workloads");
    press(&mut a, KeyCode::Char('3'));
    let acct = state::account(&a.view(&a.pages.inspector)).unwrap();
    assert!(state::principals(&a.view(&a.pages.inspector)).in_account(&acct).next().is_some());
}

#[test]
fn typing_an_action_with_completion_and_enter_gives_a_decision() {
    let mut a = at("payments-prod", 120, 36);
    assert!(compute::single(&a.view(&a.pages.inspector)).is_none(), "no action yet");
    assert!(render(&a).contains("Type an action"));
    press(&mut a, KeyCode::Char('e'));
    assert_eq!(a.pages.inspector.editing.as_ref().map(|e| e.field), Some(state::Field::Action));
    type_str(&mut a, "iam:CreateUs");
    // Typed keys went to the field, not to the keymap (no page switch, no quit).
    assert_eq!(a.page, Page::Inspector);
    let list = orgtui::tui::pages::inspector::edit::completions(&a.view(&a.pages.inspector));
    assert!(list.iter().any(|(v, _)| v == "iam:CreateUser"), "{list:?}");
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.pages.inspector.editing.as_ref().unwrap().buffer, "iam:CreateUser");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.pages.inspector.action, "iam:CreateUser");
    let s = single(&a);
    assert_eq!(s.eval.decision, Decision::Allowed);
    assert!(render(&a).contains("Decision: ALLOWED"));
    // Esc leaves a field as it was; a malformed action keeps the field open with an error.
    press(&mut a, KeyCode::Enter);
    type_str(&mut a, "xyz");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.pages.inspector.action, "iam:CreateUser");
    press(&mut a, KeyCode::Enter);
    clear(&mut a);
    type_str(&mut a, "notanaction");
    press(&mut a, KeyCode::Enter);
    assert!(a.pages.inspector.editing.is_some());
    assert!(matches!(&a.status, orgtui::tui::cx::Status::Error(m) if m.contains("service:Action")));
}

#[test]
fn an_scp_deny_is_an_explicit_deny_naming_the_policy_and_level() {
    let mut a = at("payments-prod", 120, 36);
    set_action(&mut a, "organizations:LeaveOrganization");
    let s = single(&a);
    assert_eq!(s.eval.decision, Decision::ExplicitlyDenied);
    let d = &s.eval.trace.deciding;
    assert_eq!(d.policy.as_deref(), Some("p-nubu3bh8"));
    assert_eq!(d.level.as_deref(), Some("r-ex4m"));
    let screen = render(&a);
    assert!(screen.contains("Decision: EXPLICIT DENY"), "{screen}");
    assert!(screen.contains("at root r-ex4m Root, policy p-nubu3bh8 DenyLeaveOrganization"), "{screen}");
    // The palette's `inspect` does the same from anywhere.
    press(&mut a, KeyCode::Char('1'));
    command(&mut a, "inspect cloudtrail:StopLogging");
    assert_eq!(a.page, Page::Inspector);
    assert_eq!(single(&a).eval.decision, Decision::ExplicitlyDenied);
}

#[test]
fn a_level_without_an_allow_is_named() {
    let mut a = at("sandbox-bob", 120, 36);
    set_action(&mut a, "account:CloseAccount");
    let s = single(&a);
    assert_eq!(s.eval.decision, Decision::ImplicitlyDenied);
    assert_eq!(s.eval.trace.deciding.level.as_deref(), Some("ou-ex4m-1ppmdudc"));
    let screen = render(&a);
    assert!(screen.contains("IMPLICIT DENY"), "{screen}");
    press(&mut a, KeyCode::Char('G'));
    for _ in 0..6 {
        press(&mut a, KeyCode::Down);
    }
    assert!(a.pages.inspector.scroll > 0);
    let screen = render(&a);
    assert!(screen.contains("NO ALLOW at this level"), "{screen}");
}

#[test]
fn matrix_cells_and_glyphs_for_an_ou() {
    let mut a = at("payments-prod", 120, 36);
    matrix_of(&mut a, "Suspended");
    let m = compute::matrix(&a.view(&a.pages.inspector)).unwrap();
    assert_eq!(m.rows.len(), 4);
    assert_eq!(m.base.actions.len(), orgtui::policy::matrix::DEFAULT_ACTIONS.len());
    assert!(m.base.cells.iter().all(|c| *c == Decision::ExplicitlyDenied), "DenyAllActions");
    let screen = render(&a);
    assert!(screen.contains("4 accounts x 14 actions | stored: A 0  D 56  - 0"), "{screen}");
    assert!(screen.contains("[D ] D   D"), "{screen}");
    // The sandbox: an allow list (no FullAWSAccess) leaves some actions implicitly denied.
    matrix_of(&mut a, "Sandbox");
    let m = compute::matrix(&a.view(&a.pages.inspector)).unwrap();
    let col = m.base.actions.iter().position(|x| x == "account:CloseAccount").unwrap();
    assert_eq!(m.base.get(0, col), Some(Decision::ImplicitlyDenied));
    assert_eq!(orgtui::policy::matrix::glyph(Decision::ImplicitlyDenied), '-');
    // The actions are a list the user edits.
    a.pages.inspector.focus = state::Focus::Field(state::Field::Action);
    press(&mut a, KeyCode::Enter);
    clear(&mut a);
    type_str(&mut a, "s3:GetObject, ec2:RunInstances");
    press(&mut a, KeyCode::Enter);
    assert_eq!(
        compute::matrix(&a.view(&a.pages.inspector)).unwrap().base.actions,
        ["s3:GetObject", "ec2:RunInstances"]
    );
}

#[test]
fn the_cursor_shows_its_cells_trace() {
    let mut a = at("payments-prod", 120, 36);
    matrix_of(&mut a, "Sandbox");
    a.pages.inspector.focus = state::Focus::Body;
    let col =
        orgtui::policy::matrix::DEFAULT_ACTIONS.iter().position(|x| *x == "account:CloseAccount").unwrap();
    for _ in 0..col {
        press(&mut a, KeyCode::Right);
    }
    press(&mut a, KeyCode::Down);
    assert_eq!(a.pages.inspector.cursor, (1, col));
    let cell = compute::cell(&a.view(&a.pages.inspector), 1, col).unwrap();
    assert_eq!(cell.eval.decision, Decision::ImplicitlyDenied);
    let m = compute::matrix(&a.view(&a.pages.inspector)).unwrap();
    let screen = render(&a);
    assert!(screen.contains("x account:CloseAccount"), "{screen}");
    assert!(screen.contains(&m.rows[1].account), "{screen}");
    assert!(screen.contains("Decision: IMPLICIT DENY"), "{screen}");
    // The cursor stays inside the matrix.
    for _ in 0..100 {
        press(&mut a, KeyCode::Down);
        press(&mut a, KeyCode::Right);
    }
    assert_eq!(a.pages.inspector.cursor, (m.rows.len() - 1, m.base.actions.len() - 1));
}

#[test]
fn what_if_with_a_draft_flips_cells_and_counts_them() {
    let mut a = at("payments-prod", 120, 36);
    set_action(&mut a, "organizations:LeaveOrganization");
    a.shared.drafts.insert("p-nubu3bh8".into(), DRAFT.into());
    a.shared.drafts.insert("new:SERVICE_CONTROL_POLICY".into(), "{}".into());
    assert!(single(&a).what_if.is_none(), "what-if is off");
    press(&mut a, KeyCode::Char('w'));
    let s = single(&a);
    assert_eq!(s.eval.decision, Decision::ExplicitlyDenied);
    assert_eq!(s.what_if.as_ref().map(|e| e.decision), Some(Decision::Allowed));
    let screen = render(&a);
    assert!(screen.contains("what-if: ALLOWED (CHANGES)"), "{screen}");
    assert!(screen.contains("drafts replace p-nubu3bh8 DenyLeaveOrganization"), "{screen}");
    press(&mut a, KeyCode::Char('M'));
    let m = compute::matrix(&a.view(&a.pages.inspector)).unwrap();
    let (w, changed, n) = m.what_if.as_ref().unwrap();
    let col = m.base.actions.iter().position(|x| x == "organizations:LeaveOrganization").unwrap();
    // Only that column changes: the accounts outside the Suspended OU (DenyAllActions) and
    // the sandbox (an allow list) become allowed; the management account was exempt.
    let expect = (0..m.rows.len()).filter(|&r| m.base.get(r, col) != w.get(r, col)).count();
    let allowed = (0..m.rows.len())
        .filter(|&r| {
            m.base.get(r, col) == Some(Decision::ExplicitlyDenied) && w.get(r, col) == Some(Decision::Allowed)
        })
        .count();
    assert!(allowed > 30 && expect >= allowed, "{allowed} {expect}");
    assert_eq!(*n, expect);
    assert_eq!(changed.iter().filter(|c| **c).count(), expect);
    let screen = render(&a);
    assert!(screen.contains(&format!("what-if: {expect} cells change")), "{screen}");
    assert!(screen.contains("A* "), "{screen}");
    // Off again: no marks.
    press(&mut a, KeyCode::Char('w'));
    assert!(compute::matrix(&a.view(&a.pages.inspector)).unwrap().what_if.is_none());
}

#[test]
fn a_draft_that_does_not_parse_allows_nothing() {
    let mut a = at("payments-prod", 120, 36);
    set_action(&mut a, "iam:CreateUser");
    a.shared.drafts.insert("p-FullAWSAccess".into(), "{ not json".into());
    press(&mut a, KeyCode::Char('w'));
    let s = single(&a);
    assert_eq!(s.eval.decision, Decision::Allowed);
    assert_eq!(s.what_if.map(|e| e.decision), Some(Decision::ImplicitlyDenied));
    assert!(render(&a).contains("draft does not parse"));
}

fn snap(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut a = at("payments-prod", w, h);
        setup(&mut a);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&a));
    }
}

#[test]
fn snapshot_single_decision() {
    snap("single", |a| set_action(a, "organizations:LeaveOrganization"));
}

#[test]
fn snapshot_editing_with_completions() {
    snap("editing", |a| {
        press(a, KeyCode::Enter);
        type_str(a, "cloudtrail:Stop");
    });
}

#[test]
fn snapshot_matrix() {
    snap("matrix", |a| {
        matrix_of(a, "Workloads");
        a.pages.inspector.focus = state::Focus::Body;
        press(a, KeyCode::Down);
        press(a, KeyCode::Right);
        press(a, KeyCode::Right);
        press(a, KeyCode::Right);
    });
}

#[test]
fn snapshot_what_if() {
    snap("what_if", |a| {
        a.shared.drafts.insert("p-nubu3bh8".into(), DRAFT.into());
        press(a, KeyCode::Char('w'));
        matrix_of(a, "Workloads");
        a.pages.inspector.focus = state::Focus::Body;
        for _ in 0..3 {
            press(a, KeyCode::Right);
        }
    });
}

#[test]
fn keys_move_between_fields_and_step_through_choices() {
    use state::{Field, Focus};
    let mut a = at("payments-prod", 80, 24);
    assert_eq!(a.pages.inspector.focus, Focus::Field(Field::Action));
    press(&mut a, KeyCode::Up);
    assert_eq!(a.pages.inspector.focus, Focus::Field(Field::Principal));
    // Right steps through the account's known principals.
    press(&mut a, KeyCode::Right);
    assert_eq!(
        state::principal_for(&a.view(&a.pages.inspector), "562346771328"),
        "arn:aws:iam::562346771328:role/Developer"
    );
    press(&mut a, KeyCode::Left);
    press(&mut a, KeyCode::Left);
    assert!(
        state::principal_for(&a.view(&a.pages.inspector), "562346771328")
            .ends_with("role/OrganizationAccountAccessRole")
    );
    // Any ARN can be typed.
    press(&mut a, KeyCode::Enter);
    clear(&mut a);
    type_str(&mut a, "arn:aws:iam::562346771328:user/nobody");
    press(&mut a, KeyCode::Enter);
    assert_eq!(
        state::principal_for(&a.view(&a.pages.inspector), "562346771328"),
        "arn:aws:iam::562346771328:user/nobody"
    );
    // Tab: next field; after the last field the trace; tab again: back to the first field.
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.pages.inspector.focus, Focus::Field(Field::Action));
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.pages.inspector.focus, Focus::Body);
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.pages.inspector.focus, Focus::Field(Field::Account));
    // Context keys: completion of the key, then the value; the decision uses them.
    a.pages.inspector.focus = Focus::Field(Field::Context);
    press(&mut a, KeyCode::Enter);
    type_str(&mut a, "aws:RequestedReg");
    press(&mut a, KeyCode::Tab);
    type_str(&mut a, "eu-west-1");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.pages.inspector.context, "aws:RequestedRegion=eu-west-1");
    // The global keys still work when no field is being edited.
    press(&mut a, KeyCode::Char('1'));
    assert_eq!(a.page, Page::Accounts);
}

#[test]
fn pure_helpers() {
    use orgtui::policy::matrix;
    assert_eq!(
        matrix::parse_context("aws:RequestedRegion=eu-west-1; aws:TagKeys = a, b ;junk"),
        vec![
            ("aws:RequestedRegion".to_string(), vec!["eu-west-1".to_string()]),
            ("aws:TagKeys".to_string(), vec!["a".to_string(), "b".to_string()]),
        ]
    );
    let snap = orgtui::snapshot::sample_engine().unwrap().to_snapshot();
    let mut drafts = std::collections::BTreeMap::new();
    drafts.insert("new:SERVICE_CONTROL_POLICY".to_string(), "{}".to_string());
    drafts.insert("p-kdwgvf7c".to_string(), "{}".to_string()); // a tag policy
    assert!(matrix::with_drafts(&snap, &drafts).is_none());
    drafts.insert("p-nubu3bh8".to_string(), DRAFT.to_string());
    let (copy, replaced) = matrix::with_drafts(&snap, &drafts).unwrap();
    assert_eq!(replaced, ["p-nubu3bh8"]);
    assert!(copy.policies.iter().any(|p| p.content == DRAFT));
    assert_eq!(matrix::accounts_under(&snap, "ou-ex4m-ba459gcc").len(), 4);
    assert_eq!(matrix::accounts_under(&snap, "562346771328"), ["562346771328"]);
    assert_eq!(
        [Decision::Allowed, Decision::ExplicitlyDenied, Decision::ImplicitlyDenied].map(matrix::glyph),
        ['A', 'D', '-']
    );
}

#[test]
fn matrix_cells_agree_with_single_evaluations_threaded_or_not() {
    use orgtui::policy::matrix::{self, Query};
    let mut a = at("payments-prod", 80, 24);
    matrix_of(&mut a, "Root");
    let org = orgtui::policy::OrgPolicies::from_snapshot(&a.shared.data.as_ref().unwrap().snapshot);
    let rows = compute::rows(&a.view(&a.pages.inspector));
    // Ten copies of every row: enough cells for the computation to be split over threads.
    let many: Vec<_> = (0..10).flat_map(|_| rows.iter().cloned()).collect();
    let actions = a.pages.inspector.actions.clone();
    let ctx = matrix::parse_context("aws:RequestedRegion=ap-south-1");
    for rs in [&rows, &many] {
        let m = matrix::compute(&org, rs, &actions, "*", &ctx);
        for (r, row) in rs.iter().enumerate() {
            for (c, action) in actions.iter().enumerate() {
                let q = Query {
                    account: &row.account,
                    principal: &row.principal,
                    identity: &row.identity,
                    action,
                    resource: "*",
                    context: &ctx,
                };
                let e = matrix::evaluate_query(&org, &q).unwrap();
                assert_eq!(m.get(r, c), Some(e.decision), "{} {action}", row.account);
            }
        }
    }
}

#[test]
fn draws_at_the_smallest_size_in_every_mode() {
    let mut a = at("payments-prod", 60, 12);
    set_action(&mut a, "organizations:LeaveOrganization");
    assert!(render(&a).contains("Inspector"));
    press(&mut a, KeyCode::Char('w'));
    press(&mut a, KeyCode::Char('M'));
    a.pages.inspector.focus = state::Focus::Body;
    press(&mut a, KeyCode::Char('G'));
    press(&mut a, KeyCode::PageDown);
    assert!(render(&a).contains("matrix"));
    a.pages.inspector.focus = state::Focus::Field(state::Field::Action);
    press(&mut a, KeyCode::Enter);
    type_str(&mut a, ", s3:");
    let screen = render(&a);
    assert!(screen.contains("s3:"), "{screen}");
}

#[test]
fn a_snapshot_files_principals_are_known_too() {
    let mut a = app(120, 36);
    a.shared.source.label = "FILE org.json".into();
    assert!(
        state::principals(&a.view(&a.pages.inspector)).known.is_empty(),
        "a file source without extras knows no principals"
    );
    let extras = orgtui::snapshot::sample().unwrap().extras;
    let expected = extras.principals.len();
    assert!(expected > 0);
    a.shared.extras = Some(std::sync::Arc::new(extras));
    let book = state::principals(&a.view(&a.pages.inspector));
    assert!(!book.known.is_empty() && book.known.len() <= expected);
    assert!(std::sync::Arc::ptr_eq(&book, &state::principals(&a.view(&a.pages.inspector))), "compiled once");
}
