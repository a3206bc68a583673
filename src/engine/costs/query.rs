//! `GetCostAndUsage` answered from the billing data: the request checked in the service's words,
//! one `ResultByTime` per calendar month of the period (clipped to it), the cost metrics from
//! the same amounts, up to two groupings, the filter, and pages of at most [`PAGE_GROUPS`]
//! groups behind an opaque `NextPageToken` bound to the request.

use super::CostData;
use super::filter;
use crate::model::AccountId;
use crate::model::costexplorer::*;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};

/// Groups per page (the service's page size is not documented; this one is ours).
pub const PAGE_GROUPS: usize = 500;

/// The metrics that are costs (USD); the others are usage quantities.
const COST_METRICS: &[&str] =
    &["AmortizedCost", "BlendedCost", "NetAmortizedCost", "NetUnblendedCost", "UnblendedCost"];

/// What a query may see and when it runs.
pub struct CostScope<'a> {
    /// The current month (its results are `Estimated`; the period may end at the next's start).
    pub now: Month,
    /// `None`: every account (the management account's view); `Some`: only this account.
    pub only: Option<&'a AccountId>,
    /// The account's name, for `DimensionValueAttributes`.
    pub name: &'a dyn Fn(&str) -> Option<String>,
}

fn required(member: &str) -> CeError {
    CeError::validation(format!(
        "1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null"
    ))
}

/// A date of the request: its month and day (1-based), or the service's pattern error.
fn date(s: &str, member: &str) -> CeResult<(Month, u32)> {
    let pattern = || {
        CeError::validation(format!(
            "1 validation error detected: Value '{s}' at '{member}' failed to satisfy constraint: Member must \
             satisfy regular expression pattern: (\\d{{4}}-\\d{{2}}-\\d{{2}})(T\\d{{2}}:\\d{{2}}:\\d{{2}}Z)?"
        ))
    };
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let shape =
        b.len() >= 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10);
    let time = &s.get(10..).unwrap_or("");
    let time_ok = time.is_empty()
        || (time.len() == 10 && time.starts_with('T') && time.ends_with('Z') && {
            let t = time.as_bytes();
            t[1..3].iter().chain(&t[4..6]).chain(&t[7..9]).all(u8::is_ascii_digit)
                && t[3] == b':'
                && t[6] == b':'
        });
    if !shape || !time_ok {
        return Err(pattern());
    }
    Month::of_date(s).ok_or_else(|| CeError::validation(format!("Date {} is not a valid date.", &s[..10])))
}

/// The metric names of the request, checked: PascalCase, UPPER_SNAKE and upper-case spellings
/// are accepted; the response is keyed by the name as sent. Returns (sent, canonical) pairs.
fn metrics(sent: &[String]) -> CeResult<Vec<(String, &'static str)>> {
    if sent.is_empty() {
        return Err(required("metrics"));
    }
    let fold = |s: &str| s.replace('_', "").to_ascii_lowercase();
    sent.iter()
        .map(|m| {
            METRICS.iter().find(|c| fold(c) == fold(m)).map(|c| (m.clone(), *c)).ok_or_else(|| {
                CeError::validation(format!(
                    "Metric {m} is invalid. Valid values are AMORTIZED_COST, BLENDED_COST, NET_AMORTIZED_COST, \
                     NET_UNBLENDED_COST, NORMALIZED_USAGE_AMOUNT, UNBLENDED_COST, USAGE_QUANTITY"
                ))
            })
        })
        .collect()
}

/// One grouping, checked: what a cell's key is made of.
#[derive(Clone, Copy)]
enum Key<'a> {
    Account,
    Service,
    /// A tag or cost category: the data has none, so every cell is `<key>$`.
    Untagged(&'a str),
}

fn groupings(defs: &[GroupDefinition]) -> CeResult<Vec<Key<'_>>> {
    if defs.len() > 2 {
        return Err(CeError::validation(
            "You can only group by up to two different groups. Group Definition has more than 2 groups.",
        ));
    }
    defs.iter()
        .map(|d| {
            let (ty, key) = (d.r#type.as_deref().unwrap_or(""), d.key.as_deref().unwrap_or(""));
            if ty.is_empty() || key.is_empty() {
                return Err(CeError::validation(
                    "Group Definition is invalid. Both type an key need to be set to a non-empty value.",
                ));
            }
            match ty {
                "TAG" | "COST_CATEGORY" => Ok(Key::Untagged(key)),
                "DIMENSION" if !GROUP_BY_DIMENSIONS.contains(&key) => Err(CeError::validation(format!(
                    "Group Definition dimension is invalid. Valid values are {}",
                    GROUP_BY_DIMENSIONS.join(", ")
                ))),
                "DIMENSION" if key == "LINKED_ACCOUNT" => Ok(Key::Account),
                "DIMENSION" if key == "SERVICE" => Ok(Key::Service),
                "DIMENSION" => Err(CeError::validation(format!(
                    "Group Definition dimension {key} is not supported by this endpoint: its billing data is \
                     kept per LINKED_ACCOUNT and SERVICE only."
                ))),
                _ => Err(CeError::validation("Group Definition type is invalid.")),
            }
        })
        .collect()
}

