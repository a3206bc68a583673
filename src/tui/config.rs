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
    watch: Vec<String>,
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
        let file: File = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| text[..s.start.min(text.len())].lines().count().max(1));
            format!("line {line}: {}", e.message())
        })?;
        let mut config = UserConfig::default();
        if let Some(b) = file.blast_radius {
            config.watch = parse_watch(&b.watch).map_err(|e| format!("[blast-radius] watch: {e}"))?;
        }
        Ok(config)
    }

    /// Loads `config.toml` from the user's config directory, if there is one. Returns the
    /// settings and, for a bad file, a message for the status line (defaults are then used).
    pub fn load_user() -> (UserConfig, Option<String>) {
        let Some(path) = crate::paths::config_file("config.toml") else {
            return (UserConfig::default(), None);
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => match UserConfig::parse(&text) {
                Ok(c) => (c, None),
                Err(e) => {
                    (UserConfig::default(), Some(format!("{}: {e}; using the defaults", path.display())))
                }
            },
            Err(_) => (UserConfig::default(), None),
        }
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
    }
}
