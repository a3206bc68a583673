//! The live backend's integration suite, shared by every server it runs against: moto,
//! `orgtui serve`, and the engine itself (the memory backend), so the three are held to the
//! same expectations. Parts moto does not implement (reference §14) run only where `full`.

#![allow(dead_code)]

pub mod servers;

use orgtui::backend::OrgBackend;
use orgtui::model::*;
use std::collections::BTreeSet;

/// What the server under test implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// moto: lacks handshakes, effective policies and most rules (reference §14).
    Moto,
    /// `orgtui serve`: the engine behind the wire protocol.
    Serve,
    /// The engine directly (memory backend).
    Engine,
}

impl Target {
    /// Whether the server enforces the service's rules and has every operation.
    pub fn full(self) -> bool {
        self != Target::Moto
    }
}

/// The starting point of every run: the management-to-be account 111111111111 standing
/// alone, with an account quota above the new-organization default of 10 (so the suite can
/// create more than 20 accounts) and instant account creation.
pub const START_SNAPSHOT: &str = r#"{
  "format": "orgtui-snapshot/1",
  "homeAccountId": "111111111111",
  "organization": null,
  "accounts": [{"id": "111111111111", "name": "Management", "email": "mgmt@example.com",
                "joinedTimestamp": "2024-01-01T00:00:00Z"}],
  "quotas": {"maxAccounts": 100},
  "emulator": {"createAccountMs": 0, "closeAccountMs": 0}
}"#;

/// The engine as a backend, from the start snapshot.
pub fn engine_backend() -> orgtui::backend::memory::MemoryBackend {
    let loaded = orgtui::snapshot::load_str(START_SNAPSHOT).unwrap_or_else(|e| panic!("start snapshot: {e}"));
    let engine = orgtui::engine::Engine::from_state(loaded.state, Box::new(orgtui::engine::SystemClock), 1)
        .unwrap_or_else(|e| panic!("engine: {e}"));
    orgtui::backend::memory::MemoryBackend::new(engine, orgtui::backend::BackendKind::Sample)
}

/// The code and reason of an error result.
pub fn code<T: std::fmt::Debug>(r: OrgResult<T>) -> (String, Option<String>) {
    match r {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => (e.code_str().to_string(), e.reason.clone()),
    }
}

/// What a suite run built, for the caller's extra checks.
pub struct Built {
    pub root: String,
    pub ous: Vec<String>,
    pub accounts: Vec<String>,
}

const N_ACCOUNTS: usize = 25;
const N_OUS: usize = 22;

/// The whole suite.
pub async fn run(b: &dyn OrgBackend, target: Target) -> Built {
    let built = build_org(b).await;
    load_and_check(b, &built).await;
    ous(b, target, &built).await;
    policies(b, target, &built).await;
    tags(b, &built).await;
    services(b, target, &built).await;
    errors(b, target, &built).await;
    built
}

