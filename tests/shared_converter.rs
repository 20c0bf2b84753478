//! One `Converter` shared by many threads gives, in each, what it gives in one thread, and
//! OpenCC's expected output where the case has one: on OpenCC's test inputs under every
//! configuration, with threads that start together and convert in different orders.

mod testcases;

use std::sync::{Arc, Barrier};

use fanjian::{Config, Converter};

#[test]
fn many_threads_share_one_converter() {
    let cases = testcases::load();
    assert_eq!(cases.len(), testcases::CASE_COUNT);
    let inputs: Vec<String> = cases.iter().map(|case| case.input.clone()).collect();
    for config in Config::ALL {
        let converter = Converter::new(config);
        let alone: Vec<String> = inputs.iter().map(|text| converter.convert(text)).collect();
        let threads = 8;
        let start = Arc::new(Barrier::new(threads));
        let results: Vec<Vec<(usize, String)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|thread| {
                    let (converter, start, inputs) = (converter.clone(), start.clone(), &inputs);
                    scope.spawn(move || {
                        start.wait();
                        // Each thread its own order, so that different inputs overlap.
                        (0..inputs.len())
                            .map(|i| (i * (2 * thread + 1) + thread) % inputs.len())
                            .map(|i| (i, converter.convert(&inputs[i])))
                            .collect()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for (i, got) in results.into_iter().flatten() {
            assert_eq!(got, alone[i], "{config} on {:?}", inputs[i]);
            if let Some((_, expected)) = cases[i].expected.iter().find(|(c, _)| *c == config) {
                assert_eq!(&got, expected, "{config}, case {}", cases[i].id);
            }
        }
    }
}
