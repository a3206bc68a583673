//! The Invitations, Services and Settings pages: their actions send the right request with the
//! right ids, destructive ones ask for a typed confirmation, AWS errors keep what was typed,
//! and whole-screen snapshots of each page and dialog at 80×24 and 120×36.

mod common;
mod handshake_fixtures;
mod tui_support;
use crossterm::event::KeyCode;
use orgtui::backend::OrgBackend;
use orgtui::backend::memory::MemoryBackend;
use orgtui::backend::request::ApiRequest;
use orgtui::model::*;
use orgtui::tui::app::{App, Page};
use orgtui::tui::cx::Status;
use orgtui::tui::dialog::Modal;
use orgtui::tui::msg::{Call, Effect, Msg};
use std::sync::Arc;
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 36)];

fn each_size(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        setup(&mut a);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&a));
    }
}

/// The sample organization behind a memory backend, and a runtime to run effects on.
struct Live {
    backend: MemoryBackend,
    rt: tokio::runtime::Runtime,
}

impl Live {
    fn new() -> Live {
        Live::with(orgtui::snapshot::sample_engine().unwrap())
    }

    fn with(engine: orgtui::engine::Engine) -> Live {
        let backend = MemoryBackend::new(engine, orgtui::backend::BackendKind::Sample);
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        Live { backend, rt }
    }

    /// A console at 120×36 showing what this backend loads.
    fn app(&self) -> App {
        let mut a = app(120, 36);
        let effects = press(&mut a, KeyCode::Char('r'));
        self.run(&mut a, effects);
        a
    }

    /// Runs a palette command and its effects; the status line must say OK.
    fn ok(&self, app: &mut App, line: &str) {
        let effects = command(app, line);
        self.run(app, effects);
        assert!(matches!(&app.status, Status::Ok(_)), "{line}: {:?} {:?}", app.status, app.modal);
    }

    /// Runs effects (and the effects of their results) to the end.
    fn run(&self, app: &mut App, effects: Vec<Effect>) {
        let mut queue = effects;
        while !queue.is_empty() {
            let e = queue.remove(0);
            let more = match e {
                Effect::Call { op, call } => {
                    let result = self.rt.block_on(orgtui::tui::effects::perform(&self.backend, call));
                    update(app, Msg::OpDone { op, result })
                }
                Effect::Load { generation } => {
                    let result = self.rt.block_on(self.backend.load_snapshot()).map(Arc::new);
                    update(app, Msg::Loaded { generation, result })
                }
                _ => Vec::new(),
            };
            queue.extend(more);
        }
    }
}

/// The single call among effects.
fn call_of(effects: &[Effect]) -> Call {
    match effects {
        [Effect::Call { call, .. }] => call.clone(),
        other => panic!("expected one call, got {other:?}"),
    }
}

fn request_of(effects: &[Effect]) -> ApiRequest {
    match call_of(effects) {
        Call::Api { request, .. } => request,
        other => panic!("expected an API call, got {other:?}"),
    }
}

fn confirm_expect(app: &App) -> String {
    match &app.modal {
        Some(Modal::Confirm(c)) => c.expect.clone(),
        other => panic!("expected a confirmation, got {other:?}"),
    }
}

fn form_error(app: &App) -> (Vec<String>, Option<String>) {
    match &app.modal {
        Some(Modal::Form(f)) => (f.fields.iter().map(|f| f.value.to_string()).collect(), f.error.clone()),
        other => panic!("expected a form, got {other:?}"),
    }
}

fn select_row(app: &mut App, row: usize) {
    press(app, KeyCode::Home);
    for _ in 0..row {
        press(app, KeyCode::Down);
    }
}

// ---------- Invitations ----------

