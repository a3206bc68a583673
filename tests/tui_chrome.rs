//! The console's chrome: the page bar on every page at every width, the header keeping the
//! safety state and the source to the last, ASCII drawing under a non-UTF-8 locale and the
//! focused pane visible without colour.

mod tui_support;
use orgtui::tui::app::App;
use orgtui::tui::page::Page;
use orgtui::tui::theme::Theme;
use orgtui::tui::view::header::{header_line, page_bar_line};
use tui_support::*;

fn live(w: u16, h: u16, label: &str, armed: bool) -> App {
    let mut a = app(w, h);
    a.shared.source.label = label.into();
    a.shared.source.guarded = true;
    a.shared.source.writable = armed;
    a
}

fn text(l: &ratatui::text::Line<'_>) -> String {
    l.spans.iter().map(|s| s.content.as_ref()).collect()
}

#[test]
fn page_bar_lists_every_page_and_marks_the_current_one() {
    let t = Theme::plain();
    for p in Page::ALL {
        let line = text(&page_bar_line(&t, p, 80));
        assert!(line.contains(&format!("[{} ", p.number())), "{line}");
        for q in Page::ALL {
            assert!(line.contains(&q.number().to_string()), "{line}");
        }
        assert!(unicode_width::UnicodeWidthStr::width(line.as_str()) <= 80, "{line}");
    }
}

#[test]
fn page_bar_shortens_names_then_keeps_numbers() {
    let t = Theme::plain();
    let at = |w| text(&page_bar_line(&t, Page::Policies, w));
    assert!(at(120).contains("1 AWS accounts"), "{}", at(120));
    assert!(at(100).contains("1 Accounts") && at(100).contains("[2 Policies]"), "{}", at(100));
    assert!(at(80).contains("1 Acc ") && at(80).contains("[2 Policies]"), "{}", at(80));
    assert!(at(50).contains("[2 Pol]"), "{}", at(50));
    assert!(at(24).contains("[2]") && at(24).contains(" 6 "), "{}", at(24));
}

#[test]
fn page_bar_and_start_hint_on_every_page() {
    for p in Page::ALL {
        let mut a = app(80, 24);
        a.page = p;
        let screen = render(&a);
        let bar = screen.lines().nth(1).unwrap();
        assert!(bar.contains(&format!("[{} ", p.number())), "{p:?}: {bar}");
    }
    let screen = render(&app(80, 24));
    assert!(screen.contains("? help | : commands | 1-6 8-9 pages"), "{screen}");
}

#[test]
fn header_keeps_the_safety_state_and_source_at_every_width() {
    for armed in [false, true] {
        let a = live(80, 24, "LIVE production-admin/eu-central-1", armed);
        let word = if armed { "WRITES ARMED" } else { "READ-ONLY" };
        let short = if armed { "ARMED" } else { "RO" };
        for w in (20..=120).rev() {
            let line = text(&header_line(&a, w));
            assert!(unicode_width::UnicodeWidthStr::width(line.as_str()) <= usize::from(w), "{w}: {line}");
            assert!(line.contains(word) || line.ends_with(short), "{w}: {line}");
            assert!(line.contains("LIVE"), "{w}: {line}");
            if w >= 56 {
                assert!(line.contains(word), "{w}: {line}");
                assert!(line.contains("LIVE production-admin/eu-central-1"), "{w}: {line}");
            }
        }
    }
}

#[test]
fn live_header_at_80_and_small_screens() {
    let a = live(80, 24, "LIVE production-admin/eu-central-1", false);
    let screen = render(&a);
    let top = screen.lines().next().unwrap();
    assert!(top.contains("READ-ONLY") && top.contains("LIVE production-admin/eu-central-1"), "{top}");
    insta::assert_snapshot!("live_header_80x24", screen);
    let a = live(120, 36, "LIVE production-admin/eu-central-1", true);
    insta::assert_snapshot!("live_header_120x36", render(&a));
    let a = live(40, 12, "LIVE production-admin/eu-central-1", true);
    insta::assert_snapshot!("live_header_40x12", render(&a));
    let a = live(20, 5, "LIVE production-admin/eu-central-1", true);
    let screen = render(&a);
    assert!(screen.lines().next().unwrap().contains("ARMED"), "{screen}");
    insta::assert_snapshot!("live_header_20x5", screen);
}

#[test]
fn ascii_borders_without_utf8_and_box_drawing_with_it() {
    let a = app(80, 24);
    let screen = render(&a);
    assert!(!screen.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)), "{screen}");
    let mut u = app(80, 24);
    u.shared.theme = Theme { color: false, unicode: true };
    let screen = render(&u);
    assert!(screen.contains('┌') && screen.contains("▶ AWS accounts"), "{screen}");
    insta::assert_snapshot!("unicode_accounts_80x24", screen);
}

#[test]
fn focused_pane_marked_without_colour() {
    let mut a = app(80, 24);
    let screen = render(&a);
    assert!(screen.contains("> AWS accounts"), "{screen}");
    press(&mut a, crossterm::event::KeyCode::Tab);
    let screen = render(&a);
    assert!(screen.contains("> Details") && !screen.contains("> AWS accounts"), "{screen}");
}

