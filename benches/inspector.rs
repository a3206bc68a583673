//! Inspector benchmarks (issue 6 point 7): the decision matrix of a generated 1,000-account
//! organization × 50 actions — computed alone, computed and drawn, drawn from the cache, and
//! recomputed and drawn after an edit (an SCP draft with what-if on: stored and draft matrices;
//! an edit of the action list). Target: < 300 ms. Run with `cargo bench --bench inspector`.

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use orgtui::engine::{Engine, ManualClock};
use orgtui::model::Timestamp;
use orgtui::policy::OrgPolicies;
use orgtui::policy::matrix;
use orgtui::tui::app::{App, SessionInfo};
use orgtui::tui::keymap::Keymap;
use orgtui::tui::msg::Msg;
use orgtui::tui::pages::inspector::compute;
use orgtui::tui::theme::Theme;
use orgtui::tui::{update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

const DRAFT_A: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"DenyLeave","Effect":"Deny","Action":["organizations:LeaveOrganization","iam:CreateUser"],"Resource":"*"}]}"#;
const DRAFT_B: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"DenyLeave","Effect":"Deny","Action":["organizations:LeaveOrganization","ec2:*"],"Resource":"*"}]}"#;

fn app_on_matrix() -> App {
    let state = orgtui::snapshot::generate::generate(1_000, 100, 7).unwrap();
    let engine =
        Engine::from_state(state, Box::new(ManualClock::new(Timestamp(1_764_000_000_000))), 1).unwrap();
    let mut app = App::new(
        SessionInfo { label: "FILE generated.json".into(), writable: true, guarded: false },
        Theme::plain(),
        Keymap::default(),
        (120, 36),
    );
    update::start(&mut app);
    update::update(&mut app, Msg::Loaded { generation: 1, result: Ok(Arc::new(engine.to_snapshot())) });
    update::update(&mut app, Msg::Key(KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE)));
    update::update(&mut app, Msg::Key(KeyEvent::new(KeyCode::Char('M'), KeyModifiers::NONE)));
    let s = &mut app.pages.inspector;
    s.actions = actions();
    s.context = "aws:RequestedRegion=eu-west-1".into();
    app
}

/// 50 actions: the default admin actions, then catalogue actions of common services.
fn actions() -> Vec<String> {
    let mut out: Vec<String> = matrix::DEFAULT_ACTIONS.iter().map(|s| s.to_string()).collect();
    for svc in ["s3:", "ec2:", "iam:", "kms:", "lambda:", "dynamodb:"] {
        out.extend(orgtui::catalog::complete_action(svc).take(6).map(|a| a.full_name()));
    }
    out.truncate(50);
    assert_eq!(out.len(), 50);
    out
}

fn draw(term: &mut Terminal<TestBackend>, app: &App) {
    term.draw(|f| view::draw(f, app)).unwrap();
}

fn benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("inspector");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    let mut app = app_on_matrix();
    let mut term = Terminal::new(TestBackend::new(120, 36)).unwrap();

    let t = Instant::now();
    draw(&mut term, &app);
    let m = compute::matrix(&app.view(&app.pages.inspector)).unwrap();
    let (a, d, i) = m.base.counts();
    eprintln!(
        "matrix {} accounts x {} actions (A {a}, D {d}, - {i}); first compute + frame {:.1} ms",
        m.rows.len(),
        m.base.actions.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    assert_eq!((m.rows.len(), m.base.actions.len()), (1_000, 50));

    let snap = app.shared.data.as_ref().unwrap().snapshot.clone();
    let org = OrgPolicies::from_snapshot(&snap);
    let rows = compute::rows(&app.view(&app.pages.inspector));
    let acts = actions();
    let ctx = matrix::parse_context("aws:RequestedRegion=eu-west-1");
    g.bench_function("matrix 1000x50: compute only (policy::matrix::compute)", |b| {
        b.iter(|| black_box(matrix::compute(&org, &rows, &acts, "*", &ctx)))
    });
    g.bench_function("matrix 1000x50: compute + frame (cold: org policies, rows, cells)", |b| {
        b.iter(|| {
            app.pages.inspector.cache.clear();
            draw(&mut term, &app);
        })
    });
    g.bench_function("matrix 1000x50: frame from the cache (cursor move + draw)", |b| {
        b.iter(|| {
            update::update(&mut app, Msg::Key(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE)));
            draw(&mut term, &app);
        })
    });
    let mut flip = false;
    g.bench_function("matrix 1000x50: edit the action list + recompute + frame", |b| {
        b.iter(|| {
            flip = !flip;
            app.pages.inspector.actions[49] =
                if flip { "ec2:DeleteVpc".into() } else { "s3:DeleteBucket".into() };
            draw(&mut term, &app);
        })
    });
    app.pages.inspector.what_if = true;
    g.bench_function("matrix 1000x50: SCP draft edit, what-if on (stored + draft) + frame", |b| {
        b.iter(|| {
            flip = !flip;
            app.shared.drafts.insert("p-gen00000".into(), if flip { DRAFT_A } else { DRAFT_B }.into());
            draw(&mut term, &app);
        })
    });
    let m = compute::matrix(&app.view(&app.pages.inspector)).unwrap();
    eprintln!("what-if: {} cells change", m.what_if.as_ref().map_or(0, |w| w.2));
    g.finish();
}

criterion_group!(inspector, benches);
criterion_main!(inspector);
