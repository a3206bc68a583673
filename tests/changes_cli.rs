//! `orgtui plan`, `apply` and `diff`: exit codes, the JSON shape, the undo file, and the README's
//! worked example run command by command.

use std::path::Path;
use std::process::{Command, Output};

fn orgtui(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_orgtui"))
        .args(args)
        .current_dir(dir)
        .env("ORGTUI_STATE_DIR", dir.join("state"))
        .output()
        .expect("runs orgtui")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn write(dir: &Path, name: &str, ops: serde_json::Value) {
    let v = serde_json::json!({"format": "orgtui-changes/1", "description": "t", "operations": ops});
    std::fs::write(dir.join(name), v.to_string()).unwrap();
}

#[test]
fn plan_prints_json_and_exits_1_when_an_operation_would_fail() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "ok.json",
        serde_json::json!([
            {"operation": "UpdateOrganizationalUnit", "request": {"OrganizationalUnitId": "ou-ex4m-1ppmdudc", "Name": "Playground"}},
        ]),
    );
    let out = orgtui(d, &["plan", "--changes", "ok.json", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["failures"], 0);
    assert_eq!(v["operations"][0]["outcome"]["result"], "ok");
    assert_eq!(v["operations"][0]["inverse"][0]["operation"], "UpdateOrganizationalUnit");
    assert_eq!(v["operations"][0]["inverse"][0]["request"]["Name"], "Sandbox");
    assert_eq!(v["diff"][0]["section"], "organizational-units");
    assert!(v["blastRadius"].is_array());

    write(
        d,
        "bad.json",
        serde_json::json!([
            {"operation": "CreateOrganizationalUnit", "request": {"ParentId": "r-ex4m", "Name": "Security"}},
        ]),
    );
    let out = orgtui(d, &["plan", "--changes", "bad.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("DuplicateOrganizationalUnitException"), "{}", text(&out.stdout));

    std::fs::write(d.join("unknown.json"), r#"{"format":"orgtui-changes/1","operations":[{"operation":"MoveAccount","request":{"AccountId":"1","Nope":2}}]}"#).unwrap();
    let out = orgtui(d, &["plan", "--changes", "unknown.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("operations[0].request"), "{}", text(&out.stderr));
}

#[test]
fn apply_refuses_a_failing_plan_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(orgtui(d, &["export", "--format", "json", "-o", "org.json"]).status.success());
    let before = std::fs::read_to_string(d.join("org.json")).unwrap();
    write(
        d,
        "c.json",
        serde_json::json!([
            {"operation": "UpdateOrganizationalUnit", "request": {"OrganizationalUnitId": "ou-ex4m-1ppmdudc", "Name": "Playground"}},
            {"operation": "DeleteOrganizationalUnit", "request": {"OrganizationalUnitId": "ou-ex4m-1ppmdudc"}},
        ]),
    );
    let out = orgtui(d, &["apply", "--org", "org.json", "--changes", "c.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("nothing was applied"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(d.join("org.json")).unwrap(), before);
}

#[test]
fn apply_journals_and_writes_the_undo_file_beside_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(orgtui(d, &["export", "--format", "json", "-o", "org.json"]).status.success());
    write(
        d,
        "c.json",
        serde_json::json!([
            {"operation": "DetachPolicy", "request": {"PolicyId": "p-xvmq5im0", "TargetId": "ou-ex4m-1ppmdudc"}},
        ]),
    );
    let out = orgtui(d, &["apply", "--org", "org.json", "--changes", "c.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let journal = std::fs::read_to_string(d.join("state/audit.jsonl")).unwrap();
    assert!(journal.contains("\"DetachPolicy\""), "{journal}");
    let undo: Vec<_> = std::fs::read_dir(d.join("state"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("undo-"))
        .collect();
    assert_eq!(undo.len(), 1);
    let undo = &undo[0];
    let out = orgtui(
        d,
        &["apply", "--org", "org.json", "--changes", undo.to_str().unwrap(), "--undo-file", "redo.json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&std::fs::read(d.join("redo.json")).unwrap()).contains("DetachPolicy"));
}

#[test]
fn diff_emits_the_change_set_that_turns_a_into_b() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(orgtui(d, &["export", "--format", "json", "-o", "a.json"]).status.success());
    assert!(orgtui(d, &["export", "--format", "json", "-o", "b.json"]).status.success());
    write(
        d,
        "c.json",
        serde_json::json!([
            {"operation": "CreateOrganizationalUnit", "request": {"ParentId": "ou-ex4m-bslfpr1u", "Name": "Edge"}, "ref": "edge"},
            {"operation": "MoveAccount", "request": {"AccountId": "903685813694", "SourceParentId": "ou-ex4m-3sbbleuh", "DestinationParentId": "ref:edge"}},
            {"operation": "UpdatePolicy", "request": {"PolicyId": "p-nubu3bh8", "Content": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"organizations:*\",\"Resource\":\"*\"}]}"}},
            {"operation": "DeregisterDelegatedAdministrator", "request": {"AccountId": "314581241346", "ServicePrincipal": "securityhub.amazonaws.com"}},
        ]),
    );
    assert!(
        orgtui(d, &["apply", "--org", "b.json", "--changes", "c.json", "--undo-file", "u.json"])
            .status
            .success()
    );
    let out = orgtui(d, &["diff", "a.json", "b.json", "--emit-changes", "a-to-b.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    for want in ["Organizational units (1)", "Edge", "web-prod", "@@ ", "Delegated administrators (1)"] {
        assert!(s.contains(want), "{want} missing from\n{s}");
    }
    assert!(s.lines().filter(|l| !l.starts_with("      ")).all(|l| l.chars().count() <= 100), "{s}");
    let out = orgtui(d, &["diff", "a.json", "b.json", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["section"] == "policies" && e["contentDiff"].is_string()
                || e["content_diff"].is_string())
    );
    let out = orgtui(d, &["apply", "--org", "a.json", "--changes", "a-to-b.json", "--undo-file", "u2.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = orgtui(d, &["diff", "a.json", "b.json"]);
    assert_eq!(text(&out.stdout), "No differences.\n");
    let out = orgtui(d, &["diff", "a.json"]);
    assert_eq!(out.status.code(), Some(2));
}

/// The README's "Change sets" example: its change set and its commands, run in order.
#[test]
fn the_readme_example_runs() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let block = |marker: &str| {
        let at = readme.find(marker).unwrap_or_else(|| panic!("{marker} missing from the README"));
        let rest = &readme[at..];
        let start = rest.find("```").unwrap();
        let body = &rest[start..];
        let body = &body[body.find('\n').unwrap() + 1..];
        body[..body.find("```").unwrap()].to_string()
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("changes.json"), block("<!-- changes-example: changes.json -->")).unwrap();
    let mut last = String::new();
    let mut outputs = Vec::new();
    for line in block("<!-- changes-example: commands -->").lines().filter(|l| !l.trim().is_empty()) {
        let args: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(args[0], "orgtui");
        let out = orgtui(d, &args[1..]);
        assert_eq!(out.status.code(), Some(0), "{line}: {}", text(&out.stderr));
        last = text(&out.stdout);
        outputs.push(last.clone());
    }
    assert!(outputs[2].contains("all succeed"), "{}", outputs[2]);
    assert!(outputs[4].contains("Labs"), "{}", outputs[4]);
    assert_eq!(last, "No differences.\n");
}
