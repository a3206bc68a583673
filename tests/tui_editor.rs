//! The policy editor: drafts (kept on leaving, on a failed save, across a restart), lint marks,
//! the size meter, format and minify, completion, saving through the backend, and snapshots of
//! its screens at 80×24 and 120×36.

mod tui_support;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use orgtui::backend::request::ApiRequest;
use orgtui::model::*;
use orgtui::tui::app::App;
use orgtui::tui::editor::{Mode, draft};
use orgtui::tui::msg::{Call, Effect, Msg};
use ratatui_textarea::CursorMove;
use tui_support::*;

const POLICY: &str = "p-nubu3bh8";
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 36)];

/// An app whose editor keeps its drafts in a fresh temporary directory.
fn setup(w: u16, h: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    draft::set_thread_state_dir(Some(dir.path().to_path_buf()));
    (app(w, h), dir)
}

fn with(app: &mut App, code: KeyCode, m: KeyModifiers) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, m)))
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    with(app, KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn alt(app: &mut App, c: char) -> Vec<Effect> {
    with(app, KeyCode::Char(c), KeyModifiers::ALT)
}

fn text(app: &App) -> String {
    app.editor.as_ref().expect("editor open").text()
}

fn jump(app: &mut App, row: u16, col: u16) {
    app.editor.as_mut().unwrap().area.move_cursor(CursorMove::Jump(row, col));
}

/// The stored content as the editor shows it (pretty-printed).
fn shown(app: &App, id: &str) -> String {
    orgtui::tui::editor::format::pretty(&stored(app, id)).unwrap()
}

fn stored(app: &App, id: &str) -> String {
    let d = app.shared.data.as_ref().unwrap();
    d.snapshot.policies.iter().find(|p| p.summary.id.to_string() == id).unwrap().content.clone()
}

fn draft_file(dir: &tempfile::TempDir, key: &str) -> std::path::PathBuf {
    draft::path(&dir.path().join("drafts"), key)
}

/// Opens the policy (stored minified), formats it, types at the start of line 2 and returns the call ctrl-s, y make.
fn edit_and_save(app: &mut App) -> (u64, Call) {
    command(app, &format!("edit-policy {POLICY}"));
    alt(app, 'f');
    jump(app, 1, 0);
    type_str(app, " ");
    ctrl(app, 's');
    assert!(matches!(app.editor.as_ref().unwrap().mode, Mode::Confirm(_)));
    let effects = press(app, KeyCode::Char('y'));
    match effects.as_slice() {
        [Effect::Call { op, call }] => (*op, call.clone()),
        other => panic!("expected one call, got {other:?}"),
    }
}

#[test]
fn edit_leave_reopen_restores_the_draft() {
    let (mut a, dir) = setup(100, 30);
    command(&mut a, &format!("edit-policy {POLICY}"));
    assert_eq!(text(&a), shown(&a, POLICY));
    type_str(&mut a, "x");
    press(&mut a, KeyCode::Esc);
    assert!(a.editor.is_none());
    let kept = a.shared.drafts.get(POLICY).cloned().expect("draft kept");
    assert!(kept.starts_with('x'));
    assert!(draft_file(&dir, POLICY).exists());
    command(&mut a, &format!("edit-policy {POLICY}"));
    assert_eq!(text(&a), kept);
    assert!(matches!(a.editor.as_ref().unwrap().mode, Mode::Edit), "no offer for the draft in memory");
}

#[test]
fn edit_back_to_the_stored_text_drops_the_draft() {
    let (mut a, dir) = setup(100, 30);
    command(&mut a, &format!("edit-policy {POLICY}"));
    type_str(&mut a, "x");
    assert!(draft_file(&dir, POLICY).exists());
    press(&mut a, KeyCode::Backspace);
    press(&mut a, KeyCode::Esc);
    assert!(!a.shared.drafts.contains_key(POLICY));
    assert!(!draft_file(&dir, POLICY).exists());
}

#[test]
fn save_sends_update_policy_with_the_text() {
    let (mut a, _dir) = setup(100, 30);
    let (_, call) = edit_and_save(&mut a);
    let Call::Api { request: ApiRequest::UpdatePolicy(r), .. } = call else {
        panic!("not UpdatePolicy: {call:?}")
    };
    assert_eq!(r.policy_id, POLICY);
    assert_eq!(r.content.as_deref(), Some(text(&a).as_str()));
    assert!(r.content.unwrap().contains("\n "));
}

#[test]
fn failed_save_shows_the_aws_error_and_keeps_text_and_draft() {
    let (mut a, dir) = setup(100, 30);
    let (op, _) = edit_and_save(&mut a);
    let before = text(&a);
    let err = OrgError::new(
        ErrorCode::MalformedPolicyDocumentException,
        "The provided policy document does not meet the requirements of the specified policy type.",
    );
    update(&mut a, Msg::OpDone { op, result: Err(err) });
    // The error goes straight into the editor, no dialog on top.
    assert!(a.modal.is_none());
    let e = a.editor.as_ref().expect("editor still open");
    assert!(e.error.as_deref().unwrap().contains("MalformedPolicyDocumentException"));
    assert_eq!(text(&a), before);
    assert_eq!(a.shared.drafts.get(POLICY), Some(&before));
    assert!(draft_file(&dir, POLICY).exists());
    assert!(render(&a).contains("ERROR saving: MalformedPolicyDocumentException"));
    // Leaving keeps it too.
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.shared.drafts.get(POLICY), Some(&before));
}

