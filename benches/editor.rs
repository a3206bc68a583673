//! Policy editor benchmarks (issue 6 point 7): lint of a 10,240-character SCP — what every
//! keystroke costs (target < 5 ms) — and a whole keystroke in the editor: key, edit, relint and
//! a 120×36 frame. Run with `cargo bench --bench editor`.

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use orgtui::model::PolicyType;
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

const POLICY: &str = "p-nubu3bh8";
const ACTIONS: &[&str] = &[
    "iam:CreateUser",
    "iam:CreateAccessKey",
    "iam:AttachRolePolicy",
    "cloudtrail:StopLogging",
    "cloudtrail:DeleteTrail",
    "guardduty:DeleteDetector",
    "config:StopConfigurationRecorder",
    "ec2:RunInstances",
    "s3:PutBucketPolicy",
    "kms:ScheduleKeyDeletion",
];

/// A pretty-printed SCP of exactly `max` characters (whole statements, then trailing blanks:
/// whitespace counts toward the size).
fn big_scp(max: usize) -> String {
    let text = statements(max);
    let pad = max.saturating_sub(text.chars().count());
    format!("{text}{}", " ".repeat(pad))
}

fn statements(max: usize) -> String {
    let statement = |i: usize| {
        let a = ACTIONS[i % ACTIONS.len()];
        let b = ACTIONS[(i + 3) % ACTIONS.len()];
        format!(
            "    {{\n      \"Sid\": \"Guard{i:04}\",\n      \"Effect\": \"Deny\",\n      \"Action\": [\n        \"{a}\",\n        \"{b}\"\n      ],\n      \"Resource\": \"*\",\n      \"Condition\": {{\n        \"StringNotEquals\": {{\n          \"aws:PrincipalOrgID\": \"o-ex4mp1e0rg\"\n        }}\n      }}\n    }}"
        )
    };
    let mut body: Vec<String> = Vec::new();
    loop {
        let mut next = body.clone();
        next.push(statement(body.len()));
        let text =
            format!("{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n{}\n  ]\n}}", next.join(",\n"));
        if text.chars().count() > max {
            return format!(
                "{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n{}\n  ]\n}}",
                body.join(",\n")
            );
        }
        body = next;
    }
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn benches(c: &mut Criterion) {
    let text = big_scp(10_240);
    let n = text.chars().count();
    let mut g = c.benchmark_group("editor");
    g.sample_size(30).measurement_time(Duration::from_secs(5));
    g.bench_function(format!("lint a {n}-character SCP"), |b| {
        b.iter(|| black_box(orgtui::policy::lint::lint(PolicyType::ServiceControlPolicy, black_box(&text))))
    });

    let dir = tempfile::tempdir().unwrap();
    orgtui::tui::editor::draft::set_thread_state_dir(Some(dir.path().to_path_buf()));
    let mut snapshot = orgtui::snapshot::sample_engine().unwrap().to_snapshot();
    if let Some(p) = snapshot.policies.iter_mut().find(|p| p.summary.id.as_str() == POLICY) {
        p.content = text.clone();
    }
    let mut app = App::new(
        SessionInfo { label: "SAMPLE".into(), writable: true, guarded: false },
        Theme::plain(),
        Keymap::default(),
        (120, 36),
    );
    update::start(&mut app);
    update::update(&mut app, Msg::Loaded { generation: 1, result: Ok(Arc::new(snapshot)) });
    update::update(&mut app, Msg::Key(KeyEvent::new(KeyCode::Char(':'), KeyModifiers::NONE)));
    for ch in format!("edit-policy {POLICY}").chars() {
        update::update(&mut app, key(KeyCode::Char(ch)));
    }
    update::update(&mut app, key(KeyCode::Enter));
    let findings = app.editor.as_ref().map(|e| e.findings.clone()).unwrap_or_default();
    assert!(!orgtui::policy::lint::has_error(&findings), "the big SCP has no ERROR: {findings:?}");
    eprintln!("editor opened on {n} characters; {} finding(s) (redundancy notes)", findings.len());
    // The cursor inside the Sid of the statement in the middle.
    let row = text.lines().position(|l| l.contains("\"Sid\"")).unwrap_or(0) + 14 * 20;
    if let Some(e) = app.editor.as_mut() {
        e.area.move_cursor(ratatui_textarea::CursorMove::Jump(row as u16, 18));
    }
    let mut term = Terminal::new(TestBackend::new(120, 36)).unwrap();
    g.bench_function(format!("keystroke in the editor: key + relint + 120x36 frame ({n} characters)"), |b| {
        let mut flip = false;
        b.iter(|| {
            flip = !flip;
            let k = if flip { KeyCode::Char('x') } else { KeyCode::Backspace };
            update::update(&mut app, key(k));
            term.draw(|f| view::draw(f, &app)).unwrap();
            black_box(term.backend().buffer().area);
        })
    });
    g.finish();
}

criterion_group!(editor, benches);
criterion_main!(editor);