#[test]
fn locale_decides_the_drawing_first_set_variable_wins() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    };
    assert!(Theme::from_vars(env(&[("LANG", "en_US.UTF-8")])).unicode);
    assert!(!Theme::from_vars(env(&[("LANG", "C")])).unicode);
    assert!(!Theme::from_vars(env(&[("LC_ALL", "C"), ("LANG", "en_US.UTF-8")])).unicode);
    assert!(Theme::from_vars(env(&[("LC_CTYPE", "C.UTF-8"), ("LANG", "C")])).unicode);
    assert!(!Theme::from_vars(env(&[])).unicode);
    assert!(!Theme::from_vars(env(&[("NO_COLOR", "1"), ("LANG", "C.UTF-8")])).color);
    assert!(Theme::from_vars(env(&[("NO_COLOR", ""), ("LANG", "C.UTF-8")])).color);
}

#[test]
fn help_lists_the_page_first_then_the_editor_then_global_keys_wrapped() {
    use crossterm::event::KeyCode;
    for (w, h) in [(80, 24), (120, 36)] {
        let mut a = app(w, h);
        press(&mut a, KeyCode::Char('2'));
        press(&mut a, KeyCode::Char('?'));
        let screen = render(&a);
        let page = screen.find("This page: 2 Policies").expect("page section");
        let editor = screen.find("In the policy editor").expect("editor section");
        assert!(page < editor, "{screen}");
        assert!(screen.contains("format: pretty-print"), "{screen}");
        insta::assert_snapshot!(format!("help_policies_{w}x{h}"), screen);
    }
    // Nothing is cut: every row fits inside the dialog.
    let a = app(80, 24);
    let rows = orgtui::tui::view::help::rows(&a, 76);
    assert!(
        rows.iter()
            .all(|r| unicode_width::UnicodeWidthStr::width(format!("{}{}", r.key, r.text).as_str()) <= 76)
    );
    assert!(rows.iter().any(|r| r.text.contains("with origins")), "long descriptions are present");
}

#[test]
fn slash_in_help_searches_and_n_jumps() {
    use crossterm::event::KeyCode;
    use orgtui::tui::dialog::Modal;
    let mut a = app(80, 24);
    press(&mut a, KeyCode::Char('?'));
    type_str(&mut a, "/arm");
    press(&mut a, KeyCode::Enter);
    let Some(Modal::Help(h)) = &a.modal else { panic!("help closed") };
    let first = h.scroll;
    assert!(first > 0, "jumped to a match");
    let screen = render(&a);
    assert!(screen.lines().nth(2).unwrap().contains("arm"), "{screen}");
    insta::assert_snapshot!("help_search_80x24", screen);
    press(&mut a, KeyCode::Char('n'));
    let Some(Modal::Help(h)) = &a.modal else { panic!("help closed") };
    assert_ne!(h.scroll, first, "n goes to the next match");
}

#[test]
fn wide_and_zero_width_names_keep_the_targets_columns_aligned() {
    use crossterm::event::KeyCode;
    let mut a = app(120, 36);
    let mut snap = (*a.shared.data.as_ref().unwrap().snapshot).clone();
    let hostile = ["财务账户生产环境", "🎉🎉 party", "zero\u{200b}width\u{200b}name", "e\u{301}le\u{301}ve"];
    for (i, acc) in snap.accounts.iter_mut().enumerate() {
        acc.account.name = format!("{}-{i}", hostile[i % hostile.len()]);
    }
    a.install(std::sync::Arc::new(snap));
    press(&mut a, KeyCode::Char('2'));
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Tab);
    let screen = render(&a);
    let ids: Vec<String> =
        a.shared.data.as_ref().unwrap().snapshot.accounts.iter().map(|x| x.account.id.to_string()).collect();
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 36)).unwrap();
    t.draw(|f| orgtui::tui::view::draw(f, &a)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut cols = std::collections::BTreeSet::new();
    for y in 0..36 {
        let cells: Vec<String> = (0..120).map(|x| buf[(x, y)].symbol().to_string()).collect();
        for id in &ids {
            let w = id.len();
            if let Some(x) = (60..120 - w).find(|&x| cells[x..x + w].concat() == *id) {
                cols.insert(x);
            }
        }
    }
    assert!(!cols.is_empty(), "{screen}");
    assert_eq!(cols.len(), 1, "ids in one column: {cols:?}\n{screen}");
    insta::assert_snapshot!("hostile_targets_120x36", screen);
}

#[test]
fn tab_then_end_keeps_the_details_pane_filled() {
    use crossterm::event::KeyCode;
    for (w, h) in [(80, 24), (120, 36)] {
        let mut a = app(w, h);
        command(&mut a, "goto payments-prod");
        press(&mut a, KeyCode::Tab);
        press(&mut a, KeyCode::Char('G'));
        let screen = render(&a);
        let details: Vec<String> = screen
            .lines()
            .skip(3)
            .take(usize::from(h) - 6)
            .map(|l| l.chars().skip(usize::from(w) / 2 + 1).collect::<String>())
            .collect();
        assert!(
            details.iter().filter(|l| l.trim_matches(|c| c == '|' || c == ' ').is_empty()).count() < 3,
            "{screen}"
        );
        insta::assert_snapshot!(format!("details_end_{w}x{h}"), screen);
        // One step up from the end shows one more row at the top, right away.
        let before = a.pages.accounts.details_scroll;
        press(&mut a, KeyCode::Char('k'));
        assert_eq!(a.pages.accounts.details_scroll, before.saturating_sub(1));
    }
}
