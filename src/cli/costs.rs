//! `orgtui costs`: consolidated billing by account, by OU (each OU its subtree's sum) or by
//! service for a month (and the months before it with `--months`), with the month-over-month
//! change, as an aligned table, RFC 4180 CSV or stable JSON.

use super::failure::{Failure, emit};
use super::source::OrgSource;
use crate::engine::costs::{Change, CostData, NodeKind, Rollup};
use crate::model::OrgSnapshot;
use crate::model::costexplorer::Month;
use serde_json::json;
use std::sync::Arc;

/// What the rows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CostsBy {
    Account,
    Ou,
    Service,
}

/// How the rows are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CostsFormat {
    Table,
    Csv,
    Json,
}

/// The options of `orgtui costs`.
#[derive(Debug, Clone, clap::Args)]
pub struct CostsArgs {
    /// One row per account, per OU (the root and every OU, in tree order) or per service.
    #[arg(long, value_enum, default_value = "ou")]
    pub by: CostsBy,
    /// The month (YYYY-MM); the newest month with data when omitted.
    #[arg(long, value_name = "YYYY-MM")]
    pub month: Option<String>,
    /// Show this many months ending with --month.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=38))]
    pub months: u16,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: CostsFormat,
    /// The Cost Explorer metric (UnblendedCost, NetUnblendedCost, AmortizedCost, …).
    #[arg(long, default_value = crate::backend::costs::DEFAULT_METRIC)]
    pub metric: String,
    /// With --aws: fetch the current month again even when it is cached (closed months are
    /// never fetched twice; each request costs USD 0.01).
    #[arg(long)]
    pub refresh: bool,
}

impl CostsArgs {
    /// The months to read: the ones shown and the one before (for the change); `None` when
    /// --month is not given.
    pub fn window(&self) -> Result<Option<(Month, Month)>, Failure> {
        let Some(m) = &self.month else { return Ok(None) };
        let month = Month::parse(m).ok_or_else(|| Failure::input(format!("--month {m:?} is not YYYY-MM")))?;
        Ok(Some((month.plus(-(self.months as i32)), month)))
    }

    /// The metric as Cost Explorer spells it.
    pub fn metric(&self) -> Result<String, Failure> {
        let fold = |s: &str| s.replace('_', "").to_ascii_lowercase();
        crate::model::costexplorer::METRICS
            .iter()
            .find(|m| fold(m) == fold(&self.metric))
            .map(|m| m.to_string())
            .ok_or_else(|| {
                Failure::input(format!(
                    "--metric {:?}: one of {}",
                    self.metric,
                    crate::model::costexplorer::METRICS.join(", ")
                ))
            })
    }
}

/// One printed row.
struct Line {
    id: String,
    name: String,
    depth: u16,
    amounts: Vec<f64>,
    change: Option<Change>,
}

/// `orgtui costs`: loads the organization and its costs and prints them.
pub fn costs(source: &OrgSource, args: &CostsArgs) -> Result<(), Failure> {
    let (org, data) = load(source, args)?;
    emit(None, &render(&org, data, args)?)
}

/// The organization and its billing data through Cost Explorer: the engine's over the
/// snapshot (sample or `--org FILE`), or the live service's (`--aws`, cached on disk per month).
fn load(source: &OrgSource, args: &CostsArgs) -> Result<(OrgSnapshot, Arc<CostData>), Failure> {
    let metric = args.metric()?;
    if source.aws.live() {
        return super::aws::load_costs(&source.aws, &metric, args.window()?, args.refresh);
    }
    let loaded = super::source::load_source(source)?;
    // Cost Explorer answers for months up to its now: here, within the snapshot's newest month.
    let now = loaded
        .state
        .costs
        .months()
        .last()
        .and_then(|m| crate::model::Timestamp::parse_rfc3339(&format!("{}T00:00:00Z", m.first_day())))
        .unwrap_or(crate::model::Timestamp(0));
    let clock = Box::new(crate::engine::ManualClock::new(now));
    let engine = crate::engine::Engine::from_state(loaded.state, clock, 1)
        .map_err(|e| Failure::input(format!("inconsistent organization: {}", e.message)))?;
    let org = engine.to_snapshot();
    let backend = crate::backend::costs::memory::MemoryCosts::new(Arc::new(std::sync::Mutex::new(engine)));
    let service = crate::backend::costs::CostsService::new(
        Arc::new(backend),
        crate::backend::costs::cache::CostCache::none(),
    );
    let rt = super::aws::runtime()?;
    let view = rt
        .block_on(service.open("", &metric, None, &|_| {}))
        .map_err(|e| Failure::operation(format!("reading the costs: {e}")))?;
    Ok((org, view.data))
}