#[test]
fn invite_sends_the_target_and_notes() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('4'));
    assert_eq!(a.page, Page::Invitations);
    press(&mut a, KeyCode::Char('n'));
    type_str(&mut a, "555555555555");
    press(&mut a, KeyCode::Tab);
    type_str(&mut a, "Welcome aboard");
    let effects = press(&mut a, KeyCode::Enter);
    assert_eq!(
        request_of(&effects),
        ApiRequest::InviteAccountToOrganization(InviteAccountToOrganizationRequest {
            target: HandshakeParty { id: "555555555555".into(), r#type: HandshakePartyType::Account },
            notes: Some("Welcome aboard".into()),
            tags: None,
        })
    );
    // By email.
    let mut a = app(120, 36);
    command(&mut a, "invite-account new@example.com");
    let effects = press(&mut a, KeyCode::Enter);
    let effects = if effects.is_empty() { press(&mut a, KeyCode::Enter) } else { effects };
    let ApiRequest::InviteAccountToOrganization(r) = request_of(&effects) else { panic!() };
    assert_eq!(
        (r.target.id.as_str(), r.target.r#type, r.notes),
        ("new@example.com", HandshakePartyType::Email, None)
    );
}

#[test]
fn an_aws_error_keeps_the_invite_form_and_what_was_typed() {
    let live = Live::new();
    let mut a = app(120, 36);
    // 333333333333 already has an open invitation in the sample.
    command(&mut a, "invite-account 333333333333");
    press(&mut a, KeyCode::Tab);
    type_str(&mut a, "again");
    let effects = press(&mut a, KeyCode::Enter);
    live.run(&mut a, effects);
    let (values, error) = form_error(&a);
    assert_eq!(values, vec!["333333333333".to_string(), "again".to_string()]);
    assert!(error.unwrap_or_default().starts_with("DuplicateHandshakeException"), "{:?}", a.modal);
    // An empty target never leaves the form.
    let mut a = app(80, 24);
    command(&mut a, "invite-account");
    press(&mut a, KeyCode::Tab);
    let effects = press(&mut a, KeyCode::Enter);
    assert!(effects.is_empty());
    assert!(form_error(&a).1.unwrap_or_default().contains("account id"));
}

#[test]
fn cancel_needs_the_invited_account_typed() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('4'));
    let first = a.shared.data.as_ref().unwrap().snapshot.handshakes[0].clone();
    select_row(&mut a, 0);
    assert!(press(&mut a, KeyCode::Char('x')).is_empty());
    let to = first.parties.iter().find(|p| p.r#type != HandshakePartyType::Organization).unwrap().id.clone();
    assert_eq!(confirm_expect(&a), to);
    type_str(&mut a, "wrong");
    assert!(press(&mut a, KeyCode::Enter).is_empty());
    for _ in 0..5 {
        press(&mut a, KeyCode::Backspace);
    }
    type_str(&mut a, &to);
    let effects = press(&mut a, KeyCode::Enter);
    assert_eq!(
        request_of(&effects),
        ApiRequest::CancelHandshake(CancelHandshakeRequest { handshake_id: first.id.to_string() })
    );
}

#[test]
fn act_as_accept_and_come_back() {
    let live = Live::new();
    let mut a = app(120, 36);
    // Invite 555555555555 (a standalone account the sample knows), then act as it.
    command(&mut a, "invite-account 555555555555");
    let effects = press(&mut a, KeyCode::Tab);
    assert!(effects.is_empty());
    let effects = press(&mut a, KeyCode::Enter);
    live.run(&mut a, effects);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    let effects = command(&mut a, "act-as 555555555555");
    assert_eq!(call_of(&effects), Call::ActAs { account: Some("555555555555".into()) });
    live.run(&mut a, effects);
    assert_eq!(a.shared.acting_as.as_deref(), Some("555555555555"));
    assert!(render(&a).lines().next().unwrap().contains("acting as 555555555555"));
    // It received the new invitation (and had declined an older one).
    let received: Vec<Handshake> =
        a.pages.invitations.received.iter().filter(|h| h.state == HandshakeState::Open).cloned().collect();
    assert_eq!(received.len(), 1, "{received:?}");
    // The received invitation is selectable; accept it.
    let rows = orgtui::tui::pages::invitations::rows(&a.view(&a.pages.invitations))
        .iter()
        .map(|r| r.handshake.id.clone())
        .collect::<Vec<_>>();
    let row = rows.iter().position(|id| *id == received[0].id).unwrap();
    select_row(&mut a, row);
    let effects = press(&mut a, KeyCode::Char('a'));
    assert_eq!(
        request_of(&effects),
        ApiRequest::AcceptHandshake(AcceptHandshakeRequest { handshake_id: received[0].id.to_string() })
    );
    live.run(&mut a, effects);
    let now = a.pages.invitations.received.iter().find(|h| h.id == received[0].id).unwrap();
    assert_eq!(now.state, HandshakeState::Accepted);
    let snap = &a.shared.data.as_ref().unwrap().snapshot;
    assert!(snap.accounts.iter().any(|x| x.account.id.as_str() == "555555555555"));
    // Back to the management account (the form offers it).
    press(&mut a, KeyCode::Char('A'));
    assert!(matches!(&a.modal, Some(Modal::Palette { input, .. }) if input == "act-as management"));
    let effects = press(&mut a, KeyCode::Enter);
    assert_eq!(call_of(&effects), Call::ActAs { account: None });
    live.run(&mut a, effects);
    assert_eq!(a.shared.acting_as, None);
}

