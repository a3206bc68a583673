//! CloudTrail behind a trait of its own (`CloudTrailBackend`, one async method per operation of
//! `for_each_cloudtrail_operation!`), with the memory implementation over the engine. Read-only:
//! no guard or journal is needed. `history` walks LookupEvents pages at CloudTrail's pace.

pub mod memory;

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
        }
    };
}
crate::for_each_cloudtrail_operation!(cloudtrail_trait);

/// What the Activity page shows: Organizations events (newest first) and the trails with
/// their status.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub events: Vec<EventRecord>,
    pub trails: Vec<(Trail, Option<GetTrailStatusResponse>)>,
}

/// Reads the Organizations event history (EventSource `organizations.amazonaws.com`, every
/// page, paced by `lookup_interval`) and the trails; `progress` hears the events read so far.
pub async fn history(
    b: &dyn CloudTrailBackend,
    progress: &(dyn Fn(usize) + Send + Sync),
) -> CloudTrailResult<History> {
    let mut out = History::default();
    let mut token = None;
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
        progress(out.events.len());
        match page.next_token {
            Some(t) => token = Some(t),
            None => break,
        }
        let pause = b.lookup_interval();
        if !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
    }
    for t in b.describe_trails(DescribeTrailsRequest::default()).await?.trail_list {
        let name = t.trail_arn.clone().or_else(|| t.name.clone()).unwrap_or_default();
        let status = b.get_trail_status(GetTrailStatusRequest { name }).await.ok();
        out.trails.push((t, status));
    }
    Ok(out)
}
