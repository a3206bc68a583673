//! Shared fixtures for engine tests: an engine on a manual clock, with helpers that build
//! an organization through the engine's own operations.
#![allow(dead_code)]

use orgtui::engine::{EmulatorSettings, Engine, EngineConfig, ManualClock, Quotas};
use orgtui::model::*;

/// 2024-01-01T00:00:00Z.
pub const START: Timestamp = Timestamp(1_704_067_200_000);
/// The home (management) account of fixture engines.
pub const MGMT: &str = "111111111111";

/// A fresh engine with no organization, its manual clock, and generous quotas.
pub fn engine() -> (Engine, ManualClock) {
    engine_with(Quotas { max_accounts: 50, ..Quotas::default() })
}

/// A fresh engine with the given quotas.
pub fn engine_with(quotas: Quotas) -> (Engine, ManualClock) {
    let clock = ManualClock::new(START);
    let e = Engine::new(EngineConfig {
        clock: Box::new(clock.clone()),
        seed: 7,
        home_account: (AccountId::parse(MGMT).unwrap(), "Management".into(), "mgmt@example.com".into()),
        quotas,
        settings: EmulatorSettings::default(),
    });
    (e, clock)
}

/// An engine with an ALL-features organization.
pub fn org() -> (Engine, ManualClock) {
    let (mut e, c) = engine();
    e.create_organization(
        &Caller::Management,
        CreateOrganizationRequest { feature_set: Some(FeatureSet::All) },
    )
    .unwrap();
    (e, c)
}

/// The root id.
pub fn root(e: &mut Engine) -> String {
    e.list_roots(&Caller::Management, ListRootsRequest::default()).unwrap().roots[0].id.to_string()
}

/// Creates an OU and returns its id.
pub fn ou(e: &mut Engine, parent: &str, name: &str) -> String {
    e.create_organizational_unit(
        &Caller::Management,
        CreateOrganizationalUnitRequest { parent_id: parent.into(), name: name.into(), tags: None },
    )
    .unwrap()
    .organizational_unit
    .id
    .to_string()
}

/// Creates an account, lets the emulated creation finish, and returns its id (in the root).
pub fn account(e: &mut Engine, clock: &ManualClock, name: &str) -> String {
    let email = format!("{}@example.com", name.to_lowercase().replace(' ', "-"));
    let st = e
        .create_account(
            &Caller::Management,
            CreateAccountRequest { email, account_name: name.into(), ..Default::default() },
        )
        .unwrap()
        .create_account_status;
    clock.advance_ms(EmulatorSettings::default().create_account_ms);
    let done = e
        .describe_create_account_status(
            &Caller::Management,
            DescribeCreateAccountStatusRequest { create_account_request_id: st.id.to_string() },
        )
        .unwrap()
        .create_account_status;
    assert_eq!(done.state, CreateAccountState::Succeeded, "{done:?}");
    done.account_id.unwrap().to_string()
}

/// Asserts an error's code and reason.
#[track_caller]
pub fn assert_err<T: std::fmt::Debug>(r: OrgResult<T>, code: ErrorCode, reason: Option<&str>) {
    match r {
        Ok(v) => panic!("expected {code} {reason:?}, got Ok({v:?})"),
        Err(e) => assert!(e.is(code, reason), "expected {code} {reason:?}, got {e}"),
    }
}
