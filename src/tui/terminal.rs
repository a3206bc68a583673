//! The terminal: raw mode and the alternate screen while the console runs, restored on every
//! way out (return, panic, SIGTERM, SIGHUP); the input thread (key presses only); and the loop
//! that feeds messages to `update`, runs effects and draws only when something changed, at most
//! ~30 frames a second, each frame in synchronized output.

use super::app::App;
use super::msg::{Effect, Msg};
use super::{clipboard, effects::Runner, update, view};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyEventKind,
};
use crossterm::terminal::{
    BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute, style::Print};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

/// Minimum time between two frames (~30 fps).
pub const FRAME: Duration = Duration::from_millis(33);

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back in normal mode. Safe to call more than once, from any path.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = std::io::stdout();
        let _ = execute!(out, DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
        let _ = disable_raw_mode();
        let _ = out.flush();
    }
}

/// Restores the terminal when dropped.
pub struct Guard;

impl Guard {
    /// Enters raw mode and the alternate screen, with bracketed paste (a paste arrives as one
    /// event, never as keys).
    pub fn enter() -> std::io::Result<Guard> {
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        execute!(std::io::stdout(), EnterAlternateScreen, EnableBracketedPaste, cursor::Hide)?;
        Ok(Guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Installs a panic hook that restores the terminal before the report is printed.
pub fn install_panic_hook() {
    let (panic_hook, _) = color_eyre::config::HookBuilder::default().into_hooks();
    let panic_hook = panic_hook.into_panic_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        tracing::error!("panic: {info}");
        panic_hook(info);
    }));
}

/// Hands every message already queued to `handle`, in order, until the queue is empty or
/// `handle` says stop (the console quits); returns how many were handled.
fn drain(rx: &mut mpsc::UnboundedReceiver<Msg>, mut handle: impl FnMut(Msg) -> bool) -> usize {
    let mut n = 0;
    while let Ok(m) = rx.try_recv() {
        n += 1;
        if !handle(m) {
            break;
        }
    }
    n
}

/// The input thread: reads terminal events and posts them. `poll` returns as soon as an event
/// is ready (its timeout only lets the thread notice `stop`), and every event read is sent at
/// once, so queued input never waits for another key.
fn spawn_input(tx: mpsc::UnboundedSender<Msg>, stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            match event::poll(Duration::from_millis(100)) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(_) => break,
            }
            let msg = match event::read() {
                Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => Msg::Key(k),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(Event::Mouse(m)) => Msg::Mouse(m),
                Ok(Event::Paste(text)) => Msg::Paste(text),
                Ok(_) => continue,
                Err(_) => break,
            };
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
}

#[cfg(unix)]
fn spawn_signals(tx: mpsc::UnboundedSender<Msg>) {
    use tokio::signal::unix::{SignalKind, signal};
    for kind in [SignalKind::terminate(), SignalKind::hangup()] {
        if let Ok(mut s) = signal(kind) {
            let tx = tx.clone();
            tokio::spawn(async move {
                if s.recv().await.is_some() {
                    let _ = tx.send(Msg::Terminate);
                }
            });
        }
    }
}

#[cfg(not(unix))]
fn spawn_signals(_tx: mpsc::UnboundedSender<Msg>) {}

fn draw(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &App) -> std::io::Result<()> {
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let r = terminal.draw(|f| view::draw(f, app)).map(|_| ());
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    r
}

fn apply(effects: Vec<Effect>, runner: &mut Runner) {
    for e in effects {
        match &e {
            Effect::Copy(text) => {
                let tmux = std::env::var_os("TMUX").is_some();
                if let Some(seq) = clipboard::osc52(text, tmux) {
                    let _ = execute!(std::io::stdout(), Print(seq));
                }
            }
            Effect::WriteDraft { .. } | Effect::RemoveDraft { .. } => {
                if let Err(m) = super::editor::draft::apply(&e) {
                    tracing::warn!("draft file: {m}");
                }
            }
            Effect::SetMouse(on) => {
                let _ = if *on {
                    execute!(std::io::stdout(), EnableMouseCapture)
                } else {
                    execute!(std::io::stdout(), DisableMouseCapture)
                };
            }
            _ => {
                tracing::debug!("effect {e:?}");
                runner.start(e);
            }
        }
    }
}

/// Runs the console until the user quits (or a signal arrives).
pub async fn run_loop(
    mut app: App,
    backend: Arc<dyn crate::backend::OrgBackend>,
    cloudtrail: Option<Arc<dyn crate::backend::cloudtrail::CloudTrailBackend>>,
    costs: Option<Arc<dyn crate::backend::costs::CostExplorerBackend>>,
) -> std::io::Result<()> {
    let _guard = Guard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    // Not `terminal.clear()`: it asks the terminal for the cursor position and fails after 2 s
    // on terminals that do not answer. A plain clear matches ratatui's blank back buffer.
    execute!(terminal.backend_mut(), Clear(ClearType::All))?;
    let size = terminal.size()?;
    app.shared.size = (size.width, size.height);
    let (tx, mut rx) = mpsc::unbounded_channel();
    let stop = Arc::new(AtomicBool::new(false));
    spawn_input(tx.clone(), stop.clone());
    spawn_signals(tx.clone());
    let mut runner = Runner::new(backend, tx);
    if let Some(ct) = cloudtrail {
        runner = runner.with_cloudtrail(ct);
    }
    if let Some(c) = costs {
        runner = runner.with_costs(c);
    }
    apply(update::start(&mut app), &mut runner);
    let mut last_frame = Instant::now() - FRAME;
    let result = loop {
        if app.quit {
            break Ok(());
        }
        let now = Instant::now();
        if app.dirty && now >= last_frame + FRAME {
            if let Err(e) = draw(&mut terminal, &app) {
                break Err(e);
            }
            app.dirty = false;
            last_frame = now;
        }
        let wait = if app.dirty {
            (last_frame + FRAME).saturating_duration_since(Instant::now())
        } else if app.busy() || app.wants_tick() {
            Duration::from_millis(150)
        } else {
            Duration::from_secs(3600)
        };
        tokio::select! {
            msg = rx.recv() => {
                let Some(msg) = msg else { break Ok(()) };
                apply(update::update(&mut app, msg), &mut runner);
                // Work through everything else queued before drawing (no cap: nothing is left
                // waiting for the next key).
                drain(&mut rx, |m| {
                    apply(update::update(&mut app, m), &mut runner);
                    !app.quit
                });
            }
            _ = tokio::time::sleep(wait) => {
                if app.busy() || app.wants_tick() {
                    apply(update::update(&mut app, Msg::Tick), &mut runner);
                }
            }
        }
    };
    stop.store(true, Ordering::Relaxed);
    restore();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drain_takes_everything_queued_however_much() {
        let (tx, mut rx) = mpsc::unbounded_channel();
        for _ in 0..5000 {
            tx.send(Msg::Tick).unwrap();
        }
        let mut seen = 0;
        assert_eq!(
            drain(&mut rx, |_| {
                seen += 1;
                true
            }),
            5000
        );
        assert_eq!(seen, 5000);
        assert!(rx.try_recv().is_err());
    }

    #[test]
    fn drain_stops_when_told() {
        let (tx, mut rx) = mpsc::unbounded_channel();
        for _ in 0..10 {
            tx.send(Msg::Tick).unwrap();
        }
        assert_eq!(drain(&mut rx, |_| false), 1);
    }
}
