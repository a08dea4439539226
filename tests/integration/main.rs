//! Integration tests: the real `jobgen` binary run on fixture projects copied to temporary
//! folders. One test binary for all of them keeps link time down.

mod build;
mod check;
mod pay_rules;
mod postings;
mod render;
mod safety;
mod util;
