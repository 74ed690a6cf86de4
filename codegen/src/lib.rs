//! netcodes' generator: load and validate `data/` into a [`model::Model`],
//! then render every output as [`GeneratedFile`]s. No I/O beyond reading `data/`;
//! writing is `xtask`'s job.

pub mod diag;
pub use codegen_text::escape;
pub mod load;
pub mod model;
pub mod render;
pub mod spell;
pub mod validate;

pub use diag::Diagnostic;
pub use render::{GENERATED_NOTICE, GeneratedFile, generate};
pub use validate::load;

/// `work` on every item, each on its own thread, results in the items'
/// order: for the parts of loading and rendering that take most of the time
/// and share nothing.
pub(crate) fn each_in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let work = &work;
    std::thread::scope(|scope| {
        let running: Vec<_> = items.iter().map(|item| scope.spawn(move || work(item))).collect();
        running.into_iter().map(|thread| thread.join().expect("a worker panicked")).collect()
    })
}
