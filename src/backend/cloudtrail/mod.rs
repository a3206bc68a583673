//! CloudTrail behind a trait of its own (`CloudTrailBackend`, one async method per operation of
//! `for_each_cloudtrail_operation!`), with the memory implementation over the engine. Read-only:
//! no guard or journal is needed. `history` walks LookupEvents pages at CloudTrail's pace and,
//! in a live session, merges orgtui's own audit journal beside CloudTrail's events. The live
//! implementation (`aws`) paces its calls with `pacer`.

pub mod aws;
pub mod memory;
pub mod pacer;

use crate::model::cloudtrail::*;
use async_trait::async_trait;

macro_rules! cloudtrail_trait {
    ($(($wire:ident, $method:ident, $req:ident, $resp:ident)),+ $(,)?) => {
        /// CloudTrail as the console and the CLI use it: one method per operation.
        #[async_trait]
        pub trait CloudTrailBackend: Send + Sync {
            $(
                #[doc = concat!("`", stringify!($wire), "`.")]
                async fn $method(&self, req: $req) -> CloudTrailResult<$resp>;
            )+

            /// Seconds to wait between LookupEvents pages (CloudTrail allows 2 per second per
            /// account and Region; the engine has no such limit).
            fn lookup_interval(&self) -> std::time::Duration {
                std::time::Duration::ZERO
            }

            /// The calls per second the backend is pacing itself to now (`None`: unpaced).
            fn lookup_rate(&self) -> Option<f64> {
                None
            }

            /// orgtui's own audit journal of the last 90 days as events (live sessions have
            /// one: CloudTrail takes up to 15 minutes to show a call, the journal shows it now).
            fn journal(&self) -> Vec<EventRecord> {
                Vec::new()
            }
        }
    };
}
crate::for_each_cloudtrail_operation!(cloudtrail_trait);

/// What the Activity page shows: Organizations events (newest first; in a live session with
/// orgtui's journal lines merged in) and the trails with their status.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub events: Vec<EventRecord>,
    pub trails: TrailList,
    /// How many of `events` come from orgtui's journal.
    pub journaled: usize,
}

/// Where an event of the timeline comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    CloudTrail,
    /// orgtui's own audit journal (a write this console made).
    Journal,
}

impl Source {
    /// The source of an event.
    pub fn of(e: &EventRecord) -> Source {
        if e.event_type == crate::backend::journal::JOURNAL_EVENT_TYPE {
            Source::Journal
        } else {
            Source::CloudTrail
        }
    }
}

impl History {
    /// Merges journal events (any order) into the newest-first timeline, leaving out those
    /// CloudTrail already shows (the same request id).
    pub fn merge_journal(&mut self, journal: Vec<EventRecord>) {
        let seen: std::collections::HashSet<&str> =
            self.events.iter().map(|e| e.request_id.as_str()).filter(|r| !r.is_empty()).collect();
        let fresh: Vec<EventRecord> = journal
            .into_iter()
            .filter(|j| j.request_id.is_empty() || !seen.contains(j.request_id.as_str()))
            .collect();
        self.journaled += fresh.len();
        self.events.extend(fresh);
        // Stable: CloudTrail's own order is kept among events of the same second.
        self.events.sort_by(|a, b| b.event_time.cmp(&a.event_time));
    }
}

/// How far a history read has come: "page 3 · 150 events · 2 req/s".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LookupProgress {
    pub pages: usize,
    pub events: usize,
    /// The pace the backend keeps (calls per second), when it paces.
    pub rate: Option<f64>,
}

impl std::fmt::Display for LookupProgress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "page {} · {} events", self.pages, self.events)?;
        match self.rate {
            Some(r) if (r - r.round()).abs() < 0.05 => write!(f, " · {} req/s", r.round()),
            Some(r) => write!(f, " · {r:.1} req/s"),
            None => Ok(()),
        }
    }
}

/// Reads the Organizations event history (EventSource `organizations.amazonaws.com`, every
/// page, paced by `lookup_interval` or by the backend itself), the trails, and the backend's
/// journal; `progress` hears each page read.
pub async fn history(
    b: &dyn CloudTrailBackend,
    progress: &(dyn Fn(LookupProgress) + Send + Sync),
) -> CloudTrailResult<History> {
    let mut out = History::default();
    let mut token = None;
    let mut pages = 0;
    loop {
        let req = LookupEventsRequest {
            lookup_attributes: Some(vec![LookupAttribute {
                attribute_key: "EventSource".into(),
                attribute_value: ORGANIZATIONS_EVENT_SOURCE.into(),
            }]),
            max_results: Some(50),
            next_token: token.take(),
            ..Default::default()
        };
        let page = b.lookup_events(req).await?;
        out.events.extend(page.events.iter().filter_map(Event::record));
        pages += 1;
        progress(LookupProgress { pages, events: out.events.len(), rate: b.lookup_rate() });
        match page.next_token {
            Some(t) => token = Some(t),
            None => break,
        }
        let pause = b.lookup_interval();
        if !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
    }
    out.trails = trails(b).await?;
    out.merge_journal(b.journal());
    Ok(out)
}

/// The trails with their status (`None` where GetTrailStatus failed).
pub type TrailList = Vec<(Trail, Option<GetTrailStatusResponse>)>;

/// Reads the trails the caller sees and each one's status.
pub async fn trails(b: &dyn CloudTrailBackend) -> CloudTrailResult<TrailList> {
    let mut out = Vec::new();
    for t in b.describe_trails(DescribeTrailsRequest::default()).await?.trail_list {
        let name = t.trail_arn.clone().or_else(|| t.name.clone()).unwrap_or_default();
        let status = b.get_trail_status(GetTrailStatusRequest { name }).await.ok();
        out.push((t, status));
    }
    Ok(out)
}