/// Creates account `i` of the suite and waits until it exists; returns its id.
pub async fn create_account(b: &dyn OrgBackend, i: usize) -> String {
    let r = b
        .create_account(CreateAccountRequest {
            email: format!("acct{i}@example.com"),
            account_name: format!("Account {i}"),
            ..Default::default()
        })
        .await
        .expect("create account");
    let mut status = r.create_account_status;
    for _ in 0..200 {
        if status.state != CreateAccountState::InProgress {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        status = b
            .describe_create_account_status(DescribeCreateAccountStatusRequest {
                create_account_request_id: status.id.to_string(),
            })
            .await
            .expect("describe create account status")
            .create_account_status;
    }
    assert_eq!(status.state, CreateAccountState::Succeeded, "{status:?}");
    status.account_id.expect("account id").to_string()
}

/// An organization with more than 20 accounts and more than 20 OUs under the root (so
/// every listing needs more than one page), five accounts moved into the first OU and five
/// into an OU nested under it.
async fn build_org(b: &dyn OrgBackend) -> Built {
    let org = b.create_organization(CreateOrganizationRequest { feature_set: Some(FeatureSet::All) }).await;
    let org = org.expect("create organization").organization;
    assert_eq!(org.feature_set, FeatureSet::All);
    let d = b.describe_organization(DescribeOrganizationRequest {}).await.expect("describe organization");
    assert_eq!(d.organization.id, org.id);
    let roots = b.list_roots(ListRootsRequest::default()).await.expect("list roots").roots;
    assert_eq!(roots.len(), 1);
    let root = roots[0].id.to_string();
    let mut accounts = Vec::new();
    for i in 0..N_ACCOUNTS {
        accounts.push(create_account(b, i).await);
    }
    let mut ous = Vec::new();
    for i in 0..N_OUS {
        let ou = b
            .create_organizational_unit(CreateOrganizationalUnitRequest {
                parent_id: root.clone(),
                name: format!("OU {i:02}"),
                tags: None,
            })
            .await
            .expect("create OU")
            .organizational_unit;
        ous.push(ou.id.to_string());
    }
    let nested = b
        .create_organizational_unit(CreateOrganizationalUnitRequest {
            parent_id: ous[0].clone(),
            name: "Nested".into(),
            tags: Some(vec![Tag::new("level", "2")]),
        })
        .await
        .expect("create nested OU")
        .organizational_unit;
    ous.push(nested.id.to_string());
    for (i, a) in accounts.iter().take(10).enumerate() {
        let dest = if i < 5 { &ous[0] } else { &ous[N_OUS] };
        b.move_account(MoveAccountRequest {
            account_id: a.clone(),
            source_parent_id: root.clone(),
            destination_parent_id: dest.clone(),
        })
        .await
        .expect("move account");
    }
    Built { root, ous, accounts }
}

/// Every page of every listing: the whole-org load sees every account and OU in its place.
async fn load_and_check(b: &dyn OrgBackend, built: &Built) {
    let snap = b.load_snapshot().await.expect("load snapshot");
    let ou_ids: BTreeSet<String> = snap.organizational_units.iter().map(|o| o.id.to_string()).collect();
    assert_eq!(ou_ids, built.ous.iter().cloned().collect::<BTreeSet<_>>());
    let acc_ids: BTreeSet<String> = snap.accounts.iter().map(|a| a.account.id.to_string()).collect();
    for a in &built.accounts {
        assert!(acc_ids.contains(a), "{a} missing from the load");
    }
    assert_eq!(snap.accounts.len(), N_ACCOUNTS + 1, "the management account and the created ones");
    let parent = |id: &str| {
        snap.accounts.iter().find(|a| a.account.id.as_str() == id).map(|a| a.parent_id.as_str().to_string())
    };
    assert_eq!(parent(&built.accounts[0]).as_deref(), Some(built.ous[0].as_str()));
    assert_eq!(parent(&built.accounts[7]).as_deref(), Some(built.ous[N_OUS].as_str()));
    assert_eq!(parent(&built.accounts[20]).as_deref(), Some(built.root.as_str()));
    let nested =
        snap.organizational_units.iter().find(|o| o.id.as_str() == built.ous[N_OUS]).expect("nested");
    assert_eq!(nested.parent_id.as_str(), built.ous[0]);
    assert_eq!(nested.tags, vec![Tag::new("level", "2")]);
    // Pagination through the single-page calls as well.
    let page = b
        .list_accounts(ListAccountsRequest { next_token: None, max_results: Some(20) })
        .await
        .expect("list accounts");
    assert!(page.accounts.len() <= 20 && page.next_token.is_some(), "a first page of at most 20 and a token");
}

async fn ous(b: &dyn OrgBackend, target: Target, built: &Built) {
    let renamed = b
        .update_organizational_unit(UpdateOrganizationalUnitRequest {
            organizational_unit_id: built.ous[1].clone(),
            name: Some("Renamed".into()),
        })
        .await
        .expect("rename OU")
        .organizational_unit;
    assert_eq!(renamed.name, "Renamed");
    let d = b
        .describe_organizational_unit(DescribeOrganizationalUnitRequest {
            organizational_unit_id: built.ous[1].clone(),
        })
        .await
        .expect("describe OU");
    assert_eq!(d.organizational_unit.name, "Renamed");
    b.delete_organizational_unit(DeleteOrganizationalUnitRequest {
        organizational_unit_id: built.ous[2].clone(),
    })
    .await
    .expect("delete empty OU");
    let gone = b
        .describe_organizational_unit(DescribeOrganizationalUnitRequest {
            organizational_unit_id: built.ous[2].clone(),
        })
        .await;
    assert_eq!(code(gone).0, "OrganizationalUnitNotFoundException");
    let parents =
        b.list_parents(ListParentsRequest { child_id: built.accounts[7].clone(), ..Default::default() });
    let parents = parents.await.expect("list parents").parents;
    assert_eq!(parents.len(), 1);
    assert_eq!(parents[0].id, built.ous[N_OUS]);
    let children = b
        .list_children(ListChildrenRequest {
            parent_id: built.ous[0].clone(),
            child_type: ChildType::Account,
            ..Default::default()
        })
        .await
        .expect("list children");
    assert_eq!(children.children.len(), 5);
    // Moving back: the account is where the move put it.
    b.move_account(MoveAccountRequest {
        account_id: built.accounts[0].clone(),
        source_parent_id: built.ous[0].clone(),
        destination_parent_id: built.ous[3].clone(),
    })
    .await
    .expect("move between OUs");
    let in_ou3 = b
        .list_accounts_for_parent(ListAccountsForParentRequest {
            parent_id: built.ous[3].clone(),
            ..Default::default()
        })
        .await
        .expect("list accounts for parent");
    assert_eq!(
        in_ou3.accounts.iter().map(|a| a.id.to_string()).collect::<Vec<_>>(),
        vec![built.accounts[0].clone()]
    );
    if target.full() {
        let dup = b
            .create_organizational_unit(CreateOrganizationalUnitRequest {
                parent_id: built.root.clone(),
                name: "OU 03".into(),
                tags: None,
            })
            .await;
        assert_eq!(code(dup).0, "DuplicateOrganizationalUnitException");
        let not_empty = b
            .delete_organizational_unit(DeleteOrganizationalUnitRequest {
                organizational_unit_id: built.ous[0].clone(),
            })
            .await;
        assert_eq!(code(not_empty).0, "OrganizationalUnitNotEmptyException");
        // Depth: root → 5 OUs is the limit.
        let mut parent = built.ous[N_OUS].clone(); // already at depth 2
        let mut last = Ok(());
        for i in 0..4 {
            match b
                .create_organizational_unit(CreateOrganizationalUnitRequest {
                    parent_id: parent.clone(),
                    name: format!("Deep {i}"),
                    tags: None,
                })
                .await
            {
                Ok(r) => parent = r.organizational_unit.id.to_string(),
                Err(e) => {
                    last = Err(e);
                    break;
                }
            }
        }
        let e = last.expect_err("the sixth level is refused");
        assert_eq!(
            (e.code_str(), e.reason.as_deref()),
            ("ConstraintViolationException", Some("OU_DEPTH_LIMIT_EXCEEDED"))
        );
    }
}

const SCP: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}"#;