/// The output text for `args`.
pub fn render(org: &OrgSnapshot, data: Arc<CostData>, args: &CostsArgs) -> Result<String, Failure> {
    let rollup = Rollup::new(data, org);
    let month = match &args.month {
        Some(m) => Month::parse(m).ok_or_else(|| Failure::input(format!("--month {m:?} is not YYYY-MM")))?,
        None => rollup.latest_month().ok_or_else(|| Failure::operation("no cost data"))?,
    };
    if rollup.totals(month).is_none() {
        let have: Vec<String> = rollup.data().months().iter().map(Month::to_string).collect();
        return Err(Failure::input(format!("no cost data for {month} (data: {})", have.join(", "))));
    }
    let months: Vec<Month> = (0..args.months as i32).rev().map(|k| month.plus(-k)).collect();
    let lines = lines(&rollup, args.by, month, &months);
    let total = Line {
        id: String::new(),
        name: "Total".into(),
        depth: 0,
        amounts: months.iter().map(|m| rollup.cost(0, *m)).collect(),
        change: rollup.change(0, month),
    };
    Ok(match args.format {
        CostsFormat::Table => table(args.by, &months, &lines, &total),
        CostsFormat::Csv => csv(args.by, &months, &lines),
        CostsFormat::Json => {
            let metric = args.metric()?;
            let mut s =
                serde_json::to_string_pretty(&to_json(args.by, month, &months, &lines, &total, &metric))
                    .unwrap_or_default();
            s.push('\n');
            s
        }
    })
}

fn lines(r: &Rollup, by: CostsBy, month: Month, months: &[Month]) -> Vec<Line> {
    let mut out: Vec<Line> = match by {
        CostsBy::Service => {
            let per_month: Vec<Vec<(String, f64)>> = months.iter().map(|m| r.breakdown(0, *m)).collect();
            let before = r.breakdown(0, month.plus(-1));
            let has_before = r.totals(month.plus(-1)).is_some();
            let mut names: Vec<&String> = per_month.iter().flatten().map(|(s, _)| s).collect();
            names.sort();
            names.dedup();
            let get =
                |list: &[(String, f64)], s: &str| list.iter().find(|(n, _)| n == s).map_or(0.0, |x| x.1);
            names
                .into_iter()
                .map(|s| Line {
                    id: s.clone(),
                    name: s.clone(),
                    depth: 0,
                    amounts: per_month.iter().map(|l| get(l, s)).collect(),
                    change: has_before
                        .then(|| Change::between(get(&before, s), get(&per_month[months.len() - 1], s))),
                })
                .collect()
        }
        CostsBy::Account | CostsBy::Ou => {
            let want = if by == CostsBy::Account { NodeKind::Account } else { NodeKind::Ou };
            r.nodes()
                .iter()
                .enumerate()
                .filter(|(_, n)| n.kind == want || (by == CostsBy::Ou && n.kind == NodeKind::Root))
                .map(|(i, n)| Line {
                    id: n.id.clone(),
                    name: n.name.clone(),
                    depth: n.depth,
                    amounts: months.iter().map(|m| r.cost(i, *m)).collect(),
                    change: r.change(i, month),
                })
                .collect()
        }
    };
    if by != CostsBy::Ou {
        let last = months.len() - 1;
        out.sort_by(|a, b| b.amounts[last].total_cmp(&a.amounts[last]).then(a.id.cmp(&b.id)));
    }
    out
}

fn money(v: f64) -> String {
    format!("{:.2}", (v * 100.0).round() / 100.0 + 0.0)
}

fn percent(c: &Option<Change>) -> String {
    match c.and_then(|c| c.percent) {
        Some(p) => format!("{p:+.1}%"),
        None => String::new(),
    }
}

fn delta(c: &Option<Change>) -> String {
    c.map(|c| format!("{}{}", if c.amount >= 0.0 { "+" } else { "" }, money(c.amount))).unwrap_or_default()
}

fn headers(by: CostsBy, months: &[Month]) -> Vec<String> {
    let first: &[&str] = match by {
        CostsBy::Account => &["ACCOUNT", "NAME"],
        CostsBy::Ou => &["ID", "NAME"],
        CostsBy::Service => &["SERVICE"],
    };
    let mut h: Vec<String> = first.iter().map(|s| s.to_string()).collect();
    h.extend(months.iter().map(Month::to_string));
    h.extend(["CHANGE".to_string(), "CHANGE %".to_string()]);
    h
}