#[test]
fn act_as_rejects_what_is_not_an_account() {
    let mut a = app(80, 24);
    let effects = command(&mut a, "act-as bob");
    assert!(effects.is_empty());
    assert!(matches!(&a.status, Status::Error(m) if m.contains("not an account id")));
    assert!(command(&mut a, "act-as 12").is_empty());
    assert!(matches!(&a.status, Status::Error(m) if m.contains("not an account id")));
}

#[test]
fn the_sender_may_only_cancel_its_own_invitation() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('4'));
    select_row(&mut a, 0);
    for key in ['a', 'd'] {
        let effects = press(&mut a, KeyCode::Char(key));
        assert!(effects.is_empty(), "{key}: {effects:?}");
        match &a.status {
            Status::Error(message) => assert!(message.contains("can only cancel"), "{message}"),
            other => panic!("{key}: expected the sender's rule, got {other:?}"),
        }
    }
}

#[test]
fn decline_needs_the_organization_typed() {
    let live = Live::new();
    let mut a = app(120, 36);
    command(&mut a, "invite-account 555555555555");
    press(&mut a, KeyCode::Tab);
    let effects = press(&mut a, KeyCode::Enter);
    live.run(&mut a, effects);
    let effects = command(&mut a, "act-as 555555555555");
    live.run(&mut a, effects);
    let open: Vec<Handshake> =
        a.pages.invitations.received.iter().filter(|h| h.state == HandshakeState::Open).cloned().collect();
    assert_eq!(open.len(), 1, "{open:?}");
    let rows = orgtui::tui::pages::invitations::rows(&a.view(&a.pages.invitations))
        .iter()
        .map(|r| r.handshake.id.clone())
        .collect::<Vec<_>>();
    select_row(&mut a, rows.iter().position(|id| *id == open[0].id).unwrap());
    press(&mut a, KeyCode::Char('d'));
    let org = a.shared.data.as_ref().unwrap().snapshot.organization.as_ref().unwrap().id.to_string();
    assert_eq!(confirm_expect(&a), org);
    type_str(&mut a, &org);
    let ApiRequest::DeclineHandshake(r) = request_of(&press(&mut a, KeyCode::Enter)) else { panic!() };
    assert_eq!(r.handshake_id, open[0].id.to_string());
}

// ---------- Services ----------

#[test]
fn principals_complete_from_the_built_in_list() {
    use orgtui::tui::pages::services::resolve_principal;
    assert_eq!(resolve_principal("guardduty").unwrap(), "guardduty.amazonaws.com");
    assert_eq!(resolve_principal("config").unwrap(), "config.amazonaws.com");
    assert_eq!(resolve_principal("Backup").unwrap(), "backup.amazonaws.com");
    assert!(resolve_principal("security").unwrap_err().contains("matches"));
    assert!(resolve_principal("nothing-like-it").is_err());
    assert_eq!(resolve_principal("new.example.com").unwrap(), "new.example.com");
}

#[test]
fn enable_and_disable_trusted_access() {
    let mut a = app(120, 36);
    let effects = command(&mut a, "enable-trusted-access inspector2");
    assert_eq!(
        request_of(&effects),
        ApiRequest::EnableAWSServiceAccess(EnableAWSServiceAccessRequest {
            service_principal: "inspector2.amazonaws.com".into()
        })
    );
    assert_eq!(a.page, Page::Services);
    // Disable the first (enabled) service: typed confirmation of the principal, saying what
    // stops working.
    select_row(&mut a, 0);
    press(&mut a, KeyCode::Char('x'));
    let expect = confirm_expect(&a);
    let Some(Modal::Confirm(c)) = &a.modal else { panic!() };
    assert!(c.lines.join(" ").contains("service-linked roles"));
    type_str(&mut a, &expect);
    let effects = press(&mut a, KeyCode::Enter);
    assert_eq!(
        request_of(&effects),
        ApiRequest::DisableAWSServiceAccess(DisableAWSServiceAccessRequest { service_principal: expect })
    );
}