async fn policies(b: &dyn OrgBackend, target: Target, built: &Built) {
    let enabled = b
        .enable_policy_type(EnablePolicyTypeRequest {
            root_id: built.root.clone(),
            policy_type: PolicyType::ServiceControlPolicy,
        })
        .await;
    if let Err(e) = enabled {
        assert_eq!(e.code_str(), "PolicyTypeAlreadyEnabledException", "{e}");
    }
    let p = b
        .create_policy(CreatePolicyRequest {
            content: SCP.into(),
            description: "no bucket deletes".into(),
            name: "DenyDeleteBucket".into(),
            r#type: PolicyType::ServiceControlPolicy,
            tags: Some(vec![Tag::new("owner", "security")]),
        })
        .await
        .expect("create policy")
        .policy;
    assert_eq!(p.content, SCP);
    let pid = p.policy_summary.id.to_string();
    let listed = b
        .list_policies(ListPoliciesRequest { filter: PolicyType::ServiceControlPolicy, ..Default::default() })
        .await
        .expect("list policies");
    assert!(listed.policies.iter().any(|s| s.id.as_str() == pid));
    b.attach_policy(AttachPolicyRequest { policy_id: pid.clone(), target_id: built.ous[3].clone() })
        .await
        .expect("attach policy");
    let targets = b
        .list_targets_for_policy(ListTargetsForPolicyRequest { policy_id: pid.clone(), ..Default::default() })
        .await
        .expect("list targets");
    assert_eq!(
        targets.targets.iter().map(|t| t.target_id.clone()).collect::<Vec<_>>(),
        vec![built.ous[3].clone()]
    );
    let for_target = b
        .list_policies_for_target(ListPoliciesForTargetRequest {
            target_id: built.ous[3].clone(),
            filter: PolicyType::ServiceControlPolicy,
            ..Default::default()
        })
        .await
        .expect("list policies for target");
    assert!(for_target.policies.iter().any(|s| s.id.as_str() == pid));
    if target.full() {
        let again =
            b.attach_policy(AttachPolicyRequest { policy_id: pid.clone(), target_id: built.ous[3].clone() });
        assert_eq!(code(again.await).0, "DuplicatePolicyAttachmentException");
        let in_use = b.delete_policy(DeletePolicyRequest { policy_id: pid.clone() }).await;
        assert_eq!(code(in_use).0, "PolicyInUseException");
    }
    let updated = b
        .update_policy(UpdatePolicyRequest {
            policy_id: pid.clone(),
            description: Some("updated".into()),
            ..Default::default()
        })
        .await
        .expect("update policy");
    assert_eq!(updated.policy.policy_summary.description, "updated");
    b.detach_policy(DetachPolicyRequest { policy_id: pid.clone(), target_id: built.ous[3].clone() })
        .await
        .expect("detach policy");
    if target.full() {
        let not_attached =
            b.detach_policy(DetachPolicyRequest { policy_id: pid.clone(), target_id: built.ous[3].clone() });
        assert_eq!(code(not_attached.await).0, "PolicyNotAttachedException");
    }
    b.delete_policy(DeletePolicyRequest { policy_id: pid.clone() }).await.expect("delete policy");
    let gone = b.describe_policy(DescribePolicyRequest { policy_id: pid }).await;
    assert_eq!(code(gone).0, "PolicyNotFoundException");
}