/// The token of the page starting at group `offset` of the request `req` (without its token).
fn token(req: &GetCostAndUsageRequest, offset: usize) -> String {
    format!("{:016x}{offset:x}", fingerprint(req))
}

fn fingerprint(req: &GetCostAndUsageRequest) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    GetCostAndUsageRequest { next_page_token: None, ..req.clone() }.hash(&mut h);
    h.finish()
}

fn page_offset(req: &GetCostAndUsageRequest) -> CeResult<usize> {
    let Some(t) = req.next_page_token.as_deref() else { return Ok(0) };
    let invalid = || CeError::new(CeErrorCode::InvalidNextTokenException, "Invalid pagination token");
    if t.len() <= 16 || !t.is_ascii() {
        return Err(invalid());
    }
    let fp = u64::from_str_radix(&t[..16], 16).map_err(|_| invalid())?;
    let offset = usize::from_str_radix(&t[16..], 16).map_err(|_| invalid())?;
    if fp != fingerprint(req) {
        return Err(CeError::new(
            CeErrorCode::RequestChangedException,
            "The request parameters changed since the previous page was requested.",
        ));
    }
    Ok(offset)
}

/// Answers `GetCostAndUsage` from `data` as seen by `scope`.
pub fn get_cost_and_usage(
    data: &CostData,
    scope: &CostScope<'_>,
    req: &GetCostAndUsageRequest,
) -> CeResult<GetCostAndUsageResponse> {
    let period = req.time_period.as_ref().ok_or_else(|| required("timePeriod"))?;
    let granularity = req.granularity.as_deref().ok_or_else(|| required("granularity"))?;
    let (start, end) = (date(&period.start, "timePeriod.start")?, date(&period.end, "timePeriod.end")?);
    match granularity {
        "MONTHLY" => {}
        "DAILY" | "HOURLY" => {
            return Err(CeError::validation(format!(
                "Granularity {granularity} is not supported by this endpoint: its billing data is monthly. \
                 Use MONTHLY."
            )));
        }
        g => {
            return Err(CeError::validation(format!(
                "1 validation error detected: Value '{g}' at 'granularity' failed to satisfy constraint: Member \
                 must satisfy enum value set: [DAILY, MONTHLY, HOURLY]"
            )));
        }
    }
    if start >= end {
        return Err(CeError::validation("Start date (and hour) should be before end date (and hour)"));
    }
    if end > (scope.now.plus(1), 1) {
        return Err(CeError::validation("end date past the beginning of next month"));
    }
    if start.0 < scope.now.plus(-13) && start.1 != 1 {
        return Err(CeError::validation(
            "To retrieve data beyond the past 14 months, your start date needs to be the first day of the month.",
        ));
    }
    let metrics = metrics(&req.metrics)?;
    let keys = groupings(&req.group_by)?;
    if let Some(f) = &req.filter {
        filter::validate(f)?;
    }
    let offset = page_offset(req)?;
    let results: Vec<(ResultByTime, BTreeMap<[u32; 2], f64>)> = buckets(start, end)
        .map(|(m, from, to, fraction)| {
            let sums = month_sums(data, scope, req.filter.as_ref(), &keys, m, fraction);
            let rbt = ResultByTime {
                time_period: DateInterval { start: from, end: to },
                total: BTreeMap::new(),
                groups: Vec::new(),
                estimated: m >= scope.now,
            };
            (rbt, sums)
        })
        .collect();
    let metric_map = |v: f64| -> BTreeMap<String, MetricValue> {
        metrics
            .iter()
            .map(|(sent, canon)| {
                let value = if COST_METRICS.contains(canon) {
                    MetricValue { amount: format_amount(v), unit: "USD".into() }
                } else {
                    MetricValue { amount: "0".into(), unit: "N/A".into() }
                };
                (sent.clone(), value)
            })
            .collect()
    };
    let mut resp = GetCostAndUsageResponse { group_definitions: req.group_by.clone(), ..Default::default() };
    if keys.is_empty() {
        resp.results_by_time = results
            .into_iter()
            .map(|(mut r, sums)| {
                r.total = metric_map(sums.values().sum());
                r
            })
            .collect();
        return Ok(resp);
    }
    let total: usize = results.iter().map(|(_, s)| s.len()).sum();
    let mut seen = 0usize;
    let page_end = offset.saturating_add(PAGE_GROUPS);
    let mut accounts = BTreeSet::new();
    for (mut r, sums) in results {
        let first = seen;
        seen += sums.len();
        let in_page = if sums.is_empty() {
            first >= offset && (first < page_end || page_end >= total)
        } else {
            first < page_end && seen > offset
        };
        if !in_page {
            continue;
        }
        let skip = offset.saturating_sub(first);
        let take = page_end.saturating_sub(first.max(offset));
        for (ids, v) in sums.into_iter().skip(skip).take(take) {
            let group_keys: Vec<String> = keys
                .iter()
                .zip(ids)
                .map(|(k, i)| match k {
                    Key::Account => {
                        let id = data.accounts()[i as usize].to_string();
                        accounts.insert(id.clone());
                        id
                    }
                    Key::Service => data.services()[i as usize].clone(),
                    Key::Untagged(t) => format!("{t}$"),
                })
                .collect();
            r.groups.push(Group { keys: group_keys, metrics: metric_map(v) });
        }
        resp.results_by_time.push(r);
    }
    if page_end < total {
        resp.next_page_token = Some(token(req, page_end));
    }
    resp.dimension_value_attributes = accounts
        .into_iter()
        .map(|id| {
            let attributes = (scope.name)(&id).map(|n| ("description".to_string(), n)).into_iter().collect();
            DimensionValuesWithAttributes { value: id, attributes }
        })
        .collect();
    Ok(resp)
}