#[test]
fn typing_a_filter_narrows_the_services_to_complete_one() {
    let mut a = app(80, 24);
    press(&mut a, KeyCode::Char('5'));
    press(&mut a, KeyCode::Char('/'));
    type_str(&mut a, "inspector");
    let rows = orgtui::tui::pages::services::services(&a.view(&a.pages.services));
    assert_eq!(
        rows.iter().map(|r| r.principal.as_str()).collect::<Vec<_>>(),
        vec!["inspector2.amazonaws.com"]
    );
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Char('x'));
    assert_eq!(confirm_expect(&a), "inspector2.amazonaws.com");
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Esc);
    assert!(a.pages.services.filter.is_empty());
}

#[test]
fn register_and_deregister_delegated_admins() {
    let live = Live::new();
    let mut a = app(120, 36);
    command(&mut a, "register-delegated-admin 528124426850 backup");
    let effects = press(&mut a, KeyCode::Tab);
    assert!(effects.is_empty());
    let effects = press(&mut a, KeyCode::Enter);
    assert_eq!(
        request_of(&effects),
        ApiRequest::RegisterDelegatedAdministrator(RegisterDelegatedAdministratorRequest {
            account_id: "528124426850".into(),
            service_principal: "backup.amazonaws.com".into(),
        })
    );
    live.run(&mut a, effects);
    let snap = &a.shared.data.as_ref().unwrap().snapshot;
    assert!(snap.delegated_administrators.iter().any(|d| d.account_id.as_str() == "528124426850"));
    // Registering a second one for a one-admin service: the AWS error, input kept.
    command(&mut a, "register-delegated-admin 891659405875 backup");
    press(&mut a, KeyCode::Tab);
    let effects = press(&mut a, KeyCode::Enter);
    live.run(&mut a, effects);
    let (values, error) = form_error(&a);
    assert_eq!(values, vec!["891659405875".to_string(), "backup.amazonaws.com".to_string()]);
    assert!(error.is_some_and(|e| e.contains("Exception")));
    press(&mut a, KeyCode::Esc);
    // Deregister from the administrators pane: typed account id.
    press(&mut a, KeyCode::Tab);
    let admins = orgtui::tui::pages::services::admins(&a.view(&a.pages.services));
    let row = admins.iter().position(|r| r.account == "528124426850").unwrap();
    select_row(&mut a, row);
    press(&mut a, KeyCode::Char('d'));
    assert_eq!(confirm_expect(&a), "528124426850");
    type_str(&mut a, "528124426850");
    let effects = press(&mut a, KeyCode::Enter);
    assert_eq!(
        request_of(&effects),
        ApiRequest::DeregisterDelegatedAdministrator(DeregisterDelegatedAdministratorRequest {
            account_id: "528124426850".into(),
            service_principal: "backup.amazonaws.com".into(),
        })
    );
}

#[test]
fn register_form_completes_or_explains_the_principal() {
    let mut a = app(80, 24);
    command(&mut a, "register-delegated-admin 528124426850");
    press(&mut a, KeyCode::Tab);
    // Replace the prefilled principal with an ambiguous part.
    for _ in 0..60 {
        press(&mut a, KeyCode::Backspace);
    }
    type_str(&mut a, "security");
    assert!(press(&mut a, KeyCode::Enter).is_empty());
    let (values, error) = form_error(&a);
    assert_eq!(values[1], "security");
    assert!(error.unwrap_or_default().contains("Type more"));
}

// ---------- Settings ----------

