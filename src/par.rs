//! `par_iter` with or without threads: rayon's with the `parallel` feature (the
//! command line, the server), else a plain iterator (the WebAssembly page: the
//! browser gives the module no threads). Callers write `.par_iter().map(..).collect()`
//! either way.

#[cfg(feature = "parallel")]
pub use rayon::prelude::*;

/// The sequential stand-in for rayon's `par_iter`.
#[cfg(not(feature = "parallel"))]
pub trait ParIter<T> {
    fn par_iter(&self) -> std::slice::Iter<'_, T>;
}

#[cfg(not(feature = "parallel"))]
impl<T> ParIter<T> for [T] {
    fn par_iter(&self) -> std::slice::Iter<'_, T> {
        self.iter()
    }
}

/// Runs `a` and `b`, on two threads where there are threads; returns both results.
#[cfg(feature = "parallel")]
pub fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    rayon::join(a, b)
}

/// Runs `a`, then `b` (no threads).
#[cfg(not(feature = "parallel"))]
pub fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA,
    B: FnOnce() -> RB,
{
    (a(), b())
}
