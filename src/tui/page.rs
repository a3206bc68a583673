//! The console's vocabulary, as a leaf module: which pages exist, what the registry knows of a
//! command (name, scope, default keys, argument hint, help text, footer label) and the
//! navigation a page may answer. The handlers and the page trait are in `module.rs`.

/// The console's pages, numbered as their keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Page {
    Accounts,
    Policies,
    Inspector,
    Invitations,
    Services,
    Settings,
    Billing,
    Activity,
}

impl Page {
    /// Every page in key order.
    pub const ALL: [Page; 8] = [
        Page::Accounts,
        Page::Policies,
        Page::Inspector,
        Page::Invitations,
        Page::Services,
        Page::Settings,
        Page::Billing,
        Page::Activity,
    ];

    /// The page's key (1–9).
    pub fn number(self) -> u8 {
        match self {
            Page::Accounts => 1,
            Page::Policies => 2,
            Page::Inspector => 3,
            Page::Invitations => 4,
            Page::Services => 5,
            Page::Settings => 6,
            Page::Billing => 8,
            Page::Activity => 9,
        }
    }

    /// The page keys as a short list for hints: `1-6 8 9`.
    pub fn keys_text() -> String {
        let mut out: Vec<String> = Vec::new();
        let mut run: Option<(u8, u8)> = None;
        let flush = |r: (u8, u8), out: &mut Vec<String>| {
            out.push(if r.0 == r.1 { r.0.to_string() } else { format!("{}-{}", r.0, r.1) })
        };
        for n in Page::ALL.map(Page::number) {
            run = match run {
                Some((a, b)) if b + 1 == n => Some((a, n)),
                Some(r) => {
                    flush(r, &mut out);
                    Some((n, n))
                }
                None => Some((n, n)),
            };
        }
        if let Some(r) = run {
            flush(r, &mut out);
        }
        out.join(" ")
    }

    /// The page for a key.
    pub fn from_number(n: u8) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.number() == n)
    }

    /// The page's title, as the AWS console names it.
    pub fn title(self) -> &'static str {
        match self {
            Page::Accounts => "AWS accounts",
            Page::Policies => "Policies",
            Page::Inspector => "Inspector",
            Page::Invitations => "Invitations",
            Page::Services => "Services",
            Page::Settings => "Settings",
            Page::Billing => "Billing",
            Page::Activity => "Activity",
        }
    }
}

/// Where a command's keys work: on every page, or only on one (a page's binding wins over a
/// global one on the same key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    Page(Page),
}

impl Scope {
    /// The page of a page-scoped command.
    pub fn page(self) -> Option<Page> {
        match self {
            Scope::Global => None,
            Scope::Page(p) => Some(p),
        }
    }
}

/// What the keymap, the palette, `?` help and the footer know of a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSpec {
    /// The palette name (`create-ou`), also the name in `keymap.toml`.
    pub name: &'static str,
    pub scope: Scope,
    /// Default keys (`"n"`, `"ctrl-d"`, `"enter"`).
    pub keys: &'static [&'static str],
    /// Argument hint for the palette and help (`[name]`, `<id|name>`).
    pub args: &'static str,
    /// One line for the help screen.
    pub desc: &'static str,
    /// Short label in the footer (not shown there when `None`).
    pub footer: Option<&'static str>,
    /// Whether the palette offers it (navigation keys are not palette commands).
    pub palette: bool,
}

/// Navigation keys, which every page interprets for its own lists and panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// `←`/`h`: collapse, previous tab, …
    Left,
    /// `→`/`l`: expand, next tab, …
    Right,
    /// `Enter`: open or act on the selection.
    Enter,
    /// `Tab`: next pane.
    Tab,
    /// `Esc`: back out of whatever the page has open.
    Back,
}

impl Nav {
    /// The row a list of `len` rows moves to from `selected` (unchanged for keys that do not
    /// move in a list).
    pub fn step(self, selected: usize, len: usize) -> usize {
        let last = len.saturating_sub(1);
        match self {
            Nav::Up => selected.saturating_sub(1),
            Nav::Down => (selected + 1).min(last),
            Nav::Top => 0,
            Nav::Bottom => last,
            Nav::PageUp => selected.saturating_sub(10),
            Nav::PageDown => (selected + 10).min(last),
            _ => selected,
        }
    }
}
