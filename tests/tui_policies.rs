//! The Policies page: tabs per policy type, the list and `policy_selected`, enable/disable,
//! attach through the target picker (with the blast radius), detach (typed confirmation for the
//! last SCP and FullAWSAccess), delete, the effective-policy view, and whole-screen snapshots at
//! 80×24 and 120×36 of the page and its dialogs.

mod tui_support;
use crossterm::event::KeyCode;
use orgtui::backend::BackendKind;
use orgtui::backend::memory::MemoryBackend;
use orgtui::backend::request::ApiRequest;
use orgtui::model::*;
use orgtui::tui::app::{App, Page};
use orgtui::tui::dialog::Modal;
use orgtui::tui::msg::{Call, Effect, Msg};
use orgtui::tui::pages::policies::Pane;
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 36)];

/// The sample org on the Policies page.
fn policies(w: u16, h: u16) -> App {
    let mut a = app(w, h);
    press(&mut a, KeyCode::Char('2'));
    assert_eq!(a.page, Page::Policies);
    a
}

fn each_size(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut a = policies(w, h);
        setup(&mut a);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&a));
    }
}

/// Moves the list cursor to the policy with `id` in the current tab.
fn select_policy(a: &mut App, id: &str) {
    a.pages.policies.focus = Pane::List;
    press(a, KeyCode::Home);
    for _ in 0..100 {
        if a.shared.policy_selected.as_deref() == Some(id) {
            return;
        }
        press(a, KeyCode::Down);
    }
    panic!("policy {id} not in the tab");
}

/// Moves the targets cursor to `target` (focus on the targets pane).
fn select_target(a: &mut App, target: &str) {
    a.pages.policies.focus = Pane::Targets;
    press(a, KeyCode::Home);
    for _ in 0..100 {
        let d = a.shared.data.as_ref().unwrap();
        let p = a.shared.policy_selected.clone().unwrap();
        let ids: Vec<String> = d
            .snapshot
            .attachments
            .iter()
            .filter(|x| x.policy_id.as_str() == p)
            .map(|x| x.target_id.to_string())
            .collect();
        if ids.get(a.pages.policies.target_cursor).map(String::as_str) == Some(target) {
            return;
        }
        press(a, KeyCode::Down);
    }
    panic!("target {target} not found");
}

fn confirm_of(a: &App) -> &orgtui::tui::dialog::Confirm {
    match &a.modal {
        Some(Modal::Confirm(c)) => c,
        other => panic!("expected a confirmation, got {other:?}"),
    }
}

fn api_call(effects: &[Effect]) -> (u64, ApiRequest) {
    match effects {
        [Effect::Call { op, call: Call::Api { request, .. } }] => (*op, request.clone()),
        other => panic!("expected one API call, got {other:?}"),
    }
}

fn tab_to(a: &mut App, ty: PolicyType) {
    for _ in 0..PolicyType::ALL.len() {
        if a.pages.policies.ty() == ty {
            return;
        }
        press(a, KeyCode::Char(']'));
    }
    panic!("no tab {ty}");
}

#[test]
fn tabs_switch_with_brackets_arrows_and_the_palette() {
    let mut a = policies(80, 24);
    assert_eq!(a.pages.policies.ty(), PolicyType::ServiceControlPolicy);
    press(&mut a, KeyCode::Char(']'));
    assert_eq!(a.pages.policies.ty(), PolicyType::ResourceControlPolicy);
    press(&mut a, KeyCode::Right);
    assert_eq!(a.pages.policies.ty(), PolicyType::TagPolicy);
    press(&mut a, KeyCode::Char('['));
    press(&mut a, KeyCode::Left);
    assert_eq!(a.pages.policies.ty(), PolicyType::ServiceControlPolicy);
    press(&mut a, KeyCode::Left);
    assert_eq!(a.pages.policies.ty(), *PolicyType::ALL.last().unwrap(), "wraps around");
    command(&mut a, "policy-type backup");
    assert_eq!(a.pages.policies.ty(), PolicyType::BackupPolicy);
    assert_eq!(a.shared.policy_selected.as_deref(), Some("p-haqvh588"), "the tab's first policy is selected");
    command(&mut a, "policy-type ai");
    assert_eq!(a.pages.policies.ty(), PolicyType::AiservicesOptOutPolicy);
    command(&mut a, "policy-type nonsense");
    assert_eq!(a.pages.policies.ty(), PolicyType::AiservicesOptOutPolicy);
    // An empty tab selects nothing.
    tab_to(&mut a, PolicyType::ChatbotPolicy);
    assert_eq!(a.shared.policy_selected, None);
}

