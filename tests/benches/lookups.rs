//! Rust lookups of the generated `netcodes` crate, side by side with the
//! `http` crate and with a plain array index, in one criterion run.
//!
//!     cargo bench -p conformance --bench lookups
//!
//! Every benchmark walks a whole input slice per iteration; criterion's
//! throughput line gives lookups per second, and tests/bench/report.py turns
//! the estimates into nanoseconds per lookup for BENCHMARKS.md. Inputs:
//!
//! - `known`: every status the `http` crate has a canonical reason for;
//! - `sweep`: every u16 from 0 to 1099, known or not (mostly not);
//! - per system, every code netcodes knows, then unknown values around them;
//! - per system, every upstream name, then as many unknown names.
//!
//! Criterion benches are not tests: `cargo test` does not run them, and
//! `cargo test --benches` runs each once, quickly, only to see that it works.

use std::hint::black_box;

use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main, measurement::WallTime};
use netcodes::{chromium::NetError, http::Status, qt::NetworkError, warning::Warning};

fn run<I: Copy, O>(group: &mut BenchmarkGroup<'_, WallTime>, name: &str, inputs: &[I], f: impl Fn(I) -> O) {
    group.throughput(Throughput::Elements(inputs.len() as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            for &input in inputs {
                black_box(f(black_box(input)));
            }
        });
    });
}

/// Known codes of a system followed by as many values it does not know.
fn with_unknown<T: Copy>(known: &[T], code: impl Fn(T) -> i64, is_known: impl Fn(i64) -> bool) -> (Vec<i64>, Vec<i64>) {
    let known: Vec<i64> = known.iter().map(|&c| code(c)).collect();
    let (lo, hi) = (known.iter().copied().min().unwrap_or(0), known.iter().copied().max().unwrap_or(0));
    let unknown: Vec<i64> = (lo - 100..=hi + 100).filter(|&v| !is_known(v)).take(known.len()).collect();
    (known, unknown)
}

fn http_peer(c: &mut Criterion) {
    // Every status the http crate names, and a sweep over known and unknown values.
    let known: Vec<u16> = (100..=999).filter(|&v| http::StatusCode::from_u16(v).is_ok_and(|s| s.canonical_reason().is_some())).collect();
    let sweep: Vec<u16> = (0..1100).collect();
    // The same values as constructed codes, for the operations that start from one.
    let known_http: Vec<http::StatusCode> = known.iter().map(|&v| http::StatusCode::from_u16(v).unwrap()).collect();
    let known_ours: Vec<Status> = known.iter().map(|&v| Status::new(v)).collect();
    // Baseline for code -> description: an array index with a bounds check.
    let table: Vec<Option<&'static str>> = (0..1000).map(|v| Status::new(v).description()).collect();
    let index = |v: u16| table.get(usize::from(v)).copied().flatten();

    let mut group = c.benchmark_group("http_vs_netcodes");
    for (set, inputs) in [("known", &known), ("sweep", &sweep)] {
        run(&mut group, &format!("reason_from_u16.http.{set}"), inputs, |v| {
            http::StatusCode::from_u16(v).ok().and_then(|s| s.canonical_reason())
        });
        run(&mut group, &format!("reason_from_u16.netcodes.{set}"), inputs, |v| Status::new(v).reason());
        run(&mut group, &format!("from_u16.http.{set}"), inputs, |v| http::StatusCode::from_u16(v).ok());
        run(&mut group, &format!("from_u16.netcodes.{set}"), inputs, |v| {
            let status = Status::new(v);
            if status.is_valid() { Some(status) } else { None }
        });
        run(&mut group, &format!("description.netcodes.{set}"), inputs, |v| Status::new(v).description());
        run(&mut group, &format!("description.array_index.{set}"), inputs, index);
    }
    group.throughput(Throughput::Elements(known.len() as u64));
    group.bench_function("canonical_reason.http.known", |b| {
        b.iter(|| known_http.iter().map(|s| black_box(*s).canonical_reason()).fold(0usize, |n, r| n + r.map_or(0, str::len)));
    });
    group.bench_function("canonical_reason.netcodes.known", |b| {
        b.iter(|| known_ours.iter().map(|s| black_box(*s).reason()).fold(0usize, |n, r| n + r.map_or(0, str::len)));
    });
    group.finish();
}

fn per_system(c: &mut Criterion) {
    let mut group = c.benchmark_group("netcodes");
    // code -> name / description, name -> code, for every system.
    macro_rules! system {
        ($id:literal, $ty:ty, $int:ty) => {{
            let (known, unknown) =
                with_unknown(<$ty>::ALL, |c| i64::from(c.code()), |v| <$int>::try_from(v).is_ok_and(|v| <$ty>::new(v).is_known()));
            let known: Vec<$int> = known.into_iter().map(|v| <$int>::try_from(v).unwrap()).collect();
            let unknown: Vec<$int> = unknown.into_iter().map(|v| <$int>::try_from(v).unwrap()).collect();
            let names: Vec<&'static str> = <$ty>::ALL.iter().filter_map(|c| c.name()).collect();
            let unknown_names: Vec<String> = names.iter().map(|n| format!("{n}X")).collect();
            let unknown_names: Vec<&str> = unknown_names.iter().map(String::as_str).collect();
            for (set, inputs) in [("known", &known), ("unknown", &unknown)] {
                run(&mut group, &format!("{}.name.{set}", $id), inputs, |v| <$ty>::new(v).name());
                run(&mut group, &format!("{}.description.{set}", $id), inputs, |v| <$ty>::new(v).description());
            }
            run(&mut group, &format!("{}.from_name.known", $id), &names, |n| <$ty>::from_name(n));
            run(&mut group, &format!("{}.from_name.unknown", $id), &unknown_names, |n| <$ty>::from_name(n));
            (known, unknown)
        }};
    }
    let (qt, qt_unknown) = system!("qt", NetworkError, i32);
    let (chromium, chromium_unknown) = system!("chromium", NetError, i32);
    let (http, http_unknown) = system!("http", Status, u16);
    let _ = system!("warning", Warning, u16);

    // Every mapping, over the codes of its source system and over unknown values.
    let sweep: Vec<u16> = (0..1100).collect();
    for (set, inputs) in [("known", &chromium), ("unknown", &chromium_unknown)] {
        run(&mut group, &format!("map.chromium_to_http.{set}"), inputs, Status::from_chromium);
        run(&mut group, &format!("map.chromium_to_qt.{set}"), inputs, NetworkError::from_chromium);
    }
    for (set, inputs) in [("known", &qt), ("unknown", &qt_unknown)] {
        run(&mut group, &format!("map.qt_to_http.{set}"), inputs, Status::from_qt);
    }
    for (set, inputs) in [("known", &http), ("unknown", &http_unknown), ("sweep", &sweep)] {
        run(&mut group, &format!("map.http_status_to_qt.{set}"), inputs, NetworkError::from_http_status);
    }
    group.finish();
}

criterion_group!(benches, http_peer, per_system);
criterion_main!(benches);
