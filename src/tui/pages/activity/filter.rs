//! The Activity timeline's filter: a case-insensitive text matched against each event's name,
//! principal and targets, and a time window (`:since 7d`, `:range A B`). Each event's searchable
//! text is lowered once when the history arrives, so filtering 10,000 events per keystroke is a
//! scan of prepared strings (`benches/console.rs` measures it).

use crate::model::Timestamp;
use crate::model::cloudtrail::EventRecord;

/// The searchable text of every event, prepared once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    hay: Vec<String>,
    times: Vec<Timestamp>,
}

/// What the timeline shows: events whose text contains `text` (lowercase), within `from..=to`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
}

/// Who made the call, as the timeline shows it: the role session or user name.
pub fn who(e: &EventRecord) -> &str {
    e.user_identity.username()
}

/// The ids the call targets (accounts, OUs, roots, policies), comma-separated.
pub fn target(e: &EventRecord) -> String {
    e.resources().into_iter().filter_map(|r| r.resource_name).collect::<Vec<_>>().join(",")
}

impl Index {
    /// Prepares `events` for filtering.
    pub fn new(events: &[EventRecord]) -> Index {
        let hay = events
            .iter()
            .map(|e| {
                format!(
                    "{}\u{1}{}\u{1}{}\u{1}{}",
                    e.event_name,
                    e.user_identity.arn,
                    target(e),
                    e.error_code.as_deref().unwrap_or("")
                )
                .to_lowercase()
            })
            .collect();
        Index { hay, times: events.iter().map(|e| e.event_time).collect() }
    }

    /// The positions of the events matching `q`, in the order they were given.
    pub fn filter(&self, q: &Query) -> Vec<usize> {
        let needle = q.text.trim().to_lowercase();
        (0..self.hay.len())
            .filter(|&i| {
                let t = self.times[i];
                q.from.is_none_or(|f| t >= f)
                    && q.to.is_none_or(|to| t <= to)
                    && (needle.is_empty() || self.hay[i].contains(&needle))
            })
            .collect()
    }
}

/// `7d`, `12h`, `30m`, `2w` → milliseconds.
pub fn parse_span(s: &str) -> Option<i64> {
    let s = s.trim();
    let (n, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit())?);
    let n: i64 = n.parse().ok()?;
    let ms = match unit {
        "m" => 60_000,
        "h" => 3_600_000,
        "d" => 86_400_000,
        "w" => 7 * 86_400_000,
        _ => return None,
    };
    n.checked_mul(ms)
}

/// `2026-11-20` (start of day) or `2026-11-20T10:00:00Z`.
pub fn parse_time(s: &str, end_of_day: bool) -> Option<Timestamp> {
    let s = s.trim();
    if s.len() == 10 {
        let t = Timestamp::parse_rfc3339(&format!("{s}T00:00:00Z"))?;
        return Some(if end_of_day { Timestamp(t.0 + 86_400_000 - 1) } else { t });
    }
    Timestamp::parse_rfc3339(s)
}

/// "3 days ago", "5 hours ago", "just now".
pub fn ago(then: Timestamp, now: Timestamp) -> String {
    let s = (now.0 - then.0).max(0) / 1000;
    let (n, unit) = match s {
        0..60 => return "just now".into(),
        60..3600 => (s / 60, "minute"),
        3600..86_400 => (s / 3600, "hour"),
        _ => (s / 86_400, "day"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}
