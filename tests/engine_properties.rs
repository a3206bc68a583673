//! Property tests (reference §13): random sequences of operations, valid and invalid, never
//! break an invariant, never panic, and a failed operation changes nothing.

mod common;
use common::*;
use orgtui::engine::{Engine, ManualClock, invariants};
use orgtui::model::*;
use proptest::prelude::*;

const M: &Caller = &Caller::Management;
const NAMES: &[&str] = &["Prod", "Dev", "Sandbox", "Security", ""];
const SCP_DOCS: &[&str] = &[
    r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}}"#,
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:*","s3:*"],"Resource":"*"}]}"#,
    r#"{"Statement":"not a statement"}"#,
];
const TAG_DOC: &str = r#"{"tags":{"env":{"tag_key":{"@@assign":"Env"},"tag_value":{"@@append":["prod"]}}}}"#;

/// One step of a random scenario; indices pick among the entities that exist at that moment.
#[derive(Debug, Clone)]
enum Step {
    CreateOu {
        parent: usize,
        name: usize,
    },
    RenameOu {
        ou: usize,
        name: usize,
    },
    DeleteOu {
        ou: usize,
    },
    CreateAccount {
        name: u8,
    },
    MoveAccount {
        account: usize,
        dest: usize,
    },
    RemoveAccount {
        account: usize,
    },
    CloseAccount {
        account: usize,
    },
    CreatePolicy {
        scp: bool,
        doc: usize,
        name: usize,
    },
    Attach {
        policy: usize,
        target: usize,
    },
    Detach {
        policy: usize,
        target: usize,
    },
    DeletePolicy {
        policy: usize,
    },
    ToggleType {
        ty: usize,
        enable: bool,
    },
    Tag {
        target: usize,
        key: usize,
    },
    Invite {
        n: u8,
    },
    AcceptLatest,
    /// An invitee account acting on its own: creating, leaving or deleting an organization of
    /// its own, inviting another invitee (issue 16: many organizations in one partition).
    Elsewhere {
        op: u8,
        n: u8,
    },
    RegisterAdmin {
        account: usize,
        svc: usize,
    },
    EnableService {
        svc: usize,
    },
    Advance {
        days: u8,
    },
}

fn step() -> impl Strategy<Value = Step> {
    let i = || 0usize..64;
    prop_oneof![
        (i(), 0..NAMES.len()).prop_map(|(parent, name)| Step::CreateOu { parent, name }),
        (i(), 0..NAMES.len()).prop_map(|(ou, name)| Step::RenameOu { ou, name }),
        i().prop_map(|ou| Step::DeleteOu { ou }),
        any::<u8>().prop_map(|name| Step::CreateAccount { name }),
        (i(), i()).prop_map(|(account, dest)| Step::MoveAccount { account, dest }),
        i().prop_map(|account| Step::RemoveAccount { account }),
        i().prop_map(|account| Step::CloseAccount { account }),
        (any::<bool>(), 0..SCP_DOCS.len(), 0..NAMES.len()).prop_map(|(scp, doc, name)| Step::CreatePolicy {
            scp,
            doc,
            name
        }),
        (i(), i()).prop_map(|(policy, target)| Step::Attach { policy, target }),
        (i(), i()).prop_map(|(policy, target)| Step::Detach { policy, target }),
        i().prop_map(|policy| Step::DeletePolicy { policy }),
        (0usize..3, any::<bool>()).prop_map(|(ty, enable)| Step::ToggleType { ty, enable }),
        (i(), 0usize..3).prop_map(|(target, key)| Step::Tag { target, key }),
        any::<u8>().prop_map(|n| Step::Invite { n }),
        Just(Step::AcceptLatest),
        (0u8..5, any::<u8>()).prop_map(|(op, n)| Step::Elsewhere { op, n }),
        (i(), 0usize..2).prop_map(|(account, svc)| Step::RegisterAdmin { account, svc }),
        (0u8..20).prop_map(|days| Step::Advance { days }),
        (0usize..2).prop_map(|svc| Step::EnableService { svc }),
    ]
}

