//! Billing benchmarks (issue 18): a generated 10,000-account organization with 12 months × 15
//! services (1.8 million cost rows): the roll-up by OU from scratch, switching to a month not
//! rolled up yet (totals, the selection's breakdown and the top movers), and peak memory.
//! Run with `cargo bench --bench costs`.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use orgtui::engine::costs::Rollup;
use orgtui::engine::{Engine, ManualClock};
use orgtui::model::Timestamp;
use std::hint::black_box;
use std::time::Duration;

fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn benches(c: &mut Criterion) {
    let state = orgtui::snapshot::generate::generate(10_000, 1_000, 7).unwrap();
    let costs = state.costs.clone();
    let months = costs.months().to_vec();
    let engine =
        Engine::from_state(state, Box::new(ManualClock::new(Timestamp(1_764_000_000_000))), 1).unwrap();
    let org = engine.to_snapshot();
    eprintln!(
        "10k org: {} cost rows over {} months, {} services; peak RSS so far {:.0} MB",
        costs.len(),
        months.len(),
        costs.services().len(),
        peak_rss_mb().unwrap_or(0.0)
    );
    let (last, before) = (months[months.len() - 1], months[months.len() - 3]);
    let mut g = c.benchmark_group("costs");
    g.sample_size(20).measurement_time(Duration::from_secs(5));
    g.bench_function("roll-up by OU from scratch (tree + one month)", |b| {
        b.iter(|| {
            let r = Rollup::new(costs.clone(), &org);
            black_box(r.totals(last).map(|t| t[0]));
        })
    });
    g.bench_function("switch month (roll-up, root breakdown, change, top movers)", |b| {
        b.iter_batched(
            || {
                let r = Rollup::new(costs.clone(), &org);
                let _ = r.totals(last);
                r
            },
            |r| {
                black_box(r.totals(before).map(|t| t[0]));
                black_box(r.breakdown(0, before));
                black_box(r.change(0, before));
                black_box(r.top_movers(before, 10));
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
    eprintln!("peak RSS {:.0} MB", peak_rss_mb().unwrap_or(0.0));
}

criterion_group!(costs, benches);
criterion_main!(costs);
