//! Benchmark of the in-memory build: `jobgen::load` (discover, parse, validate, resolve) and
//! `render::render_site` on a generated 1,000-role project. Nothing is written to `output/`.
//!
//! ```text
//! cargo bench --bench build            # full run (a few minutes on 2 cores)
//! cargo bench --bench build -- --quick # shorter
//! ```
//!
//! The project comes from `examples/synth.rs` (the same generator as
//! `cargo run --release --example synth -- <N> <DIR>`), written once into a temporary folder
//! before any timing starts. `scripts/bench.sh` times the real binary, writes included.

#[allow(dead_code)] // the example's `main` and helpers the bench does not call
#[path = "../examples/synth.rs"]
mod synth;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jobgen::posting::Date;
use jobgen::render;
use jobgen::settings::Settings;

const TODAY: Date = Date { year: 2026, month: 11, day: 22 };
use jobgen::templates::Templates;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

const ROLES: usize = 1_000;

fn build(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().expect("create a temporary folder");
    synth::write_project(ROLES, dir.path()).expect("write the synthetic project");
    let root = dir.path();

    // Setup checks, untimed: the project is clean and renders every page.
    let loaded = jobgen::load(root).expect("load the synthetic project");
    assert!(loaded.diagnostics.is_empty(), "the synthetic project has diagnostics");
    assert_eq!(loaded.catalog.roles.len(), ROLES);
    let site = Settings::default();
    let templates = Templates::load(root).expect("load the templates");
    let files = render::render_site(&loaded.catalog, &site, &templates, TODAY).expect("render");
    assert_eq!(files.len(), 2 * ROLES + 3, "a page per role and format, the index twice, the css");

    let mut group = c.benchmark_group(format!("build_{ROLES}_roles"));
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(30));
    group.throughput(Throughput::Elements(ROLES as u64));

    // The stages apart, to see where the time goes.
    group.bench_function("load", |b| b.iter(|| jobgen::load(black_box(root)).unwrap()));
    group.bench_function("render_site", |b| {
        b.iter(|| {
            render::render_site(black_box(&loaded.catalog), &site, &templates, TODAY).unwrap()
        })
    });
    // What `jobgen check` does, and `jobgen build` short of writing.
    group.bench_function("load_and_render", |b| b.iter(|| load_and_render(black_box(root))));
    group.finish();
}

fn load_and_render(root: &Path) -> usize {
    let loaded = jobgen::load(root).unwrap();
    let templates = Templates::load(root).unwrap();
    let files =
        render::render_site(&loaded.catalog, &Settings::default(), &templates, TODAY).unwrap();
    files.iter().map(|f| f.bytes.len()).sum()
}

criterion_group!(benches, build);
criterion_main!(benches);