fn pick<T: Clone>(items: &[T], i: usize) -> Option<T> {
    if items.is_empty() { None } else { items.get(i % items.len()).cloned() }
}

struct World {
    e: Engine,
    clock: ManualClock,
}

impl World {
    fn ous(&self) -> Vec<String> {
        self.e.state().org.as_ref().map(|o| o.ous.keys().map(|k| k.to_string()).collect()).unwrap_or_default()
    }
    fn parents(&self) -> Vec<String> {
        let mut v = vec![self.e.state().org.as_ref().map(|o| o.root_id.to_string()).unwrap_or_default()];
        v.extend(self.ous());
        v
    }
    fn accounts(&self) -> Vec<String> {
        self.e.state().accounts.keys().map(|k| k.to_string()).collect()
    }
    fn targets(&self) -> Vec<String> {
        let mut v = self.parents();
        v.extend(self.accounts());
        v
    }
    fn policies(&self) -> Vec<String> {
        self.e
            .state()
            .org
            .as_ref()
            .map(|o| o.policies.keys().map(|k| k.to_string()).collect())
            .unwrap_or_default()
    }
    fn root(&self) -> String {
        self.parents()[0].clone()
    }

    /// Runs a step; returns whether it was an operation that failed (so state must be unchanged).
    fn run(&mut self, s: &Step) -> Option<bool> {
        let result: Result<(), OrgError> = match s.clone() {
            Step::CreateOu { parent, name } => {
                let parent = pick(&self.parents(), parent)?;
                self.e
                    .create_organizational_unit(
                        M,
                        CreateOrganizationalUnitRequest {
                            parent_id: parent,
                            name: NAMES[name].into(),
                            tags: None,
                        },
                    )
                    .map(drop)
            }
            Step::RenameOu { ou, name } => {
                let ou = pick(&self.ous(), ou)?;
                self.e
                    .update_organizational_unit(
                        M,
                        UpdateOrganizationalUnitRequest {
                            organizational_unit_id: ou,
                            name: Some(NAMES[name].into()),
                        },
                    )
                    .map(drop)
            }
            Step::DeleteOu { ou } => {
                let ou = pick(&self.ous(), ou)?;
                self.e
                    .delete_organizational_unit(
                        M,
                        DeleteOrganizationalUnitRequest { organizational_unit_id: ou },
                    )
                    .map(drop)
            }
            Step::CreateAccount { name } => self
                .e
                .create_account(
                    M,
                    CreateAccountRequest {
                        email: format!("acc{}@example.com", name % 16),
                        account_name: format!("Account {name}"),
                        ..Default::default()
                    },
                )
                .map(drop),
            Step::MoveAccount { account, dest } => {
                let account = pick(&self.accounts(), account)?;
                let dest = pick(&self.parents(), dest)?;
                let source = self
                    .e
                    .list_parents(M, ListParentsRequest { child_id: account.clone(), ..Default::default() })
                    .map(|r| r.parents[0].id.clone())
                    .unwrap_or_else(|_| self.root());
                self.e
                    .move_account(
                        M,
                        MoveAccountRequest {
                            account_id: account,
                            source_parent_id: source,
                            destination_parent_id: dest,
                        },
                    )
                    .map(drop)
            }
            Step::RemoveAccount { account } => {
                let account = pick(&self.accounts(), account)?;
                self.e
                    .remove_account_from_organization(
                        M,
                        RemoveAccountFromOrganizationRequest { account_id: account },
                    )
                    .map(drop)
            }
            Step::CloseAccount { account } => {
                let account = pick(&self.accounts(), account)?;
                self.e.close_account(M, CloseAccountRequest { account_id: account }).map(drop)
            }
            Step::CreatePolicy { scp, doc, name } => {
                let (r#type, content) = if scp {
                    (PolicyType::ServiceControlPolicy, SCP_DOCS[doc].to_string())
                } else {
                    (PolicyType::TagPolicy, TAG_DOC.to_string())
                };
                self.e
                    .create_policy(
                        M,
                        CreatePolicyRequest {
                            content,
                            description: String::new(),
                            name: format!("{}{name}", NAMES[name]),
                            r#type,
                            tags: None,
                        },
                    )
                    .map(drop)
            }
            Step::Attach { policy, target } => {
                let (policy, target) = (pick(&self.policies(), policy)?, pick(&self.targets(), target)?);
                self.e
                    .attach_policy(M, AttachPolicyRequest { policy_id: policy, target_id: target })
                    .map(drop)
            }
            Step::Detach { policy, target } => {
                let (policy, target) = (pick(&self.policies(), policy)?, pick(&self.targets(), target)?);
                self.e
                    .detach_policy(M, DetachPolicyRequest { policy_id: policy, target_id: target })
                    .map(drop)
            }
            Step::DeletePolicy { policy } => {
                let policy = pick(&self.policies(), policy)?;
                self.e.delete_policy(M, DeletePolicyRequest { policy_id: policy }).map(drop)
            }
            Step::ToggleType { ty, enable } => {
                let ty = [
                    PolicyType::ServiceControlPolicy,
                    PolicyType::ResourceControlPolicy,
                    PolicyType::TagPolicy,
                ][ty];
                let root_id = self.root();
                if enable {
                    self.e
                        .enable_policy_type(M, EnablePolicyTypeRequest { root_id, policy_type: ty })
                        .map(drop)
                } else {
                    self.e
                        .disable_policy_type(M, DisablePolicyTypeRequest { root_id, policy_type: ty })
                        .map(drop)
                }
            }
            Step::Tag { target, key } => {
                let target = pick(&self.targets(), target)?;
                self.e
                    .tag_resource(
                        M,
                        TagResourceRequest {
                            resource_id: target,
                            tags: vec![Tag::new(["team", "env", ""][key], "x")],
                        },
                    )
                    .map(drop)
            }
            Step::Invite { n } => self
                .e
                .invite_account_to_organization(
                    M,
                    InviteAccountToOrganizationRequest {
                        target: HandshakeParty {
                            id: format!("{:012}", 900_000_000_000u64 + u64::from(n % 4)),
                            r#type: HandshakePartyType::Account,
                        },
                        notes: None,
                        tags: None,
                    },
                )
                .map(drop),
            Step::AcceptLatest => {
                let h = self
                    .e
                    .state()
                    .handshakes
                    .values()
                    .filter(|h| {
                        h.handshake.action == HandshakeAction::Invite && !h.handshake.state.is_terminal()
                    })
                    .max_by_key(|h| h.handshake.requested_timestamp)?
                    .clone();
                let party =
                    h.handshake.parties.iter().find(|p| p.r#type == HandshakePartyType::Account)?.id.clone();
                let caller = Caller::Account(AccountId::parse(&party).ok()?);
                self.e
                    .accept_handshake(
                        &caller,
                        AcceptHandshakeRequest { handshake_id: h.handshake.id.to_string() },
                    )
                    .map(drop)
            }
            Step::Elsewhere { op, n } => {
                let invitee =
                    |k: u8| AccountId::parse(&format!("{:012}", 900_000_000_000u64 + u64::from(k % 4)));
                let caller = Caller::Account(invitee(n).ok()?);
                let target = invitee(n / 4).ok()?.to_string();
                self.e.as_caller(&caller, |e| match op {
                    0 => e
                        .create_organization(&caller, CreateOrganizationRequest { feature_set: None })
                        .map(drop),
                    1 => e
                        .invite_account_to_organization(
                            &caller,
                            InviteAccountToOrganizationRequest {
                                target: HandshakeParty { id: target, r#type: HandshakePartyType::Account },
                                notes: None,
                                tags: None,
                            },
                        )
                        .map(drop),
                    2 => e.leave_organization(&caller, LeaveOrganizationRequest {}).map(drop),
                    3 => e.delete_organization(&caller, DeleteOrganizationRequest {}).map(drop),
                    _ => e.describe_organization(&caller, DescribeOrganizationRequest {}).map(drop),
                })
            }
            Step::RegisterAdmin { account, svc } => {
                let account = pick(&self.accounts(), account)?;
                let svc = ["guardduty.amazonaws.com", "securityhub.amazonaws.com"][svc];
                self.e
                    .register_delegated_administrator(
                        M,
                        RegisterDelegatedAdministratorRequest {
                            account_id: account,
                            service_principal: svc.into(),
                        },
                    )
                    .map(drop)
            }
            Step::EnableService { svc } => {
                let svc = ["guardduty.amazonaws.com", "securityhub.amazonaws.com"][svc];
                self.e
                    .enable_aws_service_access(
                        M,
                        EnableAWSServiceAccessRequest { service_principal: svc.into() },
                    )
                    .map(drop)
            }
            Step::Advance { days } => {
                self.clock.advance_days(i64::from(days));
                self.clock.advance_ms(10_000);
                return None;
            }
        };
        Some(result.is_err())
    }
}

fn check_listings_are_inverse(e: &mut Engine) {
    let Some(org) = e.state().org.clone() else { return };
    for (pid, p) in &org.policies {
        let targets: Vec<String> = e
            .list_targets_for_policy(
                M,
                ListTargetsForPolicyRequest { policy_id: pid.to_string(), ..Default::default() },
            )
            .map(|r| r.targets.into_iter().map(|t| t.target_id).collect())
            .unwrap_or_default();
        for t in &targets {
            let mut token = None;
            let mut found = false;
            loop {
                let r = e
                    .list_policies_for_target(
                        M,
                        ListPoliciesForTargetRequest {
                            target_id: t.clone(),
                            filter: p.policy_type,
                            next_token: token.clone(),
                            max_results: None,
                        },
                    )
                    .expect("a listed target can be queried");
                found |= r.policies.iter().any(|s| &s.id == pid);
                token = r.next_token;
                if token.is_none() {
                    break;
                }
            }
            assert!(found, "{pid} lists target {t}, but {t} does not list {pid}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, max_shrink_iters: 2000, .. ProptestConfig::default() })]

    #[test]
    fn random_operations_keep_every_invariant(steps in proptest::collection::vec(step(), 1..60)) {
        let (e, clock) = org();
        let mut w = World { e, clock };
        w.e.ensure_standalone_account(AccountId::parse("900000000000").unwrap(), "Invitee 0", "inv0@example.com");
        for s in &steps {
            w.e.tick();
            let before = w.e.state().clone();
            let failed = w.run(s);
            if failed == Some(true) {
                prop_assert_eq!(&before, w.e.state(), "a failed {:?} changed state", s);
            }
            if let Err(v) = invariants::check(w.e.state()) {
                prop_assert!(false, "after {:?}: {}", s, v);
            }
        }
        check_listings_are_inverse(&mut w.e);
    }
}

/// The state with attachment sequence numbers replaced by their rank: they only order
/// attachments (merging applies them in attach order), and the file keeps that order as the
/// order of its `attachments` list, numbering them afresh on load.
fn attachment_order(mut state: orgtui::engine::EngineState) -> orgtui::engine::EngineState {
    if let Some(org) = state.org.as_mut() {
        let mut seqs: Vec<u64> = org.attachments.values().flatten().map(|a| a.seq).collect();
        seqs.sort_unstable();
        for a in org.attachments.values_mut().flatten() {
            a.seq = seqs.binary_search(&a.seq).unwrap_or(0) as u64;
        }
        org.next_attach_seq = seqs.len() as u64;
    }
    state
}

/// The first lines where two values' pretty debug forms differ, with some context.
fn first_difference(a: &impl std::fmt::Debug, b: &impl std::fmt::Debug) -> String {
    let (a, b) = (format!("{a:#?}"), format!("{b:#?}"));
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let i = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let from = i.saturating_sub(6);
    format!(
        "loaded:\n{}\nin memory:\n{}",
        a[from..(i + 3).min(a.len())].join("\n"),
        b[from..(i + 3).min(b.len())].join("\n")
    )
}

/// A setting at an edge of its bounds: zero, the largest allowed, or one.
fn edge(knob: u8, max: i64) -> i64 {
    [0, max, 1][usize::from(knob % 3)]
}

/// An organization whose emulator settings are at the edges of their bounds.
fn extreme_world(knobs: [u8; 7]) -> World {
    use orgtui::engine::{EmulatorSettings, EngineConfig, Quotas};
    use orgtui::snapshot::{MAX_DAYS, MAX_DELAY_MS};
    let settings = EmulatorSettings {
        create_account_ms: edge(knobs[0], MAX_DELAY_MS),
        close_account_ms: edge(knobs[1], MAX_DELAY_MS),
        closed_account_retention_days: edge(knobs[2], MAX_DAYS),
        invitation_expiry_days: edge(knobs[3], MAX_DAYS),
        all_features_expiry_days: edge(knobs[4], MAX_DAYS),
        handshake_visibility_days: edge(knobs[5], MAX_DAYS),
        partition: ["aws", "aws-cn", "aws-us-gov"][usize::from(knobs[6] % 3)].into(),
        // A short CloudTrail history, so that bounding it is exercised too.
        cloudtrail_history: edge(knobs[5], 3),
    };
    // A clock with milliseconds, as the system clock has.
    let clock = ManualClock::new(Timestamp(START.0 + 123));
    let mut e = Engine::new(EngineConfig {
        clock: Box::new(clock.clone()),
        seed: u64::from(knobs[0]),
        home_account: (AccountId::parse(MGMT).unwrap(), "Management".into(), "mgmt@example.com".into()),
        quotas: Quotas { max_accounts: 50, removal_wait_days: edge(knobs[2], MAX_DAYS), ..Quotas::default() },
        settings,
    });
    e.create_organization(M, CreateOrganizationRequest { feature_set: Some(FeatureSet::All) }).unwrap();
    e.ensure_standalone_account(AccountId::parse("900000000000").unwrap(), "Invitee 0", "inv0@example.com");
    World { e, clock }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, max_shrink_iters: 2000, .. ProptestConfig::default() })]

    /// Every state the engine reaches, with settings anywhere within their bounds, saves to a
    /// snapshot that loads back to the same state (issue: an invitation expiring in year 10240
    /// made a file that could not be loaded).
    #[test]
    fn save_then_load_is_the_identity(knobs in any::<[u8; 7]>(), steps in proptest::collection::vec(step(), 1..60)) {
        let mut w = extreme_world(knobs);
        let ctx = orgtui::engine::cloudtrail::CallContext::console();
        for s in &steps {
            w.run(s);
            // A recorded change (or failed change), so that states carry CloudTrail events.
            let tag = TagResourceRequest { resource_id: MGMT.into(), tags: vec![] };
            let _ = w.e.recorded(&ctx, &Caller::Management, "TagResource", tag, |e, c, r| e.tag_resource(c, r));
            w.e.tick();
            let text = orgtui::snapshot::to_json(w.e.state(), &orgtui::snapshot::Extras::default(), w.e.now());
            let loaded = orgtui::snapshot::load_str(&text);
            prop_assert!(loaded.is_ok(), "after {:?} the saved file does not load: {:?}", s, loaded.err());
            let loaded = loaded.unwrap().state;
            let again = orgtui::snapshot::to_json(&loaded, &orgtui::snapshot::Extras::default(), w.e.now());
            prop_assert!(again == text, "after {:?} saving the loaded file gives another file", s);
            let (loaded, memory) = (attachment_order(loaded), attachment_order(w.e.state().clone()));
            prop_assert!(loaded == memory, "after {:?} the file loads differently:\n{}", s, first_difference(&loaded, &memory));
        }
    }
}
