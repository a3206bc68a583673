//! Whole-screen snapshots (TestBackend + insta) of the accounts page and its dialogs at 80×24
//! and 120×36. Review changes with `cargo insta review` (or compare the `.snap.new` files).

mod tui_support;
use crossterm::event::KeyCode;
use orgtui::model::*;
use orgtui::tui::app::App;
use orgtui::tui::msg::Msg;
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 36)];

fn each_size(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        setup(&mut a);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&a));
    }
}

#[test]
fn accounts_page() {
    each_size("accounts_page", |_| {});
}

#[test]
fn account_details() {
    each_size("account_details", |a| {
        command(a, "goto payments-prod");
    });
}

#[test]
fn filter() {
    each_size("filter", |a| {
        press(a, KeyCode::Char('/'));
        type_str(a, "sandbox");
    });
}

#[test]
fn help() {
    each_size("help", |a| {
        press(a, KeyCode::Char('?'));
    });
}

#[test]
fn palette() {
    each_size("palette", |a| {
        press(a, KeyCode::Char(':'));
        type_str(a, "c");
    });
}

#[test]
fn create_ou_form() {
    each_size("create_ou_form", |a| {
        command(a, "goto Workloads");
        press(a, KeyCode::Char('N'));
        type_str(a, "Data Science");
    });
}

#[test]
fn form_with_aws_error() {
    each_size("form_with_aws_error", |a| {
        press(a, KeyCode::Char('N'));
        type_str(a, "Sandbox");
        press(a, KeyCode::Enter);
        let op = *a.pending.keys().next().unwrap();
        let e = OrgError::new(
            ErrorCode::DuplicateOrganizationalUnitException,
            "An OU named \"Sandbox\" already exists under r-ex4m.",
        );
        update(a, Msg::OpDone { op, result: Err(e) });
    });
}

#[test]
fn delete_confirmation() {
    each_size("delete_confirmation", |a| {
        command(a, "goto Policy Staging");
        press(a, KeyCode::Char('D'));
        type_str(a, "Policy");
    });
}

#[test]
fn close_account_confirmation() {
    each_size("close_account_confirmation", |a| {
        command(a, "goto sandbox-frank");
        press(a, KeyCode::Char('C'));
    });
}

#[test]
fn error_panel() {
    each_size("error_panel", |a| {
        command(a, "create-ou Workloads");
        let op = *a.pending.keys().next().unwrap();
        let e = OrgError::constraint(
            orgtui::model::error::ConstraintViolationReason::OuNumberLimitExceeded,
            "The organization already has the maximum of 2000 OUs.",
        );
        update(a, Msg::OpDone { op, result: Err(e) });
    });
}

#[test]
fn too_small() {
    let mut a = app(20, 5);
    a.shared.size = (20, 5);
    insta::assert_snapshot!("too_small_20x5", render(&a));
}

#[test]
fn hostile_names_are_escaped() {
    let mut engine = orgtui::snapshot::sample_engine().unwrap();
    let root = engine.state().org.as_ref().unwrap().root_id.to_string();
    engine
        .create_organizational_unit(
            &Caller::Management,
            CreateOrganizationalUnitRequest {
                parent_id: root,
                name: "evil\u{1b}[2J\u{7}".into(),
                tags: None,
            },
        )
        .unwrap();
    let mut a = app(120, 36);
    let generation = a.load_generation + 1;
    a.load_generation = generation;
    update(&mut a, Msg::Loaded { generation, result: Ok(std::sync::Arc::new(engine.to_snapshot())) });
    command(&mut a, "goto evil");
    let screen = render(&a);
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{7}'));
    assert!(screen.contains("evil\\u{1b}[2J\\u{7}"), "{screen}");
}
