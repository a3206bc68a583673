//! `orgtui diff A B`: what differs between two organizations (snapshot files, the sample or the
//! live one), as text or JSON, and optionally the change set that turns A into B.

use super::failure::{Failure, emit};
use super::source::{OrgSource, load_source};
use crate::model::Timestamp;
use std::io::Write;
use std::path::PathBuf;

/// The arguments of `orgtui diff`.
#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// Snapshot files: A then B. With `--sample`, `--org` or `--aws`, that organization is A
    /// and one file is B.
    #[arg(value_name = "FILE", num_args = 0..=2)]
    pub files: Vec<PathBuf>,
    /// Use the bundled sample organization as A.
    #[arg(long)]
    pub sample: bool,
    /// Print the differences as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the change set that turns A into B (orgtui-changes/1) to this file.
    #[arg(long, value_name = "FILE")]
    pub emit_changes: Option<PathBuf>,
}

fn file_source(path: &PathBuf) -> OrgSource {
    OrgSource { org: Some(path.clone()), aws: Default::default() }
}

/// `orgtui diff`.
pub fn diff(source: &OrgSource, args: &DiffArgs, now: Timestamp) -> Result<(), Failure> {
    let mut sides = Vec::new();
    if source.aws.live() || source.org.is_some() {
        sides.push(load_source(source)?);
    }
    if args.sample {
        sides.push(load_source(&OrgSource { org: None, aws: Default::default() })?);
    }
    for f in &args.files {
        sides.push(load_source(&file_source(f))?);
    }
    if sides.len() != 2 {
        return Err(Failure::input(
            "diff compares two organizations: give two snapshot files, or one with --sample, --org FILE or --aws",
        ));
    }
    let (a, b) = (&sides[0].state, &sides[1].state);
    let d = crate::changes::diff(a, b);
    let text = if args.json {
        let mut s = serde_json::to_string_pretty(&d).unwrap_or_default();
        s.push('\n');
        s
    } else {
        d.to_text()
    };
    emit(None, &text)?;
    if let Some(path) = &args.emit_changes {
        let mut out = crate::changes::emit_changes(a, b, now).map_err(Failure::input)?;
        out.changes.description = "Turns organization A into B (orgtui diff --emit-changes)".into();
        emit(Some(path), &out.changes.to_json())?;
        let mut err = std::io::stderr();
        let _ = writeln!(
            err,
            "orgtui: wrote {} operation(s) to {}",
            out.changes.operations.len(),
            path.display()
        );
        for n in &out.inexpressible {
            let _ = writeln!(err, "orgtui: not expressible as a change set: {n}");
        }
        for n in &out.failures {
            let _ = writeln!(err, "orgtui: would fail on A: {n}");
        }
    }
    Ok(())
}
