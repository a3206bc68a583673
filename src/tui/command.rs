//! Commands: what keys and the `:` palette both run. A command is a string in one small
//! grammar (`create-ou Payments`, `goto 123456789012`, `move 1234… ou-ab12-…`), so keymap
//! entries, the palette and scripts share it.

/// Every command of the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Quit,
    Help,
    Palette,
    Filter,
    Refresh,
    Cancel,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Collapse,
    Expand,
    Open,
    NextPane,
    Page(u8),
    Goto(String),
    CreateOu(Option<String>),
    RenameOu(Option<String>),
    DeleteOu,
    Move {
        account: Option<String>,
        target: Option<String>,
    },
    CreateAccount,
    RemoveAccount,
    CloseAccount,
    Tag(Option<String>),
    Untag(Option<String>),
    CopyId,
    CopyArn,
    Mouse,
    /// Show or set the blast-radius watch list.
    Watch(Option<String>),
    /// Arm writes of a live session (after a typed confirmation).
    Arm,
    /// Disarm writes.
    Disarm,
    /// A page's own action (see `pages::ACTIONS`), with its argument.
    Action {
        name: String,
        arg: Option<String>,
    },
}

/// Names, argument hints and descriptions of the palette commands, for completion and help.
pub const PALETTE: &[(&str, &str, &str)] = &[
    ("goto", "<id|name>", "select an account, OU or the root"),
    ("create-ou", "[name]", "create an OU under the selected root or OU"),
    ("rename-ou", "[name]", "rename the selected OU"),
    ("delete-ou", "", "delete the selected (empty) OU"),
    ("move", "[account] [target]", "move an account (pick the target in the tree)"),
    ("create-account", "", "create a member account"),
    ("remove-account", "", "remove the selected account from the organization"),
    ("close-account", "", "close the selected account"),
    ("tag", "[key=value]", "add or change a tag on the selection"),
    ("untag", "[key]", "remove a tag from the selection"),
    ("copy-id", "", "copy the selection's id (OSC 52)"),
    ("copy-arn", "", "copy the selection's ARN (OSC 52)"),
    (
        "page",
        "<1-6>",
        "show a page: 1 accounts, 2 policies, 3 inspector, 4 invitations, 5 services, 6 settings",
    ),
    ("refresh", "", "reload the organization"),
    ("filter", "", "filter the tree"),
    ("mouse", "", "toggle mouse capture"),
    ("watch", "[actions…]", "show or set the actions the blast radius watches (this session)"),
    ("arm", "", "live sessions: allow changes (typed confirmation; every write is journaled)"),
    ("disarm", "", "live sessions: back to read-only"),
    ("help", "", "show the keys"),
    ("quit", "", "leave orgtui"),
];

impl Command {
    /// Parses a command line such as `create-ou Payments`.
    pub fn parse(line: &str) -> Result<Command, String> {
        let line = line.trim();
        let (name, rest) = match line.split_once(char::is_whitespace) {
            Some((n, r)) => (n, r.trim()),
            None => (line, ""),
        };
        let arg = || (!rest.is_empty()).then(|| rest.to_string());
        let cmd = match name {
            "quit" | "q" => Command::Quit,
            "help" => Command::Help,
            "palette" => Command::Palette,
            "filter" => Command::Filter,
            "refresh" => Command::Refresh,
            "cancel" => Command::Cancel,
            "up" => Command::Up,
            "down" => Command::Down,
            "top" => Command::Top,
            "bottom" => Command::Bottom,
            "page-up" => Command::PageUp,
            "page-down" => Command::PageDown,
            "collapse" => Command::Collapse,
            "expand" => Command::Expand,
            "open" => Command::Open,
            "next-pane" => Command::NextPane,
            "page" => match rest.parse::<u8>() {
                Ok(n @ 1..=9) => Command::Page(n),
                _ => return Err(format!("page needs a number from 1 to 9, not {rest:?}")),
            },
            "goto" => match arg() {
                Some(a) => Command::Goto(a),
                None => return Err("goto needs an id or a name".into()),
            },
            "create-ou" => Command::CreateOu(arg()),
            "rename-ou" => Command::RenameOu(arg()),
            "delete-ou" => Command::DeleteOu,
            "move" => {
                let mut words = rest.split_whitespace().map(str::to_string);
                Command::Move { account: words.next(), target: words.next() }
            }
            "create-account" => Command::CreateAccount,
            "remove-account" => Command::RemoveAccount,
            "close-account" => Command::CloseAccount,
            "tag" => Command::Tag(arg()),
            "untag" => Command::Untag(arg()),
            "copy-id" => Command::CopyId,
            "copy-arn" => Command::CopyArn,
            "mouse" => Command::Mouse,
            "arm" => Command::Arm,
            "watch" => Command::Watch(arg()),
            "disarm" => Command::Disarm,
            "" => return Err("type a command, e.g. goto, create-ou, move, refresh, quit".into()),
            other if super::pages::find_action(other).is_some() => {
                Command::Action { name: other.to_string(), arg: arg() }
            }
            other => return Err(format!("unknown command {other:?}; Tab completes the command names")),
        };
        Ok(cmd)
    }
}

/// Palette completion: the commands whose name starts with what was typed.
pub fn complete(input: &str) -> Vec<&'static str> {
    let word = input.trim_start();
    if word.contains(char::is_whitespace) {
        return Vec::new();
    }
    PALETTE
        .iter()
        .map(|(n, _, _)| *n)
        .chain(super::pages::actions().map(|a| a.name))
        .filter(|n| n.starts_with(word))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands_with_arguments() {
        assert_eq!(
            Command::parse("create-ou Payments Team"),
            Ok(Command::CreateOu(Some("Payments Team".into())))
        );
        assert_eq!(Command::parse("create-ou"), Ok(Command::CreateOu(None)));
        assert_eq!(
            Command::parse("move 123456789012 ou-ab12-abcdefgh"),
            Ok(Command::Move {
                account: Some("123456789012".into()),
                target: Some("ou-ab12-abcdefgh".into())
            })
        );
        assert_eq!(Command::parse("page 3"), Ok(Command::Page(3)));
        assert!(Command::parse("page 0").is_err());
        assert!(Command::parse("goto").is_err());
        assert!(Command::parse("frobnicate").unwrap_err().contains("unknown command"));
    }

    #[test]
    fn completes_names() {
        assert_eq!(complete("cr"), vec!["create-ou", "create-account", "create-policy"]);
        assert_eq!(complete("q"), vec!["quit"]);
        assert!(complete("goto x").is_empty());
    }
}
