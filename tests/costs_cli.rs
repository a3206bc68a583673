//! `orgtui costs`: by account, OU and service; table, CSV (RFC 4180) and JSON; month checks.

use std::process::{Command, Output};

fn orgtui(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_orgtui")).args(args).output().expect("runs orgtui")
}

fn ok(args: &[&str]) -> String {
    let out = orgtui(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn by_ou_table_is_the_tree_with_subtree_sums_and_a_total() {
    let s = ok(&["costs", "--by", "ou", "--month", "2026-10"]);
    let lines: Vec<&str> = s.lines().collect();
    assert!(lines[0].starts_with("ID") && lines[0].contains("2026-10") && lines[0].ends_with("CHANGE %"));
    assert!(lines[1].starts_with("r-ex4m") && lines[1].contains("Root"));
    assert!(s.contains("      Analytics"), "nested OUs are indented:\n{s}");
    assert!(lines.last().unwrap().contains("Total"));
    // Aligned: every line's amount column ends at the same place.
    let end = lines[0].find("2026-10").unwrap() + "2026-10".len();
    for l in &lines[1..] {
        assert_eq!(l.as_bytes()[end - 1].is_ascii_digit(), true, "{l}");
    }
}

#[test]
fn csv_is_rfc_4180_and_json_is_stable() {
    let csv = ok(&["costs", "--by", "service", "--months", "3", "--format", "csv"]);
    assert!(csv.starts_with("service,2026-08,2026-09,2026-10,change,change_percent\r\n"), "{csv}");
    assert!(csv.split_terminator('\n').all(|l| l.ends_with('\r')));
    // A negative amount stays a number (no spreadsheet-formula guard on numbers).
    let accounts = ok(&["costs", "--by", "account", "--month", "2026-10", "--format", "csv"]);
    assert!(accounts.contains(",-"), "{accounts}");
    let a = ok(&["costs", "--by", "account", "--format", "json"]);
    let b = ok(&["costs", "--by", "account", "--format", "json"]);
    assert_eq!(a, b);
    let v: serde_json::Value = serde_json::from_str(&a).unwrap();
    assert_eq!(v["by"], "account");
    assert_eq!(v["month"], "2026-10");
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 43, "every member account");
    let sum: f64 = rows.iter().map(|r| r["costs"]["2026-10"].as_f64().unwrap()).sum();
    let total = v["total"]["costs"]["2026-10"].as_f64().unwrap();
    assert!((sum - total).abs() < 0.5, "{sum} vs {total}");
}

#[test]
fn a_month_without_data_or_a_bad_month_is_a_usage_error() {
    for m in ["2020-01", "2026-1", "October"] {
        let out = orgtui(&["costs", "--month", m]);
        assert_eq!(out.status.code(), Some(2), "{m}");
    }
}
