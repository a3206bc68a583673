//! `orgtui simulate`: JSON Lines in, one JSON result per request out, in order; decisions on the
//! bundled sample organization's SCP/RCP chains; invalid input exits 2 naming line and field.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn simulate(stdin: &str, extra: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_orgtui"))
        .args(["simulate", "--request", "-"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs orgtui");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn results(out: &Output) -> Vec<Value> {
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

const ALLOW_ALL: &str =
    r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#;

fn req(principal: &str, action: &str, resource: &str, account: &str, context: &str) -> String {
    format!(
        r#"{{"principal":"{principal}","action":"{action}","resource":"{resource}","account":"{account}","context":{context},"identityPolicies":[{ALLOW_ALL}]}}"#
    )
}

#[test]
fn sample_org_chains_decide_with_the_right_level() {
    let sandbox = "725692141910";
    let suspended = "790142208423";
    let workload = "709479138836";
    let lines = [
        req(
            &format!("arn:aws:iam::{sandbox}:user/alice"),
            "ec2:RunInstances",
            "*",
            sandbox,
            r#"{"aws:RequestedRegion":"eu-west-1"}"#,
        ),
        req(
            &format!("arn:aws:iam::{sandbox}:user/alice"),
            "redshift:CreateCluster",
            "*",
            sandbox,
            r#"{"aws:RequestedRegion":"eu-west-1"}"#,
        ),
        req(
            &format!("arn:aws:iam::{suspended}:role/Admin"),
            "ec2:DescribeInstances",
            "*",
            suspended,
            r#"{"aws:RequestedRegion":"eu-west-1"}"#,
        ),
        req(
            "arn:aws:iam::111111111111:role/Admin",
            "organizations:LeaveOrganization",
            "*",
            "111111111111",
            "{}",
        ),
        req(
            &format!("arn:aws:iam::{workload}:role/App"),
            "s3:GetObject",
            "arn:aws:s3:::b/k",
            workload,
            r#"{"aws:SecureTransport":true,"aws:RequestedRegion":"eu-west-1"}"#,
        ),
        req(
            &format!("arn:aws:iam::{workload}:role/App"),
            "s3:GetObject",
            "arn:aws:s3:::b/k",
            workload,
            r#"{"aws:RequestedRegion":"eu-west-1"}"#,
        ),
        req(
            &format!("arn:aws:iam::{workload}:root"),
            "ec2:DescribeInstances",
            "*",
            workload,
            r#"{"aws:RequestedRegion":"eu-west-1"}"#,
        ),
        req(
            &format!("arn:aws:iam::{workload}:role/App"),
            "organizations:LeaveOrganization",
            "*",
            workload,
            "{}",
        ),
    ];
    let out = simulate(&lines.join("\n"), &[]);
    let r = results(&out);
    let expect = [
        ("Allowed", "identityPolicy", None),
        ("ImplicitlyDenied", "scp", Some("ou-ex4m-1ppmdudc")),
        ("ExplicitlyDenied", "scp", Some("ou-ex4m-ba459gcc")),
        ("Allowed", "identityPolicy", None),
        ("Allowed", "identityPolicy", None),
        ("ExplicitlyDenied", "rcp", Some("r-ex4m")),
        ("ExplicitlyDenied", "scp", Some("ou-ex4m-bslfpr1u")),
        ("ExplicitlyDenied", "scp", Some("r-ex4m")),
    ];
    assert_eq!(r.len(), expect.len());
    for (i, (got, (decision, layer, level))) in r.iter().zip(expect).enumerate() {
        assert_eq!(got["decision"], decision, "request {i}: {got}");
        assert_eq!(got["trace"]["deciding"]["layer"], layer, "request {i}: {got}");
        if let Some(level) = level {
            assert_eq!(got["trace"]["deciding"]["level"], level, "request {i}: {got}");
        }
    }
    assert_eq!(r[2]["trace"]["deciding"]["policy"], "p-fnv4r6ht");
    assert_eq!(r[2]["trace"]["deciding"]["statement"], "DenyAllActions");
    assert_eq!(r[7]["trace"]["deciding"]["statement"], "DenyLeaveOrganization");
    // The SCP chain is root → OUs → account.
    let levels: Vec<&str> = r[4]["trace"]["layers"][1]["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["r-ex4m", "ou-ex4m-bslfpr1u", "ou-ex4m-q6xr00ep", "ou-ex4m-hko4ruga", workload]);
    assert_eq!(r[3]["trace"]["layers"][1]["applies"], false, "management account exempt");
}

#[test]
fn explicit_levels_and_a_pretty_single_request() {
    let one = r#"{
  "principal": "arn:aws:iam::111122223333:user/alice",
  "action": "s3:PutObject",
  "resource": "arn:aws:s3:::bucket/k",
  "identityPolicies": ["{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"],
  "scps": [
    [{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}],
    [{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}}],
    [{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}]
  ]
}"#;
    let r = results(&simulate(one, &[]));
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["decision"], "ImplicitlyDenied");
    assert_eq!(r[0]["trace"]["deciding"]["layer"], "scp");
    assert_eq!(r[0]["trace"]["deciding"]["level"], "ou-level-1");
    assert!(r[0]["trace"]["message"].as_str().unwrap().contains("because no service control policy allows"));
}

