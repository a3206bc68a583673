//! The Billing page on a paid Cost Explorer: the start reads the disk cache only, `R` says how
//! many paid requests it makes and asks once per session, later refreshes go without asking.

mod tui_support;
use async_trait::async_trait;
use crossterm::event::KeyCode;
use orgtui::backend::costs::cache::CostCache;
use orgtui::backend::costs::memory::MemoryCosts;
use orgtui::backend::costs::{CostExplorerBackend, CostPages, CostQuery, CostsService};
use orgtui::model::costexplorer::{CeResult, Month};
use orgtui::tui::app::{App, SessionInfo};
use orgtui::tui::dialog::Modal;
use orgtui::tui::keymap::Keymap;
use orgtui::tui::msg::{Call, CostsCall, Effect, Msg};
use orgtui::tui::theme::Theme;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tui_support::*;

/// The sample's billing data, billed like the live service (and counting its requests).
struct Paid {
    inner: MemoryCosts,
    now: Month,
    requests: Arc<AtomicUsize>,
}

#[async_trait]
impl CostExplorerBackend for Paid {
    async fn monthly_costs(&self, q: &CostQuery, p: &(dyn Fn(usize) + Send + Sync)) -> CeResult<CostPages> {
        let pages = self.inner.monthly_costs(q, p).await?;
        self.requests.fetch_add(pages.requests, Ordering::SeqCst);
        Ok(pages)
    }
    fn paid(&self) -> bool {
        true
    }
    fn current_month(&self) -> Month {
        self.now
    }
}

struct Session {
    app: App,
    service: CostsService,
    requests: Arc<AtomicUsize>,
    rt: tokio::runtime::Runtime,
    _dir: tempfile::TempDir,
}

impl Session {
    /// Runs the Cost Explorer calls among `effects`; returns how many there were.
    fn run(&mut self, effects: Vec<Effect>) -> usize {
        let mut n = 0;
        for e in effects {
            if let Effect::Call { op, call: Call::Costs(call) } = e {
                n += 1;
                let result = self.rt.block_on(orgtui::tui::effects::perform_costs(Some(&self.service), call));
                let more = update(&mut self.app, Msg::OpDone { op, result });
                n += self.run(more);
            }
        }
        n
    }
}

fn session() -> (Session, Vec<Effect>) {
    let engine = orgtui::snapshot::sample_engine().unwrap();
    let now = Month::of_timestamp(engine.now());
    let snapshot = engine.to_snapshot();
    let requests = Arc::new(AtomicUsize::new(0));
    let paid =
        Paid { inner: MemoryCosts::new(Arc::new(Mutex::new(engine))), now, requests: requests.clone() };
    let dir = tempfile::tempdir().unwrap();
    let service = CostsService::new(Arc::new(paid), CostCache::at(dir.path()));
    let mut app = App::new(
        SessionInfo { label: "LIVE test".into(), writable: false, guarded: true },
        Theme::plain(),
        Keymap::default(),
        (120, 36),
    );
    app.shared.costs_paid = Some(true);
    orgtui::tui::update::start(&mut app);
    let effects = update(&mut app, Msg::Loaded { generation: 1, result: Ok(Arc::new(snapshot)) });
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    (Session { app, service, requests, rt, _dir: dir }, effects)
}

fn refreshes(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::Call { call: Call::Costs(CostsCall::Refresh { .. }), .. }))
        .count()
}

#[test]
fn the_start_reads_the_cache_only_and_a_refresh_asks_once() {
    let (mut s, effects) = session();
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Call { call: Call::Costs(CostsCall::Open { .. }), .. })),
        "the first load asks for the cached months: {effects:?}"
    );
    assert_eq!(refreshes(&effects), 0, "never a paid fetch on start");
    s.run(effects);
    assert_eq!(s.requests.load(Ordering::SeqCst), 0, "opening made no paid request");
    press(&mut s.app, KeyCode::Char('8'));
    let screen = render(&s.app);
    assert!(screen.contains("No cached UnblendedCost costs"), "{screen}");
    assert!(screen.contains("R fetches them"), "the page says which key fetches: {screen}");

    let effects = press(&mut s.app, KeyCode::Char('R'));
    assert!(effects.is_empty(), "R asks before any paid request: {effects:?}");
    let Some(Modal::Confirm(c)) = &s.app.modal else { panic!("a confirmation: {:?}", s.app.modal) };
    let months = 12;
    assert!(c.lines[0].contains(&format!("about {months} paid requests")), "{:?}", c.lines);
    assert!(c.lines[0].contains("USD 0.12"), "{:?}", c.lines);
    let screen = render(&s.app);
    assert!(screen.contains("paid request"), "{screen}");

    type_str(&mut s.app, "yes");
    let effects = press(&mut s.app, KeyCode::Enter);
    assert_eq!(refreshes(&effects), 1, "{effects:?}");
    s.run(effects);
    assert!(s.app.modal.is_none(), "the dialog closes on the answer");
    assert_eq!(s.requests.load(Ordering::SeqCst), months, "one request per month");
    assert!(s.app.pages.billing.confirmed);
    let screen = render(&s.app);
    assert!(screen.contains("Billing"), "{screen}");
    assert!(screen.contains("as of"), "the title says when the months were fetched: {screen}");
    assert!(
        format!("{:?}", s.app.status).contains("Cost Explorer read: 12 paid requests (USD 0.12)"),
        "{:?}",
        s.app.status
    );

    let effects = press(&mut s.app, KeyCode::Char('R'));
    assert!(s.app.modal.is_none(), "asked once per session");
    assert_eq!(refreshes(&effects), 1, "{effects:?}");
    s.run(effects);
    assert_eq!(s.requests.load(Ordering::SeqCst), months + 1, "only the current month again");
}

#[test]
fn declining_makes_no_request_and_asks_again_next_time() {
    let (mut s, effects) = session();
    s.run(effects);
    press(&mut s.app, KeyCode::Char('8'));
    press(&mut s.app, KeyCode::Char('R'));
    let effects = press(&mut s.app, KeyCode::Esc);
    assert!(effects.is_empty() && s.app.modal.is_none());
    assert_eq!(s.requests.load(Ordering::SeqCst), 0);
    press(&mut s.app, KeyCode::Char('R'));
    assert!(matches!(s.app.modal, Some(Modal::Confirm(_))), "not agreed yet: asks again");
}

#[test]
fn metric_switches_to_that_metrics_cache() {
    let (mut s, effects) = session();
    s.run(effects);
    press(&mut s.app, KeyCode::Char('8'));
    let effects = command(&mut s.app, "metric net_unblended_cost");
    assert!(
        effects.iter().any(|e| matches!(
            e,
            Effect::Call { call: Call::Costs(CostsCall::Open { metric, .. }), .. } if metric == "NetUnblendedCost"
        )),
        "{effects:?}"
    );
    s.run(effects);
    assert_eq!(s.requests.load(Ordering::SeqCst), 0, "switching metric reads the cache only");
    assert!(render(&s.app).contains("No cached NetUnblendedCost costs"));
    command(&mut s.app, "metric Dollars");
    assert!(format!("{:?}", s.app.status).contains("metric: one of"), "{:?}", s.app.status);
}
