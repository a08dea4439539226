//! The `jobgen` command: parse the command line, run, map the outcome to an exit code.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = jobgen::cli::Cli::parse();
    match jobgen::run(&cli) {
        Ok(exit) => ExitCode::from(exit as u8),
        Err(jobgen::error::Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
