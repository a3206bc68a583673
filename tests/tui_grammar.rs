//! The key grammar (issue 14.3): each verb works on each page where it applies, moved keys
//! still run their command with a hint, a key that does not apply says why; long messages are
//! never lost (the status line wraps or says `:messages` has them, and `:messages` lists them).

mod tui_support;
use crossterm::event::KeyCode;
use orgtui::tui::app::{App, Page};
use orgtui::tui::cx::Status;
use orgtui::tui::dialog::Modal;
use tui_support::*;

fn info(a: &App) -> String {
    match &a.status {
        Status::Info(m) | Status::Ok(m) | Status::Error(m) => m.clone(),
        Status::None => String::new(),
    }
}

fn form_title(a: &App) -> String {
    match &a.modal {
        Some(Modal::Form(f)) => f.title.clone(),
        Some(Modal::Confirm(c)) => c.title.clone(),
        other => panic!("no form or confirmation: {other:?}"),
    }
}

#[test]
fn accounts_n_creates_an_account_and_capital_n_an_ou() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('n'));
    assert!(form_title(&a).to_lowercase().contains("account"), "{}", form_title(&a));
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('N'));
    assert!(form_title(&a).contains("OU"), "{}", form_title(&a));
}

#[test]
fn moved_keys_still_work_and_say_what_replaced_them() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('c'));
    assert!(form_title(&a).contains("OU"));
    assert!(info(&a).contains("c is now N"), "{}", info(&a));
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('6'));
    press(&mut a, KeyCode::Char('e'));
    assert!(info(&a).contains("e is now +"), "{}", info(&a));
}

#[test]
fn v_on_accounts_opens_the_effective_policies_of_the_selection() {
    let mut a = app(120, 36);
    command(&mut a, "goto Production");
    press(&mut a, KeyCode::Char('v'));
    assert_eq!(a.page, Page::Policies);
    let v = a.pages.policies.effective.as_ref().expect("the effective view is open");
    assert_eq!(Some(v.target_id.clone()), a.shared.selected);
}

#[test]
fn a_key_that_does_not_apply_says_why() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('8'));
    press(&mut a, KeyCode::Char('v'));
    let m = info(&a);
    assert!(m.contains("v (view effective) does nothing on the Billing page"), "{m}");
    assert!(m.contains("AWS accounts") && m.contains("Policies"), "names where it works: {m}");
    press(&mut a, KeyCode::Char('7'));
    assert!(info(&a).contains("There is no page 7"), "{}", info(&a));
    press(&mut a, KeyCode::Char('4'));
    press(&mut a, KeyCode::Char('/'));
    assert!(info(&a).contains("/ (filter) does nothing on the Invitations page"), "{}", info(&a));
}

#[test]
fn slash_filters_the_policies_list() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('2'));
    let all = a.pages.policies.policy.clone();
    assert!(all.is_some());
    press(&mut a, KeyCode::Char('/'));
    type_str(&mut a, "FullAWS");
    press(&mut a, KeyCode::Enter);
    let screen = render(&a);
    assert!(screen.contains("FullAWSAccess"), "{screen}");
    assert!(screen.contains("/FullAWS"), "the title shows the filter: {screen}");
    type_str(&mut a, "zzz");
    press(&mut a, KeyCode::Esc);
    assert!(a.pages.policies.filter.is_empty(), "esc clears the kept filter");
}

#[test]
fn plus_and_minus_enable_and_disable_on_settings_and_services() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('6'));
    press(&mut a, KeyCode::Char('-'));
    assert!(a.modal.is_some() || !info(&a).is_empty(), "- acts on Settings");
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('5'));
    press(&mut a, KeyCode::Char('-'));
    assert!(a.modal.is_some() || !info(&a).is_empty(), "- acts on Services");
}

#[test]
fn every_message_is_kept_for_messages_and_a_long_one_wraps() {
    let long = format!("Something failed: {}", "x".repeat(300));
    for (w, h) in [(80, 24), (120, 36)] {
        let mut a = app(w, h);
        a.set_status(Status::Error(long.clone()));
        insta::assert_snapshot!(format!("long_status_{w}x{h}"), render(&a));
        command(&mut a, "messages");
        assert!(matches!(a.modal, Some(Modal::Messages { .. })));
        assert!(a.messages.iter().any(|(_, s)| *s == Status::Error(long.clone())));
        let screen = render(&a);
        assert!(screen.contains("Messages ("), "{screen}");
        press(&mut a, KeyCode::Esc);
        assert!(a.modal.is_none());
    }
}

#[test]
fn the_organization_may_not_answer_its_own_invitation() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('4'));
    let sent = orgtui::tui::pages::invitations::rows(&a.view(&a.pages.invitations))
        .iter()
        .position(|r| r.sent && !r.received && !r.handshake.state.is_terminal());
    let Some(row) = sent else { return };
    a.pages.invitations.selected = row;
    press(&mut a, KeyCode::Char('d'));
    assert!(a.modal.is_none(), "no decline dialog for a handshake the organization sent");
    assert!(info(&a).contains("can only cancel"), "{}", info(&a));
}
