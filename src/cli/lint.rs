//! `orgtui lint`: findings for a policy document.

use super::failure::{Failure, emit, read_input};
use crate::model::PolicyType;
use crate::policy::lint;

/// A bad --type is exit 2 listing the valid types; an unreadable file exit 1; findings are
/// printed (text or JSON), and any ERROR finding makes the exit code 1.
pub fn lint(policy_type: &str, json: bool, file: &str) -> Result<(), Failure> {
    let ty: PolicyType = policy_type.parse().map_err(|_| {
        let valid: Vec<&str> = PolicyType::ALL.iter().map(|t| t.as_str()).collect();
        Failure::input(format!("invalid --type {policy_type:?}; valid types: {}", valid.join(", ")))
    })?;
    let text = read_input(file, "the policy", Failure::operation)?;
    let findings = lint::lint(ty, &text);
    let out = if json {
        lint::findings_to_json(&findings)
    } else {
        let mut out = String::new();
        for f in &findings {
            out.push_str(&crate::model::text::sanitize(&f.to_string()));
            out.push('\n');
        }
        let count = |s: lint::Severity| findings.iter().filter(|f| f.severity == s).count();
        out.push_str(&format!(
            "{} finding(s): {} error, {} security warning, {} warning, {} suggestion\n",
            findings.len(),
            count(lint::Severity::Error),
            count(lint::Severity::SecurityWarning),
            count(lint::Severity::Warning),
            count(lint::Severity::Suggestion),
        ));
        out
    };
    emit(None, &out)?;
    if lint::has_error(&findings) {
        return Err(Failure::operation(format!(
            "{} has {} error(s)",
            if file == "-" { "the policy" } else { file },
            findings.iter().filter(|f| f.severity == lint::Severity::Error).count()
        )));
    }
    Ok(())
}
