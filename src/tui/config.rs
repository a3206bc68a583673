//! The user's settings file, `config.toml` in the orgtui config directory (beside
//! `keymap.toml`). Today it holds the blast-radius watch list:
//!
//! ```toml
//! [blast-radius]
//! watch = ["iam:CreateUser", "ec2:RunInstances", "s3:GetObject"]
//! ```
//!
//! A bad file never stops the console: the defaults are used and the problem is shown.

use serde::Deserialize;
use toml::Spanned;

/// Settings read from `config.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserConfig {
    /// Actions whose decisions the blast radius compares before an SCP/RCP change.
    pub watch: Vec<String>,
}

impl Default for UserConfig {
    fn default() -> Self {
        UserConfig { watch: crate::policy::blast::DEFAULT_WATCH.iter().map(|s| s.to_string()).collect() }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "blast-radius")]
    blast_radius: Option<BlastSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BlastSection {
    watch: Spanned<Vec<Spanned<String>>>,
}

/// The line (from 1) of byte `offset` of a TOML text, for messages that name the line.
pub fn toml_line(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|b| **b == b'\n').count() + 1
}

/// The line of a TOML error: where its span starts (line 1 when it has none).
pub fn toml_error_line(text: &str, e: &toml::de::Error) -> usize {
    e.span().map_or(1, |s| toml_line(text, s.start))
}

/// Checks a watch list: each entry `service:Action` (wildcards allowed), at most 100.
pub fn parse_watch(entries: &[String]) -> Result<Vec<String>, String> {
    if entries.is_empty() {
        return Err("the watch list is empty; give at least one action such as iam:CreateUser".into());
    }
    if entries.len() > 100 {
        return Err(format!(
            "the watch list has {} actions; at most 100 keep the preview quick",
            entries.len()
        ));
    }
    entries
        .iter()
        .map(|a| {
            let a = a.trim();
            match a.split_once(':') {
                Some((svc, act))
                    if !svc.is_empty()
                        && !act.is_empty()
                        && a.chars().all(|c| c.is_ascii_alphanumeric() || "-_:*?".contains(c)) =>
                {
                    Ok(a.to_string())
                }
                _ => Err(format!("{a:?} is not an action; write service:Action, e.g. iam:CreateUser")),
            }
        })
        .collect()
}

impl UserConfig {
    /// Parses the text of a `config.toml`.
    pub fn parse(text: &str) -> Result<UserConfig, String> {
        let file: File = toml::from_str(text)
            .map_err(|e| format!("line {}: {}", toml_error_line(text, &e), e.message()))?;
        let mut config = UserConfig::default();
        if let Some(b) = file.blast_radius {
            let entries: Vec<String> = b.watch.get_ref().iter().map(|s| s.get_ref().clone()).collect();
            config.watch = parse_watch(&entries).map_err(|e| {
                // The line of the first bad entry, or of the list when the list is the problem.
                let bad = b
                    .watch
                    .get_ref()
                    .iter()
                    .find(|s| parse_watch(std::slice::from_ref(s.get_ref())).is_err());
                let at = bad.map_or(b.watch.span().start, |s| s.span().start);
                format!("line {}: [blast-radius] watch: {e}", toml_line(text, at))
            })?;
        }
        Ok(config)
    }

    /// Loads `config.toml` from the user's config directory, if there is one. Returns the
    /// settings and, for a bad file, a message for the status line (defaults are then used).
    pub fn load_user() -> (UserConfig, Option<String>) {
        load_user_file("config.toml", UserConfig::parse, "using the defaults")
    }
}

/// Reads a TOML file of the user's config directory with `parse`: the defaults (and no message)
/// when there is none, the defaults and a message naming the file and the problem when it is
/// bad, so a broken file never stops the console.
pub fn load_user_file<T: Default, E: std::fmt::Display>(
    name: &str,
    parse: impl Fn(&str) -> Result<T, E>,
    fallback: &str,
) -> (T, Option<String>) {
    let Some(path) = crate::paths::config_file(name) else { return (T::default(), None) };
    match std::fs::read_to_string(&path) {
        Ok(text) => match parse(&text) {
            Ok(v) => (v, None),
            Err(e) => (T::default(), Some(format!("{}: {e}; {fallback}", path.display()))),
        },
        Err(_) => (T::default(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_watch_list_and_names_problems() {
        let c = UserConfig::parse("[blast-radius]\nwatch = [\"iam:CreateUser\", \"s3:Get*\"]\n").unwrap();
        assert_eq!(c.watch, vec!["iam:CreateUser", "s3:Get*"]);
        assert_eq!(UserConfig::parse("").unwrap(), UserConfig::default());
        assert!(
            UserConfig::parse("[blast-radius]\nwatch = [\"CreateUser\"]")
                .unwrap_err()
                .contains("service:Action")
        );
        assert!(UserConfig::parse("[blast-radius]\nwatch = []").unwrap_err().contains("empty"));
        assert!(UserConfig::parse("[other]\nx = 1").unwrap_err().starts_with("line 1"));
        let e = UserConfig::parse("[blast-radius]\nwatch = [\n  \"iam:CreateUser\",\n  \"nope\",\n]\n")
            .unwrap_err();
        assert!(e.starts_with("line 4: [blast-radius] watch:") && e.contains("\"nope\""), "{e}");
        let e = UserConfig::parse("\n[blast-radius]\nwatch = []\n").unwrap_err();
        assert!(e.starts_with("line 3:") && e.contains("empty"), "{e}");
        let e = UserConfig::parse("[blast-radius]\nwatch = [\"a:b\"]\n\nbogus = 1\n").unwrap_err();
        assert!(e.starts_with("line 4:"), "an unknown field names its line: {e}");
    }
}