#[test]
fn list_navigation_sets_policy_selected() {
    let mut a = policies(80, 24);
    assert_eq!(a.shared.policy_selected.as_deref(), Some("p-FullAWSAccess"), "AWS managed first");
    press(&mut a, KeyCode::Down);
    assert_eq!(a.shared.policy_selected.as_deref(), Some("p-fnv4r6ht"), "then by name: DenyAllActions");
    press(&mut a, KeyCode::Char('G'));
    assert_eq!(a.shared.policy_selected.as_deref(), Some("p-e9yig54n"), "SandboxServiceAllowList is last");
    press(&mut a, KeyCode::Char('j'));
    assert_eq!(a.shared.policy_selected.as_deref(), Some("p-e9yig54n"), "stays on the last row");
    press(&mut a, KeyCode::Char('g'));
    assert_eq!(a.shared.policy_selected.as_deref(), Some("p-FullAWSAccess"));
    // Tab moves the focus; up/down then scroll the content, not the list.
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.pages.policies.focus, Pane::Content);
    press(&mut a, KeyCode::Down);
    assert_eq!(a.pages.policies.content_scroll, 1);
    assert_eq!(a.shared.policy_selected.as_deref(), Some("p-FullAWSAccess"));
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.pages.policies.focus, Pane::Targets);
    press(&mut a, KeyCode::Down);
    assert_eq!(a.pages.policies.target_cursor, 1);
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.pages.policies.focus, Pane::List);
    // The selection survives a reload and a trip to another page.
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Char('1'));
    press(&mut a, KeyCode::Char('2'));
    assert_eq!(a.shared.policy_selected.as_deref(), Some("p-fnv4r6ht"));
}