#[test]
fn invalid_input_exits_2_naming_line_and_field() {
    let good = r#"{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObject","resource":"*"}"#;
    let cases = [
        (format!("{good}\n{{\"principal\":\"p\",\"action\":\"s3:X\"}}"), "line 2: field resource: missing"),
        (format!("{good}\n{good}\n{{\"principal\":\"p\",\"action\":\"s3:X\",\"resource\":\"*\",\"bogus\":1}}"), "line 3: field bogus: unknown field"),
        (
            "{\"principal\":\"p\",\"action\":\"s3:X\",\"resource\":\"*\",\n \"identityPolicies\":[{\"Statement\":{\"Effect\":\"Alow\",\"Action\":\"*\"}}]}".to_string(),
            "line 2: field identityPolicies[0]: Statement.Effect at 2:45",
        ),
        ("{\"principal\":\"p\",\"action\":\"s3:X\",\"resource\":\"*\",\"account\":\"12\"}".into(), "line 1: field account: must be a 12-digit"),
        ("{\"principal\":\"p\",\"action\":\"s3:X\",\"resource\":\"*\",\"account\":\"123456789012\"}".into(), "line 1: field account: account 123456789012 is not in the organization"),
        (
            "{\"principal\":\"p\",\"action\":\"s3:X\",\"resource\":\"*\",\"account\":\"123456789012\",\"scps\":[]}".into(),
            "line 1: field scps: give either account",
        ),
        ("{\"principal\":\"p\",\"action\":\"s3:X\",\"resource\":\"*\",\"context\":{\"k\":{}}}".into(), "line 1: field context.k"),
        ("{\"principal\":\"p\",\"action\":\"nocolon\",\"resource\":\"*\"}".into(), "line 1: field action"),
        ("{\"principal\":\"p\",\n\"action\":\"s3:X\",,}".into(), "line 2: column"),
        ("".into(), "no request given"),
    ];
    for (input, expected) in cases {
        let out = simulate(&input, &[]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{input}: {err}");
        assert!(err.contains(expected), "{input}: expected {expected:?} in {err:?}");
        assert!(out.stdout.is_empty(), "no partial output");
    }
}

#[test]
fn org_file_is_used_for_account_levels() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("org.json");
    let made = Command::new(env!("CARGO_BIN_EXE_orgtui"))
        .args(["generate", "--accounts", "20", "--ous", "5", "--seed", "3", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(made.status.success());
    let snapshot: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let mgmt = snapshot["organization"]["managementAccountId"].as_str().unwrap().to_string();
    let member = snapshot["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .find(|id| *id != mgmt)
        .unwrap()
        .to_string();
    let input = req(&format!("arn:aws:iam::{member}:role/R"), "ec2:DescribeInstances", "*", &member, "{}");
    let r = results(&simulate(&input, &["--org", path.to_str().unwrap()]));
    let levels = r[0]["trace"]["layers"][1]["levels"].as_array().unwrap();
    assert!(levels.len() >= 2, "{}", r[0]);
    assert_eq!(levels.last().unwrap()["level"], member.as_str());
}

#[test]
fn a_truncated_line_says_the_input_ended() {
    let out = simulate("{\"principal\":\"arn:aws:iam::111122223333:user/a\",\"action\":\"s3:Get\n", &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the input ended before its closing quote"), "{err}");
    assert!(!err.contains("control character"), "{err}");
}
