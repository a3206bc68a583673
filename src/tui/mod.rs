//! The console (DESIGN.md §5): app state, messages, a pure `update`, effects run by tokio tasks
//! against the `OrgBackend`, and a draw that is a pure function of the state. Only this module
//! knows about terminals.

pub mod app;
pub mod clipboard;
pub mod command;
pub mod config;
pub mod dialog;
pub mod editor;
pub mod effects;
pub mod keymap;
pub mod msg;
pub mod pages;
pub mod terminal;
pub mod theme;
pub mod tree;
pub mod update;
pub mod view;

use crate::backend::OrgBackend;
use std::sync::Arc;

/// Everything the console needs to start.
pub struct ConsoleOptions {
    pub backend: Arc<dyn OrgBackend>,
    pub source: app::Source,
    /// The source's offline extras (IAM principals the inspector knows), when it has them.
    pub extras: Option<crate::snapshot::Extras>,
}

/// Runs the console on the current terminal until the user quits.
pub fn run(opts: ConsoleOptions) -> Result<(), String> {
    terminal::install_panic_hook();
    let (keymap, keymap_problem) = keymap::Keymap::load_user();
    let mut app = app::App::new(opts.source, theme::Theme::from_env(), keymap, (80, 24));
    app.extras = opts.extras.map(Arc::new);
    let (config, config_problem) = config::UserConfig::load_user();
    app.watch = config.watch;
    if let Some(p) = keymap_problem.or(config_problem) {
        tracing::warn!("{p}");
        app.status = app::Status::Error(p);
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    let r = rt.block_on(terminal::run_loop(app, opts.backend));
    terminal::restore();
    rt.shutdown_timeout(std::time::Duration::from_millis(200));
    r.map_err(|e| format!("terminal error: {e}"))
}
