//! A command's failure and its exit code (1 a failed operation, 2 invalid input or usage),
//! and writing a command's output: the leaf every command file uses.

use crate::snapshot;
use std::io::Write;
use std::path::PathBuf;

/// A command's failure with its exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// Invalid input or usage (exit 2).
    pub fn input(message: impl Into<String>) -> Self {
        Failure { code: 2, message: message.into() }
    }
    /// A failed operation (exit 1).
    pub fn operation(message: impl Into<String>) -> Self {
        Failure { code: 1, message: message.into() }
    }
}

/// Writes command output to a file (atomically) or standard output.
pub fn emit(output: Option<&PathBuf>, text: &str) -> Result<(), Failure> {
    match output {
        Some(path) => snapshot::save_atomic(path, text)
            .map_err(|e| Failure::operation(format!("cannot write {}: {e}", path.display()))),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                // A closed pipe (`| head`) is not an error worth reporting.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(Failure::operation(format!("cannot write output: {e}")))
                }
                _ => Ok(()),
            }
        }
    }
}

/// Reads a command's input file, or standard input for `-`; `fail` makes the failure
/// (`simulate` treats an unreadable request as bad input, `lint` as a failed operation).
pub fn read_input(file: &str, what: &str, fail: fn(String) -> Failure) -> Result<String, Failure> {
    use std::io::Read;
    if file == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| fail(format!("cannot read {what} from standard input: {e}")))?;
        Ok(s)
    } else {
        std::fs::read_to_string(file).map_err(|e| fail(format!("cannot read {file}: {e}")))
    }
}
