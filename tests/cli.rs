//! The command line: exit codes (0 ok, 1 failed operation, 2 invalid input) and output formats.

use std::process::{Command, Output};

fn orgtui(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_orgtui")).args(args).output().expect("runs orgtui")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn export_tree_of_the_sample() {
    let out = orgtui(&["export", "--format", "tree"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.starts_with("Organization o-"), "{s}");
    assert!(s.contains("Root r-"));
    assert!(s.contains("(management)"));
}

#[test]
fn every_format_exports() {
    for (format, marker) in [
        ("json", "\"format\": \"orgtui-snapshot/1\""),
        ("mermaid", "flowchart TD"),
        ("dot", "digraph organization"),
        ("csv", "id,name,email"),
    ] {
        let out = orgtui(&["export", "--format", format]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        assert!(text(&out.stdout).contains(marker), "{format}");
    }
}

#[test]
fn malformed_snapshot_exits_2_naming_the_json_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(&path, r#"{"format":"orgtui-snapshot/1","organization":{"id":"o-abc","featureSet":"ALL","managementAccountId":"111111111111","rootId":"r-ab12"}}"#).unwrap();
    let out = orgtui(&["export", "--org", path.to_str().unwrap(), "--format", "tree"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("$.organization.id"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_file_exits_1() {
    let out = orgtui(&["export", "--org", "/nonexistent/org.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(orgtui(&["export", "--format", "yaml"]).status.code(), Some(2));
    assert_eq!(orgtui(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn generate_then_export_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let gen_path = dir.path().join("gen.json");
    let out = orgtui(&[
        "generate",
        "--accounts",
        "120",
        "--ous",
        "20",
        "--seed",
        "3",
        "-o",
        gen_path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let again = dir.path().join("again.json");
    let out = orgtui(&[
        "export",
        "--org",
        gen_path.to_str().unwrap(),
        "--format",
        "json",
        "-o",
        again.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let strip =
        |s: String| s.lines().filter(|l| !l.contains("\"generatedAt\"")).collect::<Vec<_>>().join("\n");
    assert_eq!(
        strip(std::fs::read_to_string(&gen_path).unwrap()),
        strip(std::fs::read_to_string(&again).unwrap())
    );
    assert_eq!(orgtui(&["generate", "--accounts", "0", "-o", "x.json"]).status.code(), Some(2));
}

#[test]
fn hostile_names_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let gen_path = dir.path().join("gen.json");
    assert!(
        orgtui(&["generate", "--accounts", "3", "--ous", "1", "-o", gen_path.to_str().unwrap()])
            .status
            .success()
    );
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&gen_path).unwrap()).unwrap();
    v["accounts"][1]["name"] = "evil\u{1b}]52;c;AAAA\u{7}\u{1b}[2J".into();
    v["organizationalUnits"][0]["name"] = "=cmd|' /C calc'!A0".into();
    std::fs::write(&gen_path, v.to_string()).unwrap();
    for format in ["tree", "csv", "mermaid", "dot"] {
        let out = orgtui(&["export", "--org", gen_path.to_str().unwrap(), "--format", format]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        assert!(!out.stdout.contains(&0x1b), "{format} output contains a raw escape");
        assert!(!out.stdout.contains(&0x07), "{format} output contains a raw BEL");
    }
    let csv = text(&orgtui(&["export", "--org", gen_path.to_str().unwrap(), "--format", "csv"]).stdout);
    assert!(csv.contains("\\u{1b}"), "escapes are shown visibly: {csv}");
}

#[test]
fn c1_bidi_and_invisible_characters_are_escaped_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let gen_path = dir.path().join("gen.json");
    let path = gen_path.to_str().unwrap();
    assert!(orgtui(&["generate", "--accounts", "3", "--ous", "1", "-o", path]).status.success());
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&gen_path).unwrap()).unwrap();
    let hostile = "web\u{202e}gnp.exe\u{9b}31m\u{200b}\u{2028}\u{7f}";
    v["accounts"][1]["name"] = hostile.into();
    v["organizationalUnits"][0]["name"] = "ou\u{2066}x\u{feff}".into();
    std::fs::write(&gen_path, v.to_string()).unwrap();
    let raw = ['\u{202e}', '\u{9b}', '\u{200b}', '\u{2028}', '\u{7f}', '\u{2066}', '\u{feff}'];
    for format in ["json", "tree", "csv", "mermaid", "dot"] {
        let out = orgtui(&["export", "--org", path, "--format", format]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(!s.contains(raw), "{format} output carries a raw hostile character: {s:?}");
        if format == "json" {
            assert!(s.contains(r"web\u202egnp.exe\u009b31m\u200b\u2028\u007f"), "{s}");
            let back: serde_json::Value = serde_json::from_str(&s).unwrap();
            assert!(back["accounts"].as_array().unwrap().iter().any(|a| a["name"] == hostile));
        } else {
            // DOT doubles the backslash of the escape inside its quoted labels.
            let shown = if format == "dot" { s.replace(r"\\", r"\") } else { s };
            assert!(
                shown.contains(r"web\u{202e}gnp.exe\u{9b}31m\u{200b}\u{2028}\u{7f}"),
                "{format}: {shown}"
            );
        }
    }
}
