//! Policy evaluation benchmarks: decisions per second on the sample organization's SCP/RCP
//! chains (target ≥ 200,000/s in-process), and a 10,000-account × 100-action decision matrix
//! over a generated organization (target < 2 s). Run with `cargo bench --bench policy`;
//! figures are reported in README.md.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use orgtui::engine::{Engine, ManualClock};
use orgtui::model::{OrgSnapshot, Timestamp};
use orgtui::policy::{
    CompiledPolicy, EvaluationInput, OrgPolicies, PolicyKind, Request, evaluate, evaluate_decision,
};
use orgtui::snapshot;
use std::hint::black_box;
use std::time::{Duration, Instant};

const NOW: Timestamp = Timestamp(1_764_000_000_000);

fn org_snapshot(state: orgtui::engine::EngineState) -> OrgSnapshot {
    Engine::from_state(state, Box::new(ManualClock::new(NOW)), 1).expect("valid state").to_snapshot()
}

/// Realistic actions across services (some RCP-supported, some region-locked, some denied).
const ACTIONS: &[&str] = &[
    "s3:GetObject",
    "s3:PutObject",
    "ec2:RunInstances",
    "ec2:DescribeInstances",
    "iam:CreateRole",
    "kms:Decrypt",
    "sts:AssumeRole",
    "organizations:LeaveOrganization",
    "cloudtrail:StopLogging",
    "lambda:InvokeFunction",
    "dynamodb:PutItem",
    "redshift:CreateCluster",
    "sqs:SendMessage",
    "guardduty:DeleteDetector",
    "route53:ChangeResourceRecordSets",
    "bedrock:InvokeModel",
];

fn requests(accounts: &[String], actions: &[String], org: &OrgPolicies) -> Vec<(String, Request)> {
    let mut out = Vec::new();
    for (i, a) in accounts.iter().enumerate() {
        for (j, action) in actions.iter().enumerate() {
            let region = if (i + j) % 5 == 0 { "ap-south-1" } else { "eu-west-1" };
            let mut req = Request::new(
                &format!("arn:aws:iam::{a}:role/App"),
                action,
                if action.starts_with("s3:") { "arn:aws:s3:::example-bucket/key" } else { "*" },
                None,
                vec![
                    ("aws:RequestedRegion".to_string(), vec![region.to_string()]),
                    ("aws:SecureTransport".to_string(), vec!["true".to_string()]),
                ],
            );
            org.add_org_keys(&mut req, Some(a));
            out.push((a.clone(), req));
        }
    }
    out
}

fn sample_benches(c: &mut Criterion) {
    let loaded = snapshot::sample().expect("sample");
    let org = OrgPolicies::from_snapshot(&org_snapshot(loaded.state));
    let snap_accounts: Vec<String> =
        loaded.extras.principals.iter().map(|p| p.account_id.clone()).chain(sample_accounts(&org)).collect();
    let actions: Vec<String> = ACTIONS.iter().map(|s| s.to_string()).collect();
    let reqs = requests(&snap_accounts, &actions, &org);
    let levels: Vec<_> =
        reqs.iter().map(|(a, r)| org.account_levels(a, r.resource_account.as_deref().unwrap_or(a))).collect();
    let identity = vec![
        CompiledPolicy::parse(
            "admin",
            PolicyKind::Identity,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"NoKeys","Effect":"Deny","Action":"iam:CreateAccessKey","Resource":"*"}]}"#,
        )
        .unwrap(),
    ];
    let n = reqs.len();
    let mut g = c.benchmark_group("policy_sample_org");
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function(format!("simulate {n} requests (trace included)"), |b| {
        b.iter(|| {
            let mut allowed = 0usize;
            for ((a, r), lv) in reqs.iter().zip(&levels) {
                let input = EvaluationInput {
                    identity: &identity,
                    scps: lv.scps.as_deref(),
                    rcps: lv.rcps.as_deref(),
                    management_account: Some(&org.management_account),
                    scp_account: Some(a),
                    ..EvaluationInput::default()
                };
                allowed +=
                    (evaluate(black_box(r), &input).decision == orgtui::policy::Decision::Allowed) as usize;
            }
            allowed
        })
    });
    g.bench_function(format!("decide {n} requests (deciding statement, no trace)"), |b| {
        b.iter(|| {
            let mut allowed = 0usize;
            for ((a, r), lv) in reqs.iter().zip(&levels) {
                let input = EvaluationInput {
                    identity: &identity,
                    scps: lv.scps.as_deref(),
                    rcps: lv.rcps.as_deref(),
                    management_account: Some(&org.management_account),
                    scp_account: Some(a),
                    ..EvaluationInput::default()
                };
                allowed += (evaluate_decision(black_box(r), &input).decision
                    == orgtui::policy::Decision::Allowed) as usize;
            }
            allowed
        })
    });
    g.bench_function(format!("simulate {n} requests with JSON output"), |b| {
        b.iter(|| {
            let mut bytes = 0usize;
            for ((a, r), lv) in reqs.iter().zip(&levels) {
                let input = EvaluationInput {
                    identity: &identity,
                    scps: lv.scps.as_deref(),
                    rcps: lv.rcps.as_deref(),
                    management_account: Some(&org.management_account),
                    scp_account: Some(a),
                    ..EvaluationInput::default()
                };
                bytes += evaluate(black_box(r), &input).to_json().len();
            }
            bytes
        })
    });
    g.finish();
}

