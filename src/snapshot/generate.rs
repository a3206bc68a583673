//! Synthetic organizations for benchmarks and demos (`orgtui generate`): seeded, with
//! realistic names, OUs nested up to four levels, accounts spread over the OUs, and the
//! policies a real organization has, and twelve months of billing data (`generate_costs`).
//! Everything it builds satisfies the engine's rules.

use crate::engine::{
    AccountRecord, Engine, EngineConfig, EngineState, ManualClock, Membership, OuRecord, PolicyRecord,
};
use crate::model::*;

const UNITS: &[&str] = &[
    "Payments",
    "Retail",
    "Logistics",
    "Analytics",
    "Identity",
    "Marketing",
    "Search",
    "Media",
    "Billing",
    "Support",
    "Platform",
    "Mobile",
    "Data",
    "Risk",
    "Research",
    "Growth",
];
const TEAMS: &[&str] = &[
    "api", "web", "etl", "ml", "core", "edge", "ingest", "ledger", "catalog", "checkout", "notify", "auth",
    "reports", "stream", "batch", "portal",
];
const ENVS: &[&str] = &["prod", "staging", "dev", "test", "sandbox"];
const LOWER_ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// Why a generation request cannot be met.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GenerateError {
    #[error("--accounts must be at least 1 (the management account)")]
    NoAccounts,
    #[error("--accounts {0} exceeds the 100000 this generator supports")]
    TooManyAccounts(usize),
    #[error("--ous {0} exceeds the 20000 this generator supports")]
    TooManyOus(usize),
}

