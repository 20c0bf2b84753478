//! Paired measurement: two ways of doing the same work, timed in turns.
//!
//! This machine's speed drifts over seconds (other virtual machines share it), so two
//! Criterion benchmarks run one after the other can see different machines, and their
//! ratio says little. Each sample of either benchmark here runs both, alternately, and
//! reports only its own time: both see the same drift, and their ratio holds.

use std::time::{Duration, Instant};

/// Runs `runs[0]` and `runs[1]` alternately, `iters` times each, and returns the time each
/// took in all.
pub fn alternately(iters: u64, runs: [&dyn Fn(); 2]) -> [Duration; 2] {
    let mut spent = [Duration::ZERO; 2];
    for _ in 0..iters {
        for (run, spent) in runs.iter().zip(&mut spent) {
            let start = Instant::now();
            run();
            *spent += start.elapsed();
        }
    }
    spent
}