#[test]
fn disable_confirmation_counts_attachments_and_enable_calls_directly() {
    let mut a = policies(80, 24);
    let s = a.shared.data.as_ref().unwrap().snapshot.clone();
    let is_scp = |id: &str| {
        s.policies
            .iter()
            .any(|p| p.summary.id.as_str() == id && p.summary.r#type == PolicyType::ServiceControlPolicy)
    };
    let scps = s.attachments.iter().filter(|x| is_scp(x.policy_id.as_str())).count();
    press(&mut a, KeyCode::Char('-'));
    let c = confirm_of(&a);
    assert_eq!(c.expect, "SERVICE_CONTROL_POLICY");
    let text = c.lines.join("\n");
    assert!(text.contains(&format!("all {scps} attachment(s) of 10 SERVICE_CONTROL_POLICY")), "{text}");
    type_str(&mut a, "SCP");
    assert!(press(&mut a, KeyCode::Enter).is_empty(), "a wrong word does nothing");
    assert!(confirm_of(&a).error.is_some());
    for _ in 0..3 {
        press(&mut a, KeyCode::Backspace);
    }
    type_str(&mut a, "SERVICE_CONTROL_POLICY");
    let (_, req) = api_call(&press(&mut a, KeyCode::Enter));
    assert_eq!(
        req,
        ApiRequest::DisablePolicyType(DisablePolicyTypeRequest {
            root_id: "r-ex4m".into(),
            policy_type: PolicyType::ServiceControlPolicy
        })
    );
    press(&mut a, KeyCode::Esc);
    a.modal = None;
    // Chat applications are not enabled in the sample: + enables them at once.
    tab_to(&mut a, PolicyType::ChatbotPolicy);
    press(&mut a, KeyCode::Char('-'));
    assert!(a.modal.is_none(), "nothing to disable");
    let (_, req) = api_call(&press(&mut a, KeyCode::Char('+')));
    assert_eq!(
        req,
        ApiRequest::EnablePolicyType(EnablePolicyTypeRequest {
            root_id: "r-ex4m".into(),
            policy_type: PolicyType::ChatbotPolicy
        })
    );
}

#[test]
fn attach_via_the_picker_shows_the_blast_radius_and_calls_attach_policy() {
    let mut a = policies(80, 24);
    select_policy(&mut a, "p-fnv4r6ht");
    press(&mut a, KeyCode::Char('a'));
    assert!(a.pages.policies.picker.is_some());
    type_str(&mut a, "payments-prod");
    let p = a.pages.policies.picker.as_ref().unwrap();
    assert_eq!(p.matches.len(), 1, "only payments-prod matches");
    assert!(press(&mut a, KeyCode::Enter).is_empty(), "an SCP attach is confirmed first");
    assert!(a.pages.policies.picker.is_none());
    let c = confirm_of(&a);
    let text = c.lines.join("\n");
    assert!(text.contains("accounts reached: 1"), "{text}");
    assert!(text.contains("iam:CreateUser 1 denied"), "DenyAllActions denies everything: {text}");
    assert_eq!(c.expect, "yes");
    type_str(&mut a, "yes");
    let (_, req) = api_call(&press(&mut a, KeyCode::Enter));
    assert_eq!(
        req,
        ApiRequest::AttachPolicy(AttachPolicyRequest {
            policy_id: "p-fnv4r6ht".into(),
            target_id: "562346771328".into()
        })
    );
    // A tag policy attaches at once; Esc closes the picker without a call.
    a.modal = None;
    tab_to(&mut a, PolicyType::TagPolicy);
    select_policy(&mut a, "p-dqsi4ppk");
    press(&mut a, KeyCode::Char('a'));
    press(&mut a, KeyCode::Esc);
    assert!(a.pages.policies.picker.is_none() && a.modal.is_none());
    press(&mut a, KeyCode::Char('a'));
    type_str(&mut a, "ou-ex4m-hko4ruga");
    let (_, req) = api_call(&press(&mut a, KeyCode::Enter));
    assert_eq!(
        req,
        ApiRequest::AttachPolicy(AttachPolicyRequest {
            policy_id: "p-dqsi4ppk".into(),
            target_id: "ou-ex4m-hko4ruga".into()
        })
    );
}

#[test]
fn detaching_the_last_scp_or_full_aws_access_needs_the_target_id() {
    let mut a = policies(80, 24);
    // The Sandbox OU's only SCP that allows anything (DenyRootUser stays).
    select_policy(&mut a, "p-e9yig54n");
    press(&mut a, KeyCode::Char('d'));
    assert_eq!(a.pages.policies.focus, Pane::Targets, "d first asks for the target");
    assert!(a.modal.is_none());
    press(&mut a, KeyCode::Char('d'));
    let c = confirm_of(&a);
    assert_eq!(c.expect, "ou-ex4m-1ppmdudc");
    let text = c.lines.join("\n");
    assert!(text.contains("The other SCP(s) on Sandbox allow nothing: DenyRootUser"), "{text}");
    assert!(text.contains("so every account under Sandbox (6)\nwould lose ALL permissions"), "{text}");
    type_str(&mut a, "yes");
    assert!(press(&mut a, KeyCode::Enter).is_empty());
    for _ in 0..3 {
        press(&mut a, KeyCode::Backspace);
    }
    type_str(&mut a, "ou-ex4m-1ppmdudc");
    let (_, req) = api_call(&press(&mut a, KeyCode::Enter));
    assert_eq!(
        req,
        ApiRequest::DetachPolicy(DetachPolicyRequest {
            policy_id: "p-e9yig54n".into(),
            target_id: "ou-ex4m-1ppmdudc".into()
        })
    );
    // FullAWSAccess on the Workloads OU (which also has DenyRootUser and nothing that allows).
    a.modal = None;
    a.pending.clear();
    a.pages.policies.focus = Pane::List;
    select_policy(&mut a, "p-FullAWSAccess");
    select_target(&mut a, "ou-ex4m-bslfpr1u");
    press(&mut a, KeyCode::Char('d'));
    let c = confirm_of(&a);
    assert_eq!(c.expect, "ou-ex4m-bslfpr1u");
    let text = c.lines.join("\n");
    assert!(
        text.contains("Every account under Workloads (20) loses all permissions not allowed by another SCP"),
        "{text}"
    );
    assert!(text.contains("DenyRootUser"), "{text}");
    // The last SCP of an account.
    a.modal = None;
    select_target(&mut a, "562346771328");
    press(&mut a, KeyCode::Char('d'));
    let c = confirm_of(&a);
    assert_eq!(c.expect, "562346771328");
    assert!(c.lines.join("\n").contains("LAST SCP on payments-prod"), "{:?}", c.lines);
    assert!(c.lines.join("\n").contains("so the account payments-prod would lose ALL"), "{:?}", c.lines);
    // From the palette, naming the target.
    a.modal = None;
    command(&mut a, "detach-policy Sandbox");
    assert!(a.modal.is_none(), "FullAWSAccess is not attached to Sandbox: nothing to detach");
    command(&mut a, "detach-policy Workloads");
    assert_eq!(confirm_of(&a).expect, "ou-ex4m-bslfpr1u");
    a.modal = None;
    command(&mut a, "attach-policy nowhere");
    assert!(a.modal.is_none());
    // An ordinary SCP detach asks for "yes".
    a.modal = None;
    select_policy(&mut a, "p-xvmq5im0");
    select_target(&mut a, "ou-ex4m-bslfpr1u");
    press(&mut a, KeyCode::Char('d'));
    assert_eq!(confirm_of(&a).expect, "yes");
}

#[test]
fn aws_errors_stay_in_the_dialog_and_keep_the_page_state() {
    let mut a = policies(80, 24);
    select_policy(&mut a, "p-nubu3bh8");
    press(&mut a, KeyCode::Char('D'));
    assert_eq!(confirm_of(&a).expect, "DenyLeaveOrganization");
    assert!(confirm_of(&a).lines.join(" ").contains("PolicyInUseException"));
    type_str(&mut a, "DenyLeaveOrganization");
    let effects = press(&mut a, KeyCode::Enter);
    let (op, req) = api_call(&effects);
    assert_eq!(req, ApiRequest::DeletePolicy(DeletePolicyRequest { policy_id: "p-nubu3bh8".into() }));
    // Run it against the engine: the policy is attached, so AWS refuses.
    let engine = orgtui::snapshot::sample_engine().unwrap();
    let backend = MemoryBackend::new(engine, BackendKind::Sample);
    let Effect::Call { call, .. } = effects[0].clone() else { unreachable!() };
    let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let result = rt.block_on(orgtui::tui::effects::perform(&backend, call));
    assert!(result.is_err());
    let before = (a.pages.policies.tab, a.pages.policies.cursor, a.shared.policy_selected.clone());
    update(&mut a, Msg::OpDone { op, result });
    let c = confirm_of(&a);
    assert!(c.error.as_deref().unwrap_or("").contains("PolicyInUseException"), "{:?}", c.error);
    assert_eq!(c.typed, "DenyLeaveOrganization", "what was typed stays");
    assert_eq!((a.pages.policies.tab, a.pages.policies.cursor, a.shared.policy_selected.clone()), before);
}

#[test]
fn detach_through_the_engine_reloads_and_keeps_the_selection() {
    let mut a = policies(80, 24);
    tab_to(&mut a, PolicyType::TagPolicy);
    select_policy(&mut a, "p-dqsi4ppk");
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Char('d'));
    type_str(&mut a, "yes");
    let effects = press(&mut a, KeyCode::Enter);
    let (op, _) = api_call(&effects);
    let backend = MemoryBackend::new(orgtui::snapshot::sample_engine().unwrap(), BackendKind::Sample);
    let Effect::Call { call, .. } = effects[0].clone() else { unreachable!() };
    let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let result = rt.block_on(orgtui::tui::effects::perform(&backend, call));
    let effects = update(&mut a, Msg::OpDone { op, result });
    assert!(a.modal.is_none(), "the dialog closes on success");
    let Some(Effect::Load { generation }) = effects.first().cloned() else { panic!("{effects:?}") };
    let snap = backend.engine().to_snapshot();
    update(&mut a, Msg::Loaded { generation, result: Ok(std::sync::Arc::new(snap)) });
    assert_eq!(a.pages.policies.ty(), PolicyType::TagPolicy);
    assert_eq!(a.shared.policy_selected.as_deref(), Some("p-dqsi4ppk"));
    assert!(render(&a).contains("Not attached."));
}

