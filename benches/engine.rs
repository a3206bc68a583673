//! Engine and snapshot benchmarks on a generated 10,000-account / 1,000-OU organization.
//! Run with `cargo bench --bench engine`; figures are reported in README.md.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use orgtui::engine::{Engine, EngineState, ManualClock};
use orgtui::model::*;
use orgtui::snapshot::{self, Extras, export};
use std::hint::black_box;
use std::time::Duration;

const NOW: Timestamp = Timestamp(1_764_000_000_000);
const M: &Caller = &Caller::Management;

fn big_state() -> EngineState {
    snapshot::generate::generate(10_000, 1_000, 7).expect("generate")
}

fn engine(state: &EngineState) -> Engine {
    Engine::from_state(state.clone(), Box::new(ManualClock::new(NOW)), 1).expect("valid state")
}

fn snapshot_benches(c: &mut Criterion) {
    let state = big_state();
    let text = snapshot::to_json(&state, &Extras::default(), NOW);
    let mut g = c.benchmark_group("snapshot_10k");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("load (parse + check + invariants)", |b| {
        b.iter(|| snapshot::load_str(black_box(&text)).unwrap())
    });
    g.bench_function("export json", |b| {
        b.iter(|| snapshot::to_json(black_box(&state), &Extras::default(), NOW))
    });
    g.bench_function("export tree", |b| b.iter(|| export::tree(black_box(&state))));
    g.bench_function("export csv", |b| b.iter(|| export::csv(black_box(&state))));
    g.bench_function("invariants check", |b| {
        b.iter(|| orgtui::engine::invariants::check(black_box(&state)).unwrap())
    });
    g.finish();
}

fn engine_benches(c: &mut Criterion) {
    let state = big_state();
    let org = state.org.as_ref().unwrap();
    let root = org.root_id.to_string();
    let (ou_a, ou_b) = {
        let mut it = org.ous.values().filter(|o| matches!(o.parent, ParentId::Root(_)));
        (it.next().unwrap().id.to_string(), it.next().unwrap().id.to_string())
    };
    let account = state
        .accounts
        .values()
        .find(|a| {
            a.membership == orgtui::engine::Membership::Member(ParentId::Root(org.root_id.clone()))
                && a.id != org.management
        })
        .unwrap()
        .id
        .to_string();
    let mut g = c.benchmark_group("engine_10k");
    g.sample_size(20).measurement_time(Duration::from_secs(5));
    let mut e = engine(&state);
    g.bench_function("describe_account", |b| {
        b.iter(|| e.describe_account(M, DescribeAccountRequest { account_id: account.clone() }).unwrap())
    });
    g.bench_function("list_children (first page of root accounts)", |b| {
        b.iter(|| {
            e.list_children(
                M,
                ListChildrenRequest {
                    parent_id: root.clone(),
                    child_type: ChildType::Account,
                    ..Default::default()
                },
            )
            .unwrap()
        })
    });
    g.bench_function("list_accounts (all 500 pages)", |b| {
        b.iter(|| {
            let mut token = None;
            let mut n = 0;
            loop {
                let r =
                    e.list_accounts(M, ListAccountsRequest { next_token: token, max_results: None }).unwrap();
                n += r.accounts.len();
                token = r.next_token;
                if token.is_none() {
                    break n;
                }
            }
        })
    });
    g.bench_function("move_account there and back", |b| {
        b.iter(|| {
            let mv = |e: &mut Engine, from: &str, to: &str| {
                e.move_account(
                    M,
                    MoveAccountRequest {
                        account_id: account.clone(),
                        source_parent_id: from.into(),
                        destination_parent_id: to.into(),
                    },
                )
                .unwrap()
            };
            mv(&mut e, &root, &ou_a);
            mv(&mut e, &ou_a, &root);
        })
    });
    g.bench_function("create + delete OU", |b| {
        b.iter(|| {
            let ou = e
                .create_organizational_unit(
                    M,
                    CreateOrganizationalUnitRequest {
                        parent_id: ou_b.clone(),
                        name: "Bench".into(),
                        tags: None,
                    },
                )
                .unwrap()
                .organizational_unit
                .id;
            e.delete_organizational_unit(
                M,
                DeleteOrganizationalUnitRequest { organizational_unit_id: ou.to_string() },
            )
            .unwrap()
        })
    });
    g.bench_function("create + attach + detach + delete SCP", |b| {
        b.iter(|| {
            let p = e
                .create_policy(
                    M,
                    CreatePolicyRequest {
                        content: r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}}"#.into(),
                        description: String::new(),
                        name: "BenchDeny".into(),
                        r#type: PolicyType::ServiceControlPolicy,
                        tags: None,
                    },
                )
                .unwrap()
                .policy
                .policy_summary
                .id
                .to_string();
            e.attach_policy(M, AttachPolicyRequest { policy_id: p.clone(), target_id: ou_a.clone() }).unwrap();
            e.detach_policy(M, DetachPolicyRequest { policy_id: p.clone(), target_id: ou_a.clone() }).unwrap();
            e.delete_policy(M, DeletePolicyRequest { policy_id: p }).unwrap();
        })
    });
    g.bench_function("checkpoint (undo record of a write-back change)", |b| {
        b.iter(|| black_box(e.checkpoint()))
    });
    g.bench_function("move_account there and back, transactional", |b| {
        b.iter(|| {
            for (from, to) in [(&root, &ou_a), (&ou_a, &root)] {
                let before = e.checkpoint();
                let req = MoveAccountRequest {
                    account_id: account.clone(),
                    source_parent_id: from.clone(),
                    destination_parent_id: to.clone(),
                };
                e.move_account(M, req).unwrap();
                drop(black_box(before));
            }
        })
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("org.json");
    snapshot::save_atomic(&path, &snapshot::to_json(e.state(), &Extras::default(), NOW)).expect("write");
    let (file, _) = snapshot::file::OrgFile::open(&path, snapshot::file::Access::Exclusive).expect("open");
    g.bench_function("write-back save (check + to_json + atomic write)", |b| {
        b.iter(|| file.save(e.state(), NOW).unwrap())
    });
    g.bench_function("to_snapshot", |b| b.iter(|| e.to_snapshot()));
    g.bench_function("engine from state (clone + invariants)", |b| {
        b.iter_batched(
            || state.clone(),
            |s| Engine::from_state(s, Box::new(ManualClock::new(NOW)), 1).unwrap(),
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, snapshot_benches, engine_benches);
criterion_main!(benches);
