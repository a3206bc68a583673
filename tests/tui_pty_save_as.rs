//! End to end on the bundled sample: a change, then `q` warns that it would be lost;
//! `:save-as FILE` writes the organization to FILE and the session goes on with it (a later
//! change is in the file too), and `q` then quits.

mod pty_harness;

use pty_harness::{Pty, Workspace, timeout};

#[test]
fn the_sample_warns_on_quit_and_save_as_keeps_the_changes() {
    let ws = Workspace::new();
    let kept = ws.dir.path().join("kept.json");
    let mut t = Pty::spawn_sample(&ws, 120, 36);
    t.wait_for("AWS accounts (");
    t.wait_for("Policy types");
    t.send("g");
    t.send("c");
    t.wait_for("Create an OU under Root");
    t.send("Kept OU");
    t.send("\r");
    t.wait_for("Created OU Kept OU");

    t.send("q");
    t.wait_for("1 change to the sample is not saved");
    t.wait_for(":save-as FILE keeps them; q again quits");

    t.send(":save-as kept.json\r");
    t.wait_for("Saved to kept.json");
    assert!(std::fs::read_to_string(&kept).unwrap().contains("Kept OU"));

    // The session now writes to the file.
    t.send("g");
    t.send("c");
    t.wait_for("Create an OU under Root");
    t.send("Later OU");
    t.send("\r");
    t.wait_for("Created OU Later OU");
    assert!(std::fs::read_to_string(&kept).unwrap().contains("Later OU"));

    t.send("q");
    let status = t.wait_exit(timeout());
    assert!(status.success(), "exit status {status}\n{}", t.dump());
}