#[test]
fn successful_save_closes_the_editor_and_removes_the_draft() {
    let (mut a, dir) = setup(100, 30);
    let (op, _) = edit_and_save(&mut a);
    assert!(draft_file(&dir, POLICY).exists());
    let outcome = done("saved", None);
    update(&mut a, Msg::OpDone { op, result: Ok(outcome) });
    assert!(!render(&a).contains("Editing"), "a finished save no longer draws the editor");
    press(&mut a, KeyCode::Down);
    assert!(a.editor.is_none());
    assert!(!a.shared.drafts.contains_key(POLICY));
    assert!(!draft_file(&dir, POLICY).exists());
}

#[test]
fn draft_file_is_offered_after_a_restart_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    // This test alone goes through the environment variable (the others override per thread).
    draft::set_thread_state_dir(None);
    // SAFETY: no other test reads ORGTUI_STATE_DIR (they override the directory per thread),
    // and this is the only writer.
    unsafe { std::env::set_var(draft::STATE_DIR_VAR, dir.path()) };
    let mut first = app(100, 30);
    command(&mut first, &format!("edit-policy {POLICY}"));
    type_str(&mut first, "{}");
    let typed = text(&first);
    drop(first); // a crash: nothing flushed on leaving
    assert!(draft_file(&dir, POLICY).exists(), "written on the first change");
    let mut second = app(100, 30);
    command(&mut second, &format!("edit-policy {POLICY}"));
    let Mode::Offer(o) = &second.editor.as_ref().unwrap().mode else { panic!("no offer") };
    assert!(o.text.starts_with('{'));
    assert!(render(&second).contains("A draft of this policy from"));
    press(&mut second, KeyCode::Char('r'));
    // The first change was written at once; later keys within 500 ms may not be.
    assert!(typed.starts_with(&text(&second)[..1]));
    assert!(second.shared.drafts.contains_key(POLICY));
}

#[test]
fn discarding_the_offered_draft_removes_the_file() {
    let (mut a, dir) = setup(100, 30);
    draft::write(&dir.path().join("drafts"), POLICY, "{\"draft\": true}").unwrap();
    command(&mut a, &format!("edit-policy {POLICY}"));
    assert!(matches!(a.editor.as_ref().unwrap().mode, Mode::Offer(_)));
    press(&mut a, KeyCode::Char('d'));
    assert!(!draft_file(&dir, POLICY).exists());
    assert_eq!(text(&a), shown(&a, POLICY));
}

