//! Cost Explorer behind its trait: the live implementation (`aws-sdk-costexplorer`) against
//! `orgtui serve` answers the same grouped table as the memory backend; the disk cache makes
//! no request for a closed month twice (counted where serve answers them, through a counting
//! relay); a corrupt cache file is reported and fetched again; `orgtui costs --aws` says how
//! many paid requests it made.

mod aws_support;
use aws_support::servers::{Server, start_serve_sample};
use orgtui::backend::aws::AwsOptions;
use orgtui::backend::costs::aws::AwsCosts;
use orgtui::backend::costs::cache::CostCache;
use orgtui::backend::costs::memory::MemoryCosts;
use orgtui::backend::costs::{CostExplorerBackend, CostQuery, CostsService, to_cost_data};
use orgtui::engine::costs::CostData;
use orgtui::model::costexplorer::Month;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A relay on 127.0.0.1 in front of `serve` that counts the GetCostAndUsage requests passing
/// through it (each carries its `X-Amz-Target` header once).
struct Relay {
    url: String,
    count: Arc<AtomicUsize>,
}

fn relay(to: &str) -> Relay {
    let target = to.trim_start_matches("http://").to_string();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let c = count.clone();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let Ok(server) = TcpStream::connect(&target) else { continue };
            let (mut c_in, mut s_out) = (client.try_clone().unwrap(), server.try_clone().unwrap());
            let counter = c.clone();
            std::thread::spawn(move || {
                let needle = b"AWSInsightsIndexService.GetCostAndUsage";
                let mut tail: Vec<u8> = Vec::new();
                let mut buf = [0u8; 16384];
                while let Ok(n) = c_in.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    tail.extend_from_slice(&buf[..n]);
                    let found = tail.windows(needle.len()).filter(|w| *w == needle).count();
                    counter.fetch_add(found, Ordering::SeqCst);
                    let keep = tail.len().saturating_sub(needle.len() - 1);
                    let cut = if found > 0 { tail.len() } else { keep };
                    tail.drain(..cut.min(tail.len()));
                    if s_out.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
                let _ = s_out.shutdown(std::net::Shutdown::Write);
            });
            let (mut s_in, mut c_out) = (server, client);
            std::thread::spawn(move || {
                let _ = std::io::copy(&mut s_in, &mut c_out);
                let _ = c_out.shutdown(std::net::Shutdown::Write);
            });
        }
    });
    Relay { url, count }
}

fn sample() -> orgtui::engine::Engine {
    orgtui::snapshot::sample_engine().unwrap()
}