/// The calendar months of `[start, end)`: (month, clipped start, clipped end, share of the
/// month's days covered).
fn buckets(start: (Month, u32), end: (Month, u32)) -> impl Iterator<Item = (Month, String, String, f64)> {
    let last = if end.1 == 1 { end.0.plus(-1) } else { end.0 };
    (start.0.0..=last.0).map(move |i| {
        let m = Month(i);
        let from_day = if m == start.0 { start.1 } else { 1 };
        let (to_day, to) = if m == end.0 {
            (end.1, format!("{m}-{:02}", end.1))
        } else {
            (m.days() + 1, m.plus(1).first_day())
        };
        let fraction = f64::from(to_day - from_day) / f64::from(m.days());
        (m, format!("{m}-{from_day:02}"), to, fraction)
    })
}

/// The sums of one month per group key (interned account or service ids, in the order of the
/// groupings, 0 for the untagged or absent ones; one key without grouping), over the cells the
/// scope sees and the filter admits, times `fraction` (a partial month gets its share). Ids are
/// interned in sorted order, so the keys sort as their names do.
fn month_sums(
    data: &CostData,
    scope: &CostScope<'_>,
    filter: Option<&Expression>,
    keys: &[Key<'_>],
    month: Month,
    fraction: f64,
) -> BTreeMap<[u32; 2], f64> {
    let mut sums = BTreeMap::new();
    let Some(mi) = data.month_index(month) else { return sums };
    let accounts: Vec<usize> = match scope.only {
        Some(id) => data.account_index(id.as_str()).into_iter().collect(),
        None => (0..data.accounts().len()).collect(),
    };
    for a in accounts {
        let account = data.accounts()[a].as_str();
        for (s, v) in data.cells(mi, a) {
            let service = data.services()[s].as_str();
            if filter.is_some_and(|f| !filter::matches(f, account, service)) {
                continue;
            }
            let mut key = [0u32; 2];
            for (slot, k) in key.iter_mut().zip(keys) {
                *slot = match k {
                    Key::Account => a as u32,
                    Key::Service => s as u32,
                    Key::Untagged(_) => 0,
                };
            }
            *sums.entry(key).or_insert(0.0) += v * fraction;
        }
    }
    sums
}

impl crate::engine::Engine {
    /// `GetCostAndUsage` for `caller`: the management account (the engine's home account) sees
    /// every account's costs, any other account only its own.
    pub fn get_cost_and_usage(
        &self,
        caller: &crate::model::Caller,
        req: GetCostAndUsageRequest,
    ) -> CeResult<GetCostAndUsageResponse> {
        let me = self.caller_account(caller);
        let state = self.state();
        let name =
            |id: &str| AccountId::parse(id).ok().and_then(|a| state.accounts.get(&a)).map(|r| r.name.clone());
        let scope = CostScope {
            now: Month::of_timestamp(self.now()),
            only: (me != state.home_account).then_some(&me),
            name: &name,
        };
        get_cost_and_usage(&state.costs, &scope, &req)
    }
}
