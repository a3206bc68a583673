//! Whole-organization load through the live backend, against any endpoint (moto in
//! scripts/bench-aws-load.sh): wall time and API calls of the tree walk (the same data the
//! AWS CLI script lists) and of the full load (tree, tags, policies, attachments, services).
//!
//! `cargo bench --bench aws_load -- ENDPOINT_URL` (credentials: fixed test keys).
//! Prints one JSON object per measurement.

use orgtui::backend::OrgBackend;
use orgtui::backend::aws::{AwsBackend, AwsOptions};
use orgtui::backend::walk::{all_pages, walk_tree};
use orgtui::model::*;
use std::time::{Duration, Instant};

/// The tree only: roots, then per parent its OUs and its accounts (every page), with at most
/// `concurrency` calls in flight — the loader's own tree walk; returns (OUs, accounts).
async fn load_tree(b: &AwsBackend, concurrency: usize) -> OrgResult<(usize, usize)> {
    let roots = all_pages(|next_token| async move {
        let r = b.list_roots(ListRootsRequest { next_token, max_results: None }).await?;
        Ok((r.roots, r.next_token))
    })
    .await?;
    let (mut ous, mut accounts) = (0, 0);
    for root in roots {
        let (o, a) = walk_tree(b, &root.id, concurrency, &|_| {}).await?;
        ous += o.len();
        accounts += a.len();
    }
    Ok((ous, accounts))
}

fn report(what: &str, b: &AwsBackend, elapsed: Duration, extra: serde_json::Value) {
    let stats = b.stats();
    let by_op: serde_json::Map<String, serde_json::Value> =
        stats.by_operation().into_iter().map(|(k, v)| (k.to_string(), v.into())).collect();
    println!(
        "{}",
        serde_json::json!({
            "measure": what,
            "wall_seconds": (elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
            "calls": stats.calls(),
            "http_attempts": stats.attempts(),
            "calls_by_operation": by_op,
            "result": extra,
        })
    );
}

fn main() {
    let endpoint = std::env::args().skip(1).find(|a| a.starts_with("http")).unwrap_or_else(|| {
        eprintln!("usage: cargo bench --bench aws_load -- ENDPOINT_URL");
        std::process::exit(2)
    });
    let concurrency: usize =
        std::env::var("ORGTUI_LOAD_CONCURRENCY").ok().and_then(|c| c.parse().ok()).unwrap_or(8);
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    rt.block_on(async {
        let opts = AwsOptions {
            endpoint_url: Some(endpoint),
            region: Some("us-east-1".into()),
            static_credentials: Some(("AKIDBENCH".into(), "bench-secret".into())),
            operation_timeout: Duration::from_secs(120),
            concurrency,
            ..AwsOptions::default()
        };
        let b = AwsBackend::connect(&opts).await.expect("connect");

        let t = Instant::now();
        let (ous, accounts) = load_tree(&b, concurrency).await.expect("tree");
        report(
            "tree",
            &b,
            t.elapsed(),
            serde_json::json!({"ous": ous, "accounts": accounts, "concurrency": concurrency}),
        );

        // ListAccounts alone (no parents): how many calls it would take to list every account.
        b.stats().reset();
        let t = Instant::now();
        let all = all_pages(|next_token| {
            let b = &b;
            async move {
                let r = b.list_accounts(ListAccountsRequest { next_token, max_results: None }).await?;
                Ok((r.accounts, r.next_token))
            }
        })
        .await
        .expect("list accounts");
        report("list_accounts_only", &b, t.elapsed(), serde_json::json!({"accounts": all.len()}));

        b.stats().reset();
        let t = Instant::now();
        let snap = b.load_snapshot().await.expect("full load");
        report(
            "full",
            &b,
            t.elapsed(),
            serde_json::json!({
                "ous": snap.organizational_units.len(),
                "accounts": snap.accounts.len(),
                "policies": snap.policies.len(),
                "attachments": snap.attachments.len(),
            }),
        );
    });
}