/// The sample's current month and its billing months.
fn sample_months() -> (Month, Month) {
    let e = sample();
    (*e.state().costs.months().first().unwrap(), Month::of_timestamp(e.now()))
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

async fn live(url: &str) -> AwsCosts {
    let opts = AwsOptions {
        endpoint_url: Some(url.to_string()),
        max_attempts: 1,
        operation_timeout: Duration::from_secs(20),
        static_credentials: Some(("AKIDCOSTS".into(), "test-secret".into())),
        ..AwsOptions::default()
    };
    AwsCosts::connect(&opts).await.expect("connect").with_current_month(sample_months().1)
}

/// Every cell, amounts to the cent (the wire carries decimal strings).
fn cells(d: &CostData) -> Vec<(Month, String, String, i64)> {
    d.rows().map(|(m, a, s, v)| (m, a.to_string(), s.to_string(), (v * 100.0).round() as i64)).collect()
}

struct Setup {
    _serve: Server,
    relay: Relay,
    org: String,
}

fn setup() -> Setup {
    let serve = start_serve_sample(&[]);
    let relay = relay(&serve.url);
    let org = sample().to_snapshot().organization.unwrap().id.to_string();
    Setup { _serve: serve, relay, org }
}

#[test]
fn the_live_table_equals_the_memory_backends() {
    let s = setup();
    let (first, now) = sample_months();
    let q = CostQuery { first, last: now, metric: "UnblendedCost".into() };
    let rt = rt();
    let memory = MemoryCosts::new(Arc::new(Mutex::new(sample())));
    let from_memory = rt.block_on(memory.monthly_costs(&q, &|_| {})).unwrap();
    let pages = Arc::new(AtomicUsize::new(0));
    let p = pages.clone();
    let progress = move |n: usize| p.store(n, Ordering::SeqCst);
    let from_live =
        rt.block_on(async { live(&s.relay.url).await.monthly_costs(&q, &progress).await }).unwrap();
    assert!(!from_memory.months.is_empty());
    let (a, b) = (to_cost_data(&from_memory.months), to_cost_data(&from_live.months));
    assert_eq!(cells(&a), cells(&b), "the grouped table over the wire equals the engine's");
    assert_eq!(cells(&a), cells(&sample().state().costs), "and the snapshot's billing data");
    assert_eq!(from_live.requests, s.relay.count.load(Ordering::SeqCst), "every page is one request");
    assert_eq!(pages.load(Ordering::SeqCst), from_live.requests, "progress hears every page");
    assert_eq!(from_live.months.last().map(|m| m.estimated), Some(true), "the current month is estimated");
}

#[test]
fn closed_months_are_fetched_once_and_the_current_month_only_on_request() {
    let s = setup();
    let dir = tempfile::tempdir().unwrap();
    let (first, now) = sample_months();
    let window = Some((first, now));
    let rt = rt();
    let service = CostsService::new(Arc::new(rt.block_on(live(&s.relay.url))), CostCache::at(dir.path()));
    let opened = rt.block_on(service.open(&s.org, "UnblendedCost", window, &|_| {})).unwrap();
    assert!(opened.paid && opened.data.is_empty(), "opening reads the empty cache only");
    let months = (now.0 - first.0 + 1) as usize;
    assert_eq!(opened.refresh_requests, months, "one request per month to fetch");
    assert_eq!(s.relay.count.load(Ordering::SeqCst), 0, "opening makes no request");

    let first_run = rt.block_on(service.refresh(&s.org, "UnblendedCost", window, false, &|_| {})).unwrap();
    assert_eq!(first_run.requests, months);
    assert_eq!(s.relay.count.load(Ordering::SeqCst), months, "serve answered one request per month");
    assert_eq!(cells(&first_run.data), cells(&sample().state().costs));
    assert!(first_run.as_of.is_some());

    let second = rt.block_on(service.refresh(&s.org, "UnblendedCost", window, false, &|_| {})).unwrap();
    assert_eq!(second.requests, 0, "nothing is fetched twice");
    assert_eq!(s.relay.count.load(Ordering::SeqCst), months, "serve saw no further request");
    assert_eq!(cells(&second.data), cells(&first_run.data));
    assert_eq!(second.to_fetch, vec![now], "a refresh would fetch the current month only");

    let current = rt.block_on(service.refresh(&s.org, "UnblendedCost", window, true, &|_| {})).unwrap();
    assert_eq!(current.requests, 1, "asked for, the current month is fetched again");
    assert_eq!(s.relay.count.load(Ordering::SeqCst), months + 1);

    let other = rt.block_on(service.open(&s.org, "NetUnblendedCost", window, &|_| {})).unwrap();
    assert!(other.data.is_empty(), "each metric has its own cache");
}

#[test]
fn a_corrupt_cache_file_is_reported_and_fetched_again() {
    let s = setup();
    let dir = tempfile::tempdir().unwrap();
    let (first, now) = sample_months();
    let window = Some((first, now));
    let rt = rt();
    let cache = CostCache::at(dir.path());
    let service = CostsService::new(Arc::new(rt.block_on(live(&s.relay.url))), cache.clone());
    rt.block_on(service.refresh(&s.org, "UnblendedCost", window, false, &|_| {})).unwrap();
    let before = s.relay.count.load(Ordering::SeqCst);
    let broken = first.plus(1);
    let file = cache.file(&s.org, "UnblendedCost", broken).unwrap();
    std::fs::write(&file, b"{\"month\": \"2026-").unwrap();

    let opened = rt.block_on(service.open(&s.org, "UnblendedCost", window, &|_| {})).unwrap();
    assert_eq!(opened.problems.len(), 1, "{:?}", opened.problems);
    assert!(opened.problems[0].contains("unreadable cost cache"), "{:?}", opened.problems);
    assert!(opened.to_fetch.contains(&broken));
    assert!(opened.data.month_index(broken).is_none(), "the broken month is not shown");

    let again = rt.block_on(service.refresh(&s.org, "UnblendedCost", window, false, &|_| {})).unwrap();
    assert_eq!(again.requests, 1, "only the broken month is fetched again");
    assert_eq!(s.relay.count.load(Ordering::SeqCst), before + 1);
    assert!(!again.problems.is_empty(), "the refresh still reports what it found");
    assert_eq!(cells(&again.data), cells(&sample().state().costs));
    assert!(cache.read(&s.org, "UnblendedCost", broken).unwrap().is_some(), "the file is whole again");

    std::fs::write(&file, [0xffu8, 0xfe, 0x00]).unwrap();
    let garbage = rt.block_on(service.open(&s.org, "UnblendedCost", window, &|_| {})).unwrap();
    assert_eq!(garbage.problems.len(), 1, "binary garbage is reported too, never a panic");
}

#[test]
fn costs_aws_caches_and_prints_the_paid_requests() {
    let s = setup();
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state");
    let run = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_orgtui"))
            .args(["costs", "--endpoint-url", &s.relay.url, "--by", "account"])
            .args(["--month", "2026-09", "--months", "3", "--format", "csv"])
            .env_clear()
            .env("HOME", home.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("ORGTUI_STATE_DIR", &state)
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_ACCESS_KEY_ID", "AKIDTEST")
            .env("AWS_SECRET_ACCESS_KEY", "test-secret")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{err}");
        (String::from_utf8_lossy(&out.stdout).to_string(), err)
    };
    let (first, err) = run();
    assert!(err.contains("Cost Explorer: 4 paid requests made (USD 0.04)"), "{err}");
    assert_eq!(s.relay.count.load(Ordering::SeqCst), 4, "three months and the one before, once each");
    let (second, err) = run();
    assert!(err.contains("Cost Explorer: 0 paid requests made (USD 0.00)"), "{err}");
    assert_eq!(s.relay.count.load(Ordering::SeqCst), 4, "closed months come from the cache");
    assert_eq!(first, second);
    let offline = std::process::Command::new(env!("CARGO_BIN_EXE_orgtui"))
        .args(["costs", "--by", "account", "--month", "2026-09", "--months", "3", "--format", "csv"])
        .output()
        .unwrap();
    // The same rows; rows whose amounts tie to the cent may sort differently (the wire carries
    // ten decimals, the engine more), so they are compared as sets.
    let sorted = |s: &str| {
        let mut l: Vec<String> = s.lines().map(str::to_string).collect();
        l.sort();
        l
    };
    assert_eq!(
        sorted(&String::from_utf8_lossy(&offline.stdout)),
        sorted(&first),
        "the live table equals the sample's"
    );
}
