//! The console (DESIGN.md §5): app state, messages, a pure `update`, effects run by tokio tasks
//! against the `OrgBackend`, and a draw that is a pure function of the state. Only this module
//! knows about terminals.

pub mod app;
pub mod clipboard;
pub mod command;
pub mod config;
pub mod cx;
pub mod dialog;
pub mod editor;
pub mod effects;
pub mod global;
pub mod keymap;
pub mod module;
pub mod msg;
pub mod page;
pub mod pages;
pub mod terminal;
pub mod theme;
pub mod tree;
pub mod update;
pub mod view;
pub mod widgets;

use crate::backend::OrgBackend;
use std::sync::Arc;

/// Everything the console needs to start.
pub struct ConsoleOptions {
    pub backend: Arc<dyn OrgBackend>,
    pub source: cx::SessionInfo,
    /// The source's offline extras (IAM principals the inspector knows), when it has them.
    pub extras: Option<crate::snapshot::Extras>,
    /// The source's billing data, when it has some (the Billing page).
    pub costs: Option<Arc<crate::engine::costs::CostData>>,
    /// A message for the status line at start (why the session is read-only, …).
    pub notice: Option<String>,
    /// CloudTrail for the Activity page, when the session has it.
    pub cloudtrail: Option<Arc<dyn crate::backend::cloudtrail::CloudTrailBackend>>,
    /// Cost Explorer for the Billing page, when the session has it (a paid one is cached on
    /// disk and never called implicitly).
    pub cost_explorer: Option<Arc<dyn crate::backend::costs::CostExplorerBackend>>,
}

/// Runs the console on the current terminal until the user quits.
pub fn run(opts: ConsoleOptions) -> Result<(), String> {
    terminal::install_panic_hook();
    let (keymap, keymap_problem) = keymap::Keymap::load_user();
    let mut app = app::App::new(opts.source, theme::Theme::from_env(), keymap, (80, 24));
    app.shared.extras = opts.extras.map(Arc::new);
    app.shared.costs = opts.costs;
    app.shared.costs_paid = opts.cost_explorer.as_ref().map(|c| c.paid());
    let (config, config_problem) = config::UserConfig::load_user();
    app.shared.watch = config.watch;
    if let Some(n) = opts.notice {
        app.set_status(cx::Status::Error(n));
    }
    if let Some(p) = keymap_problem.or(config_problem) {
        tracing::warn!("{p}");
        app.set_status(cx::Status::Error(p));
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    let r = rt.block_on(terminal::run_loop(app, opts.backend, opts.cloudtrail, opts.cost_explorer));
    terminal::restore();
    rt.shutdown_timeout(std::time::Duration::from_millis(200));
    r.map_err(|e| format!("terminal error: {e}"))
}
