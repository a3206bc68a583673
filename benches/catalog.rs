//! Action catalogue benchmarks: first load (parse of the bundled asset), lookups, wildcard
//! expansion, completion and condition key resolution. Run with `cargo bench --bench catalog`;
//! figures are reported in README.md.

use criterion::{Criterion, criterion_group, criterion_main};
use orgtui::catalog::{Catalog, catalog};
use std::hint::black_box;
use std::time::Duration;

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("catalog_load");
    g.sample_size(20).measurement_time(Duration::from_secs(5));
    g.bench_function("parse bundled asset (first catalog() call)", |b| b.iter(Catalog::parse_bundled));
    g.finish();
}

fn lookups(c: &mut Criterion) {
    let cat = catalog();
    let mut g = c.benchmark_group("catalog_lookup");
    g.bench_function("action s3:GetObject", |b| b.iter(|| cat.action(black_box("s3:GetObject")).is_some()));
    g.bench_function("action ORGANIZATIONS:leaveorganization", |b| {
        b.iter(|| cat.action(black_box("ORGANIZATIONS:leaveorganization")).is_some())
    });
    g.bench_function("action unknown", |b| b.iter(|| cat.action(black_box("nope:Nothing")).is_none()));
    g.bench_function("resource_type s3 object", |b| {
        b.iter(|| cat.resource_type(black_box("s3"), black_box("object")).is_some())
    });
    g.bench_function("rcp_supported kms", |b| b.iter(|| cat.rcp_supported(black_box("kms"))));
    for key in [
        "aws:SourceIp",
        "aws:RequestTag/CostCenter",
        "s3:ExistingObjectTag/team",
        "kms:EncryptionContext:Department",
        "token.actions.githubusercontent.com/org:sub",
        "nope:key",
    ] {
        g.bench_function(format!("condition_key {key}"), |b| b.iter(|| cat.condition_key(black_box(key))));
    }
    g.finish();
}

fn expansion(c: &mut Criterion) {
    let cat = catalog();
    let mut g = c.benchmark_group("catalog_expand");
    for pattern in ["s3:GetObject", "s3:Get*", "iam:*User", "*:Get*", "*"] {
        g.bench_function(format!("expand {pattern}"), |b| {
            b.iter(|| cat.expand_action_pattern(black_box(pattern)))
        });
    }
    for prefix in ["s3:GetObj", "ec2:", "s"] {
        g.bench_function(format!("complete {prefix} (count)"), |b| {
            b.iter(|| cat.complete_action(black_box(prefix)).len())
        });
    }
    g.bench_function("complete s3:GetObj (collect names)", |b| {
        b.iter(|| cat.complete_action(black_box("s3:GetObj")).map(|a| a.full_name()).collect::<Vec<_>>())
    });
    g.finish();
}

criterion_group!(benches, load, lookups, expansion);
criterion_main!(benches);