#[test]
fn effective_policy_names_the_level_and_policy_of_each_value() {
    let mut a = app(120, 36);
    command(&mut a, "goto payments-prod");
    press(&mut a, KeyCode::Char('2'));
    tab_to(&mut a, PolicyType::TagPolicy);
    press(&mut a, KeyCode::Char('v'));
    let v = a.pages.policies.effective.as_ref().expect("the view is open");
    assert_eq!(v.target_id, "562346771328");
    let doc = v.result.as_ref().expect("an effective tag policy");
    let sources: Vec<(&str, &str)> =
        doc.origins.iter().map(|o| (o.source.target.as_str(), o.source.policy.as_str())).collect();
    assert!(sources.contains(&("r-ex4m", "p-kdwgvf7c")), "CostCenterTags from the root: {sources:?}");
    assert!(
        sources.contains(&("ou-ex4m-bslfpr1u", "p-kpyj4ody")),
        "Workloads adds cost centers: {sources:?}"
    );
    let screen = render(&a);
    assert!(screen.contains("from root r-ex4m"), "{screen}");
    assert!(screen.contains("CostCenterTags (p-kdwgvf7c)"), "{screen}");
    // ] switches to the next management type; backup comes from the root and Prod.
    press(&mut a, KeyCode::Char(']'));
    let v = a.pages.policies.effective.as_ref().unwrap();
    assert_eq!(v.ty, PolicyType::BackupPolicy);
    let doc = v.result.as_ref().unwrap();
    assert!(doc.origins.iter().any(|o| o.source.policy.as_str() == "p-8t94trax"));
    // Enter picks another target; the Sandbox OU gets the AI opt-in exception.
    press(&mut a, KeyCode::Char(']'));
    press(&mut a, KeyCode::Enter);
    type_str(&mut a, "ou-ex4m-1ppmdudc");
    press(&mut a, KeyCode::Enter);
    let v = a.pages.policies.effective.as_ref().unwrap();
    assert_eq!((v.target_id.as_str(), v.ty), ("ou-ex4m-1ppmdudc", PolicyType::AiservicesOptOutPolicy));
    assert!(v.result.as_ref().unwrap().origins.iter().any(|o| o.source.policy.as_str() == "p-wykwvkme"));
    // A type that is not enabled says so; esc closes.
    press(&mut a, KeyCode::Char(']'));
    let v = a.pages.policies.effective.as_ref().unwrap();
    assert!(v.result.as_ref().unwrap_err().contains("not enabled"));
    press(&mut a, KeyCode::Esc);
    assert!(a.pages.policies.effective.is_none());
    // From the palette, with a target.
    command(&mut a, "effective-policy Sandbox");
    assert_eq!(a.pages.policies.effective.as_ref().unwrap().target_id, "ou-ex4m-1ppmdudc");
}

