//! The real AWS CLI's `ce get-cost-and-usage` against `orgtui serve` on the sample organization:
//! grouping, a filter and pagination, the numbers checked against `orgtui costs` for the same
//! month, and the service's errors. The CLI comes from `AWS_CLI` or the repository's `.venv`
//! (which `.ci/run` creates); without either the test says so loudly and skips.

mod aws_support;

use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

fn aws_cli() -> Option<PathBuf> {
    let exe = std::env::var_os("AWS_CLI")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/aws"));
    if exe.exists() {
        return Some(exe);
    }
    eprintln!(
        "\n*** SKIPPING the AWS CLI Cost Explorer test: set AWS_CLI or create .venv (.ci/run does) ***\n"
    );
    None
}

/// `aws ce ARGS… --output json` against `url`: Ok(JSON) or Err(stderr).
fn ce(exe: &PathBuf, url: &str, args: &[String]) -> Result<Value, String> {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(exe)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("AWS_ACCESS_KEY_ID", "AKIDTEST")
        .env("AWS_SECRET_ACCESS_KEY", "test-secret")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", "/nonexistent")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_MAX_ATTEMPTS", "1")
        .env("AWS_PAGER", "")
        .args(["--endpoint-url", url, "--output", "json", "ce"])
        .args(args)
        .output()
        .expect("runs the AWS CLI");
    if out.status.success() {
        Ok(serde_json::from_slice(&out.stdout).expect("JSON output"))
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// `orgtui costs --by BY --month M --months N --format json` (the sample): id → month → amount.
fn costs(
    by: &str,
    month: &str,
    months: &str,
) -> (HashMap<String, HashMap<String, f64>>, HashMap<String, f64>) {
    let out = Command::new(env!("CARGO_BIN_EXE_orgtui"))
        .args(["costs", "--by", by, "--month", month, "--months", months, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let amounts = |c: &Value| -> HashMap<String, f64> {
        c.as_object().unwrap().iter().map(|(m, a)| (m.clone(), a.as_f64().unwrap_or(0.0))).collect()
    };
    let rows = v["rows"].as_array().unwrap();
    let key = if by == "service" { "service" } else { "id" };
    let by_id = rows
        .iter()
        .map(|r| (r[key].as_str().or(r["name"].as_str()).unwrap().to_string(), amounts(&r["costs"])))
        .collect();
    (by_id, amounts(&v["total"]["costs"]))
}

fn amount(v: &Value) -> f64 {
    v["Amount"].as_str().unwrap().parse().unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.011
}

const OCTOBER: &str = "Start=2026-10-01,End=2026-11-01";

/// `get-cost-and-usage --time-period PERIOD --granularity G` followed by `rest`.
fn gcu(period: &str, granularity: &str, rest: &[&str]) -> Vec<String> {
    ["get-cost-and-usage", "--time-period", period, "--granularity", granularity]
        .iter()
        .chain(rest)
        .map(|s| s.to_string())
        .collect()
}

#[test]
fn get_cost_and_usage_through_the_aws_cli() {
    let Some(exe) = aws_cli() else { return };
    let server = aws_support::servers::start_serve_sample(&[]);
    let url = server.url.as_str();
    let call = |args: Vec<String>| ce(&exe, url, &args);
    let (accounts, total) = costs("account", "2026-10", "1");

    // Grouped by account: every account's October cost as `orgtui costs` shows it, with names.
    let group_account = "Type=DIMENSION,Key=LINKED_ACCOUNT";
    let by_account = call(gcu(
        OCTOBER,
        "MONTHLY",
        &["--metrics", "UnblendedCost", "AmortizedCost", "--group-by", group_account],
    ))
    .unwrap();
    let r = &by_account["ResultsByTime"][0];
    assert_eq!(r["TimePeriod"]["Start"], "2026-10-01");
    assert_eq!(r["Total"], serde_json::json!({}), "Total is empty when grouped");
    assert_eq!(r["Estimated"], false);
    let groups = r["Groups"].as_array().unwrap();
    // Closed accounts have no October lines: no group (and a zero in `orgtui costs`).
    assert_eq!(groups.len(), accounts.values().filter(|c| c["2026-10"] != 0.0).count());
    for g in groups {
        let id = g["Keys"][0].as_str().unwrap();
        let m = &g["Metrics"];
        assert_eq!(m["UnblendedCost"]["Unit"], "USD");
        assert!(close(amount(&m["UnblendedCost"]), accounts[id]["2026-10"]), "{id}: {g}");
        assert_eq!(m["UnblendedCost"], m["AmortizedCost"]);
    }
    let attrs = by_account["DimensionValueAttributes"].as_array().unwrap();
    assert_eq!(attrs.len(), groups.len());
    assert!(attrs.iter().all(|a| !a["Attributes"]["description"].as_str().unwrap().is_empty()));

    // Ungrouped, then with a Not filter: the organization total, then without one account.
    let all = call(gcu(OCTOBER, "MONTHLY", &["--metrics", "BlendedCost"])).unwrap();
    let t = amount(&all["ResultsByTime"][0]["Total"]["BlendedCost"]);
    assert!(close(t, total["2026-10"]), "{t} vs {}", total["2026-10"]);
    let (biggest, big) = accounts
        .iter()
        .map(|(id, c)| (id.clone(), c["2026-10"]))
        .fold((String::new(), f64::MIN), |acc, x| if x.1 > acc.1 { x } else { acc });
    let not = format!(r#"{{"Not":{{"Dimensions":{{"Key":"LINKED_ACCOUNT","Values":["{biggest}"]}}}}}}"#);
    let filtered = call(gcu(OCTOBER, "MONTHLY", &["--metrics", "BlendedCost", "--filter", &not])).unwrap();
    let t = amount(&filtered["ResultsByTime"][0]["Total"]["BlendedCost"]);
    assert!(close(t, total["2026-10"] - big), "{t} vs {} - {big}", total["2026-10"]);

    // Grouped by service with an And/Or filter on two accounts: the two accounts' sum.
    let mut ids: Vec<&String> = accounts.keys().collect();
    ids.sort();
    let (a, b) = (ids[0], ids[1]);
    let filter = format!(
        r#"{{"And":[{{"Or":[{{"Dimensions":{{"Key":"LINKED_ACCOUNT","Values":["{a}"]}}}},{{"Dimensions":{{"Key":"LINKED_ACCOUNT","Values":["{b}"],"MatchOptions":["EQUALS"]}}}}]}},{{"Not":{{"Dimensions":{{"Key":"SERVICE","Values":["No such service"]}}}}}}]}}"#
    );
    let rest =
        ["--metrics", "UnblendedCost", "--group-by", "Type=DIMENSION,Key=SERVICE", "--filter", &filter];
    let by_service = call(gcu(OCTOBER, "MONTHLY", &rest)).unwrap();
    let sum: f64 = by_service["ResultsByTime"][0]["Groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| amount(&g["Metrics"]["UnblendedCost"]))
        .sum();
    assert!(close(sum, accounts[a]["2026-10"] + accounts[b]["2026-10"]), "{sum}");

    // Three months by account and service: more than one page; the pages add up to the months.
    let (_, totals) = costs("account", "2026-10", "3");
    let mut token: Option<String> = None;
    let mut pages = 0;
    let mut per_month: HashMap<String, f64> = HashMap::new();
    loop {
        let mut rest =
            vec!["--metrics", "UnblendedCost", "--group-by", group_account, "Type=DIMENSION,Key=SERVICE"];
        if let Some(t) = &token {
            rest.extend(["--next-page-token", t.as_str()]);
        }
        let page = call(gcu("Start=2026-08-01,End=2026-11-01", "MONTHLY", &rest)).unwrap();
        pages += 1;
        for r in page["ResultsByTime"].as_array().unwrap() {
            let month = r["TimePeriod"]["Start"].as_str().unwrap()[..7].to_string();
            let groups = r["Groups"].as_array().unwrap();
            assert!(groups.iter().all(|g| g["Keys"].as_array().unwrap().len() == 2));
            *per_month.entry(month).or_default() +=
                groups.iter().map(|g| amount(&g["Metrics"]["UnblendedCost"])).sum::<f64>();
        }
        token = page["NextPageToken"].as_str().map(str::to_string);
        if token.is_none() {
            break;
        }
    }
    assert!(pages >= 2, "{pages} page(s)");
    for m in ["2026-08", "2026-09", "2026-10"] {
        assert!((per_month[m] - totals[m]).abs() < 0.05, "{m}: {} vs {}", per_month[m], totals[m]);
    }

    // The service's errors.
    let unblended = ["--metrics", "UnblendedCost"];
    let daily = call(gcu(OCTOBER, "DAILY", &unblended)).unwrap_err();
    assert!(daily.contains("(ValidationException)") && daily.contains("DAILY"), "{daily}");
    let backwards = call(gcu("Start=2026-10-01,End=2026-10-01", "MONTHLY", &unblended)).unwrap_err();
    assert!(backwards.contains("Start date (and hour) should be before end date (and hour)"), "{backwards}");
    let garbage =
        call(gcu(OCTOBER, "MONTHLY", &["--metrics", "UnblendedCost", "--next-page-token", "garbage"]));
    let garbage = garbage.unwrap_err();
    assert!(garbage.contains("(InvalidNextTokenException)"), "{garbage}");
    let mut forecast = gcu(OCTOBER, "MONTHLY", &["--metric", "UNBLENDED_COST"]);
    forecast[0] = "get-cost-forecast".into();
    let forecast = call(forecast).unwrap_err();
    assert!(forecast.contains("(ValidationException)"), "{forecast}");
}
