//! Blast radius of SCP/RCP changes on the sample organization.

use orgtui::model::OrgSnapshot;
use orgtui::policy::blast::{DEFAULT_WATCH, PolicyChange, accounts_under, blast_radius};
use orgtui::policy::trace::Decision;

fn sample() -> OrgSnapshot {
    orgtui::snapshot::sample_engine().expect("sample loads").to_snapshot()
}

fn watch() -> Vec<String> {
    DEFAULT_WATCH.iter().map(|s| s.to_string()).collect()
}

fn ou_with_accounts(s: &OrgSnapshot) -> String {
    s.organizational_units
        .iter()
        .map(|o| o.id.as_str().to_string())
        .max_by_key(|o| accounts_under(s, std::slice::from_ref(o)).len())
        .unwrap()
}

#[test]
fn attaching_a_deny_all_denies_every_watched_action_below_the_target() {
    let s = sample();
    let ou = ou_with_accounts(&s);
    let below = accounts_under(&s, std::slice::from_ref(&ou));
    assert!(below.len() >= 2, "{ou} has {} accounts", below.len());
    let change = PolicyChange::Attach { policy_id: "p-fnv4r6ht".into(), target_id: ou.clone() };
    let r = blast_radius(&s, &change, &watch()).unwrap();
    assert!(r.evaluated);
    assert_eq!(r.accounts, below);
    assert!(r.changes.iter().all(|c| c.after == Decision::ExplicitlyDenied && c.before != c.after));
    assert!(r.changes.iter().all(|c| below.contains(&c.account_id)));
    let changed: std::collections::HashSet<_> = r.changes.iter().map(|c| &c.account_id).collect();
    assert_eq!(changed.len(), below.len(), "every account below loses something");
    let text = r.summary().join("\n");
    assert!(text.contains(&format!("Reaches {} account(s).", below.len())), "{text}");
    assert!(text.contains("newly denied"), "{text}");
}

#[test]
fn detaching_full_access_implicitly_denies() {
    let s = sample();
    let ou = "ou-ex4m-z3h2jo02".to_string();
    let below = accounts_under(&s, std::slice::from_ref(&ou));
    let change = PolicyChange::Detach { policy_id: "p-FullAWSAccess".into(), target_id: ou };
    let r = blast_radius(&s, &change, &watch()).unwrap();
    assert_eq!(r.accounts, below);
    assert!(!below.is_empty() && !r.changes.is_empty());
    assert!(r.changes.iter().all(|c| c.before == Decision::Allowed && c.after == Decision::ImplicitlyDenied));
}

#[test]
fn removing_a_deny_statement_gives_actions_back() {
    let s = sample();
    let open =
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:DeleteVpc","Resource":"*"}]}"#;
    let change = PolicyChange::Update { policy_id: "p-jat4xvdf".into(), content: open.into() };
    let r = blast_radius(&s, &change, &["cloudtrail:StopLogging".to_string()]).unwrap();
    let member_count = s.accounts.len() - 1;
    assert_eq!(r.accounts.len(), s.accounts.len(), "attached at the root: every account");
    let n = r.per_action[0].1;
    assert!(n > 0 && n <= member_count, "{n}");
    assert!(r.changes.iter().all(|c| c.before == Decision::ExplicitlyDenied));
    assert!(r.changes.iter().any(|c| c.after == Decision::Allowed));
    assert!(r.summary().join("\n").contains("newly allowed"));
    let mgmt = s.organization.as_ref().unwrap().management_account_id.as_str().to_string();
    assert!(r.changes.iter().all(|c| c.account_id != mgmt), "the management account is exempt from SCPs");
}

#[test]
fn other_policy_types_only_count_accounts() {
    let s = sample();
    let tag = s
        .policies
        .iter()
        .find(|p| p.summary.r#type == orgtui::model::PolicyType::TagPolicy)
        .expect("a tag policy");
    let root = s.organization.as_ref().unwrap().root_id.as_str().to_string();
    let change = PolicyChange::Attach { policy_id: tag.summary.id.as_str().into(), target_id: root };
    let r = blast_radius(&s, &change, &watch()).unwrap();
    assert!(!r.evaluated);
    assert_eq!(r.accounts.len(), s.accounts.len());
    assert!(r.changes.is_empty());
    assert_eq!(r.summary().len(), 1);
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let s = sample();
    let unknown = PolicyChange::Attach { policy_id: "p-zzzzzzzz".into(), target_id: "r-ex4m".into() };
    assert!(blast_radius(&s, &unknown, &watch()).unwrap_err().contains("p-zzzzzzzz"));
    let target =
        PolicyChange::Attach { policy_id: "p-fnv4r6ht".into(), target_id: "ou-nope-nopenope".into() };
    assert!(blast_radius(&s, &target, &watch()).unwrap_err().contains("ou-nope-nopenope"));
    let broken = PolicyChange::Update { policy_id: "p-jat4xvdf".into(), content: "{not json".into() };
    assert!(blast_radius(&s, &broken, &watch()).unwrap_err().contains("does not parse"));
}