#[test]
fn read_only_sessions_change_nothing() {
    let mut a = policies(80, 24);
    a.shared.source.writable = false;
    for k in ['a', 'd', 'D', '+', '-'] {
        assert!(press(&mut a, KeyCode::Char(k)).is_empty());
        assert!(a.modal.is_none() && a.pages.policies.picker.is_none(), "{k}");
    }
}

/// Every screen and dialog of the page, at both sizes.
#[test]
fn snapshots() {
    type Setup = fn(&mut App);
    let cases: [(&str, Setup); 8] = [
        ("scp_tab", |_| {}),
        ("tag_tab", |a| {
            tab_to(a, PolicyType::TagPolicy);
            select_policy(a, "p-7wg61nv3");
            press(a, KeyCode::Tab);
            press(a, KeyCode::Down);
        }),
        ("targets", |a| {
            press(a, KeyCode::Tab);
            press(a, KeyCode::Tab);
            for _ in 0..12 {
                press(a, KeyCode::Down);
            }
        }),
        ("target_picker", |a| {
            select_policy(a, "p-xvmq5im0");
            press(a, KeyCode::Char('a'));
            type_str(a, "prod");
            press(a, KeyCode::Down);
        }),
        ("attach_confirmation", |a| {
            select_policy(a, "p-fnv4r6ht");
            press(a, KeyCode::Char('a'));
            type_str(a, "ou-ex4m-q6xr00ep");
            press(a, KeyCode::Enter);
        }),
        ("detach_last_scp", |a| {
            select_policy(a, "p-e9yig54n");
            press(a, KeyCode::Char('d'));
            press(a, KeyCode::Char('d'));
        }),
        ("disable_type", |a| {
            tab_to(a, PolicyType::TagPolicy);
            press(a, KeyCode::Char('-'));
        }),
        ("effective_policy", |a| {
            command(a, "effective-policy payments-prod");
            command(a, "policy-type tag");
        }),
    ];
    for (name, setup) in cases {
        each_size(name, setup);
    }
}