fn sample_accounts(org: &OrgPolicies) -> Vec<String> {
    // Every 12-digit id that has a chain.
    let loaded = snapshot::sample().expect("sample");
    loaded.state.accounts.keys().map(|a| a.as_str().to_string()).filter(|a| org.has_account(a)).collect()
}

fn matrix_benches(c: &mut Criterion) {
    let state = snapshot::generate::generate(10_000, 1_000, 7).expect("generate");
    let snap = org_snapshot(state);
    let build = Instant::now();
    let org = OrgPolicies::from_snapshot(&snap);
    eprintln!("OrgPolicies::from_snapshot (10k accounts, 1k OUs): {:?}", build.elapsed());
    let accounts: Vec<String> = snap.accounts.iter().map(|a| a.account.id.as_str().to_string()).collect();
    // 100 actions: the realistic list expanded with per-service variants.
    let actions: Vec<String> = (0..100)
        .map(|i| {
            let base = ACTIONS[i % ACTIONS.len()];
            if i < ACTIONS.len() { base.to_string() } else { format!("{base}V{i}") }
        })
        .collect();
    let identity = vec![
        CompiledPolicy::parse(
            "admin",
            PolicyKind::Identity,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
        )
        .unwrap(),
    ];
    let matrix = |org: &OrgPolicies| -> [usize; 3] {
        let mut counts = [0usize; 3];
        for a in &accounts {
            let principal = format!("arn:aws:iam::{a}:role/App");
            let levels = org.account_levels(a, a);
            let input = EvaluationInput {
                identity: &identity,
                scps: levels.scps.as_deref(),
                rcps: levels.rcps.as_deref(),
                management_account: Some(&org.management_account),
                scp_account: Some(a),
                ..EvaluationInput::default()
            };
            let mut req = Request::new(
                &principal,
                "s3:GetObject",
                "*",
                None,
                vec![("aws:RequestedRegion".to_string(), vec!["eu-west-1".to_string()])],
            );
            org.add_org_keys(&mut req, Some(a));
            for action in &actions {
                req.set_action(action);
                counts[evaluate_decision(&req, &input).decision as usize] += 1;
            }
        }
        counts
    };
    let t = Instant::now();
    let counts = matrix(&org);
    eprintln!(
        "matrix 10,000 accounts x 100 actions: {:?} (allowed {}, implicitly denied {}, explicitly denied {})",
        t.elapsed(),
        counts[0],
        counts[1],
        counts[2]
    );
    let mut g = c.benchmark_group("policy_matrix_10k");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Elements((accounts.len() * actions.len()) as u64));
    g.bench_function("10,000 accounts x 100 actions", |b| b.iter(|| matrix(black_box(&org))));
    g.bench_function("OrgPolicies::from_snapshot", |b| {
        b.iter(|| OrgPolicies::from_snapshot(black_box(&snap)))
    });
    g.finish();
}

criterion_group!(benches, sample_benches, matrix_benches);
criterion_main!(benches);
