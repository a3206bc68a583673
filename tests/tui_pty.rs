//! End to end: the real `orgtui` console in a pseudo-terminal, driven by keys, on a snapshot
//! file it writes back; the terminal is restored on every way out (q, SIGTERM) and in a
//! terminal too small to draw in.

mod pty_harness;

use orgtui::engine::Membership;
use orgtui::model::ParentId;
use pty_harness::{Pty, Workspace, rfind, timeout};

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";

/// The tree pane: the left 55% of a 120-column screen, between the header and the status line.
fn tree_pane(s: &vt100::Screen) -> String {
    let (rows, _) = s.size();
    let lines: Vec<String> = s.rows(0, 66).collect();
    lines.get(1..rows.saturating_sub(2) as usize).unwrap_or_default().join("\n")
}

/// The terminal is back to normal: the alternate screen was entered and left again (the leave
/// coming last), and the screen model agrees, with the cursor shown.
fn assert_restored(t: &Pty) {
    let raw = t.raw();
    let enter = rfind(&raw, ENTER_ALT).unwrap_or_else(|| panic!("never entered the alternate screen"));
    let leave = rfind(&raw, LEAVE_ALT).unwrap_or_else(|| panic!("never left the alternate screen"));
    assert!(leave > enter, "the last alternate-screen enter ({enter}) comes after the last leave ({leave})");
    t.with_screen(|s| {
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert!(!s.hide_cursor(), "the cursor is still hidden");
    });
}

#[test]
fn browse_filter_create_move_and_quit() {
    let ws = Workspace::new();
    let mut t = Pty::spawn(&ws, 120, 36);
    // Loaded: the title carries the account count.
    t.wait_for("AWS accounts (");
    t.wait_for("Policy types");

    // Expand Prod (collapsed at start): a second `l` then steps into its first child.
    t.send(":goto Prod\r");
    t.wait_for("Path          Root / Workloads / Prod ");
    t.send("l");
    t.send("l");
    t.wait_for("Path          Root / Workloads / Prod / ");

    // Filter, then clear it.
    t.send("/payments");
    t.wait_for("filter: payments");
    t.wait_until("payments-prod in the filtered tree", |s| tree_pane(s).contains("payments-prod"));
    t.esc();
    t.wait_until("the filter cleared", |s| !s.contents().contains("filter:"));

    // Create an OU under the root (the top row).
    t.send("g");
    t.wait_for("Policy types");
    t.send("c");
    t.wait_for("Create an OU under Root");
    t.send("E2E Test OU");
    t.wait_for("E2E Test OU");
    t.send("\r");
    t.wait_for("Created OU E2E Test OU");
    t.wait_until("the new OU in the tree", |s| tree_pane(s).contains("E2E Test OU  ou-"));

    // Move sandbox-bob into it, picking the destination in the tree.
    t.send(":goto sandbox-bob\r");
    t.wait_for("sandbox-bob — AWS account");
    t.send("m");
    t.wait_for("Moving sandbox-bob: select the destination");
    t.send(":goto E2E Test OU\r");
    t.wait_for("E2E Test OU — Organizational unit");
    t.send("\r");
    t.wait_for("Moved account");

    t.send("q");
    let status = t.wait_exit(timeout());
    assert!(status.success(), "exit status {status}\n{}", t.dump());
    assert_restored(&t);

    // Every change was written back to the snapshot file.
    let org = orgtui::snapshot::load_file(&ws.org()).expect("the snapshot file still loads");
    let state = org.state.org.as_ref().expect("an organization");
    let ou = state.ous.values().find(|o| o.name == "E2E Test OU").expect("the new OU is in the file");
    assert_eq!(ou.parent, ParentId::Root(state.root_id.clone()), "the new OU is under the root");
    let bob = org.state.accounts.values().find(|a| a.name == "sandbox-bob").expect("sandbox-bob");
    assert_eq!(bob.membership, Membership::Member(ParentId::Ou(ou.id.clone())), "sandbox-bob moved");
}

#[test]
fn too_small_terminal_says_so_and_q_quits() {
    let ws = Workspace::new();
    let mut t = Pty::spawn(&ws, 20, 5);
    t.wait_for("too small");
    t.send("q");
    let status = t.wait_exit(timeout());
    assert!(status.success(), "exit status {status}\n{}", t.dump());
    assert_restored(&t);
}

#[test]
fn sigterm_restores_the_terminal() {
    let ws = Workspace::new();
    let mut t = Pty::spawn(&ws, 120, 36);
    t.wait_for("AWS accounts (");
    let pid = t.pid().to_string();
    let kill = std::process::Command::new("kill").arg("-TERM").arg(&pid).status().expect("run kill");
    assert!(kill.success(), "kill -TERM {pid}: {kill}");
    let status = t.wait_exit(timeout());
    // Handled, not the default action (which would leave the terminal in raw mode).
    assert_eq!(status.signal(), None, "killed by a signal: {status}\n{}", t.dump());
    assert_restored(&t);
}