/// Builds an organization of `accounts` accounts (the management account included) and
/// `ous` OUs, reproducibly from `seed`.
pub fn generate(accounts: usize, ous: usize, seed: u64) -> Result<EngineState, GenerateError> {
    if accounts == 0 {
        return Err(GenerateError::NoAccounts);
    }
    if accounts > 100_000 {
        return Err(GenerateError::TooManyAccounts(accounts));
    }
    if ous > 20_000 {
        return Err(GenerateError::TooManyOus(ous));
    }
    let start = Timestamp::from_secs(1_672_531_200); // 2023-01-01
    let mut engine = Engine::new(EngineConfig {
        clock: Box::new(ManualClock::new(start)),
        seed,
        ..EngineConfig::default()
    });
    // Creating an organization on a fresh engine cannot fail.
    let _ = engine.create_organization(&Caller::Management, CreateOrganizationRequest::default());
    let mut state = engine.state().clone();
    state.quotas.max_accounts = state.quotas.max_accounts.max(accounts + 10);
    state.quotas.max_ous = state.quotas.max_ous.max(ous + 10);
    let mut rng = fastrand::Rng::with_seed(seed);
    let Some(org) = state.org.as_mut() else { return Ok(state) };
    let root = ParentId::Root(org.root_id.clone());
    let root_suffix = org.root_id.as_str()[2..].to_string();
    let text = |rng: &mut fastrand::Rng, n: usize| -> String {
        (0..n).map(|_| LOWER_ALNUM[rng.usize(..LOWER_ALNUM.len())] as char).collect()
    };

    // OUs: a standard top level, then business units, teams and environments below.
    let mut parents: Vec<(ParentId, usize)> = Vec::new(); // (OU, depth)
    let top = ["Security", "Infrastructure", "Workloads", "Sandbox", "Suspended", "Policy Staging"];
    for i in 0..ous {
        let id = loop {
            let id = OuId::new_unchecked(format!("ou-{root_suffix}-{}", text(&mut rng, 8)));
            if !org.ous.contains_key(&id) {
                break id;
            }
        };
        let (parent, depth, base) = if i < top.len() {
            (root.clone(), 1, top[i].to_string())
        } else {
            let candidates: Vec<&(ParentId, usize)> = parents.iter().filter(|(_, d)| *d < 4).collect();
            let (p, d) = candidates[rng.usize(..candidates.len())].clone();
            let base = match d {
                1 => UNITS[rng.usize(..UNITS.len())].to_string(),
                2 => TEAMS[rng.usize(..TEAMS.len())].to_string(),
                _ => ENVS[rng.usize(..ENVS.len())].to_string(),
            };
            (p, d + 1, base)
        };
        let mut name = base.clone();
        let mut n = 2;
        while org.ous.values().any(|o| o.parent == parent && o.name == name) {
            name = format!("{base} {n}");
            n += 1;
        }
        org.ous.insert(id.clone(), OuRecord { id: id.clone(), name, parent, tags: Vec::new() });
        org.attach_defaults(id.as_str());
        parents.push((ParentId::Ou(id), depth));
    }

    // Accounts: spread over the OUs (a few stay in the root).
    let mgmt = org.management.clone();
    for i in 1..accounts {
        let id = loop {
            let n = 100_000_000_000u64 + rng.u64(..899_999_999_999);
            let id = AccountId::new_unchecked(n.to_string());
            if !state.accounts.contains_key(&id) {
                break id;
            }
        };
        let parent = if parents.is_empty() || rng.u8(..100) < 3 {
            root.clone()
        } else {
            parents[rng.usize(..parents.len())].0.clone()
        };
        let team = TEAMS[rng.usize(..TEAMS.len())];
        let env = ENVS[rng.usize(..ENVS.len())];
        let name = format!("{team}-{env}-{i:05}");
        let joined = start.plus_ms(rng.i64(0..700 * 86_400) * 1000);
        let closed = rng.u16(..1000) < 5;
        state.accounts.insert(
            id.clone(),
            AccountRecord {
                id: id.clone(),
                email: format!("aws+{name}@example.com"),
                name,
                state: if closed { AccountState::Closed } else { AccountState::Active },
                status: if closed { AccountStatus::Suspended } else { AccountStatus::Active },
                joined_method: if rng.u8(..10) < 8 { JoinedMethod::Created } else { JoinedMethod::Invited },
                joined_timestamp: joined,
                membership: Membership::Member(parent),
                tags: vec![Tag::new("team", team), Tag::new("environment", env)],
                created_at: joined,
                closure_requested_at: closed.then_some(joined),
                closed_at: closed.then_some(joined),
                readiness: Default::default(),
            },
        );
        org.attach_defaults(id.as_str());
    }
    let _ = mgmt;

    // A few SCPs attached near the top, as real organizations have.
    let scps = [
        (
            "DenyLeaveOrganization",
            r#"{"Version":"2012-10-17","Statement":[{"Sid":"DenyLeave","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}"#,
        ),
        (
            "DenyRootUser",
            r#"{"Version":"2012-10-17","Statement":[{"Sid":"DenyRoot","Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]}"#,
        ),
        (
            "RegionAllowList",
            r#"{"Version":"2012-10-17","Statement":[{"Sid":"DenyOtherRegions","Effect":"Deny","NotAction":["iam:*","organizations:*","sts:*","support:*","cloudfront:*","route53:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","us-east-1"]}}}]}"#,
        ),
    ];
    for (i, (name, content)) in scps.iter().enumerate() {
        let id = PolicyId::new_unchecked(format!("p-gen{:05}", i));
        org.policies.insert(
            id.clone(),
            PolicyRecord {
                id: id.clone(),
                name: (*name).into(),
                description: format!("{name} (generated)"),
                policy_type: PolicyType::ServiceControlPolicy,
                aws_managed: false,
                content: (*content).into(),
                tags: Vec::new(),
            },
        );
        let target = if i == 0 {
            org.root_id.to_string()
        } else {
            match parents.get(i) {
                Some((p, _)) => p.to_string(),
                None => org.root_id.to_string(),
            }
        };
        org.attach_unchecked(&target, &id);
    }
    state.costs = std::sync::Arc::new(super::generate_costs::generate_costs(&state, seed));
    Ok(state)
}
