//! The bundled "Example Corp" sample: as rich as the issue asks, valid by the engine's own
//! rules, and usable through the engine's operations.

use orgtui::engine::Membership;
use orgtui::model::*;
use orgtui::snapshot;
use std::collections::BTreeSet;

#[test]
fn sample_is_rich_enough_to_demo_every_screen() {
    let org = snapshot::sample().unwrap();
    let s = &org.state;
    let o = s.org.as_ref().unwrap();
    let members: Vec<_> =
        s.accounts.values().filter(|a| matches!(a.membership, Membership::Member(_))).collect();
    assert!(members.len() >= 40, "{} accounts", members.len());
    assert!(o.ous.len() >= 12, "{} OUs", o.ous.len());
    let depth = o.ous.keys().map(|id| o.depth(&ParentId::Ou(id.clone()))).max().unwrap();
    assert_eq!(depth, 4);
    let names: BTreeSet<&str> = o.ous.values().map(|ou| ou.name.as_str()).collect();
    for n in ["Security", "Infrastructure", "Workloads", "Sandbox", "Suspended", "Policy Staging"] {
        assert!(names.contains(n), "OU {n}");
    }
    assert!(members.iter().any(|a| a.state == AccountState::Closed));
    assert!(members.iter().any(|a| a.state == AccountState::PendingClosure));
    for ty in [
        PolicyType::ServiceControlPolicy,
        PolicyType::ResourceControlPolicy,
        PolicyType::TagPolicy,
        PolicyType::BackupPolicy,
        PolicyType::AiservicesOptOutPolicy,
    ] {
        assert!(o.type_enabled(ty), "{ty} enabled");
        assert!(o.policies.values().any(|p| p.policy_type == ty && !p.aws_managed), "a customer {ty}");
    }
    let states: BTreeSet<HandshakeState> = s.handshakes.values().map(|h| h.handshake.state).collect();
    assert!(states.contains(&HandshakeState::Open) && states.contains(&HandshakeState::Accepted));
    assert!(
        o.create_account_requests.iter().any(|r| r.status.state == CreateAccountState::Failed),
        "a failed account creation"
    );
    assert!(o.delegated_admins.len() >= 3 && o.trusted_services.len() >= 5);
    assert!(o.resource_policy.is_some());
    assert!(o.root_tags.len() + members.iter().filter(|a| !a.tags.is_empty()).count() > 20);
    let principal_accounts: BTreeSet<&str> =
        org.extras.principals.iter().map(|p| p.account_id.as_str()).collect();
    assert!(principal_accounts.len() >= 6);
    assert!(
        org.extras.principals.iter().any(|p| p.permissions_boundary.is_some()),
        "a CI role with a boundary"
    );
    for p in &org.extras.principals {
        assert!(
            s.accounts.contains_key(&AccountId::parse(&p.account_id).unwrap()),
            "principal in a known account"
        );
    }
    // Billing lives in the engine's state now: twelve months for every member account.
    assert!(org.extras.costs.is_empty());
    assert_eq!(s.costs.months().len(), 12);
    assert!(s.costs.len() > 1000);
    let members = s.accounts.values().filter(|a| matches!(a.membership, Membership::Member(_)));
    for a in members {
        assert!(s.costs.account_index(a.id.as_str()).is_some(), "{} has costs", a.name);
    }
}

#[test]
fn tag_policies_merge_across_levels() {
    let mut e = snapshot::sample_engine().unwrap();
    let payments = e.state().accounts.values().find(|a| a.name == "payments-prod").unwrap().id.to_string();
    let eff = e
        .describe_effective_policy(
            &Caller::Management,
            DescribeEffectivePolicyRequest { policy_type: PolicyType::TagPolicy, target_id: Some(payments) },
        )
        .unwrap()
        .effective_policy;
    let v: serde_json::Value = serde_json::from_str(&eff.policy_content).unwrap();
    assert!(v.get("tags").is_some_and(|t| t.as_object().is_some_and(|o| o.len() >= 2)), "{v}");
}

#[test]
fn sample_engine_keeps_the_authored_moment() {
    let mut e = snapshot::sample_engine().unwrap();
    let m = &Caller::Management;
    let accounts = e.list_accounts(m, ListAccountsRequest::default()).unwrap();
    assert_eq!(accounts.accounts.len(), 20, "first page");
    let pending =
        e.state().accounts.values().find(|a| a.state == AccountState::PendingClosure).expect("still pending");
    assert_eq!(pending.status, AccountStatus::PendingClosure);
    // The open invitations can be accepted by the invited standalone accounts.
    let open: Vec<Handshake> = e
        .state()
        .handshakes
        .values()
        .filter(|h| {
            h.handshake.state == HandshakeState::Open && h.handshake.action == HandshakeAction::Invite
        })
        .map(|h| h.handshake.clone())
        .collect();
    assert!(open.len() >= 2);
    let invitee =
        open[0].parties.iter().find(|p| p.r#type == HandshakePartyType::Account).unwrap().id.clone();
    let as_invitee = Caller::Account(AccountId::parse(&invitee).unwrap());
    let received =
        e.list_handshakes_for_account(&as_invitee, ListHandshakesForAccountRequest::default()).unwrap();
    assert!(received.handshakes.iter().any(|h| h.id == open[0].id));
    e.accept_handshake(&as_invitee, AcceptHandshakeRequest { handshake_id: open[0].id.to_string() }).unwrap();
    let acc = e.describe_account(m, DescribeAccountRequest { account_id: invitee }).unwrap().account;
    assert_eq!(acc.joined_method, JoinedMethod::Invited);
}
