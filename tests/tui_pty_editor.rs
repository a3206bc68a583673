//! End to end, in a pseudo-terminal: a 10,240-character policy pasted into the editor as one
//! bracketed paste arrives whole and linted; a paste where no field is focused runs nothing;
//! ctrl-z and ctrl-y undo and redo in the editor; and a draft survives `kill -9` with
//! nothing typed before the last second lost.

mod pty_harness;

use pty_harness::{Pty, Workspace, timeout};
use std::time::{Duration, Instant};

/// Shift-down: extends the selection a line down.
const SHIFT_DOWN: &str = "\x1b[1;2B";
/// Shift-end: extends the selection to the end of the line.
const SHIFT_END: &str = "\x1b[1;2F";

/// The console on a copy of the sample, loaded.
fn console(ws: &Workspace) -> Pty {
    let mut t = Pty::spawn(ws, 120, 36);
    t.wait_for("AWS accounts (");
    t
}

/// Opens the editor on a new SCP (the template) from the Policies page.
fn new_scp(t: &mut Pty) {
    t.send("2");
    t.wait_for("SCP policies (");
    t.send("n");
    t.wait_for("\"Effect\": \"Deny\"");
}

/// A valid SCP of exactly `size` characters over many lines, whose last statement has an
/// effect that is neither Allow nor Deny (a lint error on the line before the end).
fn big_policy(size: usize) -> String {
    let actions = ["s3:GetObject", "ec2:DescribeInstances", "iam:ListRoles", "sqs:SendMessage"];
    let mut body = String::new();
    for i in 0..360 {
        body.push_str(&format!("        \"{}\",\n", actions[i % actions.len()]));
    }
    body.push_str("        \"kms:Decrypt\"\n");
    let head = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"";
    let mid = "\",\n      \"Effect\": \"Deny\",\n      \"Action\": [\n";
    let tail = "      ],\n      \"Resource\": \"*\"\n    },\n    {\n      \"Effect\": \"Perhaps\",\n      \"Action\": \"s3:*\",\n      \"Resource\": \"*\"\n    }\n  ]\n}";
    let fixed = head.len() + mid.len() + body.len() + tail.len();
    assert!(fixed < size, "the policy's fixed part ({fixed}) fits in {size}");
    format!("{head}{}{mid}{body}{tail}", "P".repeat(size - fixed))
}

#[test]
fn a_10240_character_paste_arrives_whole_and_linted() {
    let ws = Workspace::new();
    let mut t = console(&ws);
    new_scp(&mut t);
    // Select the whole template, so the paste replaces it.
    t.send(SHIFT_DOWN.repeat(40));
    t.send(SHIFT_END);
    let policy = big_policy(10_240);
    assert_eq!(policy.chars().count(), 10_240);
    t.paste(&policy);
    t.wait_until("the whole paste in the size meter, linted", |s| {
        let c = s.contents();
        c.contains("Size 10240/10240") && c.contains("E 1 error(s)")
    });
    // The end of the paste is on screen (the cursor follows it), its bad line marked.
    t.wait_until("the last lines of the paste", |s| {
        s.contents().lines().any(|l| l.contains("E") && l.contains("\"Effect\": \"Perhaps\""))
    });
    t.send("\x1b");
    t.wait_for("kept as a draft");
    t.send(":quit\r");
    let _ = t.wait_exit(timeout());
}

#[test]
fn a_paste_outside_any_field_runs_nothing() {
    let ws = Workspace::new();
    let before = std::fs::read(ws.org()).unwrap();
    let mut t = console(&ws);
    t.wait_for("Policy types");
    let screen = t.contents();
    // Keys that would create an OU, open the palette and quit, and newlines as Enter.
    t.paste("cNewOu\r\n:quit\r\nq\n2n");
    t.wait_for("Nothing to paste into here");
    // Still running, on the same page, no dialog, the file untouched.
    t.send("?");
    t.wait_for("Help");
    t.esc();
    t.wait_until("the accounts page as before", |s| {
        let c = s.contents();
        c.contains("AWS accounts (") && !c.contains("Create an OU") && !c.contains("NewOu")
    });
    assert_eq!(t.contents().lines().nth(2), screen.lines().nth(2), "the tree did not move");
    t.send("q");
    let _ = t.wait_exit(timeout());
    assert_eq!(std::fs::read(ws.org()).unwrap(), before, "the snapshot file is unchanged");
}

#[test]
fn ctrl_z_and_ctrl_y_undo_and_redo_in_the_editor() {
    let ws = Workspace::new();
    let mut t = console(&ws);
    new_scp(&mut t);
    t.send("hello world");
    t.wait_for("hello world{");
    t.send("\x1a"); // ctrl-z: the last word goes
    t.wait_until("the last word undone", |s| {
        let c = s.contents();
        c.contains("hello{") && !c.contains("world")
    });
    t.send("\x1a");
    t.wait_until("all typing undone", |s| !s.contents().contains("hello"));
    t.send("\x19"); // ctrl-y: back again
    t.wait_for("hello{");
    t.send("\x19");
    t.wait_for("hello world{");
    t.send(":"); // typing goes on after a redo
    t.wait_for("hello world:{");
    t.esc();
    t.send(":quit\r");
    let _ = t.wait_exit(timeout());
}

#[test]
fn a_draft_survives_kill_9_with_all_but_the_last_second() {
    let ws = Workspace::new();
    let mut t = console(&ws);
    new_scp(&mut t);
    let typed = "Denyeverything";
    for c in typed.chars() {
        t.send(c.to_string());
        std::thread::sleep(Duration::from_millis(120));
    }
    t.wait_for(&format!("{typed}{{"));
    // The draft timer writes the file within a second of the last key, without another key.
    let file = ws.state().join("drafts").join("new_SERVICE_CONTROL_POLICY.json");
    let start = Instant::now();
    loop {
        let body = std::fs::read_to_string(&file).unwrap_or_default();
        if body.contains(typed) {
            break;
        }
        assert!(start.elapsed() < timeout(), "the draft file never held {typed:?}: {body:?}\n{}", t.dump());
        std::thread::sleep(Duration::from_millis(20));
    }
    t.kill9();

    let mut t = console(&ws);
    t.send("2");
    t.wait_for("SCP policies (");
    t.send("n");
    t.wait_for("Draft found");
    t.send("r");
    t.wait_for(&format!("{typed}{{"));
    t.esc();
    t.send(":quit\r");
    let _ = t.wait_exit(timeout());
}