#[test]
fn lint_marks_the_bad_line() {
    let (mut a, _dir) = setup(100, 30);
    command(&mut a, &format!("edit-policy {POLICY}"));
    assert!(a.editor.as_ref().unwrap().findings.is_empty(), "{:?}", a.editor.as_ref().unwrap().findings);
    alt(&mut a, 'f');
    jump(&mut a, 2, 0);
    type_str(&mut a, "oops");
    let e = a.editor.as_ref().unwrap();
    let f = e.findings.first().expect("a finding");
    assert_eq!((f.code, f.line), ("JSON_SYNTAX", 3));
    let screen = render(&a);
    assert!(screen.lines().any(|l| l.contains(" 3E ")), "{screen}");
    assert!(screen.contains("E1 S0 W0 i0"), "{screen}");
    assert!(screen.contains("3:1 ERROR JSON_SYNTAX"), "{screen}");
}

#[test]
fn size_meter_counts_every_character() {
    let (mut a, _dir) = setup(100, 30);
    command(&mut a, &format!("edit-policy {POLICY}"));
    let n = shown(&a, POLICY).chars().count();
    assert!(render(&a).contains(&format!("Size {n}/10240")));
    type_str(&mut a, "  ");
    assert!(render(&a).contains(&format!("Size {}/10240", n + 2)));
}

#[test]
fn format_and_minify() {
    let (mut a, _dir) = setup(100, 30);
    command(&mut a, &format!("edit-policy {POLICY}"));
    let original = text(&a);
    alt(&mut a, 'm');
    let min = text(&a);
    assert!(!min.contains('\n') && !min.contains(": "));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&min).unwrap(),
        serde_json::from_str::<serde_json::Value>(&original).unwrap()
    );
    alt(&mut a, 'f');
    let pretty = text(&a);
    assert!(pretty.starts_with("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": ["), "{pretty}");
    // Invalid JSON is left untouched with a message.
    type_str(&mut a, "nope");
    let bad = text(&a);
    alt(&mut a, 'm');
    assert_eq!(text(&a), bad);
    assert!(a.editor.as_ref().unwrap().note.as_deref().unwrap().contains("not valid JSON"));
}

#[test]
fn completion_inserts_an_action() {
    let (mut a, _dir) = setup(100, 30);
    command(&mut a, "create-policy SERVICE_CONTROL_POLICY");
    assert_eq!(text(&a).lines().nth(7), Some("        \"\""));
    jump(&mut a, 7, 9);
    type_str(&mut a, "s3:GetObj");
    press(&mut a, KeyCode::Tab);
    let Mode::Complete(c) = &a.editor.as_ref().unwrap().mode else { panic!("no completion") };
    assert_eq!(c.items.first().map(String::as_str), Some("s3:GetObject"));
    press(&mut a, KeyCode::Enter);
    assert_eq!(text(&a).lines().nth(7), Some("        \"s3:GetObject\""));
}

#[test]
fn completion_offers_condition_keys() {
    let (mut a, _dir) = setup(100, 30);
    command(&mut a, "create-policy SERVICE_CONTROL_POLICY");
    jump(&mut a, 9, 22);
    type_str(&mut a, ",\n\"Condition\": {\"StringEquals\": {\"aws:PrincipalOrg");
    with(&mut a, KeyCode::Char(' '), KeyModifiers::CONTROL);
    let Mode::Complete(c) = &a.editor.as_ref().unwrap().mode else { panic!("no completion: {}", text(&a)) };
    assert!(c.items.iter().any(|k| k == "aws:PrincipalOrgID"), "{:?}", c.items);
}

#[test]
fn creating_asks_name_and_description_then_sends_create_policy() {
    let (mut a, _dir) = setup(100, 30);
    command(&mut a, "create-policy rcp");
    ctrl(&mut a, 's');
    assert!(matches!(a.editor.as_ref().unwrap().mode, Mode::Details { focus: 0 }));
    type_str(&mut a, "NoPublicBuckets");
    press(&mut a, KeyCode::Enter);
    type_str(&mut a, "deny public access");
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.editor.as_ref().unwrap().mode, Mode::Confirm(_)));
    let effects = press(&mut a, KeyCode::Enter);
    let [Effect::Call { call: Call::Api { request: ApiRequest::CreatePolicy(r), .. }, .. }] =
        effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!((r.name.as_str(), r.description.as_str()), ("NoPublicBuckets", "deny public access"));
    assert_eq!(r.r#type, PolicyType::ResourceControlPolicy);
    assert_eq!(r.content, text(&a));
}

#[test]
fn resource_policy_saves_with_put_resource_policy() {
    let (mut a, _dir) = setup(100, 30);
    command(&mut a, "edit-resource-policy");
    assert!(text(&a).contains("AllowAuditDescribeList"));
    jump(&mut a, 1, 0);
    type_str(&mut a, " ");
    ctrl(&mut a, 's');
    let effects = press(&mut a, KeyCode::Char('y'));
    let [Effect::Call { call: Call::Api { request: ApiRequest::PutResourcePolicy(r), .. }, .. }] =
        effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert!(r.content.contains("\n  \"Statement\": ["));
}

#[test]
fn aws_managed_policies_are_not_opened() {
    let (mut a, _dir) = setup(100, 30);
    command(&mut a, "edit-policy p-FullAWSAccess");
    assert!(a.editor.is_none());
}

// Snapshots.

fn each_size(name: &str, setup_fn: impl Fn(&mut App, &tempfile::TempDir)) {
    for (w, h) in SIZES {
        let (mut a, dir) = setup(w, h);
        setup_fn(&mut a, &dir);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&a));
    }
}