fn cells(by: CostsBy, l: &Line) -> Vec<String> {
    let mut row = match by {
        CostsBy::Account => vec![l.id.clone(), l.name.clone()],
        CostsBy::Ou => vec![l.id.clone(), format!("{}{}", "  ".repeat(l.depth as usize), l.name)],
        CostsBy::Service => vec![l.name.clone()],
    };
    row.extend(l.amounts.iter().map(|v| money(*v)));
    row.extend([delta(&l.change), percent(&l.change)]);
    row
}

fn table(by: CostsBy, months: &[Month], lines: &[Line], total: &Line) -> String {
    let head = headers(by, months);
    let text_cols = head.len() - months.len() - 2;
    let mut rows: Vec<Vec<String>> = lines.iter().map(|l| cells(by, l)).collect();
    let mut t = cells(by, total);
    if by != CostsBy::Service {
        t[0] = String::new();
        t[1] = "Total".into();
    }
    rows.push(t);
    let width = |c: usize| {
        rows.iter()
            .chain(std::iter::once(&head))
            .map(|r| unicode_width::UnicodeWidthStr::width(r[c].as_str()))
            .max()
    };
    let widths: Vec<usize> = (0..head.len()).map(|c| width(c).unwrap_or(0)).collect();
    let mut out = String::new();
    for row in std::iter::once(&head).chain(&rows) {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c].saturating_sub(unicode_width::UnicodeWidthStr::width(cell.as_str()));
            if c > 0 {
                line.push_str("  ");
            }
            if c < text_cols {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn csv(by: CostsBy, months: &[Month], lines: &[Line]) -> String {
    use crate::snapshot::export::csv_field;
    let mut head: Vec<String> = match by {
        CostsBy::Account => vec!["account_id".into(), "name".into()],
        CostsBy::Ou => vec!["id".into(), "name".into(), "depth".into()],
        CostsBy::Service => vec!["service".into()],
    };
    head.extend(months.iter().map(Month::to_string));
    head.extend(["change".to_string(), "change_percent".to_string()]);
    let mut out = head.join(",") + "\r\n";
    for l in lines {
        let mut row: Vec<String> = match by {
            CostsBy::Account => vec![csv_field(&l.id), csv_field(&l.name)],
            CostsBy::Ou => vec![csv_field(&l.id), csv_field(&l.name), l.depth.to_string()],
            CostsBy::Service => vec![csv_field(&l.name)],
        };
        row.extend(l.amounts.iter().map(|v| money(*v)));
        row.push(l.change.map(|c| money(c.amount)).unwrap_or_default());
        row.push(l.change.and_then(|c| c.percent).map(|p| format!("{p:.2}")).unwrap_or_default());
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn cents(v: f64) -> f64 {
    (v * 100.0).round() / 100.0 + 0.0
}

fn change_json(c: &Option<Change>) -> serde_json::Value {
    match c {
        Some(c) => {
            json!({"amount": cents(c.amount), "percent": c.percent.map(|p| (p * 100.0).round() / 100.0)})
        }
        None => serde_json::Value::Null,
    }
}

fn to_json(
    by: CostsBy,
    month: Month,
    months: &[Month],
    lines: &[Line],
    total: &Line,
    metric: &str,
) -> serde_json::Value {
    let amounts = |l: &Line| -> serde_json::Map<String, serde_json::Value> {
        months.iter().zip(&l.amounts).map(|(m, v)| (m.to_string(), json!(cents(*v)))).collect()
    };
    let rows: Vec<serde_json::Value> = lines
        .iter()
        .map(|l| {
            let mut o = serde_json::Map::new();
            match by {
                CostsBy::Service => {
                    o.insert("service".into(), json!(l.name));
                }
                _ => {
                    o.insert("id".into(), json!(l.id));
                    o.insert("name".into(), json!(l.name));
                    if by == CostsBy::Ou {
                        o.insert("depth".into(), json!(l.depth));
                    }
                }
            }
            o.insert("costs".into(), amounts(l).into());
            o.insert("change".into(), change_json(&l.change));
            o.into()
        })
        .collect();
    let by = match by {
        CostsBy::Account => "account",
        CostsBy::Ou => "ou",
        CostsBy::Service => "service",
    };
    json!({
        "by": by,
        "month": month.to_string(),
        "months": months.iter().map(Month::to_string).collect::<Vec<_>>(),
        "currency": "USD",
        "metric": metric,
        "rows": rows,
        "total": {"costs": amounts(total), "change": change_json(&total.change)},
    })
}
