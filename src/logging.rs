//! orgtui's log, on `tracing`: the console, `serve` and the CLI log through the `tracing`
//! macros, and this module decides where the lines go.
//!
//! - The console logs to a file only (`--log-file`, default `orgtui.log` in the state
//!   directory, see [`crate::paths`]), never to the screen, through a non-blocking writer so a
//!   slow disk never stalls a frame.
//! - Other commands (`serve`, `export`, …) print warnings and errors on standard error, and log
//!   everything to `--log-file` as well when it is given.
//!
//! Only orgtui's own events are recorded (debug and above); the SDK's and the HTTP stack's are
//! not, so nothing they trace about signing or credentials can reach the log. orgtui itself
//! logs operations, outcomes and account ids, never keys or tokens. Every line has its control
//! characters escaped, like everything orgtui shows: `TIME LEVEL MODULE: MESSAGE`.

use std::fmt;
use std::io;
use std::path::Path;
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::Layer;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields, MakeWriter};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::registry::LookupSpan;

/// Keeps the log writer alive: lines still queued are written when it is dropped, so hold it
/// until the command ends.
#[must_use = "dropping the guard stops the log"]
pub struct LogGuard {
    _worker: Option<tracing_appender::non_blocking::WorkerGuard>,
}

/// The console's log: every orgtui event (debug and above) appended to `path`, never the
/// screen. Fails when the file cannot be opened.
pub fn init_console(path: &Path) -> io::Result<LogGuard> {
    let (writer, guard) = file_writer(path)?;
    let subscriber = tracing_subscriber::registry().with(file_layer(writer)).with(own_events(Level::DEBUG));
    install(subscriber);
    Ok(LogGuard { _worker: Some(guard) })
}

/// The log of a command without a terminal UI: warnings and errors on standard error
/// (`orgtui: warning: …`), and with `log_file` every orgtui event (debug and above) in that
/// file too.
pub fn init_command(log_file: Option<&Path>) -> io::Result<LogGuard> {
    match log_file {
        None => {
            install(tracing_subscriber::registry().with(stderr_layer()).with(own_events(Level::WARN)));
            Ok(LogGuard { _worker: None })
        }
        Some(path) => {
            let (writer, guard) = file_writer(path)?;
            let subscriber = tracing_subscriber::registry()
                .with(file_layer(writer))
                .with(stderr_layer())
                .with(own_events(Level::DEBUG));
            install(subscriber);
            Ok(LogGuard { _worker: Some(guard) })
        }
    }
}

/// orgtui's events at `level` and above; nobody else's.
fn own_events(level: Level) -> Targets {
    Targets::new().with_target(env!("CARGO_CRATE_NAME"), level)
}

fn install<S: Subscriber + Send + Sync + 'static>(subscriber: S) {
    // A second initialisation in one process (tests) keeps the first subscriber.
    let _ = tracing::subscriber::set_global_default(subscriber);
}

/// Opens (appends to) `path`, creating its directory, behind a non-blocking writer.
fn file_writer(
    path: &Path,
) -> io::Result<(tracing_appender::non_blocking::NonBlocking, tracing_appender::non_blocking::WorkerGuard)> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let file = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    Ok(tracing_appender::non_blocking(file))
}

/// Warnings and errors on standard error.
fn stderr_layer<S>() -> impl tracing_subscriber::Layer<S>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    tracing_subscriber::fmt::layer()
        .with_writer(io::stderr)
        .event_format(Line::Stderr)
        .with_filter(LevelFilter::WARN)
}

fn file_layer<S, W>(writer: W) -> impl tracing_subscriber::Layer<S>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    W: for<'w> MakeWriter<'w> + 'static,
{
    tracing_subscriber::fmt::layer().with_writer(writer).with_ansi(false).event_format(Line::File)
}

/// How a log line looks: in the file, `2024-03-01T12:00:00Z INFO orgtui::cli: console start:
/// SAMPLE`; on standard error, `orgtui: warning: …` (or `error:`). The message and fields have
/// their control characters escaped either way.
#[derive(Clone, Copy)]
enum Line {
    File,
    Stderr,
}

impl<S, N> FormatEvent<S, N> for Line
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(&self, ctx: &FmtContext<'_, S, N>, mut w: Writer<'_>, event: &Event<'_>) -> fmt::Result {
        let mut text = String::new();
        ctx.format_fields(Writer::new(&mut text), event)?;
        let text = crate::model::text::sanitize(&text);
        let meta = event.metadata();
        match self {
            Line::File => {
                let ts = crate::model::Timestamp::now().to_rfc3339();
                writeln!(w, "{ts} {} {}: {text}", meta.level(), meta.target())
            }
            Line::Stderr => {
                let level = if *meta.level() == Level::ERROR { "error" } else { "warning" };
                writeln!(w, "orgtui: {level}: {text}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_lines_are_escaped_and_carry_level_and_module() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("test.log");
        let (writer, guard) = file_writer(&path).unwrap();
        let subscriber =
            tracing_subscriber::registry().with(file_layer(writer)).with(own_events(Level::DEBUG));
        tracing::subscriber::with_default(subscriber, || {
            tracing::debug!("effect {} {}", "a\u{1b}[2Jb", "x\ny");
            tracing::trace!("not recorded");
            tracing::warn!(target: "aws_sigv4", "not ours, not recorded");
        });
        drop(guard);
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1, "{text}");
        assert!(lines[0].contains(" DEBUG orgtui::logging::tests: effect a"), "{text}");
        assert!(lines[0].ends_with("[2Jb x\\u{a}y"), "{text}");
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(crate::model::Timestamp::parse_rfc3339(lines[0].split(' ').next().unwrap()).is_some());
    }
}
