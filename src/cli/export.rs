//! The commands that write an organization out: `export` (tree, JSON, Mermaid, DOT, CSV),
//! `snapshot` (an orgtui-snapshot/1 file) and `generate` (a synthetic organization).

use super::failure::{Failure, emit};
use super::source::{OrgSource, load_source};
use crate::model::Timestamp;
use crate::snapshot::{self, export::ExportFormat};
use std::io::Write;
use std::path::PathBuf;

/// `orgtui export`: the organization in `format`, to `output` or standard output.
pub fn export(
    source: &OrgSource,
    format: ExportFormat,
    output: Option<&PathBuf>,
    now: Timestamp,
) -> Result<(), Failure> {
    let org = load_source(source)?;
    emit(output, &snapshot::export::render(format, &org.state, &org.extras, now))
}

/// `orgtui snapshot`: the organization as a snapshot file, with a summary on standard error.
pub fn save_snapshot(source: &OrgSource, output: &PathBuf, now: Timestamp) -> Result<(), Failure> {
    let org = load_source(source)?;
    emit(Some(output), &snapshot::to_json(&org.state, &org.extras, now))?;
    let _ = writeln!(
        std::io::stderr(),
        "wrote {} accounts and {} OUs to {}",
        org.state.accounts.len(),
        org.state.org.as_ref().map_or(0, |o| o.ous.len()),
        output.display()
    );
    Ok(())
}

/// `orgtui generate`: a synthetic organization of `accounts` accounts and `ous` OUs.
pub fn generate(
    accounts: usize,
    ous: usize,
    seed: u64,
    output: &PathBuf,
    now: Timestamp,
) -> Result<(), Failure> {
    let state =
        snapshot::generate::generate(accounts, ous, seed).map_err(|e| Failure::input(e.to_string()))?;
    let text = snapshot::to_json(&state, &snapshot::Extras::default(), now);
    emit(Some(output), &text)?;
    let _ = writeln!(std::io::stderr(), "wrote {accounts} accounts and {ous} OUs to {}", output.display());
    Ok(())
}
