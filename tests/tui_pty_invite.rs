//! End to end: the real `orgtui` console in a pseudo-terminal on a copy of the sample
//! organization invites a standalone account it knows (555555555555, contractor-tools),
//! accepts the invitation acting as that account, switches back to the management account,
//! registers the new member as a delegated administrator for a service and finds it on the
//! accounts page with its delegated-admin badge. The snapshot file has it all afterwards.

mod pty_harness;

use pty_harness::{Pty, Workspace, timeout};

const ACCOUNT: &str = "555555555555";

/// The id of the handshake on the row that shows `account` in state `state`.
fn handshake_on_screen(screen: &str, account: &str, state: &str) -> Option<String> {
    screen
        .lines()
        .filter(|l| l.contains(account) && l.contains(state))
        .find_map(|l| l.split_whitespace().find(|w| w.starts_with("h-")).map(str::to_string))
}

/// The id of the selected handshake when it is an open invitation to `ACCOUNT`.
fn selected_open_invitation(screen: &str) -> Option<String> {
    if !screen.contains(&format!("⇄ {ACCOUNT}")) {
        return None;
    }
    let line = screen.lines().find(|l| l.contains("Handshake  h-") && l.contains("— INVITE — OPEN"))?;
    line.split_whitespace().find(|w| w.starts_with("h-")).map(str::to_string)
}

#[test]
fn invite_accept_as_the_account_register_and_see_the_badge() {
    let ws = Workspace::new();
    let mut t = Pty::spawn(&ws, 120, 36);
    t.wait_for("AWS accounts (");

    // Invitations page: invite the standalone account by id, with notes.
    t.send("4");
    t.wait_for("Invitations (");
    t.send("i");
    t.wait_for("Invite an account to the organization");
    t.send(ACCOUNT);
    t.send("\t");
    t.send("Tooling for the platform team");
    t.wait_for("Tooling for the platform team");
    t.send("\r");
    t.wait_for(&format!("Invited {ACCOUNT} to the organization."));
    t.wait_until("the open invitation listed", |s| {
        handshake_on_screen(&s.contents(), ACCOUNT, "OPEN").is_some()
    });
    // Act as the invited account (the header says so) and accept.
    t.send(format!(":act-as {ACCOUNT}\r"));
    t.wait_for(&format!("acting as {ACCOUNT}"));
    t.wait_for("Now acting as account");
    // Select the open invitation (the handshake pane shows the whole id) and press `a`.
    t.send("g");
    let mut handshake = None;
    for _ in 0..12 {
        std::thread::sleep(std::time::Duration::from_millis(250));
        if let Some(id) = selected_open_invitation(&t.contents()) {
            handshake = Some(id);
            break;
        }
        t.send("j");
    }
    let handshake = handshake.unwrap_or_else(|| panic!("no open invitation to {ACCOUNT}\n{}", t.dump()));
    t.send("a");
    t.wait_for(&format!("Accepted handshake {handshake}"));
    t.wait_until("the invitation accepted", |s| {
        s.contents().contains(&format!("Handshake  {handshake} — INVITE — ACCEPTED"))
    });

    // Back to the management account with the page's key (the palette offers it).
    t.send("A");
    t.wait_for(":act-as management");
    t.send("\r");
    t.wait_for("management 111111111111");

    // Services page: register the new member for AWS Backup (completed from "backup").
    t.send("5");
    t.wait_for("Services — trusted access");
    t.send(format!(":register-delegated-admin {ACCOUNT} backup\r"));
    t.wait_for("Register a delegated administrator");
    t.wait_for("backup.amazonaws.com");
    t.send("\r");
    t.send("\r");
    t.wait_for(&format!("Registered {ACCOUNT} as delegated administrator for backup.amazonaws.com."));
    t.wait_until("the administrator listed", |s| {
        s.contents().lines().any(|l| l.contains(&format!("contractor-tools {ACCOUNT}")))
    });

    // Accounts page: the new member, with its delegated-admin badge.
    t.send("1");
    t.send(format!(":goto {ACCOUNT}\r"));
    t.wait_for("contractor-tools — AWS account");
    t.wait_until("the [DA] badge in the tree", |s| {
        s.contents()
            .lines()
            .any(|l| l.contains("contractor-tools") && l.contains(ACCOUNT) && l.contains("[DA]"))
    });
    t.wait_for("backup.amazonaws.com");

    t.send("q");
    let status = t.wait_exit(timeout());
    assert!(status.success(), "exit status {status}\n{}", t.dump());

    // Every change went to the snapshot file.
    let saved = std::fs::read_to_string(ws.org()).expect("the snapshot file");
    let doc: serde_json::Value = serde_json::from_str(&saved).expect("snapshot JSON");
    let member = doc["accounts"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["id"] == ACCOUNT))
        .cloned()
        .unwrap_or_default();
    assert!(member["parentId"].is_string(), "{member}");
    let delegated = doc["delegatedAdministrators"].as_array().cloned().unwrap_or_default();
    assert!(
        delegated
            .iter()
            .any(|d| d["accountId"] == ACCOUNT && d["servicePrincipal"] == "backup.amazonaws.com"),
        "{delegated:?}"
    );
}