#[test]
fn snapshot_clean() {
    each_size("editor_clean", |a, _| {
        command(a, &format!("edit-policy {POLICY}"));
        alt(a, 'f');
    });
}

#[test]
fn snapshot_findings() {
    each_size("editor_findings", |a, _| {
        command(a, &format!("edit-policy {POLICY}"));
        alt(a, 'f');
        jump(a, 3, 0);
        type_str(a, "oops");
    });
}

#[test]
fn snapshot_completion() {
    each_size("editor_completion", |a, _| {
        command(a, "create-policy");
        jump(a, 7, 9);
        type_str(a, "iam:CreateU");
        press(a, KeyCode::Tab);
    });
}

#[test]
fn snapshot_confirm() {
    each_size("editor_confirm", |a, _| {
        command(a, &format!("edit-policy {POLICY}"));
        alt(a, 'f');
        jump(a, 5, 17);
        for _ in 0..4 {
            press(a, KeyCode::Delete);
        }
        type_str(a, "Allow");
        ctrl(a, 's');
    });
}

#[test]
fn snapshot_draft_offer() {
    each_size("editor_draft_offer", |a, dir| {
        let body = r#"{"key":"p-nubu3bh8","savedAt":"2026-11-24T09:30:00Z","text":"{}"}"#;
        std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
        std::fs::write(draft_file(dir, POLICY), body).unwrap();
        command(a, &format!("edit-policy {POLICY}"));
    });
}

#[test]
fn save_confirmation_shows_the_blast_radius_of_an_scp_edit() {
    let (mut a, _dir) = setup(100, 30);
    command(&mut a, &format!("edit-policy {POLICY}"));
    alt(&mut a, 'f');
    jump(&mut a, 5, 17);
    for _ in 0..4 {
        press(&mut a, KeyCode::Delete);
    }
    type_str(&mut a, "Allow");
    ctrl(&mut a, 's');
    let Mode::Confirm(c) = &a.editor.as_ref().unwrap().mode else { panic!("no confirmation") };
    assert!(c.blast[0].starts_with("Blast radius: Reaches "), "{:?}", c.blast);
    assert!(
        c.blast.iter().any(|l| l.contains("organizations:LeaveOrganization") && l.contains("newly allowed"))
    );
    // Opened pretty-printed, so the diff is the one changed line (not a reformat of it all).
    assert_eq!((c.added, c.removed), (1, 1));
}