#[test]
fn policy_types_enable_and_disable_with_confirmation() {
    let mut a = app(120, 36);
    let root = a.shared.data.as_ref().unwrap().snapshot.organization.as_ref().unwrap().root_id.to_string();
    press(&mut a, KeyCode::Char('6')); // the Policies page offers the same command
    command(&mut a, "disable-policy-type TAG_POLICY");
    assert_eq!(a.page, Page::Settings);
    assert_eq!(confirm_expect(&a), "TAG_POLICY");
    type_str(&mut a, "TAG_POLICY");
    let effects = press(&mut a, KeyCode::Enter);
    assert_eq!(
        request_of(&effects),
        ApiRequest::DisablePolicyType(DisablePolicyTypeRequest {
            root_id: root.clone(),
            policy_type: PolicyType::TagPolicy
        })
    );
    // Enabling an enabled type says so and sends nothing.
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('6'));
    assert!(command(&mut a, "enable-policy-type SCP").is_empty());
    assert!(matches!(&a.status, Status::Info(m) if m.contains("already enabled")));
    // A type that is off, by selection.
    let enabled =
        a.shared.data.as_ref().unwrap().snapshot.organization.as_ref().unwrap().enabled_policy_types.clone();
    let (row, ty) = PolicyType::ALL.iter().enumerate().find(|(_, t)| !enabled.contains(t)).unwrap();
    select_row(&mut a, row);
    press(&mut a, KeyCode::Char('e'));
    type_str(&mut a, ty.as_str());
    let effects = press(&mut a, KeyCode::Enter);
    assert_eq!(
        request_of(&effects),
        ApiRequest::EnablePolicyType(EnablePolicyTypeRequest { root_id: root, policy_type: *ty })
    );
}

#[test]
fn enable_all_features_on_a_consolidated_billing_org() {
    let live = Live::new();
    let mut a = app(120, 36);
    assert!(command(&mut a, "enable-all-features").is_empty());
    assert!(matches!(&a.status, Status::Info(m) if m.contains("already")));
    // Make the org consolidated-billing only and try again.
    consolidated_billing(&mut a);
    command(&mut a, "enable-all-features");
    let org = a.shared.data.as_ref().unwrap().snapshot.organization.as_ref().unwrap().id.to_string();
    assert_eq!(confirm_expect(&a), org);
    let Some(Modal::Confirm(c)) = &a.modal else { panic!() };
    assert!(c.lines.join(" ").contains("Every member account must accept"));
    type_str(&mut a, &org);
    let effects = press(&mut a, KeyCode::Enter);
    assert_eq!(request_of(&effects), ApiRequest::EnableAllFeatures(EnableAllFeaturesRequest {}));
    // The real backend has all features already: its error stays in the confirmation.
    live.run(&mut a, effects);
    let Some(Modal::Confirm(c)) = &a.modal else { panic!("{:?}", a.modal) };
    assert!(c.error.as_deref().is_some_and(|e| e.contains("Exception")), "{:?}", c.error);
}

#[test]
fn all_features_migration_driven_from_the_pages() {
    use handshake_fixtures::{B, C};
    let (engine, _clock, _created, _ou) = handshake_fixtures::cb_org_with_members();
    let live = Live::with(engine);
    let mut a = live.app();
    let org = a.shared.data.as_ref().unwrap().snapshot.organization.as_ref().unwrap().id.to_string();
    command(&mut a, "enable-all-features");
    type_str(&mut a, &org);
    let effects = press(&mut a, KeyCode::Enter);
    live.run(&mut a, effects);
    assert!(matches!(&a.status, Status::Ok(m) if m.contains("migration")), "{:?}", a.status);
    assert!(render(&a).contains("migrating"));
    // Each invited member approves as itself, from what it received.
    for member in [B, C] {
        live.ok(&mut a, &format!("act-as {member}"));
        let received = &a.pages.invitations.received;
        let child = received.iter().find(|h| h.action == HandshakeAction::ApproveAllFeatures).unwrap();
        let line = format!("accept-handshake {}", child.id);
        live.ok(&mut a, &line);
    }
    // The management account finishes it.
    live.ok(&mut a, "act-as management");
    let parent = a.pages.invitations.received.iter().find(|h| h.action == HandshakeAction::EnableAllFeatures);
    let parent = parent.unwrap().id.to_string();
    press(&mut a, KeyCode::Char('4'));
    assert!(render(&a).contains("ENABLE_ALL_FEATURES"));
    live.ok(&mut a, &format!("accept-handshake {parent}"));
    let o = a.shared.data.as_ref().unwrap().snapshot.organization.clone().unwrap();
    assert_eq!(o.feature_set, FeatureSet::All);
}

