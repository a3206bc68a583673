//! The Billing page (8): the tree with each node's cost and change, sort (`s`), month picker
//! (`[`/`]`, `:month`), filter (`/`), and whole-screen snapshots at 80×24 and 120×36.

mod tui_support;
use crossterm::event::KeyCode;
use orgtui::model::costexplorer::Month;
use orgtui::tui::app::App;
use orgtui::tui::cx::Status;
use orgtui::tui::pages::billing::Sort;
use orgtui::tui::update as tui_update;
use orgtui::tui::{app::SessionInfo, keymap::Keymap, msg::Msg, theme::Theme};
use std::sync::Arc;
use tui_support::*;

fn billing(w: u16, h: u16) -> App {
    let engine = orgtui::snapshot::sample_engine().unwrap();
    let mut app = App::new(
        SessionInfo { label: "SAMPLE".into(), writable: true, guarded: false },
        Theme::plain(),
        Keymap::default(),
        (w, h),
    );
    app.shared.costs = Some(engine.state().costs.clone());
    tui_update::start(&mut app);
    update(&mut app, Msg::Loaded { generation: 1, result: Ok(Arc::new(engine.to_snapshot())) });
    press(&mut app, KeyCode::Char('8'));
    app
}

fn selected(app: &App) -> String {
    let st = &app.pages.billing;
    let r = st.rollup.as_ref().unwrap();
    r.nodes()[st.node().unwrap()].name.clone()
}

#[test]
fn opens_on_the_newest_month_with_the_root_selected() {
    let app = billing(120, 36);
    let st = &app.pages.billing;
    assert_eq!(st.month, Month::parse("2026-10"));
    assert_eq!(selected(&app), "Root");
    let screen = render(&app);
    assert!(screen.contains("Billing 2026-10 · total 62,885.01 -2.9%"), "{screen}");
}

#[test]
fn month_picker_moves_and_stops_at_the_ends() {
    let mut app = billing(120, 36);
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.pages.billing.month, Month::parse("2026-09"));
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.pages.billing.month, Month::parse("2026-10"));
    assert!(matches!(&app.status, Status::Info(m) if m.contains("newest")), "{:?}", app.status);
    command(&mut app, "month 2025-12");
    assert_eq!(app.pages.billing.month, Month::parse("2025-12"));
    command(&mut app, "month 2019-01");
    assert!(matches!(&app.status, Status::Error(m) if m.contains("No cost data for 2019-01")));
    assert_eq!(app.pages.billing.month, Month::parse("2025-12"));
}

#[test]
fn sort_cycles_tree_cost_change_and_keeps_the_selection() {
    let mut app = billing(120, 36);
    press(&mut app, KeyCode::Down);
    let first = selected(&app);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.pages.billing.sort, Sort::Cost);
    assert_eq!(selected(&app), first, "the selection follows its node");
    let st = &app.pages.billing;
    let r = st.rollup.as_ref().unwrap();
    let m = st.month.unwrap();
    let costs: Vec<f64> = st.rows.iter().map(|i| r.cost(*i, m)).collect();
    assert!(costs.windows(2).all(|w| w[0] >= w[1]), "by cost, largest first");
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.pages.billing.sort, Sort::Change);
    press(&mut app, KeyCode::Home);
    assert_eq!(selected(&app), "Sandbox", "the forgotten GPU fleet was switched off");
    press(&mut app, KeyCode::Down);
    assert_eq!(selected(&app), "sandbox-dave");
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.pages.billing.sort, Sort::Tree);
}

#[test]
fn filter_keeps_matches_and_their_ancestors() {
    let mut app = billing(120, 36);
    press(&mut app, KeyCode::Char('/'));
    type_str(&mut app, "dave");
    press(&mut app, KeyCode::Enter);
    let st = &app.pages.billing;
    let r = st.rollup.as_ref().unwrap();
    let names: Vec<&str> = st.rows.iter().map(|i| r.nodes()[*i].name.as_str()).collect();
    assert_eq!(names, ["Root", "Sandbox", "sandbox-dave"]);
    press(&mut app, KeyCode::Esc);
    assert!(app.pages.billing.rows.len() > 50);
}

#[test]
fn snapshots() {
    for (w, h) in [(80, 24), (120, 36)] {
        let mut app = billing(w, h);
        insta::assert_snapshot!(format!("billing_page_{w}x{h}"), render(&app));
        press(&mut app, KeyCode::Char('/'));
        type_str(&mut app, "sandbox");
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::End);
        press(&mut app, KeyCode::Char('['));
        insta::assert_snapshot!(format!("billing_filtered_{w}x{h}"), render(&app));
    }
}

#[test]
fn account_details_show_last_months_cost_with_a_trend() {
    let engine = orgtui::snapshot::sample_engine().unwrap();
    let costs = engine.state().costs.clone();
    let t = orgtui::tui::pages::billing::account_trend(&costs, "725692141910").unwrap();
    assert!(t.starts_with("2026-10  45.09 "), "{t}");
    assert_eq!(t.split(' ').filter(|w| !w.is_empty()).nth(2).unwrap().chars().count(), 6, "{t}");
    assert!(t.ends_with("-0.5%"), "{t}");
    assert_eq!(orgtui::tui::pages::billing::account_trend(&costs, "999999999999"), None);
    // The Accounts page shows it when the source has costs.
    let mut app = billing(120, 36);
    press(&mut app, KeyCode::Char('1'));
    command(&mut app, "goto 725692141910");
    let screen = render(&app);
    assert!(screen.contains("Cost") && screen.contains("2026-10  45.09"), "{screen}");
}
