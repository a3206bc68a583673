//! The `orgtui serve` binary: endpoint and ready lines, a request over TCP, a clean stop on
//! SIGTERM, and usage errors.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

fn orgtui() -> Command {
    Command::new(env!("CARGO_BIN_EXE_orgtui"))
}

#[cfg(unix)]
#[test]
fn serves_until_sigterm() {
    let mut child = orgtui()
        .args(["serve", "--empty", "--port", "0", "--caller", "AKIDMEMBER=222222222222"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut endpoint = None;
    let mut line = String::new();
    loop {
        line.clear();
        assert!(out.read_line(&mut line).unwrap() > 0, "server exited before it was ready");
        if let Some(url) = line.trim().strip_prefix("orgtui serve: endpoint http://") {
            endpoint = Some(url.to_string());
        }
        if line.contains("ready") {
            break;
        }
    }
    let addr = endpoint.expect("an endpoint line before the ready line");
    let mut s = std::net::TcpStream::connect(&addr).unwrap();
    let body = "{}";
    write!(
        s,
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AWSOrganizationsV20161128.CreateOrganization\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
    assert!(resp.contains("\"FeatureSet\":\"ALL\""), "{resp}");
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("stopped"), "{rest}");
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    let cases: Vec<Vec<String>> = vec![
        vec!["serve".into(), "--caller".into(), "AKID=12".into()],
        vec!["serve".into(), "--caller".into(), "nonsense".into()],
        vec!["serve".into(), "--port".into(), "70000".into()],
        // Secrets for some keys only: an unsigned key would be refused, so it is a usage error.
        vec![
            "serve".into(),
            "--port".into(),
            "0".into(),
            "--caller".into(),
            "A=222222222222:secret".into(),
            "--caller".into(),
            "B=333333333333".into(),
        ],
        vec!["serve".into(), "--caller".into(), "A=222222222222:".into()],
        vec!["serve".into(), "--max-connections".into(), "0".into()],
    ];
    for args in cases {
        let out = orgtui().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    // An unreadable snapshot is a failed operation (1), as for every command.
    let out = orgtui().args(["--org", missing.to_str().unwrap(), "serve", "--port", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    // --empty never overwrites an existing file.
    let existing = dir.path().join("org.json");
    std::fs::write(&existing, "{}").unwrap();
    let out = orgtui().args(["--org", existing.to_str().unwrap(), "serve", "--empty"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_non_loopback_host_warns_that_callers_are_not_authenticated() {
    let mut child = orgtui()
        .args(["serve", "--empty", "--host", "0.0.0.0", "--port", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(line.contains("warning: listening on 0.0.0.0 (not loopback)"), "{line}");
    assert!(line.contains("acts as the management account") && line.contains(":SECRET"), "{line}");
}