#[test]
fn resource_policy_scrolls_with_tab_focus() {
    let mut a = app(80, 24);
    press(&mut a, KeyCode::Char('6'));
    press(&mut a, KeyCode::Tab);
    assert!(a.pages.settings.policy_focused);
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Down);
    assert_eq!(a.pages.settings.scroll, 2);
    press(&mut a, KeyCode::Char('G'));
    assert!(a.pages.settings.scroll > 2);
    press(&mut a, KeyCode::Esc);
    assert!(!a.pages.settings.policy_focused);
    assert!(render(&a).contains("E edit"));
}

// ---------- Snapshots ----------

/// The sample with a consolidated-billing organization (for the all-features dialog).
fn consolidated_billing(a: &mut App) {
    let mut snap = (*a.shared.data.as_ref().unwrap().snapshot).clone();
    if let Some(o) = snap.organization.as_mut() {
        o.feature_set = FeatureSet::ConsolidatedBilling;
    }
    let generation = a.load_generation;
    update(a, Msg::Loaded { generation, result: Ok(Arc::new(snap)) });
}

/// How a snapshot case gets from the sample's first screen to what it shows.
type Setup<'a> = &'a dyn Fn(&mut App);

#[test]
fn snapshots_of_each_page_and_dialog() {
    let cases: &[(&str, Setup<'_>)] = &[
        ("invitations_page", &|a| drop(press(a, KeyCode::Char('4')))),
        ("invite_form", &|a| {
            press(a, KeyCode::Char('4'));
            press(a, KeyCode::Char('n'));
            type_str(a, "555555555555");
        }),
        ("invitations_acting_as", &|a| {
            let to_333: Vec<Handshake> = a.shared.data.as_ref().unwrap().snapshot.handshakes.clone();
            let to_333 =
                to_333.into_iter().filter(|h| h.parties.iter().any(|p| p.id == "333333333333")).collect();
            a.shared.acting_as = Some("333333333333".into());
            a.pages.invitations.received = to_333;
            press(a, KeyCode::Char('4'));
        }),
        ("cancel_confirmation", &|a| drop(command(a, "cancel-handshake"))),
        ("act_as_palette", &|a| {
            press(a, KeyCode::Char('4'));
            press(a, KeyCode::Char('A'));
        }),
        ("services_page", &|a| drop(press(a, KeyCode::Char('5')))),
        ("services_filter", &|a| {
            press(a, KeyCode::Char('5'));
            press(a, KeyCode::Char('/'));
            type_str(a, "config");
        }),
        ("disable_trusted_access", &|a| drop(command(a, "disable-trusted-access"))),
        ("register_admin_form", &|a| {
            press(a, KeyCode::Char('5'));
            press(a, KeyCode::Char('a'));
            type_str(a, "528124426850");
        }),
        ("deregister_confirmation", &|a| {
            press(a, KeyCode::Char('5'));
            press(a, KeyCode::Tab);
            press(a, KeyCode::Char('d'));
        }),
        ("settings_page", &|a| drop(press(a, KeyCode::Char('6')))),
        ("disable_policy_type", &|a| {
            press(a, KeyCode::Char('6'));
            command(a, "disable-policy-type");
        }),
        ("enable_all_features", &|a| {
            consolidated_billing(a);
            command(a, "enable-all-features");
        }),
    ];
    for (name, setup) in cases {
        each_size(name, setup);
    }
}

#[test]
fn pages_draw_at_the_smallest_size() {
    for line in
        ["page 4", "page 5", "page 6", "invite-account", "disable-trusted-access", "enable-policy-type"]
    {
        let mut a = app(60, 12);
        command(&mut a, line);
        assert!(!render(&a).trim().is_empty(), "{line}");
    }
}

#[test]
fn settings_show_the_quotas_the_backend_knows() {
    let mut a = app(120, 36);
    press(&mut a, KeyCode::Char('6'));
    assert!(render(&a).contains("Quotas (AWS defaults)"));
    let quotas = orgtui::snapshot::sample_engine().unwrap().state().quotas.clone();
    let max = quotas.max_accounts;
    assert_ne!(max, orgtui::engine::Quotas::default().max_accounts, "the sample raises the account quota");
    orgtui::tui::update::update(&mut a, orgtui::tui::msg::Msg::Quotas(Some(quotas)));
    let screen = render(&a);
    assert!(screen.contains(" Quotas ") && !screen.contains("AWS defaults"), "{screen}");
    assert!(screen.contains(&format!("{max} (open invitations count)")), "{screen}");
}