#[test]
fn enter_on_a_target_shows_it_in_the_tree() {
    let mut a = policies(80, 24);
    select_policy(&mut a, "p-xvmq5im0");
    select_target(&mut a, "ou-ex4m-1ppmdudc");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.page, Page::Accounts);
    assert_eq!(a.pages.accounts.selected.as_deref(), Some("ou-ex4m-1ppmdudc"));
}

#[test]
fn the_picker_and_page_stay_quick_with_thousands_of_accounts() {
    use orgtui::engine::{Engine, ManualClock};
    let state = orgtui::snapshot::generate::generate(5_000, 500, 7).unwrap();
    let engine =
        Engine::from_state(state, Box::new(ManualClock::new(Timestamp(1_764_000_000_000))), 1).unwrap();
    let mut a = app(120, 36);
    let generation = a.load_generation + 1;
    a.load_generation = generation;
    update(&mut a, Msg::Loaded { generation, result: Ok(std::sync::Arc::new(engine.to_snapshot())) });
    press(&mut a, KeyCode::Char('2'));
    let started = std::time::Instant::now();
    press(&mut a, KeyCode::Char('a'));
    type_str(&mut a, "ou-");
    let p = a.pages.policies.picker.as_ref().unwrap();
    assert_eq!(p.matches.len(), 500, "every OU and only the OUs");
    let screen = render(&a);
    // Generous for debug builds on a shared machine: it takes a few milliseconds.
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "{:?}", started.elapsed());
    assert!(screen.contains("500 of 5501"), "{screen}");
}

#[test]
fn the_smallest_terminal_draws_every_view() {
    let mut a = policies(60, 12);
    assert!(render(&a).contains("SCP"));
    press(&mut a, KeyCode::Tab);
    render(&a);
    press(&mut a, KeyCode::Char('a'));
    assert!(render(&a).contains("Find:"));
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('v'));
    assert!(render(&a).contains("Effective policy"));
    press(&mut a, KeyCode::Char('G'));
    render(&a);
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('-'));
    render(&a);
}

#[test]
fn the_watch_list_can_be_set_for_the_session() {
    let mut a = app(120, 36);
    assert_eq!(a.shared.watch.len(), orgtui::policy::blast::DEFAULT_WATCH.len());
    command(&mut a, "watch ec2:RunInstances, s3:GetObject");
    assert_eq!(a.shared.watch, vec!["ec2:RunInstances", "s3:GetObject"]);
    command(&mut a, "watch CreateUser");
    assert!(
        matches!(&a.status, orgtui::tui::cx::Status::Error(m) if m.contains("service:Action")),
        "{:?}",
        a.status
    );
    assert_eq!(a.shared.watch.len(), 2, "a bad list changes nothing");
    command(&mut a, "watch");
    assert!(
        matches!(&a.status, orgtui::tui::cx::Status::Info(m) if m.contains("ec2:RunInstances s3:GetObject"))
    );
}
