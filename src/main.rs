//! The `orgtui` binary: parse the command line, run the command, map failures to exit codes
//! (0 success, 1 failed operation, 2 invalid input or usage).

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match orgtui::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match orgtui::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            // stderr may be gone (the terminal hung up); never panic over it.
            let _ = writeln!(std::io::stderr(), "orgtui: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}
