//! CloudTrail on `orgtui serve`, with the real AWS CLI: the Organizations calls made through
//! the endpoint show up in `aws cloudtrail lookup-events` (paginated, filtered), trails are
//! described, and errors come in CloudTrail's words. The CLI is `AWS_CLI`, or the `aws` beside
//! `MOTO_SERVER` (the CI venv); without either the test says so loudly and skips.

mod aws_support;

use std::path::PathBuf;
use std::process::Command;

fn aws_cli() -> Option<PathBuf> {
    let explicit = std::env::var_os("AWS_CLI").filter(|v| !v.is_empty()).map(PathBuf::from);
    let beside_moto = std::env::var_os("MOTO_SERVER")
        .filter(|v| !v.is_empty())
        .and_then(|m| PathBuf::from(m).parent().map(|d| d.join("aws")));
    let found = explicit.or(beside_moto).filter(|p| p.exists());
    if found.is_none() {
        eprintln!(
            "\n*** SKIPPING the AWS CLI CloudTrail scenario: set AWS_CLI or MOTO_SERVER (.ci/run does) ***\n"
        );
    }
    found
}

struct Cli {
    exe: PathBuf,
    url: String,
    home: tempfile::TempDir,
}

impl Cli {
    fn run(&self, key: &str, args: &[&str]) -> Result<serde_json::Value, String> {
        let out = Command::new(&self.exe)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.home.path())
            .env("AWS_ACCESS_KEY_ID", key)
            .env("AWS_SECRET_ACCESS_KEY", "dummy-secret")
            .env("AWS_DEFAULT_REGION", "us-east-1")
            .env("AWS_CONFIG_FILE", "/nonexistent")
            .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_MAX_ATTEMPTS", "1")
            .env("AWS_PAGER", "")
            .args(["--endpoint-url", &self.url, "--region", "us-east-1", "--output", "json"])
            .args(args)
            .output()
            .expect("run aws");
        if out.status.success() {
            let text = String::from_utf8_lossy(&out.stdout);
            Ok(if text.trim().is_empty() {
                serde_json::Value::Null
            } else {
                serde_json::from_str(&text).unwrap()
            })
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    fn ok(&self, args: &[&str]) -> serde_json::Value {
        self.run("AKIDMANAGEMENT", args).unwrap_or_else(|e| panic!("{args:?}: {e}"))
    }

    fn error(&self, args: &[&str], code: &str) {
        let e = self.run("AKIDMANAGEMENT", args).expect_err("should fail");
        assert!(e.contains(&format!("({code})")), "{args:?}: expected {code}, got {e}");
    }
}

#[test]
fn lookup_events_shows_the_calls_just_made_through_the_same_endpoint() {
    let Some(exe) = aws_cli() else { return };
    let server = aws_support::servers::start_serve(&["AKIDMEMBER=222222222222"]);
    let cli = Cli { exe, url: server.url.clone(), home: tempfile::tempdir().unwrap() };
    cli.ok(&["organizations", "create-organization", "--feature-set", "ALL"]);
    let root = cli.ok(&["organizations", "list-roots"])["Roots"][0]["Id"].as_str().unwrap().to_string();
    for name in ["Security", "Workloads", "Sandbox"] {
        cli.ok(&["organizations", "create-organizational-unit", "--parent-id", &root, "--name", name]);
    }
    let failed = cli.run(
        "AKIDMANAGEMENT",
        &["organizations", "create-organizational-unit", "--parent-id", "ou-zzzz-zzzzzzzz", "--name", "X"],
    );
    assert!(failed.is_err());

    // All of them, newest first, through NextToken pages of one.
    let all = cli.ok(&["cloudtrail", "lookup-events", "--page-size", "1"]);
    let events = all["Events"].as_array().unwrap();
    let names: Vec<_> = events.iter().map(|e| e["EventName"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "CreateOrganizationalUnit",
            "CreateOrganizationalUnit",
            "CreateOrganizationalUnit",
            "CreateOrganizationalUnit",
            "CreateOrganization"
        ],
        "the changes (not the reads), newest first"
    );
    let newest: serde_json::Value =
        serde_json::from_str(events[0]["CloudTrailEvent"].as_str().unwrap()).unwrap();
    assert_eq!(newest["errorCode"], "ParentNotFoundException");
    assert!(newest["errorMessage"].as_str().is_some_and(|m| !m.is_empty()));
    let sandbox: serde_json::Value =
        serde_json::from_str(events[1]["CloudTrailEvent"].as_str().unwrap()).unwrap();
    assert_eq!(sandbox["requestParameters"]["name"], "Sandbox");
    assert_eq!(sandbox["responseElements"]["organizationalUnit"]["name"], "Sandbox");
    assert_eq!(sandbox["eventSource"], "organizations.amazonaws.com");
    assert_eq!(sandbox["awsRegion"], "us-east-1");
    assert_eq!(sandbox["sourceIPAddress"], "127.0.0.1");
    assert!(sandbox["userAgent"].as_str().unwrap().starts_with("aws-cli/"), "{sandbox}");
    assert_eq!(sandbox["userIdentity"]["accessKeyId"], "AKIDMANAGEMENT");
    assert_eq!(sandbox["recipientAccountId"], "111111111111");
    assert_eq!(events[1]["Username"], "AKIDMANAGEMENT");
    assert_eq!(events[1]["ReadOnly"], "false");

    let only = cli.ok(&[
        "cloudtrail",
        "lookup-events",
        "--lookup-attributes",
        "AttributeKey=EventName,AttributeValue=CreateOrganization",
    ]);
    assert_eq!(only["Events"].as_array().unwrap().len(), 1);
    let member = cli.run("AKIDMEMBER", &["cloudtrail", "lookup-events"]).unwrap();
    assert_eq!(member["Events"].as_array().unwrap().len(), 0, "each account sees its own events");

    cli.error(
        &[
            "cloudtrail",
            "lookup-events",
            "--lookup-attributes",
            "AttributeKey=EventName,AttributeValue=A",
            "AttributeKey=Username,AttributeValue=B",
        ],
        "InvalidLookupAttributesException",
    );
    cli.error(
        &[
            "cloudtrail",
            "lookup-events",
            "--start-time",
            "2026-01-02T00:00:00Z",
            "--end-time",
            "2026-01-01T00:00:00Z",
        ],
        "InvalidTimeRangeException",
    );
    cli.error(
        &["cloudtrail", "lookup-events", "--max-results", "51", "--no-paginate"],
        "InvalidMaxResultsException",
    );
    cli.error(
        &["cloudtrail", "lookup-events", "--next-token", "nope", "--no-paginate"],
        "InvalidNextTokenException",
    );
    assert_eq!(cli.ok(&["cloudtrail", "describe-trails"])["trailList"].as_array().unwrap().len(), 0);
    cli.error(&["cloudtrail", "get-trail-status", "--name", "org-trail"], "TrailNotFoundException");
    cli.error(&["cloudtrail", "list-trails"], "UnknownOperationException");
}