#[test]
fn format_keeps_key_order_escapes_and_numbers() {
    use orgtui::tui::editor::format::{minify, pretty};
    let src = r#"{"z": "x\"}y", "a": 1.50e3, "b": [], "c": {}, "d": [true, null]}"#;
    let p = pretty(src).unwrap();
    assert_eq!(
        p,
        "{\n  \"z\": \"x\\\"}y\",\n  \"a\": 1.50e3,\n  \"b\": [],\n  \"c\": {},\n  \"d\": [\n    true,\n    null\n  ]\n}"
    );
    assert_eq!(minify(&p).unwrap(), r#"{"z":"x\"}y","a":1.50e3,"b":[],"c":{},"d":[true,null]}"#);
    assert!(pretty("{\"a\": }").unwrap_err().contains("not valid JSON"));
    // Duplicate keys are refused as the policy parser refuses them.
    assert!(minify("{\"a\": 1, \"a\": 2}").is_err());
}

#[test]
fn keys_strings_and_punctuation_are_coloured_only_with_colour_on() {
    use ratatui::style::Color;
    let (mut a, _dir) = setup(100, 30);
    command(&mut a, &format!("edit-policy {POLICY}"));
    alt(&mut a, 'f');
    let colours = |a: &App| {
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
        t.draw(|f| orgtui::tui::view::draw(f, a)).unwrap();
        let buf = t.backend().buffer().clone();
        // Line 2 of the text: `  "Version": "2012-10-17",` at body row 2, after the gutter.
        let y = 3;
        let row: Vec<(String, Option<Color>)> =
            (0..buf.area.width).map(|x| (buf[(x, y)].symbol().to_string(), Some(buf[(x, y)].fg))).collect();
        row
    };
    let plain = colours(&a);
    assert!(plain.iter().all(|(_, c)| *c == Some(Color::Reset)), "NO_COLOR draws no colour");
    a.shared.theme = orgtui::tui::theme::Theme { color: true, unicode: false };
    let coloured = colours(&a);
    let v = coloured.iter().position(|(sym, _)| sym == "V").expect("the Version key");
    let two = v + coloured[v..].iter().position(|(sym, _)| sym == "2").expect("its value");
    assert_eq!(coloured[v].1, Some(Color::Cyan), "a key");
    assert_eq!(coloured[two].1, Some(Color::Green), "a string value");
    let text_plain: String = plain.iter().map(|(s, _)| s.as_str()).collect();
    let text_coloured: String = coloured.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(text_plain, text_coloured, "the same text either way");
}

#[test]
fn keys_on_the_policies_page_open_the_editor_with_the_tab_type() {
    let (mut a, _dir) = setup(100, 30);
    press(&mut a, KeyCode::Char('2'));
    press(&mut a, KeyCode::Char(']'));
    let ty = a.pages.policies.ty();
    assert_ne!(ty, PolicyType::ServiceControlPolicy);
    press(&mut a, KeyCode::Char('n'));
    let e = a.editor.as_ref().expect("n opens the editor");
    assert_eq!(e.target, orgtui::tui::editor::Target::New { ty });
    press(&mut a, KeyCode::Esc);
    assert!(a.editor.is_none());
    a.pages.policies.policy = Some(POLICY.into());
    press(&mut a, KeyCode::Char('e'));
    assert!(matches!(
        &a.editor.as_ref().expect("e opens the editor").target,
        orgtui::tui::editor::Target::Policy { id, .. } if id == POLICY
    ));
}

#[test]
fn shift_e_on_the_settings_page_edits_the_resource_policy() {
    let (mut a, _dir) = setup(100, 30);
    press(&mut a, KeyCode::Char('6'));
    press(&mut a, KeyCode::Char('E'));
    assert!(matches!(
        a.editor.as_ref().expect("E opens the editor").target,
        orgtui::tui::editor::Target::ResourcePolicy { exists: true }
    ));
}

#[test]
fn odd_text_never_panics() {
    let (mut a, _dir) = setup(80, 24);
    let samples = [
        "",
        "\"",
        "\"\\",
        "{\"Action\": \"s3:\\",
        "{\"Action\": [\"é🙂:x",
        "{\"Condition\": {\"StringEquals\": {\"",
        "\t{\t\"a\"\t:\t-1e-\t}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        "{\"a\": \"\u{1b}[31mred\u{7}\"}",
        "}}}]]]:::,,,",
    ];
    command(&mut a, "create-policy");
    for s in samples {
        a.editor.as_mut().unwrap().set_text(s);
        for row in 0..2u16 {
            for col in 0..40u16 {
                jump(&mut a, row, col);
                press(&mut a, KeyCode::Tab);
                press(&mut a, KeyCode::Esc);
                if a.editor.is_none() {
                    command(&mut a, "create-policy");
                    a.editor.as_mut().unwrap().set_text(s);
                }
            }
        }
        alt(&mut a, 'f');
        alt(&mut a, 'm');
        ctrl(&mut a, 's');
        render(&a);
        press(&mut a, KeyCode::Esc);
        press(&mut a, KeyCode::Esc);
        if a.editor.is_none() {
            command(&mut a, "create-policy");
        }
    }
}

#[test]
fn draws_at_the_smallest_terminal_in_every_step() {
    let (mut a, dir) = setup(60, 12);
    draft::write(&dir.path().join("drafts"), POLICY, "{}").unwrap();
    command(&mut a, &format!("edit-policy {POLICY}"));
    assert!(render(&a).contains("Draft found"));
    press(&mut a, KeyCode::Char('r'));
    render(&a);
    press(&mut a, KeyCode::Esc);
    assert!(a.editor.is_none());
    command(&mut a, "create-policy");
    jump(&mut a, 7, 9);
    type_str(&mut a, "s3:Get");
    press(&mut a, KeyCode::Tab);
    assert!(render(&a).contains("s3:Get"));
    press(&mut a, KeyCode::Esc);
    ctrl(&mut a, 's');
    assert!(render(&a).contains("New policy"));
    type_str(&mut a, "N");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    assert!(render(&a).contains("Save the new SCP"));
}

#[test]
fn quitting_writes_the_latest_edit_to_the_draft_file() {
    let (mut a, dir) = setup(100, 30);
    command(&mut a, &format!("edit-policy {POLICY}"));
    type_str(&mut a, "x"); // the first change is written at once
    type_str(&mut a, "yz"); // these fall inside the 500 ms interval
    let latest = text(&a);
    let on_disk = || -> String {
        let file = std::fs::read_to_string(draft_file(&dir, POLICY)).unwrap_or_default();
        let v: serde_json::Value = serde_json::from_str(&file).unwrap_or_default();
        v["text"].as_str().unwrap_or_default().to_string()
    };
    assert_ne!(on_disk(), latest, "not yet written");
    ctrl(&mut a, 'c');
    assert!(a.quit);
    assert_eq!(on_disk(), latest, "nothing lost on ctrl-c");
}

/// A policy stored as one minified line opens pretty-printed, and that reformatting is not a
/// change: the editor is clean and the save diff shows only what the user typed.
#[test]
fn a_minified_policy_opens_pretty_printed_and_clean() {
    let (mut a, _dir) = setup(120, 36);
    assert_eq!(stored(&a, POLICY).lines().count(), 1, "the sample stores it minified");
    command(&mut a, &format!("edit-policy {POLICY}"));
    let shown = text(&a);
    assert!(shown.lines().count() > 5, "{shown}");
    assert!(shown.starts_with("{\n  \""), "{shown}");
    assert!(!a.editor.as_ref().unwrap().changed());
    alt(&mut a, 'f');
    assert!(!a.editor.as_ref().unwrap().changed(), "formatting an already pretty document is no change");
}
