//! Paired measurement: the ratio of two ways of doing the same work, timed in turns.
//!
//! This machine's speed drifts over seconds (other virtual machines share it), so two
//! Criterion benchmarks run one after the other can see different machines, and the ratio
//! of their estimates says little. Here both run in turns, each round timing one of each,
//! and the ratio is the median over the rounds of the two times in a round: both saw the
//! same machine.

use std::time::Instant;

/// The median over `rounds` rounds of `time(runs[0]) / time(runs[1])`, the two run one
/// after the other in each round.
pub fn median_ratio(rounds: usize, runs: [&dyn Fn(); 2]) -> f64 {
    let time = |run: &dyn Fn()| {
        let start = Instant::now();
        run();
        start.elapsed().as_secs_f64()
    };
    let mut ratios: Vec<f64> = (0..rounds).map(|_| time(runs[0]) / time(runs[1])).collect();
    ratios.sort_by(f64::total_cmp);
    ratios[rounds / 2]
}