async fn tags(b: &dyn OrgBackend, built: &Built) {
    let account = built.accounts[12].clone();
    b.tag_resource(TagResourceRequest {
        resource_id: account.clone(),
        tags: vec![Tag::new("env", "prod"), Tag::new("team", "data")],
    })
    .await
    .expect("tag account");
    b.tag_resource(TagResourceRequest {
        resource_id: built.ous[4].clone(),
        tags: vec![Tag::new("cost", "42")],
    })
    .await
    .expect("tag OU");
    let mut t = b
        .list_tags_for_resource(ListTagsForResourceRequest { resource_id: account.clone(), next_token: None })
        .await
        .expect("list tags")
        .tags;
    t.sort();
    assert_eq!(t, vec![Tag::new("env", "prod"), Tag::new("team", "data")]);
    b.untag_resource(UntagResourceRequest { resource_id: account.clone(), tag_keys: vec!["env".into()] })
        .await
        .expect("untag");
    let t = b
        .list_tags_for_resource(ListTagsForResourceRequest { resource_id: account.clone(), next_token: None })
        .await
        .expect("list tags")
        .tags;
    assert_eq!(t, vec![Tag::new("team", "data")]);
    let snap = b.load_snapshot().await.expect("reload");
    let ou = snap.organizational_units.iter().find(|o| o.id.as_str() == built.ous[4]).expect("OU 04");
    assert_eq!(ou.tags, vec![Tag::new("cost", "42")]);
}

const SERVICE: &str = "guardduty.amazonaws.com";

