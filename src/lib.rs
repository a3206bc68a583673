//! orgtui: a terminal console for AWS Organizations, with a faithful in-memory organization
//! engine. See DESIGN.md for the layers; dependencies point downwards only:
//! `cli → backend → engine → model`.

pub mod atomic_file;
pub mod backend;
pub mod catalog;
pub mod changes;
pub mod cli;
pub mod engine;
pub mod logging;
pub mod model;
pub mod paths;
pub mod policy;
pub mod serve;
pub mod snapshot;
pub mod tui;
