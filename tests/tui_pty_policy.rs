//! End to end: the real `orgtui` console in a pseudo-terminal on a copy of the sample writes a
//! deny SCP in the policy editor, attaches it to an OU through the Policies page, and sees the
//! Inspector's decision for an account below that OU change to an explicit deny naming the new
//! policy.

mod pty_harness;

use pty_harness::Pty;

const ACCOUNT: &str = "560278583283"; // web-dev, in Workloads/NonProd/Dev
const OU: &str = "ou-ex4m-hko4ruga"; // Dev
const ACTION: &str = "iam:DeleteRole"; // global service: no region guardrail, no RCP
const NAME: &str = "DenyRoleDeletion";

const DOWN: &str = "\x1b[B";
const END: &str = "\x1b[F";
const LEFT: &str = "\x1b[D";

fn inspect(t: &mut Pty) {
    t.send(format!(":goto {ACCOUNT}\r"));
    t.wait_for("web-dev");
    t.send("3");
    t.wait_for("Inspector");
    t.send(format!(":inspect {ACTION}\r"));
}

#[test]
fn a_new_deny_scp_attached_to_an_ou_explicitly_denies_below_it() {
    let ws = pty_harness::Workspace::new();
    let mut t = Pty::spawn(&ws, 120, 36);
    t.wait_for("AWS accounts (");

    // Before: the account may delete buckets.
    inspect(&mut t);
    t.wait_until("the decision before the change", |s| {
        let c = s.contents();
        c.contains(ACCOUNT) && c.contains("Decision: ALLOWED")
    });

    // Policies page, SCP tab: a new policy from the template (Sid, then the action).
    t.send("2");
    t.wait_for("SCP policies (");
    t.send("n");
    t.wait_for("\"Effect\": \"Deny\"");
    t.send(DOWN.repeat(4));
    t.send(format!("{END}{LEFT}{LEFT}"));
    t.send(NAME);
    t.send(DOWN.repeat(3));
    t.send(format!("{END}{LEFT}"));
    t.send(ACTION);
    t.wait_for(&format!("\"{ACTION}\""));
    t.send("\x13"); // ctrl-s: name and description, then the diff
    t.send(NAME);
    t.send("\r");
    t.send("Nobody deletes roles in Dev");
    t.send("\r");
    t.wait_for("y");
    t.send("y");
    t.wait_for(&format!("Policy {NAME} created."));
    t.wait_for(&format!("Content {NAME}"));

    // Attach it to the Dev OU, picked by id; the confirmation shows the blast radius.
    t.send("a");
    t.wait_for(&format!("Attach {NAME} to"));
    t.send(OU);
    t.wait_for(OU);
    t.send("\r");
    t.wait_for("Blast radius");
    t.send("yes\r");
    t.wait_until("the attachment made", |s| s.contents().contains(OU) && s.contents().contains("Attached"));

    // After: the inspector names the new policy as the explicit deny.
    inspect(&mut t);
    t.wait_until("the explicit deny", |s| {
        let c = s.contents();
        c.contains("Decision: EXPLICIT DENY")
            && c.lines().any(|l| l.contains("Decided by: SCP") && l.contains(OU) && l.contains(NAME))
    });
    t.send(":quit\r");
    let _ = t.wait_exit(pty_harness::timeout());

    let file = std::fs::read_to_string(ws.org()).unwrap();
    assert!(file.contains(NAME), "the snapshot file has the new policy");
}