async fn services(b: &dyn OrgBackend, target: Target, built: &Built) {
    b.enable_aws_service_access(EnableAWSServiceAccessRequest { service_principal: SERVICE.into() })
        .await
        .expect("enable trusted access");
    let enabled = b
        .list_aws_service_access_for_organization(ListAWSServiceAccessForOrganizationRequest::default())
        .await
        .expect("list trusted services");
    assert!(enabled.enabled_service_principals.iter().any(|p| p.service_principal == SERVICE));
    let admin = built.accounts[13].clone();
    b.register_delegated_administrator(RegisterDelegatedAdministratorRequest {
        account_id: admin.clone(),
        service_principal: SERVICE.into(),
    })
    .await
    .expect("register delegated admin");
    let admins = b
        .list_delegated_administrators(ListDelegatedAdministratorsRequest::default())
        .await
        .expect("list delegated admins");
    assert_eq!(
        admins.delegated_administrators.iter().map(|a| a.id.to_string()).collect::<Vec<_>>(),
        vec![admin.clone()]
    );
    let services = b
        .list_delegated_services_for_account(ListDelegatedServicesForAccountRequest {
            account_id: admin.clone(),
            ..Default::default()
        })
        .await
        .expect("list delegated services");
    assert_eq!(services.delegated_services.len(), 1);
    assert_eq!(services.delegated_services[0].service_principal, SERVICE);
    let snap = b.load_snapshot().await.expect("reload");
    assert!(snap.delegated_administrators.iter().any(|d| d.account_id.as_str() == admin));
    assert!(snap.trusted_services.iter().any(|s| s.service_principal == SERVICE));
    let again = b.register_delegated_administrator(RegisterDelegatedAdministratorRequest {
        account_id: admin.clone(),
        service_principal: SERVICE.into(),
    });
    assert_eq!(code(again.await).0, "AccountAlreadyRegisteredException");
    b.deregister_delegated_administrator(DeregisterDelegatedAdministratorRequest {
        account_id: admin.clone(),
        service_principal: SERVICE.into(),
    })
    .await
    .expect("deregister");
    if target.full() {
        let not_registered = b.list_delegated_services_for_account(ListDelegatedServicesForAccountRequest {
            account_id: admin,
            ..Default::default()
        });
        assert_eq!(code(not_registered.await).0, "AccountNotRegisteredException");
    }
    b.disable_aws_service_access(DisableAWSServiceAccessRequest { service_principal: SERVICE.into() })
        .await
        .expect("disable trusted access");
}

/// Error codes (and reasons) are the engine's: every case is also run on an engine in the
/// same situation (an organization exists) and the two must agree.
async fn errors(b: &dyn OrgBackend, target: Target, _built: &Built) {
    let engine = engine_backend();
    engine
        .create_organization(CreateOrganizationRequest { feature_set: Some(FeatureSet::All) })
        .await
        .expect("org");
    macro_rules! same {
        ($method:ident, $req:expr) => {{
            let live = code(b.$method($req).await);
            let reference = code(engine.$method($req).await);
            assert_eq!(live, reference, "{} differs from the engine", stringify!($method));
            live
        }};
    }
    let (c, _) = same!(
        describe_organizational_unit,
        DescribeOrganizationalUnitRequest { organizational_unit_id: "ou-zzzz-zzzzzzzz".into() }
    );
    assert_eq!(c, "OrganizationalUnitNotFoundException");
    same!(describe_policy, DescribePolicyRequest { policy_id: "p-zzzzzzzz".into() });
    same!(describe_account, DescribeAccountRequest { account_id: "999999999999".into() });
    if target.full() {
        // moto sends no Reason and skips most of these rules (reference §14).
        let (_, reason) = same!(
            describe_organizational_unit,
            DescribeOrganizationalUnitRequest { organizational_unit_id: "not-an-ou".into() }
        );
        assert_eq!(reason.as_deref(), Some("INVALID_PATTERN"));
        same!(
            create_organizational_unit,
            CreateOrganizationalUnitRequest {
                parent_id: "ou-zzzz-zzzzzzzz".into(),
                name: "x".into(),
                tags: None
            }
        );
        same!(
            move_account,
            MoveAccountRequest {
                account_id: "999999999999".into(),
                source_parent_id: "r-zzzz".into(),
                destination_parent_id: "ou-zzzz-zzzzzzzz".into(),
            }
        );
        same!(create_organization, CreateOrganizationRequest { feature_set: None });
        same!(
            attach_policy,
            AttachPolicyRequest { policy_id: "p-FullAWSAccess".into(), target_id: "ou-zzzz-zzzzzzzz".into() }
        );
        same!(list_roots, ListRootsRequest { next_token: None, max_results: Some(21) });
    }
}
