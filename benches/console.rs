//! Console benchmarks (DESIGN.md §7): time to first frame on the sample org, frame time and
//! filter keystroke time on a generated 10,000-account / 1,000-OU org with the tree fully
//! expanded, and peak memory. Run with `cargo bench --bench console`.

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use orgtui::engine::{Engine, ManualClock};
use orgtui::model::Timestamp;
use orgtui::tui::app::{App, SessionInfo};
use orgtui::tui::keymap::Keymap;
use orgtui::tui::msg::Msg;
use orgtui::tui::theme::Theme;
use orgtui::tui::{update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

fn app_with(snapshot: orgtui::model::OrgSnapshot) -> App {
    let mut app = App::new(
        SessionInfo { label: "SAMPLE".into(), writable: true, guarded: false },
        Theme::plain(),
        Keymap::default(),
        (120, 36),
    );
    update::start(&mut app);
    update::update(&mut app, Msg::Loaded { generation: 1, result: Ok(Arc::new(snapshot)) });
    app
}

fn draw(term: &mut Terminal<TestBackend>, app: &App) {
    term.draw(|f| view::draw(f, app)).unwrap();
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("console");
    g.sample_size(20).measurement_time(Duration::from_secs(5));
    g.bench_function("first frame on the sample org (load + build + draw)", |b| {
        b.iter(|| {
            let snapshot = orgtui::snapshot::sample_engine().unwrap().to_snapshot();
            let app = app_with(snapshot);
            let mut term = Terminal::new(TestBackend::new(120, 36)).unwrap();
            draw(&mut term, &app);
            black_box(term.backend().buffer().area);
        })
    });

    let state = orgtui::snapshot::generate::generate(10_000, 1_000, 7).unwrap();
    let engine =
        Engine::from_state(state, Box::new(ManualClock::new(Timestamp(1_764_000_000_000))), 1).unwrap();
    let mut app = app_with(engine.to_snapshot());
    // Expand everything.
    let ids: Vec<String> =
        app.shared.data.as_ref().unwrap().tree.nodes.iter().map(|n| n.id.clone()).collect();
    app.pages.accounts.opened.extend(ids);
    app.with_pages(|p, env| orgtui::tui::pages::accounts::rerow(&mut env.cx(&mut p.accounts)));
    let rows = app.pages.accounts.rows.len();
    eprintln!("10k org: {rows} visible rows, peak RSS so far {:.0} MB", peak_rss_mb().unwrap_or(0.0));
    let mut term = Terminal::new(TestBackend::new(120, 36)).unwrap();
    g.bench_function("frame, 10k accounts fully expanded", |b| b.iter(|| draw(&mut term, &app)));
    g.bench_function("move down + frame, 10k expanded", |b| {
        b.iter(|| {
            update::update(&mut app, Msg::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)));
            draw(&mut term, &app);
        })
    });
    update::update(&mut app, key('/'));
    // One keystroke per iteration: alternately type `e` and delete it, drawing after each.
    let mut typed = false;
    g.bench_function("filter keystroke + frame, 10k expanded", |b| {
        b.iter(|| {
            let k = if typed {
                Msg::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE))
            } else {
                key('e')
            };
            typed = !typed;
            update::update(&mut app, k);
            draw(&mut term, &app);
        })
    });
    g.finish();
    eprintln!("peak RSS {:.0} MB", peak_rss_mb().unwrap_or(0.0));
}

/// The Activity page's filter over 10,000 CloudTrail events, per keystroke (target ≤ 10 ms).
fn activity_filter(c: &mut Criterion) {
    use orgtui::tui::pages::activity::filter::{Index, Query};
    let (state, _, _) = orgtui::snapshot::sample_parts().expect("sample");
    let sample: Vec<_> = state.cloudtrail.events.iter().map(|e| (**e).clone()).collect();
    let events: Vec<_> = sample.iter().cycle().take(10_000).cloned().collect();
    let index = Index::new(&events);
    let mut typed = String::new();
    for ch in "moveaccount".chars() {
        typed.push(ch);
        let q = Query { text: typed.clone(), ..Default::default() };
        let name = format!("activity filter 10000 events /{typed}");
        if typed.len() == 1 || typed.len() == 11 {
            c.bench_function(&name, |b| b.iter(|| index.filter(&q).len()));
        }
    }
    let q = Query { text: "768577858054".into(), ..Default::default() };
    c.bench_function("activity filter 10000 events by account id", |b| b.iter(|| index.filter(&q).len()));
    c.bench_function("activity index 10000 events", |b| b.iter(|| Index::new(&events)));
}

criterion_group!(console, benches, activity_filter);
criterion_main!(console);
