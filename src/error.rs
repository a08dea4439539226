//! Fatal errors: problems that are not in the user's content (I/O, templates, usage).
//! They stop the run with exit code 2; content problems are `Diagnostic`s instead.

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// fs-err puts the path and the operation into the message.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A template failed to compile or render; Tera's report names file, line and column.
    #[error("template error: {0}")]
    Template(String),
    /// The command line asked for something that does not exist.
    #[error("{0}")]
    Usage(String),
}

impl From<tera::Error> for Error {
    fn from(e: tera::Error) -> Self {
        Error::Template(report(&e))
    }
}

/// Tera's message with its chain of causes, which carry the file, line and column.
pub fn report(e: &tera::Error) -> String {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        message.push_str(&format!("\ncaused by: {cause}"));
        source = cause.source();
    }
    message
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
